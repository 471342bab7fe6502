"""The server-rendered pages: who may open them, forms that keep what was typed, and the flows
a centre's staff go through (register, complete tasks, pay, administer)."""

from __future__ import annotations

import contextlib
import html
import json
import re
from typing import Any

import pytest

from app.services.case_file import view as case_view
from app.services.cases import opening as cases
from app.services.kernel.auth import create_user
from app.services.kernel.context import Actor, ServiceContext
from app.services.kernel.errors import Conflict
from app.services.workflow import worklist
from tests.conftest import actor_for
from tests.drive import drive, ready_tasks, sample_application

pytestmark = [pytest.mark.timeout(120), pytest.mark.embedded]


def login(client: Any, username: str) -> None:
    """Log in through the login form (CSRF is disabled in tests)."""
    res = client.post("/login", data={"username": username, "password": "demo"})
    assert res.status_code == 302, res.get_data(as_text=True)[:500]


def pesel(prefix: str) -> str:
    """A checksum-valid PESEL from its first ten digits."""
    weights = (1, 3, 7, 9, 1, 3, 7, 9, 1, 3)
    total = sum(int(d) * w for d, w in zip(prefix, weights, strict=True))
    return prefix + str((10 - total % 10) % 10)


def text(res: Any) -> str:
    return str(res.get_data(as_text=True))


def open_case(ctx: ServiceContext, actor: Actor, **overrides: Any) -> int:
    return cases.open_case(ctx, actor, sample_application(**overrides))


def task_id(ctx: ServiceContext, case_id: int, name: str) -> int:
    for t in ready_tasks(ctx, case_id):
        if t.name == name:
            return t.id
    raise AssertionError(f"{name} is not ready: {[t.name for t in ready_tasks(ctx, case_id)]}")


def drive_until(ctx: ServiceContext, case_id: int, name: str, actors: dict[str, Actor]) -> int:
    """Complete tasks with canned data until `name` is ready; return its task id."""
    drive(ctx, case_id, actors, until=lambda ts: any(t.name == name for t in ts))
    return task_id(ctx, case_id, name)


# --- who may open what --------------------------------------------------------------------------

CASE_PAGES = ["/", "/team", "/cases", "/cases/new", "/payments"]


def test_login_page_is_polish_by_default(client: Any) -> None:
    res = client.get("/login")
    assert res.status_code == 200
    assert "Logowanie" in text(res) and 'lang="pl"' in text(res)


def test_wrong_password_shows_an_error_and_keeps_the_username(client: Any) -> None:
    res = client.post("/login", data={"username": "caseworker1", "password": "nope"})
    assert res.status_code == 401
    assert "Nieprawidłowa nazwa użytkownika lub hasło." in text(res)
    assert 'value="caseworker1"' in text(res)


@pytest.mark.parametrize("path", [*CASE_PAGES, "/deadlines", "/changes", "/persons/1", "/cases/1",
                                  "/tasks/1", "/admin/users",
                                  "/admin/definitions", "/admin/definitions/edit"])
def test_anonymous_users_are_sent_to_the_login_page(client: Any, path: str) -> None:
    res = client.get(path)
    assert res.status_code == 302
    assert "/login" in res.headers["Location"]


@pytest.mark.parametrize("username", ["caseworker1", "supervisor"])
def test_case_pages_render_for_case_roles(client: Any, ctx: ServiceContext, caseworker: Actor,
                                          username: str) -> None:
    case_id = open_case(ctx, caseworker)
    tid = task_id(ctx, case_id, "completeness_check")
    login(client, username)
    for path in [*CASE_PAGES, f"/cases/{case_id}", f"/tasks/{tid}"]:
        res = client.get(path)
        assert res.status_code == 200, (path, text(res)[:300])
    assert "POM/" in text(client.get("/cases"))


def test_nav_follows_the_role(client: Any) -> None:
    login(client, "caseworker1")
    page = text(client.get("/"))
    assert "Moje zadania" in page and "Nowy wniosek" in page
    assert "/deadlines" not in page and "Administracja" not in page and "/changes" not in page
    client.post("/logout")
    login(client, "supervisor")
    page = text(client.get("/"))
    assert 'href="/deadlines"' in page and 'href="/changes"' in page


