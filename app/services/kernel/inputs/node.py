"""The JSON Schema keywords the input schemas' builders write, as a type.

A builder (``_line(200)``, ``long_text()``, a choice of codes) returns one node of an input
schema: a ``SchemaNode`` names each keyword it may hold with the type of its value, so a builder
that misspells a keyword or gives it a wrong value fails the type check. The schemas themselves
stay JSON (the validator and the OpenAPI document read them as such); the vendor keywords are
those :mod:`.check` reads (``x-code``, ``x-codes``, ``x-allowed``, ``x-text``, ``x-nonblank``)
and those :mod:`app.web.ui.schema_form` renders by (``x-title``, ``x-help``, ``x-widget``,
``x-titles``: the page texts, Polish msgids; ``x-order``: the fields a page shows, in order).
"""

from __future__ import annotations

from typing import Any, TypedDict

SchemaNode = TypedDict("SchemaNode", {
    "type": str | list[str],
    "enum": list[Any],
    "format": str,
    "title": str,
    "description": str,
    "minimum": int,
    "maximum": int,
    "maxLength": int,
    "required": list[str],
    "properties": dict[str, dict[str, Any]],
    "x-allowed": list[str],
    "x-openapi": dict[str, Any],
    "x-codes": dict[str, str],
    "x-text": str,
    "x-nonblank": bool,
    "x-title": str,
    "x-help": str,
    "x-widget": str,
    "x-titles": dict[str, str],
}, total=False)
