"""Opening cases: the application is validated (:mod:`.application_input`), its people linked to
the register, and the case's workflow started."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import IntegrityError

from app.domain import benefits
from app.domain.deadlines import today_in_warsaw
from app.domain.member_facts import BIRTH_FACTS
from app.domain.messages import Code, msg
from app.domain.reasons import CARE_FACTS, REASONS, RELATIONS  # re-exported for the pages
from app.persistence.models import (
    Application,
    Case,
    CaseNumberSequence,
    Household,
    HouseholdMember,
    Income,
    Person,
    ProcessInstance,
)
from app.services.cases import register
from app.services.cases.application_input import (
    BENEFITS,
    INCOME_KINDS,
    OTHER_BENEFITS,
    MemberInput,
    validate_application,
)
from app.services.kernel import audit
from app.services.kernel.context import Actor, ServiceContext, UnitOfWork
from app.services.kernel.errors import Conflict, Forbidden, ValidationFailed
from app.services.workflow.instances import apply_snapshot
from app.services.workflow.versions import active_definition, definition_ref

__all__ = [
    "BENEFITS", "INCOME_KINDS", "OTHER_BENEFITS", "REASONS", "RELATIONS", "MemberInput",
    "check_application", "open_case", "validate_application",
]

def _next_case_number(uow: UnitOfWork, year: int) -> str:
    """Allocate the next human case number for the year.

    One atomic upsert: the first case of a year creates the counter row, later ones increment
    it; concurrent callers queue on the row instead of racing to create it. The row stays
    locked until commit, so callers allocate as late as they can.
    """
    insert = sqlite_insert if uow.ctx.db.is_sqlite else pg_insert
    stmt = (
        insert(CaseNumberSequence)
        .values(year=year, last=1)
        .on_conflict_do_update(
            index_elements=[CaseNumberSequence.year], set_={"last": CaseNumberSequence.last + 1}
        )
        .returning(CaseNumberSequence.last)
    )
    last = uow.session.execute(stmt).scalar_one()
    return f"POM/{year}/{last:05d}"


def _find_person(uow: UnitOfWork, m: MemberInput) -> Person | None:
    """The register entry of a declared person, by PESEL or register key (never changed here)."""
    if m.pesel:
        return uow.session.scalar(select(Person).where(Person.pesel == m.pesel))
    if m.register_key:
        return uow.session.scalar(select(Person).where(Person.register_key == m.register_key))
    return None


def _unknown_keys(uow: UnitOfWork, everyone: list[MemberInput]) -> None:
    """Refuse a register key the register does not hold."""
    errors: dict[str, str] = {
        f"{_path(i)}.register_key": msg(Code.REGISTER_KEY_UNKNOWN)
        for i, m in enumerate(everyone) if m.register_key and _find_person(uow, m) is None
    }
    if errors:
        raise ValidationFailed(msg(Code.APPLICATION_INVALID), errors)


def _register(uow: UnitOfWork, m: MemberInput, address: str) -> Person:
    """A new register entry for a person the register does not know yet."""
    assert m.birth_date is not None and m.sex is not None
    person = Person(register_key=m.pesel or register.new_register_key(), pesel=m.pesel,
                    first_name=m.first_name, last_name=m.last_name, birth_date=m.birth_date,
                    sex=m.sex, address=address, created_at=uow.ctx.now())
    uow.session.add(person)
    return person


def _declared(m: MemberInput, address: str) -> register.Declared:
    return register.Declared(m.first_name, m.last_name, address)


def check_application(ctx: ServiceContext, actor: Actor, payload: Any, *,
                      page: bool = False) -> register.ApplicationCheck:
    """What registering this application would find in the register, without writing anything.

    Differences between the application and the register (names, address), the household as it
    was in each known person's latest case, and their open cases: warnings for the caseworker,
    never a block.
    """
    if not actor.has_case_role:
        raise Forbidden(msg(Code.APPLICATION_ROLE))
    app_data = validate_application(payload, today_in_warsaw(ctx.now()), page=page)
    everyone = [app_data["applicant"], *app_data["members"]]
    with ctx.uow(readonly=True) as uow:
        _unknown_keys(uow, everyone)
        people = [(_path(i), _find_person(uow, m), _declared(m, app_data["address"]))
                  for i, m in enumerate(everyone)]
        found = register.compare(uow, people, None)
        return register.ApplicationCheck(
            differences=found.differences, household_changes=found.household_changes,
            open_cases=found.open_cases, new_persons=found.new_persons,
            possible_matches=tuple(
                register.PossibleMatches(_path(i), tuple(
                    register.possible_matches(uow, m.last_name, m.birth_date)))
                for i, m in enumerate(everyone)
                if not m.pesel and not m.register_key and m.birth_date is not None))


def _path(position: int) -> str:
    """The application path of a member: the applicant, then members[0], members[1], ..."""
    return "applicant" if position == 0 else f"members[{position - 1}]"


def open_case(ctx: ServiceContext, actor: Actor, payload: Any, *, page: bool = False) -> int:
    """Register an application: household, incomes, case and its workflow; return the case id.

    Two applications naming the same new person at the same moment cannot both register them:
    the second meets the register's unique PESEL and gets a conflict to send again, when the
    person is found and linked (never a 500, never a second entry).
    """
    try:
        return _open_case(ctx, actor, payload, page)
    except IntegrityError as exc:
        raise Conflict(msg(Code.REGISTERED_MEANWHILE)) from exc


def _open_case(ctx: ServiceContext, actor: Actor, payload: Any, page: bool) -> int:
    if not actor.has("caseworker") and not actor.has("supervisor"):
        raise Forbidden(msg(Code.APPLICATION_ROLE))
    now = ctx.now()
    app_data = validate_application(payload, today_in_warsaw(now), page=page)
    received: date = app_data["received_on"]
    income_month = date(received.year - (received.month == 1), (received.month - 2) % 12 + 1, 1)
    with ctx.uow() as uow:
        definition = active_definition(uow)
        household = Household(address=app_data["address"], members=[])  # no lazy load later
        uow.session.add(household)
        everyone = [app_data["applicant"], *app_data["members"]]
        _unknown_keys(uow, everyone)
        persons = []
        known: list[tuple[Person, register.Declared]] = []
        for pos, m in enumerate(everyone):
            person = _find_person(uow, m)
            if person is None:
                person = _register(uow, m, app_data["address"])
            else:
                known.append((person, _declared(m, app_data["address"])))
            persons.append(person)
            household.members.append(HouseholdMember(
                person=person, position=pos, relation=m.relation if pos else "applicant",
                unable_to_work=m.unable_to_work, disabled=m.disabled,
                other_benefits=m.other_benefits, alimony_awarded=m.alimony_awarded,
                in_school=m.in_school, disability_certificate=m.disability_certificate,
                in_higher_school=m.in_higher_school,
                severe_disability_certificate=m.severe_disability_certificate,
                **{fact: getattr(m, fact) for fact in CARE_FACTS},
                **{fact: getattr(m, fact) for fact in BIRTH_FACTS},
                first_name=m.first_name, last_name=m.last_name,
            ))
        uow.session.flush()
        case = Case(
            # A unique placeholder; the real number is allocated just before commit.
            number=f"tmp-{uuid.uuid4().hex[:24]}", household_id=household.id,
            applicant_id=persons[0].id, benefit=app_data["benefit"], reason=app_data["reason"],
            urgent=app_data["urgent"], opened_on=received, opened_by_id=actor.id,
            caseworker_id=actor.id if actor.has("caseworker") else None,
            bank_account=app_data["bank_account"], stage="intake", created_at=now,
        )
        uow.session.add(case)
        uow.session.flush()
        uow.session.add(Application(
            case_id=case.id, received_on=received, benefit=case.benefit, reason=case.reason,
            urgent=case.urgent, requested_from=app_data["requested_from"],
            requested_amount=app_data.get("requested_amount"),
            requested_until=app_data.get("requested_until"),
        ))
        for person, m in zip(persons, everyone, strict=True):
            for item in m.incomes:
                uow.session.add(Income(case_id=case.id, person_id=person.id, month=income_month, **item))
        data = {"case_id": case.id, "benefit": case.benefit, "urgent": case.urgent,
                "application_date": received.isoformat()}
        # The process the benefit's catalogue entry names (one definition holds them all).
        snap = uow.ctx.engine.start(definition_ref(uow, definition.id), data, now,
                                    process_id=benefits.get(case.benefit).process)
        instance = ProcessInstance(
            case_id=case.id, definition_id=definition.id, state=b"", serializer_version="",
            version=0, created_at=now,
        )
        if app_data["register_update"]:
            # The caseworker confirmed the differences the intake check showed.
            for person, declared in known:
                register.apply_changes(uow, actor, person, declared, case.id)
        case.number = _next_case_number(uow, received.year)
        uow.session.add(instance)  # after the last autoflush: inserted once, with its state
        apply_snapshot(uow, instance, snap)  # inserts the instance with its first state
        audit.record(uow, "case.opened", actor.id, case.id, benefit=case.benefit)
        uow.commit()
        return case.id
