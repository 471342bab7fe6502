"""What the party asks for in the application (art. 107 § 4 KPA).

- applications.requested_amount: the amount asked for (a month, or once), where the law leaves
  the amount to the centre (zasiłek okresowy, specjalny zasiłek celowy); NULL = not stated.
- applications.requested_until: the last day of the period asked for (zasiłek okresowy).

The ground of a change or revocation, and the party's consent (art. 155 KPA), are recorded on
the `*_opened` decision event that opens the change case (its `detail`), so they need no column.

Revision ID: d1c000000001
Revises: d1b000000001
Create Date: 2026-12-07

"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = 'd1c000000001'
down_revision: Union[str, Sequence[str], None] = 'd1b000000001'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Add the two nullable columns (existing applications stated no request)."""
    with op.batch_alter_table('applications', schema=None) as batch_op:
        batch_op.add_column(sa.Column('requested_amount', sa.Numeric(precision=12, scale=2),
                                      nullable=True))
        batch_op.add_column(sa.Column('requested_until', sa.Date(), nullable=True))


def downgrade() -> None:
    """Drop them."""
    with op.batch_alter_table('applications', schema=None) as batch_op:
        batch_op.drop_column('requested_until')
        batch_op.drop_column('requested_amount')
