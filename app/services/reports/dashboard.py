"""The head of the centre's dashboard: cases opened, grants, refusals, payments and amounts paid in a
period, by month, by benefit and by reason (art. 7 u.p.s.), and the cases behind each figure.

What each figure counts (every one read from a dated record that is not changed afterwards):

- **cases opened** (``opened``): the cases opened on an application (``Case.kind`` application;
  not the change cases a decision's change opens ex officio, nor the FA debtor procedures), by the
  day the case was opened (``Case.opened_on``);
- **grants** (``granted``): the decisions granting a benefit in full or in part
  (``DecisionKind.GRANT``, ``PARTIAL``), by the day they were issued (``Decision.issued_on``:
  a decision later changed, appealed or quashed was still issued that day);
- **refusals** (``refused``): the refusing decisions (``DecisionKind.REFUSAL``), by the same day;
- **payments** and **amount paid** (``payments``, ``amount``): the payments settled as paid
  (``PaymentStatus.PAID``; a returned transfer is not, its reissue is), by their day of payment
  (``Payment.due_on``, the payment list's date), and the sum of their amounts (Decimal).

Each is split by the month of that day, by the case's benefit and by the case's reason for help
(``Case.reason``, art. 7 u.p.s., as the application and the interview state it). The filters are
the period (first and last month, at most :data:`MAX_MONTHS`), a benefit and a caseworker (the
case's ``caseworker_id``).

Three aggregate queries (one per record), each grouped by month, benefit and reason in the
database and range-read through the date's index (``ix_cases_opened_on``,
``ix_decisions_issued_on``, ``ix_payments_due_on``); the groups (at most months x benefits x
reasons) are summed here into the three splits. No case is loaded into Python to count it.

Who sees it: the head of the centre (role ``head``) and supervisors. The figures are aggregates
with no personal data; the cases behind a figure (the drill-down, with the applicants' names) are
personal data and shown only to a case role (caseworker or supervisor), the read audited. An
admin sees neither: a small cell (one case of domestic violence in a month for one caseworker)
can point at a person, and an admin alone sees no case data.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import ColumnElement, Select, extract, func, select

from app.domain import benefits
from app.domain.digits import parse_ascii_int
from app.domain.messages import Msg, msg
from app.domain.messages.codes_dash import DashCode
from app.domain.reasons import REASONS
from app.domain.statuses import CaseKind, DecisionKind, PaymentStatus
from app.domain.views import JsonView
from app.persistence.models import Case, Decision, Payment, User, UserRole
from app.services.cases import register
from app.services.cases.register_views import CaseRow
from app.services.kernel import audit
from app.services.kernel.context import Actor, ServiceContext
from app.services.kernel.errors import Forbidden, ValidationFailed
from app.services.kernel.formats import MAX_YEAR, MIN_YEAR

VIEW_ROLES = frozenset({"head", "supervisor"})
MAX_MONTHS = 36
DEFAULT_MONTHS = 12
FIGURES = ("opened", "granted", "refused", "paid")
DRILLDOWN_LIMIT = 500
GRANTS = (DecisionKind.GRANT, DecisionKind.PARTIAL)
_MONTH = re.compile(r"[0-9]{4}-[0-9]{2}")


@dataclass(frozen=True)
class Filters(JsonView):
    """The period (first days of its first and last month), a benefit and a caseworker."""

    start: date
    end: date
    benefit: str | None = None
    caseworker_id: int | None = None

    @property
    def last_day(self) -> date:
        """The period's last day (the last day of its last month)."""
        return _add_months(self.end, 1) - timedelta(days=1)

    @property
    def months(self) -> tuple[date, ...]:
        """The first day of every month of the period, in order."""
        out, month = [], self.start
        while month <= self.end:
            out.append(month)
            month = _add_months(month, 1)
        return tuple(out)

    def query(self) -> dict[str, str]:
        """The filters as the page's and the API's query parameters."""
        args = {"from": _month_text(self.start), "to": _month_text(self.end)}
        if self.benefit:
            args["benefit"] = self.benefit
        if self.caseworker_id is not None:
            args["caseworker"] = str(self.caseworker_id)
        return args


