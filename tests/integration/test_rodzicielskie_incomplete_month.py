"""Lane b16, issue 16 part 2: a świadczenie rodzicielskie case (art. 17c u.ś.r.) opened through
POST /api/cases and walked to its decision and payment. The child was born on 10 Jan 2026, the
application filed on 2 Mar 2026: the period runs from March (the first benefit month) to the last
day of the 52 weeks, 8 Jan 2027, so the incomplete last month is paid by days (8 of 31 days:
258,064.. zł, rounded up to 10 groszy: 258,10 zł), the whole months 1000 zł."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import select

from app.persistence.models import Decision, PaymentScheduleItem
from app.services.kernel.context import Actor, ServiceContext
from app.services.workflow import worklist
from tests.drive import canned, drive, ready_tasks
from tests.integration.test_usrf_benefits_workflow import (
    _birth_application,
    _decision,
    _open,
    _paid,
)
from tests.web.test_pages import pesel

pytestmark = [pytest.mark.timeout(300), pytest.mark.embedded]


def test_art_17c_the_incomplete_first_month_is_scheduled_and_paid_by_days(
        client: Any, ctx: ServiceContext, caseworker: Actor, supervisor: Actor) -> None:
    actors = {"caseworker": caseworker, "supervisor": supervisor}
    case_id = _open(client, _birth_application("swiadczenie_rodzicielskie", pesel("2621100123")))

    def data_for(name: str) -> dict[str, Any] | None:
        if name != "draft_decision":
            return None
        task = next(t for t in ready_tasks(ctx, case_id) if t.name == name)
        initial = worklist.get_task(ctx, caseworker, task.id)["context"]["initial"]
        # To the last day of the 52 weeks the calculation names (10 Jan 2026 + 364 days - 1).
        return {**canned(ctx, name), **initial, "period_from": "2026-03-01",
                "period_to": "2027-01-08"}
    drive(ctx, case_id, actors, data_for=data_for)
    decision: Decision = _decision(ctx, case_id)
    assert decision.kind == "grant" and decision.amount == Decimal("1000.00")
    html = " ".join((decision.document_html or "").split())
    assert "Za niepełny miesiąc świadczenie przysługuje" in html
    assert "za okres od 1 stycznia 2027 r. do 8 stycznia 2027 r. – 258,10" in html
    with ctx.uow() as uow:
        items = {i.month: i.amount for i in uow.session.scalars(select(PaymentScheduleItem).where(
            PaymentScheduleItem.decision_id == decision.id))}
    assert len(items) == 11, "March 2026 to January 2027"
    assert items[date(2027, 1, 1)] == Decimal("258.10")
    assert {items[m] for m in items if m != date(2027, 1, 1)} == {Decimal("1000.00")}
    assert _paid(ctx, case_id, date(2026, 3, 1)) == [Decimal("1000.00")]
    # The schedule's total is what the decision grants: 10 whole months and 8 days.
    assert sum(items.values()) == Decimal("10258.10")
