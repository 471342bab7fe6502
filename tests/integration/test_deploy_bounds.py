"""Issue 19 finding 8 (part 6): every deploy check ends inside a bound, without a server error.

- A recursive call activity ran the rehearsal into gunicorn's 30 s timeout: the lint finds it,
  on the element, and nothing is rehearsed.
- A timer of 9999-12-31T23:59:59+00:00 raised OverflowError in the rehearsal (a 500).
- ``while True: pass`` was refused only after every one of 21 paths spent the script's time
  limit (24.9 s): the rehearsal stops at the first script past its limit, and the whole check has
  a time budget (``DEPLOY_CHECK_SECONDS``) after which it stops with ``check_budget``.

No test here is timed: a fake clock drives the budget, and counters show what ran.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import func, select

from app.domain.messages import Code, problem_code
from app.persistence.models import ProcessDefinition
from app.services.definitions import deploy as definitions
from app.services.kernel.context import ServiceContext
from app.web.messages import problem_text
from app.workflow_engine import rehearsal
from app.workflow_engine.budget import Budget

from .test_definitions import _token, _upload

pytestmark = pytest.mark.embedded


def _replace(old: str, new: str) -> Callable[[str], str]:
    def mutate(text: str) -> str:
        assert old in text, old
        return text.replace(old, new, 1)
    return mutate


def _versions(ctx: ServiceContext) -> int:
    with ctx.uow(readonly=True) as uow:
        return int(uow.session.scalar(select(func.count(ProcessDefinition.id))) or 0)


def _never_rehearse(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    calls: list[str] = []

    def refuse(*args: Any, **kwargs: Any) -> list[Any]:
        calls.append("rehearse")
        raise AssertionError("the rehearsal ran a recursive call activity")
    monkeypatch.setattr(definitions, "rehearse", refuse)
    return calls


def _problems(res: Any) -> list[dict[str, Any]]:
    body = res.get_json()
    return list(body.get("problems") or [])


# --- a recursive call activity --------------------------------------------------------------------

def test_finding_8_a_process_calling_itself_is_found_by_the_lint_not_by_running_it(
        ctx: ServiceContext, client: Any, flask_app: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    calls = _never_rehearse(monkeypatch)
    body = _upload(ctx, "benefit_case.bpmn",
                   _replace('calledElement="intake"', 'calledElement="benefit_case"'))
    before = _versions(ctx)
    for path in ("/api/definitions/check", "/api/definitions"):
        res = client.post(path, json=body, headers=_token(client))
        assert res.status_code in (200, 422), res.get_data(as_text=True)[:300]
        found = [p for p in _problems(res) if p["code"] == "recursive_call"]
        assert [(p["file"], p["element_id"]) for p in found] == [("benefit_case.bpmn", "call_intake")]
        assert found[0]["params"]["cycle"] == "benefit_case -> benefit_case"
        assert problem_code("recursive_call", found[0]["params"]) is Code.DEPLOY_RECURSIVE_CALL
    with flask_app.test_request_context("/"):
        assert problem_text(found[0]).startswith("Wywołanie procesu „benefit_case” prowadzi z powrotem")
    assert calls == [] and _versions(ctx) == before


def test_finding_8_a_cycle_through_another_process_is_marked_on_each_call(
        ctx: ServiceContext, client: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    calls = _never_rehearse(monkeypatch)
    body = _upload(ctx, "benefit_case.bpmn",
                   _replace('calledElement="payment"', 'calledElement="decision_change"'))
    body["sources"]["decision_change.bpmn"] = body["sources"]["decision_change.bpmn"].replace(
        'calledElement="decision"', 'calledElement="benefit_case"', 1)
    res = client.post("/api/definitions", json=body, headers=_token(client))
    assert res.status_code == 422
    found = {(p["file"], p["element_id"]): p["params"]["cycle"] for p in _problems(res)
             if p["code"] == "recursive_call"}
    assert found == {
        ("benefit_case.bpmn", "call_payment"): "benefit_case -> decision_change -> benefit_case",
        ("decision_change.bpmn", "call_change_decision"):
            "decision_change -> benefit_case -> decision_change",
    }
    assert calls == []


# --- timers out of range -----------------------------------------------------------------------------

def test_finding_8_a_timer_in_the_year_9999_is_a_coded_lint_error_not_a_500(
        ctx: ServiceContext, client: Any, flask_app: Any) -> None:
    body = _upload(ctx, "intake.bpmn", _replace("timer_at(supplement_due)", '"9999-12-31T23:59:59+00:00"'))
    for path in ("/api/definitions/check", "/api/definitions"):
        res = client.post(path, json=body, headers=_token(client))
        assert res.status_code < 500, res.get_data(as_text=True)[:300]
        found = [p for p in _problems(res) if p["code"] == "timer_out_of_range"]
        assert [(p["file"], p["element_id"]) for p in found] == [("intake.bpmn", "timer_supplement_deadline")]
    assert problem_code("timer_out_of_range", found[0]["params"]) is Code.DEPLOY_TIMER_OUT_OF_RANGE
    with flask_app.test_request_context("/"):
        assert "spoza zakresu od 1900-01-01 do 2199-12-31" in problem_text(found[0])


def test_finding_8_a_computed_timer_in_the_year_9999_is_refused_by_the_rehearsal(
        ctx: ServiceContext, client: Any) -> None:
    body = _upload(ctx, "intake.bpmn", _replace(
        "timer_at(supplement_due)", '&quot;9999-12-31T23:59:59&quot; + &quot;+00:00&quot;'))
    res = client.post("/api/definitions/check", json=body, headers=_token(client))
    assert res.status_code == 200, res.get_data(as_text=True)[:300]
    found = [p for p in _problems(res) if p["code"] == "timer_error"]
    assert found and {p["element_id"] for p in found} == {"timer_supplement_deadline"}
    assert found[0]["params"]["reason"] == "out_of_range"
    assert problem_code("timer_error", found[0]["params"]) is Code.DEPLOY_TIMER_ERROR_OUT_OF_RANGE


# --- the time budget -----------------------------------------------------------------------------------

LOOP = _replace("intake_outcome = &quot;complete&quot;",
                "while True:\n    pass\nintake_outcome = &quot;complete&quot;")


def test_finding_8_while_true_is_refused_after_one_path_not_every_path(
        ctx: ServiceContext, client: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    paths: list[str] = []
    real = rehearsal._rehearse_one

    def counted(engine: Any, specs: Any, forms: Any, scenario: Any, *args: Any) -> Any:
        paths.append(scenario.name)
        return real(engine, specs, forms, scenario, *args)
    monkeypatch.setattr(rehearsal, "_rehearse_one", counted)
    res = client.post("/api/definitions", json=_upload(ctx, "intake.bpmn", LOOP), headers=_token(client))
    assert res.status_code == 422
    assert [(p["element_id"], p["code"]) for p in _problems(res)] == [("set_complete", "script_timeout")]
    assert len(paths) == 1, paths  # was every path: 21 x the script's time limit


class SteppingClock:
    """A clock that moves `step` seconds each time it is read (from when `running` is set)."""

    def __init__(self, step: float):
        self.now, self.step, self.running = 0.0, step, True

    def __call__(self) -> float:
        if self.running:
            self.now += self.step
        return self.now


def test_finding_8_the_deploy_check_stops_when_its_budget_is_spent(
        ctx: ServiceContext, client: Any, flask_app: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    clock = SteppingClock(0.5)
    monkeypatch.setattr(definitions, "deploy_budget", lambda _ctx: Budget(10, clock))
    before = _versions(ctx)
    body = _upload(ctx, "intake.bpmn", lambda text: text)
    body["sources"]["intake.bpmn"] += "\n<!-- a new version -->"
    res = client.post("/api/definitions", json=body, headers=_token(client))
    assert res.status_code == 422, res.get_data(as_text=True)[:300]
    problems = _problems(res)
    assert [p["code"] for p in problems] == ["check_budget"]
    params = problems[0]["params"]
    assert params["seconds"] == "10" and 0 <= params["done"] < params["total"]
    assert problem_code("check_budget", params) is Code.DEPLOY_CHECK_BUDGET
    with flask_app.test_request_context("/"):
        assert problem_text(problems[0]).startswith(
            "Sprawdzanie wdrożenia przerwano po wyczerpaniu limitu 10 s")
    assert _versions(ctx) == before


def test_finding_8_the_replay_stops_inside_the_same_budget(
        ctx: ServiceContext, client: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from app.services.cases import opening as cases
    from tests.conftest import actor_for
    from tests.drive import sample_application

    for _ in range(3):
        cases.open_case(ctx, actor_for(ctx, "caseworker1"), sample_application())
    clock = SteppingClock(4.0)
    clock.running = False  # the checks before the replay take no time ...
    monkeypatch.setattr(definitions, "deploy_budget", lambda _ctx: Budget(10, clock))
    real = definitions.deploy_check.replay_recent

    def replay_on_a_slow_day(*args: Any, **kwargs: Any) -> Any:
        clock.running = True  # ... and the replay runs out of it
        return real(*args, **kwargs)
    monkeypatch.setattr(definitions.deploy_check, "replay_recent", replay_on_a_slow_day)
    res = client.post("/api/definitions/check", json=_upload(ctx, "intake.bpmn", lambda t: t),
                      headers=_token(client))
    assert res.status_code == 200
    body = res.get_json()
    assert body["problems"] == []
    stopped = body["replay"]["stopped"]
    assert stopped["code"] == "check_budget" and stopped["params"]["done"] < stopped["params"]["total"]


def test_a_timer_out_of_range_at_run_time_is_a_clear_error_that_saves_nothing(
        ctx: ServiceContext, admin: Any, caseworker: Any, restore_active: object,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The rehearsal refuses this timer; one can still compute such a moment on data no rehearsed
    path covers, so the run-time check (views.next_timer_at) is tested without the rehearsal."""
    from app.services.cases import opening as cases
    from app.services.kernel.errors import ServiceError
    from app.services.workflow import worklist
    from app.workflow_engine import load_sources
    from tests.drive import canned, complete_named, ready_tasks, sample_application

    monkeypatch.setattr(definitions, "rehearse", lambda *args, **kwargs: [])
    sources, forms = load_sources(ctx.config["WORKFLOWS_DIR"])
    sources = dict(sources)
    sources["intake.bpmn"] = sources["intake.bpmn"].replace(
        b"timer_at(supplement_due)", b"&quot;9999-12-31T23:59:59&quot; + &quot;+00:00&quot;", 1)
    definitions.deploy(ctx, sources, dict(forms), admin, "a timer computed past 2199")
    case_id = cases.open_case(ctx, caseworker, sample_application())
    complete_named(ctx, case_id, "completeness_check", caseworker,
                   {"complete": False, "missing_items": "Zaświadczenie o dochodach"})
    task = next(t for t in ready_tasks(ctx, case_id) if t.name == "request_supplement")
    with pytest.raises(ServiceError) as err:
        worklist.complete(ctx, caseworker, task.id, canned(ctx, "request_supplement"), task.version)
    assert err.value.status < 500
    again = next(t for t in ready_tasks(ctx, case_id) if t.name == "request_supplement")
    assert (again.id, again.version, again.status) == (task.id, task.version, "ready")
