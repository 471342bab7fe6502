"""Art. 132-133 KPA (self-correction only in full and within 7 days of receipt) and art. 58 § 2
with art. 57 § 5 KPA (a restoration request is dated by posting)."""

from __future__ import annotations

from datetime import date

import pytest

from app.domain import kpa_appeals
from app.services import appeals, sko
from app.services.context import Actor, ServiceContext
from app.services.errors import ValidationFailed
from tests.conftest import FakeClock
from tests.integration.test_decision_life import _actors, _at, _final_by_lapse

pytestmark = [pytest.mark.timeout(240), pytest.mark.embedded]


def test_art_58_par_2_restoration_request_posted_on_day_7_is_in_time(
    ctx: ServiceContext, clock: FakeClock, caseworker: Actor, supervisor: Actor
) -> None:
    case_id = _final_by_lapse(ctx, clock, _actors(caseworker, supervisor))
    _at(clock, date(2026, 3, 26))
    # The cause ceased on 17 March: 7 days end on 24 March. Posted that day, received on the
    # 26th: the posting date counts (art. 57 § 5 KPA), so the request is in time.
    appeal = appeals.record_appeal(ctx, caseworker, case_id, {
        "channel": "post", "posted_on": "2026-03-24", "received_on": "2026-03-26",
        "restoration_requested": True, "cause_ceased_on": "2026-03-17"})
    assert appeal["restoration_in_time"] is True
    # Posted on day 8 it is late, whenever it arrives.
    assert not kpa_appeals.restoration_in_time(date(2026, 3, 25), date(2026, 3, 17))
    assert kpa_appeals.restoration_in_time(date(2026, 3, 24), date(2026, 3, 17))
