"""Payment schedules: which benefit months a decision pays, on which dates and in what amounts.

* A fixed-term grant gets one item per benefit month of its period.
* An open-ended grant (zasiłek stały with no end date) gets its months up to the current one
  when the schedule is made; every payment run then adds the months up to the run's month for
  each decision that still stands (:func:`extend_open_ended`), so payment never stops silently.
  A decision stops standing when its status leaves ``STANDING`` (changed, revoked, quashed,
  appealed) or a changing decision in a change case takes over from its ``period_from``.
* A one-off benefit is paid once, on the date its decision names.
* Family benefits and FA are paid on the centre's date in the month they are for, except the
  first months deferred by the filing date (:mod:`app.domain.payment_dates`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import Date, and_, exists, func, insert, literal, select, union_all
from sqlalchemy.orm import aliased

from app.domain import benefits, dodatki
from app.domain.benefit_months import MAX_MONTHS, months_between
from app.domain.deadlines import today_in_warsaw
from app.domain.decision_rules import NO_AMOUNT, ONE_OFF
from app.domain.eligibility import BENEFITS
from app.domain.money import ZERO
from app.domain.payment_dates import add_months, due_date, payment_date
from app.domain.statuses import CaseKind, DecisionKind, DecisionStatus, ScheduleItemStatus
from app.domain.views import OMIT_NONE, JsonView
from app.persistence.models import Application, Case, Decision, PaymentScheduleItem
from app.services.kernel.context import UnitOfWork

GRANTING = (DecisionKind.GRANT, DecisionKind.PARTIAL)
# Benefits paid to a provider, not to the party (a live view of the catalogue).
PAID_TO_PROVIDER = benefits.where(lambda b: b.paid_to != "party")
# Decision statuses under which a grant is paid (an appeal suspends it, art. 130 KPA; a changed
# or revoked decision is replaced by the changing one).
STANDING = (DecisionStatus.ISSUED, DecisionStatus.FINAL)


def day_for(config: Mapping[str, Any], benefit: str) -> int:
    """The centre's payment day of the month for a benefit (POMOC_PAYMENT_DAYS, else PAYMENT_DAY)."""
    days = config.get("PAYMENT_DAY_BY_BENEFIT") or {}
    return int(days.get(benefit, config.get("PAYMENT_DAY", 10)))


def payment_day(config: Mapping[str, Any], month: date) -> date:
    """The centre's general payment date in a month, moved back to the previous working day."""
    return payment_date(int(config.get("PAYMENT_DAY", 10)), month)


@dataclass(frozen=True, eq=False)
class ScheduleMade(JsonView):
    """What making a schedule did: the payment_schedule operation's workflow variables."""

    items: int                       # items added now (the schedule is idempotent per month)
    total: Decimal                   # the whole schedule's amount
    open_ended: bool | None = field(default=None, metadata=OMIT_NONE)  # None: nothing granted
    # The changed grant's planned months this (changing) decision's schedule replaced.
    replaced: int | None = field(default=None, metadata=OMIT_NONE)
    # The claim the decision created in the recovery ledger (funeral costs, returnable aid).
    claim_id: int | None = field(default=None, metadata=OMIT_NONE)


def make_schedule(uow: UnitOfWork, decision: Decision) -> ScheduleMade:
    """Make the decision's schedule (idempotent per month); return how many items were added."""
    if decision.kind not in GRANTING or decision.amount <= 0 or decision.period_from is None \
            or decision.benefit in NO_AMOUNT:
        # Help in kind and services carry no bank payment: their own monthly lists
        # (app.services.provision.lists) are their schedule.
        return ScheduleMade(items=0, total=ZERO)
    if decision.benefit in PAID_TO_PROVIDER:
        # A service the centre pays its provider for (a funeral): nothing is paid to the party.
        return ScheduleMade(items=0, total=ZERO)
    config = uow.ctx.config
    received = uow.session.scalar(
        select(Application.received_on).where(Application.case_id == decision.case_id))
    if decision.benefit in ONE_OFF:
        # Paid once, on its date, whatever the period fields say.
        dated = [(decision.period_from.replace(day=1), decision.period_from)]
    else:
        if decision.period_to is not None:
            months = months_between(decision.period_from, decision.period_to)
        else:
            today = today_in_warsaw(uow.ctx.now()).replace(day=1)
            months = months_between(decision.period_from, max(decision.period_from, today))
        day = day_for(config, decision.benefit)
        dated = [(m, due_date(decision.benefit, m, day, received)) for m in months]
    existing = set(uow.session.scalars(
        select(PaymentScheduleItem.month).where(PaymentScheduleItem.decision_id == decision.id)))
    extra = _dodatki(decision, [month for month, _ in dated])
    base = _month_amounts(decision, [month for month, _ in dated])
    rows = [{"decision_id": decision.id, "case_id": decision.case_id, "month": month,
             "due_on": due, "amount": base[month] + extra[month],
             "status": ScheduleItemStatus.PLANNED}
            for month, due in dated if month not in existing]
    if rows:
        # One multi-row INSERT instead of one statement per benefit month.
        uow.session.execute(insert(PaymentScheduleItem), rows)
    total = sum(base.values(), ZERO) + sum(extra.values(), ZERO)
    return ScheduleMade(items=len(rows), total=total,
                        open_ended=decision.period_to is None and decision.benefit not in ONE_OFF)


