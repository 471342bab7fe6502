"""Social work (praca socjalna): a family's record (members, visits and notes, goals, the plan of
help) and the kontrakty socjalne (art. 108 u.p.s.) with their stages, review dates and outcome.

Revision ID: e16s00000001
Revises: e16m00000001
Create Date: 2026-12-07

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa

import app.persistence.models.base


# revision identifiers, used by Alembic.
revision: str = 'e16s00000001'
down_revision: Union[str, Sequence[str], None] = 'e16m00000001'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Create the social-work tables."""
    op.create_table('social_work_records',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=True),
    sa.Column('opened_on', sa.Date(), nullable=False),
    sa.Column('opened_by_id', sa.Integer(), nullable=True),
    sa.Column('caseworker_id', sa.Integer(), nullable=True),
    sa.Column('help_plan', sa.Text(), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('closed_on', sa.Date(), nullable=True),
    sa.Column('created_at', app.persistence.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.CheckConstraint("status IN ('open', 'closed')", name=op.f('ck_social_work_records_status')),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], name=op.f('fk_social_work_records_case_id_cases'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['caseworker_id'], ['users.id'], name=op.f('fk_social_work_records_caseworker_id_users')),
    sa.ForeignKeyConstraint(['opened_by_id'], ['users.id'], name=op.f('fk_social_work_records_opened_by_id_users')),
    sa.ForeignKeyConstraint(['person_id'], ['persons.id'], name=op.f('fk_social_work_records_person_id_persons')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_social_work_records'))
    )
    with op.batch_alter_table('social_work_records', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_social_work_records_case_id'), ['case_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_social_work_records_caseworker_id'), ['caseworker_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_social_work_records_person_id'), ['person_id'], unique=False)

    op.create_table('social_contracts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('record_id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('worker_id', sa.Integer(), nullable=True),
    sa.Column('form_part', sa.String(length=1), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('concluded_on', sa.Date(), nullable=True),
    sa.Column('valid_from', sa.Date(), nullable=True),
    sa.Column('valid_until', sa.Date(), nullable=True),
    sa.Column('assessment', sa.Text(), nullable=False),
    sa.Column('goal', sa.Text(), nullable=False),
    sa.Column('person_obligations', sa.Text(), nullable=False),
    sa.Column('centre_obligations', sa.Text(), nullable=False),
    sa.Column('refused_on', sa.Date(), nullable=True),
    sa.Column('outcome_on', sa.Date(), nullable=True),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('recorded_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', app.persistence.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.CheckConstraint("form_part IN ('A', 'B')", name=op.f('ck_social_contracts_form_part')),
    sa.CheckConstraint("status IN ('signed', 'refused', 'fulfilled', 'broken', 'ended')", name=op.f('ck_social_contracts_status')),
    sa.ForeignKeyConstraint(['person_id'], ['persons.id'], name=op.f('fk_social_contracts_person_id_persons')),
    sa.ForeignKeyConstraint(['record_id'], ['social_work_records.id'], name=op.f('fk_social_contracts_record_id_social_work_records'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['recorded_by_id'], ['users.id'], name=op.f('fk_social_contracts_recorded_by_id_users')),
    sa.ForeignKeyConstraint(['worker_id'], ['users.id'], name=op.f('fk_social_contracts_worker_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_social_contracts'))
    )
    with op.batch_alter_table('social_contracts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_social_contracts_concluded_on'), ['concluded_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_social_contracts_person_id'), ['person_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_social_contracts_record_id'), ['record_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_social_contracts_refused_on'), ['refused_on'], unique=False)

    op.create_table('social_work_entries',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('record_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('on', sa.Date(), nullable=False),
    sa.Column('by_id', sa.Integer(), nullable=True),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('created_at', app.persistence.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.CheckConstraint("kind IN ('visit', 'note')", name=op.f('ck_social_work_entries_kind')),
    sa.ForeignKeyConstraint(['by_id'], ['users.id'], name=op.f('fk_social_work_entries_by_id_users')),
    sa.ForeignKeyConstraint(['record_id'], ['social_work_records.id'], name=op.f('fk_social_work_entries_record_id_social_work_records'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_social_work_entries'))
    )
    with op.batch_alter_table('social_work_entries', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_social_work_entries_on'), ['on'], unique=False)
        batch_op.create_index(batch_op.f('ix_social_work_entries_record_id'), ['record_id'], unique=False)

    op.create_table('social_work_goals',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('record_id', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('set_on', sa.Date(), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('closed_on', sa.Date(), nullable=True),
    sa.CheckConstraint("status IN ('open', 'achieved', 'dropped')", name=op.f('ck_social_work_goals_status')),
    sa.ForeignKeyConstraint(['record_id'], ['social_work_records.id'], name=op.f('fk_social_work_goals_record_id_social_work_records'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_social_work_goals'))
    )
    with op.batch_alter_table('social_work_goals', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_social_work_goals_record_id'), ['record_id'], unique=False)

    op.create_table('social_work_members',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('record_id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['person_id'], ['persons.id'], name=op.f('fk_social_work_members_person_id_persons')),
    sa.ForeignKeyConstraint(['record_id'], ['social_work_records.id'], name=op.f('fk_social_work_members_record_id_social_work_records'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_social_work_members')),
    sa.UniqueConstraint('record_id', 'person_id', name=op.f('uq_social_work_members_record_id'))
    )
    with op.batch_alter_table('social_work_members', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_social_work_members_person_id'), ['person_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_social_work_members_record_id'), ['record_id'], unique=False)

    op.create_table('social_contract_stages',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('contract_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('action', sa.Text(), nullable=False),
    sa.Column('responsible', sa.String(length=200), nullable=False),
    sa.Column('due_on', sa.Date(), nullable=True),
    sa.Column('review_on', sa.Date(), nullable=False),
    sa.Column('reviewed_on', sa.Date(), nullable=True),
    sa.Column('review_note', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['contract_id'], ['social_contracts.id'], name=op.f('fk_social_contract_stages_contract_id_social_contracts'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_social_contract_stages'))
    )
    with op.batch_alter_table('social_contract_stages', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_social_contract_stages_contract_id'), ['contract_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_social_contract_stages_review_on'), ['review_on'], unique=False)



def downgrade() -> None:
    """Drop them."""
    with op.batch_alter_table('social_contract_stages', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_social_contract_stages_review_on'))
        batch_op.drop_index(batch_op.f('ix_social_contract_stages_contract_id'))

    op.drop_table('social_contract_stages')
    with op.batch_alter_table('social_work_members', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_social_work_members_record_id'))
        batch_op.drop_index(batch_op.f('ix_social_work_members_person_id'))

    op.drop_table('social_work_members')
    with op.batch_alter_table('social_work_goals', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_social_work_goals_record_id'))

    op.drop_table('social_work_goals')
    with op.batch_alter_table('social_work_entries', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_social_work_entries_record_id'))
        batch_op.drop_index(batch_op.f('ix_social_work_entries_on'))

    op.drop_table('social_work_entries')
    with op.batch_alter_table('social_contracts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_social_contracts_refused_on'))
        batch_op.drop_index(batch_op.f('ix_social_contracts_record_id'))
        batch_op.drop_index(batch_op.f('ix_social_contracts_person_id'))
        batch_op.drop_index(batch_op.f('ix_social_contracts_concluded_on'))

    op.drop_table('social_contracts')
    with op.batch_alter_table('social_work_records', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_social_work_records_person_id'))
        batch_op.drop_index(batch_op.f('ix_social_work_records_caseworker_id'))
        batch_op.drop_index(batch_op.f('ix_social_work_records_case_id'))

    op.drop_table('social_work_records')
