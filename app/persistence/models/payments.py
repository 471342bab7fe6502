"""Payment schedules, payment lists and payments."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, Money, utcnow


class PaymentScheduleItem(Base):
    """One benefit month of a decision's payment schedule (harmonogram)."""

    __tablename__ = "payment_schedule_items"
    __table_args__ = (UniqueConstraint("decision_id", "month"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    decision_id: Mapped[int] = mapped_column(ForeignKey("decisions.id", ondelete="CASCADE"), index=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    month: Mapped[date]
    due_on: Mapped[date]
    amount: Mapped[Money]
    status: Mapped[str] = mapped_column(String(20), default="planned", index=True)


class PaymentList(Base):
    """A monthly payment list (lista wypłat) for the supervisor to approve."""

    __tablename__ = "payment_lists"

    id: Mapped[int] = mapped_column(primary_key=True)
    month: Mapped[date] = mapped_column(index=True)
    status: Mapped[str] = mapped_column(String(20), default="draft")
    total: Mapped[Money]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    approved_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    approved_at: Mapped[datetime | None]


class Payment(Base):
    """A payment created by the monthly run from one schedule item (at most one per item)."""

    __tablename__ = "payments"
    __table_args__ = (UniqueConstraint("schedule_item_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    schedule_item_id: Mapped[int] = mapped_column(ForeignKey("payment_schedule_items.id"))
    payment_list_id: Mapped[int] = mapped_column(ForeignKey("payment_lists.id"), index=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    amount: Mapped[Money]
    method: Mapped[str] = mapped_column(String(20), default="transfer")
    due_on: Mapped[date]
    status: Mapped[str] = mapped_column(String(20), default="pending")
