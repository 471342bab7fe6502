"""A live server (gunicorn) with a real worker, driven by Debian's chromium through Playwright."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.integration.conftest import purge_broker, start_worker, stop_worker
from tests.live import start_server

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("POMOC_CHROMIUM", "/usr/bin/chromium")
SHOTS = Path(os.environ.get("POMOC_SCREENSHOTS", "/tmp/pomoc-shots"))


@pytest.fixture(scope="module")
def live_server(test_config: dict[str, Any], instance_dir: Path, session_ctx: Any) -> Iterator[str]:
    """gunicorn serving the test database, plus a worker for the jobs.

    Module-scoped: its worker must be gone before other tests start workers of their own on
    the same broker (the SIGKILL test relies on being the only consumer).
    """
    purge_broker(test_config)
    worker = start_worker(test_config, instance_dir, "browser")
    server, url = start_server(test_config, instance_dir)
    yield url
    stop_worker(server)
    stop_worker(worker)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Headless Debian chromium (never a downloaded browser)."""
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium package (make system-deps)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        )
        yield b
        b.close()


@pytest.fixture
def page(browser: Any, ctx: Any) -> Iterator[Any]:
    """A fresh browser context per test (clean database too)."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(locale="pl-PL", viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    pg.set_default_timeout(15000)
    yield pg
    context.close()
