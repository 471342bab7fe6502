"""Keeping case records in step with the workflow: each form, once completed, updates the
domain tables (application, interview, decision, schedule) in the same transaction."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import select, update

from app.domain.deadlines import deemed_delivery
from app.persistence.models import (
    Application,
    Case,
    Decision,
    EligibilityResult,
    HumanTask,
    Income,
    Interview,
    PaymentScheduleItem,
    ProcessInstance,
)

from .context import Actor, UnitOfWork
from .errors import Conflict, ValidationFailed

Hook = Callable[[UnitOfWork, Actor, ProcessInstance, HumanTask, dict[str, Any]], None]


def _day(value: Any) -> date | None:
    return date.fromisoformat(value) if isinstance(value, str) and value else None


def _latest_decision(uow: UnitOfWork, case_id: int) -> Decision | None:
    return uow.session.scalars(
        select(Decision).where(Decision.case_id == case_id).order_by(Decision.id.desc())
    ).first()


def _completeness(uow: UnitOfWork, actor: Actor, inst: ProcessInstance, ht: HumanTask,
                  data: dict[str, Any]) -> None:
    app = uow.session.scalar(select(Application).where(Application.case_id == ht.case_id))
    if app is not None:
        app.complete = bool(data.get("complete"))
        app.notes = data.get("missing_items") or ""


def _interview(uow: UnitOfWork, actor: Actor, inst: ProcessInstance, ht: HumanTask,
               data: dict[str, Any]) -> None:
    uow.session.add(Interview(
        case_id=ht.case_id, kind="initial", conducted_on=_day(data.get("interview_on")),
        findings=data.get("findings", ""), help_plan=data.get("help_plan", ""),
        caseworker_id=actor.id, created_at=uow.ctx.now(),
    ))
    case = uow.session.get(Case, ht.case_id)
    assert case is not None
    members = case.household.members
    month = uow.session.scalar(select(Income.month).where(Income.case_id == ht.case_id))
    for item in data.get("verified_incomes") or []:
        idx = item["member_index"]
        if idx >= len(members):
            raise ValidationFailed("Unknown household member.", {
                "verified_incomes": f"Member number {idx} does not exist (0–{len(members) - 1})."})
        person_id = members[idx].person_id
        # The verified income replaces what the application declared for that member.
        for inc in uow.session.scalars(
            select(Income).where(Income.case_id == ht.case_id, Income.person_id == person_id)
        ):
            uow.session.delete(inc)
        amount = Decimal(item["net_income"])
        if amount:
            uow.session.add(Income(case_id=ht.case_id, person_id=person_id,
                                   month=month or case.opened_on.replace(day=1), kind="other",
                                   amount=amount, verified=True))
    uow.session.execute(update(Income).where(Income.case_id == ht.case_id).values(verified=True))


def _draft(uow: UnitOfWork, actor: Actor, inst: ProcessInstance, ht: HumanTask,
           data: dict[str, Any]) -> None:
    case = uow.session.get(Case, ht.case_id)
    assert case is not None
    eligibility_id = uow.session.scalar(
        select(EligibilityResult.id).where(EligibilityResult.case_id == ht.case_id)
        .order_by(EligibilityResult.id.desc())
    )
    kind = data["decision_kind"]
    uow.session.add(Decision(
        case_id=ht.case_id, kind=kind, benefit=case.benefit,
        amount=Decimal(data.get("amount") or "0") if kind != "refusal" else Decimal("0"),
        period_from=_day(data.get("period_from")), period_to=_day(data.get("period_to")),
        justification=data.get("justification", ""), eligibility_id=eligibility_id,
        status="draft", drafted_by_id=actor.id, drafted_at=uow.ctx.now(),
    ))


def _approve(uow: UnitOfWork, actor: Actor, inst: ProcessInstance, ht: HumanTask,
             data: dict[str, Any]) -> None:
    decision = _latest_decision(uow, ht.case_id)
    # The four-eyes rule is enforced for every task with `four_eyes_of` in worklist.complete.
    if decision is None or decision.status != "draft":
        raise Conflict("There is no draft decision to approve.")
    if data["approval"] == "approve":
        decision.status = "approved"
        decision.approved_by_id = actor.id
        decision.approved_at = uow.ctx.now()
    else:
        decision.status = "returned"
        decision.return_comment = data.get("approval_comment", "")


def _delivery(uow: UnitOfWork, actor: Actor, inst: ProcessInstance, ht: HumanTask,
              data: dict[str, Any]) -> None:
    decision = _latest_decision(uow, ht.case_id)
    if decision is None:
        return
    decision.delivery_mode = data["delivery_mode"]
    if data["delivery_mode"] == "delivered":
        decision.delivered_on = _day(data.get("delivered_on"))
    else:
        notice = _day(data.get("first_notice_on"))
        decision.delivered_on = deemed_delivery(notice) if notice else None


def _appeal_window(uow: UnitOfWork, actor: Actor, inst: ProcessInstance, ht: HumanTask,
                   data: dict[str, Any]) -> None:
    decision = _latest_decision(uow, ht.case_id)
    if decision is None:
        return
    if data["appeal_event"] == "waiver":
        decision.status = "final"
        decision.final_on = _day(data.get("appeal_event_on"))
        decision.appeal_outcome = "waived"
    else:
        decision.status = "appealed"


def _handle_appeal(uow: UnitOfWork, actor: Actor, inst: ProcessInstance, ht: HumanTask,
                   data: dict[str, Any]) -> None:
    decision = _latest_decision(uow, ht.case_id)
    if decision is not None:
        decision.appeal_outcome = data["appeal_action"]
        if data["appeal_action"] == "change_decision":
            decision.status = "changed"


def _interview_update(uow: UnitOfWork, actor: Actor, inst: ProcessInstance, ht: HumanTask,
                      data: dict[str, Any]) -> None:
    uow.session.add(Interview(
        case_id=ht.case_id, kind="update", conducted_on=_day(data.get("update_interview_on")),
        findings=data.get("update_notes", ""), caseworker_id=actor.id, created_at=uow.ctx.now(),
    ))
    if not data.get("continue_benefit", True):
        # Payments stop with the benefit: cancel months not yet paid out.
        uow.session.execute(
            update(PaymentScheduleItem)
            .where(PaymentScheduleItem.case_id == ht.case_id, PaymentScheduleItem.status == "planned")
            .values(status="cancelled")
        )


BEFORE: dict[str, Hook] = {
    "completeness_check": _completeness,
    "conduct_interview": _interview,
    "draft_decision": _draft,
    "approve_decision": _approve,
    "record_delivery": _delivery,
    "appeal_window": _appeal_window,
    "handle_appeal": _handle_appeal,
    "interview_update": _interview_update,
}


def before_complete(uow: UnitOfWork, actor: Actor, inst: ProcessInstance, ht: HumanTask,
                    data: dict[str, Any]) -> None:
    """Update case records for a task about to be completed (same transaction)."""
    hook = BEFORE.get(ht.form)
    if hook is not None:
        hook(uow, actor, inst, ht, data)


def sync_from_workflow(uow: UnitOfWork, case_id: int, wf_data: dict[str, Any]) -> None:
    """Decision finality reached by a timer (appeal window over) is recorded on the decision."""
    if wf_data.get("decision_final") and wf_data.get("final_on"):
        decision = _latest_decision(uow, case_id)
        if decision is not None and decision.final_on is None:
            decision.final_on = _day(wf_data["final_on"])
            decision.status = "final"


def form_context(uow: UnitOfWork, ht: HumanTask) -> dict[str, Any]:
    """What the person completing a task needs to see: case, eligibility, the draft."""
    case = uow.session.get(Case, ht.case_id)
    assert case is not None
    ctx: dict[str, Any] = {
        "case_number": case.number, "benefit": case.benefit, "urgent": case.urgent,
        "applicant": case.applicant.full_name, "members": len(case.household.members),
        "opened_on": case.opened_on.isoformat(),
    }
    if ht.form in ("draft_decision", "approve_decision"):
        elig = uow.session.scalars(
            select(EligibilityResult).where(EligibilityResult.case_id == case.id)
            .order_by(EligibilityResult.id.desc())
        ).first()
        ctx["eligibility"] = elig.result if elig else None
        decision = _latest_decision(uow, case.id)
        if decision is not None:
            ctx["decision"] = {
                "kind": decision.kind, "amount": f"{decision.amount:.2f}", "status": decision.status,
                "period_from": decision.period_from.isoformat() if decision.period_from else None,
                "period_to": decision.period_to.isoformat() if decision.period_to else None,
                "justification": decision.justification, "return_comment": decision.return_comment,
            }
    return ctx
