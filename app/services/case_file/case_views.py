"""The case file as frozen views (app.domain.views): typed for pages, ``as_json()`` for the API."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from app.domain.messages import Msg
from app.domain.views import CODED, NOT_IN_JSON, OMIT_NONE, JsonView
from app.services.appeals.views import DecisionLife
from app.services.cases.register_views import RegisterCheck
from app.services.documents.document_store import CaseDocument
from app.services.provision.views import ScopeView
from app.services.workflow.task_views import TaskSummary


@dataclass(frozen=True)
class IncomeRow(JsonView):
    kind: str
    amount: Decimal
    tax: Decimal
    contributions: Decimal
    costs: Decimal
    one_off: bool
    month: date
    verified: bool


@dataclass(frozen=True)
class IncomeCheck(JsonView):
    """Declared beside verified, for one kind of income (net of tax and contributions)."""

    kind: str
    declared: Decimal | None
    verified: Decimal | None
    changed: bool


@dataclass(frozen=True)
class MemberFile(JsonView):
    """A household member: names as declared in this case (the register may have changed since)."""

    income_check: tuple[IncomeCheck, ...]
    person_id: int
    register_key: str
    pesel: str | None
    first_name: str
    last_name: str
    birth_date: date
    sex: str
    relation: str
    unable_to_work: bool
    disabled: bool
    in_school: bool
    disability_certificate: Any
    in_higher_school: bool
    severe_disability_certificate: Any
    other_benefits: Any
    alimony_awarded: Decimal
    incomes: tuple[IncomeRow, ...]
    # Issue 16: the facts of the care benefits and the dodatki (app.domain.reasons.CARE_FACTS).
    disability_degree: str | None = None
    disability_onset_age: int | None = None
    constant_care: bool = False
    gave_up_work: bool = False
    single_parent_reason: str | None = None
    # Issue 16: births and the dodatki (app.domain.member_facts.BIRTH_FACTS).
    prenatal_care: bool = False
    care_since: date | None = None
    parental_leave: bool = False
    school_away: str | None = None
    dodatki: Any = ()


@dataclass(frozen=True)
class PartyRequest(JsonView):
    """What the party asked for (art. 107 § 4 KPA), where recorded."""

    amount: Decimal | None
    until: date | None


@dataclass(frozen=True)
class CaseLink(JsonView):
    id: int
    number: str | None


@dataclass(frozen=True)
class ChangeCase(JsonView):
    id: int
    number: str
    status: str
    effective_from: date | None


@dataclass(frozen=True)
class WorkflowState(JsonView):
    instance_id: int | None
    version: int | None
    status: str | None
    definition_id: int | None
    next_timer_at: datetime | None
    data: dict[str, Any]


@dataclass(frozen=True)
class TaskRecord(TaskSummary):
    completed_by: str | None
    completed_at: datetime | None


@dataclass(frozen=True)
class InterviewRecord(JsonView):
    kind: str
    conducted_on: date | None
    findings: str
    help_plan: str


@dataclass(frozen=True)
class DecisionView(JsonView):
    id: int
    number: str | None
    kind: str
    benefit: str
    amount: Decimal
    period_from: date | None
    period_to: date | None
    justification: str
    status: str
    amount_reason: str
    purpose: str
    drafted_by: str | None
    approved_by: str | None
    return_comment: str
    issued_on: date | None
    delivered_on: date | None
    final_on: date | None
    has_document: bool
    appeal_outcome: Any
    immediate_enforcement: Any
    immediate_enforcement_reason: Any
    # What a meal or service decision grants instead of an amount (app.services.provision).
    scope: ScopeView | None = field(default=None, metadata=OMIT_NONE)


@dataclass(frozen=True)
class ScheduleRow(JsonView):
    month: date
    due_on: date
    amount: Decimal
    status: str
    # Why it is paid on due_on where that is not the centre's usual day in the month itself
    # (the statutory first-payment rule, a holiday); None for the usual date. A coded message:
    # the page shows its text, the API its code and params.
    date_reason: Msg | None = field(default=None, metadata=CODED)


@dataclass(frozen=True)
class PaymentRow(JsonView):
    id: int
    amount: Decimal
    due_on: date
    method: str
    status: str
    list_id: int


@dataclass(frozen=True)
class HistoryRow(JsonView):
    at: datetime
    action: str
    user: str | None
    detail: dict[str, Any]


@dataclass(frozen=True)
class CaseFile(JsonView):
    """The whole case file."""

    id: int
    number: str
    benefit: str
    reason: str
    urgent: bool
    status: str
    stage: str | None
    outcome: str | None
    opened_on: date
    caseworker: str | None
    caseworker_id: int | None
    bank_account: str | None
    address: str
    members: tuple[MemberFile, ...]
    register: RegisterCheck
    kind: str
    party_request: PartyRequest
    effective_from: date | None
    parent: CaseLink | None
    changes: tuple[ChangeCase, ...]
    workflow: WorkflowState
    open_tasks: tuple[TaskSummary, ...]
    tasks: tuple[TaskRecord, ...]
    eligibility: dict[str, Any] | None
    interviews: tuple[InterviewRecord, ...]
    decisions: tuple[DecisionView, ...]
    decision: DecisionView | None
    schedule: tuple[ScheduleRow, ...]
    payments: tuple[PaymentRow, ...]
    # Appeals, the SKO's rulings, changes and notices (appeals.decision_life).
    life: DecisionLife
    history: tuple[HistoryRow, ...]
    # Issued documents (PDF): kind, title, date, hash and the download URL.
    documents: list[CaseDocument]
    # A Niebieska Karta procedure runs in the family: the bare flag a case role sees, never the
    # content (services/niebieska_karta); the API gives it at /api/cases/<id>/niebieska-karta.
    nk_in_family: bool = field(default=False, metadata=NOT_IN_JSON)
