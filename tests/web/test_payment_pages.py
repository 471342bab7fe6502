"""The payment list page refuses false facts and hostile input in Polish, keeping the data."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from app.services import payments
from app.services.kernel.context import Actor, ServiceContext
from tests.payment_data import grant

from .test_pages import login, text


def _approved(ctx: ServiceContext, supervisor: Actor, **kw: Any) -> dict[str, Any]:
    grant(ctx, **kw)
    run = payments.monthly_payment_run(ctx, date(2026, 3, 1))
    payments.approve_list(ctx, supervisor, run["list_id"])
    return payments.payment_list(ctx, supervisor, run["list_id"])


def test_settlement_on_the_page(client: Any, ctx: ServiceContext, supervisor: Actor,
                                clock: Any) -> None:
    plist = _approved(ctx, supervisor)
    pid, url = plist["payments"][0]["id"], f"/payments/{plist['id']}"
    login(client, "supervisor")
    res_future = client.post(f"{url}/payments/{pid}/settle",
                             data={"outcome": "paid", "on": "2026-03-12"}, follow_redirects=True)
    assert "musi przypadać od zatwierdzenia listy (02.03.2026) do dziś" in text(res_future)
    clock.set(datetime(2026, 3, 13, 9, 0, tzinfo=UTC))
    res = client.post(f"{url}/payments/{pid}/settle", data={"outcome": "lost", "on": "2026-03-12"},
                      follow_redirects=True)
    assert "Wybierz: wypłacona albo zwrócona." in text(res)
    res = client.post(f"{url}/payments/{pid}/settle", data={"outcome": "paid", "on": "12.03.2026"},
                      follow_redirects=True)
    assert "Podaj datę w formacie RRRR-MM-DD." in text(res)
    res = client.post(f"{url}/payments/{pid}/settle", data={"outcome": "returned", "on": "2026-03-12",
                                                             "ref": "WB 12/2026"},
                      follow_redirects=True)
    assert "Zapisano rozliczenie wypłaty" in text(res) and "zwrócona" in text(res)
    res = client.post(f"{url}/payments/{pid}/settle", data={"outcome": "paid", "on": "2026-03-12"},
                      follow_redirects=True)
    assert f"Wypłata nr {pid} jest już rozliczona inaczej (wypłacona albo zwrócona)." in text(res)
    assert payments.payment_list(ctx, supervisor, plist["id"])["payments"][0]["status"] == "returned"
    res = client.post(f"{url}/payments/{pid}/reissue", data={"method": "transfer",
                                                             "account": "<script>1</script>"},
                      follow_redirects=True)
    assert "błędny numer rachunku" in text(res) and "<script>1" not in res.get_data(as_text=True)
    res = client.post(f"{url}/payments/{pid}/reissue", data={"method": "cash"},
                      follow_redirects=True)
    assert "Wypłatę wystawiono ponownie" in text(res)
    res = client.post(f"{url}/payments/999999/settle", data={"outcome": "paid", "on": "2026-03-12"},
                      follow_redirects=True)
    assert "Wypłata nr 999999 nie istnieje." in text(res)


def test_an_invalid_account_is_named_before_the_bank_file(client: Any, ctx: ServiceContext,
                                                          supervisor: Actor) -> None:
    # A cash payment too: a transfer-only list has no cash-desk list (payments.list_no_cash).
    grant(ctx, account=None, name=("Anna", "Kasowa"))
    plist = _approved(ctx, supervisor, account="PL61109010140000071219812875")
    login(client, "supervisor")
    res = client.post(f"/payments/{plist['id']}/export/elixir", follow_redirects=True)
    body = text(res)
    assert "Nie utworzono pliku dla banku: 1 wypłat ma błędny numer rachunku." in body
    [transfer] = [p for p in plist["payments"] if p["method"] == "transfer"]
    assert f"Wypłata nr {transfer['id']} (sprawa T/" in body
    res = client.post(f"/payments/{plist['id']}/export/cash_pdf")
    assert res.status_code == 200 and res.mimetype == "application/pdf"
    again = client.post(f"/payments/{plist['id']}/export/cash_pdf")
    assert again.get_data() == res.get_data()
    assert "Utworzone pliki (ponowny eksport zwraca ten sam plik): PDF" in text(
        client.get(f"/payments/{plist['id']}"))


def test_caseworkers_see_lists_but_do_not_settle(client: Any, ctx: ServiceContext,
                                                 supervisor: Actor) -> None:
    plist = _approved(ctx, supervisor)
    login(client, "caseworker1")
    assert client.get(f"/payments/{plist['id']}").status_code == 200
    pid = plist["payments"][0]["id"]
    assert client.post(f"/payments/{plist['id']}/payments/{pid}/settle",
                       data={"outcome": "paid", "on": "2026-03-12"}).status_code == 403
    assert client.post(f"/payments/{plist['id']}/export/elixir").status_code == 403


def test_the_list_page_in_english(client: Any, ctx: ServiceContext, supervisor: Actor) -> None:
    plist = _approved(ctx, supervisor, account="PL61109010140000071219812875")
    login(client, "supervisor")
    client.get("/lang/en", headers={"Referer": "http://localhost/payments"})
    page = text(client.get(f"/payments/{plist['id']}"))
    assert "Transfer file (Elixir-O)" in page and "Settle the whole list" in page
    res = client.post(f"/payments/{plist['id']}/export/elixir", follow_redirects=True)
    assert "No bank file was made: 1 payments have an invalid account number." in text(res)


def test_settling_on_the_page_needs_a_receipt_and_a_date_from_the_list_date(
        client: Any, ctx: ServiceContext, supervisor: Actor, clock: Any) -> None:
    """Issue 15: "Wypłacona" acted at once, dated today, with no reference."""
    plist = _approved(ctx, supervisor, account=None)  # cash, pays on 10 March 2026
    pid, url = plist["payments"][0]["id"], f"/payments/{plist['id']}"
    clock.set(datetime(2026, 3, 13, 9, 0, tzinfo=UTC))
    login(client, "supervisor")
    page = text(client.get(url))
    assert 'name="ref" maxlength="100" required' in page and 'min="2026-03-10" max="2026-03-13"' in page
    assert "data-confirm=" in page and "nie zawiera przelewów" in page
    res = client.post(f"{url}/payments/{pid}/settle", data={"outcome": "paid", "on": "2026-03-12"},
                      follow_redirects=True)
    assert "Podaj numer wyciągu bankowego lub dowodu kasowego." in text(res)
    res = client.post(f"{url}/payments/{pid}/settle",
                      data={"outcome": "paid", "on": "2026-03-09", "ref": "KP 3/2026"},
                      follow_redirects=True)
    assert "nie może być wcześniejsza niż termin wypłaty listy" in text(res)
    res = client.post(f"{url}/settle", data={"outcome": "paid", "on": "2026-03-12", "ref": "KP 3/2026"},
                      follow_redirects=True)
    assert "Oznaczono wypłat: 1." in text(res) and "dowód: KP 3/2026" in text(res)


def test_a_transfer_only_list_offers_no_cash_desk_list(client: Any, ctx: ServiceContext,
                                                       supervisor: Actor) -> None:
    """Issue 15 (lane polish2): a transfer-only list made a cash-desk PDF with an empty table."""
    plist = _approved(ctx, supervisor)  # one payment, by transfer
    login(client, "supervisor")
    html = client.get(f"/payments/{plist['id']}").get_data(as_text=True)
    assert 'data-export="cash_pdf"' not in html and 'data-export="elixir"' in html
    assert "data-no-cash" in html
    assert ("Lista nie zawiera wypłat w kasie (same przelewy): lista wypłat w kasie nie jest "
            "potrzebna.") in text(client.get(f"/payments/{plist['id']}"))
    res = client.post(f"/payments/{plist['id']}/export/cash_pdf", follow_redirects=True)
    assert res.mimetype != "application/pdf"
    assert f"Lista nr {plist['id']} nie zawiera wypłat w kasie (same przelewy)" in text(res)
