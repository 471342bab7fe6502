"""documents (issued PDFs), the issuing body's settings, signers' authorisations, rygor

Revision ID: c9d0c0000001
Revises: 7b1c2d3e4f50
Create Date: 2026-12-03 13:40:00

- documents: every issued PDF (decision, letter) with its SHA-256; an UPDATE is refused by a
  trigger (PostgreSQL and SQLite), so an issued document is never changed.
- office_settings: the issuing body (gmina, wójt/burmistrz/prezydent, centre, SKO, payment).
- signer_authorisations: who may sign in the body's name, per act, with number and date.
- decisions.immediate_enforcement(_reason): rygor natychmiastowej wykonalności (art. 108 KPA).
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa

import app.persistence.models.base

revision: str = 'c9d0c0000001'
down_revision: Union[str, Sequence[str], None] = '7b1c2d3e4f50'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

_TS = app.persistence.models.base.UTCDateTime(timezone=True)


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table(
        'documents',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('case_id', sa.Integer(), nullable=False),
        sa.Column('decision_id', sa.Integer(), nullable=True),
        sa.Column('kind', sa.String(length=40), nullable=False),
        sa.Column('title', sa.String(length=200), nullable=False),
        sa.Column('file_name', sa.String(length=200), nullable=False),
        sa.Column('content', sa.LargeBinary(), nullable=False),
        sa.Column('sha256', sa.String(length=64), nullable=False),
        sa.Column('size', sa.Integer(), nullable=False),
        sa.Column('created_at', _TS, nullable=False),
        sa.Column('created_by_id', sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(['case_id'], ['cases.id'], name=op.f('fk_documents_case_id_cases'),
                                ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['decision_id'], ['decisions.id'],
                                name=op.f('fk_documents_decision_id_decisions')),
        sa.ForeignKeyConstraint(['created_by_id'], ['users.id'],
                                name=op.f('fk_documents_created_by_id_users')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_documents')),
    )
    op.create_index(op.f('ix_documents_case_id'), 'documents', ['case_id'], unique=False)
    op.create_index(op.f('ix_documents_decision_id'), 'documents', ['decision_id'], unique=False)
    if op.get_bind().dialect.name == 'postgresql':
        op.execute("""
            CREATE FUNCTION documents_refuse_update() RETURNS trigger AS $$
            BEGIN RAISE EXCEPTION 'an issued document cannot be changed'; END;
            $$ LANGUAGE plpgsql""")
        op.execute("CREATE TRIGGER documents_immutable BEFORE UPDATE ON documents "
                   "FOR EACH ROW EXECUTE FUNCTION documents_refuse_update()")
    else:
        op.execute("CREATE TRIGGER documents_immutable BEFORE UPDATE ON documents "
                   "BEGIN SELECT RAISE(ABORT, 'an issued document cannot be changed'); END")

    op.create_table(
        'office_settings',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('gmina', sa.String(length=200), nullable=False),
        sa.Column('body', sa.String(length=20), nullable=False),
        sa.Column('centre_name', sa.String(length=300), nullable=False),
        sa.Column('centre_address', sa.String(length=300), nullable=False),
        sa.Column('centre_city', sa.String(length=100), nullable=False),
        sa.Column('sko_name', sa.String(length=300), nullable=False),
        sa.Column('sko_seat', sa.String(length=300), nullable=False),
        sa.Column('payment_method', sa.Text(), nullable=False),
        sa.Column('payment_day', sa.Text(), nullable=False, server_default=''),
        sa.Column('updated_at', _TS, nullable=False),
        sa.Column('updated_by_id', sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(['updated_by_id'], ['users.id'],
                                name=op.f('fk_office_settings_updated_by_id_users')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_office_settings')),
    )
    op.create_table(
        'signer_authorisations',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('user_id', sa.Integer(), nullable=False),
        sa.Column('act', sa.String(length=10), nullable=False),
        sa.Column('position', sa.String(length=200), nullable=False),
        sa.Column('number', sa.String(length=100), nullable=False),
        sa.Column('issued_on', sa.Date(), nullable=False),
        sa.Column('valid_until', sa.Date(), nullable=True),
        sa.Column('revoked_on', sa.Date(), nullable=True),
        sa.Column('created_at', _TS, nullable=False),
        sa.ForeignKeyConstraint(['user_id'], ['users.id'],
                                name=op.f('fk_signer_authorisations_user_id_users'), ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_signer_authorisations')),
        sa.UniqueConstraint('user_id', 'act', 'number', name=op.f('uq_signer_authorisations_user_id')),
    )
    op.create_index(op.f('ix_signer_authorisations_user_id'), 'signer_authorisations', ['user_id'],
                    unique=False)
    with op.batch_alter_table('decisions', schema=None) as batch_op:
        batch_op.add_column(sa.Column('immediate_enforcement', sa.Boolean(), nullable=False,
                                      server_default=sa.false()))
        batch_op.add_column(sa.Column('immediate_enforcement_reason', sa.Text(), nullable=False,
                                      server_default=''))


def downgrade() -> None:
    """Downgrade schema."""
    with op.batch_alter_table('decisions', schema=None) as batch_op:
        batch_op.drop_column('immediate_enforcement_reason')
        batch_op.drop_column('immediate_enforcement')
    op.drop_index(op.f('ix_signer_authorisations_user_id'), table_name='signer_authorisations')
    op.drop_table('signer_authorisations')
    op.drop_table('office_settings')
    if op.get_bind().dialect.name == 'postgresql':
        op.execute("DROP TRIGGER IF EXISTS documents_immutable ON documents")
        op.execute("DROP FUNCTION IF EXISTS documents_refuse_update()")
    op.drop_index(op.f('ix_documents_decision_id'), table_name='documents')
    op.drop_index(op.f('ix_documents_case_id'), table_name='documents')
    op.drop_table('documents')
