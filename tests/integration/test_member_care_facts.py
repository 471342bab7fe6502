"""Issue 16, the API contract: the member facts of the care benefits and the dodatki
(disability_degree, disability_onset_age, constant_care, gave_up_work, single_parent_reason, and
the other_benefits values dodatek_pielegnacyjny and zasilek_macierzynski) travel from the
application and the simulator to the case, the case file and the domain Member, and a wrong value
gets a coded 422 naming its field."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import IntegrityError

from app.domain.income import Member
from app.persistence.models import Case, HouseholdMember
from app.services.case_file import view as case_view
from app.services.cases import opening as cases
from app.services.decisions import calculator
from app.services.decisions.job_operations import household_members
from app.services.kernel.context import Actor, ServiceContext
from app.services.kernel.errors import ValidationFailed
from tests.integration.test_benefit_months_in_cases import _family
from tests.web.test_pages import pesel

pytestmark = [pytest.mark.timeout(120), pytest.mark.embedded]

CARED_FOR = {"pesel": pesel("1503030123"), "first_name": "Ola", "last_name": "Rodzic",
             "relation": "child", "disability_degree": "child", "disability_onset_age": 2,
             "constant_care": True, "other_benefits": ["dodatek_pielegnacyjny"]}


def _application() -> dict[str, Any]:
    body = _family(pesel("8803030123"), CARED_FOR)
    body["applicant"] = {**body["applicant"], "gave_up_work": True,
                         "single_parent_reason": "alimony_dismissed",
                         "other_benefits": ["zasilek_macierzynski"]}
    return body


def test_the_facts_reach_the_case_file_and_the_domain_member(
    ctx: ServiceContext, caseworker: Actor
) -> None:
    case_id = cases.open_case(ctx, caseworker, _application())
    members = case_view.get_case(ctx, caseworker, case_id)["members"]
    applicant, child = members[0], members[2]
    assert (applicant["gave_up_work"], applicant["single_parent_reason"]) == (True, "alimony_dismissed")
    assert (child["disability_degree"], child["disability_onset_age"], child["constant_care"]) == (
        "child", 2, True)
    assert members[1]["disability_degree"] is None and members[1]["constant_care"] is False
    with ctx.uow() as uow:
        case = uow.session.get(Case, case_id)
        assert case is not None
        domain = household_members(uow, case, date(2026, 3, 1))
    assert domain[0].gave_up_work and domain[0].single_parent_reason == "alimony_dismissed"
    assert domain[0].other_benefits == ["zasilek_macierzynski"]
    assert (domain[2].disability_degree, domain[2].disability_onset_age, domain[2].constant_care) == (
        "child", 2, True)
    assert domain[2].other_benefits == ["dodatek_pielegnacyjny"]


@pytest.mark.parametrize(("field", "value"), [
    ("disability_degree", "ciezki"), ("disability_degree", 3), ("single_parent_reason", "divorce"),
    ("disability_onset_age", -1), ("disability_onset_age", "pięć"), ("constant_care", "tak"),
    ("gave_up_work", 1), ("other_benefits", ["zasilek_chorobowy"]),
])
def test_a_wrong_value_is_refused_naming_its_field(
    ctx: ServiceContext, caseworker: Actor, field: str, value: Any
) -> None:
    body = _family(pesel("8803030123"), {**CARED_FOR, field: value})
    with pytest.raises(ValidationFailed) as err:
        cases.open_case(ctx, caseworker, body)
    assert set(err.value.errors) == {f"members[1].{field}"}


def test_the_database_holds_the_degree_and_the_ground_to_their_values(
    ctx: ServiceContext, caseworker: Actor
) -> None:
    case_id = cases.open_case(ctx, caseworker, _application())
    for column, wrong in (("disability_degree", "ciezki"), ("single_parent_reason", "divorce")):
        with pytest.raises(IntegrityError), ctx.uow() as uow:
            member_id = uow.session.scalars(select(HouseholdMember.id).join(
                Case, Case.household_id == HouseholdMember.household_id).where(Case.id == case_id)).first()
            uow.session.execute(text(f"UPDATE household_members SET {column} = :v WHERE id = :id"),
                                {"v": wrong, "id": member_id})
            uow.session.flush()


def test_the_simulator_reads_the_same_facts() -> None:
    on, members, _pct = calculator.parse_household({
        "on": "2026-03-01",
        "members": [{"age": 40, "gave_up_work": True, "single_parent_reason": "deceased",
                     "other_benefits": ["zasilek_macierzynski"]},
                    {"age": 10, "relation": "child", "disability_degree": "znaczny",
                     "disability_onset_age": 4, "constant_care": True}]})
    assert members[0] == Member(age=40, gave_up_work=True, single_parent_reason="deceased",
                                other_benefits=["zasilek_macierzynski"])
    assert (members[1].disability_degree, members[1].disability_onset_age, members[1].constant_care) == (
        "znaczny", 4, True)
    with pytest.raises(ValidationFailed) as err:
        calculator.parse_household({"on": "2026-03-01", "members": [{"age": 40, "disability_degree": "x"}]})
    assert "members[0].disability_degree" in err.value.errors


def test_api_accepts_and_declares_the_facts(client: Any) -> None:
    from app.web.api.openapi import OPENAPI
    from tests.web.test_register import _token

    auth = _token(client, "caseworker1")
    res = client.post("/api/cases", json=_application(), headers=auth)
    assert res.status_code == 201, res.get_json()
    case = client.get(f"/api/cases/{res.get_json()['id']}", headers=auth).get_json()
    assert case["members"][2]["disability_degree"] == "child"
    assert case["members"][0]["single_parent_reason"] == "alimony_dismissed"
    bad = client.post("/api/cases", json=_family(pesel("8803030123"),
                                                 {**CARED_FOR, "disability_degree": "ciezki"}),
                      headers=auth)
    assert bad.status_code == 422
    assert "disability_degree_unknown" in str(bad.get_json())
    member = OPENAPI["components"]["schemas"]["Member"]["properties"]
    assert {"disability_degree", "disability_onset_age", "constant_care", "gave_up_work",
            "single_parent_reason"} <= set(member)
    assert {"dodatek_pielegnacyjny", "zasilek_macierzynski"} <= set(
        member["other_benefits"]["items"]["enum"])
