"""Appeals dated by posting and what the SKO rules on them (art. 57 §5, 58–59, 127–140 KPA).

An appeal is timely when it was *posted* (Poczta Polska, ePUAP) within 14 days of delivery, the
last day moved off a Sunday or holiday (art. 57 §4–5); the day it reached the centre does not
count. Inside the appeal window the `appeal_window` task records it (:func:`record_in_window`).
Posted in time but arriving after the finality timer fired, it is recorded from the case file
(:func:`record_appeal`): the decision was never final, so its finality is undone, with the reason,
and its planned payments are suspended (unless the decision is enforceable at once, art. 130 §4
or rygor, art. 108). A late appeal leaves the decision final; it is forwarded to the SKO, which
declares it late (art. 134), unless it restores the deadline (art. 58–59, asked for with the
appeal within 7 days of the cause ceasing). The SKO's rulings and their effect on payments are
in :mod:`app.services.appeals.sko`.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select, update

from app.domain import deadlines, kpa_appeals
from app.domain.deadlines import today_in_warsaw
from app.domain.messages import Code, msg
from app.domain.statuses import DecisionKind, DecisionStatus, ScheduleItemStatus, TaskStatus
from app.persistence.models import Appeal, Decision, HumanTask, PaymentScheduleItem
from app.services.appeals.views import AppealView
from app.services.decisions.decision_records import event, latest_decision
from app.services.documents import letters
from app.services.kernel import audit, inputs
from app.services.kernel.context import Actor, ServiceContext, UnitOfWork
from app.services.kernel.errors import Conflict, Forbidden, NotFound, ValidationFailed
from app.services.kernel.formats import Refused, read_date, read_money
from app.services.kernel.inputs.decisions import CHANNELS as APPEAL_CHANNELS
from app.services.kernel.json_input import parse_day

CHANNELS = APPEAL_CHANNELS
# Art. 133 KPA: the centre forwards an appeal within 7 days of receiving it.
FORWARD_DAYS = kpa_appeals.FORWARD_DAYS
# Art. 58 §2 KPA: restoration is asked for within 7 days of the cause ceasing.
RESTORATION_DAYS = kpa_appeals.RESTORATION_DAYS


def enforceable_at_once(decision: Decision) -> bool:
    """Art. 130 §4 KPA: a decision granting the request in full is enforced at once; so is one
    with rygor natychmiastowej wykonalności (art. 108; the flag the documents part adds)."""
    return decision.kind == DecisionKind.GRANT or decision.immediate_enforcement


def check_dates(decision: Decision, posted: date | None, received: date | None, today: date,
                errors: dict[str, str], posted_field: str = "posted_on",
                received_field: str = "received_on") -> None:
    """The posting date is not after receipt, nor before delivery; neither is in the future."""
    if received is not None and received > today:
        errors[received_field] = msg(Code.DATE_IN_FUTURE)
    if posted is None:
        return
    if received is not None and posted > received:
        errors[posted_field] = msg(Code.APPEAL_POSTED_AFTER_RECEIPT)
    elif decision.delivered_on is not None and posted < decision.delivered_on:
        errors[posted_field] = msg(Code.APPEAL_POSTED_BEFORE_DELIVERY,
                                   delivered_on=decision.delivered_on.isoformat())


def new_appeal(uow: UnitOfWork, actor: Actor, decision: Decision, channel: str, posted: date,
               received: date, *, after_finality: bool = False, restoration: bool = False,
               cause_ceased_on: date | None = None) -> Appeal:
    """Add the appeal row; timeliness is the posting date against the 14 days from delivery."""
    assert decision.delivered_on is not None
    deadline = deadlines.appeal_deadline(decision.delivered_on)
    appeal = Appeal(
        case_id=decision.case_id, decision_id=decision.id, channel=channel, posted_on=posted,
        received_on=received, deadline=deadline, timely=posted <= deadline,
        after_finality=after_finality, restoration_requested=restoration,
        cause_ceased_on=cause_ceased_on,
        forward_due=deadlines.kpa_period_end(received, FORWARD_DAYS),
        recorded_by_id=actor.id, created_at=uow.ctx.now(),
    )
    uow.session.add(appeal)
    uow.session.flush()
    return appeal


def record_in_window(uow: UnitOfWork, actor: Actor, decision: Decision, data: dict[str, Any]) -> None:
    """The `appeal_window` task recorded an appeal: its posting date (the receipt date when the
    form has none, as for an appeal filed in person) decides timeliness."""
    if decision.delivered_on is None:   # versions that recorded no delivery date
        return
    errors: dict[str, str] = {}
    received = parse_day(data, "appeal_event_on", errors)
    posted = parse_day(data, "appeal_posted_on", errors, required=False) or received
    today = today_in_warsaw(uow.ctx.now())
    check_dates(decision, posted, received, today, errors, "appeal_posted_on", "appeal_event_on")
    if errors:
        raise ValidationFailed(msg(Code.FACTS_DISAGREE), errors)
    assert posted is not None and received is not None
    channel = str(data["appeal_channel"]) if data.get("appeal_channel") in CHANNELS else "in_person"
    appeal = new_appeal(uow, actor, decision, channel, posted, received)
    audit.record(uow, "appeal.recorded", actor.id, decision.case_id, appeal_id=appeal.id,
                 timely=appeal.timely)


def open_appeal(uow: UnitOfWork, decision_id: int) -> Appeal | None:
    """The appeal on the decision not yet forwarded or self-corrected, if any."""
    return uow.session.scalars(select(Appeal).where(
        Appeal.decision_id == decision_id, Appeal.forwarded_on.is_(None),
        Appeal.self_corrected_on.is_(None)).order_by(Appeal.id.desc())).first()


def handled_in_task(uow: UnitOfWork, decision_id: int, action: str,
                    data: dict[str, Any] | None = None) -> None:
    """The `handle_appeal` task forwarded the appeal or chose to change the decision (art. 132)."""
    appeal = open_appeal(uow, decision_id)
    if appeal is None:
        return
    today = today_in_warsaw(uow.ctx.now())
    if action == "change_decision":
        data = data or {}
        if not appeal.timely:
            # Art. 134 KPA: a late appeal goes to the SKO, which declares it late.
            raise ValidationFailed(msg(Code.FACTS_DISAGREE),
                                   {"appeal_action": msg(Code.APPEAL_LATE_NO_SELF_CORRECTION)})
        self_correct(uow, appeal, today, {
            "grants_in_full": data.get("appeal_in_full"), "demand": data.get("appeal_demand"),
            "demand_amount": data.get("appeal_demand_amount"),
            "demand_from": data.get("appeal_demand_from"),
            "demand_to": data.get("appeal_demand_to")}, "appeal_action", prefix="appeal_")
    else:
        appeal.forwarded_on = today
        sko_cover_letter(uow, appeal, None)
    appeal.version += 1


def parse_demand(data: dict[str, Any], errors: dict[str, str], prefix: str = ""
                 ) -> kpa_appeals.Demand:
    """What the appeal asks for (art. 132 § 1 KPA), from a form or the API."""
    text = data.get("demand")
    text = text.strip() if isinstance(text, str) else ""
    raw = data.get("demand_amount")
    amount = None
    if raw not in (None, ""):
        try:  # the one money parser: typed on a page or a task form, a Polish comma is read
            amount = read_money(raw, page=True)
        except Refused:
            errors[f"{prefix}demand_amount"] = msg(Code.AMOUNT_FORMAT)
    days: dict[str, date | None] = {}
    for name in ("demand_from", "demand_to"):
        days[name] = None
        if data.get(name) not in (None, ""):
            try:
                days[name] = read_date(data[name], page=True)
            except Refused as refused:
                errors[f"{prefix}{name}"] = refused.message
    return kpa_appeals.Demand(text, amount, days["demand_from"], days["demand_to"])


def self_correct(uow: UnitOfWork, appeal: Appeal, today: date, data: dict[str, Any], field: str,
                 prefix: str = "") -> None:
    """Art. 132 § 1 KPA: record the self-correction, only for an appeal granted in full (its
    demand recorded and confirmed) and within the 7 days of art. 133 from its receipt."""
    errors: dict[str, str] = {}
    demand = parse_demand(data, errors, prefix)
    if errors:
        raise ValidationFailed(msg(Code.FORM_INVALID), errors)
    in_full = data.get("grants_in_full") in (True, "true", "on", "1")
    for v in kpa_appeals.self_correction_violations(appeal.timely, appeal.received_on, today,
                                                    in_full, demand, field):
        if v.code == "self_correction_after_7_days":
            text = msg(Code.SELF_CORRECTION_AFTER_7_DAYS, last_day=v.params["last_day"])
        elif v.code == "self_correction_not_in_full":
            text = msg(Code.SELF_CORRECTION_NOT_IN_FULL)
        else:
            text = msg(Code.APPEAL_LATE_NO_SELF_CORRECTION)
        raise ValidationFailed(text, {field: text})
    appeal.self_corrected_on = today
    appeal.in_full_confirmed = True
    appeal.demand_text = demand.text
    appeal.demand_amount = demand.amount
    appeal.demand_from = demand.period_from
    appeal.demand_to = demand.period_to


def sko_cover_letter(uow: UnitOfWork, appeal: Appeal, actor_id: int | None) -> None:
    """The cover letter sending the appeal with the case file to the SKO (art. 133 KPA), stored
    as a document of the case with the appeal's own dates."""
    filed = appeal.posted_on or appeal.received_on
    received = appeal.received_on or appeal.posted_on
    letters.issue(uow, appeal.case_id, "sko_forward", actor_id,
                  appeal_filed_on=filed, appeal_received_on=received)


