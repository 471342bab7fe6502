"""One truth per case: an unlawful draft is refused when saved, signed or issued; decision
numbers follow signature; dates recorded in a case agree; the interview keeps declared incomes."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import select

from app.domain.eligibility import calculate
from app.domain.income import IncomeItem, Member
from app.persistence.models import Decision, Income, Job
from app.services.case_file import view as case_view
from app.services.cases import opening as cases
from app.services.decisions.job_operations import DecisionNotIssuable
from app.services.kernel.context import Actor, ServiceContext
from app.services.kernel.errors import ValidationFailed
from app.services.workflow import jobs, worklist
from tests.drive import canned, complete_named, drive, ready_tasks, sample_application

pytestmark = pytest.mark.embedded

# A single person whose zasiłek okresowy is 148,97–297,94 zł (1010 − 712,06 = 297,94).
INCOME = "712.06"


def actors(caseworker: Actor, supervisor: Actor) -> dict[str, Actor]:
    return {"caseworker": caseworker, "supervisor": supervisor}


def interview(ctx: ServiceContext, net: str = INCOME, **overrides: Any) -> dict[str, Any]:
    return canned(ctx, "conduct_interview", verified_incomes=[
        {"member_index": 0, "kind": "other", "net_income": net}], **overrides)


def to_draft(ctx: ServiceContext, caseworker: Actor, supervisor: Actor) -> int:
    case_id = cases.open_case(ctx, caseworker, sample_application(applicant={
        "pesel": "75011501233", "first_name": "Jan", "last_name": "Testowy",
        "net_income": INCOME}))
    complete_named(ctx, case_id, "completeness_check", caseworker)
    complete_named(ctx, case_id, "conduct_interview", caseworker, interview(ctx))
    jobs.run_pending_inline(ctx)
    assert [t.name for t in ready_tasks(ctx, case_id)] == ["draft_decision"]
    return case_id


def token(client: Any, username: str) -> dict[str, str]:
    res = client.post("/api/auth/token", json={"username": username, "password": "demo"})
    assert res.status_code == 200, res.get_json()
    return {"Authorization": f"Bearer {res.get_json()['token']}"}


def api_complete(client: Any, ctx: ServiceContext, case_id: int, name: str, user: str,
                 data: dict[str, Any]) -> Any:
    ht = next(t for t in ready_tasks(ctx, case_id) if t.name == name)
    return client.post(f"/api/tasks/{ht.id}/complete", headers=token(client, user),
                       json={"data": data, "version": ht.version})


def draft(**kw: Any) -> dict[str, Any]:
    data: dict[str, Any] = {"decision_kind": "grant", "amount": "148.97",
                            "period_from": "2026-03-01", "period_to": "2026-05-31",
                            "justification": ""}
    data.update(kw)
    return data


def codes(body: dict[str, Any]) -> list[str]:
    return [v["code"] for v in body["violations"]]


def test_the_illegal_draft_is_refused_naming_the_rule_and_article(
    ctx: ServiceContext, client: Any, caseworker: Actor, supervisor: Actor
) -> None:
    case_id = to_draft(ctx, caseworker, supervisor)
    initial = worklist.get_task(ctx, caseworker, ready_tasks(ctx, case_id)[0].id)["context"]
    assert initial["initial"] == {"decision_kind": "grant", "amount": "148.97",
                                  "period_from": "2026-03-01", "period_to": "2026-05-31"}
    assert initial["eligibility"]["max_amount"] == "297.94"

    res = api_complete(client, ctx, case_id, "draft_decision", "caseworker1",
                       draft(amount="500.00", period_from="2027-02-01", period_to="2026-12-01"))
    assert res.status_code == 422, res.get_json()
    body = res.get_json()
    assert codes(body) == ["amount_out_of_range", "period_reversed"]
    assert body["violations"][0]["article"] == "art. 38 ust. 2–4 u.p.s."
    assert body["violations"][0]["params"]["max"] == "297.94"
    assert "art. 38 ust. 2–4 u.p.s." in body["fields"]["amount"]
    assert "297.94" in body["fields"]["amount"]
    assert "art. 107 § 1 pkt 5 KPA" in body["fields"]["period_to"]
    assert [t.name for t in ready_tasks(ctx, case_id)] == ["draft_decision"], "nothing moved"
    with ctx.uow(readonly=True) as uow:
        assert uow.session.scalars(select(Decision)).first() is None


@pytest.mark.parametrize(("data", "code", "field"), [
    (draft(period_from="2027-02-01", period_to="2026-12-01"), "period_reversed", "period_to"),
    (draft(period_from="2026-02-01"), "period_before_first_month", "period_from"),
    (draft(period_to=None), "period_end_required", "period_to"),
    (draft(amount="200.00"), "amount_reason_required", "amount_reason"),
    (draft(decision_kind="partial", amount="148.97", justification=" "), "justification_required",
     "justification"),
])
def test_each_rule_refuses_the_draft(ctx: ServiceContext, client: Any, caseworker: Actor,
                                     supervisor: Actor, data: dict[str, Any], code: str,
                                     field: str) -> None:
    case_id = to_draft(ctx, caseworker, supervisor)
    res = api_complete(client, ctx, case_id, "draft_decision", "caseworker1", data)
    assert res.status_code == 422, res.get_json()
    assert codes(res.get_json()) == [code]
    assert field in res.get_json()["fields"]


def test_a_lawful_discretionary_amount_with_its_reason_is_kept(
    ctx: ServiceContext, client: Any, caseworker: Actor, supervisor: Actor
) -> None:
    case_id = to_draft(ctx, caseworker, supervisor)
    res = api_complete(client, ctx, case_id, "draft_decision", "caseworker1",
                       draft(amount="297.94", amount_reason="Brak innych źródeł utrzymania."))
    assert res.status_code == 200, res.get_json()
    decision = case_view.get_case(ctx, caseworker, case_id)["decision"]
    assert (decision["amount"], decision["amount_reason"]) == \
        ("297.94", "Brak innych źródeł utrzymania.")


def _tamper(ctx: ServiceContext, case_id: int, **values: Any) -> None:
    """Change the stored draft behind the form's back (a draft from before the rules existed)."""
    with ctx.uow() as uow:
        decision = uow.session.scalars(select(Decision).where(Decision.case_id == case_id)).one()
        for key, value in values.items():
            setattr(decision, key, value)
        uow.commit()


