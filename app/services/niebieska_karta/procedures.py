"""Starting a Niebieska Karta procedure with form A, reading it (every read audited), listing the
procedures a user may see, assigning the group's members, the deadlines on *Terminy*, and the
bare notice on a benefit case of the same family.

Least privilege: a procedure is read by the people assigned to it and the head of the centre
only (:mod:`.access`); an admin sees nothing, not even names; a caseworker on a benefit case of
the family learns only that a procedure runs (:func:`runs_in_family`), never its content.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import or_, select

from app.domain import niebieska_karta as nk
from app.domain.deadlines import today_in_warsaw
from app.domain.messages import Code, msg
from app.domain.messages.codes_nk import NkCode
from app.persistence.models import (
    Case,
    HouseholdMember,
    NkMember,
    NkProcedure,
    Person,
    User,
)
from app.services.kernel import audit, inputs
from app.services.kernel.context import Actor, ServiceContext, UnitOfWork
from app.services.kernel.errors import Conflict, Forbidden, NotFound
from app.services.niebieska_karta import access, steps
from app.services.niebieska_karta.views import (
    EventView,
    MemberView,
    NkDeadline,
    OpenStepView,
    ProcedureRow,
    ProcedureView,
    Saved,
)


def number(proc: NkProcedure) -> str:
    """The procedure's reference in the centre (no name in it)."""
    return f"NK/{proc.started_on.year}/{proc.id}"


def saved(proc: NkProcedure) -> Saved:
    """What a change returns."""
    return Saved(proc.id, proc.version, proc.status, proc.open_step)


def check_version(proc: NkProcedure, version: int) -> None:
    """A change carries the version as read: a stale one is a 409 with the current one."""
    if proc.version != version:
        raise Conflict(msg(NkCode.CHANGED), current_version=proc.version)
    if proc.status == nk.Status.CLOSED:
        raise Conflict(msg(NkCode.CLOSED), current_version=proc.version)


def _name(person: Person) -> str:
    return f"{person.first_name} {person.last_name}"


def start(ctx: ServiceContext, actor: Actor, body: Any, *, page: bool = False) -> Saved:
    """Start a procedure with form A (a caseworker, who is then assigned to it); the process
    starts with the hand-over to the team's chair due."""
    if not actor.has("caseworker") or actor.id is None:
        raise Forbidden(msg(NkCode.START_ROLE))
    today = today_in_warsaw(ctx.now())
    typed, errors = inputs.read("NkStartRequest", body, page=page)
    started_on: date = typed.get("started_on") or today
    if started_on > today:
        errors["started_on"] = msg(NkCode.DATE_FUTURE)
    present = typed.get("affected_present", True)
    if not present and not typed.get("absence_reason") and "absence_reason" not in errors:
        errors["absence_reason"] = msg(NkCode.ABSENCE_REASON)
    with ctx.uow() as uow:
        for name in ("affected_id", "suspect_id"):
            if name in typed and uow.session.get(Person, typed[name]) is None:
                errors[name] = msg(NkCode.PERSON_UNKNOWN)
        if "suspect_id" not in errors and typed.get("affected_id") == typed.get("suspect_id") \
                and "affected_id" in typed:
            errors["suspect_id"] = msg(NkCode.SAME_PERSON)
        if errors:
            raise inputs.refusal(errors, page=page)
        proc = NkProcedure(
            started_on=started_on, started_by_id=actor.id, affected_id=typed["affected_id"],
            suspect_id=typed["suspect_id"], violence_kinds=list(typed["violence_kinds"]),
            facts=typed["facts"], children_present=bool(typed.get("children_present")),
            affected_present=present, absence_reason=typed.get("absence_reason") or "",
            handover_due=nk.handover_due(started_on), status=nk.Status.OPEN,
            created_at=ctx.now(), version=1)
        steps.start(uow, proc)
        uow.session.add(proc)
        uow.session.flush()
        uow.session.add(NkMember(procedure_id=proc.id, user_id=actor.id, starter=True,
                                 assigned_by_id=actor.id, created_at=ctx.now()))
        audit.record(uow, "nk.started", actor.id, procedure_id=proc.id)
        uow.commit()
        return saved(proc)


def _users(uow: UnitOfWork, ids: set[int]) -> dict[int, str]:
    if not ids:
        return {}
    return dict(uow.session.execute(select(User.id, User.full_name).where(User.id.in_(ids))).all())


def _view(uow: UnitOfWork, actor: Actor, proc: NkProcedure) -> ProcedureView:
    today = today_in_warsaw(uow.ctx.now())
    members = list(proc.members)
    users = _users(uow, {proc.started_by_id, *(m.user_id for m in members),
                         *(e.recorded_by_id for e in proc.events)})
    step = None
    if proc.open_step:
        step = OpenStepView(proc.open_step, proc.open_due,
                            proc.open_due is not None and proc.open_due < today)
    return ProcedureView(
        id=proc.id, number=number(proc), status=proc.status, started_on=proc.started_on,
        started_by_id=proc.started_by_id, started_by_name=users.get(proc.started_by_id, ""),
        affected_id=proc.affected_id, affected_name=_name(proc.affected),
        suspect_id=proc.suspect_id, suspect_name=_name(proc.suspect),
        violence_kinds=tuple(proc.violence_kinds), facts=proc.facts,
        children_present=proc.children_present, affected_present=proc.affected_present,
        absence_reason=proc.absence_reason, handover_due=proc.handover_due,
        handed_on=proc.handed_on,
        handed_in_time=None if proc.handed_on is None else proc.handed_on <= proc.handover_due,
        closing_ground=proc.closing_ground, closed_on=proc.closed_on, open_step=step,
        members=tuple(MemberView(m.user_id, users.get(m.user_id, ""), m.starter)
                      for m in members),
        events=tuple(EventView(e.id, e.kind, e.on, e.text, dict(e.detail), e.recorded_by_id,
                               users.get(e.recorded_by_id, "")) for e in proc.events),
        version=proc.version, can_assign=access.is_head(actor) and proc.status == nk.Status.OPEN)


