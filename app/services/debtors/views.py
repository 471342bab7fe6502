"""What the debtor procedure's reads return (frozen views; JSON through ``as_json``)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from app.domain.fa_debtor import Dues, Split
from app.domain.views import JsonView


@dataclass(frozen=True)
class StepView(JsonView):
    """A step taken: which, when, by when it was due, its outcome and article."""

    step: str
    article: str
    done_on: date
    due_on: date | None
    outcome: str
    on_time: bool | None


@dataclass(frozen=True)
class OpenStep(JsonView):
    """The step the procedure waits for: its task, deadline and article."""

    task_id: int
    step: str
    article: str
    title: str
    role: str
    due_on: date | None


@dataclass(frozen=True)
class DueView(JsonView):
    """FA paid to an entitled person, owed by the debtor."""

    id: int
    paid_on: date
    amount: Decimal
    payment_id: int | None


@dataclass(frozen=True)
class ReceiptView(JsonView):
    """A receipt as recorded: how it was applied and its art. 28 split."""

    id: int
    received_on: date
    amount: Decimal
    interest_part: Decimal
    principal_part: Decimal
    overpaid_part: Decimal
    split: Split
    reference: str


@dataclass(frozen=True)
class ProcedureRow(JsonView):
    """A procedure in the list (personal data: case roles only)."""

    id: int
    case_id: int
    case_number: str
    debtor_name: str
    fa_case_id: int | None
    request_received_on: date
    status: str
    next_due_on: date | None


@dataclass(frozen=True)
class ProcedureView(JsonView):
    """A whole procedure: the debtor, the gminas, the steps taken, the open step and the
    ledger on a day (dues, receipts and their split, the balance)."""

    id: int
    case_id: int
    case_number: str
    status: str
    outcome: str | None
    debtor_id: int
    debtor_name: str
    debtor_pesel: str | None
    debtor_address: str
    fa_case_id: int | None
    fa_case_number: str | None
    creditor_gmina: str
    debtor_gmina: str
    same_gmina: bool
    request_received_on: date
    steps: tuple[StepView, ...]
    open_steps: tuple[OpenStep, ...]
    dues: tuple[DueView, ...]
    receipts: tuple[ReceiptView, ...]
    balance: Dues
    split_total: Split


@dataclass(frozen=True)
class DebtorDeadline(JsonView):
    """An open step of a debtor procedure with its statutory deadline (for *Terminy*)."""

    procedure_id: int
    case_id: int
    case_number: str
    task_id: int
    step: str
    article: str
    title: str
    due_on: date | None
