"""Deploying BPMN definitions: immutable versions, the spec serialized once per version."""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import func, select, update

from app.domain.messages import Code, msg
from app.domain.views import JsonView
from app.persistence.models import ProcessDefinition
from app.services.definitions import contract, deploy_check
from app.services.kernel import audit
from app.services.kernel.context import Actor, ServiceContext
from app.services.kernel.errors import NotFound, ValidationFailed
from app.services.workflow.versions import MAIN_PROCESS, _active
from app.workflow_engine import CompiledDefinition, DefinitionError, load_sources
from app.workflow_engine.budget import DEFAULT_SECONDS, Budget
from app.workflow_engine.compiler import MAX_FILE_BYTES, MAX_UPLOAD_BYTES, problems_of, screen_sources
from app.workflow_engine.lint import lint
from app.workflow_engine.problems import Problem
from app.workflow_engine.rehearsal import rehearse

COMMENT_CHARS = 500  # a deploy's comment (a note in the version history); longer is refused, not cut


def _contract_problems(sources: dict[str, Any], forms: dict[str, dict[str, Any]]) -> list[Problem]:
    """The diagram/code contract check (:func:`app.services.definitions.contract.check`)."""
    return list(contract.check(sources, forms))


def _dedupe(problems: list[Problem]) -> list[Problem]:
    """One problem per (file, element, code): the lint and the compiler can both see one."""
    seen: set[tuple[str, str | None, str]] = set()
    out = []
    for problem in problems:
        key = (problem.file, problem.element_id, problem.code)
        if key not in seen:
            seen.add(key)
            out.append(problem)
    return out


def deploy_budget(ctx: ServiceContext) -> Budget:
    """The time budget of one deploy check (DEPLOY_CHECK_SECONDS, well inside the web worker's
    30 s timeout); the rehearsal and the replay stop with ``check_budget`` when it is spent."""
    return Budget(float(ctx.config.get("DEPLOY_CHECK_SECONDS") or DEFAULT_SECONDS))


