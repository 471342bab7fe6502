"""Issue 16, part 2 (lane usrc): a case of each care benefit of u.ś.r. is opened through
POST /api/cases and walked by ``drive()`` to its decision and payment."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import select

from app.domain.statuses import CaseKind, DecisionKind, DecisionStatus
from app.persistence.models import Case, Decision, HumanTask, Payment
from app.services import payments
from app.services.case_file import view as case_view
from app.services.decisions.recorded_benefits import carer_benefits_held
from app.services.kernel.context import Actor, ServiceContext
from app.services.workflow import worklist
from tests.drive import canned, complete_named, drive, ready_tasks
from tests.web.test_pages import pesel
from tests.web.test_register import _token

pytestmark = [pytest.mark.timeout(300), pytest.mark.embedded]

ADDRESS = "ul. Testowa 1, 32-065 Krzeszowice"
ACCOUNT = "PL61109010140000071219812874"


def _open(client: Any, body: dict[str, Any]) -> int:
    res = client.post("/api/cases", json=body, headers=_token(client, "caseworker1"))
    assert res.status_code == 201, res.get_data(as_text=True)[:500]
    return int(res.get_json()["id"])


def _drive(ctx: ServiceContext, case_id: int, actors: dict[str, Actor],
           until: Callable[[list[HumanTask]], bool] | None = None) -> None:
    """``drive()``, where a community interview (if the case's process still asks for one)
    confirms the declared incomes as its form opens."""
    for _ in range(5):
        drive(ctx, case_id, actors,
              until=lambda ts: any(t.name == "conduct_interview" for t in ts)
              or bool(until and until(ts)))
        task = next((t for t in ready_tasks(ctx, case_id) if t.name == "conduct_interview"), None)
        if task is None:
            return
        initial = worklist.get_task(ctx, actors["caseworker"], task.id)["context"]["initial"]
        complete_named(ctx, case_id, "conduct_interview", actors["caseworker"],
                       {**canned(ctx, "conduct_interview"), **initial})


def _walk(ctx: ServiceContext, case_id: int, caseworker: Actor, supervisor: Actor) -> Decision:
    """Drive the case to its end, then run March's payments: the decision and its payment."""
    _drive(ctx, case_id, {"caseworker": caseworker, "supervisor": supervisor})
    case = case_view.get_case(ctx, supervisor, case_id)
    assert case["decision"]["status"] == "final", case["decision"]
    assert case["schedule"], "a granted decision is scheduled"
    payments.monthly_payment_run(ctx, date(2026, 3, 1))
    with ctx.uow(readonly=True) as uow:
        decision = uow.session.scalars(select(Decision).where(Decision.case_id == case_id)
                                       .order_by(Decision.id.desc())).first()
        assert decision is not None
        paid = list(uow.session.scalars(select(Payment.amount).where(Payment.case_id == case_id)))
        uow.session.expunge(decision)
    assert paid == [decision.amount], paid
    return decision


def _application(benefit: str, applicant: dict[str, Any],
                 members: list[dict[str, Any]]) -> dict[str, Any]:
    return {"applicant": applicant, "members": members, "benefit": benefit,
            "reason": "niepelnosprawnosc", "urgent": False, "address": ADDRESS,
            "bank_account": ACCOUNT}


def test_art_16_zasilek_pielegnacyjny_of_a_person_aged_75_to_decision_and_payment(
    ctx: ServiceContext, client: Any, caseworker: Actor, supervisor: Actor,
) -> None:
    case_id = _open(client, _application("zasilek_pielegnacyjny", {
        "pesel": pesel("4501150123"), "first_name": "Jan", "last_name": "Senior"}, []))
    decision = _walk(ctx, case_id, caseworker, supervisor)
    assert decision.kind == "grant" and decision.amount == Decimal("215.84")
    assert "zasiłek pielęgnacyjny" in (decision.document_html or "")


def test_art_16_zasilek_pielegnacyjny_of_a_disabled_child_named_in_the_ruling(
    ctx: ServiceContext, client: Any, caseworker: Actor, supervisor: Actor,
) -> None:
    case_id = _open(client, _application("zasilek_pielegnacyjny", {
        "pesel": pesel("8502150123"), "first_name": "Ewa", "last_name": "Matka"}, [
        {"pesel": pesel("1623050123"), "first_name": "Ola", "last_name": "Matka",
         "relation": "child", "disability_degree": "child"}]))
    decision = _walk(ctx, case_id, caseworker, supervisor)
    assert decision.amount == Decimal("215.84")
    assert "na rzecz osoby uprawnionej: Ola Matka" in (decision.document_html or "")


def test_art_17_swiadczenie_pielegnacyjne_2026_amount_to_decision_and_payment(
    ctx: ServiceContext, client: Any, caseworker: Actor, supervisor: Actor,
) -> None:
    case_id = _open(client, _application("swiadczenie_pielegnacyjne", {
        "pesel": pesel("8502150123"), "first_name": "Ewa", "last_name": "Matka",
        "net_income": "6000.00"}, [
        {"pesel": pesel("1623050123"), "first_name": "Ola", "last_name": "Matka",
         "relation": "child", "disability_degree": "znaczny"}]))
    decision = _walk(ctx, case_id, caseworker, supervisor)
    assert decision.kind == "grant" and decision.amount == Decimal("3386.00")
    assert "w związku ze sprawowaniem opieki nad: Ola Matka" in (decision.document_html or "")


def test_art_16a_specjalny_zasilek_opiekunczy_at_the_criterion_to_decision_and_payment(
    ctx: ServiceContext, client: Any, caseworker: Actor, supervisor: Actor,
) -> None:
    case_id = _open(client, _application("specjalny_zasilek_opiekunczy", {
        "pesel": pesel("7502150123"), "first_name": "Adam", "last_name": "Syn",
        "net_income": "1528.00", "gave_up_work": True}, [
        {"pesel": pesel("4502150123"), "first_name": "Anna", "last_name": "Syn",
         "relation": "parent", "disability_degree": "znaczny"}]))
    decision = _walk(ctx, case_id, caseworker, supervisor)
    assert decision.kind == "grant" and decision.amount == Decimal("620.00")
    assert "w związku ze sprawowaniem opieki nad: Anna Syn" in (decision.document_html or "")


def test_art_37_ust_5_ups_zasilek_staly_reads_the_swiadczenie_pielegnacyjne_the_centre_granted(
    ctx: ServiceContext, client: Any, caseworker: Actor, supervisor: Actor,
) -> None:
    carer = {"pesel": pesel("8502150123"), "first_name": "Ewa", "last_name": "Matka",
             "unable_to_work": True}
    child = {"pesel": pesel("1623050123"), "first_name": "Ola", "last_name": "Matka",
             "relation": "child", "disability_degree": "znaczny"}
    granted = _walk(ctx, _open(client, _application("swiadczenie_pielegnacyjne", carer, [child])),
                    caseworker, supervisor)
    assert granted.kind == "grant"
    # The zasiłek stały application declares no other benefit: the case files say it.
    case_id = _open(client, _application("zasilek_staly", carer, [child]))
    _drive(ctx, case_id, {"caseworker": caseworker, "supervisor": supervisor},
           until=lambda ts: any(t.name == "draft_decision" for t in ts))
    case = case_view.get_case(ctx, supervisor, case_id)
    assert case["eligibility"]["eligible"] is False
    step = next(s for s in case["eligibility"]["explanation"]
                if s["key"] == "zasilek_staly.exclusion")
    assert "świadczenia pielęgnacyjnego" in step["text_pl"]


def test_a_revoked_swiadczenie_pielegnacyjne_is_no_longer_held(
    ctx: ServiceContext, client: Any, caseworker: Actor, supervisor: Actor,
) -> None:
    carer = {"pesel": pesel("8502150123"), "first_name": "Ewa", "last_name": "Matka"}
    child = {"pesel": pesel("1623050123"), "first_name": "Ola", "last_name": "Matka",
             "relation": "child", "disability_degree": "znaczny"}
    case_id = _open(client, _application("swiadczenie_pielegnacyjne", carer, [child]))
    _walk(ctx, case_id, caseworker, supervisor)
    with ctx.uow() as uow:
        grant = uow.session.get(Case, case_id)
        assert grant is not None
        person = grant.applicant_id
        assert carer_benefits_held(uow, [person], date(2026, 4, 1), besides=-1) == {
            person: ["swiadczenie_pielegnacyjne"]}
        # Its own case and its changes never count against it.
        assert carer_benefits_held(uow, [person], date(2026, 4, 1), besides=case_id) == {}
        # A revocation from May (a final refusal of a change case of the grant).
        change = Case(number="REV/1", household_id=grant.household_id, applicant_id=person,
                      benefit=grant.benefit, reason=grant.reason, opened_on=date(2026, 3, 20),
                      kind=CaseKind.CHANGE, parent_case_id=case_id,
                      effective_from=date(2026, 5, 1))
        uow.session.add(change)
        uow.session.flush()
        uow.session.add(Decision(case_id=change.id, kind=DecisionKind.REFUSAL,
                                 benefit=grant.benefit, status=DecisionStatus.FINAL,
                                 drafted_by_id=caseworker.id))
        uow.session.flush()
        assert carer_benefits_held(uow, [person], date(2026, 4, 1), besides=-1) == {
            person: ["swiadczenie_pielegnacyjne"]}, "held until the revocation takes effect"
        assert carer_benefits_held(uow, [person], date(2026, 5, 1), besides=-1) == {}