def read(ctx: ServiceContext, actor: Actor, procedure_id: int) -> ProcedureView:
    """The whole procedure, for the people assigned and the head; every read audited."""
    with ctx.uow() as uow:
        proc = access.require_reader(uow, actor, procedure_id)
        view = _view(uow, actor, proc)
        audit.record(uow, "nk.read", actor.id, procedure_id=proc.id)
        uow.commit()
        return view


def list_procedures(ctx: ServiceContext, actor: Actor) -> list[ProcedureRow]:
    """The procedures the user is assigned to (every one for the head), newest first; the read
    of the list (names of the persons affected) is audited with its count."""
    with ctx.uow() as uow:
        query = select(NkProcedure).order_by(NkProcedure.id.desc())
        if not access.is_head(actor):
            if actor.id is None:
                return []
            query = query.where(NkProcedure.id.in_(
                select(NkMember.procedure_id).where(NkMember.user_id == actor.id)))
        rows = [ProcedureRow(p.id, number(p), p.status, p.started_on, _name(p.affected),
                             p.open_step, p.open_due) for p in uow.session.scalars(query)]
        if rows:
            audit.record(uow, "nk.listed", actor.id, count=len(rows))
        uow.commit()
        return rows


def may_see_any(ctx: ServiceContext, actor: Actor) -> bool:
    """Whether the user has anything to see here (the nav link): the head, or anyone assigned
    to a procedure, or a caseworker (who starts them)."""
    if access.is_head(actor) or actor.has("caseworker"):
        return True
    if actor.id is None:
        return False
    with ctx.uow(readonly=True) as uow:
        return uow.session.scalar(select(NkMember.id).where(
            NkMember.user_id == actor.id).limit(1)) is not None


def assign_member(ctx: ServiceContext, actor: Actor, procedure_id: int, body: Any, *,
                  page: bool = False) -> Saved:
    """The head assigns a member of the diagnostic and support group (a caseworker or a
    supervisor), who may then read and record the procedure."""
    if not access.is_head(actor):
        raise Forbidden(msg(NkCode.HEAD_ONLY))
    typed = inputs.validate("NkMemberRequest", body, page=page)
    with ctx.uow() as uow:
        proc = access.load(uow, procedure_id, lock=True)
        check_version(proc, typed["version"])
        user = uow.session.get(User, typed["user_id"])
        if user is None or not user.is_active or not user.role_names & {"caseworker",
                                                                         "supervisor"}:
            raise inputs.refusal({"user_id": msg(NkCode.USER_UNKNOWN)}, page=page)
        if user.id not in access.member_ids(uow, proc.id):
            uow.session.add(NkMember(procedure_id=proc.id, user_id=user.id, starter=False,
                                     assigned_by_id=actor.id, created_at=ctx.now()))
            proc.version += 1
            audit.record(uow, "nk.member_assigned", actor.id, procedure_id=proc.id,
                         user=user.id)
        uow.commit()
        return saved(proc)


def deadlines(ctx: ServiceContext, actor: Actor) -> list[NkDeadline]:
    """The open steps with their deadlines of the procedures the user may see (*Terminy*):
    numbers only, no names."""
    with ctx.uow(readonly=True) as uow:
        query = select(NkProcedure).where(NkProcedure.status == nk.Status.OPEN,
                                          NkProcedure.open_step.is_not(None)) \
            .order_by(NkProcedure.open_due, NkProcedure.id)
        if not access.is_head(actor):
            if actor.id is None:
                return []
            query = query.where(NkProcedure.id.in_(
                select(NkMember.procedure_id).where(NkMember.user_id == actor.id)))
        return [NkDeadline(p.id, number(p), p.open_step or "", p.open_due)
                for p in uow.session.scalars(query)]


def runs_in_family(ctx: ServiceContext, actor: Actor, case_id: int) -> bool:
    """Whether an open procedure names a person of this case's household (as affected or
    suspected): the bare flag a caseworker on the case sees, never the content."""
    if not actor.has_case_role:
        raise Forbidden(msg(NkCode.NOT_ASSIGNED))
    with ctx.uow(readonly=True) as uow:
        if uow.session.get(Case, case_id) is None:
            raise NotFound(msg(Code.CASE_NOT_FOUND, case_id=case_id))
        return open_in_family(uow, case_id)


def open_in_family(uow: UnitOfWork, case_id: int) -> bool:
    """The flag of :func:`runs_in_family` in the caller's transaction (one statement; the case
    file reads it with the case, the caller having checked the case role)."""
    household = select(HouseholdMember.person_id).join(
        Case, Case.household_id == HouseholdMember.household_id).where(Case.id == case_id)
    return uow.session.scalar(select(NkProcedure.id).where(
        NkProcedure.status == nk.Status.OPEN,
        or_(NkProcedure.affected_id.in_(household),
            NkProcedure.suspect_id.in_(household))).limit(1)) is not None


def candidates(ctx: ServiceContext, actor: Actor) -> list[tuple[int, str]]:
    """The users the head may assign (active caseworkers and supervisors), for the page."""
    if not access.is_head(actor):
        raise Forbidden(msg(NkCode.HEAD_ONLY))
    with ctx.uow(readonly=True) as uow:
        users = uow.session.scalars(select(User).where(User.is_active).order_by(User.full_name))
        return [(u.id, u.full_name) for u in users
                if u.role_names & {"caseworker", "supervisor"}]