@dataclass(frozen=True)
class FigureRow(JsonView):
    """The figures of one month, one benefit or one reason (``key``), or of the whole period."""

    key: str
    opened: int = 0
    granted: int = 0
    refused: int = 0
    payments: int = 0
    amount: Decimal = Decimal("0.00")


@dataclass(frozen=True)
class Dashboard(JsonView):
    """The figures of a period: the totals and the three splits; ``drilldown`` says whether the
    reader may open the cases behind them."""

    filters: Filters
    total: FigureRow
    by_month: tuple[FigureRow, ...]
    by_benefit: tuple[FigureRow, ...]
    by_reason: tuple[FigureRow, ...]
    drilldown: bool


@dataclass(frozen=True)
class Caseworker(JsonView):
    """A caseworker the dashboard can be filtered by."""

    id: int
    name: str


@dataclass(frozen=True)
class CasesBehind(JsonView):
    """The cases behind one figure (at most :data:`DRILLDOWN_LIMIT`; ``more`` when cut)."""

    figure: str
    filters: Filters
    month: str | None
    reason: str | None
    cases: tuple[CaseRow, ...] = field(default=())
    more: bool = False


def may_view(actor: Actor) -> bool:
    """The head of the centre and supervisors see the dashboard."""
    return bool(actor.roles & VIEW_ROLES)


def may_drill_down(actor: Actor) -> bool:
    """Of them, only a case role opens the cases behind a figure (personal data)."""
    return may_view(actor) and actor.has_case_role


def _require_view(actor: Actor) -> None:
    if not may_view(actor):
        raise Forbidden(msg(DashCode.ROLE))


def require_drill_down(actor: Actor) -> None:
    """Forbidden unless the actor may open the cases behind a figure."""
    _require_view(actor)
    if not actor.has_case_role:
        raise Forbidden(msg(DashCode.DRILLDOWN_ROLE))


