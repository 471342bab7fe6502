"""The migrations build exactly the schema the models describe, on one head."""

from __future__ import annotations

from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine

from app.persistence.migrate import MIGRATIONS, alembic_config, upgrade
from app.persistence.models import Base


def test_the_migrations_have_one_head() -> None:
    script = ScriptDirectory.from_config(alembic_config("sqlite://"))
    assert len(script.get_heads()) == 1, script.get_heads()
    assert MIGRATIONS.is_dir()


def test_a_migrated_database_matches_the_models(tmp_path: Path) -> None:
    engine = create_engine(f"sqlite:///{tmp_path / 'schema.db'}")
    upgrade(engine)
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": False}),
                                Base.metadata)
    # Indexes and constraints SQLite reflects differently are not schema facts we rely on here;
    # tables and columns are.
    relevant = [d for d in diff if d[0] in ("add_table", "remove_table", "add_column",
                                            "remove_column")]
    assert relevant == [], relevant
