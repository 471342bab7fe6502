"""The FA debtor procedure (art. 3-5, 27-28 of the act of 7 Sep 2007): the procedure of the
debtor's centre (a case of kind ``debtor`` running the ``fa_debtor`` process), each step it
recorded, and the debtor's own ledger: the FA paid to the entitled persons (dues) and what was
recovered (receipts), each receipt split between the state budget and the gminas (art. 28)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, Money, utcnow


class DebtorProcedure(Base):
    """The debtor's centre's procedure against one debtor, on the creditor centre's request;
    linked to the FA case of the entitled persons when the centre holds it."""

    __tablename__ = "debtor_procedures"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), unique=True)
    fa_case_id: Mapped[int | None] = mapped_column(ForeignKey("cases.id"), index=True)
    debtor_id: Mapped[int] = mapped_column(ForeignKey("persons.id"), index=True)
    creditor_gmina: Mapped[str] = mapped_column(String(120))
    debtor_gmina: Mapped[str] = mapped_column(String(120))
    request_received_on: Mapped[date]
    opened_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    @property
    def same_gmina(self) -> bool:
        """The creditor's and the debtor's gmina are one (art. 28 ust. 1: it keeps the 40 %)."""
        return self.creditor_gmina.strip().casefold() == self.debtor_gmina.strip().casefold()


class DebtorStep(Base):
    """A step the centre took (a completed task of the procedure): the day, its deadline and
    the outcome, in the order taken."""

    __tablename__ = "debtor_steps"

    id: Mapped[int] = mapped_column(primary_key=True)
    procedure_id: Mapped[int] = mapped_column(
        ForeignKey("debtor_procedures.id", ondelete="CASCADE"), index=True)
    step: Mapped[str] = mapped_column(String(30))
    done_on: Mapped[date]
    due_on: Mapped[date | None]
    outcome: Mapped[str] = mapped_column(String(40), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    recorded_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class DebtorDue(Base):
    """FA paid to an entitled person, owed by the debtor (art. 27 ust. 1); a payment of the
    linked FA case counts at most once."""

    __tablename__ = "debtor_dues"
    __table_args__ = (UniqueConstraint("payment_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    procedure_id: Mapped[int] = mapped_column(
        ForeignKey("debtor_procedures.id", ondelete="CASCADE"), index=True)
    paid_on: Mapped[date]
    amount: Mapped[Money]
    payment_id: Mapped[int | None] = mapped_column(ForeignKey("payments.id"))
    recorded_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class DebtorReceipt(Base):
    """An amount recovered from the debtor: how it was applied (interest, principal, overpaid)
    and its art. 28 split (state budget, the creditor's and the debtor's gmina), as recorded."""

    __tablename__ = "debtor_receipts"

    id: Mapped[int] = mapped_column(primary_key=True)
    procedure_id: Mapped[int] = mapped_column(
        ForeignKey("debtor_procedures.id", ondelete="CASCADE"), index=True)
    received_on: Mapped[date]
    amount: Mapped[Money]
    interest_part: Mapped[Money]
    principal_part: Mapped[Money]
    overpaid_part: Mapped[Money]
    state_share: Mapped[Money]
    creditor_gmina_share: Mapped[Money]
    debtor_gmina_share: Mapped[Money]
    reference: Mapped[str] = mapped_column(String(100), default="")
    recorded_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
