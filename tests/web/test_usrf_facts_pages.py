"""Issue 16 (lane usrf): the application page takes the member facts of births and the dodatki,
and the case page shows them in Polish; the simulator answers with the components."""

from __future__ import annotations

from typing import Any

import pytest

from tests.web.test_pages import application_form, login, text
from tests.web.test_register import _token

pytestmark = [pytest.mark.timeout(120), pytest.mark.embedded]


def test_the_application_page_records_the_birth_and_dodatki_facts(client: Any) -> None:
    login(client, "caseworker1")
    page = text(client.get("/cases/new"))
    assert 'name="applicant.dodatki"' in page and '.school_away"' in page
    res = client.post("/cases/new", data=application_form(**{
        "benefit": "zasilek_rodzinny", "reason": "macierzynstwo",
        "applicant.dodatki": "dodatek_rozpoczecie_roku_szkolnego",
        "members[0].school_away": "commuting", "members[0].prenatal_care": "on",
        "members[0].care_since": "01.02.2026", "members[1].parental_leave": "on"}))
    assert res.status_code == 302, text(res)[:2000]
    body = text(client.get(res.headers["Location"]))
    assert "dodatek z tytułu rozpoczęcia roku szkolnego" in body
    assert "dojeżdża do szkoły" in body and "01.02.2026" in body
    assert "Przebywa na urlopie wychowawczym" in body
    assert "Matka pozostawała pod opieką medyczną od 10. tygodnia ciąży" in body


def test_a_wrong_school_away_or_dodatek_is_refused_on_its_field(client: Any) -> None:
    login(client, "caseworker1")
    res = client.post("/cases/new", data=application_form(**{"members[0].school_away": "boat"}))
    assert res.status_code == 422
    assert 'id="f-members[0].school_away-err"' in text(res)
    body = {"applicant": {"pesel": "75011501233", "first_name": "Jan", "last_name": "Testowy",
                          "dodatki": ["dodatek_na_lody"]},
            "members": [{"pesel": "15250507892", "first_name": "Ola", "last_name": "Testowa",
                         "relation": "child", "school_away": "boat"}],
            "benefit": "zasilek_rodzinny", "reason": "macierzynstwo",
            "address": "ul. Testowa 1, 32-065 Krzeszowice"}
    api = client.post("/api/cases", json=body, headers=_token(client, "caseworker1"))
    assert api.status_code == 422
    errors = str(api.get_json())
    assert "applicant.dodatki" in errors and "members[0].school_away" in errors
    assert "dodatek_unknown" in errors and "school_away_unknown" in errors


def test_the_eligibility_api_answers_the_components(client: Any) -> None:
    res = client.post("/api/eligibility", headers=_token(client, "caseworker1"), json={
        "benefit": "zasilek_rodzinny", "on": "2025-03-01",
        "members": [{"age": 35, "relation": "applicant", "single_parent_reason": "unknown",
                     "dodatki": ["dodatek_rozpoczecie_roku_szkolnego"]},
                    {"age": 10, "relation": "child", "in_school": True,
                     "school_away": "living"}]})
    assert res.status_code == 200, res.get_data(as_text=True)[:500]
    body = res.get_json()
    assert body["amount"] == "317.00"
    assert [(c["code"], c["amount"], c["per"]) for c in body["components"]] == [
        ("zasilek_rodzinny", "124.00", "month"),
        ("dodatek_samotne_wychowywanie", "193.00", "month"),
        ("dodatek_rozpoczecie_roku_szkolnego", "100.00", "year"),
        ("dodatek_nauka_poza_miejscem_zamieszkania", "1130.00", "year")]
    born = client.post("/api/eligibility", headers=_token(client, "caseworker1"), json={
        "benefit": "jednorazowa_zapomoga", "on": "2025-03-01",
        "members": [{"age": 30, "relation": "applicant", "net_income": "1000.00"},
                    {"age": 0, "relation": "child", "born_on": "2025-01-15",
                     "prenatal_care": True}]}).get_json()
    assert (born["eligible"], born["amount"]) == (True, "1000.00")

