"""Audit trail: who read or changed what. Details carry ids and codes, never personal data.

Audit rows are append-only, so they are not ORM objects: ``record`` keeps the row on the unit of
work's session, and the rows are written with one Core ``INSERT`` (executemany, no RETURNING)
before the session's next statement or its commit, whichever comes first. A read of the audit
trail in the same transaction therefore still sees them, and a rolled-back unit of work writes
none.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import event, insert
from sqlalchemy.orm import ORMExecuteState, Session

from app.persistence.models import AuditEvent
from app.services.kernel.context import UnitOfWork

_PENDING = "pomoc_audit_rows"


def record(
    uow: UnitOfWork, action: str, user_id: int | None, case_id: int | None = None, **detail: Any
) -> None:
    """Add an audit event to the current transaction."""
    uow.session.info.setdefault(_PENDING, []).append(
        {"at": uow.ctx.now(), "action": action, "user_id": user_id, "case_id": case_id,
         "detail": detail})


def write_pending(session: Session) -> None:
    """Insert the audit rows recorded on this session and not yet written."""
    rows = session.info.pop(_PENDING, None)
    if rows:
        session.execute(insert(AuditEvent), rows)


@event.listens_for(Session, "do_orm_execute")
def _before_statement(state: ORMExecuteState) -> None:
    if state.session.info.get(_PENDING):
        write_pending(state.session)


@event.listens_for(Session, "before_commit")
def _before_commit(session: Session) -> None:
    write_pending(session)


@event.listens_for(Session, "after_soft_rollback")
def _after_rollback(session: Session, _previous: Any) -> None:
    session.info.pop(_PENDING, None)