def _add_months(day: date, n: int) -> date:
    index = day.year * 12 + day.month - 1 + n
    return date(index // 12, index % 12 + 1, 1)


def _month_text(day: date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def parse_month(raw: str) -> date | Msg:
    """A month written "YYYY-MM" (ASCII digits), as its first day; else the reason it is not."""
    if not _MONTH.fullmatch(raw):
        return msg(DashCode.MONTH_FORMAT)
    year, month = int(raw[:4]), int(raw[5:])
    if not 1 <= month <= 12:
        return msg(DashCode.MONTH_FORMAT)
    if not MIN_YEAR <= year <= MAX_YEAR:
        return msg(DashCode.MONTH_RANGE, first=MIN_YEAR, last=MAX_YEAR)
    return date(year, month, 1)


def read_filters(ctx: ServiceContext, raw: Mapping[str, str | None]) -> Filters:
    """The filters from query parameters ``from``, ``to`` (months), ``benefit``, ``caseworker``
    (a user id); an empty or missing month is the default period (the last twelve months up to
    this one). Every bad value is a coded field error, raised once (422)."""
    today = ctx.now().date()
    errors: dict[str, str] = {}
    months: dict[str, date] = {}
    for name in ("from", "to"):
        text = raw.get(name) or ""
        if text:
            parsed = parse_month(text)
            if isinstance(parsed, date):
                months[name] = parsed
            else:
                errors[name] = parsed
    end = months.get("to", today.replace(day=1))
    start = months.get("from", _add_months(end, 1 - DEFAULT_MONTHS))
    if not errors:
        if end < start:
            errors["to"] = msg(DashCode.MONTH_ORDER)
        elif len(Filters(start, end).months) > MAX_MONTHS:
            errors["from"] = msg(DashCode.PERIOD_TOO_LONG, months=MAX_MONTHS)
    benefit = raw.get("benefit") or None
    if benefit is not None and benefit not in benefits.CODES:
        errors["benefit"] = msg(DashCode.BENEFIT_UNKNOWN)
    caseworker_id = None
    caseworker = raw.get("caseworker") or ""
    if caseworker:
        caseworker_id = parse_ascii_int(caseworker)
        known = caseworker_id is not None and caseworker_id in {c.id for c in caseworkers(ctx)}
        if not known:
            errors["caseworker"] = msg(DashCode.CASEWORKER_UNKNOWN)
    if errors:
        raise ValidationFailed(msg(DashCode.FILTERS_INVALID), errors)
    return Filters(start, end, benefit, caseworker_id)


def caseworkers(ctx: ServiceContext) -> tuple[Caseworker, ...]:
    """The caseworkers (active or not: a closed period may name one who has left), by name."""
    with ctx.uow(readonly=True) as uow:
        rows = uow.session.execute(
            select(User.id, User.full_name).join(UserRole, UserRole.user_id == User.id)
            .where(UserRole.role == "caseworker").order_by(User.full_name, User.id)).all()
        return tuple(Caseworker(user_id, name) for user_id, name in rows)


def _case_filters(filters: Filters) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = []
    if filters.benefit:
        conditions.append(Case.benefit == filters.benefit)
    if filters.caseworker_id is not None:
        conditions.append(Case.caseworker_id == filters.caseworker_id)
    return conditions


def _grouped(day: Any, *columns: Any) -> tuple[Any, ...]:
    return (extract("year", day), extract("month", day), Case.benefit, Case.reason, *columns)


def _opened_in(start: date, last: date) -> list[ColumnElement[bool]]:
    return [Case.kind == CaseKind.APPLICATION, Case.opened_on >= start, Case.opened_on <= last]


def _decided_in(start: date, last: date, kinds: Iterable[str]) -> list[ColumnElement[bool]]:
    return [Decision.issued_on >= start, Decision.issued_on <= last, Decision.kind.in_(tuple(kinds))]


def _paid_in(start: date, last: date) -> list[ColumnElement[bool]]:
    return [Payment.status == PaymentStatus.PAID, Payment.due_on >= start, Payment.due_on <= last]


class _Sums:
    """The figures summed per key of one split."""

    def __init__(self) -> None:
        self.rows: dict[str, dict[str, Any]] = {}

    def add(self, key: str, figure: str, value: Any) -> None:
        row = self.rows.setdefault(key, {"opened": 0, "granted": 0, "refused": 0, "payments": 0,
                                         "amount": Decimal("0.00")})
        row[figure] += value

    def row(self, key: str) -> FigureRow:
        return FigureRow(key, **self.rows.get(key, {}))


def figures(ctx: ServiceContext, actor: Actor, filters: Filters) -> Dashboard:
    """The dashboard's figures for the filters (module docstring: what each counts)."""
    _require_view(actor)
    start, last = filters.start, filters.last_day
    where = _case_filters(filters)
    month, benefit, reason, total = _Sums(), _Sums(), _Sums(), _Sums()

    def add(y: Any, m: Any, ben: Any, why: Any, figure: str, value: Any) -> None:
        for sums, key in ((month, f"{int(y):04d}-{int(m):02d}"), (benefit, str(ben)), (reason, str(why)),
                          (total, "")):
            sums.add(key, figure, value)

    with ctx.uow(readonly=True) as uow:
        s = uow.session
        day: Any = Case.opened_on
        for y, m, ben, why, n in s.execute(
                select(*_grouped(day), func.count(Case.id))
                .where(*_opened_in(start, last), *where).group_by(*_grouped(day))):
            add(y, m, ben, why, "opened", n)
        day = Decision.issued_on
        for y, m, ben, why, kind, n in s.execute(
                select(*_grouped(day, Decision.kind), func.count(Decision.id))
                .join(Case, Case.id == Decision.case_id)
                .where(*_decided_in(start, last, (*GRANTS, DecisionKind.REFUSAL)), *where)
                .group_by(*_grouped(day, Decision.kind))):
            add(y, m, ben, why, "refused" if kind == DecisionKind.REFUSAL else "granted", n)
        day = Payment.due_on
        for y, m, ben, why, n, amount in s.execute(
                select(*_grouped(day), func.count(Payment.id), func.sum(Payment.amount))
                .join(Case, Case.id == Payment.case_id)
                .where(*_paid_in(start, last), *where).group_by(*_grouped(day))):
            add(y, m, ben, why, "payments", n)
            add(y, m, ben, why, "amount", Decimal(str(amount)).quantize(Decimal("0.01")))
    benefit_order = [code for code in benefits.CODES if code in benefit.rows]
    benefit_order += sorted(set(benefit.rows) - set(benefit_order))
    reason_order = [code for code in REASONS if code in reason.rows]
    reason_order += sorted(set(reason.rows) - set(reason_order))
    return Dashboard(
        filters=filters, total=total.row(""),
        by_month=tuple(month.row(_month_text(m)) for m in filters.months),
        by_benefit=tuple(benefit.row(k) for k in benefit_order),
        by_reason=tuple(reason.row(k) for k in reason_order),
        drilldown=may_drill_down(actor))


def _behind(figure: str, start: date, last: date) -> Select[Any]:
    """The ids of the cases behind a figure in the period ``start``..``last``."""
    if figure == "opened":
        return select(Case.id).where(*_opened_in(start, last))
    if figure in ("granted", "refused"):
        kinds = GRANTS if figure == "granted" else (DecisionKind.REFUSAL,)
        return (select(Decision.case_id).join(Case, Case.id == Decision.case_id)
                .where(*_decided_in(start, last, kinds)))
    return select(Payment.case_id).join(Case, Case.id == Payment.case_id).where(*_paid_in(start, last))


def cases_behind(ctx: ServiceContext, actor: Actor, filters: Filters, figure: str,
                 month: str | None = None, reason: str | None = None) -> CasesBehind:
    """The cases behind one figure of the dashboard: the filters' period (or one ``month`` of
    it), benefit and caseworker, and optionally one art. 7 ``reason``. Personal data (the
    applicants' names): a case role only, and the read is audited (ids and counts only)."""
    require_drill_down(actor)
    errors: dict[str, str] = {}
    if figure not in FIGURES:
        errors["figure"] = msg(DashCode.FIGURE_UNKNOWN)
    start, last = filters.start, filters.last_day
    if month:
        parsed = parse_month(month)
        if isinstance(parsed, date):
            start, last = max(start, parsed), min(last, Filters(parsed, parsed).last_day)
        else:
            errors["month"] = parsed
    if reason and reason not in REASONS:
        errors["reason"] = msg(DashCode.REASON_UNKNOWN)
    if errors:
        raise ValidationFailed(msg(DashCode.FILTERS_INVALID), errors)
    ids = _behind(figure, start, last).where(*_case_filters(filters))
    if reason:
        ids = ids.where(Case.reason == reason)
    with ctx.uow() as uow:
        rows = list(uow.session.scalars(register.with_applicants(
            select(Case).where(Case.id.in_(ids))
            .order_by(Case.opened_on.desc(), Case.id.desc()).limit(DRILLDOWN_LIMIT + 1))).unique())
        found = tuple(register.case_row(uow, c) for c in rows[:DRILLDOWN_LIMIT])
        audit.record(uow, "dashboard.drilldown", actor.id, None, figure=figure, results=len(found))
        uow.commit()
        return CasesBehind(figure, filters, month or None, reason or None, found,
                           len(rows) > DRILLDOWN_LIMIT)
