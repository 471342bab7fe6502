"""The social-work part of the OpenAPI document (app/web/api/social_work.py): schemas and paths."""

from __future__ import annotations

from typing import Any

from .openapi_helpers import _id, _op, _post
from .openapi_requests import DATE, input_schemas

_DAY = {"in": "query", "required": True, "schema": DATE}

# The request bodies are the input schemas the services check; the responses are in
# openapi_responses.RESPONSES (SocialWorkSaved, SocialWorkRows, SocialWorkRecord, SocialWorkGiven).
SCHEMAS: dict[str, Any] = input_schemas(
    "SocialWorkRecordRequest", "SocialWorkRecordUpdate", "SocialWorkEntryRequest",
    "SocialWorkGoalRequest", "SocialWorkGoalUpdate", "SocialContractRequest",
    "SocialContractReview", "SocialContractOutcome")
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