def test_approval_rechecks_the_draft(
    ctx: ServiceContext, client: Any, caseworker: Actor, supervisor: Actor
) -> None:
    case_id = to_draft(ctx, caseworker, supervisor)
    complete_named(ctx, case_id, "draft_decision", caseworker)
    _tamper(ctx, case_id, amount=Decimal("500.00"), period_to=None)
    res = api_complete(client, ctx, case_id, "approve_decision", "supervisor",
                       {"approval": "approve"})
    assert res.status_code == 422, res.get_json()
    assert codes(res.get_json()) == ["amount_out_of_range", "period_end_required"]
    assert "cannot be approved" in res.get_json()["error"]
    decision = case_view.get_case(ctx, supervisor, case_id)["decision"]
    assert (decision["status"], decision["number"]) == ("draft", None)
    # Returning it stays possible, and the redraft opens lawful again.
    res = api_complete(client, ctx, case_id, "approve_decision", "supervisor",
                       {"approval": "return", "approval_comment": "Kwota poza zakresem."})
    assert res.status_code == 200, res.get_json()
    assert [t.name for t in ready_tasks(ctx, case_id)] == ["draft_decision"]


@pytest.mark.parametrize("amount", ["148.96", "297.95", "500.00", "0.00"])
def test_no_draft_outside_the_legal_range_can_be_approved(
    ctx: ServiceContext, caseworker: Actor, supervisor: Actor, amount: str
) -> None:
    case_id = to_draft(ctx, caseworker, supervisor)
    complete_named(ctx, case_id, "draft_decision", caseworker)
    _tamper(ctx, case_id, amount=Decimal(amount), amount_reason="Uznanie.")
    with pytest.raises(ValidationFailed) as err:
        complete_named(ctx, case_id, "approve_decision", supervisor)
    assert {v.code for v in err.value.violations} & {"amount_out_of_range", "amount_required"}  # type: ignore[attr-defined]


def test_numbers_are_given_at_signature_in_order(
    ctx: ServiceContext, caseworker: Actor, supervisor: Actor
) -> None:
    first = to_draft(ctx, caseworker, supervisor)
    second = cases.open_case(ctx, caseworker, sample_application(applicant={
        "pesel": "82031204563", "first_name": "Anna", "last_name": "Druga",
        "net_income": INCOME}))
    complete_named(ctx, second, "completeness_check", caseworker)
    complete_named(ctx, second, "conduct_interview", caseworker, interview(ctx))
    jobs.run_pending_inline(ctx)
    complete_named(ctx, first, "draft_decision", caseworker)   # drafted first
    complete_named(ctx, second, "draft_decision", caseworker)  # drafted second
    complete_named(ctx, second, "approve_decision", supervisor)  # signed first
    numbers = {c: case_view.get_case(ctx, supervisor, c)["decision"]["number"]
               for c in (first, second)}
    assert numbers == {first: None, second: "DEC/2026/00001"}
    complete_named(ctx, first, "approve_decision", supervisor)
    jobs.run_pending_inline(ctx)
    for case_id, number in ((second, "DEC/2026/00001"), (first, "DEC/2026/00002")):
        decision = case_view.get_case(ctx, supervisor, case_id)["decision"]
        assert (decision["number"], decision["status"]) == (number, "issued")


