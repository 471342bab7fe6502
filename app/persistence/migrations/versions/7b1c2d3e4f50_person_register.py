"""person register, per-case declared names, decision invariants' columns

Revision ID: 7b1c2d3e4f50
Revises: 2e0576c70d71
Create Date: 2026-11-28 23:59:00

- persons: register_key (the PESEL, or BP-… for a person without one), address, updated_at,
  version; pesel becomes nullable.
- household_members: the names as declared in the case, in_school, disability_certificate.
- person_changes: the history of confirmed register changes.
- decisions: amount_reason (discretionary amount), purpose (one-off benefits).
- decision_number_sequences: decision numbers are given at signature, per year.
- applications.requested_from: the first month asked for (benefit periods).
- cases.kind, parent_case_id, effective_from: a case opened ex officio to change a running grant.
- human_tasks.action: the declared case action a task performs (diagrams name it; code keys on it).
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa

import app.persistence.models.base

revision: str = '7b1c2d3e4f50'
down_revision: Union[str, Sequence[str], None] = '2e0576c70d71'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    with op.batch_alter_table('persons', schema=None) as batch_op:
        batch_op.add_column(sa.Column('register_key', sa.String(length=20), nullable=True))
        batch_op.add_column(sa.Column('address', sa.String(length=300), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('updated_at', app.persistence.models.base.UTCDateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('version', sa.Integer(), nullable=False, server_default='1'))
        batch_op.alter_column('pesel', existing_type=sa.String(length=11), nullable=True)
    op.execute("UPDATE persons SET register_key = pesel")
    with op.batch_alter_table('persons', schema=None) as batch_op:
        batch_op.alter_column('register_key', existing_type=sa.String(length=20), nullable=False)
        batch_op.create_unique_constraint(batch_op.f('uq_persons_register_key'), ['register_key'])
        batch_op.create_index(batch_op.f('ix_persons_last_name'), ['last_name'], unique=False)

    with op.batch_alter_table('household_members', schema=None) as batch_op:
        batch_op.add_column(sa.Column('in_school', sa.Boolean(), nullable=False, server_default=sa.false()))
        batch_op.add_column(sa.Column('disability_certificate', sa.Boolean(), nullable=False, server_default=sa.false()))
        batch_op.add_column(sa.Column('first_name', sa.String(length=100), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('last_name', sa.String(length=100), nullable=False, server_default=''))
        batch_op.create_index(batch_op.f('ix_household_members_last_name'), ['last_name'], unique=False)
    op.execute(
        "UPDATE household_members SET first_name = (SELECT first_name FROM persons "
        "WHERE persons.id = household_members.person_id), last_name = (SELECT last_name FROM "
        "persons WHERE persons.id = household_members.person_id)"
    )

    op.create_table('person_changes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('changed_at', app.persistence.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('changed_by_id', sa.Integer(), nullable=True),
    sa.Column('case_id', sa.Integer(), nullable=True),
    sa.Column('field', sa.String(length=30), nullable=False),
    sa.Column('old_value', sa.String(length=300), nullable=False),
    sa.Column('new_value', sa.String(length=300), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], name=op.f('fk_person_changes_case_id_cases'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['changed_by_id'], ['users.id'], name=op.f('fk_person_changes_changed_by_id_users')),
    sa.ForeignKeyConstraint(['person_id'], ['persons.id'], name=op.f('fk_person_changes_person_id_persons'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_person_changes'))
    )
    with op.batch_alter_table('person_changes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_person_changes_person_id'), ['person_id'], unique=False)

    with op.batch_alter_table('decisions', schema=None) as batch_op:
        batch_op.add_column(sa.Column('amount_reason', sa.Text(), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('purpose', sa.Text(), nullable=False, server_default=''))

    op.create_table('decision_number_sequences',
    sa.Column('year', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('last', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('year', name=op.f('pk_decision_number_sequences'))
    )

    with op.batch_alter_table('applications', schema=None) as batch_op:
        batch_op.add_column(sa.Column('requested_from', sa.Date(), nullable=True))
    with op.batch_alter_table('human_tasks', schema=None) as batch_op:
        batch_op.add_column(sa.Column('action', sa.String(length=60), nullable=True))
    # Tasks mirrored before actions were declared performed the action named like their form.
    op.execute("UPDATE human_tasks SET action = form WHERE form IN ('completeness_check', "
               "'request_supplement', 'record_supplement', 'conduct_interview', 'draft_decision', "
               "'approve_decision', 'record_delivery', 'appeal_window', 'handle_appeal', "
               "'interview_update')")
    with op.batch_alter_table('cases', schema=None) as batch_op:
        batch_op.add_column(sa.Column('kind', sa.String(length=20), nullable=False, server_default='application'))
        batch_op.add_column(sa.Column('parent_case_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('effective_from', sa.Date(), nullable=True))
        batch_op.create_index(batch_op.f('ix_cases_parent_case_id'), ['parent_case_id'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_cases_parent_case_id_cases'), 'cases', ['parent_case_id'], ['id'])


def downgrade() -> None:
    """Downgrade schema."""
    with op.batch_alter_table('cases', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_cases_parent_case_id_cases'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_cases_parent_case_id'))
        batch_op.drop_column('effective_from')
        batch_op.drop_column('parent_case_id')
        batch_op.drop_column('kind')
    with op.batch_alter_table('human_tasks', schema=None) as batch_op:
        batch_op.drop_column('action')
    with op.batch_alter_table('applications', schema=None) as batch_op:
        batch_op.drop_column('requested_from')
    op.drop_table('decision_number_sequences')
    with op.batch_alter_table('decisions', schema=None) as batch_op:
        batch_op.drop_column('purpose')
        batch_op.drop_column('amount_reason')
    with op.batch_alter_table('person_changes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_person_changes_person_id'))
    op.drop_table('person_changes')
    with op.batch_alter_table('household_members', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_household_members_last_name'))
        batch_op.drop_column('last_name')
        batch_op.drop_column('first_name')
        batch_op.drop_column('disability_certificate')
        batch_op.drop_column('in_school')
    with op.batch_alter_table('persons', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_persons_last_name'))
        batch_op.drop_constraint(batch_op.f('uq_persons_register_key'), type_='unique')
        batch_op.alter_column('pesel', existing_type=sa.String(length=11), nullable=False)
        batch_op.drop_column('version')
        batch_op.drop_column('updated_at')
        batch_op.drop_column('address')
        batch_op.drop_column('register_key')
