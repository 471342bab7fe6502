"""The generic JSON-Schema form engine behind the task pages and the application form (no DB)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from werkzeug.datastructures import MultiDict

from app.web.ui import schema_form as sf

FORMS = Path(__file__).resolve().parents[2] / "workflows" / "forms"

SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["kind", "amount", "period_to", "on"],
    "properties": {
        "kind": {"type": "string", "enum": ["grant", "refusal"],
                 "x-labels": {"grant": "Przyznanie", "refusal": "Odmowa"}},
        "amount": {"type": ["string", "null"], "pattern": "^\\d+(\\.\\d{1,2})?$"},
        "period_to": {"type": ["string", "null"], "format": "date"},
        "on": {"type": "string", "format": "date"},
        "note": {"type": "string", "x-widget": "textarea"},
        "complete": {"type": "boolean"},
        "days": {"type": "integer", "minimum": 7},
        "rows": {"type": "array", "items": {
            "type": "object", "required": ["member_index", "net_income"],
            "properties": {"member_index": {"type": "integer"},
                           "net_income": {"type": "string", "pattern": "^\\d+(\\.\\d{1,2})?$"}}}},
        "benefits": {"type": "array", "items": {"type": "string", "enum": ["a", "b", "c"]}},
    },
}


def test_error_paths_become_input_names() -> None:
    assert sf.normalise_path("rows.0.net_income") == "rows[0].net_income"
    assert sf.normalise_path("members.12.incomes.3.amount") == "members[12].incomes[3].amount"
    assert sf.normalise_path("approval_comment") == "approval_comment"


def test_widgets_follow_the_schema() -> None:
    props = SCHEMA["properties"]
    assert sf.kind_of(props["kind"]) == "radio"
    assert sf.kind_of(props["amount"]) == "money"
    assert sf.kind_of(props["period_to"]) == "date"
    assert sf.kind_of(props["note"]) == "textarea"
    assert sf.kind_of(props["complete"]) == "checkbox"
    assert sf.kind_of(props["days"]) == "integer"
    assert sf.kind_of(props["rows"]) == "array"
    assert sf.kind_of(props["benefits"]) == "checkboxes"


def test_submitted_strings_become_typed_data() -> None:
    form = MultiDict([
        ("kind", "grant"), ("amount", "1 234,50"), ("period_to", ""), ("on", "2026-03-02"),
        ("note", "  tekst  \n"), ("days", "14"), ("benefits", "a"), ("benefits", "c"),
        ("rows[0]._row", "1"), ("rows[0].member_index", "0"), ("rows[0].net_income", "512.40"),
        ("rows[3]._row", "1"), ("rows[3].member_index", ""), ("rows[3].net_income", ""),
    ])
    raw = sf.raw_from_form(SCHEMA, form)
    data, errors = sf.convert(SCHEMA, raw)
    assert errors == {}
    assert data == {
        "kind": "grant", "amount": "1234.50", "period_to": None, "on": "2026-03-02",
        "note": "  tekst", "complete": False, "days": 14, "benefits": ["a", "c"],
        "rows": [{"member_index": 0, "net_income": "512.40"}],
    }


def test_empty_optional_fields_are_omitted_and_required_ones_reported() -> None:
    raw = sf.raw_from_form(SCHEMA, MultiDict([("complete", "on"), ("days", "siedem")]))
    data, errors = sf.convert(SCHEMA, raw)
    assert data["complete"] is True and "note" not in data and "benefits" not in data
    assert set(errors) == {"kind", "on", "days"}
    assert data["amount"] is None and data["period_to"] is None  # required but nullable


def test_rebuilt_fields_keep_the_raw_input_and_errors() -> None:
    form = MultiDict([("kind", "refusal"), ("days", "siedem"), ("rows[0]._row", "1"),
                      ("rows[0].net_income", "abc")])
    raw = sf.raw_from_form(SCHEMA, form)
    fields = {f.name: f for f in sf.build_fields(SCHEMA, raw, {"rows[0].net_income": "Zła kwota"})}
    assert fields["kind"].value == "refusal"
    assert ("refusal", "Odmowa") in fields["kind"].options
    assert fields["days"].value == "siedem"
    row = {f.name: f for f in fields["rows"].rows[0]}
    assert row["rows[0].net_income"].value == "abc"
    assert row["rows[0].net_income"].error == "Zła kwota"
    assert [f.name for f in fields["rows"].template] == ["rows[__0__].member_index",
                                                          "rows[__0__].net_income"]


def test_member_choices_turn_an_index_into_a_select() -> None:
    fields = sf.build_fields(SCHEMA, {"rows": [{"member_index": 1}]},
                             choices={"member_index": [("0", "1. Jan"), ("1", "2. Ola")]})
    cell = {f.name: f for f in next(f for f in fields if f.name == "rows").rows[0]}
    assert cell["rows[0].member_index"].kind == "select"
    assert cell["rows[0].member_index"].value == "1"


def test_rows_can_be_added_and_removed_without_javascript() -> None:
    raw: dict[str, Any] = {"members": [{"pesel": "1"}, {"pesel": "2", "incomes": [{"amount": "5"}]}]}
    assert sf.apply_row_action(raw, "add:members[1].incomes")
    assert raw["members"][1]["incomes"] == [{"amount": "5"}, {}]
    assert sf.apply_row_action(raw, "remove:members[0]")
    assert raw["members"] == [{"pesel": "2", "incomes": [{"amount": "5"}, {}]}]
    assert not sf.apply_row_action(raw, "submit")


def test_unplaced_errors_are_kept_for_the_summary() -> None:
    fields = sf.build_fields(SCHEMA, {})
    errors = {"kind": "x", "data": "The form data must be a JSON object."}
    assert sf.unplaced_errors(fields, errors) == {"data": "The form data must be a JSON object."}


@pytest.mark.parametrize("path", sorted(FORMS.glob("*.json")), ids=lambda p: p.stem)
def test_every_workflow_form_renders_and_round_trips(path: Path) -> None:
    """Each deployed form yields fields, and its empty submission converts without crashing."""
    schema = json.loads(path.read_text())
    fields = sf.build_fields(schema, {})
    assert fields and all(f.label for f in fields)
    raw = sf.raw_from_form(schema, MultiDict())
    data, errors = sf.convert(schema, raw)
    assert isinstance(data, dict) and isinstance(errors, dict)
