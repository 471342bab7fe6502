"""Art. 132-133 KPA (self-correction only in full and within 7 days of receipt) and art. 58 § 2
with art. 57 § 5 KPA (a restoration request is dated by posting)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from app.domain import kpa_appeals
from app.services.appeals import appeal as appeals
from app.services.appeals import sko
from app.services.case_file import view as case_view
from app.services.kernel.context import Actor, ServiceContext
from app.services.kernel.errors import ValidationFailed
from tests.conftest import FakeClock
from tests.drive import canned, complete_named, lawful, ready_tasks
from tests.integration.test_decision_life import _actors, _at, _final_by_lapse, _to_window

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


def _appealed_in_window(ctx: ServiceContext, clock: FakeClock, actors: dict[str, Actor]) -> int:
    """A zasiłek okresowy decision delivered on 2 March, appealed (posted 10, received 11 March)."""
    case_id = _to_window(ctx, actors)
    _at(clock, date(2026, 3, 11))
    complete_named(ctx, case_id, "appeal_window", actors["caseworker"], {
        "appeal_event": "appeal_filed", "appeal_event_on": "2026-03-11",
        "appeal_posted_on": "2026-03-10", "appeal_channel": "post"})
    return case_id


def test_art_132_self_correction_after_the_7_days_of_art_133_is_refused(
    ctx: ServiceContext, clock: FakeClock, caseworker: Actor, supervisor: Actor
) -> None:
    actors = _actors(caseworker, supervisor)
    case_id = _appealed_in_window(ctx, clock, actors)
    _at(clock, date(2026, 3, 19))   # received 11 March: the 7 days ended on 18 March
    with pytest.raises(ValidationFailed) as refused:
        complete_named(ctx, case_id, "handle_appeal", supervisor, {
            "appeal_action": "change_decision", "appeal_in_full": True,
            "appeal_demand": "Przyznanie zasiłku w wyższej kwocie."})
    assert refused.value.errors["appeal_action"].code == "self_correction_after_7_days"
    # Forwarding to the SKO is still open.
    complete_named(ctx, case_id, "handle_appeal", supervisor,
                   {"appeal_action": "forward_to_sko"})


def test_art_132_self_correction_from_the_case_file_after_7_days_is_refused(
    ctx: ServiceContext, clock: FakeClock, caseworker: Actor, supervisor: Actor
) -> None:
    # A timely appeal recorded after finality, self-corrected 8 days after its receipt.
    case2 = _final_by_lapse(ctx, clock, _actors(caseworker, supervisor))
    _at(clock, date(2026, 3, 18))
    appeal = appeals.record_appeal(ctx, caseworker, case2, {
        "channel": "post", "posted_on": "2026-03-16", "received_on": "2026-03-18"})
    assert appeal["timely"] and appeal["self_correction_last_day"] == "2026-03-25"
    _at(clock, date(2026, 3, 26))
    with pytest.raises(ValidationFailed) as late:
        sko.forward_appeal(ctx, supervisor, appeal["id"], {
            "action": "self_correct", "grants_in_full": True, "demand": "Wyższa kwota."})
    assert late.value.errors["action"].code == "self_correction_after_7_days"
    assert sko.forward_appeal(ctx, supervisor, appeal["id"], {"action": "forward"})["forwarded_on"]


def test_art_132_self_correction_only_when_the_appeal_is_granted_in_full(
    ctx: ServiceContext, clock: FakeClock, caseworker: Actor, supervisor: Actor
) -> None:
    actors = _actors(caseworker, supervisor)
    case_id = _appealed_in_window(ctx, clock, actors)
    _at(clock, date(2026, 3, 13))
    with pytest.raises(ValidationFailed) as refused:   # no confirmation, no demand recorded
        complete_named(ctx, case_id, "handle_appeal", supervisor,
                       {"appeal_action": "change_decision"})
    assert refused.value.errors["appeal_action"].code == "self_correction_not_in_full"
    before = case_view.get_case(ctx, caseworker, case_id)["decision"]
    asked = Decimal(before["amount"])
    complete_named(ctx, case_id, "handle_appeal", supervisor, {
        "appeal_action": "change_decision", "appeal_in_full": True,
        "appeal_demand": "Przyznanie zasiłku w kwocie wyliczonej przez organ.",
        "appeal_demand_amount": f"{asked:.2f}"})
    (appeal,) = case_view.get_case(ctx, caseworker, case_id)["life"]["appeals"]
    assert appeal["self_corrected_on"] == "2026-03-13"
    assert appeal["demand"]["amount"] == f"{asked:.2f}" and appeal["demand"]["in_full_confirmed"]
    # The new draft must grant what the appeal asked for: less is not a self-correction.
    task = next(t for t in ready_tasks(ctx, case_id) if t.name == "draft_decision")
    data = lawful(ctx, caseworker, task, canned(ctx, "draft_decision"))
    with pytest.raises(ValidationFailed) as less:
        complete_named(ctx, case_id, "draft_decision", caseworker,
                       data | {"amount": f"{asked - 10:.2f}", "amount_reason": "Mniej."})
    codes = {v["code"] for v in less.value.extra["violations"]}
    assert "self_correction_not_in_full" in codes
    with pytest.raises(ValidationFailed) as refusal:
        complete_named(ctx, case_id, "draft_decision", caseworker, data | {
            "decision_kind": "refusal", "amount": None, "period_from": None, "period_to": None,
            "justification": "Odmowa."})
    assert "self_correction_not_in_full" in {v["code"] for v in refusal.value.extra["violations"]}
    complete_named(ctx, case_id, "draft_decision", caseworker, data | {"amount": f"{asked:.2f}"})
