"""Each input moved onto the one dialect (app/services/kernel/inputs): the API answers 422 with
every field's coded error, and the page reads what a person types (a Polish comma, dd.mm.rrrr)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from app.services.cases import opening as cases
from app.services.documents import letters
from app.services.kernel import inputs
from app.services.kernel.context import Actor, ServiceContext
from tests.drive import sample_application
from tests.web.test_pages import login
from tests.web.test_web_defences import bearer, token

pytestmark = [pytest.mark.timeout(120), pytest.mark.embedded]


def test_the_letter_kinds_are_the_schemas_facts() -> None:
    for kind, fields in letters.LETTERS.items():
        facts = inputs.SCHEMAS[f"LetterFacts_{kind}"]
        assert [f.name for f in fields] == list(facts["properties"]), kind
        assert {f.name for f in fields if f.required} == set(facts["required"]), kind


def test_the_letter_api_names_every_bad_fact_with_its_code(client: Any, ctx: ServiceContext,
                                                           caseworker: Actor) -> None:
    case_id = cases.open_case(ctx, caseworker, sample_application())
    tok = token(client, "caseworker1")
    res = client.post(f"/api/cases/{case_id}/letters", headers=bearer(tok),
                      json={"kind": "supplement_call", "facts": {"items": " ", "days": 61}})
    assert res.status_code == 422
    assert {p: c["code"] for p, c in res.get_json()["field_codes"].items()} == {
        "items": "required", "days": "max_value"}
    res = client.post(f"/api/cases/{case_id}/letters", headers=bearer(tok),
                      json={"kind": "delay_notice", "facts": {"reason": "x", "new_date": "30.04.2026"}})
    assert res.status_code == 422 and res.get_json()["field_codes"]["new_date"]["code"] == "date_format"


def test_the_letter_page_reads_a_polish_date(client: Any, ctx: ServiceContext, caseworker: Actor) -> None:
    case_id = cases.open_case(ctx, caseworker, sample_application())
    login(client, "caseworker1")
    res = client.post(f"/cases/{case_id}/letters", data={
        "kind": "delay_notice", "reason": "opinia biegłego", "new_date": "15.04.2026"})
    assert res.status_code == 302, res.get_data(as_text=True)[-2000:]


def test_settlement_through_the_api_names_each_bad_field_with_its_code(
        client: Any, ctx: ServiceContext, supervisor: Actor) -> None:
    from app.services import payments
    from tests.integration.test_payments import _approved_list

    list_id = _approved_list(ctx)
    pid = payments.payment_list(ctx, supervisor, list_id)["payments"][0]["id"]
    tok = token(client, "supervisor")
    res = client.post(f"/api/payments/{pid}/settle", headers=bearer(tok),
                      json={"outcome": "lost", "on": "2026-W11-4", "ref": "x" * 101})
    assert res.status_code == 422
    assert {p: c["code"] for p, c in res.get_json()["field_codes"].items()} == {
        "outcome": "payments.outcome_invalid", "on": "date_format", "ref": "max_length"}
    res = client.post(f"/api/payments/{pid}/reissue", headers=bearer(tok), json={"method": "transfer"})
    assert res.status_code == 422 and res.get_json()["field_codes"]["account"]["code"] == "required"


def test_the_office_page_names_each_bad_field_and_reads_a_polish_date(client: Any,
                                                                      ctx: ServiceContext) -> None:
    from app.services.documents import office

    login(client, "admin")
    res = client.post("/admin/office", data={**office.DEMO_OFFICE, "centre_city": "x" * 101,
                                             "gmina": " "})
    page = res.get_data(as_text=True)
    assert res.status_code == 422 and "maksymalna liczba znaków: 100" in page
    assert 'id="o-gmina-err"' in page and "To pole jest wymagane." in page
    form = {"username": "caseworker2", "act": "fa", "position": "Specjalista",
            "number": "OR.7/2026", "issued_on": "01.02.2026"}
    assert client.post("/admin/authorisations", data=form).status_code == 302


def test_a_change_typed_on_the_case_page_takes_a_polish_comma_and_the_api_a_decimal_string(
        client: Any, ctx: ServiceContext, caseworker: Actor, supervisor: Actor) -> None:
    from app.services.case_file import view as case_view
    from tests.integration.test_decision_life import _actors, _final_by_waiver

    case_id = _final_by_waiver(ctx, _actors(caseworker, supervisor))
    tok = token(client, "caseworker1")
    body = {"kind": "change", "effective_from": "2026-04-01", "amount": "260,50",
            "reason": "Wzrost kosztów utrzymania.", "ground": "income_change"}
    res = client.post(f"/api/cases/{case_id}/decision-changes", headers=bearer(tok), json=body)
    assert res.status_code == 422
    assert res.get_json()["field_codes"]["amount"]["code"] == "amount_decimal_string"
    login(client, "caseworker1")
    res = client.post(f"/cases/{case_id}/decision-changes", data=body)
    assert res.status_code == 302, res.get_data(as_text=True)[-1500:]
    events = case_view.get_case(ctx, caseworker, case_id)["life"]["events"]
    assert [e["amount"] for e in events if e["kind"] == "change_opened"] == ["260.50"]


def test_the_calculator_api_names_every_bad_field_with_its_code(client: Any) -> None:
    tok = token(client, "caseworker1")
    body = {"on": "2025-03-01", "benefit": "zasilek_okresowy", "municipal_percentage": "101",
            "members": [{"age": "40", "sex": "X", "net_income": "12,50", "farm_hectares": "1.23456",
                         "incomes": [{"kind": " ", "amount": 1.5}], "other_benefits": ["renta"]}]}
    res = client.post("/api/eligibility", headers=bearer(tok), json=body)
    assert res.status_code == 422
    assert {p: c["code"] for p, c in res.get_json()["field_codes"].items()} == {
        "municipal_percentage": "percent_too_large", "members[0].age": "age_whole",
        "members[0].sex": "choose_one_or_none", "members[0].net_income": "amount_decimal_string",
        "members[0].farm_hectares": "hectares_decimals", "members[0].incomes[0].kind": "required",
        "members[0].incomes[0].amount": "amount_not_float",
        "members[0].other_benefits[0]": "benefit_unknown"}
    res = client.post("/api/eligibility", headers=bearer(tok), json={**body, "members": []})
    assert res.get_json()["field_codes"]["members"]["code"] == "members_empty"


def test_the_application_page_reads_a_polish_comma_and_date_and_the_api_refuses_the_comma(
        client: Any, ctx: ServiceContext) -> None:
    from sqlalchemy import select

    from app.persistence.models import Application, Income
    from tests.web.test_pages import application_form

    login(client, "caseworker1")
    res = client.post("/cases/new", data=application_form(**{
        "applicant.net_income": "1 229,50", "application_date": "02.03.2026",
        "requested_amount": "450,25"}))
    assert res.status_code == 302, res.get_data(as_text=True)[-2000:]
    with ctx.uow(readonly=True) as uow:
        application = uow.session.scalars(select(Application)).one()
        assert application.received_on.isoformat() == "2026-03-02"
        assert application.requested_amount == Decimal("450.25")
        amounts = set(uow.session.scalars(select(Income.amount)))
    assert {Decimal("1229.50"), Decimal("2100.50")} <= amounts
    tok = token(client, "caseworker1")
    res = client.post("/api/cases", headers=bearer(tok), json=sample_application(
        applicant={"pesel": "44051401359", "first_name": "Jan", "last_name": "Nowak",
                   "net_income": "1229,50"},
        application_date="02.03.2026", requested_amount="450,25"))
    assert res.status_code == 422
    assert {p: c["code"] for p, c in res.get_json()["field_codes"].items()} == {
        "applicant.net_income": "amount_decimal_string", "application_date": "date_format",
        "requested_amount": "amount_decimal_string"}
    assert res.get_json()["code"] == "application_invalid"
