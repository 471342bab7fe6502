"""Statuses are enums (issue 14, part 4): each status column's CHECK constraint admits exactly
its enum, and migration d2a000000001 refuses no value existing rows hold."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import CheckConstraint, create_engine, text
from sqlalchemy.exc import IntegrityError

from app.domain import statuses as st
from app.persistence.migrate import alembic_config, upgrade
from app.persistence.models import Base

CHECKED = {
    ("cases", "status"): st.CaseStatus, ("cases", "kind"): st.CaseKind,
    ("decisions", "status"): st.DecisionStatus, ("process_instances", "status"): st.InstanceStatus,
    ("human_tasks", "status"): st.TaskStatus, ("jobs", "status"): st.JobStatus,
    ("payment_schedule_items", "status"): st.ScheduleItemStatus,
    ("payment_lists", "status"): st.PaymentListStatus, ("payments", "status"): st.PaymentStatus,
    ("recoveries", "status"): st.RecoveryStatus, ("decisions", "kind"): st.DecisionKind,
    ("recovery_decisions", "kind"): st.RecoveryDecisionKind,
    ("recovery_decisions", "status"): st.RecoveryDecisionStatus,
}


def test_each_model_constraint_admits_exactly_its_enum() -> None:
    for (table, column), enum in CHECKED.items():
        checks = [c for c in Base.metadata.tables[table].constraints
                  if isinstance(c, CheckConstraint) and str(c.sqltext).startswith(f"{column} IN")]
        assert len(checks) == 1, (table, column)
        assert str(checks[0].sqltext) == f"{column} IN ({', '.join(repr(m.value) for m in enum)})"


def test_the_migration_constraints_match_the_enums() -> None:
    from importlib import import_module
    migration = import_module("app.persistence.migrations.versions.d2a000000001_status_checks")
    # Later migrations that change a constraint say so in their own CHECKS (the last one wins).
    debtor = import_module("app.persistence.migrations.versions.e16d00000001_fa_debtor")
    checks = {**migration.CHECKS, **debtor.CHECKS}
    assert {k: set(v) for k, v in checks.items()} == \
        {k: {m.value for m in enum} for k, enum in CHECKED.items()}


def test_the_migration_keeps_legacy_rows_and_then_refuses_an_unknown_status(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'legacy.db'}"
    engine = create_engine(url)
    upgrade(engine, "d1c000000001")
    with engine.begin() as conn:
        for status in ("draft", "approved", "exported"):
            conn.execute(text("INSERT INTO payment_lists (month, status, total, created_at, version) "
                              "VALUES ('2026-01-01', :s, 0, '2026-01-01 00:00:00', 1)"), {"s": status})
    upgrade(engine)
    with engine.connect() as conn:
        assert sorted(conn.scalars(text("SELECT status FROM payment_lists"))) == \
            ["approved", "draft", "exported"]
        index = conn.scalar(text("SELECT sql FROM sqlite_master "
                                 "WHERE name = 'uq_payment_lists_draft_pay_date'"))
        assert "WHERE status = 'draft'" in index
        with pytest.raises(IntegrityError):
            conn.execute(text("UPDATE payment_lists SET status = 'bogus'"))
    command.downgrade(alembic_config(url), "d1c000000001")
    with engine.begin() as conn:
        conn.execute(text("UPDATE payment_lists SET status = 'bogus' WHERE status = 'exported'"))
