"""What an admin's diagram can make the server do is bounded: a script's memory (a problem at
deploy, a clear error or an incident at run time) and a form pattern's matching time (RE2)."""

from __future__ import annotations

import json
import time
from typing import Any

import pytest
from sqlalchemy import select

from app.domain.messages import Code, problem_code
from app.persistence.models import ProcessInstance
from app.services.cases import opening as cases
from app.services.definitions import deploy as definitions
from app.services.kernel.context import Actor, ServiceContext
from app.services.kernel.errors import ServiceError, ValidationFailed
from app.services.workflow import incidents, timers, worklist
from app.web.messages import problem_text
from app.workflow_engine import load_sources
from tests.drive import canned, complete_named, ready_tasks, sample_application
from tests.workflows.test_sandbox_memory import peak_rss, reset_peak

from .test_definitions import _token, _upload

pytestmark = pytest.mark.embedded

MB = 1024 * 1024
HUGE = 'x = &quot;a&quot; * 1500000000\n'
LEFT_UNEXAMINED = b"intake_outcome = &quot;left_unexamined&quot;"


def _shipped(ctx: ServiceContext) -> tuple[dict[str, bytes], dict[str, Any]]:
    sources, forms = load_sources(ctx.config["WORKFLOWS_DIR"])
    return dict(sources), json.loads(json.dumps(forms))


# --- scripts -------------------------------------------------------------------------------------

def test_deploy_refuses_a_script_that_would_take_gigabytes(ctx: ServiceContext, client: Any,
                                                          flask_app: Any) -> None:
    body = _upload(ctx, "intake.bpmn", lambda text: text.replace(
        "intake_outcome = &quot;complete&quot;", HUGE + "intake_outcome = &quot;complete&quot;", 1))
    reset_peak()
    before, started = peak_rss(), time.perf_counter()
    res = client.post("/api/definitions/check", json=body, headers=_token(client))
    elapsed, after = time.perf_counter() - started, peak_rss()
    assert res.status_code < 500
    problems = [p for p in res.get_json()["problems"] if p["code"] == "script_error"]
    assert problems and all(p["element_id"] == "set_complete" for p in problems)
    assert problems[0]["params"]["reason"] == "memory"
    assert "memory limit" in problems[0]["message"]
    assert problem_code("script_error", problems[0]["params"]) is Code.DEPLOY_SCRIPT_MEMORY
    with flask_app.test_request_context("/"):
        assert problem_text(problems[0]).startswith("Skrypt przekroczył limit pamięci na ścieżce")
    if before is not None and after is not None:
        assert after - before < 100 * MB, f"peak RSS grew by {(after - before) / MB:.0f} MB"
    assert elapsed < 60


