"""Payment lists: reading them (with payees and titles) and the supervisor's approval, which
needs a second person (the one who ran the list may not approve it)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import exists, func, select, update

from app.domain.deadlines import today_in_warsaw
from app.domain.messages import Code, msg
from app.domain.payment_dates import arrears_label, payment_title
from app.domain.statuses import PaymentListStatus, PaymentStatus
from app.domain.views import NOT_IN_JSON, JsonView
from app.persistence.models import (
    Case,
    Decision,
    Household,
    HouseholdMember,
    Payment,
    PaymentExport,
    PaymentList,
    PaymentScheduleItem,
)
from app.services.kernel import audit
from app.services.kernel.context import Actor, ServiceContext, UnitOfWork
from app.services.kernel.errors import Conflict, Forbidden, NotFound

SEE = msg(Code.PAYMENT_LISTS_ROLE)


@dataclass(frozen=True)
class Row:
    """One payment of a list, as exports and pages show it (the API leaves out the address)."""

    id: int
    case_id: int
    case_number: str
    payee: str
    address: str = field(metadata=NOT_IN_JSON)
    amount: Decimal
    method: str
    account: str | None
    due_on: date
    status: str
    title: str
    benefit_month: date | None
    reissue_of_id: int | None
    settled_on: date | None
    # An unpaid earlier month moved onto this (later) list: its title says "zaległe za MM/YYYY".
    arrears: bool = False
    # The bank statement or cash-desk receipt the settlement names.
    settlement_ref: str = ""


@dataclass(frozen=True, eq=False)
class ArrearsMonth(JsonView):
    """An earlier month a list pays as arrears ('2026-12'), its title label and how many payments."""

    month: str
    label: str
    payments: int


@dataclass(frozen=True, eq=False)
class PaymentListRow(JsonView):
    """A payment list as listed (amounts only)."""

    id: int
    month: date
    status: str
    pay_date: date | None
    total: Decimal
    payments: int


@dataclass(frozen=True, eq=False)
class PaymentListView(JsonView):
    """One list with its payments, the arrears it pays and when it was exported, by kind."""

    id: int
    month: date
    status: str
    pay_date: date | None
    total: Decimal
    run_by_id: int | None
    approved_by_id: int | None
    version: int
    payments: tuple[Row, ...]
    arrears: tuple[ArrearsMonth, ...]
    exports: dict[str, datetime]
    # How many payments go by transfer: none means no bank file (a cash-only list).
    transfers: int = 0
    # How many are paid at the cash desk: none means no cash-desk list (a transfer-only list).
    cash: int = 0
    # The earliest day a payment of the approved list may be settled (None before approval).
    settle_from: date | None = None


def require_case_role(actor: Actor) -> None:
    """Payment lists name payees: case roles only."""
    if not actor.has_case_role:
        raise Forbidden(SEE)


def get_list(uow: UnitOfWork, list_id: int, lock: bool = False) -> PaymentList:
    """The list, or NotFound."""
    stmt = select(PaymentList).where(PaymentList.id == list_id)
    if lock and not uow.ctx.db.is_sqlite:
        stmt = stmt.with_for_update()
    plist = uow.session.scalar(stmt)
    if plist is None:
        raise NotFound(msg(Code.PAYMENT_LIST_NOT_FOUND, list_id=list_id))
    return plist


def rows(uow: UnitOfWork, list_id: int) -> list[Row]:
    """The list's payments with the payee the decision names and the title of the month paid."""
    result = uow.session.execute(
        # The payee as the decision names them: the applicant as declared in the case.
        select(Payment, Case.number, HouseholdMember.first_name, HouseholdMember.last_name,
               Household.address, Decision.benefit, Decision.number,
               PaymentScheduleItem.due_on)
        .join(Case, Case.id == Payment.case_id)
        .join(Household, Household.id == Case.household_id)
        .join(HouseholdMember, (HouseholdMember.household_id == Case.household_id)
              & (HouseholdMember.person_id == Case.applicant_id))
        .join(PaymentScheduleItem, PaymentScheduleItem.id == Payment.schedule_item_id)
        .join(Decision, Decision.id == PaymentScheduleItem.decision_id)
        .where(Payment.payment_list_id == list_id)
        .order_by(Case.number, Payment.benefit_month, Payment.id)
    ).all()
    out = []
    for p, number, first, last, address, benefit, dnumber, item_due in result:
        late = is_arrears(p, item_due)
        out.append(Row(p.id, p.case_id, number, f"{first} {last}", address or "", p.amount,
                       p.method, p.account, p.due_on, p.status,
                       payment_title(benefit, p.benefit_month, dnumber, late), p.benefit_month,
                       p.reissue_of_id, p.settled_on, late, p.settlement_ref or ""))
    return out


