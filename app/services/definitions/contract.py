"""The one contract between diagrams and code, checked before a deploy.

What a diagram may ask of the code is declared, never guessed from names:

- **Case actions** (:attr:`app.services.workflow.registry.Registry.actions`): what a user
  task's form does to the case records when it completes. A user task names its action in the
  extension property ``action`` (or ``none`` when it records nothing); the action's fields must
  be in the task's form with their types, and the ones it needs must be required there.
- **Service operations** (:attr:`app.services.workflow.registry.Registry.operations`): what a
  service task (``spiffworkflow:serviceTaskOperator``) may run, with its parameters and types.
- **Script functions** (:mod:`app.services.workflow.script_functions`): what scripts,
  conditions and timers may call; the compiler checks those names.

Because code keys on the declared action or operation, renaming an element's id or name in the
editor never silently stops a record being written. A definition that leaves out one of the
essential actions (drafting, approving or delivering a decision, ...) cannot be deployed, and
the four-eyes rule comes with the approving action, not with a property a diagram may drop.
"""

from __future__ import annotations

import ast
from collections.abc import Mapping
from typing import Any

from lxml import etree

from app.services.workflow.registry import NO_ACTION, REGISTRY
from app.workflow_engine.problems import Problem

_BPMN = "{http://www.omg.org/spec/BPMN/20100524/MODEL}"
_SPIFF = "{http://spiffworkflow.org/bpmn/schema/1.0/core}"
# Entities are never resolved and nothing is fetched: hostile uploads are refused earlier by the
# deploy checks, and this parser could not be made to expand them anyway.
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
# JSON Schema types a form field may have for each type an action reads.
_COMPATIBLE = {"string": {"string"}, "boolean": {"boolean"}, "integer": {"integer"},
               "number": {"number", "integer"}, "array": {"array"}, "object": {"object"}}
_SPIFF_TYPES = {"int": {"int"}, "str": {"str"}}
# Workflow variables the service records from the engine's data (services.instances and
# decisions.task_actions.sync_decision): a diagram must set each of them somewhere, in a script, a form
# or a service result, or the case records silently stop following the workflow.
REPORTED_VARIABLES: Mapping[str, str] = {
    "decision_final": "the decision became final (waiver or lapse of the appeal window)",
    "final_on": "the day the decision became final",
    "delivered_on": "the day the decision was delivered, or deemed delivered",
    "decision_outcome": "how the decision stage ended",
    "intake_outcome": "how the intake ended",
}


# A dict: the JSON document the BPMN editor reads (json.dumps'd), keyed by action names.
def declared() -> dict[str, Any]:
    """The registry, as the editor and the API show it: actions and operations with their inputs.

    A dict: it is the JSON document the BPMN editor reads, keyed by action and operation names.
    """
    return {
        "actions": {name: {"fields": dict(a.fields), "required": sorted(a.required),
                           "essential": a.essential, "four_eyes_of": a.four_eyes_of, "doc": a.doc}
                    for name, a in REGISTRY.actions.items()} | {NO_ACTION: {"fields": {}, "required": [],
                                                                   "essential": False,
                                                                   "four_eyes_of": None,
                                                                   "doc": "Records nothing."}},
        "operations": {name: {"params": dict(o.params), "required": sorted(o.required),
                              "doc": o.doc} for name, o in REGISTRY.operations.items()},
        "reported_variables": dict(REPORTED_VARIABLES),
    }


def _properties(element: Any) -> dict[str, str]:
    return {p.get("name"): p.get("value", "") for p in element.iter(f"{_SPIFF}property")}


def _types(schema: Mapping[str, Any]) -> set[str]:
    kind = schema.get("type")
    if isinstance(kind, list):
        return {k for k in kind if isinstance(k, str)}
    return {kind} if isinstance(kind, str) else set()


def _lanes(root: Any) -> dict[str, str]:
    """Element id -> the name of the lane it is drawn in."""
    return {ref.text.strip(): lane.get("name", "") for lane in root.iter(f"{_BPMN}lane")
            for ref in lane.iter(f"{_BPMN}flowNodeRef") if ref.text}


