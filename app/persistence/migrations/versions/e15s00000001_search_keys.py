"""Search keys: the names folded (ASCII, lower case) beside the names, indexed (issue 15 part 3).

persons and household_members gain first_name_key and last_name_key, person_changes
old_value_key, each with a btree index (a prefix is a range on it) and, on PostgreSQL, the
person and member keys a pg_trgm GIN index (the one-typo match); the columns are COLLATE "C"
there so that the btree range is a byte-wise prefix whatever the database's collation.
Existing rows are backfilled with the fold frozen below (app.domain.search_text.fold as it
was written with this revision).

Revision ID: e15s00000001
Revises: e15ca0000001
Create Date: 2026-12-07

"""
import re
import unicodedata
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op
from anyascii import anyascii

revision: str = 'e15s00000001'
down_revision: Union[str, Sequence[str], None] = 'e15ca0000001'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

# table -> (source column, key column, length)
KEYS: dict[str, tuple[tuple[str, str, int], ...]] = {
    'persons': (('first_name', 'first_name_key', 100), ('last_name', 'last_name_key', 100)),
    'household_members': (('first_name', 'first_name_key', 100),
                          ('last_name', 'last_name_key', 100)),
    'person_changes': (('old_value', 'old_value_key', 300),),
}
TRIGRAM = ('persons', 'household_members')


def _fold(text: str) -> str:
    ascii_text = anyascii(unicodedata.normalize('NFKC', text)).lower()
    return re.sub(r'[^a-z0-9]+', ' ', re.sub(r"['`\u2019]", '', ascii_text)).strip()


def _backfill(table: str, keys: tuple[tuple[str, str, int], ...]) -> None:
    conn = op.get_bind()
    sources = ', '.join(source for source, _key, _length in keys)
    rows = conn.execute(sa.text(f'SELECT id, {sources} FROM {table}')).all()
    if not rows:
        return
    update = sa.text(f'UPDATE {table} SET '
                     + ', '.join(f'{key} = :{key}' for _source, key, _length in keys)
                     + ' WHERE id = :id')
    conn.execute(update, [
        {'id': row[0], **{key: _fold(row[i + 1] or '') for i, (_s, key, _l) in enumerate(keys)}}
        for row in rows
    ])


def upgrade() -> None:
    """Add the keys, fill them, index them."""
    postgres = op.get_bind().dialect.name == 'postgresql'
    if postgres:
        op.execute('CREATE EXTENSION IF NOT EXISTS pg_trgm')
    for table, keys in KEYS.items():
        for _source, key, length in keys:
            kind = sa.String(length, collation='C') if postgres else sa.String(length)
            op.add_column(table, sa.Column(key, kind, server_default='', nullable=False))
        _backfill(table, keys)
        for _source, key, _length in keys:
            op.create_index(op.f(f'ix_{table}_{key}'), table, [key], unique=False)
    if postgres:
        for table in TRIGRAM:
            for key in ('last_name_key', 'first_name_key'):
                op.execute(f'CREATE INDEX ix_{table}_{key}_trgm ON {table} '
                           f'USING gin ({key} gin_trgm_ops)')


def downgrade() -> None:
    """Drop them (the extension stays: other objects may use it)."""
    postgres = op.get_bind().dialect.name == 'postgresql'
    for table, keys in KEYS.items():
        if postgres and table in TRIGRAM:
            for key in ('last_name_key', 'first_name_key'):
                op.execute(f'DROP INDEX IF EXISTS ix_{table}_{key}_trgm')
        for _source, key, _length in keys:
            op.drop_index(op.f(f'ix_{table}_{key}'), table_name=table)
        with op.batch_alter_table(table) as batch_op:
            for _source, key, _length in keys:
                batch_op.drop_column(key)
