"""Issue 15 part 3: the search keys' migration fills them for the rows already there, so a
register migrated from an earlier version finds "wisniewski" at once."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy import create_engine

from app.persistence.migrate import upgrade

BEFORE = "e15ca0000001"


def _row(table: sa.Table, **given: Any) -> dict[str, Any]:
    """``given``, and a plain value for every other required column."""
    row = dict(given)
    for column in table.columns:
        if column.name in row or column.nullable or column.primary_key or column.server_default is not None:
            continue
        kind = column.type
        if isinstance(kind, sa.Boolean):
            row[column.name] = False
        elif isinstance(kind, sa.Integer):
            row[column.name] = 1
        elif isinstance(kind, sa.Numeric):
            row[column.name] = Decimal("0")
        elif isinstance(kind, sa.DateTime):
            row[column.name] = datetime(2026, 1, 1, tzinfo=UTC)
        elif isinstance(kind, sa.Date):
            row[column.name] = date(1985, 5, 12)
        elif isinstance(kind, sa.JSON):
            row[column.name] = []
        else:
            row[column.name] = "x"
    return row


def test_the_migration_backfills_the_search_keys(tmp_path: Path) -> None:
    engine = create_engine(f"sqlite:///{tmp_path / 'old.db'}")
    upgrade(engine, BEFORE)
    old = sa.MetaData()
    old.reflect(engine)
    with engine.begin() as conn:
        conn.execute(old.tables["persons"].insert(), [_row(
            old.tables["persons"], id=1, register_key="85051212345", pesel="85051212345",
            first_name="Łukasz", last_name="Wiśniewski", sex="M")])
        conn.execute(old.tables["households"].insert(), [_row(old.tables["households"], id=1)])
        conn.execute(old.tables["household_members"].insert(), [_row(
            old.tables["household_members"], id=1, household_id=1, person_id=1,
            first_name="ŁUKASZ", last_name="Wiśniewski-Żak")])
        conn.execute(old.tables["person_changes"].insert(), [_row(
            old.tables["person_changes"], id=1, person_id=1, field="last_name",
            old_value="Żółkiewski", new_value="Wiśniewski")])

    upgrade(engine)
    with engine.connect() as conn:
        person = conn.execute(sa.text(
            "SELECT first_name_key, last_name_key FROM persons WHERE id = 1")).one()
        member = conn.execute(sa.text(
            "SELECT first_name_key, last_name_key FROM household_members WHERE id = 1")).one()
        change = conn.execute(sa.text("SELECT old_value_key FROM person_changes WHERE id = 1")).one()
        indexes = {row[1] for row in conn.execute(sa.text("PRAGMA index_list(persons)"))}
    assert tuple(person) == ("lukasz", "wisniewski")
    assert tuple(member) == ("lukasz", "wisniewski zak")
    assert tuple(change) == ("zolkiewski",)
    assert {"ix_persons_first_name_key", "ix_persons_last_name_key"} <= indexes
