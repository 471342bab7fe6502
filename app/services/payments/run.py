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
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import Date, case, func, literal, select, text, update
from sqlalchemy.dialects import postgresql, sqlite

from app.domain.eligibility import BENEFITS
from app.domain.payment_dates import add_months, payment_date
from app.persistence.models import Case, Decision, Payment, PaymentList, PaymentScheduleItem

from .. import audit, recovery_deductions
from ..context import SYSTEM, Actor, ServiceContext, UnitOfWork
from ..errors import Forbidden
from .schedule import day_for, extend_open_ended, payment_day

Progress = Callable[[int], None]
Item = PaymentScheduleItem


def _insert(uow: UnitOfWork) -> Any:
    return postgresql.insert if not uow.ctx.db.is_sqlite else sqlite.insert


def _due(month: date) -> Any:
    """Planned items payable by the end of ``month``."""
    return (Item.status == "planned") & (Item.due_on < add_months(month, 1))


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
    """The draft list of a payment date, made if there is none (safe against a concurrent run)."""
    stmt = _insert(uow)(PaymentList).values(
        month=month, pay_date=pay_date, status="draft", total=Decimal("0.00"),
        created_at=uow.ctx.now(), run_by_id=actor.id, version=1,
    ).on_conflict_do_nothing(index_elements=["pay_date"], index_where=text("status = 'draft'"))
    uow.session.execute(stmt)
    list_id = uow.session.scalar(select(PaymentList.id).where(
        PaymentList.pay_date == pay_date, PaymentList.status == "draft"))
    assert list_id is not None
    return int(list_id)


def refresh_totals(uow: UnitOfWork, list_ids: set[int]) -> None:
    """Recompute list totals from their payments, holding the lists' row locks so a concurrent
    batch that commits first is counted (its rows are visible to the statements after the lock).

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
    uow.session.execute(update(PaymentList).where(PaymentList.id.in_(ids)).values(total=total)
                        .execution_options(synchronize_session=False))


def _batch(uow: UnitOfWork, month: date, actor: Actor, size: int,
           lists: dict[date, int]) -> tuple[int, int]:
    """Pay one batch of due items; return (items taken, payments made)."""
    s = uow.session
    pick = select(Item.id).where(_due(month)).order_by(Item.id).limit(size)
    if not uow.ctx.db.is_sqlite:
        pick = pick.with_for_update(skip_locked=True)
    ids = list(s.scalars(pick))
    if not ids:
        return 0, 0
    list_date = _list_date(uow.ctx, month)
    in_batch = Item.id.in_(ids)
    dates: list[date] = list(s.scalars(select(list_date).distinct().select_from(Item)
                      .join(Decision, Decision.id == Item.decision_id).where(in_batch)))
    for d in dates:
        lists[d] = _draft_list(uow, d, month, actor)
    has_account = func.coalesce(Case.bank_account, "") != ""
    source = (
        select(Item.id, literal(1), PaymentList.id, Item.case_id, Item.amount,
               case((has_account, literal("transfer")), else_=literal("cash")),
               PaymentList.pay_date, literal("pending"), Item.month,
               case((has_account, Case.bank_account), else_=None), literal(actor.id))
        .select_from(Item)
        .join(Decision, Decision.id == Item.decision_id)
        .join(Case, Case.id == Item.case_id)
        .join(PaymentList, (PaymentList.pay_date == list_date) & (PaymentList.status == "draft"))
        .where(in_batch).order_by(Item.id)
    )
    # RETURNING counts what was inserted (rowcount is not reported for INSERT ... SELECT here).
    made = len(s.execute(_insert(uow)(Payment).from_select(
        ["schedule_item_id", "attempt", "payment_list_id", "case_id", "amount", "method",
         "due_on", "status", "benefit_month", "account", "added_by_id"], source,
    ).on_conflict_do_nothing(index_elements=["schedule_item_id", "attempt"])
        .returning(Payment.id)).all())
    paid = select(Payment.id).where(Payment.schedule_item_id == Item.id).exists()
    s.execute(update(Item).where(in_batch, Item.status == "planned", paid)
              .values(status="scheduled").execution_options(synchronize_session=False))
    refresh_totals(uow, set(lists.values()))
    delay = float(uow.ctx.config.get("PAYMENT_RUN_TEST_DELAY") or 0)
    if delay:
        # Test hook only (POMOC_PAYMENT_RUN_TEST_DELAY): widens the window for the SIGKILL test.
        time.sleep(delay)
    return len(ids), made


def apply_deductions(uow: UnitOfWork, plist: PaymentList) -> None:
    """Undue-benefit recovery by deduction from current benefits (art. 104 u.p.s., art. 30
    u.ś.r.): reduces the draft list's payments of debtors with an issued recovery decision. The
    run calls it for every draft list it touched, then recomputes the list's total."""
    recovery_deductions.apply_deductions(uow, plist)


def monthly_payment_run(ctx: ServiceContext, month: date, actor: Actor = SYSTEM,
                        progress: Progress | None = None) -> dict[str, Any]:
    """Extend open-ended schedules to ``month``, then turn every item payable by its end into a
    payment on the draft list of its payment date; running twice adds nothing."""
    if actor.id is not None and not actor.has("supervisor"):
        raise Forbidden("Only a supervisor may run the payment run.")
    month = month.replace(day=1)
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
    with ctx.uow() as uow:
        for list_id in sorted(set(lists.values())):
            plist = uow.session.get(PaymentList, list_id)
            if plist is not None and plist.status == "draft":
                apply_deductions(uow, plist)
        refresh_totals(uow, set(lists.values()))
        audit.record(uow, "payments.run", actor.id, None, month=month.isoformat(),
                     created=created, extended=extended, lists=sorted(set(lists.values())))
        uow.commit()
    ordered = [lists[d] for d in sorted(lists)]
    main = lists.get(payment_day(ctx.config, month)) or (ordered[0] if ordered else None)
    return {"month": month.isoformat(), "created": created, "extended": extended,
            "list_id": main, "lists": ordered}
