"""The appeal before the SKO, recorded from the case file (art. 132–140 KPA).

An appeal that arrived after the decision was recorded final is forwarded here (art. 133: within
7 days, a deadline supervisors see) or, when timely, answered by the centre's own new decision
(art. 132: a re-examination case). An appeal the `handle_appeal` task forwarded is the same row.
The SKO's ruling (art. 138) then leads where the KPA says:

- ``upheld``: the decision is final (on the ruling's day unless it was already); its payments run.
- ``changed`` (uchylenie i orzeczenie co do istoty): the SKO's ruling (kind, amount, period) is a
  decision of the case that replaces the centre's for payments.
- ``quashed_discontinued``: nothing is due; the decision's planned payments are cancelled.
- ``returned`` (art. 138 §2): the decision no longer pays, and the centre decides again in a
  re-examination case (draft, four-eyes approval, issue, delivery, appeal window, payment).
- ``inadmissible_late`` (art. 134): a late appeal whose deadline was not restored; the decision
  stays final. With the appeal, the SKO rules on restoring the deadline (art. 58–59 §2).
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from types import SimpleNamespace
from typing import Any, cast

from sqlalchemy import update

from app.domain.deadlines import today_in_warsaw
from app.domain.messages import Code, msg
from app.persistence.models import Case, Decision, Job, PaymentScheduleItem

from . import audit
from .appeals import appeal_dict, event, lock_appeal, parse_day
from .context import Actor, ServiceContext, UnitOfWork
from .decision_changes import open_change_case
from .decision_records import first_benefit_month
from .errors import Conflict, Forbidden, ValidationFailed

OUTCOMES = ("upheld", "changed", "quashed_discontinued", "returned", "inadmissible_late")
KINDS = ("grant", "partial", "refusal")


def _supervisor(actor: Actor) -> None:
    if not actor.has("supervisor"):
        raise Forbidden(msg(Code.SUPERVISOR_REQUIRED))


def _stop_payments(uow: UnitOfWork, decision_id: int) -> None:
    """The decision no longer pays: its planned and suspended months are cancelled (months on
    a payment list already stay as they are)."""
    uow.session.execute(
        update(PaymentScheduleItem)
        .where(PaymentScheduleItem.decision_id == decision_id,
               PaymentScheduleItem.status.in_(("planned", "suspended")))
        .values(status="cancelled"))


def _schedule(uow: UnitOfWork, case_id: int) -> None:
    """Make the payment schedule of the case's latest decision with the same operation the
    diagrams' payment step runs (idempotent per month)."""
    from .job_handlers import OPERATIONS  # the operation registry imports this module's peers

    OPERATIONS["payment_schedule"].handler(uow, cast(Job, SimpleNamespace(case_id=case_id)))


def forward_appeal(ctx: ServiceContext, actor: Actor, appeal_id: int, data: Any) -> dict[str, Any]:
    """Forward an appeal recorded after finality to the SKO, or (a timely one) change the
    decision in a re-examination case instead (art. 132); supervisor only."""
    _supervisor(actor)
    data = data if isinstance(data, dict) else {}
    action = data.get("action")
    if action not in ("forward", "self_correct"):
        raise ValidationFailed(msg(Code.FORM_INVALID), {"action": msg(Code.CHOOSE_ONE)})
    with ctx.uow() as uow:
        appeal = lock_appeal(uow, appeal_id, data.get("version"))
        if not appeal.after_finality:
            raise Conflict(msg(Code.APPEAL_HANDLED_IN_TASK))
        if appeal.forwarded_on or appeal.self_corrected_on:
            raise Conflict(msg(Code.APPEAL_ALREADY_HANDLED))
        today = today_in_warsaw(ctx.now())
        decision = uow.session.get(Decision, appeal.decision_id)
        assert decision is not None
        if action == "forward":
            appeal.forwarded_on = today
            # TODO(letters): letters.issue(uow, appeal.case_id, kind="sko_cover_letter").
            event(uow, actor, appeal.case_id, decision.id, "appeal_forwarded", today,
                  "Przekazano odwołanie do SKO (art. 133 KPA).", appeal_id=appeal.id)
        else:
            if not appeal.timely:
                raise Conflict(msg(Code.APPEAL_LATE_NO_SELF_CORRECTION))
            appeal.self_corrected_on = today
            _stop_payments(uow, decision.id)
            decision.status = "changed"
            parent = uow.session.get(Case, appeal.case_id)
            assert parent is not None
            start = decision.period_from or first_benefit_month(uow, parent.id)
            change = open_change_case(uow, actor, parent, start, "reexamination", decision,
                                      "Zmiana decyzji przez organ po odwołaniu (art. 132 KPA).")
            appeal.follow_up_case_id = change.id
        appeal.version += 1
        audit.record(uow, "appeal.handled", actor.id, appeal.case_id, appeal_id=appeal.id,
                     step=action)
        uow.commit()
        return appeal_dict(appeal)


