"""Response schemas of the OpenAPI document (app/web/api/openapi.py), true to what the code returns.

Objects are open (clients must ignore keys they do not know); `required` lists what every answer
has. The error body is the one `app/web/errors.py` writes for every 4xx and 5xx under /api.
Checked against the live server by the schemathesis run in tests/fuzz/test_api_fuzz.py.
"""

from __future__ import annotations

from typing import Any

STR: dict[str, Any] = {"type": "string"}
INT: dict[str, Any] = {"type": "integer"}
BOOL: dict[str, Any] = {"type": "boolean"}
DATE: dict[str, Any] = {"type": "string", "format": "date"}
MONEY: dict[str, Any] = {"type": "string", "pattern": r"^-?\d+\.\d{2}$"}
OBJ: dict[str, Any] = {"type": "object"}


def nullable(schema: dict[str, Any]) -> dict[str, Any]:
    """The schema, or null."""
    return {"anyOf": [schema, {"type": "null"}]}


def obj(required: dict[str, Any], optional: dict[str, Any] | None = None) -> dict[str, Any]:
    """An open object whose `required` keys are always present."""
    return {"type": "object", "required": sorted(required),
            "properties": {**required, **(optional or {})}}


def ref(name: str) -> dict[str, Any]:
    return {"$ref": f"#/components/schemas/{name}"}


def array(items: dict[str, Any]) -> dict[str, Any]:
    return {"type": "array", "items": items}


_CODE = {"type": "object", "required": ["code", "params"],
         "properties": {"code": STR, "params": OBJ}}

ERROR = {
    "type": "object", "required": ["error"],
    "description": "Every error under /api. `code` is the message code (null where the message has "
                   "none yet); a 422 names each bad field in `fields` (path -> message) and "
                   "`field_codes`; a 409 may give `current_version`; a 500 gives `error_id`; a "
                   "refused deploy lists `problems`; a locked sign-in gives `retry_after`.",
    "properties": {
        "error": STR, "code": nullable(STR), "params": OBJ,
        "fields": {"type": "object", "additionalProperties": STR},
        "field_codes": {"type": "object", "additionalProperties": _CODE},
        "current_version": INT, "error_id": STR,
        "problems": array(obj({"code": STR}, {"file": STR, "element_id": nullable(STR),
                                              "element_name": nullable(STR), "message": STR,
                                              "params": OBJ})),
        "retry_after": INT, "retry_at": STR,
    },
}

_TASK = obj({"id": INT, "case_id": INT, "case_number": STR, "name": STR, "form": STR, "role": STR,
             "status": STR, "stage": nullable(STR), "urgent": BOOL, "version": INT,
             "assignee_id": nullable(INT), "created_at": STR, "due_on": nullable(DATE),
             "title_pl": STR, "title_en": STR})
_CASE_ROW = obj({"id": INT, "number": STR, "applicant": STR, "benefit": STR, "status": STR,
                 "stage": nullable(STR), "opened_on": DATE, "outcome": nullable(STR)})
_PARAMETER = obj({"name": STR, "valid_from": DATE, "valid_to": nullable(DATE), "source": STR},
                 {"value": {}})
_STEP = obj({"key": STR, "text": STR, "legal_basis": array(STR)},
            {"text_pl": STR, "inputs": OBJ, "result": {}})
_EXPLAINED = {"explanation": array(_STEP), "legal_basis": array(STR),
              "parameters": {"type": "object", "additionalProperties": _PARAMETER}}
_REGISTER_CHECK = obj({"differences": array(OBJ), "household_changes": array(OBJ),
                       "new_persons": array(STR), "open_cases": array(OBJ)},
                      {"possible_matches": array(OBJ)})
# Social work (app/web/api/social_work.py).
_SW_SAVED = obj({"id": INT, "record_id": INT, "version": INT})
_SW_ROW = obj({"id": INT, "person_id": INT, "person_name": STR, "members": INT, "opened_on": DATE,
            "status": STR, "contracts": INT})
