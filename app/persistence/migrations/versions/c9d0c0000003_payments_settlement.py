"""payments: lists per payment date run and approved by two people, settlement, reissue, exports

Revision ID: c9d0c0000003
Revises: 7b1c2d3e4f50
Create Date: 2026-12-03 13:30:00

- payment_lists: pay_date (one draft list per payment date: partial unique index), run_by_id
  (NULL = the system scheduler), version.
- payments: attempt (a reissue is the next attempt of the same schedule item; unique with the
  item), benefit_month, account, added_by_id, reissue_of_id (unique), settled_on/by/at and
  settlement_ref (paid or returned).
- payment_exports: the files exported from an approved list (Elixir-O, XLSX, PDF), kept so a
  re-export returns the same bytes.
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa

import app.persistence.models.base

revision: str = 'c9d0c0000003'
down_revision: Union[str, Sequence[str], None] = '7b1c2d3e4f50'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    with op.batch_alter_table('payment_lists', schema=None) as batch_op:
        batch_op.add_column(sa.Column('pay_date', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('run_by_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('version', sa.Integer(), nullable=False, server_default='1'))
        batch_op.create_foreign_key(batch_op.f('fk_payment_lists_run_by_id_users'), 'users',
                                    ['run_by_id'], ['id'])
        batch_op.create_index(batch_op.f('ix_payment_lists_pay_date'), ['pay_date'], unique=False)
    op.create_index('uq_payment_lists_draft_pay_date', 'payment_lists', ['pay_date'], unique=True,
                    postgresql_where=sa.text("status = 'draft'"),
                    sqlite_where=sa.text("status = 'draft'"))
    with op.batch_alter_table('payments', schema=None) as batch_op:
        batch_op.add_column(sa.Column('attempt', sa.Integer(), nullable=False, server_default='1'))
        batch_op.add_column(sa.Column('benefit_month', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('account', sa.String(length=34), nullable=True))
        batch_op.add_column(sa.Column('added_by_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('reissue_of_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('settled_on', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('settled_by_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column(
            'settled_at', app.persistence.models.base.UTCDateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('settlement_ref', sa.String(length=100), nullable=False,
                                      server_default=''))
        batch_op.drop_constraint('uq_payments_schedule_item_id', type_='unique')
        batch_op.create_unique_constraint('uq_payments_schedule_item_id',
                                          ['schedule_item_id', 'attempt'])
        batch_op.create_unique_constraint(batch_op.f('uq_payments_reissue_of_id'), ['reissue_of_id'])
        batch_op.create_foreign_key(batch_op.f('fk_payments_added_by_id_users'), 'users',
                                    ['added_by_id'], ['id'])
        batch_op.create_foreign_key(batch_op.f('fk_payments_settled_by_id_users'), 'users',
                                    ['settled_by_id'], ['id'])
        batch_op.create_foreign_key(batch_op.f('fk_payments_reissue_of_id_payments'), 'payments',
                                    ['reissue_of_id'], ['id'])
    op.execute("UPDATE payments SET benefit_month = (SELECT i.month FROM payment_schedule_items i "
               "WHERE i.id = payments.schedule_item_id)")
    op.execute("UPDATE payments SET account = (SELECT c.bank_account FROM cases c "
               "WHERE c.id = payments.case_id) WHERE method = 'transfer'")
    op.create_table(
        'payment_exports',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('payment_list_id', sa.Integer(), nullable=False),
        sa.Column('kind', sa.String(length=20), nullable=False),
        sa.Column('content', sa.LargeBinary(), nullable=False),
        sa.Column('sha256', sa.String(length=64), nullable=False),
        sa.Column('total', sa.Numeric(precision=12, scale=2), nullable=False),
        sa.Column('count', sa.Integer(), nullable=False),
        sa.Column('created_at', app.persistence.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column('created_by_id', sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(['created_by_id'], ['users.id'],
                                name=op.f('fk_payment_exports_created_by_id_users')),
        sa.ForeignKeyConstraint(['payment_list_id'], ['payment_lists.id'],
                                name=op.f('fk_payment_exports_payment_list_id_payment_lists')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_payment_exports')),
        sa.UniqueConstraint('payment_list_id', 'kind', name=op.f('uq_payment_exports_payment_list_id')),
    )
    with op.batch_alter_table('payment_exports', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_payment_exports_payment_list_id'), ['payment_list_id'],
                              unique=False)


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_table('payment_exports')
    with op.batch_alter_table('payments', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_payments_reissue_of_id_payments'), type_='foreignkey')
        batch_op.drop_constraint(batch_op.f('fk_payments_settled_by_id_users'), type_='foreignkey')
        batch_op.drop_constraint(batch_op.f('fk_payments_added_by_id_users'), type_='foreignkey')
        batch_op.drop_constraint(batch_op.f('uq_payments_reissue_of_id'), type_='unique')
        batch_op.drop_constraint('uq_payments_schedule_item_id', type_='unique')
        batch_op.create_unique_constraint('uq_payments_schedule_item_id', ['schedule_item_id'])
        for column in ('settlement_ref', 'settled_at', 'settled_by_id', 'settled_on',
                       'reissue_of_id', 'added_by_id', 'account', 'benefit_month', 'attempt'):
            batch_op.drop_column(column)
    op.drop_index('uq_payment_lists_draft_pay_date', table_name='payment_lists')
    with op.batch_alter_table('payment_lists', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_payment_lists_pay_date'))
        batch_op.drop_constraint(batch_op.f('fk_payment_lists_run_by_id_users'), type_='foreignkey')
        for column in ('version', 'run_by_id', 'pay_date'):
            batch_op.drop_column(column)
