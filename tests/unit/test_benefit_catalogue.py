"""Issue 14, part 1: a benefit is one catalogue entry (app/domain/benefits).

Its code is written as a literal only in its own module (demo data aside), its English name is
the .po's translation of its Polish label, and every list of benefits follows the catalogue."""

from __future__ import annotations

import re
from pathlib import Path

from babel.messages.pofile import read_po

from app.domain import benefits
from app.domain.benefit_months import FAMILY_BENEFITS, PARAMETER_PREFIXES
from app.domain.decision_rules import END_REQUIRED, ONE_OFF
from app.domain.eligibility import BENEFITS
from app.domain.income import INCOME_KINDS
from app.domain.recovery import act_of

ROOT = Path(__file__).resolve().parents[2]
APP = ROOT / "app"
PO = APP / "translations" / "en" / "LC_MESSAGES" / "messages.po"
# Demo data and bench-only code may name benefits (issue 14: "demo data aside").
DEMO = re.compile(r"seed|fixtures|raw\.py|migrations")


def _files_naming(code: str) -> list[str]:
    literal = re.compile(rf"[\"']{re.escape(code)}[\"']")
    return sorted(str(p.relative_to(ROOT)) for p in APP.rglob("*.py")
                  if not DEMO.search(str(p)) and literal.search(p.read_text(encoding="utf-8")))


# Issue 16: "zasilek_celowy" is also a kind of income (a zasiłek celowy received is not
# income, art. 8 u.p.s.), written once in the income kinds' own vocabulary (income.PURPOSE_AID,
# which the labels read); that file may name it as an income kind, and no other file.
INCOME_KIND_FILES = ["app/domain/income.py"]


def test_issue14_each_benefit_code_is_written_in_its_catalogue_module_only() -> None:
    for code in benefits.CODES:
        also = INCOME_KIND_FILES if code in INCOME_KINDS else []
        assert _files_naming(code) == sorted([f"app/domain/benefits/{code}.py", *also]), code


def test_issue14_the_english_name_is_the_po_translation_of_the_label() -> None:
    with PO.open("rb") as f:
        catalog = read_po(f)
    for entry in benefits.entries():
        message = catalog.get(entry.label)
        assert message is not None and message.string == entry.name_en, entry.code


def test_issue14_the_lists_of_benefits_are_the_catalogue() -> None:
    assert tuple(BENEFITS) == tuple(b.code for b in benefits.entries())
    assert set(ONE_OFF) == {b.code for b in benefits.entries() if b.kind is benefits.Kind.ONE_OFF}
    assert set(END_REQUIRED) == {b.code for b in benefits.entries() if b.end_required}
    assert set(FAMILY_BENEFITS) == {b.code for b in benefits.entries() if b.period_start_parameter}
    assert set(PARAMETER_PREFIXES) == set(BENEFITS)
    # One mapping from benefit to act: recovery reads the entry.
    assert {code: act_of(code) for code in BENEFITS} == {b.code: b.act for b in benefits.entries()}
