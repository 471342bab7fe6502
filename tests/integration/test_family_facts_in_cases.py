"""Issue 13: the household facts of a szkoła wyższa and of a severe degree reach the cases, from
the application (service and API) to eligibility and the case view."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from app.services.case_file import view as case_view
from app.services.cases import opening as cases
from app.services.kernel.context import Actor, ServiceContext
from app.services.kernel.errors import ValidationFailed
from tests.integration.test_benefit_months_in_cases import _fa_application, _family, _until_draft
from tests.web.test_pages import pesel

pytestmark = [pytest.mark.timeout(120), pytest.mark.embedded]

STUDENT = {"pesel": pesel("0723030123"), "first_name": "Jan", "last_name": "Rodzic",
           "relation": "child"}  # born 3 Mar 2007: 18 in 2026


def test_art_6_ust_1_pkt_2_a_student_of_a_szkola_wyzsza_under_21_is_not_counted(
    ctx: ServiceContext, caseworker: Actor, supervisor: Actor
) -> None:
    actors = {"caseworker": caseworker, "supervisor": supervisor}
    case_id = cases.open_case(ctx, caseworker,
                              _family(pesel("8803030123"), {**STUDENT, "in_higher_school": True}))
    assert _until_draft(ctx, case_id, actors).eligible is False
    member = case_view.get_case(ctx, caseworker, case_id)["members"][2]
    assert member["in_higher_school"] is True and member["in_school"] is False


def _adult_child(**facts: Any) -> dict[str, Any]:
    # Born 1 Jun 1998: 27 or 28 on the test clock; alimony awarded, recorded as disabled.
    return _fa_application(members=[{"pesel": pesel("9806010123"), "first_name": "Ola",
                                     "last_name": "Matka", "relation": "child",
                                     "alimony_awarded": "800.00", "disabled": True, **facts}])


def test_art_9_ust_1_fa_for_an_adult_only_with_a_severe_degree_certificate(
    ctx: ServiceContext, caseworker: Actor, supervisor: Actor
) -> None:
    actors = {"caseworker": caseworker, "supervisor": supervisor}
    disabled = cases.open_case(ctx, caseworker, _adult_child())
    assert _until_draft(ctx, disabled, actors).eligible is False
    severe = cases.open_case(ctx, caseworker, _adult_child(severe_disability_certificate=True))
    row = _until_draft(ctx, severe, actors)
    assert row.eligible is True and row.amount == Decimal("800.00")
    member = case_view.get_case(ctx, caseworker, severe)["members"][1]
    assert member["severe_disability_certificate"] is True


@pytest.mark.parametrize("flag", ["in_higher_school", "severe_disability_certificate"])
def test_the_new_facts_are_booleans(ctx: ServiceContext, caseworker: Actor, flag: str) -> None:
    with pytest.raises(ValidationFailed) as err:
        cases.open_case(ctx, caseworker, _adult_child(**{flag: "tak"}))
    assert set(err.value.errors) == {f"members[0].{flag}"}


# --- the API and its OpenAPI document -------------------------------------------------------------

def test_api_records_szkola_wyzsza_and_severe_degree_apart_and_declares_them(client: Any) -> None:
    from app.web.api.openapi import OPENAPI
    from tests.web.test_register import _token

    auth = _token(client, "caseworker1")
    body = _family(pesel("8803030123"), {**STUDENT, "in_higher_school": True,
                                         "severe_disability_certificate": True})
    res = client.post("/api/cases", json=body, headers=auth)
    assert res.status_code == 201
    case = client.get(f"/api/cases/{res.get_json()['id']}", headers=auth).get_json()
    student = case["members"][2]
    assert (student["in_school"], student["in_higher_school"],
            student["severe_disability_certificate"]) == (False, True, True)
    bad = client.post("/api/cases", json=_adult_child(in_higher_school=1), headers=auth)
    assert bad.status_code == 422 and "members[0].in_higher_school" in str(bad.get_json())
    member = OPENAPI["components"]["schemas"]["Member"]["properties"]
    assert {"in_higher_school", "severe_disability_certificate"} <= set(member)
    assert "szkoła wyższa" not in member["in_school"]["description"].replace(
        "not a szkoła wyższa", "")
