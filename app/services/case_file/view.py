"""Reading a case file: personal data only for case roles, and every read audited."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from sqlalchemy import select

from app.domain.messages import Code, msg
from app.domain.money import money_str as _money  # the API's plain amounts: '1234.56'
from app.domain.statuses import TaskStatus
from app.persistence.models import (
    Application,
    AuditEvent,
    Case,
    Decision,
    EligibilityResult,
    HumanTask,
    Income,
    Interview,
    Payment,
    PaymentScheduleItem,
    ProcessInstance,
    User,
)
from app.services.appeals import decision_life
from app.services.cases import register
from app.services.documents import document_store
from app.services.kernel import audit
from app.services.kernel.context import Actor, ServiceContext
from app.services.kernel.errors import Forbidden, NotFound
from app.services.workflow.worklist import task_summary


def get_case(ctx: ServiceContext, actor: Actor, case_id: int) -> dict[str, Any]:
    """The whole case file as a dict; audited as a read."""
    if not actor.has_case_role:
        raise Forbidden(msg(Code.CASE_FILE_ROLE))
    with ctx.uow() as uow:
        s = uow.session
        case = s.get(Case, case_id)
        if case is None:
            raise NotFound(msg(Code.CASE_NOT_FOUND, case_id=case_id))
        instance = s.scalar(select(ProcessInstance).where(ProcessInstance.case_id == case_id))
        incomes_by_person: dict[int, list[Income]] = {}
        for inc in s.scalars(select(Income).where(Income.case_id == case_id).order_by(Income.id)):
            incomes_by_person.setdefault(inc.person_id, []).append(inc)
        members = []
        for m in case.household.members:
            p = m.person
            incomes = incomes_by_person.get(p.id, [])
            members.append({
                "income_check": _income_check(incomes),
                # Names as declared in this case; the register may have changed since.
                "person_id": p.id, "register_key": p.register_key, "pesel": p.pesel,
                "first_name": m.first_name, "last_name": m.last_name,
                "birth_date": p.birth_date.isoformat(), "sex": p.sex,
                "relation": m.relation, "unable_to_work": m.unable_to_work, "disabled": m.disabled,
                "in_school": m.in_school, "disability_certificate": m.disability_certificate,
                "in_higher_school": m.in_higher_school,
                "severe_disability_certificate": m.severe_disability_certificate,
                "other_benefits": m.other_benefits, "alimony_awarded": _money(m.alimony_awarded),
                "incomes": [{"kind": i.kind, "amount": _money(i.amount), "tax": _money(i.tax),
                             "contributions": _money(i.contributions), "costs": _money(i.costs),
                             "one_off": i.one_off, "month": i.month.isoformat(),
                             "verified": i.verified} for i in incomes],
            })
        tasks = s.scalars(
            select(HumanTask).where(HumanTask.case_id == case_id).order_by(HumanTask.id)
        ).all()
        decisions = s.scalars(
            select(Decision).where(Decision.case_id == case_id).order_by(Decision.id)
        ).all()
        eligibility = s.scalars(
            select(EligibilityResult).where(EligibilityResult.case_id == case_id)
            .order_by(EligibilityResult.id.desc())
        ).first()
        interviews = s.scalars(
            select(Interview).where(Interview.case_id == case_id).order_by(Interview.id)
        ).all()
        schedule = s.scalars(
            select(PaymentScheduleItem).where(PaymentScheduleItem.case_id == case_id)
            .order_by(PaymentScheduleItem.month)
        ).all()
        payments = s.scalars(select(Payment).where(Payment.case_id == case_id).order_by(Payment.id)).all()
        history = s.scalars(
            select(AuditEvent).where(AuditEvent.case_id == case_id, AuditEvent.action != "case.read")
            .order_by(AuditEvent.id)
        ).all()
        # Only the staff this case file names (not every user of the centre).
        user_ids = {case.caseworker_id, *(t.completed_by_id for t in tasks),
                    *(e.user_id for e in history),
                    *(d.drafted_by_id for d in decisions), *(d.approved_by_id for d in decisions)}
        user_ids.discard(None)
        users = {uid: name for uid, name in s.execute(
            select(User.id, User.full_name).where(User.id.in_(user_ids)))} \
            if user_ids else {}
        req = s.execute(select(Application.requested_amount, Application.requested_until)
                        .where(Application.case_id == case.id)).first()
        result = {
            "id": case.id, "number": case.number, "benefit": case.benefit, "reason": case.reason,
            "urgent": case.urgent, "status": case.status, "stage": case.stage,
            "outcome": case.outcome, "opened_on": case.opened_on.isoformat(),
            "caseworker": users.get(case.caseworker_id) if case.caseworker_id else None,
            "caseworker_id": case.caseworker_id,
            "bank_account": case.bank_account, "address": case.household.address,
            "members": members,
            "register": register.case_differences(uow, case),
            "kind": case.kind,
            # What the party asked for (art. 107 § 4 KPA), where recorded.
            "party_request": {
                "amount": f"{req[0]:.2f}" if req and req[0] is not None else None,
                "until": req[1].isoformat() if req and req[1] else None},
            "effective_from": case.effective_from.isoformat() if case.effective_from else None,
            "parent": {"id": case.parent_case_id, "number": s.scalar(
                select(Case.number).where(Case.id == case.parent_case_id))}
            if case.parent_case_id else None,
            "changes": [{"id": cid, "number": number, "status": status,
                         "effective_from": eff.isoformat() if eff else None}
                        for cid, number, status, eff in s.execute(
                            select(Case.id, Case.number, Case.status, Case.effective_from)
                            .where(Case.parent_case_id == case.id).order_by(Case.id))],
            "workflow": {
                "instance_id": instance.id if instance else None,
                "version": instance.version if instance else None,
                "status": instance.status if instance else None,
                "definition_id": instance.definition_id if instance else None,
                "next_timer_at": instance.next_timer_at.isoformat()
                if instance and instance.next_timer_at else None,
                "data": instance.data if instance else {},
            },
            "open_tasks": [task_summary(t) for t in tasks if t.status == TaskStatus.READY],
            "tasks": [
                {**task_summary(t), "completed_by": users.get(t.completed_by_id or 0),
                 "completed_at": t.completed_at.isoformat() if t.completed_at else None}
                for t in tasks
            ],
            "eligibility": eligibility.result if eligibility else None,
            "interviews": [{"kind": i.kind, "conducted_on": i.conducted_on.isoformat()
                            if i.conducted_on else None, "findings": i.findings,
                            "help_plan": i.help_plan} for i in interviews],
            "decisions": [_decision(d, users) for d in decisions],
            "decision": _decision(decisions[-1], users) if decisions else None,
            "schedule": [{"month": i.month.isoformat(), "due_on": i.due_on.isoformat(),
                          "amount": _money(i.amount), "status": i.status} for i in schedule],
            "payments": [{"id": p.id, "amount": _money(p.amount), "due_on": p.due_on.isoformat(),
                          "method": p.method, "status": p.status, "list_id": p.payment_list_id}
                         for p in payments],
            # Appeals, the SKO's rulings, changes and notices (services.decision_life).
            "life": decision_life.life_of(uow, case),
            "history": [{"at": e.at.isoformat(), "action": e.action,
                         "user": users.get(e.user_id) if e.user_id else "system",
                         "detail": e.detail} for e in history],
            # Issued documents (PDF): kind, title, date, hash and the download URL.
            "documents": document_store.case_documents(uow, case_id),
        }
        audit.record(uow, "case.read", actor.id, case_id)
        uow.commit()
        return result


def _income_check(incomes: list[Income]) -> list[dict[str, Any]]:
    """Declared beside verified, per kind of income (net of tax and contributions): what the
    application said and what the community interview established, with changes marked."""
    if not any(i.verified for i in incomes):
        return []
    kinds: dict[str, dict[str, Any]] = {}
    for i in incomes:
        row = kinds.setdefault(i.kind, {"kind": i.kind, "declared": None, "verified": None})
        key = "verified" if i.verified else "declared"
        net: Decimal = max(i.amount - i.tax - i.contributions, Decimal("0"))
        row[key] = (row[key] or Decimal("0")) + net
    out = []
    for row in kinds.values():
        out.append({"kind": row["kind"],
                    "declared": _money(row["declared"]) if row["declared"] is not None else None,
                    "verified": _money(row["verified"]) if row["verified"] is not None else None,
                    "changed": (row["declared"] or 0) != (row["verified"] or 0)})
    return out


def _decision(d: Decision, users: dict[int, str]) -> dict[str, Any]:
    return {
        "id": d.id, "number": d.number, "kind": d.kind, "benefit": d.benefit,
        "amount": _money(d.amount),
        "period_from": d.period_from.isoformat() if d.period_from else None,
        "period_to": d.period_to.isoformat() if d.period_to else None,
        "justification": d.justification, "status": d.status,
        "amount_reason": d.amount_reason, "purpose": d.purpose,
        "drafted_by": users.get(d.drafted_by_id),
        "approved_by": users.get(d.approved_by_id) if d.approved_by_id else None,
        "return_comment": d.return_comment,
        "issued_on": d.issued_on.isoformat() if d.issued_on else None,
        "delivered_on": d.delivered_on.isoformat() if d.delivered_on else None,
        "final_on": d.final_on.isoformat() if d.final_on else None,
        "has_document": bool(d.document_html), "appeal_outcome": d.appeal_outcome,
        "immediate_enforcement": d.immediate_enforcement,
        "immediate_enforcement_reason": d.immediate_enforcement_reason,
    }


def list_cases(ctx: ServiceContext, actor: Actor, limit: int = 200) -> list[dict[str, Any]]:
    """Recent cases with their status (names shown only to case roles)."""
    if not actor.has_case_role:
        raise Forbidden(msg(Code.CASE_LIST_ROLE))
    with ctx.uow(readonly=True) as uow:
        rows = uow.session.scalars(select(Case).order_by(Case.id.desc()).limit(limit)).all()
        return [register.case_row(uow, c) for c in rows]


def decision_document(ctx: ServiceContext, actor: Actor, case_id: int, decision_id: int) -> str:
    """The stored HTML of a decision of a case; audited like a read of the case file."""
    if not actor.has_case_role:
        raise Forbidden(msg(Code.CASE_FILE_ROLE))
    with ctx.uow() as uow:
        decision = uow.session.get(Decision, decision_id)
        if decision is None or decision.case_id != case_id or not decision.document_html:
            raise NotFound(msg(Code.DECISION_NO_DOCUMENT_IN_CASE, decision_id=decision_id, case_id=case_id))
        html = decision.document_html
        audit.record(uow, "decision.read", actor.id, case_id, decision_id=decision_id)
        uow.commit()
        return html
