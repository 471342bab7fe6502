"""Issue 16, part 2 (lane usrc): POST /api/eligibility answers the care benefits of u.ś.r. with
the ground and the article of each entitled person, from the member fields of the contract."""

from __future__ import annotations

from typing import Any

import pytest

from tests.web.test_register import _token

pytestmark = pytest.mark.embedded


def _ask(client: Any, benefit: str, on: str, members: list[dict[str, Any]]) -> dict[str, Any]:
    res = client.post("/api/eligibility", json={"benefit": benefit, "on": on, "members": members},
                      headers=_token(client, "caseworker1"))
    assert res.status_code == 200, res.get_data(as_text=True)[:400]
    body: dict[str, Any] = res.get_json()
    return body


def test_art_16_zasilek_pielegnacyjny_names_the_ground_of_each_person(client: Any) -> None:
    body = _ask(client, "zasilek_pielegnacyjny", "2026-03-01", [
        {"age": 45, "net_income": "20000"},
        {"age": 30, "disability_degree": "umiarkowany", "disability_onset_age": 20},
        {"age": 80, "other_benefits": ["dodatek_pielegnacyjny"], "disability_degree": "znaczny"}])
    assert body["eligible"] and body["amount"] == "215.84"
    assert body["breakdown"] == [{"member": 1, "amount": "215.84",
                                  "ground": "umiarkowany_before_21",
                                  "article": "art. 16 ust. 2 pkt 3 u.ś.r."}]
    assert "art. 16 ust. 6 u.ś.r." in body["legal_basis"]


def test_art_17_swiadczenie_pielegnacyjne_amount_of_the_calendar_year(client: Any) -> None:
    child = {"age": 9, "disability_degree": "child", "constant_care": True, "relation": "child"}
    assert _ask(client, "swiadczenie_pielegnacyjne", "2025-12-01",
                [{"age": 39}, child])["amount"] == "3287.00"
    body = _ask(client, "swiadczenie_pielegnacyjne", "2026-01-01", [{"age": 39}, child])
    assert body["amount"] == "3386.00"
    assert body["breakdown"] == [{"member": 1, "ground": "child_constant_care",
                                  "article": "art. 17 ust. 1 u.ś.r."}]


@pytest.mark.parametrize(("income", "eligible"), [("1528.00", True), ("1528.02", False)])
def test_art_16a_specjalny_zasilek_opiekunczy_at_the_criterion(
        client: Any, income: str, eligible: bool) -> None:
    body = _ask(client, "specjalny_zasilek_opiekunczy", "2026-03-01", [
        {"age": 50, "net_income": income, "gave_up_work": True},
        {"age": 78, "disability_degree": "znaczny", "relation": "parent"}])
    assert body["eligible"] is eligible
    assert body["amount"] == ("620.00" if eligible else "0.00")
