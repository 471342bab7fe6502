"""The cases' case actions: the application's completeness, the call to supplement it and the
supplement, and the community interview with its verified incomes. Registered with the workflow
registry by :mod:`app.services.cases.registration`."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from types import MappingProxyType
from typing import Any

from sqlalchemy import delete, select

from app.domain import facts
from app.domain.income import EXCLUDED_KINDS
from app.domain.statuses import TaskStatus
from app.persistence.models import Application, Case, HumanTask, Income, Interview, ProcessInstance
from app.services.cases.interview_records import (
    check_member_rows,
    counted,
    declared_by_person,
    main_kind,
    net,
)
from app.services.documents import letters
from app.services.kernel.context import Actor, UnitOfWork
from app.services.kernel.task_input import day, refuse_if, today
from app.services.workflow.registry import Action, fields


def _application(uow: UnitOfWork, case_id: int) -> Application | None:
    return uow.session.scalar(select(Application).where(Application.case_id == case_id))


def received_on(uow: UnitOfWork, case_id: int) -> date | None:
    return uow.session.scalar(select(Application.received_on).where(Application.case_id == case_id))


def _completeness(uow: UnitOfWork, actor: Actor, inst: ProcessInstance, ht: HumanTask,
                  data: dict[str, Any]) -> None:
    refuse_if(facts.check_completeness(bool(data.get("complete")), data.get("missing_items")))
    app = _application(uow, ht.case_id)
    if app is not None:
        app.complete = bool(data.get("complete"))
        app.notes = data.get("missing_items") or ""


def _supplement_request(uow: UnitOfWork, actor: Actor, inst: ProcessInstance, ht: HumanTask,
                         data: dict[str, Any]) -> None:
    refuse_if(facts.check_supplement_request(
        "supplement_served_on", day(data.get("supplement_served_on")),
        received_on(uow, ht.case_id), today(uow)))
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
    served_on = day(result.get("supplement_served_on"))
    refuse_if(facts.check_supplement(
        "supplement_received_on", day(data.get("supplement_received_on")), served_on,
        today(uow)))


def _interview(uow: UnitOfWork, actor: Actor, inst: ProcessInstance, ht: HumanTask,
               data: dict[str, Any]) -> None:
    case = uow.session.get(Case, ht.case_id)
    assert case is not None
    members = case.household.members
    rows = list(data.get("verified_incomes") or [])
    refuse_if(facts.check_interview("interview_on", day(data.get("interview_on")),
                                     received_on(uow, ht.case_id), today(uow))
               + check_member_rows(rows, len(members)))
    uow.session.add(Interview(
        case_id=ht.case_id, kind="initial", conducted_on=day(data.get("interview_on")),
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


ACTIONS: Mapping[str, Action] = MappingProxyType({
    "completeness_check": Action(
        _completeness, fields(complete="boolean", missing_items="string"),
        frozenset({"complete"}), essential=True,
        doc="Records whether the application is complete (art. 64 § 2 KPA)."),
    "request_supplement": Action(
        _supplement_request, fields(supplement_days="integer", supplement_served_on="string",
                                     supplement_items="string"),
        frozenset({"supplement_served_on"}),
        doc="Checks the date a request to supplement was served."),
    "record_supplement": Action(
        _supplement, fields(supplement_received_on="string"),
        frozenset({"supplement_received_on"}),
        doc="Checks the date the supplement arrived against the request."),
    "conduct_interview": Action(
        _interview, fields(interview_on="string", findings="string", help_plan="string",
                            verified_incomes="array"),
        frozenset({"interview_on", "verified_incomes"}), essential=True,
        doc="Records the community interview and the verified incomes."),
})
