"""The "Niebieskie Karty" procedure (ustawa o przeciwdziałaniu przemocy domowej, art. 9d;
Dz.U. 2023 poz. 1870): a procedure started with form A, the people assigned to it, and its
events (the hand-over to the team's chair, the group's meetings, forms B/C/D, the plan, the
closing). It is not a case: no household, no human task and no case number, so it never shows in
the case lists, the worklist or the search; its process state is kept on its own row."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.domain.niebieska_karta import EventKind, Status

from .base import Base, status_check, utcnow
from .people import Person


class NkProcedure(Base):
    """A procedure: who started it and when, the person affected and the person suspected
    (register entries), the facts of form A the centre records, and its process state."""

    __tablename__ = "nk_procedures"
    __table_args__ = (status_check(Status),)

    id: Mapped[int] = mapped_column(primary_key=True)
    started_on: Mapped[date]
    started_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    affected_id: Mapped[int] = mapped_column(ForeignKey("persons.id"), index=True)
    suspect_id: Mapped[int] = mapped_column(ForeignKey("persons.id"), index=True)
    # Form A as the centre records it: the kinds of violence, what happened, whether children
    # witnessed it, whether the adult person affected was present (§ 2 ust. 5-6) and why not.
    violence_kinds: Mapped[list[str]] = mapped_column(JSON, default=list)
    facts: Mapped[str] = mapped_column(Text, default="")
    children_present: Mapped[bool] = mapped_column(default=False)
    affected_present: Mapped[bool] = mapped_column(default=True)
    absence_reason: Mapped[str] = mapped_column(Text, default="")
    handover_due: Mapped[date]
    handed_on: Mapped[date | None]
    status: Mapped[str] = mapped_column(String(20), default=Status.OPEN)
    closing_ground: Mapped[str | None] = mapped_column(String(30))
    closed_on: Mapped[date | None]
    # The niebieska_karta process: the definition it runs on and its serialized state.
    definition_id: Mapped[int] = mapped_column(ForeignKey("process_definitions.id"))
    state: Mapped[bytes] = mapped_column(LargeBinary)
    serializer_version: Mapped[str] = mapped_column(String(20))
    open_step: Mapped[str | None] = mapped_column(String(60))
    open_task_id: Mapped[str | None] = mapped_column(String(36))
    open_due: Mapped[date | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    version: Mapped[int] = mapped_column(default=1)

    affected: Mapped[Person] = relationship(foreign_keys=[affected_id])
    suspect: Mapped[Person] = relationship(foreign_keys=[suspect_id])
    members: Mapped[list[NkMember]] = relationship(
        cascade="all, delete-orphan", order_by="NkMember.id")
    events: Mapped[list[NkEvent]] = relationship(
        cascade="all, delete-orphan", order_by="(NkEvent.on, NkEvent.id)")


class NkMember(Base):
    """A person assigned to the procedure: the caseworker who started it, or a member of the
    diagnostic and support group the head of the centre assigned."""

    __tablename__ = "nk_members"
    __table_args__ = (UniqueConstraint("procedure_id", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    procedure_id: Mapped[int] = mapped_column(ForeignKey("nk_procedures.id", ondelete="CASCADE"),
                                              index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    starter: Mapped[bool] = mapped_column(default=False)
    assigned_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class NkEvent(Base):
    """A dated event: the hand-over, a meeting (who attended), form B/C/D, the plan, the
    closing; ``detail`` holds its facts (the form, the attendees, the ground)."""

    __tablename__ = "nk_events"
    __table_args__ = (status_check(EventKind, "kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    procedure_id: Mapped[int] = mapped_column(ForeignKey("nk_procedures.id", ondelete="CASCADE"),
                                              index=True)
    kind: Mapped[str] = mapped_column(String(20))
    on: Mapped[date]
    text: Mapped[str] = mapped_column(Text, default="")
    detail: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    recorded_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