def suspend_payments(uow: UnitOfWork, decision: Decision) -> int:
    """An appeal suspends enforcement (art. 130 §1–2): planned months wait; return how many."""
    if enforceable_at_once(decision):
        return 0
    result = uow.session.execute(
        update(PaymentScheduleItem)
        .where(PaymentScheduleItem.decision_id == decision.id,
               PaymentScheduleItem.status == ScheduleItemStatus.PLANNED)
        .values(status=ScheduleItemStatus.SUSPENDED))
    return int(getattr(result, "rowcount", 0) or 0)


def task_ready(uow: UnitOfWork, case_id: int, action: str) -> bool:
    """The case's process offers a task performing ``action`` now."""
    return uow.session.scalar(select(HumanTask.id).where(
        HumanTask.case_id == case_id, HumanTask.action == action,
        HumanTask.status == TaskStatus.READY).limit(1)) is not None


def _window_open(uow: UnitOfWork, case_id: int) -> bool:
    return task_ready(uow, case_id, "appeal_window")


def record_appeal(ctx: ServiceContext, actor: Actor, case_id: int, data: Any, *,
                  page: bool = False) -> AppealView:
    """Record an appeal that arrived after the decision was recorded final (from the case file).

    Posted in time: finality is undone (the decision was never final), and planned payments wait
    for the SKO unless the decision is enforceable at once. Posted late: the decision stays final
    and the appeal goes to the SKO (art. 134), with the party's request to restore the deadline
    (art. 58) when there is one.
    """
    if not actor.has_case_role:
        raise Forbidden(msg(Code.CASE_ROLE_REQUIRED))
    body, problems = inputs.read("AppealRequest", data, page=page)
    errors: dict[str, str] = dict(problems)
    channel: str | None = body.get("channel")
    posted: date | None = body.get("posted_on")
    received: date | None = body.get("received_on")
    restoration = body.get("restoration_requested") is True
    ceased: date | None = body.get("cause_ceased_on")
    with ctx.uow() as uow:
        decision = latest_decision(uow, case_id)
        if decision is not None and not uow.ctx.db.is_sqlite:
            # One appeal undoes finality once: a concurrent one waits here and then sees it.
            uow.session.refresh(decision, with_for_update=True)
        if _window_open(uow, case_id):
            raise Conflict(msg(Code.APPEAL_IN_WINDOW))
        if decision is None or decision.delivered_on is None:
            raise NotFound(msg(Code.APPEAL_NO_DECISION))
        legacy = decision.status == DecisionStatus.APPEALED and uow.session.scalar(
            select(Appeal.id).where(Appeal.decision_id == decision.id).limit(1)) is None
        if decision.status != DecisionStatus.FINAL and not legacy:
            # Already appealed, quashed or changed: there is no final decision to appeal now.
            raise Conflict(msg(Code.APPEAL_NO_DECISION))
        today = today_in_warsaw(ctx.now())
        check_dates(decision, posted, received, today, errors)
        if ceased is not None and ceased > today:
            errors["cause_ceased_on"] = msg(Code.DATE_IN_FUTURE)
        if errors:
            raise ValidationFailed(msg(Code.FORM_INVALID), errors)
        assert posted is not None and received is not None and isinstance(channel, str)
        appeal = new_appeal(uow, actor, decision, channel, posted, received,
                            after_finality=not legacy, restoration=restoration,
                            cause_ceased_on=ceased)
        if legacy:
            # Appealed in the window before appeals were recorded with their dates (a process
            # of an earlier version, which ended at forwarding): the row lets the SKO's ruling
            # be recorded from the case file; the decision was never final.
            pass
        elif appeal.timely:
            undo_finality(uow, actor, decision, appeal,
                          f"Odwołanie nadane {posted.isoformat()} w terminie (art. 57 § 5 KPA), "
                          f"doręczone organowi {received.isoformat()}, po zapisaniu "
                          "ostateczności: decyzja nie stała się ostateczna.")
        else:
            event(uow, actor, case_id, decision.id, "appeal_late", received,
                  "Odwołanie nadane po terminie (art. 134 KPA); decyzja pozostaje ostateczna.",
                  deadline=appeal.deadline.isoformat(), restoration_requested=restoration)
        audit.record(uow, "appeal.recorded", actor.id, case_id, appeal_id=appeal.id,
                     timely=appeal.timely, after_finality=not legacy)
        uow.commit()
        return appeal_dict(appeal)


