"""Parsing and validation of uploaded BPMN + forms into specs (no traceback reaches the user)."""

import ast
import hashlib
import json
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from jsonschema import Draft202012Validator
from jsonschema.exceptions import SchemaError
from lxml import etree
from SpiffWorkflow.bpmn.parser.ValidationException import ValidationException
from SpiffWorkflow.bpmn.specs.event_definitions.multiple import MultipleEventDefinition
from SpiffWorkflow.bpmn.specs.mixins.events.event_types import CatchingEvent
from SpiffWorkflow.specs.MultiChoice import MultiChoice
from SpiffWorkflow.spiff.specs.defaults import ScriptTask, UserTask
from SpiffWorkflow.spiff.specs.spiff_task import SpiffBpmnTask

from .errors import DefinitionError, ScriptError
from .sandbox import SAFE_BUILTINS, compile_script
from .specs import SERIALIZER_VERSION, VALIDATOR, DeferredServiceTask, PomocBpmnParser

KNOWN_LANES = ("Caseworker", "Supervisor")
_NS = {"bpmn": "http://www.omg.org/spec/BPMN/20100524/MODEL"}
_BPMN_TAG = "{" + _NS["bpmn"] + "}"
_XML_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, remove_comments=True)


@dataclass
class ParsedDefinition:
    """Specs and metadata produced by `parse_definition`."""

    spec: object
    subprocess_specs: dict
    user_tasks: dict[str, dict]
    content_hash: str


def load_sources(directory: Path) -> tuple[dict[str, bytes], dict[str, dict]]:
    """Read workflows/*.bpmn (bytes by file name) and workflows/forms/*.json (schema by stem)."""
    directory = Path(directory)
    sources = {p.name: p.read_bytes() for p in sorted(directory.glob("*.bpmn"))}
    forms: dict[str, dict] = {}
    errors = []
    for path in sorted((directory / "forms").glob("*.json")):
        try:
            forms[path.stem] = json.loads(path.read_text(encoding="utf-8"))
        except ValueError as exc:
            errors.append(f"forms/{path.name}: invalid JSON: {exc}")
    if errors:
        raise DefinitionError(errors)
    return sources, forms


def content_hash(sources: Mapping[str, bytes], main_process: str, forms: Mapping[str, dict] | None) -> str:
    """Stable hash of everything a compiled definition depends on."""
    digest = hashlib.sha256(f"pomoc/{SERIALIZER_VERSION}/{main_process}\0".encode())
    for name in sorted(sources):
        digest.update(f"{name}\0{len(sources[name])}\0".encode())
        digest.update(sources[name])
    digest.update(json.dumps(forms or {}, sort_keys=True, ensure_ascii=False).encode())
    return digest.hexdigest()


def _describe_validation(exc: ValidationException, file_name: str | None = None) -> str:
    where = exc.file_name or file_name or "?"
    if getattr(exc, "id", ""):
        where += f" {exc.tag} '{exc.id}'"
    if getattr(exc, "line_number", ""):
        where += f" (line {exc.line_number})"
    message = str(exc).replace(_BPMN_TAG, "bpmn:").strip().rstrip(".")
    return f"{where}: {message}"


def _check_document(name: str, root) -> list[str]:
    """Checks Spiff does not make: duplicate ids, nodes in several lanes, unresolved calls."""
    errors = []
    elements = [el for el in root.iter() if isinstance(el.tag, str) and el.get("id")]
    bpmn_ids = Counter(el.get("id") for el in elements if el.tag.startswith(_BPMN_TAG))
    for dup, count in bpmn_ids.items():
        if count > 1:
            errors.append(f"{name}: id '{dup}' is used by {count} elements (ids must be unique)")
    # Spiff indexes every element with an id, extension elements included, so e.g. a
    # serviceTaskOperator named like a task would silently replace that task.
    for el in elements:
        if not el.tag.startswith(_BPMN_TAG) and el.get("id") in bpmn_ids:
            tag = etree.QName(el).localname
            errors.append(f"{name}: {tag} id '{el.get('id')}' collides with a BPMN element id")
    for flow in root.iterfind(".//bpmn:sequenceFlow", _NS):
        for end in ("sourceRef", "targetRef"):
            if flow.get(end) not in bpmn_ids:
                errors.append(
                    f"{name}: bpmn:sequenceFlow '{flow.get('id')}': {end} '{flow.get(end)}' does not exist"
                )
    for process in root.iterfind("bpmn:process", _NS):
        refs = Counter(ref.text for ref in process.iterfind(".//bpmn:lane/bpmn:flowNodeRef", _NS))
        for node_id, count in refs.items():
            if count > 1:
                errors.append(f"{name}: '{node_id}' is listed in {count} lanes (exactly one allowed)")
    return errors


