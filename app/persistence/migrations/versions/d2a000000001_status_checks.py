"""Statuses are enums: a CHECK constraint on each status column (and on the kinds of cases,
decisions and recovery decisions).

The columns stay VARCHAR(20); the constraint admits every value the code writes and the
legacy values earlier versions wrote (payment lists and payments 'exported', payments
'draft', decisions 'delivered' and 'cancelled'), so no existing row is refused. The values
are written out here, frozen, rather than imported from app.domain.statuses.

On SQLite the constraints are added in batch mode (the table is rebuilt); the partial unique
index of payment_lists is recreated with its WHERE clause after the rebuild.

Revision ID: d2a000000001
Revises: d1c000000001
Create Date: 2026-12-07

"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = 'd2a000000001'
down_revision: Union[str, Sequence[str], None] = 'd1c000000001'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

# (table, column) -> allowed values; the constraint is named ck_<table>_<column>.
CHECKS: dict[tuple[str, str], tuple[str, ...]] = {
    ('cases', 'status'): ('open', 'closed'),
    ('cases', 'kind'): ('application', 'change'),
    ('decisions', 'status'): ('draft', 'returned', 'approved', 'issued', 'final', 'appealed',
                              'changed', 'quashed', 'delivered', 'cancelled'),
    ('decisions', 'kind'): ('grant', 'partial', 'refusal'),
    ('process_instances', 'status'): ('running', 'completed', 'error'),
    ('human_tasks', 'status'): ('ready', 'completed', 'cancelled'),
    ('jobs', 'status'): ('pending', 'done', 'failed'),
    ('payment_schedule_items', 'status'): ('planned', 'scheduled', 'suspended', 'cancelled'),
    ('payment_lists', 'status'): ('draft', 'approved', 'exported'),
    ('payments', 'status'): ('pending', 'approved', 'paid', 'returned', 'draft', 'exported'),
    ('recoveries', 'status'): ('found', 'decided'),
    ('recovery_decisions', 'status'): ('draft', 'issued'),
    ('recovery_decisions', 'kind'): ('recovery', 'write_off', 'deferral', 'instalments'),
}

_DRAFT_LIST_INDEX = 'uq_payment_lists_draft_pay_date'


def _condition(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


def _tables() -> dict[str, list[tuple[str, tuple[str, ...]]]]:
    tables: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
    for (table, column), values in CHECKS.items():
        tables.setdefault(table, []).append((column, values))
    return tables


def _recreate_draft_list_index() -> None:
    """SQLite's rebuild may lose the partial index's WHERE: drop it and build it again."""
    conn = op.get_bind()
    if conn.dialect.name != 'sqlite':
        return
    op.execute(f'DROP INDEX IF EXISTS {_DRAFT_LIST_INDEX}')
    op.create_index(_DRAFT_LIST_INDEX, 'payment_lists', ['pay_date'], unique=True,
                    sqlite_where=sa.text("status = 'draft'"))


def upgrade() -> None:
    """Add one CHECK constraint per status column."""
    for table, checks in _tables().items():
        with op.batch_alter_table(table, schema=None) as batch_op:
            for column, values in checks:
                batch_op.create_check_constraint(batch_op.f(f'ck_{table}_{column}'),
                                                 _condition(column, values))
    _recreate_draft_list_index()


def downgrade() -> None:
    """Drop them."""
    for table, checks in _tables().items():
        with op.batch_alter_table(table, schema=None) as batch_op:
            for column, _values in checks:
                batch_op.drop_constraint(batch_op.f(f'ck_{table}_{column}'), type_='check')
    _recreate_draft_list_index()
