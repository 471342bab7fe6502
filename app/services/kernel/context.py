"""The service context (dependencies) and the unit of work that owns one transaction."""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from types import TracebackType
from typing import Any, Protocol, TypeVar

from sqlalchemy.orm import Session

from app.persistence.db import Database
from app.workflow_engine import WorkflowEngine

_log = logging.getLogger("pomoc.jobs")


class JobPublisher(Protocol):
    """Publishes a background job by name; implemented over Celery, faked in tests."""

    def publish(self, name: str, *args: Any, countdown: float | None = None) -> None:
        """Send the job; called only after the transaction that created it has committed."""


class NullPublisher:
    """Publishes nothing; for tests and commands that run jobs synchronously."""

    def __init__(self) -> None:
        self.sent: list[tuple[str, tuple[Any, ...]]] = []

    def publish(self, name: str, *args: Any, countdown: float | None = None) -> None:
        """Record the job instead of sending it."""
        self.sent.append((name, args))


def system_clock() -> datetime:
    """The real current time, aware, UTC."""
    return datetime.now(UTC)


@dataclass
class ServiceContext:
    """Everything a service needs: database, engine, job publisher, clock and settings."""

    db: Database
    engine: WorkflowEngine
    publisher: JobPublisher
    config: Mapping[str, Any]
    clock: Callable[[], datetime] = system_clock
    cache: dict[str, Any] = field(default_factory=dict)

    def uow(self, readonly: bool = False) -> UnitOfWork:
        """A new unit of work (use as a context manager); `readonly` ones must not write."""
        return UnitOfWork(self, readonly)

    def now(self) -> datetime:
        """The context's current time."""
        return self.clock()


_Row = TypeVar("_Row")


class UnitOfWork:
    """One transaction: commit once, then publish the jobs it queued."""

    session: Session

    def __init__(self, ctx: ServiceContext, readonly: bool = False) -> None:
        self.ctx = ctx
        self.readonly = readonly
        self._after_commit: list[tuple[str, tuple[Any, ...], float | None]] = []
        # Jobs committed but not yet handed to the broker (it was unreachable).
        self.delayed = 0
        self._kept: list[Any] = []

    def __enter__(self) -> UnitOfWork:
        self.session = self.ctx.db.session()
        if self.readonly:
            # Lets SQLite begin a plain (deferred) transaction that takes no write lock.
            self.session.connection(execution_options={"pomoc_read_only": True})
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self.session.in_transaction():
            self.session.rollback()
        self.session.close()
        self._kept.clear()

    def keep(self, row: _Row) -> _Row:
        """Hold ``row`` for this transaction: the session's identity map holds only live objects,
        so a later read of it by primary key (``session.get``) then costs no statement."""
        self._kept.append(row)
        return row

    def publish_after_commit(self, name: str, *args: Any, countdown: float | None = None) -> None:
        """Queue a job to be published once this transaction has committed."""
        self._after_commit.append((name, args, countdown))

    def commit(self) -> None:
        """Commit, then publish queued jobs.

        Publishing is best effort: what was committed stays committed even when the broker is
        down, and the caller learns it from `delayed` (the jobs wait as `pending` rows, and the
        republish sweep sends them once the broker is back). A failure here must never make a
        caller report "nothing was saved".
        """
        if self.readonly:
            raise RuntimeError("a read-only unit of work cannot commit")
        self.session.commit()
        queued, self._after_commit = self._after_commit, []
        for name, args, countdown in queued:
            try:
                self.ctx.publisher.publish(name, *args, countdown=countdown)
            except Exception as exc:  # noqa: BLE001 - any broker failure; the row is the outbox
                self.delayed += 1
                _log.warning("publish of %s %s delayed: %s", name, args, type(exc).__name__)


@dataclass(frozen=True)
class Actor:
    """Who is calling a service: a user id and role names (None id = the system)."""

    id: int | None
    roles: frozenset[str] = frozenset()

    def has(self, role: str) -> bool:
        """True if the actor holds the role."""
        return role in self.roles

    @property
    def has_case_role(self) -> bool:
        """Caseworkers and supervisors may see personal case data; admins alone may not."""
        return bool(self.roles & {"caseworker", "supervisor"})


SYSTEM = Actor(None, frozenset({"system"}))
