"""Opening a debtor procedure (a case of kind ``debtor`` running ``fa_debtor``, linked to an FA
case or standalone with the debtor's data) and reading it: its steps and deadlines, the open
step, the ledger. Reads are audited (``debtor.read``); an admin alone sees nothing."""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import select

from app.domain import benefits, fa_debtor
from app.domain.deadlines import today_in_warsaw
from app.domain.errors import InvalidIdentifier
from app.domain.identifiers import parse_pesel
from app.domain.messages import Code, msg
from app.domain.messages.codes_fad import FadCode
from app.domain.statuses import CaseKind, TaskStatus
from app.persistence.models import (
    Case,
    DebtorDue,
    DebtorProcedure,
    DebtorReceipt,
    DebtorStep,
    Household,
    HouseholdMember,
    HumanTask,
    Person,
    ProcessInstance,
)
from app.services.cases import register
from app.services.cases.opening import _next_case_number  # the one case-number sequence
from app.services.debtors import ledger
from app.services.debtors.task_actions import STEP_OF_ACTION
from app.services.debtors.views import (
    DebtorDeadline,
    DueView,
    OpenStep,
    ProcedureRow,
    ProcedureView,
    ReceiptView,
    StepView,
)
from app.services.kernel import audit, inputs
from app.services.kernel.context import Actor, ServiceContext, UnitOfWork
from app.services.workflow.instances import apply_snapshot
from app.services.workflow.versions import active_definition, definition_ref

PROCESS = "fa_debtor"
# A debtor procedure has no art. 7 u.p.s. reason.
REASON = ""


def _fa_code() -> str:
    """The FA benefit's code, from the catalogue (the act ``fa`` with a monthly benefit)."""
    return benefits.codes_where(lambda b: b.act == "fa")[0]


def _person(uow: UnitOfWork, typed: dict[str, Any], errors: dict[str, str], today: date
            ) -> tuple[str | None, date | None, str | None]:
    """The debtor's PESEL, birth date and sex (from the PESEL when there is one)."""
    pesel = typed.get("pesel") or None
    if pesel:
        try:
            info = parse_pesel(pesel, today)
        except InvalidIdentifier as exc:
            errors["pesel"] = exc.message
            return None, None, None
        return info.number, info.birth_date, info.sex
    for name in ("birth_date", "sex"):
        if name not in typed and name not in errors:
            errors[name] = msg(Code.REQUIRED)
    return None, typed.get("birth_date"), typed.get("sex")


