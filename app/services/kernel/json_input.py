"""What every input shares below its schema (app/services/kernel/inputs): the text hygiene of
names, lines and free text, the guards on a whole request, the strict ISO day of a task form,
and the reader of a decimal that is not money (``decimal_field``: a percentage, hectares, with
its own words), which the input dialect calls for ``x-decimal``.

``decimal_field`` records a clear message under the field's path in a FieldErrors map and
returns None, so one pass reports every problem.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import MutableMapping
from datetime import date
from decimal import Decimal
from typing import Any, Literal

from app.domain.messages import Code, Msg, msg
from app.domain.money import MAX_AMOUNT, MoneyRefused, parse_money
from app.services.kernel.errors import ValidationFailed
from app.services.kernel.json_numbers import WholeFloat

MIN_YEAR, MAX_YEAR = 1900, 2199
MAX_TEXT = 64  # a short label (a calculator entry's kind); free text passes its own limit
LONG_TEXT = 4000  # free text: a justification, a finding's fact (as the decision forms' maxLength)
MESSAGE = msg(Code.REQUEST_INVALID)
REQUIRED = msg(Code.REQUIRED)
UNKNOWN_FIELD = msg(Code.UNKNOWN_FIELD)
BAD_BOOL = msg(Code.BOOLEAN_EXPECTED)
BAD_DATE = msg(Code.DATE_FORMAT)
NOT_OBJECT = msg(Code.JSON_OBJECT_EXPECTED)
_ISO_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")


# What a decimal field is, and how each of its problems is said (the words are in the catalogue).
_DECIMAL_CODES: dict[str, tuple[Code, Code, Code, Code, Code]] = {
    # what: (not a decimal string, a JSON number with a fraction, negative, too large, places)
    "amount": (Code.AMOUNT_DECIMAL_STRING, Code.AMOUNT_NOT_FLOAT, Code.AMOUNT_NEGATIVE,
               Code.AMOUNT_TOO_LARGE, Code.AMOUNT_DECIMALS),
    "percentage": (Code.PERCENT_DECIMAL_STRING, Code.PERCENT_NOT_FLOAT, Code.PERCENT_NEGATIVE,
                   Code.PERCENT_TOO_LARGE, Code.PERCENT_DECIMALS),
    "number of hectares": (Code.HECTARES_DECIMAL_STRING, Code.HECTARES_NOT_FLOAT,
                           Code.HECTARES_NEGATIVE, Code.HECTARES_TOO_LARGE,
                           Code.HECTARES_DECIMALS),
}


class FieldErrors(dict[str, str]):
    """Field path -> message; the first message for a path wins."""

    def add(self, path: str, message: str) -> None:
        self.setdefault(path, message)

    def raise_if_any(self) -> None:
        if self:
            raise ValidationFailed(MESSAGE, dict(self))


def field_path(prefix: str, key: str) -> str:
    return f"{prefix}.{key}" if prefix else key




def decimal_field(raw: Any, path: str, errors: FieldErrors, *, places: int = 2,
             maximum: Decimal = MAX_AMOUNT, what: str = "amount",
             example: str = "1234.56") -> Decimal | None:
    """An exact non-negative number from a decimal string or a whole JSON number; ``what`` is
    one of the kinds in ``_DECIMAL_CODES`` (amount, percentage, number of hectares)."""
    not_string, not_float, negative, too_large, too_precise = _DECIMAL_CODES[what]
    if isinstance(raw, float | WholeFloat):  # 500.0 is a float to money, however whole
        errors.add(path, msg(not_float, example=example))
        return None
    try:
        return parse_money(raw, places=places, maximum=maximum)
    except MoneyRefused as refused:
        errors.add(path, {
            Code.AMOUNT_NEGATIVE: msg(negative),
            Code.AMOUNT_TOO_LARGE: msg(too_large),
            Code.AMOUNT_DECIMALS: msg(too_precise) if too_precise is Code.AMOUNT_DECIMALS
            else msg(too_precise, places=places),
        }.get(refused.code) or msg(not_string, example=example))
        return None








def iso_date(raw: Any) -> date | None:
    """A strict "YYYY-MM-DD" within the sane years, or None: no "20250101", no week dates
    ("2026-W01-1", which ``date.fromisoformat`` also accepts), no year 1."""
    if not isinstance(raw, str) or not _ISO_DATE.match(raw.strip()):
        return None
    try:
        parsed = date.fromisoformat(raw.strip())
    except ValueError:
        return None
    return parsed if MIN_YEAR <= parsed.year <= MAX_YEAR else None




# --- text hygiene: what a name, an address or a free text may hold ----------------------------

TextKind = Literal["name", "line", "multiline"]
# Bidirectional embeddings, overrides, isolates and marks: invisible, they reorder what prints
# ("Anna\u202e..." prints its PESEL backwards). Every other format character (zero-width space,
# joiners, word joiner, BOM, soft hyphen, tags) is invisible too, so it is refused as well.
BIDI = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")
_LINE_BREAKS = frozenset("\n\r\t")


def _suspects(allowed: frozenset[str] = frozenset()) -> re.Pattern[str]:
    """One character class of every control (Cc), format (Cf), line and paragraph separator
    (Zl, Zp) code point, from this Python's Unicode tables: the planes that hold them (the BMP,
    the SMP, and plane 14's tags) are scanned once at import (~20 ms)."""
    planes = (range(0x0, 0x10000), range(0x10000, 0x20000), range(0xE0000, 0xE1000))
    points = [c for plane in planes for c in plane
              if unicodedata.category(chr(c)) in ("Cc", "Cf", "Zl", "Zp") and chr(c) not in allowed]
    spans: list[list[int]] = []
    for c in points:
        if spans and spans[-1][1] == c - 1:
            spans[-1][1] = c
        else:
            spans.append([c, c])
    return re.compile("[" + "".join(re.escape(chr(a)) + ("-" + re.escape(chr(b)) if b > a else "")
                                    for a, b in spans) + "]")


