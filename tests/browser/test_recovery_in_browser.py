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
