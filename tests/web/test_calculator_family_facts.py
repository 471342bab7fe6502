"""Issue 13 in the calculator: a szkoła wyższa apart from a szkoła (art. 6 ust. 1 pkt 2-3 u.ś.r.)
and a severe-degree certificate (art. 9 ust. 1 of the FA act), in the JSON request and the form."""

from __future__ import annotations

from typing import Any

import pytest
from werkzeug.datastructures import MultiDict

from app.services.decisions import calculator
from app.services.kernel.errors import ValidationFailed
from app.web.calculator import form


def _result(body: dict[str, Any], benefit: str) -> dict[str, Any]:
    return next(r for r in calculator.simulate(body)["results"] if r["benefit"] == benefit)


def test_art_6_ust_1_pkt_2_calculator_form_higher_school_is_not_school_before_21() -> None:
    def body(flag: str) -> dict[str, Any]:
        raw = form.read_form(MultiDict([
            ("on", "2025-03-01"), ("members[0]._row", "1"), ("members[0].age", "45"),
            ("members[1]._row", "1"), ("members[1].age", "19"),
            ("members[1].relation", "child"), (f"members[1].{flag}", "on"),
        ]))
        return form.household_body(raw)

    assert body("in_higher_school")["members"][1]["in_higher_school"] is True
    assert _result(body("in_school"), "zasilek_rodzinny")["amount"] == "135.00"
    assert _result(body("in_higher_school"), "zasilek_rodzinny")["eligible"] is False


def test_art_9_ust_1_calculator_fa_for_an_adult_needs_the_severe_degree() -> None:
    def request(**facts: Any) -> dict[str, Any]:
        return {"on": "2025-03-01", "members": [
            {"age": 50}, {"age": 27, "relation": "child", "alimony_awarded": "800.00", **facts}]}

    assert _result(request(disabled=True), "fundusz_alimentacyjny")["eligible"] is False
    fa = _result(request(severe_disability_certificate=True), "fundusz_alimentacyjny")
    assert fa["amount"] == "800.00"


@pytest.mark.parametrize("flag", ["in_higher_school", "severe_disability_certificate"])
def test_calculator_new_facts_must_be_booleans(flag: str) -> None:
    with pytest.raises(ValidationFailed) as exc:
        calculator.parse_eligibility_request({"on": "2025-03-01", "benefit": "zasilek_rodzinny",
                                              "members": [{"age": 40, flag: "yes"}]})
    assert set(exc.value.errors) == {f"members[0].{flag}"}


def test_the_calculator_and_application_pages_offer_the_new_facts(client: Any) -> None:
    client.post("/login", data={"username": "caseworker1", "password": "demo"})
    for url in ("/symulator", "/cases/new"):
        page = client.get(url)
        assert page.status_code == 200, url
        text = page.get_data(as_text=True)
        assert "Studiuje w szkole wyższej" in text, url
        assert "Orzeczenie o znacznym stopniu niepełnosprawności" in text, url


def test_art_11_the_simulator_page_reads_the_single_parent_and_the_dodatki() -> None:
    """Issue 16: the simulator page's household rows carry the dodatki's facts (the applicant's
    ground of art. 11a and the dodatki asked for), so zasiłek rodzinny's answer pools them:
    124 zł for a child of 9 and 193 zł of art. 11, as the API answers."""
    raw = form.read_form(MultiDict([
        ("on", "2026-03-01"), ("benefit", "zasilek_rodzinny"),
        ("members[0]._row", "1"), ("members[0].age", "35"), ("members[0].net_income", "500"),
        ("members[0].single_parent_reason", "deceased"),
        ("members[0].dodatki", "dodatek_samotne_wychowywanie"),
        ("members[1]._row", "1"), ("members[1].age", "9"), ("members[1].relation", "child"),
    ]))
    body = form.household_body(raw)
    assert body["members"][0]["single_parent_reason"] == "deceased"
    assert body["members"][0]["dodatki"] == ["dodatek_samotne_wychowywanie"]
    assert _result(body, "zasilek_rodzinny")["amount"] == "317.00"
