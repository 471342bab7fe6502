"""Undue benefits (nienależnie pobrane świadczenia): the finding, its decisions, deductions,
repayments and instalments. An issued decision's PDF is a document of the case (``documents``,
with its SHA-256), like every other document the party receives."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import JSON, ForeignKey, Numeric, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.domain.statuses import RecoveryDecisionKind, RecoveryDecisionStatus, RecoveryStatus

from .base import Base, Money, status_check, utcnow
from .documents import Document


class Recovery(Base):
    """One finding of undue benefits in a case, and the debt it creates for the party."""

    __tablename__ = "recoveries"
    __table_args__ = (status_check(RecoveryStatus),)

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("persons.id"), index=True)
    benefit: Mapped[str] = mapped_column(String(40))
    act: Mapped[str] = mapped_column(String(3))  # ups / usr / fa
    ground: Mapped[str] = mapped_column(String(30))  # false_information / unreported_change / other
    # FA and family benefits: the act's own ground (recovery_law.GROUNDS), e.g. "fa_2_7_a".
    legal_ground: Mapped[str | None] = mapped_column(String(20))
    fact: Mapped[str] = mapped_column(Text)
    learned_on: Mapped[date | None]  # when the party was told of the duty to report changes
    notice_decision_id: Mapped[int | None] = mapped_column(ForeignKey("decisions.id"))
    notice_override: Mapped[str] = mapped_column(Text, default="")
    found_on: Mapped[date]
    found_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    principal: Mapped[Money]
    status: Mapped[str] = mapped_column(String(20), default=RecoveryStatus.FOUND)
    repay_by: Mapped[date | None]
    account: Mapped[str | None] = mapped_column(String(34))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    version: Mapped[int] = mapped_column(default=1)

    items: Mapped[list[RecoveryItem]] = relationship(order_by="RecoveryItem.paid_on")


class RecoveryItem(Base):
    """One paid payment found undue (in full or in part); a payment is counted at most once."""

    __tablename__ = "recovery_items"
    __table_args__ = (UniqueConstraint("payment_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    recovery_id: Mapped[int] = mapped_column(ForeignKey("recoveries.id", ondelete="CASCADE"), index=True)
    payment_id: Mapped[int] = mapped_column(ForeignKey("payments.id"))
    month: Mapped[date]  # the benefit month the payment was for
    paid_on: Mapped[date]
    paid_amount: Mapped[Money]
    amount: Mapped[Money]


class RecoveryDecision(Base):
    """A decision on the debt: 'recovery' (the amount and deadline), 'write_off', 'deferral' or
    'instalments'; drafted by one person, approved by another holding the supervisor role."""

    __tablename__ = "recovery_decisions"
    __table_args__ = (status_check(RecoveryDecisionStatus),
                      status_check(RecoveryDecisionKind, "kind"))

    id: Mapped[int] = mapped_column(primary_key=True)
    recovery_id: Mapped[int] = mapped_column(ForeignKey("recoveries.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    status: Mapped[str] = mapped_column(String(20), default=RecoveryDecisionStatus.DRAFT)
    number: Mapped[str | None] = mapped_column(String(40), unique=True)
    issued_on: Mapped[date | None]
    # The day the recovery decision became final: the limitation runs from it (art. 23 ust. 2).
    final_on: Mapped[date | None]
    justification: Mapped[str] = mapped_column(Text)
    amount: Mapped[Decimal | None] = mapped_column(Numeric(12, 2, asdecimal=True))  # write-off; None = all
    repay_by: Mapped[date | None]
    account: Mapped[str | None] = mapped_column(String(34))
    plan: Mapped[list[Any]] = mapped_column(JSON, default=list)  # instalments: [[due, amount]]
    drafted_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    drafted_at: Mapped[datetime] = mapped_column(default=utcnow)
    approved_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    approved_at: Mapped[datetime | None]
    document_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id"))
    document: Mapped[Document | None] = relationship()


class RecoveryInstalment(Base):
    """One instalment of the schedule in force (earlier schedules are kept, inactive)."""

    __tablename__ = "recovery_instalments"

    id: Mapped[int] = mapped_column(primary_key=True)
    recovery_id: Mapped[int] = mapped_column(ForeignKey("recoveries.id", ondelete="CASCADE"), index=True)
    # The recovery decision that set it; None for the terms a benefit decision set itself (aid
    # on condition of its return, art. 41 pkt 2 u.p.s.).
    decision_id: Mapped[int | None] = mapped_column(ForeignKey("recovery_decisions.id", ondelete="CASCADE"))
    due_on: Mapped[date]
    amount: Mapped[Money]
    active: Mapped[bool] = mapped_column(default=True)


class RecoveryDeduction(Base):
    """What was deducted from one draft payment of a current benefit (one row per payment)."""

    __tablename__ = "recovery_deductions"
    __table_args__ = (UniqueConstraint("payment_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    recovery_id: Mapped[int] = mapped_column(ForeignKey("recoveries.id", ondelete="CASCADE"), index=True)
    payment_id: Mapped[int] = mapped_column(ForeignKey("payments.id", ondelete="CASCADE"))
    gross: Mapped[Money]  # the payment before the deduction
    amount: Mapped[Money]
    applied_on: Mapped[date]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class RecoveryRepayment(Base):
    """Money the party paid back; what exceeded the debt is kept as ``overpaid``."""

    __tablename__ = "recovery_repayments"

    id: Mapped[int] = mapped_column(primary_key=True)
    recovery_id: Mapped[int] = mapped_column(ForeignKey("recoveries.id", ondelete="CASCADE"), index=True)
    received_on: Mapped[date]
    amount: Mapped[Money]
    overpaid: Mapped[Money]
    recorded_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
