"""A decision's life after issue: appeals (dated by posting), the SKO's rulings, and the
lifecycle events recorded on it (finality undone or restored, art. 10 and art. 36 notices,
changing and revoking decisions)."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import JSON, ForeignKey, Numeric, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, utcnow


class Appeal(Base):
    """One appeal against a decision (art. 127–140 KPA), dated by posting (art. 57 §5 KPA)."""

    __tablename__ = "appeals"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    decision_id: Mapped[int] = mapped_column(ForeignKey("decisions.id", ondelete="CASCADE"), index=True)
    channel: Mapped[str] = mapped_column(String(20))       # post | epuap | in_person
    posted_on: Mapped[date]                                # Poczta Polska / ePUAP / filed in person
    received_on: Mapped[date]                              # the centre's receipt stamp
    deadline: Mapped[date]                                 # last day of the 14 days (art. 57 §4)
    timely: Mapped[bool]
    # Arrived after the finality timer had fired (so finality was recorded and then undone).
    after_finality: Mapped[bool] = mapped_column(default=False)
    restoration_requested: Mapped[bool] = mapped_column(default=False)   # art. 58 KPA
    cause_ceased_on: Mapped[date | None]
    restoration_ruling: Mapped[str | None] = mapped_column(String(20))  # granted | refused
    forward_due: Mapped[date]                              # art. 133 KPA: 7 days from receipt
    forwarded_on: Mapped[date | None]
    self_corrected_on: Mapped[date | None]                 # art. 132 KPA
    # Art. 132 § 1 KPA: what the appeal asks for, recorded with the supervisor's confirmation
    # that it is granted in full; the new draft is checked against it.
    demand_text: Mapped[str] = mapped_column(Text, default="")
    demand_amount: Mapped[Decimal | None] = mapped_column(Numeric(12, 2, asdecimal=True))
    demand_from: Mapped[date | None]
    demand_to: Mapped[date | None]
    in_full_confirmed: Mapped[bool] = mapped_column(default=False)
    sko_outcome: Mapped[str | None] = mapped_column(String(30))
    sko_ruling_on: Mapped[date | None]
    sko_reference: Mapped[str] = mapped_column(String(60), default="")
    sko_decision_id: Mapped[int | None] = mapped_column(ForeignKey("decisions.id"))
    follow_up_case_id: Mapped[int | None] = mapped_column(ForeignKey("cases.id"))
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    version: Mapped[int] = mapped_column(default=1)


class DecisionEvent(Base):
    """A fact in a decision's life, with who recorded it and why (shown in the case file)."""

    __tablename__ = "decision_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    decision_id: Mapped[int | None] = mapped_column(ForeignKey("decisions.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(30))
    on: Mapped[date]
    reason: Mapped[str] = mapped_column(Text, default="")
    amount: Mapped[Decimal | None] = mapped_column(Numeric(12, 2, asdecimal=True))
    detail: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
