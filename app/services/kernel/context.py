"""The service context (dependencies) and the unit of work that owns one transaction."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import UTC, datetime
from types import TracebackType
from typing import Any, Protocol, TypeVar

from sqlalchemy import event
from sqlalchemy.engine import Connection
from sqlalchemy.orm import ORMExecuteState, Session

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


class SharedTransaction:
    """One database transaction for the units of work of one web request.

    Without it each unit of work is its own transaction, so a page that checks its user, reads
    its tasks and lists the staff costs three. Inside :func:`shared_transaction` the units of
    work run on one connection, one after another, and a transaction ends only where it would
    have ended anyway: a unit of work's ``commit`` commits it (and whatever the read-only units
    before it read), and a unit of work that fails, or that writes and leaves without committing,
    rolls it back. What was committed stays committed, as before; read-only units (which never
    commit) leave it open for the next one. A unit of work opened while another is open (an
    incident recorded beside a failing step) gets its own transaction, as before, so the inner
    commit cannot commit the outer's half-done writes. PostgreSQL only: SQLite's writers take
    the write lock up front (BEGIN IMMEDIATE), which a transaction begun by a read cannot do.
    """

    def __init__(self, db: Database) -> None:
        self.db = db
        self.busy = False
        self._conn: Connection | None = None

    def session(self) -> Session:
        """A session on the shared connection: its commit does not end the transaction."""
        if self._conn is None:
            self._conn = self.db.engine.connect()
        if not self._conn.in_transaction():
            self._conn.begin()  # joined, not owned: the session's close leaves it open
        session = self.db.session_factory(
            bind=self._conn, join_transaction_mode="rollback_only")
        event.listen(session, "after_flush", _mark_written)
        event.listen(session, "do_orm_execute", _mark_written_unless_select)
        return session

    def commit(self) -> None:
        """Commit the open transaction, if any."""
        if self._conn is not None and self._conn.in_transaction():
            self._conn.commit()

    def rollback(self) -> None:
        """Roll back the open transaction, if any."""
        if self._conn is not None and self._conn.in_transaction():
            self._conn.rollback()

    def close(self) -> None:
        """End the request: what is still open was only read, so it is rolled back."""
        if self._conn is not None:
            try:
                self.rollback()
            finally:
                self._conn.close()
                self._conn = None


def _mark_written(session: Session, *_args: Any) -> None:
    session.info[_WROTE] = True


def _mark_written_unless_select(state: ORMExecuteState) -> None:
    if not state.is_select:
        state.session.info[_WROTE] = True


# Set on a shared session once it has written and not committed since.
_WROTE = "pomoc_wrote"
_SHARED: ContextVar[SharedTransaction | None] = ContextVar("pomoc_shared_transaction", default=None)


@contextmanager
def shared_transaction(db: Database) -> Iterator[SharedTransaction]:
    """Run the units of work opened inside on one transaction (see SharedTransaction)."""
    shared = SharedTransaction(db)
    token = _SHARED.set(shared)
    try:
        yield shared
    finally:
        _SHARED.reset(token)
        shared.close()


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
        self._shared: SharedTransaction | None = None

    def __enter__(self) -> UnitOfWork:
        shared = _SHARED.get()
        if shared is not None and shared.db is self.ctx.db and not shared.busy:
            shared.busy = True
            self._shared = shared
            self.session = shared.session()
            return self
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
        shared, self._shared = self._shared, None
        if shared is not None:
            try:
                if exc_type is not None or self.session.info.get(_WROTE):
                    shared.rollback()
            finally:
                self.session.close()
                self._kept.clear()
                shared.busy = False
            return
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
        if self._shared is not None:
            self._shared.commit()
            self.session.info[_WROTE] = False
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