def _parse(sources: Mapping[str, bytes | str]) -> tuple[PomocBpmnParser, dict[str, object]]:
    parser = PomocBpmnParser(validator=VALIDATOR)
    roots, errors = {}, []
    for name in sorted(sources):
        raw = sources[name]
        raw = raw.encode("utf-8") if isinstance(raw, str) else raw
        try:
            root = etree.fromstring(raw, parser=_XML_PARSER)
        except etree.XMLSyntaxError as exc:
            errors.append(f"{name}: malformed XML: {exc}")
            continue
        document_errors = _check_document(name, root)
        if document_errors:
            errors.extend(document_errors)
            continue
        try:
            parser.add_bpmn_xml(root, filename=name)
        except ValidationException as exc:
            errors.append(_describe_validation(exc, name))
            continue
        roots[name] = root
    if errors:
        raise DefinitionError(errors)
    return parser, roots


def _check_calls(parser: PomocBpmnParser, roots: dict) -> list[str]:
    errors = []
    for name, root in roots.items():
        for call in root.iterfind(".//bpmn:callActivity", _NS):
            called = call.get("calledElement")
            if called not in parser.process_parsers:
                errors.append(
                    f"{name}: bpmn:callActivity '{call.get('id')}': called process '{called}' is not "
                    f"defined in any file (known: {', '.join(sorted(parser.process_parsers))})"
                )
    return errors


_TAGS = {"DeferredServiceTask": "serviceTask", "SubWorkflowTask": "subProcess", "NoneTask": "task"}


def _element(spec) -> str:
    kind = type(spec).__name__
    kind = _TAGS.get(kind, kind[0].lower() + kind[1:])
    return f"bpmn:{kind}"


def _where(process_spec, spec) -> str:
    label = f" ({spec.bpmn_name})" if getattr(spec, "bpmn_name", None) else ""
    return f"{process_spec.file}: {_element(spec)} '{getattr(spec, 'bpmn_id', None) or spec.name}'{label}"


def _unknown_calls(source: str, mode: str, allowed: set[str]) -> list[str]:
    tree = ast.parse(source, mode=mode)
    local = {n.name for n in ast.walk(tree) if isinstance(n, ast.FunctionDef)}
    local |= {n.id for n in ast.walk(tree) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store)}
    called = {
        n.func.id for n in ast.walk(tree) if isinstance(n, ast.Call) and isinstance(n.func, ast.Name)
    }
    return sorted(called - allowed - local)


def _code_sources(spec) -> Iterable[tuple[str, str, str]]:
    """(what, source, mode) of every script or expression a task spec will run."""
    if isinstance(spec, ScriptTask) and spec.script:
        yield "script", spec.script, "exec"
    if isinstance(spec, SpiffBpmnTask):
        for what in ("prescript", "postscript"):
            if getattr(spec, what, None):
                yield what, getattr(spec, what), "exec"
    if isinstance(spec, MultiChoice):
        for condition, target in spec.cond_task_specs:
            if condition is not None:
                yield f"condition to '{target}'", condition.args[0], "eval"
    if isinstance(spec, CatchingEvent):
        definitions = [spec.event_definition]
        if isinstance(spec.event_definition, MultipleEventDefinition):
            definitions = list(spec.event_definition.event_definitions)
        for definition in definitions:
            if getattr(definition, "expression", None):
                yield "timer/condition expression", definition.expression, "eval"
    if isinstance(spec, DeferredServiceTask):
        for name, param in spec.operation_params.items():
            yield f"parameter '{name}'", param["value"], "eval"


def _check_code(where: str, what: str, source: str, mode: str, allowed: set[str]) -> list[str]:
    try:
        compile_script(source.strip() if mode == "eval" else source, mode)
    except ScriptError as exc:
        return [f"{where}: {what} is refused by the sandbox: {exc}"]
    unknown = _unknown_calls(source.strip() if mode == "eval" else source, mode, allowed)
    if unknown:
        return [f"{where}: {what} calls unknown function(s) {', '.join(unknown)}"]
    return []


def _check_form_fields(where: str, form: str, schema: dict, reserved: set[str]) -> list[str]:
    """Form fields become workflow variables, so they must be usable (and harmless) in scripts."""
    errors = []
    for field in schema.get("properties") or {}:
        if not field.isidentifier() or field.startswith("_"):
            errors.append(f"{where}: form '{form}' field '{field}' is not a valid variable name")
        elif field in reserved:
            errors.append(f"{where}: form '{form}' field '{field}' would shadow a script function")
    return errors


