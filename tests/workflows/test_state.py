"""Instance state: compact, spec-free, version-stamped; specs cached by content hash."""

import json
import time
import zlib
from datetime import UTC, datetime, timedelta

import pytest

from app.workflow_engine import DefinitionRef, EngineError, ScriptError, TaskNotReady, WorkflowEngine
from app.workflow_engine.clock import WARSAW
from app.workflow_engine.fixtures import (
    canned_form_data,
    chained_start,
    drive_case,
    start_data,
    stub_script_functions,
)

from .conftest import MINI_FORMS, T0, CountingRef, mini_bpmn

STATE_LIMIT = 8192


def _full_case(engine, ref, record=None):
    snap = engine.start(ref, start_data(benefit="zasilek_staly"), T0)
    sizes = [len(snap.state)]
    snap, _, log = drive_case(
        engine, ref, snap, T0,
        answers={"interview_update": [{}, {}, {"continue_benefit": False}]},
        until=lambda s: sizes.append(len(s.state)) and False,
    )
    sizes.append(len(snap.state))
    return snap, sizes, log


def test_state_stays_small_through_a_full_case(engine, definition):
    snap, sizes, log = _full_case(engine, definition)
    assert snap.completed and len([step for step in log if not step.startswith("start:")]) == 17
    print(f"\nstate bytes per step: {sizes}")
    assert max(sizes) <= STATE_LIMIT


def _task_count(state: bytes) -> int:
    return len(json.loads(zlib.decompress(state))["tasks"])


def test_state_and_step_cost_stay_flat_over_twenty_review_cycles(engine, definition):
    """A zasiłek stały is reviewed every 6 months for life: an old case must cost what a young one
    does.  Each review is a fresh benefit_review instance, so nothing accumulates in the state."""
    snap = engine.start(definition, start_data(benefit="zasilek_staly"), T0)
    snap, now, _ = drive_case(engine, definition, snap, T0,
                              until=lambda s: [t.name for t in s.user_tasks] == ["interview_update"])
    sizes, tasks, seconds = [], [], []
    for _ in range(20):
        # Measured at the same point of every cycle: the interview update is ready.
        sizes.append(len(snap.state))
        tasks.append(_task_count(snap.state))
        (task,) = snap.user_tasks
        data = canned_form_data(task.name, now.astimezone(WARSAW).date().isoformat())
        started = time.perf_counter()
        done = engine.complete_user_task(definition, snap.state, task.task_id, data, now)
        following = chained_start(engine, definition, done, now)  # the same service transaction
        seconds.append(time.perf_counter() - started)
        assert following is not None and following.stage == "benefit_review"
        now = following.next_timer_at + timedelta(seconds=1)
        snap = engine.fire_timers(definition, following.state, now)
    print(f"\nstate bytes at each cycle: {sizes}\nengine ms per update: "
          f"{[round(s * 1000, 2) for s in seconds]}")
    assert len(set(tasks)) == 1, tasks  # the same task tree in every cycle
    assert max(sizes) - min(sizes) <= 64, sizes  # only dates and ids differ
    assert max(sizes) <= 2048
    assert now > T0 + timedelta(days=365 * 10)


def test_state_without_a_process_name_is_the_main_process(engine, definition):
    """States written before chained processes existed do not name their process."""
    snap = engine.start(definition, start_data(), T0)
    dct = json.loads(zlib.decompress(snap.state))
    assert dct.pop("process") == "benefit_case"
    old = zlib.compress(json.dumps(dct).encode())
    task = snap.user_tasks[0]
    after = engine.complete_user_task(definition, old, task.task_id, canned_form_data(task.name), T0)
    assert [t.name for t in after.user_tasks] == ["conduct_interview"]


def test_state_of_an_unknown_process_is_refused(engine, definition):
    snap = engine.start(definition, start_data(), T0)
    dct = json.loads(zlib.decompress(snap.state))
    dct["process"] = "no_such_process"
    with pytest.raises(EngineError, match="no_such_process"):
        engine.fire_timers(definition, zlib.compress(json.dumps(dct).encode()), T0)


def test_state_excludes_the_spec_and_carries_the_version(engine, definition):
    snap = engine.start(definition, start_data(), T0)
    assert snap.serializer_version == "1.5"
    dct = json.loads(zlib.decompress(snap.state))
    assert "spec" not in dct and "subprocess_specs" not in dct
    assert dct["v"] == "1.5" and dct["typename"] == "BpmnWorkflow"
    assert b"completeness_check" not in zlib.decompress(snap.state).split(b'"tasks"')[0]


