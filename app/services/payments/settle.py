"""Settling payments: marked paid or returned (from the bank statement or the cash-desk
receipt), one by one or a whole list at once, and a returned payment reissued on a later list
(with a corrected account, or as cash). An item is never paid twice: a reissue is allowed only
after a return, at most once per returned payment (a unique column), as the next attempt."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from app.domain.deadlines import today_in_warsaw
from app.domain.messages import Code, msg
from app.domain.payment_dates import add_months
from app.domain.statuses import PaymentListStatus, PaymentStatus
from app.domain.views import JsonView
from app.persistence.models import Payment, PaymentList
from app.services.kernel import audit
from app.services.kernel.context import Actor, ServiceContext, UnitOfWork
from app.services.kernel.errors import Conflict, Forbidden, NotFound, ValidationFailed

from .elixir import nrb
from .run import _draft_list, refresh_totals
from .schedule import payment_day

OUTCOMES = ("paid", "returned")
SETTLED = (PaymentStatus.PAID, PaymentStatus.RETURNED)


def _supervisor(actor: Actor) -> None:
    if not actor.has("supervisor"):
        raise Forbidden(msg(Code.PAYMENT_SETTLE_ROLE))


def _check(outcome: str, on: date | None) -> None:
    if outcome not in OUTCOMES:
        raise ValidationFailed(msg(Code.FORM_INVALID), {"outcome": msg(Code.PAYMENT_OUTCOME_INVALID)})
    if on is None:
        raise ValidationFailed(msg(Code.FORM_INVALID), {"on": msg(Code.DATE_FORMAT)})


def _check_day(uow: UnitOfWork, list_id: int, on: date) -> None:
    """A statement or receipt dated before the list was approved, before the list's payment
    date, or in the future, is false."""
    plist = uow.session.get(PaymentList, list_id)
    assert plist is not None
    now = uow.ctx.now()
    approved = today_in_warsaw(plist.approved_at or now)
    today = today_in_warsaw(now)
    if not approved <= on <= today:
        raise ValidationFailed(msg(Code.FORM_INVALID), {"on": msg(
            Code.PAYMENT_SETTLED_ON_INVALID, approved=approved.isoformat(), today=today.isoformat())})
    list_date = plist.pay_date or plist.month
    if on < list_date:
        raise ValidationFailed(msg(Code.FORM_INVALID), {"on": msg(
            Code.PAYMENT_SETTLED_BEFORE_LIST_DATE, list_date=list_date.isoformat())})


def _settle(uow: UnitOfWork, actor: Actor, p: Payment, outcome: str, on: date, ref: str) -> bool:
    """Mark one payment; False if it already carries the same marking (a repeat is harmless:
    the same outcome and date, with no reference or the same one). Any other second marking of
    a settled payment is a conflict: the payment keeps its first record."""
    ref = ref.strip()[:100]
    if p.status in SETTLED:
        if p.status == outcome and p.settled_on == on and ref in ("", p.settlement_ref or ""):
            return False
        if p.status == outcome and p.settled_on == on:
            raise Conflict(msg(Code.PAYMENT_ALREADY_SETTLED_REF, payment=p.id), status=p.status)
        raise Conflict(msg(Code.PAYMENT_ALREADY_SETTLED, payment=p.id), status=p.status)
    if p.status != PaymentStatus.APPROVED:
        raise Conflict(msg(Code.PAYMENT_LIST_NOT_APPROVED))
    _check_day(uow, p.payment_list_id, on)
    if not ref:
        raise ValidationFailed(msg(Code.FORM_INVALID), {"ref": msg(Code.PAYMENT_SETTLEMENT_REF_REQUIRED)})
    p.status, p.settled_on, p.settled_by_id = outcome, on, actor.id
    p.settled_at, p.settlement_ref = uow.ctx.now(), ref
    return True


@dataclass(frozen=True, eq=False)
class PaymentMarked(JsonView):
    """A payment's status after marking, and whether this marking changed it."""

    id: int
    status: str
    changed: bool


@dataclass(frozen=True, eq=False)
class ListMarked(JsonView):
    """How many payments of a list a marking settled."""

    list_id: int
    marked: int


@dataclass(frozen=True, eq=False)
class Reissued(JsonView):
    """The new payment of a reissue, its list, the payment it reissues and the method."""

    id: int
    list_id: int
    reissue_of_id: int
    method: str


