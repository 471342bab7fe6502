"""The deployed versions the runtime runs: the active definition, engine references and forms.

Deploying a version (checks, history) is :mod:`app.services.definitions`; this is only the
read side every running case needs."""

from __future__ import annotations

from functools import partial
from typing import Any

from sqlalchemy import select

from app.domain.messages import Code, msg
from app.persistence.models import ProcessDefinition
from app.services.kernel.context import ServiceContext, UnitOfWork
from app.services.kernel.errors import NotFound
from app.workflow_engine import DefinitionRef

MAIN_PROCESS = "benefit_case"


def _active(uow: UnitOfWork) -> ProcessDefinition | None:
    return uow.session.scalar(
        select(ProcessDefinition).where(
            ProcessDefinition.key == MAIN_PROCESS, ProcessDefinition.is_active.is_(True)
        )
    )


def active_definition(uow: UnitOfWork) -> ProcessDefinition:
    """The definition new cases start on."""
    definition = _active(uow)
    if definition is None:
        raise NotFound(msg(Code.NO_DEFINITION))
    return definition


def _load_blob(ctx: ServiceContext, definition_id: int) -> bytes:
    with ctx.uow(readonly=True) as uow:
        blob = uow.session.scalar(
            select(ProcessDefinition.spec_blob).where(ProcessDefinition.id == definition_id)
        )
        if blob is None:
            raise NotFound(msg(Code.DEFINITION_NOT_FOUND, definition_id=definition_id))
        return blob


def ref(ctx: ServiceContext, definition_id: int, content_hash: str) -> DefinitionRef:
    """A reference the engine resolves from its cache, loading the spec only on a miss."""
    return DefinitionRef(content_hash=content_hash, load_spec=partial(_load_blob, ctx, definition_id))


def definition_ref(uow: UnitOfWork, definition_id: int) -> DefinitionRef:
    """The engine reference for a definition version (content hash cached per process)."""
    hashes = uow.ctx.cache.setdefault("definition_hashes", {})
    if definition_id not in hashes:
        hashes[definition_id] = uow.session.scalar(
            select(ProcessDefinition.content_hash).where(ProcessDefinition.id == definition_id)
        )
    return ref(uow.ctx, definition_id, hashes[definition_id])


def forms_of(uow: UnitOfWork, definition_id: int) -> dict[str, dict[str, Any]]:
    """The JSON Schemas of a definition version (cached: versions are immutable)."""
    cache = uow.ctx.cache.setdefault("forms", {})
    if definition_id not in cache:
        cache[definition_id] = uow.session.scalar(
            select(ProcessDefinition.forms).where(ProcessDefinition.id == definition_id)
        )
    return cache[definition_id]
