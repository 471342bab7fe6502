"""Each stage process on its own, through the adapter (state round-trips at every call)."""

from datetime import UTC, datetime, timedelta

import pytest

from app.workflow_engine import TaskNotReady
from app.workflow_engine.clock import WARSAW
from app.workflow_engine.fixtures import (
    appeal_deadline_date,
    canned_form_data,
    deemed_delivery_date,
    drive_case,
    final_on_date,
    interview_due_date,
    start_data,
    supplement_due_date,
    timer_at,
)

from .conftest import T0


def _names(snapshot):
    return [t.name for t in snapshot.user_tasks]


def _task(snapshot, name):
    return next(t for t in snapshot.user_tasks if t.name == name)


def _complete(engine, ref, snapshot, name, now=T0, **answers):
    task = _task(snapshot, name)
    data = canned_form_data(name, now.date().isoformat(), **answers)
    return engine.complete_user_task(ref, snapshot.state, task.task_id, data, now)


# ----------------------------------------------------------------------------- intake
def test_intake_complete_application(engine, stage_definition):
    ref = stage_definition("intake")
    snap = engine.start(ref, start_data(), T0)
    assert _names(snap) == ["completeness_check"]
    assert snap.stage == "intake"
    snap = _complete(engine, ref, snap, "completeness_check")
    assert snap.completed and snap.data["intake_outcome"] == "complete"


def test_intake_supplement_deadline_expires(engine, stage_definition):
    ref = stage_definition("intake")
    snap = engine.start(ref, start_data(), T0)
    snap = _complete(engine, ref, snap, "completeness_check", complete=False, missing_items="PIT-11")
    assert _names(snap) == ["request_supplement"]
    snap = _complete(engine, ref, snap, "request_supplement", supplement_days=7,
                     supplement_served_on="2026-03-04")
    due = supplement_due_date("2026-03-04", 7)
    record = _task(snap, "record_supplement")
    assert record.due_on == due and record.lane == "Caseworker"
    assert snap.next_timer_at == datetime.fromisoformat(timer_at(due)).astimezone(UTC)

    # Not yet: the period ends at the end of its last day.
    snap = engine.fire_timers(ref, snap.state, snap.next_timer_at - timedelta(minutes=1))
    assert _names(snap) == ["record_supplement"]
    snap = engine.fire_timers(ref, snap.state, snap.next_timer_at + timedelta(seconds=1))
    assert snap.completed and snap.user_tasks == []
    assert snap.data["intake_outcome"] == "left_unexamined"
    with pytest.raises(TaskNotReady):
        engine.complete_user_task(ref, snap.state, record.task_id, {}, T0 + timedelta(days=30))


def test_intake_supplement_received_in_time(engine, stage_definition):
    ref = stage_definition("intake")
    snap = engine.start(ref, start_data(), T0)
    snap = _complete(engine, ref, snap, "completeness_check", complete=False, missing_items="PIT-11")
    snap = _complete(engine, ref, snap, "request_supplement")
    snap = _complete(engine, ref, snap, "record_supplement", T0 + timedelta(days=3))
    assert _names(snap) == ["completeness_check"]  # the caseworker checks again
    assert snap.next_timer_at is None  # the interrupting timer went with the task
    snap = _complete(engine, ref, snap, "completeness_check", T0 + timedelta(days=3))
    assert snap.completed and snap.data["intake_outcome"] == "complete"


# ---------------------------------------------------------------- community interview
@pytest.mark.parametrize("urgent", [False, True])
def test_interview_on_time(engine, stage_definition, urgent):
    ref = stage_definition("community_interview")
    snap = engine.start(ref, start_data(urgent=urgent), T0)
    due = interview_due_date("2026-03-02", urgent)
    task = _task(snap, "conduct_interview")
    assert task.due_on == due and snap.data["interview_due"] == due
    assert snap.stage == "community_interview"
    snap = _complete(engine, ref, snap, "conduct_interview", T0 + timedelta(days=1))
    assert snap.completed
    assert snap.data["last_interview_on"] == "2026-03-03"
    assert snap.data["verified_incomes"] == [{"member_index": 0, "net_income": "512.40"}]