def mark_payment(ctx: ServiceContext, actor: Actor, payment_id: int, outcome: str,
                 on: date | None, ref: str = "") -> PaymentMarked:
    """Mark one payment of an approved list paid or returned (409 on a conflicting marking)."""
    _supervisor(actor)
    _check(outcome, on)
    assert on is not None
    with ctx.uow() as uow:
        stmt = select(Payment).where(Payment.id == payment_id)
        if not ctx.db.is_sqlite:
            stmt = stmt.with_for_update()
        p = uow.session.scalar(stmt)
        if p is None:
            raise NotFound(msg(Code.PAYMENT_NOT_FOUND, payment=payment_id))
        changed = _settle(uow, actor, p, outcome, on, ref)
        if changed:
            audit.record(uow, f"payments.{outcome}", actor.id, p.case_id, payment_id=p.id,
                         list_id=p.payment_list_id, on=on.isoformat())
        uow.commit()
        return PaymentMarked(id=p.id, status=p.status, changed=changed)


def mark_list(ctx: ServiceContext, actor: Actor, list_id: int, outcome: str, on: date | None,
              ref: str = "") -> ListMarked:
    """Mark every payment of an approved list not yet settled (a bank statement or the
    cash-desk receipt for the whole list); payments already settled are left as they are."""
    _supervisor(actor)
    _check(outcome, on)
    assert on is not None
    if not ref.strip():
        raise ValidationFailed(msg(Code.FORM_INVALID), {"ref": msg(Code.PAYMENT_SETTLEMENT_REF_REQUIRED)})
    with ctx.uow() as uow:
        plist = uow.session.get(PaymentList, list_id)
        if plist is None:
            raise NotFound(msg(Code.PAYMENT_LIST_NOT_FOUND, list_id=list_id))
        if plist.status != PaymentListStatus.APPROVED:
            raise Conflict(msg(Code.PAYMENT_LIST_NOT_APPROVED))
        stmt = select(Payment).where(Payment.payment_list_id == list_id,
                                     Payment.status == PaymentStatus.APPROVED)
        if not ctx.db.is_sqlite:
            stmt = stmt.with_for_update()
        marked = [p for p in uow.session.scalars(stmt) if _settle(uow, actor, p, outcome, on, ref)]
        audit.record(uow, f"payments.list_{outcome}", actor.id, None, list_id=list_id,
                     count=len(marked), on=on.isoformat())
        uow.commit()
        return ListMarked(list_id=list_id, marked=len(marked))


def reissue(ctx: ServiceContext, actor: Actor, payment_id: int, method: str,
            account: str | None = None) -> Reissued:
    """Put a returned payment again on the draft list of the next payment date, by transfer to
    a (corrected) account or in cash; refused unless it was returned, and only once."""
    _supervisor(actor)
    if method not in ("transfer", "cash"):
        raise ValidationFailed(msg(Code.FORM_INVALID), {"method": msg(Code.FORM_INVALID)})
    number = nrb(account) if method == "transfer" else None
    if method == "transfer" and number is None:
        raise ValidationFailed(msg(Code.FORM_INVALID), {"account": msg(
            Code.PAYMENT_ACCOUNT_INVALID, payment=payment_id, case="-")})
    with ctx.uow() as uow:
        p = uow.session.get(Payment, payment_id)
        if p is None:
            raise NotFound(msg(Code.PAYMENT_NOT_FOUND, payment=payment_id))
        if p.status != PaymentStatus.RETURNED:
            raise Conflict(msg(Code.PAYMENT_NOT_RETURNED))
        today = today_in_warsaw(ctx.now())
        when = payment_day(ctx.config, today)
        if when < today:
            when = payment_day(ctx.config, add_months(today, 1))
        list_id = _draft_list(uow, when, when.replace(day=1), actor)
        attempt = (uow.session.scalar(select(func.max(Payment.attempt)).where(
            Payment.schedule_item_id == p.schedule_item_id)) or 1) + 1
        new = Payment(schedule_item_id=p.schedule_item_id, attempt=attempt, payment_list_id=list_id,
                      case_id=p.case_id, amount=p.amount, method=method, due_on=when,
                      status=PaymentStatus.PENDING, benefit_month=p.benefit_month,
                      account=f"PL{number}" if number else None, added_by_id=actor.id,
                      reissue_of_id=p.id)
        uow.session.add(new)
        try:
            uow.session.flush()
        except IntegrityError:
            raise Conflict(msg(Code.PAYMENT_ALREADY_REISSUED)) from None
        refresh_totals(uow, {list_id})
        audit.record(uow, "payments.reissued", actor.id, p.case_id, payment_id=p.id,
                     new_payment_id=new.id, list_id=list_id, method=method)
        uow.commit()
        return Reissued(id=new.id, list_id=list_id, reissue_of_id=p.id, method=method)
