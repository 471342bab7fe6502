"""A supervisor runs the payment list, a second one approves it and downloads the bank file
(Elixir-O), in a real browser."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

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

    # The cash payment is marked paid from the page.
    page.goto(list_url)
    row = page.locator("tr", has_text="Kasowy")
    with page.expect_navigation():
        row.locator("button", has_text="Wypłacona").click()
    assert "Zapisano rozliczenie" in page.content()
    assert page.locator("tr", has_text="Kasowy").locator("text=wypłacona").count() > 0
