"""Art. 37 ust. 5 u.p.s.: the benefits whose concurrence excludes zasiłek stały (issue 13)."""

from __future__ import annotations

from datetime import date

from app.domain.eligibility import calculate
from app.domain.parameters import value

from .helpers import person

DODATEK = "dodatek_samotne_wychowywanie_bezrobocie"


def test_art_37_ust_5_dodatek_samotne_wychowywanie_i_utrata_zasilku_excludes_zasilek_staly() -> None:
    # "Zasiłek stały nie przysługuje w przypadku zbiegu uprawnień do zasiłku stałego i [...]
    # dodatku z tytułu samotnego wychowywania dziecka i utraty prawa do zasiłku dla bezrobotnych
    # na skutek upływu ustawowego okresu jego pobierania [...]" (art. 37 ust. 5 u.p.s.).
    r = calculate("zasilek_staly", date(2025, 3, 1),
                  [person(50, 0, unable_to_work=True, other_benefits=[DODATEK])])
    assert not r.eligible and r.amount == 0
    step = next(s for s in r.explanation if s["key"] == "zasilek_staly.exclusion")
    assert step["legal_basis"] == ["art. 37 ust. 5 u.p.s."]
    assert "dodatku z tytułu samotnego wychowywania dziecka i utraty prawa do zasiłku dla " \
           "bezrobotnych" in step["text_pl"]
    assert "art. 37 ust. 5 u.p.s." in r.legal_basis


def test_art_37_ust_5_the_dodatek_is_in_the_dated_list_from_the_table_start() -> None:
    assert DODATEK in value("zasilek_staly.excluded_benefits", date(2018, 10, 1)).value
    assert DODATEK in value("zasilek_staly.excluded_benefits", date(2026, 12, 1)).value
