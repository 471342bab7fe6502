"""The Niebieska Karta part of the OpenAPI document (app/web/api/niebieska_karta.py)."""

from __future__ import annotations

from typing import Any

from .openapi_helpers import _id, _op, _post
from .openapi_requests import input_schemas
from .openapi_responses import BOOL, DATE, INT, STR, array, nullable, obj

_STEP = obj({"step": STR, "due_on": nullable(DATE), "overdue": BOOL})
_PROCEDURE = obj({
    "id": INT, "number": STR, "status": STR, "started_on": DATE, "started_by_id": INT,
    "started_by_name": STR, "affected_id": INT, "affected_name": STR, "suspect_id": INT,
    "suspect_name": STR, "violence_kinds": array(STR), "facts": STR, "children_present": BOOL,
    "affected_present": BOOL, "absence_reason": STR, "handover_due": DATE,
    "handed_on": nullable(DATE), "handed_in_time": nullable(BOOL), "closing_ground": nullable(STR),
    "closed_on": nullable(DATE), "open_step": nullable(_STEP), "version": INT,
    "can_assign": BOOL,
    "members": array(obj({"user_id": INT, "name": STR, "starter": BOOL})),
    "events": array(obj({"id": INT, "kind": STR, "on": DATE, "text": STR,
                         "detail": {"type": "object"}, "by_id": INT, "by_name": STR}))})

# Request bodies are the input schemas the service checks; responses the views it returns.
SCHEMAS: dict[str, Any] = {
    **input_schemas("NkStartRequest", "NkHandover", "NkMemberRequest", "NkMeeting",
                    "NkFormRecord", "NkPlan", "NkClosing"),
    "NkSaved": obj({"id": INT, "version": INT, "status": STR, "open_step": nullable(STR)}),
    "NkRows": array(obj({"id": INT, "number": STR, "status": STR, "started_on": DATE,
                         "affected_name": STR, "open_step": nullable(STR),
                         "due_on": nullable(DATE)})),
    "NkProcedure": _PROCEDURE,
    "NkFamilyFlag": obj({"case_id": INT, "procedure_in_family": BOOL}),
}

_P = [_id("procedure_id")]
_WHO = ("only the people assigned to it and the head of the centre; 403 for anyone else, an "
        "admin included")
PATHS: dict[str, Any] = {
    "/api/niebieska-karta": {
        "get": _op("Niebieska Karta procedures the caller is assigned to (every one for the "
                   "head), newest first; the read is audited", "NkRows"),
        "post": _post("Start a Niebieska Karta procedure with form A (a caseworker, who is "
                      "assigned to it); the hand-over to the team's chair is then due",
                      "NkSaved", ok="201", body="NkStartRequest"),
    },
    "/api/niebieska-karta/{procedure_id}": {"get": _op(
        f"A whole procedure: form A, the group, the events, the open step with its deadline; "
        f"{_WHO}; every read audited", "NkProcedure", params=_P, errors=("404",))},
    "/api/niebieska-karta/{procedure_id}/handover": {"post": _post(
        f"Form A handed to the chair of the interdisciplinary team (version as read; 409 when "
        f"changed or not the open step); {_WHO}", "NkSaved", body="NkHandover", params=_P,
        errors=("404", "409"))},
    "/api/niebieska-karta/{procedure_id}/meetings": {"post": _post(
        "A meeting of the diagnostic and support group: day, attendees, meet again (the next "
        "day) or close", "NkSaved", ok="201", body="NkMeeting", params=_P,
        errors=("404", "409"))},
    "/api/niebieska-karta/{procedure_id}/forms": {"post": _post(
        "Form B, C or D recorded", "NkSaved", ok="201", body="NkFormRecord", params=_P,
        errors=("404", "409"))},
    "/api/niebieska-karta/{procedure_id}/plan": {"post": _post(
        "The individual plan of help", "NkSaved", ok="201", body="NkPlan", params=_P,
        errors=("404", "409"))},
    "/api/niebieska-karta/{procedure_id}/close": {"post": _post(
        "Close the procedure the group decided to close: violence_ended (a plan recorded and "
        "carried out) or no_grounds", "NkSaved", body="NkClosing", params=_P,
        errors=("404", "409"))},
    "/api/niebieska-karta/{procedure_id}/members": {"post": _post(
        "The head of the centre assigns a member of the group (a caseworker or supervisor)",
        "NkSaved", body="NkMemberRequest", params=_P, errors=("404", "409"))},
    "/api/cases/{case_id}/niebieska-karta": {"get": _op(
        "Whether an open Niebieska Karta procedure names a person of the case's household: a "
        "bare flag, never its content", "NkFamilyFlag", params=[_id("case_id")], errors=("404",))},
}
