"""Issue 18: what a process caches per deployed version never outlives the version.

A process keeps a definition's spec (parsed once, by content hash), its forms and content hash
(by definition id: versions are immutable) and the compiled JSON Schema validator of each form
(by definition id, form and benefit). These tests hold what that must never change: a version
deployed by another process is what the next case starts on, two versions run side by side,
each with its own forms, and a cached validator refuses exactly what a fresh one refuses."""

from __future__ import annotations

import dataclasses
import json
from typing import Any

import pytest
from sqlalchemy import select

from app.persistence.models import HumanTask, ProcessInstance
from app.services.cases import opening as cases
from app.services.definitions import deploy as definitions
from app.services.kernel.context import Actor, ServiceContext
from app.services.kernel.errors import ValidationFailed
from app.services.kernel.schema_errors import field_errors, form_validator
from app.services.workflow import worklist
from app.services.workflow.script_functions import script_functions
from app.workflow_engine import WorkflowEngine, load_sources, serialization
from tests.drive import complete_named, ready_tasks, sample_application

pytestmark = pytest.mark.embedded

OLD_TITLE = "Sprawdzenie kompletności wniosku"
NEW_TITLE = "Kontrola kompletności wniosku"


def _second_applicant(pesel: str) -> dict[str, Any]:
    return sample_application(applicant={"pesel": pesel, "first_name": "Ala", "last_name": "Nowa",
                                         "net_income": "100.00"})


def _edited_sources(ctx: ServiceContext, max_missing: int) -> tuple[dict[str, bytes], dict[str, Any]]:
    """The shipped workflows with the completeness task renamed and its list of missing items
    held to ``max_missing`` characters."""
    sources, forms = load_sources(ctx.config["WORKFLOWS_DIR"])
    edited = dict(sources)
    edited["intake.bpmn"] = sources["intake.bpmn"].replace(OLD_TITLE.encode(), NEW_TITLE.encode())
    forms = json.loads(json.dumps(forms))
    forms["completeness_check"]["properties"]["missing_items"]["maxLength"] = max_missing
    return edited, forms


def _deploy_elsewhere(ctx: ServiceContext, admin: Actor, max_missing: int) -> int:
    """Deploy from another process: its own engine and caches, so nothing of the deploy primes
    the caches of ``ctx`` (a gunicorn worker that never saw the upload)."""
    engine = WorkflowEngine(script_functions(), script_time_limit=float(ctx.config["SCRIPT_TIME_LIMIT"]))
    other = dataclasses.replace(ctx, engine=engine, cache={})
    sources, forms = _edited_sources(ctx, max_missing)
    new_id, created = definitions.deploy(other, sources, forms, admin, "renamed a task")
    assert created
    return new_id


def test_a_deploy_elsewhere_is_what_the_next_case_runs_and_both_versions_run_side_by_side(
    ctx: ServiceContext, caseworker: Actor, admin: Actor, restore_active: object,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    old_case = cases.open_case(ctx, caseworker, sample_application())  # warms every cache
    new_id = _deploy_elsewhere(ctx, admin, max_missing=40)
    decoded: list[int] = []
    real_decode = serialization.decode_specs
    monkeypatch.setattr(serialization, "decode_specs",
                        lambda blob: decoded.append(1) or real_decode(blob))

    new_case = cases.open_case(ctx, caseworker, _second_applicant("82031204563"))
    third = cases.open_case(ctx, caseworker, _second_applicant("85010112345"))
    with ctx.uow(readonly=True) as uow:
        pinned = dict(uow.session.execute(
            select(ProcessInstance.case_id, ProcessInstance.definition_id)).all())
    assert pinned[new_case] == pinned[third] == new_id and pinned[old_case] != new_id
    assert decoded == [1], "the new version's spec is restored once in this process, not per case"
    assert ready_tasks(ctx, new_case)[0].title_pl == NEW_TITLE
    assert ready_tasks(ctx, old_case)[0].title_pl == OLD_TITLE

    # Side by side, interleaved: each case advances on its own version's diagrams and forms.
    long_list = {"complete": False, "missing_items": "zaświadczenie o dochodach " * 3}
    with pytest.raises(ValidationFailed) as refused:
        complete_named(ctx, new_case, "completeness_check", caseworker, dict(long_list))
    assert "missing_items" in refused.value.errors
    complete_named(ctx, old_case, "completeness_check", caseworker, dict(long_list))
    complete_named(ctx, new_case, "completeness_check", caseworker, {"complete": True})
    assert [t.name for t in ready_tasks(ctx, new_case)] == ["conduct_interview"]
    with ctx.uow(readonly=True) as uow:
        old_next = uow.session.scalars(select(HumanTask.name).where(
            HumanTask.case_id == old_case, HumanTask.status == "ready")).all()
    assert "conduct_interview" not in old_next, "an incomplete application waits for the rest"
    assert decoded == [1]


def test_a_cached_validator_refuses_what_a_fresh_one_refuses(
    ctx: ServiceContext, caseworker: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    case_id = cases.open_case(ctx, caseworker, sample_application())
    task = ready_tasks(ctx, case_id)[0]
    monkeypatch.setattr(worklist, "_VALIDATORS", {})
    built: list[int] = []
    real = worklist.form_validator
    monkeypatch.setattr(worklist, "form_validator", lambda schema: built.append(1) or real(schema))
    wrong: list[Any] = [
        {}, {"complete": "tak"}, {"complete": False}, {"complete": False, "missing_items": ""},
        {"complete": True, "extra": 1}, {"complete": False, "missing_items": "x" * 4001},
    ]
    with ctx.uow(readonly=True) as uow:
        instance = uow.session.get(ProcessInstance, task.instance_id)
        assert instance is not None
        schema = worklist.form_schema(uow, instance.definition_id, task.form, None)
        assert schema is not None
        fresh = form_validator(schema)
        ht = uow.session.get(HumanTask, task.id)
        assert ht is not None
        for _ in range(2):  # built on the first pass, cached on the second
            for data in wrong:
                with pytest.raises(ValidationFailed) as refused:
                    worklist.validate_form(uow, instance.definition_id, ht, dict(data))
                assert refused.value.errors == field_errors(fresh.iter_errors(data)), data
            worklist.validate_form(uow, instance.definition_id, ht, {"complete": True})
    assert built == [1], "one validator per form version, built once"
