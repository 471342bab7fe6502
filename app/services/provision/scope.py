"""The scope a decision on help in kind or a service grants, recorded with its draft.

A meal decision (art. 48b u.p.s.) names the school or canteen that serves the meals and the
meals a day; a care services decision (art. 50) names the hours a week, and the fee is decided
with the service (art. 50 ust. 6): the table of the rada gminy's resolution in force on the
first day of the service, read with the income the eligibility recorded (a person living alone
against the single criterion, a family per person against the per-person criterion). The fee is
kept on the scope as decided, so a later table never changes a decision.

:func:`record` runs inside the draft's own transaction (called by the decisions' draft action);
its refusals are coded field errors of the draft form.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import select

from app.domain import benefits
from app.domain.care_fees import MAX_HOURS_PER_WEEK, MAX_MEALS_PER_DAY, fee_for
from app.domain.messages import msg
from app.domain.messages.codes_upsb import UpsbCode
from app.domain.polish import date_pl, pct, zl
from app.persistence.models import CareFeeTable, Decision, EligibilityResult, ProvisionScope
from app.services.kernel.context import UnitOfWork
from app.services.kernel.errors import ValidationFailed
from app.services.provision import fee_tables
from app.services.provision.views import ScopeView

IN_KIND = benefits.where(lambda b: b.kind is benefits.Kind.IN_KIND)
SERVICE = benefits.where(lambda b: b.kind is benefits.Kind.SERVICE)
PROVIDED = benefits.where(lambda b: b.kind in (benefits.Kind.IN_KIND, benefits.Kind.SERVICE))
# A service the centre orders from a provider and pays it for, not the party (sprawienie
# pogrzebu, art. 44 u.p.s.): its scope is the provider, and it goes on the month's funerals list.
ORDERED = benefits.where(lambda b: b.paid_to == "provider" and b.code not in PROVIDED)
FUNERAL = "funeral"
SHARE_STEP = ".income_share"


def _hours(raw: Any) -> Decimal | None:
    try:
        value = Decimal(str(raw).strip().replace(",", "."))
    except (InvalidOperation, ValueError):
        return None
    return value if value.is_finite() and 0 < value <= MAX_HOURS_PER_WEEK else None


def _meals(raw: Any) -> int | None:
    if isinstance(raw, bool):
        return None
    try:
        value = int(str(raw).strip())
    except ValueError:
        return None
    return value if 1 <= value <= MAX_MEALS_PER_DAY else None


def _income(result: Mapping[str, Any] | None) -> tuple[Decimal, int, Decimal] | None:
    """(total income, persons, criterion) the eligibility recorded for the fee."""
    for step in (result or {}).get("explanation") or []:
        if str(step.get("key") or "").endswith(SHARE_STEP):
            inputs = step.get("inputs") or {}
            return (Decimal(str(inputs["income"])), int(inputs["persons"]),
                    Decimal(str(inputs["criterion"])))
    return None


def record(uow: UnitOfWork, decision: Decision, data: Mapping[str, Any]) -> ScopeView | None:
    """Record the scope of a granting draft of a meal, a service or a funeral (the funeral home,
    art. 44 u.p.s.; none for other benefits or a refusal); refuse a scope that is missing or out
    of bounds, or a service without a fee table in force on its first day."""
    if decision.benefit not in PROVIDED and decision.benefit not in ORDERED \
            or decision.kind == "refusal":
        return None
    errors: dict[str, str] = {}
    scope = ProvisionScope(case_id=decision.case_id, provider="")
    if decision.benefit in ORDERED:
        scope.kind = FUNERAL
        scope.provider = str(data.get("provider") or "").strip()
        if not scope.provider:
            errors["provider"] = msg(UpsbCode.SCOPE_FUNERAL_PROVIDER)
    elif decision.benefit in IN_KIND:
        scope.kind = benefits.Kind.IN_KIND.value
        provider = str(data.get("provider") or "").strip()
        meals = _meals(data.get("meals_per_day", 1))
        if not provider:
            errors["provider"] = msg(UpsbCode.SCOPE_PROVIDER)
        if meals is None:
            errors["meals_per_day"] = msg(UpsbCode.SCOPE_MEALS, max=MAX_MEALS_PER_DAY)
        scope.provider, scope.meals_per_day = provider, meals
    else:
        scope.kind = benefits.Kind.SERVICE.value
        hours = _hours(data.get("hours_per_week"))
        if hours is None:
            errors["hours_per_week"] = msg(UpsbCode.SCOPE_HOURS, max=str(MAX_HOURS_PER_WEEK))
        scope.hours_per_week = hours
        on = decision.period_from
        found = fee_tables.in_force(uow, on) if on is not None else None
        eligibility = uow.session.get(EligibilityResult, decision.eligibility_id) \
            if decision.eligibility_id else None
        income = _income(eligibility.result if eligibility else None)
        if on is not None and found is None:
            errors["period_from"] = msg(UpsbCode.FEE_TABLE_MISSING, date=on.isoformat())
        elif found is not None and income is not None:
            table_id, table = found
            total, persons, criterion = income
            fee = fee_for(table, total, persons, criterion)
            scope.fee_table_id, scope.fee_band = table_id, fee.band
            scope.fee_percent, scope.hourly_cost = fee.fee_percent, fee.hourly_cost
            scope.fee_per_hour = fee.fee_per_hour
            scope.income_percent = (total * 100 / (criterion * persons)).quantize(
                Decimal("0.01"))
    if errors:
        raise ValidationFailed(msg(UpsbCode.SCOPE_INVALID), errors)
    uow.session.flush()  # the decision's id
    scope.decision_id = decision.id
    uow.session.add(scope)
    return view_of(uow, scope)


def view_of(uow: UnitOfWork, scope: ProvisionScope) -> ScopeView:
    table = uow.session.get(CareFeeTable, scope.fee_table_id) if scope.fee_table_id else None
    return ScopeView(scope.decision_id, scope.kind, scope.provider, scope.meals_per_day,
                     scope.hours_per_week, scope.fee_band, scope.fee_percent,
                     scope.income_percent, scope.hourly_cost, scope.fee_per_hour,
                     table.valid_from if table else None, table.resolution if table else "")


def of_decision(uow: UnitOfWork, decision_id: int) -> ScopeView | None:
    """The scope a decision granted, or None (not a meal or service grant)."""
    scope = uow.session.scalar(select(ProvisionScope).where(
        ProvisionScope.decision_id == decision_id))
    return view_of(uow, scope) if scope is not None else None


def of_case(uow: UnitOfWork, case_id: int) -> dict[int, ScopeView]:
    """decision id -> the scope it granted, for every decision of the case (one statement)."""
    rows = uow.session.execute(select(ProvisionScope, CareFeeTable.valid_from,
                                      CareFeeTable.resolution)
                               .outerjoin(CareFeeTable,
                                          CareFeeTable.id == ProvisionScope.fee_table_id)
                               .where(ProvisionScope.case_id == case_id)).all()
    return {s.decision_id: ScopeView(
        s.decision_id, s.kind, s.provider, s.meals_per_day, s.hours_per_week, s.fee_band,
        s.fee_percent, s.income_percent, s.hourly_cost, s.fee_per_hour, since, resolution or "")
        for s, since, resolution in rows}


def _since(scope: ScopeView) -> str:
    return date_pl(scope.fee_table_from) if scope.fee_table_from else "—"


def _hours_pl(hours: Decimal) -> str:
    return f"{hours.normalize():f}".replace(".", ",")


def _pct(value: Decimal | None) -> str:
    """A percentage as the resolution writes it: 10 -> "10%", 12.50 -> "12,5%"."""
    return pct(Decimal(f"{(value or Decimal('0')).normalize():f}"))


def ruling(scope: ScopeView | None, period: str) -> list[str]:
    """What the ruling says of the scope after "Przyznać stronie: ... <name>" (in kind, a
    service); ``period`` is "na okres od … do …"."""
    period = period.rstrip(".")
    if scope is None:
        return [f" {period}."]
    if scope.kind == benefits.Kind.IN_KIND.value:
        meals = scope.meals_per_day or 1
        per_day = "jednego posiłku dziennie" if meals == 1 else f"{meals} posiłków dziennie"
        return [f" w postaci {per_day} w dni nauki lub pracy placówki, wydawanego przez: "
                f"{scope.provider}, {period}.",
                "Pomoc jest udzielana w naturze: ośrodek rozlicza posiłki bezpośrednio z "
                "wydającym je na podstawie miesięcznej listy; stronie nie wypłaca się "
                "pieniędzy."]
    hours = _hours_pl(scope.hours_per_week or Decimal("0"))
    lines = [f" w zakresie {hours} godz. tygodniowo, świadczone w dni robocze, {period}."]
    if scope.fee_per_hour is None:
        return lines
    if scope.fee_per_hour == 0:
        lines.append("Usługi są nieodpłatne: dochód "
                     f"({_pct(scope.income_percent)} kryterium dochodowego) mieści "
                     f"się w progu, w którym uchwała rady gminy zwalnia z opłat ({scope.resolution}, "
                     f"tabela obowiązująca od {_since(scope)}).")
    else:
        lines.append(
            f"Ustalić odpłatność w wysokości {_pct(scope.fee_percent)} kosztu "
            f"jednej godziny usług ({zl(scope.hourly_cost or Decimal('0'))}), tj. "
            f"{zl(scope.fee_per_hour)} za godzinę, według dochodu stanowiącego "
            f"{_pct(scope.income_percent)} kryterium dochodowego i uchwały rady "
            f"gminy ({scope.resolution}, tabela obowiązująca od "
            f"{_since(scope)}); opłatę za godziny usług wykonane w miesiącu "
            "wnosi się do ośrodka na podstawie miesięcznego rozliczenia.")
    return lines
