"""Interview records: the verified-income rows of a community interview, one per household
member, started from what the application declared (the declared rows are kept beside them)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import select

from app.domain.income import EXCLUDED_KINDS
from app.domain.views import JsonView
from app.domain.violations import Violation
from app.persistence.models import Case, Income
from app.services.kernel.context import UnitOfWork

INCOME_ARTICLE = "art. 8 ust. 3 u.p.s."


def net(inc: Income) -> Decimal:
    """An item's income after tax and contributions (art. 8 ust. 3 u.p.s.), never below zero."""
    return max(inc.amount - inc.tax - inc.contributions, Decimal("0"))


def counted(items: list[Income]) -> list[Income]:
    return [i for i in items if i.kind not in EXCLUDED_KINDS]


def main_kind(items: list[Income]) -> str:
    """The kind a member's verified income is recorded under: that of the largest counted item."""
    largest = sorted(counted(items), key=net, reverse=True)
    return largest[0].kind if largest else "other"


def declared_by_person(uow: UnitOfWork, case_id: int) -> dict[int, list[Income]]:
    declared: dict[int, list[Income]] = {}
    for inc in uow.session.scalars(
        select(Income).where(Income.case_id == case_id, Income.verified.is_(False))
        .order_by(Income.id)
    ):
        declared.setdefault(inc.person_id, []).append(inc)
    return declared


def check_member_rows(rows: list[dict[str, Any]], count: int) -> list[Violation]:
    """One row for each household member: none unknown, none twice, none left out."""
    found: list[Violation] = []
    seen: set[int] = set()
    for i, item in enumerate(rows):
        idx = item.get("member_index")
        field = f"verified_incomes[{i}].member_index"
        if not isinstance(idx, int) or not 0 <= idx < count:
            found.append(Violation("member_unknown", field, INCOME_ARTICLE,
                                   f"Member number {idx} does not exist (0–{count - 1}).",
                                   {"member_index": str(idx), "last": str(count - 1)}))
        elif idx in seen:
            found.append(Violation(
                "member_repeated", field, INCOME_ARTICLE,
                f"Member number {idx} appears more than once; give one row per household member.",
                {"member_index": str(idx)}))
        else:
            seen.add(idx)
    missing = [i for i in range(count) if i not in seen]
    if missing and not found:
        found.append(Violation(
            "member_missing", "verified_incomes", INCOME_ARTICLE,
            f"Member number {missing[0]} has no row; give one row per household member.",
            {"member_index": str(missing[0])}))
    return found


@dataclass(frozen=True, eq=False)
class VerifiedIncomeStart(JsonView):
    """A verified-income row the interview form starts with (its JSON is the form's row)."""

    member_index: int
    kind: str
    net_income: Decimal


def interview_initial(uow: UnitOfWork, case: Case) -> tuple[VerifiedIncomeStart, ...]:
    """One verified-income row per member, started from what the application declared."""
    declared = declared_by_person(uow, case.id)
    rows = []
    for i, m in enumerate(case.household.members):
        items = declared.get(m.person_id, [])
        total = sum((net(inc) for inc in counted(items)), Decimal("0"))
        rows.append(VerifiedIncomeStart(member_index=i, kind=main_kind(items),
                                        net_income=total.quantize(Decimal("0.01"))))
    return tuple(rows)
