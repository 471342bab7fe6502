"""Household member facts of issue 16 (lane usrf): births and the dodatki to zasiłek rodzinny.

- prenatal_care: a child's mother was under medical care from the 10th week of pregnancy
  (art. 9 ust. 5, art. 15b ust. 5 u.ś.r.); false.
- care_since: the day a guardian or an adopting parent took the child into care; null.
- parental_leave: a parent on urlop wychowawczy (art. 10 u.ś.r.); false.
- school_away: a child learning away from home, "living" or "commuting" (art. 15 u.ś.r.); null;
  CHECK constraint.
- dodatki: the dodatki the application asks for (on the applicant); an empty list.

Revision ID: e16f00000001
Revises: e16b00000001 (re-chained after main's migrations; the brief's base is e16m00000001)
Create Date: 2026-12-07

"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = 'e16f00000001'
down_revision: Union[str, Sequence[str], None] = 'e16b00000001'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Add the facts (false, null or empty for every existing member) and the constraint."""
    with op.batch_alter_table('household_members', schema=None) as batch_op:
        batch_op.add_column(sa.Column('prenatal_care', sa.Boolean(), nullable=False,
                                      server_default=sa.false()))
        batch_op.add_column(sa.Column('care_since', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('parental_leave', sa.Boolean(), nullable=False,
                                      server_default=sa.false()))
        batch_op.add_column(sa.Column('school_away', sa.String(length=20), nullable=True))
        batch_op.add_column(sa.Column('dodatki', sa.JSON(), nullable=False,
                                      server_default=sa.text("'[]'")))
        batch_op.create_check_constraint(batch_op.f('ck_household_members_school_away'),
                                         "school_away IN ('living', 'commuting')")


def downgrade() -> None:
    """Drop them."""
    with op.batch_alter_table('household_members', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('ck_household_members_school_away'), type_='check')
        for column in ('dodatki', 'school_away', 'parental_leave', 'care_since', 'prenatal_care'):
            batch_op.drop_column(column)
