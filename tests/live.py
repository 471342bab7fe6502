"""A live server: the app served by gunicorn on the test database (browser and fuzzing tests)."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from tests.integration.conftest import worker_env

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    """A TCP port nobody listens on now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(test_config: dict[str, Any], instance_dir: Path, workers: int = 2,
                 name: str = "gunicorn", target: str = "app:create_app()",
                 **extra_env: str) -> tuple[subprocess.Popen[bytes], str]:
    """Start gunicorn serving the test configuration; (process, base URL) once it listens.

    ``target`` is the WSGI app gunicorn loads (a test may wrap the factory); ``extra_env`` is
    added to the server's environment."""
    port = free_port()
    logfile = instance_dir / f"{name}.log"
    log = open(logfile, "wb")  # noqa: SIM115
    env = worker_env(test_config, instance_dir, POMOC_PASSWORD_HASH_TIME_COST="1", **extra_env)
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-w", str(workers), "-b", f"127.0.0.1:{port}",
         target],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
    )
    log.close()  # the child holds its own descriptor
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return server, f"http://127.0.0.1:{port}"
        except OSError:
            if server.poll() is not None:
                raise RuntimeError(logfile.read_text()[-3000:]) from None
            time.sleep(0.2)
    server.kill()
    raise RuntimeError(f"gunicorn did not start: {logfile.read_text()[-3000:]}")
