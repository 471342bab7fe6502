"""Messages as codes: the catalogue, its English translations, and the errors that carry codes."""

from __future__ import annotations

import copy
import json
import logging
import pickle
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from babel.support import Translations
from jsonschema import Draft202012Validator, FormatChecker

from app.domain.errors import InvalidIdentifier
from app.domain.identifiers import parse_bank_account, parse_pesel
from app.domain.messages import CATALOGUE, Code, Msg, all_codes, msg, placeholders
from app.services.cases.opening import validate_application
from app.services.kernel import failures
from app.services.kernel.errors import ValidationFailed
from app.services.kernel.schema_errors import field_errors
from app.workflow_engine import ScriptError

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "app" / "translations"
PO = TRANSLATIONS / "en" / "LC_MESSAGES" / "messages.po"


def sample(code: Code) -> dict[str, str | int]:
    """A value for every parameter either language uses."""
    template = CATALOGUE[code]
    return {name: 7 for name in placeholders(template.pl) | placeholders(template.en)}


def test_every_code_has_a_polish_template() -> None:
    assert set(CATALOGUE) == set(all_codes()) and set(Code) <= set(CATALOGUE)
    for code, template in CATALOGUE.items():
        assert template.pl.strip() and template.en.strip(), code
        assert template.pl != template.en, f"{code}: the template is not Polish"


def test_every_template_has_its_english_translation_in_the_po_file() -> None:
    with PO.open("rb") as f:
        catalog = read_po(f)
    for code, template in CATALOGUE.items():
        entry = catalog.get(template.pl)
        assert entry is not None, f"{code}: {template.pl!r} is missing from {PO.name}"
        assert not entry.fuzzy, code
        # One truth: the text a Msg carries outside a request is the .po's English.
        assert entry.string == template.en, code


def test_the_compiled_catalog_renders_every_code_with_its_parameters() -> None:
    english = Translations.load(str(TRANSLATIONS), ["en"])
    for code, template in CATALOGUE.items():
        params = sample(code)
        # A translation may only use parameters the template offers (pybabel checks that too).
        if placeholders(template.pl):
            assert placeholders(template.en) <= placeholders(template.pl), code
        polish = template.pl % params
        assert "%(" not in polish, code
        assert english.gettext(template.pl) % params == str(msg(code, **params)), code


def test_a_msg_is_its_english_text_with_a_code() -> None:
    m = msg(Code.PESEL_LENGTH, length=10)
    assert m == "A PESEL has 11 digits; this one has 10."
    assert m.code is Code.PESEL_LENGTH and m.params == {"length": 10}
    assert m.as_dict() == {"code": "pesel_length", "params": {"length": 10}}
    assert json.dumps({"e": m}) == '{"e": "A PESEL has 11 digits; this one has 10."}'
    for copied in (copy.deepcopy(m), pickle.loads(pickle.dumps(m))):
        assert isinstance(copied, Msg) and copied == m and copied.code is m.code
        assert copied.params == m.params


def test_identifier_errors_carry_codes_and_parameters() -> None:
    with pytest.raises(InvalidIdentifier) as e:
        parse_pesel("4405140135")
    assert (e.value.code, dict(e.value.params)) == ("pesel_length", {"length": 10})
    assert isinstance(e.value.message, Msg) and e.value.message.code is Code.PESEL_LENGTH
    with pytest.raises(InvalidIdentifier) as e:
        parse_bank_account("PL61 1090 1014 0000 0712 1981 287")
    assert e.value.as_dict() == {
        "code": "account_length", "params": {"expected": 26, "length": 25},
        "message": "A Polish bank account number has 26 digits; this one has 25.",
    }
    with pytest.raises(InvalidIdentifier) as e:
        parse_pesel(None)  # type: ignore[arg-type]
    assert e.value.code == "pesel_empty"


def test_the_application_reports_every_field_with_a_code() -> None:
    from datetime import date

    payload = {
        "benefit": "nope", "reason": "bezrobocie",
        "applicant": {"pesel": "4405140135", "first_name": "", "last_name": "X",
                      "net_income": "-5", "incomes": [{"kind": "employment", "amount": "1e40"}]},
        "bank_account": "PL00", "application_date": "2026-13-01",
    }
    with pytest.raises(ValidationFailed) as err:
        validate_application(payload, date(2026, 3, 2), page=True)
    assert err.value.code == "application_invalid"
    assert {path: c["code"] for path, c in err.value.codes.items()} == {
        "applicant.pesel": "pesel_length",
        "applicant.first_name": "required",
        "applicant.net_income": "amount_negative",
        "applicant.incomes[0].amount": "amount_too_large",
        "benefit": "benefit_unknown",
        "bank_account": "account_length",
        "application_date": "date_format",
    }
    # The English text stays what the API has always said.
    assert err.value.errors["applicant.net_income"] == "The amount must be zero or more."


