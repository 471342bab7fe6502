"""Inputs of the Niebieska Karta procedure (app/services/niebieska_karta): form A, the hand-over,
a group member, a meeting, forms B/C/D, the plan of help and the closing."""

from __future__ import annotations

from typing import Any

from app.domain.niebieska_karta import EVENT_FORMS, Decision, Ground, ViolenceKind
from app.services.kernel.inputs.social_work import DATE, DB_ID, VERSION, text

MAX_ATTENDEES = 30
_LINE: dict[str, Any] = {"type": "string", "maxLength": 200, "x-text": "line", "x-nonblank": True}


def _with_version(required: list[str], **properties: Any) -> dict[str, Any]:
    return {"type": "object", "required": ["version", *required], "additionalProperties": False,
            "properties": {"version": VERSION, **properties}}


SCHEMAS: dict[str, dict[str, Any]] = {
    "NkStartRequest": {
        "type": "object", "additionalProperties": False,
        "required": ["affected_id", "suspect_id", "violence_kinds", "facts"],
        "properties": {
            "started_on": {**DATE, "description": "the day form A was filled in (default today; "
                                                  "never in the future)"},
            "affected_id": {**DB_ID, "description": "the person affected (register entry)"},
            "suspect_id": {**DB_ID, "description": "the person suspected (register entry)"},
            "violence_kinds": {"type": "array", "minItems": 1, "uniqueItems": True,
                               "items": {"type": "string", "enum": [str(k) for k in ViolenceKind]},
                               "description": "the kinds of violence form A records"},
            "facts": text(description="what happened, as form A records it"),
            "children_present": {"type": "boolean",
                                 "description": "minor children witnessed or were affected"},
            "affected_present": {"type": "boolean",
                                 "description": "form A filled in with the adult person affected "
                                                "present (§ 2 ust. 5); default true"},
            "absence_reason": text(False, "why not (§ 2 ust. 6): required when not present"),
        },
    },
    "NkHandover": _with_version(["handed_on"], handed_on={
        **DATE, "description": "the day form A reached the chair of the interdisciplinary team"}),
    "NkMemberRequest": _with_version(["user_id"], user_id={
        **DB_ID, "description": "a caseworker or supervisor the head assigns to the group"}),
    "NkMeeting": _with_version(
        ["met_on", "attendees", "decision"],
        met_on={**DATE, "description": "the day of the meeting; not in the future"},
        attendees={"type": "array", "minItems": 1, "maxItems": MAX_ATTENDEES,
                   "items": _LINE, "description": "who attended (name and institution)"},
        decision={"type": "string", "enum": [str(d) for d in Decision],
                  "description": "meet again (next_meeting_on) or close the procedure"},
        next_meeting_on={**DATE, "description": "required to meet again; after the meeting"},
        note=text(False, "what the group found and agreed")),
    "NkFormRecord": _with_version(
        ["form", "on"],
        form={"type": "string", "enum": [str(f) for f in EVENT_FORMS],
              "description": "B (information to the person affected), C or D (the group's "
                             "assessments)"},
        on={**DATE, "description": "the day the form was filled in or handed over"},
        note=text(False)),
    "NkPlan": _with_version(["on", "plan"], on={**DATE, "description": "the day the group "
                                                                       "agreed the plan"},
                            plan=text(description="the individual plan of help")),
    "NkClosing": _with_version(
        ["closed_on", "ground"],
        closed_on={**DATE, "description": "the day the group closed the procedure"},
        ground={"type": "string", "enum": [str(g) for g in Ground],
                "description": "violence_ended (and the plan carried out) or no_grounds"},
        plan_realised={"type": "boolean", "description": "the plan of help was carried out"},
        note=text(False)),
}