def undo_finality(uow: UnitOfWork, actor: Actor, decision: Decision, appeal: Appeal,
                  reason: str) -> None:
    """The decision was never final: clear its finality and suspend its planned payments."""
    event(uow, actor, decision.case_id, decision.id, "finality_undone", appeal.received_on, reason,
          was_final_on=decision.final_on.isoformat() if decision.final_on else None,
          appeal_id=appeal.id, suspended=suspend_payments(uow, decision))
    decision.final_on = None
    decision.status = DecisionStatus.APPEALED


def lock_appeal(uow: UnitOfWork, appeal_id: int, version: Any) -> Appeal:
    """The appeal, checked against the version the user saw (409 when someone was first)."""
    query = select(Appeal).where(Appeal.id == appeal_id)
    if not uow.ctx.db.is_sqlite:
        query = query.with_for_update()
    appeal = uow.session.scalars(query).first()
    if appeal is None:
        raise NotFound(msg(Code.APPEAL_NO_DECISION))
    if version is not None and str(version) != str(appeal.version):
        raise Conflict(msg(Code.STALE_VERSION), current_version=appeal.version)
    return appeal


def appeal_dict(a: Appeal) -> AppealView:
    """An appeal as the case file and the API show it (dates, timeliness, the SKO's ruling)."""
    return AppealView.of(a)
