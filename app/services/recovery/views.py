"""What the undue-benefit services return: frozen dataclasses, money as Decimal, dates as date.

The API sends them through :func:`app.domain.views.to_json` (money '123.45', dates ISO),
the same JSON the dicts they replaced held; a key read (``rec["balance"]["outstanding"]``)
gives that JSON form too (:class:`app.domain.views.JsonView`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from app.domain.recovery import Balance
from app.domain.views import JsonView

CENT = Decimal("0.01")
BALANCE_NAMES = ("principal", "interest", "deducted", "repaid", "written_off", "overpaid",
                 "outstanding_principal", "outstanding_interest", "outstanding")


@dataclass(frozen=True, eq=False)
class BalanceFigures(JsonView):
    """The debt on a date, each figure to the grosz."""

    principal: Decimal
    interest: Decimal
    deducted: Decimal
    repaid: Decimal
    written_off: Decimal
    overpaid: Decimal
    outstanding_principal: Decimal
    outstanding_interest: Decimal
    outstanding: Decimal

    @classmethod
    def of(cls, balance: Balance) -> BalanceFigures:
        return cls(**{n: Decimal(getattr(balance, n)).quantize(CENT) for n in BALANCE_NAMES})

    @classmethod
    def total(cls, figures: list[BalanceFigures]) -> BalanceFigures:
        return cls(**{n: sum((getattr(f, n) for f in figures), Decimal("0.00")).quantize(CENT)
                      for n in BALANCE_NAMES})


@dataclass(frozen=True, eq=False)
class LegalGroundView(JsonView):
    """The act's ground of a finding, with its article and whether it bears interest."""

    code: str
    article: str
    label: str
    interest: bool


@dataclass(frozen=True, eq=False)
class Limitation(JsonView):
    """Art. 23 ust. 2-3 FA act: when the claim lapses, and what that leaves unrecoverable."""

    article: str | None
    final_on: date | None
    barred_from: date | None
    barred: bool
    barred_amount: Decimal


@dataclass(frozen=True, eq=False)
class RecoveryItemView(JsonView):
    """One undue payment: its month ('2026-01'), when and how much was paid, how much is undue."""

    payment_id: int
    month: str
    paid_on: date
    paid_amount: Decimal
    amount: Decimal


@dataclass(frozen=True, eq=False)
class RecoveryDecisionView(JsonView):
    """A decision on the debt as listed."""

    id: int
    kind: str
    status: str
    number: str | None
    issued_on: date | None
    final_on: date | None
    drafted_by_id: int | None
    approved_by_id: int | None
    sha256: str | None


@dataclass(frozen=True, eq=False)
class InstalmentView(JsonView):
    """An active instalment."""

    due_on: date
    amount: Decimal


@dataclass(frozen=True, eq=False)
class RepaymentView(JsonView):
    """Money paid back, with what exceeded the debt."""

    received_on: date
    amount: Decimal
    overpaid: Decimal


@dataclass(frozen=True, eq=False)
class RecoverySummary(JsonView):
    """One undue-benefit finding with its items, decisions, repayments, balance and limitation."""

    id: int
    case_id: int
    person_id: int
    benefit: str
    act: str
    ground: str
    fact: str
    status: str
    learned_on: date | None
    notice_decision_id: int | None
    notice_override: str | None
    found_on: date
    found_by_id: int | None
    repay_by: date | None
    interest: bool
    legal_ground: LegalGroundView | None
    items: tuple[RecoveryItemView, ...]
    decisions: tuple[RecoveryDecisionView, ...]
    instalments: tuple[InstalmentView, ...]
    repayments: tuple[RepaymentView, ...]
    balance: BalanceFigures
    limitation: Limitation


@dataclass(frozen=True, eq=False)
class PayablePayment(JsonView):
    """A paid payment of the case not yet counted in a finding."""

    id: int
    due_on: date
    amount: Decimal
    status: str
    # The date actually paid (the settled date where the payment was settled, else its due date).
    paid_on: date | None = None


@dataclass(frozen=True, eq=False)
class CaseRecoveries(JsonView):
    """The undue benefits found in a case, their total, the act's grounds and what is payable."""

    case_id: int
    case_number: str
    person_id: int
    on: date
    recoveries: tuple[RecoverySummary, ...]
    total: BalanceFigures
    grounds: tuple[LegalGroundView | None, ...]
    payable: tuple[PayablePayment, ...]


@dataclass(frozen=True, eq=False)
class CaseDebt(JsonView):
    """A person's undue benefits in one case, and their total."""

    case_id: int
    case_number: str | None
    recoveries: tuple[RecoverySummary, ...]
    total: BalanceFigures


@dataclass(frozen=True, eq=False)
class PersonBalance(JsonView):
    """A person's undue-benefit debt per case and in total on a date."""

    person_id: int
    on: date
    cases: tuple[CaseDebt, ...]
    total: BalanceFigures


@dataclass(frozen=True, eq=False)
class FindingRecorded(JsonView):
    """A recorded finding: its id, case and principal."""

    id: int
    case_id: int
    principal: Decimal


@dataclass(frozen=True, eq=False)
class RepaymentRecorded(JsonView):
    """A recorded repayment: the recovery and the part kept apart as overpaid."""

    recovery_id: int
    overpaid: Decimal


@dataclass(frozen=True, eq=False)
class DraftedRecoveryDecision(JsonView):
    """A drafted decision on the debt."""

    id: int
    kind: str
    status: str


@dataclass(frozen=True, eq=False)
class IssuedRecoveryDecision(JsonView):
    """An approved decision: its number, the day it was issued and its PDF's SHA-256."""

    id: int
    number: str
    issued_on: date
    sha256: str


@dataclass(frozen=True, eq=False)
class FinalRecorded(JsonView):
    """The day a decision on the debt became final."""

    id: int
    final_on: date
