"""app.domain.views: the one serialiser of the frozen read models (issue 14, part 4)."""

from __future__ import annotations

from dataclasses import FrozenInstanceError, dataclass, field
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

import pytest

from app.domain.statuses import TaskStatus
from app.domain.views import FLATTEN, NOT_IN_JSON, OMIT_NONE, JsonView, to_json


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


@dataclass(frozen=True, eq=False)
class _Part(JsonView):
    stage: str | None
    done: bool


@dataclass(frozen=True, eq=False)
class _Whole(JsonView):
    id: int
    money: Decimal
    rate: Decimal
    note: str | None = field(default=None, metadata=OMIT_NONE)
    secret: str = field(default="", metadata=NOT_IN_JSON)
    part: _Part | None = field(default=None, metadata=FLATTEN)


@dataclass(frozen=True)
class _DomainObject:
    rate: Decimal


def test_one_serialiser_for_views_and_domain_values() -> None:
    """issue 14: one function and one mixin. Money in a view has at least two places and is never
    rounded; outside a view a Decimal is exact; enums go as their values; a flattened part's
    fields stand in the parent's JSON and are read by key like its own."""
    whole = _Whole(1, Decimal("700"), Decimal("0.125"), part=_Part(None, True), secret="x")
    assert whole.as_json() == {"id": 1, "money": "700.00", "rate": "0.125", "stage": None,
                               "done": True}
    assert whole["stage"] is None and whole["done"] is True and "secret" not in whole
    assert list(whole.keys()) == ["id", "money", "rate", "note", "stage", "done"]
    assert whole == {"id": 1, "money": "700.00", "rate": "0.125", "stage": None, "done": True}
    bare = _Whole(2, Decimal("1.5"), Decimal("1"), note="n")
    assert bare.as_json() == {"id": 2, "money": "1.50", "rate": "1.00", "note": "n"}
    assert "stage" not in bare and bare.get("stage") is None
    # Outside a view (a domain object, a parameter's value, a mapping): exact.
    assert to_json({"value": Decimal("100"), "on": date(2026, 3, 2)}) == {"value": "100",
                                                                        "on": "2026-03-02"}
    assert to_json(_DomainObject(Decimal("0.5"))) == {"rate": "0.5"}
    assert to_json([TaskStatus.READY]) == ["ready"] and type(to_json(TaskStatus.READY)) is str
