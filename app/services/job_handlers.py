"""Handlers for the BPMN service operations: eligibility, decision document, payment schedule."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from sqlalchemy import insert, select

from app.domain.eligibility import calculate
from app.domain.income import IncomeItem, Member
from app.persistence.models import (
    Application,
    Case,
    Decision,
    EligibilityResult,
    Income,
    Job,
    PaymentScheduleItem,
)

from .context import UnitOfWork
from .documents import render_decision
from .payments import payment_day


def _age(born: date, on: date) -> int:
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def household_members(uow: UnitOfWork, case: Case, on: date) -> list[Member]:
    """The case's household as domain members, applicant first, with itemised incomes."""
    incomes: dict[int, list[IncomeItem]] = {}
    for inc in uow.session.scalars(select(Income).where(Income.case_id == case.id)):
        incomes.setdefault(inc.person_id, []).append(IncomeItem(
            kind=inc.kind, amount=inc.amount, tax=inc.tax, contributions=inc.contributions,
            costs=inc.costs, one_off=inc.one_off,
        ))
    return [
        Member(
            age=_age(m.person.birth_date, on), unable_to_work=m.unable_to_work,
            incomes=incomes.get(m.person_id, []), other_benefits=list(m.other_benefits or []),
            disabled=m.disabled, alimony_awarded=m.alimony_awarded,
            sex=m.person.sex, child=(m.relation == "child") if m.position else False,
        )
        for m in case.household.members
    ]


def eligibility(uow: UnitOfWork, job: Job) -> dict[str, Any]:
    """Compute eligibility with the domain package and keep the explanation."""
    case = uow.session.get(Case, job.case_id)
    assert case is not None
    application = uow.session.scalar(select(Application).where(Application.case_id == case.id))
    assert application is not None
    on = application.received_on
    result = calculate(case.benefit, on, household_members(uow, case, on))
    row = EligibilityResult(
        case_id=case.id, benefit=case.benefit, on=on, eligible=result.eligible,
        amount=result.amount, min_amount=result.min_amount, max_amount=result.max_amount,
        result=result.to_dict(), created_at=uow.ctx.now(),
    )
    uow.session.add(row)
    uow.session.flush()
    return {
        "eligible": result.eligible, "proposed_amount": f"{result.amount:.2f}",
        "min_amount": f"{result.min_amount:.2f}", "max_amount": f"{result.max_amount:.2f}",
        "eligibility_id": row.id,
    }


def _latest_decision(uow: UnitOfWork, case_id: int) -> Decision:
    decision = uow.session.scalars(
        select(Decision).where(Decision.case_id == case_id).order_by(Decision.id.desc())
    ).first()
    if decision is None:
        raise RuntimeError("No decision has been drafted for this case")
    return decision


def decision_document(uow: UnitOfWork, job: Job) -> dict[str, Any]:
    """Number the approved decision and produce its document (art. 107 KPA)."""
    decision = _latest_decision(uow, job.case_id)
    today = uow.ctx.now().date()
    if decision.number is None:
        decision.number = f"DEC/{today.year}/{decision.id:05d}"
    decision.issued_on = decision.issued_on or today
    decision.document_html = render_decision(uow, decision)
    decision.status = "issued"
    return {"decision_id": decision.id, "decision_number": decision.number}


def _months(start: date, end: date) -> list[date]:
    months, y, m = [], start.year, start.month
    while (y, m) <= (end.year, end.month):
        months.append(date(y, m, 1))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return months


def payment_schedule(uow: UnitOfWork, job: Job) -> dict[str, Any]:
    """One schedule item per benefit month of the final decision (idempotent per month)."""
    decision = _latest_decision(uow, job.case_id)
    if decision.kind == "refusal" or decision.amount <= 0 or decision.period_from is None:
        return {"items": 0, "total": "0.00"}
    end = decision.period_to or date(decision.period_from.year + 1, decision.period_from.month, 1)
    existing = set(uow.session.scalars(
        select(PaymentScheduleItem.month).where(PaymentScheduleItem.decision_id == decision.id)
    ))
    months = _months(decision.period_from, end)
    rows = [
        {"decision_id": decision.id, "case_id": decision.case_id, "month": month,
         "due_on": payment_day(uow.ctx.config, month), "amount": decision.amount, "status": "planned"}
        for month in months if month not in existing
    ]
    if rows:
        # One multi-row INSERT instead of one statement per benefit month.
        uow.session.execute(insert(PaymentScheduleItem), rows)
    total = decision.amount * len(months)
    return {"items": len(rows), "total": f"{total:.2f}"}


HANDLERS: dict[str, Callable[[UnitOfWork, Job], dict[str, Any]]] = {
    "eligibility": eligibility,
    "decision_document": decision_document,
    "payment_schedule": payment_schedule,
}
