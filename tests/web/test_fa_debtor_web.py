"""Issue 16 part 3: the FA debtor procedure's pages (Polish) and API: open a procedure (linked to
an FA case or standalone), see its steps and deadlines (also on *Terminy*), record dues and
receipts with their art. 28 split; case roles only (an admin sees no personal data); reads are
audited."""

from __future__ import annotations

import html
import re
from typing import Any

import pytest
from sqlalchemy import select

from app.persistence.models import AuditEvent
from app.services.kernel.context import ServiceContext
from tests.recovery_data import make_case

pytestmark = [pytest.mark.timeout(180), pytest.mark.embedded]

OPEN = {"first_name": "Adam", "last_name": "Dłużny", "pesel": "80010112340",
        "address": "ul. Dalsza 2, 00-950 Warszawa", "creditor_gmina": "Gmina Wierzyciela",
        "debtor_gmina": "Gmina Dłużnika", "request_received_on": "2026-02-02"}


def token(client: Any, username: str) -> dict[str, str]:
    res = client.post("/api/auth/token", json={"username": username, "password": "demo"})
    assert res.status_code == 200, res.get_json()
    return {"Authorization": f"Bearer {res.get_json()['token']}"}


def login(client: Any, username: str) -> None:
    assert client.post("/login", data={"username": username, "password": "demo"}).status_code == 302


def text(res: Any) -> str:
    return html.unescape(res.get_data(as_text=True))


def csrf(client: Any, path: str) -> str:
    found = re.search(r'name="csrf_token" value="([^"]+)"', client.get(path).get_data(as_text=True))
    assert found, path
    return found.group(1)


def test_api_open_read_dues_receipt_and_deadlines(client: Any, ctx: ServiceContext) -> None:
    fa = make_case(ctx, benefit="fundusz_alimentacyjny")
    cw = token(client, "caseworker1")
    res = client.post("/api/debtors", json={**OPEN, "fa_case_id": fa.case_id}, headers=cw)
    assert res.status_code == 201, res.get_json()
    proc = res.get_json()
    assert proc["fa_case_id"] == fa.case_id and proc["same_gmina"] is False
    assert [(s["step"], s["due_on"], s["article"]) for s in proc["open_steps"]] == [
        ("interview", "2026-03-04", "art. 3-4")]
    pid = proc["id"]
    res = client.post(f"/api/debtors/{pid}/dues/import", headers=cw)
    assert res.get_json() == {"procedure_id": pid, "imported": 2}
    res = client.post(f"/api/debtors/{pid}/dues", json={"paid_on": "2026-02-20", "amount": "100.00"},
                      headers=cw)
    assert res.status_code == 201
    res = client.post(f"/api/debtors/{pid}/receipts", headers=cw,
                      json={"received_on": "2026-03-02", "amount": "250.00", "reference": "KM 1/26"})
    assert res.status_code == 201, res.get_json()
    receipt = res.get_json()
    assert receipt["split"] == {"state": "150.00", "creditor_gmina": "50.00", "debtor_gmina": "50.00"}
    assert receipt["amount"] == "250.00" and receipt["interest_part"] != "0.00"
    # The API refuses a comma (pages only) and says why, with a code.
    res = client.post(f"/api/debtors/{pid}/receipts", headers=cw,
                      json={"received_on": "2026-03-02", "amount": "1,00"})
    assert res.status_code == 422 and res.get_json()["code"]
    res = client.post(f"/api/debtors/{pid}/receipts", headers=cw,
                      json={"received_on": "2026-03-01", "amount": "1.00"})
    assert res.status_code == 422
    assert res.get_json()["field_codes"]["received_on"]["code"] == "debtor.receipt_before_last"
    read = client.get(f"/api/debtors/{pid}?on=2026-03-02", headers=cw).get_json()
    assert read["balance"]["principal"] == "1100.00" and len(read["receipts"]) == 1
    deadlines = client.get("/api/debtor-deadlines", headers=cw).get_json()
    assert [(d["procedure_id"], d["step"], d["due_on"]) for d in deadlines] == [
        (pid, "interview", "2026-03-04")]
    assert [r["id"] for r in client.get("/api/debtors", headers=cw).get_json()] == [pid]
    # An admin holds no case role: nothing personal, anywhere.
    admin = token(client, "admin")
    for method, path in (("GET", "/api/debtors"), ("GET", f"/api/debtors/{pid}"),
                         ("GET", "/api/debtor-deadlines")):
        assert client.open(path, method=method, headers=admin).status_code == 403, path
    with ctx.uow() as uow:
        actions = uow.session.scalars(select(AuditEvent.action).where(
            AuditEvent.case_id == proc["case_id"])).all()
    assert {"debtor.opened", "debtor.read", "debtor.dues_imported", "debtor.due_added",
            "debtor.receipt_recorded"} <= set(actions)


