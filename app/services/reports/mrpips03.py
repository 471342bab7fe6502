"""The MRPiPS-03 report for a half-year or a year: its rows (app/domain/mrpips03.py: the form's
rows and the definitions of its columns), the reasons for help and the social work given.

Reproducible: it reads only records that are never changed once written, each by its date —
payments *paid* (status ``paid``, never changed once settled) by their settlement date, the
cases' applicant, household, benefit and art. 7 reason (fixed when the case is opened), the
households' members (written when the case is opened), decisions by their kind, benefit, period
and issue date (a change, revocation, appeal or SKO ruling is a new decision or a status change,
never a change of these), social-work entries by their date and contracts by their dates. It
never reads a decision's or a schedule item's status, which later events change. So a closed
period gives the same figures whenever it is run, and its amounts are the sum of the payments
paid in the period (the payment lists' settled payments).

One statement: the cases given help in the period (paid, or granted in kind) as a common table
expression, then one aggregate per row of the form (index-backed: payments by settlement date,
household members by household).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    Integer,
    and_,
    case,
    distinct,
    exists,
    func,
    literal,
    null,
    or_,
    select,
    text,
    union,
    union_all,
)
from sqlalchemy.sql.elements import ColumnElement

from app.domain import mrpips03 as form
from app.domain.deadlines import today_in_warsaw
from app.domain.digits import parse_ascii_int
from app.domain.messages import Code, msg
from app.domain.messages.codes_rep import RepCode
from app.domain.money import ZERO
from app.domain.reasons import REASONS
from app.domain.social_work import ContractStatus
from app.domain.statuses import DecisionKind, PaymentStatus
from app.domain.views import JsonView
from app.persistence.models import (
    Case,
    Decision,
    HouseholdMember,
    Payment,
    SocialContract,
    SocialWorkEntry,
    SocialWorkMember,
)
from app.services.kernel.context import Actor, ServiceContext
from app.services.kernel.errors import Forbidden, ValidationFailed
from app.services.reports.export import Cell, ReportTable, to_csv, to_xlsx

# Who makes the report: the head of the centre and supervisors. It holds no personal data (only
# counts and sums), but it is the centre's management information, not an administrator's: an
# admin (who sees no case data) and a caseworker do not make it.
ROLES = frozenset({"head", "supervisor"})
FIRST_YEAR = 2004  # u.p.s. of 12 March 2004 in force from 1 May 2004
GRANTING = (DecisionKind.GRANT.value, DecisionKind.PARTIAL.value)


@dataclass(frozen=True, eq=False)
class FormRow(JsonView):
    """One row of the form: the columns as app.domain.mrpips03 defines them (None: not held)."""

    benefit: str
    label: str
    task: str
    level: int
    persons: int
    benefits: int | None
    amount: Decimal | None
    families: int
    persons_in_families: int


@dataclass(frozen=True, eq=False)
class ReasonRow(JsonView):
    """The families given help for an art. 7 reason, and the persons in them."""

    reason: str
    families: int
    persons_in_families: int


@dataclass(frozen=True, eq=False)
class SocialWorkSection(JsonView):
    """Social work and kontrakty socjalne in the period (definitions in the function below)."""

    families: int
    persons_in_families: int
    families_social_work_only: int
    persons_social_work_only: int
    contracts: int
    contract_persons: int
    contract_persons_in_families: int


@dataclass(frozen=True, eq=False)
class Mrpips03Report(JsonView):
    """The report for a period: its rows in the form's order, the reasons and social work."""

    year: int
    half: int | None
    start: date
    end: date
    rows: tuple[FormRow, ...]
    reasons: tuple[ReasonRow, ...]
    families_total: int
    persons_in_families_total: int
    social_work: SocialWorkSection
    paid_total: Decimal


def require_role(actor: Actor) -> None:
    if not actor.roles & ROLES:
        raise Forbidden(msg(RepCode.ROLE))


def period(ctx: ServiceContext, year: object, half: object) -> form.Period:
    """The period from the query's text (a year of four digits, a half of 1 or 2 or nothing),
    else a coded 422 naming the field."""
    errors: dict[str, Any] = {}
    y = parse_ascii_int(str(year)) if year not in (None, "") else None
    if y is None or len(str(year).strip()) != 4 or y < FIRST_YEAR:
        errors["year"] = msg(RepCode.YEAR_INVALID)
    elif y > today_in_warsaw(ctx.now()).year:
        errors["year"] = msg(RepCode.YEAR_FUTURE)
    h: int | None = None
    if half not in (None, ""):
        h = parse_ascii_int(str(half))
        if h not in (1, 2) or len(str(half).strip()) != 1:
            errors["half"] = msg(RepCode.HALF_INVALID)
    if errors:
        raise ValidationFailed(msg(Code.REQUEST_INVALID), errors)
    assert y is not None
    return form.Period(y, h)


