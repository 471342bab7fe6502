"""Merge the branches of documents, a decision's life, payments, recovery and heartbeats.

Revision ID: c9d0c0000006
Revises: c9d0c0000002, c9d0c0000003, c9d0c0000004, c9d0c0000005
Create Date: 2026-12-03

"""
from typing import Sequence, Union

revision: str = 'c9d0c0000006'
down_revision: Union[str, Sequence[str], None] = (
    'c9d0c0000002', 'c9d0c0000003', 'c9d0c0000004', 'c9d0c0000005')
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Nothing to change: one head again, so the next migration has a single parent."""


def downgrade() -> None:
    """Nothing to change."""
