"""The decisions' service operations: eligibility, the decision document, and opening or ending a
revocation. Registered with the workflow registry by :mod:`app.services.decisions.registration`."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from types import MappingProxyType

from sqlalchemy import select
from sqlalchemy.orm import joinedload

from app.domain.deadlines import today_in_warsaw
from app.domain.eligibility import calculate
from app.domain.income import IncomeItem, Member
from app.domain.member_facts import BIRTH_FACTS
from app.domain.messages import Code, msg
from app.domain.reasons import CARE_FACTS
from app.domain.statuses import CaseKind, DecisionStatus
from app.domain.views import JsonView
from app.persistence.models import (
    Case,
    Decision,
    EligibilityResult,
    Household,
    Income,
    Job,
)
from app.services.decisions.decision_changes import end_changed_grant, open_revocation
from app.services.decisions.decision_document import BENEFITS, render_decision
from app.services.decisions.decision_records import (
    decision_violations,
    first_benefit_month,
    next_decision_number,
)
from app.services.decisions.recorded_benefits import carer_benefits_held
from app.services.documents import document_store
from app.services.documents.office import AUTHORISATION_BASIS, office, signer
from app.services.kernel.context import UnitOfWork
from app.services.kernel.errors import ServiceError
from app.services.workflow.registry import Operation


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
    # The carer's benefits the centre granted them, beside what the application declares.
    held = carer_benefits_held(uow, (m.person_id for m in case.household.members), on,
                               besides=case.id)
    return [
        Member(
            age=_age(m.person.birth_date, on), unable_to_work=m.unable_to_work,
            incomes=incomes.get(m.person_id, []),
            other_benefits=list(dict.fromkeys([*(m.other_benefits or []),
                                               *held.get(m.person_id, [])])),
            disabled=m.disabled, alimony_awarded=m.alimony_awarded,
            sex=m.person.sex, child=(m.relation == "child") if m.position else False,
            relation=m.relation, in_school=m.in_school,
            disability_certificate=m.disability_certificate,
            in_higher_school=m.in_higher_school,
            severe_disability_certificate=m.severe_disability_certificate,
            **{fact: getattr(m, fact) for fact in CARE_FACTS},
            **{fact: getattr(m, fact) for fact in BIRTH_FACTS},
            born_on=m.person.birth_date,
            applied_on=case.application.received_on if case.application and not m.position
            else None,
        )
        for m in case.household.members
    ]


@dataclass(frozen=True, eq=False)
class EligibilityComputed(JsonView):
    """The eligibility operation's workflow variables: the outcome and the kept result's id."""

    eligible: bool
    proposed_amount: Decimal
    min_amount: Decimal
    max_amount: Decimal
    eligibility_id: int


@dataclass(frozen=True, eq=False)
class DecisionIssued(JsonView):
    """The decision_document operation's workflow variables: the issued decision and its PDF."""

    decision_id: int
    decision_number: str | None
    document_id: int


def eligibility(uow: UnitOfWork, job: Job) -> EligibilityComputed:
    """Compute eligibility with the domain package and keep the explanation."""
    # The case with its application, household and members (each with the person) in one
    # statement: the calculation reads all of them.
    case = uow.keep(uow.session.scalars(
        select(Case).where(Case.id == job.case_id)
        .options(joinedload(Case.application), joinedload(Case.household).joinedload(Household.members))
        .execution_options(populate_existing=True)).unique().one())
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
    return EligibilityComputed(
        eligible=result.eligible, proposed_amount=_cents(result.amount),
        min_amount=_cents(result.min_amount), max_amount=_cents(result.max_amount),
        eligibility_id=row.id)


def _cents(amount: Decimal) -> Decimal:
    """An amount as the process receives it: to the grosz, as ``money_str`` writes it."""
    return amount.quantize(Decimal("0.01"))


def drafted_decision(uow: UnitOfWork, case_id: int) -> Decision:
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


def decision_document(uow: UnitOfWork, job: Job) -> DecisionIssued:
    """Re-check the approved decision, then issue it: the PDF document (art. 107 KPA), stored
    once with its hash. Refused, visibly, when the body is not configured or the signer holds no
    authorisation for the decision's act valid on the day of issue."""
    decision = drafted_decision(uow, job.case_id)
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
    return DecisionIssued(decision_id=decision.id, decision_number=decision.number,
                          document_id=stored.id)


OPERATIONS: Mapping[str, Operation] = MappingProxyType({
    "eligibility": Operation(
        eligibility, MappingProxyType({"case_id": "int", "benefit": "str", "application_date": "str"}),
        frozenset({"case_id"}), doc="Computes eligibility and the amounts, with the explanation."),
    "decision_document": Operation(
        decision_document, MappingProxyType({"case_id": "int", "decision_kind": "str", "amount": "str",
                                             "period_from": "str", "period_to": "str"}),
        frozenset({"case_id"}), doc="Re-checks, numbers and issues the approved decision."),
    "open_revocation": Operation(
        open_revocation, MappingProxyType({"case_id": "int"}), frozenset({"case_id"}),
        doc="Opens a revoking decision of the grant (a review found it should not continue)."),
    "end_changed_grant": Operation(
        end_changed_grant, MappingProxyType({"case_id": "int"}), frozenset({"case_id"}),
        doc="Cancels the changed grant's planned months from a final revocation's date."),
})