def test_deadlines_and_payment_run_are_for_supervisors_only(client: Any) -> None:
    login(client, "caseworker1")
    assert client.get("/deadlines").status_code == 403
    assert client.post("/payments/run", data={"month": "2026-03"}).status_code == 403
    assert client.post("/payments/1/approve").status_code == 403
    assert client.post("/tasks/1/assign", data={"user_id": "1"}).status_code == 403
    assert client.get("/changes").status_code == 403
    assert client.post("/changes/draft", data={"grant": "1@2025-01-01"}).status_code == 403


def test_the_admin_sees_no_case_data(client: Any, ctx: ServiceContext, caseworker: Actor) -> None:
    case_id = open_case(ctx, caseworker)
    tid = task_id(ctx, case_id, "completeness_check")
    person_id = case_view.get_case(ctx, caseworker, case_id)["members"][0]["person_id"]
    login(client, "admin")
    home = client.get("/")
    assert home.status_code == 200
    assert "Administracja" in text(home) and "POM/" not in text(home)
    assert "Testowy" not in text(home)
    for path in ["/team", "/cases", "/cases/new", f"/cases/{case_id}", f"/tasks/{tid}", "/payments",
                 "/deadlines", "/changes", f"/persons/{person_id}", f"/cases/{case_id}/decision/1"]:
        res = client.get(path)
        assert res.status_code == 403, path
        assert "Testowy" not in text(res)
    assert client.post("/cases/new", data={}).status_code == 403
    assert client.post("/cases", data={"q": "75011501233"}).status_code == 403


@pytest.mark.parametrize("path", ["/admin/definitions", "/admin/definitions/edit", "/admin/users"])
def test_admin_pages_are_for_admins_only(client: Any, path: str) -> None:
    login(client, "admin")
    assert client.get(path).status_code == 200
    client.post("/logout")
    login(client, "supervisor")
    assert client.get(path).status_code == 403


def test_static_files_are_served(client: Any) -> None:
    for path in ("/static/css/pomoc.css", "/static/js/pomoc.js"):
        res = client.get(path)
        assert res.status_code == 200 and res.data
        res.close()


# --- language ------------------------------------------------------------------------------------

def test_the_language_switch_shows_english(client: Any, ctx: ServiceContext, caseworker: Actor) -> None:
    open_case(ctx, caseworker)
    login(client, "caseworker1")
    res = client.get("/lang/en", headers={"Referer": "http://localhost/cases"})
    assert res.status_code == 302 and res.headers["Location"].endswith("/cases")
    page = text(client.get("/"))
    assert 'lang="en"' in page and "My tasks" in page and "New application" in page
    assert "Check application completeness" in page and "Intake" in page
    assert "Moje zadania" not in page
    client.get("/lang/pl")
    assert "Moje zadania" in text(client.get("/"))


# --- new application ----------------------------------------------------------------------------

def application_form(**overrides: str) -> dict[str, str]:
    form = {
        "benefit": "zasilek_okresowy", "reason": "bezrobocie",
        "applicant.pesel": "75011501233", "applicant.first_name": "Jan",
        "applicant.last_name": "Testowy", "applicant.net_income": "300,00",
        "members[0]._row": "1", "members[0].pesel": pesel("1525050789"),
        "members[0].first_name": "Ola", "members[0].last_name": "Testowa",
        "members[0].relation": "child",
        "members[1]._row": "1", "members[1].pesel": pesel("8001010101"),
        "members[1].first_name": "Ewa", "members[1].last_name": "Testowa",
        "members[1].relation": "spouse",
        "members[1].incomes[0]._row": "1", "members[1].incomes[0].kind": "employment",
        "members[1].incomes[0].amount": "2 100,50", "members[1].incomes[0].tax": "100",
        "address": "ul. Testowa 1, 32-065 Krzeszowice",
        "bank_account": "PL61 1090 1014 0000 0712 1981 2874",
    }
    form.update(overrides)
    return form


