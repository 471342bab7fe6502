"""Shared fixtures: a real database (PostgreSQL by default, SQLite with POMOC_TEST_DB=sqlite),
a service context with a controllable clock, demo users and a Flask test client."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, text

from app.persistence.migrate import upgrade
from app.persistence.models import Base
from app.services.kernel.context import SYSTEM, Actor, NullPublisher, ServiceContext

ROOT = Path(__file__).resolve().parent.parent
PG_ADMIN_URL = os.environ.get("POMOC_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")
REDIS_HOST = "redis://127.0.0.1:6379"


def _claim_redis_db() -> int:
    """A Redis database of this test session's own (1–13; the bench uses 14), so parallel runs
    do not share queues or flush each other's messages. Claimed in database 0 with SET NX (a
    claim whose process is gone is taken over; every claim expires after a day) and released at
    exit; with every database claimed, the pid picks one."""
    import atexit

    import redis

    pid = os.getpid()
    try:
        r = redis.Redis.from_url(f"{REDIS_HOST}/0")
        for n in range(1, 14):
            key = f"pomoc-test-db:{n}"
            if not r.set(key, pid, nx=True, ex=86400):
                holder = int(r.get(key) or 0)
                try:
                    os.kill(holder, 0)
                    continue  # held by a live test session
                except (ProcessLookupError, ValueError):
                    r.set(key, pid, ex=86400)  # its session is gone
                except PermissionError:
                    continue
            atexit.register(lambda k=key: r.get(k) == str(pid).encode() and r.delete(k))
            return n
    except redis.RedisError:
        pass  # Redis is down: the tests that need it say so
    return 1 + pid % 13


REDIS_URL = os.environ.get("POMOC_TEST_REDIS") or f"{REDIS_HOST}/{_claim_redis_db()}"
BACKEND = os.environ.get("POMOC_TEST_DB", "postgresql")

# Tables kept between tests: deployed definitions and users are costly to rebuild.
KEEP = {"process_definitions", "users", "user_roles", "alembic_version", "office_settings",
        "signer_authorisations"}


class FakeClock:
    """A clock tests can move; starts at a fixed working day."""

    def __init__(self) -> None:
        self.now = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **kwargs: float) -> datetime:
        """Move forward by a timedelta."""
        self.now += timedelta(**kwargs)
        return self.now

    def set(self, when: datetime) -> None:
        """Jump to a time."""
        self.now = when


def _make_database_url(tmp: Path) -> str:
    if BACKEND == "sqlite":
        return f"sqlite:///{tmp / 'test.db'}"
    name = f"pomoc_test_{os.getpid()}"
    admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return PG_ADMIN_URL.rsplit("/", 1)[0] + f"/{name}"


def _drop_database(url: str) -> None:
    if BACKEND == "sqlite":
        return
    name = url.rsplit("/", 1)[1]
    admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture(scope="session")
def instance_dir() -> Iterator[Path]:
    """A throwaway instance folder (kept for inspection with POMOC_TEST_KEEP=1)."""
    if os.environ.get("POMOC_TEST_KEEP"):
        path = Path(tempfile.mkdtemp(prefix="pomoc-test-"))
        print(f"test instance folder: {path}")
        yield path
        return
    with tempfile.TemporaryDirectory(prefix="pomoc-test-") as tmp:
        yield Path(tmp)


@pytest.fixture(scope="session")
def test_config(instance_dir: Path) -> Iterator[dict[str, Any]]:
    """Configuration for the whole test session (database created fresh)."""
    from app.config import load_config

    url = _make_database_url(instance_dir)
    broker = REDIS_URL if BACKEND != "sqlite" else f"sqla+sqlite:///{instance_dir / 'broker.db'}"
    cfg = load_config(instance_dir, {
        "ENV": "testing", "TESTING": True, "DATABASE_URL": url, "CELERY_BROKER_URL": broker,
        "CELERY_VISIBILITY_TIMEOUT": 8, "PASSWORD_HASH_TIME_COST": 1,
        "PASSWORD_HASH_MEMORY_COST": 64, "WTF_CSRF_ENABLED": False, "INSTANCE_PATH": str(instance_dir),
        "SECRET_KEY": "test-only-secret",
        # The deploy check's budget at its maximum, so that a slow day never stops a test's
        # rehearsal (tests of the budget itself drive it with a fake clock).
        "DEPLOY_CHECK_SECONDS": 20.0,
    })
    yield cfg
    _drop_database(cfg["DATABASE_URL"])


@pytest.fixture(scope="session")
def clock() -> FakeClock:
    """The session's controllable clock (reset before each test)."""
    return FakeClock()