def test_interview_overdue_escalates_without_cancelling(engine, stage_definition):
    ref = stage_definition("community_interview")
    snap = engine.start(ref, start_data(), T0)
    interview = _task(snap, "conduct_interview")
    snap = engine.fire_timers(ref, snap.state, snap.next_timer_at + timedelta(hours=1))
    assert sorted(_names(snap)) == ["conduct_interview", "overdue_interview_escalation"]
    escalation = _task(snap, "overdue_interview_escalation")
    assert escalation.lane == "Supervisor" and escalation.due_on == snap.data["interview_due"]
    assert _task(snap, "conduct_interview").task_id == interview.task_id
    assert snap.next_timer_at is None  # fires once

    later = T0 + timedelta(days=25)
    snap = _complete(engine, ref, snap, "overdue_interview_escalation", later)
    assert not snap.completed and _names(snap) == ["conduct_interview"]
    snap = _complete(engine, ref, snap, "conduct_interview", later)
    assert snap.completed


# --------------------------------------------------------------------------- decision
def _to_appeal_window(engine, ref, **delivery):
    snap = engine.start(ref, start_data(), T0)
    snap, _, log = drive_case(
        engine, ref, snap, T0, answers={"record_delivery": delivery},
        until=lambda s: "appeal_window" in _names(s),
    )
    assert log == ["service:eligibility", "draft_decision", "approve_decision",
                   "service:decision_document", "service:payment_schedule", "record_delivery"]
    return snap


def test_decision_service_calls_and_four_eyes(engine, stage_definition):
    ref = stage_definition("decision")
    snap = engine.start(ref, start_data(case_id=7), T0)
    assert snap.user_tasks == []
    (call,) = snap.service_calls
    assert call.operation == "eligibility"
    assert call.params == {"case_id": 7, "benefit": "zasilek_staly", "application_date": "2026-03-02"}
    assert snap.stage == "decision"
    after = engine.complete_service_task(ref, snap.state, call.task_id, {"eligible": True}, T0)
    assert after.data["eligibility"] == {"eligible": True}
    with pytest.raises(TaskNotReady):  # a redelivered job is refused
        engine.complete_service_task(ref, after.state, call.task_id, {"eligible": True}, T0)
    after = _complete(engine, ref, after, "draft_decision")
    approve = _task(after, "approve_decision")
    assert approve.lane == "Supervisor" and approve.four_eyes_of == "draft_decision"


def test_decision_returned_by_supervisor_goes_back_to_draft(engine, stage_definition):
    ref = stage_definition("decision")
    snap = engine.start(ref, start_data(), T0)
    snap, _, _ = drive_case(engine, ref, snap, T0, until=lambda s: "approve_decision" in _names(s))
    snap = _complete(engine, ref, snap, "approve_decision", approval="return",
                     approval_comment="Brak uzasadnienia prawnego.")
    assert _names(snap) == ["draft_decision"]
    assert _task(snap, "draft_decision").data["approval_comment"] == "Brak uzasadnienia prawnego."
    snap = _complete(engine, ref, snap, "draft_decision")
    assert _names(snap) == ["approve_decision"]


def test_decision_waiver_makes_it_final_at_once(engine, stage_definition):
    ref = stage_definition("decision")
    snap = _to_appeal_window(engine, ref)
    assert _task(snap, "appeal_window").due_on == appeal_deadline_date("2026-03-02")
    snap = _complete(engine, ref, snap, "appeal_window", appeal_event="waiver", appeal_event_on="2026-03-03")
    assert snap.completed
    assert snap.data["decision_final"] is True and snap.data["final_on"] == "2026-03-03"
    assert snap.data["decision_outcome"] == "final"


def test_decision_appeal_window_lapses_after_deemed_delivery(engine, stage_definition):
    ref = stage_definition("decision")
    snap = _to_appeal_window(engine, ref, delivery_mode="notice", first_notice_on="2026-03-05")
    delivered = deemed_delivery_date("2026-03-05")
    assert snap.data["delivered_on"] == delivered
    assert snap.data["appeal_deadline"] == appeal_deadline_date(delivered)
    snap = engine.fire_timers(ref, snap.state, snap.next_timer_at + timedelta(seconds=1))
    assert snap.completed
    assert snap.data["decision_final"] is True
    assert snap.data["final_on"] == final_on_date(delivered)


