"""The monthly lists of help in kind and services: their own schedule, instead of transfers.

Meals (art. 48b u.p.s.) go on a list per school or canteen: who, how many meals a day, on how
many days of the month, how many meals (the provider serves them and the centre settles with
the provider; the party is paid nothing). Care services (art. 50) go on a month's list with the
hours planned and the fee each person pays by the fee decided with the service. A list is read
from the standing grants (issued or final, granting, with their scope) whose period covers the
month, so it follows every decision, change and revocation as it stands: nothing is sent to a
bank, and the payment run skips these benefits (``app.services.payments.schedule``).

Readings (:mod:`app.domain.care_fees`): services and meals are planned on the working days of
the month within the period; hours = hours a week x days / 5; the fee is rounded down.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy import or_, select

from app.domain import benefits
from app.domain.care_fees import month_days, month_fee, month_hours
from app.domain.messages import msg
from app.domain.messages.codes_upsb import UpsbCode
from app.domain.statuses import DecisionKind, DecisionStatus
from app.persistence.models import Case, Decision, HouseholdMember, ProvisionScope
from app.services.kernel import audit
from app.services.kernel.context import Actor, ServiceContext, UnitOfWork
from app.services.kernel.errors import Forbidden, ValidationFailed
from app.services.provision.views import (
    MealRow,
    MealsList,
    ProviderMeals,
    ServiceRow,
    ServicesList,
)

GRANTING = (DecisionKind.GRANT, DecisionKind.PARTIAL)
STANDING = (DecisionStatus.ISSUED, DecisionStatus.FINAL)
KINDS = {"meals": benefits.Kind.IN_KIND, "services": benefits.Kind.SERVICE}


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


def _grants(uow: UnitOfWork, kind: benefits.Kind, month: date) -> list[tuple[
        ProvisionScope, Decision, str, str, str]]:
    """(scope, decision, case number, first name, last name) of the standing grants of ``kind``
    whose period covers some day of ``month``."""
    codes = benefits.codes_where(lambda b: b.kind is kind)
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
               or_(Decision.period_to.is_(None), Decision.period_to >= month))
        .order_by(Case.number, Decision.id)).all()
    return [(s, d, n, f, la) for s, d, n, f, la in rows]


def meals(uow: UnitOfWork, month: date) -> MealsList:
    """The month's meals, one list per provider (in the caller's transaction)."""
    by_provider: dict[str, list[MealRow]] = {}
    for scope, decision, number, first, last in _grants(uow, benefits.Kind.IN_KIND, month):
        assert decision.period_from is not None
        days = len(month_days(decision.period_from, decision.period_to, month))
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
    for scope, decision, number, first, last in _grants(uow, benefits.Kind.SERVICE, month):
        assert decision.period_from is not None
        days = len(month_days(decision.period_from, decision.period_to, month))
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


def read_list(ctx: ServiceContext, actor: Actor, kind: str,
              month: date) -> MealsList | ServicesList:
    """The list of ``kind`` ("meals" or "services") for ``month``; case roles, audited (with the
    kind and month, never a name)."""
    require_case_role(actor)
    if kind not in KINDS:
        raise ValidationFailed(msg(UpsbCode.LIST_KIND), {"kind": msg(UpsbCode.LIST_KIND)})
    with ctx.uow() as uow:
        found = meals(uow, month) if kind == "meals" else services(uow, month)
        audit.record(uow, "provision.list_read", actor.id, kind=kind, month=month.isoformat())
        uow.commit()
    return found
