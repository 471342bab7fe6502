"""Payments: schedules follow the decision, the run is idempotent per item (also when two run
at once), a list needs two people, exports read back to the list, settlement and reissue."""

from __future__ import annotations

import io
import os
import threading
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

import openpyxl
import pytest
from sqlalchemy import func, select

from app.domain.payment_dates import add_months, payment_date
from app.persistence.models import (
    AuditEvent,
    Decision,
    Payment,
    PaymentList,
    PaymentScheduleItem,
)
from app.services import payments
from app.services.kernel.context import Actor, ServiceContext
from app.services.kernel.errors import Conflict, Forbidden, ValidationFailed
from tests.conftest import actor_for
from tests.payment_data import grant, parse_elixir
from tests.pdftext import pdf_text

pytestmark = pytest.mark.embedded


def _months(ctx: ServiceContext, decision_id: int) -> list[date]:
    with ctx.uow() as uow:
        return list(uow.session.scalars(
            select(Payment.benefit_month).join(PaymentScheduleItem,
                                               PaymentScheduleItem.id == Payment.schedule_item_id)
            .where(PaymentScheduleItem.decision_id == decision_id)
            .order_by(Payment.benefit_month)))


def _run(ctx: ServiceContext, month: date) -> dict[str, Any]:
    """The run for ``month`` made in that month (a run more than a month ahead is refused)."""
    clock: Any = ctx.clock
    clock.set(datetime(month.year, month.month, 1, 9, 0, tzinfo=UTC))
    return payments.monthly_payment_run(ctx, month)


def _run_months(ctx: ServiceContext, first: date, count: int) -> None:
    for i in range(count):
        _run(ctx, add_months(first, i))


def api(client: Any, method: str, path: str, tok: str, body: Any = None) -> Any:
    return client.open(path, method=method, json=body, headers={"Authorization": f"Bearer {tok}"})


def token(client: Any, username: str) -> str:
    return str(client.post("/api/auth/token", json={"username": username, "password": "demo"})
               .get_json()["token"])


# --- schedules follow the decision -------------------------------------------------------------

def test_an_open_ended_grant_is_paid_every_month_while_it_stands(ctx: ServiceContext) -> None:
    _, decision_id = grant(ctx, "zasilek_staly", period_to=None)
    _run_months(ctx, date(2026, 3, 1), 16)
    months = _months(ctx, decision_id)
    assert months == [add_months(date(2026, 3, 1), i) for i in range(16)], "never a silent stop"
    # A changing decision replaces it: the run no longer extends it.
    with ctx.uow() as uow:
        decision = uow.session.get(Decision, decision_id)
        assert decision is not None
        decision.status = "changed"
        uow.commit()
    result = _run(ctx, date(2027, 7, 1))
    assert result["extended"] == 0 and len(_months(ctx, decision_id)) == 16


def test_a_changing_decision_takes_over_the_open_ended_grant_from_its_date(
    ctx: ServiceContext,
) -> None:
    from app.persistence.models import Case

    parent_case, parent = grant(ctx, "zasilek_staly", "500.00", period_to=None)
    # A grant that starts later than the run is not extended before its start either.
    _, future = grant(ctx, "zasilek_staly", "300.00", date(2027, 1, 1), schedule=False)
    change_case, change = grant(ctx, "zasilek_staly", "650.00", date(2026, 6, 1), None)
    with ctx.uow() as uow:
        case = uow.session.get(Case, change_case)
        assert case is not None
        case.kind, case.parent_case_id, case.effective_from = "change", parent_case, date(2026, 6, 1)
        uow.commit()
    _run_months(ctx, date(2026, 3, 1), 6)
    assert _months(ctx, parent) == [date(2026, m, 1) for m in (3, 4, 5)]
    assert _months(ctx, change) == [date(2026, m, 1) for m in (6, 7, 8)]
    assert _months(ctx, future) == []


def test_a_grant_starting_after_the_run_month_is_left_alone(ctx: ServiceContext) -> None:
    _, decision_id = grant(ctx, "zasilek_staly", period_from=date(2027, 1, 1))
    assert payments.monthly_payment_run(ctx, date(2026, 3, 1))["created"] == 0
    assert _run(ctx, date(2027, 2, 1))["extended"] == 1
    assert _months(ctx, decision_id) == [date(2027, 1, 1), date(2027, 2, 1)]


