"""Handlers for the BPMN service operations: eligibility, decision document, payment schedule."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from types import MappingProxyType
from typing import Any

from sqlalchemy import select

from app.domain.deadlines import today_in_warsaw
from app.domain.decision_rules import ONE_OFF
from app.domain.eligibility import calculate
from app.domain.income import IncomeItem, Member
from app.domain.messages import Code, msg
from app.domain.statuses import CaseKind, DecisionKind, DecisionStatus
from app.persistence.models import (
    Case,
    Decision,
    EligibilityResult,
    Income,
    Job,
)

from . import document_store
from .change_cases import replace_parent_schedule
from .context import UnitOfWork
from .decision_changes import end_changed_grant, open_revocation
from .decision_records import decision_violations, first_benefit_month, next_decision_number
from .documents import BENEFITS, render_decision
from .errors import ServiceError
from .office import AUTHORISATION_BASIS, office, signer
from .payments.schedule import make_schedule


def _age(born: date, on: date) -> int:
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def household_members(uow: UnitOfWork, case: Case, on: date) -> list[Member]:
    """The case's household as domain members, applicant first, with itemised incomes."""
    incomes: dict[int, list[IncomeItem]] = {}
    # A case opened to change a running grant rests on the facts established in that grant's case.
    facts_case = case.parent_case_id if case.kind == CaseKind.CHANGE and case.parent_case_id else case.id
    rows = list(uow.session.scalars(select(Income).where(Income.case_id == facts_case)
                                    .order_by(Income.id)))
    # The interview's verified rows when there are any, else the application's declared ones.
    verified = [inc for inc in rows if inc.verified]
    for inc in verified or rows:
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
            relation=m.relation, in_school=m.in_school,
            disability_certificate=m.disability_certificate,
            in_higher_school=m.in_higher_school,
            severe_disability_certificate=m.severe_disability_certificate,
        )
        for m in case.household.members
    ]


def eligibility(uow: UnitOfWork, job: Job) -> dict[str, Any]:
    """Compute eligibility with the domain package and keep the explanation."""
    case = uow.session.get(Case, job.case_id)
    assert case is not None
    # Parameters (and ages) of the first benefit month, not of the filing date.
    on = first_benefit_month(uow, case.id)
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


class DecisionNotIssuable(ServiceError):
    """The approved decision breaks a legal rule: it is not issued, and the job fails so the
    supervisor sees it among failed jobs (the message names rule codes and articles only)."""

    status = 409
    # Retrying by itself cannot help (the data or the configuration must change first): the
    # job fails at once and the case is listed as an incident until someone retries it.
    permanent = True


def decision_document(uow: UnitOfWork, job: Job) -> dict[str, Any]:
    """Re-check the approved decision, then issue it: the PDF document (art. 107 KPA), stored
    once with its hash. Refused, visibly, when the body is not configured or the signer holds no
    authorisation for the decision's act valid on the day of issue."""
    decision = _latest_decision(uow, job.case_id)
    violations = decision_violations(uow, decision)
    if violations:
        rules = "; ".join(f"{v.code} ({v.article})" for v in violations)
        raise DecisionNotIssuable(
            msg(Code.DECISION_UNLAWFUL_NOT_ISSUED, decision_id=decision.id, rules=rules))
    today = today_in_warsaw(uow.ctx.now())
    issued_on = decision.issued_on or today
    body = office(uow)
    if body is None:
        raise DecisionNotIssuable(
            msg(Code.DECISION_NO_OFFICE, decision_id=decision.id))
    act = BENEFITS[decision.benefit].act if decision.benefit in BENEFITS else "ups"
    who = signer(uow, decision.approved_by_id, act, issued_on)
    if who is None:
        raise DecisionNotIssuable(
            msg(Code.DECISION_NO_AUTHORISATION, decision_id=decision.id,
                signer_id=str(decision.approved_by_id), basis=AUTHORISATION_BASIS[act],
                issued_on=issued_on.isoformat()))
    if decision.number is None:
        # Decisions signed before numbers were given at signature.
        decision.number = next_decision_number(uow, today.year)
    decision.issued_on = issued_on
    html = render_decision(uow, decision, body, who)
    # The HTML the PDF is made from stays readable beside it (and for decisions issued before
    # documents were PDFs, it is the only copy).
    decision.document_html = html
    stored = document_store.store(uow, decision.case_id, "decision", html, decision.approved_by_id,
                                  decision_id=decision.id, title=f"Decyzja nr {decision.number}")
    decision.status = DecisionStatus.ISSUED
    return {"decision_id": decision.id, "decision_number": decision.number,
            "document_id": stored.id}


def payment_schedule(uow: UnitOfWork, job: Job) -> dict[str, Any]:
    """The final decision's payment schedule (see :mod:`app.services.payments.schedule`): its
    months, or one payment of a one-off benefit on its date (idempotent per month)."""
    decision = _latest_decision(uow, job.case_id)
    if decision.kind != DecisionKind.REFUSAL and decision.period_from is not None \
            and decision.period_to is not None and decision.period_to < decision.period_from \
            and decision.benefit not in ONE_OFF:
        # A reversed period never yields a silently empty schedule.
        raise DecisionNotIssuable(msg(Code.DECISION_PERIOD_REVERSED, decision_id=decision.id))
    result = make_schedule(uow, decision)
    case = uow.session.get(Case, decision.case_id)
    assert case is not None
    if decision.period_from is not None:
        # A changing decision replaces the changed grant's planned months from its start.
        result["replaced"] = replace_parent_schedule(uow, case, decision.period_from)
    return result


Handler = Callable[[UnitOfWork, Job], dict[str, Any]]


@dataclass(frozen=True)
class Operation:
    """A service operation a diagram's service task may ask for (the contract with the code).

    ``params`` are the operator parameters it takes, with their Spiff type; ``required`` those a
    service task must pass. A handler reads the case by the job's case, so the parameters are
    what the diagram states it hands over (checked at deploy), not a second source of facts.
    """

    handler: Handler
    params: Mapping[str, str]
    required: frozenset[str]
    doc: str = ""


OPERATIONS: Mapping[str, Operation] = MappingProxyType({
    "eligibility": Operation(
        eligibility, MappingProxyType({"case_id": "int", "benefit": "str", "application_date": "str"}),
        frozenset({"case_id"}), doc="Computes eligibility and the amounts, with the explanation."),
    "decision_document": Operation(
        decision_document, MappingProxyType({"case_id": "int", "decision_kind": "str", "amount": "str",
                                             "period_from": "str", "period_to": "str"}),
        frozenset({"case_id"}), doc="Re-checks, numbers and issues the approved decision."),
    "payment_schedule": Operation(
        payment_schedule, MappingProxyType({"case_id": "int", "benefit": "str", "amount": "str",
                                            "period_from": "str", "period_to": "str"}),
        frozenset({"case_id"}), doc="Makes the payment schedule of the final decision."),
    "open_revocation": Operation(
        open_revocation, MappingProxyType({"case_id": "int"}), frozenset({"case_id"}),
        doc="Opens a revoking decision of the grant (a review found it should not continue)."),
    "end_changed_grant": Operation(
        end_changed_grant, MappingProxyType({"case_id": "int"}), frozenset({"case_id"}),
        doc="Cancels the changed grant's planned months from a final revocation's date."),
})
HANDLERS: Mapping[str, Handler] = MappingProxyType(
    {name: op.handler for name, op in OPERATIONS.items()})