def test_decision_appeal_forwarded_to_sko(engine, stage_definition):
    ref = stage_definition("decision")
    snap = _to_appeal_window(engine, ref)
    snap = _complete(engine, ref, snap, "appeal_window", appeal_event="appeal_filed",
                     appeal_event_on="2026-03-10")
    handle = _task(snap, "handle_appeal")
    assert handle.lane == "Supervisor" and handle.due_on == supplement_due_date("2026-03-10", 7)
    assert snap.next_timer_at is None
    snap = _complete(engine, ref, snap, "handle_appeal")
    # The process waits for the SKO's ruling (art. 138 KPA), in the supervisor's lane.
    assert not snap.completed and snap.data["decision_outcome"] == "forwarded_to_sko"
    assert snap.data["decision_final"] is False and snap.next_timer_at is None
    assert _task(snap, "record_sko_outcome").lane == "Supervisor"
    # Returned for re-examination (art. 138 § 2): the centre decides again.
    snap = _complete(engine, ref, snap, "record_sko_outcome", sko_outcome="returned")
    assert snap.data["decision_outcome"] == "returned" and not snap.completed
    assert [s.operation for s in snap.service_calls] == ["eligibility"]


def test_decision_appeal_changes_own_decision(engine, stage_definition):
    ref = stage_definition("decision")
    snap = _to_appeal_window(engine, ref)
    snap = _complete(engine, ref, snap, "appeal_window", appeal_event="appeal_filed",
                     appeal_event_on="2026-03-10")
    snap = _complete(engine, ref, snap, "handle_appeal", appeal_action="change_decision")
    assert _names(snap) == ["draft_decision"]
    snap, _, log = drive_case(engine, ref, snap, T0)
    assert log[:2] == ["draft_decision", "approve_decision"] and snap.completed
    assert snap.data["decision_outcome"] == "final"


# ---------------------------------------------------------------------------- payment
@pytest.mark.parametrize("benefit", ["zasilek_okresowy", "zasilek_staly"])
def test_payment_schedules_and_ends(engine, stage_definition, benefit):
    ref = stage_definition("payment")
    data = {**start_data(benefit=benefit), "amount": "300.00", "period_from": "2026-03-01",
            "period_to": "2026-08-31", "last_interview_on": "2026-03-02"}
    snap = engine.start(ref, data, T0)
    (call,) = snap.service_calls
    assert call.operation == "payment_schedule"
    assert call.params == {"case_id": 1, "benefit": benefit, "amount": "300.00",
                           "period_from": "2026-03-01", "period_to": "2026-08-31"}
    snap = engine.complete_service_task(ref, snap.state, call.task_id, {"schedule_id": 3}, T0)
    # No update loop here any more: the review of a zasiłek stały is benefit_review.
    assert snap.completed and snap.data["payment_schedule"] == {"schedule_id": 3}
    assert snap.next_timer_at is None and "next_process" not in snap.data


# ---------------------------------------------------------------------- benefit review
REVIEW_DATA = {"case_id": 1, "benefit": "zasilek_staly", "amount": "716.60", "period_from": "2026-03-01",
               "period_to": None, "last_interview_on": "2026-03-02", "decision_outcome": "final"}


def test_review_waits_six_months_for_the_interview_update(engine, stage_definition):
    ref = stage_definition("benefit_review")
    snap = engine.start(ref, REVIEW_DATA, T0)
    assert snap.stage == "benefit_review" and snap.user_tasks == [] and not snap.completed
    assert snap.data["next_update_on"] == "2026-09-02"
    assert snap.next_timer_at == datetime.fromisoformat(timer_at("2026-09-02")).astimezone(UTC)
    snap = engine.fire_timers(ref, snap.state, snap.next_timer_at - timedelta(minutes=1))
    assert snap.user_tasks == []
    now = (snap.next_timer_at + timedelta(seconds=1)).astimezone(WARSAW)
    snap = engine.fire_timers(ref, snap.state, now)
    update = _task(snap, "interview_update")
    assert update.lane == "Caseworker" and update.due_on == "2026-09-02"
    assert update.process == "benefit_review" and snap.stage == "benefit_review"
    snap = _complete(engine, ref, snap, "interview_update", now)
    # The caseworker continues the benefit: the review ends and names the next one.
    assert snap.completed and snap.data["last_interview_on"] == "2026-09-03"
    assert snap.data["next_process"] == "benefit_review"
    assert set(snap.data["carry"]) >= {"case_id", "benefit", "last_interview_on", "period_to"}
    assert "update_interview_on" not in snap.data["carry"]


