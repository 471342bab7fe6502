"""A family's social-work record (praca socjalna, art. 45 u.p.s.): opening it, reading it (every
read audited), its plan of help, visits and notes, and goals.

A record is opened for a person of the register with the persons of the family; it needs no
benefit case (social work given without any benefit counts, MRPiPS-03), and may name a case of the
family whose community interview gave the plan of help. Only caseworkers and supervisors see it;
an admin alone is refused. Changes of the record carry the version as read: a stale one is a
``Conflict`` (409) with the current version.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import selectinload

from app.domain.deadlines import today_in_warsaw
from app.domain.messages import Code, msg
from app.domain.messages.codes_sw import SwCode
from app.domain.social_work import GoalStatus, RecordStatus
from app.persistence.models import (
    Case,
    HouseholdMember,
    Interview,
    Person,
    SocialContract,
    SocialWorkEntry,
    SocialWorkGoal,
    SocialWorkMember,
    SocialWorkRecord,
    User,
)
from app.services.kernel import audit, inputs
from app.services.kernel.context import Actor, ServiceContext, UnitOfWork
from app.services.kernel.errors import Conflict, Forbidden, NotFound
from app.services.social_work.views import (
    ContractView,
    EntryView,
    GoalView,
    InterviewPlan,
    MemberView,
    RecordRow,
    RecordView,
    Saved,
    StageView,
)


def require_case_role(actor: Actor) -> None:
    """Social work is personal case data: caseworkers and supervisors only (never an admin alone)."""
    if not actor.has_case_role:
        raise Forbidden(msg(Code.CASE_ROLE_REQUIRED))


def today(ctx: ServiceContext) -> date:
    """Today in Warsaw by the context's clock."""
    return today_in_warsaw(ctx.now())


def not_future(ctx: ServiceContext, data: dict[str, Any], errors: dict[str, str], *names: str) -> None:
    """A date field after today is an error under its name."""
    now = today(ctx)
    for name in names:
        day = data.get(name)
        if day is not None and day > now:
            errors.setdefault(name, msg(SwCode.DATE_FUTURE))


def load(uow: UnitOfWork, record_id: int, lock: bool = False) -> SocialWorkRecord:
    """A record (row-locked for a change), or 404."""
    stmt = select(SocialWorkRecord).where(SocialWorkRecord.id == record_id)
    if lock and not uow.ctx.db.is_sqlite:
        stmt = stmt.with_for_update()
    record = uow.session.scalar(stmt)
    if record is None:
        raise NotFound(msg(SwCode.RECORD_NOT_FOUND, record_id=record_id))
    return record


def check_version(record: SocialWorkRecord, version: int | None) -> None:
    """A change made on an earlier version of the record is a conflict."""
    if version is not None and version != record.version:
        raise Conflict(msg(SwCode.RECORD_CHANGED), current_version=record.version)


def changed(record: SocialWorkRecord) -> None:
    """The record changed: one more version (a concurrent change made on the old one conflicts)."""
    record.version += 1


def open_for_change(uow: UnitOfWork, record_id: int, version: int | None) -> SocialWorkRecord:
    """The record locked, at the version the caller read, still open."""
    record = load(uow, record_id, lock=True)
    check_version(record, version)
    if record.status != RecordStatus.OPEN:
        raise Conflict(msg(SwCode.RECORD_CLOSED), current_version=record.version)
    return record


def open_record(ctx: ServiceContext, actor: Actor, body: Any, *, page: bool = False) -> Saved:
    """Open a family's social-work record (``page``: typed on a page, dd.mm.rrrr dates)."""
    require_case_role(actor)
    data, problems = inputs.read("SocialWorkRecordRequest", body, page=page)
    errors = dict(problems)
    not_future(ctx, data, errors, "opened_on")
    if errors:
        raise inputs.refusal(errors, page=page)
    with ctx.uow() as uow:
        s = uow.session
        ids = [data["person_id"], *[i for i in data.get("member_ids", []) if i != data["person_id"]]]
        found = set(s.scalars(select(Person.id).where(Person.id.in_(ids))))
        for i, pid in enumerate(ids):
            if pid not in found:
                path = "person_id" if i == 0 else f"member_ids[{i - 1}]"
                errors[path] = msg(SwCode.PERSON_NOT_FOUND, person_id=pid)
        case_id = data.get("case_id")
        if case_id is not None and not s.scalar(
                select(HouseholdMember.id).join(Case, Case.household_id == HouseholdMember.household_id)
                .where(Case.id == case_id, HouseholdMember.person_id.in_(ids)).limit(1)):
            errors["case_id"] = msg(SwCode.CASE_OTHER_FAMILY, case_id=case_id)
        if errors:
            raise inputs.refusal(errors, page=page)
        record = SocialWorkRecord(person_id=ids[0], case_id=case_id,
                                  opened_on=data.get("opened_on") or today(ctx),
                                  opened_by_id=actor.id, caseworker_id=actor.id,
                                  help_plan=data.get("help_plan", ""))
        record.members = [SocialWorkMember(person_id=pid) for pid in ids]
        s.add(record)
        s.flush()
        audit.record(uow, "social_work.opened", actor.id, case_id, record_id=record.id)
        uow.commit()
        return Saved(record.id, record.id, record.version)


