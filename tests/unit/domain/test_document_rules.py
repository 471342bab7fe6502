"""Pure rules behind the documents: rygor needs its reason, acts are cited from the dated table,
the engine's working notes never reach a decision, and the SKO is named in the genitive."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from app.domain.decision_rules import DecisionDraft, LegalRange, check_decision
from app.domain.legal_acts import act_text, cite
from app.services.decisions.decision_facts import calculation, sentence
from app.services.documents.office import DEMO_OFFICE, Office

LEGAL = LegalRange(eligible=True, amount=Decimal("355.00"), min_amount=Decimal("355.00"),
                   max_amount=Decimal("710.00"))
FIRST = date(2026, 3, 1)


def _draft(**kw: object) -> DecisionDraft:
    base: dict[str, object] = {"benefit": "zasilek_okresowy", "kind": "grant",
                               "amount": Decimal("355.00"), "period_from": FIRST,
                               "period_to": date(2026, 5, 31)}
    return DecisionDraft(**{**base, **kw})  # type: ignore[arg-type]


@pytest.mark.parametrize("reason", ["", "   ", "\n"])
def test_rygor_without_a_reason_is_refused_for_every_ruling(reason: str) -> None:
    for kind, extra in (("grant", {}), ("refusal", {"justification": "x"}),
                        ("partial", {"justification": "x"})):
        codes = [v.code for v in check_decision(
            _draft(kind=kind, immediate_enforcement=True, immediate_enforcement_reason=reason,
                   **extra), LEGAL, FIRST)]
        assert codes == ["enforcement_reason_required"], kind


def test_rygor_with_a_reason_and_no_rygor_pass() -> None:
    assert check_decision(_draft(immediate_enforcement=True,
                                 immediate_enforcement_reason="Zagrożenie zdrowia."), LEGAL,
                          FIRST) == []
    assert check_decision(_draft(immediate_enforcement_reason=""), LEGAL, FIRST) == []


def test_acts_are_cited_from_the_dated_table() -> None:
    assert cite("ups", date(2026, 3, 2)) == ("ustawy z dnia 12 marca 2004 r. o pomocy społecznej "
                                             "(Dz.U. z 2024 r. poz. 1283 ze zm.)")
    # Issue 13: the FA act's consolidated text (Dz.U. 2026 poz. 79) is now confirmed; before it
    # was published the act is cited by date and title only.
    assert cite("fa", date(2026, 3, 2)).endswith("(Dz.U. z 2026 r. poz. 79 ze zm.)")
    assert "(Dz.U." not in cite("fa", date(2025, 3, 2))
    assert act_text("kpa", date(2026, 3, 2)).journal == "Dz.U. z 2024 r. poz. 572"
    # Before the first consolidated text in the table, the earliest one is used, never nothing.
    assert act_text("usr", date(2020, 1, 1)).act == "usr"


def test_the_engine_notes_never_reach_the_calculation() -> None:
    result = {"explanation": [
        {"key": "reading.x", "text_pl": "Przyjęta wykładnia: coś.", "result": None},
        {"key": "member_income", "text_pl": "Osoba nr 1 (wnioskodawca): dochód 300,00 zł",
         "result": "300.00", "legal_basis": ["art. 8 ust. 3 u.p.s."]},
        {"key": "amount", "text_pl": "50% różnicy wynosi 355,00 zł; proponuje się 355,00 zł "
                                     "miesięcznie.", "result": "355.00"},
        {"key": "test", "text_pl": "Dochód na osobę (przyjęta wykładnia: bez zaokrąglenia) jest "
                                   "za wysoki; warunek nie jest spełniony", "result": False},
        {"key": "result", "text_pl": "Warunki przyznania są spełnione; proponowana kwota.",
         "result": "0.00"},
    ]}
    steps, unmet = calculation(result, ["Jan Testowy"])
    assert steps == ["Jan Testowy: dochód 300,00 zł (art. 8 ust. 3 u.p.s.).",
                     "50% różnicy wynosi 355,00 zł.",
                     "Dochód na osobę jest za wysoki; warunek nie jest spełniony."]
    assert unmet == ["Dochód na osobę jest za wysoki; warunek nie jest spełniony."]
    assert sentence("2 marca 2026 r.") == "2 marca 2026 r." and sentence("tak") == "tak."


def test_the_body_and_the_sko_are_named_as_the_documents_need() -> None:
    office = Office(**DEMO_OFFICE)
    assert office.body_title == "Burmistrz Gminy Krzeszowice"
    assert office.body_genitive == "Burmistrza Gminy Krzeszowice"
    assert office.sko_genitive == "Samorządowego Kolegium Odwoławczego w Krakowie"
    other = Office(**{**DEMO_OFFICE, "body": "prezydent", "gmina": "Miasta Krakowa",
                      "sko_name": "Kolegium X"})
    assert other.body_genitive == "Prezydenta Miasta Krakowa" and other.sko_genitive == "Kolegium X"
