"""MRPiPS-03 over 100,000 cases with a year of payments (issue 17 part 7), on PostgreSQL.

`python -m bench.report [--cases N] [--runs R]` (run it as `flock /tmp/pomoc-bench.lock make
bench-report`):

1. a fresh database is migrated, the workflows deployed and the users made;
2. N families (households of one to four persons, the register's persons and the members as the
   application names them), one case each, are added with bulk INSERT ... SELECT (as
   `bench/payments.py` and `bench/scale.py` do): four in ten zasiłek stały and three in ten zasiłek
   okresowy paid every month of 2025 (one March transfer in fifty returned and paid again), two in
   ten a zasiłek celowy paid once in the year, one in ten zasiłek rodzinny (not in MRPiPS-03);
   one family in ten has a social-work record with a visit; then VACUUM ANALYZE;
3. the report of the first half of 2025 and of the year are made R times each through the
   service (`app.services.reports.mrpips03.compute`, as the API and the page call it), and the
   minimum and the median are printed, with the statement's plan.

Never asserts timings; it asserts only that the rows are there and that the amounts reconcile.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path
from typing import Any

from sqlalchemy import text

from . import common

DB = "pomoc_bench_report"
REASONS = ("ubostwo", "bezrobocie", "niepelnosprawnosc", "choroba", "bezradnosc", "uzaleznienie",
           "bezdomnosc", "macierzynstwo", "przemoc", "zdarzenie_losowe")

_BENEFIT = """(CASE WHEN g % 10 < 4 THEN 'zasilek_staly' WHEN g % 10 < 7 THEN 'zasilek_okresowy'
                    WHEN g % 10 < 9 THEN 'zasilek_celowy' ELSE 'zasilek_rodzinny' END)"""
_SEED = [
    """INSERT INTO persons (register_key, pesel, first_name, last_name, birth_date, sex, address,
                            created_at, version, first_name_key, last_name_key)
       SELECT 'R' || g || '-' || j, NULL, 'Osoba', 'Raportowa' || (g % 997),
              DATE '1950-01-01' + (g % 20000), 'F', g::text, now(), 1, 'osoba',
              'raportowa' || (g % 997)
       FROM generate_series(1, :n) g CROSS JOIN generate_series(0, 3) j WHERE j <= g % 4""",
    """INSERT INTO households (address, created_at)
       SELECT 'ul. Raportowa ' || g, now() FROM generate_series(1, :n) g""",
    """INSERT INTO household_members (household_id, person_id, position, relation, unable_to_work,
                                      disabled, other_benefits, alimony_awarded, in_school,
                                      disability_certificate, first_name, last_name,
                                      first_name_key, last_name_key)
       SELECT h.id, p.id, split_part(p.register_key, '-', 2)::int,
              CASE WHEN p.register_key LIKE '%-0' THEN 'applicant' ELSE 'child' END,
              false, false, '[]', 0, false, false, p.first_name, p.last_name, p.first_name_key,
              p.last_name_key
       FROM persons p JOIN households h ON h.address = 'ul. Raportowa ' || p.address
       WHERE p.register_key LIKE 'R%'""",
    f"""INSERT INTO cases (number, household_id, applicant_id, benefit, reason, urgent, status,
                          opened_on, created_at, version, kind)
       SELECT 'RAP/' || g, h.id, p.id, {_BENEFIT},
              (ARRAY[{', '.join(f"'{r}'" for r in REASONS)}])[1 + g % {len(REASONS)}], false,
              'closed', DATE '2024-12-02', now(), 1, 'application'
       FROM generate_series(1, :n) g
       JOIN households h ON h.address = 'ul. Raportowa ' || g
       JOIN persons p ON p.register_key = 'R' || g || '-0'""",
    """INSERT INTO decisions (case_id, number, kind, benefit, amount, period_from, period_to,
                              justification, amount_reason, purpose, status, drafted_by_id,
                              drafted_at, return_comment, comments_answer, issued_on, final_on)
       SELECT c.id, 'DEC/RAP/' || c.id, 'grant', c.benefit, 100 + (c.id % 700) + 0.5,
              CASE WHEN c.benefit = 'zasilek_celowy'
                   THEN DATE '2025-01-01' + (c.id % 360) ELSE DATE '2025-01-01' END,
              CASE WHEN c.benefit = 'zasilek_okresowy' THEN DATE '2025-12-31' END,
              '', '', '', 'final', :user, now(), '', '', DATE '2024-12-20', DATE '2024-12-31'
       FROM cases c WHERE c.number LIKE 'RAP/%'""",
    """INSERT INTO payment_lists (month, pay_date, status, total, created_at, version)
       SELECT (DATE '2025-01-01' + (m || ' month')::interval)::date,
              (DATE '2025-01-10' + (m || ' month')::interval)::date, 'approved', 0, now(), 1
       FROM generate_series(0, 11) m""",
    """INSERT INTO payment_schedule_items (decision_id, case_id, month, due_on, amount, status)
       SELECT d.id, d.case_id, (DATE '2025-01-01' + (m || ' month')::interval)::date,
              (DATE '2025-01-10' + (m || ' month')::interval)::date, d.amount, 'scheduled'
       FROM decisions d CROSS JOIN generate_series(0, 11) m
       WHERE d.number LIKE 'DEC/RAP/%' AND d.benefit <> 'zasilek_celowy'
       UNION ALL
       SELECT d.id, d.case_id, date_trunc('month', d.period_from)::date, d.period_from, d.amount,
              'scheduled'
       FROM decisions d WHERE d.number LIKE 'DEC/RAP/%' AND d.benefit = 'zasilek_celowy'""",
    # Paid on the item's day; one March transfer in fifty returned on the 12th (and paid again
    # on the 20th as the item's second attempt, below).
    """INSERT INTO payments (schedule_item_id, attempt, payment_list_id, case_id, amount, method,
                             due_on, status, benefit_month, account, settlement_ref, settled_on)
       SELECT s.id, 1, l.id, s.case_id, s.amount, 'transfer', s.due_on,
              CASE WHEN s.month = DATE '2025-03-01' AND s.case_id % 50 = 0 THEN 'returned'
                   ELSE 'paid' END,
              s.month, NULL, '',
              CASE WHEN s.month = DATE '2025-03-01' AND s.case_id % 50 = 0 THEN DATE '2025-03-12'
                   ELSE s.due_on END
       FROM payment_schedule_items s
       JOIN cases c ON c.id = s.case_id AND c.number LIKE 'RAP/%'
       JOIN payment_lists l ON l.month = s.month""",
    """INSERT INTO payments (schedule_item_id, attempt, payment_list_id, case_id, amount, method,
                             due_on, status, benefit_month, account, settlement_ref, settled_on,
                             reissue_of_id)
       SELECT p.schedule_item_id, 2, p.payment_list_id, p.case_id, p.amount, 'cash', p.due_on,
              'paid', p.benefit_month, NULL, '', DATE '2025-03-20', p.id
       FROM payments p WHERE p.status = 'returned'""",
    # Social work: a record with a visit for one family in ten (its members as the household's).
    """INSERT INTO social_work_records (person_id, case_id, opened_on, help_plan, status,
                                        created_at, version)
       SELECT c.applicant_id, c.id, DATE '2025-01-15', '', 'open', now(), 1
       FROM cases c WHERE c.number LIKE 'RAP/%' AND c.id % 10 = 3""",
    """INSERT INTO social_work_members (record_id, person_id)
       SELECT r.id, m.person_id FROM social_work_records r
       JOIN cases c ON c.id = r.case_id JOIN household_members m ON m.household_id = c.household_id""",
    """INSERT INTO social_work_entries (record_id, kind, "on", by_id, text, created_at)
       SELECT r.id, 'visit', DATE '2025-01-15' + (r.id % 300), :user, 'Wizyta.', now()
       FROM social_work_records r""",
]


def seed_bulk(ctx: Any, n: int, user_id: int) -> float:
    """The bulk rows (module docstring); seconds taken."""
    t0 = time.perf_counter()
    with ctx.db.engine.begin() as conn:
        for sql in _SEED:
            conn.execute(text(sql), {"n": n, "user": user_id})
    with ctx.db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(text("VACUUM ANALYZE"))
    return time.perf_counter() - t0


def counts(ctx: Any) -> dict[str, int]:
    with ctx.db.engine.connect() as conn:
        return {t: conn.execute(text(f"SELECT count(*) FROM {t}")).scalar_one()
                for t in ("persons", "household_members", "cases", "decisions", "payments",
                          "social_work_records")}


def plan(ctx: Any) -> str:
    """PostgreSQL's plan of the report's statement for the first half (ANALYZE, without costs)."""
    from sqlalchemy.dialects import postgresql

    from app.domain.mrpips03 import Period
    from app.services.reports import mrpips03

    p = Period(2025, 1)
    sql = mrpips03.statement(p.start, p.end).compile(
        dialect=postgresql.dialect(), compile_kwargs={"literal_binds": True})
    with ctx.db.engine.connect() as conn:
        rows = conn.execute(text(f"EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF) {sql}")).scalars()
        return "\n".join(str(r) for r in rows)


def bench(n: int, runs: int) -> dict[str, Any]:
    from app.services.kernel.context import Actor
    from app.services.reports import mrpips03

    url = common.create_pg_database(DB)
    try:
        with tempfile.TemporaryDirectory(prefix="pomoc-bench-report-") as tmp:
            cfg = common.bench_config(Path(tmp), url, None)
            ctx, _clock, _publisher = common.setup_context(cfg)
            users = common.actors(ctx)
            seed_s = seed_bulk(ctx, n, users["caseworker1"].id)
            rows = counts(ctx)
            assert rows["cases"] >= n and rows["payments"] >= n * 9, rows
            head = Actor(users["supervisor"].id, frozenset({"head"}))
            times: dict[str, list[float]] = {"half_year": [], "year": []}
            reports = {}
            for _ in range(runs):
                for name, half in (("half_year", 1), ("year", None)):
                    t0 = time.perf_counter()
                    reports[name] = mrpips03.compute(ctx, head, 2025, half)
                    times[name].append(time.perf_counter() - t0)
            with ctx.db.engine.connect() as conn:
                paid = conn.execute(text(
                    "SELECT sum(p.amount) FROM payments p JOIN cases c ON c.id = p.case_id "
                    "WHERE p.status = 'paid' AND p.settled_on BETWEEN '2025-01-01' AND '2025-06-30' "
                    "AND c.benefit <> 'zasilek_rodzinny'")).scalar_one()
            half = {r.benefit: r for r in reports["half_year"].rows}
            assert half["zlecone_ogolem"].amount + half["wlasne_ogolem"].amount == paid  # type: ignore[operator]
            explained = plan(ctx)
            ctx.db.engine.dispose()
        return {"cases": n, "runs": runs, "seed_s": round(seed_s, 1), "rows": rows,
                "paid_first_half": str(paid),
                "half_year": {"min_s": round(min(times["half_year"]), 3),
                              "median_s": round(common.median(times["half_year"]), 3)},
                "year": {"min_s": round(min(times["year"]), 3),
                         "median_s": round(common.median(times["year"]), 3)},
                "wlasne_ogolem_first_half": reports["half_year"].rows[2].as_json(),
                "plan": explained}
    finally:
        common.drop_pg_database(DB)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--plan", action="store_true", help="print the statement's plan")
    args = parser.parse_args(argv)
    if not common.pg_reachable():
        raise SystemExit("report benchmark: PostgreSQL is not reachable")
    result = bench(args.cases, args.runs)
    print(f"rows: {result['rows']} (bulk seed {result['seed_s']} s)")
    for name in ("half_year", "year"):
        print(f"MRPiPS-03 {name:9}: min {result[name]['min_s']:.3f} s, "
              f"median {result[name]['median_s']:.3f} s ({args.runs} runs)")
    if args.plan:
        print(result["plan"])
    print(json.dumps({k: v for k, v in result.items() if k != "plan"}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