def test_api_refusals_are_coded(client: Any, ctx: ServiceContext) -> None:
    cw = token(client, "caseworker1")
    res = client.post("/api/debtors", headers=cw, json={
        **OPEN, "pesel": "80010112345", "request_received_on": "2026-03-03"})
    assert res.status_code == 422
    codes = res.get_json()["field_codes"]
    assert codes["pesel"]["code"] == "pesel_checksum"
    assert codes["request_received_on"]["code"] == "debtor.date_future"
    res = client.post("/api/debtors", headers=cw, json={**OPEN, "pesel": None})
    assert res.status_code == 422
    assert client.get("/api/debtors/999999", headers=cw).get_json()["code"] == \
        "debtor.procedure_unknown"


def test_pages_open_a_procedure_see_its_steps_and_record_a_receipt(
        client: Any, ctx: ServiceContext) -> None:
    fa = make_case(ctx, benefit="fundusz_alimentacyjny")
    login(client, "caseworker1")
    # The FA case offers to open the procedure linked to it.
    page = text(client.get(f"/cases/{fa.case_id}"))
    assert f"/debtors/new?fa_case_id={fa.case_id}" in page
    page = text(client.get(f"/debtors/new?fa_case_id={fa.case_id}"))
    # The FA case is named by its number, as the centre knows it.
    assert "Wszczęcie postępowania wobec dłużnika" in page and 'value="TEST/' in page
    number = re.search(r'name="fa_case_number" type="text" value="([^"]+)"', page)
    assert number is not None
    token_ = csrf(client, "/debtors/new")
    # A refusal keeps what was typed and says why in Polish.
    res = client.post("/debtors/new", data={**OPEN, "pesel": "80010112345",
                                            "fa_case_number": "POM/1999/00001",
                                            "csrf_token": token_})
    assert res.status_code == 422
    page = text(res)
    assert 'value="Dłużny"' in page and "Cyfra kontrolna numeru PESEL" in page
    assert "nie jest sprawą funduszu alimentacyjnego" in page
    res = client.post("/debtors/new", data={**OPEN, "fa_case_number": number.group(1),
                                            "csrf_token": token_})
    assert res.status_code == 302, text(res)[:2000]
    detail = res.headers["Location"]
    page = text(client.get(detail))
    assert "Postępowanie wobec dłużnika alimentacyjnego" in page
    assert "Wywiad alimentacyjny i oświadczenie majątkowe" in page and "art. 3-4" in page
    assert "04.03.2026" in page
    pid = int(detail.rstrip("/").rsplit("/", 1)[1])
    res = client.post(f"/debtors/{pid}/dues/import", data={"csrf_token": token_})
    assert res.status_code == 302
    res = client.post(f"/debtors/{pid}/receipts", data={
        "received_on": "2026-03-02", "amount": "100,00", "reference": "KM 1/26",
        "csrf_token": token_})
    assert res.status_code == 302, text(res)[:2000]
    page = text(client.get(f"/debtors/{pid}"))
    assert "60,00" in page and "20,00" in page and "KM 1/26" in page
    res = client.post(f"/debtors/{pid}/receipts", data={
        "received_on": "2026-03-02", "amount": "99999,00", "csrf_token": token_})
    assert res.status_code == 422 and "przekracza należność" in text(res)
    # The list, and the case file of the debtor case linking back to the procedure.
    assert "Adam Dłużny" in text(client.get("/debtors"))
    case_id = client.get(f"/api/debtors/{pid}", headers=token(client, "caseworker1")
                         ).get_json()["case_id"]
    assert f"/debtors/{pid}" in text(client.get(f"/cases/{case_id}"))


def test_terminy_shows_each_open_step_with_its_deadline(client: Any, ctx: ServiceContext) -> None:
    cw = token(client, "caseworker1")
    pid = client.post("/api/debtors", json=OPEN, headers=cw).get_json()["id"]
    login(client, "supervisor")
    page = text(client.get("/deadlines"))
    assert "Dłużnicy alimentacyjni: kroki i terminy ustawowe" in page
    section = page.split('id="debtor-deadlines"', 1)[1].split("</table>", 1)[0]
    assert f"/debtors/{pid}" in section and "Wywiad alimentacyjny" in section
    assert "04.03.2026" in section and "art. 3-4" in section
    # The task page of the step renders its Polish form.
    task_id = client.get("/api/debtor-deadlines", headers=cw).get_json()[0]["task_id"]
    login(client, "caseworker1")
    page = text(client.get(f"/tasks/{task_id}"))
    assert "Dłużnik złożył oświadczenie majątkowe" in page


def test_an_admin_is_refused_the_pages(client: Any, ctx: ServiceContext) -> None:
    login(client, "admin")
    for path in ("/debtors", "/debtors/new", "/debtors/1"):
        assert client.get(path).status_code == 403, path
