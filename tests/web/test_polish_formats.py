"""Issue 15: the findings of "Polish everywhere" one by one, and "one format" for what is written
out: dates in messages as dd.mm.rrrr (the API's params stay ISO), money as "1 229,50 zł" on pages,
in PDFs and exports; legal parameters cite their act; the XLSX, the rollback note, the deploy
refusal and the recovery form speak Polish and name what they refer to."""

from __future__ import annotations

import io
import re
from datetime import date
from decimal import Decimal
from typing import Any

import openpyxl
import pytest

from app.domain.messages import Code, msg
from app.domain.messages.parameter_sources import CITATIONS, citation
from app.domain.money import format_money
from app.domain.parameters import ENTRIES, PARAMETERS
from app.domain.statuses import PaymentStatus
from app.services import payments
from app.services.definitions import deploy as definitions
from app.services.documents.document_templates import money_pl
from app.services.kernel.context import Actor, ServiceContext
from app.services.payments.exports import XLSX_STATUSES
from app.web.messages import api_codes, render
from app.web.ui.formatting import parameter_source, version_comment
from tests.payment_data import grant
from tests.pdftext import pdf_text
from tests.polish_crawl import catalog, stop_hits, visible_text
from tests.recovery_data import make_case

from .test_calculator import page_form
from .test_pages import application_form, login, text

pytestmark = [pytest.mark.timeout(180), pytest.mark.embedded]

PL = {"Accept-Language": "pl"}


def _flat(value: str) -> str:
    """Non-breaking spaces as spaces (how a reader sees "1 229,50 zł")."""
    return value.replace("\u00a0", " ")


# --- dates in messages ---------------------------------------------------------------------------

def test_a_message_writes_its_dates_dd_mm_rrrr_in_polish_and_keeps_iso_params(flask_app: Any) -> None:
    message = msg(Code.DATE_BEFORE, limit="2026-12-07")
    with flask_app.test_request_context("/", headers=PL):
        assert render(message) == "Data nie może być wcześniejsza niż 07.12.2026."
        assert api_codes(message) == {"code": "date_before", "params": {"limit": "2026-12-07"}}
    with flask_app.test_request_context("/"):
        from flask import session

        session["lang"] = "en"
        assert "2026-12-07" in render(message)


def test_a_message_writes_its_amounts_as_the_one_formatter(flask_app: Any) -> None:
    message = msg(Code.PAYMENT_LIST_TOTAL_MISMATCH, list=7, total="1229.50", payments="1200.00",
                  unapproved=0)
    with flask_app.test_request_context("/", headers=PL):
        shown = _flat(render(message))
        assert "suma z zatwierdzenia 1 229,50 zł, suma wypłat 1 200,00 zł" in shown, shown
        assert api_codes(message)["params"]["total"] == "1229.50"
        rule = msg(Code.RULE_AMOUNT_REASON_REQUIRED, computed="1229.5", article="art. 107 k.p.a.")
        assert "(1 229,50 zł)" in _flat(render(rule))


def test_the_application_page_shows_the_earliest_date_the_polish_way(client: Any) -> None:
    login(client, "caseworker1")
    res = client.post("/cases/new", data=application_form(requested_until="2000-01-01"), headers=PL)
    body = text(res)
    assert res.status_code == 422
    found = re.search(r"Data nie może być wcześniejsza niż (\S+)\.", body)
    assert found is not None, body[:3000]
    assert re.fullmatch(r"\d{2}\.\d{2}\.\d{4}", found[1]), found[1]


# --- money ---------------------------------------------------------------------------------------

