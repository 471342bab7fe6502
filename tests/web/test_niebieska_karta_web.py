"""The Niebieska Karta procedure through the API and on the pages (issue 17 part 2), each rule of
least privilege per role: the caseworker who started it and the members the head assigns read
it, and the head of the centre; another caseworker, a supervisor who is not the head and an
admin are refused (no names, no content); every read is audited; a caseworker on a benefit case
of the family sees only the notice that a procedure runs; Terminy shows its deadlines; bad input
is a coded 422, a stale version a 409."""

from __future__ import annotations

import html
from typing import Any

import pytest
from sqlalchemy import func, select

from app.persistence.models import AuditEvent, User
from app.services.kernel.context import Actor, ServiceContext
from app.services.niebieska_karta import procedures
from tests.nk_data import form_a
from tests.social_work_data import family_with_case
from tests.web.test_pages import login

pytestmark = [pytest.mark.timeout(180), pytest.mark.embedded]

FACTS = "Awantura domowa, pobicie; interwencja dzielnicowego."


def token(client: Any, username: str) -> dict[str, str]:
    res = client.post("/api/auth/token", json={"username": username, "password": "demo"})
    assert res.status_code == 200, res.get_json()
    return {"Authorization": f"Bearer {res.get_json()['token']}"}


def text(res: Any) -> str:
    return html.unescape(res.get_data(as_text=True))


def _reads(ctx: ServiceContext) -> int:
    with ctx.uow(readonly=True) as uow:
        return uow.session.scalar(select(func.count()).select_from(AuditEvent).where(
            AuditEvent.action == "nk.read")) or 0


def _user_id(ctx: ServiceContext, username: str) -> int:
    with ctx.uow(readonly=True) as uow:
        found = uow.session.scalar(select(User.id).where(User.username == username))
        assert found is not None
        return found


# --- API ------------------------------------------------------------------------------------

def test_api_each_role_reads_only_what_least_privilege_allows_and_every_read_is_audited(
        client: Any, ctx: ServiceContext) -> None:
    case_id, applicant, child = family_with_case(ctx)
    cw = token(client, "caseworker1")
    res = client.post("/api/niebieska-karta", headers=cw, json=form_a(child, applicant))
    assert res.status_code == 201, res.get_json()
    pid = res.get_json()["id"]
    assert _reads(ctx) == 0
    # The starter and the head of the centre read it, each read audited.
    for who in ("caseworker1", "supervisor"):
        res = client.get(f"/api/niebieska-karta/{pid}", headers=token(client, who))
        assert res.status_code == 200, (who, res.get_json())
        body = res.get_json()
        assert (body["affected_name"], body["suspect_name"]) == ("Ola Testowa", "Ewa Testowa")
        assert body["facts"] == FACTS and body["open_step"]["step"] == "nk_handover"
    assert _reads(ctx) == 2
    # Another caseworker, a supervisor who is not the head, an admin: refused, nothing shown.
    for who, code in (("caseworker2", "nk.not_assigned"), ("supervisor2", "nk.not_assigned"),
                      ("admin", "endpoint_role")):
        headers = token(client, who)
        for url in (f"/api/niebieska-karta/{pid}", "/api/niebieska-karta"):
            res = client.get(url, headers=headers)
            page = res.get_data(as_text=True)
            if res.status_code == 200:  # the list: empty for someone assigned to nothing
                assert res.get_json() == [], (who, url)
            else:
                assert res.status_code == 403 and res.get_json()["code"] == code, (who, url)
            assert "Testowa" not in page and "Awantura" not in page, (who, url)
        res = client.post(f"/api/niebieska-karta/{pid}/forms", headers=headers,
                          json={"version": 1, "form": "B", "on": "2026-03-02"})
        assert res.status_code == 403, who
    assert _reads(ctx) == 2
    # The head assigns caseworker2 (a caseworker may not), who then reads it.
    res = client.post(f"/api/niebieska-karta/{pid}/members", headers=cw,
                      json={"version": 1, "user_id": _user_id(ctx, "caseworker2")})
    assert res.status_code == 403
    res = client.post(f"/api/niebieska-karta/{pid}/members", headers=token(client, "supervisor"),
                      json={"version": 1, "user_id": _user_id(ctx, "caseworker2")})
    assert res.status_code == 200, res.get_json()
    cw2 = token(client, "caseworker2")
    assert client.get(f"/api/niebieska-karta/{pid}", headers=cw2).status_code == 200
    assert [r["id"] for r in client.get("/api/niebieska-karta", headers=cw2).get_json()] == [pid]
    assert _reads(ctx) == 3


