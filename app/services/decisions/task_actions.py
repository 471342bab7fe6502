"""The decisions' case actions: each form, once completed, updates the decision records in the same
transaction (the draft, its approval, the delivery, the 6-monthly update, the procedural notices),
and the engine's reports are copied onto the decision (``sync_decision``). Registered with the
workflow registry by :mod:`app.services.decisions.registration`."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from types import MappingProxyType
from typing import Any, TypedDict

from app.domain import facts, kpa_appeals
from app.domain.decision_rules import DecisionDraft, check_decision
from app.domain.messages import Code, msg
from app.domain.money import MoneyRefused, parse_money
from app.domain.statuses import DecisionStatus
from app.persistence.models import Case, Decision, HumanTask, Interview, ProcessInstance
from app.services.cases.task_actions import received_on
from app.services.decisions import procedure_actions
from app.services.decisions.decision_document import BENEFITS
from app.services.decisions.decision_records import (
    decision_violations,
    event,
    first_benefit_month,
    latest_decision,
    latest_eligibility,
    legal_range,
    next_decision_number,
    party_heard,
    self_correction_demand,
)
from app.services.documents.office import office, signer
from app.services.kernel.context import Actor, UnitOfWork
from app.services.kernel.errors import Conflict, ValidationFailed
from app.services.kernel.task_input import day, refuse_if, today
from app.services.provision import scope as provision_scope
from app.services.workflow.registry import Action, fields

DRAFT_MESSAGE = msg(Code.DRAFT_UNLAWFUL)
APPROVAL_MESSAGE = msg(Code.APPROVAL_UNLAWFUL)


def _money(value: Any) -> Decimal | None:
    """The form's amount (a decimal string its schema checked), or None when there is none."""
    if value is None or value == "":
        return None
    try:
        return parse_money(value)
    except MoneyRefused:
        return None


def _draft(uow: UnitOfWork, actor: Actor, inst: ProcessInstance, ht: HumanTask,
           data: dict[str, Any]) -> None:
    # Kept: mirroring the next task (the approval) reads the case again.
    case = uow.keep(uow.session.get(Case, ht.case_id))
    assert case is not None
    eligibility = latest_eligibility(uow, ht.case_id)
    kind = data["decision_kind"]
    refusal = kind == "refusal"
    # Always set, so the diagram's "enforceable at once" gateway can read it (art. 108 KPA).
    data["immediate_enforcement"] = bool(data.get("immediate_enforcement"))
    draft = DecisionDraft(
        benefit=case.benefit, kind=kind,
        amount=Decimal("0") if refusal else _money(data.get("amount")),
        period_from=None if refusal else day(data.get("period_from")),
        period_to=None if refusal else day(data.get("period_to")),
        justification=data.get("justification") or "",
        amount_reason=data.get("amount_reason") or "",
        purpose=data.get("purpose") or "",
        immediate_enforcement=bool(data.get("immediate_enforcement")),
        immediate_enforcement_reason=(data.get("immediate_enforcement_reason") or "").strip()
        if data.get("immediate_enforcement") else "",
        **({} if refusal else _return_terms(data)),
    )
    violations = check_decision(draft, legal_range(eligibility), first_benefit_month(uow, case.id))
    # A draft made after the party commented on the evidence answers it (art. 107 § 3 KPA).
    heard = party_heard(uow, case.id)
    comments_answer = str(data.get("comments_answer") or "").strip() if heard.comments else ""
    violations += facts.check_comments_answered(kind, heard.comments_on, comments_answer)
    demand = self_correction_demand(uow, case.id)
    if demand is not None:
        # Art. 132 § 1 KPA: after a self-correction the new decision grants the appeal in full.
        violations += kpa_appeals.draft_violations(demand, kind, draft.amount, draft.period_from,
                                                   draft.period_to)
    refuse_if(violations, DRAFT_MESSAGE)
    earlier = latest_decision(uow, case.id) if heard.comments else None
    if earlier is not None and earlier.status == DecisionStatus.DRAFT:
        # The draft made before the party commented is superseded by this one.
        earlier.status = DecisionStatus.RETURNED
        earlier.return_comment = earlier.return_comment or (
            "Projekt zastąpiony nowym projektem po wypowiedzi strony (art. 10 § 1 KPA).")
    decision = Decision(
        case_id=ht.case_id, kind=kind, benefit=case.benefit, amount=draft.amount or Decimal("0"),
        period_from=draft.period_from, period_to=draft.period_to,
        justification=draft.justification, amount_reason=draft.amount_reason,
        purpose=draft.purpose, eligibility_id=eligibility.id if eligibility else None,
        status=DecisionStatus.DRAFT, drafted_by_id=actor.id, drafted_at=uow.ctx.now(),
        immediate_enforcement=draft.immediate_enforcement,
        immediate_enforcement_reason=draft.immediate_enforcement_reason,
        comments_answer=comments_answer if kind != "grant" else "",
        return_kind=draft.return_kind, return_amount=draft.return_amount,
        return_instalments=draft.return_instalments, return_first_due=draft.return_first_due,
    )
    uow.session.add(decision)
    # A meal or a service: its scope (and a service's fee) is recorded with the draft.
    provision_scope.record(uow, decision, data)