SCHEMA = {
    "type": "object",
    "additionalProperties": False,
    "required": ["name", "when"],
    "properties": {
        "name": {"type": "string", "minLength": 1, "maxLength": 5},
        "when": {"type": "string", "format": "date"},
        "count": {"type": "integer", "minimum": 1, "maximum": 3},
        "kind": {"enum": ["a", "b"]},
        "choice": {"oneOf": [{"const": "x"}, {"const": "y"}]},
        "code": {"type": "string", "pattern": "^[A-Z]{2}$"},
        "amount": {"type": "string", "pattern": "^\\d+(\\.\\d{1,2})?$"},
        "rows": {"type": "array", "maxItems": 1, "items": {"type": "object", "required": ["x"]}},
    },
}


@pytest.mark.parametrize(("data", "expected"), [
    ({}, {"name": Code.REQUIRED, "when": Code.REQUIRED}),
    ({"name": 5, "when": "2026-13-01"}, {"name": Code.TEXT_EXPECTED, "when": Code.DATE_FORMAT}),
    ({"name": None, "when": "2026-03-01"}, {"name": Code.REQUIRED}),
    ({"name": "", "when": "2026-03-01", "bogus": 1}, {"name": Code.NOT_EMPTY, "bogus": Code.UNKNOWN_FIELD}),
    ({"name": "abcdefg", "when": "2026-03-01", "count": 0},
     {"name": Code.MAX_LENGTH, "count": Code.MIN_VALUE}),
    ({"name": "a", "when": "2026-03-01", "count": 9, "kind": "c", "choice": "z"},
     {"count": Code.MAX_VALUE, "kind": Code.CHOOSE_ONE, "choice": Code.CHOOSE_ONE}),
    ({"name": "a", "when": "2026-03-01", "count": "1", "code": "x1"},
     {"count": Code.INTEGER_EXPECTED, "code": Code.WRONG_FORMAT}),
    ({"name": "a", "when": "2026-03-01", "amount": "-100"}, {"amount": Code.AMOUNT_NEGATIVE}),
    ({"name": "a", "when": "2026-03-01", "amount": "1.234"}, {"amount": Code.AMOUNT_DECIMALS}),
    ({"name": "a", "when": "2026-03-01", "amount": "abc"}, {"amount": Code.AMOUNT_FORMAT}),
    ({"name": "a", "when": "2026-03-01", "amount": "1e40"}, {"amount": Code.AMOUNT_TOO_LARGE}),
    ({"name": "a", "when": "2026-03-01", "amount": "+5"}, {"amount": Code.WRONG_FORMAT}),
    ({"name": "a", "when": "2026-03-01", "rows": [{}, {}]},
     {"rows": Code.MAX_ITEMS, "rows.0.x": Code.REQUIRED, "rows.1.x": Code.REQUIRED}),
])
def test_schema_errors_become_codes_by_keyword(data: dict[str, object], expected: dict[str, Code]) -> None:
    validator = Draft202012Validator(SCHEMA, format_checker=FormatChecker())
    errors = field_errors(validator.iter_errors(data))
    assert {path: getattr(text, "code", None) for path, text in errors.items()} == expected


def test_schema_messages_never_echo_the_value() -> None:
    validator = Draft202012Validator(SCHEMA, format_checker=FormatChecker())
    errors = field_errors(validator.iter_errors({"name": "75011501233", "when": "x"}))
    assert all("75011501233" not in text and "'x'" not in text for text in errors.values())


def test_a_workflow_failure_has_an_error_id_and_no_exception_text(
    caplog: pytest.LogCaptureFixture,
) -> None:
    try:
        try:
            int("75011501233x")
        except ValueError as inner:
            raise ScriptError(f"ValueError: {inner}") from inner
    except ScriptError as cause:
        try:
            raise ScriptError(f"ScriptTask 'set_complete' (Ustal) in process 'intake': "
                              f"script failed: {cause}") from cause
        except ScriptError as exc:
            with caplog.at_level(logging.ERROR, logger="pomoc.failures"):
                error = failures.workflow_failed(exc, case_id=7, task="completeness_check")
    error_id = error.extra["error_id"]
    assert isinstance(error_id, str) and len(error_id) == 8
    assert error.code == "workflow_failed_at_step"
    assert error.params == {"step": "set_complete", "error_id": error_id}
    assert "ValueError" not in error.message and "75011501233" not in error.message
    logged = caplog.text
    assert error_id in logged and "ValueError" in logged and "set_complete" in logged
    assert "75011501233" not in logged, "the log gets the type and place, not the message"
