"""Messages reach people as codes rendered in their language: every field error at once, PESEL and
schema errors in Polish or English, and failures as an error id with no exception text."""

from __future__ import annotations

import html
import logging
import re
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import select

from app.persistence.models import ProcessDefinition
from app.services.definitions import deploy as definitions
from app.services.kernel.context import Actor, ServiceContext
from app.services.workflow import worklist
from app.workflow_engine import load_sources
from tests.drive import ready_tasks, sample_application
from tests.web.test_pages import application_form, drive_until, login, open_case, task_id, text

pytestmark = [pytest.mark.timeout(120), pytest.mark.embedded]

RAW_TEXT = ("ZeroDivisionError", "division by zero", "Traceback", "is not of type", "None is not")


def field_error(body: str, name: str) -> str | None:
    """The error shown under the input ``name`` (unescaped), or None."""
    found = re.search(rf'id="f-{re.escape(name)}-err"[^>]*>(.*?)</p>', body, re.S)
    return html.unescape(re.sub(r"<[^>]+>|⚠", "", found[1])).strip() if found else None


# --- the application page ------------------------------------------------------------------

def test_the_application_page_shows_every_error_at_once_in_polish(client: Any) -> None:
    login(client, "caseworker1")
    res = client.post("/cases/new", data=application_form(**{
        "applicant.net_income": "-100",  # refused by the service
        "applicant.first_name": "",  # refused by the form
        "members[0].pesel": "123",  # refused by the domain
        "members[1].incomes[0].amount": "12,345",
        "bank_account": "PL61 1090 1014 0000 0712 1981 2875",
    }))
    body = text(res)
    assert res.status_code == 422
    assert field_error(body, "applicant.net_income") == "Kwota nie może być ujemna."
    assert field_error(body, "applicant.first_name") == "To pole jest wymagane."
    assert field_error(body, "members[0].pesel") == "PESEL ma 11 cyfr; wpisano 3."
    assert field_error(body, "members[1].incomes[0].amount") == \
        "Kwota może mieć najwyżej dwa miejsca po przecinku (grosze)."
    assert field_error(body, "bank_account") == \
        "Cyfry kontrolne numeru rachunku się nie zgadzają; sprawdź, czy nie ma literówki."
    assert "Wniosek zawiera błędy; popraw zaznaczone pola." in body
    for english in ("PESEL has", "must be zero", "check digits", "decimal places"):
        assert english not in body, english


def test_a_pesel_error_speaks_the_language_of_the_page(client: Any) -> None:
    login(client, "caseworker1")
    form = application_form(**{"applicant.pesel": "75011501234"})
    body = text(client.post("/cases/new", data=form))
    assert field_error(body, "applicant.pesel") == \
        "Cyfra kontrolna numeru PESEL się nie zgadza; sprawdź, czy nie ma literówki."
    client.get("/lang/en", headers={"Referer": "http://localhost/cases/new"})
    body = text(client.post("/cases/new", data=form))
    assert field_error(body, "applicant.pesel") == \
        "The PESEL check digit is wrong; a digit may be mistyped."
    assert "The application has errors; correct the marked fields." in body
    assert "Cyfra kontrolna" not in body


# --- task forms ----------------------------------------------------------------------------

def test_schema_errors_on_a_task_form_are_in_polish(
    client: Any, ctx: ServiceContext, caseworker: Actor, supervisor: Actor
) -> None:
    case_id = open_case(ctx, caseworker)
    tid = drive_until(ctx, case_id, "draft_decision", {"caseworker": caseworker,
                                                        "supervisor": supervisor})
    login(client, "caseworker1")
    version = worklist.get_task(ctx, caseworker, tid)["version"]
    # A grant needs an amount and a start: left empty, the page sends null (a type error).
    res = client.post(f"/tasks/{tid}", data={"decision_kind": "grant", "amount": "",
                                             "period_from": "", "version": str(version)})
    body = text(res)
    assert res.status_code == 422
    assert field_error(body, "amount") == "To pole jest wymagane."
    assert field_error(body, "period_from") == "To pole jest wymagane."
    assert "Formularz zawiera błędy; popraw zaznaczone pola." in body
    # A negative amount is named as such, not as a "wrong format".
    res = client.post(f"/tasks/{tid}", data={"decision_kind": "grant", "amount": "-100",
                                             "period_from": "2026-03-02", "version": str(version)})
    assert field_error(text(res), "amount") == "Kwota nie może być ujemna."
    for raw in RAW_TEXT:
        assert raw not in text(res)


# --- the API -------------------------------------------------------------------------------

