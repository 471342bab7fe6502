"""Issue 15 part 8: the migration dry run says what becomes of each task and timer of a case.

It listed the boundary timers under "now" but not under "after", so one could not tell whether
they survive. Each element before the move now has a fate (kept, moved to which task,
completed, cancelled) and each element the target adds is "new"."""

from __future__ import annotations

from typing import Any

import pytest

from app.services.cases import opening as cases
from app.services.definitions import migration
from app.services.kernel.context import Actor, ServiceContext
from tests.drive import drive, sample_application

from .test_case_lifecycle import actors
from .test_incidents import install, shipped, without_start_flow

pytestmark = pytest.mark.embedded


def _version_of_case(ctx: ServiceContext, case_id: int) -> int:
    from sqlalchemy import select

    from app.persistence.models import ProcessDefinition, ProcessInstance

    with ctx.uow(readonly=True) as uow:
        return int(uow.session.scalar(
            select(ProcessDefinition.version).join(
                ProcessInstance, ProcessInstance.definition_id == ProcessDefinition.id)
            .where(ProcessInstance.case_id == case_id)) or 0)


def test_the_dry_run_says_the_boundary_timers_are_kept(
    ctx: ServiceContext, caseworker: Actor, supervisor: Actor, admin: Actor, restore_active: None,
) -> None:
    case_id = cases.open_case(ctx, caseworker, sample_application())
    drive(ctx, case_id, actors(caseworker, supervisor),
          until=lambda ts: any(t.name == "conduct_interview" for t in ts))
    source = _version_of_case(ctx, case_id)
    sources, forms = shipped(ctx)
    renamed = sources["community_interview.bpmn"].replace(
        'name="Termin wywiadu minął"'.encode(), 'name="Termin wywiadu upłynął"'.encode())
    assert renamed != sources["community_interview.bpmn"]
    target = install(ctx, {**sources, "community_interview.bpmn": renamed}, forms, "timer renamed")

    plan = migration.migrate_instances(ctx, admin, source, target, None, True)
    (row,) = [r for r in plan["instances"] if r["case_id"] == case_id]
    assert row["outcome"] == "would_migrate", row
    timers = [e["element_id"] for e in row["elements"] if e["kind"] == "waiting"]
    assert "timer_interview_overdue" in timers and "timer_decision_deadline" in timers
    fates = {f["element_id"]: f for f in row["fates"]}
    assert set(fates) == {e["element_id"] for e in row["elements"]}, "every element has a fate"
    assert all(f["fate"] == "kept" for f in fates.values()), fates
    assert fates["conduct_interview"]["kind"] == "ready"
    # What the timer is called after the move: the target's name.
    assert fates["timer_interview_overdue"]["name"] == "Termin wywiadu upłynął"


def test_the_dry_run_says_where_a_stuck_step_moves_to(
    ctx: ServiceContext, caseworker: Actor, admin: Actor, restore_active: None,
) -> None:
    sources, forms = shipped(ctx)
    broken = install(ctx, without_start_flow(sources), forms, "start leads nowhere")
    case_id = cases.open_case(ctx, caseworker, sample_application())
    fixed = install(ctx, sources, forms, "fixed")
    plan = migration.migrate_instances(ctx, admin, broken, fixed, "start_intake", True)
    (row,) = plan["instances"]
    assert row["case_id"] == case_id
    fates = {f["element_id"]: f for f in row["fates"]}
    assert fates["start_intake"]["fate"] == "moved"
    assert [t["element_id"] for t in fates["start_intake"]["to"]] == ["completeness_check"]
    assert "completeness_check" not in fates, "a task moved to is not listed again as new"
    new = [f for f in row["fates"] if f["fate"] == "new"]
    assert all(f["element_id"] != "completeness_check" for f in new)


def test_a_timer_due_by_the_move_fires_and_the_dry_run_says_where_it_leads(
    ctx: ServiceContext, caseworker: Actor, supervisor: Actor, admin: Actor, restore_active: None,
) -> None:
    from datetime import timedelta

    case_id = cases.open_case(ctx, caseworker, sample_application())
    drive(ctx, case_id, actors(caseworker, supervisor),
          until=lambda ts: any(t.name == "conduct_interview" for t in ts))
    source = _version_of_case(ctx, case_id)
    sources, forms = shipped(ctx)
    target = install(ctx, {**sources, "community_interview.bpmn": sources["community_interview.bpmn"]
                           .replace(b"</bpmn:definitions>", b"<!-- v2 --></bpmn:definitions>")},
                     forms, "a comment in the diagram")
    clock: Any = ctx.clock
    clock.set(ctx.now() + timedelta(days=400))  # every timer of the case is due by now
    plan = migration.migrate_instances(ctx, admin, source, target, None, True)
    (row,) = [r for r in plan["instances"] if r["case_id"] == case_id]
    fates = {f["element_id"]: f for f in row["fates"]}
    overdue = fates["timer_interview_overdue"]
    assert overdue["fate"] == "moved", fates
    assert [t["element_id"] for t in overdue["to"]] == ["overdue_interview_escalation"]
    assert fates["conduct_interview"]["fate"] == "kept", "a non-interrupting timer leaves the task"