def test_state_from_another_serializer_version_is_refused(engine, definition):
    snap = engine.start(definition, start_data(), T0)
    dct = json.loads(zlib.decompress(snap.state))
    dct["v"] = "1.4"
    with pytest.raises(EngineError, match="serializer version 1.4"):
        engine.fire_timers(definition, zlib.compress(json.dumps(dct).encode()), T0)
    with pytest.raises(EngineError, match="corrupt workflow state"):
        engine.fire_timers(definition, b"not a state", T0)


def test_spec_cache_hit_avoids_load_spec(compiled):
    engine = WorkflowEngine(stub_script_functions())
    counting = CountingRef(compiled)
    snap = engine.start(counting.ref, start_data(), T0)
    assert counting.loads == 1
    task = snap.user_tasks[0]
    snap = engine.complete_user_task(counting.ref, snap.state, task.task_id,
                                     canned_form_data(task.name), T0)
    engine.fire_timers(counting.ref, snap.state, T0)
    assert counting.loads == 1


def test_compile_primes_the_cache(sources_and_forms):
    engine = WorkflowEngine(stub_script_functions())
    sources, forms = sources_and_forms
    compiled = engine.compile(sources, "benefit_case", forms)
    counting = CountingRef(compiled)
    engine.start(counting.ref, start_data(), T0)
    assert counting.loads == 0


def test_cache_is_lru_by_content_hash(engine, sources_and_forms):
    sources, forms = sources_and_forms
    small = WorkflowEngine(stub_script_functions(), cache_size=1)
    first = CountingRef(engine.compile(sources, "intake", forms))
    second = CountingRef(engine.compile(sources, "community_interview", forms))
    assert first.compiled.content_hash != second.compiled.content_hash
    small.start(first.ref, start_data(), T0)
    small.start(first.ref, start_data(), T0)
    small.start(second.ref, start_data(), T0)
    small.start(first.ref, start_data(), T0)
    assert (first.loads, second.loads) == (2, 1)


def test_a_fresh_engine_continues_any_state(engine, definition, compiled):
    snap = engine.start(definition, start_data(), T0)
    other = WorkflowEngine(stub_script_functions())
    ref = CountingRef(compiled).ref
    task = snap.user_tasks[0]
    continued = other.complete_user_task(ref, snap.state, task.task_id, canned_form_data(task.name), T0)
    assert [t.name for t in continued.user_tasks] == ["conduct_interview"]


def test_content_hash_is_stable_and_sensitive(engine, sources_and_forms, compiled):
    sources, forms = sources_and_forms
    assert engine.compile(sources, "benefit_case", forms).content_hash == compiled.content_hash
    changed = dict(sources, **{"intake.bpmn": sources["intake.bpmn"].replace(b"Wniosek", b"Podanie")})
    assert engine.compile(changed, "benefit_case", forms).content_hash != compiled.content_hash


def test_unknown_or_finished_tasks_are_not_ready(engine, definition):
    snap = engine.start(definition, start_data(), T0)
    task = snap.user_tasks[0]
    with pytest.raises(TaskNotReady):
        engine.complete_user_task(definition, snap.state, "not-a-uuid", {}, T0)
    with pytest.raises(TaskNotReady):
        engine.complete_user_task(definition, snap.state, "00000000-0000-0000-0000-000000000000", {}, T0)
    with pytest.raises(TaskNotReady):
        engine.complete_service_task(definition, snap.state, task.task_id, {}, T0)
    after = engine.complete_user_task(definition, snap.state, task.task_id, canned_form_data(task.name), T0)
    with pytest.raises(TaskNotReady):
        engine.complete_user_task(definition, after.state, task.task_id, canned_form_data(task.name), T0)


def test_non_json_data_is_refused(engine, definition):
    with pytest.raises(EngineError, match="JSON-safe"):
        engine.start(definition, {**start_data(), "when": datetime.now(UTC)}, T0)
    with pytest.raises(ValueError, match="timezone-aware"):
        engine.start(definition, start_data(), datetime(2026, 3, 2, 9))


