"""Regular expressions from form schemas (`pattern`, `patternProperties`) run on RE2.

Admins write these patterns in the browser editor and the server matches them against what
caseworkers type. Python's `re` backtracks: `^(a+)+$` takes 40 s on 30 characters. RE2 (google-re2)
matches in time linear in the input, whatever the pattern, and refuses what needs backtracking
(back-references, lookahead and lookbehind) when the pattern is compiled, which the deploy check
does. `\\d` and `\\w` are ASCII-only in RE2, as in JSON Schema's ECMA 262 dialect and in the
browser's `pattern` attribute; letters with Polish diacritics are `\\p{L}`.
"""

from __future__ import annotations

from functools import lru_cache

import re2
from jsonschema import Draft202012Validator, FormatChecker

MAX_PATTERN = 300
# RE2 refuses a pattern whose compiled program would need more than this (e.g. "(a{999}){999}").
_MAX_PROGRAM_BYTES = 1 << 20


def _options() -> re2.Options:
    options = re2.Options()
    options.log_errors = False  # the deploy check reports the refusal; no stderr noise
    options.max_mem = _MAX_PROGRAM_BYTES
    return options


_OPTIONS = _options()


@lru_cache(maxsize=1024)
def compile_pattern(pattern: str) -> re2._Regexp:
    """The RE2 program for `pattern` (raises re2.error for what RE2 cannot run)."""
    return re2.compile(pattern, options=_OPTIONS)


def search(pattern: str, text: str) -> bool:
    """Whether `pattern` matches anywhere in `text` (JSON Schema's unanchored semantics)."""
    return compile_pattern(pattern).search(text) is not None


def pattern_refusal(pattern: str) -> tuple[str, str] | None:
    """Why a form pattern is refused at deploy, as (reason, detail), or None when RE2 runs it."""
    if len(pattern) > MAX_PATTERN:
        return "pattern_too_long", f"longer than {MAX_PATTERN} characters"
    try:
        compile_pattern(pattern)
    except re2.error as exc:
        detail = exc.args[0] if exc.args else exc
        if isinstance(detail, bytes):
            detail = detail.decode("utf-8", "replace")
        return "pattern_unsupported", str(detail)
    return None


def _re2_regex(instance: object) -> bool:
    if isinstance(instance, str):
        compile_pattern(instance)
    return True


# A format checker whose "regex" format is RE2's syntax: the meta-schema marks `pattern` and
# `patternProperties` keys as regexes, and jsonschema would otherwise compile them with `re`
# (refusing RE2's `\p{L}`, accepting back-references the server cannot run).
SCHEMA_FORMATS = FormatChecker()
SCHEMA_FORMATS.checks("regex", raises=re2.error)(_re2_regex)


def check_form_schema(schema: object) -> None:
    """Raise jsonschema's SchemaError unless `schema` is a valid draft 2020-12 schema."""
    Draft202012Validator.check_schema(schema, format_checker=SCHEMA_FORMATS)