def test_api_the_family_flag_is_bare_and_an_admin_gets_nothing(
        client: Any, ctx: ServiceContext, caseworker: Actor) -> None:
    case_id, applicant, child = family_with_case(ctx)
    cw2 = token(client, "caseworker2")
    assert client.get(f"/api/cases/{case_id}/niebieska-karta", headers=cw2).get_json() == {
        "case_id": case_id, "procedure_in_family": False}
    procedures.start(ctx, caseworker, form_a(child, applicant))
    res = client.get(f"/api/cases/{case_id}/niebieska-karta", headers=cw2)
    assert res.get_json() == {"case_id": case_id, "procedure_in_family": True}
    assert client.get("/api/cases/999999/niebieska-karta", headers=cw2).status_code == 404
    res = client.get(f"/api/cases/{case_id}/niebieska-karta", headers=token(client, "admin"))
    assert res.status_code == 403 and "procedure_in_family" not in res.get_data(as_text=True)


def test_api_bad_input_is_a_coded_422_and_a_stale_version_a_409(
        client: Any, ctx: ServiceContext) -> None:
    _, applicant, child = family_with_case(ctx)
    cw = token(client, "caseworker1")
    res = client.post("/api/niebieska-karta", headers=cw, json=form_a(child, child,
                                                                      violence_kinds=[]))
    assert res.status_code == 422
    fields = res.get_json()["field_codes"]
    assert set(fields) == {"violence_kinds", "suspect_id"}
    assert fields["suspect_id"]["code"] == "nk.same_person"
    pid = client.post("/api/niebieska-karta", headers=cw,
                      json=form_a(child, applicant)).get_json()["id"]
    assert client.post(f"/api/niebieska-karta/{pid}/handover", headers=cw, json={
        "version": 1, "handed_on": "2026-03-02"}).status_code == 200
    res = client.post(f"/api/niebieska-karta/{pid}/forms", headers=cw, json={
        "version": 1, "form": "B", "on": "2026-03-02"})
    assert res.status_code == 409 and res.get_json()["code"] == "nk.changed"
    res = client.post(f"/api/niebieska-karta/{pid}/meetings", headers=cw, json={
        "version": 2, "met_on": "2026-03-02", "attendees": ["Anna Kowalska (OPS)"],
        "decision": "continue"})
    assert res.status_code == 422
    assert res.get_json()["field_codes"]["next_meeting_on"]["code"] == "nk.next_meeting"
    assert client.post(f"/api/niebieska-karta/{pid}/meetings", headers=cw, json={
        "version": 2, "met_on": "2026-03-02", "attendees": ["Anna Kowalska (OPS)"],
        "decision": "close"}).status_code == 201
    res = client.post(f"/api/niebieska-karta/{pid}/close", headers=cw, json={
        "version": 3, "closed_on": "2026-03-02", "ground": "violence_ended"})
    assert res.status_code == 422 and res.get_json()["field_codes"]["ground"]["code"] == "nk.no_plan"
    res = client.post(f"/api/niebieska-karta/{pid}/close", headers=cw, json={
        "version": 3, "closed_on": "2026-03-02", "ground": "no_grounds"})
    assert res.status_code == 200 and res.get_json()["status"] == "closed"


# --- pages ----------------------------------------------------------------------------------

def _start_on_the_page(client: Any, child: int, applicant: int) -> int:
    login(client, "caseworker1")
    page = text(client.get(f"/persons/{child}/niebieska-karta/new"))
    assert "Formularz „Niebieska Karta – A”" in page and "Ewa Testowa" in page
    res = client.post(f"/persons/{child}/niebieska-karta/new", data={
        "suspect_id": str(applicant), "started_on": "02.03.2026", "facts": FACTS,
        "violence_kinds": ["physical", "economic"], "affected_present": "on"})
    assert res.status_code == 302, text(res)[:3000]
    return int(res.headers["Location"].rsplit("/", 1)[-1])


