"""Issue 18 part 3: the main pages are index-backed. With tens of thousands of cases and payments
in the database (bulk rows, as bench/scale.py seeds them, then ANALYZE), every statement the
worklist, the case search by PESEL and by surname, the case file and a task page run is
EXPLAINed on PostgreSQL, and none reads a large table with a sequential scan."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from sqlalchemy import event, select, text

from app.persistence.models import HumanTask, ProcessInstance
from app.services.cases import opening
from app.services.kernel.context import Actor, ServiceContext
from bench.scale import seed_bulk
from tests.web.test_pages import login, pesel

pytestmark = [pytest.mark.timeout(300)]

# Each holds at least one row per seeded case (audit events five, payments four).
LARGE = {"persons", "households", "household_members", "cases", "decisions", "payments",
         "payment_schedule_items", "human_tasks", "process_instances", "audit_events", "incomes",
         "documents"}


@contextmanager
def captured(engine: Any) -> Iterator[list[tuple[str, Any]]]:
    seen: list[tuple[str, Any]] = []

    def on_execute(_conn: Any, _cursor: Any, statement: str, parameters: Any, *_: Any) -> None:
        if statement.lstrip().upper().startswith("SELECT"):
            seen.append((statement, parameters))

    event.listen(engine, "before_cursor_execute", on_execute)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", on_execute)


def seq_scans(plan: dict[str, Any]) -> Iterator[str]:
    """The relations a plan node (and its children) scans sequentially."""
    if plan.get("Node Type") == "Seq Scan":
        yield plan.get("Relation Name", "")
    for child in plan.get("Plans", []):
        yield from seq_scans(child)


def test_the_main_pages_read_no_large_table_sequentially(
    client: Any, ctx: ServiceContext, caseworker: Actor, caseworker2: Actor
) -> None:
    if ctx.db.is_sqlite:
        pytest.skip("the plans are PostgreSQL's (the embedded default is for one small centre)")
    real = opening.open_case(ctx, caseworker, {
        "applicant": {"pesel": pesel("7501100012"), "first_name": "Anna", "last_name": "Prawdziwa",
                      "net_income": "300.00"},
        "members": [], "benefit": "zasilek_okresowy", "reason": "bezrobocie",
        "address": "ul. Testowa 1, 32-065 Krzeszowice"})
    with ctx.uow(readonly=True) as uow:
        task_id = uow.session.scalars(select(HumanTask.id).where(HumanTask.case_id == real)).first()
        instance_id = uow.session.scalars(
            select(ProcessInstance.id).where(ProcessInstance.case_id == real)).one()
    seed_bulk(ctx, 20_000, 4, caseworker.id, caseworker2.id, instance_id)
    with ctx.db.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM payments")).scalar_one() == 80_000
    login(client, "caseworker1")
    pages: dict[str, Callable[[], Any]] = {
        "worklist": lambda: client.get("/"),
        "search by PESEL": lambda: client.post("/cases", data={"q": pesel("7501100012")}),
        "search by surname": lambda: client.post("/cases", data={"q": "prawdziwa"}),
        "case file": lambda: client.get(f"/cases/{real}"),
        "task page": lambda: client.get(f"/tasks/{task_id}"),
    }
    found: dict[str, list[str]] = {}
    for name, call in pages.items():
        with captured(ctx.db.engine) as statements:
            assert call().status_code == 200, name
        assert statements, name
        raw = ctx.db.engine.raw_connection()
        try:
            cursor = raw.cursor()
            for sql, params in statements:
                cursor.execute("EXPLAIN (FORMAT JSON) " + sql, params)
                plan = cursor.fetchone()[0]
                plan = plan if isinstance(plan, list) else json.loads(plan)
                bad = sorted(set(seq_scans(plan[0]["Plan"])) & LARGE)
                if bad:
                    found.setdefault(name, []).append(f"{bad}: {sql.splitlines()[0][:200]}")
        finally:
            raw.rollback()
            raw.close()
    assert not found, json.dumps(found, indent=1, ensure_ascii=False)
