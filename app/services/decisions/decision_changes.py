"""Changing and revoking an issued decision (art. 106 ust. 5 u.p.s., art. 32 ust. 1 u.ś.r., art. 24
ust. 1 of the FA act; art. 155 KPA only with the party's consent; see :mod:`app.domain.rulings`).

Each change records its ground (a code of :data:`app.domain.rulings.GROUNDS`, with the
caseworker's words for ``other``) and, where the benefit's act does not name that ground, the day
of the party's consent; the decision states that ground and the basis that follows from it.

A decision is changed or revoked only by another decision: each change is a case opened ex officio
(``cases.kind = "change"``, ``parent_case_id``, ``effective_from``) running the ``decision_change``
process (eligibility on the changed case's facts, the caseworker's draft, the supervisor's
approval under the four-eyes rule, the document, delivery and the appeal window). Once final, a
change's schedule replaces the changed grant's planned months from its start
(``payment_schedule`` → :func:`change_cases.replace_parent_schedule`), and a revocation cancels
them from its date (the ``end_changed_grant`` operation). The same cases carry the changes after
a legal parameter change (:mod:`app.services.decisions.parameter_changes`), the revocation a 6-monthly
review asks for (the ``open_revocation`` operation: a review never stops a benefit itself), and
the re-examination after the SKO quashes a decision and returns the case (art. 138 §2 KPA).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import select

from app.domain.deadlines import today_in_warsaw
from app.domain.messages import Code, msg
from app.domain.recovery import act_of
from app.domain.rulings import ConsentRequired, basis
from app.domain.statuses import CaseKind, DecisionStatus, InstanceStatus
from app.domain.views import OMIT_NONE, JsonView
from app.persistence.models import Application, Case, Decision, Job, ProcessInstance
from app.services.cases.opening import _next_case_number
from app.services.decisions.change_cases import GRANTING, RUNNING, replace_parent_schedule
from app.services.decisions.decision_records import event
from app.services.kernel import audit, inputs
from app.services.kernel.context import Actor, ServiceContext, UnitOfWork
from app.services.kernel.errors import Conflict, Forbidden, NotFound
from app.services.workflow.instances import apply_snapshot
from app.services.workflow.versions import active_definition, definition_ref

CHANGE_PROCESS = "decision_change"
# Why a change case was opened; the case file and the draft's opening values follow it.
PURPOSES = ("parameter_change", "change", "revocation", "self_correction", "reexamination")
NOTES = {
    "parameter_change": "Z urzędu: zmiana decyzji {number} po zmianie parametrów ustawowych.",
    "change": "Zmiana decyzji {number}.",
    "revocation": "Uchylenie decyzji {number}.",
    "self_correction": "Nowa decyzja po odwołaniu od decyzji {number}, uwzględnionym w całości "
                       "(art. 132 § 1 KPA).",
    "reexamination": "Ponowne rozpatrzenie sprawy po uchyleniu decyzji {number} przez SKO "
                     "(art. 138 § 2 KPA).",
}
MAX_AMOUNT = Decimal("1000000")  # a monthly benefit below a million złoty


def open_change_case(uow: UnitOfWork, actor: Actor, parent: Case, effective_from: date,
                     purpose: str, decision: Decision | None, reason: str = "",
                     amount: Decimal | None = None, ground: str | None = None,
                     ground_text: str = "", consent_on: date | None = None) -> Case:
    """Open a case ex officio that decides anew on ``parent`` from ``effective_from`` and start
    its ``decision_change`` process (same transaction); record it in the parent's decision life,
    with the ground of a change or revocation and the party's consent (art. 155 KPA) if given."""
    ctx = uow.ctx
    now = ctx.now()
    today = today_in_warsaw(now)
    change = Case(
        number=f"tmp-{uuid.uuid4().hex[:24]}", household_id=parent.household_id,
        applicant_id=parent.applicant_id, benefit=parent.benefit, reason=parent.reason,
        urgent=False, opened_on=today, opened_by_id=actor.id, caseworker_id=parent.caseworker_id,
        bank_account=parent.bank_account, stage="decision", created_at=now, kind=CaseKind.CHANGE,
        parent_case_id=parent.id, effective_from=effective_from,
    )
    uow.session.add(change)
    uow.session.flush()
    number = (decision.number or str(decision.id)) if decision else "—"
    # Opened ex officio on this day; the application row carries the dates the decision stage
    # reads (it was "received" when the centre opened the case).
    uow.session.add(Application(
        case_id=change.id, received_on=today, benefit=change.benefit, reason=change.reason,
        urgent=False, complete=True, requested_from=effective_from,
        notes=NOTES[purpose].format(number=number),
    ))
    definition = active_definition(uow)
    data = {"case_id": change.id, "benefit": change.benefit, "urgent": False,
            "application_date": today.isoformat()}
    snap = ctx.engine.start(definition_ref(uow, definition.id), data, now, process_id=CHANGE_PROCESS)
    instance = ProcessInstance(case_id=change.id, definition_id=definition.id, state=b"",
                               serializer_version="", version=0, created_at=now)
    uow.session.add(instance)
    change.number = _next_case_number(uow, today.year)
    uow.session.flush()
    apply_snapshot(uow, instance, snap)
    event(uow, actor, parent.id, decision.id if decision else None, f"{purpose}_opened",
          effective_from, reason, amount=amount, change_case_id=change.id,
          change_case_number=change.number, ground=ground, ground_text=ground_text,
          consent_on=consent_on.isoformat() if consent_on else None)
    audit.record(uow, "case.change_opened", actor.id, change.id, parent_case_id=parent.id,
                 effective_from=effective_from.isoformat(), purpose=purpose)
    audit.record(uow, "case.change_opened", actor.id, parent.id, change_case_id=change.id,
                 effective_from=effective_from.isoformat(), purpose=purpose)
    return change


