"""MRPiPS-03 through the API and the page: the JSON rows, the XLSX in the form's order and the CSV,
the roles (head and supervisor; not a caseworker, not an admin), bad periods as 422 with the
field, the OpenAPI entry, and the head's page with its period picker and download links."""

from __future__ import annotations

import csv
import html
import io
from datetime import date
from typing import Any

import pytest
from openpyxl import load_workbook

from app.domain import mrpips03 as form
from app.services.kernel.context import Actor, ServiceContext
from tests.report_data import case, decision, monthly, months, persons
from tests.web.test_pages import login

pytestmark = [pytest.mark.timeout(120), pytest.mark.embedded]


def token(client: Any, username: str) -> dict[str, str]:
    res = client.post("/api/auth/token", json={"username": username, "password": "demo"})
    assert res.status_code == 200, res.get_json()
    return {"Authorization": f"Bearer {res.get_json()['token']}"}


def _seed(ctx: ServiceContext) -> None:
    family = persons(ctx, 2)
    d = decision(ctx, case(ctx, family, "zasilek_okresowy", "bezrobocie"), "300.00", date(2025, 2, 1),
                 date(2025, 3, 31))
    monthly(ctx, d, "300.00", months(2025, 2, 3))


def test_the_api_answers_the_rows_and_the_exports(client: Any, ctx: ServiceContext) -> None:
    _seed(ctx)
    sup = token(client, "supervisor")
    res = client.get("/api/reports/mrpips-03?year=2025&half=1", headers=sup)
    assert res.status_code == 200, res.get_json()
    body = res.get_json()
    assert (body["year"], body["half"], body["start"], body["end"]) == (2025, 1, "2025-01-01", "2025-06-30")
    rows = {r["benefit"]: r for r in body["rows"]}
    assert [r["benefit"] for r in body["rows"]] == [r.key for r in form.ROWS]
    assert rows["zasilki_okresowe_bezrobocie"] == {
        "benefit": "zasilki_okresowe_bezrobocie", "label": "z tego przyznane z powodu bezrobocia",
        "task": "wlasne", "level": 2, "persons": 1, "benefits": 2, "amount": "600.00",
        "families": 1, "persons_in_families": 2}
    assert rows["posilki"]["benefits"] is None and rows["posilki"]["amount"] is None
    assert body["paid_total"] == "600.00"
    assert {"reasons", "social_work", "families_total"} <= set(body)
    # The year (half omitted).
    assert client.get("/api/reports/mrpips-03?year=2025", headers=sup).get_json()["half"] is None
    # XLSX: the title, the headings, then the rows in the form's order.
    res = client.get("/api/reports/mrpips-03?year=2025&half=1&format=xlsx", headers=sup)
    assert res.status_code == 200
    assert res.headers["Content-Disposition"] == "attachment; filename=mrpips-03-2025-1.xlsx"
    ws = load_workbook(io.BytesIO(res.data)).active
    values = [[c.value for c in row] for row in ws.iter_rows()]
    assert values[0][0] == "MRPiPS-03 I półrocze 2025"
    assert values[1][2] == "Liczba osób, którym decyzją przyznano świadczenie"
    labels = [str(v[0]).strip() for v in values[2:2 + len(form.ROWS)]]
    assert labels == [r.label for r in form.ROWS]
    okresowy = values[2 + [r.key for r in form.ROWS].index("zasilki_okresowe")]
    assert okresowy[1:] == ["zadania własne gminy", 1, 2, 600, 1, 2]
    # CSV: the same table.
    res = client.get("/api/reports/mrpips-03?year=2025&format=csv", headers=sup)
    assert res.status_code == 200 and res.mimetype == "text/csv"
    table = list(csv.reader(io.StringIO(res.get_data(as_text=True))))
    assert table[0][0] == "Wyszczególnienie"
    assert table[1 + [r.key for r in form.ROWS].index("zasilki_okresowe")][2:] == \
        ["1", "2", "600.00", "1", "2"]


def test_the_api_refuses_bad_periods_and_other_roles(client: Any, ctx: ServiceContext) -> None:
    sup = token(client, "supervisor")
    for query, field, code in (("year=20x5", "year", "reports.year_invalid"),
                               ("", "year", "reports.year_invalid"),
                               ("year=2099", "year", "reports.year_future"),
                               ("year=2025&half=3", "half", "reports.half_invalid"),
                               ("year=2025&format=pdf", "format", "reports.format_invalid")):
        res = client.get(f"/api/reports/mrpips-03?{query}", headers=sup)
        assert res.status_code == 422, (query, res.get_json())
        assert list(res.get_json()["fields"]) == [field], query
        assert code in str(res.get_json()), query
    for user in ("caseworker1", "admin"):
        res = client.get("/api/reports/mrpips-03?year=2025", headers=token(client, user))
        assert res.status_code == 403
    doc = client.get("/api/openapi.json").get_json()
    op = doc["paths"]["/api/reports/mrpips-03"]["get"]
    assert {p["name"] for p in op["parameters"]} == {"year", "half", "format"}
    assert "422" in op["responses"] and "403" in op["responses"]


def test_the_heads_page_shows_the_table_and_the_downloads(
        client: Any, ctx: ServiceContext, supervisor: Actor) -> None:
    _seed(ctx)
    login(client, "supervisor")
    res = client.get("/reports/mrpips-03?year=2025&half=1")
    assert res.status_code == 200
    page = html.unescape(res.get_data(as_text=True))
    assert "Sprawozdanie MRPiPS-03 — I półrocze 2025" in page
    assert "z tego przyznane z powodu bezrobocia" in page and "600,00" in page
    assert "/reports/mrpips-03/export/xlsx?year=2025&half=1" in page
    assert "/reports/mrpips-03/export/csv?year=2025&half=1" in page
    assert client.get("/reports/mrpips-03/export/xlsx?year=2025&half=1").status_code == 200
    res = client.get("/reports/mrpips-03?year=abc")
    assert res.status_code == 422
    assert "Podaj rok jako cztery cyfry" in html.unescape(res.get_data(as_text=True))
    client.post("/logout")
    login(client, "caseworker1")
    assert client.get("/reports/mrpips-03?year=2025").status_code == 403