def update_record(ctx: ServiceContext, actor: Actor, record_id: int, body: Any, *,
                  page: bool = False) -> Saved:
    """Change the plan of help, or close the record (with the version as read)."""
    require_case_role(actor)
    data = inputs.validate("SocialWorkRecordUpdate", body, page=page)
    with ctx.uow() as uow:
        record = open_for_change(uow, record_id, data["version"])
        if "help_plan" in data:
            record.help_plan = data["help_plan"]
        if data.get("close"):
            record.status, record.closed_on = RecordStatus.CLOSED, today(ctx)
        changed(record)
        audit.record(uow, "social_work.updated", actor.id, record.case_id, record_id=record.id)
        uow.commit()
        return Saved(record.id, record.id, record.version)


def add_entry(ctx: ServiceContext, actor: Actor, record_id: int, body: Any, *,
              page: bool = False) -> Saved:
    """Record a visit or a note, dated, by the actor."""
    require_case_role(actor)
    data, problems = inputs.read("SocialWorkEntryRequest", body, page=page)
    errors = dict(problems)
    not_future(ctx, data, errors, "on")
    if errors:
        raise inputs.refusal(errors, page=page)
    with ctx.uow() as uow:
        record = open_for_change(uow, record_id, None)
        entry = SocialWorkEntry(record_id=record.id, kind=data["kind"], on=data["on"],
                                by_id=actor.id, text=data["text"])
        uow.session.add(entry)
        changed(record)
        uow.session.flush()
        audit.record(uow, "social_work.entry_added", actor.id, record.case_id, record_id=record.id,
                     entry_id=entry.id, kind=entry.kind)
        uow.commit()
        return Saved(entry.id, record.id, record.version)


def add_goal(ctx: ServiceContext, actor: Actor, record_id: int, body: Any, *,
             page: bool = False) -> Saved:
    """Set a goal of the work with the family."""
    require_case_role(actor)
    data, problems = inputs.read("SocialWorkGoalRequest", body, page=page)
    errors = dict(problems)
    not_future(ctx, data, errors, "set_on")
    if errors:
        raise inputs.refusal(errors, page=page)
    with ctx.uow() as uow:
        record = open_for_change(uow, record_id, None)
        goal = SocialWorkGoal(record_id=record.id, text=data["text"],
                              set_on=data.get("set_on") or today(ctx))
        uow.session.add(goal)
        changed(record)
        uow.session.flush()
        audit.record(uow, "social_work.goal_added", actor.id, record.case_id, record_id=record.id,
                     goal_id=goal.id)
        uow.commit()
        return Saved(goal.id, record.id, record.version)


def update_goal(ctx: ServiceContext, actor: Actor, record_id: int, goal_id: int, body: Any, *,
                page: bool = False) -> Saved:
    """Mark a goal achieved, dropped or open again (with the record's version as read)."""
    require_case_role(actor)
    data = inputs.validate("SocialWorkGoalUpdate", body, page=page)
    with ctx.uow() as uow:
        record = open_for_change(uow, record_id, data["version"])
        goal = uow.session.get(SocialWorkGoal, goal_id)
        if goal is None or goal.record_id != record.id:
            raise NotFound(msg(SwCode.GOAL_NOT_FOUND, goal_id=goal_id))
        goal.status = data["status"]
        goal.closed_on = None if goal.status == GoalStatus.OPEN else today(ctx)
        changed(record)
        audit.record(uow, "social_work.goal_updated", actor.id, record.case_id,
                     record_id=record.id, goal_id=goal.id, status=goal.status)
        uow.commit()
        return Saved(goal.id, record.id, record.version)


def _names(uow: UnitOfWork, ids: set[int | None]) -> dict[int, str]:
    wanted = [i for i in ids if i is not None]
    if not wanted:
        return {}
    return dict(uow.session.execute(select(User.id, User.full_name).where(User.id.in_(wanted))).all())


def contract_view(c: SocialContract, users: dict[int, str]) -> ContractView:
    """A contract as read (the party's name from the register, the worker's from the users)."""
    return ContractView(
        c.id, c.record_id, c.person_id, c.person.full_name, c.worker_id,
        users.get(c.worker_id or 0, ""), c.form_part, c.status, c.concluded_on, c.valid_from,
        c.valid_until, c.assessment, c.goal, c.person_obligations, c.centre_obligations,
        c.refused_on, c.outcome_on, c.reason, c.version,
        tuple(StageView(st.id, st.position, st.action, st.responsible, st.due_on, st.review_on,
                        st.reviewed_on, st.review_note) for st in c.stages))


