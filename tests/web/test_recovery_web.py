"""Undue benefits through the API and the pages: the same refusals with codes (API) and in
Polish with the input kept (pages), four eyes, the PDF download, roles and the OpenAPI entries."""

from __future__ import annotations

import html
from typing import Any

import pytest

from app.services.documents.pdf import content_hash
from app.services.kernel.context import ServiceContext
from tests.pdftext import pdf_text
from tests.recovery_data import ACCOUNT, make_case

pytestmark = [pytest.mark.timeout(120), pytest.mark.embedded]


def token(client: Any, username: str) -> dict[str, str]:
    res = client.post("/api/auth/token", json={"username": username, "password": "demo"})
    assert res.status_code == 200, res.get_json()
    return {"Authorization": f"Bearer {res.get_json()['token']}"}


def login(client: Any, username: str) -> None:
    res = client.post("/login", data={"username": username, "password": "demo"})
    assert res.status_code == 302


def text(res: Any) -> str:
    return html.unescape(res.get_data(as_text=True))


def body(rows: Any, *amounts: str, **extra: Any) -> dict[str, Any]:
    pairs = zip(rows.payments, amounts, strict=False)
    return {"payments": [{"payment_id": p, "amount": a} for p, a in pairs],
            "ground": "unreported_change", "fact": "Podjęcie pracy.", **extra}


# --- API ------------------------------------------------------------------------------------


def test_api_flow_finding_decision_pdf_repayment_balance(client: Any, ctx: ServiceContext) -> None:
    rows = make_case(ctx)
    cw, sup = token(client, "caseworker1"), token(client, "supervisor")
    res = client.post(f"/api/cases/{rows.case_id}/recoveries", json=body(rows, "500.00"), headers=cw)
    assert res.status_code == 201, res.get_json()
    rid = res.get_json()["id"]
    res = client.post(f"/api/recoveries/{rid}/decisions", headers=cw, json={
        "kind": "recovery", "justification": "Uzasadnienie.", "repay_by": "2026-04-30", "account": ACCOUNT})
    assert res.status_code == 201
    did = res.get_json()["id"]
    # Four eyes: the caseworker may not approve; a supervisor may not approve their own draft.
    assert client.post(f"/api/recovery-decisions/{did}/approve", headers=cw).status_code == 403
    own = client.post(f"/api/recoveries/{rid}/decisions", headers=sup, json={
        "kind": "recovery", "justification": "x", "repay_by": "2026-04-30", "account": ACCOUNT})
    assert own.status_code == 409  # one recovery decision per finding
    res = client.post(f"/api/recovery-decisions/{did}/approve", headers=sup)
    assert res.status_code == 200, res.get_json()
    issued = res.get_json()
    assert client.post(f"/api/recovery-decisions/{did}/approve", headers=sup).status_code == 409
    pdf = client.get(f"/api/recovery-decisions/{did}/pdf", headers=cw)
    assert pdf.status_code == 200 and pdf.mimetype == "application/pdf"
    assert pdf.headers["X-Content-SHA256"] == issued["sha256"] == content_hash(pdf.data)
    assert issued["number"] in pdf_text(pdf.data)
    res = client.post(f"/api/recoveries/{rid}/repayments", headers=cw,
                      json={"received_on": "2026-03-02", "amount": "100.00"})
    assert res.status_code == 201
    bal = client.get(f"/api/persons/{rows.person_id}/recovery-balance", headers=cw).get_json()
    assert bal["total"]["repaid"] == "100.00" and bal["total"]["outstanding"] == "400.00"
    assert bal["cases"][0]["case_id"] == rows.case_id
    got = client.get(f"/api/cases/{rows.case_id}/recoveries?on=2026-03-01", headers=cw).get_json()
    assert got["recoveries"][0]["balance"]["outstanding"] == "500.00"


