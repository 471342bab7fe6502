"""Help in kind and services walked end to end (issue 16): a meal case (art. 48b u.p.s.) and a
care services case (art. 50) opened through POST /api/cases, driven with ``drive()`` to their
decision, and found on their monthly list, never on a payment list."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import func, select

from app.persistence.models import Decision, Payment, PaymentScheduleItem
from app.services.kernel.context import Actor, ServiceContext
from app.services.payments import run
from app.services.provision import fee_tables, lists
from app.services.workflow import worklist
from tests.drive import canned, complete_named, drive, ready_tasks, sample_application
from tests.web.test_register import _token

pytestmark = [pytest.mark.timeout(300), pytest.mark.embedded]


def _open(client: Any, benefit: str, income: str, members: list[dict[str, Any]] | None = None,
          ) -> int:
    body = sample_application(benefit=benefit, reason="niepelnosprawnosc")
    body["applicant"] = {**body["applicant"], "net_income": income}
    body["members"] = members or []
    res = client.post("/api/cases", json=body, headers=_token(client, "caseworker1"))
    assert res.status_code == 201, res.get_data(as_text=True)[:400]
    return int(res.get_json()["id"])


def _to_draft(ctx: ServiceContext, case_id: int, actors: dict[str, Actor]) -> Any:
    """Drive to the draft; the interview confirms the declared incomes as its form opens."""
    drive(ctx, case_id, actors, until=lambda ts: any(t.name == "conduct_interview" for t in ts))
    task = next(t for t in ready_tasks(ctx, case_id) if t.name == "conduct_interview")
    initial = worklist.get_task(ctx, actors["caseworker"], task.id)["context"]["initial"]
    complete_named(ctx, case_id, "conduct_interview", actors["caseworker"],
                   {**canned(ctx, "conduct_interview"), **initial})
    drive(ctx, case_id, actors, until=lambda ts: any(t.name == "draft_decision" for t in ts))
    return next(t for t in ready_tasks(ctx, case_id) if t.name == "draft_decision")


def _walk(ctx: ServiceContext, case_id: int, actors: dict[str, Actor],
          scope: dict[str, Any]) -> Decision:
    """Drive to the draft, draft the lawful grant with its scope, then drive to the end."""
    task = _to_draft(ctx, case_id, actors)
    view = worklist.get_task(ctx, actors["caseworker"], task.id)
    initial = view["context"]["initial"]
    assert initial["decision_kind"] == "grant" and initial["amount"] is None
    data = {**canned(ctx, "draft_decision"), **initial, **scope}
    data.pop("amount", None)
    complete_named(ctx, case_id, "draft_decision", actors["caseworker"], data)
    drive(ctx, case_id, actors)
    with ctx.uow(readonly=True) as uow:
        decision = uow.session.scalars(select(Decision).where(Decision.case_id == case_id)
                                       .order_by(Decision.id.desc())).first()
        assert decision is not None
        uow.session.expunge(decision)
        return decision


def _no_bank_payment(ctx: ServiceContext, decision: Decision, month: date) -> None:
    run.monthly_payment_run(ctx, month)
    with ctx.uow(readonly=True) as uow:
        items = uow.session.scalar(select(func.count(PaymentScheduleItem.id)).where(
            PaymentScheduleItem.decision_id == decision.id))
        payments = uow.session.scalar(select(func.count(Payment.id)).where(
            Payment.case_id == decision.case_id))
    assert (items, payments) == (0, 0)


def test_art_48b_meal_case_from_the_api_to_its_decision_and_the_providers_list(
        client: Any, ctx: ServiceContext, caseworker: Actor, supervisor: Actor) -> None:
    actors = {"caseworker": caseworker, "supervisor": supervisor}
    # 2020 zł: exactly 200% of the single criterion (1010 zł), the programme's threshold.
    case_id = _open(client, "posilek", "2020.00")
    decision = _walk(ctx, case_id, actors,
                     {"provider": "Szkoła Podstawowa nr 1 w Krzeszowicach", "meals_per_day": 1})
    assert decision.status == "final" and decision.kind == "grant"
    assert decision.amount == Decimal("0.00") and decision.period_to is not None
    assert decision.document_html is not None
    assert "pomoc w formie posiłku w postaci jednego posiłku dziennie" in decision.document_html
    assert "Szkoła Podstawowa nr 1 w Krzeszowicach" in decision.document_html
    assert "przelewem" not in decision.document_html
    month = decision.period_from.replace(day=1) if decision.period_from else date(2026, 3, 1)
    _no_bank_payment(ctx, decision, month)
    with ctx.uow(readonly=True) as uow:
        found = lists.meals(uow, month)
    [provider] = found.providers
    assert provider.provider == "Szkoła Podstawowa nr 1 w Krzeszowicach"
    [row] = provider.rows
    assert row.case_id == case_id and row.name == "Jan Testowy"
    assert row.meals == row.days * 1 and row.days > 0
    # The API gives the same list, and its exports; the case file shows the scope.
    auth = _token(client, "caseworker1")
    file = client.get(f"/api/cases/{case_id}", headers=auth).get_json()
    assert file["decisions"][-1]["scope"]["provider"] == "Szkoła Podstawowa nr 1 w Krzeszowicach"
    res = client.get(f"/api/provision/meals?month={month:%Y-%m}", headers=auth)
    assert res.status_code == 200, res.get_data(as_text=True)[:300]
    assert res.get_json()["providers"][0]["rows"][0]["case_id"] == case_id
    xlsx = client.get(f"/api/provision/meals/export/xlsx?month={month:%Y-%m}", headers=auth)
    assert xlsx.status_code == 200 and xlsx.data[:2] == b"PK"
    pdf = client.get(f"/api/provision/meals/export/pdf?month={month:%Y-%m}", headers=auth)
    assert pdf.status_code == 200 and pdf.data[:4] == b"%PDF"


def test_art_48b_one_grosz_above_the_threshold_is_refused_without_a_list(
        client: Any, ctx: ServiceContext, caseworker: Actor, supervisor: Actor) -> None:
    actors = {"caseworker": caseworker, "supervisor": supervisor}
    case_id = _open(client, "posilek", "2020.01")
    task = _to_draft(ctx, case_id, actors)
    assert worklist.get_task(ctx, caseworker, task.id)["context"]["initial"][
        "decision_kind"] == "refusal"


def test_art_50_care_services_case_decides_the_fee_with_the_service_and_lists_it(
        client: Any, ctx: ServiceContext, caseworker: Actor, supervisor: Actor) -> None:
    with ctx.uow() as uow:
        fee_tables.seed_demo(uow)   # from 1 Jan 2024: up to 100% free, up to 150%: 10% of 38 zł
        uow.commit()
    actors = {"caseworker": caseworker, "supervisor": supervisor}
    # 1515 zł: exactly 150% of 1010 zł, the second band's limit: 10% x 38 zł = 3,80 zł an hour.
    case_id = _open(client, "uslugi_opiekuncze", "1515.00")
    decision = _walk(ctx, case_id, actors, {"hours_per_week": "10"})
    assert decision.status == "final" and decision.amount == Decimal("0.00")
    html = decision.document_html or ""
    assert "usługi opiekuńcze w zakresie 10 godz. tygodniowo" in html
    assert "Ustalić odpłatność w wysokości 10% kosztu" in html and "3,80" in html
    assert "przelewem" not in html
    assert decision.period_from is not None
    month = decision.period_from.replace(day=1)
    _no_bank_payment(ctx, decision, month)
    with ctx.uow(readonly=True) as uow:
        found = lists.services(uow, month)
    [row] = found.rows
    assert row.case_id == case_id and row.fee_per_hour == Decimal("3.80")
    assert row.hours == (Decimal(10) * row.days / 5).quantize(Decimal("0.01"))
    assert row.fee == (row.hours * Decimal("3.80")).quantize(Decimal("0.01"))
    assert found.fees == row.fee
    auth = _token(client, "supervisor")
    res = client.get(f"/api/provision/services?month={month:%Y-%m}", headers=auth)
    assert res.status_code == 200 and res.get_json()["rows"][0]["fee_per_hour"] == "3.80"


def test_art_50_a_service_without_a_fee_table_in_force_is_refused_on_the_draft(
        client: Any, ctx: ServiceContext, caseworker: Actor, supervisor: Actor) -> None:
    actors = {"caseworker": caseworker, "supervisor": supervisor}
    case_id = _open(client, "uslugi_opiekuncze", "900.00")
    task = _to_draft(ctx, case_id, actors)
    initial = worklist.get_task(ctx, caseworker, task.id)["context"]["initial"]
    data = {**canned(ctx, "draft_decision"), **initial, "hours_per_week": "6"}
    data.pop("amount", None)
    from app.services.kernel.errors import ValidationFailed
    with pytest.raises(ValidationFailed) as err:
        complete_named(ctx, case_id, "draft_decision", caseworker, data)
    assert "period_from" in err.value.errors


def test_a_revoked_meal_grant_leaves_the_providers_list_from_the_revocation(
        client: Any, ctx: ServiceContext, caseworker: Actor, supervisor: Actor) -> None:
    """A grant's days end the day before a standing revocation (or change) of it takes over,
    as the payment run stops a money benefit: the month before still lists the meals."""
    from app.domain.deadlines import today_in_warsaw
    from app.services.decisions import decision_changes

    actors = {"caseworker": caseworker, "supervisor": supervisor}
    case_id = _open(client, "posilek", "1500.00")
    decision = _walk(ctx, case_id, actors,
                     {"provider": "Stołówka Gminna w Krzeszowicach", "meals_per_day": 2})
    assert decision.status == "final" and decision.period_from is not None
    first = decision.period_from.replace(day=1)
    following = date(first.year + first.month // 12, first.month % 12 + 1, 1)
    with ctx.uow(readonly=True) as uow:
        assert lists.meals(uow, following).meals > 0
    change_id = decision_changes.request_change(ctx, caseworker, case_id, {
        "kind": "revoke", "effective_from": following.isoformat(), "ground": "other",
        "ground_text": "Dziecko zmieniło szkołę.", "reason": "Strona zrezygnowała z posiłków.",
        # Art. 155 KPA: no act names this ground, so the party consents.
        "party_consent_on": today_in_warsaw(ctx.now()).isoformat()})
    drive(ctx, change_id, actors)
    with ctx.uow(readonly=True) as uow:
        before, after = lists.meals(uow, first), lists.meals(uow, following)
    assert [r.case_id for p in before.providers for r in p.rows] == [case_id]
    assert after.providers == () and after.meals == 0
