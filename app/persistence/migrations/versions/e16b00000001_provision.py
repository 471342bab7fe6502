"""Help in kind and services (issue 16, lane b): the care services' fee tables of the rada
gminy's resolution (art. 50 ust. 6 u.p.s.) and the scope a meal or service decision grants.

- care_fee_tables: one dated table per resolution (bands by income against the criterion, the
  cost of an hour), edited by an admin with a version for concurrent edits;
- provision_scopes: per decision, the school or canteen and the meals a day, or the hours a week
  and the fee decided with them.

Revision ID: e16b00000001
Revises: e16d00000001
Create Date: 2026-12-07

"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = 'e16b00000001'
down_revision: Union[str, Sequence[str], None] = 'e16d00000001'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Create both tables."""
    op.create_table(
        'care_fee_tables',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('valid_from', sa.Date(), nullable=False),
        sa.Column('hourly_cost', sa.Numeric(precision=12, scale=2, asdecimal=True),
                  nullable=False),
        sa.Column('resolution', sa.String(length=300), nullable=False),
        sa.Column('bands', sa.JSON(), nullable=False),
        sa.Column('version', sa.Integer(), nullable=False),
        sa.Column('updated_at', sa.DateTime(), nullable=False),
        sa.Column('updated_by_id', sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(['updated_by_id'], ['users.id'],
                                name=op.f('fk_care_fee_tables_updated_by_id_users')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_care_fee_tables')),
        sa.UniqueConstraint('valid_from', name=op.f('uq_care_fee_tables_valid_from')),
    )
    op.create_table(
        'provision_scopes',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('decision_id', sa.Integer(), nullable=False),
        sa.Column('case_id', sa.Integer(), nullable=False),
        sa.Column('kind', sa.String(length=20), nullable=False),
        sa.Column('provider', sa.String(length=200), nullable=False),
        sa.Column('meals_per_day', sa.Integer(), nullable=True),
        sa.Column('hours_per_week', sa.Numeric(precision=6, scale=2, asdecimal=True),
                  nullable=True),
        sa.Column('fee_table_id', sa.Integer(), nullable=True),
        sa.Column('fee_band', sa.Integer(), nullable=True),
        sa.Column('fee_percent', sa.Numeric(precision=5, scale=2, asdecimal=True),
                  nullable=True),
        sa.Column('income_percent', sa.Numeric(precision=8, scale=2, asdecimal=True),
                  nullable=True),
        sa.Column('hourly_cost', sa.Numeric(precision=12, scale=2, asdecimal=True),
                  nullable=True),
        sa.Column('fee_per_hour', sa.Numeric(precision=12, scale=2, asdecimal=True),
                  nullable=True),
        sa.ForeignKeyConstraint(['case_id'], ['cases.id'],
                                name=op.f('fk_provision_scopes_case_id_cases'),
                                ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['decision_id'], ['decisions.id'],
                                name=op.f('fk_provision_scopes_decision_id_decisions'),
                                ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['fee_table_id'], ['care_fee_tables.id'],
                                name=op.f('fk_provision_scopes_fee_table_id_care_fee_tables')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_provision_scopes')),
        sa.UniqueConstraint('decision_id', name=op.f('uq_provision_scopes_decision_id')),
    )
    op.create_index(op.f('ix_provision_scopes_case_id'), 'provision_scopes', ['case_id'],
                    unique=False)


def downgrade() -> None:
    """Drop them."""
    op.drop_index(op.f('ix_provision_scopes_case_id'), table_name='provision_scopes')
    op.drop_table('provision_scopes')
    op.drop_table('care_fee_tables')
