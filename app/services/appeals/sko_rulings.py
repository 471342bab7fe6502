"""The SKO's ruling on an appeal and its effect on the decision and its payments (art. 138 KPA),
shared by the `sko_outcome` task (the process routes on the ruling and makes the schedule or the
new decision itself) and the case file (:mod:`app.services.appeals.sko`, which passes ``Effects`` that
make them). See :mod:`app.services.appeals.sko` for what each ruling does."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import select, update

from app.domain.deadlines import today_in_warsaw
from app.domain.messages import Code, msg
from app.domain.statuses import DecisionKind, DecisionStatus, ScheduleItemStatus
from app.persistence.models import Appeal, Decision, PaymentScheduleItem
from app.services.decisions.decision_records import event
from app.services.kernel import audit, inputs
from app.services.kernel.context import Actor, UnitOfWork
from app.services.kernel.errors import Conflict, ValidationFailed

MAX_AMOUNT = Decimal("1000000")  # a monthly benefit below a million złoty


@dataclass(frozen=True)
class Effects:
    """What the case-file path does itself that a process does in its diagram."""

    schedule: Callable[[UnitOfWork, int], None]
    reexamine: Callable[[UnitOfWork, Actor, Appeal, Decision, str], None]


def stop_payments(uow: UnitOfWork, decision_id: int) -> None:
    """The decision no longer pays: its planned and suspended months are cancelled (months on
    a payment list already stay as they are)."""
    uow.session.execute(
        update(PaymentScheduleItem)
        .where(PaymentScheduleItem.decision_id == decision_id,
               PaymentScheduleItem.status.in_((ScheduleItemStatus.PLANNED, ScheduleItemStatus.SUSPENDED)))
        .values(status=ScheduleItemStatus.CANCELLED))


@dataclass(frozen=True)
class SkoRuling:
    """The SKO's own ruling on the merits: the kind, amount and period it decides."""

    kind: str
    amount: Decimal
    period_from: date | None
    period_to: date | None


def _sko_ruling(data: dict[str, Any], errors: dict[str, str]) -> SkoRuling:
    """The SKO's own ruling on the merits (outcome ``changed``), its kind required by the schema."""
    kind = data["sko_kind"]
    if kind == "refusal":
        return SkoRuling(kind, Decimal("0"), None, None)
    amount: Decimal = data.get("sko_amount") or Decimal("0")
    if "sko_amount" in data and not 0 < amount < MAX_AMOUNT:
        errors.setdefault("sko_amount", msg(Code.AMOUNT_FORMAT))
    period_from: date | None = data.get("sko_period_from")
    period_to: date | None = data.get("sko_period_to")
    if period_from is not None and period_to is not None and period_to < period_from:
        errors["sko_period_to"] = msg(Code.DATE_BEFORE, limit=period_from.isoformat())
    return SkoRuling(kind, amount, period_from, period_to)


def _validate(uow: UnitOfWork, appeal: Appeal, body: dict[str, Any], page: bool
              ) -> tuple[str, Any, str, str | None, SkoRuling | None]:
    """The ruling as submitted, checked against the appeal (422 with each field's rule)."""
    data, problems = inputs.read("SkoOutcomeRequest", body, page=page)
    errors: dict[str, str] = dict(problems)
    outcome: str | None = data.get("sko_outcome")
    ruled_on: date | None = data.get("sko_ruling_on")
    reference: str = data.get("sko_reference") or ""
    restoration: str | None = data.get("restoration_ruling") or None
    ruling = _sko_ruling(data, errors) if outcome == "changed" and "sko_kind" in data else None
    today = today_in_warsaw(uow.ctx.now())
    assert appeal.forwarded_on is not None
    if ruled_on is not None and ruled_on > today:
        errors["sko_ruling_on"] = msg(Code.DATE_IN_FUTURE)
    elif ruled_on is not None and ruled_on < appeal.forwarded_on:
        errors["sko_ruling_on"] = msg(Code.DATE_BEFORE, limit=appeal.forwarded_on.isoformat())
    if restoration and not appeal.restoration_requested:
        errors["restoration_ruling"] = msg(Code.SKO_RESTORATION_NOT_REQUESTED)
    admissible = appeal.timely or restoration == "granted"
    if not admissible and outcome not in (None, "inadmissible_late"):
        errors["sko_outcome"] = msg(Code.SKO_LATE_ONLY_INADMISSIBLE)
    if errors:
        raise ValidationFailed(msg(Code.FORM_INVALID), errors)
    assert outcome is not None and ruled_on is not None
    return outcome, ruled_on, reference, restoration, ruling