def validate(
    ctx: ServiceContext, sources: dict[str, Any], forms: dict[str, dict[str, Any]],
    rehearsal: bool = True, budget: Budget | None = None,
) -> tuple[CompiledDefinition | None, list[Problem], dict[str, float]]:
    """Every deploy check, in order: upload safety (size, DTD/entities, before any parsing),
    structural lint (recursive call activities and timer ranges included), compilation, the
    diagram/code contract, then a rehearsal of the scripted paths (only when nothing structural
    is wrong), inside `budget`. Returns (compiled or None, problems, timings in ms)."""
    budget = budget or deploy_budget(ctx)
    timings: dict[str, float] = {}
    clock = time.perf_counter()

    def lap(name: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        timings[name] = round((now - clock) * 1000, 1)
        clock = now

    problems = screen_sources(sources, int(ctx.config.get("DEFINITION_MAX_FILE_BYTES", MAX_FILE_BYTES)),
                              int(ctx.config.get("DEFINITION_MAX_UPLOAD_BYTES", MAX_UPLOAD_BYTES)))
    lap("screen_ms")
    if problems:
        return None, problems, timings
    problems = lint(sources, forms, ctx.engine.function_names)
    lap("lint_ms")
    compiled = None
    try:
        compiled = ctx.engine.compile(sources, MAIN_PROCESS, forms)
    except DefinitionError as exc:
        problems.extend(problems_of(exc))
    lap("compile_ms")
    problems.extend(_contract_problems(sources, forms))
    lap("contract_ms")
    if rehearsal and compiled is not None and not problems:
        problems.extend(rehearse(ctx.engine, compiled, forms, budget=budget))
        lap("rehearsal_ms")
    return compiled, _dedupe(problems), timings


def _refusal(problems: list[Problem]) -> ValidationFailed:
    exc = ValidationFailed(
        msg(Code.DEFINITION_REFUSED),
        {f"definition[{i}]": p.message for i, p in enumerate(problems)},
    )
    exc.extra["problems"] = [p.as_dict() for p in problems]
    return exc


@dataclass(frozen=True, eq=False)
class DeployCheck(JsonView):
    """A deploy's dry run: the problems (as the API lists them), the replay of recent cases
    (None when a problem stopped the check first) and what each step took, in milliseconds."""

    problems: tuple[dict[str, Any], ...]
    replay: deploy_check.ReplayReport | None
    timings_ms: dict[str, float]


def check(
    ctx: ServiceContext, sources: dict[str, Any], forms: dict[str, dict[str, Any]],
    replay_limit: int = 100,
) -> DeployCheck:
    """Dry run of a deploy: the problems that would refuse it and, when there are none, which
    of the most recent cases would now end differently (nothing is stored)."""
    started = time.perf_counter()
    budget = deploy_budget(ctx)  # one budget for the checks and the replay together
    compiled, problems, timings = validate(ctx, sources, forms, budget=budget)
    replayed = None
    if compiled is not None and not problems:
        clock = time.perf_counter()
        replayed = deploy_check.replay_recent(ctx, compiled, forms, replay_limit, budget)
        timings["replay_ms"] = round((time.perf_counter() - clock) * 1000, 1)
    timings["total_ms"] = round((time.perf_counter() - started) * 1000, 1)
    return DeployCheck(problems=tuple(p.as_dict() for p in problems), replay=replayed,
                       timings_ms=timings)


def deploy(
    ctx: ServiceContext,
    sources: dict[str, Any],
    forms: dict[str, dict[str, Any]],
    actor: Actor,
    comment: str = "",
) -> tuple[int, bool]:
    """Validate and deploy a new version; return (definition id, created).

    A candidate with any problem is refused (ValidationFailed, whose body lists ``problems``).
    Deploying content identical to the active version creates nothing. A new version needs a
    ``comment`` (its description in the history): without one it is refused, coded
    ``definition_description_required``.
    """
    budget = deploy_budget(ctx)
    compiled, problems, _ = validate(ctx, sources, forms, rehearsal=False, budget=budget)
    if problems or compiled is None:
        raise _refusal(problems)
    with ctx.uow(readonly=True) as uow:
        active = _active(uow)
        if active is not None and active.content_hash == compiled.content_hash:
            return active.id, False
    # Rehearsed only when it would become a new version (redeploying the same is a no-op).
    problems = rehearse(ctx.engine, compiled, forms, budget=budget)
    if problems:
        raise _refusal(problems)
    # A new version's description is its line in the history: asked for once the diagram would
    # deploy (its problems come first; redeploying the active content writes no line).
    if not comment.strip():
        required = msg(Code.DEFINITION_DESCRIPTION_REQUIRED)
        raise ValidationFailed(required, {"comment": required})
    with ctx.uow() as uow:
        active = _active(uow)
        if active is not None and active.content_hash == compiled.content_hash:
            return active.id, False
        version = (uow.session.scalar(
            select(func.max(ProcessDefinition.version)).where(ProcessDefinition.key == compiled.key)
        ) or 0) + 1
        uow.session.execute(
            update(ProcessDefinition).where(ProcessDefinition.key == compiled.key).values(is_active=False)
        )
        definition = ProcessDefinition(
            key=compiled.key,
            version=version,
            content_hash=compiled.content_hash,
            sources={k: v.decode() if isinstance(v, bytes) else v for k, v in sources.items()},
            forms=forms,
            user_tasks=compiled.user_tasks,
            spec_blob=compiled.spec_blob,
            deployed_by_id=actor.id,
            comment=comment,
        )
        uow.session.add(definition)
        uow.session.flush()
        audit.record(uow, "definition.deployed", actor.id, definition_id=definition.id, version=version)
        uow.commit()
        return definition.id, True


def deploy_directory(ctx: ServiceContext, actor: Actor, directory: Path | None = None,
                     comment: str = "workflows/ directory") -> int:
    """Deploy the diagrams and forms shipped in workflows/ (no-op if unchanged)."""
    sources, forms = load_sources(Path(directory or ctx.config["WORKFLOWS_DIR"]))
    definition_id, _ = deploy(ctx, sources, forms, actor, comment=comment)
    return definition_id


@dataclass(frozen=True)
class DefinitionVersion:
    """A deployed version as listed (no case data)."""

    id: int
    key: str
    version: int
    content_hash: str
    active: bool
    deployed_at: datetime
    comment: str | None


@dataclass(frozen=True, eq=False)
class DefinitionSources(JsonView):
    """The BPMN files (name to XML) and forms (name to JSON Schema) of a deployed version."""

    id: int
    key: str
    version: int
    content_hash: str
    sources: dict[str, str]
    forms: dict[str, dict[str, Any]]


def list_definitions(ctx: ServiceContext) -> list[DefinitionVersion]:
    """Deployed versions, newest first (no case data)."""
    with ctx.uow(readonly=True) as uow:
        rows = uow.session.scalars(
            select(ProcessDefinition).order_by(ProcessDefinition.version.desc())
        ).all()
        return [DefinitionVersion(id=d.id, key=d.key, version=d.version, content_hash=d.content_hash,
                                  active=d.is_active, deployed_at=d.deployed_at, comment=d.comment)
                for d in rows]


def definition_sources(ctx: ServiceContext, definition_id: int | None = None) -> DefinitionSources:
    """The BPMN files and forms of a deployed version (the active one by default)."""
    with ctx.uow(readonly=True) as uow:
        stmt = select(ProcessDefinition)
        if definition_id is None:
            stmt = stmt.where(ProcessDefinition.key == MAIN_PROCESS, ProcessDefinition.is_active.is_(True))
        else:
            stmt = stmt.where(ProcessDefinition.id == definition_id)
        row = uow.session.scalar(stmt)
        if row is None:
            raise NotFound(msg(Code.NO_DEFINITION))
        return DefinitionSources(id=row.id, key=row.key, version=row.version,
                                 content_hash=row.content_hash, sources=dict(row.sources or {}),
                                 forms=dict(row.forms or {}))