def test_registering_an_application_opens_the_case(client: Any, ctx: ServiceContext) -> None:
    login(client, "caseworker1")
    res = client.post("/cases/new", data=application_form())
    assert res.status_code == 302, text(res)[:2000]
    case_page = client.get(res.headers["Location"])
    body = text(case_page)
    assert case_page.status_code == 200
    assert "Wniosek został zarejestrowany." in body
    assert "Ola Testowa" in body and "Ewa Testowa" in body
    assert "2\u00a0100,50\u00a0zł" in body or "2 100,50" in body
    assert "osób: 3" in body


def test_an_application_error_keeps_every_typed_value(client: Any) -> None:
    login(client, "caseworker1")
    form = application_form(**{"members[1].pesel": "12345678901"})
    res = client.post("/cases/new", data=form)
    body = text(res)
    assert res.status_code == 422
    # The error sits next to the second member's PESEL input…
    field = re.search(r'id="f-members\[1\]\.pesel".*?</div>\s*(<p class="field-error"[^>]*>.*?</p>)',
                      body, re.S)
    assert field is not None, body
    assert 'aria-invalid="true"' in body
    # …and nothing the user typed is lost.
    for value in ("Jan", "Testowy", "300,00", "Ola", "Ewa", "12345678901", "2 100,50",
                  "ul. Testowa 1, 32-065 Krzeszowice"):
        assert f'value="{value}"' in body, value
    assert re.search(r'value="child"\s+selected', body)
    assert re.search(r'value="zasilek_okresowy"\s+checked', body)


def test_adding_a_member_without_javascript_keeps_the_input(client: Any) -> None:
    login(client, "caseworker1")
    form = application_form(_action="add:members")
    res = client.post("/cases/new", data=form)
    body = text(res)
    assert res.status_code == 200
    assert 'name="members[2].pesel"' in body and 'value="Ewa"' in body
    res = client.post("/cases/new", data=application_form(_action="remove:members[0]"))
    body = text(res)
    assert 'value="Ola"' not in body and 'name="members[0].first_name" type="text" value="Ewa"' in body


def test_many_members_can_be_registered(client: Any, ctx: ServiceContext) -> None:
    login(client, "caseworker1")
    form = application_form()
    for i in range(2, 9):
        form.update({f"members[{i}]._row": "1", f"members[{i}].pesel": pesel(f"1525{10 + i:02d}0789"),
                     f"members[{i}].first_name": f"Dziecko{i}", f"members[{i}].last_name": "Testowe",
                     f"members[{i}].relation": "child"})
    res = client.post("/cases/new", data=form)
    assert res.status_code == 302, text(res)[:3000]
    assert "osób: 10" in text(client.get(res.headers["Location"]))


# --- tasks -------------------------------------------------------------------------------------

def test_completing_a_task_goes_on_to_the_next_task_of_the_case_with_a_message(
    client: Any, ctx: ServiceContext, caseworker: Actor
) -> None:
    # Issue 15 part 7: the user goes on to their next task of the same case (it was the
    # worklist, which did not list it yet when a background step came first).
    case_id = open_case(ctx, caseworker)
    tid = task_id(ctx, case_id, "completeness_check")
    login(client, "caseworker1")
    page = text(client.get(f"/tasks/{tid}"))
    assert 'name="complete"' in page and 'name="version"' in page
    version = worklist.get_task(ctx, caseworker, tid)["version"]
    res = client.post(f"/tasks/{tid}", data={"complete": "on", "version": str(version)})
    interview = task_id(ctx, case_id, "conduct_interview")
    assert res.status_code == 302 and res.headers["Location"].endswith(f"/tasks/{interview}")
    assert "zostało wykonane" in text(client.get(res.headers["Location"]))
    assert worklist.get_task(ctx, caseworker, tid)["status"] == "completed"