def test_the_api_adds_codes_and_answers_in_english_unless_asked(client: Any) -> None:
    login(client, "caseworker1")
    payload = sample_application(applicant={"pesel": "123", "first_name": "Jan",
                                            "last_name": "Testowy", "net_income": "-1"})
    res = client.post("/api/cases", json=payload)
    body = res.get_json()
    assert res.status_code == 422
    assert body["error"] == "The application has errors; correct the marked fields."
    assert body["code"] == "application_invalid"
    assert body["fields"]["applicant.pesel"] == "A PESEL has 11 digits; this one has 3."
    assert body["field_codes"]["applicant.pesel"] == {"code": "pesel_length", "params": {"length": 3}}
    assert body["field_codes"]["applicant.net_income"]["code"] == "amount_negative"
    res = client.post("/api/cases", json=payload, headers={"Accept-Language": "pl-PL,pl;q=0.9"})
    body = res.get_json()
    assert body["error"] == "Wniosek zawiera błędy; popraw zaznaczone pola."
    assert body["fields"]["applicant.net_income"] == "Kwota nie może być ujemna."
    assert body["code"] == "application_invalid"


# --- failures ------------------------------------------------------------------------------

@pytest.fixture
def broken_definition(ctx: ServiceContext, admin: Actor, monkeypatch: pytest.MonkeyPatch
                      ) -> Iterator[None]:
    """Deploy the shipped workflow with a script that divides by zero; restore it afterwards.

    The deploy rehearsal refuses such a script now; a script can still fail on data no rehearsed
    path covers, so the run-time message is tested with the rehearsal switched off.
    """
    monkeypatch.setattr(definitions, "rehearse", lambda *args, **kwargs: [])
    with ctx.uow(readonly=True) as uow:
        original = uow.session.scalar(select(ProcessDefinition.id).where(ProcessDefinition.is_active))
    sources, forms = load_sources(ctx.config["WORKFLOWS_DIR"])
    broken = dict(sources)
    broken["intake.bpmn"] = sources["intake.bpmn"].replace(
        b"intake_outcome = &quot;complete&quot;", b"intake_outcome = 1 / 0", 1)
    definitions.deploy(ctx, broken, forms, admin, "a script that divides by zero")
    yield
    with ctx.uow() as uow:
        for d in uow.session.scalars(select(ProcessDefinition)):
            d.is_active = d.id == original
        uow.commit()


def test_a_script_error_shows_an_error_id_and_no_exception_text(
    client: Any, ctx: ServiceContext, caseworker: Actor, broken_definition: None,
    caplog: pytest.LogCaptureFixture,
) -> None:
    case_id = open_case(ctx, caseworker)
    tid = task_id(ctx, case_id, "completeness_check")
    version = worklist.get_task(ctx, caseworker, tid)["version"]
    login(client, "caseworker1")
    with caplog.at_level(logging.ERROR):
        res = client.post(f"/tasks/{tid}", data={"complete": "on", "version": str(version)})
    body = html.unescape(text(res))
    assert res.status_code == 400
    found = re.search(r"Proces nie mógł być kontynuowany: krok „set_complete” zakończył się błędem; "
                      r"nic nie zostało zapisane\. Zgłoś administratorowi identyfikator błędu: "
                      r"([0-9a-f]{8})\.", body)
    assert found, body
    for raw in RAW_TEXT:
        assert raw not in body, raw
    # The id leads to the log line with the redacted details.
    logged = [r.getMessage() for r in caplog.records if found[1] in r.getMessage()]
    assert logged and "ZeroDivisionError" in logged[0] and "set_complete" in logged[0]
    # Nothing moved; the API says the same in English, with its own id.
    assert [t.id for t in ready_tasks(ctx, case_id)] == [tid]
    res = client.post(f"/api/tasks/{tid}/complete", json={"data": {"complete": True}, "version": version})
    data = res.get_json()
    assert res.status_code == 400 and data["code"] == "workflow_failed_at_step"
    assert re.fullmatch(r"[0-9a-f]{8}", data["error_id"]) and data["error_id"] in data["error"]
    assert data["error"].startswith("The workflow could not continue: step 'set_complete' failed")
    for raw in RAW_TEXT:
        assert raw not in str(data), raw


def test_an_unexpected_error_shows_an_error_id(
    client: Any, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    from app.web.pages import cases as case_pages

    def boom(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("secret 75011501233")

    monkeypatch.setattr(case_pages.case_view, "list_cases", boom)
    login(client, "caseworker1")
    with caplog.at_level(logging.ERROR, logger="pomoc.web"):
        res = client.get("/cases")
    body = html.unescape(text(res))
    assert res.status_code == 500
    found = re.search(r"identyfikator błędu ([0-9a-f]{8})", body)
    assert found and "75011501233" not in body and "RuntimeError" not in body
    assert found[1] in caplog.text and "RuntimeError" in caplog.text
    assert "75011501233" not in caplog.text
