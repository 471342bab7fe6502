"""An unlawful draft decision is refused on the page, with the rule, its article and the input
kept; the draft opens with the computed amount and a lawful period (Debian chromium)."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from .test_case_in_browser import choose, click_and_wait, login, open_task, shot, submit

pytestmark = pytest.mark.browser


def test_out_of_range_draft_is_refused_on_the_page(page: Any, live_server: str) -> None:
    base, today = live_server, datetime.now(ZoneInfo("Europe/Warsaw")).date()  # the server's day
    first_month = today.replace(day=1).isoformat()

    login(page, base, "caseworker1")
    page.click("text=Nowy wniosek")
    page.fill("[name='applicant.pesel']", "82031204563")
    page.fill("[name='applicant.first_name']", "Anna")
    page.fill("[name='applicant.last_name']", "Zakresowa")
    page.fill("[name='applicant.net_income']", "712.06")
    choose(page, "benefit", "zasilek_okresowy")
    choose(page, "reason", "bezrobocie")
    click_and_wait(page, "button:has-text('Zarejestruj wniosek')")
    case_id = int(page.url.rsplit("/", 1)[1])

    open_task(page, base, case_id, "Sprawdzenie kompletności")
    page.check("input[name=complete]")
    submit(page)

    open_task(page, base, case_id, "wywiad")
    page.fill("input[name=interview_on]", today.isoformat())
    page.fill("textarea[name=findings]", "Osoba bezrobotna, mieszka sama.")
    page.fill("textarea[name=help_plan]", "Zasiłek okresowy, aktywizacja zawodowa.")
    assert page.locator("[name='verified_incomes[0].net_income']").input_value().replace(",", ".") == "712.06"
    submit(page)

    open_task(page, base, case_id, "Projekt decyzji")
    shot(page, "decision-01-draft-prefilled")
    # The lawful choice is the easy one: the computed amount and a three-month period.
    assert page.locator("input[name=amount]").input_value().replace(",", ".") == "148.97"
    assert page.locator("input[name=period_from]").input_value() == first_month
    assert page.locator("input[name=period_to]").input_value() != ""

    page.fill("input[name=amount]", "500.00")
    submit(page)
    shot(page, "decision-02-out-of-range-refused")
    text = page.content()
    assert "wykracza poza dopuszczalny zakres 148,97–297,94 zł" in text
    assert "art. 38 ust. 2–4 u.p.s." in text
    assert "Projekt decyzji narusza przepis prawa" in text
    assert page.locator("input[name=amount]").input_value().replace(",", ".") == "500.00", \
        "the input is kept"

    page.fill("input[name=amount]", "148.97")
    submit(page)
    shot(page, "decision-03-lawful-draft-saved")
    assert "wykracza" not in page.content()
    page.goto(f"{base}/cases/{case_id}")
    assert "Zatwierdzenie i podpis" in page.content()
