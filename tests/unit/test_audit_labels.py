"""Every action the services audit has a label on the case and admin pages."""

from __future__ import annotations

import re
from pathlib import Path

from app.web.ui.labels import AUDIT_ACTIONS

SERVICES = Path(__file__).resolve().parents[2] / "app" / "services"


def test_every_audited_action_has_a_label() -> None:
    recorded = set()
    for path in SERVICES.rglob("*.py"):
        text = path.read_text()
        recorded |= set(re.findall(r'audit\.record\(\s*uow,\s*"([a-z_.]+)"', text))
        recorded |= set(re.findall(r'action="([a-z_]+\.[a-z_.]+)"', text))
    assert recorded, "the audit calls were found"
    assert sorted(recorded - AUDIT_ACTIONS.keys()) == []