def test_a_missed_run_catches_up_every_month_of_an_open_ended_grant(ctx: ServiceContext) -> None:
    _, decision_id = grant(ctx, "zasilek_staly", period_to=None)
    result = _run(ctx, date(2026, 9, 1))
    assert result["extended"] == 6
    assert _months(ctx, decision_id) == [date(2026, m, 1) for m in range(3, 10)]


def test_a_one_off_benefit_is_paid_once(ctx: ServiceContext) -> None:
    _, decision_id = grant(ctx, "specjalny_zasilek_celowy", "800.00", date(2026, 3, 16))
    _run_months(ctx, date(2026, 3, 1), 14)
    assert _months(ctx, decision_id) == [date(2026, 3, 1)]
    with ctx.uow() as uow:
        due = uow.session.scalars(select(Payment.due_on)).one()
        assert due == date(2026, 3, 16), "paid on the date the decision names"


def test_arrears_are_titled_by_the_month_they_pay(ctx: ServiceContext, supervisor: Actor) -> None:
    _, decision_id = grant(ctx, "zasilek_staly", "612.40", date(2026, 3, 1), date(2026, 5, 31))
    run = _run(ctx, date(2026, 5, 1))
    assert run["created"] == 3 and len(run["lists"]) == 1
    listed = payments.payment_list(ctx, supervisor, run["list_id"])
    with ctx.uow() as uow:
        number = uow.session.get(Decision, decision_id).number  # type: ignore[union-attr]
    # March and April, unpaid in their months, are moved onto May's list and say so (issue 19).
    assert [p["title"] for p in listed["payments"]] == [
        f"Zasiłek stały, zaległe za {m:02d}/2026, {number}" for m in (3, 4)] + [
        f"Zasiłek stały za 05/2026, {number}"]
    # 10 May 2026 is a Sunday: the list's date moves back to Friday 8 May.
    assert listed["pay_date"] == "2026-05-08"
    assert listed["total"] == "1837.20"


def test_family_benefits_and_fa_follow_their_statutory_dates(ctx: ServiceContext) -> None:
    def dues(decision_id: int) -> dict[date, date]:
        with ctx.uow() as uow:
            return {month: due for month, due in uow.session.execute(
                select(PaymentScheduleItem.month, PaymentScheduleItem.due_on)
                .where(PaymentScheduleItem.decision_id == decision_id))}

    nov, dec = date(2026, 11, 1), date(2026, 12, 1)
    # Filed by 31 August: November is paid in November (art. 26 ust. 3 u.ś.r.).
    _, early = grant(ctx, "zasilek_rodzinny", "124.00", nov, date(2027, 10, 31),
                     received_on=date(2026, 8, 20))
    assert dues(early)[nov] == payment_date(10, nov)
    # Filed in September: November is paid by 31 December (art. 26 ust. 4 u.ś.r.).
    _, september = grant(ctx, "zasilek_rodzinny", "124.00", nov, date(2027, 10, 31),
                         received_on=date(2026, 9, 15))
    assert dues(september)[nov] == payment_date(10, dec) == dues(september)[dec]
    assert dues(september)[date(2027, 1, 1)] == payment_date(10, date(2027, 1, 1))
    # FA filed in October: October and November are paid by 31 December (art. 20 FA act).
    octo = date(2026, 10, 1)
    _, fa = grant(ctx, "fundusz_alimentacyjny", "1000.00", octo, date(2027, 9, 30),
                  received_on=date(2026, 10, 5))
    assert dues(fa)[octo] == dues(fa)[nov] == payment_date(10, dec)
    # The run for November does not pay what is due in December.
    run = _run(ctx, nov)
    with ctx.uow() as uow:
        paid = set(uow.session.scalars(select(PaymentScheduleItem.decision_id).where(
            PaymentScheduleItem.status == "scheduled")))
    assert early in paid and september not in paid and fa not in paid and run["created"] == 1


# --- the run: idempotent, concurrent ------------------------------------------------------------

@pytest.mark.skipif(os.environ.get("POMOC_TEST_DB") == "sqlite",
                    reason="concurrent runs are a PostgreSQL deployment (SQLite has one writer)")
