"""A second application with a known PESEL, in a real browser: the register's differences are
shown before anything is registered, nobody is renamed, and a change applies only when confirmed."""

from __future__ import annotations

import re
from typing import Any

import pytest

from app.services.cases import opening as cases
from tests.conftest import actor_for
from tests.drive import sample_application

from .conftest import SHOTS
from .test_case_in_browser import choose, click_and_wait, login

pytestmark = pytest.mark.browser


def test_known_pesel_is_linked_not_renamed(page: Any, live_server: str, ctx: Any) -> None:
    base = live_server
    first = cases.open_case(ctx, actor_for(ctx, "caseworker1"), sample_application())

    login(page, base, "caseworker1")
    page.click("text=Nowy wniosek")
    page.fill("[name='applicant.pesel']", "75011501233")
    page.fill("[name='applicant.first_name']", "Janusz")
    page.fill("[name='applicant.last_name']", "Zmieniony")
    page.fill("[name='applicant.net_income']", "300.00")
    page.fill("[name='address']", "ul. Inna 5, 32-065 Krzeszowice")
    choose(page, "benefit", "zasilek_staly")
    choose(page, "reason", "bezrobocie")
    click_and_wait(page, "button:has-text('Zarejestruj wniosek')")
    page.screenshot(path=str(SHOTS / "register-01-differences.png"), full_page=True)
    panel = page.locator("#kartoteka")
    assert panel.count() == 1, "the register check is shown before registering"
    assert "Różnice względem kartoteki" in panel.inner_text()
    assert "Testowy" in panel.inner_text() and "Zmieniony" in panel.inner_text()
    assert "Otwarte sprawy tych osób" in panel.inner_text()
    assert "/cases/new" in page.url, "nothing is registered on the first submit"
    # Typed input is kept for the confirming submit.
    assert page.locator("[name='applicant.last_name']").input_value() == "Zmieniony"

    click_and_wait(page, "button:has-text('Zarejestruj wniosek')")  # without updating the register
    assert re.search(r"/cases/\d+$", page.url), page.url
    second = int(page.url.rsplit("/", 1)[1])
    page.screenshot(path=str(SHOTS / "register-02-new-case.png"), full_page=True)
    assert page.locator("#kartoteka button", has_text="Zastosuj w kartotece").count() == 1

    page.goto(f"{base}/cases/{first}")
    assert "Jan Testowy" in page.locator("h1").inner_text(), "the earlier case is not renamed"

    page.goto(f"{base}/cases/{second}")
    click_and_wait(page, "#kartoteka button:has-text('Zastosuj w kartotece')")
    page.screenshot(path=str(SHOTS / "register-03-confirmed.png"), full_page=True)
    assert page.locator("#kartoteka").count() == 0 or "Różnice" not in page.locator("#kartoteka").inner_text()
    page.goto(f"{base}/cases/{first}")
    assert "Jan Testowy" in page.locator("h1").inner_text(), "confirming never rewrites an earlier case"

    page.goto(f"{base}/cases")
    page.fill("#q", "75011501233")
    click_and_wait(page, "form[role=search] button[type=submit]")
    page.screenshot(path=str(SHOTS / "register-04-search.png"), full_page=True)
    assert "75011501233" not in page.url
    rows = page.locator("table.data tbody tr")
    assert rows.count() == 2