def test_review_chain_updates_every_six_months_until_stopped(engine, stage_definition):
    ref = stage_definition("benefit_review")
    snap = engine.start(ref, REVIEW_DATA, T0)
    snap, now, log = drive_case(engine, ref, snap, T0,
                                answers={"interview_update": [{}, {}, {}, {"continue_benefit": False}]})
    assert log == ["timer", "interview_update", "start:benefit_review"] * 3 + [
        "timer", "interview_update", "service:open_revocation"]
    # Each update is recorded the day its timer fires (the day after the six months end).
    assert snap.completed and snap.data["last_interview_on"] == "2028-03-06"
    assert snap.data["next_process"] is None
    assert now > datetime(2028, 3, 2, tzinfo=UTC)


def test_chained_review_receives_only_the_carried_variables(engine, stage_definition):
    ref = stage_definition("benefit_review")
    snap = engine.start(ref, {**REVIEW_DATA, "payment_schedule": {"schedule_id": 3}}, T0)
    snap, now, _ = drive_case(engine, ref, snap, T0, chain=False)
    assert snap.data["next_process"] == "benefit_review"
    carried = {k: snap.data[k] for k in snap.data["carry"] if k in snap.data}
    following = engine.start(ref, carried, now, process_id="benefit_review")
    assert "payment_schedule" not in following.data and "update_interview_on" not in following.data
    assert following.data["last_interview_on"] == "2026-09-03"
    assert following.data["next_update_on"] == "2027-03-03"


def test_review_chain_stops_when_the_period_ends(engine, stage_definition):
    ref = stage_definition("benefit_review")
    snap = engine.start(ref, {**REVIEW_DATA, "period_to": "2027-02-28"}, T0)
    snap, _, log = drive_case(engine, ref, snap, T0)
    # 2026-09-02 is within the period, the next update (2027-03-03) would not be.
    # The period's end is the decision's own: no revoking decision is needed.
    assert log == ["timer", "interview_update"]
    assert snap.completed and snap.data["benefit_active"] is False
    assert snap.data["next_process"] is None


def test_review_of_a_period_ending_before_the_first_update_ends_at_once(engine, stage_definition):
    ref = stage_definition("benefit_review")
    snap = engine.start(ref, {**REVIEW_DATA, "period_to": "2026-08-31"}, T0)
    assert snap.completed and snap.next_timer_at is None and snap.user_tasks == []
    assert snap.data["benefit_active"] is False and snap.data["next_process"] is None


def test_a_refusal_waits_for_the_partys_comments_or_their_time(engine, stage_definition):
    """Art. 10 § 1 / 79a KPA: before a refusal is approved the party is told and has at least
    7 days to comment; approval follows the comments, or the end of that time."""
    ref = stage_definition("decision")
    refusal = {"decision_kind": "refusal", "amount": None, "period_from": None,
               "justification": "Dochód przekracza kryterium."}
    snap = engine.start(ref, start_data(), T0)
    snap, now, log = drive_case(engine, ref, snap, T0, answers={"draft_decision": refusal},
                                until=lambda s: "party_comments" in _names(s))
    assert log == ["service:eligibility", "draft_decision", "art10_notice"]
    comments = _task(snap, "party_comments")
    assert comments.due_on == "2026-03-09" and snap.data["comments_due"] == "2026-03-09"
    assert "approve_decision" not in _names(snap)
    # Nothing said: the time runs out and the draft goes to the supervisor.
    snap, now, log = drive_case(engine, ref, snap, now, skip={"party_comments"},
                                until=lambda s: "approve_decision" in _names(s))
    assert log == ["timer"] and now.astimezone(WARSAW).date().isoformat() == "2026-03-10"
    # A full grant goes straight to approval, and is scheduled at issue (art. 130 § 4 KPA).
    snap = engine.start(ref, start_data(), T0)
    snap, _, log = drive_case(engine, ref, snap, T0, until=lambda s: "record_delivery" in _names(s))
    assert log == ["service:eligibility", "draft_decision", "approve_decision",
                   "service:decision_document", "service:payment_schedule"]
