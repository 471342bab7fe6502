"""Shared set-up for the benchmarks: a fresh database, the service context, users and statistics.

The benchmark database is `pomoc_bench` on the local PostgreSQL (created fresh, dropped at the
end); when PostgreSQL is not reachable the service benchmarks fall back to a SQLite file.
"""

from __future__ import annotations

import os
import statistics
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, select, text

ROOT = Path(__file__).resolve().parent.parent
PG_ADMIN_URL = os.environ.get("POMOC_BENCH_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")
BENCH_DB = os.environ.get("POMOC_BENCH_DB", "pomoc_bench")
REDIS_URL = os.environ.get("POMOC_BENCH_REDIS", "redis://127.0.0.1:6379/14")
# Tables kept when case data is cleared between phases.
KEEP = {"process_definitions", "users", "user_roles", "alembic_version", "api_tokens",
        "office_settings", "signer_authorisations"}
BENCH_USERS = (
    ("caseworker1", "Anna Kowalska", ["caseworker"], "pracownik socjalny"),
    ("caseworker2", "Piotr Nowak", ["caseworker"], "starszy pracownik socjalny"),
    ("supervisor", "Maria Wiśniewska", ["supervisor"], "Kierownik GOPS"),
)
PASSWORD = "bench-only-password"  # at least 12 characters, like any new password


# ----------------------------------------------------------------------------------- clock


