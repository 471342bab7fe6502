"""The input schemas as pages render them (issue 14 part 5): their page texts are catalogue
msgids with an English entry and stay out of the OpenAPI document; a plain number and a task
form's date are read as every input reads them (app/services/kernel/formats.py)."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from babel.messages.pofile import read_po

from app.domain.messages import Code
from app.services.kernel import inputs
from app.services.kernel.formats import Refused, read_number
from app.services.kernel.schema_errors import field_errors, form_validator

PO = Path(__file__).resolve().parents[2] / "app/translations/en/LC_MESSAGES/messages.po"
PAGE_KEYWORDS = ("x-title", "x-help", "x-titles", "x-widget", "x-order", "x-placeholder")


def _page_texts(node: Any) -> Iterator[str]:
    """Every page text (``x-title``, ``x-help``, the labels of ``x-titles``) under ``node``."""
    if isinstance(node, list):
        for item in node:
            yield from _page_texts(item)
    elif isinstance(node, dict):
        for key, value in node.items():
            if key in ("x-title", "x-help") and isinstance(value, str):
                yield value
            elif key == "x-titles" and isinstance(value, dict):
                yield from (v for v in value.values() if isinstance(v, str))
            else:
                yield from _page_texts(value)


def test_every_page_text_of_an_input_schema_has_its_english_entry() -> None:
    with PO.open("rb") as f:
        catalog = read_po(f)
    texts = {text for schema in inputs.SCHEMAS.values() for text in _page_texts(schema)}
    assert len(texts) > 40, len(texts)  # the office, letters, recovery, simulator, decisions
    missing = sorted(t for t in texts if catalog.get(t) is None or not catalog.get(t).string)
    assert missing == []


def test_the_openapi_document_leaves_the_page_keywords_out() -> None:
    found = [key for schema in inputs.openapi_schemas().values()
             for key in _keys(schema) if key in PAGE_KEYWORDS]
    assert found == []


def _keys(node: Any) -> Iterator[str]:
    if isinstance(node, list):
        for item in node:
            yield from _keys(item)
    elif isinstance(node, dict):
        for key, value in node.items():
            yield key
            yield from _keys(value)


@pytest.mark.parametrize(("raw", "page", "whole", "expected"), [
    ("14", False, True, Decimal(14)), ("2,50", True, False, Decimal("2.50")),
    ("1 229,5", True, False, Decimal("1229.5")), ("2,0", True, True, Decimal("2.0")),
    (7, False, True, Decimal(7)),
])
def test_a_plain_number_is_read_once(raw: Any, page: bool, whole: bool, expected: Decimal) -> None:
    assert read_number(raw, page=page, whole=whole) == expected


@pytest.mark.parametrize(("raw", "page", "whole", "code"), [
    ("siedem", True, True, Code.INTEGER_EXPECTED), ("2,5", True, True, Code.INTEGER_EXPECTED),
    ("2,5", False, False, Code.NUMBER_EXPECTED), ("1e3", True, False, Code.NUMBER_EXPECTED),
    ("1_000", True, False, Code.NUMBER_EXPECTED), ("١٢", True, True, Code.INTEGER_EXPECTED),
    ("9" * 5000, True, True, Code.INTEGER_EXPECTED), (True, False, True, Code.INTEGER_EXPECTED),
])
def test_a_plain_number_refused_says_which_kind_was_expected(raw: Any, page: bool, whole: bool,
                                                             code: Code) -> None:
    with pytest.raises(Refused) as refused:
        read_number(raw, page=page, whole=whole)
    assert refused.value.message.code is code


def test_a_task_form_reads_the_one_strict_date_with_its_years() -> None:
    schema = {"type": "object", "properties": {"on": {"type": "string", "format": "date"}}}
    assert not list(form_validator(schema).iter_errors({"on": "1900-01-01"}))
    assert not list(form_validator(schema).iter_errors({"on": "2199-12-31"}))
    codes = {value: field_errors(form_validator(schema).iter_errors({"on": value}))["on"].code
             for value in ("1899-12-31", "2026-W10-1", "01.02.2026")}
    assert codes == {"1899-12-31": Code.DATE_RANGE, "2026-W10-1": Code.DATE_FORMAT,
                     "01.02.2026": Code.DATE_FORMAT}