def _sko_ruling(data: dict[str, Any], errors: dict[str, str]) -> dict[str, Any]:
    """The SKO's own ruling on the merits (outcome ``changed``)."""
    kind = data.get("sko_kind")
    if kind not in KINDS:
        errors["sko_kind"] = msg(Code.CHOOSE_ONE)
        return {}
    ruling: dict[str, Any] = {"kind": kind, "amount": Decimal("0"), "period_from": None,
                              "period_to": None}
    if kind == "refusal":
        return ruling
    try:
        amount = Decimal(str(data.get("sko_amount", "")).replace(",", ".").strip())
        if not amount.is_finite() or amount <= 0 or amount >= Decimal("1000000") \
                or amount != amount.quantize(Decimal("0.01")):
            raise InvalidOperation
        ruling["amount"] = amount
    except (InvalidOperation, ValueError):
        errors["sko_amount"] = msg(Code.AMOUNT_FORMAT)
    ruling["period_from"] = parse_day(data, "sko_period_from", errors)
    ruling["period_to"] = parse_day(data, "sko_period_to", errors, required=False)
    if ruling["period_from"] and ruling["period_to"] and ruling["period_to"] < ruling["period_from"]:
        errors["sko_period_to"] = msg(Code.DATE_BEFORE, earliest=ruling["period_from"].isoformat())
    return ruling


def record_outcome(ctx: ServiceContext, actor: Actor, appeal_id: int, data: Any) -> dict[str, Any]:
    """Record the SKO's ruling on a forwarded appeal and apply it to the decision and payments."""
    _supervisor(actor)
    if not isinstance(data, dict):
        raise ValidationFailed(msg(Code.FORM_INVALID), {"": msg(Code.JSON_OBJECT_EXPECTED)})
    errors: dict[str, str] = {}
    outcome = data.get("sko_outcome")
    if outcome not in OUTCOMES:
        errors["sko_outcome"] = msg(Code.CHOOSE_ONE)
    ruled_on = parse_day(data, "sko_ruling_on", errors)
    reference = data.get("sko_reference") or ""
    if not isinstance(reference, str) or len(reference) > 60 or "\x00" in reference:
        errors["sko_reference"] = msg(Code.MAX_LENGTH, limit=60)
        reference = ""
    restoration = data.get("restoration_ruling") or None
    if restoration not in (None, "granted", "refused"):
        errors["restoration_ruling"] = msg(Code.CHOOSE_ONE)
    ruling = _sko_ruling(data, errors) if outcome == "changed" else {}
    with ctx.uow() as uow:
        appeal = lock_appeal(uow, appeal_id, data.get("version"))
        if appeal.forwarded_on is None:
            raise Conflict(msg(Code.SKO_NOT_FORWARDED))
        if appeal.sko_outcome is not None:
            raise Conflict(msg(Code.SKO_ALREADY_RECORDED))
        today = today_in_warsaw(ctx.now())
        if ruled_on is not None and ruled_on > today:
            errors["sko_ruling_on"] = msg(Code.DATE_IN_FUTURE)
        elif ruled_on is not None and ruled_on < appeal.forwarded_on:
            errors["sko_ruling_on"] = msg(Code.DATE_BEFORE, earliest=appeal.forwarded_on.isoformat())
        if restoration and not appeal.restoration_requested:
            errors["restoration_ruling"] = msg(Code.SKO_RESTORATION_NOT_REQUESTED)
        admissible = appeal.timely or restoration == "granted"
        if not admissible and outcome not in (None, "inadmissible_late"):
            errors["sko_outcome"] = msg(Code.SKO_LATE_ONLY_INADMISSIBLE)
        if errors:
            raise ValidationFailed(msg(Code.FORM_INVALID), errors)
        assert ruled_on is not None and isinstance(outcome, str)
        decision = uow.session.get(Decision, appeal.decision_id)
        assert decision is not None
        appeal.sko_outcome, appeal.sko_ruling_on, appeal.sko_reference = outcome, ruled_on, reference
        appeal.restoration_ruling = restoration
        appeal.version += 1
        _apply(uow, actor, appeal, decision, outcome, ruled_on, ruling, reference)
        audit.record(uow, "appeal.sko_outcome", actor.id, appeal.case_id, appeal_id=appeal.id,
                     outcome=outcome, restoration=restoration)
        uow.commit()
        return appeal_dict(appeal)


