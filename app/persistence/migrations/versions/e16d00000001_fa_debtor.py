"""The FA debtor procedure (issue 16 part 3): the debtor's centre's procedure, its steps and the
debtor's own ledger (dues and receipts with their art. 28 split); cases gain the kind 'debtor'.

- debtor_procedures: one per debtor case (cases.kind = 'debtor'), optionally linked to the FA
  case of the entitled persons; the creditor's and the debtor's gmina; the request's date.
- debtor_steps: each step taken, with its deadline and outcome.
- debtor_dues: FA paid to the entitled persons (a payment of the FA case at most once).
- debtor_receipts: what was recovered, how it was applied and its split.

Revision ID: e16d00000001
Revises: e16a00000001
Create Date: 2026-12-07

"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

import app.persistence.models.base

revision: str = 'e16d00000001'
down_revision: Union[str, Sequence[str], None] = 'e16a00000001'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

# The constraints this migration changes (as d2a000000001's CHECKS): (table, column) -> values.
CHECKS: dict[tuple[str, str], tuple[str, ...]] = {('cases', 'kind'): ('application', 'change', 'debtor')}
_KINDS_BEFORE = "kind IN ('application', 'change')"
_KINDS_AFTER = "kind IN ('application', 'change', 'debtor')"


def _money(name: str) -> sa.Column:
    return sa.Column(name, sa.Numeric(precision=12, scale=2), nullable=False)


def _created() -> sa.Column:
    return sa.Column('created_at', app.persistence.models.base.UTCDateTime(timezone=True),
                     nullable=False)


def _procedure_fk(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(['procedure_id'], ['debtor_procedures.id'],
                                   name=op.f(f'fk_{table}_procedure_id_debtor_procedures'),
                                   ondelete='CASCADE')


def _user_fk(table: str, column: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint([column], ['users.id'], name=op.f(f'fk_{table}_{column}_users'))


def upgrade() -> None:
    """Create the tables and admit the new kind of case."""
    with op.batch_alter_table('cases', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('ck_cases_kind'), type_='check')
        batch_op.create_check_constraint(batch_op.f('ck_cases_kind'), _KINDS_AFTER)
    op.create_table(
        'debtor_procedures',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('case_id', sa.Integer(), nullable=False),
        sa.Column('fa_case_id', sa.Integer(), nullable=True),
        sa.Column('debtor_id', sa.Integer(), nullable=False),
        sa.Column('creditor_gmina', sa.String(length=120), nullable=False),
        sa.Column('debtor_gmina', sa.String(length=120), nullable=False),
        sa.Column('request_received_on', sa.Date(), nullable=False),
        sa.Column('opened_by_id', sa.Integer(), nullable=False),
        _created(),
        sa.ForeignKeyConstraint(['case_id'], ['cases.id'],
                                name=op.f('fk_debtor_procedures_case_id_cases'), ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['fa_case_id'], ['cases.id'],
                                name=op.f('fk_debtor_procedures_fa_case_id_cases')),
        sa.ForeignKeyConstraint(['debtor_id'], ['persons.id'],
                                name=op.f('fk_debtor_procedures_debtor_id_persons')),
        _user_fk('debtor_procedures', 'opened_by_id'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_debtor_procedures')),
        sa.UniqueConstraint('case_id', name=op.f('uq_debtor_procedures_case_id')),
    )
    with op.batch_alter_table('debtor_procedures', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_debtor_procedures_fa_case_id'), ['fa_case_id'])
        batch_op.create_index(batch_op.f('ix_debtor_procedures_debtor_id'), ['debtor_id'])
    op.create_table(
        'debtor_steps',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('procedure_id', sa.Integer(), nullable=False),
        sa.Column('step', sa.String(length=30), nullable=False),
        sa.Column('done_on', sa.Date(), nullable=False),
        sa.Column('due_on', sa.Date(), nullable=True),
        sa.Column('outcome', sa.String(length=40), nullable=False),
        sa.Column('note', sa.Text(), nullable=False),
        sa.Column('recorded_by_id', sa.Integer(), nullable=False),
        _created(),
        _procedure_fk('debtor_steps'),
        _user_fk('debtor_steps', 'recorded_by_id'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_debtor_steps')),
    )
    op.create_table(
        'debtor_dues',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('procedure_id', sa.Integer(), nullable=False),
        sa.Column('paid_on', sa.Date(), nullable=False),
        _money('amount'),
        sa.Column('payment_id', sa.Integer(), nullable=True),
        sa.Column('recorded_by_id', sa.Integer(), nullable=False),
        _created(),
        _procedure_fk('debtor_dues'),
        sa.ForeignKeyConstraint(['payment_id'], ['payments.id'],
                                name=op.f('fk_debtor_dues_payment_id_payments')),
        _user_fk('debtor_dues', 'recorded_by_id'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_debtor_dues')),
        sa.UniqueConstraint('payment_id', name=op.f('uq_debtor_dues_payment_id')),
    )
    op.create_table(
        'debtor_receipts',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('procedure_id', sa.Integer(), nullable=False),
        sa.Column('received_on', sa.Date(), nullable=False),
        _money('amount'), _money('interest_part'), _money('principal_part'),
        _money('overpaid_part'), _money('state_share'), _money('creditor_gmina_share'),
        _money('debtor_gmina_share'),
        sa.Column('reference', sa.String(length=100), nullable=False),
        sa.Column('recorded_by_id', sa.Integer(), nullable=False),
        _created(),
        _procedure_fk('debtor_receipts'),
        _user_fk('debtor_receipts', 'recorded_by_id'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_debtor_receipts')),
    )
    for table in ('debtor_steps', 'debtor_dues', 'debtor_receipts'):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.create_index(batch_op.f(f'ix_{table}_procedure_id'), ['procedure_id'])


def downgrade() -> None:
    """Drop the tables (a debtor case left behind keeps its kind until it is deleted)."""
    for table in ('debtor_receipts', 'debtor_dues', 'debtor_steps', 'debtor_procedures'):
        op.drop_table(table)
    with op.batch_alter_table('cases', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('ck_cases_kind'), type_='check')
        batch_op.create_check_constraint(batch_op.f('ck_cases_kind'), _KINDS_BEFORE)
