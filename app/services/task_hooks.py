"""Keeping case records in step with the workflow: each form, once completed, updates the
domain tables (application, interview, decision, schedule) in the same transaction."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from types import MappingProxyType
from typing import Any

from sqlalchemy import delete, select

from app.domain import facts, kpa_appeals
from app.domain.deadlines import today_in_warsaw
from app.domain.decision_rules import DecisionDraft, check_decision
from app.domain.income import EXCLUDED_KINDS
from app.domain.messages import Code, msg
from app.domain.statuses import DecisionStatus, TaskStatus
from app.domain.violations import Violation, by_field
from app.persistence.models import (
    Application,
    Case,
    Decision,
    HumanTask,
    Income,
    Interview,
    ProcessInstance,
)

from . import appeals, letters, lifecycle_hooks
from .context import Actor, UnitOfWork
from .decision_records import (
    decision_violations,
    first_benefit_month,
    latest_decision,
    latest_eligibility,
    legal_range,
    next_decision_number,
    self_correction_demand,
)
from .documents import BENEFITS
from .errors import Conflict, ValidationFailed
from .interview_records import (
    check_member_rows,
    counted,
    declared_by_person,
    main_kind,
    net,
)
from .json_input import iso_date
from .office import office, signer

Hook = Callable[[UnitOfWork, Actor, ProcessInstance, HumanTask, dict[str, Any]], None]

class RuleViolated(ValidationFailed):
    """A submission breaks a rule of law or of the facts: 422, each rule with code and article.

    ``errors`` maps the fields to the message of their rule (the form shows it beside the
    field); the API body also lists ``violations`` (code, field, article, message, params).
    """

    def __init__(self, message: str, violations: list[Violation]) -> None:
        super().__init__(message, by_field(violations))
        self.violations = violations
        self.extra = {"violations": [v.as_dict() for v in violations]}


FACTS_MESSAGE = msg(Code.FACTS_DISAGREE)
DRAFT_MESSAGE = msg(Code.DRAFT_UNLAWFUL)
APPROVAL_MESSAGE = msg(Code.APPROVAL_UNLAWFUL)


def _refuse_if(violations: list[Violation], message: str = FACTS_MESSAGE) -> None:
    if violations:
        raise RuleViolated(message, violations)


def _day(value: Any) -> date | None:
    """A task form's date through the one strict parser (no week dates such as "2026-W10-1",
    which ``date.fromisoformat`` reads): anything else counts as missing."""
    return iso_date(value)


def _today(uow: UnitOfWork) -> date:
    return today_in_warsaw(uow.ctx.now())


def _application(uow: UnitOfWork, case_id: int) -> Application | None:
    return uow.session.scalar(select(Application).where(Application.case_id == case_id))


def _received_on(uow: UnitOfWork, case_id: int) -> date | None:
    return uow.session.scalar(select(Application.received_on).where(Application.case_id == case_id))


def _completeness(uow: UnitOfWork, actor: Actor, inst: ProcessInstance, ht: HumanTask,
                  data: dict[str, Any]) -> None:
    _refuse_if(facts.check_completeness(bool(data.get("complete")), data.get("missing_items")))
    app = _application(uow, ht.case_id)
    if app is not None:
        app.complete = bool(data.get("complete"))
        app.notes = data.get("missing_items") or ""


def _supplement_request(uow: UnitOfWork, actor: Actor, inst: ProcessInstance, ht: HumanTask,
                         data: dict[str, Any]) -> None:
    _refuse_if(facts.check_supplement_request(
        "supplement_served_on", _day(data.get("supplement_served_on")),
        _received_on(uow, ht.case_id), _today(uow)))
    if data.get("supplement_items") and data.get("supplement_days"):
        # The call itself (art. 64 § 2 KPA), issued as a document of the case.
        letters.issue(uow, ht.case_id, "supplement_call", actor.id,
                      items=data["supplement_items"], days=data["supplement_days"])


def _supplement(uow: UnitOfWork, actor: Actor, inst: ProcessInstance, ht: HumanTask,
                data: dict[str, Any]) -> None:
    request = uow.session.scalars(
        select(HumanTask.result).where(
            HumanTask.instance_id == ht.instance_id, HumanTask.action == "request_supplement",
            HumanTask.status == TaskStatus.COMPLETED,
        ).order_by(HumanTask.id.desc())
    ).first()
    result: dict[str, Any] = dict(request or {})
    served_on = _day(result.get("supplement_served_on"))
    _refuse_if(facts.check_supplement(
        "supplement_received_on", _day(data.get("supplement_received_on")), served_on,
        _today(uow)))


def _interview(uow: UnitOfWork, actor: Actor, inst: ProcessInstance, ht: HumanTask,
               data: dict[str, Any]) -> None:
    case = uow.session.get(Case, ht.case_id)
    assert case is not None
    members = case.household.members
    rows = list(data.get("verified_incomes") or [])
    _refuse_if(facts.check_interview("interview_on", _day(data.get("interview_on")),
                                     _received_on(uow, ht.case_id), _today(uow))
               + check_member_rows(rows, len(members)))
    uow.session.add(Interview(
        case_id=ht.case_id, kind="initial", conducted_on=_day(data.get("interview_on")),
        findings=data.get("findings", ""), help_plan=data.get("help_plan", ""),
        caseworker_id=actor.id, created_at=uow.ctx.now(),
    ))
    # The declared rows stay as declared; the interview writes its own verified rows (a repeated
    # interview replaces the earlier verification), so the file shows both side by side.
    uow.session.execute(delete(Income).where(Income.case_id == ht.case_id, Income.verified.is_(True)))
    declared = declared_by_person(uow, ht.case_id)
    month = uow.session.scalar(select(Income.month).where(Income.case_id == ht.case_id)) \
        or case.opened_on.replace(day=1)
    for item in rows:
        person_id = members[item["member_index"]].person_id
        items = declared.get(person_id, [])
        amount = Decimal(item["net_income"])
        kind = item.get("kind") or main_kind(items)
        unchanged = amount == sum((net(i) for i in counted(items)), Decimal("0")) \
            and kind == main_kind(items)
        # Items that are not income (800+, benefits in kind …) are confirmed as declared; the
        # counted income is confirmed item by item when unchanged, else as one verified amount.
        keep = items if unchanged else [i for i in items if i.kind in EXCLUDED_KINDS]
        for inc in keep:
            uow.session.add(Income(
                case_id=ht.case_id, person_id=person_id, month=inc.month, kind=inc.kind,
                amount=inc.amount, tax=inc.tax, contributions=inc.contributions, costs=inc.costs,
                one_off=inc.one_off, verified=True))
        if not unchanged and (amount or items):
            uow.session.add(Income(case_id=ht.case_id, person_id=person_id, month=month,
                                   kind=kind, amount=amount, verified=True))


def _money(value: Any) -> Decimal | None:
    if value is None or value == "":
        return None
    try:
        return Decimal(str(value))
    except ArithmeticError:
        return None


def _draft(uow: UnitOfWork, actor: Actor, inst: ProcessInstance, ht: HumanTask,
           data: dict[str, Any]) -> None:
    case = uow.session.get(Case, ht.case_id)
    assert case is not None
    eligibility = latest_eligibility(uow, ht.case_id)
    kind = data["decision_kind"]
    refusal = kind == "refusal"
    # Always set, so the diagram's "enforceable at once" gateway can read it (art. 108 KPA).
    data["immediate_enforcement"] = bool(data.get("immediate_enforcement"))
    draft = DecisionDraft(
        benefit=case.benefit, kind=kind,
        amount=Decimal("0") if refusal else _money(data.get("amount")),
        period_from=None if refusal else _day(data.get("period_from")),
        period_to=None if refusal else _day(data.get("period_to")),
        justification=data.get("justification") or "",
        amount_reason=data.get("amount_reason") or "",
        purpose=data.get("purpose") or "",
        immediate_enforcement=bool(data.get("immediate_enforcement")),
        immediate_enforcement_reason=(data.get("immediate_enforcement_reason") or "").strip()
        if data.get("immediate_enforcement") else "",
    )
    violations = check_decision(draft, legal_range(eligibility), first_benefit_month(uow, case.id))
    demand = self_correction_demand(uow, case.id)
    if demand is not None:
        # Art. 132 § 1 KPA: after a self-correction the new decision grants the appeal in full.
        violations += kpa_appeals.draft_violations(demand, kind, draft.amount, draft.period_from,
                                                   draft.period_to)
    _refuse_if(violations, DRAFT_MESSAGE)
    uow.session.add(Decision(
        case_id=ht.case_id, kind=kind, benefit=case.benefit, amount=draft.amount or Decimal("0"),
        period_from=draft.period_from, period_to=draft.period_to,
        justification=draft.justification, amount_reason=draft.amount_reason,
        purpose=draft.purpose, eligibility_id=eligibility.id if eligibility else None,
        status=DecisionStatus.DRAFT, drafted_by_id=actor.id, drafted_at=uow.ctx.now(),
        immediate_enforcement=draft.immediate_enforcement,
        immediate_enforcement_reason=draft.immediate_enforcement_reason,
    ))


def _approve(uow: UnitOfWork, actor: Actor, inst: ProcessInstance, ht: HumanTask,
             data: dict[str, Any]) -> None:
    decision = latest_decision(uow, ht.case_id)
    # The four-eyes rule is enforced for every task with `four_eyes_of` in worklist.complete.
    if decision is None or decision.status != DecisionStatus.DRAFT:
        raise Conflict(msg(Code.NO_DRAFT_TO_APPROVE))
    if data["approval"] == "approve":
        # Signing re-checks the law: a draft saved before a rule existed, or edited since,
        # is not signed; the supervisor returns it instead.
        _refuse_if(decision_violations(uow, decision), APPROVAL_MESSAGE)
        # The signer acts for the body under an authorisation (art. 110 ust. 7-8 u.p.s., art. 20
        # u.ś.r.): one who holds none for this act today is told now, not by a failed issue.
        if office(uow) is None or signer(uow, actor.id, BENEFITS[decision.benefit].act,
                                         _today(uow)) is None:
            raise ValidationFailed(msg(Code.SIGNER_UNAUTHORISED),
                                   {"approval": msg(Code.SIGNER_UNAUTHORISED)})
        decision.status = DecisionStatus.APPROVED
        decision.approved_by_id = actor.id
        decision.approved_at = uow.ctx.now()
        # The number is given at signature, in the order of signature.
        if decision.number is None:
            decision.number = next_decision_number(uow, _today(uow).year)
    else:
        decision.status = DecisionStatus.RETURNED
        decision.return_comment = data.get("approval_comment", "")


def _delivery(uow: UnitOfWork, actor: Actor, inst: ProcessInstance, ht: HumanTask,
              data: dict[str, Any]) -> None:
    decision = latest_decision(uow, ht.case_id)
    issued_on = decision.issued_on if decision is not None else None
    if data["delivery_mode"] == "delivered":
        _refuse_if(facts.check_delivery("delivered_on", _day(data.get("delivered_on")),
                                        issued_on, _today(uow)))
    else:
        _refuse_if(facts.check_delivery("first_notice_on", _day(data.get("first_notice_on")),
                                        issued_on, _today(uow)))
    if decision is None:
        return
    # Only the party's facts are recorded here; the delivery date (deemed after a notice) is
    # computed once, by the diagram's script with the domain's rule, and recorded from the
    # engine's data (sync_from_workflow).
    decision.delivery_mode = data["delivery_mode"]


def _appeal_window(uow: UnitOfWork, actor: Actor, inst: ProcessInstance, ht: HumanTask,
                   data: dict[str, Any]) -> None:
    decision = latest_decision(uow, ht.case_id)
    waiver = data["appeal_event"] == "waiver"
    _refuse_if(facts.check_appeal_event(
        "appeal_event_on", _day(data.get("appeal_event_on")), waiver,
        decision.issued_on if decision else None, decision.delivered_on if decision else None,
        _today(uow)))
    if decision is None:
        return
    if waiver:
        # Finality itself is the engine's to report (sync_from_workflow), as after a lapse.
        decision.appeal_outcome = "waived"
    else:
        # Dated by posting (art. 57 §5 KPA); the row follows the appeal to the SKO.
        appeals.record_in_window(uow, actor, decision, data)
        decision.status = DecisionStatus.APPEALED


def _handle_appeal(uow: UnitOfWork, actor: Actor, inst: ProcessInstance, ht: HumanTask,
                   data: dict[str, Any]) -> None:
    decision = latest_decision(uow, ht.case_id)
    if decision is not None:
        appeals.handled_in_task(uow, decision.id, data["appeal_action"], data)
        decision.appeal_outcome = data["appeal_action"]
        if data["appeal_action"] == "change_decision":
            decision.status = DecisionStatus.CHANGED


def _interview_update(uow: UnitOfWork, actor: Actor, inst: ProcessInstance, ht: HumanTask,
                      data: dict[str, Any]) -> None:
    _refuse_if(facts.check_interview("update_interview_on", _day(data.get("update_interview_on")),
                                     _received_on(uow, ht.case_id), _today(uow)))
    uow.session.add(Interview(
        case_id=ht.case_id, kind="update", conducted_on=_day(data.get("update_interview_on")),
        findings=data.get("update_notes", ""), caseworker_id=actor.id, created_at=uow.ctx.now(),
    ))
    if not data.get("continue_benefit", True):
        # A benefit never stops without a decision (art. 106 ust. 5 u.p.s.): the review's
        # diagram opens a revoking decision (operation ``open_revocation``); payments run until
        # it is final. Only the finding is recorded here.
        appeals.event(uow, actor, ht.case_id, None, "review_ends_benefit",
                      _day(data.get("update_interview_on")) or _today(uow),
                      data.get("update_notes") or "")


@dataclass(frozen=True)
class Action:
    """A case action: what a user task's form does to the case records when it completes.

    This is the contract between diagrams and code (see :mod:`app.services.contract`): a user task
    names its action in the extension property ``action``, never by its id, name or form name.
    ``fields`` are the form fields the hook reads, with their JSON type; ``required`` those the
    form must require. A deployable definition performs every ``essential`` action somewhere.
    ``four_eyes_of`` names the action whose performer may not perform this one.
    """

    hook: Hook
    fields: Mapping[str, str]
    required: frozenset[str]
    essential: bool = False
    four_eyes_of: str | None = None
    doc: str = ""
    # The role that must perform it whatever lane a diagram puts the task in (approval).
    role: str | None = None


def _fields(**types: str) -> Mapping[str, str]:
    return MappingProxyType(types)


ACTIONS: Mapping[str, Action] = MappingProxyType({
    "completeness_check": Action(
        _completeness, _fields(complete="boolean", missing_items="string"),
        frozenset({"complete"}), essential=True,
        doc="Records whether the application is complete (art. 64 § 2 KPA)."),
    "request_supplement": Action(
        _supplement_request, _fields(supplement_days="integer", supplement_served_on="string",
                                     supplement_items="string"),
        frozenset({"supplement_served_on"}),
        doc="Checks the date a request to supplement was served."),
    "record_supplement": Action(
        _supplement, _fields(supplement_received_on="string"),
        frozenset({"supplement_received_on"}),
        doc="Checks the date the supplement arrived against the request."),
    "conduct_interview": Action(
        _interview, _fields(interview_on="string", findings="string", help_plan="string",
                            verified_incomes="array"),
        frozenset({"interview_on", "verified_incomes"}), essential=True,
        doc="Records the community interview and the verified incomes."),
    "draft_decision": Action(
        _draft, _fields(decision_kind="string", amount="string", period_from="string",
                        period_to="string", justification="string", amount_reason="string",
                        purpose="string", immediate_enforcement="boolean",
                        immediate_enforcement_reason="string"),
        frozenset({"decision_kind"}), essential=True,
        doc="Saves the draft decision after the decision rules pass."),
    "approve_decision": Action(
        _approve, _fields(approval="string", approval_comment="string"),
        frozenset({"approval"}), essential=True, four_eyes_of="draft_decision", role="supervisor",
        doc="Approves (numbers) or returns the draft; never by the person who drafted it."),
    "record_delivery": Action(
        _delivery, _fields(delivery_mode="string", delivered_on="string", first_notice_on="string"),
        frozenset({"delivery_mode"}), essential=True,
        doc="Records the delivery of the decision."),
    "appeal_window": Action(
        _appeal_window, _fields(appeal_event="string", appeal_event_on="string",
                                appeal_posted_on="string", appeal_channel="string"),
        frozenset({"appeal_event"}), essential=True,
        doc="Records an appeal or its waiver."),
    "handle_appeal": Action(
        _handle_appeal, _fields(appeal_action="string", appeal_comment="string",
                                appeal_in_full="boolean", appeal_demand="string",
                                appeal_demand_amount="string", appeal_demand_from="string",
                                appeal_demand_to="string"),
        frozenset({"appeal_action"}),
        doc="Records how the centre handles an appeal."),
    "interview_update": Action(
        _interview_update, _fields(update_interview_on="string", continue_benefit="boolean",
                                   update_notes="string"),
        frozenset({"update_interview_on"}),
        doc="Records the 6-monthly interview update (a benefit that ends needs a decision)."),
    "art10_notice": Action(
        lifecycle_hooks.art10_notice, _fields(notice_served_on="string", comment_days="integer"),
        frozenset({"notice_served_on", "comment_days"}),
        doc="Records the art. 10 § 1 / 79a KPA notice before a refusal or partial grant."),
    "party_comments": Action(
        lifecycle_hooks.party_comments, _fields(comments_made="boolean",
                                                comments_received_on="string",
                                                party_comments="string"),
        frozenset({"comments_made"}),
        doc="Records the party's comments on the evidence (or none)."),
    "art36_notice": Action(
        lifecycle_hooks.art36_notice, _fields(new_decision_date="string", delay_reason="string"),
        frozenset({"new_decision_date", "delay_reason"}),
        doc="Records the new decision date and its reason (art. 36 KPA)."),
    "sko_outcome": Action(
        lifecycle_hooks.sko_outcome, _fields(
            sko_outcome="string", sko_ruling_on="string", sko_reference="string",
            sko_kind="string", sko_amount="string", sko_period_from="string",
            sko_period_to="string"),
        frozenset({"sko_outcome", "sko_ruling_on"}), role="supervisor",
        doc="Records the SKO's ruling on the forwarded appeal (art. 138 KPA)."),
})
# A user task that records nothing in the case tables (e.g. acknowledging an escalation).
NO_ACTION = "none"


def action_of(declared: str, form: str) -> str | None:
    """The action a mirrored task performs: the one its diagram declares.

    Diagrams deployed before actions were declared name none; their tasks perform the action
    named like their form, so running cases on old versions keep their records.
    """
    if declared:
        return None if declared == NO_ACTION else declared
    return form if form in ACTIONS else None


def before_complete(uow: UnitOfWork, actor: Actor, inst: ProcessInstance, ht: HumanTask,
                    data: dict[str, Any]) -> None:
    """Update case records for a task about to be completed (same transaction)."""
    action = ACTIONS.get(ht.action or "")
    if action is not None:
        action.hook(uow, actor, inst, ht, data)


def sync_from_workflow(uow: UnitOfWork, case_id: int, wf_data: dict[str, Any]) -> None:
    """Record on the decision what the engine reports; the service computes none of it.

    The diagram's scripts compute the delivery date (deemed 14 days after a notice, art. 44 KPA)
    and finality (a waiver, or the appeal window lapsing) with the domain's rules; this only
    copies their results, after every engine step that changes them.
    """
    decision = latest_decision(uow, case_id)
    if decision is None:
        return
    delivered = _day(wf_data.get("delivered_on"))
    if delivered is not None and decision.delivery_mode and decision.delivered_on != delivered:
        decision.delivered_on = delivered
    # A decision whose finality was undone (an appeal posted in time arrived after the timer)
    # or that the SKO quashed keeps that status, though the workflow once reported it final.
    if wf_data.get("decision_final") and wf_data.get("final_on") and decision.final_on is None \
            and decision.status not in (DecisionStatus.APPEALED, DecisionStatus.QUASHED,
                                        DecisionStatus.CHANGED):
        decision.final_on = _day(wf_data["final_on"])
        decision.status = DecisionStatus.FINAL