def test_the_document_job_does_not_issue_an_unlawful_decision(
    ctx: ServiceContext, caseworker: Actor, supervisor: Actor
) -> None:
    from app.services.workflow.jobs import problem_jobs, record_failure

    case_id = to_draft(ctx, caseworker, supervisor)
    complete_named(ctx, case_id, "draft_decision", caseworker)
    complete_named(ctx, case_id, "approve_decision", supervisor)
    _tamper(ctx, case_id, period_from=date(2027, 2, 1), period_to=date(2026, 12, 1))
    with ctx.uow(readonly=True) as uow:
        job_id = uow.session.scalars(select(Job.id).where(
            Job.operation == "decision_document")).one()
    with pytest.raises(DecisionNotIssuable) as err:
        jobs.run_job(ctx, job_id)
    assert "period_reversed" in err.value.message
    record_failure(ctx, job_id, err.value)
    listed = problem_jobs(ctx, supervisor)
    assert [j["id"] for j in listed] == [job_id] and "period_reversed" in listed[0]["error"]
    decision = case_view.get_case(ctx, supervisor, case_id)["decision"]
    assert decision["status"] == "approved" and not decision["has_document"]
    assert decision["issued_on"] is None


def test_facts_in_order_through_the_api(
    ctx: ServiceContext, client: Any, caseworker: Actor, supervisor: Actor
) -> None:
    case_id = cases.open_case(ctx, caseworker, sample_application())
    res = api_complete(client, ctx, case_id, "completeness_check", "caseworker1",
                       {"complete": True, "missing_items": "Zaświadczenie o dochodach."})
    assert res.status_code == 422 and codes(res.get_json()) == ["complete_with_missing_items"]
    res = api_complete(client, ctx, case_id, "completeness_check", "caseworker1",
                       {"complete": False, "missing_items": "Zaświadczenie o dochodach."})
    assert res.status_code == 200
    res = api_complete(client, ctx, case_id, "request_supplement", "caseworker1",
                       canned(ctx, "request_supplement", supplement_served_on="2026-06-01"))
    assert res.status_code == 422 and codes(res.get_json()) == ["date_in_future"]
    complete_named(ctx, case_id, "request_supplement", caseworker)  # served today
    ctx.clock.advance(days=3)  # type: ignore[attr-defined]
    res = api_complete(client, ctx, case_id, "record_supplement", "caseworker1",
                       {"supplement_received_on": "2026-03-01"})
    assert res.status_code == 422 and codes(res.get_json()) == ["supplement_before_request"]
    res = api_complete(client, ctx, case_id, "record_supplement", "caseworker1",
                       {"supplement_received_on": "2026-03-04"})
    assert res.status_code == 200
    complete_named(ctx, case_id, "completeness_check", caseworker)
    for day, code in (("2026-04-01", "date_in_future"),
                      ("2026-03-01", "interview_before_application")):
        res = api_complete(client, ctx, case_id, "conduct_interview", "caseworker1",
                           canned(ctx, "conduct_interview", interview_on=day))
        assert res.status_code == 422 and codes(res.get_json()) == [code], res.get_json()
    drive(ctx, case_id, actors(caseworker, supervisor),
          until=lambda ts: ts[0].name == "record_delivery")
    issued = case_view.get_case(ctx, caseworker, case_id)["decision"]["issued_on"]
    assert issued == "2026-03-05"
    res = api_complete(client, ctx, case_id, "record_delivery", "caseworker1",
                       {"delivery_mode": "delivered", "delivered_on": "2026-03-04"})
    assert res.status_code == 422 and codes(res.get_json()) == ["delivery_before_issue"]
    assert "art. 129 § 2 KPA" in res.get_json()["fields"]["delivered_on"]
    res = api_complete(client, ctx, case_id, "record_delivery", "caseworker1",
                       {"delivery_mode": "notice", "first_notice_on": "2026-03-09"})
    assert res.status_code == 422 and codes(res.get_json()) == ["date_in_future"]


TWO = sample_application(
    applicant={"pesel": "75011501233", "first_name": "Jan", "last_name": "Testowy",
               "incomes": [{"kind": "employment", "amount": "900.00"}]},
    members=[{"pesel": "82031204563", "first_name": "Anna", "last_name": "Testowa",
              "relation": "spouse", "incomes": [{"kind": "800_plus", "amount": "800.00"}]}],
)


