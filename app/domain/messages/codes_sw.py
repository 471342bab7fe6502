"""The message codes of social work (app/services/social_work): the record, its visits, notes and
goals, and the kontrakt socjalny (art. 108 u.p.s.); the texts are in :mod:`.social_work`."""

from __future__ import annotations

from app.domain.messages.codes import MessageCode


class SwCode(MessageCode):
    """Social work's codes; the value is what API clients see as ``code``."""

    RECORD_NOT_FOUND = "social_work.record_not_found"
    CONTRACT_NOT_FOUND = "social_work.contract_not_found"
    STAGE_NOT_FOUND = "social_work.stage_not_found"
    GOAL_NOT_FOUND = "social_work.goal_not_found"
    PERSON_NOT_FOUND = "social_work.person_not_found"
    RECORD_CHANGED = "social_work.record_changed"
    CONTRACT_CHANGED = "social_work.contract_changed"
    RECORD_CLOSED = "social_work.record_closed"
    CONTRACT_CLOSED = "social_work.contract_closed"
    DATE_FUTURE = "social_work.date_future"
    PARTY_NOT_MEMBER = "social_work.party_not_member"
    CASE_OTHER_FAMILY = "social_work.case_other_family"
    STAGES_REQUIRED = "social_work.stages_required"
    SIGNED_FIELD_REQUIRED = "social_work.signed_field_required"
    REFUSAL_FIELD_REQUIRED = "social_work.refusal_field_required"
    PERIOD_ORDER = "social_work.period_order"
    REVIEW_BEFORE_CONCLUDED = "social_work.review_before_concluded"
    STAGE_REVIEWED = "social_work.stage_reviewed"
    OUTCOME_BEFORE_CONCLUDED = "social_work.outcome_before_concluded"
