"""The API's JSON parser: whole-valued numbers are integers (see app.services.kernel.json_numbers)."""

from __future__ import annotations

import json
from dataclasses import is_dataclass
from typing import Any

from flask.json.provider import DefaultJSONProvider

from app.domain.views import to_json
from app.services.kernel.json_numbers import whole_number


def _default(o: Any) -> Any:
    """A typed read (a dataclass) inside a response is sent as :func:`to_json` makes it."""
    if is_dataclass(o) and not isinstance(o, type):
        return to_json(o)
    return DefaultJSONProvider.default(o)


class WholeNumberJSON(DefaultJSONProvider):
    """Flask's JSON provider, reading ``683.0`` as the integer 683; a dataclass is written with
    money as '123.45' and dates ISO (``to_json``), not Flask's ``asdict`` and HTTP dates."""

    default = staticmethod(_default)

    def loads(self, s: str | bytes, **kwargs: Any) -> Any:
        kwargs.setdefault("parse_float", whole_number)
        return json.loads(s, **kwargs)
