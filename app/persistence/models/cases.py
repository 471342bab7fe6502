"""Cases, applications, interviews, eligibility results and decisions."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import JSON, ForeignKey, Numeric, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.domain.statuses import CaseKind, CaseStatus, DecisionKind, DecisionStatus

from .base import Base, Money, status_check, utcnow
from .people import Household, Person


class CaseNumberSequence(Base):
    """Per-year counter for human case numbers (POM/2026/00042)."""

    __tablename__ = "case_number_sequences"

    year: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    last: Mapped[int] = mapped_column(default=0)


class DecisionNumberSequence(Base):
    """Per-year counter of decision numbers, given at signature (DEC/2026/00042)."""

    __tablename__ = "decision_number_sequences"

    year: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    last: Mapped[int] = mapped_column(default=0)


class Case(Base):
    """A benefit case: one application for one household, followed to payment."""

    __tablename__ = "cases"
    __table_args__ = (status_check(CaseStatus), status_check(CaseKind, "kind"))

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(30), unique=True)
    household_id: Mapped[int] = mapped_column(ForeignKey("households.id"), index=True)
    applicant_id: Mapped[int] = mapped_column(ForeignKey("persons.id"), index=True)
    benefit: Mapped[str] = mapped_column(String(40))
    reason: Mapped[str] = mapped_column(String(60))
    urgent: Mapped[bool] = mapped_column(default=False)
    status: Mapped[str] = mapped_column(String(20), default=CaseStatus.OPEN)
    stage: Mapped[str | None] = mapped_column(String(40))
    outcome: Mapped[str | None] = mapped_column(String(40))
    # Indexed: the dashboard counts the cases opened in a period (reports/dashboard.py).
    opened_on: Mapped[date] = mapped_column(index=True)
    opened_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    caseworker_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
    bank_account: Mapped[str | None] = mapped_column(String(34))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    version: Mapped[int] = mapped_column(default=1)
    # "application" (opened on a wniosek), or "change": opened ex officio to change the running
    # grant of `parent_case_id` from `effective_from` (art. 106 ust. 5 u.p.s., art. 155 KPA).
    kind: Mapped[str] = mapped_column(String(20), default=CaseKind.APPLICATION)
    parent_case_id: Mapped[int | None] = mapped_column(ForeignKey("cases.id"), index=True)
    effective_from: Mapped[date | None]

    household: Mapped[Household] = relationship()
    applicant: Mapped[Person] = relationship()
    # The application it was opened on (none for a change case); read once per session.
    application: Mapped[Application | None] = relationship(
        primaryjoin="Case.id == foreign(Application.case_id)", uselist=False, viewonly=True)


class Application(Base):
    """The application (wniosek) that started a case."""

    __tablename__ = "applications"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), unique=True)
    received_on: Mapped[date]
    benefit: Mapped[str] = mapped_column(String(40))
    reason: Mapped[str] = mapped_column(String(60))
    urgent: Mapped[bool] = mapped_column(default=False)
    complete: Mapped[bool | None]
    # The first month the party asks the benefit for, when later than the month of filing (e.g.
    # the next benefit period of zasiłek rodzinny or FA); None = from the month of filing.
    requested_from: Mapped[date | None]
    # What the party asks for where the law leaves discretion (art. 107 § 4 KPA): the amount (a
    # month, or once) and the last day of the period; None = not stated.
    requested_amount: Mapped[Decimal | None] = mapped_column(Numeric(12, 2, asdecimal=True))
    requested_until: Mapped[date | None]
    notes: Mapped[str] = mapped_column(Text, default="")


class Interview(Base):
    """A community interview (rodzinny wywiad środowiskowy) or its update."""

    __tablename__ = "interviews"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(20), default="initial")
    conducted_on: Mapped[date | None]
    findings: Mapped[str] = mapped_column(Text, default="")
    help_plan: Mapped[str] = mapped_column(Text, default="")
    caseworker_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class EligibilityResult(Base):
    """The computed eligibility with its full explanation, kept with the decision."""

    __tablename__ = "eligibility_results"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    benefit: Mapped[str] = mapped_column(String(40))
    on: Mapped[date]
    eligible: Mapped[bool]
    amount: Mapped[Money]
    min_amount: Mapped[Money]
    max_amount: Mapped[Money]
    result: Mapped[dict[str, Any]] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Decision(Base):
    """An administrative decision (decyzja), from draft through approval to finality."""

    __tablename__ = "decisions"
    __table_args__ = (status_check(DecisionStatus), status_check(DecisionKind, "kind"))

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    number: Mapped[str | None] = mapped_column(String(40), unique=True)
    kind: Mapped[str] = mapped_column(String(20))
    benefit: Mapped[str] = mapped_column(String(40))
    amount: Mapped[Money] = mapped_column(default=Decimal("0"))
    period_from: Mapped[date | None]
    period_to: Mapped[date | None]
    justification: Mapped[str] = mapped_column(Text, default="")
    # The written reason for an amount the law leaves to discretion (other than the computed one).
    amount_reason: Mapped[str] = mapped_column(Text, default="")
    # What a one-off benefit is for (zasiłek celowy); empty for monthly benefits.
    purpose: Mapped[str] = mapped_column(Text, default="")
    eligibility_id: Mapped[int | None] = mapped_column(ForeignKey("eligibility_results.id"))
    status: Mapped[str] = mapped_column(String(20), default=DecisionStatus.DRAFT)
    drafted_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    drafted_at: Mapped[datetime] = mapped_column(default=utcnow)
    approved_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    approved_at: Mapped[datetime | None]
    return_comment: Mapped[str] = mapped_column(Text, default="")
    # Indexed: the dashboard counts the decisions issued in a period (reports/dashboard.py).
    issued_on: Mapped[date | None] = mapped_column(index=True)
    document_html: Mapped[str | None] = mapped_column(Text)
    delivered_on: Mapped[date | None]
    delivery_mode: Mapped[str | None] = mapped_column(String(20))
    final_on: Mapped[date | None]
    appeal_outcome: Mapped[str | None] = mapped_column(String(30))
    # Rygor natychmiastowej wykonalności (art. 108 KPA): an exception, always with its reason.
    immediate_enforcement: Mapped[bool] = mapped_column(default=False)
    immediate_enforcement_reason: Mapped[str] = mapped_column(Text, default="")
    # The answer to the party's comments on the evidence (art. 10 § 1, art. 107 § 3 KPA).
    comments_answer: Mapped[str] = mapped_column(Text, default="")
    # Aid on condition of its return (art. 41 pkt 2 u.p.s.; art. 40 ust. 3): "none", "part" or
    # "full"; the amount to return (part), the number of monthly instalments and the first due day.
    return_kind: Mapped[str] = mapped_column(String(10), default="none")
    return_amount: Mapped[Decimal | None] = mapped_column(Numeric(12, 2, asdecimal=True))
    return_instalments: Mapped[int | None]
    return_first_due: Mapped[date | None]

    eligibility: Mapped[EligibilityResult | None] = relationship()


class AuditEvent(Base):
    """Who did or read what, when. Details never hold personal data."""

    __tablename__ = "audit_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    action: Mapped[str] = mapped_column(String(60))
    case_id: Mapped[int | None] = mapped_column(ForeignKey("cases.id", ondelete="SET NULL"), index=True)
    detail: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
