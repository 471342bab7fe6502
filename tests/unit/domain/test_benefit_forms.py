"""The benefit's part of a task form (app.domain.benefits.forms) and the key figures of a
calculation (app.domain.explain.key_figures)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from app.domain.benefits import forms
from app.domain.explain import key_figures

DRAFT = json.loads((Path(__file__).resolve().parents[3] / "workflows/forms/draft_decision.json")
                   .read_text(encoding="utf-8"))


def _props(benefit: str) -> dict[str, Any]:
    return forms.shape(DRAFT, benefit, "draft_decision")["properties"]


def test_each_benefit_kind_leaves_out_what_does_not_apply() -> None:
    assert "purpose" not in _props("zasilek_okresowy")
    assert "purpose" not in _props("zasilek_staly")
    one_off = forms.shape(DRAFT, "specjalny_zasilek_celowy", "draft_decision")
    assert "purpose" in one_off["properties"] and "period_to" not in one_off["properties"]
    assert "period_to" not in one_off["required"]
    # An amount fixed by law needs no reason for another amount; a discretionary one may.
    assert "amount_reason" not in _props("zasilek_staly")
    assert "amount_reason" in _props("zasilek_okresowy")


def test_fields_are_retitled_for_the_benefit_and_the_form_itself_is_untouched() -> None:
    assert _props("specjalny_zasilek_celowy")["period_from"]["title"]["pl"] == "Data wypłaty"
    assert "wymagane" in _props("zasilek_okresowy")["period_to"]["title"]["pl"]
    assert "purpose" in DRAFT["properties"] and "period_to" in DRAFT["required"]
    # An unknown benefit or a form no fragment touches is returned as it is.
    assert forms.shape(DRAFT, "unknown", "draft_decision") == DRAFT
    assert not forms.shaped("completeness_check") and forms.shaped("draft_decision")


def test_data_for_a_field_that_does_not_apply_is_dropped() -> None:
    data = {"decision_kind": "grant", "purpose": "opał", "period_to": "2026-05-31"}
    assert forms.keep_applying(data, "zasilek_okresowy", "draft_decision") == {
        "decision_kind": "grant", "period_to": "2026-05-31"}


def test_key_figures_read_the_income_per_person_the_threshold_and_the_amount() -> None:
    result = {"eligible": True, "amount": "148.97", "min_amount": "148.97",
              "max_amount": "297.94", "on": "2026-03-02", "explanation": [
                  {"key": "income_per_person", "inputs": {"total": "712.06", "persons": 1},
                   "result": "712.06", "legal_basis": ["art. 8 ust. 3 u.p.s."]},
                  {"key": "zasilek_okresowy.income_test",
                   "inputs": {"income": "712.06", "criterion": "1010"}, "result": True,
                   "legal_basis": ["art. 38 u.p.s."]}]}
    figures = key_figures(result, "art. 38 ust. 2–4 u.p.s.")
    assert figures is not None
    assert figures["income_per_person"] == "712.06" and figures["persons"] == 1
    assert figures["threshold"] == "1010" and figures["threshold_basis"] == ["art. 38 u.p.s."]
    assert (figures["amount"], figures["min_amount"], figures["max_amount"]) == (
        "148.97", "148.97", "297.94")
    assert figures["article"] == "art. 38 ust. 2–4 u.p.s."
    assert key_figures(None) is None
