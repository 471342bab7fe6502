"""Messages as codes: what went wrong is a code with parameters; the words live in the catalogue.

The domain and the services raise a :class:`Msg` (``msg(Code.AMOUNT_NEGATIVE)``); the web layer
renders it with Flask-Babel's ``gettext(template, **params)``, so the Polish template below is the
msgid and the English text comes from ``app/translations/en/LC_MESSAGES/messages.po``.

A ``Msg`` is also a ``str``: its value is the English text, so code that stores, compares or
serialises messages as strings (``dict[path, str]`` field errors, API bodies, logs) keeps working,
and that text is what callers outside a request see. ``Template.en`` must equal the .po
translation (``tests/unit/test_messages.py`` checks it).

Parameters are never personal data (no PESEL, names, amounts typed in): messages end up in logs.
This module imports nothing from Flask: the domain stays pure.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from app.domain.messages import (
    casework,
    dash,
    deploy,
    fad,
    fbr,
    general,
    nk,
    notices,
    rep,
    service_errors,
    social_work,
    upsa,
    upsb,
    usrf,
)
from app.domain.messages.codes import N_, Code, MessageCode, Template

__all__ = ["CATALOGUE", "PROBLEM_CODES", "N_", "Code", "MessageCode", "Msg", "Template", "all_codes",
           "code_of", "msg", "placeholders", "problem_code"]

# The catalogue, assembled from its parts (each a dict of codes to templates).
CATALOGUE: dict[MessageCode, Template] = {**general.TEXTS, **deploy.TEXTS, **casework.TEXTS,
                                   **notices.TEXTS, **service_errors.TEXTS,
                                   **fad.TEXTS, **fbr.TEXTS, **social_work.TEXTS, **upsa.TEXTS,
                                   **upsb.TEXTS, **usrf.TEXTS, **dash.TEXTS, **rep.TEXTS,
                                   **nk.TEXTS}


def all_codes() -> tuple[MessageCode, ...]:
    """Every message code: :class:`Code` and each sub-domain's enum (every part of the catalogue)."""
    found: list[MessageCode] = []
    pending: list[type[MessageCode]] = [MessageCode]
    while pending:
        kind = pending.pop(0)
        found.extend(kind)
        pending.extend(kind.__subclasses__())
    return tuple(found)


_BY_VALUE: dict[str, MessageCode] = {}
for _code in all_codes():
    if _BY_VALUE.setdefault(_code.value, _code) is not _code:
        raise ValueError(f"message code {_code.value!r} is defined twice")


def code_of(value: str) -> MessageCode:
    """The code whose value is ``value``, in whichever enum it is (ValueError when unknown)."""
    try:
        return _BY_VALUE[value]
    except KeyError:
        raise ValueError(f"unknown message code {value!r}") from None

# Every ``Problem.code`` a deploy check reports (lint, compiler, contract, rehearsal), with the
# variants some have (``code.variant``: the params' ``unknown_functions``, else their ``reason``).
PROBLEM_CODES: dict[str, Code] = {
    code.value.removeprefix("deploy."): code for code in Code if code.value.startswith("deploy.")
}


def problem_code(code: str, params: Mapping[str, object]) -> Code | None:
    """The catalogue code of a deploy problem (its variant first), or None for an unknown one."""
    variant = "unknown_functions" if "unknown_functions" in params else params.get("reason")
    return PROBLEM_CODES.get(f"{code}.{variant}") or PROBLEM_CODES.get(code)


_PLACEHOLDER = re.compile(r"%\((\w+)\)s")


def placeholders(template: str) -> set[str]:
    """The named parameters a template uses."""
    return set(_PLACEHOLDER.findall(template))


class Msg(str):
    """A message for a person: a code with parameters; as a ``str``, its English text."""

    code: MessageCode
    params: Mapping[str, object]

    def __new__(cls, code: MessageCode, params: Mapping[str, object]) -> Msg:
        """Use :func:`msg`."""
        template = CATALOGUE[code].en
        self = super().__new__(cls, template % params if params else template)
        self.code = code
        self.params = dict(params)
        return self

    def __getnewargs__(self) -> tuple[MessageCode, Mapping[str, object]]:  # type: ignore[override]
        """Copies and pickles are rebuilt from the code, not from the English text."""
        return self.code, self.params

    def as_dict(self) -> dict[str, object]:
        """The JSON form of the code, for API bodies."""
        return {"code": str(self.code), "params": dict(self.params)}


def msg(code: MessageCode, **params: str | int) -> Msg:
    """The message ``code`` with its parameters (text or numbers, never personal data)."""
    return Msg(code, params)