def test_the_run_is_idempotent_and_concurrent_runs_do_not_duplicate(ctx: ServiceContext) -> None:
    for i in range(24):
        grant(ctx, "zasilek_okresowy", f"{100 + i}.15", date(2026, 3, 1), date(2026, 4, 30))
    config: Any = ctx.config
    saved = config.get("PAYMENT_RUN_BATCH")
    config["PAYMENT_RUN_BATCH"] = 5
    results: list[dict[str, Any]] = []
    errors: list[BaseException] = []

    def run() -> None:
        try:
            results.append(payments.monthly_payment_run(ctx, date(2026, 4, 1)))
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    try:
        threads = [threading.Thread(target=run) for _ in range(3)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    finally:
        config["PAYMENT_RUN_BATCH"] = saved
    assert not errors, errors
    assert sum(r["created"] for r in results) == 48
    again = payments.monthly_payment_run(ctx, date(2026, 4, 1))
    assert again["created"] == 0, "running twice adds nothing"
    with ctx.uow() as uow:
        s = uow.session
        assert s.scalar(select(func.count(Payment.id))) == 48
        assert s.scalar(select(func.count(func.distinct(Payment.schedule_item_id)))) == 48
        lists = s.scalars(select(PaymentList)).all()
        assert len(lists) == 1, "one draft list per payment date"
        assert lists[0].total == s.scalar(select(func.sum(Payment.amount)))
        assert lists[0].total == sum(Decimal(f"{100 + i}.15") * 2 for i in range(24))


# --- two people per list -------------------------------------------------------------------------

def test_the_person_who_ran_a_list_may_not_approve_it(ctx: ServiceContext, client: Any,
                                                       supervisor: Actor) -> None:
    grant(ctx)
    sv, sv2, cw = token(client, "supervisor"), token(client, "supervisor2"), token(client, "caseworker1")
    run = api(client, "POST", "/api/payments/run", sv, {"month": "2026-03"}).get_json()
    list_id = run["list_id"]
    refused = api(client, "POST", f"/api/payment-lists/{list_id}/approve", sv)
    assert refused.status_code == 403
    assert refused.get_json()["code"] == "payments.runner_cannot_approve"
    assert api(client, "POST", f"/api/payment-lists/{list_id}/approve", cw).status_code == 403
    assert payments.payment_list(ctx, supervisor, list_id)["status"] == "draft"
    ok = api(client, "POST", f"/api/payment-lists/{list_id}/approve", sv2)
    assert ok.status_code == 200 and ok.get_json()["status"] == "approved"
    again = api(client, "POST", f"/api/payment-lists/{list_id}/approve", sv2)
    assert again.status_code == 409
    # Bad months are refused with a code, never a 500.
    for month in ("2026-13", "marzec", 2026, "2026-3", None):
        res = api(client, "POST", "/api/payments/run", sv, {"month": month})
        assert res.status_code == 422 and "month" in res.get_json()["fields"], month


def test_a_list_run_by_the_scheduler_is_approved_by_any_supervisor(ctx: ServiceContext) -> None:
    grant(ctx)
    run = payments.monthly_payment_run(ctx, date(2026, 3, 1))
    supervisor = actor_for(ctx, "supervisor")
    with pytest.raises(Forbidden):
        payments.approve_list(ctx, actor_for(ctx, "caseworker1"), run["list_id"])
    payments.approve_list(ctx, supervisor, run["list_id"])
    with pytest.raises(Conflict):
        payments.approve_list(ctx, actor_for(ctx, "supervisor2"), run["list_id"])


# --- exports ---------------------------------------------------------------------------------------

def _approved_list(ctx: ServiceContext) -> int:
    grant(ctx, amount="612.40", name=("Zofia", "Żółkiewska"))
    grant(ctx, amount="1229.00", name=("Łukasz", "Wiśniewski-Kowalczyk"))
    grant(ctx, amount="100.01", account=None, name=("Anna", "Gotówkowa"))
    run = payments.monthly_payment_run(ctx, date(2026, 3, 1))
    payments.approve_list(ctx, actor_for(ctx, "supervisor"), run["list_id"])
    return int(run["list_id"])


def test_the_bank_file_parses_back_to_the_list(ctx: ServiceContext, supervisor: Actor) -> None:
    list_id = _approved_list(ctx)
    f = payments.export_list(ctx, supervisor, list_id, "elixir")
    records = parse_elixir(f.content, "cp1250")
    listed = payments.payment_list(ctx, supervisor, list_id)
    transfers = [p for p in listed["payments"] if p["method"] == "transfer"]
    assert len(records) == len(transfers) == 2
    assert sum(r.grosze for r in records) == int(sum(Decimal(p["amount"]) for p in transfers) * 100)
    assert sorted(r.grosze for r in records) == [61240, 122900]
    for r in records:
        assert r.when == date(2026, 3, 10) and r.classification == "51"
        assert r.payer == "94102028920000510200123456" and r.payer_sort == "10202892"
        assert r.payee == "61109010140000071219812874" and r.payee_sort == "10901014"
        assert r.title.replace("|", " ").startswith("Zasiłek stały za 03/2026, DEC/2026/")
    assert any(r.payee_text.startswith("Zofia Żółkiewska|ul. Testowa") for r in records)
    # The same list exports the same file; both exports are audited.
    assert payments.export_list(ctx, supervisor, list_id, "elixir").content == f.content
    with ctx.uow() as uow:
        assert uow.session.scalar(select(func.count(AuditEvent.id)).where(
            AuditEvent.action == "payments.list_exported")) == 2


def test_the_bank_file_in_cp852(ctx: ServiceContext, supervisor: Actor) -> None:
    list_id = _approved_list(ctx)
    config: Any = ctx.config
    config["ELIXIR_ENCODING"] = "cp852"
    try:
        data = payments.export_list(ctx, supervisor, list_id, "elixir").content
    finally:
        config["ELIXIR_ENCODING"] = "cp1250"
    assert any("Żółkiewska" in r.payee_text for r in parse_elixir(data, "cp852"))


def test_invalid_accounts_are_refused_before_export(ctx: ServiceContext, client: Any,
                                                     supervisor: Actor) -> None:
    grant(ctx, account="PL61109010140000071219812875")  # one digit wrong
    grant(ctx)
    run = payments.monthly_payment_run(ctx, date(2026, 3, 1))
    payments.approve_list(ctx, supervisor, run["list_id"])
    with pytest.raises(ValidationFailed) as err:
        payments.export_list(ctx, supervisor, run["list_id"], "elixir")
    bad = payments.payment_list(ctx, supervisor, run["list_id"])["payments"][0]["id"]
    assert list(err.value.errors) == [str(bad)]
    res = api(client, "GET", f"/api/payment-lists/{run['list_id']}/export/elixir",
              token(client, "supervisor"))
    assert res.status_code == 422 and res.get_json()["code"] == "payments.accounts_invalid"
    with ctx.uow() as uow:
        assert uow.session.scalar(select(func.count(AuditEvent.id)).where(
            AuditEvent.action == "payments.list_exported")) == 0


def test_a_draft_list_is_not_exported(ctx: ServiceContext, client: Any, supervisor: Actor) -> None:
    grant(ctx)
    run = payments.monthly_payment_run(ctx, date(2026, 3, 1))
    for kind in ("elixir", "xlsx", "cash_pdf"):
        with pytest.raises(Conflict):
            payments.export_list(ctx, supervisor, run["list_id"], kind)
    res = api(client, "GET", f"/api/payment-lists/{run['list_id']}/export/nonsense",
              token(client, "supervisor"))
    assert res.status_code == 422


def test_the_xlsx_and_the_cash_desk_pdf(ctx: ServiceContext, supervisor: Actor) -> None:
    list_id = _approved_list(ctx)
    xlsx = payments.export_list(ctx, supervisor, list_id, "xlsx")
    sheet = openpyxl.load_workbook(io.BytesIO(xlsx.content)).active
    assert sheet is not None
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:3] == ("Lp.", "Sprawa", "Odbiorca") and rows[0][7] == "Kwota (zł)"
    amounts = [r[7] for r in rows[1:4]]
    assert all(isinstance(a, float | int) for a in amounts)
    assert sheet.cell(row=2, column=8).number_format == '#,##0.00\\ "zł"'  # 1 229,50 zł
    assert round(sum(amounts), 2) == float(xlsx.total) == 1941.41 == rows[4][7]
    assert payments.export_list(ctx, supervisor, list_id, "xlsx").content == xlsx.content

    pdf = payments.export_list(ctx, supervisor, list_id, "cash_pdf")
    text = pdf_text(pdf.content)
    assert "Anna Gotówkowa" in text and "Zofia" not in text, "cash payments only"
    assert "Podpis" in text and "Razem" in text and "100,01" in text
    assert pdf.count == 1 and pdf.total == Decimal("100.01")


