"""Read-only service functions the pages need that app/services does not offer yet.

Each function has the signature proposed for app/services; the pages prefer the service's own
function as soon as it exists (see `_service_or_shim`), so this module can then be deleted.
These are the only database reads in the web package.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import select

from app.persistence.models import Decision, ProcessDefinition, User
from app.services import audit, auth, case_view, definitions
from app.services.context import Actor, ServiceContext
from app.services.errors import Forbidden, NotFound


def _service_or_shim(module: Any, name: str, shim: Callable[..., Any]) -> Callable[..., Any]:
    found = getattr(module, name, None)
    return found if callable(found) else shim


def _decision_document(ctx: ServiceContext, actor: Actor, case_id: int, decision_id: int) -> str:
    """The stored HTML of a decision of a case; audited like a read of the case file."""
    if not actor.has_case_role:
        raise Forbidden("Only caseworkers and supervisors may read case files.")
    with ctx.uow() as uow:
        decision = uow.session.get(Decision, decision_id)
        if decision is None or decision.case_id != case_id or not decision.document_html:
            raise NotFound(f"Decision {decision_id} of case {case_id} has no document.")
        html = decision.document_html
        audit.record(uow, "decision.read", actor.id, case_id, decision_id=decision_id)
        uow.commit()
        return html


def _list_users(ctx: ServiceContext) -> list[dict[str, Any]]:
    """Staff accounts (no case data): id, username, full name, position, roles, active."""
    with ctx.uow() as uow:
        users = uow.session.scalars(select(User).order_by(User.full_name)).all()
        return [{"id": u.id, "username": u.username, "full_name": u.full_name,
                 "position": u.position, "roles": sorted(u.role_names), "active": u.is_active}
                for u in users]


def _definition_sources(ctx: ServiceContext, definition_id: int | None = None) -> dict[str, Any]:
    """The BPMN files and forms of a deployed version (the active one by default)."""
    with ctx.uow() as uow:
        stmt = select(ProcessDefinition)
        if definition_id is None:
            stmt = stmt.where(ProcessDefinition.key == definitions.MAIN_PROCESS,
                              ProcessDefinition.is_active.is_(True))
        else:
            stmt = stmt.where(ProcessDefinition.id == definition_id)
        row = uow.session.scalar(stmt)
        if row is None:
            raise NotFound("No process definition is deployed; run `flask --app app deploy-workflows`.")
        return {"id": row.id, "key": row.key, "version": row.version,
                "content_hash": row.content_hash, "sources": dict(row.sources or {}),
                "forms": dict(row.forms or {})}


decision_document = _service_or_shim(case_view, "decision_document", _decision_document)
list_users = _service_or_shim(auth, "list_users", _list_users)
definition_sources = _service_or_shim(definitions, "definition_sources", _definition_sources)