_SUSPECT = _suspects()
_SUSPECT_MULTILINE = _suspects(_LINE_BREAKS)


def text_problem(value: str, kind: TextKind = "multiline") -> Msg | None:
    """Why ``value`` (already NFC) may not be stored, or None.

    Every kind refuses control characters (C0, DEL, C1, line and paragraph separators), the
    bidirectional controls and every other invisible format character (category Cf). Only a
    ``multiline`` text (a textarea) may hold a line feed, a carriage return or a tab. A ``name``
    also refuses emoji and other symbols (category So, skin-tone modifiers, variation selectors,
    private-use and unassigned code points): no register or civil-status record holds one, no
    bank file can carry one, and the documents' font has no glyph for it. Letters of any script
    (Søren, Юлия, 王芳) are names.
    """
    if kind != "name":
        # The fast path (C speed, a regular expression): only the suspects are looked at.
        for found in (_SUSPECT_MULTILINE if kind == "multiline" else _SUSPECT).finditer(value):
            problem = _problem(found.group(), found.start() + 1, kind)
            if problem is not None:
                return problem
        return None
    for i, ch in enumerate(value, 1):
        problem = _problem(ch, i, kind)
        if problem is not None:
            return problem
    return None


def _problem(ch: str, i: int, kind: TextKind) -> Msg | None:
    """Why the character ``ch`` at (1-based) position ``i`` may not be in a text of ``kind``."""
    cat = unicodedata.category(ch)
    code = f"U+{ord(ch):04X}"
    if cat == "Cc" or cat in ("Zl", "Zp"):
        if kind == "multiline" and ch in _LINE_BREAKS:
            return None
        return msg(Code.TEXT_CONTROL_CHARACTER, char=code, position=i)
    if ch in BIDI:
        return msg(Code.TEXT_BIDI_CHARACTER, char=code, position=i)
    if cat == "Cf":
        return msg(Code.TEXT_INVISIBLE_CHARACTER, char=code, position=i)
    if kind == "name" and (cat in ("So", "Co", "Cn", "Cs") or ch in "\ufe0e\ufe0f"
                           or 0x1F3FB <= ord(ch) <= 0x1F3FF):
        return msg(Code.NAME_SYMBOL, char=code, position=i)
    return None