def test_the_interview_verifies_incomes_beside_the_declared_ones(
    ctx: ServiceContext, client: Any, caseworker: Actor, supervisor: Actor
) -> None:
    case_id = cases.open_case(ctx, caseworker, TWO)
    complete_named(ctx, case_id, "completeness_check", caseworker)
    ht = ready_tasks(ctx, case_id)[0]
    rows = worklist.get_task(ctx, caseworker, ht.id)["context"]["initial"]["verified_incomes"]
    assert rows == [{"member_index": 0, "kind": "employment", "net_income": "900.00"},
                    {"member_index": 1, "kind": "other", "net_income": "0.00"}]

    twice = [{"member_index": 0, "kind": "employment", "net_income": "900.00"},
             {"member_index": 0, "kind": "employment", "net_income": "900.00"}]
    res = api_complete(client, ctx, case_id, "conduct_interview", "caseworker1",
                       canned(ctx, "conduct_interview", verified_incomes=twice))
    assert res.status_code == 422 and codes(res.get_json()) == ["member_repeated"]
    assert "verified_incomes[1].member_index" in res.get_json()["fields"]
    res = api_complete(client, ctx, case_id, "conduct_interview", "caseworker1",
                       canned(ctx, "conduct_interview", verified_incomes=twice[:1]))
    assert res.status_code == 422 and codes(res.get_json()) == ["member_missing"]

    rows[0]["net_income"] = "950.00"
    res = api_complete(client, ctx, case_id, "conduct_interview", "caseworker1",
                       canned(ctx, "conduct_interview", verified_incomes=rows))
    assert res.status_code == 200, res.get_json()
    with ctx.uow(readonly=True) as uow:
        stored = sorted((i.verified, i.kind, f"{i.amount:.2f}") for i in uow.session.scalars(
            select(Income).where(Income.case_id == case_id)))
    assert stored == [(False, "800_plus", "800.00"), (False, "employment", "900.00"),
                      (True, "800_plus", "800.00"), (True, "employment", "950.00")]
    jobs.run_pending_inline(ctx)
    case = case_view.get_case(ctx, caseworker, case_id)
    expected = calculate("zasilek_okresowy", date(2026, 3, 2), [
        Member(age=51, incomes=[IncomeItem(kind="employment", amount=Decimal("950.00"))]),
        Member(age=44, incomes=[IncomeItem(kind="800_plus", amount=Decimal("800.00"))])])
    assert case["eligibility"]["amount"] == f"{expected.amount:.2f}"
    check = case["members"][0]["income_check"]
    assert check == [{"kind": "employment", "declared": "900.00", "verified": "950.00",
                      "changed": True}]
    assert case["members"][1]["income_check"] == [
        {"kind": "800_plus", "declared": "800.00", "verified": "800.00", "changed": False}]


def test_the_draft_page_reports_form_and_rule_errors_at_once(
    ctx: ServiceContext, client: Any, caseworker: Actor, supervisor: Actor
) -> None:
    """A malformed field and a broken rule are both shown on the first submit, nothing saved."""
    case_id = to_draft(ctx, caseworker, supervisor)
    ht = next(t for t in ready_tasks(ctx, case_id) if t.name == "draft_decision")
    client.post("/login", data={"username": "caseworker1", "password": "demo"})
    res = client.post(f"/tasks/{ht.id}", data={
        "version": str(ht.version), "decision_kind": "grant", "amount": "abc",
        "period_from": "2026-03-01", "period_to": "2026-02-01", "justification": "",
    })
    page = res.get_data(as_text=True)
    assert res.status_code == 422
    assert "Okres nie może kończyć się (01.02.2026) przed swoim początkiem" in page, page[-3000:]
    assert 'name="amount"' in page and 'value="abc"' in page  # what was typed is kept
    with ctx.uow(readonly=True) as uow:
        assert uow.session.scalars(select(Decision).where(Decision.case_id == case_id)).all() == []
    assert [t.name for t in ready_tasks(ctx, case_id)] == ["draft_decision"]


def test_facts_in_order_on_the_page(
    ctx: ServiceContext, client: Any, caseworker: Actor, supervisor: Actor
) -> None:
    """The task page refuses a delivery dated before the issue, in Polish, and keeps the input."""
    case_id = cases.open_case(ctx, caseworker, sample_application())
    drive(ctx, case_id, actors(caseworker, supervisor),
          until=lambda ts: ts[0].name == "record_delivery")
    ht = next(t for t in ready_tasks(ctx, case_id) if t.name == "record_delivery")
    client.post("/login", data={"username": "caseworker1", "password": "demo"})
    res = client.post(f"/tasks/{ht.id}", data={"version": str(ht.version), "delivery_mode": "delivered",
                                               "delivered_on": "2026-03-01"})
    page = res.get_data(as_text=True)
    assert res.status_code == 422
    assert "Doręczenie (01.03.2026) nie może poprzedzać wydania decyzji" in page
    assert 'value="2026-03-01"' in page
    assert [t.name for t in ready_tasks(ctx, case_id)] == ["record_delivery"]
