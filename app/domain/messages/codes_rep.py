"""The message codes of the MRPiPS-03 report (app/services/reports/mrpips03.py); the texts are in
:mod:`.rep`."""

from __future__ import annotations

from app.domain.messages.codes import MessageCode


class RepCode(MessageCode):
    """The MRPiPS-03 report's codes; the value is what API clients see as ``code``."""

    ROLE = "reports.mrpips03_role"
    YEAR_INVALID = "reports.year_invalid"
    YEAR_FUTURE = "reports.year_future"
    HALF_INVALID = "reports.half_invalid"
    FORMAT_INVALID = "reports.format_invalid"
