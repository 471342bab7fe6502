"""Issue 16, part 5, in a real browser (Debian chromium): the application form and the simulator
show a household member only the fields the chosen benefit reads, as the choice changes, and a
family benefit is registered without an art. 7 u.p.s. reason."""

from __future__ import annotations

import re
from typing import Any

import pytest

from .test_case_in_browser import choose, click_and_wait, login, shot

pytestmark = pytest.mark.browser


def _visible(page: Any, name: str) -> bool:
    return bool(page.locator(f"[name='{name}']").first.is_visible())


def test_issue16_the_application_form_switches_fields_by_benefit(page: Any, live_server: str) -> None:
    base = live_server
    page.set_default_timeout(60000)  # a loaded 2-core machine
    login(page, base, "caseworker1")
    page.goto(f"{base}/cases/new")
    # No benefit chosen yet: every field is there.
    assert _visible(page, "reason") and _visible(page, "applicant.in_school")
    assert _visible(page, "applicant.unable_to_work")

    choose(page, "benefit", "zasilek_rodzinny")
    assert not _visible(page, "reason"), "no art. 7 u.p.s. reason for a family benefit"
    assert not _visible(page, "urgent")
    assert _visible(page, "applicant.in_school") and _visible(page, "applicant.net_income")
    assert not _visible(page, "applicant.unable_to_work")
    assert not _visible(page, "applicant.alimony_awarded")
    assert _visible(page, "applicant.pesel")
    # A member added in the browser shows the same fields.
    page.click("#f-members > button[data-add]")
    assert _visible(page, "members[0].in_school")
    assert not _visible(page, "members[0].unable_to_work")
    shot(page, "16-application-zasilek-rodzinny")

    choose(page, "benefit", "zasilek_staly")
    assert _visible(page, "reason") and _visible(page, "applicant.unable_to_work")
    assert not _visible(page, "applicant.in_school") and not _visible(page, "members[0].in_school")
    shot(page, "16-application-zasilek-staly")

    choose(page, "benefit", "fundusz_alimentacyjny")
    assert _visible(page, "members[0].alimony_awarded") and not _visible(page, "reason")

    # Registered as a zasiłek rodzinny without a reason: the case starts with its completeness.
    choose(page, "benefit", "zasilek_rodzinny")
    page.click("#f-members [data-remove]")
    page.fill("[name='applicant.pesel']", "88030301232")
    page.fill("[name='applicant.first_name']", "Ewa")
    page.fill("[name='applicant.last_name']", "Rodzinna")
    page.fill("[name='applicant.net_income']", "500,00")
    page.fill("[name='address']", "ul. Testowa 1, 32-065 Krzeszowice")
    click_and_wait(page, "button:has-text('Zarejestruj wniosek')")
    if not re.search(r"/cases/\d+$", page.url):  # the register check asks to confirm
        shot(page, "16-application-check")
        click_and_wait(page, "button:has-text('Zarejestruj wniosek')")
    assert re.search(r"/cases/\d+$", page.url), page.url
    shot(page, "16-family-case")
    assert "Sprawdzenie kompletności" in page.content()
    assert "wywiad" not in page.locator("main").inner_text().lower()


def test_issue16_the_simulator_switches_fields_by_benefit(page: Any, live_server: str) -> None:
    base = live_server
    page.set_default_timeout(60000)  # a loaded 2-core machine
    login(page, base, "caseworker1")
    page.goto(f"{base}/symulator")
    assert _visible(page, "members[0].unable_to_work") and _visible(page, "members[0].in_school")
    page.select_option("select[name='benefit']", "fundusz_alimentacyjny")
    assert not _visible(page, "members[0].unable_to_work")
    assert _visible(page, "members[0].alimony_awarded") and _visible(page, "members[0].age")
    page.fill("[name='members[0].age']", "35")
    page.fill("[name='members[0].net_income']", "900")
    page.click("button:has-text('Dodaj osobę')")
    assert _visible(page, "members[1].alimony_awarded")
    assert not _visible(page, "members[1].unable_to_work")
    page.fill("[name='members[1].age']", "10")
    page.fill("[name='members[1].alimony_awarded']", "600")
    page.click("button:has-text('Oblicz wszystkie świadczenia')")
    page.wait_for_selector("#results")
    rows = page.locator("#results tr[data-benefit]")
    assert rows.count() == 1 and rows.first.get_attribute("data-benefit") == "fundusz_alimentacyjny"
    # After the swap the chosen benefit still hides the other fields.
    assert not _visible(page, "members[0].unable_to_work")
    shot(page, "16-simulator-fa")