def open_procedure(ctx: ServiceContext, actor: Actor, body: Any, *, page: bool = False) -> int:
    """Open the debtor procedure on the creditor centre's request; return its id."""
    ledger.require_case_role(actor)
    now = ctx.now()
    today = today_in_warsaw(now)
    typed, errors = inputs.read("DebtorProcedureRequest", body, page=page)
    with ctx.uow() as uow:
        pesel, birth_date, sex = _person(uow, typed, errors, today)
        received: date | None = typed.get("request_received_on")
        if received is not None and received > today:
            errors["request_received_on"] = msg(FadCode.DEBTOR_DATE_FUTURE)
        fa_case_id = typed.get("fa_case_id")
        if fa_case_id is not None:
            fa_case = uow.session.get(Case, fa_case_id)
            if fa_case is None or fa_case.benefit != _fa_code() or fa_case.kind == CaseKind.DEBTOR:
                errors["fa_case_id"] = msg(FadCode.DEBTOR_FA_CASE_UNKNOWN)
        if errors:
            raise inputs.refusal(errors, page=page)
        assert received is not None and birth_date is not None and sex is not None
        definition = active_definition(uow)
        person = uow.session.scalar(select(Person).where(Person.pesel == pesel)) if pesel else None
        if person is None:
            person = Person(register_key=pesel or register.new_register_key(), pesel=pesel,
                            first_name=typed["first_name"], last_name=typed["last_name"],
                            birth_date=birth_date, sex=sex, address=typed["address"],
                            created_at=now)
            uow.session.add(person)
        household = Household(address=typed["address"])
        household.members.append(HouseholdMember(
            person=person, position=0, relation="applicant", first_name=typed["first_name"],
            last_name=typed["last_name"]))
        uow.session.add(household)
        uow.session.flush()
        case = Case(number=f"tmp-{uuid.uuid4().hex[:24]}", household_id=household.id,
                    applicant_id=person.id, benefit=_fa_code(), reason=REASON,
                    kind=CaseKind.DEBTOR, opened_on=received, opened_by_id=actor.id,
                    caseworker_id=actor.id if actor.has("caseworker") else None,
                    stage=PROCESS, created_at=now)
        uow.session.add(case)
        uow.session.flush()
        proc = DebtorProcedure(case_id=case.id, fa_case_id=fa_case_id, debtor_id=person.id,
                               creditor_gmina=typed["creditor_gmina"],
                               debtor_gmina=typed["debtor_gmina"], request_received_on=received,
                               opened_by_id=actor.id, created_at=now)
        uow.session.add(proc)
        snap = ctx.engine.start(definition_ref(uow, definition.id),
                                {"case_id": case.id, "request_received_on": received.isoformat()},
                                now, process_id=PROCESS)
        instance = ProcessInstance(case_id=case.id, definition_id=definition.id, state=b"",
                                   serializer_version="", version=0, created_at=now)
        uow.session.add(instance)
        case.number = _next_case_number(uow, received.year)
        uow.session.flush()
        apply_snapshot(uow, instance, snap)
        audit.record(uow, "debtor.opened", actor.id, case.id, procedure=proc.id)
        uow.commit()
        return proc.id


def _article(step: str) -> str:
    found = fa_debtor.BY_CODE.get(step)
    return found.article if found is not None else ""


def _name(person: Person) -> str:
    return f"{person.first_name} {person.last_name}"


def _open_steps(uow: UnitOfWork, case_ids: list[int]) -> list[tuple[HumanTask, str]]:
    """The ready tasks of these debtor cases with the step their action records."""
    if not case_ids:
        return []
    rows = uow.session.scalars(select(HumanTask).where(
        HumanTask.case_id.in_(case_ids), HumanTask.status == TaskStatus.READY)
        .order_by(HumanTask.due_on, HumanTask.id)).all()
    return [(t, STEP_OF_ACTION.get(t.action or "", t.name)) for t in rows]


def read_procedure(ctx: ServiceContext, actor: Actor, procedure_id: int,
                   on: date | None = None) -> ProcedureView:
    """The whole procedure with its ledger on ``on`` (default today); audited."""
    ledger.require_case_role(actor)
    with ctx.uow() as uow:
        proc = ledger.procedure_row(uow, procedure_id)
        day = on or today_in_warsaw(ctx.now())
        case = uow.session.get(Case, proc.case_id)
        debtor = uow.session.get(Person, proc.debtor_id)
        assert case is not None and debtor is not None
        fa_case = uow.session.get(Case, proc.fa_case_id) if proc.fa_case_id else None
        steps = tuple(StepView(s.step, _article(s.step), s.done_on, s.due_on, s.outcome,
                               None if s.due_on is None else s.done_on <= s.due_on)
                      for s in uow.session.scalars(select(DebtorStep).where(
                          DebtorStep.procedure_id == proc.id).order_by(DebtorStep.id)))
        open_steps = tuple(OpenStep(t.id, step, _article(step), t.title_pl, t.role, t.due_on)
                           for t, step in _open_steps(uow, [case.id]))
        dues = tuple(DueView(d.id, d.paid_on, d.amount, d.payment_id)
                     for d in uow.session.scalars(select(DebtorDue).where(
                         DebtorDue.procedure_id == proc.id).order_by(DebtorDue.paid_on,
                                                                      DebtorDue.id)))
        receipts = tuple(ReceiptView(
            r.id, r.received_on, r.amount, r.interest_part, r.principal_part, r.overpaid_part,
            fa_debtor.Split(r.state_share, r.creditor_gmina_share, r.debtor_gmina_share),
            r.reference) for r in uow.session.scalars(select(DebtorReceipt).where(
                DebtorReceipt.procedure_id == proc.id).order_by(DebtorReceipt.received_on,
                                                                DebtorReceipt.id)))
        zero = Decimal("0.00")
        total = fa_debtor.Split(sum((r.split.state for r in receipts), zero),
                                sum((r.split.creditor_gmina for r in receipts), zero),
                                sum((r.split.debtor_gmina for r in receipts), zero))
        view = ProcedureView(
            id=proc.id, case_id=case.id, case_number=case.number, status=case.status,
            outcome=case.outcome, debtor_id=debtor.id, debtor_name=_name(debtor),
            debtor_pesel=debtor.pesel, debtor_address=debtor.address,
            fa_case_id=proc.fa_case_id, fa_case_number=fa_case.number if fa_case else None,
            creditor_gmina=proc.creditor_gmina, debtor_gmina=proc.debtor_gmina,
            same_gmina=proc.same_gmina, request_received_on=proc.request_received_on,
            steps=steps, open_steps=open_steps, dues=dues, receipts=receipts,
            balance=ledger.dues_of(uow, proc, day), split_total=total)
        audit.record(uow, "debtor.read", actor.id, case.id, procedure=proc.id)
        uow.commit()
        return view


