"""Issue 16 part 3 in a real browser: a caseworker opens an FA debtor procedure from the list of
debtors, typing the debtor's data, and sees the first step (the wywiad alimentacyjny) with its
statutory deadline and its article; a supervisor finds it on *Terminy*."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from app.domain import fa_debtor
from app.services.kernel.context import ServiceContext

from .test_case_in_browser import click_and_wait, login, logout, shot


def test_a_caseworker_opens_a_debtor_procedure_and_sees_its_first_deadline(
        page: Any, live_server: str, ctx: ServiceContext) -> None:
    # The live server runs on the real clock: the request arrived ten days ago.
    received = date.today() - timedelta(days=10)
    due = fa_debtor.step_due("interview", received)
    # gunicorn listens before its workers have loaded the app (slow on a loaded machine).
    page.goto(f"{live_server}/login", timeout=120000)
    login(page, live_server, "caseworker1")
    page.goto(f"{live_server}/debtors")
    click_and_wait(page, "text=+ Wszczęcie postępowania wobec dłużnika")
    page.fill("#f-first_name", "Adam")
    page.fill("#f-last_name", "Dłużny")
    page.fill("#f-pesel", "80010112340")
    page.fill("#f-address", "ul. Dalsza 2, 00-950 Warszawa")
    page.fill("#f-request_received_on", received.isoformat())
    page.fill("#f-creditor_gmina", "Gmina Wierzyciela")
    page.fill("#f-debtor_gmina", "Gmina Dłużnika")
    shot(page, "40-debtor-new")
    click_and_wait(page, "#debtor-new button[type=submit]")
    content = page.content()
    assert "Wszczęto postępowanie wobec dłużnika alimentacyjnego." in content, content[-3000:]
    steps = page.locator("#open-steps").inner_text()
    assert "Wywiad alimentacyjny i oświadczenie majątkowe" in steps
    assert due.strftime("%d.%m.%Y") in steps and "art. 3-4" in steps
    shot(page, "41-debtor-procedure")
    # The step's task opens its Polish form.
    click_and_wait(page, "#open-steps a")
    assert "Dłużnik złożył oświadczenie majątkowe" in page.content()
    logout(page)
    login(page, live_server, "supervisor")
    page.goto(f"{live_server}/deadlines")
    table = page.locator("#debtor-deadlines").inner_text()
    assert "Wywiad alimentacyjny" in table and due.strftime("%d.%m.%Y") in table
    shot(page, "42-debtor-deadlines")
