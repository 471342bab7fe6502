"""Social work through the API and the pages: the same refusals with codes (API) and in Polish with
the input kept (pages), the admin seeing no content, the version conflict, Terminy's stage reviews,
the OpenAPI entries, and the art. 11 ust. 2 notice on the family's decision draft (which changes no
amount)."""

from __future__ import annotations

import html
from typing import Any

import pytest
from sqlalchemy import select

from app.persistence.models import Case
from app.services.cases import opening as cases
from app.services.kernel.context import Actor, ServiceContext
from app.services.social_work import contracts
from app.services.workflow import worklist
from tests.drive import sample_application
from tests.integration.test_documents import _until_draft
from tests.social_work_data import contract_body, open_record, person
from tests.web.test_pages import login, task_id

pytestmark = [pytest.mark.timeout(180), pytest.mark.embedded]


def token(client: Any, username: str) -> dict[str, str]:
    res = client.post("/api/auth/token", json={"username": username, "password": "demo"})
    assert res.status_code == 200, res.get_json()
    return {"Authorization": f"Bearer {res.get_json()['token']}"}


def text(res: Any) -> str:
    return html.unescape(res.get_data(as_text=True))


# --- API ------------------------------------------------------------------------------------

def test_api_records_a_visit_and_a_contract_and_the_admin_sees_nothing(
        client: Any, ctx: ServiceContext, caseworker: Actor) -> None:
    anna, jan = person(ctx, "Anna", "Nowak", 1), person(ctx, "Jan", "Nowak", 2)
    cw = token(client, "caseworker1")
    res = client.post("/api/social-work", json={"person_id": anna, "member_ids": [jan]}, headers=cw)
    assert res.status_code == 201, res.get_json()
    rid = res.get_json()["id"]
    res = client.post(f"/api/social-work/{rid}/entries", headers=cw, json={
        "kind": "visit", "on": "2026-03-01", "text": "Wizyta domowa."})
    assert res.status_code == 201, res.get_json()
    res = client.post(f"/api/social-work/{rid}/contracts", headers=cw, json=contract_body(anna))
    assert res.status_code == 201, res.get_json()
    body = client.get(f"/api/social-work/{rid}", headers=cw).get_json()
    assert body["entries"][0]["on"] == "2026-03-01" and body["entries"][0]["by_name"]
    assert body["contracts"][0]["stages"][0]["review_on"] == "2026-03-03"
    assert [m["name"] for m in body["members"]] == ["Anna Nowak", "Jan Nowak"]
    admin = token(client, "admin")
    for url in (f"/api/social-work/{rid}", "/api/social-work",
                "/api/social-work/given?start=2026-01-01&end=2026-06-30"):
        res = client.get(url, headers=admin)
        assert res.status_code == 403, url
        assert "Nowak" not in res.get_data(as_text=True) and "Wizyta" not in res.get_data(as_text=True)
    res = client.post(f"/api/social-work/{rid}/entries", headers=admin,
                      json={"kind": "note", "on": "2026-03-01", "text": "x"})
    assert res.status_code == 403
    given = client.get("/api/social-work/given?start=2026-01-01&end=2026-06-30", headers=cw).get_json()
    assert (given["persons"], given["families_without_benefit"]) == (2, 1)


def test_api_bad_input_is_422_with_coded_fields_and_a_stale_version_is_409(
        client: Any, ctx: ServiceContext, caseworker: Actor) -> None:
    anna = person(ctx, "Anna", "Nowak", 1)
    rid = open_record(ctx, caseworker, anna)
    cw = token(client, "caseworker1")
    res = client.post(f"/api/social-work/{rid}/entries", headers=cw,
                      json={"kind": "telefon", "on": "01.03.2026", "text": ""})
    assert res.status_code == 422
    assert set(res.get_json()["fields"]) == {"kind", "on", "text"}
    res = client.post(f"/api/social-work/{rid}/contracts", headers=cw,
                      json={"person_id": anna, "status": "refused"})
    assert res.status_code == 422
    assert res.get_json()["field_codes"]["reason"]["code"] == "social_work.refusal_field_required"
    version = client.get(f"/api/social-work/{rid}", headers=cw).get_json()["version"]
    assert client.post(f"/api/social-work/{rid}/update", headers=cw,
                       json={"version": version, "help_plan": "Plan A"}).status_code == 200
    res = client.post(f"/api/social-work/{rid}/update", headers=token(client, "caseworker2"),
                      json={"version": version, "help_plan": "Plan B"})
    assert res.status_code == 409
    assert res.get_json()["code"] == "social_work.record_changed"
    assert res.get_json()["current_version"] == version + 1
    assert client.get("/api/social-work/given?start=2026-02-01&end=x", headers=cw).status_code == 422


def test_openapi_declares_the_social_work_endpoints(client: Any) -> None:
    doc = client.get("/api/openapi.json").get_json()
    for path in ("/api/social-work", "/api/social-work/given", "/api/social-work/{record_id}",
                 "/api/social-work/{record_id}/entries", "/api/social-work/{record_id}/contracts",
                 "/api/social-contracts/{contract_id}/review",
                 "/api/social-contracts/{contract_id}/outcome"):
        assert path in doc["paths"], path
    assert "SocialContractRequest" in doc["components"]["schemas"]


# --- pages ----------------------------------------------------------------------------------

