"""Issue 16 part 1 (lane upsa): the zasiłek celowy path in a real browser (Debian chromium):
the simulator answers it (the centre sets the amount, no 422), a case is opened, the draft
decision names the need (art. 39 ust. 2: medicines), the supervisor approves it and the decision
is issued as a one-off with its purpose."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from .conftest import SHOTS
from .test_case_in_browser import choose, click_and_wait, login, logout, open_task, shot, submit

pytestmark = pytest.mark.browser


def test_zasilek_celowy_from_the_simulator_to_the_approved_decision(
        page: Any, live_server: str) -> None:
    base, today = live_server, datetime.now(ZoneInfo("Europe/Warsaw")).date().isoformat()

    login(page, base, "caseworker1")
    page.goto(f"{base}/symulator")
    page.fill("[name='members[0].age']", "58")
    page.fill("[name='members[0].net_income']", "640,00")
    with page.expect_response(lambda r: r.url.endswith("/symulator") and r.request.method == "POST"):
        page.click("button[name=_action][value=calculate]")
    page.wait_for_load_state("networkidle")
    row = page.locator("tr[data-benefit=zasilek_celowy]")
    row.scroll_into_view_if_needed()
    page.locator("table:has(tr[data-benefit])").first.screenshot(
        path=str(SHOTS / "celowy-01-simulator.png"))
    assert "przysługuje" in row.inner_text()
    assert "kwotę ustala ośrodek stosownie do potrzeby" in row.inner_text()
    assert page.locator("tr[data-benefit=sprawienie_pogrzebu]").count() == 1

    page.click("text=Nowy wniosek")
    page.fill("[name='applicant.pesel']", "66071203450")
    page.fill("[name='applicant.first_name']", "Zofia")
    page.fill("[name='applicant.last_name']", "Celowa")
    page.fill("[name='applicant.net_income']", "640.00")
    choose(page, "benefit", "zasilek_celowy")
    choose(page, "reason", "choroba")
    click_and_wait(page, "button:has-text('Zarejestruj wniosek')")
    shot(page, "celowy-02-case-opened")
    assert "/cases/" in page.url, page.content()[:2000]
    case_id = int(page.url.rsplit("/", 1)[1])

    open_task(page, base, case_id, "Sprawdzenie kompletności")
    page.check("input[name=complete]")
    submit(page)

    open_task(page, base, case_id, "wywiad")
    page.fill("input[name=interview_on]", today)
    page.fill("textarea[name=findings]", "Osoba przewlekle chora, mieszka sama; leki po 450 zł.")
    page.fill("textarea[name=help_plan]", "Zasiłek celowy na leki; praca socjalna.")
    submit(page)

    open_task(page, base, case_id, "Projekt decyzji")
    text = page.content()
    assert "Kwotę ustala ośrodek stosownie do potrzeby" in text
    assert "Cel zasiłku: niezbędna potrzeba bytowa" in text
    assert page.locator("input[name=period_to]").count() == 0, "a one-off has no period"
    assert page.locator("[name=return_kind]").count() > 0, "zasiłek celowy may be returnable"
    choose(page, "decision_kind", "grant")
    page.fill("input[name=amount]", "450,00")
    page.fill("textarea[name=purpose]", "zakup leków i leczenie (art. 39 ust. 2 u.p.s.)")
    shot(page, "celowy-03-draft")
    submit(page)
    shot(page, "celowy-04-draft-saved")
    assert "narusza" not in page.content()
    logout(page)

    login(page, base, "supervisor")
    open_task(page, base, case_id, "Zatwierdzenie i podpis")
    shot(page, "celowy-05-approve")
    choose(page, "approval", "approve")
    submit(page)
    for _ in range(120):
        page.goto(f"{base}/cases/{case_id}")
        if page.locator("a", has_text="Otwórz decyzję").count():
            break
        page.wait_for_timeout(500)
    shot(page, "celowy-06-case-with-decision")
    assert "450,00" in page.content() and "zaplanowana" in page.content(), \
        "paid once: one item of the schedule"
    href = page.locator("a", has_text="Otwórz decyzję").first.get_attribute("href")
    page.goto(f"{base}{href}")
    page.screenshot(path=str(SHOTS / "celowy-07-decision.png"), full_page=True)
    decision = page.content()
    for element in ("DECYZJA", "zasiłek celowy w wysokości 450,00", "jednorazowo, na: zakup leków",
                    "art. 39"):
        assert element in decision, element
