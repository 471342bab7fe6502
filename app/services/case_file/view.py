"""Reading a case file: personal data only for case roles, and every read audited."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import joinedload

from app.domain.member_facts import BIRTH_FACTS
from app.domain.messages import Code, msg
from app.domain.payment_dates import date_reason
from app.domain.reasons import CARE_FACTS
from app.domain.statuses import TaskStatus
from app.persistence.models import (
    Application,
    AuditEvent,
    Case,
    Decision,
    EligibilityResult,
    Household,
    HouseholdMember,
    HumanTask,
    Income,
    Interview,
    Payment,
    PaymentScheduleItem,
    ProcessInstance,
    User,
)
from app.services.appeals import decision_life
from app.services.case_file.case_views import (
    CaseFile,
    CaseLink,
    ChangeCase,
    DecisionView,
    HistoryRow,
    IncomeCheck,
    IncomeRow,
    InterviewRecord,
    MemberFile,
    PartyRequest,
    PaymentRow,
    ScheduleRow,
    TaskRecord,
    WorkflowState,
)
from app.services.cases import register
from app.services.cases.register_views import CaseRow
from app.services.documents import document_store
from app.services.kernel import audit
from app.services.kernel.context import Actor, ServiceContext, UnitOfWork
from app.services.kernel.errors import Forbidden, NotFound
from app.services.niebieska_karta import procedures as nk_procedures
from app.services.payments.schedule import day_for
from app.services.provision import scope as provision_scope
from app.services.provision.scope import PROVIDED
from app.services.provision.views import ScopeView
from app.services.workflow import worklist
from app.services.workflow.task_views import TaskView, task_summary


def get_case(ctx: ServiceContext, actor: Actor, case_id: int) -> CaseFile:
    """The whole case file; audited as a read."""
    if not actor.has_case_role:
        raise Forbidden(msg(Code.CASE_FILE_ROLE))
    with ctx.uow() as uow:
        s = uow.session
        # The case with its household and members in one pass.
        case = s.get(Case, case_id,
                     options=[joinedload(Case.household).selectinload(Household.members)])
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
            members.append(MemberFile(
                income_check=_income_check(incomes),
                # Names as declared in this case; the register may have changed since.
                person_id=p.id, register_key=p.register_key, pesel=p.pesel,
                first_name=m.first_name, last_name=m.last_name, birth_date=p.birth_date, sex=p.sex,
                relation=m.relation, unable_to_work=m.unable_to_work, disabled=m.disabled,
                in_school=m.in_school, disability_certificate=m.disability_certificate,
                in_higher_school=m.in_higher_school,
                severe_disability_certificate=m.severe_disability_certificate,
                other_benefits=m.other_benefits, alimony_awarded=m.alimony_awarded,
                incomes=tuple(IncomeRow(i.kind, i.amount, i.tax, i.contributions, i.costs, i.one_off,
                                        i.month, i.verified) for i in incomes),
                **{fact: getattr(m, fact) for fact in CARE_FACTS},
                **{fact: getattr(m, fact) for fact in BIRTH_FACTS},
            ))
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
        req = s.execute(select(Application.requested_amount, Application.requested_until,
                               Application.received_on)
                        .where(Application.case_id == case.id)).first()
        day = day_for(ctx.config, case.benefit)
        # A meal or service decision grants a scope, not an amount (one statement, only then).
        scopes = provision_scope.of_case(uow, case.id) if case.benefit in PROVIDED else {}
        views = [_decision(d, users, scopes.get(d.id)) for d in decisions]
        result = CaseFile(
            id=case.id, number=case.number, benefit=case.benefit, reason=case.reason,
            urgent=case.urgent, status=case.status, stage=case.stage,
            outcome=case.outcome, opened_on=case.opened_on,
            caseworker=users.get(case.caseworker_id) if case.caseworker_id else None,
            caseworker_id=case.caseworker_id,
            bank_account=case.bank_account, address=case.household.address,
            members=tuple(members),
            register=register.case_differences(uow, case),
            kind=case.kind,
            # What the party asked for (art. 107 § 4 KPA), where recorded.
            party_request=PartyRequest(amount=req[0] if req else None,
                                       until=req[1] if req else None),
            effective_from=case.effective_from,
            parent=CaseLink(case.parent_case_id, s.scalar(
                select(Case.number).where(Case.id == case.parent_case_id)))
            if case.parent_case_id else None,
            changes=tuple(ChangeCase(cid, number, status, eff)
                          for cid, number, status, eff in s.execute(
                              select(Case.id, Case.number, Case.status, Case.effective_from)
                              .where(Case.parent_case_id == case.id).order_by(Case.id))),
            workflow=WorkflowState(
                instance_id=instance.id if instance else None,
                version=instance.version if instance else None,
                status=instance.status if instance else None,
                definition_id=instance.definition_id if instance else None,
                next_timer_at=instance.next_timer_at if instance else None,
                data=instance.data if instance else {},
            ),
            open_tasks=tuple(task_summary(t) for t in tasks if t.status == TaskStatus.READY),
            tasks=tuple(
                TaskRecord(**vars(task_summary(t)), completed_by=users.get(t.completed_by_id or 0),
                           completed_at=t.completed_at)
                for t in tasks
            ),
            eligibility=eligibility.result if eligibility else None,
            interviews=tuple(InterviewRecord(i.kind, i.conducted_on, i.findings, i.help_plan)
                             for i in interviews),
            decisions=tuple(views),
            decision=views[-1] if views else None,
            schedule=tuple(ScheduleRow(i.month, i.due_on, i.amount, i.status, date_reason(
                case.benefit, i.month, i.due_on, day, req.received_on if req else None))
                for i in schedule),
            payments=tuple(PaymentRow(p.id, p.amount, p.due_on, p.method, p.status,
                                      p.payment_list_id) for p in payments),
            # Appeals, the SKO's rulings, changes and notices (appeals.decision_life).
            life=decision_life.life_of(uow, case),
            history=tuple(HistoryRow(e.at, e.action,
                                     users.get(e.user_id) if e.user_id else "system", e.detail)
                          for e in history),
            # Issued documents (PDF): kind, title, date, hash and the download URL.
            documents=document_store.case_documents(uow, case_id),
            nk_in_family=nk_procedures.open_in_family(uow, case_id),
        )
        audit.record(uow, "case.read", actor.id, case_id)
        uow.commit()
        return result


def _income_check(incomes: list[Income]) -> tuple[IncomeCheck, ...]:
    """Declared beside verified, per kind of income (net of tax and contributions): what the
    application said and what the community interview established, with changes marked."""
    if not any(i.verified for i in incomes):
        return ()
    kinds: dict[str, dict[str, Decimal | None]] = {}
    for i in incomes:
        row = kinds.setdefault(i.kind, {"declared": None, "verified": None})
        key = "verified" if i.verified else "declared"
        net: Decimal = max(i.amount - i.tax - i.contributions, Decimal("0"))
        row[key] = (row[key] or Decimal("0")) + net
    return tuple(IncomeCheck(kind, row["declared"], row["verified"],
                             (row["declared"] or 0) != (row["verified"] or 0))
                 for kind, row in kinds.items())


def _decision(d: Decision, users: dict[int, str],
              scope: ScopeView | None = None) -> DecisionView:
    return DecisionView(
        id=d.id, number=d.number, kind=d.kind, benefit=d.benefit, amount=d.amount,
        period_from=d.period_from, period_to=d.period_to,
        justification=d.justification, status=d.status,
        amount_reason=d.amount_reason, purpose=d.purpose,
        drafted_by=users.get(d.drafted_by_id),
        approved_by=users.get(d.approved_by_id) if d.approved_by_id else None,
        return_comment=d.return_comment, issued_on=d.issued_on, delivered_on=d.delivered_on,
        final_on=d.final_on, has_document=bool(d.document_html), appeal_outcome=d.appeal_outcome,
        immediate_enforcement=d.immediate_enforcement,
        immediate_enforcement_reason=d.immediate_enforcement_reason, scope=scope,
    )


@dataclass(frozen=True)
class MemberBrief:
    """A household member as declared in the case (the register may have changed since)."""

    first_name: str
    last_name: str
    relation: str
    pesel: str | None


@dataclass(frozen=True)
class CaseBrief:
    """What the task page's summary box shows of a case, read in one pass."""

    id: int
    number: str
    benefit: str
    reason: str
    urgent: bool
    opened_on: date
    address: str
    caseworker: str | None
    members: tuple[MemberBrief, ...]