def clean_text(value: str, path: str, errors: MutableMapping[str, str],
               kind: TextKind = "multiline") -> str:
    """``value`` in NFC without surrounding blanks; a coded error under ``path`` if it holds a
    character its kind refuses (see :func:`text_problem`). The one gate for every name, address
    and free text that the application, task forms, letters, recovery and the office page take."""
    text = unicodedata.normalize("NFC", value).strip()
    problem = text_problem(text, kind)
    if problem is not None and path not in errors:
        errors[path] = problem
    return text






# --- guards on a whole request (run before any view; see app/web/setup.py) -------------------

MAX_DEPTH = 32
MAX_FIELD_CHARS = 100_000  # no form or JSON string the application accepts is this long
MAX_NUMBER_CHARS = 40  # version, indexes, amounts: refused by length before any int()/Decimal()
_BAD_CHARS = re.compile("[\x00\ud800-\udfff]")
_NUMERIC_KEYS = re.compile(r"(^|[.\]])(version|[a-z_]*index)$|^_action$")


def bad_text(value: str) -> bool:
    """A NUL byte or a lone surrogate (neither can be stored in PostgreSQL text or encoded)."""
    return _BAD_CHARS.search(value) is not None


def json_problems(data: Any) -> dict[str, str]:
    """Field path -> message for NUL bytes, lone surrogates, control, bidirectional or invisible
    characters (:func:`text_problem`), over-long strings or nesting deeper
    than MAX_DEPTH anywhere in parsed JSON (iterative: no recursion on hostile depth)."""
    out: dict[str, str] = {}
    stack: list[tuple[Any, str, int]] = [(data, "", 0)]
    while stack and len(out) < 20:
        node, path, depth = stack.pop()
        if depth > MAX_DEPTH:
            out.setdefault(path or "body", msg(Code.INPUT_TOO_DEEP, limit=MAX_DEPTH))
            continue
        if isinstance(node, str):
            if bad_text(node):
                out.setdefault(path or "body", msg(Code.TEXT_BAD_CHARACTERS))
            elif (problem := text_problem(node)) is not None:
                out.setdefault(path or "body", problem)
            elif len(node) > MAX_FIELD_CHARS:
                out.setdefault(path or "body", msg(Code.MAX_LENGTH, limit=MAX_FIELD_CHARS))
        elif isinstance(node, dict):
            for key, value in node.items():
                name = str(key)
                sub = field_path(path, "?" if bad_text(name) else name[:100])
                if bad_text(name):
                    out.setdefault(sub, msg(Code.TEXT_BAD_CHARACTERS))
                stack.append((value, sub, depth + 1))
        elif isinstance(node, list):
            stack.extend((value, f"{path}[{i}]", depth + 1) for i, value in enumerate(node))
    return out


def form_problems(form: Any) -> dict[str, str]:
    """Field name -> message for a submitted HTML form (a MultiDict): NUL bytes, lone surrogates,
    control, bidirectional or invisible characters, over-long values, and numbers (version, row
    indexes, ``_action``) far longer than any valid one."""
    out: dict[str, str] = {}
    for name, value in form.items(multi=True):
        key = "?" if bad_text(name) else name[:200]
        if bad_text(name) or bad_text(value):
            out.setdefault(key, msg(Code.TEXT_BAD_CHARACTERS))
        elif (problem := text_problem(value)) is not None:
            out.setdefault(key, problem)
        elif len(name) > 200 or re.search(r"\[[0-9]{7,}\]", name):
            out.setdefault(key, msg(Code.INVALID_VALUE))
        elif len(value) > MAX_FIELD_CHARS:
            out.setdefault(key, msg(Code.MAX_LENGTH, limit=MAX_FIELD_CHARS))
        elif _NUMERIC_KEYS.search(name) and len(value) > MAX_NUMBER_CHARS + 200 * (name == "_action"):
            out.setdefault(key, msg(Code.MAX_LENGTH, limit=MAX_NUMBER_CHARS))
    return out


def parse_day(data: dict[str, Any], field: str, errors: dict[str, str], required: bool = True
              ) -> date | None:
    """An ISO date field of a submission; a missing or malformed one is a field error."""
    value = data.get(field)
    if value in (None, ""):
        if required:
            errors[field] = msg(Code.REQUIRED)
        return None
    day = iso_date(value)
    if day is None:
        errors[field] = msg(Code.DATE_FORMAT)
    return day
