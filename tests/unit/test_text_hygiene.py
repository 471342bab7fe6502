"""The one text rule (json_input.text_problem / clean_text) and the exporters' rules
(spreadsheet.append_row, elixir.bank_text): issue 19, findings 4-6."""

from __future__ import annotations

import io
import time
import unicodedata

import pytest
from openpyxl import Workbook, load_workbook

from app.domain.messages import Code
from app.services.documents.spreadsheet import append_row
from app.services.kernel.json_input import clean_text, form_problems, json_problems, text_problem
from app.services.payments.elixir import bank_text, text_lines


@pytest.mark.parametrize(("value", "kind", "code"), [
    ("Jan\x07", "name", Code.TEXT_CONTROL_CHARACTER),
    ("Jan\x1b[31m", "multiline", Code.TEXT_CONTROL_CHARACTER),
    ("Jan\tNowak", "name", Code.TEXT_CONTROL_CHARACTER),
    ("Jan\nNowak", "line", Code.TEXT_CONTROL_CHARACTER),
    ("Jan\u0085", "multiline", Code.TEXT_CONTROL_CHARACTER),
    ("a\u2029b", "multiline", Code.TEXT_CONTROL_CHARACTER),
    *[(f"a{ch}b", "multiline", Code.TEXT_BIDI_CHARACTER)
      for ch in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"],
    *[(f"a{ch}b", "multiline", Code.TEXT_INVISIBLE_CHARACTER)
      for ch in "\u200b\u200c\u200d\u2060\ufeff\u00ad"],
    ("Ola😀", "name", Code.NAME_SYMBOL),
    ("Ola\U0001f3fb", "name", Code.NAME_SYMBOL),
    ("Ola\ufe0f", "name", Code.NAME_SYMBOL),
    ("Ola\ue000", "name", Code.NAME_SYMBOL),
])
def test_refused_characters_carry_their_code_and_position(value: str, kind: str, code: Code) -> None:
    problem = text_problem(value, kind)  # type: ignore[arg-type]
    assert problem is not None and problem.code == code
    assert problem.params["char"].startswith("U+") and int(problem.params["position"]) >= 2


@pytest.mark.parametrize(("value", "kind"), [
    ("Søren", "name"), ("Юлия", "name"), ("王芳", "name"), ("Ἀθηνᾶ", "name"),
    ("O'Brien-Żółć Jr.", "name"), ("d’Artagnan", "name"), ("=1+1+", "name"),
    ("ul. Długa 1\r\n31-000 Kraków\tlok. 2", "multiline"), ("Ola😀 przy ul. Długiej", "line"),
])
def test_accepted_texts(value: str, kind: str) -> None:
    assert text_problem(value, kind) is None  # type: ignore[arg-type]


def test_clean_text_normalises_to_nfc_and_strips() -> None:
    errors: dict[str, str] = {}
    assert clean_text(" " + unicodedata.normalize("NFD", "Żółć") + " ", "x", errors, "name") == "Żółć"
    assert errors == {}
    clean_text("A\u202eB", "first_name", errors, "name")
    assert getattr(errors["first_name"], "code", None) == Code.TEXT_BIDI_CHARACTER


def test_the_request_guards_name_the_field() -> None:
    from werkzeug.datastructures import MultiDict

    assert json_problems({"a": {"b": ["ok", "x\u200by"]}})["a.b[1]"].code == Code.TEXT_INVISIBLE_CHARACTER
    assert form_problems(MultiDict([("note", "line\r\nbreak"), ("who", "\u202eX")])) == {
        "who": text_problem("\u202eX")}


def test_the_guard_is_fast_on_a_large_clean_text() -> None:
    text = "Zażółć gęślą jaźń.\n" * 50_000  # ~1 MB, the body limit
    started = time.perf_counter()
    assert text_problem(text) is None
    assert time.perf_counter() - started < 0.2


# --- the exporters -----------------------------------------------------------------------------

def test_finding_4_formula_prefixes_are_written_as_text() -> None:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    values = ['=HYPERLINK("http://127.0.0.1:9/x","Kliknij")&', "=cmd|' /C calc'!A0&", "=1+1+",
              "+1", "-1", "@SUM(A1)", "\t=1", "\r=1", "Jan"]
    append_row(ws, [*values, 7])
    out = io.BytesIO()
    wb.save(out)
    row = load_workbook(io.BytesIO(out.getvalue())).active[1]  # type: ignore[index]
    assert [c.value for c in row[:-1]] == values  # nothing lost or added
    assert all(c.data_type == "s" for c in row[:-1])
    assert [c.quotePrefix for c in row[:-1]] == [True] * 8 + [False]
    assert row[-1].value == 7 and row[-1].data_type == "n"


def test_finding_5_illegal_xml_characters_never_fail_the_export() -> None:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    append_row(ws, ["Jan\x07", "Ewa\x1b[31m"])
    wb.save(io.BytesIO())
    assert [c.value for c in ws[1]] == ["Jan\ufffd", "Ewa\ufffd[31m"]


@pytest.mark.parametrize("encoding", ["cp1250", "cp852"])
def test_finding_5_bank_text_keeps_the_code_page_and_transliterates_the_rest(encoding: str) -> None:
    assert bank_text("Zażółć gęślą jaźń ŻÓŁW", encoding) == "Zażółć gęślą jaźń ŻÓŁW"
    assert bank_text("Søren Юлия 王芳😀", encoding) == "Soren Yuliya WangFang"
    assert bank_text("Jan\x07\x1b[31m\u202eX\u200b", encoding).split() == ["Jan", "[31m", "X"]
    line = text_lines("Søren Юлия 王芳😀 " * 10, "ul. Długa 1", encoding=encoding)
    line.encode(encoding)  # strict: every character is in the code page
    assert "?" not in line


def test_bank_text_keeps_what_cp1250_holds_that_cp852_may_not() -> None:
    assert bank_text("Müller €", "cp1250") == "Müller €"
    assert bank_text("Müller €", "cp852") == "Müller EUR"


def test_the_fast_path_knows_every_control_and_format_character() -> None:
    from app.services.kernel.json_input import _SUSPECT

    for c in range(0x110000):
        if 0xD800 <= c <= 0xDFFF:
            continue
        ch = chr(c)
        expected = unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp")
        assert (_SUSPECT.match(ch) is not None) == expected, hex(c)
