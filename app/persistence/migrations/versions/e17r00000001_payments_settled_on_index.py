"""The payments' settlement date indexed: the reports (MRPiPS-03) read the payments paid in a
period by it (issue 17, lane mrpips).

Revision ID: e17r00000001
Revises: e17d00000001
Create Date: 2026-12-07

"""
from typing import Sequence, Union

from alembic import op

revision: str = 'e17r00000001'
down_revision: Union[str, Sequence[str], None] = 'e17d00000001'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Index payments.settled_on."""
    with op.batch_alter_table('payments', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_payments_settled_on'), ['settled_on'], unique=False)


def downgrade() -> None:
    """Drop the index."""
    with op.batch_alter_table('payments', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_payments_settled_on'))
