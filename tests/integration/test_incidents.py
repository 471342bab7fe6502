"""Stuck cases are listed as incidents, moved to a fixed definition version, and retried."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import func, select

from app.persistence.models import AuditEvent, Job, ProcessDefinition, ProcessInstance
from app.services.case_file import view as case_view
from app.services.cases import opening as cases
from app.services.definitions import migration
from app.services.kernel.context import Actor, ServiceContext
from app.services.kernel.errors import Conflict, Forbidden
from app.services.workflow import incidents, jobs
from app.workflow_engine import DefinitionError, load_sources
from tests.drive import drive, ready_tasks, sample_application

from .test_case_lifecycle import actors

pytestmark = pytest.mark.embedded

START_FLOW = (b'<bpmn:sequenceFlow id="Flow_start_intake_completeness_check" sourceRef="start_intake" '
              b'targetRef="completeness_check" />')


def shipped(ctx: ServiceContext) -> tuple[dict[str, bytes], dict[str, dict[str, Any]]]:
    sources, forms = load_sources(ctx.config["WORKFLOWS_DIR"])
    return dict(sources), forms


def without_start_flow(sources: dict[str, bytes]) -> dict[str, bytes]:
    """The intake's start event leads nowhere: a new case is stuck before its first task."""
    intake = sources["intake.bpmn"]
    assert START_FLOW in intake
    out = b"<bpmn:outgoing>Flow_start_intake_completeness_check</bpmn:outgoing>"
    inc = b"<bpmn:incoming>Flow_start_intake_completeness_check</bpmn:incoming>"
    return {**sources, "intake.bpmn": intake.replace(START_FLOW, b"").replace(out, b"").replace(inc, b"")}


def install(ctx: ServiceContext, sources: dict[str, bytes], forms: dict[str, Any], comment: str) -> int:
    """Make a version the active one, below the deploy checks (a broken diagram on purpose).

    Deploy validation refuses diagrams like these; a version deployed before it existed is
    what this models, so the row is written as `definitions.deploy` writes it.
    """
    try:
        compiled = ctx.engine.compile(sources, "benefit_case", forms)
        user_tasks = compiled.user_tasks
        content_hash, blob = compiled.content_hash, compiled.spec_blob
    except DefinitionError:  # the engine's own checks refuse it: compile below them
        from app.workflow_engine import compiler, serialization

        parser, _ = compiler._parse(sources)
        spec = parser.get_spec("benefit_case")
        blob = serialization.encode_specs(spec, compiler.other_process_specs(parser, "benefit_case"))
        content_hash = compiler.content_hash(sources, "benefit_case", forms)
        with ctx.uow(readonly=True) as uow:
            user_tasks = uow.session.scalar(select(ProcessDefinition.user_tasks).order_by(
                ProcessDefinition.version.desc()).limit(1))
    with ctx.uow() as uow:
        version = (uow.session.scalar(select(func.max(ProcessDefinition.version))) or 0) + 1
        for d in uow.session.scalars(select(ProcessDefinition)):
            d.is_active = False
        row = ProcessDefinition(
            key="benefit_case", version=version, content_hash=content_hash,
            sources={k: v.decode() for k, v in sources.items()}, forms=forms, user_tasks=user_tasks,
            spec_blob=blob, is_active=True, comment=comment)
        uow.session.add(row)
        uow.commit()
        return version


def instance_of(ctx: ServiceContext, case_id: int) -> ProcessInstance:
    with ctx.uow(readonly=True) as uow:
        row = uow.session.scalar(select(ProcessInstance).where(ProcessInstance.case_id == case_id))
        assert row is not None
        uow.session.expunge(row)
        return row


