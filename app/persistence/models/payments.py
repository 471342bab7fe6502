"""Payment schedules, payment lists, payments and the exported files of a list."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import ForeignKey, Index, LargeBinary, String, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column

from app.domain.statuses import PaymentListStatus, PaymentStatus, ScheduleItemStatus

from .base import Base, Money, status_check, utcnow


class PaymentScheduleItem(Base):
    """One benefit month of a decision's payment schedule (harmonogram).

    ``status``: planned (not yet on a list), scheduled (the run put it on a list), cancelled
    (a changing or revoking decision took the month away before it was paid).
    """

    __tablename__ = "payment_schedule_items"
    __table_args__ = (UniqueConstraint("decision_id", "month"), status_check(ScheduleItemStatus))

    id: Mapped[int] = mapped_column(primary_key=True)
    decision_id: Mapped[int] = mapped_column(ForeignKey("decisions.id", ondelete="CASCADE"), index=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    month: Mapped[date]
    due_on: Mapped[date]
    amount: Mapped[Money]
    status: Mapped[str] = mapped_column(String(20), default=ScheduleItemStatus.PLANNED, index=True)


_DRAFT = f"status = '{PaymentListStatus.DRAFT.value}'"


class PaymentList(Base):
    """A payment list (lista wypłat) for one payment date, run by one person and approved by
    another (a run by the system scheduler has no ``run_by_id``).

    At most one *draft* list per payment date (a partial unique index): the runs add to it until
    it is approved; a later run for the same date starts a new list.
    """

    __tablename__ = "payment_lists"
    __table_args__ = (
        Index("uq_payment_lists_draft_pay_date", "pay_date", unique=True,
              postgresql_where=text(_DRAFT), sqlite_where=text(_DRAFT)),
        status_check(PaymentListStatus),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    month: Mapped[date] = mapped_column(index=True)
    pay_date: Mapped[date | None] = mapped_column(index=True)
    status: Mapped[str] = mapped_column(String(20), default=PaymentListStatus.DRAFT)
    total: Mapped[Money]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    run_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    approved_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    approved_at: Mapped[datetime | None]
    version: Mapped[int] = mapped_column(default=1, server_default="1")


class Payment(Base):
    """A payment of one schedule item (``attempt`` 1 by the run; a reissue after a returned
    transfer is the next attempt of the same item, so an item is never paid twice).

    ``status``: pending (draft list), approved, paid, returned. ``reissue_of_id`` links a
    reissue to the returned payment it replaces (at most one reissue each).
    """

    __tablename__ = "payments"
    __table_args__ = (UniqueConstraint("schedule_item_id", "attempt"),
                      UniqueConstraint("reissue_of_id"), status_check(PaymentStatus))

    id: Mapped[int] = mapped_column(primary_key=True)
    schedule_item_id: Mapped[int] = mapped_column(ForeignKey("payment_schedule_items.id"))
    attempt: Mapped[int] = mapped_column(default=1, server_default="1")
    payment_list_id: Mapped[int] = mapped_column(ForeignKey("payment_lists.id"), index=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    amount: Mapped[Money]
    method: Mapped[str] = mapped_column(String(20), default="transfer")
    # Indexed: the dashboard sums the payments paid in a period, by their day of payment.
    due_on: Mapped[date] = mapped_column(index=True)
    status: Mapped[str] = mapped_column(String(20), default=PaymentStatus.PENDING)
    # The benefit month the payment is for (arrears keep their own month in the title).
    benefit_month: Mapped[date | None]
    # The payee's account when the payment was listed (a reissue may correct it).
    account: Mapped[str | None] = mapped_column(String(34))
    added_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    reissue_of_id: Mapped[int | None] = mapped_column(ForeignKey("payments.id"))
    settled_on: Mapped[date | None]
    settled_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    settled_at: Mapped[datetime | None]
    # Where the settlement comes from: the bank statement or the cash-desk receipt reference.
    settlement_ref: Mapped[str] = mapped_column(String(100), default="", server_default="")


class PaymentExport(Base):
    """A file exported from an approved list, kept so a re-export returns the same bytes."""

    __tablename__ = "payment_exports"
    __table_args__ = (UniqueConstraint("payment_list_id", "kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    payment_list_id: Mapped[int] = mapped_column(ForeignKey("payment_lists.id"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    content: Mapped[bytes] = mapped_column(LargeBinary)
    sha256: Mapped[str] = mapped_column(String(64))
    total: Mapped[Money]
    count: Mapped[int]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