def case_brief(ctx: ServiceContext, actor: Actor, case_id: int, audited: bool = True) -> CaseBrief:
    """The case in brief for a task page: one query for the case, its household and persons.

    Showing names and PESELs is a read of the case file, audited as such; a form shown again
    with its errors (``audited=False``) re-displays what the same person has just been shown.
    """
    if not actor.has_case_role:
        raise Forbidden(msg(Code.CASE_FILE_ROLE))
    with ctx.uow(readonly=not audited) as uow:
        brief = _brief(uow, _briefed_case(uow, case_id))
        if audited:
            audit.record(uow, "case.read", actor.id, case_id)
            uow.commit()
        return brief


def _briefed_case(uow: UnitOfWork, case_id: int) -> Case:
    """The case with its household, members and persons, in one pass."""
    case = uow.session.scalar(
        select(Case).where(Case.id == case_id)
        .options(joinedload(Case.household).selectinload(Household.members)
                 .joinedload(HouseholdMember.person)))
    if case is None:
        raise NotFound(msg(Code.CASE_NOT_FOUND, case_id=case_id))
    return case


def _brief(uow: UnitOfWork, case: Case) -> CaseBrief:
    s = uow.session
    return CaseBrief(
        id=case.id, number=case.number, benefit=case.benefit, reason=case.reason,
        urgent=case.urgent, opened_on=case.opened_on, address=case.household.address,
        caseworker=s.scalar(select(User.full_name).where(User.id == case.caseworker_id))
        if case.caseworker_id else None,
        members=tuple(MemberBrief(m.first_name, m.last_name, m.relation, m.person.pesel)
                      for m in case.household.members))


