"""The API's JSON parser: whole-valued numbers are integers (see app.services.kernel.json_numbers)."""

from __future__ import annotations

import json
from typing import Any

from flask.json.provider import DefaultJSONProvider

from app.services.kernel.json_numbers import whole_number


class WholeNumberJSON(DefaultJSONProvider):
    """Flask's JSON provider, reading ``683.0`` as the integer 683."""

    def loads(self, s: str | bytes, **kwargs: Any) -> Any:
        kwargs.setdefault("parse_float", whole_number)
        return json.loads(s, **kwargs)