def test_a_task_form_error_keeps_what_was_typed(
    client: Any, ctx: ServiceContext, caseworker: Actor, supervisor: Actor
) -> None:
    case_id = open_case(ctx, caseworker)
    tid = drive_until(ctx, case_id, "conduct_interview", {"caseworker": caseworker,
                                                           "supervisor": supervisor})
    login(client, "caseworker1")
    page = text(client.get(f"/tasks/{tid}"))
    assert "Jan Testowy" in page and 'name="verified_incomes[0].member_index"' in page
    findings = "Mieszkanie zadbane; wnioskodawca szuka pracy <b>od marca</b>."
    res = client.post(f"/tasks/{tid}", data={
        "interview_on": "2026-03-02", "findings": findings, "help_plan": "",
        "verified_incomes[0]._row": "1", "verified_incomes[0].member_index": "0",
        "verified_incomes[0].net_income": "abc",
    })
    body = text(res)
    assert res.status_code == 422
    assert "Mieszkanie zadbane; wnioskodawca szuka pracy &lt;b&gt;od marca&lt;/b&gt;." in body
    assert 'value="abc"' in body and 'value="2026-03-02"' in body
    assert re.search(r'id="f-help_plan-err"[^>]*>.*?To pole jest wymagane', body, re.S)
    assert re.search(r'id="f-verified_incomes\[0\]\.net_income-err"', body)
    assert worklist.get_task(ctx, caseworker, tid)["status"] == "ready"


def test_a_service_validation_error_is_shown_next_to_the_field(
    client: Any, ctx: ServiceContext, caseworker: Actor, supervisor: Actor
) -> None:
    case_id = open_case(ctx, caseworker)
    tid = drive_until(ctx, case_id, "approve_decision", {"caseworker": caseworker,
                                                          "supervisor": supervisor})
    login(client, "supervisor")
    page = text(client.get(f"/tasks/{tid}"))
    assert "Wyliczenie krok po kroku" in page and "Projekt decyzji" in page
    # Returning a draft needs a comment (a conditional rule only the service's schema knows).
    res = client.post(f"/tasks/{tid}", data={"approval": "return", "approval_comment": ""})
    body = text(res)
    assert res.status_code == 422
    assert re.search(r'value="return"\s+checked', body)
    assert 'id="f-approval_comment-err"' in body


def test_a_stale_version_is_a_clear_conflict_and_keeps_the_input(
    client: Any, ctx: ServiceContext, caseworker: Actor
) -> None:
    case_id = open_case(ctx, caseworker)
    tid = task_id(ctx, case_id, "completeness_check")
    version = worklist.get_task(ctx, caseworker, tid)["version"]
    login(client, "caseworker1")
    res = client.post(f"/tasks/{tid}", data={
        "missing_items": "Brak zaświadczenia o dochodach.", "version": str(version + 7)})
    body = text(res)
    assert res.status_code == 409
    assert "ktoś zmienił to zadanie" in body
    assert "Brak zaświadczenia o dochodach." in body
    assert f'href="/tasks/{tid}"' in body


def test_the_four_eyes_rule_is_explained(
    client: Any, ctx: ServiceContext, caseworker: Actor, supervisor: Actor
) -> None:
    # Users survive between the tests of one session, so the account may exist already.
    with contextlib.suppress(Conflict):
        create_user(ctx, "dual_role", "Ewa Dwurolowa", ["caseworker", "supervisor"], "demo",
                    password_policy=False)
    dual = actor_for(ctx, "dual_role")
    case_id = open_case(ctx, dual)
    tid = drive_until(ctx, case_id, "approve_decision", {"caseworker": dual, "supervisor": supervisor})
    login(client, "dual_role")
    res = client.post(f"/tasks/{tid}", data={"approval": "approve",
                                              "approval_comment": "Zgodnie z wyliczeniem."})
    body = text(res)
    assert res.status_code == 403
    assert "dwóch par oczu" in body
    assert "Zgodnie z wyliczeniem." in body


def test_claim_and_release(client: Any, ctx: ServiceContext, caseworker: Actor) -> None:
    case_id = open_case(ctx, caseworker)
    tid = task_id(ctx, case_id, "completeness_check")
    login(client, "caseworker1")
    res = client.post(f"/tasks/{tid}/release", data={"next": "/team"})
    assert res.status_code == 302 and res.headers["Location"].endswith("/team")
    assert worklist.get_task(ctx, caseworker, tid)["assignee_id"] is None
    assert "Przejmij" in text(client.get("/team"))
    client.post(f"/tasks/{tid}/claim", data={"next": "/"})
    assert worklist.get_task(ctx, caseworker, tid)["assignee_id"] == caseworker.id


