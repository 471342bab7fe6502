"""The family-benefit and FA reports through the API and the pages: who may read them (the
head of the centre and supervisors; not an admin, not a caseworker), the period's field errors
(422, coded), and the XLSX and CSV downloads that read back to the JSON's figures."""

from __future__ import annotations

import csv
import html
import io
from datetime import date
from decimal import Decimal
from typing import Any

import openpyxl
import pytest
from sqlalchemy import select

from app.persistence.models import User
from app.services.kernel.auth import create_user
from app.services.kernel.context import Actor, ServiceContext
from tests.integration.test_family_reports import seed

pytestmark = [pytest.mark.timeout(240), pytest.mark.embedded]
HEAD = "kierownik_fbr"


def _head_user(ctx: ServiceContext) -> None:
    """A head of the centre with no other role (the demo supervisor is also the head)."""
    with ctx.uow(readonly=True) as uow:
        exists = uow.session.scalar(select(User.id).where(User.username == HEAD))
    if exists is None:
        create_user(ctx, HEAD, "Kierownik Ośrodka", ["head"], "demo", "kierownik",
                    password_policy=False)


def _auth(client: Any, username: str) -> dict[str, str]:
    res = client.post("/api/auth/token", json={"username": username, "password": "demo"})
    assert res.status_code == 200
    return {"Authorization": f"Bearer {res.get_json()['token']}"}


def login(client: Any, username: str) -> None:
    assert client.post("/login", data={"username": username, "password": "demo"}).status_code == 302


def test_the_head_and_supervisors_read_the_reports_not_an_admin_nor_a_caseworker(
        ctx: ServiceContext, client: Any) -> None:
    _head_user(ctx)
    for path in ("/api/reports/family-benefits?year=2026&half=1", "/api/reports/fa?year=2026"):
        for username in (HEAD, "supervisor", "supervisor2"):
            res = client.get(path, headers=_auth(client, username))
            assert res.status_code == 200, (path, username)
            assert isinstance(res.get_json()["rows"], list)
        for username in ("admin", "caseworker1"):
            assert client.get(path, headers=_auth(client, username)).status_code == 403
    for username, status in (("caseworker1", 403), ("admin", 403), (HEAD, 200),
                             ("supervisor2", 200)):
        browser = client.application.test_client()
        login(browser, username)
        for page in ("/reports/family-benefits", "/reports/fa"):
            assert browser.get(page).status_code == status, (username, page)


@pytest.mark.parametrize(("query", "field", "code"), [
    ("year=20x6", "year", "report.year"),
    ("year=1999", "year", "report.year"),
    ("year=2026&half=3", "half", "report.half"),
    ("half=1", "year", "report.period_missing"),
    ("", "year", "report.period_missing"),
    ("from=2026-13&to=2026-06", "from", "report.month"),
    ("from=2026-01", "to", "report.month"),
    ("from=2026-06&to=2026-01", "to", "report.period_order"),
    ("from=2024-01&to=2026-06", "to", "report.period_too_long"),
    ("year=2026&from=2026-01&to=2026-03", "from", "report.period_mixed"),
    ("year=2026&format=pdf", "format", "report.format"),
])
def test_a_bad_period_is_a_422_naming_the_field(ctx: ServiceContext, client: Any, query: str,
                                                field: str, code: str) -> None:
    for path in ("/api/reports/family-benefits", "/api/reports/fa"):
        res = client.get(f"{path}?{query}", headers=_auth(client, "supervisor"))
        assert res.status_code == 422, (path, query)
        assert res.get_json()["field_codes"][field]["code"] == code


def test_the_downloads_read_back_to_the_json(ctx: ServiceContext, client: Any,
                                             supervisor: Actor) -> None:
    seed(ctx, supervisor)
    auth = _auth(client, "supervisor")
    body = client.get("/api/reports/family-benefits?from=2026-01&to=2026-03", headers=auth).get_json()
    assert body["period"] == {"first": "2026-01-01", "last": "2026-03-01"}
    assert body["reconciliation"]["matches"] is True
    total = {r["line"]: r for r in body["totals"]}
    assert total["zasilek_rodzinny"]["count"] == 12
    assert total["zasilek_rodzinny"]["amount"] == "797.00"
    xlsx = client.get("/api/reports/family-benefits?from=2026-01&to=2026-03&format=xlsx",
                      headers=auth)
    assert xlsx.status_code == 200 and "attachment" in xlsx.headers["Content-Disposition"]
    sheet = openpyxl.load_workbook(io.BytesIO(xlsx.data)).active
    values = list(sheet.iter_rows(values_only=True))
    assert values[1] == ("Miesiąc", "Świadczenie / pozycja", "Podstawa prawna", "Liczba",
                         "Kwota (zł)")
    razem = [v for v in values if v[0] == "razem" and v[1] == "Zasiłek rodzinny"]
    assert len(razem) == 1 and razem[0][3] == 12 and Decimal(str(razem[0][4])) == Decimal("797")
    # Every monthly row and total of the JSON is a row of the sheet, in the same order.
    figures = [v for v in values[2:] if v[0] == "razem" or str(v[0]).startswith("2026-")]
    assert len(figures) == len(body["rows"]) + len(body["totals"])
    res = client.get("/api/reports/fa?year=2026&half=1&format=csv", headers=auth)
    assert res.status_code == 200 and res.mimetype == "text/csv"
    rows = list(csv.reader(io.StringIO(res.data.decode("utf-8-sig"))))
    fa = client.get("/api/reports/fa?year=2026&half=1", headers=auth).get_json()
    assert len(rows) == 1 + len(fa["rows"]) + len(fa["totals"])
    paid = [r for r in rows if r[0] == "razem"
            and r[1] == "Wypłacone świadczenia z funduszu alimentacyjnego"]
    assert paid == [["razem", "Wypłacone świadczenia z funduszu alimentacyjnego",
                     "art. 9 i art. 10 ustawy o pomocy osobom uprawnionym do alimentów", "12",
                     "6000.00"]]


def test_the_page_shows_the_period_its_figures_and_its_errors(
        ctx: ServiceContext, client: Any, supervisor: Actor) -> None:
    seed(ctx, supervisor)
    login(client, "supervisor")
    res = client.get("/reports/family-benefits?year=2026&half=1")
    text = html.unescape(res.get_data(as_text=True))
    assert res.status_code == 200
    assert "Razem w okresie 2026-01 – 2026-06" in text
    assert "dodatek z tytułu samotnego wychowywania dziecka" in text
    assert "Kwoty są zgodne." in text
    raw = res.get_data(as_text=True)
    assert "/reports/family-benefits/export/xlsx?year=2026&amp;half=1" in raw
    assert 'href="/reports/fa?year=2026&amp;half=1"' in raw  # the other report, same period
    xlsx = client.get("/reports/family-benefits/export/xlsx?year=2026&half=1")
    assert xlsx.status_code == 200 and xlsx.data[:2] == b"PK"
    fa = client.get("/reports/fa/export/csv?from=2026-01&to=2026-02")
    assert fa.status_code == 200 and b"razem" in fa.data
    bad = client.get("/reports/fa?from=2026-06&to=2026-01")
    assert bad.status_code == 422
    assert "Miesiąc końcowy nie może być wcześniejszy niż początkowy." in html.unescape(
        bad.get_data(as_text=True))
    # Without a period the page shows the last closed half-year (the clock is in 2026-06).
    default = html.unescape(client.get("/reports/fa").get_data(as_text=True))
    assert f"Razem w okresie {date(2025, 7, 1):%Y-%m} – 2025-12" in default
