"""The main pages at ten years of data (issue 18 part 3), on PostgreSQL.

`python -m bench.scale [--cases N] [--payments-per-case K] [--requests R]`:

1. a fresh database gets a few real cases opened through the service (with their workflow, so
   the caseworker has tasks), and the pages are timed on it ("empty");
2. N cases with their persons, households, members, decisions, K monthly schedule items and K
   payments each (2 million payments at the defaults), a completed task per case, and one open
   task in twenty assigned to another caseworker, are added with bulk INSERT ... SELECT (as
   `bench/payments.py` does), then ANALYZE;
3. the same pages are timed again ("full").

The pages: the worklist (`/`), the case search by PESEL and by surname (POST `/cases`), the case
file (`/cases/<id>`) and a task page (`/tasks/<id>`), each requested R times in-process through the
Flask test client as the signed-in caseworker (server time only, no network), with the SQL
statements each request runs. Prints the median and p95 per page, the ratio full ÷ empty, and
PostgreSQL's plans for the search queries. Never asserts timings; it asserts only that the pages
answered 200 and that the seeded rows are there.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import event, text

from . import common

DB = "pomoc_bench_scale"
SURNAMES = ("Nowak", "Kowalski", "Wisniewski", "Wojcik", "Kowalczyk", "Kaminski", "Lewandowski",
            "Zielinski", "Szymanski", "Wozniak", "Dabrowski", "Kozlowski", "Jankowski", "Mazur",
            "Kwiatkowski", "Krawczyk", "Piotrowski", "Grabowski", "Nowakowski", "Pawlowski")

_SEED = [
    # Persons: PESEL-like unique digits (not check-digit valid: written directly), ASCII names so
    # that the folded search key is the lower-case name.
    """INSERT INTO persons (register_key, pesel, first_name, last_name, birth_date, sex, address,
                            created_at, version, first_name_key, last_name_key)
       SELECT lpad((10000000000 + g)::text, 11, '0'), lpad((10000000000 + g)::text, 11, '0'),
              'Jan', (ARRAY[{surnames}])[1 + g % {n_surnames}] || (g % 997),
              DATE '1950-01-01' + (g % 20000), 'M', '', now(), 1, 'jan',
              lower((ARRAY[{surnames}])[1 + g % {n_surnames}] || (g % 997))
       FROM generate_series(1, :n) g""",
    """INSERT INTO households (address, created_at)
       SELECT 'ul. Skalowa ' || g || ', 32-065 Krzeszowice', now() FROM generate_series(1, :n) g""",
    """INSERT INTO household_members (household_id, person_id, position, relation, unable_to_work,
                                      disabled, other_benefits, alimony_awarded, in_school,
                                      disability_certificate, first_name, last_name,
                                      first_name_key, last_name_key)
       SELECT h.id, p.id, 0, 'applicant', true, false, '[]', 0, false, false, p.first_name,
              p.last_name, p.first_name_key, p.last_name_key
       FROM (SELECT id, first_name, last_name, first_name_key, last_name_key,
                    row_number() OVER (ORDER BY id) AS k FROM persons
             WHERE register_key >= '10000000001' AND register_key <= '19999999999') p
       JOIN (SELECT id, row_number() OVER (ORDER BY id) AS k FROM households
             WHERE address LIKE 'ul. Skalowa %') h ON h.k = p.k""",
    """INSERT INTO cases (number, household_id, applicant_id, benefit, reason, urgent, status,
                          opened_on, opened_by_id, caseworker_id, bank_account, created_at, version,
                          kind)
       SELECT 'S/' || (2016 + m.id % 10) || '/' || m.person_id, m.household_id, m.person_id,
              'zasilek_okresowy', 'bezrobocie', false,
              CASE WHEN m.id % 20 = 0 THEN 'open' ELSE 'closed' END,
              DATE '2016-01-04' + (m.id % 3650), :user, :other, NULL, now(), 1, 'application'
       FROM household_members m JOIN persons p ON p.id = m.person_id
       WHERE p.register_key >= '10000000001' AND p.register_key <= '19999999999'""",
    """INSERT INTO decisions (case_id, number, kind, benefit, amount, period_from, period_to,
                              justification, amount_reason, purpose, status, drafted_by_id,
                              drafted_at, return_comment, comments_answer)
       SELECT c.id, 'DEC/S/' || c.id, 'grant', 'zasilek_okresowy', 100 + (c.id % 700) + 0.5,
              c.opened_on, c.opened_on + 300, '', '', '', 'final', :user, now(), '', ''
       FROM cases c WHERE c.number LIKE 'S/%'""",
    """INSERT INTO payment_lists (month, pay_date, status, total, created_at, version)
       SELECT (DATE '2016-01-01' + (g || ' month')::interval)::date, NULL, 'approved', 0, now(), 1
       FROM generate_series(0, 120 + :k) g""",
    """INSERT INTO payment_schedule_items (decision_id, case_id, month, due_on, amount, status)
       SELECT d.id, d.case_id, (date_trunc('month', d.period_from) + (k || ' month')::interval)::date,
              (date_trunc('month', d.period_from) + (k || ' month')::interval)::date + 9, d.amount,
              'scheduled'
       FROM decisions d CROSS JOIN generate_series(0, :k - 1) k WHERE d.number LIKE 'DEC/S/%'""",
    """INSERT INTO payments (schedule_item_id, attempt, payment_list_id, case_id, amount, method,
                             due_on, status, benefit_month, account, settlement_ref)
       SELECT s.id, 1, l.id, s.case_id, s.amount, 'cash', s.due_on, 'paid', s.month, NULL, ''
       FROM payment_schedule_items s
       JOIN decisions d ON d.id = s.decision_id AND d.number LIKE 'DEC/S/%'
       JOIN payment_lists l ON l.month = s.month AND l.status = 'approved'""",
    # An income per case, a completed process instance per case (the real case's definition and
    # state), five audit events and a document per case.
    """INSERT INTO incomes (case_id, person_id, month, kind, amount, tax, contributions, costs,
                            one_off, verified)
       SELECT c.id, c.applicant_id, c.opened_on, 'employment', 1200, 0, 0, 0, false, true
       FROM cases c WHERE c.number LIKE 'S/%'""",
    """INSERT INTO process_instances (case_id, definition_id, state, serializer_version, version,
                                      status, stage, data, created_at, updated_at)
       SELECT c.id, r.definition_id, r.state, r.serializer_version, 1, 'completed', NULL, '{{}}',
              now(), now()
       FROM cases c CROSS JOIN (SELECT * FROM process_instances WHERE id = :instance) r
       WHERE c.number LIKE 'S/%'""",
    """INSERT INTO audit_events (at, user_id, action, case_id, detail)
       SELECT now() - ((c.id % 3650) || ' day')::interval, :other, 'case_viewed', c.id, '{{}}'
       FROM cases c CROSS JOIN generate_series(1, 5) g WHERE c.number LIKE 'S/%'""",
    """INSERT INTO documents (case_id, decision_id, kind, title, file_name, content, sha256, size,
                            created_at)
       SELECT d.case_id, d.id, 'decision', 'Decyzja', 'decyzja.pdf', decode('00', 'hex'),
              repeat('0', 64), 1, now()
       FROM decisions d WHERE d.number LIKE 'DEC/S/%'""",
    # A completed task per case and an open one in twenty, all on one process instance of a real
    # case (the worklist and the case file read tasks by status, role, assignee and case).
    """INSERT INTO human_tasks (instance_id, case_id, case_number, urgent, spiff_task_id, name,
                                title_pl, title_en, role, form, process, assignee_id, status,
                                version, form_data, created_at, completed_at)
       SELECT :instance, c.id, c.number, false, 'bench-' || c.id, 'check_application',
              'Sprawdzenie wniosku', 'Check application', 'caseworker', 'check_application',
              'intake', :other, CASE WHEN c.status = 'open' THEN 'ready' ELSE 'completed' END,
              1, '{{}}', now(), CASE WHEN c.status = 'open' THEN NULL ELSE now() END
       FROM cases c WHERE c.number LIKE 'S/%'""",
]


def seed_bulk(ctx: Any, n: int, k: int, user_id: int, other_id: int, instance_id: int) -> float:
    """The bulk rows (see the module docstring); seconds taken."""
    surnames = ", ".join(f"'{s}'" for s in SURNAMES)
    params = {"n": n, "k": k, "user": user_id, "other": other_id, "instance": instance_id}
    t0 = time.perf_counter()
    with ctx.db.engine.begin() as conn:
        for sql in _SEED:
            conn.execute(text(sql.format(surnames=surnames, n_surnames=len(SURNAMES))), params)
    with ctx.db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(text("VACUUM ANALYZE"))
    return time.perf_counter() - t0


def counts(ctx: Any) -> dict[str, int]:
    with ctx.db.engine.connect() as conn:
        return {t: conn.execute(text(f"SELECT count(*) FROM {t}")).scalar_one()
                for t in ("persons", "cases", "decisions", "payments", "human_tasks", "audit_events",
                          "process_instances", "incomes", "documents")}


def open_real_cases(ctx: Any, caseworker: Any, n: int) -> list[int]:
    """n cases opened through the service: each starts its workflow (the caseworker's tasks)."""
    from app.services.cases import opening

    ids = []
    for i in range(n):
        body = {
            "applicant": {"pesel": _pesel(f"75011{i:03d}12"), "first_name": "Anna",
                          "last_name": f"Prawdziwa{i}", "net_income": "300.00"},
            "members": [], "benefit": "zasilek_okresowy", "reason": "bezrobocie",
            "address": "ul. Testowa 1, 32-065 Krzeszowice",
        }
        ids.append(opening.open_case(ctx, caseworker, body))
    return ids


def _pesel(first10: str) -> str:
    weights = (1, 3, 7, 9, 1, 3, 7, 9, 1, 3)
    check = (10 - sum(int(d) * w for d, w in zip(first10, weights, strict=True)) % 10) % 10
    return first10 + str(check)


def time_pages(client: Any, engine: Any, pages: dict[str, Callable[[], Any]], repeats: int
               ) -> dict[str, dict[str, float]]:
    """Each page `repeats` times: median and p95 in ms, and the statements of one request."""
    statements = 0

    def count(*_args: Any) -> None:
        nonlocal statements
        statements += 1

    out = {}
    for name, call in pages.items():
        call()  # warm: templates compiled, caches filled
        times = []
        statements = 0
        event.listen(engine, "before_cursor_execute", count)
        try:
            for _ in range(repeats):
                t0 = time.perf_counter()
                res = call()
                times.append((time.perf_counter() - t0) * 1000)
                assert res.status_code == 200, (name, res.status_code)
        finally:
            event.remove(engine, "before_cursor_execute", count)
        out[name] = {"median_ms": round(common.median(times), 2),
                     "p95_ms": round(common.percentile(times, 95), 2),
                     "statements": round(statements / repeats, 1)}
    return out


def plans(ctx: Any, pesel: str, surname: str) -> dict[str, str]:
    """PostgreSQL's plans of the two searches (ANALYZE, without costs)."""
    from sqlalchemy import select
    from sqlalchemy.dialects import postgresql

    from app.domain.search_text import fold
    from app.persistence.models import Case, HouseholdMember, Person
    from app.services.cases import name_search

    by_pesel = select(Case.id).where(Case.household_id.in_(
        select(HouseholdMember.household_id).join(Person, Person.id == HouseholdMember.person_id)
        .where(Person.pesel == pesel)))
    by_name = name_search.by_name(select(Case.id), fold(surname))
    out = {}
    with ctx.db.engine.connect() as conn:
        for name, stmt in (("pesel", by_pesel), ("surname", by_name)):
            sql = str(stmt.compile(dialect=postgresql.dialect(), compile_kwargs={"literal_binds": True}))
            out[name] = "\n".join(r[0] for r in conn.exec_driver_sql("EXPLAIN (ANALYZE, COSTS OFF) " + sql))
    return out


def bench(n: int, k: int, repeats: int) -> dict[str, Any]:
    from app import create_app
    from app.persistence.models import HumanTask, ProcessInstance

    with tempfile.TemporaryDirectory(prefix="pomoc-bench-scale-") as tmp:
        url = common.create_pg_database(DB)
        try:
            cfg = common.bench_config(Path(tmp), url, None)
            ctx, _clock, _publisher = common.setup_context(cfg)
            users = common.actors(ctx)
            caseworker, other = users["caseworker1"], users["caseworker2"]
            real = open_real_cases(ctx, caseworker, 5)
            with ctx.uow(readonly=True) as uow:
                task = uow.session.query(HumanTask).filter(HumanTask.case_id == real[0]).first()
                instance = uow.session.query(ProcessInstance).filter(
                    ProcessInstance.case_id == real[0]).one()
                task_id, instance_id = task.id, instance.id
            app = create_app({**cfg, "SERVICE_CONTEXT": ctx})
            client = app.test_client()
            res = client.post("/login", data={"username": "caseworker1", "password": common.PASSWORD})
            assert res.status_code == 302, res.status_code
            real_pesel = _pesel("7501100012")
            pages: dict[str, Callable[[], Any]] = {
                "worklist": lambda: client.get("/"),
                "search_pesel": lambda: client.post("/cases", data={"q": real_pesel}),
                "search_surname": lambda: client.post("/cases", data={"q": "prawdziwa1"}),
                "case_file": lambda: client.get(f"/cases/{real[0]}"),
                "task_page": lambda: client.get(f"/tasks/{task_id}"),
            }
            empty = time_pages(client, ctx.db.engine, pages, repeats)
            seed_s = seed_bulk(ctx, n, k, caseworker.id, other.id, instance_id)
            rows = counts(ctx)
            assert rows["payments"] >= n * k and rows["cases"] >= n, rows
            full = time_pages(client, ctx.db.engine, pages, repeats)
            plan = plans(ctx, real_pesel, "prawdziwa1")
            ctx.db.engine.dispose()
        finally:
            common.drop_pg_database(DB)
    ratio = {p: round(full[p]["p95_ms"] / empty[p]["p95_ms"], 2) if empty[p]["p95_ms"] else None
             for p in pages}
    return {"cases": n, "payments_per_case": k, "requests": repeats, "seed_s": round(seed_s, 1),
            "rows": rows, "empty": empty, "full": full, "p95_full_vs_empty": ratio, "plans": plan}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cases", type=int, default=200_000)
    parser.add_argument("--payments-per-case", type=int, default=10)
    parser.add_argument("--requests", type=int, default=200)
    args = parser.parse_args(argv)
    if not common.pg_reachable():
        raise SystemExit("scale benchmark: PostgreSQL is not reachable")
    result = bench(args.cases, args.payments_per_case, args.requests)
    print(f"rows: {result['rows']} (bulk seed {result['seed_s']} s)")
    print(f"{'page':16} {'empty p50':>10} {'p95':>8} {'stmts':>6} | {'full p50':>9} {'p95':>8} "
          f"{'stmts':>6} | p95 full/empty")
    for page in result["empty"]:
        e, f = result["empty"][page], result["full"][page]
        print(f"{page:16} {e['median_ms']:10.2f} {e['p95_ms']:8.2f} {e['statements']:6} | "
              f"{f['median_ms']:9.2f} {f['p95_ms']:8.2f} {f['statements']:6} | "
              f"{result['p95_full_vs_empty'][page]}")
    for name, plan in result["plans"].items():
        print(f"--- plan: search by {name}\n{plan}")
    print(json.dumps({k: v for k, v in result.items() if k != "plans"}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
