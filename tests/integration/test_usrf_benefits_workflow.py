"""Issue 16 (lane usrf): each benefit of the lane opened through POST /api/cases and walked with
drive() to its decision and its payment: zasiłek rodzinny with its dodatki (art. 9-15 u.ś.r.),
jednorazowa zapomoga (art. 15b) and świadczenie rodzicielskie (art. 17c)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import select

from app.persistence.models import Decision, Payment, PaymentScheduleItem
from app.services import payments
from app.services.case_file import view as case_view
from app.services.kernel.context import Actor, ServiceContext
from app.services.workflow import worklist
from tests.drive import canned, drive, ready_tasks
from tests.web.test_pages import pesel
from tests.web.test_register import _token

pytestmark = [pytest.mark.timeout(300), pytest.mark.embedded]

ADDRESS = "ul. Testowa 1, 32-065 Krzeszowice"
ACCOUNT = "PL61109010140000071219812874"


def _open(client: Any, body: dict[str, Any]) -> int:
    res = client.post("/api/cases", json=body, headers=_token(client, "caseworker1"))
    assert res.status_code == 201, res.get_data(as_text=True)[:500]
    return int(res.get_json()["id"])


def _walk(ctx: ServiceContext, case_id: int, actors: dict[str, Actor]) -> list[str]:
    """Drive to the end; the interview (where the process has one) confirms the declared
    incomes as its form opens, as a caseworker would."""
    def data_for(name: str) -> dict[str, Any] | None:
        if name not in ("conduct_interview", "draft_decision"):
            return None
        task = next(t for t in ready_tasks(ctx, case_id) if t.name == name)
        initial = worklist.get_task(ctx, actors["caseworker"], task.id)["context"]["initial"]
        if name == "draft_decision" and initial.get("decision_kind") == "refusal":
            # A refusal is justified (art. 107 § 3 KPA); the calculation names the unmet condition.
            initial = {**initial, "justification": "Warunki przyznania świadczenia nie są "
                                                   "spełnione (wyliczenie w aktach sprawy)."}
        return {**canned(ctx, name), **initial}
    return drive(ctx, case_id, actors, data_for=data_for)


def _decision(ctx: ServiceContext, case_id: int) -> Decision:
    with ctx.uow() as uow:
        decision = uow.session.scalars(select(Decision).where(Decision.case_id == case_id)).one()
        uow.session.expunge(decision)
        return decision


def _paid(ctx: ServiceContext, case_id: int, month: date) -> list[Decimal]:
    payments.monthly_payment_run(ctx, month)
    with ctx.uow() as uow:
        return [p.amount for p in uow.session.scalars(
            select(Payment).where(Payment.case_id == case_id).order_by(Payment.id))]


@pytest.fixture
def actors(caseworker: Actor, supervisor: Actor) -> dict[str, Actor]:
    return {"caseworker": caseworker, "supervisor": supervisor}


def test_zasilek_rodzinny_with_the_dodatki_of_art_11a_and_14_to_decision_and_payment(
        client: Any, ctx: ServiceContext, actors: dict[str, Actor]) -> None:
    case_id = _open(client, {
        "applicant": {"pesel": pesel("9001010123"), "first_name": "Ewa", "last_name": "Sama",
                      "net_income": "500.00", "single_parent_reason": "deceased",
                      "dodatki": ["dodatek_rozpoczecie_roku_szkolnego"]},
        "members": [{"pesel": pesel("1624050123"), "first_name": "Ola", "last_name": "Sama",
                     "relation": "child", "in_school": True}],
        "benefit": "zasilek_rodzinny", "reason": "macierzynstwo", "address": ADDRESS,
        "bank_account": ACCOUNT,
    })
    _walk(ctx, case_id, actors)
    case = case_view.get_case(ctx, actors["supervisor"], case_id)
    result = case["eligibility"]
    # 124 zł (a child of 9) + 193 zł (art. 11a) a month; 100 zł once a year (art. 14).
    assert result["amount"] == "317.00"
    assert {c["code"]: (c["amount"], c["per"]) for c in result["components"]} == {
        "zasilek_rodzinny": ("124.00", "month"),
        "dodatek_samotne_wychowywanie": ("193.00", "month"),
        "dodatek_rozpoczecie_roku_szkolnego": ("100.00", "year")}
    applicant = case["members"][0]
    assert applicant["single_parent_reason"] == "deceased"
    assert applicant["dodatki"] == ["dodatek_rozpoczecie_roku_szkolnego"]
    decision = _decision(ctx, case_id)
    assert decision.amount == Decimal("317.00") and case["decision"]["status"] == "final"
    html = decision.document_html or ""
    assert "dodatek z tytułu samotnego wychowywania dziecka" in html
    assert "dodatek z tytułu rozpoczęcia roku szkolnego" in html
    assert "pomniejszone" not in html  # the dodatek is granted, not a reduction
    # The first month pays the dodatek of art. 14 with the month's 317 zł; the next do not.
    with ctx.uow() as uow:
        planned = [i.amount for i in uow.session.scalars(
            select(PaymentScheduleItem).where(PaymentScheduleItem.case_id == case_id)
            .order_by(PaymentScheduleItem.month))]
    assert planned[0] == Decimal("417.00") and set(planned[1:]) == {Decimal("317.00")}
    assert Decimal("417.00") in _paid(ctx, case_id, date(2026, 3, 1))


def _birth_application(benefit: str, child_pesel: str, **child: Any) -> dict[str, Any]:
    return {
        "applicant": {"pesel": pesel("9502020123"), "first_name": "Anna", "last_name": "Nowa",
                      "net_income": "1500.00"},
        "members": [{"pesel": child_pesel, "first_name": "Zosia", "last_name": "Nowa",
                     "relation": "child", **child}],
        "benefit": benefit, "reason": "macierzynstwo", "address": ADDRESS,
        "bank_account": ACCOUNT,
    }


def test_art_15b_becikowe_to_decision_and_payment(
        client: Any, ctx: ServiceContext, actors: dict[str, Actor]) -> None:
    # Born 10 Dec 2025, filed 2 Mar 2026; medical care from the 10th week.
    case_id = _open(client, _birth_application("jednorazowa_zapomoga", pesel("2532100123"),
                                               prenatal_care=True))
    _walk(ctx, case_id, actors)
    case = case_view.get_case(ctx, actors["supervisor"], case_id)
    assert case["eligibility"]["amount"] == "1000.00"
    assert case["eligibility"]["components"] == [{
        "code": "jednorazowa_zapomoga", "amount": "1000.00", "per": "once",
        "article": "art. 15b ust. 1 u.ś.r."}]
    decision = _decision(ctx, case_id)
    assert decision.kind == "grant" and decision.amount == Decimal("1000.00")
    html = decision.document_html or ""
    assert "jednorazową zapomogę z tytułu urodzenia się dziecka" in html
    assert "Świadczenie zostanie wypłacone" in html
    assert _paid(ctx, case_id, date(2026, 3, 1)) == [Decimal("1000.00")]


def test_art_15b_ust_3_becikowe_refused_after_12_months(
        client: Any, ctx: ServiceContext, actors: dict[str, Actor]) -> None:
    # Born 1 Mar 2025: the 12 months ended on 1 Mar 2026, the day before the filing.
    case_id = _open(client, _birth_application("jednorazowa_zapomoga", pesel("2503010123"),
                                               prenatal_care=True))
    _walk(ctx, case_id, actors)
    case = case_view.get_case(ctx, actors["supervisor"], case_id)
    assert case["eligibility"]["eligible"] is False
    assert _decision(ctx, case_id).kind == "refusal"
    assert _paid(ctx, case_id, date(2026, 3, 1)) == []


def test_art_17c_swiadczenie_rodzicielskie_to_decision_and_payment(
        client: Any, ctx: ServiceContext, actors: dict[str, Actor]) -> None:
    # Born 10 Jan 2026: 52 weeks (364 days), until 8 Jan 2027; no income test.
    case_id = _open(client, _birth_application("swiadczenie_rodzicielskie", pesel("2621100123")))
    _walk(ctx, case_id, actors)
    case = case_view.get_case(ctx, actors["supervisor"], case_id)
    assert case["eligibility"]["amount"] == "1000.00"
    assert case["eligibility"]["breakdown"][0]["until"] == "2027-01-08"
    decision = _decision(ctx, case_id)
    assert decision.kind == "grant" and decision.period_to is not None
    assert "świadczenie rodzicielskie" in (decision.document_html or "")
    assert Decimal("1000.00") in _paid(ctx, case_id, date(2026, 3, 1))


def test_art_17c_ust_5_not_with_zasilek_macierzynski(
        client: Any, ctx: ServiceContext, actors: dict[str, Actor]) -> None:
    body = _birth_application("swiadczenie_rodzicielskie", pesel("2621100123"))
    body["applicant"]["other_benefits"] = ["zasilek_macierzynski"]
    case_id = _open(client, body)
    _walk(ctx, case_id, actors)
    assert _decision(ctx, case_id).kind == "refusal"