def test_a_script_over_the_memory_bound_at_run_time_is_a_clear_error_and_loses_nothing(
    ctx: ServiceContext, caseworker: Actor, admin: Actor, restore_active: object,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The rehearsal refuses this script at deploy (above); a script can still go over the bound
    # on data no rehearsed path covers, so the run-time handling is tested without it.
    monkeypatch.setattr(definitions, "rehearse", lambda *args, **kwargs: [])
    sources, forms = _shipped(ctx)
    sources["intake.bpmn"] = sources["intake.bpmn"].replace(
        b"intake_outcome = &quot;complete&quot;", HUGE.encode() + b"intake_outcome = 1", 1)
    definitions.deploy(ctx, sources, forms, admin, "a script that allocates 1.5 GB")
    case_id = cases.open_case(ctx, caseworker, sample_application())
    task = ready_tasks(ctx, case_id)[0]
    reset_peak()
    before, started = peak_rss(), time.perf_counter()
    with pytest.raises(ServiceError) as err:
        worklist.complete(ctx, caseworker, task.id, canned(ctx, task.name), task.version)
    elapsed, after = time.perf_counter() - started, peak_rss()
    assert err.value.status < 500 and "set_complete" in err.value.message
    assert elapsed < 5
    if before is not None and after is not None:
        assert after - before < 100 * MB, f"peak RSS grew by {(after - before) / MB:.0f} MB"
    again = ready_tasks(ctx, case_id)[0]
    assert (again.id, again.version, again.status) == (task.id, task.version, "ready")


def test_a_timer_script_over_the_memory_bound_makes_the_case_an_incident(
    ctx: ServiceContext, caseworker: Actor, admin: Actor, supervisor: Actor, clock: Any,
    restore_active: object, monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(definitions, "rehearse", lambda *args, **kwargs: [])
    sources, forms = _shipped(ctx)
    assert LEFT_UNEXAMINED in sources["intake.bpmn"]
    sources["intake.bpmn"] = sources["intake.bpmn"].replace(
        LEFT_UNEXAMINED, HUGE.encode() + LEFT_UNEXAMINED, 1)
    definitions.deploy(ctx, sources, forms, admin, "the supplement timer's script allocates 1.5 GB")
    case_id = cases.open_case(ctx, caseworker, sample_application())
    complete_named(ctx, case_id, "completeness_check", caseworker,
                   {"complete": False, "missing_items": "Zaświadczenie o dochodach"})
    complete_named(ctx, case_id, "request_supplement", caseworker, canned(ctx, "request_supplement"))
    clock.advance(days=15)
    reset_peak()
    before = peak_rss()
    timers.fire_due_timers(ctx)
    after = peak_rss()
    if before is not None and after is not None:
        assert after - before < 100 * MB, f"peak RSS grew by {(after - before) / MB:.0f} MB"
    listed = {i["case_id"]: i for i in incidents.list_incidents(ctx, supervisor)}
    assert listed[case_id]["reason"] == "engine_error"
    with ctx.uow(readonly=True) as uow:
        status, error = uow.session.execute(select(ProcessInstance.status, ProcessInstance.error)
                                            .where(ProcessInstance.case_id == case_id)).one()
    assert status == "error" and "error id" in (error or "")


# --- form patterns ---------------------------------------------------------------------------------

def _with_reference_pattern(forms: dict[str, Any], pattern: str) -> dict[str, Any]:
    forms["completeness_check"]["properties"]["reference"] = {"type": "string", "pattern": pattern}
    return forms


def test_a_nested_quantifier_is_matched_in_linear_time_at_task_completion(
    ctx: ServiceContext, caseworker: Actor, admin: Actor, restore_active: object,
) -> None:
    """`^(a+)+$` takes Python's re 40 s on 30 characters; RE2 answers at once, so it is allowed."""
    sources, forms = _shipped(ctx)
    definitions.deploy(ctx, sources, _with_reference_pattern(forms, "^(a+)+$"), admin,
                       "a nested quantifier")  # the rehearsal and every deploy check pass
    case_id = cases.open_case(ctx, caseworker, sample_application())
    task = ready_tasks(ctx, case_id)[0]
    for length in (30, 1000, 100_000):
        started = time.perf_counter()
        with pytest.raises(ValidationFailed) as err:
            worklist.complete(ctx, caseworker, task.id,
                              {"complete": True, "reference": "a" * length + "!"}, task.version)
        elapsed = time.perf_counter() - started
        assert err.value.status == 422 and "reference" in err.value.errors
        assert elapsed < 0.5, f"{length} characters took {elapsed:.2f} s"
    started = time.perf_counter()
    worklist.complete(ctx, caseworker, task.id, {"complete": True, "reference": "a" * 100_000},
                      task.version)
    assert time.perf_counter() - started < 5
    assert [t.name for t in ready_tasks(ctx, case_id)] == ["conduct_interview"]


@pytest.mark.parametrize(("pattern", "reason", "polish"), [
    ("^(x)\\1$", "pattern_unsupported", "odwołań wstecznych"),
    ("^(?=a)a$", "pattern_unsupported", "asercji"),
    ("a" * 301, "pattern_too_long", "jest za długi"),
])
def test_a_pattern_re2_cannot_run_is_refused_at_deploy_with_its_message(
    ctx: ServiceContext, client: Any, flask_app: Any, admin: Actor, pattern: str, reason: str,
    polish: str,
) -> None:
    body = _upload(ctx, "intake.bpmn", lambda text: text)
    _with_reference_pattern(body["forms"], pattern)
    res = client.post("/api/definitions/check", json=body, headers=_token(client))
    assert res.status_code < 500
    problems = [p for p in res.get_json()["problems"] if p["code"] == "invalid_form_schema"]
    assert [p["params"]["reason"] for p in problems] == [reason]
    assert problems[0]["params"]["form"] == "completeness_check"
    with flask_app.test_request_context("/"):
        text = problem_text(problems[0])
    assert polish in text and "completeness_check" in text
    sources, forms = _shipped(ctx)
    with pytest.raises(ValidationFailed):
        definitions.deploy(ctx, sources, _with_reference_pattern(forms, pattern), admin)
