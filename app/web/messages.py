"""Coded messages in words: the catalogue's Polish template through Flask-Babel's gettext.

A :class:`~app.domain.messages.Msg` is rendered as ``gettext(template, **params)``: Polish is the
template itself, English comes from the .po catalog. The API speaks English unless the request
prefers Polish (``Accept-Language: pl``).
"""

from __future__ import annotations

from typing import Any

from flask import request
from flask_babel import gettext

from app.domain.messages import CATALOGUE, Msg

API_LANGUAGES = ("en", "pl")


def render(message: Msg) -> str:
    """A coded message in the current locale."""
    return str(gettext(CATALOGUE[message.code].pl, **message.params))


def api_language() -> str:
    """The language of API answers: English, or Polish when the request prefers it."""
    return request.accept_languages.best_match(API_LANGUAGES, default="en") or "en"


def api_codes(message: Any) -> dict[str, Any]:
    """``code`` and ``params`` of a message for an API body (``code`` is None for plain text)."""
    if isinstance(message, Msg):
        return {"code": str(message.code), "params": dict(message.params)}
    return {"code": None}
