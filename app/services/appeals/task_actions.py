"""The appeals' case actions: the appeal window (an appeal or its waiver), how the centre handles
an appeal, and the SKO's ruling on the forwarded appeal. Registered with the workflow registry by
:mod:`app.services.appeals.registration`."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

from app.domain import facts
from app.domain.statuses import DecisionStatus
from app.persistence.models import HumanTask, ProcessInstance
from app.services.appeals.appeal import handled_in_task, record_in_window
from app.services.appeals.sko_rulings import record_in_task
from app.services.decisions.decision_records import latest_decision
from app.services.kernel.context import Actor, UnitOfWork
from app.services.kernel.task_input import day, refuse_if, today
from app.services.workflow.registry import Action, fields


def _appeal_window(uow: UnitOfWork, actor: Actor, inst: ProcessInstance, ht: HumanTask,
                   data: dict[str, Any]) -> None:
    decision = latest_decision(uow, ht.case_id)
    waiver = data["appeal_event"] == "waiver"
    refuse_if(facts.check_appeal_event(
        "appeal_event_on", day(data.get("appeal_event_on")), waiver,
        decision.issued_on if decision else None, decision.delivered_on if decision else None,
        today(uow)))
    if decision is None:
        return
    if waiver:
        # Finality itself is the engine's to report (sync_from_workflow), as after a lapse.
        decision.appeal_outcome = "waived"
    else:
        # Dated by posting (art. 57 §5 KPA); the row follows the appeal to the SKO.
        record_in_window(uow, actor, decision, data)
        decision.status = DecisionStatus.APPEALED


def _handle_appeal(uow: UnitOfWork, actor: Actor, inst: ProcessInstance, ht: HumanTask,
                   data: dict[str, Any]) -> None:
    decision = latest_decision(uow, ht.case_id)
    if decision is not None:
        handled_in_task(uow, decision.id, data["appeal_action"], data)
        decision.appeal_outcome = data["appeal_action"]
        if data["appeal_action"] == "change_decision":
            decision.status = DecisionStatus.CHANGED


def _sko_outcome(uow: UnitOfWork, actor: Actor, inst: ProcessInstance, ht: HumanTask,
                 data: dict[str, Any]) -> None:
    """The SKO's ruling on the forwarded appeal; the diagram routes on ``sko_outcome``."""
    record_in_task(uow, actor, ht.case_id, data)


ACTIONS: Mapping[str, Action] = MappingProxyType({
    "appeal_window": Action(
        _appeal_window, fields(appeal_event="string", appeal_event_on="string",
                                appeal_posted_on="string", appeal_channel="string"),
        frozenset({"appeal_event"}), essential=True,
        doc="Records an appeal or its waiver."),
    "handle_appeal": Action(
        _handle_appeal, fields(appeal_action="string", appeal_comment="string",
                                appeal_in_full="boolean", appeal_demand="string",
                                appeal_demand_amount="string", appeal_demand_from="string",
                                appeal_demand_to="string"),
        frozenset({"appeal_action"}),
        doc="Records how the centre handles an appeal."),
    "sko_outcome": Action(
        _sko_outcome, fields(
            sko_outcome="string", sko_ruling_on="string", sko_reference="string",
            sko_kind="string", sko_amount="string", sko_period_from="string",
            sko_period_to="string"),
        frozenset({"sko_outcome", "sko_ruling_on"}), role="supervisor",
        doc="Records the SKO's ruling on the forwarded appeal (art. 138 KPA)."),
})
