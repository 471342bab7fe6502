"""Documents on the page and in the API: downloads (attachment, hash, roles), letters, and
rygor without its justification refused on the task page and the API."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from app.services.case_file import view as case_view
from app.services.cases import opening as cases
from app.services.documents.pdf import content_hash
from app.services.kernel.context import Actor, ServiceContext
from app.services.workflow import jobs, worklist
from tests.drive import drive, sample_application
from tests.integration.test_documents import _until_draft
from tests.pdftext import pdf_text
from tests.web.test_pages import login, task_id
from tests.web.test_web_defences import bearer, token

pytestmark = [pytest.mark.timeout(180), pytest.mark.embedded]


def _issued_case(ctx: ServiceContext, caseworker: Actor, supervisor: Actor) -> int:
    actors = {"caseworker": caseworker, "supervisor": supervisor}
    case_id = cases.open_case(ctx, caseworker, sample_application())
    drive(ctx, case_id, actors, until=lambda ts: any(t.name == "record_delivery" for t in ts))
    jobs.run_pending_inline(ctx)
    return case_id


def test_the_api_lists_documents_and_hands_out_the_exact_bytes(
    client: Any, ctx: ServiceContext, caseworker: Actor, supervisor: Actor
) -> None:
    case_id = _issued_case(ctx, caseworker, supervisor)
    tok = token(client, "caseworker1")
    case = client.get(f"/api/cases/{case_id}", headers=bearer(tok)).get_json()
    [doc] = case["documents"]
    assert doc["kind"] == "decision" and set(doc) >= {"id", "title", "created_at", "sha256", "url"}
    res = client.get(doc["url"], headers=bearer(tok))
    assert res.status_code == 200 and res.mimetype == "application/pdf"
    assert res.headers["Content-Disposition"].startswith("attachment; filename=")
    assert res.headers["Cache-Control"] == "no-store"
    assert content_hash(res.data) == doc["sha256"]
    assert "DECYZJA nr" in pdf_text(res.data)
    # Another case's id, an unknown id, an admin without a case role.
    assert client.get(f"/api/cases/{case_id + 1}/documents/{doc['id']}",
                      headers=bearer(tok)).status_code == 404
    assert client.get(f"/api/cases/{case_id}/documents/99999", headers=bearer(tok)).status_code == 404
    admin = client.get(doc["url"], headers=bearer(token(client, "admin")))
    assert admin.status_code == 403 and "error" in admin.get_json()
    assert client.get(doc["url"]).status_code == 401


def test_the_case_file_page_links_the_pdf_and_refuses_an_admin(
    client: Any, ctx: ServiceContext, caseworker: Actor, supervisor: Actor
) -> None:
    case_id = _issued_case(ctx, caseworker, supervisor)
    doc = case_view.get_case(ctx, caseworker, case_id)["documents"][0]
    login(client, "caseworker1")
    page = client.get(f"/cases/{case_id}").get_data(as_text=True)
    link = f"/cases/{case_id}/documents/{doc['id']}"
    assert 'id="dokumenty"' in page and link in page and doc["sha256"][:16] in page
    res = client.get(link)
    assert res.status_code == 200 and res.mimetype == "application/pdf"
    assert content_hash(res.data) == doc["sha256"]
    client.post("/logout")
    login(client, "admin")
    assert client.get(link).status_code == 403


def test_rygor_without_justification_is_422_on_the_api_and_the_task_page(
    client: Any, ctx: ServiceContext, caseworker: Actor, supervisor: Actor
) -> None:
    actors = {"caseworker": caseworker, "supervisor": supervisor}
    case_id = cases.open_case(ctx, caseworker, sample_application())
    initial = _until_draft(ctx, case_id, actors)
    tid = task_id(ctx, case_id, "draft_decision")
    version = worklist.get_task(ctx, caseworker, tid)["version"]
    data = {**initial, "justification": "", "immediate_enforcement": True,
            "immediate_enforcement_reason": ""}
    res = client.post(f"/api/tasks/{tid}/complete", headers=bearer(token(client, "caseworker1")),
                      json={"data": data, "version": version})
    assert res.status_code == 422, res.get_json()
    body = res.get_json()
    assert [v["code"] for v in body["violations"]] == ["enforcement_reason_required"]
    assert "art. 108" in body["violations"][0]["message"]
    login(client, "caseworker1")
    form = {k: v for k, v in initial.items() if v is not None}
    res = client.post(f"/tasks/{tid}", data={**form, "immediate_enforcement": "on",
                                             "immediate_enforcement_reason": "",
                                             "version": str(version)})
    page = res.get_data(as_text=True)
    assert res.status_code == 422
    assert "Rygor natychmiastowej wykonalności wymaga uzasadnienia" in page
    assert worklist.get_task(ctx, caseworker, tid)["status"] == "ready"
    # With its reason it is saved, and shown in the case file.
    res = client.post(f"/tasks/{tid}", data={**form, "immediate_enforcement": "on",
                                             "immediate_enforcement_reason": "Brak środków na leki.",
                                             "version": str(version)})
    assert res.status_code == 302
    decision = case_view.get_case(ctx, caseworker, case_id)["decision"]
    assert decision["immediate_enforcement"] is True
    assert decision["immediate_enforcement_reason"] == "Brak środków na leki."


def test_letters_from_the_case_file_and_the_api(
    client: Any, ctx: ServiceContext, caseworker: Actor
) -> None:
    case_id = cases.open_case(ctx, caseworker, sample_application())
    login(client, "caseworker1")
    assert "Wezwanie do uzupełnienia" in client.get(f"/cases/{case_id}/letters").get_data(as_text=True)
    res = client.post(f"/cases/{case_id}/letters", data={"kind": "supplement_call",
                                                         "items": "zaświadczenie", "days": "3"})
    page = res.get_data(as_text=True)
    assert res.status_code == 422 and "Najmniejsza dopuszczalna wartość to 7" in page
    assert "zaświadczenie" in page  # what was typed is kept
    res = client.post(f"/cases/{case_id}/letters", data={"kind": "supplement_call",
                                                         "items": "zaświadczenie", "days": "14"})
    assert res.status_code == 302 and res.headers["Location"].endswith("#dokumenty")
    tok = token(client, "caseworker1")
    api = client.post(f"/api/cases/{case_id}/letters", headers=bearer(tok),
                      json={"kind": "delay_notice", "facts": {"reason": "opinia biegłego",
                                                              "new_date": "2026-01-01"}})
    assert api.status_code == 422 and "new_date" in api.get_json()["fields"]
    for hostile in ({"kind": "delay_notice", "facts": ["x"]}, {"kind": {"a": 1}, "facts": {}},
                    {"kind": "supplement_call", "facts": {"items": "x", "days": 10**30}},
                    {"kind": "supplement_call", "facts": {"items": "x" * 5000, "days": 7}},
                    {"kind": "supplement_call", "facts": {"items": "x", "days": True}}):
        res = client.post(f"/api/cases/{case_id}/letters", headers=bearer(tok), json=hostile)
        assert res.status_code == 422, (hostile, res.status_code)
    ok = client.post(f"/api/cases/{case_id}/letters", headers=bearer(tok),
                     json={"kind": "delay_notice", "facts": {"reason": "opinia biegłego",
                                                             "new_date": "2026-04-15"}})
    assert ok.status_code == 201
    docs = client.get(f"/api/cases/{case_id}", headers=bearer(tok)).get_json()["documents"]
    assert [d["kind"] for d in docs] == ["supplement_call", "delay_notice"]
    assert client.post(f"/api/cases/{case_id}/letters", headers=bearer(token(client, "admin")),
                       json={"kind": "delay_notice", "facts": {}}).status_code == 403


def test_the_office_and_authorisations_are_set_without_code(
    flask_app: Any, ctx: ServiceContext, caseworker: Actor, caseworker2: Actor, admin: Actor
) -> None:
    from sqlalchemy import delete

    from app.persistence.models import SignerAuthorisation
    from app.services.documents import office
    from app.services.kernel.errors import Forbidden, ValidationFailed

    runner = flask_app.test_cli_runner()
    shown = runner.invoke(args=["office-show"])
    assert shown.exit_code == 0 and "body: burmistrz" in shown.output
    bad = runner.invoke(args=["authorise", "caseworker2", "--act", "ups", "--position", "x",
                              "--number", "N/1", "--issued-on", "2026-01-05",
                              "--valid-until", "2025-01-01"])
    assert bad.exit_code != 0 and "valid_until" in bad.output
    made = runner.invoke(args=["authorise", "caseworker2", "--act", "usr", "--position",
                               "Zastępca Kierownika", "--number", "OR.0052.99.2026",
                               "--issued-on", "2026-01-05"])
    try:
        assert made.exit_code == 0, made.output
        listed = runner.invoke(args=["authorisations"])
        assert "OR.0052.99.2026" in listed.output
        with ctx.uow(readonly=True) as uow:
            who = office.signer(uow, caseworker2.id, "usr", date(2026, 3, 2))
            assert who is not None and who.position == "Zastępca Kierownika"
            assert office.signer(uow, caseworker2.id, "usr", date(2025, 12, 31)) is None
            assert office.signer(uow, caseworker2.id, "ups", date(2026, 3, 2)) is None
    finally:
        with ctx.db.engine.begin() as conn:
            conn.execute(delete(SignerAuthorisation).where(
                SignerAuthorisation.number == "OR.0052.99.2026"))
    with pytest.raises(Forbidden):
        office.set_office(ctx, caseworker, dict(office.DEMO_OFFICE))
    with pytest.raises(ValidationFailed) as err:
        office.set_office(ctx, admin, {**office.DEMO_OFFICE, "body": "sołtys", "sko_seat": ""})
    assert set(err.value.errors) == {"body", "sko_seat"}


def test_an_admin_sets_the_body_and_authorisations_on_a_page(
    client: Any, ctx: ServiceContext, caseworker2: Actor
) -> None:
    from sqlalchemy import delete

    from app.persistence.models import SignerAuthorisation
    from app.services.documents import office

    login(client, "caseworker1")
    assert client.get("/admin/office").status_code == 403
    client.post("/logout")
    login(client, "admin")
    page = client.get("/admin/office").get_data(as_text=True)
    assert "Gminy Krzeszowice" in page and "OR.0052.12.2024" in page
    bad = client.post("/admin/office", data={**office.DEMO_OFFICE, "sko_seat": "  ",
                                             "body": "<script>"})
    text = bad.get_data(as_text=True)
    assert bad.status_code == 422 and 'id="o-sko_seat-err"' in text and 'id="o-body-err"' in text
    with ctx.uow(readonly=True) as uow:
        body = office.office(uow)
        assert body is not None and body.sko_seat == office.DEMO_OFFICE["sko_seat"]  # unchanged
    try:
        ok = client.post("/admin/office", data={**office.DEMO_OFFICE, "body": "wojt",
                                                "gmina": "Gminy Testowo"})
        assert ok.status_code == 302
        with ctx.uow(readonly=True) as uow:
            body = office.office(uow)
            assert body is not None and body.body_genitive == "Wójta Gminy Testowo"
        form = {"username": "caseworker2", "act": "fa", "position": "Specjalista",
                "number": "OR.1/2026", "issued_on": "2026-02-01", "valid_until": "2026-01-01"}
        res = client.post("/admin/authorisations", data=form)
        assert res.status_code == 422 and 'id="o-valid_until-err"' in res.get_data(as_text=True)
        res = client.post("/admin/authorisations", data={**form, "issued_on": "1.2.2026"})
        assert res.status_code == 422
        assert client.post("/admin/authorisations",
                           data={**form, "valid_until": ""}).status_code == 302
        with ctx.uow(readonly=True) as uow:
            assert office.signer(uow, caseworker2.id, "fa", date(2026, 3, 2)) is not None
    finally:
        office.set_office(ctx, Actor(None, frozenset({"admin"})), dict(office.DEMO_OFFICE))
        with ctx.db.engine.begin() as conn:
            conn.execute(delete(SignerAuthorisation).where(SignerAuthorisation.number == "OR.1/2026"))


def test_an_unauthorised_supervisor_is_refused_at_approval_on_the_api_and_the_page(
    client: Any, ctx: ServiceContext, caseworker: Actor, supervisor: Actor
) -> None:
    """supervisor2 holds no authorisation in the demo: the approval is refused with the reason
    on the field (Polish on the page), and the draft waits for an authorised supervisor."""
    from tests.drive import complete_named

    actors = {"caseworker": caseworker, "supervisor": supervisor}
    case_id = cases.open_case(ctx, caseworker, sample_application())
    initial = _until_draft(ctx, case_id, actors)
    complete_named(ctx, case_id, "draft_decision", caseworker, initial)
    tid = task_id(ctx, case_id, "approve_decision")
    version = worklist.get_task(ctx, supervisor, tid)["version"]
    res = client.post(f"/api/tasks/{tid}/complete", headers=bearer(token(client, "supervisor2")),
                      json={"data": {"approval": "approve", "approval_comment": ""},
                            "version": version})
    assert res.status_code == 422, res.get_json()
    assert res.get_json()["field_codes"]["approval"]["code"] == "signer_unauthorised"
    login(client, "supervisor2")
    res = client.post(f"/tasks/{tid}", data={"approval": "approve", "approval_comment": "",
                                             "version": str(version)})
    assert res.status_code == 422
    assert "nie ma ważnego upoważnienia" in res.get_data(as_text=True)
    assert case_view.get_case(ctx, caseworker, case_id)["decision"]["status"] == "draft"