def _user_task_info(process_spec, spec, forms, errors, reserved: set[str]) -> dict:
    where = _where(process_spec, spec)
    props = dict(getattr(spec, "extensions", {}).get("properties") or {})
    if not spec.lane:
        errors.append(f"{where}: user task is in no lane (use one of {', '.join(KNOWN_LANES)})")
    elif spec.lane not in KNOWN_LANES:
        errors.append(f"{where}: unknown lane '{spec.lane}' (use one of {', '.join(KNOWN_LANES)})")
    for key in ("form", "title_pl", "title_en"):
        if not props.get(key):
            errors.append(f"{where}: missing spiffworkflow property '{key}'")
    form = props.get("form")
    if form and forms is not None:
        if form not in forms:
            errors.append(f"{where}: form '{form}' not found (known: {', '.join(sorted(forms)) or 'none'})")
        else:
            try:
                Draft202012Validator.check_schema(forms[form])
            except SchemaError as exc:
                errors.append(f"{where}: form '{form}' is not a valid JSON Schema: {exc.message}")
            else:
                errors.extend(_check_form_fields(where, form, forms[form], reserved))
    due = props.get("due")
    if due and not due.isidentifier():
        errors.append(f"{where}: property 'due' must name a workflow variable, got '{due}'")
    return {
        "title_pl": props.get("title_pl", ""),
        "title_en": props.get("title_en", ""),
        "lane": spec.lane,
        "form": form,
        "process": process_spec.name,
        "due": due or None,
        "four_eyes_of": props.get("four_eyes_of") or None,
    }


def other_process_specs(parser: PomocBpmnParser, main_process: str) -> dict:
    """Specs of every process but the main one, by id: the processes it calls, and every other
    executable process in the sources with the ones those call.

    A definition can thus hold several top-level processes; `WorkflowEngine.start` starts the
    main one by default and any of these by `process_id` (e.g. the review that follows a case).
    """
    specs: dict = dict(parser.get_subprocess_specs(main_process))
    for process_id in sorted(set(parser.get_process_ids()) - {main_process}):
        specs.setdefault(process_id, parser.get_spec(process_id))
        for called, called_spec in parser.get_subprocess_specs(process_id).items():
            specs.setdefault(called, called_spec)
    return specs


def parse_definition(
    sources: Mapping[str, bytes | str],
    main_process: str,
    forms: Mapping[str, dict] | None,
    functions: Iterable[str],
) -> ParsedDefinition:
    """Parse and validate; raise DefinitionError listing every problem found."""
    if not sources:
        raise DefinitionError(["no BPMN files given"])
    raw = {k: (v.encode("utf-8") if isinstance(v, str) else bytes(v)) for k, v in sources.items()}
    parser, roots = _parse(raw)
    errors = _check_calls(parser, roots)
    if main_process not in parser.process_parsers:
        errors.append(
            f"main process '{main_process}' is not defined in any file "
            f"(processes: {', '.join(sorted(parser.process_parsers)) or 'none'})"
        )
    if errors:
        raise DefinitionError(errors)
    try:
        spec = parser.get_spec(main_process)
        subprocess_specs = other_process_specs(parser, main_process)
    except ValidationException as exc:
        raise DefinitionError([_describe_validation(exc)]) from exc
    except Exception as exc:  # the parser reports some structural errors as bare exceptions
        raise DefinitionError([f"cannot build process '{main_process}': {exc}"]) from exc

    reserved = set(functions) | {"today"}
    allowed = reserved | set(SAFE_BUILTINS)
    user_tasks: dict[str, dict] = {}
    process_specs = {spec.name: spec, **subprocess_specs}
    for process_spec in process_specs.values():
        for task_spec in process_spec.task_specs.values():
            where = _where(process_spec, task_spec)
            for what, source, mode in _code_sources(task_spec):
                errors.extend(_check_code(where, what, source, mode, allowed))
            if isinstance(task_spec, UserTask):
                info = _user_task_info(process_spec, task_spec, forms, errors, reserved)
                if task_spec.bpmn_id in user_tasks:
                    errors.append(
                        f"{where}: user task id is also used in process "
                        f"'{user_tasks[task_spec.bpmn_id]['process']}' (ids must be unique)"
                    )
                user_tasks[task_spec.bpmn_id] = info
    for bpmn_id, info in user_tasks.items():
        other = info["four_eyes_of"]
        if other and other not in user_tasks:
            errors.append(f"user task '{bpmn_id}': four_eyes_of refers to unknown user task '{other}'")
    if errors:
        raise DefinitionError(errors)
    return ParsedDefinition(
        spec, subprocess_specs, user_tasks, content_hash(raw, main_process, forms)
    )
