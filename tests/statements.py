"""Counting what a request costs the database: SQL statements and transactions.

``with count_statements(engine) as counted: client.get(...)`` leaves ``counted.statements`` (each
``before_cursor_execute``), ``counted.transactions`` (each ``begin`` on a connection) and the
statement texts in ``counted.sql`` for a failing assertion to show.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import Engine


@dataclass
class Counted:
    statements: int = 0
    transactions: int = 0
    sql: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        return f"{self.statements} statements in {self.transactions} transactions:\n" + \
            "\n".join(s.split("\n")[0][:160] for s in self.sql)


@contextmanager
def count_statements(engine: Engine) -> Iterator[Counted]:
    counted = Counted()

    def on_execute(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        if statement.startswith("BEGIN"):  # SQLite's explicit BEGIN: a transaction, counted below
            return
        counted.statements += 1
        counted.sql.append(statement)

    def on_begin(conn: Any) -> None:
        counted.transactions += 1

    event.listen(engine, "before_cursor_execute", on_execute)
    event.listen(engine, "begin", on_begin)
    try:
        yield counted
    finally:
        event.remove(engine, "before_cursor_execute", on_execute)
        event.remove(engine, "begin", on_begin)
