"""Demo data: idempotent, and leaves work for every role."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.cli.seed import seed_demo
from app.persistence.models import HumanTask
from app.services.kernel.context import ServiceContext

pytestmark = pytest.mark.embedded


def test_seed_demo_is_idempotent_and_staged(ctx: ServiceContext) -> None:
    assert seed_demo(ctx) == 3
    assert seed_demo(ctx) == 0
    with ctx.uow(readonly=True) as uow:
        ready = sorted(uow.session.scalars(
            select(HumanTask.name).where(HumanTask.status == "ready")))
    assert ready == ["approve_decision", "completeness_check", "conduct_interview"]
