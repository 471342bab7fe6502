"""A supervisor runs the payment list, a second one approves it and downloads the bank file
(Elixir-O), in a real browser."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from app.domain.deadlines import today_in_warsaw
from app.services.kernel.context import ServiceContext
from tests.payment_data import grant, parse_elixir

from .test_case_in_browser import click_and_wait, login, logout, shot


def test_the_bank_file_is_downloaded_from_the_list_page(page: Any, live_server: str,
                                                        ctx: ServiceContext, tmp_path: Path) -> None:
    base = live_server
    grant(ctx, "zasilek_staly", "612.40", date(2026, 3, 1), date(2026, 3, 31),
          name=("Zofia", "Żółkiewska"))
    grant(ctx, "zasilek_staly", "300.00", date(2026, 3, 1), date(2026, 3, 31), account=None,
          name=("Adam", "Kasowy"))
    login(page, base, "supervisor")
    page.goto(f"{base}/payments")
    page.fill("input[name=month]", "2026-03")
    click_and_wait(page, "form[action$='/payments/run'] button[type=submit]")
    assert "Żółkiewska" in page.content() and "za 03/2026" in page.content()
    list_url = page.url
    click_and_wait(page, "form[action$='/approve'] button[type=submit]")
    assert "zasada dwóch par oczu" in page.content()
    logout(page)

    login(page, base, "supervisor2")
    page.goto(list_url)
    click_and_wait(page, "form[action$='/approve'] button[type=submit]")
    shot(page, "20-payment-list-exports")
    with page.expect_download() as info:
        page.click("button[data-export=elixir]")
    download = info.value
    assert download.suggested_filename.endswith(".pli")
    target = tmp_path / download.suggested_filename
    download.save_as(target)
    records = parse_elixir(target.read_bytes())
    assert [(r.grosze, r.payee) for r in records] == [(61240, "61109010140000071219812874")]
    assert "Żółkiewska" in records[0].payee_text

    # The cash payment is marked paid from the page: with a date, a receipt and a confirmation.
    page.goto(list_url)
    row = page.locator("tr", has_text="Kasowy")
    _settle(page, row, today_in_warsaw(datetime.now(UTC)), "KP 7/2026")
    assert "Zapisano rozliczenie" in page.content()
    assert page.locator("tr", has_text="Kasowy").locator("text=wypłacona").count() > 0


def _settle(page: Any, row: Any, on: date, ref: str) -> None:
    """Open the row's settlement form, fill the date and the receipt, confirm the question."""
    row.locator("summary", has_text="Rozlicz").click()
    row.locator("select[name=outcome]").select_option("paid")
    row.locator("input[name=on]").fill(on.isoformat())
    row.locator("input[name=ref]").fill(ref)
    page.once("dialog", lambda d: d.accept())
    with page.expect_navigation():
        row.locator("button", has_text="Zapisz rozliczenie").click()


