"""The "Niebieskie Karty" procedure: procedures (form A, the process state), the people assigned
to each, and their events (hand-over, meetings, forms B/C/D, the plan, the closing).

Revision ID: e17n00000001
Revises: e17r00000001
Create Date: 2026-12-07

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa

import app.persistence.models.base


# revision identifiers, used by Alembic.
revision: str = 'e17n00000001'
down_revision: Union[str, Sequence[str], None] = 'e17r00000001'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Create the Niebieska Karta tables."""
    op.create_table('nk_procedures',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('started_on', sa.Date(), nullable=False),
    sa.Column('started_by_id', sa.Integer(), nullable=False),
    sa.Column('affected_id', sa.Integer(), nullable=False),
    sa.Column('suspect_id', sa.Integer(), nullable=False),
    sa.Column('violence_kinds', sa.JSON(), nullable=False),
    sa.Column('facts', sa.Text(), nullable=False),
    sa.Column('children_present', sa.Boolean(), nullable=False),
    sa.Column('affected_present', sa.Boolean(), nullable=False),
    sa.Column('absence_reason', sa.Text(), nullable=False),
    sa.Column('handover_due', sa.Date(), nullable=False),
    sa.Column('handed_on', sa.Date(), nullable=True),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('closing_ground', sa.String(length=30), nullable=True),
    sa.Column('closed_on', sa.Date(), nullable=True),
    sa.Column('definition_id', sa.Integer(), nullable=False),
    sa.Column('state', sa.LargeBinary(), nullable=False),
    sa.Column('serializer_version', sa.String(length=20), nullable=False),
    sa.Column('open_step', sa.String(length=60), nullable=True),
    sa.Column('open_task_id', sa.String(length=36), nullable=True),
    sa.Column('open_due', sa.Date(), nullable=True),
    sa.Column('created_at', app.persistence.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.CheckConstraint("status IN ('open', 'closed')", name=op.f('ck_nk_procedures_status')),
    sa.ForeignKeyConstraint(['affected_id'], ['persons.id'], name=op.f('fk_nk_procedures_affected_id_persons')),
    sa.ForeignKeyConstraint(['definition_id'], ['process_definitions.id'], name=op.f('fk_nk_procedures_definition_id_process_definitions')),
    sa.ForeignKeyConstraint(['started_by_id'], ['users.id'], name=op.f('fk_nk_procedures_started_by_id_users')),
    sa.ForeignKeyConstraint(['suspect_id'], ['persons.id'], name=op.f('fk_nk_procedures_suspect_id_persons')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_nk_procedures'))
    )
    with op.batch_alter_table('nk_procedures', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_nk_procedures_affected_id'), ['affected_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_nk_procedures_started_by_id'), ['started_by_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_nk_procedures_suspect_id'), ['suspect_id'], unique=False)

    op.create_table('nk_members',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('procedure_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('starter', sa.Boolean(), nullable=False),
    sa.Column('assigned_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', app.persistence.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['assigned_by_id'], ['users.id'], name=op.f('fk_nk_members_assigned_by_id_users')),
    sa.ForeignKeyConstraint(['procedure_id'], ['nk_procedures.id'], name=op.f('fk_nk_members_procedure_id_nk_procedures'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_nk_members_user_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_nk_members')),
    sa.UniqueConstraint('procedure_id', 'user_id', name=op.f('uq_nk_members_procedure_id'))
    )
    with op.batch_alter_table('nk_members', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_nk_members_procedure_id'), ['procedure_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_nk_members_user_id'), ['user_id'], unique=False)

    op.create_table('nk_events',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('procedure_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('on', sa.Date(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('detail', sa.JSON(), nullable=False),
    sa.Column('recorded_by_id', sa.Integer(), nullable=False),
    sa.Column('created_at', app.persistence.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.CheckConstraint("kind IN ('handover', 'meeting', 'form', 'plan', 'closing')", name=op.f('ck_nk_events_kind')),
    sa.ForeignKeyConstraint(['procedure_id'], ['nk_procedures.id'], name=op.f('fk_nk_events_procedure_id_nk_procedures'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['recorded_by_id'], ['users.id'], name=op.f('fk_nk_events_recorded_by_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_nk_events'))
    )
    with op.batch_alter_table('nk_events', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_nk_events_procedure_id'), ['procedure_id'], unique=False)


def downgrade() -> None:
    """Drop the Niebieska Karta tables."""
    op.drop_table('nk_events')
    op.drop_table('nk_members')
    op.drop_table('nk_procedures')
