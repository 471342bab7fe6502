"""The base of the read models services return: frozen dataclasses, not ``dict[str, Any]``.

A view is typed for Python callers and templates (``case.opened_on`` is a ``date``); ``as_json()``
is its one serialiser, the shape the API sends (dates and moments as ISO text, money as "0.00",
tuples as lists, nested views as objects; a dict field is free JSON and goes out as it is).
Item access (``row["id"]``) reads that same JSON shape: it keeps callers written against the
former dicts working, and is not for new code.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import fields, is_dataclass
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import Any

from app.domain.jsonsafe import jsonable


def to_json(value: Any) -> Any:
    """A value as the API sends it."""
    if isinstance(value, JsonView):
        return value.as_json()
    if is_dataclass(value) and not isinstance(value, type):
        return jsonable(value)  # a typed read of another room (a decision's life, a document)
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return f"{value:.2f}"
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, tuple | list):
        return [to_json(v) for v in value]
    # A dict is free JSON (a form's schema or data, a rule's result): sent as it is.
    return value


class JsonView:
    """Mixin for frozen dataclasses: ``as_json()`` and read-only item access to it."""

    def as_json(self) -> dict[str, Any]:
        return {f.name: to_json(getattr(self, f.name)) for f in fields(self)}  # type: ignore[arg-type]

    def __getitem__(self, key: str) -> Any:
        return self.as_json()[key]

    def get(self, key: str, default: Any = None) -> Any:
        return self.as_json().get(key, default)

    def __contains__(self, key: object) -> bool:
        return key in self.as_json()

    def keys(self) -> Iterator[str]:
        return iter(self.as_json())