def running_grant(uow: UnitOfWork, case_id: int) -> Decision | None:
    """The case's issued (or final) grant that a change or revocation acts on."""
    return uow.session.scalars(
        select(Decision).where(Decision.case_id == case_id, Decision.kind.in_(GRANTING),
                               Decision.status.in_(RUNNING)).order_by(Decision.id.desc())
    ).first()


def _open_change_for(uow: UnitOfWork, parent_id: int) -> bool:
    """A change or revocation of the grant is already running (not yet decided)."""
    return uow.session.scalar(
        select(Case.id).join(ProcessInstance, ProcessInstance.case_id == Case.id).where(
            Case.parent_case_id == parent_id, Case.kind == CaseKind.CHANGE,
            ProcessInstance.status == InstanceStatus.RUNNING).limit(1)) is not None


def request_change(ctx: ServiceContext, actor: Actor, case_id: int, data: Any, *,
                   page: bool = False) -> int:
    """Open a change (``kind="change"``, with the new amount) or a revocation (``"revoke"``) of
    the case's issued grant from a date, with a reason; return the new case's id.

    A caseworker or supervisor opens it; the caseworker drafts the decision in the new case and
    a supervisor other than the drafter approves it, as for every decision.
    """
    if not actor.has_case_role:
        raise Forbidden(msg(Code.CASE_ROLE_REQUIRED))
    body, problems = inputs.read("DecisionChangeRequest", data, page=page)
    errors: dict[str, str] = dict(problems)
    kind, effective, reason, ground = (body.get(k) for k in ("kind", "effective_from", "reason", "ground"))
    ground_text: str = body.get("ground_text") or ""
    if ground == "other" and not ground_text:
        errors["ground_text"] = msg(Code.REQUIRED)
    consent_on: date | None = body.get("party_consent_on")
    amount: Decimal | None = body.get("amount") if kind == "change" else None
    if amount is not None and amount >= MAX_AMOUNT:
        errors["amount"] = msg(Code.AMOUNT_FORMAT)
    with ctx.uow() as uow:
        parent = uow.session.get(Case, case_id)
        if parent is None:
            raise NotFound(msg(Code.CHANGE_NO_RUNNING_DECISION))
        if parent.kind == CaseKind.CHANGE and parent.parent_case_id is not None:
            # A grant already changed is changed again on its own case: the new case rests on
            # its facts, and its schedule replaces those of every earlier change of it.
            parent = uow.session.get(Case, parent.parent_case_id)
            assert parent is not None
            case_id = parent.id
        decision = running_grant(uow, case_id)
        if decision is None or decision.period_from is None or decision.status == DecisionStatus.APPROVED:
            raise Conflict(msg(Code.CHANGE_NO_RUNNING_DECISION))
        if effective is not None:
            if effective < decision.period_from:
                errors["effective_from"] = msg(Code.CHANGE_BEFORE_DECISION_START,
                                               period_from=decision.period_from.isoformat())
            elif decision.period_to is not None and effective > decision.period_to:
                errors["effective_from"] = msg(Code.CHANGE_AFTER_DECISION_END,
                                               period_to=decision.period_to.isoformat())
        if consent_on is not None and consent_on > today_in_warsaw(ctx.now()):
            errors["party_consent_on"] = msg(Code.DATE_IN_FUTURE)
        if ground is not None and "party_consent_on" not in errors:
            try:
                basis(act_of(decision.benefit), "change", ground, consent_on)
            except ConsentRequired:
                errors["party_consent_on"] = msg(Code.CHANGE_CONSENT_REQUIRED)
        if errors:
            raise inputs.refusal(errors, page=True)
        assert effective is not None and isinstance(reason, str) and isinstance(ground, str)
        if not uow.ctx.db.is_sqlite:
            # Two people opening a change of the same grant at once: the second waits, then
            # sees the first (409).
            uow.session.refresh(parent, with_for_update=True)
        if _open_change_for(uow, case_id):
            raise Conflict(msg(Code.CHANGE_OPEN_ALREADY))
        change = open_change_case(uow, actor, parent, effective,
                                  "change" if kind == "change" else "revocation", decision,
                                  reason.strip(), amount, ground, ground_text.strip(), consent_on)
        uow.commit()
        return change.id


