"""The input dialect's formats, where the input schemas' callers have always imported them: they
live in :mod:`app.services.kernel.formats`, below both the input schemas and the task forms'
validator (:mod:`app.services.kernel.schema_errors`), which assert the same ``date``."""

from __future__ import annotations

from app.services.kernel.formats import (
    API_EXAMPLE,
    MAX_YEAR,
    MIN_YEAR,
    PAGE_EXAMPLE,
    READERS,
    Refused,
    problem,
    read_date,
    read_money,
    read_number,
)

__all__ = ["API_EXAMPLE", "MAX_YEAR", "MIN_YEAR", "PAGE_EXAMPLE", "READERS", "Refused", "problem",
           "read_date", "read_money", "read_number"]
