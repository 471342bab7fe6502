"""The debtor's own ledger (art. 27-28 of the FA act): the FA paid to the entitled persons
(dues, typed in or taken from the linked FA case's paid payments), the statutory interest on
them, and each receipt recovered from the debtor, applied interest first and split between the
state budget and the gminas as recorded on the day it is entered (art. 28 ust. 1-2)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import select

from app.domain import fa_debtor
from app.domain.deadlines import today_in_warsaw
from app.domain.messages import msg
from app.domain.messages.codes_fad import FadCode
from app.domain.money import money_str
from app.persistence.models import DebtorDue, DebtorProcedure, DebtorReceipt, Payment
from app.services.debtors.task_actions import procedure_of_case
from app.services.kernel import audit, inputs
from app.services.kernel.context import Actor, ServiceContext, UnitOfWork
from app.services.kernel.errors import Conflict, Forbidden, NotFound
from app.services.recovery.claims import PAID_STATUSES, paid_on

__all__ = ["add_due", "dues_of", "import_fa_dues", "procedure_row", "record_receipt",
           "require_case_role", "procedure_of_case"]


def require_case_role(actor: Actor) -> None:
    """The debtor's data is personal case data: caseworkers and supervisors only."""
    if not actor.has_case_role:
        raise Forbidden(msg(FadCode.DEBTOR_ROLE))


def procedure_row(uow: UnitOfWork, procedure_id: int, *, lock: bool = False) -> DebtorProcedure:
    """The procedure (locked for a write), or 404."""
    query = select(DebtorProcedure).where(DebtorProcedure.id == procedure_id)
    found = uow.session.scalar(query.with_for_update() if lock else query)
    if found is None:
        raise NotFound(msg(FadCode.DEBTOR_PROCEDURE_UNKNOWN))
    return found


def dues_of(uow: UnitOfWork, proc: DebtorProcedure, on: date) -> fa_debtor.Dues:
    """The debtor's dues on ``on`` from the rows recorded."""
    items = [fa_debtor.Due(d.id, d.paid_on, d.amount) for d in uow.session.scalars(
        select(DebtorDue).where(DebtorDue.procedure_id == proc.id))]
    receipts = [fa_debtor.Receipt(r.id, r.received_on, r.amount) for r in uow.session.scalars(
        select(DebtorReceipt).where(DebtorReceipt.procedure_id == proc.id))]
    return fa_debtor.dues(items, receipts, on)


def _not_future(uow: UnitOfWork, day: date, name: str, errors: dict[str, str]) -> None:
    if day > today_in_warsaw(uow.ctx.now()):
        errors[name] = msg(FadCode.DEBTOR_DATE_FUTURE)


def add_due(ctx: ServiceContext, actor: Actor, procedure_id: int, body: Any, *,
            page: bool = False) -> int:
    """Record FA paid to an entitled person (a payment made by another centre, say)."""
    require_case_role(actor)
    typed, errors = inputs.read("DebtorDueRequest", body, page=page)
    with ctx.uow() as uow:
        proc = procedure_row(uow, procedure_id, lock=True)
        if "paid_on" in typed:
            _not_future(uow, typed["paid_on"], "paid_on", errors)
        if errors:
            raise inputs.refusal(errors, page=page)
        due = DebtorDue(procedure_id=proc.id, paid_on=typed["paid_on"], amount=typed["amount"],
                        recorded_by_id=actor.id, created_at=ctx.now())
        uow.session.add(due)
        uow.session.flush()
        audit.record(uow, "debtor.due_added", actor.id, proc.case_id, procedure=proc.id)
        uow.commit()
        return due.id


def import_fa_dues(ctx: ServiceContext, actor: Actor, procedure_id: int) -> int:
    """Take the payments of the linked FA case paid by today (approved, exported or settled
    paid, as undue benefits read them) not yet counted as dues; return how many."""
    require_case_role(actor)
    with ctx.uow() as uow:
        proc = procedure_row(uow, procedure_id, lock=True)
        if proc.fa_case_id is None:
            raise Conflict(msg(FadCode.DEBTOR_NO_FA_CASE))
        counted = select(DebtorDue.payment_id).where(DebtorDue.payment_id.is_not(None))
        payments = uow.session.scalars(select(Payment).where(
            Payment.case_id == proc.fa_case_id, Payment.status.in_(PAID_STATUSES),
            Payment.id.not_in(counted)).order_by(Payment.id)).all()
        today = today_in_warsaw(ctx.now())
        payments = [p for p in payments if paid_on(p) <= today]
        for p in payments:
            uow.session.add(DebtorDue(procedure_id=proc.id, paid_on=paid_on(p), amount=p.amount,
                                      payment_id=p.id, recorded_by_id=actor.id,
                                      created_at=ctx.now()))
        audit.record(uow, "debtor.dues_imported", actor.id, proc.case_id, procedure=proc.id,
                     count=len(payments))
        uow.commit()
        return len(payments)


def record_receipt(ctx: ServiceContext, actor: Actor, procedure_id: int, body: Any, *,
                   page: bool = False) -> int:
    """Record an amount recovered from the debtor: applied interest first, then the oldest
    principal (art. 27), and split per art. 28 as the shares stand on its day."""
    require_case_role(actor)
    typed, errors = inputs.read("DebtorReceiptRequest", body, page=page)
    with ctx.uow() as uow:
        proc = procedure_row(uow, procedure_id, lock=True)
        on: date | None = typed.get("received_on")
        if on is not None:
            _not_future(uow, on, "received_on", errors)
            last = uow.session.scalar(select(DebtorReceipt.received_on).where(
                DebtorReceipt.procedure_id == proc.id).order_by(
                DebtorReceipt.received_on.desc()).limit(1))
            if last is not None and on < last and "received_on" not in errors:
                errors["received_on"] = msg(FadCode.DEBTOR_RECEIPT_BEFORE_LAST,
                                            date=last.isoformat())
        amount: Decimal | None = typed.get("amount")
        if on is not None and amount is not None and not errors:
            owed = dues_of(uow, proc, on).outstanding
            if amount > owed:
                errors["amount"] = msg(FadCode.DEBTOR_RECEIPT_ABOVE_OUTSTANDING,
                                       outstanding=money_str(owed))
        if errors:
            raise inputs.refusal(errors, page=page)
        assert on is not None and amount is not None
        receipt = DebtorReceipt(
            procedure_id=proc.id, received_on=on, amount=amount, interest_part=Decimal(0),
            principal_part=Decimal(0), overpaid_part=Decimal(0), state_share=Decimal(0),
            creditor_gmina_share=Decimal(0), debtor_gmina_share=Decimal(0),
            reference=typed.get("reference", ""), recorded_by_id=actor.id, created_at=ctx.now())
        uow.session.add(receipt)
        uow.session.flush()
        applied = next(a for a in dues_of(uow, proc, on).applied if a.key == receipt.id)
        split = fa_debtor.split_receipt(amount - applied.overpaid, on, proc.same_gmina)
        receipt.interest_part, receipt.principal_part = applied.interest, applied.principal
        receipt.overpaid_part = applied.overpaid
        receipt.state_share, receipt.creditor_gmina_share = split.state, split.creditor_gmina
        receipt.debtor_gmina_share = split.debtor_gmina
        audit.record(uow, "debtor.receipt_recorded", actor.id, proc.case_id, procedure=proc.id)
        uow.commit()
        return receipt.id