def record(uow: UnitOfWork, actor: Actor, appeal: Appeal, data: dict[str, Any],
           effects: Effects | None, *, page: bool = True) -> None:
    """Check and record the ruling, then apply it (``effects`` None: inside a process;
    ``page``: typed on a page or a task form, amounts with a Polish comma)."""
    outcome, ruled_on, reference, restoration, ruling = _validate(uow, appeal, data, page)
    decision = uow.session.get(Decision, appeal.decision_id)
    assert decision is not None
    appeal.sko_outcome, appeal.sko_ruling_on, appeal.sko_reference = outcome, ruled_on, reference
    appeal.restoration_ruling = restoration
    appeal.version += 1
    _apply(uow, actor, appeal, decision, outcome, ruled_on, ruling, reference, effects)
    audit.record(uow, "appeal.sko_outcome", actor.id, appeal.case_id, appeal_id=appeal.id,
                 outcome=outcome, restoration=restoration)


def record_in_task(uow: UnitOfWork, actor: Actor, case_id: int, data: dict[str, Any]) -> None:
    """The `sko_outcome` task: the ruling on the appeal the process forwarded. The process
    routes on it (payment, the end, or a new decision); this records it and stops the old
    decision's payments where the ruling ends them."""
    appeal = uow.session.scalars(select(Appeal).where(
        Appeal.case_id == case_id, Appeal.forwarded_on.is_not(None),
        Appeal.sko_outcome.is_(None)).order_by(Appeal.id.desc())).first()
    if appeal is None:
        raise Conflict(msg(Code.SKO_NOT_FORWARDED))
    record(uow, actor, appeal, data, None)


def _apply(uow: UnitOfWork, actor: Actor, appeal: Appeal, decision: Decision, outcome: str,
           ruled_on: Any, ruling: SkoRuling | None, reference: str, effects: Effects | None) -> None:
    """Each ruling's effect on the decision and its payments. In a process (no ``effects``) the
    diagram makes the schedule and the new decision itself."""
    label = f"SKO {reference}".strip()
    if outcome in ("upheld", "inadmissible_late"):
        if decision.final_on is None:
            decision.final_on = ruled_on
        decision.status = DecisionStatus.FINAL
        decision.appeal_outcome = f"sko_{outcome}"
        uow.session.execute(
            update(PaymentScheduleItem)
            .where(PaymentScheduleItem.decision_id == decision.id,
                   PaymentScheduleItem.status == ScheduleItemStatus.SUSPENDED)
            .values(status=ScheduleItemStatus.PLANNED))
        if decision.kind != DecisionKind.REFUSAL and effects:
            effects.schedule(uow, decision.case_id)
        event(uow, actor, appeal.case_id, decision.id, f"sko_{outcome}", ruled_on,
              f"{label}: decyzja ostateczna.", appeal_id=appeal.id)
        return
    stop_payments(uow, decision.id)
    decision.status = DecisionStatus.QUASHED
    decision.appeal_outcome = f"sko_{outcome}"
    if outcome == "changed":
        assert ruling is not None  # a changed outcome without a valid ruling was refused above
        sko = Decision(
            case_id=decision.case_id, kind=ruling.kind, benefit=decision.benefit,
            amount=ruling.amount, period_from=ruling.period_from,
            period_to=ruling.period_to, justification=f"Orzeczenie {label} (art. 138 § 1 pkt 2 KPA).",
            status=DecisionStatus.FINAL, drafted_by_id=actor.id, drafted_at=uow.ctx.now(), issued_on=ruled_on,
            final_on=ruled_on, delivered_on=ruled_on, appeal_outcome="sko_ruling",
            eligibility_id=decision.eligibility_id,
        )
        uow.session.add(sko)
        uow.session.flush()
        appeal.sko_decision_id = sko.id
        if sko.kind != DecisionKind.REFUSAL and effects:
            effects.schedule(uow, decision.case_id)
        event(uow, actor, appeal.case_id, sko.id, "sko_changed", ruled_on,
              f"{label}: orzeczenie co do istoty zastępuje decyzję organu.", appeal_id=appeal.id,
              amount=sko.amount)
    elif outcome == "returned":
        event(uow, actor, appeal.case_id, decision.id, "sko_returned", ruled_on,
              f"{label}: decyzja uchylona, sprawa do ponownego rozpatrzenia (art. 138 § 2 KPA).",
              appeal_id=appeal.id)
        if effects:
            effects.reexamine(uow, actor, appeal, decision, label)
    else:
        event(uow, actor, appeal.case_id, decision.id, "sko_quashed_discontinued", ruled_on,
              f"{label}: decyzja uchylona, postępowanie umorzone.", appeal_id=appeal.id)
