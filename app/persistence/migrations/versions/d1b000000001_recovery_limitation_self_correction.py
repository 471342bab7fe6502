"""recovery: the act's ground and the recovery decision's finality (art. 23 FA act, art. 30
u.ś.r.); appeals: what the appeal demands and the confirmation it is granted in full (art. 132
§ 1 KPA)

Revision ID: d1b000000001
Revises: d1a000000001
Create Date: 2026-12-07 05:00:00
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa

revision: str = 'd1b000000001'
down_revision: Union[str, Sequence[str], None] = 'd1a000000001'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    with op.batch_alter_table('recoveries') as batch:
        batch.add_column(sa.Column('legal_ground', sa.String(length=20), nullable=True))
    with op.batch_alter_table('recovery_decisions') as batch:
        batch.add_column(sa.Column('final_on', sa.Date(), nullable=True))
    with op.batch_alter_table('appeals') as batch:
        batch.add_column(sa.Column('demand_text', sa.Text(), nullable=False, server_default=''))
        batch.add_column(sa.Column('demand_amount', sa.Numeric(precision=12, scale=2), nullable=True))
        batch.add_column(sa.Column('demand_from', sa.Date(), nullable=True))
        batch.add_column(sa.Column('demand_to', sa.Date(), nullable=True))
        batch.add_column(sa.Column('in_full_confirmed', sa.Boolean(), nullable=False,
                                   server_default=sa.false()))


def downgrade() -> None:
    """Downgrade schema."""
    with op.batch_alter_table('appeals') as batch:
        batch.drop_column('in_full_confirmed')
        batch.drop_column('demand_to')
        batch.drop_column('demand_from')
        batch.drop_column('demand_amount')
        batch.drop_column('demand_text')
    with op.batch_alter_table('recovery_decisions') as batch:
        batch.drop_column('final_on')
    with op.batch_alter_table('recoveries') as batch:
        batch.drop_column('legal_ground')
