"""The undue-benefit form in a real browser: the paid amount is pre-filled with a Polish comma
("354,75") and an amount typed with a comma ("200,50") is accepted (issue 15, one format)."""

from __future__ import annotations

from typing import Any

from app.services.kernel.context import ServiceContext
from tests.recovery_data import make_case

from .test_case_in_browser import click_and_wait, login, shot


def test_the_recovery_form_prefills_and_accepts_a_polish_comma(page: Any, live_server: str,
                                                                ctx: ServiceContext) -> None:
    rows = make_case(ctx, amount="354.75")
    pid = rows.payments[0]
    login(page, live_server, "caseworker1")
    page.goto(f"{live_server}/cases/{rows.case_id}/recoveries")
    amount = page.locator(f"input[name=amount_{pid}]")
    assert amount.input_value() == "354,75"
    page.check(f"input[name=payment][value='{pid}']")
    amount.fill("200,50")
    page.fill("textarea[name=fact]", "Podjęcie pracy przez stronę.")
    shot(page, "30-recovery-form-comma")
    click_and_wait(page, "#finding button[type=submit]")
    content = page.content()
    assert "Zapisano ustalenie nienależnie pobranego świadczenia." in content, content[-2000:]
    assert "200,50" in content  # the item's undue amount, shown as money


def test_the_payments_offered_show_the_date_actually_paid(page: Any, live_server: str,
                                                         ctx: ServiceContext) -> None:
    """Issue 15 (lane polish2): a payment settled before its due date was offered under its due
    date; the form shows the date actually paid, and an undue benefit is recorded for it."""
    from datetime import date

    from app.persistence.models import Payment

    rows = make_case(ctx)  # due on 09.01.2026 and 10.02.2026
    pid = rows.payments[0]
    with ctx.uow() as uow:
        early = uow.session.get(Payment, pid)
        assert early is not None
        early.status, early.settled_on, early.settlement_ref = "paid", date(2026, 1, 5), "KP 1/2026"
        uow.commit()
    login(page, live_server, "caseworker1")
    page.goto(f"{live_server}/cases/{rows.case_id}/recoveries")
    row = page.locator("#finding tr", has=page.locator(f"input[name=payment][value='{pid}']"))
    assert row.locator("[data-paid-on]").inner_text() == "05.01.2026"
    assert "09.01.2026" not in page.locator("#finding").inner_text()
    page.check(f"input[name=payment][value='{pid}']")
    page.fill("textarea[name=fact]", "Podjęcie pracy przez stronę.")
    click_and_wait(page, "#finding button[type=submit]")
    assert "Zapisano ustalenie nienależnie pobranego świadczenia." in page.content()
