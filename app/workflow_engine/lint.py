"""Structural lint of BPMN sources before deploy: pure, no database, no engine.

Spiff accepts diagrams that cannot work: a deleted sequence flow leaves a task whose token goes
nowhere, a deleted gateway leaves flows pointing at nothing, a branch without a condition is
taken at random. Each finding is a `Problem` naming the file and element, with a stable code:

- ``unreachable``: no path from a start event (boundary events count from their activity, an
  event subprocess from its parent scope);
- ``dead_end``: a flow node other than an end event without an outgoing sequence flow;
- ``no_path_to_end``: every path from the node loops forever (no end event, no dead end);
- ``no_start_event``: a process or subprocess without a start event;
- ``gateway_branch_without_condition``: an outgoing flow of an exclusive or inclusive gateway
  with several outgoing flows that has no condition and is not the default;
- ``gateway_without_default``: such a gateway whose every branch has a condition but none is
  the default, so a case that matches none stops with an error;
- ``gateway_default_invalid``: the default names a flow that does not leave the gateway;
- ``dangling_flow``: a sequence flow whose source or target is missing (or in another scope);
- ``duplicate_flow``: a second flow with the same source and target;
- ``duplicate_id``: an id used by more than one element;
- ``user_task_without_lane``, ``user_task_without_form``, ``unknown_form``;
- ``timer_invalid``: a timer without an expression, or one the sandbox refuses or that calls
  a function scripts may not call;
- ``timer_out_of_range``: a timer whose literal date or duration lies outside the years
  TIMER_YEARS (``9999-12-31T23:59:59+00:00`` overflowed the rehearsal's clock);
- ``recursive_call``: a call activity whose called process calls back its caller, directly or
  through other processes (call_graph.py);
- ``malformed_xml``.
"""

from __future__ import annotations

from collections import Counter, defaultdict, deque
from collections.abc import Iterable, Mapping
from typing import Any

from lxml import etree

from .call_graph import recursive_calls
from .compiler import code_problem, encode_sources, parse_xml
from .problems import Problem
from .sandbox import SAFE_BUILTINS
from .timer_range import EARLIEST, LATEST, timer_literal_problem

BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL"
SPIFF = "http://spiffworkflow.org/bpmn/schema/1.0/core"
_B = "{" + BPMN + "}"

FLOW_NODES = frozenset({
    "startEvent", "endEvent", "intermediateCatchEvent", "intermediateThrowEvent", "boundaryEvent",
    "task", "userTask", "scriptTask", "serviceTask", "manualTask", "sendTask", "receiveTask",
    "businessRuleTask", "callActivity", "subProcess", "transaction", "adHocSubProcess",
    "exclusiveGateway", "parallelGateway", "inclusiveGateway", "eventBasedGateway", "complexGateway",
})
_SCOPES = frozenset({"subProcess", "transaction", "adHocSubProcess"})
_CONDITIONAL_GATEWAYS = frozenset({"exclusiveGateway", "inclusiveGateway"})
_TIMER_CHILDREN = ("timeDate", "timeDuration", "timeCycle")


def lint(
    sources: Mapping[str, bytes | str],
    forms: Mapping[str, dict] | None = None,
    functions: Iterable[str] | None = None,
) -> list[Problem]:
    """Every structural problem of the sources, file by file, in document order.

    `forms` (None: do not check form names) are the uploaded JSON Schemas by name; `functions`
    the script functions timers may call (with `today` and the sandbox's safe builtins; None:
    do not check the names a timer calls, only that the sandbox compiles it).
    """
    allowed = None if functions is None else set(functions) | {"today"} | set(SAFE_BUILTINS)
    problems: list[Problem] = []
    roots = {}
    for name, raw in sorted(encode_sources(sources).items()):
        root, problem = parse_xml(name, raw)
        if problem is not None:
            problems.append(problem)
            continue
        roots[name] = root
        problems.extend(_lint_document(name, root, forms, allowed))
    problems.extend(recursive_calls(roots))  # across files: a calls b, b calls a
    return problems


def _local(el) -> str:
    return etree.QName(el).localname if isinstance(el.tag, str) else ""


def _is_bpmn(el, *names: str) -> bool:
    return isinstance(el.tag, str) and el.tag.startswith(_B) and (not names or _local(el) in names)


def _label(el) -> str:
    name = el.get("name")
    return f"bpmn:{_local(el)} '{el.get('id')}'" + (f" ({name})" if name else "")


class _Doc:
    """One file: its elements by id and a problem factory naming file and element."""

    def __init__(self, file: str, root):
        self.file = file
        self.root = root
        self.by_id: dict[str, Any] = {}
        for el in root.iter():
            if _is_bpmn(el) and el.get("id") and el.get("id") not in self.by_id:
                self.by_id[el.get("id")] = el
        self.problems: list[Problem] = []

    def add(self, el, code: str, text: str, **params: Any) -> None:
        self.problems.append(Problem(self.file, el.get("id"), code, f"{self.file}: {_label(el)}: {text}",
                                     el.get("name") or None, params))