class ReturnTerms(TypedDict, total=False):
    """The draft's fields of a return (none of them when the grant is not returned)."""

    return_kind: str
    return_amount: Decimal | None
    return_instalments: int | None
    return_first_due: date | None


def _return_terms(data: dict[str, Any]) -> ReturnTerms:
    """The return a grant sets (art. 41 pkt 2, art. 40 ust. 3 u.p.s.): none unless named; a
    part's amount only for a part."""
    kind = data.get("return_kind") or "none"
    if kind == "none":
        return {}
    count = data.get("return_instalments")
    return {"return_kind": kind,
            "return_amount": _money(data.get("return_amount")) if kind == "part" else None,
            "return_instalments": count if isinstance(count, int) else None,
            "return_first_due": day(data.get("return_first_due"))}


def _approve(uow: UnitOfWork, actor: Actor, inst: ProcessInstance, ht: HumanTask,
             data: dict[str, Any]) -> None:
    decision = latest_decision(uow, ht.case_id)
    # The four-eyes rule is enforced for every task with `four_eyes_of` in worklist.complete.
    if decision is None or decision.status != DecisionStatus.DRAFT:
        raise Conflict(msg(Code.NO_DRAFT_TO_APPROVE))
    if data["approval"] == "approve":
        # Signing re-checks the law: a draft saved before a rule existed, or edited since,
        # is not signed; the supervisor returns it instead.
        refuse_if(decision_violations(uow, decision), APPROVAL_MESSAGE)
        # The signer acts for the body under an authorisation (art. 110 ust. 7-8 u.p.s., art. 20
        # u.ś.r.): one who holds none for this act today is told now, not by a failed issue.
        if office(uow) is None or signer(uow, actor.id, BENEFITS[decision.benefit].act,
                                         today(uow)) is None:
            raise ValidationFailed(msg(Code.SIGNER_UNAUTHORISED),
                                   {"approval": msg(Code.SIGNER_UNAUTHORISED)})
        decision.status = DecisionStatus.APPROVED
        decision.approved_by_id = actor.id
        decision.approved_at = uow.ctx.now()
        # The number is given at signature, in the order of signature.
        if decision.number is None:
            decision.number = next_decision_number(uow, today(uow).year)
    else:
        decision.status = DecisionStatus.RETURNED
        decision.return_comment = data.get("approval_comment", "")


def _delivery(uow: UnitOfWork, actor: Actor, inst: ProcessInstance, ht: HumanTask,
              data: dict[str, Any]) -> None:
    decision = latest_decision(uow, ht.case_id)
    issued_on = decision.issued_on if decision is not None else None
    if data["delivery_mode"] == "delivered":
        refuse_if(facts.check_delivery("delivered_on", day(data.get("delivered_on")),
                                        issued_on, today(uow)))
    else:
        refuse_if(facts.check_delivery("first_notice_on", day(data.get("first_notice_on")),
                                        issued_on, today(uow)))
    if decision is None:
        return
    # Only the party's facts are recorded here; the delivery date (deemed after a notice) is
    # computed once, by the diagram's script with the domain's rule, and recorded from the
    # engine's data (sync_from_workflow).
    decision.delivery_mode = data["delivery_mode"]


