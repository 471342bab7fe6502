"""The monthly lists of help in kind and services: their own schedule, instead of transfers.

Meals (art. 48b u.p.s.) go on a list per school or canteen: who, how many meals a day, on how
many days of the month, how many meals (the provider serves them and the centre settles with
the provider; the party is paid nothing). Care services (art. 50) go on a month's list with the
hours planned and the fee each person pays by the fee decided with the service. A list is read
from the standing grants (issued or final, granting, with their scope) whose period covers the
month, so it follows every decision, change and revocation as it stands (a grant's days end
the day before a standing change or revocation of it takes over): nothing is sent to a
bank, and the payment run skips these benefits (``app.services.payments.schedule``).
Funerals the gmina arranges (art. 44 u.p.s.) go on a month's list per funeral home: the
funerals held in the month and their cost, which the centre pays the home on its invoice (the
party is paid nothing; the costs are claimed back under art. 96 ust. 3 in the recovery ledger).

Readings (:mod:`app.domain.care_fees`): services and meals are planned on the working days of
the month within the period; hours = hours a week x days / 5; the fee is rounded down.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy import func, or_, select
from sqlalchemy.orm import aliased

from app.domain import benefits
from app.domain.care_fees import month_days, month_fee, month_hours
from app.domain.messages import msg
from app.domain.messages.codes_upsb import UpsbCode
from app.domain.statuses import CaseKind, DecisionKind, DecisionStatus
from app.persistence.models import Case, Decision, HouseholdMember, ProvisionScope
from app.services.kernel import audit
from app.services.kernel.context import Actor, ServiceContext, UnitOfWork
from app.services.kernel.errors import Forbidden, ValidationFailed
from app.services.provision.scope import ORDERED
from app.services.provision.views import (
    FuneralRow,
    FuneralsList,
    MealRow,
    MealsList,
    ProviderFunerals,
    ProviderMeals,
    ServiceRow,
    ServicesList,
)

GRANTING = (DecisionKind.GRANT, DecisionKind.PARTIAL)
STANDING = (DecisionStatus.ISSUED, DecisionStatus.FINAL)
KINDS = {"meals": benefits.Kind.IN_KIND, "services": benefits.Kind.SERVICE,
         "funerals": benefits.Kind.ONE_OFF}
AnyList = MealsList | ServicesList | FuneralsList


def require_case_role(actor: Actor) -> None:
    """The lists name persons: case roles only (an admin alone sees none)."""
    if not actor.has_case_role:
        raise Forbidden(msg(UpsbCode.LIST_ROLE))


def parse_month(raw: object) -> date:
    """A list's month from "YYYY-MM" (the first day), else a coded 422."""
    text = str(raw or "").strip()
    try:
        year, month = text.split("-")
        if len(year) != 4 or len(month) != 2 or not (year + month).isascii():
            raise ValueError
        return date(int(year), int(month), 1)
    except ValueError:
        raise ValidationFailed(msg(UpsbCode.LIST_MONTH), {"month": msg(UpsbCode.LIST_MONTH)}) \
            from None