def test_next_timer_is_aware_utc(engine, definition):
    snap = engine.start(definition, start_data(), T0)
    # The art. 35 timer guards the interview and decision phase, not the completeness check.
    assert snap.next_timer_at is None
    task = snap.user_tasks[0]
    snap = engine.complete_user_task(definition, snap.state, task.task_id, canned_form_data(task.name), T0)
    assert snap.next_timer_at.tzinfo is UTC
    # interview due 2026-03-20 -> timer at 2026-03-21 00:00 Warsaw (CET) = 2026-03-20 23:00 UTC
    assert snap.next_timer_at == datetime(2026, 3, 20, 23, 0, tzinfo=UTC)


def test_timer_without_offset_is_refused():
    engine = WorkflowEngine(stub_script_functions())
    timer = (
        '<bpmn:boundaryEvent id="naive_timer" attachedToRef="ask" cancelActivity="false">'
        '<bpmn:timerEventDefinition><bpmn:timeDate>"2026-03-10T00:00:00"</bpmn:timeDate>'
        "</bpmn:timerEventDefinition></bpmn:boundaryEvent>"
    )
    compiled = engine.compile({"mini.bpmn": mini_bpmn(extra=timer)}, "mini", MINI_FORMS)
    ref = DefinitionRef(compiled.content_hash, lambda: compiled.spec_blob)
    with pytest.raises(ScriptError, match="explicit offset"):
        engine.start(ref, {}, T0)


def test_load_workflow_data_does_not_advance(engine, definition):
    snap = engine.start(definition, start_data(case_id=42), T0)
    data = engine.load_workflow_data(definition, snap.state, T0 + timedelta(days=400))
    assert data["case_id"] == 42 and data["decision_due"] == "2026-04-02"


def test_steps_are_fast(engine, definition):
    _full_case(engine, definition)  # warm up
    started = time.perf_counter()
    _, _, log = _full_case(engine, definition)
    per_step = (time.perf_counter() - started) / (len(log) + 1)
    print(f"\n{per_step * 1000:.2f} ms per engine call over {len(log) + 1} calls")
    assert per_step < 0.05  # generous: typically a few ms


def test_data_shadowing_a_script_function_is_refused(engine, definition):
    with pytest.raises(EngineError, match="shadow script functions"):
        engine.start(definition, {**start_data(), "timer_at": "x"}, T0)
    snap = engine.start(definition, start_data(), T0)
    with pytest.raises(EngineError, match="shadow script functions"):
        engine.complete_user_task(definition, snap.state, snap.user_tasks[0].task_id, {"today": "x"}, T0)


def test_reusing_live_workflows_gives_the_same_states_as_decoding(compiled):
    """The live-workflow cache must be invisible: a case driven with it goes through the same
    steps, with the same tasks, timers, data and state sizes, as one decoded at every step.
    (Task ids are random, so the state bytes themselves differ between runs.)"""
    cached = WorkflowEngine(stub_script_functions())
    decoding = WorkflowEngine(stub_script_functions(), live_cache_size=0)
    runs = []
    for eng in (cached, decoding):
        ref = CountingRef(compiled).ref
        seen: list[tuple] = []

        def record(s, seen=seen) -> bool:
            seen.append((tuple(t.name for t in s.user_tasks), tuple(c.operation for c in s.service_calls),
                         s.next_timer_at, s.completed, s.stage,
                         {k: v for k, v in s.data.items() if "id" not in k}))
            return False

        snap = eng.start(ref, start_data(benefit="zasilek_staly"), T0)
        final, _, log = drive_case(eng, ref, snap, T0, until=record,
                                   answers={"interview_update": [{}, {"continue_benefit": False}]})
        runs.append((seen, log, final.completed))
    assert runs[0] == runs[1]
    assert len(runs[0][1]) > 10 and runs[0][2]


def test_a_failed_call_never_reuses_a_half_changed_workflow(engine, definition):
    snap = engine.start(definition, start_data(), T0)
    task = snap.user_tasks[0]
    # Fails inside the call, after the live workflow for this state was taken from the cache.
    with pytest.raises(TaskNotReady):
        engine.complete_service_task(definition, snap.state, task.task_id, {}, T0)
    # The same state still completes normally (decoded afresh).
    after = engine.complete_user_task(definition, snap.state, task.task_id,
                                      canned_form_data(task.name), T0)
    assert [t.name for t in after.user_tasks] == ["conduct_interview"]