def test_pages_the_starter_records_the_steps_and_refusals_keep_the_input(
        client: Any, ctx: ServiceContext) -> None:
    _, applicant, child = family_with_case(ctx)
    res = client.post(f"/persons/{child}/niebieska-karta/new", data={})
    assert res.status_code == 302  # not logged in: the login page
    pid = _start_on_the_page(client, child, applicant)
    page = text(client.get(f"/niebieska-karta/{pid}"))
    assert "Ola Testowa" in page and "Ewa Testowa" in page and FACTS in page
    assert "fizyczna, ekonomiczna" in page and "09.03.2026" in page  # the hand-over's deadline
    res = client.post(f"/niebieska-karta/{pid}/handover", data={
        "version": "1", "handover.handed_on": "01.03.2026"})
    assert res.status_code == 422
    assert "Data nie może być wcześniejsza niż dzień wszczęcia procedury" in text(res)
    assert client.post(f"/niebieska-karta/{pid}/handover", data={
        "version": "1", "handover.handed_on": "02.03.2026"}).status_code == 302
    res = client.post(f"/niebieska-karta/{pid}/forms", data={
        "version": "1", "form.form": "B", "form.on": "02.03.2026", "form.note": "Zachowaj mnie"})
    assert res.status_code == 409
    page = text(res)
    assert "Nie zapisano — ktoś zmienił tę procedurę" in page and "Zachowaj mnie" in page
    res = client.post(f"/niebieska-karta/{pid}/meetings", data={
        "version": "2", "meeting.met_on": "02.03.2026", "meeting.decision": "close",
        "meeting.attendees": "Anna Kowalska (OPS)\nst. asp. Jan Kos (Policja)\n"})
    assert res.status_code == 302, text(res)[:3000]
    page = text(client.get(f"/niebieska-karta/{pid}"))
    assert "Anna Kowalska (OPS), st. asp. Jan Kos (Policja)" in page
    assert "Zakończenie procedury" in page
    assert client.post(f"/niebieska-karta/{pid}/close", data={
        "version": "3", "closing.closed_on": "02.03.2026",
        "closing.ground": "no_grounds"}).status_code == 302
    assert "brak zasadności podejmowania działań" in text(client.get(f"/niebieska-karta/{pid}"))


def test_pages_only_the_assigned_and_the_head_see_it_and_the_nav_link_follows(
        client: Any, ctx: ServiceContext) -> None:
    case_id, applicant, child = family_with_case(ctx)
    pid = _start_on_the_page(client, child, applicant)
    assert 'href="/niebieska-karta"' in text(client.get("/"))
    for who in ("caseworker2", "supervisor2", "admin"):
        client.post("/logout")
        login(client, who)
        for url in (f"/niebieska-karta/{pid}", "/niebieska-karta"):
            res = client.get(url)
            page = text(res)
            assert "Ola Testowa" not in page and FACTS not in page, (who, url)
            if url != "/niebieska-karta" or who == "admin":
                assert res.status_code == 403, (who, url)
    # The link: a caseworker (who starts procedures) sees it; an admin and a supervisor who is
    # neither the head nor assigned do not.
    assert 'href="/niebieska-karta"' not in text(client.get("/"))
    client.post("/logout")
    login(client, "supervisor2")
    assert 'href="/niebieska-karta"' not in text(client.get("/deadlines"))
    # The head sees it, its deadline on Terminy (number, no names), and assigns supervisor2.
    client.post("/logout")
    login(client, "supervisor")
    page = text(client.get("/deadlines"))
    assert f"NK/2026/{pid}" in page and "Przekazanie formularza A przewodniczącemu zespołu" in page
    section = page[page.index('id="nk-deadlines"'):page.index("h-reviews")]
    assert "Ola Testowa" not in section
    page = text(client.get(f"/niebieska-karta/{pid}"))
    assert "Ola Testowa" in page and "Przypisz" in page
    assert "Kroki zapisują osoby przypisane do procedury." in page
    assert client.post(f"/niebieska-karta/{pid}/members", data={
        "version": "1", "member.user_id": str(_user_id(ctx, "supervisor2"))}).status_code == 302
    client.post("/logout")
    login(client, "supervisor2")
    assert 'href="/niebieska-karta"' in text(client.get("/"))
    assert "Ola Testowa" in text(client.get(f"/niebieska-karta/{pid}"))
    assert client.post(f"/niebieska-karta/{pid}/members", data={
        "version": "2", "member.user_id": "1"}).status_code == 403


def test_the_case_page_of_the_family_shows_only_that_a_procedure_runs(
        client: Any, ctx: ServiceContext, caseworker: Actor) -> None:
    case_id, applicant, child = family_with_case(ctx)
    login(client, "caseworker2")
    notice = "W rodzinie prowadzona jest procedura „Niebieskie Karty”."
    assert notice not in text(client.get(f"/cases/{case_id}"))
    saved = procedures.start(ctx, caseworker, form_a(child, applicant))
    page = text(client.get(f"/cases/{case_id}"))
    assert notice in page
    assert FACTS not in page and f"/niebieska-karta/{saved.id}" not in page
    assert f"NK/2026/{saved.id}" not in page
