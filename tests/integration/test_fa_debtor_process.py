"""Issue 16 part 3: the FA debtor procedure of the debtor's centre (art. 3-5 of the act of
7 Sep 2007), opened and walked through ``fa_debtor.bpmn`` to its end, each step recorded with
the deadline its task carried; the debtor's ledger (art. 27-28) with dues taken from the FA case
and receipts split between the state budget and the gminas."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import select

from app.domain.messages.codes_fad import FadCode
from app.persistence.models import AuditEvent, Case, HumanTask
from app.services.debtors import ledger, procedures
from app.services.kernel.context import Actor, ServiceContext
from app.services.kernel.errors import Conflict, Forbidden, ValidationFailed
from app.services.workflow import worklist
from tests.drive import drive, ready_tasks
from tests.recovery_data import make_case

pytestmark = [pytest.mark.timeout(180), pytest.mark.embedded]
TODAY = "2026-03-02"


def request(**extra: Any) -> dict[str, Any]:
    """The opening request (a key given as None is left out)."""
    body = {"first_name": "Adam", "last_name": "Dłużny", "pesel": "80010112340",
            "address": "ul. Dalsza 2, 00-950 Warszawa", "creditor_gmina": "Gmina Wierzyciela",
            "debtor_gmina": "Gmina Dłużnika", "request_received_on": "2026-02-02", **extra}
    return {k: v for k, v in body.items() if v is not None}


def answers(**changes: dict[str, Any]) -> Any:
    """Form data per task: a debtor who refuses the oświadczenie, found evading, licence held."""
    base: dict[str, dict[str, Any]] = {
        "debtor_interview": {"interview_on": "2026-02-20", "declaration_received": False,
                             "interview_prevented": False, "employed": False,
                             "findings": "Dłużnik odmówił złożenia oświadczenia majątkowego."},
        "debtor_bailiff_info": {"sent_on": "2026-02-23"},
        "debtor_registration_obligation": {"obliged_on": "2026-02-23", "registration_days": 30,
                                           "labour_office_informed": True},
        "debtor_registration_check": {"checked_on": TODAY, "registered": True,
                                      "refused_work": False},
        "debtor_evasion_decision": {"decided_on": "2026-02-25", "paid_half_each_month": False,
                                    "evasion_found": True},
        "debtor_evasion_final": {"evasion_final_on": TODAY},
        "debtor_licence_motion": {"licence_held": True, "sent_on": TODAY},
        "debtor_big_report": {"sent_on": TODAY},
        "debtor_prosecutor_notice": {"sent_on": TODAY},
        "debtor_grounds_ceased": {"ceased_on": TODAY, "ceased_note": "Podjął zatrudnienie."},
        "debtor_licence_withdrawal": {"sent_on": TODAY},
    }
    base.update(changes)
    return lambda name: base.get(name)


def actors(caseworker: Actor, supervisor: Actor) -> dict[str, Actor]:
    return {"caseworker": caseworker, "supervisor": supervisor}


def test_art_3_5_the_debtor_procedure_is_walked_to_its_end(
        ctx: ServiceContext, caseworker: Actor, supervisor: Actor) -> None:
    pid = procedures.open_procedure(ctx, caseworker, request())
    view = procedures.read_procedure(ctx, caseworker, pid)
    # The wywiad is due 30 days from the request (art. 3-4 reading), 4 March 2026.
    assert [(s.step, s.due_on) for s in view.open_steps] == [("interview", date(2026, 3, 4))]
    done = drive(ctx, view.case_id, actors(caseworker, supervisor), data_for=answers())
    assert done == ["debtor_interview", "debtor_bailiff_info", "debtor_evasion_decision",
                    "debtor_evasion_final", "debtor_licence_motion", "debtor_big_report",
                    "debtor_prosecutor_notice", "debtor_grounds_ceased",
                    "debtor_licence_withdrawal"]
    view = procedures.read_procedure(ctx, supervisor, pid)
    assert view.status == "closed" and view.outcome == "grounds_ceased"
    steps = {s.step: s for s in view.steps}
    assert steps["interview"].outcome == "no_declaration" and steps["interview"].on_time
    # The evasion decision: a KPA month from the interview that found the refusal.
    assert steps["evasion_decision"].due_on == date(2026, 3, 20)
    # 30 days from finality (2 Mar) for the motion, the BIG report and the art. 209 notice.
    for step in ("licence_motion", "big_report", "prosecutor_notice"):
        assert steps[step].due_on == date(2026, 4, 1), step
    assert steps["licence_withdrawal"].due_on == date(2026, 3, 16)
    with ctx.uow() as uow:
        case = uow.session.get(Case, view.case_id)
        assert case is not None and case.kind == "debtor" and case.number.startswith("POM/2026/")
        reads = uow.session.scalars(select(AuditEvent.action).where(
            AuditEvent.case_id == view.case_id)).all()
    assert "debtor.opened" in reads and "debtor.read" in reads


def test_art_5_ust_2_an_unemployed_debtor_who_registers_ends_the_procedure(
        ctx: ServiceContext, caseworker: Actor, supervisor: Actor) -> None:
    pid = procedures.open_procedure(ctx, caseworker, request(pesel=None, birth_date="1980-01-01",
                                                             sex="M"))
    case_id = procedures.read_procedure(ctx, caseworker, pid).case_id
    done = drive(ctx, case_id, actors(caseworker, supervisor), data_for=answers(
        debtor_interview={"interview_on": "2026-02-20", "declaration_received": True,
                          "interview_prevented": False, "employed": False}))
    assert done == ["debtor_interview", "debtor_bailiff_info", "debtor_registration_obligation",
                    "debtor_registration_check"]
    view = procedures.read_procedure(ctx, caseworker, pid)
    assert view.outcome == "registered"
    registration = next(s for s in view.steps if s.step == "registration")
    # Served 23 Feb with 30 days: 25 Mar 2026 (art. 5 ust. 2 pkt 1).
    assert registration.due_on == date(2026, 3, 25)


def _complete(ctx: ServiceContext, actor: Actor, case_id: int, name: str,
              data: dict[str, Any]) -> None:
    task = next(t for t in ready_tasks(ctx, case_id) if t.name == name)
    worklist.complete(ctx, actor, task.id, data, task.version)


def test_art_5_ust_2_pkt_1_the_registration_period_is_at_most_30_days_and_art_5_ust_3a(
        ctx: ServiceContext, caseworker: Actor, supervisor: Actor) -> None:
    pid = procedures.open_procedure(ctx, caseworker, request())
    case_id = procedures.read_procedure(ctx, caseworker, pid).case_id
    data = answers(debtor_interview={"interview_on": "2026-02-20", "declaration_received": True,
                                     "interview_prevented": False, "employed": False})
    drive(ctx, case_id, actors(caseworker, supervisor), data_for=data,
          until=lambda ts: ts[0].name == "debtor_registration_obligation")
    with pytest.raises(ValidationFailed):  # the form's own maximum (31 > 30)
        _complete(ctx, caseworker, case_id, "debtor_registration_obligation", {
            "obliged_on": "2026-02-23", "registration_days": 31, "labour_office_informed": True})
    with pytest.raises(ValidationFailed) as refused:
        _complete(ctx, caseworker, case_id, "debtor_registration_obligation", {
            "obliged_on": "2026-03-03", "registration_days": 14, "labour_office_informed": True})
    assert refused.value.errors["obliged_on"].code == FadCode.DEBTOR_DATE_FUTURE
    _complete(ctx, caseworker, case_id, "debtor_registration_obligation", {
        "obliged_on": "2026-02-23", "registration_days": 5, "labour_office_informed": True})
    _complete(ctx, caseworker, case_id, "debtor_registration_check", {
        "checked_on": TODAY, "registered": False, "refused_work": False})
    with pytest.raises(ValidationFailed) as excluded:
        _complete(ctx, supervisor, case_id, "debtor_evasion_decision", {
            "decided_on": TODAY, "paid_half_each_month": True, "evasion_found": True})
    assert excluded.value.errors["evasion_found"].code == FadCode.DEBTOR_EVASION_EXCLUDED
    _complete(ctx, supervisor, case_id, "debtor_evasion_decision", {
        "decided_on": TODAY, "paid_half_each_month": True, "evasion_found": False})
    view = procedures.read_procedure(ctx, caseworker, pid)
    assert view.outcome == "not_evading"
    assert [s.due_on for s in view.steps if s.step == "registration"] == [date(2026, 3, 2)]


def test_art_27_28_dues_from_the_fa_case_interest_and_the_split_of_each_receipt(
        ctx: ServiceContext, caseworker: Actor) -> None:
    fa = make_case(ctx, benefit="fundusz_alimentacyjny",
                   months=(date(2026, 1, 9), date(2026, 2, 10)), amount="500.00")
    pid = procedures.open_procedure(ctx, caseworker, request(fa_case_id=fa.case_id))
    assert ledger.import_fa_dues(ctx, caseworker, pid) == 2
    assert ledger.import_fa_dues(ctx, caseworker, pid) == 0  # each payment once
    ledger.add_due(ctx, caseworker, pid, {"paid_on": "2026-02-10", "amount": "100.00"})
    receipt = ledger.record_receipt(ctx, caseworker, pid, {"received_on": TODAY,
                                                          "amount": "200.00"})
    view = procedures.read_procedure(ctx, caseworker, pid)
    assert view.balance.principal == Decimal("1100.00")
    (r,) = view.receipts
    assert r.id == receipt and r.interest_part > 0
    assert r.interest_part + r.principal_part == Decimal("200.00")
    # Two gminas: 60 % state, 20 % each (art. 28 ust. 1-2).
    assert (r.split.state, r.split.creditor_gmina, r.split.debtor_gmina) == (
        Decimal("120.00"), Decimal("40.00"), Decimal("40.00"))
    assert view.balance.outstanding_principal == Decimal("1100.00") - r.principal_part
    with pytest.raises(ValidationFailed) as above:
        ledger.record_receipt(ctx, caseworker, pid, {"received_on": TODAY,
                                                     "amount": "5000.00"})
    assert above.value.errors["amount"].code == FadCode.DEBTOR_RECEIPT_ABOVE_OUTSTANDING
    with pytest.raises(ValidationFailed) as before:
        ledger.record_receipt(ctx, caseworker, pid, {"received_on": "2026-02-27",
                                                     "amount": "1.00"})
    assert before.value.errors["received_on"].code == FadCode.DEBTOR_RECEIPT_BEFORE_LAST


def test_a_standalone_procedure_has_no_fa_case_and_an_admin_sees_nothing(
        ctx: ServiceContext, caseworker: Actor, admin: Actor) -> None:
    pid = procedures.open_procedure(ctx, caseworker, request(debtor_gmina="gmina wierzyciela",
                                                             creditor_gmina="Gmina Wierzyciela"))
    with pytest.raises(Conflict):
        ledger.import_fa_dues(ctx, caseworker, pid)
    assert procedures.read_procedure(ctx, caseworker, pid).same_gmina
    for call in (lambda: procedures.read_procedure(ctx, admin, pid),
                 lambda: procedures.list_procedures(ctx, admin),
                 lambda: procedures.open_procedure(ctx, admin, request())):
        with pytest.raises(Forbidden):
            call()
    with pytest.raises(ValidationFailed) as wrong:
        procedures.open_procedure(ctx, caseworker, request(pesel="80010112345",
                                                           fa_case_id=999999))
    assert set(wrong.value.errors) == {"pesel", "fa_case_id"}
    with ctx.uow() as uow:
        assert uow.session.scalars(select(HumanTask.name)).all() == ["debtor_interview"]
