"""Issue 16 part 1 (lane upsa): a case of each u.p.s. aid with no formula is opened through the
API (POST /api/cases) and walked with drive() to its decision and its payment (zasiłek celowy,
art. 40 aid) or the recorded costs and claim (sprawienie pogrzebu, art. 44 and art. 96 ust. 3)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from sqlalchemy import select

from app.persistence.models import Decision, Payment, PaymentScheduleItem
from app.services.kernel.context import Actor, ServiceContext
from app.services.kernel.errors import ValidationFailed
from app.services.payments import run as payment_run
from tests.drive import canned, drive, sample_application
from tests.web.test_web_defences import bearer, token

pytestmark = [pytest.mark.timeout(240), pytest.mark.embedded]
HOME = "Zakład Pogrzebowy Anioł s.c."


def _open(client: Any, benefit: str, net_income: str = "300.00") -> int:
    tok = token(client, "caseworker1")
    body = sample_application(benefit=benefit, reason="zdarzenie_losowe"
                              if benefit == "zasilek_celowy_zdarzenie_losowe" else "ubostwo")
    body["applicant"]["net_income"] = net_income
    res = client.post("/api/cases", json=body, headers=bearer(tok))
    assert res.status_code == 201, res.get_json()
    return int(res.get_json()["id"])


def _decide(ctx: ServiceContext, case_id: int, actors: dict[str, Actor], amount: str,
            purpose: str, verified: str = "512.40", **extra: Any) -> Decision:
    def data_for(name: str) -> dict[str, Any] | None:
        if name == "conduct_interview":
            # The income the social worker verified is the one the calculation reads.
            return canned(ctx, name, verified_incomes=[{"member_index": 0,
                                                        "net_income": verified}])
        if name != "draft_decision":
            return None
        return {"decision_kind": "grant", "amount": amount, "purpose": purpose,
                "period_from": ctx.now().date().isoformat(), "period_to": None,
                "justification": "", "immediate_enforcement": False, **extra}
    drive(ctx, case_id, actors, data_for=data_for)
    with ctx.uow() as uow:
        decision = uow.session.scalars(select(Decision).where(Decision.case_id == case_id)).one()
        uow.session.expunge(decision)
        return decision


def _schedule(ctx: ServiceContext, decision_id: int) -> list[PaymentScheduleItem]:
    with ctx.uow() as uow:
        rows = list(uow.session.scalars(select(PaymentScheduleItem).where(
            PaymentScheduleItem.decision_id == decision_id)))
        for r in rows:
            uow.session.expunge(r)
        return rows


def test_art_39_zasilek_celowy_is_opened_decided_and_paid_once(
    client: Any, ctx: ServiceContext, caseworker: Actor, supervisor: Actor
) -> None:
    actors = {"caseworker": caseworker, "supervisor": supervisor}
    case_id = _open(client, "zasilek_celowy")
    tok = token(client, "caseworker1")
    decision = _decide(ctx, case_id, actors, "450.00", "zakup leków i leczenie (art. 39 ust. 2)")
    assert decision.kind == "grant" and str(decision.amount) == "450.00"
    assert decision.number and decision.issued_on is not None
    assert "jednorazowo, na: zakup leków i leczenie" in (decision.document_html or "")
    [item] = _schedule(ctx, decision.id)
    assert str(item.amount) == "450.00" and item.due_on == decision.period_from
    payment_run.monthly_payment_run(ctx, item.month)
    with ctx.uow() as uow:
        [payment] = uow.session.scalars(select(Payment).where(Payment.case_id == case_id)).all()
        assert str(payment.amount) == "450.00"
    case = client.get(f"/api/cases/{case_id}", headers=bearer(tok)).get_json()
    assert case["benefit"] == "zasilek_celowy"
    assert case["eligibility"]["eligible"] is True


def test_art_40_aid_is_granted_whatever_the_income_and_paid_once(
    client: Any, ctx: ServiceContext, caseworker: Actor, supervisor: Actor
) -> None:
    actors = {"caseworker": caseworker, "supervisor": supervisor}
    # Income far above the criterion: art. 40 ust. 3 does not consider it.
    case_id = _open(client, "zasilek_celowy_zdarzenie_losowe", net_income="5000.00")
    decision = _decide(ctx, case_id, actors, "2000.00",
                       "pożar budynku mieszkalnego: zakup odzieży i sprzętów domowych")
    assert decision.kind == "grant" and str(decision.amount) == "2000.00"
    assert "w związku ze zdarzeniem losowym w wysokości 2" in (decision.document_html or "")
    [item] = _schedule(ctx, decision.id)
    assert str(item.amount) == "2000.00"


def test_art_44_funeral_is_decided_with_its_costs_claimed_and_no_payment_to_the_party(
    client: Any, ctx: ServiceContext, caseworker: Actor, supervisor: Actor
) -> None:
    actors = {"caseworker": caseworker, "supervisor": supervisor}
    case_id = _open(client, "sprawienie_pogrzebu")
    decision = _decide(ctx, case_id, actors, "5200.00",
                       "pogrzeb Anny Kowalskiej, zm. 2 marca 2026 r., wyznania rzymskokatolickiego",
                       provider=HOME)
    html = decision.document_html or ""
    assert "ośrodek pokrywa, płacąc wykonawcy usługi pogrzebowej" in html
    assert f"usługi pogrzebowej ({HOME}), i nie wypłaca" in html.replace("&#34;", '"')
    assert "z masy spadkowej (art. 96 ust. 3" in html and "przelewem" not in html
    assert _schedule(ctx, decision.id) == [], "a funeral is not a transfer to the party"
    tok = token(client, "caseworker1")
    ledger = client.get(f"/api/cases/{case_id}/recoveries", headers=bearer(tok)).get_json()
    [claim] = ledger["recoveries"]
    assert claim["ground"] == "funeral_costs" and claim["benefit"] == "sprawienie_pogrzebu"
    assert claim["balance"]["outstanding"] == "5200.00"
    assert "Anny Kowalskiej" in claim["fact"]
    # The claim is decided like any debt of the ledger, on its own ground and provisions.
    res = client.post(f"/api/recoveries/{claim['id']}/decisions", headers=bearer(tok), json={
        "kind": "recovery", "justification": "Masa spadkowa po zmarłej obejmuje mieszkanie.",
        "repay_by": "2026-06-30", "account": "PL61109010140000071219812874"})
    assert res.status_code == 201, res.get_json()
    from tests.web.test_pages import login
    login(client, "caseworker1")
    page = client.get(f"/cases/{case_id}/recoveries").get_data(as_text=True)
    assert "zwrot wydatków na sprawienie pogrzebu z zasiłku pogrzebowego" in page


@pytest.mark.parametrize(("income", "returnable"), [("1010.00", "no"), ("1010.01", "required")])
def test_art_39_the_eligibility_api_answers_eligible_with_the_range_never_422(
    client: Any, income: str, returnable: str
) -> None:
    tok = token(client, "caseworker1")
    body = {"on": "2025-03-01", "benefit": "zasilek_celowy",
            "members": [{"age": 40, "net_income": income}]}
    res = client.post("/api/eligibility", json=body, headers=bearer(tok))
    assert res.status_code == 200, res.get_json()
    answer = res.get_json()
    assert answer["eligible"] is True
    assert answer["range"]["max"] is None and answer["range"]["returnable"] == returnable
    spec = client.get("/api/openapi.json", headers=bearer(tok)).get_json()
    eligibility = spec["components"]["schemas"]["Eligibility"]
    assert "range" in eligibility["properties"]


def test_the_simulator_shows_zasilek_celowy_as_set_by_the_centre(client: Any) -> None:
    from tests.web.test_calculator import login, page_form
    login(client)
    res = client.post("/symulator", data=page_form())
    assert res.status_code == 200
    html = res.get_data(as_text=True)
    for code in ("zasilek_celowy", "zasilek_celowy_zdarzenie_losowe", "sprawienie_pogrzebu"):
        assert f'data-benefit="{code}"' in html
    assert "kwotę ustala ośrodek stosownie do potrzeby" in html
    assert "ustawa nie określa górnej granicy" in html


def test_art_41_pkt_2_above_the_criterion_the_aid_is_returnable_with_its_terms_in_the_ledger(
    client: Any, ctx: ServiceContext, caseworker: Actor, supervisor: Actor
) -> None:
    actors = {"caseworker": caseworker, "supervisor": supervisor}
    case_id = _open(client, "zasilek_celowy", net_income="1500.00")  # above 1010 zł
    today = ctx.now().date()
    first_due = date(today.year + (today.month == 12), today.month % 12 + 1, 15)
    # Without the return the draft breaks art. 41 pkt 2: refused, with the rule's code.
    with pytest.raises(ValidationFailed) as refused:
        _decide(ctx, case_id, actors, "900.00", "opał na zimę", verified="1500.00")
    assert "return_kind" in refused.value.errors
    decision = _decide(ctx, case_id, actors, "900.00", "opał na zimę", verified="1500.00",
                       return_kind="part",
                       return_amount="600.00", return_instalments=3,
                       return_first_due=first_due.isoformat())
    assert (decision.return_kind, str(decision.return_amount)) == ("part", "600.00")
    html = decision.document_html or ""
    assert "Zasiłek podlega zwrotowi w części, w kwocie 600,00" in html
    assert "art. 41 pkt 2 ustawy o pomocy społecznej" in html
    [item] = _schedule(ctx, decision.id)
    assert str(item.amount) == "900.00", "the aid itself is paid to the party"
    tok = token(client, "caseworker1")
    ledger = client.get(f"/api/cases/{case_id}/recoveries", headers=bearer(tok)).get_json()
    [claim] = ledger["recoveries"]
    assert claim["ground"] == "returnable_aid" and claim["balance"]["outstanding"] == "600.00"
    assert [i["amount"] for i in claim["instalments"]] == ["200.00"] * 3
    assert claim["instalments"][0]["due_on"] == first_due.isoformat()


def test_art_44_the_funeral_home_is_named_and_the_funeral_goes_on_its_months_list(
    client: Any, ctx: ServiceContext, caseworker: Actor, supervisor: Actor
) -> None:
    """The centre orders the funeral from a funeral home and pays it on its invoice: the draft
    names the home, and the funeral goes on the list of its month (per home, with its cost),
    never on a payment list of the party."""
    actors = {"caseworker": caseworker, "supervisor": supervisor}
    first = _decide(ctx, _open(client, "sprawienie_pogrzebu"), actors, "5200.00",
                    "pogrzeb Jana Nowaka, zm. 1 marca 2026 r.", provider=HOME)
    second = _decide(ctx, _open(client, "sprawienie_pogrzebu"), actors, "4100.50",
                     "pogrzeb Ewy Lis, zm. 3 marca 2026 r.", provider=HOME)
    tok = token(client, "caseworker1")
    month = f"{first.period_from:%Y-%m}"
    res = client.get(f"/api/provision/funerals?month={month}", headers=bearer(tok))
    assert res.status_code == 200, res.get_json()
    found = res.get_json()
    [home] = found["providers"]
    assert home["provider"] == HOME and home["cost"] == "9300.50"
    assert sorted(r["cost"] for r in home["rows"]) == ["4100.50", "5200.00"]
    assert {r["decision_number"] for r in home["rows"]} == {first.number, second.number}
    assert found["funerals"] == 2 and found["cost"] == "9300.50"
    # A funeral is on its own month's list only.
    nxt = date(first.period_from.year + first.period_from.month // 12,
               first.period_from.month % 12 + 1, 1)
    later = client.get(f"/api/provision/funerals?month={nxt:%Y-%m}", headers=bearer(tok))
    assert later.get_json()["funerals"] == 0
    xlsx = client.get(f"/api/provision/funerals/export/xlsx?month={month}", headers=bearer(tok))
    assert xlsx.status_code == 200 and xlsx.data[:2] == b"PK"
    import io

    from openpyxl import load_workbook
    ws = load_workbook(io.BytesIO(xlsx.data)).active
    cells = [c for row in ws.iter_rows(values_only=True) for c in row if c is not None]
    assert f"Zakład pogrzebowy: {HOME}" in cells and first.number in cells
    from tests.web.test_pages import login
    login(client, "caseworker1")
    page = client.get(f"/provision?kind=funerals&month={month}").get_data(as_text=True)
    import re
    text = re.sub(r"\s+", "", re.sub(r"<[^>]+>", " ", page))
    assert HOME.replace(" ", "") in text and "Razem9300,50zł" in text


def test_art_44_a_funeral_without_its_funeral_home_is_refused_with_the_field_named(
    client: Any, ctx: ServiceContext, caseworker: Actor, supervisor: Actor
) -> None:
    actors = {"caseworker": caseworker, "supervisor": supervisor}
    case_id = _open(client, "sprawienie_pogrzebu")
    with pytest.raises(ValidationFailed) as refused:
        _decide(ctx, case_id, actors, "5200.00", "pogrzeb Jana Nowaka", provider="   ")
    assert "provider" in refused.value.errors
    assert "funeral home" in str(refused.value.errors["provider"])
