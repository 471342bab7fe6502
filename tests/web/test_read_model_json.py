"""The API's JSON keeps its shape while the services return frozen dataclasses (issue 14, part 4):
each answer is reduced to its shape (keys and JSON types) and compared with the shape the
dict-returning services gave on main."""

from __future__ import annotations

from typing import Any

import pytest

from app.services.cases import opening as cases
from app.services.kernel.context import Actor, ServiceContext
from tests.drive import sample_application
from tests.web.test_register import PESEL, _register_entry, renamed
from tests.web.test_web_defences import bearer, token

pytestmark = [pytest.mark.timeout(120), pytest.mark.embedded]


def shape(value: Any) -> Any:
    """Keys and JSON types: {"id": "int", "cases": [{...}]} (a list by its first item)."""
    if isinstance(value, dict):
        return {k: shape(v) for k, v in value.items()}
    if isinstance(value, list):
        return [shape(value[0])] if value else []
    return {bool: "bool", int: "int", float: "float", str: "str", type(None): "null"}[type(value)]


CASE_ROW = {"id": "int", "number": "str", "benefit": "str", "status": "str", "stage": "str",
            "outcome": "null", "opened_on": "str", "applicant": "str"}


def test_case_lists_and_the_register_answer_in_the_same_json_shape(
    client: Any, ctx: ServiceContext, caseworker: Actor
) -> None:
    first = cases.open_case(ctx, caseworker, sample_application())
    second = cases.open_case(ctx, caseworker, renamed())
    auth = bearer(token(client, "caseworker1"))
    listed = client.get("/api/cases", headers=auth).get_json()
    assert shape(listed) == [CASE_ROW]
    found = client.post("/api/cases/search", json={"q": PESEL}, headers=auth).get_json()
    assert shape(found) == [CASE_ROW] and {r["id"] for r in found} == {first, second}
    assert found[0]["opened_on"] == "2026-03-02"

    check = client.post("/api/cases/check", json=renamed(), headers=auth).get_json()
    assert shape(check) == {
        "differences": [{"path": "str", "person_id": "int", "register_key": "str", "version": "int",
                         "changes": [{"field": "str", "register": "str", "declared": "str"}]}],
        "household_changes": [], "new_persons": [], "possible_matches": [],
        "open_cases": [{"id": "int", "number": "str", "benefit": "str", "stage": "str",
                        "person_ids": ["int"]}]}

    entry = _register_entry(ctx)
    confirmed = client.post(f"/api/cases/{second}/persons/{entry.id}/confirm",
                            json={"version": entry.version}, headers=auth).get_json()
    assert shape(confirmed) == {"person_id": "int", "version": "int",
                                "changes": [{"field": "str", "register": "str", "declared": "str"}]}
    person = client.get(f"/api/persons/{entry.id}", headers=auth).get_json()
    assert shape(person) == {
        "id": "int", "register_key": "str", "pesel": "str", "first_name": "str", "last_name": "str",
        "birth_date": "str", "sex": "str", "address": "str", "version": "int",
        "history": [{"at": "str", "by": "str", "case_number": "str", "field": "str", "old": "str",
                     "new": "str"}],
        "cases": [{"id": "int", "number": "str", "benefit": "str", "status": "str", "stage": "str",
                   "opened_on": "str", "relation": "str", "declared_name": "str"}]}
    assert person["birth_date"] == "1975-01-15" and person["history"][0]["at"].startswith("2026-03-02T")


TASK = {"id": "int", "case_id": "int", "case_number": "str", "urgent": "bool", "name": "str",
        "title_pl": "str", "title_en": "str", "role": "str", "form": "str", "stage": "str",
        "assignee_id": "int", "due_on": "null", "status": "str", "version": "int",
        "created_at": "str"}


def test_the_worklist_and_a_task_answer_in_the_same_json_shape(
    client: Any, ctx: ServiceContext, caseworker: Actor
) -> None:
    case_id = cases.open_case(ctx, caseworker, sample_application())
    auth = bearer(token(client, "caseworker1"))
    [listed] = client.get("/api/tasks", headers=auth).get_json()
    assert shape(listed) == TASK
    assert listed["created_at"].startswith("2026-03-02T09:00:00")
    tid = listed["id"]
    task = client.get(f"/api/tasks/{tid}", headers=auth).get_json()
    assert set(task) == {*TASK, "schema", "data", "result", "context"}
    assert {k: shape(v) for k, v in task.items() if k in TASK} == TASK
    assert task["data"] == {} and task["result"] is None and task["schema"]["type"] == "object"
    assert task["context"]["case_number"] == listed["case_number"]
    claimed = client.post(f"/api/tasks/{tid}/claim", headers=auth).get_json()
    released = client.post(f"/api/tasks/{tid}/unclaim", headers=auth).get_json()
    assert shape(released) == {**TASK, "assignee_id": "null"}
    claimed = client.post(f"/api/tasks/{tid}/claim", headers=auth).get_json()
    assert shape(claimed) == TASK
    done = client.post(f"/api/tasks/{tid}/complete", headers=auth,
                       json={"data": {"complete": True}, "version": claimed["version"]}).get_json()
    assert shape(done) == {**TASK, "instance_version": "int",
                           "case_stage": "str", "case_completed": "bool",
                           "next_tasks": [{**TASK, "due_on": "str"}], "jobs_delayed": "int"}
    assert done["status"] == "completed" and done["case_id"] == case_id