class BenchClock:
    """A service clock the benchmark moves (starts on a fixed working day)."""

    def __init__(self, start: datetime | None = None) -> None:
        self.now = start or datetime(2026, 3, 2, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def set(self, when: datetime) -> None:
        """Jump to a time."""
        self.now = when

    def advance(self, **kwargs: float) -> datetime:
        """Move forward by a timedelta."""
        self.now += timedelta(**kwargs)
        return self.now


class RecordingPublisher:
    """Collects published job ids so the driver can run them directly with `run_job`."""

    def __init__(self) -> None:
        self.jobs: list[int] = []

    def publish(self, name: str, *args: Any, countdown: float | None = None) -> None:
        """Remember `pomoc.run_job` ids; other messages are ignored."""
        if name == "pomoc.run_job":
            self.jobs.append(int(args[0]))

    def take(self) -> list[int]:
        """The ids published since the last call."""
        out, self.jobs = self.jobs, []
        return out


# -------------------------------------------------------------------------------- database


def pg_reachable(timeout: float = 3.0) -> bool:
    """True when the benchmark PostgreSQL answers."""
    try:
        engine = create_engine(PG_ADMIN_URL, connect_args={"connect_timeout": int(timeout)})
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
        engine.dispose()
        return True
    except Exception:  # noqa: BLE001 - any failure means "use SQLite"
        return False


def pg_url(name: str = BENCH_DB) -> str:
    """The URL of a database on the benchmark server."""
    return PG_ADMIN_URL.rsplit("/", 1)[0] + f"/{name}"


def create_pg_database(name: str = BENCH_DB) -> str:
    """Drop and create the benchmark database; return its URL."""
    admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return pg_url(name)


def drop_pg_database(name: str = BENCH_DB) -> None:
    """Drop the benchmark database (terminating leftover connections)."""
    admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def pg_server_info() -> dict[str, str]:
    """Version and the settings that matter for write-heavy benchmarks."""
    admin = create_engine(PG_ADMIN_URL)
    try:
        with admin.connect() as conn:
            info = {"version": str(conn.execute(text("SHOW server_version")).scalar())}
            for name in ("synchronous_commit", "fsync", "shared_buffers", "max_connections"):
                info[name] = str(conn.execute(text(f"SHOW {name}")).scalar())
            return info
    finally:
        admin.dispose()


def pg_backend_pids(database: str = BENCH_DB) -> list[int]:
    """Server process ids of the connections to the benchmark database (for CPU accounting)."""
    admin = create_engine(PG_ADMIN_URL)
    try:
        with admin.connect() as conn:
            rows: list[Any] = list(conn.execute(text("SELECT pid FROM pg_stat_activity WHERE datname = :db"),
                                                {"db": database}).scalars())
            return [int(pid) for pid in rows]
    except Exception:  # noqa: BLE001 - accounting only
        return []
    finally:
        admin.dispose()


def bench_config(instance_dir: Path, database_url: str, broker_url: str | None) -> dict[str, Any]:
    """Pomoc configuration for the benchmark (cheap argon2, a fixed secret)."""
    from app.config import load_config

    return load_config(instance_dir, {
        "ENV": "testing", "TESTING": False, "DATABASE_URL": database_url,
        "CELERY_BROKER_URL": broker_url or f"sqla+sqlite:///{instance_dir / 'broker.db'}",
        "PASSWORD_HASH_TIME_COST": 1, "PASSWORD_HASH_MEMORY_COST": 64,
        "SECRET_KEY": "bench-only-secret", "INSTANCE_PATH": str(instance_dir),
        "WTF_CSRF_ENABLED": False,
    })


def server_env(cfg: dict[str, Any], instance_dir: Path) -> dict[str, str]:
    """Environment for a gunicorn or Celery process sharing the benchmark configuration."""
    env = dict(os.environ)
    env.update({
        "POMOC_ENV": "testing", "POMOC_INSTANCE_PATH": str(instance_dir),
        "DATABASE_URL": cfg["DATABASE_URL"], "CELERY_BROKER_URL": cfg["CELERY_BROKER_URL"],
        "SECRET_KEY": cfg["SECRET_KEY"], "POMOC_PASSWORD_HASH_TIME_COST": "1",
        "POMOC_PASSWORD_HASH_MEMORY_COST": "64", "PYTHONUNBUFFERED": "1",
    })
    return env


def setup_context(cfg: dict[str, Any]) -> tuple[Any, BenchClock, RecordingPublisher]:
    """Migrate, deploy the workflows, create the users; return (ctx, clock, publisher)."""
    from app.persistence.migrate import upgrade
    from app.services.definitions import deploy as definitions
    from app.services.factory import build_context
    from app.services.kernel.auth import create_user
    from app.services.kernel.context import SYSTEM

    publisher = RecordingPublisher()
    ctx = build_context(cfg, publisher=publisher)
    clock = BenchClock()
    ctx.clock = clock
    upgrade(ctx.db.engine)
    definitions.deploy_directory(ctx, SYSTEM)
    for username, name, roles, position in BENCH_USERS:
        create_user(ctx, username, name, roles, PASSWORD, position)
    from app.services.documents.office import seed_demo_office

    seed_demo_office(ctx)  # the issuing body and the supervisor's authorisations
    return ctx, clock, publisher


def actors(ctx: Any) -> dict[str, Any]:
    """Service actors by username."""
    from app.persistence.models import User
    from app.services.kernel.context import Actor

    out = {}
    with ctx.uow(readonly=True) as uow:
        for user in uow.session.scalars(select(User)):
            out[user.username] = Actor(user.id, frozenset(user.role_names))
    return out


def truncate_case_data(ctx: Any) -> None:
    """Empty every table except definitions, users and tokens."""
    from app.persistence.models import Base

    tables = [t for t in Base.metadata.sorted_tables if t.name not in KEEP]
    with ctx.db.engine.begin() as conn:
        if ctx.db.is_sqlite:
            for t in reversed(tables):
                conn.execute(t.delete())
        else:
            conn.execute(text("TRUNCATE " + ", ".join(f'"{t.name}"' for t in tables) + " CASCADE"))


# ------------------------------------------------------------------------------ statistics


def percentile(values: Iterable[float], q: float) -> float:
    """The q-th percentile (0..100), linear interpolation; NaN for no values."""
    data = sorted(values)
    if not data:
        return float("nan")
    if len(data) == 1:
        return data[0]
    pos = (len(data) - 1) * q / 100.0
    lo = int(pos)
    hi = min(lo + 1, len(data) - 1)
    return data[lo] + (data[hi] - data[lo]) * (pos - lo)


def median(values: Iterable[float]) -> float:
    """Median, NaN for no values."""
    data = list(values)
    return statistics.median(data) if data else float("nan")


@dataclass
class Timer:
    """Accumulates wall time of named calls."""

    samples: dict[str, list[float]]

    @classmethod
    def new(cls) -> Timer:
        return cls({})

    @contextmanager
    def time(self, name: str) -> Iterator[None]:
        t0 = time.perf_counter()
        try:
            yield
        finally:
            self.samples.setdefault(name, []).append(time.perf_counter() - t0)


def machine_info() -> dict[str, Any]:
    """CPU model, cores and memory (Linux)."""
    info: dict[str, Any] = {"cores": os.cpu_count()}
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                info["cpu"] = line.split(":", 1)[1].strip()
                break
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                info["mem_gb"] = round(int(line.split()[1]) / 1024 / 1024, 1)
                break
    except OSError:
        pass
    return info
