"""A caseworker and a supervisor take a case from application to payment in a real browser
(Debian chromium), against gunicorn with a real Celery worker."""

from __future__ import annotations

import re
import time
from contextlib import nullcontext as _nullcontext
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from .conftest import SHOTS

pytestmark = pytest.mark.browser


def login(page: Any, base: str, username: str) -> None:
    page.goto(f"{base}/login")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", "demo")
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r".*/$"))


def logout(page: Any) -> None:
    page.click("text=Wyloguj")
    page.wait_for_url(re.compile(r".*/login.*"))


def shot(page: Any, name: str) -> None:
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def open_task(page: Any, base: str, case_id: int, title: str, timeout_s: float = 120) -> None:
    """Open the case's task with this title, reloading while a background job runs (a loaded
    2-core machine can take a minute for the document and schedule jobs, so wait up to two)."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        page.goto(f"{base}/cases/{case_id}")
        link = page.locator("a", has_text=title)
        if link.count():
            link.first.click()
            page.wait_for_selector("form button[type=submit]")
            return
        page.wait_for_timeout(500)
    shot(page, f"missing-{title}")
    raise AssertionError(f"task {title!r} never appeared on case {case_id}")


def choose(page: Any, name: str, value: str) -> None:
    """Pick an option whether the form shows radios or a select."""
    radio = page.locator(f"input[type=radio][name='{name}'][value='{value}']")
    if radio.count():
        radio.check()
    else:
        page.select_option(f"select[name='{name}']", value)


def click_and_wait(page: Any, selector: str) -> None:
    """Click something that submits a form or follows a link, and wait for the new page."""
    with page.expect_navigation():
        page.click(selector)


def submit(page: Any) -> None:
    click_and_wait(page, "form button.primary[type=submit]")


def test_application_to_payment(page: Any, live_server: str) -> None:
    # The server's day (Europe/Warsaw): facts may not be dated before the application.
    base, today = live_server, datetime.now(ZoneInfo("Europe/Warsaw")).date().isoformat()

    login(page, base, "caseworker1")
    shot(page, "01-worklist")
    page.click("text=Nowy wniosek")
    page.fill("[name='applicant.pesel']", "7501150123")  # one digit short
    page.fill("[name='applicant.first_name']", "Jan")
    page.fill("[name='applicant.last_name']", "Przeglądarkowy")
    page.fill("[name='applicant.net_income']", "300.00")
    choose(page, "benefit", "zasilek_okresowy")
    choose(page, "reason", "bezrobocie")
    click_and_wait(page, "button:has-text('Zarejestruj wniosek')")
    shot(page, "02-application-error")
    assert page.locator("[name='applicant.last_name']").input_value() == "Przeglądarkowy", \
        "typed input is kept when the form has errors"
    assert page.get_by_text(re.compile("PESEL", re.I)).count() > 0
    page.fill("[name='applicant.pesel']", "75011501233")
    click_and_wait(page, "button:has-text('Zarejestruj wniosek')")
    shot(page, "02b-after-register")
    assert re.search(r"/cases/\d+$", page.url), page.url
    case_id = int(page.url.rsplit("/", 1)[1])
    shot(page, "03-case-file")
    assert "POM/" in page.content()

    open_task(page, base, case_id, "Sprawdzenie kompletności")
    page.check("input[name=complete]")
    submit(page)

    open_task(page, base, case_id, "wywiad")
    page.fill("input[name=interview_on]", today)
    page.fill("textarea[name=findings]", "Osoba bezrobotna, mieszka sama.")
    page.fill("textarea[name=help_plan]", "Zasiłek okresowy, aktywizacja zawodowa.")
    # One row per member, started from the declared income.
    assert page.locator("[name='verified_incomes[0].net_income']").input_value().replace(",", ".") == "300.00"
    assert page.locator("[name='verified_incomes[1].net_income']").count() == 0
    page.fill("[name='verified_incomes[0].net_income']", "300.00")
    shot(page, "04-interview")
    submit(page)

    # The eligibility service task runs in the worker; the draft appears when it is done.
    open_task(page, base, case_id, "Projekt decyzji")
    shot(page, "05-draft-with-eligibility")
    assert "355,00" in page.content(), "the computed amount is shown to the caseworker"
    choose(page, "decision_kind", "grant")
    page.fill("input[name=amount]", "355.00")
    page.fill("input[name=period_from]", today[:8] + "01")
    submit(page)
    shot(page, "05b-draft-submitted")
    logout(page)

    login(page, base, "supervisor")
    open_task(page, base, case_id, "Zatwierdzenie i podpis")
    shot(page, "06-approve")
    choose(page, "approval", "approve")
    submit(page)
    logout(page)

    login(page, base, "caseworker1")
    open_task(page, base, case_id, "Rejestracja doręczenia")
    choose(page, "delivery_mode", "delivered")
    page.fill("input[name=delivered_on]", today)
    submit(page)
    open_task(page, base, case_id, "Termin na odwołanie")
    choose(page, "appeal_event", "waiver")
    page.fill("input[name=appeal_event_on]", today)
    submit(page)
    for _ in range(60):
        page.goto(f"{base}/cases/{case_id}")
        if page.locator("text=ostateczn").count() and not page.locator("text=Brak harmonogramu").count():
            break
        page.wait_for_timeout(500)
    shot(page, "07-final-case")
    assert not page.locator("text=Brak harmonogramu").count(), "the schedule job ran in the worker"
    with page.expect_popup() if page.locator("a[target=_blank]", has_text="decyzj").count() \
            else _nullcontext():
        page.locator("a", has_text="Otwórz decyzję").first.click()
    doc = page.context.pages[-1]
    doc.wait_for_load_state()
    doc.screenshot(path=str(SHOTS / "07b-decision-document.png"), full_page=True)
    text = doc.content()
    for element in ("DECYZJA", "orzekam", "Pouczenie", "Samorządowego Kolegium Odwoławczego",
                    "art. 127a", "Maria Wiśniewska", "355,00 zł"):
        assert element in text, element
    if doc is not page:
        doc.close()
    logout(page)

    login(page, base, "supervisor")
    page.goto(f"{base}/payments")
    page.fill("input[name=month]", today[:7])
    click_and_wait(page, "form[action$='/payments/run'] button[type=submit]")
    shot(page, "08-payment-lists")
    assert "355,00" in page.content() and "Przeglądarkowy" in page.content()
    # Four eyes: the supervisor who ran the list may not approve it; a second one does.
    list_url = page.url
    click_and_wait(page, "form[action$='/approve'] button[type=submit]")
    assert "zasada dwóch par oczu" in page.content()
    logout(page)
    login(page, base, "supervisor2")
    page.goto(list_url)
    click_and_wait(page, "form[action$='/approve'] button[type=submit]")
    shot(page, "09-payment-list-approved")
    assert page.locator("text=Lista wypłat została zatwierdzona").count() > 0
