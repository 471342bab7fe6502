"""The person register (kartoteka): one entry per PESEL, changed only when a caseworker confirms.

A case never rewrites the register by itself. Each case keeps the names and the address as
declared on its own date (``HouseholdMember.first_name``/``last_name``, ``Household.address``);
where they differ from the register, the difference is shown to the caseworker, at intake and in
the case file, and applied only when confirmed. Each applied change is kept as a
:class:`PersonChange` (who, when, which case, old -> new) and shown in the person's history.

A person without a PESEL gets a register key ``BP-`` plus ten random hex digits; a later
application links to them by that key (``register_key`` in the application).
"""

from __future__ import annotations

import re
import secrets
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import joinedload
from sqlalchemy.sql import Select

from app.domain.digits import is_ascii_digits
from app.domain.messages import Code, msg
from app.domain.statuses import CaseStatus
from app.persistence.models import (
    Case,
    Household,
    HouseholdMember,
    Person,
    PersonChange,
    User,
)
from app.services.cases import name_search
from app.services.cases.register_views import (
    ApplicationCheck,
    CaseRow,
    HouseholdChange,
    OpenCase,
    PersonCase,
    PersonChangeRow,
    PersonDifferences,
    PersonView,
    PossibleMatches,
    RegisterCheck,
    RegisterConfirmation,
)
from app.services.kernel import audit
from app.services.kernel.context import Actor, ServiceContext, UnitOfWork
from app.services.kernel.errors import Conflict, Forbidden, NotFound, ValidationFailed

# The register fields a caseworker may update from an application.
FIELDS = ("first_name", "last_name", "address")
KEY_PREFIX = "BP-"
SEARCH_LIMIT = 100
# A case number (POM/2026/00003) with any separators or none, or its year and sequence.
_CASE_NUMBER = re.compile(r"^[A-Za-z]{2,5}[\s/.-]*[0-9]{4}([\s/.-]*[0-9]{1,6})?$"
                          r"|^[0-9]{4}[\s/.-]+[0-9]{1,6}$")


def new_register_key() -> str:
    """The key of a person who has no PESEL."""
    return KEY_PREFIX + secrets.token_hex(5).upper()


@dataclass(frozen=True)
class Declared:
    """What an application (or a case) says of one person."""

    first_name: str
    last_name: str
    address: str


def differences(person: Person, declared: Declared) -> list[dict[str, str]]:
    """The register fields whose declared value differs from the register's."""
    out = []
    for field in FIELDS:
        old, new = getattr(person, field) or "", getattr(declared, field) or ""
        if field == "address" and not new:
            continue  # an application without an address says nothing about it
        if old != new:
            out.append({"field": field, "register": old, "declared": new})
    return out


def apply_changes(uow: UnitOfWork, actor: Actor, person: Person, declared: Declared,
                  case_id: int | None) -> list[dict[str, str]]:
    """Write the declared values into the register entry, keeping each change in its history."""
    changes = differences(person, declared)
    now = uow.ctx.now()
    for change in changes:
        setattr(person, change["field"], change["declared"])
        uow.session.add(PersonChange(
            person_id=person.id, changed_at=now, changed_by_id=actor.id, case_id=case_id,
            field=change["field"], old_value=change["register"], new_value=change["declared"],
        ))
    if changes:
        person.updated_at = now
        person.version += 1
        audit.record(uow, "person.changed", actor.id, case_id, person_id=person.id,
                     fields=[c["field"] for c in changes])
    return changes


def _open_cases_of(uow: UnitOfWork, person_ids: list[int], exclude_case: int | None) -> tuple[OpenCase, ...]:
    """Open cases whose household includes any of the persons (a warning at intake)."""
    if not person_ids:
        return ()
    stmt = (
        select(Case.id, Case.number, Case.benefit, Case.stage, HouseholdMember.person_id)
        .join(HouseholdMember, HouseholdMember.household_id == Case.household_id)
        .where(HouseholdMember.person_id.in_(person_ids), Case.status == CaseStatus.OPEN)
        .order_by(Case.id)
    )
    if exclude_case is not None:
        stmt = stmt.where(Case.id != exclude_case)
    found: dict[int, tuple[str, str, str | None]] = {}
    persons: dict[int, list[int]] = {}
    for cid, number, benefit, stage, pid in uow.session.execute(stmt):
        found.setdefault(cid, (number, benefit, stage))
        persons.setdefault(cid, []).append(pid)
    return tuple(OpenCase(cid, number, benefit, stage, tuple(persons[cid]))
                 for cid, (number, benefit, stage) in found.items())


def _last_household(uow: UnitOfWork, person_id: int, exclude_case: int | None) -> tuple[str, set[int]] | None:
    """(case number, member person ids) of the latest other case the person belongs to."""
    stmt = (
        select(Case.number, Case.household_id)
        .join(HouseholdMember, HouseholdMember.household_id == Case.household_id)
        .where(HouseholdMember.person_id == person_id)
        .order_by(Case.id.desc())
    )
    if exclude_case is not None:
        stmt = stmt.where(Case.id != exclude_case)
    row = uow.session.execute(stmt.limit(1)).first()
    if row is None:
        return None
    ids = set(uow.session.scalars(
        select(HouseholdMember.person_id).where(HouseholdMember.household_id == row[1])))
    return row[0], ids