def _apply(uow: UnitOfWork, actor: Actor, appeal: Any, decision: Decision, outcome: str,
           ruled_on: Any, ruling: dict[str, Any], reference: str) -> None:
    """Each ruling's effect on the decision and its payments (see the module docstring)."""
    label = f"SKO {reference}".strip()
    if outcome in ("upheld", "inadmissible_late"):
        if decision.final_on is None:
            decision.final_on = ruled_on
        decision.status = "final"
        decision.appeal_outcome = f"sko_{outcome}"
        uow.session.execute(
            update(PaymentScheduleItem)
            .where(PaymentScheduleItem.decision_id == decision.id,
                   PaymentScheduleItem.status == "suspended").values(status="planned"))
        if decision.kind != "refusal":
            _schedule(uow, decision.case_id)
        event(uow, actor, appeal.case_id, decision.id, f"sko_{outcome}", ruled_on,
              f"{label}: decyzja ostateczna.", appeal_id=appeal.id)
        return
    _stop_payments(uow, decision.id)
    decision.status = "quashed"
    decision.appeal_outcome = f"sko_{outcome}"
    if outcome == "changed":
        sko = Decision(
            case_id=decision.case_id, kind=ruling["kind"], benefit=decision.benefit,
            amount=ruling["amount"], period_from=ruling["period_from"],
            period_to=ruling["period_to"], justification=f"Orzeczenie {label} (art. 138 § 1 pkt 2 KPA).",
            status="final", drafted_by_id=actor.id, drafted_at=uow.ctx.now(), issued_on=ruled_on,
            final_on=ruled_on, delivered_on=ruled_on, appeal_outcome="sko_ruling",
            eligibility_id=decision.eligibility_id,
        )
        uow.session.add(sko)
        uow.session.flush()
        appeal.sko_decision_id = sko.id
        if sko.kind != "refusal":
            _schedule(uow, decision.case_id)
        event(uow, actor, appeal.case_id, sko.id, "sko_changed", ruled_on,
              f"{label}: orzeczenie co do istoty zastępuje decyzję organu.", appeal_id=appeal.id,
              amount=sko.amount)
    elif outcome == "returned":
        parent = uow.session.get(Case, appeal.case_id)
        assert parent is not None
        start = decision.period_from or first_benefit_month(uow, parent.id)
        change = open_change_case(uow, actor, parent, start, "reexamination", decision,
                                  f"{label}: uchylono decyzję i przekazano sprawę do ponownego "
                                  "rozpatrzenia (art. 138 § 2 KPA).")
        appeal.follow_up_case_id = change.id
        event(uow, actor, appeal.case_id, decision.id, "sko_returned", ruled_on,
              f"{label}: decyzja uchylona, sprawa do ponownego rozpatrzenia.", appeal_id=appeal.id)
    else:
        event(uow, actor, appeal.case_id, decision.id, "sko_quashed_discontinued", ruled_on,
              f"{label}: decyzja uchylona, postępowanie umorzone.", appeal_id=appeal.id)
