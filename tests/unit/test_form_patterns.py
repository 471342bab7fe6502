"""Form patterns run on RE2: linear time whatever the pattern, and still the right answers."""

import time

import pytest
from jsonschema.exceptions import SchemaError

from app.services.kernel.schema_errors import field_errors, form_validator
from app.workflow_engine.patterns import check_form_schema, pattern_refusal


def errors(schema: dict, data: dict) -> dict[str, str]:
    return field_errors(form_validator(schema).iter_errors(data))


def field(**prop: object) -> dict:
    return {"type": "object", "properties": {"x": {"type": "string", **prop}}}


@pytest.mark.parametrize("length", [30, 1000, 100_000])
def test_a_nested_quantifier_is_answered_in_milliseconds(length: int) -> None:
    schema = field(pattern="^(a+)+$")
    started = time.perf_counter()
    assert "x" in errors(schema, {"x": "a" * length + "!"})
    assert errors(schema, {"x": "a" * length}) == {}
    assert time.perf_counter() - started < 0.1


@pytest.mark.parametrize(("pattern", "good", "bad"), [
    ("^\\d{2}-\\d{3}$", ["32-065", "00-950"], ["32065", "32-0655", "٣٢-٠٦٥", " 32-065"]),
    ("^\\p{Lu}\\p{Ll}+$", ["Zażółć", "Łódź"], ["zażółć", "Abc1", "A"]),
    ("b", ["abc", "b"], ["ac", ""]),  # unanchored, as JSON Schema says
    ("^(?i)pl[0-9]{2}$", ["PL61", "pl61"], ["DE61", "PL6"]),
    ("^(tak|nie)$", ["tak", "nie"], ["takk", "Tak"]),
])
def test_patterns_accept_and_refuse_as_written(pattern: str, good: list[str], bad: list[str]) -> None:
    schema = field(pattern=pattern)
    for value in good:
        assert errors(schema, {"x": value}) == {}, value
    for value in bad:
        assert "x" in errors(schema, {"x": value}), value


def test_pattern_properties_and_additional_properties_match_on_re2() -> None:
    schema = {"type": "object", "patternProperties": {"^(a+)+_n$": {"type": "integer"}},
              "additionalProperties": False}
    assert errors(schema, {"aaa_n": 1}) == {}
    assert "aaa_n" in errors(schema, {"aaa_n": "jeden"})
    started = time.perf_counter()
    assert errors(schema, {"a" * 50_000 + "!": 1})  # an unexpected property, found at once
    assert time.perf_counter() - started < 0.1
    open_schema = {"type": "object", "patternProperties": {"^n_": {"type": "integer"}},
                   "additionalProperties": {"type": "string"}}
    assert errors(open_schema, {"n_1": 1, "other": "x"}) == {}
    assert set(errors(open_schema, {"n_1": "x", "other": 2})) == {"n_1", "other"}


def test_a_value_in_regex_format_is_checked_by_re2() -> None:
    schema = field(format="regex")
    assert errors(schema, {"x": "^(a+)+$"}) == {}
    assert "x" in errors(schema, {"x": "(a)\\1"})


@pytest.mark.parametrize(("pattern", "reason"), [
    ("(a)\\1", "pattern_unsupported"), ("(?P<n>a)(?P=n)", "pattern_unsupported"),
    ("(?=a)", "pattern_unsupported"), ("(?<!a)b", "pattern_unsupported"),
    ("a{1001}", "pattern_unsupported"), ("([", "pattern_unsupported"),
    ("a" * 301, "pattern_too_long"),
])
def test_what_re2_cannot_run_is_refused(pattern: str, reason: str) -> None:
    refusal = pattern_refusal(pattern)
    assert refusal is not None and refusal[0] == reason
    if reason == "pattern_unsupported":  # the meta-schema's "regex" format is RE2's syntax too
        with pytest.raises(SchemaError):
            check_form_schema(field(pattern=pattern))


def test_re2_syntax_is_a_valid_schema() -> None:
    for pattern in ("^(a+)+$", "^\\p{L}+$", "^[[:alpha:]]+$"):
        assert pattern_refusal(pattern) is None
        check_form_schema(field(pattern=pattern))
