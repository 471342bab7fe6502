"""The answer to the party's comments on the evidence (art. 10 § 1, art. 107 § 3 KPA).

- decisions.comments_answer: what the decision's justification says to the comments the party
  made after the art. 10 notice; empty where the party made none.

Revision ID: e15l00000001
Revises: e15s00000001
Create Date: 2026-12-07

"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = 'e15l00000001'
down_revision: Union[str, Sequence[str], None] = 'e15s00000001'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Add the column (existing decisions answered no comments)."""
    with op.batch_alter_table('decisions', schema=None) as batch_op:
        batch_op.add_column(sa.Column('comments_answer', sa.Text(), nullable=False,
                                      server_default=''))


def downgrade() -> None:
    """Drop it."""
    with op.batch_alter_table('decisions', schema=None) as batch_op:
        batch_op.drop_column('comments_answer')