def _helped(start: date, end: date) -> tuple[Any, Any]:
    """The cases given help in the period, one row per case and source: those paid (n payments
    and their amount) and those granted help in kind or a service (no payment: n and amount
    NULL), with what the rows filter on; and the same rows once per member of their household."""
    paid = (select(Payment.case_id.label("case_id"), func.count().label("n"),
                   func.sum(Payment.amount).label("amt"))
            .where(Payment.status == PaymentStatus.PAID.value,
                   Payment.settled_on >= start, Payment.settled_on <= end)
            .group_by(Payment.case_id))
    in_kind = [b for row in form.ROWS if row.measure is form.Measure.GRANTED and not row.issued_in_period
               for b in row.benefits]
    issued_in = [b for row in form.ROWS if row.measure is form.Measure.GRANTED and row.issued_in_period
                 for b in row.benefits]
    granted = union(
        select(Decision.case_id).where(
            Decision.benefit.in_(in_kind), Decision.kind.in_(GRANTING),
            Decision.issued_on <= end, Decision.period_from <= end,
            or_(Decision.period_to.is_(None), Decision.period_to >= start)),
        select(Decision.case_id).where(
            Decision.benefit.in_(issued_in), Decision.kind.in_(GRANTING),
            Decision.issued_on >= start, Decision.issued_on <= end)).subquery()
    sources = union_all(
        paid,
        select(granted.c.case_id, null().cast(Integer).label("n"), null().label("amt"))).subquery()
    hm = HouseholdMember
    households = (select(hm.household_id, func.min(hm.person_id).label("family"),
                         func.count().label("size")).group_by(hm.household_id).subquery())
    task = case(*[(and_(Case.benefit == b, Case.reason == r), literal(form.ZLECONE))
                  for b, r in form.COMMISSIONED], else_=literal(form.WLASNE))
    h = (select(Case.applicant_id.label("person"), Case.household_id.label("household"),
                households.c.family, Case.benefit.label("benefit"), Case.reason.label("reason"),
                task.label("task"), (households.c.size == 1).label("alone"), sources.c.n,
                sources.c.amt)
         .join(Case, Case.id == sources.c.case_id)
         .join(households, households.c.household_id == Case.household_id)
         .where(Case.benefit.in_(sorted(form.COUNTED)))).cte("helped")
    members = (select(*h.c, hm.person_id.label("member"))
               .join(hm, hm.household_id == h.c.household)).cte("helped_members")
    return h, members


def _filter(row: form.Row, h: Any) -> ColumnElement[bool]:
    conds: list[ColumnElement[bool]] = [h.c.task == row.task]
    if row.measure is not form.Measure.TOTAL:
        conds.append(h.c.benefit.in_(row.benefits))
    if row.reasons:
        conds.append(h.c.reason.in_(row.reasons))
    if row.not_reasons:
        conds.append(h.c.reason.not_in(row.not_reasons))
    if row.alone is not None:
        conds.append(h.c.alone.is_(row.alone))
    return and_(*conds)


def _in_period(start: date, end: date) -> tuple[Any, Any]:
    """Social work's records in the period (a visit or note in it, or a contract in force), and
    the condition of a contract in force (module docstring of services/social_work/period.py)."""
    c = SocialContract
    in_force = and_(c.status != ContractStatus.REFUSED.value, c.concluded_on <= end,
                    or_(c.outcome_on.is_(None), c.outcome_on >= start),
                    or_(c.valid_until.is_(None), c.valid_until >= start))
    records = union(
        select(SocialWorkEntry.record_id.label("rid")).where(SocialWorkEntry.on >= start,
                                                             SocialWorkEntry.on <= end),
        select(c.record_id).where(in_force)).subquery()
    return records, in_force


