"""Inputs of social work (app/services/social_work): a family's record, a visit or note, a goal,
a kontrakt socjalny (art. 108 u.p.s.), a stage's review and a contract's outcome."""

from __future__ import annotations

from typing import Any

from app.domain.social_work import OUTCOMES, ContractStatus, EntryKind, FormPart, GoalStatus
from app.services.kernel.inputs.node import SchemaNode
from app.services.kernel.json_input import LONG_TEXT

MAX_MEMBERS = 30
MAX_STAGES = 20
DB_ID: dict[str, Any] = {"type": "integer", "minimum": 1, "maximum": 2**31 - 1}
DATE: dict[str, Any] = {"type": "string", "format": "date"}
VERSION: dict[str, Any] = {"type": "integer", "minimum": 1, "maximum": 2**31 - 1,
                           "description": "the version as read (409 when changed since)"}


def text(required: bool = True, description: str = "") -> SchemaNode:
    """A free text of at most LONG_TEXT characters (not blank when required)."""
    return {"type": "string", "maxLength": LONG_TEXT, "x-text": "multiline",
            **({"x-nonblank": True} if required else {}),
            **({"description": description} if description else {})}


STAGE: dict[str, Any] = {
    "type": "object", "required": ["action", "review_on"], "additionalProperties": False,
    "properties": {
        "action": text(description="what is to be done in this stage"),
        "responsible": {"type": "string", "maxLength": 200, "x-text": "line",
                        "description": "who does it (the person, the worker, an institution)"},
        "due_on": {**DATE, "description": "by when it is to be done"},
        "review_on": {**DATE, "description": "the review date (shown on Terminy)"},
    },
}

SCHEMAS: dict[str, dict[str, Any]] = {
    "SocialWorkRecordRequest": {
        "type": "object", "required": ["person_id"], "additionalProperties": False,
        "properties": {
            "person_id": {**DB_ID, "description": "the family's representative (register entry)"},
            "member_ids": {"type": "array", "maxItems": MAX_MEMBERS, "uniqueItems": True,
                           "items": DB_ID, "description": "the other persons of the family"},
            "case_id": {**DB_ID, "description": "a benefit case of the family whose community "
                                                "interview gave the plan of help (optional)"},
            "opened_on": {**DATE, "description": "default today; never in the future"},
            "help_plan": text(False),
        },
    },
    "SocialWorkRecordUpdate": {
        "type": "object", "required": ["version"], "additionalProperties": False,
        "properties": {"version": VERSION, "help_plan": text(False),
                       "close": {"type": "boolean", "description": "close the record today"}},
    },
    "SocialWorkEntryRequest": {
        "type": "object", "required": ["kind", "on", "text"], "additionalProperties": False,
        "properties": {"kind": {"type": "string", "enum": [str(k) for k in EntryKind]},
                       "on": {**DATE, "description": "the day of the visit or note; not in the future"},
                       "text": text()},
    },
    "SocialWorkGoalRequest": {
        "type": "object", "required": ["text"], "additionalProperties": False,
        "properties": {"text": text(), "set_on": {**DATE, "description": "default today"}},
    },
    "SocialWorkGoalUpdate": {
        "type": "object", "required": ["version", "status"], "additionalProperties": False,
        "properties": {"version": VERSION,
                       "status": {"type": "string", "enum": [str(s) for s in GoalStatus]}},
    },
    "SocialContractRequest": {
        "type": "object", "required": ["person_id", "status"], "additionalProperties": False,
        "properties": {
            "person_id": {**DB_ID, "description": "the party: a person of the family"},
            "form_part": {"type": "string", "enum": [str(p) for p in FormPart],
                          "description": "the regulation's variant: A (a difficult life situation, "
                                         "person or family), B (activity and independence, person)"},
            "status": {"type": "string",
                       "enum": [str(ContractStatus.SIGNED), str(ContractStatus.REFUSED)],
                       "description": "signed, or refused (the person would not conclude it)"},
            "concluded_on": {**DATE, "description": "signed: the day it was concluded"},
            "valid_from": {**DATE, "description": "default: the day it was concluded"},
            "valid_until": {**DATE},
            "assessment": text(False, "the assessment of the situation: causes, "
                                      "possibilities, limitations"),
            "goal": text(False, "signed: the main goal"),
            "person_obligations": text(False, "signed: what the person or family undertakes"),
            "centre_obligations": text(False, "signed: what the worker and the centre undertake"),
            "refused_on": {**DATE, "description": "refused: the day of the refusal"},
            "reason": text(False, "refused: the reason the person gave"),
            "stages": {"type": "array", "maxItems": MAX_STAGES, "items": STAGE,
                       "description": "signed: at least one stage with its review date"},
        },
    },
    "SocialContractReview": {
        "type": "object", "required": ["version", "stage_id", "reviewed_on", "note"],
        "additionalProperties": False,
        "properties": {"version": VERSION, "stage_id": DB_ID, "reviewed_on": {**DATE},
                       "note": text(description="how the stage was kept")},
    },
    "SocialContractOutcome": {
        "type": "object", "required": ["version", "outcome", "outcome_on", "reason"],
        "additionalProperties": False,
        "properties": {"version": VERSION,
                       "outcome": {"type": "string", "enum": [str(o) for o in OUTCOMES]},
                       "outcome_on": {**DATE},
                       "reason": text(description="the assessment; for a broken contract, the "
                                                  "reason the person gave")},
    },
}
