"""Persons, households, members and their incomes."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import JSON, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column, relationship, validates

from app.domain.member_facts import SchoolAway
from app.domain.reasons import DisabilityDegree, SingleParentReason
from app.domain.search_text import fold

from .base import Base, Money, status_check, utcnow


def search_key(length: int) -> Any:
    """A folded search key (``app.domain.search_text.fold``): ASCII, compared byte by byte
    (``COLLATE "C"`` on PostgreSQL, SQLite's BINARY), so a prefix is a btree range."""
    return mapped_column(String(length).with_variant(String(length, collation="C"), "postgresql"),
                         default="", server_default="", index=True)


def trigram_index(table: str, column: str) -> Index:
    """PostgreSQL only: a pg_trgm GIN index on a search key, for the near (one-typo) match."""
    return Index(f"ix_{table}_{column}_trgm", column, postgresql_using="gin",
                 postgresql_ops={column: "gin_trgm_ops"}).ddl_if(dialect="postgresql")


class Person(Base):
    """A natural person in the register (kartoteka): one row per PESEL.

    ``register_key`` is the person's one key in the register: the PESEL when the person has one,
    otherwise ``BP-`` and a random suffix given at registration (foreigners without a PESEL). A
    case refers to the register row, but keeps the names and facts as declared on its own date
    in its household members, so a later register change never rewrites an earlier case.
    """

    __tablename__ = "persons"
    __table_args__ = (trigram_index("persons", "last_name_key"),
                      trigram_index("persons", "first_name_key"))

    id: Mapped[int] = mapped_column(primary_key=True)
    register_key: Mapped[str] = mapped_column(String(20), unique=True)
    pesel: Mapped[str | None] = mapped_column(String(11), unique=True)
    first_name: Mapped[str] = mapped_column(String(100))
    last_name: Mapped[str] = mapped_column(String(100), index=True)
    birth_date: Mapped[date]
    sex: Mapped[str] = mapped_column(String(1))
    address: Mapped[str] = mapped_column(String(300), default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime | None]
    version: Mapped[int] = mapped_column(default=1)
    # The names folded for search (written with the names, below).
    first_name_key: Mapped[str] = search_key(100)
    last_name_key: Mapped[str] = search_key(100)

    @validates("first_name", "last_name")
    def _keep_search_key(self, field: str, value: str) -> str:
        setattr(self, f"{field}_key", fold(value or ""))
        return value

    @property
    def full_name(self) -> str:
        """First and last name."""
        return f"{self.first_name} {self.last_name}"


class Household(Base):
    """A household (rodzina / osoba samotnie gospodarująca) at one address."""

    __tablename__ = "households"

    id: Mapped[int] = mapped_column(primary_key=True)
    address: Mapped[str] = mapped_column(String(300), default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    members: Mapped[list[HouseholdMember]] = relationship(
        back_populates="household", cascade="all, delete-orphan", order_by="HouseholdMember.position"
    )


class HouseholdMember(Base):
    """A person's membership of a household, with the facts eligibility needs."""

    __tablename__ = "household_members"
    __table_args__ = (trigram_index("household_members", "last_name_key"),
                      trigram_index("household_members", "first_name_key"),
                      status_check(DisabilityDegree, "disability_degree"),
                      status_check(SingleParentReason, "single_parent_reason"),
                      status_check(SchoolAway, "school_away"))

    id: Mapped[int] = mapped_column(primary_key=True)
    household_id: Mapped[int] = mapped_column(ForeignKey("households.id", ondelete="CASCADE"), index=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("persons.id"), index=True)
    position: Mapped[int] = mapped_column(default=0)
    relation: Mapped[str] = mapped_column(String(30), default="applicant")
    unable_to_work: Mapped[bool] = mapped_column(default=False)
    disabled: Mapped[bool] = mapped_column(default=False)
    other_benefits: Mapped[list[Any]] = mapped_column(JSON, default=list)
    alimony_awarded: Mapped[Money] = mapped_column(default=Decimal("0"))
    in_school: Mapped[bool] = mapped_column(default=False)
    disability_certificate: Mapped[bool] = mapped_column(default=False)
    # Issue 13: a szkoła wyższa apart from in_school (a szkoła), and a severe-degree certificate.
    in_higher_school: Mapped[bool] = mapped_column(default=False)
    severe_disability_certificate: Mapped[bool] = mapped_column(default=False)
    # Issue 16: the facts of the care benefits and the dodatki (app.domain.reasons.CARE_FACTS).
    disability_degree: Mapped[str | None] = mapped_column(String(20), default=None)
    disability_onset_age: Mapped[int | None] = mapped_column(default=None)
    constant_care: Mapped[bool] = mapped_column(default=False)
    gave_up_work: Mapped[bool] = mapped_column(default=False)
    single_parent_reason: Mapped[str | None] = mapped_column(String(20), default=None)
    # Issue 16: births and the dodatki (app.domain.member_facts.BIRTH_FACTS).
    prenatal_care: Mapped[bool] = mapped_column(default=False)
    care_since: Mapped[date | None] = mapped_column(default=None)
    parental_leave: Mapped[bool] = mapped_column(default=False)
    school_away: Mapped[str | None] = mapped_column(String(20), default=None)
    dodatki: Mapped[list[str]] = mapped_column(JSON, default=list)
    # The names as declared in this case's application (the register may change later).
    first_name: Mapped[str] = mapped_column(String(100), default="")
    last_name: Mapped[str] = mapped_column(String(100), default="", index=True)
    first_name_key: Mapped[str] = search_key(100)
    last_name_key: Mapped[str] = search_key(100)

    household: Mapped[Household] = relationship(back_populates="members")
    person: Mapped[Person] = relationship(lazy="joined")

    @validates("first_name", "last_name")
    def _keep_search_key(self, field: str, value: str) -> str:
        setattr(self, f"{field}_key", fold(value or ""))
        return value

    @property
    def full_name(self) -> str:
        """First and last name as declared in this case."""
        return f"{self.first_name} {self.last_name}"


class PersonChange(Base):
    """One confirmed change of a register entry: who, when, which field, old -> new."""

    __tablename__ = "person_changes"

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("persons.id", ondelete="CASCADE"), index=True)
    changed_at: Mapped[datetime] = mapped_column(default=utcnow)
    changed_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    case_id: Mapped[int | None] = mapped_column(ForeignKey("cases.id", ondelete="SET NULL"))
    field: Mapped[str] = mapped_column(String(30))
    old_value: Mapped[str] = mapped_column(String(300), default="")
    new_value: Mapped[str] = mapped_column(String(300), default="")
    # The old value folded for search (a surname before a change finds the person).
    old_value_key: Mapped[str] = search_key(300)

    @validates("old_value")
    def _keep_search_key(self, field: str, value: str) -> str:
        self.old_value_key = fold(value or "")
        return value


class Income(Base):
    """One income item of a person for the month before the application (art. 8 ust. 3)."""

    __tablename__ = "incomes"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("persons.id"), index=True)
    month: Mapped[date]
    kind: Mapped[str] = mapped_column(String(40), default="other")
    amount: Mapped[Money]
    tax: Mapped[Money] = mapped_column(default=Decimal("0"))
    contributions: Mapped[Money] = mapped_column(default=Decimal("0"))
    costs: Mapped[Money] = mapped_column(default=Decimal("0"))
    one_off: Mapped[bool] = mapped_column(default=False)
    verified: Mapped[bool] = mapped_column(default=False)
