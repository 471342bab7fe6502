"""Payments a cashier can trust (issue 15, part 5), and the one name of the centre on the
bank file and the cash-desk list (part 4): no empty bank file, settling with a date and a
reference (and never twice), and a cash-desk list with what the cash desk needs."""

from __future__ import annotations

import io
import threading
from datetime import UTC, date, datetime
from typing import Any

import openpyxl
import pytest
from sqlalchemy import func, select

from app.domain.messages import Code
from app.persistence.models import AuditEvent, Payment, PaymentExport
from app.services import payments
from app.services.kernel.context import Actor, ServiceContext
from app.services.kernel.errors import Conflict, ValidationFailed
from tests.conftest import actor_for
from tests.payment_data import grant, parse_elixir
from tests.pdftext import pdf_text

from .test_payments import api, token

pytestmark = [pytest.mark.timeout(120), pytest.mark.embedded]


def _list(ctx: ServiceContext, *accounts: str | None) -> int:
    for n, account in enumerate(accounts):
        grant(ctx, amount=f"{100 + n}.00", account=account, name=("Anna", f"Kasowa{n}"))
    run = payments.monthly_payment_run(ctx, date(2026, 3, 1))
    payments.approve_list(ctx, actor_for(ctx, "supervisor"), run["list_id"])
    return int(run["list_id"])


def test_a_cash_only_list_makes_no_empty_bank_file(ctx: ServiceContext, client: Any,
                                                   supervisor: Actor) -> None:
    list_id = _list(ctx, None, None)
    with pytest.raises(Conflict) as err:
        payments.export_list(ctx, supervisor, list_id, "elixir")
    assert err.value.code == Code.PAYMENT_LIST_NO_TRANSFERS
    res = api(client, "GET", f"/api/payment-lists/{list_id}/export/elixir", token(client, "supervisor"))
    assert res.status_code == 409 and res.get_json()["code"] == "payments.list_no_transfers"
    assert res.mimetype == "application/json" and res.get_data()  # never a 0-byte file
    assert payments.payment_list(ctx, supervisor, list_id)["transfers"] == 0
    with ctx.uow(readonly=True) as uow:
        assert uow.session.scalar(select(func.count(PaymentExport.id))) == 0
    # The cash-desk list of the same list is made.
    assert payments.export_list(ctx, supervisor, list_id, "cash_pdf").count == 2


def test_the_bank_file_names_the_centre_from_the_office_settings(ctx: ServiceContext,
                                                                 supervisor: Actor) -> None:
    list_id = _list(ctx, "PL61109010140000071219812874")
    [record] = parse_elixir(payments.export_list(ctx, supervisor, list_id, "elixir").content)
    payer = " ".join(record.payer_text.split("|"))
    assert "Ośrodek Pomocy Społecznej w Krzeszowicach" in payer and "Krakowska 8" in payer
    assert "Krakowska 1" not in payer


@pytest.mark.parametrize(("cash", "words"), [(1, "Razem (1 wypłata)"), (2, "Razem (2 wypłaty)"),
                                             (5, "Razem (5 wypłat)")])
def test_the_cash_desk_list_has_what_the_cash_desk_needs(ctx: ServiceContext, supervisor: Actor,
                                                         cash: int, words: str) -> None:
    list_id = _list(ctx, *([None] * cash), "PL61109010140000071219812874")
    text = " ".join(pdf_text(payments.export_list(ctx, supervisor, list_id, "cash_pdf").content).split())
    assert words in text
    for needed in ("Ośrodek Pomocy Społecznej w Krzeszowicach", "ul. Krakowska 8",
                   "Burmistrz Gminy Krzeszowice", "Dokument tożsamości", "Data odbioru",
                   "Podpis odbiorcy", "ul. Testowa"):
        assert needed in text, needed
    assert "Gminny Ośrodek" not in text
    sheet = openpyxl.load_workbook(io.BytesIO(
        payments.export_list(ctx, supervisor, list_id, "xlsx").content)).active
    assert sheet is not None
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][9:12] == ("Dokument tożsamości (seria i numer)", "Data odbioru", "Podpis odbiorcy")
    flat = [str(v) for r in rows for v in r if v is not None]
    total_words = {1: "2 wypłaty", 2: "3 wypłaty", 5: "6 wypłat"}[cash]
    assert f"Razem ({total_words})" in flat
    assert any("Ośrodek Pomocy Społecznej w Krzeszowicach" in v for v in flat)
    assert "Burmistrz Gminy Krzeszowice" in flat


