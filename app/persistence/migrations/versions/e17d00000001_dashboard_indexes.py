"""Indexes of the head of the centre's dashboard (issue 17 part 5, lane dash): the cases opened,
the decisions issued and the payments made in a period are counted by aggregate queries over
these dates (app/services/reports/dashboard.py).

Revision ID: e17d00000001
Revises: e16f00000001
Create Date: 2026-12-07

"""
from typing import Sequence, Union

from alembic import op

revision: str = 'e17d00000001'
down_revision: Union[str, Sequence[str], None] = 'e16f00000001'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """One index on each table's date."""
    with op.batch_alter_table('cases', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_cases_opened_on'), ['opened_on'], unique=False)
    with op.batch_alter_table('decisions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_decisions_issued_on'), ['issued_on'], unique=False)
    with op.batch_alter_table('payments', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_payments_due_on'), ['due_on'], unique=False)


def downgrade() -> None:
    """Drop them."""
    with op.batch_alter_table('payments', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_payments_due_on'))
    with op.batch_alter_table('decisions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_decisions_issued_on'))
    with op.batch_alter_table('cases', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_cases_opened_on'))
