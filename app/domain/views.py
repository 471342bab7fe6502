"""The one serialiser of typed reads: ``to_json`` and the ``JsonView`` mixin.

Services (and a few domain objects) return frozen dataclasses, not ``dict[str, Any]``. A view is
typed for Python callers and templates (``case.opened_on`` is a ``date``); ``as_json()`` is the
JSON the API sends: dates and moments as ISO text, enums as their values, tuples as lists, nested
views as objects of their fields (in declaration order), and money as text with at least two
places ("683.00"; never rounded). A field holding a ``dict`` is free JSON (a form's schema or
data, a rule's result, a task's context): it goes out as it is, only dates and views in it
converted. Outside a view ``to_json`` writes a Decimal exactly (a rate, a parameter, a step of an
explanation: "0.5", "100").

Item access (``view["id"]``, ``get``, ``in``, ``keys``) reads that same JSON shape: it keeps
callers written against the former dicts working, and is not for new code. A view declared with
``eq=False`` also compares equal to a mapping of its JSON form.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import fields, is_dataclass
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from types import MappingProxyType
from typing import Any

from app.domain.messages import Msg

# The metadata of a dataclass field the JSON leaves out: ``field(metadata=NOT_IN_JSON)``.
NOT_IN_JSON: Mapping[str, Any] = MappingProxyType({"json": False})
# ... and a field the JSON leaves out when it is None: ``field(default=None, metadata=OMIT_NONE)``.
OMIT_NONE: Mapping[str, Any] = MappingProxyType({"json": "omit_none"})
# ... and a view field whose own fields the JSON holds in place of it (none when it is None):
# ``field(default=None, metadata=FLATTEN)``; item access reads them as the parent's.
FLATTEN: Mapping[str, Any] = MappingProxyType({"json": "flatten"})
# ... and a field holding a coded message (a ``Msg``, or None), which the JSON writes as its
# ``code`` and ``params`` (as every coded message of the API), never as its English text:
# ``field(default=None, metadata=CODED)``; Python callers and pages read the ``Msg`` itself.
CODED: Mapping[str, Any] = MappingProxyType({"json": "coded"})

# Where a value sits: outside any view, a field of a view, or inside a view's free-JSON dict.
_OUTSIDE, _FIELD, _FREE = 0, 1, 2


def to_json(value: Any) -> Any:
    """``value`` as the API sends it (see the module's docstring)."""
    return _convert(value, _OUTSIDE)


def _convert(x: Any, where: int) -> Any:
    if isinstance(x, Enum):
        return x.value
    if x is None or isinstance(x, bool | int | float | str):  # a float is a measure, never money
        return x
    if isinstance(x, Decimal):
        if where == _FREE:
            return x  # free JSON goes as it is: the encoder writes a Decimal exactly
        exponent = x.as_tuple().exponent
        if where == _FIELD and isinstance(exponent, int) and exponent > -2:
            return f"{x:.2f}"
        return f"{x:f}"
    if isinstance(x, datetime | date):
        return x.isoformat()
    if is_dataclass(x) and not isinstance(x, type):
        # A view's Decimal fields are money; another dataclass (a domain object) is written exactly.
        inner = _FIELD if isinstance(x, JsonView) else _OUTSIDE
        out: dict[str, Any] = {}
        for f in fields(x):
            how, value = f.metadata.get("json", True), getattr(x, f.name)
            if how == "flatten":
                out.update(_convert(value, inner) if value is not None else {})
            elif how == "coded":
                out[f.name] = value.as_dict() if isinstance(value, Msg) else _convert(value, inner)
            elif how is True or (how == "omit_none" and value is not None):
                out[f.name] = _convert(value, inner)
        return out
    if isinstance(x, Mapping):
        inner = _FREE if where != _OUTSIDE and type(x) is dict else where
        return {str(k): _convert(v, inner) for k, v in x.items()}
    if isinstance(x, list | tuple | set | frozenset):
        items = sorted(x) if isinstance(x, set | frozenset) else x
        return [_convert(v, where) for v in items]
    raise TypeError(f"cannot make {type(x).__name__} JSON-safe")


class JsonView:
    """Mixin for frozen dataclasses: ``as_json()`` and read-only item access to it.

    Gives ``view[name]`` and ``view.get(name)`` (the field's JSON form), ``name in view``,
    ``keys()``, iteration over the names and ``len``. (No ``items``/``values`` methods: those
    are field names of some views.) Declared with ``eq=False``, a view is also equal to a
    mapping holding its JSON form.
    """

    __slots__ = ()

    def as_json(self) -> dict[str, Any]:  # the JSON object itself (its keys are the fields)
        result: dict[str, Any] = _convert(self, _OUTSIDE)
        return result

    def __eq__(self, other: object) -> bool:
        """Equal to the same type with equal fields, or to a mapping of the same JSON form."""
        if isinstance(other, Mapping):
            return self.as_json() == to_json(other)
        if type(other) is type(self):
            return all(getattr(self, n) == getattr(other, n) for n in self._names())
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __getitem__(self, name: str) -> Any:
        if not isinstance(name, str) or name not in self._names():
            raise KeyError(name)
        if name in self._own():
            return _convert(getattr(self, name), _FIELD)
        return self.as_json()[name]  # a field of a flattened part

    def __contains__(self, name: object) -> bool:
        return name in self._names()

    def get(self, name: str, default: Any = None) -> Any:
        return self[name] if name in self._names() else default

    def keys(self) -> Iterator[str]:
        return iter(self._names())

    def __iter__(self) -> Iterator[str]:
        return iter(self._names())

    def __len__(self) -> int:
        return len(self._names())

    def _own(self) -> tuple[str, ...]:
        return tuple(f.name for f in fields(self)  # type: ignore[arg-type]
                     if f.metadata.get("json", True) not in (False, "flatten"))

    def _names(self) -> tuple[str, ...]:
        parts = [f.name for f in fields(self)  # type: ignore[arg-type]
                 if f.metadata.get("json") == "flatten" and getattr(self, f.name) is not None]
        if not parts:
            return self._own()
        return (*self._own(), *(n for p in parts for n in getattr(self, p)._names()))
