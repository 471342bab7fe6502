"""The message codes of help in kind and services (meals, care services, their fee table and
lists); the texts are in :mod:`app.domain.messages.upsb`."""

from __future__ import annotations

from app.domain.messages.codes import MessageCode


class UpsbCode(MessageCode):
    """Codes of the provision sub-domain (``provision.*``)."""

    FEE_TABLE_INVALID = "provision.fee_table_invalid"
    FEE_TABLE_EMPTY = "provision.fee_table_empty"
    FEE_BAND_LIMIT = "provision.fee_band_limit"
    FEE_BAND_ORDER = "provision.fee_band_order"
    FEE_BAND_PERCENT = "provision.fee_band_percent"
    FEE_BAND_OPEN_END = "provision.fee_band_open_end"
    FEE_HOURLY_COST = "provision.fee_hourly_cost"
    FEE_RESOLUTION = "provision.fee_resolution"
    FEE_TABLE_DATE_TAKEN = "provision.fee_table_date_taken"
    FEE_TABLE_STALE = "provision.fee_table_stale"
    FEE_TABLE_MISSING = "provision.fee_table_missing"
    FEE_TABLE_NOT_FOUND = "provision.fee_table_not_found"
    FEE_TABLE_IN_USE = "provision.fee_table_in_use"
    SCOPE_PROVIDER = "provision.scope_provider"
    SCOPE_FUNERAL_PROVIDER = "provision.scope_funeral_provider"
    SCOPE_MEALS = "provision.scope_meals"
    SCOPE_HOURS = "provision.scope_hours"
    LIST_MONTH = "provision.list_month"
    LIST_KIND = "provision.list_kind"
    FEE_TABLE_ROLE = "provision.fee_table_role"
    LIST_ROLE = "provision.list_role"
    SCOPE_INVALID = "provision.scope_invalid"
