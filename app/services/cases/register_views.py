"""What the register and the case lists show: frozen read models (see :mod:`.views`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from app.domain.views import JsonView


@dataclass(frozen=True)
class CaseRow(JsonView):
    """One case in a list; the applicant's name as declared in that case."""

    id: int
    number: str
    benefit: str
    status: str
    stage: str | None
    outcome: str | None
    opened_on: date
    applicant: str


@dataclass(frozen=True)
class PersonDifferences(JsonView):
    """What an application or a case declares of a known person that the register does not say."""

    path: str
    person_id: int
    register_key: str
    version: int
    changes: tuple[dict[str, str], ...]


@dataclass(frozen=True)
class HouseholdChange(JsonView):
    """The household as it was in a person's latest other case: who left, who joined."""

    case_number: str
    left: tuple[int, ...]
    joined: tuple[int, ...]
    person_id: int


@dataclass(frozen=True)
class OpenCase(JsonView):
    """An open case of one of the people (a warning at intake, never a block)."""

    id: int
    number: str
    benefit: str
    stage: str | None
    person_ids: tuple[int, ...]


@dataclass(frozen=True)
class RegisterCheck(JsonView):
    """An application's or a case's people compared with the register."""

    differences: tuple[PersonDifferences, ...]
    household_changes: tuple[HouseholdChange, ...]
    open_cases: tuple[OpenCase, ...]
    new_persons: tuple[str, ...]


@dataclass(frozen=True)
class PossibleMatches(JsonView):
    """Register entries without a PESEL that may be the person at ``path``."""

    path: str
    matches: tuple[dict[str, str], ...]


@dataclass(frozen=True)
class ApplicationCheck(RegisterCheck):
    """The register check of an application not yet registered, with possible matches."""

    possible_matches: tuple[PossibleMatches, ...] = ()


@dataclass(frozen=True)
class RegisterConfirmation(JsonView):
    """What a confirmation applied to the register."""

    person_id: int
    version: int
    changes: tuple[dict[str, str], ...]


@dataclass(frozen=True)
class PersonChangeRow(JsonView):
    """One applied change of a register entry: when, by whom, from which case."""

    at: datetime
    by: str | None
    case_number: str | None
    field: str
    old: str
    new: str


@dataclass(frozen=True)
class PersonCase(JsonView):
    """A case the person belongs to, with the relation and the name declared there."""

    id: int
    number: str
    benefit: str
    status: str
    stage: str | None
    opened_on: date
    relation: str
    declared_name: str


@dataclass(frozen=True)
class PersonView(JsonView):
    """A register entry with its change history and its cases."""

    id: int
    register_key: str
    pesel: str | None
    first_name: str
    last_name: str
    birth_date: date
    sex: str
    address: str
    version: int
    history: tuple[PersonChangeRow, ...]
    cases: tuple[PersonCase, ...]
