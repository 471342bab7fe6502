"""Parsing and validation of uploaded BPMN + forms into specs (no traceback reaches the user).

Every refusal is a `Problem` naming its file and, where known, its element (so the modeler can
mark it); `DefinitionProblems.errors` keeps the same findings as readable lines.
"""

import hashlib
import json
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring as defused_fromstring
from jsonschema.exceptions import SchemaError
from lxml import etree
from SpiffWorkflow.bpmn.parser.ValidationException import ValidationException
from SpiffWorkflow.bpmn.specs.event_definitions.multiple import MultipleEventDefinition
from SpiffWorkflow.bpmn.specs.mixins.events.event_types import CatchingEvent
from SpiffWorkflow.specs.MultiChoice import MultiChoice
from SpiffWorkflow.spiff.specs.defaults import ScriptTask, UserTask
from SpiffWorkflow.spiff.specs.spiff_task import SpiffBpmnTask

from .call_graph import recursive_calls
from .code_checks import code_problem, unsafe_schema_parts  # the linter imports them from here
from .errors import DefinitionError
from .patterns import check_form_schema
from .problems import Problem
from .sandbox import SAFE_BUILTINS
from .specs import SERIALIZER_VERSION, VALIDATOR, DeferredServiceTask, PomocBpmnParser

KNOWN_LANES = ("Caseworker", "Supervisor")
_NS = {"bpmn": "http://www.omg.org/spec/BPMN/20100524/MODEL"}
_BPMN_TAG = "{" + _NS["bpmn"] + "}"
_XML_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, remove_comments=True,
                              load_dtd=False, huge_tree=False)
# Upload limits when the caller gives none (the app passes its DEFINITION_MAX_* settings).
MAX_FILE_BYTES = 2 * 1024 * 1024
MAX_UPLOAD_BYTES = 10 * 1024 * 1024


