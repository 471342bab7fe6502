"""Social work (praca socjalna): a family's record, its visits and notes, goals, and the kontrakty
socjalne (art. 108 u.p.s.) with their stages and outcome. A record needs no benefit case: social
work given without any benefit counts too (MRPiPS-03)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.domain.social_work import ContractStatus, EntryKind, FormPart, GoalStatus, RecordStatus

from .base import Base, status_check, utcnow
from .people import Person


class SocialWorkRecord(Base):
    """A family's social-work record, opened for a person of the register (the family's
    representative), with the family's members; optionally linked to a benefit case whose
    community interview gave the plan of help."""

    __tablename__ = "social_work_records"
    __table_args__ = (status_check(RecordStatus),)

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("persons.id"), index=True)
    case_id: Mapped[int | None] = mapped_column(ForeignKey("cases.id", ondelete="SET NULL"), index=True)
    opened_on: Mapped[date]
    opened_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    caseworker_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
    help_plan: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(20), default=RecordStatus.OPEN)
    closed_on: Mapped[date | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    version: Mapped[int] = mapped_column(default=1)

    person: Mapped[Person] = relationship()
    members: Mapped[list[SocialWorkMember]] = relationship(
        back_populates="record", cascade="all, delete-orphan", order_by="SocialWorkMember.id")
    entries: Mapped[list[SocialWorkEntry]] = relationship(
        cascade="all, delete-orphan", order_by="(SocialWorkEntry.on.desc(), SocialWorkEntry.id.desc())")
    goals: Mapped[list[SocialWorkGoal]] = relationship(
        cascade="all, delete-orphan", order_by="SocialWorkGoal.id")
    contracts: Mapped[list[SocialContract]] = relationship(
        cascade="all, delete-orphan", order_by="SocialContract.id")


class SocialWorkMember(Base):
    """A person of the family the social work is given to (the representative included)."""

    __tablename__ = "social_work_members"
    __table_args__ = (UniqueConstraint("record_id", "person_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    record_id: Mapped[int] = mapped_column(ForeignKey("social_work_records.id", ondelete="CASCADE"),
                                           index=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("persons.id"), index=True)

    record: Mapped[SocialWorkRecord] = relationship(back_populates="members")
    person: Mapped[Person] = relationship(lazy="joined")


class SocialWorkEntry(Base):
    """A visit or a note: its day, who made it, what was done or found."""

    __tablename__ = "social_work_entries"
    __table_args__ = (status_check(EntryKind, "kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    record_id: Mapped[int] = mapped_column(ForeignKey("social_work_records.id", ondelete="CASCADE"),
                                           index=True)
    kind: Mapped[str] = mapped_column(String(10))
    on: Mapped[date] = mapped_column(index=True)
    by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class SocialWorkGoal(Base):
    """A goal of the work with the family, and whether it was achieved."""

    __tablename__ = "social_work_goals"
    __table_args__ = (status_check(GoalStatus),)

    id: Mapped[int] = mapped_column(primary_key=True)
    record_id: Mapped[int] = mapped_column(ForeignKey("social_work_records.id", ondelete="CASCADE"),
                                           index=True)
    text: Mapped[str] = mapped_column(Text)
    set_on: Mapped[date]
    status: Mapped[str] = mapped_column(String(20), default=GoalStatus.OPEN)
    closed_on: Mapped[date | None]


class SocialContract(Base):
    """A kontrakt socjalny (art. 108 u.p.s.) on the form of the regulation on its model: the
    parties (a person of the family; the social worker for the centre), the assessment, the main
    goal, the obligations of both sides, the term, its stages, and its outcome. A refusal to
    conclude one is recorded too (status ``refused``, with the reason the person gave)."""

    __tablename__ = "social_contracts"
    __table_args__ = (status_check(ContractStatus), status_check(FormPart, "form_part"))

    id: Mapped[int] = mapped_column(primary_key=True)
    record_id: Mapped[int] = mapped_column(ForeignKey("social_work_records.id", ondelete="CASCADE"),
                                           index=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("persons.id"), index=True)
    worker_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    form_part: Mapped[str] = mapped_column(String(1), default=FormPart.A)
    status: Mapped[str] = mapped_column(String(20), default=ContractStatus.SIGNED)
    concluded_on: Mapped[date | None] = mapped_column(index=True)
    valid_from: Mapped[date | None]
    valid_until: Mapped[date | None]
    assessment: Mapped[str] = mapped_column(Text, default="")
    goal: Mapped[str] = mapped_column(Text, default="")
    person_obligations: Mapped[str] = mapped_column(Text, default="")
    centre_obligations: Mapped[str] = mapped_column(Text, default="")
    # A refusal to conclude (status refused): its day and the reason the person gave.
    refused_on: Mapped[date | None] = mapped_column(index=True)
    # The outcome (fulfilled, broken, ended): its day and the reason or assessment.
    outcome_on: Mapped[date | None]
    reason: Mapped[str] = mapped_column(Text, default="")
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    version: Mapped[int] = mapped_column(default=1)

    person: Mapped[Person] = relationship()
    stages: Mapped[list[SocialContractStage]] = relationship(
        cascade="all, delete-orphan", order_by="SocialContractStage.position")


class SocialContractStage(Base):
    """A stage of a contract: what is to be done, by whom, by when, and its review date (shown
    on *Terminy* until it is reviewed)."""

    __tablename__ = "social_contract_stages"

    id: Mapped[int] = mapped_column(primary_key=True)
    contract_id: Mapped[int] = mapped_column(ForeignKey("social_contracts.id", ondelete="CASCADE"),
                                             index=True)
    position: Mapped[int] = mapped_column(default=0)
    action: Mapped[str] = mapped_column(Text)
    responsible: Mapped[str] = mapped_column(String(200), default="")
    due_on: Mapped[date | None]
    review_on: Mapped[date] = mapped_column(index=True)
    reviewed_on: Mapped[date | None]
    review_note: Mapped[str] = mapped_column(Text, default="")