def test_pages_record_a_visit_in_polish_keep_bad_input_and_refuse_the_admin(
        client: Any, ctx: ServiceContext, caseworker: Actor) -> None:
    anna = person(ctx, "Anna", "Nowak", 1)
    login(client, "caseworker1")
    res = client.post(f"/persons/{anna}/social-work/new", data={"help_plan": "Wsparcie."})
    assert res.status_code == 302, text(res)[:2000]
    rid = int(res.headers["Location"].rsplit("/", 1)[-1])
    res = client.post(f"/social-work/{rid}/entries", data={
        "entry.kind": "visit", "entry.on": "31.02.2026", "entry.text": "Wizyta — ustalenia do zachowania."})
    assert res.status_code == 422
    page = text(res)
    assert "Formularz zawiera błędy" in page and "Wizyta — ustalenia do zachowania." in page
    assert "31.02.2026" in page
    res = client.post(f"/social-work/{rid}/entries", data={
        "entry.kind": "visit", "entry.on": "01.03.2026", "entry.text": "Wizyta w domu."})
    assert res.status_code == 302
    page = text(client.get(f"/social-work/{rid}"))
    assert "Wizyty i notatki" in page and "Wizyta w domu." in page and "01.03.2026" in page
    assert "Anna Nowak" in text(client.get("/social-work"))
    client.post("/logout")
    login(client, "admin")
    for url in (f"/social-work/{rid}", "/social-work", f"/social-work/{rid}/contracts/new"):
        res = client.get(url)
        assert res.status_code == 403, url
        assert "Nowak" not in text(res) and "Wizyta w domu" not in text(res)


def test_pages_record_a_contract_and_a_stale_plan_is_a_conflict(
        client: Any, ctx: ServiceContext, caseworker: Actor, caseworker2: Actor) -> None:
    anna = person(ctx, "Anna", "Nowak", 1)
    rid = open_record(ctx, caseworker, anna)
    login(client, "caseworker1")
    form = client.get(f"/social-work/{rid}/contracts/new")
    assert form.status_code == 200 and "Cel główny" in text(form)
    res = client.post(f"/social-work/{rid}/contracts/new", data={
        "person_id": str(anna), "status": "signed", "form_part": "A", "concluded_on": "02.03.2026",
        "goal": "Podjęcie pracy.", "person_obligations": "", "centre_obligations": "Pomoc.",
        "stages[0]._row": "1", "stages[0].action": "Rejestracja w PUP",
        "stages[0].review_on": "01.03.2026"})
    assert res.status_code == 422
    page = text(res)
    assert "To pole jest wymagane w zawartym kontrakcie socjalnym." in page
    assert "Data przeglądu etapu nie może przypadać przed zawarciem kontraktu." in page
    assert "Rejestracja w PUP" in page
    res = client.post(f"/social-work/{rid}/contracts/new", data={
        "person_id": str(anna), "status": "signed", "form_part": "A", "concluded_on": "02.03.2026",
        "goal": "Podjęcie pracy.", "person_obligations": "Rejestracja.", "centre_obligations": "Pomoc.",
        "stages[0]._row": "1", "stages[0].action": "Rejestracja w PUP",
        "stages[0].review_on": "04.03.2026"})
    assert res.status_code == 302, text(res)[:3000]
    page = text(client.get(f"/social-work/{rid}"))
    assert "Kontrakt nr" in page and "Rejestracja w PUP" in page and "04.03.2026" in page
    version = int(page.split('name="version" value="', 1)[1].split('"', 1)[0])
    from app.services.social_work import records
    records.update_record(ctx, caseworker2, rid, {"version": version, "help_plan": "Zmiana obok."})
    res = client.post(f"/social-work/{rid}/plan", data={"version": str(version),
                                                        "plan.help_plan": "Mój plan"})
    assert res.status_code == 409
    page = text(res)
    assert "Nie zapisano — ktoś zmienił te akta" in page and "Mój plan" in page
    client.post("/logout")
    login(client, "supervisor")
    page = text(client.get("/deadlines"))
    assert "Kontrakty socjalne: przeglądy etapów" in page and "Rejestracja w PUP" in page


def test_a_refused_contract_shows_on_the_family_draft_and_changes_no_amount(
        client: Any, ctx: ServiceContext, caseworker: Actor, supervisor: Actor) -> None:
    case_id = cases.open_case(ctx, caseworker, sample_application())
    _until_draft(ctx, case_id, {"caseworker": caseworker, "supervisor": supervisor})
    tid = task_id(ctx, case_id, "draft_decision")
    before = worklist.get_task(ctx, caseworker, tid)["context"]
    assert "social_contract_refusals" not in before
    with ctx.uow(readonly=True) as uow:
        applicant = uow.session.scalar(select(Case.applicant_id).where(Case.id == case_id))
    assert applicant is not None
    rid = open_record(ctx, caseworker, applicant)
    contracts.record_contract(ctx, caseworker, rid, {
        "person_id": applicant, "status": "refused", "refused_on": "2026-03-01",
        "reason": "Nie zgadza się na terapię."})
    after = worklist.get_task(ctx, caseworker, tid)["context"]
    notice = after["social_contract_refusals"]
    assert notice["article"] == "art. 11 ust. 2 ustawy o pomocy społecznej"
    assert [(r["status"], r["on"], r["reason"]) for r in notice["refusals"]] == [
        ("refused", "2026-03-01", "Nie zgadza się na terapię.")]
    # Never applied by itself: the computed figures and the draft's starting values are the same.
    assert after["calculation"] == before["calculation"]
    assert after["initial"] == before["initial"]
    assert after["eligibility"] == before["eligibility"]
    login(client, "caseworker1")
    page = text(client.get(f"/tasks/{tid}"))
    assert "Kontrakt socjalny: możliwa podstawa z art. 11 ust. 2" in page
    assert "Nie zgadza się na terapię." in page and "wyliczona kwota się nie zmienia" in page