# ------------------------------------------------------------------ service operations
@dataclass(frozen=True, eq=False)
class RevocationOpened(JsonView):
    """The open_revocation operation's workflow variables: the change case opened (or None)."""

    change_case_id: int | None
    already_open: bool | None = field(default=None, metadata=OMIT_NONE)


@dataclass(frozen=True, eq=False)
class GrantEnded(JsonView):
    """The end_changed_grant operation's workflow variables: the planned months cancelled."""

    cancelled: int


def open_revocation(uow: UnitOfWork, job: Job) -> RevocationOpened:
    """The 6-monthly review found the benefit should not continue: open a revoking decision from
    the next month (the benefit never stops without one; payments run until it is final)."""
    parent = uow.session.get(Case, job.case_id)
    assert parent is not None
    if _open_change_for(uow, parent.id):
        return RevocationOpened(None, already_open=True)
    decision = running_grant(uow, parent.id)
    if decision is None or decision.period_from is None:
        return RevocationOpened(None)
    today = today_in_warsaw(uow.ctx.now())
    start = date(today.year + (today.month == 12), today.month % 12 + 1, 1)
    start = max(start, decision.period_from)
    if decision.period_to is not None and start > decision.period_to:
        return RevocationOpened(None)
    change = open_change_case(
        uow, Actor(None), parent, start, "revocation", decision,
        "Aktualizacja wywiadu środowiskowego: świadczenie nie powinno być kontynuowane.",
        ground="review")
    return RevocationOpened(change.id)


def end_changed_grant(uow: UnitOfWork, job: Job) -> GrantEnded:
    """A final revoking (or refusing) decision in a change case: the changed grant's planned
    months from the change's date are cancelled; months already on a payment list stay."""
    case = uow.session.get(Case, job.case_id)
    assert case is not None
    if case.effective_from is None:
        return GrantEnded(0)
    return GrantEnded(replace_parent_schedule(uow, case, case.effective_from))
