"""Legal deadlines and timers of the case workflow, driven by the controllable clock."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from sqlalchemy import func, select

from app.persistence.models import AuditEvent, HumanTask, ProcessInstance
from app.services.case_file import view as case_view
from app.services.cases import opening as cases
from app.services.kernel.context import Actor, ServiceContext
from app.services.workflow import jobs, timers
from tests.drive import canned, complete_named, drive, ready_tasks, sample_application

from .test_case_lifecycle import actors, names

pytestmark = pytest.mark.embedded


def fire(ctx: ServiceContext, clock: Any, **delta: float) -> int:
    clock.advance(**delta)
    return timers.fire_due_timers(ctx)


def test_supplement_not_received_leaves_application_unexamined(
    ctx: ServiceContext, clock: Any, caseworker: Actor
) -> None:
    case_id = cases.open_case(ctx, caseworker, sample_application())
    complete_named(ctx, case_id, "completeness_check", caseworker,
                   {"complete": False, "missing_items": "Zaświadczenie o dochodach"})
    complete_named(ctx, case_id, "request_supplement", caseworker, canned(ctx, "request_supplement"))
    assert names(ctx, case_id) == ["record_supplement"]
    assert fire(ctx, clock, days=5) == 0, "nothing is due before the 7-day period ends"
    assert names(ctx, case_id) == ["record_supplement"]
    assert fire(ctx, clock, days=10) == 1
    case = case_view.get_case(ctx, caseworker, case_id)
    assert case["status"] == "closed" and case["outcome"] == "left_unexamined"
    with ctx.uow() as uow:
        statuses = set(uow.session.scalars(select(HumanTask.status).where(HumanTask.case_id == case_id)))
    assert "ready" not in statuses and "cancelled" in statuses


def test_supplement_received_in_time_continues(ctx: ServiceContext, clock: Any, caseworker: Actor) -> None:
    case_id = cases.open_case(ctx, caseworker, sample_application())
    complete_named(ctx, case_id, "completeness_check", caseworker, {"complete": False, "missing_items": "X"})
    complete_named(ctx, case_id, "request_supplement", caseworker, canned(ctx, "request_supplement"))
    clock.advance(days=3)
    complete_named(ctx, case_id, "record_supplement", caseworker, canned(ctx, "record_supplement"))
    # The supplemented application is checked for completeness again.
    assert names(ctx, case_id) == ["completeness_check"]
    complete_named(ctx, case_id, "completeness_check", caseworker)
    assert names(ctx, case_id) == ["conduct_interview"]
    fire(ctx, clock, days=30)
    case = case_view.get_case(ctx, caseworker, case_id)
    assert case["status"] == "open", "the expired supplement timer no longer applies"


def test_overdue_interview_escalates_to_supervisor(
    ctx: ServiceContext, clock: Any, caseworker: Actor
) -> None:
    case_id = cases.open_case(ctx, caseworker, sample_application(urgent=True))
    complete_named(ctx, case_id, "completeness_check", caseworker)
    tasks = {t.name: t for t in ready_tasks(ctx, case_id)}
    due = tasks["conduct_interview"].due_on
    assert due == date(2026, 3, 4), "urgent: 2 working days from 2026-03-02"
    assert fire(ctx, clock, days=1) == 0
    assert fire(ctx, clock, days=3) == 1
    tasks = {t.name: t for t in ready_tasks(ctx, case_id)}
    assert set(tasks) == {"conduct_interview", "overdue_interview_escalation"}
    assert tasks["overdue_interview_escalation"].role == "supervisor"


def test_decision_deadline_escalates(ctx: ServiceContext, clock: Any, caseworker: Actor) -> None:
    case_id = cases.open_case(ctx, caseworker, sample_application())
    complete_named(ctx, case_id, "completeness_check", caseworker)
    complete_named(ctx, case_id, "conduct_interview", caseworker)
    jobs.run_pending_inline(ctx)
    assert names(ctx, case_id) == ["draft_decision"]
    fire(ctx, clock, days=40)
    assert "decision_deadline_escalation" in names(ctx, case_id)


def test_appeal_window_timer_makes_decision_final(
    ctx: ServiceContext, clock: Any, caseworker: Actor, supervisor: Actor
) -> None:
    case_id = cases.open_case(ctx, caseworker, sample_application())
    drive(ctx, case_id, actors(caseworker, supervisor), until=lambda ts: ts[0].name == "appeal_window")
    assert fire(ctx, clock, days=10) == 0
    assert "appeal_window" in names(ctx, case_id)
    fire(ctx, clock, days=10)
    jobs.run_pending_inline(ctx)
    case = case_view.get_case(ctx, caseworker, case_id)
    assert case["decision"]["status"] == "final" and case["decision"]["final_on"]
    assert case["schedule"], "a final decision yields a payment schedule"


def test_permanent_benefit_interview_update_every_six_months(
    ctx: ServiceContext, clock: Any, caseworker: Actor, supervisor: Actor
) -> None:
    app = sample_application(benefit="zasilek_staly", applicant={
        "pesel": "44021404441", "first_name": "Ewa", "last_name": "Stała", "net_income": "400.00",
        "unable_to_work": True})
    case_id = cases.open_case(ctx, caseworker, app)
    drive(ctx, case_id, actors(caseworker, supervisor))
    case = case_view.get_case(ctx, caseworker, case_id)
    # The main process ended; the 6-monthly review follows it in the same instance.
    assert case["status"] == "open" and case["workflow"]["next_timer_at"]
    assert case["stage"] == "benefit_review" and case["workflow"]["status"] == "running"
    assert case["workflow"]["data"]["decision_outcome"] == "final"
    first_tasks = {t["id"]: t["status"] for t in case["tasks"]}
    assert set(first_tasks.values()) == {"completed"} and len(first_tasks) == 6
    instance_id = case["workflow"]["instance_id"]
    sizes = []
    for round_no in range(3):
        fire(ctx, clock, days=100)
        assert names(ctx, case_id) == [], f"round {round_no}: no update before 6 months"
        fire(ctx, clock, days=90)
        assert names(ctx, case_id) == ["interview_update"], f"round {round_no}"
        (update,) = ready_tasks(ctx, case_id)
        assert update.process == "benefit_review" and update.role == "caseworker"
        complete_named(ctx, case_id, "interview_update", caseworker)
        case = case_view.get_case(ctx, caseworker, case_id)
        assert case["status"] == "open" and case["stage"] == "benefit_review", f"round {round_no}"
        assert case["workflow"]["instance_id"] == instance_id, "the same instance row goes on"
        assert all(t["status"] == "completed" for t in case["tasks"]), "history stays completed"
        with ctx.uow(readonly=True) as uow:
            sizes.append(len(uow.session.scalar(
                select(ProcessInstance.state).where(ProcessInstance.id == instance_id))))
    assert max(sizes) - min(sizes) <= 64, f"the state does not grow with the case's age: {sizes}"
    complete_named_after = fire(ctx, clock, days=190)
    assert complete_named_after == 1
    complete_named(ctx, case_id, "interview_update", caseworker,
                   canned(ctx, "interview_update", continue_benefit=False))
    # The review opens a revoking decision (a benefit never stops without one) and ends.
    jobs.run_pending_inline(ctx)
    case = case_view.get_case(ctx, caseworker, case_id)
    assert case["status"] == "closed" and case["stage"] == "closed" and case["outcome"] == "final"
    assert case["workflow"]["status"] == "completed" and case["workflow"]["next_timer_at"] is None
    assert case["open_tasks"] == [] and {t["status"] for t in case["tasks"]} == {"completed"}
    assert {i["kind"] for i in case["interviews"]} == {"initial", "update"}
    assert len([i for i in case["interviews"] if i["kind"] == "update"]) == 4
    # The review itself stops nothing: the revoking decision does, once final, from its date.
    assert case["schedule"] and "cancelled" not in {s["status"] for s in case["schedule"]}
    (revocation,) = case["changes"]
    assert [e["kind"] for e in case["life"]["events"]][-2:] == ["review_ends_benefit",
                                                               "revocation_opened"]
    drive(ctx, revocation["id"], actors(caseworker, supervisor))
    change = case_view.get_case(ctx, caseworker, revocation["id"])
    assert change["decision"]["kind"] == "refusal" and change["decision"]["status"] == "final"
    assert change["workflow"]["status"] == "completed"
    schedule = case_view.get_case(ctx, caseworker, case_id)["schedule"]
    assert all(s["status"] == "cancelled" for s in schedule
               if s["month"] >= revocation["effective_from"])
    with ctx.uow(readonly=True) as uow:
        chained = uow.session.scalar(select(func.count(AuditEvent.id)).where(
            AuditEvent.case_id == case_id, AuditEvent.action == "workflow.chained"))
    assert chained == 4, "benefit_case -> review, then three reviews -> the next"


def test_unacknowledged_escalation_does_not_hold_up_the_case(
    ctx: ServiceContext, clock: Any, caseworker: Actor, supervisor: Actor
) -> None:
    app = sample_application(benefit="zasilek_staly", applicant={
        "pesel": "44021404441", "first_name": "Ewa", "last_name": "Stała", "net_income": "400.00",
        "unable_to_work": True})
    case_id = cases.open_case(ctx, caseworker, app)
    complete_named(ctx, case_id, "completeness_check", caseworker)
    complete_named(ctx, case_id, "conduct_interview", caseworker)
    jobs.run_pending_inline(ctx)
    fire(ctx, clock, days=40)
    assert "decision_deadline_escalation" in names(ctx, case_id)
    for name, actor in (("draft_decision", caseworker), ("approve_decision", supervisor),
                        ("record_delivery", caseworker), ("appeal_window", caseworker)):
        jobs.run_pending_inline(ctx)
        complete_named(ctx, case_id, name, actor)
    jobs.run_pending_inline(ctx)
    case = case_view.get_case(ctx, caseworker, case_id)
    assert case["stage"] == "benefit_review", "the permanent benefit's review follows at once"
    with ctx.uow(readonly=True) as uow:
        status = uow.session.scalar(select(HumanTask.status).where(
            HumanTask.case_id == case_id, HumanTask.name == "decision_deadline_escalation"))
    assert status == "cancelled", "the escalation is moot once the decision is final"


def test_decision_deadline_warning_then_escalation(
    ctx: ServiceContext, clock: Any, caseworker: Actor
) -> None:
    case_id = cases.open_case(ctx, caseworker, sample_application())
    complete_named(ctx, case_id, "completeness_check", caseworker)
    complete_named(ctx, case_id, "conduct_interview", caseworker)
    jobs.run_pending_inline(ctx)
    fire(ctx, clock, days=23)  # 2026-03-25: due 2026-04-02, the warning comes on 26 March
    assert names(ctx, case_id) == ["draft_decision"]
    fire(ctx, clock, days=1)
    assert names(ctx, case_id) == ["draft_decision", "decision_deadline_warning"]
    warning = next(t for t in ready_tasks(ctx, case_id) if t.name == "decision_deadline_warning")
    assert warning.role == "supervisor" and warning.due_on == date(2026, 4, 2)
    fire(ctx, clock, days=10)
    assert "decision_deadline_escalation" in names(ctx, case_id)