_SW_RECORD = obj({"id": INT, "person_id": INT, "person_name": STR, "members": array(OBJ),
               "case_id": nullable(INT), "case_number": nullable(STR), "opened_on": DATE,
               "help_plan": STR, "status": STR, "version": INT, "entries": array(OBJ),
               "goals": array(OBJ), "contracts": array(OBJ), "interview_plans": array(OBJ)})
_SW_GIVEN = obj({"start": DATE, "end": DATE, "persons": INT, "families_without_benefit": INT,
              "families": array(obj({"record_id": INT, "person_ids": array(INT),
                                     "with_benefit": BOOL})),
              "contracts": array(obj({"contract_id": INT, "record_id": INT, "person_id": INT,
                                      "concluded_on": DATE, "with_benefit": BOOL}))})

RESPONSES: dict[str, dict[str, Any]] = {
    "Error": ERROR,
    "Token": obj({"token": STR, "roles": array(STR)}),
    "Revoked": obj({"revoked": {"const": True}}),
    "Task": _TASK,
    "TaskList": array(_TASK),
    "TaskDetail": {"allOf": [_TASK, obj({"schema": OBJ, "data": nullable(OBJ), "result": {},
                                         "context": OBJ})]},
    "TaskCompleted": {"allOf": [_TASK, obj({
        "instance_version": INT, "case_stage": nullable(STR), "case_completed": BOOL,
        "next_tasks": array(_TASK), "jobs_delayed": INT})]},
    "CaseList": array(_CASE_ROW),
    "Case": obj({
        "id": INT, "number": STR, "kind": STR, "benefit": STR, "reason": STR, "status": STR,
        "stage": nullable(STR), "urgent": BOOL, "opened_on": DATE, "outcome": nullable(STR),
        "members": array(obj({"first_name": STR, "last_name": STR, "relation": STR},
                             {"person_id": nullable(INT), "pesel": nullable(STR)})),
        "open_tasks": array(_TASK), "tasks": array(OBJ), "history": array(OBJ),
        "decisions": array(OBJ), "payments": array(OBJ), "interviews": array(OBJ),
        "decision": nullable(OBJ), "eligibility": nullable(OBJ), "workflow": nullable(OBJ),
        "register": nullable(_REGISTER_CHECK)},
        {"address": nullable(STR), "bank_account": nullable(STR), "caseworker": nullable(STR),
         "caseworker_id": nullable(INT), "changes": array(OBJ), "schedule": array(obj(
             {"month": DATE, "due_on": DATE, "amount": MONEY, "status": STR},
             {"date_reason": nullable(_CODE)})),
         "parent": nullable(OBJ), "effective_from": nullable(DATE),
         "party_request": obj({"amount": nullable(STR), "until": nullable(DATE)})}),
    "RegisterCheck": _REGISTER_CHECK,
    "Person": obj({"id": INT, "first_name": STR, "last_name": STR, "version": INT,
                   "cases": array(OBJ), "history": array(OBJ)},
                  {"pesel": nullable(STR), "register_key": nullable(STR), "birth_date": nullable(DATE),
                   "sex": nullable(STR), "address": nullable(STR)}),
    "RegisterConfirmed": obj({"person_id": INT, "version": INT, "changes": array(OBJ)}),
    "AffectedGrants": array(obj({
        "case_id": INT, "case_number": STR, "benefit": STR, "decision_id": INT,
        "decision_number": nullable(STR), "amount": STR, "new_amount": STR, "eligible": BOOL,
        "effective_from": DATE, "period_to": nullable(DATE)})),
    "CaseIds": obj({"case_ids": array(INT)}),
    "PaymentRun": obj({"month": DATE, "created": INT, "list_id": nullable(INT)}),
    "PaymentLists": array(obj({"id": INT, "month": DATE, "status": STR, "total": MONEY,
                               "payments": INT})),
    "PaymentList": obj({"id": INT, "month": DATE, "status": STR, "total": MONEY,
                        "payments": array(obj({"id": INT, "case_id": INT, "amount": MONEY,
                                               "due_on": DATE, "method": STR},
                                              {"case_number": STR, "payee": STR,
                                               "account": nullable(STR), "arrears": BOOL,
                                               "settled_on": nullable(DATE),
                                               "settlement_ref": STR}))},
                       {"arrears": array(obj({"month": STR, "label": STR, "payments": INT})),
                        "transfers": INT, "cash": INT, "settle_from": nullable(DATE)}),
    "Definitions": array(obj({"id": INT, "key": STR, "version": INT, "active": BOOL,
                              "deployed_at": STR, "content_hash": STR},
                             {"comment": nullable(STR)})),
    "Deployed": obj({"id": INT, "created": BOOL}),
    "DeployCheck": obj({"problems": array(OBJ), "replay": nullable({}), "timings_ms": OBJ}),
    "Incidents": array(OBJ),
    "IncidentRetry": obj({"instance_id": INT, "resolved": BOOL, "incident": nullable(OBJ)}),
    "Migration": obj({"from_version": INT, "to_version": INT, "element_id": nullable(STR),
                      "dry_run": BOOL, "instances": array(OBJ), "counts": OBJ}),
    "Jobs": array(obj({"id": INT, "case_id": nullable(INT), "operation": STR, "status": STR,
                       "attempts": INT, "created_at": STR},
                      {"case_number": nullable(STR), "error": nullable(STR)})),
    "JobRetried": obj({"id": INT, "status": {"const": "pending"}}),
    "Eligibility": obj({"benefit": STR, "on": DATE, "eligible": BOOL, **_EXPLAINED},
                       {"amount": nullable(STR), "breakdown": array(OBJ),
                        # Each part of the amount (issue 16): a dodatek, the zasiłek, a reduction.
                        "components": array(obj({"code": STR, "amount": STR,
                                                 "per": {"type": "string",
                                                         "enum": ["month", "once", "year"]},
                                                 "article": STR})),
                        # A benefit with no formula (zasiłek celowy): the range the law allows.
                        "range": obj({"min": nullable(MONEY), "max": nullable(MONEY),
                                      "per": STR, "set_by": STR, "returnable": STR,
                                      "basis": array(STR)})}),
    "Deadline": obj({"kind": STR, "start": DATE, "due": DATE, **_EXPLAINED}),
    # Payments settled and reissued (app/services/payments/settle.py).
    "Settled": {"anyOf": [obj({"id": INT, "status": STR, "changed": BOOL}),
                          obj({"list_id": INT, "marked": INT})]},
    "Reissued": obj({"id": INT, "list_id": INT, "reissue_of_id": INT, "method": STR}),
    # Documents (app/services/letters.py).
    "StoredDocument": obj({"id": INT, "kind": STR, "title": STR, "sha256": STR, "size": INT,
                           "url": STR}),
    # Undue benefits (app/services/recovery*.py).
    "CaseRecoveries": obj({"case_id": INT, "case_number": STR, "on": DATE,
                           "recoveries": array(OBJ), "total": OBJ, "payable": array(OBJ)},
                          {"person_id": nullable(INT), "grounds": array(OBJ)}),
    "RecoveryRecorded": obj({"id": INT, "case_id": INT, "principal": MONEY}),
    "RecoveryDecisionDrafted": obj({"id": INT, "kind": STR, "status": STR}),
    "RecoveryDecisionIssued": obj({"id": INT, "number": STR, "issued_on": DATE, "sha256": STR}),
    "RecoveryRepaid": obj({"recovery_id": INT, "overpaid": MONEY}),
    "RecoveryDecisionFinal": obj({"id": INT, "final_on": DATE}),
    "PersonRecoveryBalance": obj({"person_id": INT, "on": DATE, "cases": array(OBJ),
                                  "total": OBJ}),
    # A decision's life (app/services/appeals.py, sko.py, decision_changes.py).
    "Appeal": obj({"id": INT, "decision_id": INT, "channel": STR, "posted_on": nullable(DATE),
                   "received_on": nullable(DATE), "timely": nullable(BOOL), "version": INT},
                  {"deadline": nullable(DATE), "sko_outcome": nullable(STR),
                   "follow_up_case_id": nullable(INT)}),
    "ChangeOpened": obj({"case_id": INT}),
    "SocialWorkSaved": _SW_SAVED, "SocialWorkRows": array(_SW_ROW),
    "SocialWorkRecord": _SW_RECORD, "SocialWorkGiven": _SW_GIVEN,
}
