"""The centre's name in the genitive (issue 15): letters say "w siedzibie Ośrodka Pomocy
Społecznej w Krzeszowicach", "w kasie Gminnego Ośrodka ...". The office settings keep the form
as the centre spells it, rather than the code guessing an inflection.

Existing rows get the genitive of the usual names of a centre (a leading "Ośrodek", "Gminny
Ośrodek", "Miejski Ośrodek", "Miejsko-Gminny Ośrodek" ... Pomocy Społecznej); any other name is
copied as it stands, for the admin to correct on *Organ i upoważnienia* or with
``flask office-set``.

Revision ID: e15ca0000001
Revises: d2a000000001
Create Date: 2026-12-07

"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = 'e15ca0000001'
down_revision: Union[str, Sequence[str], None] = 'd2a000000001'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

# Frozen here (not imported): the nominative openings of a centre's name and their genitive.
_OPENINGS = (
    ("Miejsko-Gminny Ośrodek", "Miejsko-Gminnego Ośrodka"),
    ("Gminny Ośrodek", "Gminnego Ośrodka"),
    ("Miejski Ośrodek", "Miejskiego Ośrodka"),
    ("Ośrodek", "Ośrodka"),
)


def _genitive(name: str) -> str:
    for nominative, genitive in _OPENINGS:
        if name.startswith(nominative + " "):
            return genitive + name[len(nominative):]
    return name


def upgrade() -> None:
    """Add the column and fill it for the existing row."""
    with op.batch_alter_table('office_settings', schema=None) as batch_op:
        batch_op.add_column(sa.Column('centre_name_genitive', sa.String(length=300),
                                      server_default='', nullable=False))
    bind = op.get_bind()
    for row_id, name in bind.execute(sa.text('SELECT id, centre_name FROM office_settings')).all():
        bind.execute(sa.text('UPDATE office_settings SET centre_name_genitive = :g WHERE id = :id'),
                     {'g': _genitive(str(name)), 'id': row_id})


def downgrade() -> None:
    """Drop it."""
    with op.batch_alter_table('office_settings', schema=None) as batch_op:
        batch_op.drop_column('centre_name_genitive')
