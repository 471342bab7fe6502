"""Household member facts of issue 13: szkoła wyższa apart from szkoła, and a severe degree.

- in_higher_school: the member studies in a szkoła wyższa (art. 6 ust. 1 pkt 3 u.ś.r., art. 9
  ust. 1 of the FA act). Existing rows keep in_school as it was: READING, a recorded in_school is
  a szkoła (the caseworker re-records a student at the next application or change).
- severe_disability_certificate: orzeczenie o znacznym stopniu niepełnosprawności (FA without an
  age limit, art. 9 ust. 1 of the FA act). Existing rows get false: a person recorded only as
  disabled gets no FA beyond 18 (25 in school) until the certificate is recorded.

Revision ID: d1a000000001
Revises: c9d0c0000006
Create Date: 2026-12-07

"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = 'd1a000000001'
down_revision: Union[str, Sequence[str], None] = 'c9d0c0000006'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Add the two facts, false for every existing member."""
    with op.batch_alter_table('household_members', schema=None) as batch_op:
        batch_op.add_column(sa.Column('in_higher_school', sa.Boolean(), nullable=False,
                                      server_default=sa.false()))
        batch_op.add_column(sa.Column('severe_disability_certificate', sa.Boolean(),
                                      nullable=False, server_default=sa.false()))


def downgrade() -> None:
    """Drop the two facts."""
    with op.batch_alter_table('household_members', schema=None) as batch_op:
        batch_op.drop_column('severe_disability_certificate')
        batch_op.drop_column('in_higher_school')
