"""Recording a Niebieska Karta procedure's steps, by the people assigned to it: the hand-over of
form A to the team's chair, the group's meetings (dated, who attended, meet again or close),
forms B/C/D, the plan of help, and the closing on its ground. Each change carries the version
as read (409 when stale) and is refused on a closed procedure; dates are never in the future nor
before the start."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from app.domain import niebieska_karta as nk
from app.domain.deadlines import today_in_warsaw
from app.domain.messages import Msg, msg
from app.domain.messages.codes_nk import NkCode
from app.persistence.models import NkEvent, NkProcedure
from app.services.kernel import audit, inputs
from app.services.kernel.context import Actor, ServiceContext, UnitOfWork
from app.services.niebieska_karta import access, steps
from app.services.niebieska_karta.procedures import check_version, saved
from app.services.niebieska_karta.views import Saved

_CLOSING_CODES = {"before_start": NkCode.DATE_BEFORE_START, "no_meeting": NkCode.NO_MEETING,
                  "no_plan": NkCode.NO_PLAN, "plan_not_realised": NkCode.PLAN_NOT_REALISED}


def _dated(uow: UnitOfWork, proc: NkProcedure, day: date | None, name: str,
           errors: dict[str, Msg]) -> None:
    """``day`` not after today nor before the start."""
    if day is None:
        return
    if day > today_in_warsaw(uow.ctx.now()):
        errors.setdefault(name, msg(NkCode.DATE_FUTURE))
    elif day < proc.started_on:
        errors.setdefault(name, msg(NkCode.DATE_BEFORE_START, date=proc.started_on.isoformat()))


Recorder = Callable[[UnitOfWork, NkProcedure, dict[str, Any], dict[str, Msg]], NkEvent | None]


def _change(ctx: ServiceContext, actor: Actor, procedure_id: int, schema: str, body: Any,
            page: bool, what: str, record: Recorder) -> Saved:
    """Check, lock, check the version, record (or collect the refusals) and commit once."""
    typed, errors = inputs.read(schema, body, page=page)
    with ctx.uow() as uow:
        proc = access.require_member(uow, actor, procedure_id)
        if "version" in typed:
            check_version(proc, typed["version"])
        field_errors: dict[str, Msg] = dict(errors)  # type: ignore[arg-type]
        event = record(uow, proc, typed, field_errors)
        if field_errors:
            raise inputs.refusal(dict(field_errors), page=page)
        assert event is not None and actor.id is not None
        event.procedure_id, event.recorded_by_id, event.created_at = proc.id, actor.id, ctx.now()
        uow.session.add(event)
        proc.version += 1
        audit.record(uow, "nk.recorded", actor.id, procedure_id=proc.id, event=what)
        uow.commit()
        return saved(proc)


def _handover(uow: UnitOfWork, proc: NkProcedure, data: dict[str, Any],
              errors: dict[str, Msg]) -> NkEvent | None:
    day = data.get("handed_on")
    _dated(uow, proc, day, "handed_on", errors)
    if errors or day is None:
        return None
    steps.complete(uow, proc, steps.HANDOVER, {
        "handed_on": day.isoformat(), "meeting_due": nk.first_meeting_due(day).isoformat()})
    proc.handed_on = day
    return NkEvent(kind=nk.EventKind.HANDOVER, on=day, detail={
        "due": proc.handover_due.isoformat(), "in_time": day <= proc.handover_due})


def hand_over(ctx: ServiceContext, actor: Actor, procedure_id: int, body: Any, *,
              page: bool = False) -> Saved:
    """Form A handed to the chair of the interdisciplinary team (its deadline: see
    :func:`app.domain.niebieska_karta.handover_due`); the first meeting is then due."""
    return _change(ctx, actor, procedure_id, "NkHandover", body, page, "handover", _handover)


def _meeting(uow: UnitOfWork, proc: NkProcedure, data: dict[str, Any],
             errors: dict[str, Msg]) -> NkEvent | None:
    met_on, following = data.get("met_on"), data.get("next_meeting_on")
    _dated(uow, proc, met_on, "met_on", errors)
    if met_on is not None and proc.handed_on is not None and met_on < proc.handed_on \
            and "met_on" not in errors:
        errors["met_on"] = msg(NkCode.STEP_NOT_OPEN, step=steps.HANDOVER)
    decision = data.get("decision")
    if decision == nk.Decision.CONTINUE and "next_meeting_on" not in errors and (
            following is None or (met_on is not None and following <= met_on)):
        errors["next_meeting_on"] = msg(NkCode.NEXT_MEETING)
    if errors or met_on is None:
        return None
    engine: dict[str, Any] = {"met_on": met_on.isoformat(), "decision": decision}
    if decision == nk.Decision.CONTINUE and following is not None:
        engine["next_meeting_on"] = following.isoformat()
    else:
        engine["closing_due"] = nk.closing_due(met_on).isoformat()
    steps.complete(uow, proc, steps.MEETING, engine)
    return NkEvent(kind=nk.EventKind.MEETING, on=met_on, text=data.get("note") or "", detail={
        "attendees": list(data["attendees"]), "decision": decision,
        **({"next_meeting_on": following.isoformat()} if following and
           decision == nk.Decision.CONTINUE else {})})


def record_meeting(ctx: ServiceContext, actor: Actor, procedure_id: int, body: Any, *,
                   page: bool = False) -> Saved:
    """A meeting of the diagnostic and support group: its day, who attended, what it found, and
    its decision to meet again (on a day it sets, shown on *Terminy*) or to close."""
    return _change(ctx, actor, procedure_id, "NkMeeting", body, page, "meeting", _meeting)


def _form(uow: UnitOfWork, proc: NkProcedure, data: dict[str, Any],
          errors: dict[str, Msg]) -> NkEvent | None:
    _dated(uow, proc, data.get("on"), "on", errors)
    if errors:
        return None
    return NkEvent(kind=nk.EventKind.FORM, on=data["on"], text=data.get("note") or "",
                   detail={"form": data["form"]})


def record_form(ctx: ServiceContext, actor: Actor, procedure_id: int, body: Any, *,
                page: bool = False) -> Saved:
    """Form B (handed to the person affected), C or D (the group's assessments) recorded."""
    return _change(ctx, actor, procedure_id, "NkFormRecord", body, page, "form", _form)


def _plan(uow: UnitOfWork, proc: NkProcedure, data: dict[str, Any],
          errors: dict[str, Msg]) -> NkEvent | None:
    _dated(uow, proc, data.get("on"), "on", errors)
    if errors:
        return None
    return NkEvent(kind=nk.EventKind.PLAN, on=data["on"], text=data["plan"], detail={})


def record_plan(ctx: ServiceContext, actor: Actor, procedure_id: int, body: Any, *,
                page: bool = False) -> Saved:
    """The individual plan of help the group agreed (a later one replaces it)."""
    return _change(ctx, actor, procedure_id, "NkPlan", body, page, "plan", _plan)


def _closing(uow: UnitOfWork, proc: NkProcedure, data: dict[str, Any],
             errors: dict[str, Msg]) -> NkEvent | None:
    closed_on = data.get("closed_on")
    _dated(uow, proc, closed_on, "closed_on", errors)
    if errors or closed_on is None:
        return None
    if proc.open_step != steps.CLOSING:
        errors["ground"] = msg(NkCode.STEP_NOT_OPEN, step=proc.open_step or "—")
        return None
    plans = [e.on for e in proc.events if e.kind == nk.EventKind.PLAN]
    refusals = nk.closing_refusals(nk.ClosingFacts(
        ground=nk.Ground(data["ground"]), closed_on=closed_on, started_on=proc.started_on,
        meetings=[e.on for e in proc.events if e.kind == nk.EventKind.MEETING],
        plan_on=max(plans) if plans else None, plan_realised=bool(data.get("plan_realised"))))
    for name, reason in refusals.items():
        errors[name] = msg(_CLOSING_CODES[reason], date=proc.started_on.isoformat()) \
            if reason == "before_start" else msg(_CLOSING_CODES[reason])
    if errors:
        return None
    steps.complete(uow, proc, steps.CLOSING, {
        "closed_on": closed_on.isoformat(), "ground": data["ground"],
        "plan_realised": bool(data.get("plan_realised"))})
    proc.status, proc.closed_on, proc.closing_ground = nk.Status.CLOSED, closed_on, data["ground"]
    return NkEvent(kind=nk.EventKind.CLOSING, on=closed_on, text=data.get("note") or "",
                   detail={"ground": data["ground"],
                           "plan_realised": bool(data.get("plan_realised"))})


def close(ctx: ServiceContext, actor: Actor, procedure_id: int, body: Any, *,
          page: bool = False) -> Saved:
    """Close the procedure on its ground once the group decided so at a meeting: the violence
    ended and the plan of help was carried out, or no action is warranted."""
    return _change(ctx, actor, procedure_id, "NkClosing", body, page, "closing", _closing)
