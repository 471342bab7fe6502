"""What the decision draft of care services shows besides the common context: the fee the rada
gminy's table gives for the case's income on the first benefit month (art. 50 ust. 6 u.p.s.),
so the fee is decided with the service and seen before the draft is saved."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import select

from app.domain.care_fees import fee_for
from app.domain.views import JsonView
from app.persistence.models import Case, EligibilityResult, HumanTask
from app.services.kernel.context import UnitOfWork
from app.services.provision import fee_tables
from app.services.provision.scope import SERVICE, _income


@dataclass(frozen=True)
class FeePreview(JsonView):
    """The fee the table in force gives (None fields: no table in force on ``on``)."""

    on: date
    table_from: date | None
    resolution: str
    band: int | None
    fee_percent: Decimal | None
    hourly_cost: Decimal | None
    fee_per_hour: Decimal | None


def fee_preview(uow: UnitOfWork, ht: HumanTask) -> FeePreview | None:
    """The fee preview of a care services case's draft (None for any other benefit)."""
    case = uow.session.get(Case, ht.case_id)
    if case is None or case.benefit not in SERVICE:
        return None
    row = uow.session.scalars(select(EligibilityResult).where(
        EligibilityResult.case_id == ht.case_id).order_by(EligibilityResult.id.desc())).first()
    income = _income(row.result if row else None)
    if row is None or income is None:
        return None
    found = fee_tables.in_force(uow, row.on)
    if found is None:
        return FeePreview(row.on, None, "", None, None, None, None)
    fee = fee_for(found[1], *income)
    return FeePreview(row.on, fee.table_from, found[1].resolution, fee.band, fee.fee_percent,
                      fee.hourly_cost, fee.fee_per_hour)