def test_a_supervisor_reassigns_a_task(client: Any, ctx: ServiceContext, caseworker: Actor,
                                       caseworker2: Actor) -> None:
    case_id = open_case(ctx, caseworker)
    tid = task_id(ctx, case_id, "completeness_check")
    login(client, "supervisor")
    assert "Piotr Nowak" in text(client.get("/team"))
    res = client.post(f"/tasks/{tid}/assign", data={"user_id": str(caseworker2.id), "next": "/team"})
    assert res.status_code == 302
    assert worklist.get_task(ctx, caseworker, tid)["assignee_id"] == caseworker2.id


def test_deadlines_group_overdue_tasks(client: Any, ctx: ServiceContext, caseworker: Actor,
                                       supervisor: Actor, clock: Any) -> None:
    case_id = open_case(ctx, caseworker)
    drive_until(ctx, case_id, "conduct_interview", {"caseworker": caseworker, "supervisor": supervisor})
    clock.advance(days=40)
    login(client, "supervisor")
    body = text(client.get("/deadlines"))
    overdue = body.split('id="h-overdue"')[1].split('id="h-today"')[0]
    assert "due-overdue" in overdue and "POM/" in overdue
    assert "due-overdue" in text(client.get("/team"))


# --- the case file, payments ---------------------------------------------------------------------

def test_the_case_file_explains_the_decision_and_pays(
    client: Any, ctx: ServiceContext, caseworker: Actor, supervisor: Actor
) -> None:
    case_id = open_case(ctx, caseworker)
    drive(ctx, case_id, {"caseworker": caseworker, "supervisor": supervisor},
          until=lambda ts: not any(t.name != "interview_update" for t in ts))
    login(client, "supervisor")
    body = text(client.get(f"/cases/{case_id}"))
    assert "Wyliczenie krok po kroku" in body and "Zastosowane parametry prawne" in body
    assert "u.p.s." in body and "Obowiązuje od" in body
    doc = re.search(rf'href="(/cases/{case_id}/decision/\d+)"', body)
    assert doc is not None
    res = client.get(doc.group(1))
    assert res.status_code == 200 and "DECYZJA" in text(res)
    assert "default-src 'none'" in res.headers["Content-Security-Policy"]

    res = client.post("/payments/run", data={"month": "2026-03"})
    assert res.status_code == 302
    list_url = res.headers["Location"]
    page = text(client.get(list_url))
    assert "Zatwierdź listę" in page and "Jan Testowy" in page
    # The supervisor who ran the list may not approve it (four eyes); a second one does.
    refused = client.post(list_url + "/approve")
    assert refused.status_code == 403 and "dwóch par oczu" in text(refused)
    client.post("/logout")
    login(client, "supervisor2")
    assert client.post(list_url + "/approve").status_code == 302
    xlsx = client.post(list_url + "/export/xlsx")
    assert xlsx.status_code == 200 and xlsx.mimetype.endswith("spreadsheetml.sheet")
    assert "Listy wypłat" in text(client.get("/payments"))


def test_a_bad_month_for_the_payment_run_is_explained(client: Any) -> None:
    login(client, "supervisor")
    res = client.post("/payments/run", data={"month": "marzec"}, follow_redirects=True)
    assert "RRRR-MM" in text(res)


def test_a_missing_case_is_a_friendly_404(client: Any) -> None:
    login(client, "caseworker1")
    res = client.get("/cases/999999")
    assert res.status_code == 404 and "Sprawa 999999 nie istnieje." in text(res)


# --- administration ----------------------------------------------------------------------------

def test_the_admin_lists_definitions_and_opens_the_editor(client: Any) -> None:
    login(client, "admin")
    assert "benefit_case" in text(client.get("/admin/definitions"))
    editor = text(client.get("/admin/definitions/edit"))
    assert 'id="definition-data"' in editor and "benefit_case.bpmn" in editor
    assert "bpmn-modeler.production.min.js" in editor


def test_deploying_invalid_bpmn_returns_the_errors(client: Any) -> None:
    login(client, "admin")
    res = client.post("/admin/definitions/deploy",
                      json={"sources": {"benefit_case.bpmn": "<not-bpmn/>"}, "forms": {}})
    assert res.status_code == 422
    body = res.get_json()
    assert body["error"] and body["fields"]
    res = client.post("/admin/definitions/deploy", json={"sources": {}, "forms": []})
    assert res.status_code == 422 and set(res.get_json()["fields"]) == {"sources", "forms"}


