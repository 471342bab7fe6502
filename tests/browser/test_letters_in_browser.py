"""Letters and decisions in the browser (issue 15 part 6): the art. 10 task page says whether
it uses the notice issued from the case file or will issue one; a second notice is refused on
the *Wystaw pismo* page; a delivery dated before the issue is refused in Polish with its
article; the draft made after the party's comments shows them beside the field that answers
them."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from app.domain.deadlines import today_in_warsaw
from app.services.kernel.context import Actor, ServiceContext
from tests.drive import complete_named
from tests.integration.test_letters_and_decisions import _refusal_drafted

from .test_case_in_browser import click_and_wait, login, open_task, shot, submit

pytestmark = pytest.mark.browser

ART10 = "Zawiadomienie strony przed decyzją"


def _issue_notice(page: Any, base: str, case_id: int) -> None:
    page.goto(f"{base}/cases/{case_id}/letters?kind=evidence_notice")
    page.fill("#f-unmet", "Dochód strony przekracza kryterium dochodowe.")
    page.fill("#f-days", "7")
    click_and_wait(page, "#letter-form button[type=submit]")


def test_one_art10_notice_its_dates_and_the_comments_to_answer_on_the_pages(
    page: Any, live_server: str, ctx: ServiceContext, caseworker: Actor, supervisor: Actor,
) -> None:
    ctx.clock.set(datetime.now(UTC))  # type: ignore[attr-defined]  # the server's day
    today = today_in_warsaw(ctx.now())
    case_id = _refusal_drafted(ctx, caseworker, supervisor)
    login(page, live_server, "caseworker1")

    open_task(page, live_server, case_id, ART10)
    box = page.locator("#evidence-notice")
    assert "nie wystawiono jeszcze zawiadomienia" in box.inner_text()
    assert "Zakończenie zadania wystawi je" in box.inner_text()
    shot(page, "letters-01-art10-will-issue")

    _issue_notice(page, live_server, case_id)
    assert "#dokumenty" in page.url
    _issue_notice(page, live_server, case_id)  # a second one
    assert "zostało już wystawione" in page.locator("#problem").inner_text()
    assert "nie wystawia się drugiego" in page.locator("#letter-form").inner_text()
    shot(page, "letters-02-second-notice-refused")

    open_task(page, live_server, case_id, ART10)
    box = page.locator("#evidence-notice")
    assert "nie wystawia drugiego" in box.inner_text() and "Pobierz zawiadomienie" in box.inner_text()
    page.fill("input[name=notice_served_on]", (today - timedelta(days=1)).isoformat())
    submit(page)
    shot(page, "letters-03-delivered-before-issue")
    body = page.locator("main").inner_text()
    assert "nie mogło zostać doręczone" in body and "przed jego wystawieniem" in body
    assert "art. 10 § 1" in body

    page.fill("input[name=notice_served_on]", today.isoformat())
    submit(page)
    complete_named(ctx, case_id, "party_comments", caseworker, {
        "comments_made": True, "comments_received_on": today.isoformat(),
        "party_comments": "Dochód z lutego był jednorazowy."})
    open_task(page, live_server, case_id, "Projekt decyzji")
    comments = page.locator("#party-comments")
    assert "Dochód z lutego był jednorazowy." in comments.inner_text()
    assert page.locator("textarea[name=comments_answer]").count() == 1
    shot(page, "letters-04-draft-answers-comments")
