"""Lane b16, issue 16 part 1: a zasiłek okresowy above the income criterion is granted under
art. 41 pkt 2 u.p.s. only on condition of return. Opened through the API (POST /api/cases),
walked with drive() to the decision (its return and instalments in the ruling), its monthly
schedule paid to the party, and the return as a claim of the recovery ledger."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from sqlalchemy import select

from app.domain.recovery import add_months
from app.persistence.models import Decision, PaymentScheduleItem
from app.services.kernel.context import Actor, ServiceContext
from app.services.kernel.errors import ValidationFailed
from tests.drive import canned, drive, sample_application
from tests.web.test_web_defences import bearer, token

pytestmark = [pytest.mark.timeout(240), pytest.mark.embedded]


def _open(client: Any, net_income: str) -> int:
    body = sample_application(benefit="zasilek_okresowy")
    body["applicant"]["net_income"] = net_income
    res = client.post("/api/cases", json=body, headers=bearer(token(client, "caseworker1")))
    assert res.status_code == 201, res.get_json()
    return int(res.get_json()["id"])


def _decide(ctx: ServiceContext, case_id: int, actors: dict[str, Actor], verified: str,
            **extra: Any) -> Decision:
    start = ctx.now().date().replace(day=1)
    end = add_months(start, 3) - (date(2000, 1, 2) - date(2000, 1, 1))  # three whole months

    def data_for(name: str) -> dict[str, Any] | None:
        if name == "conduct_interview":
            return canned(ctx, name, verified_incomes=[{"member_index": 0,
                                                        "net_income": verified}])
        if name != "draft_decision":
            return None
        return {"decision_kind": "grant", "amount": "400.00", "amount_reason":
                "szczególnie uzasadniony przypadek: utrata pracy i zaległości czynszowe",
                "period_from": start.isoformat(), "period_to": end.isoformat(),
                "justification": "", "immediate_enforcement": False, **extra}
    drive(ctx, case_id, actors, data_for=data_for)
    with ctx.uow() as uow:
        decision = uow.session.scalars(select(Decision).where(Decision.case_id == case_id)).one()
        uow.session.expunge(decision)
        return decision


def test_art_41_pkt_2_zasilek_okresowy_above_the_criterion_is_returnable_to_the_ledger(
    client: Any, ctx: ServiceContext, caseworker: Actor, supervisor: Actor
) -> None:
    actors = {"caseworker": caseworker, "supervisor": supervisor}
    case_id = _open(client, "1500.00")  # above the 1010 zł criterion of a person living alone
    tok = token(client, "caseworker1")
    today = ctx.now().date()
    first_due = add_months(today.replace(day=1), 3).replace(day=15)
    # Without the return the draft breaks art. 41 pkt 2: refused with the rule's field.
    with pytest.raises(ValidationFailed) as refused:
        _decide(ctx, case_id, actors, "1500.00")
    assert "return_kind" in refused.value.errors
    decision = _decide(ctx, case_id, actors, "1500.00", return_kind="part",
                       return_amount="600.00", return_instalments=4,
                       return_first_due=first_due.isoformat())
    assert decision.kind == "grant" and str(decision.amount) == "400.00"
    case = client.get(f"/api/cases/{case_id}", headers=bearer(tok)).get_json()
    assert case["eligibility"]["eligible"] is True
    html = decision.document_html or ""
    assert "Zasiłek podlega zwrotowi w części, w kwocie 600,00" in html
    assert "art. 41 pkt 2 ustawy o pomocy społecznej" in html
    with ctx.uow() as uow:
        items = [str(i.amount) for i in uow.session.scalars(select(PaymentScheduleItem).where(
            PaymentScheduleItem.decision_id == decision.id))]
    assert items == ["400.00"] * 3, "the aid is paid to the party monthly"
    ledger = client.get(f"/api/cases/{case_id}/recoveries", headers=bearer(tok)).get_json()
    [claim] = ledger["recoveries"]
    assert claim["ground"] == "returnable_aid" and claim["balance"]["outstanding"] == "600.00"
    assert [i["amount"] for i in claim["instalments"]] == ["150.00"] * 4
    assert claim["instalments"][0]["due_on"] == first_due.isoformat()


def test_art_41_pkt_2_a_full_return_of_zasilek_okresowy_is_the_whole_period(
    client: Any, ctx: ServiceContext, caseworker: Actor, supervisor: Actor
) -> None:
    actors = {"caseworker": caseworker, "supervisor": supervisor}
    case_id = _open(client, "1500.00")
    first_due = add_months(ctx.now().date().replace(day=1), 3).replace(day=10)
    decision = _decide(ctx, case_id, actors, "1500.00", return_kind="full",
                       return_instalments=3, return_first_due=first_due.isoformat())
    html = decision.document_html or ""
    # Three months of 400 zł: the whole aid, 1 200,00 zł (with the Polish thousands space).
    assert "Zasiłek podlega zwrotowi w całości, w kwocie 1" in html
    assert "200,00 zł (art. 41 pkt 2 ustawy o pomocy społecznej)" in html
    tok = token(client, "caseworker1")
    [claim] = client.get(f"/api/cases/{case_id}/recoveries",
                         headers=bearer(tok)).get_json()["recoveries"]
    assert claim["balance"]["outstanding"] == "1200.00"
    assert [i["amount"] for i in claim["instalments"]] == ["400.00"] * 3