def test_settling_needs_a_reference_and_a_date_from_the_list_date(
        ctx: ServiceContext, client: Any, supervisor: Actor, clock: Any) -> None:
    list_id = _list(ctx, None, None)  # pays on 10 March 2026, approved on 2 March
    pid = payments.payment_list(ctx, supervisor, list_id)["payments"][0]["id"]
    clock.set(datetime(2026, 3, 13, 9, 0, tzinfo=UTC))
    with pytest.raises(ValidationFailed) as err:
        payments.mark_payment(ctx, supervisor, pid, "paid", date(2026, 3, 12), "")
    assert err.value.errors["ref"].code == Code.PAYMENT_SETTLEMENT_REF_REQUIRED  # type: ignore[attr-defined]
    with pytest.raises(ValidationFailed) as err:
        payments.mark_payment(ctx, supervisor, pid, "paid", date(2026, 3, 5), "KP 1/2026")
    assert err.value.errors["on"].code == Code.PAYMENT_SETTLED_BEFORE_LIST_DATE  # type: ignore[attr-defined]
    sv = token(client, "supervisor")
    res = api(client, "POST", f"/api/payment-lists/{list_id}/settle", sv,
              {"outcome": "paid", "on": "2026-03-12"})
    assert res.status_code == 422 and res.get_json()["field_codes"]["ref"]["code"] == \
        "payments.settlement_ref_required"
    res = api(client, "POST", f"/api/payment-lists/{list_id}/settle", sv,
              {"outcome": "paid", "on": "2026-03-11", "ref": "RK 11/2026"})
    assert res.status_code == 200 and res.get_json()["marked"] == 2
    listed = payments.payment_list(ctx, supervisor, list_id)["payments"]
    assert {(p["settled_on"], p["settlement_ref"]) for p in listed} == {("2026-03-11", "RK 11/2026")}
    # The same marking again changes nothing; another reference for it is a conflict.
    assert payments.mark_payment(ctx, supervisor, pid, "paid", date(2026, 3, 11), "RK 11/2026")[
        "changed"] is False
    with pytest.raises(Conflict) as conflict:
        payments.mark_payment(ctx, supervisor, pid, "paid", date(2026, 3, 11), "RK 99/2026")
    assert conflict.value.code == Code.PAYMENT_ALREADY_SETTLED_REF