def test_one_formatter_groups_thousands_on_pages_documents_and_exports(flask_app: Any) -> None:
    assert _flat(format_money(Decimal("1229.50"))) == "1 229,50 zł"
    assert _flat(money_pl(Decimal("1229.50"))) == "1 229,50 zł"
    assert _flat(money_pl("1229.5")) == "1 229,50 zł"
    with flask_app.test_request_context("/", headers=PL):
        from app.web.ui.formatting import money

        assert _flat(money(Decimal("1229.50"))) == "1 229,50 zł"
        from app.web.ui.formatting import plain

        # An explanation's figures: an amount in grosze grouped, another decimal with a comma.
        assert _flat(plain("1229.50")) == "1 229,50" and plain("2.5") == "2,5"


def test_the_cash_desk_pdf_and_the_xlsx(ctx: ServiceContext, supervisor: Actor) -> None:
    grant(ctx, amount="1229.50", account=None, name=("Anna", "Gotówkowa"))
    run = payments.monthly_payment_run(ctx, date(2026, 3, 1))
    payments.approve_list(ctx, supervisor, run["list_id"])
    pdf = _flat(pdf_text(payments.export_list(ctx, supervisor, run["list_id"], "cash_pdf").content))
    assert "1 229,50 zł" in pdf and "1229,50" not in pdf, pdf
    sheet = openpyxl.load_workbook(io.BytesIO(
        payments.export_list(ctx, supervisor, run["list_id"], "xlsx").content)).active
    assert sheet is not None
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][8] == "Status" and rows[1][8] == "zatwierdzona", rows[:2]
    assert sheet.cell(row=2, column=8).number_format == '#,##0.00\\ "zł"'  # shown 1 229,50 zł
    assert sheet.cell(row=2, column=7).number_format == "dd.mm.yyyy"
    assert not stop_hits(" ".join(str(c) for r in rows for c in r if isinstance(c, str)))


def test_every_payment_status_has_a_polish_word_in_the_xlsx() -> None:
    assert set(XLSX_STATUSES) == {s.value for s in PaymentStatus}
    assert not stop_hits(" ".join(XLSX_STATUSES.values()))


# --- legal parameters cite their act -------------------------------------------------------------

DEVELOPER_NOTES = re.compile(r"READING|DOMAIN\.md|infor\.pl|\.pl\b|Add an entry|confirm", re.I)


def test_every_parameter_entry_has_a_polish_citation_in_the_catalog() -> None:
    known = catalog()
    for name, valid_from, _value, _source in ENTRIES:
        text_ = citation(name, valid_from)
        assert text_, name
        assert not DEVELOPER_NOTES.search(text_), (name, text_)
        assert not stop_hits(text_), (name, text_)
        assert known.get(text_), f"no English for the citation of {name}"
    assert set(CITATIONS) == set(PARAMETERS)


def test_the_source_column_shows_the_citation_not_the_note(flask_app: Any) -> None:
    cap = PARAMETERS["zasilek_okresowy.single_cap"][0].as_dict()
    assert "READING" in cap["source"]  # the developers' note stays in the data and the API
    with flask_app.test_request_context("/", headers=PL):
        shown = parameter_source(cap)
    assert shown.startswith("art. 38 ust. 2 pkt 1 ustawy z dnia 12 marca 2004 r. o pomocy społecznej")
    assert "Dz.U. 2004 nr 64 poz. 593" in shown and not DEVELOPER_NOTES.search(shown)
    criterion = PARAMETERS["ups.criterion_single"][-1].as_dict()
    with flask_app.test_request_context("/", headers=PL):
        assert "(Dz.U. 2024 poz. 1044)" in parameter_source(criterion)


def test_the_simulator_page_cites_the_acts(client: Any) -> None:
    login(client, "caseworker1")
    res = client.post("/symulator", data=page_form(), headers=PL)
    page = text(res)
    assert res.status_code == 200 and "Źródło" in page
    assert "(Dz.U. 2004 nr 64 poz. 593)" in page
    assert "READING" not in page and "DOMAIN.md" not in page and "the table asserts" not in page


# --- the rollback note, the deploy refusal -------------------------------------------------------