def test_a_stuck_case_is_an_incident_moved_to_a_fixed_version_and_then_completes(
    ctx: ServiceContext, caseworker: Actor, supervisor: Actor, admin: Actor, restore_active: None
) -> None:
    sources, forms = shipped(ctx)
    broken = install(ctx, without_start_flow(sources), forms, "start leads nowhere")
    case_id = cases.open_case(ctx, caseworker, sample_application())
    assert ready_tasks(ctx, case_id) == [], "the case is silently stuck"
    instance = instance_of(ctx, case_id)

    listed = incidents.list_incidents(ctx, supervisor)
    assert [i["case_id"] for i in listed] == [case_id]
    (incident,) = listed
    assert incident["reason"] == "stuck" and incident["definition_version"] == broken
    assert incident["element_id"] == "start_intake" and incident["element_name"] == "Wniosek wpłynął"
    assert "start_intake" in incident["message"]
    assert incidents.list_incidents(ctx, admin) == listed
    with pytest.raises(Forbidden):
        incidents.list_incidents(ctx, caseworker)
    # Retrying on the broken version changes nothing: the diagram leads nowhere.
    again = incidents.retry(ctx, supervisor, instance.id)
    assert not again["resolved"] and again["incident"]["element_id"] == "start_intake"

    fixed = install(ctx, sources, forms, "fixed")
    with pytest.raises(Forbidden):
        migration.migrate_instances(ctx, supervisor, broken, fixed, None, True)
    plan = migration.migrate_instances(ctx, admin, broken, fixed, "start_intake", True)
    (row,) = plan["instances"]
    assert row["outcome"] == "would_migrate" and row["case_id"] == case_id
    assert [t["element_id"] for t in row["target_tasks"]] == ["completeness_check"]
    assert instance_of(ctx, case_id).definition_id == instance.definition_id, "a dry run moves nothing"
    assert migration.migrate_instances(ctx, admin, broken, fixed, "no_such_task", True)["instances"] == []

    done = migration.migrate_instances(ctx, admin, broken, fixed, "start_intake", False)
    assert [r["outcome"] for r in done["instances"]] == ["migrated"]
    assert [t.name for t in ready_tasks(ctx, case_id)] == ["completeness_check"]
    assert incidents.list_incidents(ctx, supervisor) == []
    with ctx.uow(readonly=True) as uow:
        audit = uow.session.execute(select(AuditEvent.user_id, AuditEvent.detail).where(
            AuditEvent.action == "instance.migrated", AuditEvent.case_id == case_id)).all()
        fixed_id = uow.session.scalar(select(ProcessDefinition.id).where(
            ProcessDefinition.version == fixed))
    assert len(audit) == 1 and audit[0].user_id == admin.id
    assert audit[0].detail["from_version"] == broken and audit[0].detail["to_version"] == fixed
    assert audit[0].detail["elements"] == ["start_intake"]
    assert audit[0].detail["target_elements"] == ["completeness_check"]
    assert "Testowy" not in str(audit[0].detail) and "75011501233" not in str(audit[0].detail)
    assert instance_of(ctx, case_id).definition_id == fixed_id

    drive(ctx, case_id, actors(caseworker, supervisor))
    case = case_view.get_case(ctx, caseworker, case_id)
    assert case["status"] == "closed", case["stage"]


def test_a_migration_is_refused_where_the_current_task_does_not_exist_in_the_target(
    ctx: ServiceContext, caseworker: Actor, admin: Actor, restore_active: None
) -> None:
    sources, forms = shipped(ctx)
    first = install(ctx, sources, forms, "as shipped")
    case_id = cases.open_case(ctx, caseworker, sample_application())
    renamed = dict(sources)
    renamed["intake.bpmn"] = sources["intake.bpmn"].replace(
        b"completeness_check", b"completeness_review").replace(
        b'value="completeness_review"', b'value="completeness_check"')
    second = install(ctx, renamed, forms, "task renamed")
    for dry_run in (True, False):
        result = migration.migrate_instances(ctx, admin, first, second, None, dry_run)
        (row,) = result["instances"]
        assert row["outcome"] == "refused" and row["case_id"] == case_id
        assert "completeness_check" in row["reason"] and "does not exist" in row["reason"]
    with ctx.uow(readonly=True) as uow:
        moved = uow.session.scalar(select(func.count(AuditEvent.id)).where(
            AuditEvent.action == "instance.migrated"))
    assert moved == 0
    assert [t.name for t in ready_tasks(ctx, case_id)] == ["completeness_check"]


def with_failing_review_gateway(sources: dict[str, bytes]) -> dict[str, bytes]:
    """The gateway after payment divides by zero: the payment job's engine steps fail."""
    case = sources["benefit_case.bpmn"]
    start = case.index(b'id="Flow_gw_review_plan_benefit_review"')
    cond = case.index(b"</bpmn:conditionExpression>", start)
    opening = case.rindex(b">", start, cond) + 1
    return {**sources, "benefit_case.bpmn": case[:opening] + b"1 / 0 == 1" + case[cond:]}


def run_jobs_keeping_failures(ctx: ServiceContext) -> None:
    """Run pending jobs as the worker would: a failure is recorded on the job."""
    with ctx.uow(readonly=True) as uow:
        ids = list(uow.session.scalars(select(Job.id).where(Job.status == "pending").order_by(Job.id)))
    for job_id in ids:
        try:
            jobs.run_job(ctx, job_id)
        except Exception as exc:  # noqa: BLE001 - as tasks/jobs.py does
            jobs.record_failure(ctx, job_id, exc)


