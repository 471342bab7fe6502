"""Amounts owed that a benefit decision itself creates, kept in the recovery ledger beside undue
benefits (one ledger of what a person owes the centre):

* the costs of a funeral the gmina arranged (art. 44 u.p.s.): returned from the funeral allowance
  due after the deceased or from the estate (art. 96 ust. 3). READING: the claim is kept under
  the case's party (the person who asked for the funeral), its fact naming the deceased; the
  ledger holds persons of the register, and the estate is not one.
* aid granted on condition of its return (art. 41 pkt 2 u.p.s.; art. 40 ust. 3), for the amount
  and on the terms the decision sets.

Either is a claim with no undue payment behind it: its principal is the amount the decision
names, owed from the day the decision was issued; social assistance bears no interest.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy import select

from app.domain import benefits
from app.domain import recovery as rules
from app.domain.returnable_aid import granted_total, repayment_plan, returned_amount
from app.domain.statuses import DecisionKind, RecoveryStatus
from app.persistence.models import Case, Decision, Recovery, RecoveryInstalment
from app.services.kernel import audit
from app.services.kernel.context import UnitOfWork

FUNERAL_COSTS = "funeral_costs"
RETURNABLE_AID = "returnable_aid"
# The provision each claim rests on (shown with the claim).
CLAIM_ARTICLES = {FUNERAL_COSTS: "art. 96 ust. 3 u.p.s.", RETURNABLE_AID: "art. 41 pkt 2 u.p.s."}
# A decision on the claim: its ground in words and its provisions (before the act's name).
# READING: the claim is enforced in administrative enforcement under art. 104 ust. 1 u.p.s.
CLAIM_PL = {
    FUNERAL_COSTS: "wydatki na sprawienie pogrzebu, podlegające zwrotowi z zasiłku pogrzebowego "
                   "przysługującego po osobie zmarłej albo z masy spadkowej",
    RETURNABLE_AID: "pomoc przyznana pod warunkiem zwrotu części lub całości jej kwoty",
}
CLAIM_BASIS = {FUNERAL_COSTS: "art. 44, art. 96 ust. 3 i art. 104 ust. 1",
               RETURNABLE_AID: "art. 41 pkt 2 i art. 104 ust. 1"}


def owed_by_decision(decision: Decision) -> tuple[str, Decimal] | None:
    """The claim a granting decision creates (its ground and amount), or None."""
    entry = benefits.find(decision.benefit)
    if entry is None or decision.kind == DecisionKind.REFUSAL or not decision.amount:
        return None
    if entry.paid_to != "party":
        return FUNERAL_COSTS, decision.amount
    total = granted_total(decision.benefit, decision.amount, decision.period_from,
                          decision.period_to)
    returned = returned_amount(decision.return_kind, total, decision.return_amount)
    if returned > 0:
        return RETURNABLE_AID, returned
    return None


def plan_of(decision: Decision, owed: Decimal) -> list[tuple[date, Decimal]]:
    """The instalments the decision set for the return (none for the funeral costs)."""
    if decision.return_kind == "none" or not decision.return_instalments \
            or decision.return_first_due is None:
        return []
    return repayment_plan(owed, decision.return_instalments, decision.return_first_due)


def claim_items(rec: Recovery) -> list[rules.Item]:
    """A decided claim's one item (no payment behind it): the principal, owed from the day it
    was recorded. Empty for a finding of undue payments (its items are the payments)."""
    if rec.ground not in CLAIM_ARTICLES or rec.items:
        return []
    return [rules.Item(0, rec.found_on, rec.principal)]


def record_claim(uow: UnitOfWork, decision: Decision, on: date) -> int | None:
    """Record the claim the decision creates (once per decision), returning its id, or None."""
    owed = owed_by_decision(decision)
    if owed is None:
        return None
    ground, amount = owed
    fact = f"{decision.number or decision.id}: {decision.purpose.strip()}"[:2000]
    s = uow.session
    found = s.scalar(select(Recovery.id).where(Recovery.case_id == decision.case_id,
                                               Recovery.ground == ground,
                                               Recovery.fact == fact))
    if found is not None:
        return int(found)
    case = s.get(Case, decision.case_id)
    assert case is not None
    plan = plan_of(decision, amount) if ground == RETURNABLE_AID else []
    rec = Recovery(case_id=case.id, person_id=case.applicant_id, benefit=decision.benefit,
                   act=rules.act_of(decision.benefit), ground=ground, legal_ground=None,
                   fact=fact, learned_on=None, notice_override="", found_on=on,
                   found_by_id=decision.approved_by_id or decision.drafted_by_id,
                   principal=amount, status=RecoveryStatus.FOUND,
                   repay_by=plan[-1][0] if plan else None)
    s.add(rec)
    s.flush()
    s.add_all(RecoveryInstalment(recovery_id=rec.id, decision_id=None, due_on=due, amount=part)
              for due, part in plan)
    audit.record(uow, "recovery.claimed", rec.found_by_id, case.id, recovery_id=rec.id,
                 ground=ground, decision_id=decision.id)
    return rec.id
