"""A read-only mapping view of a frozen dataclass, in the JSON form the API sends.

Some typed reads replaced dicts of JSON-ready values (money as '123.45', dates ISO) that
callers, tests among them, still read by key: ``rec["balance"]["outstanding"] == "700.00"``.
A dataclass that mixes this in answers those reads with ``jsonable`` of the field, so a key read
gives exactly what the replaced dict held, while attributes are typed (``rec.balance.outstanding``
is a Decimal). It is a bridge for existing callers; new code reads attributes.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import fields
from typing import Any

from .jsonsafe import jsonable


class DictView:
    """Mixin for a frozen dataclass declared with ``eq=False``.

    Gives ``view[name]`` and ``view.get(name)`` (the field's JSON form), ``name in view``,
    ``keys()``, iteration over the names, ``len``, and equality with a mapping that holds the
    same JSON form. (No ``items``/``values`` methods: those are field names of some views.)
    """

    __slots__ = ()

    def __eq__(self, other: object) -> bool:
        """Equal to the same type with equal fields, or to a mapping of the same JSON form."""
        if isinstance(other, Mapping):
            return jsonable(self) == jsonable(other)
        if type(other) is type(self):
            return all(getattr(self, n) == getattr(other, n) for n in self._names())
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __getitem__(self, name: str) -> Any:
        if not isinstance(name, str) or name not in self._names():
            raise KeyError(name)
        return jsonable(getattr(self, name))

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

    def _names(self) -> tuple[str, ...]:
        return tuple(f.name for f in fields(self)  # type: ignore[arg-type]
                     if f.metadata.get("json", True))