def _user_task(file: str, task: Any, forms: Mapping[str, Any], used: set[str],
               lanes: Mapping[str, str]) -> list[Problem]:
    task_id, name = task.get("id"), task.get("name")
    props = _properties(task)
    action_name = props.get("action", "").strip()

    def problem(code: str, message: str, **params: Any) -> Problem:
        return Problem(file, task_id, code, message, name, params)

    if not action_name:
        return [problem("action_missing", f"User task '{task_id}' declares no action (the "
                        f"extension property 'action'); choose one of {', '.join(sorted(REGISTRY.actions))} "
                        f"or '{NO_ACTION}'.")]
    if action_name == NO_ACTION:
        return []
    action = REGISTRY.actions.get(action_name)
    if action is None:
        return [problem("action_unknown", f"User task '{task_id}' declares the unknown action "
                        f"'{action_name}'.", action=action_name)]
    used.add(action_name)
    out = []
    lane = lanes.get(task_id or "")
    if action.role and lane is not None and lane.lower() != action.role:
        out.append(problem("action_wrong_lane", f"User task '{task_id}' performs '{action_name}', "
                           f"which only a {action.role} may do; it is in the lane '{lane}'.",
                           action=action_name, role=action.role, lane=lane))
    form_name = props.get("form", "")
    schema = forms.get(form_name)
    if not isinstance(schema, Mapping):
        return out  # the compiler reports a missing form
    raw_fields = schema.get("properties")
    fields: Mapping[str, Any] = raw_fields if isinstance(raw_fields, Mapping) else {}
    required = set(schema.get("required") or [])
    for field, kind in action.fields.items():
        spec = fields.get(field)
        if spec is None:
            if field in action.required:
                out.append(problem("action_field_missing", f"User task '{task_id}' performs "
                                   f"'{action_name}', which needs the form field '{field}'; form "
                                   f"'{form_name}' has none.", action=action_name, field=field,
                                   form=form_name))
            continue
        types = _types(spec) if isinstance(spec, Mapping) else set()
        if types and not types & _COMPATIBLE[kind]:
            out.append(problem("action_field_type", f"Form '{form_name}' field '{field}' is "
                               f"{'/'.join(sorted(types))}, but action '{action_name}' reads it "
                               f"as {kind}.", action=action_name, field=field, expected=kind,
                               form=form_name))
        elif field in action.required and field not in required:
            out.append(problem("action_field_optional", f"Form '{form_name}' must require the "
                               f"field '{field}': action '{action_name}' needs it.",
                               action=action_name, field=field, form=form_name))
    return out


def _service_task(file: str, task: Any) -> list[Problem]:
    task_id, name = task.get("id"), task.get("name")
    operator = next(task.iter(f"{_SPIFF}serviceTaskOperator"), None)
    if operator is None:
        return [Problem(file, task_id, "operation_missing", f"Service task '{task_id}' names no "
                        "operation (spiffworkflow:serviceTaskOperator).", name)]
    op_name = operator.get("id", "")
    operation = REGISTRY.operations.get(op_name)
    if operation is None:
        known = ", ".join(sorted(REGISTRY.operations))
        return [Problem(file, task_id, "operation_unknown", f"Service task '{task_id}' asks for "
                        f"the unknown operation '{op_name}'; known: {known}.",
                        name, {"operation": op_name})]
    given = {p.get("id"): p.get("type", "") for p in operator.iter(f"{_SPIFF}parameter")}
    out = []
    for param in sorted(operation.required - given.keys()):
        out.append(Problem(file, task_id, "operation_param_missing", f"Service task '{task_id}' "
                           f"must pass '{param}' to '{op_name}'.", name,
                           {"operation": op_name, "param": param}))
    for param, kind in given.items():
        expected = operation.params.get(param or "")
        if expected is None:
            out.append(Problem(file, task_id, "operation_param_unknown", f"Operation '{op_name}' "
                               f"takes no parameter '{param}'.", name,
                               {"operation": op_name, "param": param}))
        elif kind and kind not in _SPIFF_TYPES.get(expected, {expected}):
            out.append(Problem(file, task_id, "operation_param_type", f"Parameter '{param}' of "
                               f"'{op_name}' must be {expected}, not {kind}.", name,
                               {"operation": op_name, "param": param, "expected": expected}))
    return out


def _assigned(root: Any, forms: Mapping[str, Any]) -> set[str]:
    """Variables a diagram sets: script assignments, fields of the forms it uses, service results."""
    names: set[str] = set()
    for script in root.iter(f"{_BPMN}script"):
        try:
            tree = ast.parse(script.text or "")
        except SyntaxError:
            continue  # the compiler reports it
        names.update(n.id for n in ast.walk(tree) if isinstance(n, ast.Name)
                     and isinstance(n.ctx, ast.Store))
    for task in root.iter(f"{_BPMN}userTask"):
        schema = forms.get(_properties(task).get("form", ""))
        if isinstance(schema, Mapping) and isinstance(schema.get("properties"), Mapping):
            names.update(schema["properties"])
    for operator in root.iter(f"{_SPIFF}serviceTaskOperator"):
        if operator.get("resultVariable"):
            names.add(operator.get("resultVariable"))
    return names


def check(sources: Mapping[str, bytes | str], forms: Mapping[str, Any]) -> list[Problem]:
    """Every way the diagrams break the contract; [] when they keep it."""
    problems: list[Problem] = []
    used: set[str] = set()
    assigned: set[str] = set()
    for file in sorted(sources):
        raw = sources[file]
        try:
            root = etree.fromstring(raw.encode() if isinstance(raw, str) else raw, parser=_PARSER)
        except etree.XMLSyntaxError:
            continue  # the compiler reports unreadable XML
        lanes = _lanes(root)
        for task in root.iter(f"{_BPMN}userTask"):
            problems.extend(_user_task(file, task, forms, used, lanes))
        for task in root.iter(f"{_BPMN}serviceTask"):
            problems.extend(_service_task(file, task))
        assigned |= _assigned(root, forms)
    for name in sorted(n for n, a in REGISTRY.actions.items() if a.essential and n not in used):
        problems.append(Problem("*", None, "action_absent", f"No user task performs the action "
                                f"'{name}', so its case records would never be written.",
                                params={"action": name}))
    for variable in sorted(REPORTED_VARIABLES.keys() - assigned):
        problems.append(Problem("*", None, "variable_never_set", f"No script, form or service task "
                                f"sets '{variable}' ({REPORTED_VARIABLES[variable]}), which the case "
                                "records follow.", params={"variable": variable}))
    return problems
