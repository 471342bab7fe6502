"""Conversion of domain values to JSON-safe values (money as '123.45', dates ISO).

A frozen dataclass (the typed reads the services return) becomes an object of its fields, in
declaration order: this is the one serialiser the API routes use for them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import fields, is_dataclass
from datetime import date, datetime
from decimal import Decimal
from types import MappingProxyType
from typing import Any

# The metadata of a dataclass field the JSON leaves out: ``field(metadata=NOT_IN_JSON)``.
NOT_IN_JSON: Mapping[str, Any] = MappingProxyType({"json": False})
# ... and a field the JSON leaves out when it is None: ``field(default=None, metadata=OMIT_NONE)``.
OMIT_NONE: Mapping[str, Any] = MappingProxyType({"json": "omit_none"})


def jsonable(x: Any) -> Any:
    """Return ``x`` with Decimals as strings, dates as ISO strings and tuples as lists;
    a dataclass as an object of its fields."""
    if x is None or isinstance(x, bool | int | float | str):  # a float is a measure, never money
        return x
    if isinstance(x, Decimal):
        return f"{x:f}"
    if isinstance(x, datetime | date):
        return x.isoformat()
    if is_dataclass(x) and not isinstance(x, type):
        return {f.name: jsonable(getattr(x, f.name)) for f in fields(x)
                if f.metadata.get("json", True)
                and not (f.metadata.get("json") == "omit_none" and getattr(x, f.name) is None)}
    if isinstance(x, Mapping):
        return {str(k): jsonable(v) for k, v in x.items()}
    if isinstance(x, list | tuple | set | frozenset):
        items = sorted(x) if isinstance(x, set | frozenset) else x
        return [jsonable(v) for v in items]
    raise TypeError(f"cannot make {type(x).__name__} JSON-safe")
