"""Household member facts of issue 16: the care benefits (art. 16, 16a, 17 u.ś.r.) and the dodatki.

- disability_degree: the certificate ("child" under 16, "lekki", "umiarkowany", "znaczny"), null
  when not recorded; held to these values by a CHECK constraint. Existing rows get null: the
  existing disability_certificate and severe_disability_certificate flags still say what they said.
- disability_onset_age: the age at which the disability arose (null when not recorded).
- constant_care: the certificate states the need of constant care (pkt 7 and 8); false.
- gave_up_work: the carer does not take up work, or gave it up, to care; false.
- single_parent_reason: the ground of art. 11a u.ś.r. ("deceased", "unknown",
  "alimony_dismissed"), null when none; CHECK constraint.

Revision ID: e16m00000001
Revises: e15l00000001
Create Date: 2026-12-07

"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = 'e16m00000001'
down_revision: Union[str, Sequence[str], None] = 'e15l00000001'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

_DEGREES = ('child', 'lekki', 'umiarkowany', 'znaczny')
_GROUNDS = ('deceased', 'unknown', 'alimony_dismissed')


def _in(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


def upgrade() -> None:
    """Add the facts (unknown or false for every existing member) and their constraints."""
    with op.batch_alter_table('household_members', schema=None) as batch_op:
        batch_op.add_column(sa.Column('disability_degree', sa.String(length=20), nullable=True))
        batch_op.add_column(sa.Column('disability_onset_age', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('constant_care', sa.Boolean(), nullable=False,
                                      server_default=sa.false()))
        batch_op.add_column(sa.Column('gave_up_work', sa.Boolean(), nullable=False,
                                      server_default=sa.false()))
        batch_op.add_column(sa.Column('single_parent_reason', sa.String(length=20), nullable=True))
        batch_op.create_check_constraint(batch_op.f('ck_household_members_disability_degree'),
                                         _in('disability_degree', _DEGREES))
        batch_op.create_check_constraint(batch_op.f('ck_household_members_single_parent_reason'),
                                         _in('single_parent_reason', _GROUNDS))


def downgrade() -> None:
    """Drop them."""
    with op.batch_alter_table('household_members', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('ck_household_members_single_parent_reason'), type_='check')
        batch_op.drop_constraint(batch_op.f('ck_household_members_disability_degree'), type_='check')
        for column in ('single_parent_reason', 'gave_up_work', 'constant_care', 'disability_onset_age',
                       'disability_degree'):
            batch_op.drop_column(column)