@pytest.mark.parametrize(("make", "status", "code"), [
    (lambda r: body(r, "500.01"), 422, "recovery.amount_above_paid"),
    (lambda r: body(r, "500.00", found_on="2026-12-31"), 422, "recovery.date_future"),
    (lambda r: {**body(r, "1.00"), "payments": [{"payment_id": r.payments[0], "amount": "1.00"},
                                                  {"payment_id": r.payments[0], "amount": "1.00"}]},
     422, "recovery.payment_twice"),
    (lambda r: {**body(r, "1.00"), "payments": [{"payment_id": 999999, "amount": "1.00"}]},
     422, "recovery.payment_other_case"),
    (lambda r: body(r, 1.5), 422, None),
    (lambda r: body(r, "1.00", ground=["x"]), 422, "choose_one"),
    (lambda r: body(r, "1.00", extra="x"), 422, None),
])
def test_api_refuses_false_facts_with_codes(client: Any, ctx: ServiceContext, make: Any, status: int,
                                            code: str | None) -> None:
    rows = make_case(ctx)
    res = client.post(f"/api/cases/{rows.case_id}/recoveries", json=make(rows),
                      headers=token(client, "caseworker1"))
    assert res.status_code == status, res.get_json()
    data = res.get_json()
    if code:
        assert code in {c["code"] for c in data["field_codes"].values()}, data
    assert client.get(f"/api/cases/{rows.case_id}/recoveries",
                      headers=token(client, "caseworker1")).get_json()["recoveries"] == []


def test_api_counted_twice_across_findings_is_409_and_no_notice_is_422(client: Any,
                                                                      ctx: ServiceContext) -> None:
    rows, bare = make_case(ctx), make_case(ctx, notice=False)
    cw = token(client, "caseworker1")
    assert client.post(f"/api/cases/{rows.case_id}/recoveries", json=body(rows, "1.00"),
                       headers=cw).status_code == 201
    res = client.post(f"/api/cases/{rows.case_id}/recoveries", json=body(rows, "1.00"), headers=cw)
    assert res.status_code == 409 and res.get_json()["code"] == "recovery.payment_twice"
    res = client.post(f"/api/cases/{bare.case_id}/recoveries", json=body(bare, "1.00"), headers=cw)
    assert res.status_code == 422
    assert res.get_json()["field_codes"]["notice_override"]["code"] == "recovery.no_notice"


def test_admin_without_case_role_gets_403(client: Any, ctx: ServiceContext) -> None:
    rows = make_case(ctx)
    adm = token(client, "admin")
    for path in (f"/api/cases/{rows.case_id}/recoveries", f"/api/persons/{rows.person_id}/recovery-balance"):
        assert client.get(path, headers=adm).status_code == 403
    assert client.post(f"/api/cases/{rows.case_id}/recoveries", json=body(rows, "1.00"),
                       headers=adm).status_code == 403
    login(client, "admin")
    assert client.get(f"/cases/{rows.case_id}/recoveries").status_code == 403
    assert client.get(f"/persons/{rows.person_id}/recoveries").status_code == 403


def test_openapi_documents_the_recovery_routes(client: Any) -> None:
    doc = client.get("/api/openapi.json").get_json()
    for path in ("/api/cases/{case_id}/recoveries", "/api/recoveries/{recovery_id}/decisions",
                 "/api/recovery-decisions/{decision_id}/approve", "/api/recovery-decisions/{decision_id}/pdf",
                 "/api/recoveries/{recovery_id}/repayments", "/api/persons/{person_id}/recovery-balance"):
        assert path in doc["paths"], path
    assert "RecoveryFinding" in doc["components"]["schemas"]


def decisions(client: Any, case_id: int) -> list[dict[str, Any]]:
    """The decisions of the case's first finding (through the API, with the page session)."""
    data = client.get(f"/api/cases/{case_id}/recoveries").get_json()
    return list(data["recoveries"][0]["decisions"])


# --- pages ----------------------------------------------------------------------------------


