"""Deployed definitions are immutable versions; running cases stay on the version they began."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.persistence.models import ProcessDefinition, ProcessInstance
from app.services import cases, definitions
from app.services.context import Actor, ServiceContext
from app.services.errors import ValidationFailed
from app.workflow_engine import load_sources
from tests.drive import complete_named, ready_tasks, sample_application

pytestmark = pytest.mark.embedded


@pytest.fixture
def restore_active(ctx: ServiceContext) -> object:
    """Put the shipped definition back as the active one after the test."""
    with ctx.uow(readonly=True) as uow:
        original = uow.session.scalar(select(ProcessDefinition.id).where(ProcessDefinition.is_active))
    yield original
    with ctx.uow() as uow:
        for d in uow.session.scalars(select(ProcessDefinition)):
            d.is_active = d.id == original
        uow.commit()


def test_new_version_leaves_running_cases_alone(
    ctx: ServiceContext, caseworker: Actor, admin: Actor, restore_active: object
) -> None:
    old_case = cases.open_case(ctx, caseworker, sample_application())
    sources, forms = load_sources(ctx.config["WORKFLOWS_DIR"])
    edited = dict(sources)
    edited["intake.bpmn"] = sources["intake.bpmn"].replace(
        "Sprawdzenie kompletności wniosku".encode(), "Kontrola kompletności wniosku".encode())
    new_id, created = definitions.deploy(ctx, edited, forms, admin, "renamed a task")
    assert created
    again_id, created_again = definitions.deploy(ctx, edited, forms, admin, "same again")
    assert (again_id, created_again) == (new_id, False), "identical content makes no new version"

    new_case = cases.open_case(ctx, caseworker, sample_application(
        applicant={"pesel": "82031204563", "first_name": "Ala", "last_name": "Nowa",
                   "net_income": "100.00"}))
    assert ready_tasks(ctx, new_case)[0].title_pl == "Kontrola kompletności wniosku"
    assert ready_tasks(ctx, old_case)[0].title_pl == "Sprawdzenie kompletności wniosku"
    with ctx.uow(readonly=True) as uow:
        pinned = dict(uow.session.execute(
            select(ProcessInstance.case_id, ProcessInstance.definition_id)).all())
    assert pinned[new_case] == new_id and pinned[old_case] != new_id
    # The old case keeps running on its own version.
    complete_named(ctx, old_case, "completeness_check", caseworker)
    assert [t.name for t in ready_tasks(ctx, old_case)] == ["conduct_interview"]


@pytest.mark.parametrize(("name", "mutate", "expect"), [
    ("malformed XML", lambda s: s[: len(s) // 2], "intake.bpmn"),
    ("unknown form", lambda s: s.replace(b'value="completeness_check"', b'value="no_such_form"', 1),
     "no_such_form"),
    ("script syntax error", lambda s: s.replace(b"intake_outcome = ", b"intake_outcome = = ", 1),
     "intake"),
])
def test_broken_upload_is_refused_and_nothing_changes(
    ctx: ServiceContext, admin: Actor, name: str, mutate: object, expect: str
) -> None:
    sources, forms = load_sources(ctx.config["WORKFLOWS_DIR"])
    broken = dict(sources)
    broken["intake.bpmn"] = mutate(sources["intake.bpmn"])  # type: ignore[operator]
    with ctx.uow(readonly=True) as uow:
        before = uow.session.scalars(select(ProcessDefinition.id).order_by(ProcessDefinition.id)).all()
    with pytest.raises(ValidationFailed) as err:
        definitions.deploy(ctx, broken, forms, admin)
    text = " ".join(err.value.errors.values())
    assert expect in text, (name, text)
    with ctx.uow(readonly=True) as uow:
        after = uow.session.scalars(select(ProcessDefinition.id).order_by(ProcessDefinition.id)).all()
    assert before == after


def test_a_script_failing_at_run_time_is_a_clear_error_and_loses_nothing(
    ctx: ServiceContext, caseworker: Actor, admin: Actor, restore_active: object
) -> None:
    from app.services import worklist
    from app.services.errors import ServiceError
    from tests.drive import canned

    sources, forms = load_sources(ctx.config["WORKFLOWS_DIR"])
    broken = dict(sources)
    broken["intake.bpmn"] = sources["intake.bpmn"].replace(
        b"intake_outcome = &quot;complete&quot;", b"intake_outcome = 1 / 0", 1)
    definitions.deploy(ctx, broken, forms, admin, "a script that divides by zero")
    case_id = cases.open_case(ctx, caseworker, sample_application())
    task = ready_tasks(ctx, case_id)[0]
    with pytest.raises(ServiceError) as err:
        worklist.complete(ctx, caseworker, task.id, canned(ctx, task.name), task.version)
    assert err.value.status < 500 and "set_complete" in err.value.message
    # Nothing was lost: the task is still open at the same version, ready to retry after a fix.
    again = ready_tasks(ctx, case_id)[0]
    assert (again.id, again.version, again.status) == (task.id, task.version, "ready")
