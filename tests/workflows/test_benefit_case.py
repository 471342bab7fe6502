"""The main process benefit_case end to end through the adapter."""

from datetime import timedelta

from app.workflow_engine.clock import WARSAW
from app.workflow_engine.fixtures import decision_due_date, drive_case, start_data

from .conftest import T0

FULL_CASE = [
    "completeness_check", "conduct_interview", "service:eligibility", "draft_decision",
    # A full grant is enforceable at once (art. 130 § 4 KPA): its schedule is made at issue,
    # and again (idempotent) once final.
    "approve_decision", "service:decision_document", "service:payment_schedule",
    "record_delivery", "appeal_window", "service:payment_schedule",
]


def _names(snapshot):
    return sorted(t.name for t in snapshot.user_tasks)


REVIEW_CARRY = [
    "case_id", "benefit", "urgent", "application_date", "amount", "period_from", "period_to",
    "last_interview_on", "decision_kind", "decision_outcome", "decision_final", "final_on",
]


def test_full_case_with_three_interview_updates(engine, definition):
    snap = engine.start(definition, start_data(benefit="zasilek_staly"), T0)
    assert snap.stage == "intake" and snap.data["decision_due"] == decision_due_date("2026-03-02")
    stages = []
    snap, now, log = drive_case(
        engine, definition, snap, T0,
        answers={"interview_update": [{}, {}, {"continue_benefit": False}]},
        until=lambda s: stages.append(s.stage) and False,
    )
    # Each six-monthly update is its own benefit_review instance, chained after the previous one.
    # The last update opens a revoking decision (a benefit never stops without one).
    assert log == FULL_CASE + ["start:benefit_review", "timer", "interview_update"] * 3 + [
        "service:open_revocation"]
    assert snap.completed and snap.stage is None
    assert snap.data["decision_outcome"] == "final" and snap.data["continue_benefit"] is False
    assert snap.data["next_process"] is None
    assert [s for i, s in enumerate(stages) if i == 0 or stages[i - 1] != s] == [
        "intake", "community_interview", "decision", "payment", "benefit_review",
    ]
    assert now - T0 > timedelta(days=540)


def test_permanent_benefit_case_ends_naming_the_review(engine, definition):
    snap = engine.start(definition, start_data(benefit="zasilek_staly"), T0)
    snap, _, log = drive_case(engine, definition, snap, T0, chain=False)
    assert log == FULL_CASE
    # The main process no longer loops: it ends and says that benefit_review follows.
    assert snap.completed and snap.user_tasks == [] and snap.next_timer_at is None
    assert snap.data["next_process"] == "benefit_review"
    assert snap.data["carry"] == REVIEW_CARRY
    assert snap.data["decision_outcome"] == "final" and snap.data["last_interview_on"] == "2026-03-02"


def test_periodic_benefit_case_ends_without_a_review(engine, definition):
    snap = engine.start(definition, start_data(benefit="zasilek_okresowy"), T0)
    snap, _, log = drive_case(engine, definition, snap, T0, chain=False)
    assert log == FULL_CASE and snap.completed
    assert "next_process" not in snap.data


def test_incomplete_application_left_unexamined(engine, definition):
    snap = engine.start(definition, start_data(), T0)
    snap, _, log = drive_case(
        engine, definition, snap, T0,
        answers={"completeness_check": {"complete": False, "missing_items": "Zaświadczenie"}},
        skip={"record_supplement"},
    )
    assert log == ["completeness_check", "request_supplement", "timer"]
    assert snap.completed and snap.data["intake_outcome"] == "left_unexamined"
    assert "interview_due" not in snap.data  # no interview was started


def test_supplement_received_continues_to_interview(engine, definition):
    snap = engine.start(definition, start_data(), T0)
    snap, _, log = drive_case(
        engine, definition, snap, T0,
        answers={"completeness_check": [{"complete": False, "missing_items": "PIT"}, {}]},
        until=lambda s: s.stage == "community_interview",
    )
    assert log == ["completeness_check", "request_supplement", "record_supplement", "completeness_check"]
    assert _names(snap) == ["conduct_interview"]


def test_interview_overdue_escalates_in_the_main_case(engine, definition):
    snap = engine.start(definition, start_data(), T0)
    snap, now, log = drive_case(engine, definition, snap, T0, skip={"conduct_interview"},
                                until=lambda s: "overdue_interview_escalation" in _names(s))
    assert log == ["completeness_check", "timer"]
    assert _names(snap) == ["conduct_interview", "overdue_interview_escalation"]
    escalation = next(t for t in snap.user_tasks if t.name == "overdue_interview_escalation")
    assert escalation.lane == "Supervisor" and escalation.process == "community_interview"
    assert snap.stage == "community_interview"


