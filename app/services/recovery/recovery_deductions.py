"""Recovery by deduction from current benefits (art. 104 ust. 2 u.p.s. in the text read; art. 30
ust. 8 u.ś.r.; art. 23 of the FA act).

:func:`apply_deductions` runs inside the caller's unit of work (the monthly payment run leaves a
call site for it) on a draft payment list: each draft payment of a debtor with a decided, unpaid
recovery is reduced, within the dated limit (``recovery.deduction_limit_percent``) and never
below zero, and one :class:`RecoveryDeduction` row records it. A payment already deducted is
skipped, so applying twice deducts once. Debts are served oldest recovery first; one payment
pays towards one recovery (one row per payment), the next recovery waits for the next payment.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from sqlalchemy import select, true

from app.domain import recovery as rules
from app.domain.parameters import value as param_value
from app.domain.recovery_rates import RECOVERY_PARAMETERS
from app.domain.statuses import PaymentListStatus, PaymentStatus, RecoveryStatus
from app.persistence.models import Case, Payment, PaymentList, Recovery, RecoveryDeduction
from app.services.kernel import audit
from app.services.kernel.context import UnitOfWork
from app.services.recovery.claims import balance_of, today
from app.services.recovery.recovery_limits import limitation

# Draft payments not yet approved (the monthly run creates them "pending").
DRAFT_PAYMENT_STATUSES = (PaymentStatus.PENDING, PaymentStatus.DRAFT)


def apply_deductions(uow: UnitOfWork, payment_list: PaymentList,
                     only: Any = None) -> list[RecoveryDeduction]:
    """Deduct what debtors owe from the draft payments of ``payment_list`` (those matching the
    condition ``only``, when given: the payment run passes the payments of its batch); return
    the new rows.

    Does not commit: the caller's transaction owns it. A list that is no longer a draft is
    left alone (its payments are approved or sent).
    """
    s = uow.session
    if not uow.ctx.db.is_sqlite:
        # Two runs on one list queue here; the second then sees the first one's rows and skips.
        # FOR NO KEY UPDATE, as the payment run's batch that may already hold it.
        s.execute(select(PaymentList.id).where(PaymentList.id == payment_list.id)
                  .with_for_update(key_share=True))
        s.refresh(payment_list)
    if payment_list.status != PaymentListStatus.DRAFT:
        return []
    on = today(uow.ctx)
    limit = Decimal(param_value("recovery.deduction_limit_percent", on, RECOVERY_PARAMETERS).value)
    # Only payees who owe: the debtors are few, the list may hold 100,000 payments, so the
    # database joins them (never an IN list of every payee).
    debtor_ids = select(Recovery.person_id).where(Recovery.status == RecoveryStatus.DECIDED)
    rows = s.execute(
        select(Payment, Case.applicant_id).join(Case, Case.id == Payment.case_id)
        .where(Payment.payment_list_id == payment_list.id,
               Payment.status.in_(DRAFT_PAYMENT_STATUSES),
               Case.applicant_id.in_(debtor_ids), true() if only is None else only)
        .where(Payment.id.not_in(select(RecoveryDeduction.payment_id)))
        .order_by(Payment.id)
    ).all()
    if not rows:
        return []
    debtors = {person_id for _, person_id in rows}
    recoveries = [r for r in s.scalars(
        select(Recovery).where(Recovery.status == RecoveryStatus.DECIDED).order_by(Recovery.id)
    ) if r.person_id in debtors]
    owed = {}
    for r in recoveries:
        left = balance_of(uow, r, on).outstanding
        # A barred claim (art. 23 ust. 2 FA act) is no longer deducted.
        owed[r.id] = Decimal("0.00") if limitation(uow, r, on, left).barred else left
    made: list[RecoveryDeduction] = []
    for payment, person_id in rows:
        rec = next((r for r in recoveries if r.person_id == person_id and owed[r.id] > 0), None)
        if rec is None:
            continue
        amount = rules.deduction(payment.amount, owed[rec.id], limit)
        if amount <= 0:
            continue
        row = RecoveryDeduction(recovery_id=rec.id, payment_id=payment.id, gross=payment.amount,
                                amount=amount, applied_on=on)
        s.add(row)
        payment.amount -= amount
        payment_list.total -= amount
        owed[rec.id] -= amount
        rec.version += 1
        made.append(row)
    if made:
        s.flush()
        audit.record(uow, "recovery.deducted", None, None, list_id=payment_list.id,
                     deductions=len(made))
    return made