def test_page_refuses_false_facts_in_polish_and_keeps_the_input(client: Any, ctx: ServiceContext) -> None:
    rows = make_case(ctx)
    login(client, "caseworker1")
    page = client.get(f"/cases/{rows.case_id}/recoveries")
    assert page.status_code == 200 and "Nienależnie pobrane świadczenia" in text(page)
    pid = rows.payments[0]
    res = client.post(f"/cases/{rows.case_id}/recoveries", data={
        "payment": [str(pid)], f"amount_{pid}": "999.00", "ground": "unreported_change",
        "fact": "Fakt wpisany przez pracownika"})
    assert res.status_code == 422
    assert "Kwota nienależna nie może przekraczać kwoty wypłaconej." in text(res)
    assert "Fakt wpisany przez pracownika" in text(res) and 'value="999.00"' in text(res)
    res = client.post(f"/cases/{rows.case_id}/recoveries", data={
        "payment": [str(pid)], f"amount_{pid}": "abc", "ground": "unreported_change", "fact": "F"})
    assert res.status_code == 422
    res = client.post(f"/cases/{rows.case_id}/recoveries", data={
        "payment": [str(pid)], f"amount_{pid}": "100.00", "ground": "unreported_change",
        "fact": "F", "found_on": "2027-01-01"})
    assert res.status_code == 422 and "Data nie może być późniejsza niż dzisiejsza." in text(res)
    res = client.post(f"/cases/{rows.case_id}/recoveries", data={
        "payment": [str(pid)], f"amount_{pid}": "100.00", "ground": "unreported_change", "fact": "F"})
    assert res.status_code == 302
    assert "Wypłacono" in text(client.get(f"/cases/{rows.case_id}/recoveries"))


def test_page_without_notice_says_so_in_polish(client: Any, ctx: ServiceContext) -> None:
    rows = make_case(ctx, notice=False)
    login(client, "caseworker1")
    pid = rows.payments[0]
    res = client.post(f"/cases/{rows.case_id}/recoveries", data={
        "payment": [str(pid)], f"amount_{pid}": "100.00", "ground": "unreported_change", "fact": "F"})
    assert res.status_code == 422
    assert "nie zawiera pouczenia o obowiązku informowania o zmianach" in text(res)


def test_page_decision_four_eyes_pdf_repayment_and_person_balance(client: Any, ctx: ServiceContext) -> None:
    rows = make_case(ctx)
    pid = rows.payments[0]
    login(client, "caseworker1")
    assert client.post(f"/cases/{rows.case_id}/recoveries", data={
        "payment": [str(pid)], f"amount_{pid}": "500.00", "ground": "unreported_change",
        "fact": "F"}).status_code == 302
    rid = client.get(f"/api/cases/{rows.case_id}/recoveries").get_json()["recoveries"][0]["id"]
    draft = {"case_id": rows.case_id, "kind": "recovery", "justification": "Uzasadnienie decyzji",
             "repay_by": "2026-01-01", "account": ACCOUNT}
    res = client.post(f"/recoveries/{rid}/decisions", data=draft)
    assert res.status_code == 422 and "Termin musi przypadać po dniu dzisiejszym." in text(res)
    assert "Uzasadnienie decyzji" in text(res)  # the input is kept
    res = client.post(f"/recoveries/{rid}/decisions", data={**draft, "repay_by": "2026-04-30"})
    assert res.status_code == 302
    did = decisions(client, rows.case_id)[0]["id"]
    approve = {"case_id": rows.case_id}
    assert client.post(f"/recovery-decisions/{did}/approve", data=approve).status_code == 403
    client.post("/logout")
    login(client, "supervisor")
    assert client.post(f"/recovery-decisions/{did}/approve", data=approve).status_code == 302
    pdf = client.get(f"/recovery-decisions/{did}.pdf")
    assert pdf.status_code == 200 and pdf.mimetype == "application/pdf"
    assert "Samorządowego Kolegium Odwoławczego" in " ".join(pdf_text(pdf.data).split())
    # The supervisor drafts a write-off and may not approve it: four eyes.
    assert client.post(f"/recoveries/{rid}/decisions", data={
        "case_id": rows.case_id, "kind": "write_off", "justification": "J",
        "amount": "50.00"}).status_code == 302
    wid = decisions(client, rows.case_id)[1]["id"]
    res = client.post(f"/recovery-decisions/{wid}/approve", data={"case_id": rows.case_id})
    assert res.status_code == 403
    assert "Decyzję zatwierdza inna osoba niż ta, która ją przygotowała." in text(res)
    res = client.post(f"/recoveries/{rid}/repayments", data={
        "case_id": rows.case_id, "received_on": "2026-03-02", "amount": "900.00"})
    assert res.status_code == 422 and "Wpłata przekracza zadłużenie." in text(res)
    assert client.post(f"/recoveries/{rid}/repayments", data={
        "case_id": rows.case_id, "received_on": "2026-03-02", "amount": "100.00"}).status_code == 302
    person = client.get(f"/persons/{rows.person_id}/recoveries")
    assert person.status_code == 200 and "400,00" in text(person) and "500,00" in text(person)