def test_redeploying_the_active_version_changes_nothing(client: Any, ctx: ServiceContext,
                                                        admin: Actor) -> None:
    login(client, "admin")
    editor = text(client.get("/admin/definitions/edit"))
    data = json.loads(html.unescape(editor.split('id="definition-data">')[1].split("</script>")[0]))
    res = client.post("/admin/definitions/deploy", json={"sources": data["sources"],
                                                         "forms": data["forms"]})
    assert res.status_code == 200 and res.get_json()["created"] is False


def test_the_admin_creates_a_user_and_errors_keep_the_input(client: Any) -> None:
    login(client, "admin")
    form = text(client.get("/admin/users"))
    for role in ("caseworker", "supervisor", "admin"):
        assert f'name="roles" value="{role}"' in form
    res = client.post("/admin/users", data={"username": "", "full_name": "Zofia Nowa",
                                            "position": "pracownik socjalny", "password": "x"})
    body = text(res)
    assert res.status_code == 422
    assert 'value="Zofia Nowa"' in body and "Wybierz co najmniej jedną rolę." in body
    res = client.post("/admin/users", data={"username": "zofia.nowa", "full_name": "Zofia Nowa",
                                            "position": "pracownik socjalny", "password": "dluzsze-haslo-1",
                                            "roles": ["caseworker"]})
    if res.status_code == 422:  # already created earlier in this test session
        assert "już istnieje" in text(res)
    else:
        assert res.status_code == 302
    assert "zofia.nowa" in text(client.get("/admin/users"))


# --- CSRF (disabled for the other tests) ---------------------------------------------------------

def test_every_post_needs_the_csrf_token(ctx: ServiceContext, test_config: Any) -> None:
    from app import create_app

    app = create_app({**test_config, "SERVICE_CONTEXT": ctx, "WTF_CSRF_ENABLED": True})
    client = app.test_client()
    page = text(client.get("/login"))
    token = re.search(r'name="csrf_token" value="([^"]+)"', page)
    assert token is not None
    assert client.post("/login", data={"username": "admin", "password": "demo"}).status_code == 400
    res = client.post("/login", data={"username": "admin", "password": "demo",
                                      "csrf_token": token.group(1)})
    assert res.status_code == 302
    editor = text(client.get("/admin/definitions/edit"))
    header_token = re.search(r'data-csrf="([^"]+)"', editor)
    assert header_token is not None
    body = {"sources": {"x.bpmn": "<x/>"}, "forms": {}}
    assert client.post("/admin/definitions/deploy", json=body).status_code == 400
    res = client.post("/admin/definitions/deploy", json=body,
                      headers={"X-CSRFToken": header_token.group(1)})
    assert res.status_code == 422
    assert client.post("/logout").status_code == 400


def test_supervisor_sees_and_retries_a_failed_job(
    client: Any, ctx: ServiceContext, caseworker: Actor
) -> None:
    from sqlalchemy import select

    from app.persistence.models import Job
    from app.services.workflow.jobs import MAX_ATTEMPTS, record_failure
    from tests.drive import complete_named

    case_id = open_case(ctx, caseworker)
    complete_named(ctx, case_id, "completeness_check", caseworker)
    complete_named(ctx, case_id, "conduct_interview", caseworker)
    with ctx.uow(readonly=True) as uow:
        job_id = uow.session.scalars(select(Job.id)).one()
    for _ in range(MAX_ATTEMPTS):
        record_failure(ctx, job_id, RuntimeError("the eligibility service is down"))
    login(client, "supervisor")
    page = text(client.get("/deadlines"))
    assert "Zadania systemowe wymagające uwagi" in page and "eligibility" in page
    assert "wstrzymane" in page
    res = client.post(f"/jobs/{job_id}/retry", follow_redirects=True)
    assert res.status_code == 200 and "ponownie zlecone" in text(res)
    with ctx.uow(readonly=True) as uow:
        assert uow.session.get(Job, job_id).status == "pending"
    client.post("/logout")
    login(client, "caseworker1")
    assert client.post(f"/jobs/{job_id}/retry").status_code == 403
