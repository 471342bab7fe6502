"""Moving running cases to a newer definition version (instance migration), admin only.

A running instance keeps the version it started on. An administrator who fixed a definition
selects cases by their version and, optionally, the element they are at, looks at a dry run
(per case: the task it would be at on the target version, or why it cannot be moved) and then
applies it. Each case moves in its own transaction under its row lock, is mirrored with
`apply_snapshot` (the worklist shows its new tasks) and is audited as "instance.migrated" with
versions and elements only, never personal data.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select

from app.domain.messages import Code, msg
from app.domain.statuses import InstanceStatus
from app.domain.views import FLATTEN, JsonView
from app.persistence.models import Case, ProcessDefinition, ProcessInstance
from app.services.kernel import audit
from app.services.kernel.context import Actor, ServiceContext, UnitOfWork
from app.services.kernel.errors import Forbidden, NotFound, ValidationFailed
from app.services.workflow.instances import apply_snapshot, lock_instance
from app.services.workflow.versions import MAIN_PROCESS, definition_ref
from app.workflow_engine import (
    ElementFate,
    ElementView,
    EngineError,
    Migration,
    MigrationRefused,
    current_elements,
    migrate,
)

MAX_INSTANCES = 500
_OPEN = (InstanceStatus.RUNNING, InstanceStatus.ERROR)


def _version(value: Any, field: str) -> int:
    # Beyond the database's integer range it names no version (and must not reach the query).
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 2**31 - 1:
        raise ValidationFailed(msg(Code.VERSIONS_INVALID),
                               {field: msg(Code.POSITIVE_INTEGER)})
    return value


def _definition(uow: UnitOfWork, version: int) -> ProcessDefinition:
    row = uow.session.scalar(select(ProcessDefinition).where(
        ProcessDefinition.key == MAIN_PROCESS, ProcessDefinition.version == version))
    if row is None:
        raise NotFound(msg(Code.VERSION_NOT_FOUND, version=version))
    return row


def _views(elements: Iterable[ElementView]) -> tuple[dict[str, str], ...]:
    return tuple({"element_id": e.element_id, "name": e.name, "kind": e.kind, "process": e.process}
                 for e in elements)


@dataclass(frozen=True, eq=False)
class MoveTarget(JsonView):
    """Where a case would be (or now is) on the target version: elements, tasks, stage."""

    target_elements: tuple[dict[str, str], ...]
    fates: tuple[dict[str, Any], ...]
    target_tasks: tuple[dict[str, str], ...]
    target_service_calls: tuple[str, ...]
    target_stage: str | None
    target_completed: bool


@dataclass(frozen=True, eq=False)
class InstanceMove(JsonView):
    """One case of a migration: ``outcome`` is "would_migrate", "migrated" or "refused" (with
    ``reason``). ``elements`` are where it is now (none if its state cannot be read); a refused
    case has no target, the others have the target's fields, in place (the JSON is flat)."""

    instance_id: int
    case_id: int
    case_number: str
    from_version: int
    to_version: int
    outcome: str
    reason: str | None
    elements: tuple[dict[str, str], ...]
    target: MoveTarget | None = field(default=None, metadata=FLATTEN)


@dataclass(frozen=True, eq=False)
class MigrationPlan(JsonView):
    """A dry run or an applied migration: the cases selected and how many had each outcome."""

    from_version: int
    to_version: int
    element_id: str | None
    dry_run: bool
    instances: tuple[InstanceMove, ...]
    counts: dict[str, int]


def _fates(fates: list[ElementFate]) -> tuple[dict[str, Any], ...]:
    """Each task, timer and event of the case before the move and after it: kept, moved (to
    which), completed, cancelled, or new (element ids and names only)."""
    return tuple({**_views([f.element])[0], "fate": f.fate, "to": list(_views(f.to))}
                 for f in fates)