@pytest.fixture(scope="session")
def session_ctx(test_config: dict[str, Any], clock: FakeClock) -> Iterator[ServiceContext]:
    """Migrated database, deployed workflows and demo users; jobs recorded, not sent."""
    from app.cli.seed import DEMO_USERS
    from app.services.definitions import deploy as definitions
    from app.services.factory import build_context

    ctx = build_context(test_config, publisher=NullPublisher())
    ctx.clock = clock
    upgrade(ctx.db.engine)
    definitions.deploy_directory(ctx, SYSTEM)
    from app.services.kernel.auth import create_user

    for username, name, roles, position in DEMO_USERS:
        create_user(ctx, username, name, roles, "demo", position, password_policy=False)  # demo only
    from app.services.documents.office import seed_demo_office

    # The issuing body and the supervisor's authorisations (decisions are issued only with them).
    seed_demo_office(ctx)
    yield ctx
    ctx.db.dispose()


def truncate_case_data(ctx: ServiceContext) -> None:
    """Empty every table except definitions and users."""
    tables = [t for t in Base.metadata.sorted_tables if t.name not in KEEP]
    with ctx.db.engine.begin() as conn:
        if ctx.db.is_sqlite:
            for t in reversed(tables):
                conn.execute(t.delete())
        else:
            conn.execute(text("TRUNCATE " + ", ".join(f'"{t.name}"' for t in tables) + " CASCADE"))


@pytest.fixture
def ctx(session_ctx: ServiceContext, clock: FakeClock) -> Iterator[ServiceContext]:
    """A clean database per test, the clock reset and a fresh job recorder."""
    truncate_case_data(session_ctx)
    clock.set(datetime(2026, 3, 2, 9, 0, tzinfo=UTC))
    session_ctx.publisher = NullPublisher()
    session_ctx.cache.pop("token_users", None)
    yield session_ctx


def actor_for(ctx: ServiceContext, username: str) -> Actor:
    """The service actor of a demo user."""
    from sqlalchemy import select

    from app.persistence.models import User

    with ctx.uow() as uow:
        user = uow.session.scalar(select(User).where(User.username == username))
        assert user is not None
        return Actor(user.id, frozenset(user.role_names))


@pytest.fixture
def restore_active(ctx: ServiceContext) -> Iterator[int | None]:
    """Put the definition active before the test back as the active one after it (tests that
    deploy other versions)."""
    from sqlalchemy import select

    from app.persistence.models import ProcessDefinition

    with ctx.uow(readonly=True) as uow:
        original = uow.session.scalar(select(ProcessDefinition.id).where(ProcessDefinition.is_active))
    yield original
    with ctx.uow() as uow:
        for d in uow.session.scalars(select(ProcessDefinition)):
            d.is_active = d.id == original
        uow.commit()


@pytest.fixture
def caseworker(ctx: ServiceContext) -> Actor:
    """caseworker1."""
    return actor_for(ctx, "caseworker1")


@pytest.fixture
def caseworker2(ctx: ServiceContext) -> Actor:
    """caseworker2."""
    return actor_for(ctx, "caseworker2")


@pytest.fixture
def supervisor(ctx: ServiceContext) -> Actor:
    """The supervisor."""
    return actor_for(ctx, "supervisor")


@pytest.fixture
def admin(ctx: ServiceContext) -> Actor:
    """The admin (no case role)."""
    return actor_for(ctx, "admin")


@pytest.fixture(scope="session")
def flask_app(session_ctx: ServiceContext, test_config: dict[str, Any]) -> Any:
    """The Flask app sharing the session's service context."""
    from app import create_app

    return create_app({**test_config, "SERVICE_CONTEXT": session_ctx})


@pytest.fixture
def client(flask_app: Any, ctx: ServiceContext) -> Any:
    """A test client on a clean database."""
    return flask_app.test_client()
