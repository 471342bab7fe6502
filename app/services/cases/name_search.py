"""How a search query finds households: names folded and matched by prefix on an index, a PESEL
by its prefix, a case number however it is typed, and a name with one typo when nothing else is
found.

Names are matched on the folded keys the models keep beside them (``app.domain.search_text``):
"wisniewski", "WIŚNIEWSKI" and "wiśn" all find Wiśniewski, "lukasz" finds Łukasz. A prefix is a
range on a btree index (``key >= 'wisn' AND key < 'wiso'``), the same SQL on PostgreSQL and
SQLite. Each word of a query of several words must begin the surname or the first name of the
same person ("jan kow"), or the whole query begins one of them ("nowak kowal" for
Nowak-Kowalska).

The near match (Levenshtein distance one: "wisniewsky") runs only when the exact search found
nothing, for a one-word query of at least four letters: its candidates are the keys sharing its
first letter (a btree range) and, on PostgreSQL, the keys with a word the pg_trgm GIN index finds
similar (``%>``, so a typo in the first letter is found there too); each candidate, and each
word of it, is then checked in Python (``within_one_edit``).
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import ColumnElement, and_, false, func, or_, select, union
from sqlalchemy.sql import Select

from app.domain.search_text import fold, successor, within_one_edit
from app.persistence.models import Case, HouseholdMember, Person, PersonChange
from app.services.kernel.context import UnitOfWork

# A PESEL prefix is searched from its birth date on (YYMMDD).
PESEL_PREFIX_MIN = 6
NEAR_MIN = 4
NEAR_CANDIDATES = 2000
_NUMBER_PARTS = re.compile(r"^(?:([A-Za-z]{2,5})[\s/.-]*)?([0-9]{4})(?:[\s/.-]+([0-9]{1,6})|([0-9]{5}))?$")


def prefix(column: Any, key: str) -> ColumnElement[bool]:
    """``column`` starts with the folded ``key``: a range a btree index serves."""
    if not key:
        return false()
    return and_(column >= key, column < successor(key))


def _name(last: Any, first: Any, key: str) -> ColumnElement[bool]:
    """The folded query begins the surname or the first name, or each of its words begins one."""
    whole = or_(prefix(last, key), prefix(first, key))
    words = key.split()
    if len(words) < 2:
        return whole
    return or_(whole, and_(*(or_(prefix(last, w), prefix(first, w)) for w in words)))


def households_by_name(key: str) -> list[Select[Any]]:
    """Selects of the household ids whose member is named so: as declared in a case, as the
    register says now, or as it said before a change of name."""
    members = select(HouseholdMember.household_id)
    persons = select(Person.id).where(_name(Person.last_name_key, Person.first_name_key, key))
    renamed = select(PersonChange.person_id).where(
        PersonChange.field.in_(("last_name", "first_name")), prefix(PersonChange.old_value_key, key))
    return [
        members.where(_name(HouseholdMember.last_name_key, HouseholdMember.first_name_key, key)),
        members.where(HouseholdMember.person_id.in_(persons)),
        members.where(HouseholdMember.person_id.in_(renamed)),
    ]


def by_name(stmt: Select[Any], key: str) -> Select[Any]:
    """Cases of the households :func:`households_by_name` finds."""
    if not key:
        return stmt.where(false())
    # One IN over the union: a semi-join the cases' household index serves, where an OR of
    # three INs would filter every case.
    return stmt.where(Case.household_id.in_(union(*households_by_name(key))))


def pesel_prefix(digits: str) -> ColumnElement[bool]:
    """A PESEL starting with ``digits``, as a range the PESEL's unique index serves (digit strings
    of one length order alike in every collation)."""
    if len(digits) >= 11:
        return Person.pesel == digits
    upper = str(int(digits) + 1).zfill(len(digits))
    if len(upper) > len(digits):  # all nines
        return Person.pesel >= digits
    return and_(Person.pesel >= digits, Person.pesel < upper)


def number_forms(query: str) -> ColumnElement[bool]:
    """A case number as typed: any part of it in any case ("2026/00003", "pom/2026"), or its
    parts with other separators or none, the sequence unpadded ("pom 2026 3", "POM-2026-3",
    "pom202600003")."""
    escaped = query.upper().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    forms: list[ColumnElement[bool]] = [Case.number.ilike(f"%{escaped}%", escape="\\")]
    parts = _NUMBER_PARTS.match(query.strip())
    if parts:
        letters, year, seq = parts[1], parts[2], parts[3] or parts[4]
        if seq:
            tail = f"{year}/{int(seq):05d}"
            forms.append(Case.number == f"{letters.upper()}/{tail}" if letters
                         else Case.number.like(f"%/{tail}"))
        elif letters:
            forms.append(Case.number.like(f"{letters.upper()}/{year}/%"))
    return or_(*forms)


def digits_condition(digits: str) -> ColumnElement[bool]:
    """Digits only: part of a case number, or (from six digits) the start of a PESEL."""
    found = number_forms(digits)
    if len(digits) >= PESEL_PREFIX_MIN:
        members = select(HouseholdMember.household_id).join(
            Person, Person.id == HouseholdMember.person_id).where(pesel_prefix(digits))
        found = or_(found, Case.household_id.in_(members))
    return found


def _near_candidates(column: Any, key: str, postgres: bool) -> ColumnElement[bool]:
    """Keys that may be one edit from ``key``: those sharing its first letter (a btree range) of
    about its length or of several words, and, on PostgreSQL, those with a word like it (pg_trgm's
    word similarity, on the GIN index)."""
    around = and_(prefix(column, key[0]), or_(
        func.length(column).between(len(key) - 1, len(key) + 1), column.contains(" ")))
    if postgres:
        return or_(around, column.op("%>")(key))
    return around


def _near(key: str, stored: str) -> bool:
    """``stored`` (a folded name) or one of its words is one edit from ``key``."""
    return within_one_edit(key, stored) or any(within_one_edit(key, w) for w in stored.split())


def near_households(uow: UnitOfWork, key: str) -> set[int]:
    """Households with a member whose surname or first name (declared or in the register) is one
    edit away from the one-word ``key``; empty for a short or several-word key."""
    if len(key) < NEAR_MIN or " " in key:
        return set()
    postgres = not uow.ctx.db.is_sqlite
    found: set[int] = set()
    for model, household in ((HouseholdMember, HouseholdMember.household_id), (Person, None)):
        rows = uow.session.execute(
            select(model.id, model.last_name_key, model.first_name_key).where(or_(
                _near_candidates(model.last_name_key, key, postgres),
                _near_candidates(model.first_name_key, key, postgres),
            )).limit(NEAR_CANDIDATES)
        ).all()
        ids = {row_id for row_id, last, first in rows if _near(key, last) or _near(key, first)}
        if not ids:
            continue
        if household is not None:
            found |= set(uow.session.scalars(
                select(HouseholdMember.household_id).where(HouseholdMember.id.in_(ids))))
        else:
            found |= set(uow.session.scalars(
                select(HouseholdMember.household_id).where(HouseholdMember.person_id.in_(ids))))
    return found


__all__ = ["by_name", "digits_condition", "fold", "near_households", "number_forms", "prefix"]
