"""Issue 19, finding 3 (the month of a run is bounded; arrears are named) and the export's
check of finding 1 (an approved list's total is what its approved payments add up to)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

import openpyxl
import pytest
from sqlalchemy import func, select

from app.persistence.models import Payment, PaymentList, PaymentScheduleItem
from app.services import payments
from app.services.kernel.context import Actor, ServiceContext
from app.services.kernel.errors import Conflict
from tests.conftest import actor_for
from tests.payment_data import grant, parse_elixir

from .test_payments import api, token

pytestmark = pytest.mark.embedded


def _scheduled(ctx: ServiceContext) -> int:
    with ctx.uow(readonly=True) as uow:
        return uow.session.scalar(select(func.count(PaymentScheduleItem.id)).where(
            PaymentScheduleItem.status == "scheduled")) or 0


def test_finding3_a_run_more_than_one_month_ahead_is_refused_with_a_code(
        ctx: ServiceContext, client: Any, flask_app: Any) -> None:
    grant(ctx, "zasilek_staly", period_to=None)  # an open-ended grant: the run would extend it
    sv = token(client, "supervisor")  # the service clock: 2 March 2026
    for month in ("2199-12", "2026-05", "2027-03"):
        res = api(client, "POST", "/api/payments/run", sv, {"month": month})
        assert res.status_code == 422, month
        body = res.get_json()
        assert body["code"] == "payments.run_month_too_far"
        assert body["field_codes"]["month"]["code"] == "payments.run_month_too_far"
        assert body["params"] == {"latest": "2026-04", "month": month}
    with ctx.uow(readonly=True) as uow:
        assert uow.session.scalar(select(func.count(PaymentList.id))) == 0, "nothing scheduled"
        assert uow.session.scalar(select(func.max(PaymentScheduleItem.month))) == date(2026, 3, 1)
    # The CLI refuses it with the code, before anything is done.
    cli = flask_app.test_cli_runner().invoke(args=["payment-run", "--month", "2199-12"])
    assert cli.exit_code == 2 and "payments.run_month_too_far" in cli.output
    assert "2026-04" in cli.output
    # The page: 422, in Polish, with the month kept in the form.
    from tests.web.test_pages import login, text

    login(client, "supervisor")
    page = client.post("/payments/run", data={"month": "2199-12"})
    assert page.status_code == 422
    assert "najwyżej na miesiąc naprzód: najpóźniej za 2026-04" in text(page)
    assert 'max="2026-04"' in client.get("/payments").get_data(as_text=True)
    assert _scheduled(ctx) == 0
    # Next month is allowed (lists are prepared ahead of the payment date).
    ok = api(client, "POST", "/api/payments/run", sv, {"month": "2026-04"})
    assert ok.status_code == 200 and ok.get_json()["created"] == 2


def test_finding3_unpaid_earlier_months_moved_onto_a_later_list_are_named_zalegle(
        ctx: ServiceContext, client: Any, clock: Any) -> None:
    # December and January of a grant decided late: the December run never saw December.
    _, decision_id = grant(ctx, "zasilek_okresowy", "410.00", date(2026, 12, 1), date(2027, 1, 31))
    clock.set(datetime(2027, 1, 4, 9, 0, tzinfo=UTC))
    run = payments.monthly_payment_run(ctx, date(2027, 1, 1))
    supervisor = actor_for(ctx, "supervisor")
    listed = payments.payment_list(ctx, supervisor, run["list_id"])
    titles = {p["benefit_month"]: (p["title"], p["arrears"]) for p in listed["payments"]}
    dec_title, dec_late = titles["2026-12-01"]
    jan_title, jan_late = titles["2027-01-01"]
    assert dec_late and "zaległe za 12/2026" in dec_title
    assert dec_title.startswith("Zasiłek okresowy, zaległe za 12/2026, DEC/2026/")
    assert not jan_late and jan_title.startswith("Zasiłek okresowy za 01/2027, DEC/2026/")
    assert listed["arrears"] == [{"month": "2026-12", "label": "zaległe za 12/2026", "payments": 1}]
    # The page names it on the list; the bank file and the spreadsheet carry the title.
    from tests.web.test_pages import login, text

    login(client, "caseworker1")
    page = text(client.get(f"/payments/{run['list_id']}"))
    assert "Zaległe wypłaty przeniesione na tę listę" in page and "zaległe za 12/2026" in page
    payments.approve_list(ctx, actor_for(ctx, "supervisor2"), run["list_id"])
    bank = parse_elixir(payments.export_list(ctx, supervisor, run["list_id"], "elixir").content)
    assert sum("zaległe za 12/2026" in r.title.replace("|", " ") for r in bank) == 1
    import io

    sheet = openpyxl.load_workbook(io.BytesIO(
        payments.export_list(ctx, supervisor, run["list_id"], "xlsx").content)).active
    assert sheet is not None
    assert sum("zaległe za 12/2026" in str(r[3]) for r in sheet.iter_rows(values_only=True)) == 1


def test_finding3_a_family_benefit_deferred_by_law_is_not_arrears(ctx: ServiceContext) -> None:
    # Filed in September: November is due by law in December (art. 26 ust. 4 u.ś.r.).
    grant(ctx, "zasilek_rodzinny", "124.00", date(2026, 11, 1), date(2027, 10, 31),
          received_on=date(2026, 9, 15))
    clock: Any = ctx.clock
    clock.set(datetime(2026, 12, 1, 9, 0, tzinfo=UTC))
    run = payments.monthly_payment_run(ctx, date(2026, 12, 1))
    listed = payments.payment_list(ctx, actor_for(ctx, "supervisor"), run["list_id"])
    assert [p["arrears"] for p in listed["payments"]] == [False, False]
    assert listed["arrears"] == []


def test_finding1_the_total_is_computed_at_approval_and_checked_at_export(
        ctx: ServiceContext, client: Any, supervisor: Actor) -> None:
    grant(ctx, amount="612.40")
    grant(ctx, amount="100.01")
    run = payments.monthly_payment_run(ctx, date(2026, 3, 1))
    list_id = run["list_id"]
    with ctx.uow() as uow:  # a total gone wrong before approval is put right by it
        plist = uow.session.get(PaymentList, list_id)
        assert plist is not None
        plist.total = Decimal("1.00")
        uow.commit()
    payments.approve_list(ctx, supervisor, list_id)
    assert payments.payment_list(ctx, supervisor, list_id)["total"] == "712.41"
    # A pending payment slipped into the approved list (what the race did): no file is made.
    with ctx.uow() as uow:
        first = uow.session.scalars(select(Payment).where(Payment.payment_list_id == list_id)
                                    .order_by(Payment.id)).first()
        assert first is not None
        first.status = "pending"
        uow.commit()
    sv = token(client, "supervisor")
    for kind in ("elixir", "xlsx", "cash_pdf"):
        with pytest.raises(Conflict) as refused:
            payments.export_list(ctx, supervisor, list_id, kind)
        assert refused.value.message.code == "payments.list_total_mismatch"  # type: ignore[attr-defined]
        res = api(client, "GET", f"/api/payment-lists/{list_id}/export/{kind}", sv)
        assert res.status_code == 409 and res.get_json()["code"] == "payments.list_total_mismatch"
    # Approved again but with an amount changed after approval: refused too.
    with ctx.uow() as uow:
        p = uow.session.get(Payment, first.id)
        assert p is not None
        p.status, p.amount = "approved", Decimal("700.00")
        uow.commit()
    with pytest.raises(Conflict):
        payments.export_list(ctx, supervisor, list_id, "elixir")
    with ctx.uow() as uow:
        p = uow.session.get(Payment, first.id)
        assert p is not None
        p.amount = Decimal("612.40")
        uow.commit()
    assert payments.export_list(ctx, supervisor, list_id, "xlsx").total == Decimal("712.41")
