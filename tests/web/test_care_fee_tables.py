"""Art. 50 ust. 6 u.p.s.: the care services' fee table of the rada gminy's resolution, edited by
an admin in the browser and the API (validation with Polish errors, a stale edit is a 409, a
table used by a decision is not changed), and the monthly lists' pages for the case roles."""

from __future__ import annotations

from typing import Any

import pytest

from tests.web.test_pages import login
from tests.web.test_register import _token

pytestmark = [pytest.mark.embedded]

GOOD = {"valid_from": "2026-01-01", "hourly_cost": "40.00",
        "resolution": "Uchwała nr XX/1/2025 Rady Gminy z dnia 10 grudnia 2025 r.",
        "bands": [{"up_to": "100", "fee_percent": "0"}, {"up_to": "150", "fee_percent": "10"},
                  {"up_to": None, "fee_percent": "100"}]}


def test_art_50_ust_6_admin_adds_and_edits_a_fee_table_in_the_browser(client: Any) -> None:
    login(client, "admin")
    page = client.get("/admin/fee-tables")
    assert page.status_code == 200
    assert "Odpłatność za usługi opiekuńcze" in page.get_data(as_text=True)
    form = {"valid_from": "01.01.2026", "hourly_cost": "40,00", "resolution": GOOD["resolution"],
            "band_up_to_0": "100", "band_fee_0": "0", "band_up_to_1": "100", "band_fee_1": "10",
            "band_up_to_2": "", "band_fee_2": "100"}
    refused = client.post("/admin/fee-tables", data=form)
    assert refused.status_code == 422
    assert "musi być wyższa niż w progu poprzednim" in refused.get_data(as_text=True)
    saved = client.post("/admin/fee-tables", data={**form, "band_up_to_1": "150"})
    assert saved.status_code == 302
    listed = client.get("/admin/fee-tables").get_data(as_text=True)
    assert "Obowiązuje od" in listed and "do 150%" in listed and "nieodpłatnie" in listed


def test_art_50_ust_6_fee_table_api_validates_conflicts_and_roles(client: Any) -> None:
    admin = _token(client, "admin")
    assert client.post("/api/care-fee-tables", json=GOOD,
                       headers=_token(client, "caseworker1")).status_code == 403
    bad = client.post("/api/care-fee-tables", headers=admin, json={
        **GOOD, "bands": [{"up_to": "100", "fee_percent": "120"}]})
    assert bad.status_code == 422
    assert set(bad.get_json()["fields"]) >= {"bands[0].up_to", "bands[0].fee_percent"}
    made = client.post("/api/care-fee-tables", json=GOOD, headers=admin)
    assert made.status_code == 201, made.get_json()
    table = made.get_json()
    assert table["version"] == 1 and table["hourly_cost"] == "40.00"
    again = client.post("/api/care-fee-tables", json=GOOD, headers=admin)
    assert again.status_code == 422
    edited = client.put(f"/api/care-fee-tables/{table['id']}", headers=admin,
                        json={**GOOD, "hourly_cost": "42.00", "base_version": 1})
    assert edited.status_code == 200 and edited.get_json()["version"] == 2
    stale = client.put(f"/api/care-fee-tables/{table['id']}", headers=admin,
                       json={**GOOD, "hourly_cost": "45.00", "base_version": 1})
    assert stale.status_code == 409 and stale.get_json()["code"] == "provision.fee_table_stale"
    seen = client.get("/api/care-fee-tables", headers=_token(client, "caseworker1"))
    assert seen.status_code == 200 and seen.get_json()[0]["hourly_cost"] == "42.00"


def test_monthly_lists_pages_are_for_the_case_roles(client: Any) -> None:
    login(client, "caseworker1")
    page = client.get("/provision?kind=services&month=2026-03")
    assert page.status_code == 200 and "Brak pozycji w tym miesiącu." in page.get_data(as_text=True)
    assert client.get("/provision?kind=meals&month=2026-13").status_code == 422
    xlsx = client.get("/provision/meals/export/xlsx?month=2026-03")
    assert xlsx.status_code == 200 and xlsx.data[:2] == b"PK"
    client.post("/logout")
    login(client, "admin")
    assert client.get("/provision?kind=meals&month=2026-03").status_code == 403
