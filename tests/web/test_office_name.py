"""One name for the centre (issue 15, part 4): the page header, letters (in the genitive where
the grammar needs it) and the CLI read the office settings; a letter signed under an
authorisation carries its number."""

from __future__ import annotations

from typing import Any

import pytest

from app.services.cases import opening as cases
from app.services.documents import document_store, letters, office
from app.services.kernel.context import Actor, ServiceContext
from tests.drive import sample_application
from tests.pdftext import pdf_text

from .test_pages import login, text

pytestmark = [pytest.mark.timeout(120), pytest.mark.embedded]


def test_the_page_header_names_the_centre_from_the_office_settings(client: Any,
                                                                   ctx: ServiceContext) -> None:
    login(client, "admin")
    page = text(client.get("/admin/office"))
    assert "<small data-centre>Ośrodek Pomocy Społecznej w Krzeszowicach</small>" in page
    assert "Gminny Ośrodek Pomocy Społecznej Krzeszowice" not in page
    try:
        ok = client.post("/admin/office", data={
            **office.DEMO_OFFICE, "centre_name": "Miejski Ośrodek Pomocy Rodzinie w Testowie",
            "centre_name_genitive": "Miejskiego Ośrodka Pomocy Rodzinie w Testowie"})
        assert ok.status_code == 302
        assert "<small data-centre>Miejski Ośrodek Pomocy Rodzinie w Testowie</small>" in text(
            client.get("/admin/office"))
        missing = client.post("/admin/office", data={**office.DEMO_OFFICE, "centre_name_genitive": ""})
        assert missing.status_code == 422 and 'id="o-centre_name_genitive-err"' in text(missing)
    finally:
        assert client.post("/admin/office", data=dict(office.DEMO_OFFICE)).status_code == 302


def test_letters_use_the_genitive_and_the_signers_authorisation_number(
        ctx: ServiceContext, caseworker: Actor, supervisor: Actor) -> None:
    case_id = cases.open_case(ctx, caseworker, sample_application())
    facts = {"unmet": "dochód przekracza kryterium", "days": 7}
    signed = letters.issue_letter(ctx, supervisor, case_id, "evidence_notice", facts)
    body = " ".join(pdf_text(document_store.download(ctx, supervisor, case_id, signed["id"])[0]).split())
    assert "w siedzibie Ośrodka Pomocy Społecznej w Krzeszowicach" in body
    assert "w siedzibie Ośrodek" not in body
    assert "z upoważnienia Burmistrza Gminy Krzeszowice" in body
    assert "upoważnienie nr OR.0052.12.2024 z dnia 2 stycznia 2024 r." in body
    # caseworker1 holds no authorisation: the letter names its author and claims none.
    plain = letters.issue_letter(ctx, caseworker, case_id, "supplement_call",
                                 {"items": "zaświadczenie o dochodach", "days": 7})
    body = " ".join(pdf_text(document_store.download(ctx, caseworker, case_id, plain["id"])[0]).split())
    assert "w siedzibie Ośrodka Pomocy Społecznej w Krzeszowicach" in body
    assert "z upoważnienia" not in body


def test_the_cli_sets_the_centre_name_in_both_cases(flask_app: Any, ctx: ServiceContext) -> None:
    runner = flask_app.test_cli_runner()
    args = ["office-set", "--gmina", "Gminy Krzeszowice", "--body", "burmistrz",
            "--centre-name", "Ośrodek Pomocy Społecznej w Krzeszowicach",
            "--centre-address", "ul. Krakowska 8, 32-065 Krzeszowice", "--centre-city", "Krzeszowice",
            "--sko-name", "Samorządowe Kolegium Odwoławcze w Krakowie",
            "--sko-seat", "ul. Basztowa 22, 31-156 Kraków", "--payment-method", "w kasie"]
    refused = runner.invoke(args=args)
    assert refused.exit_code != 0 and "--centre-name-genitive" in refused.output
    try:
        saved = runner.invoke(args=[*args, "--centre-name-genitive",
                                    "Ośrodka Pomocy Społecznej w Krzeszowicach"])
        assert saved.exit_code == 0, saved.output
        shown = runner.invoke(args=["office-show"])
        assert "centre_name_genitive: Ośrodka Pomocy Społecznej w Krzeszowicach" in shown.output
    finally:
        office.set_office(ctx, Actor(None, frozenset({"admin"})), dict(office.DEMO_OFFICE))