def test_two_cashiers_settling_one_payment_at_once_record_it_once(
        ctx: ServiceContext, supervisor: Actor, clock: Any) -> None:
    list_id = _list(ctx, None)
    pid = payments.payment_list(ctx, supervisor, list_id)["payments"][0]["id"]
    clock.set(datetime(2026, 3, 13, 9, 0, tzinfo=UTC))
    second = actor_for(ctx, "supervisor2")
    outcomes: list[Any] = []
    barrier = threading.Barrier(2)

    def settle(who: Actor, ref: str) -> None:
        barrier.wait()
        try:
            outcomes.append(payments.mark_payment(ctx, who, pid, "paid", date(2026, 3, 12), ref)["changed"])
        except Conflict as exc:
            outcomes.append(exc.code)

    threads = [threading.Thread(target=settle, args=(who, ref))
               for who, ref in ((supervisor, "KP 1/2026"), (second, "KP 2/2026"))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(map(str, outcomes)) == sorted(["True", str(Code.PAYMENT_ALREADY_SETTLED_REF)])
    with ctx.uow(readonly=True) as uow:
        assert uow.session.scalar(select(func.count(AuditEvent.id)).where(
            AuditEvent.action == "payments.paid")) == 1
        p = uow.session.get(Payment, pid)
        assert p is not None and p.settlement_ref in ("KP 1/2026", "KP 2/2026")


def test_each_schedule_date_off_the_usual_day_says_why(ctx: ServiceContext, caseworker: Actor) -> None:
    """Issue 15: December's zasiłek rodzinny was scheduled for 10.02.2027 with nothing saying
    why. Filed on 15 Nov 2026, the first months are paid by the end of February (art. 26
    ust. 3-4 u.ś.r.); the usual months carry no reason, a holiday moves the day and says so."""
    from app.services.case_file import view as case_view

    case_id, _ = grant(ctx, "zasilek_rodzinny", "215.84", date(2026, 11, 1), date(2027, 10, 31),
                       received_on=date(2026, 11, 15))
    schedule = {row["month"]: row for row in case_view.get_case(ctx, caseworker, case_id)["schedule"]}
    december = schedule["2026-12-01"]
    assert december["due_on"] == "2027-02-10"
    # Item access reads the JSON shape: a coded message as its code and params.
    assert december["date_reason"]["code"] == Code.SCHEDULE_DATE_FIRST_PAYMENT
    assert dict(december["date_reason"]["params"]) == {
        "filed": "15.11.2026", "deadline": "28.02.2027",
        "article": "art. 26 ust. 3–4 ustawy o świadczeniach rodzinnych"}
    assert schedule["2027-03-01"]["date_reason"] is None  # 10 March 2027: the usual day
    # 10 October 2027 is a Sunday: paid on Friday the 8th, and the schedule says so.
    october = schedule["2027-10-01"]
    assert october["due_on"] == "2027-10-08"
    assert october["date_reason"]["code"] == Code.SCHEDULE_DATE_WORKING_DAY


def test_a_transfer_only_list_makes_no_empty_cash_desk_list(ctx: ServiceContext, client: Any,
                                                            supervisor: Actor) -> None:
    """Issue 15 (lane polish2): a transfer-only list made a cash-desk PDF with an empty table."""
    list_id = _list(ctx, "PL61109010140000071219812874")
    with pytest.raises(Conflict) as err:
        payments.export_list(ctx, supervisor, list_id, "cash_pdf")
    assert err.value.code == Code.PAYMENT_LIST_NO_CASH
    res = api(client, "GET", f"/api/payment-lists/{list_id}/export/cash_pdf", token(client, "supervisor"))
    assert res.status_code == 409 and res.get_json()["code"] == "payments.list_no_cash"
    assert res.mimetype == "application/json"
    view = payments.payment_list(ctx, supervisor, list_id)
    assert view["cash"] == 0 and view["transfers"] == 1
    with ctx.uow(readonly=True) as uow:
        assert uow.session.scalar(select(func.count(PaymentExport.id))) == 0
    # The bank file and the spreadsheet of the same list are made.
    assert payments.export_list(ctx, supervisor, list_id, "elixir").count == 1
    assert payments.export_list(ctx, supervisor, list_id, "xlsx").count == 1


def test_the_api_gives_a_schedule_date_reason_as_code_and_params(ctx: ServiceContext,
                                                                 client: Any) -> None:
    """Issue 15 (lane polish2): the API sent ``date_reason`` as the English text of a coded
    message; it gives the code and params (as every coded message), the page the Polish text."""
    case_id, _ = grant(ctx, "zasilek_rodzinny", "215.84", date(2026, 11, 1), date(2027, 10, 31),
                       received_on=date(2026, 11, 15))
    res = api(client, "GET", f"/api/cases/{case_id}", token(client, "caseworker1"))
    assert res.status_code == 200
    schedule = {row["month"]: row for row in res.get_json()["schedule"]}
    assert schedule["2026-12-01"]["date_reason"] == {
        "code": "payments.schedule_date_first_payment",
        "params": {"filed": "15.11.2026", "deadline": "28.02.2027",
                   "article": "art. 26 ust. 3–4 ustawy o świadczeniach rodzinnych"}}
    assert schedule["2027-10-01"]["date_reason"] == {
        "code": "payments.schedule_date_working_day", "params": {"usual": "10.10.2027"}}
    assert schedule["2027-03-01"]["date_reason"] is None
    client.post("/login", data={"username": "caseworker1", "password": "demo"})
    page = client.get(f"/cases/{case_id}", headers={"Accept-Language": "pl"}).get_data(as_text=True)
    assert ("Pierwsze miesiące okresu zasiłkowego: wniosek złożony 15.11.2026, termin ustawowy "
            "wypłaty do 28.02.2027") in page
    assert "The first months of the benefit period" not in page


def test_the_exports_wording_comes_from_the_catalogue(ctx: ServiceContext, supervisor: Actor) -> None:
    """Issue 15 (lane polish2): the XLSX and the cash-desk list wrote Polish literals of the
    service; their titles, columns and totals are catalogue msgids rendered in the document's
    language (Polish by default), each with its English translation."""
    from babel.messages.pofile import read_po

    from app.domain.messages import export_wording as words
    from app.services.documents import wording
    from app.services.documents.office import office
    from app.services.payments.exports import _cash_pdf, _xlsx
    from app.services.payments.lists import get_list, rows
    from tests.polish_crawl import stop_hits

    with (wording.TRANSLATIONS / "en/LC_MESSAGES/messages.po").open("rb") as f:
        po = read_po(f)
    msgids = [words.SHEET, *words.XLSX_COLUMNS, *words.CASH_DESK_COLUMNS, *words.STATUSES.values(),
              *words.METHODS.values(), words.CENTRE, words.BODY, words.TOTAL, words.CASH_TITLE,
              words.CASH_DATE, *words.CASH_COLUMNS, words.PAID_BY, words.CHECKED_BY]
    assert all(po.get(m) is not None and po.get(m).string for m in msgids), msgids
    assert po.get(("%(num)d wypłata", "%(num)d wypłat")) is not None

    list_id = _list(ctx, None, None, "PL61109010140000071219812874")
    with ctx.uow(readonly=True) as uow:
        plist, payments_ = get_list(uow, list_id), rows(uow, list_id)
        centre = office(uow)
        assert centre is not None
        english = openpyxl.load_workbook(io.BytesIO(_xlsx(plist, payments_, centre, "en"))).active
        pdf_en = " ".join(pdf_text(_cash_pdf(uow, plist, payments_, "en")[0]).split())
        pdf_pl = " ".join(pdf_text(_cash_pdf(uow, plist, payments_)[0]).split())
    assert english is not None and english.title == "Payment list"
    header = [c.value for c in english[1]]
    assert header[:3] == ["No.", "Case", "Payee"] and header[-3:] == [
        "Identity document (series and number)", "Date received", "Payee's signature"]
    flat = " ".join(str(v) for r in english.iter_rows(values_only=True) for v in r if v is not None)
    assert "Total (3 payments)" in flat and "cash" in flat and "Razem" not in flat
    assert f"Cash-desk payment list no. {list_id}" in pdf_en and "Total (2 payments)" in pdf_en
    assert f"Lista wypłat w kasie nr {list_id}" in pdf_pl and "Razem (2 wypłaty)" in pdf_pl
    assert not stop_hits(pdf_pl)
