"""Issue 19 part 6: the lint finds what would run without bound, before anything runs."""

from __future__ import annotations

import pytest

from app.workflow_engine.fixtures import stub_script_functions
from app.workflow_engine.lint import lint
from app.workflow_engine.timer_range import timer_literal_problem, value_problem

HEAD = ('<?xml version="1.0" encoding="UTF-8"?>\n<bpmn:definitions '
        'xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="d" targetNamespace="t">')


def _process(pid: str, *calls: str) -> str:
    """A process: start -> call activities (in order) -> end."""
    nodes = [f'<bpmn:startEvent id="s_{pid}"><bpmn:outgoing>f_{pid}_0</bpmn:outgoing></bpmn:startEvent>']
    flows = []
    for i, called in enumerate(calls):
        nodes.append(f'<bpmn:callActivity id="call_{pid}_{i}" name="Wywołanie" calledElement="{called}">'
                     f'<bpmn:incoming>f_{pid}_{i}</bpmn:incoming>'
                     f'<bpmn:outgoing>f_{pid}_{i + 1}</bpmn:outgoing></bpmn:callActivity>')
    for i in range(len(calls) + 1):
        source = f"s_{pid}" if i == 0 else f"call_{pid}_{i - 1}"
        flows.append(f'<bpmn:sequenceFlow id="f_{pid}_{i}" sourceRef="{source}" targetRef="e_{pid}"/>'
                     if i == len(calls) else
                     f'<bpmn:sequenceFlow id="f_{pid}_{i}" sourceRef="{source}" targetRef="call_{pid}_{i}"/>')
    nodes.append(f'<bpmn:endEvent id="e_{pid}">'
                 f'<bpmn:incoming>f_{pid}_{len(calls)}</bpmn:incoming></bpmn:endEvent>')
    return f'<bpmn:process id="{pid}" isExecutable="true">{"".join(nodes + flows)}</bpmn:process>'


def _recursive(sources: dict[str, str]) -> set[tuple[str, str | None, str]]:
    return {(p.file, p.element_id, p.params["cycle"]) for p in lint(sources) if p.code == "recursive_call"}


def test_a_process_calling_itself_is_a_recursive_call() -> None:
    assert _recursive({"a.bpmn": HEAD + _process("a", "a") + "</bpmn:definitions>"}) == {
        ("a.bpmn", "call_a_0", "a -> a")}


def test_a_cycle_across_three_files_is_marked_on_each_call_of_it() -> None:
    sources = {"a.bpmn": HEAD + _process("a", "b") + "</bpmn:definitions>",
               "b.bpmn": HEAD + _process("b", "leaf", "c") + "</bpmn:definitions>",
               "c.bpmn": HEAD + _process("c", "a") + "</bpmn:definitions>",
               "leaf.bpmn": HEAD + _process("leaf") + "</bpmn:definitions>"}
    assert _recursive(sources) == {("a.bpmn", "call_a_0", "a -> b -> c -> a"),
                                   ("b.bpmn", "call_b_1", "b -> c -> a -> b"),
                                   ("c.bpmn", "call_c_0", "c -> a -> b -> c")}


def test_calling_the_same_process_twice_is_not_recursion() -> None:
    sources = {"a.bpmn": HEAD + _process("a", "leaf", "leaf") + _process("leaf") + "</bpmn:definitions>"}
    assert _recursive(sources) == set()


def test_the_shipped_diagrams_call_nothing_recursively(sources_and_forms) -> None:
    sources, forms = sources_and_forms
    assert [p for p in lint(sources, forms, list(stub_script_functions()))
            if p.code in ("recursive_call", "timer_out_of_range")] == []


@pytest.mark.parametrize(("kind", "expression"), [
    ("timeDate", '"9999-12-31T23:59:59+00:00"'),
    ("timeDate", '"0001-01-01T00:00:00+00:00"'),
    ("timeDate", '"2200-01-01T00:00:00+01:00"'),
    ("timeDate", '"+10000-01-01T00:00:00+00:00"'),
    ("timeDuration", '"P99999Y"'),
    ("timeDuration", '"P1000000D"'),
    ("timeDuration", '"PT99999999999999999999S"'),
    ("timeCycle", '"R3/9999-12-31T00:00:00+00:00/P1D"'),
    ("timeCycle", '"R3/P200Y"'),
])
def test_a_timer_literal_out_of_range_is_named(kind: str, expression: str) -> None:
    assert timer_literal_problem(kind, expression) is not None


@pytest.mark.parametrize(("kind", "expression"), [
    ("timeDate", '"2026-03-02T09:00:00+01:00"'),
    ("timeDate", "timer_at(supplement_due)"),  # computed: checked where it is evaluated
    ("timeDuration", '"P14D"'),
    ("timeDuration", '"PT1H30M"'),
    ("timeCycle", '"R3/2026-01-01T00:00:00+00:00/P1D"'),
])
def test_a_timer_in_range_or_computed_passes_the_lint(kind: str, expression: str) -> None:
    assert timer_literal_problem(kind, expression) is None


def test_an_evaluated_timer_value_is_range_checked_too() -> None:
    assert value_problem("timeDate", "9999-12-31T23:59:59-05:00") is not None  # no OverflowError
    assert value_problem("timeDate", "2026-12-31T23:59:59-05:00") is None
