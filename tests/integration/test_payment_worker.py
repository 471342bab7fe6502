"""The payment run in a real Celery worker killed with SIGKILL mid-run: the committed batches
stay, the uncommitted one is lost whole, and the redelivered run completes the rest; no payment
is duplicated or lost."""

from __future__ import annotations

import os
import signal
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from app.persistence.models import Payment, PaymentList, PaymentScheduleItem
from app.services.kernel.context import ServiceContext
from app.services.kernel.publisher import CeleryPublisher
from tests.payment_data import grant

from .conftest import purge_broker, start_worker, stop_worker, wait_for

ITEMS, BATCH = 30, 10


def _state(ctx: ServiceContext) -> tuple[int, int, int, Decimal | None]:
    with ctx.uow() as uow:
        s = uow.session
        return (
            s.scalar(select(func.count(Payment.id))) or 0,
            s.scalar(select(func.count(func.distinct(Payment.schedule_item_id)))) or 0,
            s.scalar(select(func.count(PaymentScheduleItem.id))
                     .where(PaymentScheduleItem.status == "scheduled")) or 0,
            s.scalar(select(func.sum(PaymentList.total))),
        )


@pytest.mark.skipif(os.environ.get("POMOC_TEST_DB") == "sqlite",
                    reason="redelivery after a killed worker is tested on the production broker (Redis)")
def test_a_payment_run_killed_mid_run_is_completed_exactly_once(
    ctx: ServiceContext, test_config: dict[str, Any], instance_dir: Path, real_worker: Any,
) -> None:
    for i in range(ITEMS):
        grant(ctx, "zasilek_okresowy", f"{200 + i}.10", date(2026, 3, 1), date(2026, 3, 31))
    expected = sum(Decimal(f"{200 + i}.10") for i in range(ITEMS))
    real_worker.stop()
    purge_broker(test_config)
    assert not CeleryPublisher(test_config).celery.control.ping(timeout=1.0)
    slow = start_worker(test_config, instance_dir, "slowpay", POMOC_PAYMENT_RUN_BATCH=str(BATCH),
                        POMOC_PAYMENT_RUN_TEST_DELAY="2")
    try:
        CeleryPublisher(test_config).publish("pomoc.payment_run", "2026-03")
        # The first batch has committed; the second is inside its transaction (it sleeps 2 s).
        wait_for(lambda: _state(ctx)[0] >= BATCH, 60, 0.05)
        os.killpg(slow.pid, signal.SIGKILL)
        slow.wait()
        payments_, items, scheduled, _ = _state(ctx)
        assert payments_ % BATCH == 0 and payments_ < ITEMS, "only whole committed batches"
        assert payments_ == items == scheduled, "each committed item has exactly one payment"
    finally:
        stop_worker(slow, signal.SIGKILL)
    fresh = start_worker(test_config, instance_dir, "freshpay")
    try:
        wait_for(lambda: _state(ctx)[0] == ITEMS, 60)  # redelivered after the visibility timeout
        wait_for(lambda: _state(ctx)[3] == expected, 30)
        payments_, items, scheduled, total = _state(ctx)
        assert payments_ == items == scheduled == ITEMS and total == expected
        with ctx.uow() as uow:
            assert uow.session.scalar(select(func.count(PaymentList.id))) == 1
    finally:
        stop_worker(fresh)
        real_worker.start()
