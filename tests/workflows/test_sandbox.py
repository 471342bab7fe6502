"""The script sandbox refuses known escapes and stops runaway scripts."""

import time

import pytest

from app.workflow_engine import DefinitionRef, ScriptError, WorkflowEngine
from app.workflow_engine.fixtures import stub_script_functions
from app.workflow_engine.sandbox import SandboxEnvironment, compile_script

from .conftest import MINI_FORMS, T0, mini_bpmn

ESCAPES = [
    "().__class__.__base__.__subclasses__()",
    "__import__('os')",
    "open('/etc/passwd')",
    "x._secret",
    "getattr(x, '_secret')",
    "'{0.__class__}'.format(1)",
    "add_months_date.__globals__",
    "(i for i in []).gi_frame",
    "eval('1')",
    "exec('y = 1')",
    "type(x)",
    "globals()",
    "timer_at.__code__",
]


@pytest.fixture
def env():
    return SandboxEnvironment(stub_script_functions(), time_limit=0.2)


@pytest.mark.parametrize("expression", ESCAPES)
def test_escape_expressions_are_refused(env, expression):
    with pytest.raises(ScriptError):
        env.evaluate(expression, {"x": {"a": 1}})


@pytest.mark.parametrize("expression", ESCAPES)
def test_escape_scripts_are_refused(env, expression):
    context = {"x": {"a": 1}}
    with pytest.raises(ScriptError):
        env.execute(f"result = {expression}", context)
    assert "result" not in context


def test_attribute_access_on_functions_is_refused_at_run_time(env):
    with pytest.raises(ScriptError, match="not allowed on function"):
        env.evaluate("add_months_date.real", {})


def test_infinite_loop_is_stopped_by_the_time_limit(env):
    started = time.perf_counter()
    with pytest.raises(ScriptError, match="time limit of 0.2 s exceeded"):
        env.execute("while True:\n    pass", {})
    assert time.perf_counter() - started < 2


def test_waiting_for_a_core_is_not_running_time():
    """A busy machine never fails a short script: the limit counts the thread's CPU time.

    The whitelisted function below waits 0.5 s without using the CPU, as a script does when other
    requests hold the cores; a wall-clock limit of 0.2 s would have stopped it.
    """
    functions = {**stub_script_functions(), "slow_lookup": lambda: time.sleep(0.5) or 42}
    env = SandboxEnvironment(functions, time_limit=0.2)
    context: dict = {}
    env.execute("x = slow_lookup()\ny = x + 1", context)
    assert context["y"] == 43


def test_loop_inside_comprehension_is_stopped(env):
    with pytest.raises(ScriptError, match="time limit"):
        env.execute("while True:\n    y = [i for i in range(999)]", {})


def test_try_cannot_swallow_the_time_limit(env):
    with pytest.raises(ScriptError, match="try/except is not allowed"):
        env.execute("while True:\n    try:\n        pass\n    except BaseException:\n        pass", {})


def test_power_and_classes_are_refused(env):
    with pytest.raises(ScriptError, match=r"the \*\* operator"):
        env.evaluate("10 ** 10 ** 10", {})
    with pytest.raises(ScriptError, match="class definition"):
        env.execute("class A:\n    pass", {})


def test_data_cannot_replace_builtins_or_shadow_functions(env):
    assert env.evaluate("len(x)", {"x": [1, 2], "__builtins__": {"len": "evil"}}) == 2
    with pytest.raises(ScriptError, match="shadow script functions"):
        env.evaluate("1", {"today": "2026-01-01"})
    with pytest.raises(ScriptError, match="reserved name"):
        env.execute("today = 1", {})


def test_legitimate_scripts_work(env):
    context = {"delivery_mode": "notice", "first_notice_on": "2026-03-05", "items": [1, 2]}
    env.execute(
        'if delivery_mode == "notice":\n'
        "    delivered_on = deemed_delivery_date(first_notice_on)\n"
        "total = 0\n"
        "for i in items:\n"
        "    total += i\n"
        "del items\n"
        "labels = {k: str(v) for k, v in {'a': 1}.items()}\n",
        context,
    )
    assert context == {
        "delivery_mode": "notice", "first_notice_on": "2026-03-05",
        "delivered_on": "2026-03-19", "total": 3, "i": 2, "labels": {"a": "1"},
    }
    assert env.evaluate("today()", {}) >= "2026-01-01"
    assert env.evaluate('x.get("a") == 1 and "ab".upper() == "AB"', {"x": {"a": 1}}) is True


def test_compiled_code_is_cached_by_source():
    compile_script("cache_probe = 41 + 1", "exec")
    hits = compile_script.cache_info().hits
    compile_script("cache_probe = 41 + 1", "exec")
    assert compile_script.cache_info().hits == hits + 1


def test_engine_reports_the_failing_task():
    engine = WorkflowEngine(stub_script_functions(), script_time_limit=0.1)
    compiled = engine.compile({"mini.bpmn": mini_bpmn(script="while True:\n    pass")}, "mini", MINI_FORMS)
    ref = DefinitionRef(compiled.content_hash, lambda: compiled.spec_blob)
    with pytest.raises(ScriptError) as info:
        engine.start(ref, {}, T0)
    message = str(info.value)
    assert "'run_script' (Skrypt)" in message and "process 'mini'" in message
    assert "time limit of 0.1 s exceeded" in message


def test_engine_reports_runtime_name_errors():
    engine = WorkflowEngine(stub_script_functions())
    compiled = engine.compile({"mini.bpmn": mini_bpmn(script="y = missing_variable")}, "mini", MINI_FORMS)
    ref = DefinitionRef(compiled.content_hash, lambda: compiled.spec_blob)
    with pytest.raises(ScriptError, match="NameError: name 'missing_variable' is not defined"):
        engine.start(ref, {}, T0)