def compare(uow: UnitOfWork, people: Sequence[tuple[str, Person | None, Declared]], exclude_case: int | None
            ) -> RegisterCheck:
    """Compare an application's people with the register.

    ``people`` holds (path in the application, register entry or None when new, declared data).
    Returns the differences per known person, the household composition as it was in each known
    person's latest other case, and the open cases of these people.
    """
    known = [(path, p, d) for path, p, d in people if p is not None]
    ids_now = {p.id for _, p, _ in known}
    diffs: list[PersonDifferences] = []
    households: list[HouseholdChange] = []
    seen_cases: set[str] = set()
    for path, person, declared in known:
        assert person is not None
        changes = differences(person, declared)
        if changes:
            diffs.append(PersonDifferences(path, person.id, person.register_key, person.version,
                                           tuple(changes)))
        last = _last_household(uow, person.id, exclude_case)
        if last is not None and last[0] not in seen_cases and last[1] != ids_now:
            seen_cases.add(last[0])
            households.append(HouseholdChange(last[0], tuple(sorted(last[1] - ids_now)),
                                              tuple(sorted(ids_now - last[1])), person.id))
    return RegisterCheck(
        differences=tuple(diffs),
        household_changes=tuple(households),
        open_cases=_open_cases_of(uow, sorted(ids_now), exclude_case),
        new_persons=tuple(path for path, p, _ in people if p is None),
    )


def case_differences(uow: UnitOfWork, case: Case) -> RegisterCheck:
    """What the case declared that the register does not (yet) say, and the person's other cases."""
    people = [
        (f"members[{m.position}]", m.person,
         Declared(m.first_name, m.last_name, case.household.address))
        for m in case.household.members
    ]
    return compare(uow, people, case.id)


def confirm_case_changes(ctx: ServiceContext, actor: Actor, case_id: int, person_id: int,
                         version: int | None = None) -> RegisterConfirmation:
    """Apply what a case declared about one person to the register (the caseworker confirmed)."""
    if not actor.has_case_role:
        raise Forbidden(msg(Code.REGISTER_CHANGE_ROLE))
    with ctx.uow() as uow:
        case = uow.session.get(Case, case_id)
        if case is None:
            raise NotFound(msg(Code.CASE_NOT_FOUND, case_id=case_id))
        member = next((m for m in case.household.members if m.person_id == person_id), None)
        if member is None:
            raise NotFound(msg(Code.PERSON_NOT_IN_CASE))
        person = uow.session.get(Person, person_id, with_for_update=not ctx.db.is_sqlite)
        assert person is not None
        if version is not None and version != person.version:
            raise Conflict(msg(Code.REGISTER_CHANGED), current_version=person.version)
        declared = Declared(member.first_name, member.last_name, case.household.address)
        changes = apply_changes(uow, actor, person, declared, case_id)
        uow.commit()
        return RegisterConfirmation(person_id, person.version, tuple(changes))


def get_person(ctx: ServiceContext, actor: Actor, person_id: int) -> PersonView:
    """A register entry with its change history and its cases; audited as a read."""
    if not actor.has_case_role:
        raise Forbidden(msg(Code.REGISTER_READ_ROLE))
    with ctx.uow() as uow:
        person = uow.session.get(Person, person_id)
        if person is None:
            raise NotFound(msg(Code.PERSON_NOT_FOUND, id=person_id))
        history = uow.session.execute(
            select(PersonChange, User.full_name, Case.number)
            .outerjoin(User, User.id == PersonChange.changed_by_id)
            .outerjoin(Case, Case.id == PersonChange.case_id)
            .where(PersonChange.person_id == person_id).order_by(PersonChange.id)
        ).all()
        case_rows = uow.session.execute(
            select(Case.id, Case.number, Case.benefit, Case.status, Case.stage, Case.opened_on,
                   HouseholdMember.relation, HouseholdMember.first_name, HouseholdMember.last_name)
            .join(HouseholdMember, HouseholdMember.household_id == Case.household_id)
            .where(HouseholdMember.person_id == person_id).order_by(Case.id.desc())
        ).all()
        result = PersonView(
            id=person.id, register_key=person.register_key, pesel=person.pesel,
            first_name=person.first_name, last_name=person.last_name,
            birth_date=person.birth_date, sex=person.sex, address=person.address,
            version=person.version,
            history=tuple(PersonChangeRow(ch.changed_at, by, number, ch.field, ch.old_value,
                                          ch.new_value) for ch, by, number in history),
            cases=tuple(PersonCase(r.id, r.number, r.benefit, r.status, r.stage, r.opened_on,
                                   r.relation, f"{r.first_name} {r.last_name}")
                        for r in case_rows))
        audit.record(uow, "person.read", actor.id, None, person_id=person_id)
        uow.commit()
        return result