def test_settling_asks_first_and_a_cash_only_list_offers_no_bank_file(
        page: Any, live_server: str, ctx: ServiceContext) -> None:
    """Issue 15: "Wypłacona" acted at once, dated today, with no reference and no question; a
    cash-only list offered a 0-byte Elixir-O file."""
    base = live_server
    grant(ctx, "zasilek_staly", "300.00", date(2026, 3, 1), date(2026, 3, 31), account=None,
          name=("Adam", "Kasowy"))
    login(page, base, "supervisor")
    page.goto(f"{base}/payments")
    page.fill("input[name=month]", "2026-03")
    click_and_wait(page, "form[action$='/payments/run'] button[type=submit]")
    list_url = page.url
    logout(page)
    login(page, base, "supervisor2")
    page.goto(list_url)
    click_and_wait(page, "form[action$='/approve'] button[type=submit]")
    # No bank file for a cash-only list, and the page says why.
    assert page.locator("button[data-export=elixir]").count() == 0
    assert page.locator("button[data-export=cash_pdf]").count() == 1
    assert "nie zawiera przelewów" in page.locator("[data-no-transfers]").inner_text()
    row = page.locator("tr", has_text="Kasowy")
    # Nothing is settled by one click: the form opens, and a declined question records nothing.
    row.locator("summary", has_text="Rozlicz").click()
    assert row.locator("input[name=on]").get_attribute("required") is not None
    assert row.locator("input[name=ref]").get_attribute("required") is not None
    today = today_in_warsaw(datetime.now(UTC))
    assert row.locator("input[name=on]").get_attribute("max") == today.isoformat()
    row.locator("input[name=on]").fill(today.isoformat())
    row.locator("input[name=ref]").fill("KP 8/2026")
    questions: list[str] = []

    def decline(dialog: Any) -> None:
        questions.append(dialog.message)
        dialog.dismiss()

    page.once("dialog", decline)
    row.locator("button", has_text="Zapisz rozliczenie").click()
    page.wait_for_timeout(300)
    assert questions and "Kasowy" in questions[0]
    assert page.url == list_url and "Zapisano rozliczenie" not in page.content()
    page.once("dialog", lambda d: d.accept())
    with page.expect_navigation():
        row.locator("button", has_text="Zapisz rozliczenie").click()
    assert "Zapisano rozliczenie" in page.content()
    settled = page.locator("tr", has_text="Kasowy")
    assert "wypłacona" in settled.inner_text() and "dowód: KP 8/2026" in settled.inner_text()
    shot(page, "21-payment-settled-with-receipt")


def test_the_schedule_says_why_a_month_is_paid_later(page: Any, live_server: str,
                                                     ctx: ServiceContext) -> None:
    """Issue 15: December's zasiłek rodzinny scheduled for 10.02.2027 with nothing saying why."""
    case_id, _ = grant(ctx, "zasilek_rodzinny", "215.84", date(2026, 11, 1), date(2027, 10, 31),
                       received_on=date(2026, 11, 15), name=("Ewa", "Rodzinna"))
    login(page, live_server, "caseworker1")
    page.goto(f"{live_server}/cases/{case_id}")
    # The header names the centre as the office settings do (issue 15, part 4: four names).
    assert page.locator("[data-centre]").inner_text() == "Ośrodek Pomocy Społecznej w Krzeszowicach"
    row = page.locator("tr", has_text="2026-12")
    assert "10.02.2027" in row.inner_text()
    reason = row.locator("[data-date-reason]").inner_text()
    assert "wniosek złożony 15.11.2026" in reason and "do 28.02.2027" in reason
    assert "art. 26 ust. 3–4 ustawy o świadczeniach rodzinnych" in reason
    assert page.locator("tr", has_text="2027-03").locator("[data-date-reason]").count() == 0
    shot(page, "22-schedule-date-reason")


def test_a_transfer_only_list_offers_no_cash_desk_list(page: Any, live_server: str,
                                                       ctx: ServiceContext) -> None:
    """Issue 15 (lane polish2): a transfer-only list offered a cash-desk PDF with an empty
    table; the page offers none and says why."""
    base = live_server
    grant(ctx, "zasilek_staly", "612.40", date(2026, 3, 1), date(2026, 3, 31),
          name=("Zofia", "Przelewowa"))
    login(page, base, "supervisor")
    page.goto(f"{base}/payments")
    page.fill("input[name=month]", "2026-03")
    click_and_wait(page, "form[action$='/payments/run'] button[type=submit]")
    list_url = page.url
    logout(page)
    login(page, base, "supervisor2")
    page.goto(list_url)
    click_and_wait(page, "form[action$='/approve'] button[type=submit]")
    assert page.locator("button[data-export=cash_pdf]").count() == 0
    assert page.locator("button[data-export=elixir]").count() == 1
    assert page.locator("button[data-export=xlsx]").count() == 1
    assert "nie zawiera wypłat w kasie" in page.locator("[data-no-cash]").inner_text()
    assert page.locator("[data-no-transfers]").count() == 0
