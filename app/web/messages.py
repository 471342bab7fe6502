"""Coded messages in words: the catalogue's Polish template through Flask-Babel's gettext.

A :class:`~app.domain.messages.Msg` is rendered as ``gettext(template, **params)``: Polish is the
template itself, English comes from the .po catalog. The API speaks English unless the request
prefers Polish (``Accept-Language: pl``).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from flask import request
from flask_babel import gettext

from app.domain.messages import CATALOGUE, Msg, placeholders, problem_code

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


def problem_text(problem: Mapping[str, Any]) -> str:
    """A deploy problem (``Problem.as_dict()``) in the current locale, from its code and params.

    A code the catalogue does not know keeps its English ``message``.
    """
    params = problem.get("params") or {}
    code = problem_code(str(problem.get("code") or ""), params)
    if code is None:
        return str(problem.get("message") or problem.get("code") or "")
    if not placeholders(CATALOGUE[code].pl) <= params.keys():  # a producer lacking a parameter
        return str(problem.get("message") or code)
    values = {k: ", ".join(map(str, v)) if isinstance(v, list | tuple) else v for k, v in params.items()}
    return str(gettext(CATALOGUE[code].pl, **values))


def with_texts(problems: Any) -> Any:
    """The problem dicts, each with ``text``: the problem in the current locale."""
    if not isinstance(problems, list):
        return problems
    return [{**p, "text": problem_text(p)} if isinstance(p, Mapping) else p for p in problems]