def _next(month: date) -> date:
    return date(month.year + month.month // 12, month.month % 12 + 1, 1)


def _grants(uow: UnitOfWork, kind: benefits.Kind, month: date, once: bool = False) -> list[tuple[
        ProvisionScope, Decision, str, str, str]]:
    """(scope, decision, case number, first name, last name) of the standing grants of ``kind``
    whose period covers some day of ``month`` (``once``: the services ordered once, held on a
    day of ``month``)."""
    codes = sorted(ORDERED) if once else benefits.codes_where(lambda b: b.kind is kind)
    if not codes:
        return []
    rows = uow.session.execute(
        select(ProvisionScope, Decision, Case.number, HouseholdMember.first_name,
               HouseholdMember.last_name)
        .join(Decision, Decision.id == ProvisionScope.decision_id)
        .join(Case, Case.id == Decision.case_id)
        .join(HouseholdMember, (HouseholdMember.household_id == Case.household_id)
              & (HouseholdMember.person_id == Case.applicant_id))
        .where(Decision.benefit.in_(codes), Decision.kind.in_(GRANTING),
               Decision.status.in_(STANDING), Decision.period_from < _next(month),
               Decision.period_from >= month if once else
               or_(Decision.period_to.is_(None), Decision.period_to >= month))
        .order_by(Case.number, Decision.id)).all()
    return [(s, d, n, f, la) for s, d, n, f, la in rows]


def _replaced_from(uow: UnitOfWork, case_ids: set[int]) -> dict[int, date]:
    """case id -> the first day a standing change or revocation of its grant takes over (the
    change case's decision then stands in its place, as the payment run reads it)."""
    if not case_ids:
        return {}
    change, changing = aliased(Case), aliased(Decision)
    starts = func.min(func.coalesce(changing.period_from, change.effective_from))
    rows = uow.session.execute(
        select(change.parent_case_id, starts)
        .join(changing, changing.case_id == change.id)
        .where(change.parent_case_id.in_(case_ids), change.kind == CaseKind.CHANGE,
               changing.status.in_(STANDING))
        .group_by(change.parent_case_id)).all()
    return {parent: start for parent, start in rows if parent is not None and start is not None}


def _days(decision: Decision, replaced: dict[int, date], month: date) -> int:
    """The working days of ``month`` the grant gives: within its period, and before a change or
    revocation of it takes over."""
    assert decision.period_from is not None
    end = decision.period_to
    start_of_change = replaced.get(decision.case_id)
    if start_of_change is not None:
        last = start_of_change - timedelta(days=1)
        end = last if end is None or last < end else end
        if end < decision.period_from:
            return 0
    return len(month_days(decision.period_from, end, month))


def meals(uow: UnitOfWork, month: date) -> MealsList:
    """The month's meals, one list per provider (in the caller's transaction)."""
    by_provider: dict[str, list[MealRow]] = {}
    grants = _grants(uow, benefits.Kind.IN_KIND, month)
    replaced = _replaced_from(uow, {d.case_id for _s, d, _n, _f, _l in grants})
    for scope, decision, number, first, last in grants:
        days = _days(decision, replaced, month)
        if not days:
            continue
        per_day = scope.meals_per_day or 1
        by_provider.setdefault(scope.provider, []).append(MealRow(
            decision.case_id, number, f"{first} {last}", decision.number or "", per_day, days,
            per_day * days))
    providers = tuple(ProviderMeals(name, tuple(rows), sum(r.meals for r in rows))
                      for name, rows in sorted(by_provider.items()))
    return MealsList(month, providers, sum(len(p.rows) for p in providers),
                     sum(p.meals for p in providers))


def services(uow: UnitOfWork, month: date) -> ServicesList:
    """The month's care services with the hours planned and the fees (caller's transaction)."""
    rows: list[ServiceRow] = []
    grants = _grants(uow, benefits.Kind.SERVICE, month)
    replaced = _replaced_from(uow, {d.case_id for _s, d, _n, _f, _l in grants})
    for scope, decision, number, first, last in grants:
        days = _days(decision, replaced, month)
        weekly = scope.hours_per_week or Decimal("0")
        if not days or weekly <= 0:
            continue
        hours = month_hours(weekly, days)
        per_hour = scope.fee_per_hour or Decimal("0.00")
        rows.append(ServiceRow(decision.case_id, number, f"{first} {last}",
                               decision.number or "", weekly, days, hours,
                               scope.fee_percent or Decimal("0"), per_hour,
                               month_fee(hours, per_hour)))
    return ServicesList(month, tuple(rows), sum((r.hours for r in rows), Decimal("0.00")),
                        sum((r.fee for r in rows), Decimal("0.00")))


def funerals(uow: UnitOfWork, month: date) -> FuneralsList:
    """The month's funerals per funeral home (in the caller's transaction). A funeral whose grant
    a standing change or revocation replaced is left out: the change's own grant, if any, stands
    in its place with its cost."""
    by_provider: dict[str, list[FuneralRow]] = {}
    grants = _grants(uow, benefits.Kind.ONE_OFF, month, once=True)
    replaced = _replaced_from(uow, {d.case_id for _s, d, _n, _f, _l in grants})
    for scope, decision, number, first, last in grants:
        if decision.case_id in replaced or decision.period_from is None:
            continue
        by_provider.setdefault(scope.provider, []).append(FuneralRow(
            decision.case_id, number, f"{first} {last}", decision.number or "",
            decision.period_from, decision.amount or Decimal("0.00")))
    providers = tuple(ProviderFunerals(name, tuple(rows), sum((r.cost for r in rows),
                                                              Decimal("0.00")))
                      for name, rows in sorted(by_provider.items()))
    return FuneralsList(month, providers, sum(len(p.rows) for p in providers),
                        sum((p.cost for p in providers), Decimal("0.00")))


def read_list(ctx: ServiceContext, actor: Actor, kind: str, month: date) -> AnyList:
    """The list of ``kind`` ("meals", "services" or "funerals") for ``month``; case roles,
    audited (with the kind and month, never a name)."""
    require_case_role(actor)
    if kind not in KINDS:
        raise ValidationFailed(msg(UpsbCode.LIST_KIND), {"kind": msg(UpsbCode.LIST_KIND)})
    with ctx.uow() as uow:
        found: AnyList = meals(uow, month) if kind == "meals" else \
            services(uow, month) if kind == "services" else funerals(uow, month)
        audit.record(uow, "provision.list_read", actor.id, kind=kind, month=month.isoformat())
        uow.commit()
    return found
