"""What the social-work services return: frozen dataclasses (dates as date), sent by the API
through :func:`app.domain.views.to_json`."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from app.domain.views import JsonView


@dataclass(frozen=True, eq=False)
class MemberView(JsonView):
    """A person of the family, as the register names them now."""

    person_id: int
    name: str
    register_key: str


@dataclass(frozen=True, eq=False)
class EntryView(JsonView):
    """A visit or note: its day, who made it (user id and name), what it says."""

    id: int
    kind: str
    on: date
    by_id: int | None
    by_name: str
    text: str


@dataclass(frozen=True, eq=False)
class GoalView(JsonView):
    """A goal of the work and its state."""

    id: int
    text: str
    set_on: date
    status: str
    closed_on: date | None


@dataclass(frozen=True, eq=False)
class StageView(JsonView):
    """A stage of a contract: what, who, by when, its review date and the review."""

    id: int
    position: int
    action: str
    responsible: str
    due_on: date | None
    review_on: date
    reviewed_on: date | None
    review_note: str


@dataclass(frozen=True, eq=False)
class ContractView(JsonView):
    """A kontrakt socjalny as the form of the regulation has it (or a refusal to conclude one)."""

    id: int
    record_id: int
    person_id: int
    person_name: str
    worker_id: int | None
    worker_name: str
    form_part: str
    status: str
    concluded_on: date | None
    valid_from: date | None
    valid_until: date | None
    assessment: str
    goal: str
    person_obligations: str
    centre_obligations: str
    refused_on: date | None
    outcome_on: date | None
    reason: str
    version: int
    stages: tuple[StageView, ...]


@dataclass(frozen=True, eq=False)
class InterviewPlan(JsonView):
    """The plan of help of a community interview of the family's benefit case."""

    case_id: int
    case_number: str
    interview_id: int
    kind: str
    conducted_on: date | None
    help_plan: str


@dataclass(frozen=True, eq=False)
class RecordView(JsonView):
    """A family's social-work record: the family, the plan, visits and notes, goals, contracts."""

    id: int
    person_id: int
    person_name: str
    members: tuple[MemberView, ...]
    case_id: int | None
    case_number: str | None
    opened_on: date
    caseworker_id: int | None
    caseworker_name: str
    help_plan: str
    status: str
    closed_on: date | None
    version: int
    entries: tuple[EntryView, ...]
    goals: tuple[GoalView, ...]
    contracts: tuple[ContractView, ...]
    interview_plans: tuple[InterviewPlan, ...]


@dataclass(frozen=True, eq=False)
class RecordRow(JsonView):
    """A record in a list: whose, since when, its state."""

    id: int
    person_id: int
    person_name: str
    members: int
    opened_on: date
    status: str
    contracts: int


@dataclass(frozen=True, eq=False)
class Saved(JsonView):
    """What a change saved: the row's id and the record's (or contract's) version now."""

    id: int
    record_id: int
    version: int


@dataclass(frozen=True, eq=False)
class RefusalNotice(JsonView):
    """A refusal to conclude, or a broken kontrakt socjalny, of the family of a case: a possible
    ground under art. 11 ust. 2 u.p.s., for the caseworker to weigh (never applied by itself)."""

    contract_id: int
    record_id: int
    person_name: str
    status: str
    on: date | None
    reason: str


@dataclass(frozen=True, eq=False)
class RefusalNotices(JsonView):
    """The draft's notice: its article and the refusals found."""

    article: str
    refusals: tuple[RefusalNotice, ...]


@dataclass(frozen=True, eq=False)
class ReviewDue(JsonView):
    """A contract stage whose review is due (Terminy)."""

    record_id: int
    contract_id: int
    stage_id: int
    person_name: str
    action: str
    review_on: date


@dataclass(frozen=True, eq=False)
class PeriodContract(JsonView):
    """A kontrakt socjalny in force during the period, and whether the family had a benefit."""

    contract_id: int
    record_id: int
    person_id: int
    concluded_on: date
    with_benefit: bool


@dataclass(frozen=True, eq=False)
class PeriodFamily(JsonView):
    """A family given social work during the period: its persons and whether it had a benefit."""

    record_id: int
    person_ids: tuple[int, ...]
    with_benefit: bool


@dataclass(frozen=True, eq=False)
class SocialWorkGiven(JsonView):
    """Social work given in a period (MRPiPS-03's part on social work and kontrakty socjalne):
    the families (each with its persons) with a visit or note in the period, and the contracts
    in force in it; each says whether the family also had a benefit decided in the period."""

    start: date
    end: date
    families: tuple[PeriodFamily, ...]
    persons: int
    families_without_benefit: int
    contracts: tuple[PeriodContract, ...]