ROUTES = [
    ("GET", "/api/cases/999999/recoveries"), ("POST", "/api/cases/999999/recoveries"),
    ("POST", "/api/recoveries/999999/decisions"), ("POST", "/api/recovery-decisions/999999/approve"),
    ("GET", "/api/recovery-decisions/999999/pdf"), ("POST", "/api/recoveries/999999/repayments"),
    ("GET", "/api/persons/999999/recovery-balance"),
]


@pytest.mark.parametrize(("method", "path"), ROUTES)
def test_every_route_needs_a_token_and_a_case_role(client: Any, method: str, path: str) -> None:
    json = {} if method == "POST" else None
    assert client.open(path, method=method, json=json).status_code == 401
    res = client.open(path, method=method, json=json, headers=token(client, "admin"))
    assert res.status_code == 403 and res.get_json()["error"]
    res = client.open(path, method=method, json=json, headers=token(client, "supervisor"))
    assert res.status_code in (404, 422), (path, res.get_json())


def test_hostile_numbers_get_a_clear_4xx(client: Any, ctx: ServiceContext) -> None:
    rows = make_case(ctx)
    cw = token(client, "caseworker1")
    huge = 10**30
    res = client.post(f"/api/cases/{rows.case_id}/recoveries", headers=cw,
                      json={**body(rows, "1.00"), "payments": [{"payment_id": huge, "amount": "1.00"}]})
    assert res.status_code == 422
    res = client.post(f"/api/cases/{rows.case_id}/recoveries", headers=cw,
                      json=body(rows, "99999999999999999999.00"))
    assert res.status_code == 422
    assert client.get(f"/api/cases/{huge}/recoveries", headers=cw).status_code == 404
    assert client.get(f"/api/persons/{huge}/recovery-balance", headers=cw).status_code == 404
    assert client.get(f"/api/cases/{rows.case_id}/recoveries?on=yesterday", headers=cw).status_code == 422
    res = client.post(f"/api/recoveries/{huge}/repayments", headers=cw,
                      json={"received_on": "2026-03-01", "amount": "1.00"})
    assert res.status_code == 404


def test_page_forms_survive_odd_numbers(client: Any, ctx: ServiceContext) -> None:
    rows = make_case(ctx)
    login(client, "caseworker1")
    res = client.post(f"/cases/{rows.case_id}/recoveries", data={
        "payment": ["²", "99999999999999999999"], "amount_²": "1.00", "ground": "unreported_change",
        "fact": "F"})
    assert res.status_code == 422
    res = client.post("/recoveries/999999/decisions", data={"case_id": "²", "kind": "recovery", "count": "²"})
    assert res.status_code == 422  # no justification: refused before the lookup, with the form kept


def test_the_payments_offered_show_the_date_actually_paid(client: Any, ctx: ServiceContext) -> None:
    """Issue 15 (lane polish2): the recovery page offered paid payments by their due date, not
    the date they were actually paid (settled)."""
    from datetime import date

    from app.persistence.models import Payment

    rows = make_case(ctx)  # due on 09.01.2026 and 10.02.2026
    with ctx.uow() as uow:
        early = uow.session.get(Payment, rows.payments[0])
        assert early is not None
        early.status, early.settled_on, early.settlement_ref = "paid", date(2026, 1, 5), "KP 1/2026"
        uow.commit()
    login(client, "caseworker1")
    page = text(client.get(f"/cases/{rows.case_id}/recoveries"))
    finding = page[page.index('id="finding"'):]
    assert "<td data-paid-on>05.01.2026</td>" in finding and "09.01.2026" not in finding
    assert "<td data-paid-on>10.02.2026</td>" in finding  # not settled yet: paid on its due date
    payable = client.get(f"/api/cases/{rows.case_id}/recoveries",
                         headers=token(client, "caseworker1")).get_json()["payable"]
    assert [(p["id"], p["paid_on"]) for p in payable] == [
        (rows.payments[0], "2026-01-05"), (rows.payments[1], "2026-02-10")]
