"""Help in kind and services: the scope a decision grants (meals at a school or canteen, hours
of care services with the fee decided with them) and the care services' fee tables of the rada
gminy's resolution (art. 50 ust. 6 u.p.s.)."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import JSON, ForeignKey, Numeric, String
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, Money, utcnow


class CareFeeTable(Base):
    """One fee table of the rada gminy's resolution, in force from ``valid_from`` until the next
    table's. ``bands``: ``[{"up_to": "100" | None, "fee_percent": "0"}, ...]`` (percent of the
    criterion, percent of ``hourly_cost``). ``version`` rises with every edit (a stale edit is a
    409)."""

    __tablename__ = "care_fee_tables"

    id: Mapped[int] = mapped_column(primary_key=True)
    valid_from: Mapped[date] = mapped_column(unique=True)
    hourly_cost: Mapped[Money]
    resolution: Mapped[str] = mapped_column(String(300))
    bands: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    version: Mapped[int] = mapped_column(default=1)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))


class ProvisionScope(Base):
    """What a decision on help in kind or a service grants besides its period: the provider and
    the meals a day (``kind`` "in_kind"), or the hours a week and the fee decided with them from
    the table in force on the first day (``kind`` "service"; the fee is kept as decided, so a
    later table never changes it)."""

    __tablename__ = "provision_scopes"

    id: Mapped[int] = mapped_column(primary_key=True)
    decision_id: Mapped[int] = mapped_column(ForeignKey("decisions.id", ondelete="CASCADE"),
                                             unique=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    provider: Mapped[str] = mapped_column(String(200), default="")
    meals_per_day: Mapped[int | None]
    hours_per_week: Mapped[Decimal | None] = mapped_column(Numeric(6, 2, asdecimal=True))
    fee_table_id: Mapped[int | None] = mapped_column(ForeignKey("care_fee_tables.id"))
    fee_band: Mapped[int | None]
    fee_percent: Mapped[Decimal | None] = mapped_column(Numeric(5, 2, asdecimal=True))
    income_percent: Mapped[Decimal | None] = mapped_column(Numeric(8, 2, asdecimal=True))
    hourly_cost: Mapped[Money | None]
    fee_per_hour: Mapped[Money | None]