# --- paid, returned, reissued --------------------------------------------------------------------

def test_payments_are_marked_paid_or_returned_and_a_return_is_reissued(
    ctx: ServiceContext, client: Any, supervisor: Actor, clock: Any
) -> None:
    list_id = _approved_list(ctx)  # approved on 2 March 2026
    sv = token(client, "supervisor")
    ids = [p["id"] for p in payments.payment_list(ctx, supervisor, list_id)["payments"]]
    # A statement dated before the approval, or in the future, is a false fact.
    for day in ("2026-03-01", "2026-03-12"):
        res = api(client, "POST", f"/api/payments/{ids[0]}/settle", sv,
                  {"outcome": "paid", "on": day})
        assert res.status_code == 422
        assert res.get_json()["field_codes"]["on"]["code"] == "payments.settled_on_invalid"
    clock.set(datetime(2026, 3, 13, 9, 0, tzinfo=UTC))
    sv = token(client, "supervisor")  # the token of 2 March has expired
    returned = api(client, "POST", f"/api/payments/{ids[0]}/settle", sv,
                   {"outcome": "returned", "on": "2026-03-12", "ref": "WB 12/2026"})
    assert returned.status_code == 200 and returned.get_json()["status"] == "returned"
    # A conflicting second marking is a 409; the same marking again changes nothing.
    conflict = api(client, "POST", f"/api/payments/{ids[0]}/settle", sv,
                   {"outcome": "paid", "on": "2026-03-12"})
    assert conflict.status_code == 409 and conflict.get_json()["code"] == "payments.already_settled"
    same = api(client, "POST", f"/api/payments/{ids[0]}/settle", sv,
               {"outcome": "returned", "on": "2026-03-12"})
    assert same.status_code == 200 and same.get_json()["changed"] is False
    for bad in ({"outcome": "lost", "on": "2026-03-12"}, {"outcome": "paid", "on": "12.03.2026"},
                {"outcome": "paid"}):
        assert api(client, "POST", f"/api/payments/{ids[1]}/settle", sv, bad).status_code == 422
    # The rest of the list in bulk (the returned one stays returned).
    bulk = api(client, "POST", f"/api/payment-lists/{list_id}/settle", sv,
               {"outcome": "paid", "on": "2026-03-12", "ref": "WB 12/2026"})
    assert bulk.get_json()["marked"] == 2
    # A paid payment is never reissued; a returned one once, on a later list.
    assert api(client, "POST", f"/api/payments/{ids[1]}/reissue", sv,
               {"method": "cash"}).status_code == 409
    bad_account = api(client, "POST", f"/api/payments/{ids[0]}/reissue", sv,
                      {"method": "transfer", "account": "PL00 1234"})
    assert bad_account.status_code == 422
    new = api(client, "POST", f"/api/payments/{ids[0]}/reissue", sv,
              {"method": "transfer", "account": "94 1020 2892 0000 5102 0012 3456"})
    assert new.status_code == 201
    body = new.get_json()
    assert body["list_id"] != list_id and body["reissue_of_id"] == ids[0]
    twice = api(client, "POST", f"/api/payments/{ids[0]}/reissue", sv, {"method": "cash"})
    assert twice.status_code == 409
    with ctx.uow() as uow:
        original = uow.session.get(Payment, ids[0])
        reissued = uow.session.get(Payment, body["id"])
        assert original is not None and reissued is not None
        assert original.status == "returned" and reissued.status == "pending"
        assert reissued.schedule_item_id == original.schedule_item_id and reissued.attempt == 2
        assert reissued.account == "PL94102028920000510200123456"
        item_id = original.schedule_item_id
        actions = set(uow.session.scalars(select(AuditEvent.action)))
    assert {"payments.returned", "payments.list_paid", "payments.reissued"} <= actions
    # The reissue goes on the next list; a second supervisor approves it and it is paid once.
    new_list = payments.payment_list(ctx, supervisor, body["list_id"])
    assert [p["reissue_of_id"] for p in new_list["payments"]] == [ids[0]]
    with pytest.raises(Forbidden):
        payments.approve_list(ctx, supervisor, body["list_id"])  # supervisor added it
    payments.approve_list(ctx, actor_for(ctx, "supervisor2"), body["list_id"])
    clock.set(datetime(2026, 4, 11, 9, 0, tzinfo=UTC))
    payments.mark_payment(ctx, supervisor, body["id"], "paid", date(2026, 4, 10), "KP 40/2026")
    with ctx.uow() as uow:
        paid = uow.session.scalar(select(func.count(Payment.id)).where(
            Payment.schedule_item_id == item_id, Payment.status == "paid"))
        assert paid == 1, "never both paid"
