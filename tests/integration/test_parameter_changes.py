"""A legal parameter change lists the running grants it affects and opens a changing decision for
each (art. 106 ust. 5 u.p.s.), which a caseworker drafts and a supervisor signs, as usual; its
schedule replaces the changed grant's months from the change."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import select

from app.persistence.models import Case, Decision, PaymentScheduleItem
from app.services.case_file import view as case_view
from app.services.cases import opening as cases
from app.services.decisions import parameter_changes
from app.services.kernel.context import Actor, ServiceContext
from app.services.kernel.errors import Conflict, Forbidden, NotFound
from app.services.workflow import worklist
from tests.conftest import FakeClock
from tests.drive import drive, ready_tasks, sample_application

pytestmark = [pytest.mark.timeout(180), pytest.mark.embedded]


def _granted_in_2024(ctx: ServiceContext, clock: FakeClock, actors: dict[str, Actor]) -> int:
    """A zasiłek stały granted in November 2024 with no end date, final and scheduled."""
    clock.set(datetime(2024, 11, 4, 9, 0, tzinfo=UTC))
    app = sample_application(benefit="zasilek_staly")
    app["applicant"] = {**app["applicant"], "unable_to_work": True}
    case_id = cases.open_case(ctx, actors["caseworker"], app)
    drive(ctx, case_id, actors)
    return case_id


def _schedule(ctx: ServiceContext, case_id: int) -> list[tuple[date, Decimal, str]]:
    with ctx.uow(readonly=True) as uow:
        return [(i.month, i.amount, i.status) for i in uow.session.scalars(
            select(PaymentScheduleItem).where(PaymentScheduleItem.case_id == case_id)
            .order_by(PaymentScheduleItem.month))]


def test_the_1_january_2025_criteria_change_a_running_zasilek_staly_by_a_changing_decision(
    ctx: ServiceContext, clock: FakeClock, caseworker: Actor, supervisor: Actor
) -> None:
    actors = {"caseworker": caseworker, "supervisor": supervisor}
    parent = _granted_in_2024(ctx, clock, actors)
    granted = case_view.get_case(ctx, caseworker, parent)["decision"]
    assert granted["status"] == "final" and granted["period_to"] is None

    clock.set(datetime(2024, 12, 2, 9, 0, tzinfo=UTC))
    affected = parameter_changes.affected_grants(ctx, caseworker)
    assert len(affected) == 1
    grant = affected[0]
    assert grant["case_id"] == parent and grant["effective_from"] == "2025-01-01"
    assert Decimal(grant["new_amount"]) > Decimal(grant["amount"])  # 130% of 1010 zł, not of 776 zł

    with pytest.raises(Forbidden):
        parameter_changes.draft_changes(ctx, caseworker, [grant])
    [change_id] = parameter_changes.draft_changes(ctx, supervisor, [grant])
    # Once opened, the grant is no longer listed, and opening it again is a conflict.
    assert parameter_changes.affected_grants(ctx, caseworker) == []
    with pytest.raises(Conflict):
        parameter_changes.draft_changes(ctx, supervisor, [grant])

    # The caseworker's draft opens with the new amount from the change to the end of the grant.
    drive(ctx, change_id, actors, until=lambda ts: any(t.name == "draft_decision" for t in ts))
    task = next(t for t in ready_tasks(ctx, change_id) if t.name == "draft_decision")
    context: dict[str, Any] = worklist.get_task(ctx, caseworker, task.id)["context"]
    assert context["initial"]["amount"] == grant["new_amount"]
    assert context["initial"]["period_from"] == "2025-01-01"
    assert context["change"]["parent_case_number"] == grant["case_number"]
    assert "art. 106 ust. 5" in context["initial"]["justification"]

    drive(ctx, change_id, actors)  # approved by the supervisor, issued, delivered, final, scheduled
    change = case_view.get_case(ctx, caseworker, change_id)
    assert change["kind"] == "change" and change["parent"]["id"] == parent
    decision = change["decision"]
    assert decision["status"] == "final" and decision["amount"] == grant["new_amount"]
    assert decision["approved_by"] and decision["number"].startswith("DEC/2024/")
    with ctx.uow(readonly=True) as uow:
        document = uow.session.scalars(select(Decision.document_html)
                                       .where(Decision.case_id == change_id)).one()
    assert document and "zmienić decyzję nr" in document and "art. 106 ust. 5" in document

    # Months from January 2025 are paid under the changing decision, not the old one.
    old = _schedule(ctx, parent)
    assert all(status == "cancelled" for month, _a, status in old if month >= date(2025, 1, 1))
    assert any(status == "planned" for month, _a, status in old if month < date(2025, 1, 1))
    new = _schedule(ctx, change_id)
    assert new[0][0] == date(2025, 1, 1)
    assert {amount for _m, amount, _s in new} == {Decimal(grant["new_amount"])}
    assert [c["id"] for c in case_view.get_case(ctx, caseworker, parent)["changes"]] == [change_id]


def test_a_grant_the_change_does_not_affect_cannot_be_changed(
    ctx: ServiceContext, clock: FakeClock, caseworker: Actor, supervisor: Actor
) -> None:
    actors = {"caseworker": caseworker, "supervisor": supervisor}
    parent = _granted_in_2024(ctx, clock, actors)
    with pytest.raises(NotFound):
        parameter_changes.draft_changes(ctx, supervisor, [{"case_id": parent,
                                                           "effective_from": "2025-02-01"}])
    with ctx.uow(readonly=True) as uow:
        assert uow.session.scalars(select(Case).where(Case.parent_case_id == parent)).all() == []


def test_api_and_page_list_and_open_changes(client: Any, ctx: ServiceContext, clock: FakeClock,
                                            caseworker: Actor, supervisor: Actor) -> None:
    actors = {"caseworker": caseworker, "supervisor": supervisor}
    parent = _granted_in_2024(ctx, clock, actors)
    clock.set(datetime(2024, 12, 2, 9, 0, tzinfo=UTC))
    token = client.post("/api/auth/token", json={"username": "supervisor", "password": "demo"})
    auth = {"Authorization": f"Bearer {token.get_json()['token']}"}
    listed = client.get("/api/parameter-changes", headers=auth).get_json()
    assert [g["case_id"] for g in listed] == [parent]
    bad = client.post("/api/parameter-changes/draft", json={"grants": [{"case_id": "x"}]}, headers=auth)
    assert bad.status_code == 422
    assert client.post("/api/parameter-changes/draft", json={"grants": []}, headers=auth).status_code == 422

    client.post("/login", data={"username": "supervisor", "password": "demo"})
    page = client.get("/changes").get_data(as_text=True)
    assert "Zmiany parametrów" in page and listed[0]["case_number"] in page
    res = client.post("/changes/draft", data={"grant": f"{parent}@{listed[0]['effective_from']}"})
    assert res.status_code == 302
    assert client.get("/api/parameter-changes", headers=auth).get_json() == []
    assert "Wszczęto sprawy zmiany decyzji (liczba: 1)" in client.get("/changes").get_data(as_text=True)


@pytest.mark.parametrize("grant", [
    {"case_id": 2**40, "effective_from": "2025-01-01"},
    {"case_id": True, "effective_from": "2025-01-01"},
    {"case_id": 1, "effective_from": "20250101"},
    {"case_id": 1},
    "1@2025-01-01",
])
def test_a_malformed_choice_is_a_clear_422(ctx: ServiceContext, supervisor: Actor, grant: Any) -> None:
    from app.services.kernel.errors import ValidationFailed

    with pytest.raises(ValidationFailed):
        parameter_changes.draft_changes(ctx, supervisor, [grant])
