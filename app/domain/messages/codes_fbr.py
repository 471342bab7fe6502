"""The message codes of the family-benefit and FA reports (app/services/reports/family_benefits.py,
fa.py; lane fbrep)."""

from __future__ import annotations

from app.domain.messages.codes import MessageCode


class FbrCode(MessageCode):
    """What the reports refuse; the value is what API clients see as ``code``."""

    REPORT_ROLE = "report.role"
    REPORT_PERIOD_INVALID = "report.period_invalid"
    REPORT_YEAR = "report.year"
    REPORT_HALF = "report.half"
    REPORT_MONTH = "report.month"
    REPORT_PERIOD_MIXED = "report.period_mixed"
    REPORT_PERIOD_MISSING = "report.period_missing"
    REPORT_PERIOD_ORDER = "report.period_order"
    REPORT_PERIOD_TOO_LONG = "report.period_too_long"
    REPORT_FORMAT = "report.format"