def statement(start: date, end: date) -> Any:
    """The whole report as one statement (the cases helped computed once): rows of (section, key,
    persons, benefits, amount, families); sections ``row`` and ``row_members`` (each form row),
    ``reason``, ``total``, ``paid`` (the payments paid, summed apart from the rows) and
    ``social_work_only``."""
    h, hm_h = _helped(start, end)
    parts: list[Any] = []
    for row in form.ROWS:
        parts.append(select(literal("row").label("section"), literal(row.key).label("key"),
                            func.count(distinct(h.c.person)).label("persons"),
                            func.sum(h.c.n).label("n"), func.sum(h.c.amt).label("amt"),
                            func.count(distinct(h.c.family)).label("families"))
                     .where(_filter(row, h)))
        parts.append(select(literal("row_members"), literal(row.key),
                            func.count(distinct(hm_h.c.member)), null(), null(), null())
                     .where(_filter(row, hm_h)))
    parts.append(select(literal("reason"), hm_h.c.reason, func.count(distinct(hm_h.c.member)), null(),
                        null(), func.count(distinct(hm_h.c.family))).group_by(hm_h.c.reason))
    parts.append(select(literal("total"), literal(""), func.count(distinct(hm_h.c.member)), null(),
                        null(), func.count(distinct(hm_h.c.family))))
    parts.append(select(literal("paid"), literal(""), null(), null(),
                        func.coalesce(func.sum(Payment.amount), 0), null())
                 .join(Case, Case.id == Payment.case_id)
                 .where(Payment.status == PaymentStatus.PAID.value,
                        Payment.settled_on >= start, Payment.settled_on <= end,
                        Case.benefit.in_(sorted(form.COUNTED))))
    # Social work only: a record of the period none of whose members is in a family helped.
    records, _ = _in_period(start, end)
    m = SocialWorkMember
    other = m.__table__.alias("other")
    only = m.record_id.in_(select(records.c.rid)) & ~exists(
        select(other.c.id).where(other.c.record_id == m.record_id,
                                 other.c.person_id.in_(select(hm_h.c.member))))
    parts.append(select(literal("social_work_only"), literal(""), func.count(distinct(m.person_id)),
                        null(), null(), func.count(distinct(m.record_id))).where(only))
    return union_all(*parts)


def _social_work(s: Any, start: date, end: date, only: tuple[int, int]) -> SocialWorkSection:
    """Social work given in the period (services/social_work/period.py's definitions, read by
    their dates only): a family is given social work when its record has a visit or a note dated
    in the period or a kontrakt socjalny in force in it (concluded, not refused, by the period's
    end, its outcome and the end of its term not before the period's start); its persons are the
    record's members. A family is given social work *only* when none of its members is in a
    family counted in the report's rows (``only``: its families and persons, from
    :func:`statement`). Contracts: those in force, the persons who concluded them, and the
    persons of their families."""
    c = SocialContract
    records, in_force = _in_period(start, end)
    m = SocialWorkMember
    families, persons = s.execute(select(func.count(distinct(m.record_id)), func.count(distinct(m.person_id)))
                                  .where(m.record_id.in_(select(records.c.rid)))).one()
    contracts, contract_persons = s.execute(
        select(func.count(), func.count(distinct(c.person_id))).where(in_force)).one()
    contract_members = s.scalar(select(func.count(distinct(m.person_id))).where(
        m.record_id.in_(select(c.record_id).where(in_force))))
    return SocialWorkSection(families, persons, only[0], only[1], contracts,
                             contract_persons, contract_members or 0)


def compute(ctx: ServiceContext, actor: Actor, year: object, half: object = None) -> Mrpips03Report:
    """The MRPiPS-03 report for the year (``half`` None), or its first or second half."""
    require_role(actor)
    p = period(ctx, year, half)
    start, end = p.start, p.end
    with ctx.uow(readonly=True) as uow:
        s = uow.session
        if not ctx.db.is_sqlite:
            # The distinct counts and the payments' grouping sort in memory (a report's need;
            # the transaction's own setting).
            s.execute(text("SET LOCAL work_mem = '64MB'"))
        found: dict[tuple[str, str], tuple[Any, Any, Any, Any]] = {}
        result: Any = s.execute(statement(start, end))
        for section, key, persons, n, amt, families in result:
            found[(section, key)] = (persons, n, amt, families)
        rows = []
        for row in form.ROWS:
            persons, n, amt, families = found.get(("row", row.key), (0, None, None, 0))
            in_families = found.get(("row_members", row.key), (0, None, None, None))[0]
            paid = row.measure is not form.Measure.GRANTED
            rows.append(FormRow(
                row.key, row.label, row.task, row.level, persons,
                int(n or 0) if paid else None,
                Decimal(amt or ZERO).quantize(Decimal("0.01")) if paid else None,
                families, in_families))
        reason_rows = {key: (v[3], v[0]) for (section, key), v in found.items() if section == "reason"}
        order = list(form.REASON_ORDER) + sorted(set(reason_rows) - set(form.REASON_ORDER))
        reasons = tuple(ReasonRow(r, *reason_rows.get(r, (0, 0))) for r in order)
        total_persons, _, _, total_families = found.get(("total", ""), (0, None, None, 0))
        only_persons, _, _, only_families = found.get(("social_work_only", ""), (0, None, None, 0))
        social_work = _social_work(s, start, end, (only_families, only_persons))
        paid_total = found.get(("paid", ""), (None, None, 0, None))[2]
        return Mrpips03Report(p.year, p.half, start, end, tuple(rows), reasons, total_families,
                              total_persons, social_work,
                              Decimal(paid_total or 0).quantize(Decimal("0.01")))


