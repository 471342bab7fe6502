"""The monthly payment run: due schedule items become payments on the draft list of their
payment date, in committed batches.

Idempotent per schedule item: an item is turned into a payment and marked ``scheduled`` in the
same transaction, and ``payments`` is unique on (schedule item, attempt), so running twice adds
nothing. Concurrent runs take disjoint batches (PostgreSQL ``FOR UPDATE SKIP LOCKED``). Each
batch commits on its own: a worker killed mid-run loses only its uncommitted batch, whose items
are still ``planned`` and are taken by the next run.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import Date, case, func, literal, select, text, update
from sqlalchemy.dialects import postgresql, sqlite

from app.domain.deadlines import today_in_warsaw
from app.domain.eligibility import BENEFITS
from app.domain.messages import Code, msg
from app.domain.payment_dates import add_months, payment_date
from app.domain.statuses import PaymentListStatus, RecoveryStatus, ScheduleItemStatus
from app.domain.views import JsonView
from app.persistence.models import (
    Case,
    Decision,
    Payment,
    PaymentList,
    PaymentScheduleItem,
    Recovery,
)
from app.services.kernel import audit
from app.services.kernel.context import SYSTEM, Actor, ServiceContext, UnitOfWork
from app.services.kernel.errors import Forbidden, ValidationFailed
from app.services.recovery import recovery_deductions

from .schedule import day_for, extend_open_ended, payment_day

Progress = Callable[[int], None]
Item = PaymentScheduleItem


def _insert(uow: UnitOfWork) -> Any:
    return postgresql.insert if not uow.ctx.db.is_sqlite else sqlite.insert


def _due(month: date) -> Any:
    """Planned items payable by the end of ``month``."""
    return (Item.status == ScheduleItemStatus.PLANNED) & (Item.due_on < add_months(month, 1))


def _list_date(ctx: ServiceContext, month: date) -> Any:
    """The payment date of an item's list: its own date within the run's month, else (arrears,
    or a date already past) the benefit's payment date of the run's month."""
    defaults = {b: payment_date(day_for(ctx.config, b), month) for b in BENEFITS}
    fallback = case(*[(Decision.benefit == b, literal(d, Date)) for b, d in defaults.items()],
                    else_=literal(payment_day(ctx.config, month), Date))
    return case((Item.due_on >= month, Item.due_on), else_=fallback)


def count_due(ctx: ServiceContext, month: date) -> int:
    """How many schedule items a run for ``month`` would pay now (for a progress bar)."""
    with ctx.uow(readonly=True) as uow:
        return int(uow.session.scalar(select(func.count(Item.id)).where(_due(month.replace(day=1))))
                   or 0)


def _draft_list(uow: UnitOfWork, pay_date: date, month: date, actor: Actor) -> int:
    """The draft list of a payment date, made if there is none, and row-locked until the caller
    commits (``FOR NO KEY UPDATE``, PostgreSQL): an approval (``FOR UPDATE``) waits for the
    caller's payments, and the caller never adds to a list an approval holds or has approved.

    When an approval takes the draft while this waits for its lock, the locked row is no longer
    a draft (PostgreSQL re-checks the condition on the committed row) and a new draft is made."""
    while True:
        stmt = _insert(uow)(PaymentList).values(
            month=month, pay_date=pay_date, status=PaymentListStatus.DRAFT, total=Decimal("0.00"),
            created_at=uow.ctx.now(), run_by_id=actor.id, version=1,
        ).on_conflict_do_nothing(index_elements=["pay_date"],
                                 index_where=text(f"status = '{PaymentListStatus.DRAFT.value}'"))
        uow.session.execute(stmt)
        pick = select(PaymentList.id).where(PaymentList.pay_date == pay_date,
                                            PaymentList.status == PaymentListStatus.DRAFT)
        if not uow.ctx.db.is_sqlite:
            pick = pick.with_for_update(key_share=True)
        list_id = uow.session.scalar(pick)
        if list_id is not None:
            return int(list_id)


def refresh_totals(uow: UnitOfWork, list_ids: set[int]) -> None:
    """Recompute the totals of the given lists that are still drafts from their payments (an
    approved list's total is fixed at approval), holding the lists' row locks.

    FOR NO KEY UPDATE: the payments just inserted hold KEY SHARE locks on their list (the foreign
    key), which a plain FOR UPDATE would wait on, deadlocking two concurrent batches."""
    if not list_ids:
        return
    ids = sorted(list_ids)
    if not uow.ctx.db.is_sqlite:
        uow.session.execute(select(PaymentList.id).where(PaymentList.id.in_(ids))
                            .order_by(PaymentList.id).with_for_update(key_share=True))
    total = (select(func.coalesce(func.sum(Payment.amount), 0))
             .where(Payment.payment_list_id == PaymentList.id).scalar_subquery())
    uow.session.execute(update(PaymentList)
                        .where(PaymentList.id.in_(ids), PaymentList.status == PaymentListStatus.DRAFT)
                        .values(total=total).execution_options(synchronize_session=False))


def _debtor_cases(uow: UnitOfWork) -> set[int]:
    """The cases whose applicant owes under a decided recovery (few; read once per batch)."""
    owes = select(Recovery.person_id).where(Recovery.status == RecoveryStatus.DECIDED)
    return set(uow.session.scalars(select(Case.id).where(Case.applicant_id.in_(owes))))


def _batch(uow: UnitOfWork, month: date, actor: Actor, size: int,
           lists: dict[date, int]) -> tuple[int, int]:
    """Pay one batch of due items; return (items taken, payments made)."""
    s = uow.session
    pick = select(Item.id, Item.case_id).where(_due(month)).order_by(Item.id).limit(size)
    if not uow.ctx.db.is_sqlite:
        pick = pick.with_for_update(skip_locked=True, of=Item)
    picked = s.execute(pick).all()
    ids = [item_id for item_id, _ in picked]
    if not ids:
        return 0, 0
    list_date = _list_date(uow.ctx, month)
    in_batch = Item.id.in_(ids)
    dates: list[date] = list(s.scalars(select(list_date).distinct().select_from(Item)
                      .join(Decision, Decision.id == Item.decision_id).where(in_batch)))
    # Locked in date order (every run does the same), so two runs' batches never deadlock.
    batch_lists = {d: _draft_list(uow, d, month, actor) for d in sorted(dates)}
    lists.update(batch_lists)
    has_account = func.coalesce(Case.bank_account, "") != ""
    source = (
        select(Item.id, literal(1), PaymentList.id, Item.case_id, Item.amount,
               case((has_account, literal("transfer")), else_=literal("cash")),
               PaymentList.pay_date, literal("pending"), Item.month,
               case((has_account, Case.bank_account), else_=None), literal(actor.id))
        .select_from(Item)
        .join(Decision, Decision.id == Item.decision_id)
        .join(Case, Case.id == Item.case_id)
        .join(PaymentList, (PaymentList.pay_date == list_date)
              & PaymentList.id.in_(list(batch_lists.values())))
        .where(in_batch).order_by(Item.id)
    )
    # RETURNING counts what was inserted (rowcount is not reported for INSERT ... SELECT here).
    made = len(s.execute(_insert(uow)(Payment).from_select(
        ["schedule_item_id", "attempt", "payment_list_id", "case_id", "amount", "method",
         "due_on", "status", "benefit_month", "account", "added_by_id"], source,
    ).on_conflict_do_nothing(index_elements=["schedule_item_id", "attempt"])
        .returning(Payment.id)).all())
    paid = select(Payment.id).where(Payment.schedule_item_id == Item.id).exists()
    s.execute(update(Item).where(in_batch, Item.status == ScheduleItemStatus.PLANNED, paid)
              .values(status=ScheduleItemStatus.SCHEDULED).execution_options(synchronize_session=False))
    _test_stop(uow.ctx, "before_deductions")
    # The deductions from this batch's payments commit with them: a run killed before this
    # commit leaves neither, and the re-run makes both (never one without the other). Only
    # the few items of debtors are looked at (never the whole batch again).
    debtors = _debtor_cases(uow)
    owing = [item_id for item_id, case_id in picked if case_id in debtors]
    if owing:
        for list_id in sorted(set(batch_lists.values())):
            plist = s.get(PaymentList, list_id)
            assert plist is not None
            recovery_deductions.apply_deductions(uow, plist, Payment.schedule_item_id.in_(owing))
    refresh_totals(uow, set(batch_lists.values()))
    delay = float(uow.ctx.config.get("PAYMENT_RUN_TEST_DELAY") or 0)
    if delay:
        # Test hook only (POMOC_PAYMENT_RUN_TEST_DELAY): widens the window for the SIGKILL test.
        time.sleep(delay)
    return len(ids), made


def _test_stop(ctx: ServiceContext, point: str) -> None:
    """Test hook only (POMOC_PAYMENT_RUN_TEST_STOP_FILE): write ``point`` to that file and wait
    there, so a test can SIGKILL the run at that point."""
    path = ctx.config.get("PAYMENT_RUN_TEST_STOP_FILE")
    if path:
        with open(str(path), "w", encoding="ascii") as f:
            f.write(point)
        time.sleep(600)


def apply_deductions(uow: UnitOfWork, plist: PaymentList) -> None:
    """Undue-benefit recovery by deduction from current benefits (art. 104 u.p.s., art. 30
    u.ś.r.): reduces the draft list's payments of debtors with an issued recovery decision. Each
    batch of the run applies it to the payments it makes, in their transaction; the end of the
    run applies it again to every draft list of the month (what is missing, e.g. a recovery
    decided after the payments were made), then the list's total is recomputed."""
    recovery_deductions.apply_deductions(uow, plist)
    refresh_totals(uow, {plist.id})


def _sweep_deductions(ctx: ServiceContext, month: date) -> None:
    """Apply any deduction still missing on the month's draft lists, one list per transaction
    (one list lock at a time: never a lock order to deadlock on)."""
    with ctx.uow(readonly=True) as uow:
        ids = list(uow.session.scalars(select(PaymentList.id).where(
            PaymentList.month == month, PaymentList.status == PaymentListStatus.DRAFT)
            .order_by(PaymentList.id)))
    for list_id in ids:
        with ctx.uow() as uow:
            plist = uow.session.get(PaymentList, list_id)
            if plist is not None:
                apply_deductions(uow, plist)
                uow.commit()


def latest_month(ctx: ServiceContext) -> date:
    """The latest month a run may pay: the next one (by the service clock, in Warsaw)."""
    return add_months(today_in_warsaw(ctx.now()).replace(day=1), 1)


def check_month(ctx: ServiceContext, month: date) -> None:
    """Refuse a run for a month more than one month ahead (422 naming ``month``): it would
    schedule benefit months on a list no later run pays."""
    latest = latest_month(ctx)
    if month.replace(day=1) > latest:
        error = msg(Code.PAYMENT_RUN_MONTH_TOO_FAR, latest=f"{latest:%Y-%m}", month=f"{month:%Y-%m}")
        raise ValidationFailed(error, {"month": error})


@dataclass(frozen=True, eq=False)
class RunResult(JsonView):
    """What a payment run did: payments created, open-ended months added, and the lists filled
    (the one of the month's payment date first as ``list_id``)."""

    month: date
    created: int
    extended: int
    list_id: int | None
    lists: tuple[int, ...]


def monthly_payment_run(ctx: ServiceContext, month: date, actor: Actor = SYSTEM,
                        progress: Progress | None = None) -> RunResult:
    """Extend open-ended schedules to ``month``, then turn every item payable by its end into a
    payment on the draft list of its payment date; running twice adds nothing. A month more
    than one month ahead is refused."""
    if actor.id is not None and not actor.has("supervisor"):
        raise Forbidden(msg(Code.PAYMENT_RUN_ROLE))
    month = month.replace(day=1)
    check_month(ctx, month)
    with ctx.uow() as uow:
        extended = extend_open_ended(uow, month)
        uow.commit()
    size = int(ctx.config.get("PAYMENT_RUN_BATCH") or 5000)
    lists: dict[date, int] = {}
    taken = created = 0
    while True:
        with ctx.uow() as uow:
            n, made = _batch(uow, month, actor, size, lists)
            if not n:
                break
            uow.commit()
        taken, created = taken + n, created + made
        if progress is not None:
            progress(n)
    _sweep_deductions(ctx, month)
    with ctx.uow() as uow:
        audit.record(uow, "payments.run", actor.id, None, month=month.isoformat(),
                     created=created, extended=extended, lists=sorted(set(lists.values())))
        uow.commit()
    ordered = [lists[d] for d in sorted(lists)]
    main = lists.get(payment_day(ctx.config, month)) or (ordered[0] if ordered else None)
    return RunResult(month=month, created=created, extended=extended, list_id=main,
                     lists=tuple(ordered))
