"""app.domain.views: the one serialiser of the frozen read models (issue 14, part 4)."""

from __future__ import annotations

from dataclasses import FrozenInstanceError, dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

import pytest

from app.domain.statuses import TaskStatus
from app.domain.views import JsonView


@dataclass(frozen=True)
class _Row(JsonView):
    on: date
    at: datetime
    amount: Decimal
    status: str
    items: tuple[Any, ...]
    free: dict[str, Any]


def test_as_json_gives_the_api_shape_and_item_access_reads_it() -> None:
    row = _Row(date(2026, 3, 2), datetime(2026, 3, 2, 9, tzinfo=UTC), Decimal("683"),
               TaskStatus.READY, (date(2026, 4, 1),), {"amount": Decimal("1.5")})
    assert row.as_json() == {"on": "2026-03-02", "at": "2026-03-02T09:00:00+00:00",
                             "amount": "683.00", "status": "ready", "items": ["2026-04-01"],
                             "free": {"amount": Decimal("1.5")}}
    assert row["amount"] == "683.00" and row.get("missing") is None and "on" in row
    assert dict(**row)["on"] == "2026-03-02"
    with pytest.raises(FrozenInstanceError):
        row.status = "completed"  # type: ignore[misc]
