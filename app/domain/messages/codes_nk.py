"""The message codes of the Niebieska Karta procedure (app/services/niebieska_karta; lane nk)."""

from __future__ import annotations

from app.domain.messages.codes import MessageCode


class NkCode(MessageCode):
    """What the procedure refuses; the value is what API clients see as ``code``."""

    NOT_FOUND = "nk.not_found"
    NOT_ASSIGNED = "nk.not_assigned"
    START_ROLE = "nk.start_role"
    HEAD_ONLY = "nk.head_only"
    INVALID = "nk.invalid"
    CHANGED = "nk.changed"
    CLOSED = "nk.closed"
    DATE_FUTURE = "nk.date_future"
    DATE_BEFORE_START = "nk.date_before_start"
    SAME_PERSON = "nk.same_person"
    PERSON_UNKNOWN = "nk.person_unknown"
    ABSENCE_REASON = "nk.absence_reason"
    USER_UNKNOWN = "nk.user_unknown"
    STEP_NOT_OPEN = "nk.step_not_open"
    NEXT_MEETING = "nk.next_meeting"
    NO_MEETING = "nk.no_meeting"
    NO_PLAN = "nk.no_plan"
    PLAN_NOT_REALISED = "nk.plan_not_realised"
    EXISTS_NOTICE = "nk.exists_notice"
