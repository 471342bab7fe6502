"""Social work in a real browser: a caseworker opens a family's record from the register, records
a visit (a date in the future refused first, with what was typed kept) and a kontrakt socjalny
with a stage, and sees both in the record, dates written dd.mm.rrrr; screenshots in
POMOC_SCREENSHOTS. The live server runs on the real clock."""

from __future__ import annotations

from typing import Any

import pytest

from app.services.kernel.context import ServiceContext
from tests.social_work_data import person

from .test_case_in_browser import click_and_wait, login, shot

pytestmark = [pytest.mark.browser, pytest.mark.timeout(300)]


def test_a_caseworker_records_a_visit_and_a_contract(page: Any, live_server: str,
                                                       ctx: ServiceContext) -> None:
    anna = person(ctx, "Anna", "Nowak", 1)
    login(page, live_server, "caseworker1")
    page.goto(f"{live_server}/persons/{anna}/social-work/new")
    page.fill("textarea[name=help_plan]", "Wsparcie w poszukiwaniu pracy i w spłacie zadłużenia.")
    click_and_wait(page, "form button.primary[type=submit]")
    assert "Założono akta pracy socjalnej." in page.content()
    record_url = page.url

    # A visit: a day in the future is refused and what was typed is kept.
    page.check("input[name='entry.kind'][value=visit]")
    page.fill("input[name='entry.on']", "2099-01-15")
    visit = "Wizyta w miejscu zamieszkania; rozmowa o zadłużeniu."
    page.fill("textarea[name='entry.text']", visit)
    click_and_wait(page, "#entry button.primary[type=submit]")
    assert "Ta data nie może przypadać po dniu dzisiejszym." in page.content()
    assert page.input_value("textarea[name='entry.text']") == visit
    page.fill("input[name='entry.on']", "2026-12-01")
    click_and_wait(page, "#entry button.primary[type=submit]")
    assert "Zapisano wpis." in page.content()
    entries = page.locator("#entries").inner_text()
    assert "01.12.2026" in entries and "rozmowa o zadłużeniu" in entries

    # A contract with one stage, on the regulation's form.
    click_and_wait(page, "text=Nowy kontrakt lub odmowa jego zawarcia")
    page.select_option("select[name=person_id]", str(anna))
    page.fill("input[name=concluded_on]", "2026-12-02")
    page.fill("input[name=valid_until]", "2027-05-31")
    page.fill("textarea[name=assessment]", "Utrata pracy, zaległości czynszowe.")
    page.fill("textarea[name=goal]", "Podjęcie zatrudnienia.")
    page.fill("textarea[name='person_obligations']", "Rejestracja w PUP, udział w szkoleniu.")
    page.fill("textarea[name='centre_obligations']", "Pomoc w przygotowaniu CV, zasiłek okresowy.")
    page.fill("[name='stages[0].action']", "Rejestracja w powiatowym urzędzie pracy")
    page.fill("[name='stages[0].responsible']", "Anna Nowak")
    page.fill("[name='stages[0].review_on']", "2026-12-16")
    shot(page, "40-social-contract-form")
    click_and_wait(page, "form button.primary[type=submit]")
    content = page.content()
    assert "Zapisano kontrakt socjalny." in content, content[-3000:]
    contracts = page.locator("#contracts").inner_text()
    assert "Podjęcie zatrudnienia." in contracts and "16.12.2026" in contracts
    assert "zawarty" in contracts
    assert page.url.startswith(record_url)
    shot(page, "41-social-work-record")
