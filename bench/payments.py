"""The monthly payment run over 100,000 schedule items on PostgreSQL (`payment_run_s`).

100,000 payees are seeded with bulk INSERT ... SELECT over generate_series (persons, households,
cases, decisions, schedule items), never through the API: half hold fixed-term grants whose
December item is planned, half open-ended grants whose schedule reaches November. The timed run
adds December's item to each open-ended grant and turns all 100,000 December items into payments
in committed batches, as production does. Prints what it measured; asserts only
that the run paid every item exactly once, with the list total equal to the items' sum.
"""

from __future__ import annotations

import time
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import text

from . import common

MONTH = date(2026, 12, 1)
ACCOUNT = "PL61109010140000071219812874"

_SEED = [
    """INSERT INTO persons (register_key, first_name, last_name, birth_date, sex, address,
                            created_at, version)
       SELECT 'BP-B' || g, 'Jan', 'Bench' || g, DATE '1960-01-01', 'M', '', now(), 1
       FROM generate_series(1, :n) g""",
    """INSERT INTO households (address, created_at)
       SELECT 'ul. Benchowa ' || g || ', 32-065 Krzeszowice', now() FROM generate_series(1, :n) g""",
    """INSERT INTO household_members (household_id, person_id, position, relation, unable_to_work,
                                      disabled, other_benefits, alimony_awarded, in_school,
                                      disability_certificate, first_name, last_name)
       SELECT h.id, p.id, 0, 'applicant', true, false, '[]', 0, false, false, 'Jan', p.last_name
       FROM persons p JOIN households h
         ON h.address = 'ul. Benchowa ' || substr(p.register_key, 5) || ', 32-065 Krzeszowice'
       WHERE p.register_key LIKE 'BP-B%'""",
    """INSERT INTO cases (number, household_id, applicant_id, benefit, reason, urgent, status,
                          opened_on, bank_account, created_at, version, kind)
       SELECT 'B/' || substr(p.register_key, 5), m.household_id, p.id, 'zasilek_staly', 'ubostwo',
              false, 'closed', DATE '2026-11-02',
              CASE WHEN p.id % 10 = 0 THEN NULL ELSE :account END, now(), 1, 'application'
       FROM persons p JOIN household_members m ON m.person_id = p.id
       WHERE p.register_key LIKE 'BP-B%'""",
    """INSERT INTO decisions (case_id, number, kind, benefit, amount, period_from, period_to,
                              justification, amount_reason, purpose, status, drafted_by_id,
                              drafted_at, return_comment)
       SELECT c.id, 'DEC/B/' || c.id, 'grant', 'zasilek_staly', 100 + (c.id % 1130) + 0.37,
              DATE '2026-11-01', CASE WHEN c.id % 2 = 0 THEN NULL ELSE DATE '2027-10-31' END,
              '', '', '', 'final', :user, now(), ''
       FROM cases c WHERE c.number LIKE 'B/%'""",
    # Fixed-term grants: December's item is planned. Open-ended grants (half of them): their
    # schedule reaches November, so the run itself adds December's item (extend_open_ended).
    """INSERT INTO payment_schedule_items (decision_id, case_id, month, due_on, amount, status)
       SELECT d.id, d.case_id, :month, :due, d.amount, 'planned'
       FROM decisions d WHERE d.number LIKE 'DEC/B/%' AND d.period_to IS NOT NULL""",
    """INSERT INTO payment_schedule_items (decision_id, case_id, month, due_on, amount, status)
       SELECT d.id, d.case_id, DATE '2026-11-01', DATE '2026-11-10', d.amount, 'scheduled'
       FROM decisions d WHERE d.number LIKE 'DEC/B/%' AND d.period_to IS NULL""",
]


def seed(ctx: Any, n: int, user_id: int) -> float:
    """Bulk-insert n payees with one due item each; return the seconds it took."""
    from app.services.payments import payment_day

    t0 = time.perf_counter()
    params = {"n": n, "account": ACCOUNT, "user": user_id, "month": MONTH,
              "due": payment_day(ctx.config, MONTH)}
    with ctx.db.engine.begin() as conn:
        for sql in _SEED:
            conn.execute(text(sql), params)
        conn.execute(text("ANALYZE"))
    return time.perf_counter() - t0


def bench_payment_run(ctx: Any, n: int = 100_000) -> dict[str, Any]:
    """Seed n items, time the run, check every item was paid once."""
    from app.services import payments

    common.truncate_case_data(ctx)
    user_id = common.actors(ctx)["caseworker1"].id
    seed_s = seed(ctx, n, user_id)
    # The run is made in its month (a run more than one month ahead is refused); the clock is
    # put back for the benchmarks after this one.
    clock = ctx.clock
    before = clock.now if hasattr(clock, "set") else None
    if before is not None:
        clock.set(datetime(MONTH.year, MONTH.month, 1, 9, 0, tzinfo=UTC))
    t0 = time.perf_counter()
    result = payments.monthly_payment_run(ctx, MONTH)
    run_s = time.perf_counter() - t0
    with ctx.db.engine.connect() as conn:
        paid, distinct, total, expected = conn.execute(text(
            "SELECT (SELECT count(*) FROM payments), "
            "(SELECT count(DISTINCT schedule_item_id) FROM payments), "
            "(SELECT sum(total) FROM payment_lists), "
            "(SELECT sum(amount) FROM payment_schedule_items WHERE month = :m)"), {"m": MONTH}).one()
    assert paid == distinct == n and total == expected, (paid, distinct, total, expected)
    again = time.perf_counter()
    repeat = payments.monthly_payment_run(ctx, MONTH)
    again_s = time.perf_counter() - again
    assert repeat["created"] == 0
    if before is not None:
        clock.set(before)
    common.truncate_case_data(ctx)
    return {"items": n, "seed_s": seed_s, "payment_run_s": run_s, "created": result["created"],
            "extended": result["extended"],
            "items_per_s": n / run_s if run_s else float("nan"), "repeat_run_s": again_s,
            "batch": int(ctx.config.get("PAYMENT_RUN_BATCH") or 0)}


if __name__ == "__main__":
    import tempfile
    from pathlib import Path

    if not common.pg_reachable():
        raise SystemExit("payment run benchmark: PostgreSQL is not reachable")
    with tempfile.TemporaryDirectory(prefix="pomoc-bench-pay-") as tmp:
        url = common.create_pg_database()
        try:
            bench_ctx, _, _ = common.setup_context(common.bench_config(Path(tmp), url, None))
            figures = bench_payment_run(bench_ctx)
            print(f"payment_run_s = {figures['payment_run_s']:.2f} for {figures['items']} items "
                  f"({figures['items_per_s']:.0f} items/s, {figures['extended']} of them added to open-ended "
                  f"schedules by the run; seeding {figures['seed_s']:.1f} s; "
                  f"a repeat run {figures['repeat_run_s']:.2f} s)")
            bench_ctx.db.dispose()
        finally:
            common.drop_pg_database()
