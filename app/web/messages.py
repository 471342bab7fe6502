"""Coded messages in words: the catalogue's Polish template through Flask-Babel's gettext.

A :class:`~app.domain.messages.Msg` is rendered as ``gettext(template, **params)``: Polish is the
template itself, English comes from the .po catalog. The API speaks English unless the request
prefers Polish (``Accept-Language: pl``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from flask import request
from flask_babel import get_locale, gettext
from flask_babel import lazy_gettext as _l

from app.domain.messages import CATALOGUE, Msg, placeholders, problem_code
from app.domain.money import format_money

API_LANGUAGES = ("en", "pl")


_ISO_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_DECIMAL = re.compile(r"^-?\d{1,15}\.\d{1,6}$")


def _polish_date(value: object) -> object:
    """A date parameter as Polish writes it: 2026-12-07 -> 07.12.2026 (dd.mm.rrrr)."""
    if isinstance(value, str):
        day = _ISO_DAY.match(value)
        if day:
            return f"{day[3]}.{day[2]}.{day[1]}"
    return value


def _polish(value: object) -> object:
    """A parameter as Polish writes it: 2026-03-01 -> 01.03.2026, 148.97 -> 148,97."""
    if isinstance(value, str) and _DECIMAL.match(value):
        return value.replace(".", ",")
    return _polish_date(value)


# A parameter the Polish template writes as an amount: "%(total)s zł", "%(min)s–%(max)s zł".
_MONEY_PARAM = re.compile(r"%\((\w+)\)s(?=(?:–%\(\w+\)s)?\s*zł)")
_AMOUNT = re.compile(r"^-?\d{1,13}(\.\d{1,2})?$")


def polish_params(message: Msg) -> Mapping[str, object]:
    """The parameters of a message as a Polish text shows them.

    Parameters stay language-neutral (ISO dates, decimal points) in the code and in API bodies
    (``api_codes``); at render time a Polish text writes every date as dd.mm.rrrr, every amount in
    złoty as the one formatter does ("1 229,50"), and the words of a broken rule (``rule.*``) also
    write other decimals with a comma.
    """
    polish = _polish if message.code.value.startswith("rule.") else _polish_date
    money = set(_MONEY_PARAM.findall(CATALOGUE[message.code].pl))
    return {name: format_money(str(value), unit="")
            if name in money and isinstance(value, str | int) and _AMOUNT.match(str(value))
            else polish(value) for name, value in message.params.items()}


def render(message: Msg) -> str:
    """A coded message in the current locale."""
    locale = get_locale()
    params = message.params
    if locale is None or locale.language != "en":
        params = polish_params(message)
    return str(gettext(CATALOGUE[message.code].pl, **params))


def api_language() -> str:
    """The language of API answers: English, or Polish when the request prefers it."""
    return request.accept_languages.best_match(API_LANGUAGES, default="en") or "en"


def api_codes(message: Any) -> dict[str, Any]:
    """``code`` and ``params`` of a message for an API body (``code`` is None for plain text)."""
    if isinstance(message, Msg):
        return {"code": str(message.code), "params": dict(message.params)}
    return {"code": None}


# The kind of script a deploy problem names (the compiler's ``what``), in the interface language.
SCRIPT_KINDS = {"script": _l("skrypt"), "prescript": _l("skrypt wykonywany przed zadaniem"),
                "postscript": _l("skrypt wykonywany po zadaniu")}


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
    if values.get("what") in SCRIPT_KINDS:
        values["what"] = str(SCRIPT_KINDS[values["what"]])
    return str(gettext(CATALOGUE[code].pl, **values))


# Problems whose text leaves out the parser's own (English) words: the page keeps them apart as
# ``technical``, shown to the admin collapsed and marked as English.
TECHNICAL_CODES = frozenset({"definition_invalid", "bpmn_invalid", "xml_entities"})


def with_texts(problems: Any) -> Any:
    """The problem dicts, each with ``text``: the problem in the current locale (and, for a
    parser's refusal, ``technical``: the parser's English detail)."""
    if not isinstance(problems, list):
        return problems
    return [{**p, "text": problem_text(p),
             **({"technical": str(p.get("message") or "")} if p.get("code") in TECHNICAL_CODES
                else {})}
            if isinstance(p, Mapping) else p for p in problems]
