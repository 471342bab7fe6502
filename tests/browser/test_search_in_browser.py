"""Issue 15 part 3 in a real browser: a caseworker types "wisniewski" (no Polish letters) into the
case search and sees Łukasz Wiśniewski's case as they type, without pressing anything, and
without the query landing in the URL; the button still searches without JavaScript's help."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect

from app.services.cases import opening as cases
from tests.conftest import actor_for
from tests.drive import sample_application
from tests.web.test_pages import pesel

from .conftest import SHOTS
from .test_case_in_browser import click_and_wait, login

pytestmark = pytest.mark.browser


def _open(ctx: Any, pesel_: str, first: str, last: str) -> int:
    return cases.open_case(ctx, actor_for(ctx, "caseworker1"), sample_application(applicant={
        "pesel": pesel_, "first_name": first, "last_name": last, "net_income": "0"}))


def test_typing_wisniewski_finds_wisniewski_as_one_types(page: Any, live_server: str, ctx: Any) -> None:
    lukasz = _open(ctx, pesel("8505121234"), "Łukasz", "Wiśniewski")
    anna = _open(ctx, pesel("9002031234"), "Anna", "Obca")
    login(page, live_server, "caseworker1")
    page.goto(f"{live_server}/cases")
    rows = page.locator("#results table.data tbody tr")
    expect(rows).to_have_count(2)

    posts: list[str] = []
    page.on("request", lambda r: posts.append(r.url) if r.method == "POST" else None)
    page.locator("#q").press_sequentially("wisniewski", delay=40)
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text("Łukasz Wiśniewski")
    expect(page.locator(f"#results a[href='/cases/{lukasz}']")).to_have_count(1)
    expect(page.locator("#search-state")).to_have_text("Wyniki wyszukiwania.")
    page.screenshot(path=str(SHOTS / "search-01-as-typed.png"), full_page=True)
    assert page.url.rstrip("/").endswith("/cases"), page.url
    assert "wisniewski" not in page.url
    # A request after a pause, not one per key (a slow, shared machine may pause mid-word).
    assert 1 <= len(posts) <= 4, posts

    # A one-letter typo still finds him; clearing the box shows the recent cases again.
    page.locator("#q").fill("wisniewsky")
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text("Wiśniewski")
    page.locator("#q").fill("")
    expect(rows).to_have_count(2)
    expect(page.locator("#search-state")).to_have_text("Ostatnio zarejestrowane sprawy.")

    # The first name, typed in capitals without Polish letters, through the button.
    page.locator("#q").fill("LUKASZ")
    click_and_wait(page, "form[role=search] button[type=submit]")
    expect(rows).to_have_count(1)
    expect(page.locator(f"#results a[href='/cases/{anna}']")).to_have_count(0)
    assert page.locator("#q").input_value() == "LUKASZ"