class DefinitionProblems(DefinitionError):
    """A refused definition: `problems` name file and element; `errors` are their messages."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems = list(problems)
        super().__init__([p.message for p in self.problems])


def problems_of(exc: DefinitionError) -> list[Problem]:
    """The problems of a DefinitionError (one without element ids becomes file-less problems)."""
    if isinstance(exc, DefinitionProblems):
        return list(exc.problems)
    return [Problem("", None, "definition_invalid", text, params={"detail": text})
            for text in exc.errors or [str(exc)]]


def encode_sources(sources: Mapping[str, bytes | str]) -> dict[str, bytes]:
    """The sources as bytes (text is UTF-8 encoded)."""
    return {k: (v.encode("utf-8") if isinstance(v, str) else bytes(v)) for k, v in sources.items()}


def screen_sources(
    sources: Mapping[str, bytes | str],
    max_file_bytes: int = MAX_FILE_BYTES,
    max_upload_bytes: int = MAX_UPLOAD_BYTES,
) -> list[Problem]:
    """Refuse oversized files and any DTD (external or expanding entities) before real parsing.

    The DTD check parses with defusedxml (expat), which stops at the DOCTYPE declaration, so
    no entity is ever declared, fetched or expanded; only then may lxml parse the file.
    """
    raw = encode_sources(sources)
    problems = []
    total = sum(len(v) for v in raw.values())
    if total > max_upload_bytes:
        problems.append(Problem(
            "", None, "xml_too_large",
            f"the upload has {total} bytes of BPMN, more than the limit of {max_upload_bytes}",
            params={"size": total, "limit": max_upload_bytes}))
    for name in sorted(raw):
        if len(raw[name]) > max_file_bytes:
            problems.append(Problem(
                name, None, "xml_too_large",
                f"{name}: {len(raw[name])} bytes, more than the limit of {max_file_bytes} per file",
                params={"size": len(raw[name]), "limit": max_file_bytes}))
    if problems:
        return problems
    for name in sorted(raw):
        try:
            defused_fromstring(raw[name], forbid_dtd=True, forbid_entities=True, forbid_external=True)
        except DefusedXmlException as exc:
            problems.append(Problem(
                name, None, "xml_entities",
                f"{name}: a DOCTYPE or entity declaration is not allowed in BPMN files "
                f"({type(exc).__name__})", params={"reason": type(exc).__name__}))
        except Exception:  # noqa: BLE001, S110 - malformed XML is reported by the parser itself
            pass
    return problems


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


def _describe_validation(exc: ValidationException, file_name: str | None = None) -> Problem:
    file = exc.file_name or file_name or ""
    where = file or "?"
    element_id = getattr(exc, "id", "") or None
    if element_id:
        where += f" {exc.tag} '{exc.id}'"
    if getattr(exc, "line_number", ""):
        where += f" (line {exc.line_number})"
    message = str(exc).replace(_BPMN_TAG, "bpmn:").strip().rstrip(".")
    # The text shown names the line where the parser knows it (the variant ``line``); the
    # parser's English detail is for the admin only.
    line = getattr(exc, "line_number", "")
    params: dict[str, Any] = {"detail": message}
    if line:
        params.update(reason="line", line=line)
    return Problem(file, element_id, "bpmn_invalid", f"{where}: {message}", params=params)


def parse_xml(name: str, raw: bytes) -> tuple[Any, Problem | None]:
    """(root, None) or (None, malformed-XML problem); never resolves entities or a DTD."""
    try:
        return etree.fromstring(raw, parser=_XML_PARSER), None
    except etree.XMLSyntaxError as exc:
        return None, Problem(name, None, "malformed_xml", f"{name}: malformed XML: {exc}",
                             params={"line": exc.lineno})


def _name_of(el) -> str | None:
    return el.get("name") or None if el is not None else None


def _check_document(name: str, root) -> list[Problem]:
    """Checks Spiff does not make: duplicate ids, nodes in several lanes, unresolved calls."""
    problems = []
    elements = [el for el in root.iter() if isinstance(el.tag, str) and el.get("id")]
    bpmn_ids = Counter(el.get("id") for el in elements if el.tag.startswith(_BPMN_TAG))
    for dup, count in bpmn_ids.items():
        if count > 1:
            problems.append(Problem(name, dup, "duplicate_id",
                                    f"{name}: id '{dup}' is used by {count} elements (ids must be unique)",
                                    params={"count": count}))
    # Spiff indexes every element with an id, extension elements included, so e.g. a
    # serviceTaskOperator named like a task would silently replace that task.
    for el in elements:
        if not el.tag.startswith(_BPMN_TAG) and el.get("id") in bpmn_ids:
            tag = etree.QName(el).localname
            problems.append(Problem(name, el.get("id"), "id_collision",
                                    f"{name}: {tag} id '{el.get('id')}' collides with a BPMN element id",
                                    params={"tag": tag}))
    for flow in root.iterfind(".//bpmn:sequenceFlow", _NS):
        for end in ("sourceRef", "targetRef"):
            if flow.get(end) not in bpmn_ids:
                problems.append(Problem(
                    name, flow.get("id"), "dangling_flow",
                    f"{name}: bpmn:sequenceFlow '{flow.get('id')}': {end} '{flow.get(end)}' does not exist",
                    _name_of(flow), {"end": end, "ref": flow.get(end)}))
    for process in root.iterfind("bpmn:process", _NS):
        refs = Counter(ref.text for ref in process.iterfind(".//bpmn:lane/bpmn:flowNodeRef", _NS))
        for node_id, count in refs.items():
            if count > 1:
                problems.append(Problem(
                    name, node_id, "multiple_lanes",
                    f"{name}: '{node_id}' is listed in {count} lanes (exactly one allowed)",
                    params={"count": count}))
    return problems


def _parse(sources: Mapping[str, bytes]) -> tuple[PomocBpmnParser, dict[str, object]]:
    parser = PomocBpmnParser(validator=VALIDATOR)
    roots, problems = {}, []
    for name in sorted(sources):
        root, problem = parse_xml(name, sources[name])
        if problem is not None:
            problems.append(problem)
            continue
        document_problems = _check_document(name, root)
        if document_problems:
            problems.extend(document_problems)
            continue
        try:
            parser.add_bpmn_xml(root, filename=name)
        except ValidationException as exc:
            problems.append(_describe_validation(exc, name))
            continue
        roots[name] = root
    if problems:
        raise DefinitionProblems(problems)
    return parser, roots


def _check_calls(parser: PomocBpmnParser, roots: dict) -> list[Problem]:
    problems = []
    for name, root in roots.items():
        for call in root.iterfind(".//bpmn:callActivity", _NS):
            called = call.get("calledElement")
            if called not in parser.process_parsers:
                problems.append(Problem(
                    name, call.get("id"), "unknown_called_process",
                    f"{name}: bpmn:callActivity '{call.get('id')}': called process '{called}' is not "
                    f"defined in any file (known: {', '.join(sorted(parser.process_parsers))})",
                    _name_of(call), {"called": called}))
    return problems


_TAGS = {"DeferredServiceTask": "serviceTask", "SubWorkflowTask": "subProcess", "NoneTask": "task"}


def _element(spec) -> str:
    kind = type(spec).__name__
    kind = _TAGS.get(kind, kind[0].lower() + kind[1:])
    return f"bpmn:{kind}"


def _where(process_spec, spec) -> str:
    label = f" ({spec.bpmn_name})" if getattr(spec, "bpmn_name", None) else ""
    return f"{process_spec.file}: {_element(spec)} '{getattr(spec, 'bpmn_id', None) or spec.name}'{label}"


def _problem(process_spec, spec, code: str, text: str, **params: Any) -> Problem:
    """A problem of a task spec; its message starts with `_where` (file, element and name)."""
    return Problem(process_spec.file, getattr(spec, "bpmn_id", None) or spec.name, code,
                   f"{_where(process_spec, spec)}: {text}", getattr(spec, "bpmn_name", None) or None,
                   params)


def _code_sources(spec) -> Iterable[tuple[str, str, str, str, dict[str, Any]]]:
    """(what, source, mode, problem code, extra params) of every script or expression a task spec
    will run."""
    if isinstance(spec, ScriptTask) and spec.script:
        yield "script", spec.script, "exec", "script_invalid", {}
    if isinstance(spec, SpiffBpmnTask):
        for what in ("prescript", "postscript"):
            if getattr(spec, what, None):
                yield what, getattr(spec, what), "exec", "script_invalid", {}
    if isinstance(spec, MultiChoice):
        for condition, target in spec.cond_task_specs:
            if condition is not None:
                yield (f"condition to '{target}'", condition.args[0], "eval", "condition_invalid",
                       {"target": target})
    if isinstance(spec, CatchingEvent):
        definitions = [spec.event_definition]
        if isinstance(spec.event_definition, MultipleEventDefinition):
            definitions = list(spec.event_definition.event_definitions)
        for definition in definitions:
            if getattr(definition, "expression", None):
                yield "timer/condition expression", definition.expression, "eval", "timer_invalid", {}
    if isinstance(spec, DeferredServiceTask):
        for name, param in spec.operation_params.items():
            yield f"parameter '{name}'", param["value"], "eval", "expression_invalid", {"param": name}


def _check_form_fields(process_spec, spec, form: str, schema: dict, reserved: set[str]) -> list[Problem]:
    """Form fields become workflow variables, so they must be usable (and harmless) in scripts."""
    problems = []
    for field in schema.get("properties") or {}:
        if not field.isidentifier() or field.startswith("_"):
            problems.append(_problem(process_spec, spec, "invalid_form_field",
                                     f"form '{form}' field '{field}' is not a valid variable name",
                                     form=form, field=field, reason="name"))
        elif field in reserved:
            problems.append(_problem(process_spec, spec, "invalid_form_field",
                                     f"form '{form}' field '{field}' would shadow a script function",
                                     form=form, field=field, reason="reserved"))
    return problems


def _user_task_info(process_spec, spec, forms, problems: list[Problem], reserved: set[str]) -> dict:
    props = dict(getattr(spec, "extensions", {}).get("properties") or {})
    lanes = ", ".join(KNOWN_LANES)
    if not spec.lane:
        problems.append(_problem(process_spec, spec, "user_task_without_lane",
                                 f"user task is in no lane (use one of {lanes})"))
    elif spec.lane not in KNOWN_LANES:
        problems.append(_problem(process_spec, spec, "unknown_lane",
                                 f"unknown lane '{spec.lane}' (use one of {lanes})", lane=spec.lane))
    for key in ("form", "title_pl", "title_en"):
        if not props.get(key):
            code = "user_task_without_form" if key == "form" else "missing_task_property"
            problems.append(_problem(process_spec, spec, code,
                                     f"missing spiffworkflow property '{key}'", property=key))
    form = props.get("form")
    if form and forms is not None:
        if form not in forms:
            problems.append(_problem(
                process_spec, spec, "unknown_form",
                f"form '{form}' not found (known: {', '.join(sorted(forms)) or 'none'})", form=form))
        else:
            unsafe = unsafe_schema_parts(forms[form])
            problems.extend(_problem(process_spec, spec, "invalid_form_schema",
                                     f"form '{form}' is not a valid JSON Schema: {why}", form=form,
                                     **params)
                            for why, params in unsafe)
            try:
                if not unsafe:  # the meta-schema would only refuse the same patterns, less clearly
                    check_form_schema(forms[form])
            except SchemaError as exc:
                problems.append(_problem(process_spec, spec, "invalid_form_schema",
                                         f"form '{form}' is not a valid JSON Schema: {exc.message}",
                                         form=form))
            else:
                problems.extend(_check_form_fields(process_spec, spec, form, forms[form], reserved))
    due = props.get("due")
    if due and not due.isidentifier():
        problems.append(_problem(process_spec, spec, "invalid_due",
                                 f"property 'due' must name a workflow variable, got '{due}'", due=due))
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
    """Parse and validate; raise DefinitionProblems (a DefinitionError) listing every problem."""
    if not sources:
        raise DefinitionProblems([Problem("", None, "no_files", "no BPMN files given")])
    raw = encode_sources(sources)
    screened = screen_sources(raw)
    if screened:
        raise DefinitionProblems(screened)
    parser, roots = _parse(raw)
    problems = _check_calls(parser, roots) + recursive_calls(roots)
    if main_process not in parser.process_parsers:
        problems.append(Problem(
            "", None, "main_process_missing",
            f"main process '{main_process}' is not defined in any file "
            f"(processes: {', '.join(sorted(parser.process_parsers)) or 'none'})",
            params={"process": main_process}))
    if problems:
        raise DefinitionProblems(problems)
    try:
        spec = parser.get_spec(main_process)
        subprocess_specs = other_process_specs(parser, main_process)
    except ValidationException as exc:
        raise DefinitionProblems([_describe_validation(exc)]) from exc
    except Exception as exc:  # the parser reports some structural errors as bare exceptions
        raise DefinitionProblems([Problem("", None, "process_invalid",
                                          f"cannot build process '{main_process}': {exc}",
                                          params={"process": main_process})]) from exc

    reserved = set(functions) | {"today"}
    allowed = reserved | set(SAFE_BUILTINS)
    user_tasks: dict[str, dict] = {}
    files: dict[str, str] = {}
    process_specs = {spec.name: spec, **subprocess_specs}
    for process_spec in process_specs.values():
        for task_spec in process_spec.task_specs.values():
            for what, source, mode, code, extra in _code_sources(task_spec):
                refused = code_problem(source, mode, allowed)
                if refused is not None:
                    problems.append(_problem(process_spec, task_spec, code, f"{what} {refused[0]}",
                                             what=what, **extra, **refused[1]))
            if isinstance(task_spec, UserTask):
                info = _user_task_info(process_spec, task_spec, forms, problems, reserved)
                if task_spec.bpmn_id in user_tasks:
                    problems.append(_problem(
                        process_spec, task_spec, "duplicate_user_task",
                        f"user task id is also used in process "
                        f"'{user_tasks[task_spec.bpmn_id]['process']}' (ids must be unique)",
                        other_process=user_tasks[task_spec.bpmn_id]["process"]))
                user_tasks[task_spec.bpmn_id] = info
                files[task_spec.bpmn_id] = process_spec.file
    for bpmn_id, info in user_tasks.items():
        other = info["four_eyes_of"]
        if other and other not in user_tasks:
            problems.append(Problem(
                files[bpmn_id], bpmn_id, "unknown_four_eyes_task",
                f"user task '{bpmn_id}': four_eyes_of refers to unknown user task '{other}'",
                params={"four_eyes_of": other}))
    if problems:
        raise DefinitionProblems(problems)
    return ParsedDefinition(
        spec, subprocess_specs, user_tasks, content_hash(raw, main_process, forms)
    )