# As main's dict-returning get_case answered (life, eligibility and the workflow's data are free
# JSON owned elsewhere).
CASE_FILE: dict[str, Any] = {'address': 'str',
 'bank_account': 'str',
 'benefit': 'str',
 'caseworker': 'str',
 'caseworker_id': 'int',
 'changes': [],
 'decision': {'amount': 'str',
              'amount_reason': 'str',
              'appeal_outcome': 'null',
              'approved_by': 'str',
              'benefit': 'str',
              'delivered_on': 'null',
              'drafted_by': 'str',
              'final_on': 'null',
              'has_document': 'bool',
              'id': 'int',
              'immediate_enforcement': 'bool',
              'immediate_enforcement_reason': 'str',
              'issued_on': 'str',
              'justification': 'str',
              'kind': 'str',
              'number': 'str',
              'period_from': 'str',
              'period_to': 'str',
              'purpose': 'str',
              'return_comment': 'str',
              'status': 'str'},
 'decisions': [{'amount': 'str',
                'amount_reason': 'str',
                'appeal_outcome': 'null',
                'approved_by': 'str',
                'benefit': 'str',
                'delivered_on': 'null',
                'drafted_by': 'str',
                'final_on': 'null',
                'has_document': 'bool',
                'id': 'int',
                'immediate_enforcement': 'bool',
                'immediate_enforcement_reason': 'str',
                'issued_on': 'str',
                'justification': 'str',
                'kind': 'str',
                'number': 'str',
                'period_from': 'str',
                'period_to': 'str',
                'purpose': 'str',
                'return_comment': 'str',
                'status': 'str'}],
 'documents': [{'created_at': 'str',
                'decision_id': 'int',
                'file_name': 'str',
                'id': 'int',
                'kind': 'str',
                'sha256': 'str',
                'size': 'int',
                'title': 'str',
                'url': 'str'}],
 'effective_from': 'null',
 'history': [{'action': 'str', 'at': 'str', 'detail': {'benefit': 'str'}, 'user': 'str'}],
 'id': 'int',
 'interviews': [{'conducted_on': 'str', 'findings': 'str', 'help_plan': 'str', 'kind': 'str'}],
 'kind': 'str',
 'members': [{'alimony_awarded': 'str',
              'birth_date': 'str',
              'care_since': 'null',
              # Issue 16's member facts (the contract adds them; none recorded in this case).
              'constant_care': 'bool',
              'disability_certificate': 'bool',
              'disability_degree': 'null',
              'disability_onset_age': 'null',
              'disabled': 'bool',
              'dodatki': [],
              'first_name': 'str',
              'gave_up_work': 'bool',
              'in_higher_school': 'bool',
              'in_school': 'bool',
              'income_check': [{'changed': 'bool',
                                'declared': 'str',
                                'kind': 'str',
                                'verified': 'str'}],
              'incomes': [{'amount': 'str',
                           'contributions': 'str',
                           'costs': 'str',
                           'kind': 'str',
                           'month': 'str',
                           'one_off': 'bool',
                           'tax': 'str',
                           'verified': 'bool'}],
              'last_name': 'str',
              'other_benefits': [],
              'parental_leave': 'bool',
              'person_id': 'int',
              'prenatal_care': 'bool',
              'pesel': 'str',
              'register_key': 'str',
              'relation': 'str',
              'school_away': 'null',
              'severe_disability_certificate': 'bool',
              'sex': 'str',
              'single_parent_reason': 'null',
              'unable_to_work': 'bool'}],
 'number': 'str',
 'open_tasks': [{'assignee_id': 'int',
                 'case_id': 'int',
                 'case_number': 'str',
                 'created_at': 'str',
                 'due_on': 'null',
                 'form': 'str',
                 'id': 'int',
                 'name': 'str',
                 'role': 'str',
                 'stage': 'str',
                 'status': 'str',
                 'title_en': 'str',
                 'title_pl': 'str',
                 'urgent': 'bool',
                 'version': 'int'}],
 'opened_on': 'str',
 'outcome': 'null',
 'parent': 'null',
 'party_request': {'amount': 'null', 'until': 'null'},
 'payments': [],
 'reason': 'str',
 'register': {'differences': [], 'household_changes': [], 'new_persons': [], 'open_cases': []},
 'schedule': [{'amount': 'str', 'date_reason': 'null', 'due_on': 'str', 'month': 'str',
               'status': 'str'}],
 'stage': 'str',
 'status': 'str',
 'tasks': [{'assignee_id': 'int',
            'case_id': 'int',
            'case_number': 'str',
            'completed_at': 'str',
            'completed_by': 'str',
            'created_at': 'str',
            'due_on': 'null',
            'form': 'str',
            'id': 'int',
            'name': 'str',
            'role': 'str',
            'stage': 'str',
            'status': 'str',
            'title_en': 'str',
            'title_pl': 'str',
            'urgent': 'bool',
            'version': 'int'}],
 'urgent': 'bool',
 'workflow': {'definition_id': 'int',
              'instance_id': 'int',
              'next_timer_at': 'str',
              'status': 'str',
              'version': 'int'}}


def test_the_case_file_answers_in_the_same_json_shape(
    client: Any, ctx: ServiceContext, caseworker: Actor, supervisor: Actor
) -> None:
    from tests.web.test_documents_web import _issued_case

    case_id = _issued_case(ctx, caseworker, supervisor)
    auth = bearer(token(client, "caseworker1"))
    case = client.get(f"/api/cases/{case_id}", headers=auth).get_json()
    got = shape({k: v for k, v in case.items() if k not in ("life", "eligibility", "workflow")})
    got["workflow"] = shape({k: v for k, v in case["workflow"].items() if k != "data"})
    assert got == CASE_FILE, got
