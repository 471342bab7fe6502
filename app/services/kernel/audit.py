"""Audit trail: who read or changed what. Details carry ids and codes, never personal data."""

from __future__ import annotations

from typing import Any

from app.persistence.models import AuditEvent
from app.services.kernel.context import UnitOfWork


def record(
    uow: UnitOfWork, action: str, user_id: int | None, case_id: int | None = None, **detail: Any
) -> None:
    """Add an audit event to the current transaction."""
    uow.session.add(
        AuditEvent(at=uow.ctx.now(), action=action, user_id=user_id, case_id=case_id, detail=detail)
    )
