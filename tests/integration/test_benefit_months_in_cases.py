"""The law's readings reach the cases: parameters of the first benefit month (not the filing
date), the age conditions of zasiłek rodzinny from the household recorded at intake."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import select

from app.persistence.models import EligibilityResult
from app.services.cases import opening as cases
from app.services.kernel.context import Actor, ServiceContext
from app.services.kernel.errors import ValidationFailed
from app.services.workflow import worklist
from tests.conftest import FakeClock
from tests.drive import canned, complete_named, drive, ready_tasks
from tests.web.test_pages import pesel

pytestmark = [pytest.mark.timeout(120), pytest.mark.embedded]


def _eligibility(ctx: ServiceContext, case_id: int) -> EligibilityResult:
    with ctx.uow(readonly=True) as uow:
        row = uow.session.scalars(select(EligibilityResult).where(EligibilityResult.case_id == case_id)
                                  .order_by(EligibilityResult.id.desc())).first()
        assert row is not None
        uow.session.expunge(row)
        return row


def _until_draft(ctx: ServiceContext, case_id: int, actors: dict[str, Actor]) -> EligibilityResult:
    """Drive to the draft; a u.p.s. case's interview confirms the declared incomes as its form
    opens (a family benefit or FA case has no interview: issue 16, part 4)."""
    drive(ctx, case_id, actors, until=lambda ts: any(
        t.name in ("conduct_interview", "draft_decision") for t in ts))
    task = next((t for t in ready_tasks(ctx, case_id) if t.name == "conduct_interview"), None)
    if task is not None:
        initial = worklist.get_task(ctx, actors["caseworker"], task.id)["context"]["initial"]
        complete_named(ctx, case_id, "conduct_interview", actors["caseworker"],
                       {**canned(ctx, "conduct_interview"), **initial})
    drive(ctx, case_id, actors, until=lambda ts: any(t.name == "draft_decision" for t in ts))
    return _eligibility(ctx, case_id)


def _fa_application(**overrides: Any) -> dict[str, Any]:
    app: dict[str, Any] = {
        "applicant": {"pesel": pesel("8502150123"), "first_name": "Ewa", "last_name": "Matka",
                      "net_income": "900.00"},
        "members": [{"pesel": pesel("1223050123"), "first_name": "Ola", "last_name": "Matka",
                     "relation": "child", "alimony_awarded": "1200.00"}],
        "benefit": "fundusz_alimentacyjny", "reason": "macierzynstwo",
        "address": "ul. Testowa 1, 32-065 Krzeszowice",
    }
    app.update(overrides)
    return app


def test_fa_filed_in_august_2024_for_the_period_from_october_gets_the_1000_cap(
    ctx: ServiceContext, clock: FakeClock, caseworker: Actor, supervisor: Actor
) -> None:
    clock.set(datetime(2024, 8, 20, 9, 0, tzinfo=UTC))
    actors = {"caseworker": caseworker, "supervisor": supervisor}
    for_october = cases.open_case(ctx, caseworker, _fa_application(requested_from="2024-10-01"))
    row = _until_draft(ctx, for_october, actors)
    assert row.on.isoformat() == "2024-10-01"
    assert row.amount == Decimal("1000.00")
    # Asked from the month of filing, the old period's 500 zł cap applies.
    for_august = cases.open_case(ctx, caseworker, _fa_application())
    assert _until_draft(ctx, for_august, actors).amount == Decimal("500.00")


@pytest.mark.parametrize("requested", ["2024-07-01", "2025-09-01", "20241001", "tomorrow", 5])
def test_requested_from_outside_a_year_from_filing_or_not_iso_is_refused(
    ctx: ServiceContext, clock: FakeClock, caseworker: Actor, requested: Any
) -> None:
    clock.set(datetime(2024, 8, 20, 9, 0, tzinfo=UTC))
    with pytest.raises(ValidationFailed) as err:
        cases.open_case(ctx, caseworker, _fa_application(requested_from=requested))
    assert set(err.value.errors) == {"requested_from"}


def _family(spouse_age_pesel: str, child: dict[str, Any] | None) -> dict[str, Any]:
    members: list[dict[str, Any]] = [{"pesel": spouse_age_pesel, "first_name": "Adam",
                                      "last_name": "Rodzic", "relation": "spouse"}]
    if child:
        members.append(child)
    return {
        "applicant": {"pesel": pesel("9001010123"), "first_name": "Ewa", "last_name": "Rodzic",
                      "net_income": "500.00"},
        "members": members, "benefit": "zasilek_rodzinny", "reason": "macierzynstwo",
        "address": "ul. Testowa 1, 32-065 Krzeszowice",
    }


def test_art_6_ust_1_a_22_year_old_spouse_is_never_a_child(
    ctx: ServiceContext, caseworker: Actor, supervisor: Actor
) -> None:
    actors = {"caseworker": caseworker, "supervisor": supervisor}
    case_id = cases.open_case(ctx, caseworker, _family(pesel("0422020123"), None))  # born 2 Feb 2004: 22
    assert _until_draft(ctx, case_id, actors).eligible is False


def test_art_6_ust_1_an_18_year_old_counts_only_while_in_school(
    ctx: ServiceContext, caseworker: Actor, supervisor: Actor
) -> None:
    actors = {"caseworker": caseworker, "supervisor": supervisor}
    child = {"pesel": pesel("0723030123"), "first_name": "Jan", "last_name": "Rodzic",
             "relation": "child"}  # born 3 Mar 2007: 18 on 1 Mar 2026
    not_in_school = cases.open_case(ctx, caseworker, _family(pesel("8803030123"), child))
    assert _until_draft(ctx, not_in_school, actors).eligible is False
    in_school = cases.open_case(ctx, caseworker, _family(pesel("8803030123"), {**child, "in_school": True}))
    row = _until_draft(ctx, in_school, actors)
    assert row.eligible is True and row.amount == Decimal("135.00")