def _month_amounts(decision: Decision, months: list[date]) -> dict[date, Decimal]:
    """Each month's amount: the decision's, or by days for an incomplete month where the
    benefit says so (its catalogue entry's ``month_amount``; one-off benefits are whole)."""
    entry = benefits.find(decision.benefit)
    hook = entry.month_amount if entry is not None and not entry.one_off else None
    if hook is None or decision.period_from is None:
        return dict.fromkeys(months, decision.amount)
    return {m: hook(decision.amount, m, decision.period_from, decision.period_to) for m in months}


def _dodatki(decision: Decision, months: list[date]) -> dict[date, Decimal]:
    """What each month adds for the dodatki to zasiłek rodzinny paid outside its monthly amount
    (app.domain.dodatki.paid_with_month); nothing for a partial grant or another benefit."""
    result = decision.eligibility.result if decision.eligibility else None
    components = (result or {}).get("components")
    if decision.kind != DecisionKind.GRANT or not months or not dodatki.granted(components):
        return dict.fromkeys(months, ZERO)
    return {m: dodatki.paid_with_month(components, m, months[0]) for m in months}


def extend_open_ended(uow: UnitOfWork, month: date) -> int:
    """Add the missing months up to ``month`` for every standing open-ended grant; return how
    many items were added (one INSERT ... SELECT per benefit, no per-decision round trips)."""
    month = month.replace(day=1)
    s = uow.session
    open_ended = and_(Decision.kind.in_(GRANTING), Decision.amount > 0,
                      Decision.period_to.is_(None), Decision.period_from.is_not(None),
                      Decision.status.in_(STANDING))
    earliest = s.scalar(select(func.min(Decision.period_from)).where(open_ended))
    if earliest is None:
        return 0
    first = max(earliest.replace(day=1), add_months(month, -MAX_MONTHS))
    if first > month:
        return 0
    added = 0
    change, changing = aliased(Case), aliased(Decision)
    for benefit in BENEFITS:
        if benefit in ONE_OFF or benefit in NO_AMOUNT:
            continue
        day = day_for(uow.ctx.config, benefit)
        months = []
        m = first
        while m <= month:
            months.append(select(literal(m, Date).label("month"),
                                 literal(payment_date(day, m), Date).label("due_on"),
                                 literal(add_months(m, 1), Date).label("next_month")))
            m = add_months(m, 1)
        grid = union_all(*months).subquery("grid") if len(months) > 1 else months[0].subquery("grid")
        replaced = exists().where(
            change.parent_case_id == Decision.case_id, change.kind == CaseKind.CHANGE,
            changing.case_id == change.id, changing.status.in_(STANDING),
            # A revocation has no period of its own: it takes over from the change's date.
            func.coalesce(changing.period_from, change.effective_from) <= grid.c.month)
        # The last month each schedule already has: only the months after it are candidates
        # (one or two per decision, however old the grant), and only schedules already made
        # are continued; when a schedule is first made (at issue or at finality) is the
        # decision's life, not the run's.
        last = (select(PaymentScheduleItem.decision_id.label("decision_id"),
                       func.max(PaymentScheduleItem.month).label("month"))
                .join(Decision, Decision.id == PaymentScheduleItem.decision_id)
                .where(open_ended, Decision.benefit == benefit)
                .group_by(PaymentScheduleItem.decision_id).subquery("last"))
        source = (select(Decision.id, Decision.case_id, grid.c.month, grid.c.due_on,
                         Decision.amount, literal("planned"))
                  .select_from(Decision).join(last, last.c.decision_id == Decision.id)
                  .join(grid, and_(grid.c.month > last.c.month,
                                   Decision.period_from < grid.c.next_month))
                  .where(open_ended, Decision.benefit == benefit, ~replaced))
        added += len(s.execute(insert(PaymentScheduleItem).from_select(
            ["decision_id", "case_id", "month", "due_on", "amount", "status"], source)
            .returning(PaymentScheduleItem.id)).all())
    return added
