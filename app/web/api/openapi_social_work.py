"""The social-work part of the OpenAPI document (app/web/api/social_work.py): schemas and paths."""

from __future__ import annotations

from typing import Any

from .openapi_helpers import _id, _op, _post
from .openapi_requests import DATE, input_schemas
from .openapi_responses import BOOL, INT, OBJ, STR, array, nullable, obj

_SAVED = obj({"id": INT, "record_id": INT, "version": INT})
_ROW = obj({"id": INT, "person_id": INT, "person_name": STR, "members": INT, "opened_on": DATE,
            "status": STR, "contracts": INT})
_RECORD = obj({"id": INT, "person_id": INT, "person_name": STR, "members": array(OBJ),
               "case_id": nullable(INT), "case_number": nullable(STR), "opened_on": DATE,
               "help_plan": STR, "status": STR, "version": INT, "entries": array(OBJ),
               "goals": array(OBJ), "contracts": array(OBJ), "interview_plans": array(OBJ)})
_GIVEN = obj({"start": DATE, "end": DATE, "persons": INT, "families_without_benefit": INT,
              "families": array(obj({"record_id": INT, "person_ids": array(INT),
                                     "with_benefit": BOOL})),
              "contracts": array(obj({"contract_id": INT, "record_id": INT, "person_id": INT,
                                      "concluded_on": DATE, "with_benefit": BOOL}))})
_DAY = {"in": "query", "required": True, "schema": DATE}

# The request bodies are the input schemas the services check (hardened with the others); the
# responses are added after the hardening, as RESPONSES are.
SCHEMAS: dict[str, Any] = input_schemas(
    "SocialWorkRecordRequest", "SocialWorkRecordUpdate", "SocialWorkEntryRequest",
    "SocialWorkGoalRequest", "SocialWorkGoalUpdate", "SocialContractRequest",
    "SocialContractReview", "SocialContractOutcome")
RESPONSE_SCHEMAS: dict[str, Any] = {"SocialWorkSaved": _SAVED, "SocialWorkRows": array(_ROW),
                                    "SocialWorkRecord": _RECORD, "SocialWorkGiven": _GIVEN}
PATHS: dict[str, Any] = {
    "/api/social-work": {
        "get": _op("Social-work records, newest first (of one person's families with person_id); "
                   "audited", "SocialWorkRows", params=[{
                       "name": "person_id", "in": "query", "required": False,
                       "schema": {"type": "string", "pattern": "^[0-9]{1,9}$"}}],
                   errors=("422",)),
        "post": _post("Open a family's social-work record (no benefit case needed)",
                      "SocialWorkSaved", ok="201", body="SocialWorkRecordRequest"),
    },
    "/api/social-work/given": {"get": _op(
        "Social work given in a period: families (with their persons) with a visit or note in "
        "it or a kontrakt socjalny in force, each with or without a benefit; the contracts in force",
        "SocialWorkGiven", params=[{"name": "start", **_DAY}, {"name": "end", **_DAY}],
        errors=("422",))},
    "/api/social-work/{record_id}": {"get": _op(
        "A family's social-work record: members, plan of help (and the interviews'), visits and "
        "notes, goals, kontrakty socjalne with stages; read audited", "SocialWorkRecord",
        params=[_id("record_id")], errors=("404",))},
    "/api/social-work/{record_id}/update": {"post": _post(
        "Change the plan of help or close the record (version as read; 409 when changed)",
        "SocialWorkSaved", body="SocialWorkRecordUpdate", params=[_id("record_id")],
        errors=("404", "409"))},
    "/api/social-work/{record_id}/entries": {"post": _post(
        "Record a visit or a note (dated, by the caller; not in the future)", "SocialWorkSaved",
        ok="201", body="SocialWorkEntryRequest", params=[_id("record_id")], errors=("404", "409"))},
    "/api/social-work/{record_id}/goals": {"post": _post(
        "Set a goal", "SocialWorkSaved", ok="201", body="SocialWorkGoalRequest",
        params=[_id("record_id")], errors=("404", "409"))},
    "/api/social-work/{record_id}/goals/{goal_id}": {"post": _post(
        "A goal achieved, dropped or open again (record's version as read)", "SocialWorkSaved",
        body="SocialWorkGoalUpdate", params=[_id("record_id"), _id("goal_id")],
        errors=("404", "409"))},
    "/api/social-work/{record_id}/contracts": {"post": _post(
        "A kontrakt socjalny (art. 108 u.p.s.) concluded with a person of the family, or the "
        "person's refusal to conclude one with the reason given (shown on the family's decision "
        "draft under art. 11 ust. 2, never applied by itself)", "SocialWorkSaved", ok="201",
        body="SocialContractRequest", params=[_id("record_id")], errors=("404", "409"))},
    "/api/social-contracts/{contract_id}/review": {"post": _post(
        "Review a stage of a signed contract (contract's version as read)", "SocialWorkSaved",
        body="SocialContractReview", params=[_id("contract_id")], errors=("404", "409"))},
    "/api/social-contracts/{contract_id}/outcome": {"post": _post(
        "A contract's outcome: fulfilled, broken (the reason the person gave) or ended",
        "SocialWorkSaved", body="SocialContractOutcome", params=[_id("contract_id")],
        errors=("404", "409"))},
}
