"""The debtor procedure's case actions: each completed task of ``fa_debtor.bpmn`` records its
step (the day, the deadline the task carried, the outcome) and is checked against the act:
dates not after today nor before the creditor centre's request, the registration period at most
the act's 30 days (art. 5 ust. 2 pkt 1), no evasion decision where the debtor paid half the
alimony in each of the last 6 months (art. 5 ust. 3a: declared, or computed from the months'
payments where the caseworker enters them), finality not before the decision."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from types import MappingProxyType
from typing import Any

from sqlalchemy import select

from app.domain import fa_debtor, parameters
from app.domain.deadlines import today_in_warsaw
from app.domain.fa_debtor import MonthPaid
from app.domain.messages import Msg, msg
from app.domain.messages.codes_fad import FadCode
from app.domain.money import MoneyRefused, parse_money
from app.persistence.models import DebtorProcedure, DebtorStep, HumanTask, ProcessInstance
from app.services.debtors import letters
from app.services.kernel.context import Actor, UnitOfWork
from app.services.kernel.errors import NotFound, ValidationFailed
from app.services.workflow.registry import Action, fields


def procedure_of_case(uow: UnitOfWork, case_id: int) -> DebtorProcedure:
    """The procedure a debtor case runs (404 when the case is not one)."""
    found = uow.session.scalar(select(DebtorProcedure).where(DebtorProcedure.case_id == case_id))
    if found is None:
        raise NotFound(msg(FadCode.DEBTOR_PROCEDURE_UNKNOWN))
    return found


def _day(data: Mapping[str, Any], name: str) -> date:
    return date.fromisoformat(str(data[name])[:10])


def _check_day(uow: UnitOfWork, proc: DebtorProcedure, data: Mapping[str, Any], name: str,
               errors: dict[str, Msg], not_before: date | None = None) -> date:
    """The form's date ``name``: not after today, not before the request (or ``not_before``)."""
    day = _day(data, name)
    floor = not_before or proc.request_received_on
    if day > today_in_warsaw(uow.ctx.now()):
        errors[name] = msg(FadCode.DEBTOR_DATE_FUTURE)
    elif day < floor:
        errors[name] = msg(FadCode.DEBTOR_DATE_BEFORE_REQUEST, date=floor.isoformat())
    return day


def _last(uow: UnitOfWork, proc: DebtorProcedure, step: str) -> DebtorStep | None:
    return uow.session.scalar(select(DebtorStep).where(
        DebtorStep.procedure_id == proc.id, DebtorStep.step == step).order_by(DebtorStep.id.desc()))


def _outcome(step: str, data: Mapping[str, Any], errors: dict[str, Msg], on: date) -> str:
    """The outcome a step records, and the act's refusals on its values."""
    if step == "interview":
        if data.get("interview_prevented"):
            return "prevented"
        return "cooperating" if data.get("declaration_received") else "no_declaration"
    if step == "registration_obligation":
        limit = parameters.value("fa.debtor.registration_max_days", on).value
        if not 1 <= int(data["registration_days"]) <= int(limit):
            errors["registration_days"] = msg(FadCode.DEBTOR_REGISTRATION_DAYS, max=int(limit))
        return "obliged"
    if step == "registration":
        if data.get("refused_work"):
            return "refused_work"
        return "registered" if data.get("registered") else "not_registered"
    if step == "evasion_decision":
        _check_months_paid(data, errors, on)
        if data.get("evasion_found") and data.get("paid_half_each_month"):
            errors["evasion_found"] = msg(
                FadCode.DEBTOR_EVASION_EXCLUDED,
                months=int(parameters.value("fa.debtor.evasion_months", on).value),
                percent=str(parameters.value("fa.debtor.evasion_paid_percent", on).value))
        return "evasion_found" if data.get("evasion_found") else "not_found"
    if step == "licence_motion":
        return "sent" if data.get("licence_held") else "no_licence"
    return "done"


def _months_paid(data: Mapping[str, Any], errors: dict[str, Msg]) -> list[MonthPaid] | None:
    """The months the caseworker entered (alimony due and paid in each), or None when none
    were; a row that is not a date and two amounts is refused with its number."""
    rows = data.get("months_paid")
    if not rows:
        return None
    found: list[MonthPaid] = []
    for i, row in enumerate(rows, start=1):
        try:
            found.append(MonthPaid(date.fromisoformat(str(row["month"])[:10]),
                                   parse_money(row["due"]), parse_money(row["paid"])))
        except (KeyError, TypeError, ValueError, MoneyRefused):
            errors["months_paid"] = msg(FadCode.DEBTOR_MONTH_PAID_INVALID, row=i)
            return None
    return found