# --- the exports ---------------------------------------------------------------------------------
COLUMNS = (("label", "Wyszczególnienie"), ("task", "Zadanie"),
           ("persons", "Liczba osób, którym decyzją przyznano świadczenie"),
           ("benefits", "Liczba świadczeń"), ("amount", "Kwota świadczeń w zł"),
           ("families", "Liczba rodzin"), ("persons_in_families", "Liczba osób w rodzinach"))
TASKS = {form.ZLECONE: "zadania zlecone", form.WLASNE: "zadania własne gminy"}
FORMATS = {"xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
           "csv": "text/csv; charset=utf-8"}


def period_name(report: Mrpips03Report) -> str:
    """"I półrocze 2025", "II półrocze 2025" or "rok 2025"."""
    return {1: "I półrocze", 2: "II półrocze"}.get(report.half or 0, "rok") + f" {report.year}"


def table(report: Mrpips03Report) -> ReportTable:
    """The report as a table in the form's order: the rows (a sub-row indented), then the reasons
    for help and social work under their own headings in the same columns."""
    rows: list[dict[str, Cell]] = [
        {"label": "    " * r.level + r.label, "task": TASKS[r.task], "persons": r.persons,
         "benefits": r.benefits, "amount": r.amount, "families": r.families,
         "persons_in_families": r.persons_in_families} for r in report.rows]
    rows.append({"label": "Powody przyznania pomocy (art. 7 u.p.s.): liczba rodzin i osób w rodzinach"})
    rows.extend({"label": REASONS[r.reason][0] if r.reason in REASONS else r.reason,
                 "families": r.families, "persons_in_families": r.persons_in_families}
                for r in report.reasons)
    rows.append({"label": "Ogółem rodziny objęte pomocą", "families": report.families_total,
                 "persons_in_families": report.persons_in_families_total})
    sw = report.social_work
    rows.append({"label": "Praca socjalna i kontrakty socjalne"})
    rows.append({"label": "Rodziny objęte pracą socjalną", "families": sw.families,
                 "persons_in_families": sw.persons_in_families})
    rows.append({"label": "    w tym wyłącznie pracą socjalną", "families": sw.families_social_work_only,
                 "persons_in_families": sw.persons_social_work_only})
    rows.append({"label": "Kontrakty socjalne", "benefits": sw.contracts, "persons": sw.contract_persons,
                 "persons_in_families": sw.contract_persons_in_families})
    return ReportTable(
        title=f"MRPiPS-03 {period_name(report)}", columns=COLUMNS, rows=tuple(rows),
        notes=(f"Okres: {report.start.isoformat()} – {report.end.isoformat()}.",
               f"Suma wypłat zrealizowanych w okresie: {report.paid_total} zł.",
               "Posiłek, usługi opiekuńcze i sprawienie pogrzebu: liczba osób i rodzin z decyzji; "
               "liczbę i koszt świadczeń rozlicza się z wykonawcą."))


def export(ctx: ServiceContext, actor: Actor, year: object, half: object, fmt: str
           ) -> tuple[bytes, str, str]:
    """The report as a file: (content, media type, file name); ``fmt`` xlsx or csv, else 422."""
    if fmt not in FORMATS:
        raise ValidationFailed(msg(Code.REQUEST_INVALID), {"format": msg(RepCode.FORMAT_INVALID)})
    report = compute(ctx, actor, year, half)
    t = table(report)
    content = to_xlsx(t) if fmt == "xlsx" else to_csv(t).encode("utf-8")
    suffix = f"-{report.half}" if report.half else ""
    return content, FORMATS[fmt], f"mrpips-03-{report.year}{suffix}.{fmt}"
