"""Statuses are enums (issue 14, part 4): the database itself refuses a status outside its enum,
on PostgreSQL and on SQLite, and every status column carries its CHECK constraint."""

from __future__ import annotations

from enum import StrEnum

import pytest
from sqlalchemy import inspect, text
from sqlalchemy.exc import IntegrityError

from app.domain import statuses as st
from app.services.cases import opening as cases
from app.services.kernel.context import Actor, ServiceContext
from tests.drive import sample_application

pytestmark = pytest.mark.embedded

# (table, column) -> the enum the column holds.
COLUMNS: dict[tuple[str, str], type[StrEnum]] = {
    ("cases", "status"): st.CaseStatus,
    ("cases", "kind"): st.CaseKind,
    ("decisions", "status"): st.DecisionStatus,
    ("process_instances", "status"): st.InstanceStatus,
    ("human_tasks", "status"): st.TaskStatus,
    ("jobs", "status"): st.JobStatus,
    ("payment_schedule_items", "status"): st.ScheduleItemStatus,
    ("payment_lists", "status"): st.PaymentListStatus,
    ("payments", "status"): st.PaymentStatus,
    ("recoveries", "status"): st.RecoveryStatus,
    ("recovery_decisions", "status"): st.RecoveryDecisionStatus,
    ("decisions", "kind"): st.DecisionKind,
    ("recovery_decisions", "kind"): st.RecoveryDecisionKind,
}


@pytest.mark.parametrize("table", ["cases", "process_instances", "human_tasks"])
def test_the_database_refuses_an_unknown_status(ctx: ServiceContext, caseworker: Actor, table: str) -> None:
    case_id = cases.open_case(ctx, caseworker, sample_application())
    with ctx.db.engine.connect() as conn:
        with pytest.raises(IntegrityError):
            conn.execute(text(f"UPDATE {table} SET status = 'bogus' "  # noqa: S608 (fixed names)
                              f"WHERE {'id' if table == 'cases' else 'case_id'} = :id"), {"id": case_id})
        conn.rollback()
        # A known status still goes through (the constraint is not refusing everything).
        value = {"cases": "closed", "process_instances": "error", "human_tasks": "cancelled"}[table]
        conn.execute(text(f"UPDATE {table} SET status = :v "  # noqa: S608
                          f"WHERE {'id' if table == 'cases' else 'case_id'} = :id"),
                     {"v": value, "id": case_id})
        conn.rollback()


def test_the_database_refuses_an_unknown_case_kind(ctx: ServiceContext, caseworker: Actor) -> None:
    case_id = cases.open_case(ctx, caseworker, sample_application())
    with ctx.db.engine.connect() as conn, pytest.raises(IntegrityError):
        conn.execute(text("UPDATE cases SET kind = 'bogus' WHERE id = :id"), {"id": case_id})


def test_every_status_column_is_checked_against_its_enum(ctx: ServiceContext) -> None:
    inspector = inspect(ctx.db.engine)
    for (table, column), enum in COLUMNS.items():
        checks = {c["name"]: c["sqltext"] for c in inspector.get_check_constraints(table)}
        name = f"ck_{table}_{column}"
        assert name in checks, (table, column, checks)
        for member in enum:
            assert f"'{member.value}'" in checks[name], (name, member)