def _check_months_paid(data: Mapping[str, Any], errors: dict[str, Msg], on: date) -> None:
    """Art. 5 ust. 3a computed, not only declared: where the months' payments are entered, the
    exclusion :func:`app.domain.fa_debtor.evasion_excluded` finds from them must be the answer
    the form gives (``paid_half_each_month``), which the process's gateway reads."""
    months = _months_paid(data, errors)
    if months is None:
        return
    if fa_debtor.evasion_excluded(months, on) != bool(data.get("paid_half_each_month")):
        errors["paid_half_each_month"] = msg(
            FadCode.DEBTOR_PAYMENTS_DISAGREE,
            months=int(parameters.value("fa.debtor.evasion_months", on).value),
            percent=str(parameters.value("fa.debtor.evasion_paid_percent", on).value))


def _recorder(step: str, date_field: str, note_field: str | None = None) -> Callable[..., None]:
    def hook(uow: UnitOfWork, actor: Actor, inst: ProcessInstance, ht: HumanTask,
             data: dict[str, Any]) -> None:
        proc = procedure_of_case(uow, ht.case_id)
        errors: dict[str, Msg] = {}
        floor = None
        if step == "evasion_final":
            decided = _last(uow, proc, "evasion_decision")
            floor = decided.done_on if decided is not None else None
        day = _check_day(uow, proc, data, date_field, errors, floor)
        if step == "evasion_final" and date_field in errors and floor is not None \
                and day < floor:
            errors[date_field] = msg(FadCode.DEBTOR_FINAL_BEFORE_DECISION)
        outcome = _outcome(step, data, errors, day)
        if errors:
            raise ValidationFailed(msg(FadCode.DEBTOR_INVALID), dict(errors))
        uow.session.add(DebtorStep(
            procedure_id=proc.id, step=step, done_on=day, due_on=ht.due_on, outcome=outcome,
            note=str(data.get(note_field) or "") if note_field else "",
            recorded_by_id=actor.id, created_at=uow.ctx.now()))
        letters.send(uow, proc, step, outcome, day, actor.id, data)
    hook.__name__ = f"record_{step}"
    return hook


def _action(step: str, date_field: str, doc: str, note: str | None = None,
            **types: str) -> Action:
    # A step that sends a letter (app.services.debtors.letters) may name its addressee.
    optional = {"addressee": "string"} if step in letters.LETTERS else {}
    all_types = {date_field: "string", **types, **({note: "string"} if note else {}),
                 **optional}
    return Action(_recorder(step, date_field, note), fields(**all_types),
                  frozenset({date_field, *types}), doc=doc)


ACTIONS: Mapping[str, Action] = MappingProxyType({
    "debtor_interview": _action(
        "interview", "interview_on", "Records the wywiad alimentacyjny and the oświadczenie "
        "majątkowe (art. 3-4 of the FA act).", "findings", declaration_received="boolean",
        interview_prevented="boolean", employed="boolean"),
    "debtor_bailiff_info": _action(
        "bailiff_info", "sent_on", "Records the information sent to the bailiff (art. 5 ust. 1)."),
    "debtor_registration_obligation": _action(
        "registration_obligation", "obliged_on", "Records the obligation to register with the "
        "labour office within at most 30 days (art. 5 ust. 2).", registration_days="integer",
        labour_office_informed="boolean"),
    "debtor_registration_check": _action(
        "registration", "checked_on", "Records whether the debtor registered (art. 5 ust. 2-3).",
        registered="boolean", refused_work="boolean"),
    "debtor_evasion_decision": Action(
        _recorder("evasion_decision", "decided_on"),
        fields(decided_on="string", paid_half_each_month="boolean", evasion_found="boolean",
               months_paid="array"),
        frozenset({"decided_on", "paid_half_each_month", "evasion_found"}),
        doc="Records the decision on evasion; refused under art. 5 ust. 3a, computed from the "
            "last months' alimony due and paid where they are entered."),
    "debtor_evasion_final": _action(
        "evasion_final", "evasion_final_on", "Records the day the evasion decision became final."),
    "debtor_licence_motion": _action(
        "licence_motion", "sent_on", "Records the motion to suspend the driving licence.",
        licence_held="boolean"),
    "debtor_big_report": _action(
        "big_report", "sent_on", "Records the report to an economic information bureau."),
    "debtor_prosecutor_notice": _action(
        "prosecutor_notice", "sent_on", "Records the notice of the offence of art. 209 § 1 KK."),
    "debtor_grounds_ceased": _action(
        "grounds_ceased", "ceased_on", "Records that the grounds of the evasion decision ceased.",
        "ceased_note"),
    "debtor_licence_withdrawal": _action(
        "licence_withdrawal", "sent_on", "Records the motion to return the driving licence."),
})

# The step each action records (the procedure page and *Terminy* name a task by it).
STEP_OF_ACTION: Mapping[str, str] = MappingProxyType({
    name: action.hook.__name__.removeprefix("record_") for name, action in ACTIONS.items()})