@dataclass(frozen=True)
class TaskPage:
    """What a task page shows: the task (form, data, context) and its case in brief."""

    task: TaskView
    case: CaseBrief


def task_page(ctx: ServiceContext, actor: Actor, task_id: int, audited: bool = True) -> TaskPage:
    """A task page's reads in one transaction: the case in brief first (its household then
    serves the task's context without a second read), then the task.

    Audited as a read of the case file, as :func:`case_brief` is; a form shown again with its
    errors (``audited=False``) writes nothing.
    """
    with ctx.uow(readonly=not audited) as uow:
        ht, definition_id, benefit = worklist.visible_task(uow, actor, task_id)
        # Held while the task is read: the session's identity map keeps only live objects, and
        # the task's context then finds the case and its household loaded.
        case = _briefed_case(uow, ht.case_id)
        page = TaskPage(task=worklist.task_view(uow, ht, definition_id, benefit),
                        case=_brief(uow, case))
        if audited:
            audit.record(uow, "case.read", actor.id, ht.case_id)
            uow.commit()
        return page


def list_cases(ctx: ServiceContext, actor: Actor, limit: int = 200) -> list[CaseRow]:
    """Recent cases with their status (names shown only to case roles)."""
    if not actor.has_case_role:
        raise Forbidden(msg(Code.CASE_LIST_ROLE))
    with ctx.uow(readonly=True) as uow:
        rows = uow.session.scalars(
            register.with_applicants(select(Case).order_by(Case.id.desc()).limit(limit)))
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
