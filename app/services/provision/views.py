"""What the provision sub-domain reads out: fee tables, a decision's scope, the monthly lists of
meals (per provider) and of care services (with hours and fees), and an exported list."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from app.domain.care_fees import FeeBand
from app.domain.views import JsonView


@dataclass(frozen=True)
class FeeTableView(JsonView):
    """A fee table as the admin page and the API show it."""

    id: int
    valid_from: date
    hourly_cost: Decimal
    resolution: str
    bands: tuple[FeeBand, ...]
    version: int
    used: bool                  # a decision set its fee by it: no longer editable


@dataclass(frozen=True)
class ScopeView(JsonView):
    """What a meal or service decision grants besides its period (and, for a service, the fee)."""

    decision_id: int
    kind: str                   # "in_kind", "service" or "funeral"
    provider: str
    meals_per_day: int | None
    hours_per_week: Decimal | None
    fee_band: int | None
    fee_percent: Decimal | None
    income_percent: Decimal | None
    hourly_cost: Decimal | None
    fee_per_hour: Decimal | None
    fee_table_from: date | None
    resolution: str


@dataclass(frozen=True)
class MealRow(JsonView):
    """One person's meals in the month at one provider."""

    case_id: int
    case_number: str
    name: str
    decision_number: str
    meals_per_day: int
    days: int
    meals: int


@dataclass(frozen=True)
class ProviderMeals(JsonView):
    """The list for one school or canteen."""

    provider: str
    rows: tuple[MealRow, ...]
    meals: int


@dataclass(frozen=True)
class MealsList(JsonView):
    """The month's meals, one list per provider (what each is to serve, never a transfer)."""

    month: date
    providers: tuple[ProviderMeals, ...]
    persons: int
    meals: int


@dataclass(frozen=True)
class ServiceRow(JsonView):
    """One person's care services in the month: the hours planned and the fee they pay."""

    case_id: int
    case_number: str
    name: str
    decision_number: str
    hours_per_week: Decimal
    days: int
    hours: Decimal
    fee_percent: Decimal
    fee_per_hour: Decimal
    fee: Decimal


@dataclass(frozen=True)
class ServicesList(JsonView):
    """The month's care services with hours and fees."""

    month: date
    rows: tuple[ServiceRow, ...]
    hours: Decimal
    fees: Decimal


@dataclass(frozen=True)
class FuneralRow(JsonView):
    """One funeral the centre ordered in the month: from whom, on which day, at what cost."""

    case_id: int
    case_number: str
    name: str                   # the party (who applied), not the deceased
    decision_number: str
    funeral_on: date
    cost: Decimal


@dataclass(frozen=True)
class ProviderFunerals(JsonView):
    """The funerals one funeral home carried out in the month, and what the centre owes it."""

    provider: str
    rows: tuple[FuneralRow, ...]
    cost: Decimal


@dataclass(frozen=True)
class FuneralsList(JsonView):
    """The month's funerals arranged by the gmina (art. 44 u.p.s.), per funeral home."""

    month: date
    providers: tuple[ProviderFunerals, ...]
    funerals: int
    cost: Decimal


@dataclass(frozen=True)
class ProvisionFile:
    """An exported list (XLSX or PDF)."""

    kind: str
    filename: str
    mimetype: str
    content: bytes
