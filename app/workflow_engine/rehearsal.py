"""Rehearsal and replay of a candidate definition in memory, before it is deployed.

`rehearse` runs each scripted path (every benefit on the happy path, and the main alternative
branches) the way tests/workflows drive a case: canned form data (`fixtures.canned_form_data`,
or values made from the form's schema for a task the fixtures do not know), deferred service
tasks completed with `fixtures.canned_service_result`, timers fired by moving the clock on.
Scripts and conditions run in the sandbox with the engine's own functions and time limit. What
goes wrong becomes a `Problem` naming the element:

- ``condition_error``: a gateway condition failed (e.g. a variable that is never set) or no
  branch matched;
- ``script_error`` / ``script_timeout``: a script (or pre/post-script) raised or ran too long
  (``script_error`` with reason ``memory``: it went over the sandbox's memory bound);
- ``timer_error`` / ``expression_error``: a timer expression or service parameter failed;
- ``stuck_path``: the case stops with nothing to do (no user task, service call or timer, not
  completed), or exceeds the step budget (a loop);
- ``rehearsal_error``: any other engine failure.

`replay` (:mod:`.replay`) re-runs recorded histories of real cases (their completed user tasks with the data
submitted) on a candidate and on a baseline, and reports the cases that now end differently.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from app.domain import benefits

from . import serialization
from .budget import UNLIMITED, Budget, BudgetSpent
from .fixtures import DEFAULT_DAY
from .model import CompiledDefinition
from .problems import Problem
from .rehearsal_driver import (
    MAX_STEPS,
    _morning,
    _PathFailed,
    _Run,
    _start,
    _submission,
    _task_problem,
    task_keys,
)

# Every benefit of the catalogue; the scripted paths below run on two of them, picked by what
# they are: an open-ended monthly u.p.s. benefit, and one always granted for a set period.
BENEFITS = benefits.CODES
_OPEN_ENDED = benefits.codes_where(lambda b: b.kind is benefits.Kind.MONTHLY and not b.end_required
                                   and b.period_start_parameter is None)[0]
_FIXED_TERM = benefits.codes_where(lambda b: b.end_required)[0]


@dataclass(frozen=True)
class Scenario:
    """One scripted path: start data, and answers by user task name.

    An answer is a dict merged into the canned data, or a list of dicts used in turn (the last
    repeating). Tasks in `wait` are left open while a timer can still fire (deadlines pass).
    """

    name: str
    benefit: str = _OPEN_ENDED
    answers: Mapping[str, Any] = field(default_factory=dict)
    wait: frozenset[str] = frozenset()
    process: str | None = None
    # A benefit's own path runs on the process its catalogue entry names: a candidate without
    # that process is a problem (its cases could not start), not a path to skip.
    required: bool = False

_ENDING_REVIEW = {"interview_update": [{}, {"continue_benefit": False}]}


def _answers(**answers: Any) -> dict[str, Any]:
    return {**_ENDING_REVIEW, **answers}


SCENARIOS: tuple[Scenario, ...] = (
    *(Scenario(f"{benefit}: complete application granted", benefit, _answers(),
               process=benefits.get(benefit).process, required=True) for benefit in BENEFITS),
    Scenario("incomplete application supplemented", _FIXED_TERM, _answers(
        completeness_check=[{"complete": False, "missing_items": "Zaświadczenie."}, {}])),
    Scenario("supplement not filed in time", _FIXED_TERM, _answers(
        completeness_check={"complete": False, "missing_items": "Zaświadczenie."}),
        wait=frozenset({"record_supplement"})),
    Scenario("draft returned by the approver", _FIXED_TERM, _answers(
        approve_decision=[{"approval": "return", "approval_comment": "Popraw kwotę."}, {}])),
    Scenario("appeal forwarded to SKO", _FIXED_TERM, _answers(
        appeal_window={"appeal_event": "appeal_filed"})),
    Scenario("appeal: the decision is changed", _FIXED_TERM, _answers(
        appeal_window=[{"appeal_event": "appeal_filed"}, {}],
        handle_appeal=[{"appeal_action": "change_decision"}, {}])),
    Scenario("appeal period lapses", _FIXED_TERM, _answers(), wait=frozenset({"appeal_window"})),
    Scenario("refusal", _FIXED_TERM, _answers(
        draft_decision={"decision_kind": "refusal", "amount": None, "period_from": None})),
    Scenario("deadlines pass before the interview", _OPEN_ENDED, _answers(),
             wait=frozenset({"conduct_interview"})),
    Scenario("change of a running grant", _FIXED_TERM, _answers(), process="decision_change"),
    Scenario("refusal: the party's time to comment lapses", _FIXED_TERM, _answers(
        draft_decision={"decision_kind": "refusal", "amount": None, "period_from": None}),
        wait=frozenset({"party_comments"})),
    Scenario("the SKO returns the case for re-examination", _FIXED_TERM, _answers(
        appeal_window=[{"appeal_event": "appeal_filed"}, {}],
        record_sko_outcome={"sko_outcome": "returned"})),
    Scenario("the SKO quashes and discontinues", _FIXED_TERM, _answers(
        appeal_window={"appeal_event": "appeal_filed"},
        record_sko_outcome={"sko_outcome": "quashed_discontinued"})),
    Scenario("the SKO rules on the merits", _OPEN_ENDED, _answers(
        appeal_window={"appeal_event": "appeal_filed"},
        record_sko_outcome={"sko_outcome": "changed", "sko_kind": "partial",
                            "sko_amount": "300.00", "sko_period_from": DEFAULT_DAY})),
    Scenario("revocation of a running grant", _FIXED_TERM, _answers(
        draft_decision={"decision_kind": "refusal", "amount": None, "period_from": None}),
        process="decision_change"),
    # The FA debtor procedure (art. 3-5 of the act of 7 Sep 2007): a debtor who refuses the
    # oświadczenie is found to evade, and every step after finality follows; and one who is
    # unemployed and registers.
    Scenario("FA debtor: evasion and the steps after finality", answers={
        "debtor_interview": {"declaration_received": False}}, process="fa_debtor"),
    Scenario("FA debtor: an unemployed debtor registers", answers={
        "debtor_interview": {"employed": False}}, process="fa_debtor"),
    # The Niebieska Karta procedure: the group meets twice, then closes on the violence ended.
    Scenario("Niebieska Karta: two meetings, then closed", answers={
        "nk_group_meeting": [{"decision": "continue", "next_meeting_on": DEFAULT_DAY},
                             {"decision": "close"}],
        "nk_closing": {"ground": "violence_ended", "plan_realised": True}},
        process="niebieska_karta"),
)


# ------------------------------------------------------------------------------ rehearsal
def decode(compiled: CompiledDefinition) -> tuple:
    """(spec, other process specs) of a compiled definition."""
    return serialization.decode_specs(compiled.spec_blob)


def budget_problem(budget: Budget, done: int, total: int, what: str = "paths rehearsed") -> Problem:
    """The coded problem of a deploy check stopped by its time budget (the deploy is refused)."""
    seconds = f"{budget.seconds:g}"
    return Problem("", None, "check_budget",
                   f"the deploy check stopped when its time budget of {seconds} s was spent: "
                   f"{done} of {total} {what}; simplify the scripts or split the definition",
                   params={"seconds": seconds, "done": done, "total": total})


def rehearse(
    engine,
    compiled: CompiledDefinition,
    forms: Mapping[str, dict] | None = None,
    scenarios: Sequence[Scenario] = SCENARIOS,
    budget: Budget = UNLIMITED,
) -> list[Problem]:
    """Run every scripted path of a compiled candidate; one Problem per failing path.

    Stops at the first script that runs past its time limit (every later path through it would
    spend the limit again: ``while True: pass`` took 21 paths x 1 s) and when `budget` is spent
    (then a ``check_budget`` problem refuses the deploy).
    """
    specs = decode(compiled)
    problems: list[Problem] = []
    chosen = [s for s in scenarios if s.process is None or s.required or s.process == specs[0].name
              or s.process in specs[1]]  # a process the candidate lacks: nothing to rehearse
    for done, scenario in enumerate(chosen):
        try:
            budget.check()
            problem = _rehearse_one(engine, specs, forms or {}, scenario, budget)
        except BudgetSpent:
            problems.append(budget_problem(budget, done, len(chosen)))
            break
        if problem is not None and not any(
                (p.file, p.element_id, p.code) == (problem.file, problem.element_id, problem.code)
                for p in problems):
            problems.append(problem)
        if problem is not None and problem.code == "script_timeout":
            break
    return problems


def _rehearse_one(engine, specs: tuple, forms: Mapping[str, dict], scenario: Scenario,
                  budget: Budget = UNLIMITED) -> Problem | None:
    seen: Counter[str] = Counter()
    try:
        run = _Run(specs, engine.script_engine, forms, _start(scenario.benefit), scenario.process,
                   _morning(DEFAULT_DAY), scenario.name, budget)
        for _ in range(MAX_STEPS):
            budget.check()
            if run.is_completed():
                if run.follow_chain():
                    continue
                return None
            tasks = run.ready_user_tasks()
            chosen = [t for t in tasks if scenario.wait.isdisjoint(task_keys(t))]
            if not chosen and tasks and run.next_timer() is None:
                chosen = tasks  # nothing left to wait for: the waited task is done now
            if chosen:
                task = chosen[0]
                keys = task_keys(task)
                name = next((k for k in keys if k in scenario.answers), keys[-1])
                answer = scenario.answers.get(name, {})
                if isinstance(answer, list):
                    answer = answer[min(seen[name], len(answer) - 1)] if answer else {}
                seen[name] += 1
                run.complete_user_task(task, _submission(run, task, dict(answer)))
            elif (service := run.started_service()) is not None:
                run.complete_service(service)
            elif not run.fire_next_timer():
                return run.stuck()
        return _task_problem(
            run.last, "stuck_path", f"the path '{scenario.name}' takes more than {MAX_STEPS} steps "
            "(a loop?)", scenario=scenario.name, reason="step_budget") if run.last is not None else None
    except _PathFailed as failed:
        return failed.problem
