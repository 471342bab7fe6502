"""Aid on condition of its return (art. 41 pkt 2 u.p.s.; art. 40 ust. 3) and the claims a
benefit decision creates (issue 16, lane upsa).

- decisions.return_kind ("none", "part", "full"), return_amount, return_instalments,
  return_first_due: the repayment terms the decision sets;
- recovery_instalments.decision_id becomes nullable: the instalments a benefit decision set
  (aid to be returned) have no recovery decision behind them.

Revision ID: e16a00000001
Revises: e16s00000001
Create Date: 2026-12-07

"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = 'e16a00000001'
down_revision: Union[str, Sequence[str], None] = 'e16s00000001'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Add the terms (existing decisions return nothing) and relax the instalments' decision."""
    with op.batch_alter_table('decisions', schema=None) as batch_op:
        batch_op.add_column(sa.Column('return_kind', sa.String(length=10), nullable=False,
                                      server_default='none'))
        batch_op.add_column(sa.Column('return_amount', sa.Numeric(precision=12, scale=2),
                                      nullable=True))
        batch_op.add_column(sa.Column('return_instalments', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('return_first_due', sa.Date(), nullable=True))
    with op.batch_alter_table('recovery_instalments', schema=None) as batch_op:
        batch_op.alter_column('decision_id', existing_type=sa.Integer(), nullable=True)


def downgrade() -> None:
    """Drop the terms; instalments without a recovery decision go with them."""
    op.execute("DELETE FROM recovery_instalments WHERE decision_id IS NULL")
    with op.batch_alter_table('recovery_instalments', schema=None) as batch_op:
        batch_op.alter_column('decision_id', existing_type=sa.Integer(), nullable=False)
    with op.batch_alter_table('decisions', schema=None) as batch_op:
        batch_op.drop_column('return_first_due')
        batch_op.drop_column('return_instalments')
        batch_op.drop_column('return_amount')
        batch_op.drop_column('return_kind')
