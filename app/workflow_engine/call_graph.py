"""Recursive call activities, found in the XML before anything runs.

A process that calls itself, directly or through other processes (``a`` calls ``b``, ``b`` calls
``a``), starts a new sub-workflow at every call: a rehearsal or a case never reaches a wait state,
and the deploy check used to run until the web worker was killed. Spiff accepts such diagrams, so
this pass reads every ``callActivity`` of every file, builds the graph process -> called process
and reports each call activity that lies on a cycle (``recursive_call``, on the element).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping

from lxml import etree

from .problems import Problem

BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL"
_B = "{" + BPMN + "}"


def _calls(roots: Mapping[str, etree._Element]) -> list[tuple[str, str, str, etree._Element]]:
    """(file, calling process id, called process id, the callActivity element) for every call."""
    out = []
    for file, root in sorted(roots.items()):
        for process in root.iterfind(f"{_B}process"):
            caller = process.get("id")
            for call in process.iter(f"{_B}callActivity"):
                called = (call.get("calledElement") or "").strip()
                if caller and called:
                    out.append((file, caller, called, call))
    return out


def _reaches(graph: Mapping[str, set[str]], start: str, goal: str) -> list[str] | None:
    """A path of process ids from `start` to `goal` (iterative, each process visited once)."""
    stack: list[tuple[str, list[str]]] = [(start, [start])]
    seen: set[str] = set()
    while stack:
        node, path = stack.pop()
        if node == goal:
            return path
        if node in seen:
            continue
        seen.add(node)
        stack.extend((nxt, [*path, nxt]) for nxt in sorted(graph.get(node, ())))
    return None


def recursive_calls(roots: Mapping[str, etree._Element]) -> list[Problem]:
    """One ``recursive_call`` problem per call activity whose called process leads back to the caller."""
    calls = _calls(roots)
    graph: dict[str, set[str]] = defaultdict(set)
    for _file, caller, called, _el in calls:
        graph[caller].add(called)
    problems = []
    for file, caller, called, call in calls:
        path = _reaches(graph, called, caller)
        if path is None:
            continue
        cycle = " -> ".join([caller, *path])
        name = call.get("name") or None
        label = f"bpmn:callActivity '{call.get('id')}'" + (f" ({name})" if name else "")
        problems.append(Problem(
            file, call.get("id"), "recursive_call",
            f"{file}: {label}: calling process '{called}' leads back to '{caller}' ({cycle}); "
            "a process may not call itself, directly or through another process",
            name, {"called": called, "cycle": cycle}))
    return problems