def _lint_document(file: str, root, forms, allowed: set[str] | None) -> list[Problem]:
    doc = _Doc(file, root)
    ids = Counter(el.get("id") for el in root.iter() if _is_bpmn(el) and el.get("id"))
    for dup, count in ids.items():
        if count > 1:
            doc.problems.append(Problem(
                file, dup, "duplicate_id",
                f"{file}: id '{dup}' is used by {count} elements (ids must be unique)",
                params={"count": count}))
    for process in root.iterfind(f"{_B}process"):
        _lint_scope(doc, process)
        _lint_user_tasks(doc, process, forms)
    for event in root.iter(f"{_B}timerEventDefinition"):
        _lint_timer(doc, event, allowed)
    return doc.problems


def _lint_scope(doc: _Doc, scope) -> None:
    """Flows, gateways and reachability of one process or subprocess (then of its subprocesses)."""
    nodes = {el.get("id"): el for el in scope if _is_bpmn(el, *FLOW_NODES) and el.get("id")}
    outgoing: dict[str, list] = defaultdict(list)
    incoming: dict[str, list] = defaultdict(list)
    seen_pairs: dict[tuple[str, str], str] = {}
    for flow in scope:
        if not _is_bpmn(flow, "sequenceFlow"):
            continue
        source, target = flow.get("sourceRef"), flow.get("targetRef")
        bad = [(end, ref) for end, ref in (("sourceRef", source), ("targetRef", target)) if ref not in nodes]
        if bad:
            end, ref = bad[0]
            where = "does not exist" if ref not in doc.by_id else "is not a flow node of the same process"
            doc.add(flow, "dangling_flow", f"{end} '{ref}' {where}", end=end, ref=ref)
            continue
        pair = (source, target)
        if pair in seen_pairs:
            doc.add(flow, "duplicate_flow",
                    f"duplicates sequence flow '{seen_pairs[pair]}' from '{source}' to '{target}'",
                    duplicate_of=seen_pairs[pair], source=source, target=target)
            continue
        seen_pairs[pair] = flow.get("id")
        outgoing[source].append(flow)
        incoming[target].append(flow)

    for node_id, node in nodes.items():
        if _local(node) in _CONDITIONAL_GATEWAYS:
            _lint_gateway(doc, node, outgoing[node_id])

    _lint_paths(doc, scope, nodes, outgoing)
    for node in nodes.values():
        if _local(node) in _SCOPES:
            _lint_scope(doc, node)


def _lint_gateway(doc: _Doc, gateway, flows: list) -> None:
    default = gateway.get("default")
    flow_ids = {f.get("id") for f in flows}
    if default and default not in flow_ids:
        doc.add(gateway, "gateway_default_invalid",
                f"default flow '{default}' does not leave this gateway", default=default)
    if len(flows) < 2:
        return
    conditioned = 0
    for flow in flows:
        condition = flow.find(f"{_B}conditionExpression")
        has_condition = condition is not None and (condition.text or "").strip()
        if has_condition:
            conditioned += 1
        elif flow.get("id") != default:
            doc.add(flow, "gateway_branch_without_condition",
                    f"leaves gateway '{gateway.get('id')}' without a condition and is not its default "
                    "flow (add a condition or make it the default)",
                    gateway=gateway.get("id"), gateway_name=gateway.get("name"))
    if conditioned == len(flows) and not (default and default in flow_ids) \
            and _local(gateway) == "exclusiveGateway":
        doc.add(gateway, "gateway_without_default",
                "every outgoing flow has a condition but none is the default: a case matching no "
                "condition would stop with an error")


def _event_kinds(node) -> set[str]:
    return {_local(child) for child in node if _local(child).endswith("EventDefinition")}


def _link_name(node) -> str | None:
    link = node.find(f"{_B}linkEventDefinition")
    return link.get("name") if link is not None else None


