"""heartbeats: when the worker last ran its heartbeat task (GET /health)

Revision ID: c9d0c0000005
Revises: 7b1c2d3e4f50
Create Date: 2026-12-03 13:40:00
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa

import app.persistence.models.base

revision: str = 'c9d0c0000005'
down_revision: Union[str, Sequence[str], None] = '7b1c2d3e4f50'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table('heartbeats',
    sa.Column('name', sa.String(length=40), nullable=False),
    sa.Column('beat_at', app.persistence.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('name', name=op.f('pk_heartbeats'))
    )


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_table('heartbeats')