def test_a_retry_fails_again_on_the_broken_version_and_succeeds_after_the_fix(
    ctx: ServiceContext, caseworker: Actor, supervisor: Actor, admin: Actor, restore_active: None
) -> None:
    sources, forms = shipped(ctx)
    broken = install(ctx, with_failing_review_gateway(sources), forms, "gateway divides by zero")
    case_id = cases.open_case(ctx, caseworker, sample_application())
    who = actors(caseworker, supervisor)
    for _ in range(12):
        run_jobs_keeping_failures(ctx)
        drive(ctx, case_id, who, run_jobs=False)
    instance = instance_of(ctx, case_id)
    (incident,) = incidents.list_incidents(ctx, supervisor)
    assert incident["instance_id"] == instance.id and incident["reason"] == "job_failed"
    assert incident["element_id"] == "create_payment_schedule"
    assert "ScriptError" in (incident["detail"] or ""), incident

    failed = incidents.retry(ctx, supervisor, instance.id)
    assert not failed["resolved"]
    assert failed["incident"]["reason"] == "job_failed" and "ScriptError" in failed["incident"]["detail"]

    fixed = install(ctx, sources, forms, "fixed")
    done = migration.migrate_instances(ctx, admin, broken, fixed, "create_payment_schedule", False)
    assert [r["outcome"] for r in done["instances"]] == ["migrated"]
    assert incidents.list_incidents(ctx, admin)[0]["definition_version"] == fixed, "until retried"
    ok = incidents.retry(ctx, admin, instance.id)
    assert ok == {"instance_id": instance.id, "resolved": True, "incident": None}
    assert incidents.list_incidents(ctx, supervisor) == []
    drive(ctx, case_id, who)
    assert case_view.get_case(ctx, caseworker, case_id)["status"] == "closed"
    with pytest.raises(Conflict):
        incidents.retry(ctx, supervisor, instance.id)
    with ctx.uow(readonly=True) as uow:
        retried = uow.session.scalars(select(AuditEvent.detail).where(
            AuditEvent.action == "incident.retried")).all()
    assert [d["ok"] for d in retried] == [False, True]


def test_a_timer_that_fails_marks_its_case_as_an_incident_and_does_not_stop_the_tick(
    ctx: ServiceContext, caseworker: Actor, supervisor: Actor, monkeypatch: Any
) -> None:
    from datetime import timedelta

    from app.services.workflow import timers
    from app.workflow_engine import ScriptError

    first = cases.open_case(ctx, caseworker, sample_application())
    second = cases.open_case(ctx, caseworker, sample_application(applicant={
        "pesel": "82031204563", "first_name": "Ala", "last_name": "Nowa", "net_income": "10.00"}))
    from tests.drive import complete_named

    for case_id in (first, second):  # the interview's deadline timer starts waiting
        complete_named(ctx, case_id, "completeness_check", caseworker)
    with ctx.uow(readonly=True) as uow:
        states = {c: st for c, st in uow.session.execute(
            select(ProcessInstance.case_id, ProcessInstance.state))}
        due = max(uow.session.scalars(select(ProcessInstance.next_timer_at)))
    assert due is not None
    real = ctx.engine.fire_timers

    def failing_for_first(definition: Any, state: bytes, now: Any) -> Any:
        if state == states[first]:
            # As the sandbox raises it: the script's own exception (which may hold case data)
            # is the cause, and only its type and place may reach the log and the incident.
            cause = ValueError("Testowy 75011501233")
            raise ScriptError(f"ScriptTask 'compute_x' (X) in process 'p': script failed: "
                              f"ValueError: {cause}") from cause
        return real(definition, state, now)

    monkeypatch.setattr(ctx.engine, "fire_timers", failing_for_first)
    advanced = timers.fire_due_timers(ctx, due + timedelta(minutes=1))
    assert advanced == 1, "the other case's timer still fired"
    listed = {i["case_id"]: i for i in incidents.list_incidents(ctx, supervisor)}
    assert listed[first]["reason"] == "engine_error"
    assert second not in listed
    with ctx.uow(readonly=True) as uow:
        row = uow.session.scalars(select(ProcessInstance).where(ProcessInstance.case_id == first)).one()
        assert row.status == "error" and "error id" in (row.error or "")
        assert "Testowy" not in (row.error or "") and "75011501233" not in (row.error or "")
