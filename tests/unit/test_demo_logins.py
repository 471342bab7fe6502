"""`make run` and the README name every demo login that `flask seed-demo` creates."""

from __future__ import annotations

import re
from pathlib import Path

from app.cli.seed import DEMO_USERS

ROOT = Path(__file__).resolve().parents[2]


def test_make_run_prints_every_demo_login() -> None:
    line = next(ln for ln in (ROOT / "Makefile").read_text().splitlines() if "Logins (password: demo)" in ln)
    printed = re.findall(r"[a-z][a-z0-9]+", line.split(":", 1)[1].split(":", 1)[1])
    assert sorted(printed) == sorted(u for u, *_ in DEMO_USERS)


def test_readme_lists_every_demo_login() -> None:
    table = [ln for ln in (ROOT / "README.md").read_text().splitlines() if ln.endswith("| demo |")]
    listed = {name for ln in table for name in re.findall(r"[a-z][a-z0-9]+", ln.split("|")[1])}
    assert listed == {u for u, *_ in DEMO_USERS}
