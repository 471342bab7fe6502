"""Decision records: the legal range a decision must keep, its re-check, its number, and the
first benefit month whose parameters apply. Used by the task hooks and the job handlers."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from app.domain import benefit_months, facts, kpa_appeals
from app.domain.decision_rules import DecisionDraft, LegalRange, check_decision
from app.domain.statuses import CaseKind
from app.domain.violations import Violation
from app.persistence.models import (
    Appeal,
    Case,
    Decision,
    DecisionEvent,
    DecisionNumberSequence,
    EligibilityResult,
)
from app.services.kernel.context import Actor, UnitOfWork


def first_benefit_month(uow: UnitOfWork, case_id: int) -> date:
    """The first month a benefit of the case may be granted for, and whose parameters apply.

    Art. 106 ust. 3 u.p.s.: the month the application was received, or the later month the
    party asked for (the benefit period of zasiłek rodzinny or FA; see
    :func:`app.domain.benefit_months.first_benefit_month`). A case opened to change a running
    grant starts at the change (``effective_from``).
    """
    case = uow.session.get(Case, case_id)
    assert case is not None
    if case.kind == CaseKind.CHANGE and case.effective_from is not None:
        return case.effective_from.replace(day=1)
    row = case.application  # the whole row, kept with the case for the task's other reads
    received, requested = (row.received_on, row.requested_from) if row else (case.opened_on, None)
    return benefit_months.first_benefit_month(case.benefit, received, requested)


def legal_range(row: EligibilityResult | None) -> LegalRange | None:
    """The legal range a decision must keep, from a stored eligibility result."""
    if row is None:
        return None
    span = (row.result or {}).get("range") or {}
    return LegalRange(eligible=row.eligible, amount=row.amount, min_amount=row.min_amount,
                      max_amount=row.max_amount,
                      unbounded=bool(span) and span.get("max") is None,
                      returnable=str(span.get("returnable") or "no"))


def latest_eligibility(uow: UnitOfWork, case_id: int) -> EligibilityResult | None:
    return uow.session.scalars(
        select(EligibilityResult).where(EligibilityResult.case_id == case_id)
        .order_by(EligibilityResult.id.desc())
    ).first()


def decision_violations(uow: UnitOfWork, decision: Decision) -> list[Violation]:
    """Re-check a stored decision against the law (before signature and before issue)."""
    draft = DecisionDraft(
        benefit=decision.benefit, kind=decision.kind, amount=decision.amount,
        period_from=decision.period_from, period_to=decision.period_to,
        justification=decision.justification or "", amount_reason=decision.amount_reason or "",
        purpose=decision.purpose or "", return_kind=decision.return_kind or "none",
        return_amount=decision.return_amount, return_instalments=decision.return_instalments,
        return_first_due=decision.return_first_due,
    )
    row = decision.eligibility or latest_eligibility(uow, decision.case_id)
    out = check_decision(draft, legal_range(row), first_benefit_month(uow, decision.case_id))
    demand = self_correction_demand(uow, decision.case_id)
    if demand is not None:
        out += kpa_appeals.draft_violations(demand, decision.kind, decision.amount,
                                            decision.period_from, decision.period_to)
    heard = party_heard(uow, decision.case_id, before=decision.id)
    out += facts.check_comments_answered(decision.kind, heard.comments_on,
                                         decision.comments_answer or "")
    return out


@dataclass(frozen=True)
class PartyHeard:
    """The art. 10 notice of the case's current round (since its last issued decision) and the
    comments the party made on it: ``notice`` and ``comments`` are decision events."""

    notice: DecisionEvent | None
    comments: tuple[DecisionEvent, ...]

    @property
    def comments_on(self) -> date | None:
        """The day the latest comments were received; None when the party made none."""
        return self.comments[-1].on if self.comments else None


def party_heard(uow: UnitOfWork, case_id: int, before: int | None = None) -> PartyHeard:
    """What the party was told under art. 10 § 1 KPA in this round, and what it said
    (``before``: only events recorded before the decision of that id was drafted)."""
    # One statement: the round begins after the last decision issued (before ``before``).
    issued = select(func.max(Decision.id)).where(Decision.case_id == case_id,
                                                 Decision.issued_on.is_not(None))
    if before is not None:
        issued = issued.where(Decision.id < before)
    query = select(DecisionEvent).where(
        DecisionEvent.case_id == case_id,
        DecisionEvent.kind.in_(("art10_notice", "party_comments")),
        DecisionEvent.decision_id > func.coalesce(issued.scalar_subquery(), 0))
    if before is not None:
        query = query.where(DecisionEvent.decision_id < before)
    rows = list(uow.session.scalars(query.order_by(DecisionEvent.id)))
    notices = [r for r in rows if r.kind == "art10_notice"]
    return PartyHeard(notices[0] if notices else None,
                      tuple(r for r in rows if r.kind == "party_comments"))


def next_decision_number(uow: UnitOfWork, year: int) -> str:
    """The next decision number of the year (DEC/2026/00001), given at signature.

    One atomic upsert on the year's counter, as case numbers are allocated: concurrent
    signatures queue on the row, so numbers follow the order of signature without gaps.
    """
    insert = sqlite_insert if uow.ctx.db.is_sqlite else pg_insert
    stmt = (
        insert(DecisionNumberSequence)
        .values(year=year, last=1)
        .on_conflict_do_update(
            index_elements=[DecisionNumberSequence.year],
            set_={"last": DecisionNumberSequence.last + 1},
        )
        .returning(DecisionNumberSequence.last)
    )
    last = uow.session.execute(stmt).scalar_one()
    return f"DEC/{year}/{last:05d}"


def latest_decision(uow: UnitOfWork, case_id: int) -> Decision | None:
    return uow.session.scalars(
        select(Decision).where(Decision.case_id == case_id).order_by(Decision.id.desc())
    ).first()


def self_correction_demand(uow: UnitOfWork, case_id: int) -> kpa_appeals.Demand | None:
    """The demand a new draft of this case must grant in full: the case's own decision was
    self-corrected in its process, or this is the re-examination case a self-correction from
    the case file opened; none once a decision of the case has been issued since."""
    s = uow.session
    appeal = s.scalars(select(Appeal).where(
        Appeal.self_corrected_on.is_not(None), Appeal.in_full_confirmed,
        (Appeal.follow_up_case_id == case_id)
        | ((Appeal.case_id == case_id) & Appeal.follow_up_case_id.is_(None)))
        .order_by(Appeal.id.desc())).first()
    if appeal is None:
        return None
    issued_since = s.scalar(select(Decision.id).where(
        Decision.case_id == case_id, Decision.issued_on.is_not(None),
        Decision.id > (appeal.decision_id if appeal.case_id == case_id else 0)).limit(1))
    if issued_since is not None:
        return None
    return kpa_appeals.Demand(appeal.demand_text, appeal.demand_amount, appeal.demand_from,
                              appeal.demand_to)


def event(uow: UnitOfWork, actor: Actor | None, case_id: int, decision_id: int | None, kind: str,
          on: date, reason: str = "", **detail: Any) -> None:
    """Record a fact in the decision's life (shown in the case file)."""
    amount = detail.pop("amount", None)
    uow.session.add(DecisionEvent(
        case_id=case_id, decision_id=decision_id, kind=kind, on=on, reason=reason, amount=amount,
        detail=detail, actor_id=actor.id if actor else None, created_at=uow.ctx.now()))