def test_the_rollback_note_is_shown_in_the_interface_language(flask_app: Any) -> None:
    with flask_app.test_request_context("/", headers=PL):
        assert version_comment("Rollback to v1") == "Przywrócenie wersji v1"
        assert version_comment("Rollback to v3: zły termin") == "Przywrócenie wersji v3: zły termin"
        assert version_comment("wydłużony termin") == "wydłużony termin"


def test_the_versions_page_shows_a_rollback_in_polish(client: Any, ctx: ServiceContext) -> None:
    from sqlalchemy import select

    from app.persistence.models import ProcessDefinition

    with ctx.uow() as uow:
        row = uow.session.scalar(select(ProcessDefinition).where(ProcessDefinition.is_active))
        assert row is not None
        kept, row.comment = row.comment, "Rollback to v1: the older deadline"
        uow.commit()
    try:
        login(client, "admin")
        page = text(client.get("/admin/definitions", headers=PL))
        assert "Przywrócenie wersji v1: " in page and "Rollback" not in visible_text(page)
        # The admin's own words are data, marked as such (the crawl's stop-list skips them).
        assert '<span translate="no">the older deadline</span>' in page
    finally:
        with ctx.uow() as uow:
            row = uow.session.scalar(select(ProcessDefinition).where(ProcessDefinition.is_active))
            assert row is not None
            row.comment = kept
            uow.commit()


@pytest.fixture
def restore(restore_active: int | None) -> None:
    """The active definition is put back after the test."""


def test_a_refused_deploy_speaks_polish_in_every_part(client: Any, ctx: ServiceContext,
                                                      restore: None) -> None:
    login(client, "admin")
    active = definitions.definition_sources(ctx)
    sources = dict(active["sources"])
    xml = sources["intake.bpmn"].replace(
        "</bpmn:process>", '<bpmn:task id="orphan_task" name="Zagubione zadanie" /></bpmn:process>')
    sources["intake.bpmn"] = re.sub(r"<bpmn:script>", "<bpmn:script>x = (\n", xml, count=1)
    res = client.post("/admin/definitions/deploy", headers=PL, json={
        "sources": sources, "forms": active["forms"], "comment": "próba",
        "base_version": active["version"]})
    assert res.status_code == 422
    body = res.get_json()
    assert body["error"] == "Definicja BPMN zawiera błędy i nie została wdrożona."
    shown = [body["error"], *body["fields"].values(), *(p["text"] for p in body["problems"])]
    assert not stop_hits(" ".join(shown)), shown
    assert "SyntaxError" not in " ".join(shown)
    texts = {p["code"]: p["text"] for p in body["problems"]}
    assert texts["unreachable"] == "Do tego elementu nie prowadzi żadna ścieżka od zdarzenia początkowego."
    assert texts["script_invalid"] == "Piaskownica skryptów odrzuca skrypt tego elementu (skrypt)."
    # API clients keep the code, the params and the English message.
    assert any("cannot be reached" in p["message"] for p in body["problems"])


# --- the recovery form names the field of each error ----------------------------------------------

def test_the_recovery_form_names_the_field_of_each_error(client: Any, ctx: ServiceContext) -> None:
    rows = make_case(ctx)
    login(client, "caseworker1")
    pid = rows.payments[0]
    res = client.post(f"/cases/{rows.case_id}/recoveries", headers=PL, data={
        "payment": [str(pid)], f"amount_{pid}": "abc", "ground": "unreported_change", "fact": "F",
        "found_on": "2020-13-45"})
    assert res.status_code == 422
    summary = re.search(r'<div class="error-summary".*?</div>', text(res), re.S)
    assert summary is not None
    items = re.findall(r"<li>(.*?)</li>", summary[0], re.S)
    assert any(i.startswith("Kwota nienależna (pozycja 1): ") for i in items), items
    assert any(i.startswith("Data ustalenia: ") for i in items), items
    assert "Żądanie zawiera błędy; popraw wskazane pola." in summary[0]
    assert not stop_hits(visible_text(summary[0]))
