"""a decision's life: appeals dated by posting, the SKO's rulings, lifecycle events

Revision ID: c9d0c0000002
Revises: 7b1c2d3e4f50
Create Date: 2026-12-03 13:50:00
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa

import app.persistence.models.base

revision: str = 'c9d0c0000002'
down_revision: Union[str, Sequence[str], None] = '7b1c2d3e4f50'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table('appeals',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('decision_id', sa.Integer(), nullable=False),
    sa.Column('channel', sa.String(length=20), nullable=False),
    sa.Column('posted_on', sa.Date(), nullable=False),
    sa.Column('received_on', sa.Date(), nullable=False),
    sa.Column('deadline', sa.Date(), nullable=False),
    sa.Column('timely', sa.Boolean(), nullable=False),
    sa.Column('after_finality', sa.Boolean(), nullable=False),
    sa.Column('restoration_requested', sa.Boolean(), nullable=False),
    sa.Column('cause_ceased_on', sa.Date(), nullable=True),
    sa.Column('restoration_ruling', sa.String(length=20), nullable=True),
    sa.Column('forward_due', sa.Date(), nullable=False),
    sa.Column('forwarded_on', sa.Date(), nullable=True),
    sa.Column('self_corrected_on', sa.Date(), nullable=True),
    sa.Column('sko_outcome', sa.String(length=30), nullable=True),
    sa.Column('sko_ruling_on', sa.Date(), nullable=True),
    sa.Column('sko_reference', sa.String(length=60), nullable=False),
    sa.Column('sko_decision_id', sa.Integer(), nullable=True),
    sa.Column('follow_up_case_id', sa.Integer(), nullable=True),
    sa.Column('recorded_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', app.persistence.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], name=op.f('fk_appeals_case_id_cases'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['decision_id'], ['decisions.id'], name=op.f('fk_appeals_decision_id_decisions'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['sko_decision_id'], ['decisions.id'], name=op.f('fk_appeals_sko_decision_id_decisions')),
    sa.ForeignKeyConstraint(['follow_up_case_id'], ['cases.id'], name=op.f('fk_appeals_follow_up_case_id_cases')),
    sa.ForeignKeyConstraint(['recorded_by_id'], ['users.id'], name=op.f('fk_appeals_recorded_by_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_appeals'))
    )
    with op.batch_alter_table('appeals', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_appeals_case_id'), ['case_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_appeals_decision_id'), ['decision_id'], unique=False)

    op.create_table('decision_events',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('decision_id', sa.Integer(), nullable=True),
    sa.Column('kind', sa.String(length=30), nullable=False),
    sa.Column('on', sa.Date(), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('amount', sa.Numeric(precision=12, scale=2, asdecimal=True), nullable=True),
    sa.Column('detail', sa.JSON(), nullable=False),
    sa.Column('actor_id', sa.Integer(), nullable=True),
    sa.Column('created_at', app.persistence.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], name=op.f('fk_decision_events_case_id_cases'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['decision_id'], ['decisions.id'], name=op.f('fk_decision_events_decision_id_decisions'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['actor_id'], ['users.id'], name=op.f('fk_decision_events_actor_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_decision_events'))
    )
    with op.batch_alter_table('decision_events', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_decision_events_case_id'), ['case_id'], unique=False)


def downgrade() -> None:
    """Downgrade schema."""
    with op.batch_alter_table('decision_events', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_decision_events_case_id'))
    op.drop_table('decision_events')
    with op.batch_alter_table('appeals', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_appeals_decision_id'))
        batch_op.drop_index(batch_op.f('ix_appeals_case_id'))
    op.drop_table('appeals')
