"""Issue 19, finding 1: an approval during a run never lets an unapproved payment into an
approved list. The run (batches of one item) fills the lists while a second supervisor approves
every draft list as soon as it appears; afterwards no approved list holds a pending payment, and
every approved list's total is the sum of its payments."""

from __future__ import annotations

import os
import signal
import threading
import time
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from app.persistence.models import AuditEvent, Payment, PaymentList
from app.services import payments
from app.services.kernel.context import Actor, ServiceContext
from app.services.kernel.errors import Conflict
from app.services.kernel.publisher import CeleryPublisher
from tests.conftest import actor_for
from tests.payment_data import grant

from .conftest import purge_broker, start_worker, stop_worker, wait_for

ITEMS = 120


@pytest.mark.timeout(300)
@pytest.mark.skipif(os.environ.get("POMOC_TEST_DB") == "sqlite",
                    reason="a run beside concurrent approvals is a PostgreSQL deployment")
def test_finding1_approvals_during_a_run_leave_no_pending_payment_in_an_approved_list(
        ctx: ServiceContext) -> None:
    for i in range(ITEMS):
        grant(ctx, "zasilek_okresowy", f"{100 + i}.05", date(2026, 3, 1), date(2026, 3, 31))
    approver = actor_for(ctx, "supervisor2")
    config: Any = ctx.config
    saved = config.get("PAYMENT_RUN_BATCH")
    config["PAYMENT_RUN_BATCH"] = 1
    done = threading.Event()
    errors: list[BaseException] = []
    approved: list[int] = []

    def run() -> None:
        try:
            payments.monthly_payment_run(ctx, date(2026, 3, 1))
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
        finally:
            done.set()

    def approve() -> None:
        try:
            while not done.is_set():
                _approve_drafts(ctx, approver, approved)
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    try:
        threads = [threading.Thread(target=run), threading.Thread(target=approve)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    finally:
        config["PAYMENT_RUN_BATCH"] = saved
    assert not errors, errors
    assert len(approved) > 1, "the approvals ran during the run"
    _closed_sets(ctx)


def _approve_drafts(ctx: ServiceContext, approver: Actor, approved: list[int]) -> None:
    """Approve every draft list there is now (a second supervisor at work)."""
    with ctx.uow(readonly=True) as uow:
        drafts = list(uow.session.scalars(select(PaymentList.id).where(
            PaymentList.status == "draft")))
    for list_id in drafts:
        try:
            payments.approve_list(ctx, approver, list_id)
            approved.append(list_id)
        except Conflict:
            pass  # approved meanwhile


def _closed_sets(ctx: ServiceContext) -> None:
    """No approved list holds an unapproved payment; every total is its payments' sum; every
    item was paid once."""
    with ctx.uow(readonly=True) as uow:
        s = uow.session
        pending_in_approved = s.scalar(
            select(func.count(Payment.id)).join(PaymentList, PaymentList.id == Payment.payment_list_id)
            .where(PaymentList.status == "approved", Payment.status != "approved"))
        assert pending_in_approved == 0
        for plist in s.scalars(select(PaymentList)):
            paid = s.scalar(select(func.coalesce(func.sum(Payment.amount), 0))
                            .where(Payment.payment_list_id == plist.id))
            assert plist.total == paid, plist.id
        assert s.scalar(select(func.count(Payment.id))) == ITEMS, "every item paid once"
        assert s.scalar(select(func.sum(Payment.amount))) == sum(
            Decimal(f"{100 + i}.05") for i in range(ITEMS))


@pytest.mark.timeout(300)
@pytest.mark.skipif(os.environ.get("POMOC_TEST_DB") == "sqlite",
                    reason="a real worker on the production broker (Redis)")
def test_finding1_a_run_in_a_real_worker_beside_approvals_leaves_closed_sets(
    ctx: ServiceContext, test_config: dict[str, Any], instance_dir: Path, real_worker: Any,
) -> None:
    """The same race with the run in a Celery worker process (batches of one), as in production."""
    for i in range(ITEMS):
        grant(ctx, "zasilek_okresowy", f"{100 + i}.05", date(2026, 3, 1), date(2026, 3, 31))
    approver = actor_for(ctx, "supervisor2")
    approved: list[int] = []
    real_worker.stop()
    purge_broker(test_config)
    worker = start_worker(test_config, instance_dir, "racepay", POMOC_PAYMENT_RUN_BATCH="1")

    def finished() -> bool:
        with ctx.uow(readonly=True) as uow:
            return bool(uow.session.scalar(select(func.count(AuditEvent.id))
                                           .where(AuditEvent.action == "payments.run")))

    try:
        CeleryPublisher(test_config).publish("pomoc.payment_run", "2026-03")
        wait_for(lambda: _payments(ctx) > 0, 60, 0.01)
        deadline = time.monotonic() + 180
        while not finished():
            assert time.monotonic() < deadline, "the run did not finish"
            _approve_drafts(ctx, approver, approved)
    finally:
        stop_worker(worker, signal.SIGTERM)
        real_worker.start()
    assert len(approved) > 1, "the approvals ran during the run"
    _closed_sets(ctx)


def _payments(ctx: ServiceContext) -> int:
    with ctx.uow(readonly=True) as uow:
        return uow.session.scalar(select(func.count(Payment.id))) or 0
