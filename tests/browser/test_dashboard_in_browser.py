"""The head of the centre's dashboard in Debian's chromium: the charts drawn (SVG, with their Polish
direct labels), the tables beside them, the drill-down link followed; with JavaScript off the
tables alone. Screenshots in $POMOC_SCREENSHOTS (dashboard-*.png)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from app.services.kernel.context import ServiceContext
from tests.dashboard_data import ensure_user, seed_known_set
from tests.integration.conftest import purge_broker, stop_worker
from tests.live import start_server

from .conftest import SHOTS

pytestmark = [pytest.mark.browser, pytest.mark.timeout(300)]

PERIOD = "from=2026-01&to=2026-03"


@pytest.fixture(scope="module")
def server(test_config: dict[str, Any], instance_dir: Path, session_ctx: Any) -> Iterator[str]:
    """gunicorn on the test database (the dashboard only reads: no worker)."""
    purge_broker(test_config)
    proc, url = start_server(test_config, instance_dir, workers=1, name="gunicorn-dashboard")
    yield url
    stop_worker(proc)


def _login(page: Any, base: str, username: str) -> None:
    page.goto(f"{base}/login")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", "demo")
    with page.expect_navigation():
        page.click("button[type=submit]")


def test_charts_render_with_polish_labels_and_the_drill_down_opens_cases(
        browser: Any, server: str, ctx: ServiceContext) -> None:
    known = seed_known_set(ctx)
    context = browser.new_context(locale="pl-PL", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(20000)
    _login(page, server, "supervisor")
    page.goto(f"{server}/dashboard?{PERIOD}")
    for kind in ("month", "amount", "benefit", "reason"):
        page.wait_for_selector(f".dash-chart[data-chart={kind}] svg")
        assert page.is_visible(f".dash-chart[data-chart={kind}]"), kind
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "dashboard-supervisor.png"), full_page=True)
    # Labels in Polish: the legend's series, the months, each bar "series: value" or its value.
    month = (page.text_content(".dash-chart[data-chart=month] svg") or "")
    assert "Sprawy wszczęte" in month and "Przyznania" in month and "Odmowy" in month
    assert "sty 2026" in month and "lut 2026" in month
    amount = (page.text_content(".dash-chart[data-chart=amount] svg") or "")
    assert "750,50" in amount and "zł" in amount
    reason = (page.text_content(".dash-chart[data-chart=reason] svg") or "")
    assert "Przyznania: 3" in reason and "ubóstwo" in reason
    # Each series has its own pattern (decal) on the bars, not only its colour.
    for kind in ("month", "benefit", "reason"):
        assert page.locator(f".dash-chart[data-chart={kind}] svg pattern").count() >= 3, kind
    # The chart is one image to a screen reader, naming the table beside it.
    label = page.get_attribute(".dash-chart[data-chart=benefit] .dash-canvas", "aria-label")
    assert label is not None and "tabeli obok" in label
    # A figure opens the cases behind it.
    with page.expect_navigation():
        page.click("#table-month tbody tr:first-child td:nth-child(3) a")  # January's grants
    assert "/dashboard/cases" in page.url
    rows = page.inner_text("table.data tbody")
    assert "Anna PulpitA" in rows and "Anna PulpitD" in rows and "Anna PulpitC" not in rows
    page.screenshot(path=str(SHOTS / "dashboard-cases.png"), full_page=True)
    context.close()
    assert known


def test_without_javascript_the_tables_alone_and_the_head_gets_no_links(
        browser: Any, server: str, ctx: ServiceContext) -> None:
    seed_known_set(ctx)
    ensure_user(ctx, "dash_head", ["head"])
    context = browser.new_context(locale="pl-PL", viewport={"width": 1280, "height": 900},
                                  java_script_enabled=False)
    page = context.new_page()
    page.set_default_timeout(20000)
    _login(page, server, "dash_head")
    assert re.search(r"/dashboard$", page.url), page.url  # the head's landing page
    page.goto(f"{server}/dashboard?{PERIOD}")
    assert page.locator(".dash-chart:visible").count() == 0
    assert page.locator("table.dash-table").count() == 3
    assert page.locator("a[href*='/dashboard/cases']").count() == 0
    total = page.inner_text("#table-month tfoot")
    assert "1\u00a0969,50\u00a0zł" in total
    page.screenshot(path=str(SHOTS / "dashboard-head-no-js.png"), full_page=True)
    context.close()
