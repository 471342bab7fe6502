"""The recovery forms speak the one input dialect (app/services/kernel/inputs): on the page an
amount is typed with a Polish comma ("200,50", "1 229,50") and pre-filled the same way
("354,75", never "354.75"); the API takes the plain decimal string and refuses the comma with a
coded field error."""

from __future__ import annotations

import html
import re
from decimal import Decimal
from typing import Any

import pytest

from app.services.kernel.context import ServiceContext
from app.services.recovery import claims
from tests.recovery_data import make_case

pytestmark = [pytest.mark.timeout(120), pytest.mark.embedded]


def login(client: Any, username: str) -> None:
    assert client.post("/login", data={"username": username, "password": "demo"}).status_code == 302


def token(client: Any, username: str) -> dict[str, str]:
    res = client.post("/api/auth/token", json={"username": username, "password": "demo"})
    return {"Authorization": f"Bearer {res.get_json()['token']}"}


def test_the_page_prefills_the_paid_amount_with_a_polish_comma(client: Any, ctx: ServiceContext) -> None:
    rows = make_case(ctx, amount="354.75")
    login(client, "caseworker1")
    page = html.unescape(client.get(f"/cases/{rows.case_id}/recoveries").get_data(as_text=True))
    pid = rows.payments[0]
    assert re.search(f'<input name="amount_{pid}"[^>]* value="354,75"', page)
    assert 'value="354.75"' not in page


def test_the_page_accepts_a_comma_and_a_grouped_amount(client: Any, ctx: ServiceContext,
                                                       caseworker: Any) -> None:
    rows = make_case(ctx, amount="1500.00")
    login(client, "caseworker1")
    first, second = rows.payments[:2]
    res = client.post(f"/cases/{rows.case_id}/recoveries", data={
        "payment": [str(first), str(second)], f"amount_{first}": "200,50",
        f"amount_{second}": "1 229,50", "ground": "unreported_change", "fact": "Podjęcie pracy."})
    assert res.status_code == 302, html.unescape(res.get_data(as_text=True))[-3000:]
    found = claims.case_recoveries(ctx, caseworker, rows.case_id)["recoveries"][0]
    assert [Decimal(i["amount"]) for i in found["items"]] == [Decimal("200.50"), Decimal("1229.50")]
    rid = found["id"]
    res = client.post(f"/recoveries/{rid}/repayments", data={
        "case_id": rows.case_id, "received_on": "02.03.2026", "amount": "100,25"})
    assert res.status_code == 302
    balance = claims.case_recoveries(ctx, caseworker, rows.case_id)["total"]
    assert Decimal(balance["repaid"]) == Decimal("100.25")


def test_the_page_refuses_a_bad_amount_in_polish_naming_the_comma(client: Any, ctx: ServiceContext) -> None:
    rows = make_case(ctx)
    login(client, "caseworker1")
    pid = rows.payments[0]
    res = client.post(f"/cases/{rows.case_id}/recoveries", data={
        "payment": [str(pid)], f"amount_{pid}": "200,505", "ground": "unreported_change", "fact": "F"})
    assert res.status_code == 422
    assert "Kwota może mieć najwyżej dwa miejsca po przecinku" in html.unescape(res.get_data(as_text=True))
    res = client.post(f"/cases/{rows.case_id}/recoveries", data={
        "payment": [str(pid)], f"amount_{pid}": "dwieście", "ground": "unreported_change", "fact": "F"})
    assert res.status_code == 422 and "np. 1234,56" in html.unescape(res.get_data(as_text=True))


def test_the_api_takes_a_decimal_string_and_refuses_a_comma_with_a_code(client: Any,
                                                                        ctx: ServiceContext) -> None:
    rows = make_case(ctx)
    cw = token(client, "caseworker1")
    bad = {"payments": [{"payment_id": rows.payments[0], "amount": "200,50"}],
           "ground": "unreported_change", "fact": "F", "found_on": "2026-W10-1"}
    res = client.post(f"/api/cases/{rows.case_id}/recoveries", json=bad, headers=cw)
    assert res.status_code == 422
    codes = {path: c["code"] for path, c in res.get_json()["field_codes"].items()}
    assert codes == {"payments[0].amount": "amount_decimal_string", "found_on": "date_format"}
    good = {**bad, "payments": [{"payment_id": rows.payments[0], "amount": "200.50"}]}
    del good["found_on"]
    res = client.post(f"/api/cases/{rows.case_id}/recoveries", json=good, headers=cw)
    assert res.status_code == 201 and res.get_json()["principal"] == "200.50"


def test_an_amount_input_is_written_by_the_one_formatter(flask_app: Any) -> None:
    from app.web.ui.formatting import amount_input

    with flask_app.test_request_context(headers={"Accept-Language": "pl"}):
        assert [amount_input(v) for v in ("354.75", Decimal("1229.5"), 813, "", None)] == [
            "354,75", "1229,50", "813,00", "", ""]
        assert amount_input("1e400") == "1e400" and amount_input("abc") == "abc"
        assert amount_input("0.1234") == "0,1234"  # a rate is never rounded to grosze