def _interview_update(uow: UnitOfWork, actor: Actor, inst: ProcessInstance, ht: HumanTask,
                      data: dict[str, Any]) -> None:
    refuse_if(facts.check_interview("update_interview_on", day(data.get("update_interview_on")),
                                     received_on(uow, ht.case_id), today(uow)))
    uow.session.add(Interview(
        case_id=ht.case_id, kind="update", conducted_on=day(data.get("update_interview_on")),
        findings=data.get("update_notes", ""), caseworker_id=actor.id, created_at=uow.ctx.now(),
    ))
    if not data.get("continue_benefit", True):
        # A benefit never stops without a decision (art. 106 ust. 5 u.p.s.): the review's
        # diagram opens a revoking decision (operation ``open_revocation``); payments run until
        # it is final. Only the finding is recorded here.
        event(uow, actor, ht.case_id, None, "review_ends_benefit",
                      day(data.get("update_interview_on")) or today(uow),
                      data.get("update_notes") or "")


def sync_decision(uow: UnitOfWork, case_id: int, wf_data: dict[str, Any]) -> None:
    """Record on the decision what the engine reports; the service computes none of it.

    The diagram's scripts compute the delivery date (deemed 14 days after a notice, art. 44 KPA)
    and finality (a waiver, or the appeal window lapsing) with the domain's rules; this only
    copies their results, after every engine step that changes them.
    """
    decision = latest_decision(uow, case_id)
    if decision is None:
        return
    delivered = day(wf_data.get("delivered_on"))
    if delivered is not None and decision.delivery_mode and decision.delivered_on != delivered:
        decision.delivered_on = delivered
    # A decision whose finality was undone (an appeal posted in time arrived after the timer)
    # or that the SKO quashed keeps that status, though the workflow once reported it final.
    if wf_data.get("decision_final") and wf_data.get("final_on") and decision.final_on is None \
            and decision.status not in (DecisionStatus.APPEALED, DecisionStatus.QUASHED,
                                        DecisionStatus.CHANGED):
        decision.final_on = day(wf_data["final_on"])
        decision.status = DecisionStatus.FINAL


ACTIONS: Mapping[str, Action] = MappingProxyType({
    "draft_decision": Action(
        _draft, fields(decision_kind="string", amount="string", period_from="string",
                        period_to="string", justification="string", amount_reason="string",
                        purpose="string", immediate_enforcement="boolean",
                        immediate_enforcement_reason="string", comments_answer="string",
                        return_kind="string", return_amount="string",
                        return_instalments="integer", return_first_due="string"),
        frozenset({"decision_kind"}), essential=True,
        doc="Saves the draft decision after the decision rules pass."),
    "approve_decision": Action(
        _approve, fields(approval="string", approval_comment="string"),
        frozenset({"approval"}), essential=True, four_eyes_of="draft_decision", role="supervisor",
        doc="Approves (numbers) or returns the draft; never by the person who drafted it."),
    "record_delivery": Action(
        _delivery, fields(delivery_mode="string", delivered_on="string", first_notice_on="string"),
        frozenset({"delivery_mode"}), essential=True,
        doc="Records the delivery of the decision."),
    "interview_update": Action(
        _interview_update, fields(update_interview_on="string", continue_benefit="boolean",
                                   update_notes="string"),
        frozenset({"update_interview_on"}),
        doc="Records the 6-monthly interview update (a benefit that ends needs a decision)."),
    "art10_notice": Action(
        procedure_actions.art10_notice, fields(notice_served_on="string", notice_sent_on="string",
                                               notice_first_notice_on="string",
                                               comment_days="integer"),
        frozenset({"notice_served_on", "comment_days"}),
        doc="Records the art. 10 § 1 / 79a KPA notice before a refusal or partial grant."),
    "party_comments": Action(
        procedure_actions.party_comments, fields(comments_made="boolean",
                                                comments_received_on="string",
                                                party_comments="string"),
        frozenset({"comments_made"}),
        doc="Records the party's comments on the evidence (or none)."),
    "art36_notice": Action(
        procedure_actions.art36_notice, fields(new_decision_date="string", delay_reason="string"),
        frozenset({"new_decision_date", "delay_reason"}),
        doc="Records the new decision date and its reason (art. 36 KPA)."),
})