def list_procedures(ctx: ServiceContext, actor: Actor) -> list[ProcedureRow]:
    """Every procedure, newest first, with its next deadline (names: case roles only)."""
    ledger.require_case_role(actor)
    with ctx.uow(readonly=True) as uow:
        rows = uow.session.execute(
            select(DebtorProcedure, Case, Person).join(Case, Case.id == DebtorProcedure.case_id)
            .join(Person, Person.id == DebtorProcedure.debtor_id)
            .order_by(DebtorProcedure.id.desc())).all()
        due: dict[int, date] = {}
        for t, _ in _open_steps(uow, [c.id for _, c, _ in rows]):
            if t.due_on is not None and (t.case_id not in due or t.due_on < due[t.case_id]):
                due[t.case_id] = t.due_on
        return [ProcedureRow(p.id, c.id, c.number, _name(person), p.fa_case_id,
                             p.request_received_on, c.status, due.get(c.id))
                for p, c, person in rows]


def procedure_of_case(ctx: ServiceContext, actor: Actor, case_id: int) -> int | None:
    """The procedure a debtor case runs, or None (the case page links to it)."""
    ledger.require_case_role(actor)
    with ctx.uow(readonly=True) as uow:
        return uow.session.scalar(select(DebtorProcedure.id).where(
            DebtorProcedure.case_id == case_id))


def case_reference(ctx: ServiceContext, actor: Actor, *, case_id: int | None = None,
                   number: str | None = None) -> tuple[int, str] | None:
    """An FA case named on the page by its number (or id): (id, number), or None when there is
    no such case (the opening then refuses it as not an FA case)."""
    ledger.require_case_role(actor)
    with ctx.uow(readonly=True) as uow:
        query = select(Case.id, Case.number)
        if case_id is not None:
            query = query.where(Case.id == case_id)
        else:
            query = query.where(Case.number == (number or "").strip().upper())
        row = uow.session.execute(query).first()
        return (row[0], row[1]) if row else None


def deadlines(ctx: ServiceContext, actor: Actor) -> list[DebtorDeadline]:
    """The open steps of every debtor procedure with their statutory deadlines (*Terminy*); no
    names, only case numbers."""
    ledger.require_case_role(actor)
    with ctx.uow(readonly=True) as uow:
        procs = {p.case_id: p.id for p in uow.session.scalars(select(DebtorProcedure))}
        return [DebtorDeadline(procs[t.case_id], t.case_id, t.case_number, t.id, step,
                               _article(step), t.title_pl, t.due_on)
                for t, step in _open_steps(uow, list(procs))]
