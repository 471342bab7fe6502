"""What the appeal services return: an appeal, a decision's life and the appeals to forward, as
frozen dataclasses (dates as date, money as Decimal).

The API sends them through :func:`app.domain.views.to_json`, the same JSON the dicts they
replaced held; a key read gives that JSON form too (:class:`app.domain.views.JsonView`).
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date
from decimal import Decimal
from typing import Any

from app.domain import kpa_appeals
from app.domain.views import JsonView
from app.persistence.models import Appeal, DecisionEvent


@dataclass(frozen=True, eq=False)
class Demand(JsonView):
    """What a decision changed by the centre itself (art. 132 KPA) grants of the demand."""

    text: str
    in_full_confirmed: bool
    amount: Decimal | None
    period_from: date | None
    period_to: date | None


@dataclass(frozen=True, eq=False)
class AppealView(JsonView):
    """An appeal as the case file and the API show it (dates, timeliness, the SKO's ruling)."""

    id: int
    decision_id: int
    channel: str
    posted_on: date | None
    received_on: date | None
    deadline: date | None
    timely: bool
    after_finality: bool
    restoration_requested: bool
    cause_ceased_on: date | None
    restoration_in_time: bool | None
    restoration_ruling: str | None
    forward_due: date | None
    forwarded_on: date | None
    self_corrected_on: date | None
    self_correction_last_day: date | None
    demand: Demand | None
    sko_outcome: str | None
    sko_ruling_on: date | None
    sko_reference: str
    sko_decision_id: int | None
    follow_up_case_id: int | None
    version: int

    @classmethod
    def of(cls, a: Appeal) -> AppealView:
        return cls(
            id=a.id, decision_id=a.decision_id, channel=a.channel,
            posted_on=a.posted_on, received_on=a.received_on,
            deadline=a.deadline, timely=a.timely, after_finality=a.after_finality,
            restoration_requested=a.restoration_requested,
            cause_ceased_on=a.cause_ceased_on,
            # Art. 58 § 2 with art. 57 § 5 KPA: the request is dated by posting, not by receipt.
            restoration_in_time=kpa_appeals.restoration_in_time(
                a.posted_on or a.received_on, a.cause_ceased_on) if a.cause_ceased_on else None,
            restoration_ruling=a.restoration_ruling, forward_due=a.forward_due,
            forwarded_on=a.forwarded_on, self_corrected_on=a.self_corrected_on,
            self_correction_last_day=kpa_appeals.self_correction_last_day(a.received_on)
            if a.received_on else None,
            demand=Demand(text=a.demand_text, in_full_confirmed=a.in_full_confirmed,
                          amount=a.demand_amount.quantize(Decimal("0.01"))
                          if a.demand_amount is not None else None,
                          period_from=a.demand_from, period_to=a.demand_to)
            if a.self_corrected_on else None,
            sko_outcome=a.sko_outcome, sko_ruling_on=a.sko_ruling_on,
            sko_reference=a.sko_reference, sko_decision_id=a.sko_decision_id,
            follow_up_case_id=a.follow_up_case_id, version=a.version,
        )


@dataclass(frozen=True, eq=False)
class PendingAppeal(AppealView):
    """An appeal still to forward to the SKO (or awaiting its ruling), with its case."""

    case_id: int
    case_number: str

    @classmethod
    def with_case(cls, a: Appeal, number: str) -> PendingAppeal:
        view = AppealView.of(a)
        return cls(**{f.name: getattr(view, f.name) for f in fields(AppealView)},
                   case_id=a.case_id, case_number=number)


@dataclass(frozen=True, eq=False)
class LifeEvent(JsonView):
    """A fact recorded on a decision (finality, an appeal late, a change, a revocation ...).

    ``detail`` stays a dict: it is the event's JSON record, its keys depend on the kind."""

    kind: str
    on: date
    reason: str
    amount: Decimal | None
    detail: dict[str, Any]
    decision_id: int | None

    @classmethod
    def of(cls, e: DecisionEvent) -> LifeEvent:
        return cls(kind=e.kind, on=e.on, reason=e.reason,
                   amount=e.amount.quantize(Decimal("0.01")) if e.amount is not None else None,
                   detail=e.detail or {}, decision_id=e.decision_id)


@dataclass(frozen=True, eq=False)
class DecisionLife(JsonView):
    """A decision's appeals and events, and what may be done now."""

    appeals: tuple[AppealView, ...]
    events: tuple[LifeEvent, ...]
    can_record_appeal: bool
    handle_task: bool
    can_change: bool
    grant_period_from: date | None
    awaiting_sko: bool
    sko_task_id: int | None
