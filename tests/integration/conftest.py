"""A real Celery worker process against the test database and broker."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from app.services.kernel.publisher import CeleryPublisher

ROOT = Path(__file__).resolve().parents[2]


def worker_env(cfg: dict[str, Any], instance_dir: Path, **extra: str) -> dict[str, str]:
    """Environment for a worker sharing the test configuration."""
    env = dict(os.environ)
    env.update({
        "POMOC_ENV": "testing", "POMOC_INSTANCE_PATH": str(instance_dir),
        "DATABASE_URL": cfg["DATABASE_URL"], "CELERY_BROKER_URL": cfg["CELERY_BROKER_URL"],
        "POMOC_CELERY_VISIBILITY_TIMEOUT": str(cfg["CELERY_VISIBILITY_TIMEOUT"]),
        "SECRET_KEY": "test-only-secret", "PYTHONUNBUFFERED": "1",
    })
    env.update(extra)
    return env


def start_worker(cfg: dict[str, Any], instance_dir: Path, name: str, **extra: str) -> subprocess.Popen[bytes]:
    """Start `celery worker` (solo pool: the job runs in the process we may kill)."""
    log = open(instance_dir / f"worker-{name}.log", "wb")  # noqa: SIM115
    proc = subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "tasks", "worker", "--pool=solo", "--loglevel=INFO",
         "--without-gossip", "--without-mingle", "--without-heartbeat", "-n", f"{name}@%h"],
        cwd=ROOT, env=worker_env(cfg, instance_dir, **extra), stdout=log, stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    log.close()  # the child holds its own descriptor
    deadline = time.monotonic() + 60
    logfile = instance_dir / f"worker-{name}.log"
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"worker exited: {logfile.read_text()[-3000:]}")
        if b"ready." in logfile.read_bytes():
            return proc
        time.sleep(0.2)
    proc.kill()
    raise RuntimeError(f"worker did not start: {logfile.read_text()[-3000:]}")


def stop_worker(proc: subprocess.Popen[bytes], sig: int = signal.SIGTERM) -> None:
    """Stop a worker and wait for it."""
    if proc.poll() is None:
        os.killpg(proc.pid, sig)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


def purge_broker(cfg: dict[str, Any]) -> None:
    """Drop messages left by an earlier run."""
    url = cfg["CELERY_BROKER_URL"]
    if url.startswith("redis://"):
        import redis

        redis.Redis.from_url(url).flushdb()


class WorkerHandle:
    """The session's worker process, which a test may stop and restart."""

    def __init__(self, cfg: dict[str, Any], instance_dir: Path) -> None:
        self.cfg, self.instance_dir, self.runs = cfg, instance_dir, 0
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        """Start it (if not running)."""
        if self.proc is None or self.proc.poll() is not None:
            self.runs += 1
            self.proc = start_worker(self.cfg, self.instance_dir, f"main{self.runs}")

    def stop(self) -> None:
        """Stop it."""
        if self.proc is not None:
            stop_worker(self.proc)
            self.proc = None


@pytest.fixture(scope="session")
def real_worker(test_config: dict[str, Any], instance_dir: Path, session_ctx: Any) -> Iterator[WorkerHandle]:
    """One real worker for the session; the context publishes to the real broker."""
    purge_broker(test_config)
    handle = WorkerHandle(test_config, instance_dir)
    handle.start()
    yield handle
    handle.stop()


@pytest.fixture
def live_ctx(ctx: Any, real_worker: WorkerHandle, test_config: dict[str, Any]) -> Any:
    """The test context wired to the real broker (jobs run in the worker process)."""
    real_worker.start()
    ctx.publisher = CeleryPublisher(test_config)
    return ctx


def wait_for(predicate: Any, timeout: float = 30.0, interval: float = 0.1) -> Any:
    """Poll until predicate() is truthy; return its value or fail with a timeout."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(interval)
    raise AssertionError(f"condition not met within {timeout}s")
