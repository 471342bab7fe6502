"""The head of the centre's dashboard through the API and the pages: the figures, 422 on bad
filters (coded, and in Polish on the page), who sees the figures and who the cases behind them,
the nav link, and the page without JavaScript (tables with captions and th scope)."""

from __future__ import annotations

import html
import re
from typing import Any

import pytest

from app.domain.messages.codes_dash import DashCode
from app.services.kernel.context import ServiceContext
from tests.dashboard_data import ensure_user, seed_known_set
from tests.web.test_pages import login

pytestmark = [pytest.mark.timeout(180), pytest.mark.embedded]

PERIOD = "from=2026-01&to=2026-03"
HEAD = "dash_head"


def bearer(client: Any, username: str) -> dict[str, str]:
    res = client.post("/api/auth/token", json={"username": username, "password": "demo"})
    assert res.status_code == 200, res.get_json()
    return {"Authorization": f"Bearer {res.get_json()['token']}"}


def text(res: Any) -> str:
    return html.unescape(res.get_data(as_text=True))


@pytest.fixture
def known(ctx: ServiceContext) -> dict[str, int]:
    ensure_user(ctx, HEAD, ["head"])
    return seed_known_set(ctx)


# --- API ------------------------------------------------------------------------------------

def test_api_figures_for_the_head_and_a_supervisor(client: Any, known: dict[str, int]) -> None:
    for user, drilldown in ((HEAD, False), ("supervisor", True)):
        res = client.get(f"/api/dashboard?{PERIOD}", headers=bearer(client, user))
        assert res.status_code == 200, res.get_json()
        body = res.get_json()
        assert body["total"] == {"key": "", "opened": 4, "granted": 4, "refused": 1,
                                 "payments": 4, "amount": "1969.50"}
        assert [r["key"] for r in body["by_month"]] == ["2026-01", "2026-02", "2026-03"]
        assert body["drilldown"] is drilldown
        assert "DASH/" not in res.get_data(as_text=True)  # no case, no name: aggregates only


@pytest.mark.parametrize(("query", "field", "code"), [
    ("from=2026-13", "from", DashCode.MONTH_FORMAT),
    ("from=2026-04&to=2026-01", "to", DashCode.MONTH_ORDER),
    ("from=2020-01&to=2026-03", "from", DashCode.PERIOD_TOO_LONG),
    ("benefit=%3Cscript%3E", "benefit", DashCode.BENEFIT_UNKNOWN),
    ("caseworker=-1", "caseworker", DashCode.CASEWORKER_UNKNOWN),
])
def test_api_bad_filters_are_422_with_the_field(client: Any, ctx: ServiceContext, query: str,
                                                field: str, code: DashCode) -> None:
    res = client.get(f"/api/dashboard?{query}", headers=bearer(client, "supervisor"))
    assert res.status_code == 422
    body = res.get_json()
    assert body["code"] == DashCode.FILTERS_INVALID.value
    assert body["field_codes"][field]["code"] == code.value


def test_api_refuses_caseworkers_and_admins(client: Any, ctx: ServiceContext) -> None:
    for user in ("caseworker1", "admin"):
        for path in (f"/api/dashboard?{PERIOD}", f"/api/dashboard/cases?figure=opened&{PERIOD}"):
            assert client.get(path, headers=bearer(client, user)).status_code == 403, (user, path)
    assert client.get("/api/dashboard").status_code == 401


def test_api_cases_behind_a_figure_for_case_roles_only(client: Any, known: dict[str, int]) -> None:
    head = bearer(client, HEAD)
    res = client.get(f"/api/dashboard/cases?figure=granted&month=2026-01&{PERIOD}", headers=head)
    assert res.status_code == 403
    assert res.get_json()["code"] == DashCode.DRILLDOWN_ROLE.value
    # Refused before the filters are read: the head learns nothing from a bad one either.
    assert client.get("/api/dashboard/cases?figure=x&from=bad", headers=head).status_code == 403
    sv = bearer(client, "supervisor")
    res = client.get(f"/api/dashboard/cases?figure=granted&month=2026-01&{PERIOD}", headers=sv)
    assert res.status_code == 200, res.get_json()
    assert {c["id"] for c in res.get_json()["cases"]} == {known["A"], known["D"]}
    assert {c["applicant"] for c in res.get_json()["cases"]} == {"Anna PulpitA", "Anna PulpitD"}
    res = client.get(f"/api/dashboard/cases?figure=everything&{PERIOD}", headers=sv)
    assert res.status_code == 422
    assert res.get_json()["field_codes"]["figure"]["code"] == DashCode.FIGURE_UNKNOWN.value


# --- pages ----------------------------------------------------------------------------------

def test_page_for_a_supervisor_links_each_figure_to_its_cases(client: Any, known: dict[str, int]) -> None:
    login(client, "supervisor")
    res = client.get(f"/dashboard?{PERIOD}")
    assert res.status_code == 200
    page = text(res)
    assert "Pulpit kierownika" in page and 'href="/dashboard"' in page  # the nav link
    # Every table has a caption and headers with scope; the chart data block is there for JS.
    assert page.count("<caption>") == 3 and 'scope="row"' in page and 'scope="col"' in page
    assert 'id="dashboard-data"' in page and "echarts.common.min.js" in page
    assert "1\u00a0969,50\u00a0zł" in page and "asiłek okresowy" in page and "ubóstwo" in page
    links = re.findall(r'href="(/dashboard/cases\?[^"]+)"', page)
    assert any("figure=refused" in link and "month=2026-02" in link for link in links)
    assert any("figure=paid" in link and "reason=ubostwo" in link for link in links)
    drill = next(link for link in links if "figure=granted" in link and "month=2026-01" in link)
    res = client.get(html.unescape(drill))
    assert res.status_code == 200
    cases_page = text(res)
    assert "Anna PulpitA" in cases_page and "Anna PulpitD" in cases_page
    assert "Anna PulpitC" not in cases_page


def test_page_for_the_head_shows_figures_without_drill_down(client: Any, known: dict[str, int]) -> None:
    login(client, HEAD)
    res = client.get("/", follow_redirects=False)
    assert res.status_code == 302 and res.headers["Location"].endswith("/dashboard")
    res = client.get(f"/dashboard?{PERIOD}")
    assert res.status_code == 200
    page = text(res)
    assert "1\u00a0969,50\u00a0zł" in page and 'href="/dashboard"' in page
    assert "/dashboard/cases" not in page and "PulpitA" not in page
    assert client.get(f"/dashboard/cases?figure=opened&{PERIOD}").status_code == 403


@pytest.mark.parametrize("user", ["caseworker1", "admin"])
def test_page_refused_to_caseworkers_and_admins(client: Any, ctx: ServiceContext, user: str) -> None:
    login(client, user)
    assert client.get("/dashboard").status_code == 403
    assert client.get("/dashboard/cases?figure=opened").status_code == 403
    assert 'href="/dashboard"' not in text(client.get("/"))


def test_page_bad_filters_are_shown_in_polish(client: Any, ctx: ServiceContext) -> None:
    login(client, "supervisor")
    res = client.get("/dashboard?from=2026-04&to=2026-01&benefit=nie_ma")
    assert res.status_code == 422
    page = text(res)
    assert "Filtry pulpitu zawierają błędy" in page
    assert "Miesiąc końcowy nie może być wcześniejszy niż początkowy." in page
    assert "Nie ma takiego świadczenia w katalogu." in page
    assert 'aria-invalid="true" aria-describedby="dash-to-err"' in page
    res = client.get("/dashboard/cases?figure=everything")
    assert res.status_code == 422 and "Nieznana liczba" in text(res)