def _lint_paths(doc: _Doc, scope, nodes: dict, outgoing: dict[str, list]) -> None:
    """Every node reachable from a start event and able to reach an end event."""
    succ: dict[str, set[str]] = defaultdict(set)
    for source, flows in outgoing.items():
        succ[source].update(f.get("targetRef") for f in flows)
    roots: set[str] = set()
    exempt_end: set[str] = set()  # nodes that need no outgoing flow
    catches: dict[str, list[str]] = defaultdict(list)
    for node_id, node in nodes.items():
        kind = _local(node)
        if kind == "startEvent":
            roots.add(node_id)
        if kind == "boundaryEvent" and node.get("attachedToRef") in nodes:
            # A boundary event is reached when its activity is; for the way to an end, the
            # activity's own flows count, never the boundary path.
            succ[node.get("attachedToRef")].add(node_id)
        if kind in _SCOPES and node.get("triggeredByEvent") == "true":
            roots.add(node_id)
            exempt_end.add(node_id)
        if node.get("isForCompensation") == "true" or (
                kind == "boundaryEvent" and "compensateEventDefinition" in _event_kinds(node)):
            roots.add(node_id)
            exempt_end.add(node_id)
        if kind == "intermediateCatchEvent" and _link_name(node):
            catches[_link_name(node) or ""].append(node_id)
    for node_id, node in nodes.items():
        if _local(node) == "intermediateThrowEvent" and _link_name(node):
            targets = catches.get(_link_name(node) or "", [])
            succ[node_id].update(targets)
            if targets:
                exempt_end.add(node_id)

    if not any(_local(n) == "startEvent" for n in nodes.values()) and nodes:
        if _local(scope) != "process" or scope.get("isExecutable") != "false":
            doc.add(scope, "no_start_event", "has flow nodes but no start event")
        return

    reached = _bfs(roots, succ)
    for node_id, node in nodes.items():
        if node_id not in reached:
            doc.add(node, "unreachable", "cannot be reached from a start event (no incoming path)")

    dead = set()
    for node_id, node in nodes.items():
        kind = _local(node)
        if kind == "endEvent" or node_id in exempt_end or outgoing.get(node_id):
            continue
        if kind == "boundaryEvent" and "compensateEventDefinition" in _event_kinds(node):
            continue
        dead.add(node_id)
        doc.add(node, "dead_end",
                "has no outgoing sequence flow, so a case stops here without reaching an end event")

    # Backwards from the ends (and the dead ends, already reported): what is left loops forever.
    pred: dict[str, set[str]] = defaultdict(set)
    for source, flows in outgoing.items():
        for flow in flows:
            pred[flow.get("targetRef")].add(source)
    for node_id in nodes:
        if _local(nodes[node_id]) == "intermediateThrowEvent":
            for target in succ[node_id]:
                pred[target].add(node_id)
    sinks = {n for n, el in nodes.items() if _local(el) == "endEvent"} | dead | exempt_end
    finishing = _bfs(sinks, pred)
    for node_id, node in nodes.items():
        if node_id in reached and node_id not in finishing:
            doc.add(node, "no_path_to_end", "every path from here loops without reaching an end event")


def _bfs(start: set[str], edges: Mapping[str, set[str]]) -> set[str]:
    seen = set(start)
    queue = deque(start)
    while queue:
        for nxt in edges.get(queue.popleft(), ()):
            if nxt not in seen:
                seen.add(nxt)
                queue.append(nxt)
    return seen


def _lint_user_tasks(doc: _Doc, process, forms: Mapping[str, dict] | None) -> None:
    in_lane = {ref.text.strip() for ref in process.iter(f"{_B}flowNodeRef") if ref.text}
    has_lanes = process.find(f".//{_B}lane") is not None
    for task in process.iter(f"{_B}userTask"):
        container = task.getparent()
        laned = task.get("id") in in_lane
        while not laned and container is not None and container is not process:
            laned = container.get("id") in in_lane  # a task inside a subprocess in a lane
            container = container.getparent()
        if not laned:
            hint = "" if has_lanes else " (the process has no lanes)"
            doc.add(task, "user_task_without_lane",
                    f"user task is in no lane{hint}: put it in the Caseworker or Supervisor lane")
        form = None
        for prop in task.iter(f"{{{SPIFF}}}property"):
            if prop.get("name") == "form":
                form = (prop.get("value") or "").strip()
        if not form:
            doc.add(task, "user_task_without_form", "user task names no form (spiffworkflow property 'form')")
        elif forms is not None and form not in forms:
            known = ", ".join(sorted(forms)) or "none"
            doc.add(task, "unknown_form", f"form '{form}' not found (known: {known})", form=form)


def _lint_timer(doc: _Doc, definition, allowed: set[str] | None) -> None:
    event = definition.getparent()
    if event is None or not event.get("id"):
        return
    expressions = [(_local(c), (c.text or "").strip()) for c in definition if _local(c) in _TIMER_CHILDREN]
    if not expressions or not any(text for _, text in expressions):
        doc.add(event, "timer_invalid", "timer has no expression (timeDate, timeDuration or timeCycle)")
        return
    for kind, text in expressions:
        if not text:
            continue
        refused = code_problem(text, "eval", allowed)
        if refused is not None:
            doc.add(event, "timer_invalid", f"timer {kind} expression {text!r} {refused[0]}",
                    kind=kind, expression=text, **refused[1])
            continue
        out_of_range = timer_literal_problem(kind, text)
        if out_of_range is not None:
            doc.add(event, "timer_out_of_range", f"timer {kind} {text!r}: {out_of_range}",
                    kind=kind, expression=text, earliest=EARLIEST.isoformat(), latest=LATEST.isoformat())
