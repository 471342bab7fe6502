"""Issue 19, finding 2: a run killed (SIGKILL, a real Celery worker) after its payments are made
and before the undue-benefit deductions are applied loses no deduction: the redelivered run
applies it, once, and a further run never deducts it twice."""

from __future__ import annotations

import os
import signal
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from app.persistence.models import (
    AuditEvent,
    Payment,
    PaymentList,
    PaymentScheduleItem,
    RecoveryDeduction,
)
from app.services import payments
from app.services.kernel.context import ServiceContext
from app.services.kernel.publisher import CeleryPublisher
from app.services.recovery import claims as recovery
from app.services.recovery import recovery_decisions
from tests.conftest import actor_for
from tests.payment_data import grant
from tests.recovery_data import ACCOUNT, make_case

from .conftest import purge_broker, start_worker, stop_worker, wait_for

MARCH = date(2026, 3, 1)


def _debtor(ctx: ServiceContext) -> tuple[int, int]:
    """A person owing 700.00 under an issued recovery decision, with a March benefit of 500.00
    planned; returns (case id, schedule item id)."""
    cw, sup = actor_for(ctx, "caseworker1"), actor_for(ctx, "supervisor")
    rows = make_case(ctx)
    body = {"payments": [{"payment_id": pid, "amount": a}
                         for pid, a in zip(rows.payments, ("500.00", "200.00"), strict=True)],
            "ground": "unreported_change", "fact": "Podjęcie pracy od 1 stycznia 2026 r."}
    rid = recovery.record_finding(ctx, cw, rows.case_id, body)["id"]
    did = recovery_decisions.draft_decision(ctx, cw, rid, {
        "kind": "recovery", "justification": "Strona nie zgłosiła podjęcia pracy.",
        "repay_by": "2026-04-30", "account": ACCOUNT})["id"]
    recovery_decisions.approve_decision(ctx, sup, did)
    with ctx.uow() as uow:
        item = PaymentScheduleItem(decision_id=rows.decision_id, case_id=rows.case_id, month=MARCH,
                                   due_on=date(2026, 3, 10), amount=Decimal("500.00"),
                                   status="planned")
        uow.session.add(item)
        uow.commit()
        return rows.case_id, item.id


def _deductions(ctx: ServiceContext, item_id: int) -> list[tuple[Decimal, Decimal, Decimal]]:
    """(gross, deducted, payment amount) of each deduction from the item's payments."""
    with ctx.uow(readonly=True) as uow:
        return [(g, a, p) for g, a, p in uow.session.execute(
            select(RecoveryDeduction.gross, RecoveryDeduction.amount, Payment.amount)
            .join(Payment, Payment.id == RecoveryDeduction.payment_id)
            .where(Payment.schedule_item_id == item_id))]


def _runs_finished(ctx: ServiceContext) -> int:
    with ctx.uow(readonly=True) as uow:
        return uow.session.scalar(select(func.count(AuditEvent.id))
                                  .where(AuditEvent.action == "payments.run")) or 0


@pytest.mark.timeout(240)
@pytest.mark.skipif(os.environ.get("POMOC_TEST_DB") == "sqlite",
                    reason="a killed worker is tested on the production broker (Redis)")
def test_finding2_a_run_killed_before_its_deductions_applies_each_deduction_once(
    ctx: ServiceContext, test_config: dict[str, Any], instance_dir: Path, real_worker: Any,
) -> None:
    _, item_id = _debtor(ctx)
    for i in range(3):
        grant(ctx, "zasilek_okresowy", f"{300 + i}.00", MARCH, date(2026, 3, 31))
    stop_file = instance_dir / "payment-run-stopped-at"
    stop_file.unlink(missing_ok=True)
    real_worker.stop()
    purge_broker(test_config)
    killed = start_worker(test_config, instance_dir, "killdeduct",
                          POMOC_PAYMENT_RUN_TEST_STOP_FILE=str(stop_file))
    try:
        CeleryPublisher(test_config).publish("pomoc.payment_run", "2026-03")
        # The run made its payments and stands before the deductions: kill it there.
        wait_for(stop_file.exists, 60, 0.05)
        os.killpg(killed.pid, signal.SIGKILL)
        killed.wait()
    finally:
        stop_worker(killed, signal.SIGKILL)
    assert _deductions(ctx, item_id) == [], "killed before any deduction"
    fresh = start_worker(test_config, instance_dir, "freshdeduct")
    try:
        wait_for(lambda: _runs_finished(ctx) >= 1, 90)  # redelivered after the visibility timeout
    finally:
        stop_worker(fresh)
        real_worker.start()
    (deduction,) = _deductions(ctx, item_id)
    gross, amount, paid = deduction
    assert gross == Decimal("500.00") and amount > 0 and paid == gross - amount
    # Running again finds nothing missing and deducts nothing twice.
    payments.monthly_payment_run(ctx, MARCH)
    assert _deductions(ctx, item_id) == [deduction]
    with ctx.uow(readonly=True) as uow:
        s = uow.session
        assert s.scalar(select(func.count(Payment.id))) == 4 + 2  # 2 paid before the finding
        for plist in s.scalars(select(PaymentList).where(PaymentList.status == "draft")):
            assert plist.total == s.scalar(select(func.sum(Payment.amount))
                                           .where(Payment.payment_list_id == plist.id))