def migrate_instances(
    ctx: ServiceContext,
    actor: Actor,
    from_version: Any,
    to_version: Any,
    element_id: Any = None,
    dry_run: Any = True,
) -> MigrationPlan:
    """Dry-run or apply moving the cases on `from_version` (at `element_id`) to `to_version`.

    Each case has an ``outcome``: "would_migrate", "migrated" or "refused" (with ``reason``), and
    unless refused its ``fates``: what becomes of each task and timer it is at.
    """
    if not actor.has("admin"):
        raise Forbidden(msg(Code.MIGRATION_ROLE))
    source_version = _version(from_version, "from_version")
    target_version = _version(to_version, "to_version")
    if target_version <= source_version:
        raise ValidationFailed(msg(Code.MIGRATION_NOT_NEWER),
                               {"to_version": msg(Code.NEWER_THAN_SOURCE)})
    if element_id is not None and (not isinstance(element_id, str) or not element_id.strip()
                                   or len(element_id) > 200):
        raise ValidationFailed(msg(Code.ELEMENT_ID_INVALID), {"element_id": msg(Code.ELEMENT_ID_EXPECTED)})
    element = element_id.strip() if isinstance(element_id, str) else None
    if not isinstance(dry_run, bool):
        raise ValidationFailed(msg(Code.DRY_RUN_INVALID), {"dry_run": msg(Code.TRUE_OR_FALSE)})

    with ctx.uow(readonly=True) as uow:
        source, target = _definition(uow, source_version), _definition(uow, target_version)
        source_id, target_id = source.id, target.id
        ids = list(uow.session.scalars(
            select(ProcessInstance.id).where(ProcessInstance.definition_id == source_id,
                                             ProcessInstance.status.in_(_OPEN))
            .order_by(ProcessInstance.id).limit(MAX_INSTANCES)
        ))
    results = []
    for instance_id in ids:
        result = _one(ctx, actor, instance_id, source_id, target_id, source_version, target_version,
                      element, dry_run)
        if result is not None:
            results.append(result)
    counts: dict[str, int] = {}
    for r in results:
        counts[r.outcome] = counts.get(r.outcome, 0) + 1
    return MigrationPlan(from_version=source_version, to_version=target_version,
                         element_id=element, dry_run=dry_run, instances=tuple(results),
                         counts=counts)


def _one(
    ctx: ServiceContext, actor: Actor, instance_id: int, source_id: int, target_id: int,
    source_version: int, target_version: int, element: str | None, dry_run: bool,
) -> InstanceMove | None:
    """Plan (and unless `dry_run`, apply) the move of one instance; None if not selected."""
    with ctx.uow(readonly=dry_run) as uow:
        if dry_run:
            instance = uow.session.get(ProcessInstance, instance_id)
            if instance is None:
                return None
        else:
            instance = lock_instance(uow, instance_id)
        if instance.definition_id != source_id or instance.status not in _OPEN:
            return None  # moved or finished meanwhile
        number = uow.session.scalar(select(Case.number).where(Case.id == instance.case_id)) or ""
        base: dict[str, Any] = {"instance_id": instance.id, "case_id": instance.case_id,
                                "case_number": number, "from_version": source_version,
                                "to_version": target_version}  # the fields every outcome has
        source_ref = definition_ref(uow, source_id)
        try:
            elements = current_elements(ctx.engine, source_ref, instance.state)
        except EngineError as exc:
            return InstanceMove(**base, elements=(), outcome="refused",
                                reason=f"the stored state cannot be read: {exc}")
        if element is not None and element not in {e.element_id for e in elements}:
            return None
        try:
            moved = migrate(ctx.engine, source_ref, definition_ref(uow, target_id), instance.state,
                            ctx.now())
        except MigrationRefused as exc:
            return InstanceMove(**base, elements=_views(elements), outcome="refused",
                                reason=str(exc))
        except EngineError as exc:
            return InstanceMove(**base, elements=_views(elements), outcome="refused",
                                reason=f"the target version fails on this case: {exc}")
        result = InstanceMove(**base, elements=_views(moved.elements), target=_target(moved),
                              outcome="would_migrate" if dry_run else "migrated", reason=None)
        if dry_run:
            return result
        instance.definition_id = target_id
        instance.error = None
        apply_snapshot(uow, instance, moved.snapshot)
        audit.record(uow, "instance.migrated", actor.id, instance.case_id, instance_id=instance.id,
                     from_version=source_version, to_version=target_version,
                     from_definition_id=source_id, to_definition_id=target_id,
                     elements=[e.element_id for e in moved.elements],
                     target_elements=[e.element_id for e in moved.target_elements])
        uow.commit()
        return result


def _target(moved: Migration) -> MoveTarget:
    snap = moved.snapshot
    return MoveTarget(
        target_elements=_views(moved.target_elements),
        fates=_fates(moved.fates),
        target_tasks=tuple({"element_id": t.name, "title_pl": t.title_pl, "title_en": t.title_en,
                            "role": t.lane.lower()} for t in snap.user_tasks),
        target_service_calls=tuple(c.operation for c in snap.service_calls),
        target_stage=snap.stage,
        target_completed=snap.completed,
    )