def possible_matches(uow: UnitOfWork, last_name: str, birth_date: date | None) -> list[dict[str, str]]:
    """Register entries without a PESEL that may be this person: same surname and birth date."""
    if birth_date is None:
        return []
    rows = uow.session.execute(
        select(Person.register_key, Person.first_name, Person.last_name).where(
            Person.pesel.is_(None), Person.birth_date == birth_date,
            Person.last_name_key == name_search.fold(last_name))
        .limit(10)
    ).all()
    return [{"register_key": key, "name": f"{first} {last}"} for key, first, last in rows]


def plain_text(text: str) -> bool:
    """No NUL or other control character (C0, DEL, C1, line and paragraph separators) and no lone
    surrogate (PostgreSQL refuses NUL and surrogates in text). A no-break or ideographic space
    pasted with a surname is text: `isprintable()` refused it, though the API schema admits it."""
    return not any(unicodedata.category(ch) in _NOT_TEXT for ch in text)


_NOT_TEXT = frozenset({"Cc", "Cs", "Zl", "Zp"})


def search_kind(query: str) -> str:
    """How a query is read: 'pesel' (11 digits), 'number' (a case number, however separated, or
    digits: part of a case number or the start of a PESEL) or 'surname' (a name)."""
    if is_ascii_digits(query) and len(query) == 11:
        return "pesel"
    if _CASE_NUMBER.match(query) or is_ascii_digits(query):
        return "number"
    return "surname"


def search_cases(ctx: ServiceContext, actor: Actor, query: Any, status: str | None = None
                 ) -> list[CaseRow]:
    """Cases found by PESEL (or its start), case number, or surname or first name (declared in a
    case, in the register, or before a register change), in any case and without Polish letters
    (``name_search``); a name one typo away when nothing else is found.

    Audited (a search reveals who is a client) with the kind of query and the count, never the
    query itself.
    """
    if not actor.has_case_role:
        raise Forbidden(msg(Code.SEARCH_ROLE))
    if (not isinstance(query, str) or not query.strip() or len(query.strip()) > 100
            or not plain_text(query)):
        raise ValidationFailed(msg(Code.SEARCH_QUERY), {"q": msg(Code.SEARCH_QUERY)})
    if status not in (None, "", "open", "closed"):
        raise ValidationFailed(msg(Code.CHOOSE_ONE), {"status": msg(Code.CHOOSE_ONE)})
    q = unicodedata.normalize("NFC", query.strip())  # names are stored in NFC (clean_text)
    compact = re.sub(r"[\s-]", "", q)
    if is_ascii_digits(compact) and len(compact) == 11:
        q = compact  # a PESEL typed in groups: "750115 01233"
    kind = search_kind(q)
    stmt = select(Case)
    if status:
        stmt = stmt.where(Case.status == status)
    if kind == "pesel":
        members = select(HouseholdMember.household_id).join(Person, Person.id == HouseholdMember.person_id)
        found = stmt.where(Case.household_id.in_(members.where(Person.pesel == q)))
    elif kind == "number":
        found = stmt.where(name_search.digits_condition(q) if is_ascii_digits(q)
                           else name_search.number_forms(q))
    else:
        found = name_search.by_name(stmt, name_search.fold(q))
    with ctx.uow() as uow:
        rows = list(uow.session.scalars(_listed(found)))
        if not rows and kind == "surname":
            near = name_search.near_households(uow, name_search.fold(q))
            if near:
                rows = list(uow.session.scalars(_listed(stmt.where(Case.household_id.in_(near)))))
        result = [case_row(uow, c) for c in rows]
        audit.record(uow, "case.search", actor.id, None, kind=kind, results=len(result))
        uow.commit()
        return result


def _listed(stmt: Select[Case]) -> Select[Case]:
    return with_applicants(stmt.order_by(Case.id.desc()).limit(SEARCH_LIMIT))


def applicant_member(case: Case) -> HouseholdMember | None:
    """The applicant's membership row: names as declared in the case."""
    members = case.household.members
    return members[0] if members else None


def with_applicants(stmt: Select[Case]) -> Select[Case]:
    """A list of cases loading their households' members with them (one pass, not one per row)."""
    return stmt.options(joinedload(Case.household).selectinload(Household.members))


def case_row(uow: UnitOfWork, c: Case) -> CaseRow:
    """One case as a list row; the applicant's name as declared in that case."""
    applicant = applicant_member(c)
    return CaseRow(id=c.id, number=c.number, benefit=c.benefit, status=c.status, stage=c.stage,
                   outcome=c.outcome, opened_on=c.opened_on,
                   applicant=applicant.full_name if applicant else "")


__all__ = [
    "ApplicationCheck", "CaseRow", "Declared", "PossibleMatches",
    "apply_changes", "case_differences", "compare", "confirm_case_changes",
    "get_person", "new_register_key", "search_cases",
]
