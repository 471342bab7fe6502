"""The one input dialect (app/services/kernel/inputs): every input schema is a valid JSON Schema
(draft 2020-12) whose money and dates use only the `money` and `date` formats, and the one
validator types them (Decimal, date) or names every bad field with a coded message."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from app.domain.messages import Code
from app.services.kernel import inputs
from app.services.kernel.errors import ValidationFailed
from app.services.kernel.inputs.formats import Refused, read_date, read_money

_DATE_NAME = re.compile(r"(_on|_from|_to|_by|_due|^due_on|date)$")
# Names the pattern takes for dates that are not: a fee band's upper limit, "up to" a percentage
# of the criterion (CareFeeTableRequest.bands[].up_to; the band's share is fee_percent).
_NOT_A_DATE = {"up_to"}
_MONEY_NAME = re.compile(r"amount")


def _properties(node: Any, path: str = "") -> list[tuple[str, dict[str, Any]]]:
    """Every named property of a schema, nested ones (items, allOf/if/then) included."""
    found: list[tuple[str, dict[str, Any]]] = []
    if isinstance(node, list):
        for item in node:
            found += _properties(item, path)
    elif isinstance(node, dict):
        for name, prop in (node.get("properties") or {}).items():
            if isinstance(prop, dict):
                found.append((f"{path}.{name}", prop))
                found += _properties(prop, f"{path}.{name}")
        for key in ("items", "allOf", "anyOf", "oneOf", "then", "else"):
            if key in node:
                found += _properties(node[key], path)
    return found


@pytest.mark.parametrize("name", sorted(inputs.SCHEMAS))
def test_every_input_schema_is_valid_and_types_money_and_dates_by_format(name: str) -> None:
    schema = inputs.SCHEMAS[name]
    Draft202012Validator.check_schema(schema)
    for path, prop in _properties(schema):
        fmt = prop.get("format")
        assert fmt in (None, "money", "date"), f"{name}{path}: only the money and date formats"
        leaf = path.rsplit(".", 1)[-1]
        conditional = "type" not in prop  # an if/then's const, or a property left to the document
        if _DATE_NAME.search(leaf) and not conditional and leaf not in _NOT_A_DATE:
            assert fmt == "date", f"{name}{path} is a date: format date"
        if _MONEY_NAME.search(leaf) and not conditional:
            assert fmt == "money", f"{name}{path} is an amount: format money"
        if fmt == "money":
            assert "pattern" not in prop, "the money format is the one parser; no pattern beside it"


def test_openapi_declares_the_same_schemas_with_the_formats_spelled_out() -> None:
    for name, doc in inputs.openapi_schemas().items():
        assert doc["properties"].keys() == inputs.SCHEMAS[name]["properties"].keys(), name
        assert "x-code" not in str(doc) and "x-positive" not in str(doc), name


def test_money_reads_a_decimal_string_and_a_polish_comma_only_on_pages() -> None:
    assert read_money("200.50") == Decimal("200.50")
    assert read_money("200,50", page=True) == Decimal("200.50")
    assert read_money("1 229,50", page=True) == Decimal("1229.50")
    assert read_money("1\u00a0229,50", page=True) == Decimal("1229.50")
    for bad, code in (("200,50", Code.AMOUNT_DECIMAL_STRING), (1.5, Code.AMOUNT_NOT_FLOAT),
                      ("-1", Code.AMOUNT_NEGATIVE), ("1.234", Code.AMOUNT_DECIMALS),
                      ("1e3", Code.AMOUNT_DECIMAL_STRING), ("١٢", Code.AMOUNT_DECIMAL_STRING)):
        with pytest.raises(Refused) as refused:
            read_money(bad)
        assert refused.value.message.code is code, bad


def test_date_is_strict_and_reads_dd_mm_rrrr_only_on_pages() -> None:
    assert read_date("2026-03-01") == date(2026, 3, 1)
    assert read_date("01.03.2026", page=True) == date(2026, 3, 1)
    for bad in ("2026-W10-1", "20260301", "2026-02-30", "01.03.2026", "2026-3-1", 20260301):
        with pytest.raises(Refused) as refused:
            read_date(bad)
        assert refused.value.message.code is Code.DATE_FORMAT, bad
    with pytest.raises(Refused) as refused:
        read_date("0001-01-01")
    assert refused.value.message.code is Code.DATE_RANGE


def test_validate_types_values_and_names_every_bad_field_with_its_code() -> None:
    body = {"payments": [{"payment_id": 7, "amount": "200,50"}], "fact": " Praca. ",
            "ground": "unreported_change", "found_on": "01.03.2026"}
    typed = inputs.validate("RecoveryFinding", body, page=True)
    assert typed["payments"] == [{"payment_id": 7, "amount": Decimal("200.50")}]
    assert typed["found_on"] == date(2026, 3, 1) and typed["fact"] == "Praca."
    with pytest.raises(ValidationFailed) as failed:
        inputs.validate("RecoveryFinding", {**body, "fact": "  ", "extra": 1,
                                            "payments": [{"payment_id": "7", "amount": "200,50"}]})
    codes = {path: m.code for path, m in failed.value.errors.items()}
    assert codes == {"fact": Code.REQUIRED, "extra": Code.UNKNOWN_FIELD,
                     "payments[0].payment_id": Code.INTEGER_EXPECTED,
                     "payments[0].amount": Code.AMOUNT_DECIMAL_STRING,
                     "found_on": Code.DATE_FORMAT}
    assert failed.value.message.code is Code.REQUEST_INVALID


def test_read_keeps_the_valid_fields_for_the_rule_checks() -> None:
    data, errors = inputs.read("DecisionChangeRequest", {"kind": "change", "effective_from":
                                                         "2026-04-01", "reason": "x"})
    assert data == {"kind": "change", "effective_from": date(2026, 4, 1), "reason": "x"}
    assert {p: m.code for p, m in errors.items()} == {"ground": Code.REQUIRED, "amount": Code.REQUIRED}
    _, errors = inputs.read("DecisionChangeRequest", {"kind": "revoke", "effective_from": "2026-04-01",
                                                      "reason": "x", "ground": "party_request"})
    assert errors["party_consent_on"].code is Code.CHANGE_CONSENT_REQUIRED


def test_a_polish_date_has_two_digit_day_and_month() -> None:
    for bad in ("1.2.2026", "01.2.2026", "1.02.2026", "01.02.26"):
        with pytest.raises(Refused):
            read_date(bad, page=True)


def test_an_appeal_asking_restoration_needs_the_day_the_cause_ceased() -> None:
    body = {"channel": "post", "posted_on": "2026-03-02", "received_on": "2026-03-03",
            "restoration_requested": True}
    _, errors = inputs.read("AppealRequest", body)
    assert {p: m.code for p, m in errors.items()} == {"cause_ceased_on": Code.REQUIRED}
    typed, errors = inputs.read("AppealRequest", {**body, "cause_ceased_on": "02.03.2026"}, page=True)
    assert not errors and typed["cause_ceased_on"] == date(2026, 3, 2)


def test_an_appeals_demanded_amount_is_read_by_the_one_parser_with_a_polish_comma() -> None:
    from app.services.appeals.appeal import parse_demand

    errors: dict[str, str] = {}
    demand = parse_demand({"demand": "Przyznanie", "demand_amount": "1 200,50",
                           "demand_from": "01.04.2026"}, errors)
    assert not errors and demand.amount == Decimal("1200.50") and demand.period_from == date(2026, 4, 1)
    parse_demand({"demand_amount": "12,345", "demand_to": "2026-W14-1"}, errors, prefix="appeal_")
    assert {p: m.code for p, m in errors.items()} == {  # type: ignore[attr-defined]
        "appeal_demand_amount": Code.AMOUNT_FORMAT, "appeal_demand_to": Code.DATE_FORMAT}


def test_the_application_is_an_input_schema_whose_amounts_and_dates_use_the_formats() -> None:
    case = inputs.SCHEMAS["CaseRequest"]
    Draft202012Validator.check_schema(case)
    member = case["properties"]["applicant"]
    assert case["properties"]["members"]["items"] is member
    for prop in (member["properties"]["net_income"], member["properties"]["alimony_awarded"],
                 member["properties"]["incomes"]["items"]["properties"]["amount"],
                 case["properties"]["requested_amount"]):
        assert prop["format"] == "money"
    for name in ("application_date", "requested_from", "requested_until"):
        assert case["properties"][name]["format"] == "date", name
    assert member["properties"]["birth_date"]["format"] == "date"
    body = {"applicant": {"pesel": "75011501233", "first_name": "Jan", "last_name": "Nowak",
                          "net_income": "1 229,50", "incomes": [{"kind": "employment", "amount": 7}]},
            "benefit": "zasilek_okresowy", "reason": "bezrobocie", "application_date": "02.03.2026"}
    typed, errors = inputs.read("CaseRequest", body, page=True)
    assert not errors and typed["applicant"]["net_income"] == Decimal("1229.50")
    assert typed["application_date"] == date(2026, 3, 2)
    assert typed["applicant"]["incomes"][0]["amount"] == Decimal(7)
    _, errors = inputs.read("CaseRequest", body)  # the API: no comma, no dd.mm.rrrr
    assert {p: m.code for p, m in errors.items()} == {
        "applicant.net_income": Code.AMOUNT_DECIMAL_STRING, "application_date": Code.DATE_FORMAT}


def test_the_applications_rules_report_with_the_schemas_errors_in_one_pass() -> None:
    from app.services.cases.application_input import validate_application

    body = {"applicant": {"pesel": "75011501234", "first_name": "Jan", "last_name": "Nowak",
                          "net_income": "300,50", "other_benefits": ["renta_socjalna", "x"]},
            "members": [{"register_key": "BP-12", "first_name": "Ola", "last_name": "N",
                         "relation": "cousin"}, 5],
            "benefit": "zasilek_rodzinny", "reason": "bezrobocie", "requested_until": "2026-05-31",
            "urgent": "yes"}
    with pytest.raises(ValidationFailed) as refused:
        validate_application(body, date(2026, 3, 2), page=False)
    assert refused.value.code == "application_invalid"
    assert {p: c["code"] for p, c in refused.value.codes.items()} == {
        "applicant.pesel": "pesel_checksum", "applicant.net_income": "amount_decimal_string",
        "applicant.other_benefits": "other_benefits_unknown",
        "members[0].register_key": "register_key_format", "members[0].relation": "relation_unknown",
        "members[1]": "member_expected", "requested_until": "request_not_discretionary",
        "urgent": "boolean_expected"}
    ok = validate_application({**body, "applicant": {**body["applicant"], "pesel": "75011501233",
                                                     "other_benefits": []},
                               "members": [], "requested_until": None, "urgent": False},
                              date(2026, 3, 2), page=True)  # as typed on a page: the comma is read
    assert ok["applicant"].incomes[0]["amount"] == Decimal("300.50")