def _plans(uow: UnitOfWork, record: SocialWorkRecord) -> tuple[InterviewPlan, ...]:
    """The plans of help of the community interviews of the family's cases (the linked case, and
    the cases whose applicant is a person of the family)."""
    ids = [m.person_id for m in record.members]
    rows = uow.session.execute(
        select(Interview, Case.number).join(Case, Case.id == Interview.case_id)
        .where(or_(Case.id == record.case_id, Case.applicant_id.in_(ids)), Interview.help_plan != "")
        .order_by(Interview.id.desc())).all()
    return tuple(InterviewPlan(i.case_id, number, i.id, i.kind, i.conducted_on, i.help_plan)
                 for i, number in rows)


def get_record(ctx: ServiceContext, actor: Actor, record_id: int) -> RecordView:
    """The whole record: family, plan, visits and notes, goals, contracts (the read is audited)."""
    require_case_role(actor)
    with ctx.uow() as uow:
        s = uow.session
        record = s.scalar(select(SocialWorkRecord).where(SocialWorkRecord.id == record_id).options(
            selectinload(SocialWorkRecord.members), selectinload(SocialWorkRecord.entries),
            selectinload(SocialWorkRecord.goals),
            selectinload(SocialWorkRecord.contracts).selectinload(SocialContract.stages),
            selectinload(SocialWorkRecord.contracts).joinedload(SocialContract.person)))
        if record is None:
            raise NotFound(msg(SwCode.RECORD_NOT_FOUND, record_id=record_id))
        users = _names(uow, {record.caseworker_id, *(e.by_id for e in record.entries),
                             *(c.worker_id for c in record.contracts)})
        case_number = s.scalar(select(Case.number).where(Case.id == record.case_id)) \
            if record.case_id else None
        view = RecordView(
            record.id, record.person_id, record.person.full_name,
            tuple(MemberView(m.person_id, m.person.full_name, m.person.register_key)
                  for m in record.members),
            record.case_id, case_number, record.opened_on, record.caseworker_id,
            users.get(record.caseworker_id or 0, ""), record.help_plan, record.status,
            record.closed_on, record.version,
            tuple(EntryView(e.id, e.kind, e.on, e.by_id, users.get(e.by_id or 0, ""), e.text)
                  for e in record.entries),
            tuple(GoalView(g.id, g.text, g.set_on, g.status, g.closed_on) for g in record.goals),
            tuple(contract_view(c, users) for c in record.contracts),
            _plans(uow, record))
        audit.record(uow, "social_work.read", actor.id, record.case_id, record_id=record.id)
        uow.commit()
        return view


def list_records(ctx: ServiceContext, actor: Actor, person_id: int | None = None) -> tuple[RecordRow, ...]:
    """The records (of one person's families, when ``person_id`` is given), newest first; the
    list names the families, so it is audited as a read."""
    require_case_role(actor)
    with ctx.uow() as uow:
        stmt = select(SocialWorkRecord).options(
            selectinload(SocialWorkRecord.person),
            selectinload(SocialWorkRecord.members), selectinload(SocialWorkRecord.contracts))
        if person_id is not None:
            stmt = stmt.where(SocialWorkRecord.id.in_(
                select(SocialWorkMember.record_id).where(SocialWorkMember.person_id == person_id)))
        records = uow.session.scalars(stmt.order_by(SocialWorkRecord.id.desc()).limit(200)).all()
        rows = tuple(RecordRow(r.id, r.person_id, r.person.full_name, len(r.members), r.opened_on,
                               r.status, len(r.contracts)) for r in records)
        audit.record(uow, "social_work.listed", actor.id, None, count=len(rows),
                     **({"person_id": person_id} if person_id is not None else {}))
        uow.commit()
        return rows


def family_of(ctx: ServiceContext, actor: Actor, person_id: int) -> tuple[MemberView, ...]:
    """The person and those who shared a household with them in any of their cases: the
    choices for a new record's family (audited as a read of the register)."""
    require_case_role(actor)
    with ctx.uow() as uow:
        s = uow.session
        person = s.get(Person, person_id)
        if person is None:
            raise NotFound(msg(SwCode.PERSON_NOT_FOUND, person_id=person_id))
        households = select(HouseholdMember.household_id).where(HouseholdMember.person_id == person_id)
        others = s.scalars(select(Person).where(Person.id.in_(
            select(HouseholdMember.person_id).where(HouseholdMember.household_id.in_(households))),
            Person.id != person_id).order_by(Person.last_name, Person.first_name)).all()
        audit.record(uow, "person.read", actor.id, None, person_id=person_id, purpose="social_work")
        uow.commit()
        return tuple(MemberView(p.id, p.full_name, p.register_key) for p in (person, *others))
