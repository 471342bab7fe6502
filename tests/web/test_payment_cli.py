"""`flask payment-run --month YYYY-MM`: a progress bar, what it did, and a clear refusal."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from app.services.kernel.context import ServiceContext
from tests.payment_data import grant


def test_the_payment_run_command(flask_app: Any, ctx: ServiceContext) -> None:
    for _ in range(3):
        grant(ctx, "zasilek_staly", period_from=date(2026, 11, 1))
    clock: Any = ctx.clock  # December's run, made in December (issue 19: a month ahead at most)
    clock.set(datetime(2026, 12, 1, 9, 0, tzinfo=UTC))
    runner = flask_app.test_cli_runner()
    result = runner.invoke(args=["payment-run", "--month", "2026-12"])
    assert result.exit_code == 0, result.output
    assert "payment run 2026-12" in result.output
    assert "month 2026-12: 6 payment(s) added to 1 list(s)" in result.output
    assert "3 open-ended schedule month(s) added" in result.output
    again = runner.invoke(args=["payment-run", "--month", "2026-12"])
    assert "0 payment(s) added" in again.output
    bad = runner.invoke(args=["payment-run", "--month", "grudzień"])
    assert bad.exit_code == 2 and "YYYY-MM" in bad.output
    ahead = runner.invoke(args=["payment-run", "--month", "2027-02"])
    assert ahead.exit_code == 2 and "payments.run_month_too_far" in ahead.output
    assert "payment run 2027-02" not in ahead.output