def test_decision_deadline_escalation_after_one_month(engine, definition):
    snap = engine.start(definition, start_data(benefit="zasilek_okresowy"), T0)
    # Interview done, but the draft decision is left lying around.
    snap, now, log = drive_case(engine, definition, snap, T0, skip={"draft_decision"},
                                until=lambda s: "decision_deadline_escalation" in _names(s))
    assert log[-1] == "timer"
    assert now.astimezone(WARSAW).date().isoformat() > decision_due_date("2026-03-02")
    assert _names(snap) == ["decision_deadline_escalation", "draft_decision"]
    escalation = next(t for t in snap.user_tasks if t.name == "decision_deadline_escalation")
    assert escalation.lane == "Supervisor" and escalation.process == "benefit_case"
    assert escalation.title_pl == "Termin na decyzję mija/minął"
    assert escalation.due_on == decision_due_date("2026-03-02")
    assert snap.stage == "decision"
    # Both the supervisor's acknowledgement and the decision itself can go on.
    snap, _, log = drive_case(engine, definition, snap, now)
    assert snap.completed and "decision_deadline_escalation" in log


def test_decision_deadline_warning_a_week_before(engine, definition):
    snap = engine.start(definition, start_data(benefit="zasilek_okresowy"), T0)
    snap, now, log = drive_case(engine, definition, snap, T0, skip={"draft_decision"},
                                until=lambda s: "decision_deadline_warning" in _names(s))
    # Due 2026-04-02 (a Thursday): the supervisor is warned on 2026-03-26 at 08:00.
    assert now.astimezone(WARSAW).date().isoformat() == "2026-03-26"
    assert _names(snap) == ["decision_deadline_warning", "draft_decision"]
    warning = next(t for t in snap.user_tasks if t.name == "decision_deadline_warning")
    assert warning.lane == "Supervisor" and warning.due_on == "2026-04-02"
    assert "decision_deadline_escalation" not in _names(snap), "not missed yet"


def test_no_escalation_when_decided_in_time(engine, definition):
    snap = engine.start(definition, start_data(benefit="zasilek_okresowy"), T0)
    snap, _, log = drive_case(engine, definition, snap, T0)
    assert log == FULL_CASE and snap.completed
    assert "decision_deadline_escalation" not in log


def test_refusal_is_not_paid(engine, definition):
    snap = engine.start(definition, start_data(benefit="zasilek_okresowy"), T0)
    refusal = {"decision_kind": "refusal", "amount": None, "period_from": None,
               "justification": "Dochód przekracza kryterium."}
    snap, _, log = drive_case(engine, definition, snap, T0, answers={"draft_decision": refusal})
    assert snap.completed and "service:payment_schedule" not in log
    assert snap.data["decision_kind"] == "refusal" and snap.data["decision_final"] is True
    assert "next_process" not in snap.data


def test_refused_permanent_benefit_has_no_review(engine, definition):
    snap = engine.start(definition, start_data(benefit="zasilek_staly"), T0)
    refusal = {"decision_kind": "refusal", "amount": None, "period_from": None,
               "justification": "Dochód przekracza kryterium."}
    snap, _, log = drive_case(engine, definition, snap, T0, answers={"draft_decision": refusal})
    assert snap.completed and "start:benefit_review" not in log and "next_process" not in snap.data


def test_appeal_forwarded_to_sko_is_not_paid(engine, definition):
    snap = engine.start(definition, start_data(), T0)
    # Forwarded, the case waits for the SKO's ruling; quashed and discontinued, nothing is paid.
    snap, _, log = drive_case(engine, definition, snap, T0,
                              answers={"appeal_window": {"appeal_event": "appeal_filed"},
                                       "record_sko_outcome": {"sko_outcome": "quashed_discontinued"}})
    assert log[-3:] == ["appeal_window", "handle_appeal", "record_sko_outcome"] and snap.completed
    assert snap.data["decision_outcome"] == "quashed"
    assert "next_process" not in snap.data  # no review of a benefit that is not final


def test_a_decision_upheld_by_the_sko_is_paid_and_reviewed(engine, definition):
    snap = engine.start(definition, start_data(benefit="zasilek_staly"), T0)
    snap, _, log = drive_case(engine, definition, snap, T0, chain=False,
                              answers={"appeal_window": {"appeal_event": "appeal_filed"}})
    assert log[-3:] == ["handle_appeal", "record_sko_outcome", "service:payment_schedule"]
    assert snap.data["decision_outcome"] == "final" and snap.data["final_on"] == "2026-03-02"
    assert snap.data["next_process"] == "benefit_review"