def is_arrears(p: Payment, item_due: date) -> bool:
    """Was this benefit month due before the month of the list that pays it (an unpaid earlier
    month moved onto a later list)? A reissue is named by its own mark, not as arrears; a family
    benefit deferred by law is due on its list's date, so it is not arrears either."""
    return p.reissue_of_id is None and item_due < p.due_on.replace(day=1)


def arrears_summary(payments: list[Row]) -> list[ArrearsMonth]:
    """The earlier months a list pays as arrears, with how many payments each."""
    months: dict[date, int] = {}
    for p in payments:
        if p.arrears and p.benefit_month is not None:
            months[p.benefit_month] = months.get(p.benefit_month, 0) + 1
    return [ArrearsMonth(month=f"{m:%Y-%m}", label=arrears_label(m), payments=n)
            for m, n in sorted(months.items())]


def list_payment_lists(ctx: ServiceContext, actor: Actor) -> list[PaymentListRow]:
    """All payment lists, newest first (amounts only)."""
    require_case_role(actor)
    with ctx.uow(readonly=True) as uow:
        counts: dict[int, int] = {
            list_id: n for list_id, n in uow.session.execute(
                select(Payment.payment_list_id, func.count(Payment.id))
                .group_by(Payment.payment_list_id))}
        lists = uow.session.scalars(select(PaymentList).order_by(PaymentList.id.desc())).all()
        return [PaymentListRow(id=r.id, month=r.month, status=r.status, pay_date=r.pay_date,
                               total=_cents(r.total), payments=counts.get(r.id, 0)) for r in lists]


def payment_list(ctx: ServiceContext, actor: Actor, list_id: int) -> PaymentListView:
    """One list with its payments (payee names for case roles; the read is audited)."""
    require_case_role(actor)
    with ctx.uow() as uow:
        plist = get_list(uow, list_id)
        payments = rows(uow, list_id)
        exports = uow.session.execute(select(PaymentExport.kind, PaymentExport.created_at)
                                      .where(PaymentExport.payment_list_id == list_id)).all()
        audit.record(uow, "payments.list_read", actor.id, None, list_id=list_id)
        uow.commit()
        return PaymentListView(
            id=plist.id, month=plist.month, status=plist.status, pay_date=plist.pay_date,
            total=_cents(plist.total), run_by_id=plist.run_by_id,
            approved_by_id=plist.approved_by_id, version=plist.version,
            payments=tuple(payments), arrears=tuple(arrears_summary(payments)),
            exports=dict(exports),
            transfers=sum(1 for p in payments if p.method == "transfer"),
            cash=sum(1 for p in payments if p.method == "cash"),
            settle_from=settle_from(plist) if plist.approved_at else None,
        )


def settle_from(plist: PaymentList) -> date:
    """The earliest day a payment of an approved list is paid or returned: not before its
    approval, nor before the list's payment date."""
    assert plist.approved_at is not None
    return max(today_in_warsaw(plist.approved_at), plist.pay_date or plist.month)


def _cents(amount: Decimal) -> Decimal:
    return Decimal(amount).quantize(Decimal("0.01"))


def approve_list(ctx: ServiceContext, actor: Actor, list_id: int) -> None:
    """A supervisor other than the one who ran (or added to) the list approves it: from then on
    the list is a closed set (a run adds to a new draft list of the same date)."""
    if not actor.has("supervisor"):
        raise Forbidden(msg(Code.PAYMENT_APPROVE_ROLE))
    with ctx.uow() as uow:
        plist = get_list(uow, list_id, lock=True)
        if plist.status != PaymentListStatus.DRAFT:
            raise Conflict(msg(Code.PAYMENT_LIST_NOT_DRAFT))
        added = uow.session.scalar(select(exists().where(
            Payment.payment_list_id == list_id, Payment.added_by_id == actor.id)))
        if plist.run_by_id == actor.id or added:
            raise Forbidden(msg(Code.PAYMENT_RUNNER_CANNOT_APPROVE))
        # The lock above waited for any run batch filling the list (it holds FOR NO KEY UPDATE
        # until it commits); from here on no run adds to it. The total is what the payments
        # approved now add up to, checked again at every export.
        plist.total = Decimal(uow.session.scalar(select(func.sum(Payment.amount))
                                                 .where(Payment.payment_list_id == list_id)) or 0)
        plist.status = PaymentListStatus.APPROVED
        plist.approved_by_id = actor.id
        plist.approved_at = ctx.now()
        plist.version += 1
        uow.session.execute(update(Payment).where(Payment.payment_list_id == list_id)
                            .values(status=PaymentStatus.APPROVED).execution_options(synchronize_session=False))
        audit.record(uow, "payments.list_approved", actor.id, None, list_id=list_id)
        uow.commit()
