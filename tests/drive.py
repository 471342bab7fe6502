"""Drive a case through its workflow at the service layer (shared by tests and benchmarks)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from sqlalchemy import select

from app.domain.deadlines import today_in_warsaw
from app.persistence.models import HumanTask
from app.services.kernel.context import Actor, ServiceContext
from app.services.workflow import jobs, worklist
from app.workflow_engine.fixtures import canned_form_data


def canned(ctx: ServiceContext, name: str, **overrides: Any) -> dict[str, Any]:
    """Canned form data dated today by the context's clock."""
    return canned_form_data(name, today_in_warsaw(ctx.now()).isoformat(), **overrides)


def lawful(ctx: ServiceContext, actor: Actor, ht: HumanTask, data: dict[str, Any]) -> dict[str, Any]:
    """Canned data with the values the task's form opens with (a draft decision starts from the
    computed amount and a lawful period, as the page does)."""
    initial = worklist.get_task(ctx, actor, ht.id)["context"].get("initial") or {}
    if ht.name != "draft_decision":
        return data
    draft = {**data, **initial}
    if draft.get("return_kind") in ("full", "part") and not draft.get("return_first_due"):
        # Aid granted on condition of return (art. 41 pkt 2 u.p.s.): the caseworker sets the
        # terms the page leaves to them: one instalment, due a month after the aid is paid.
        start = date.fromisoformat(draft.get("period_to") or draft["period_from"])
        draft.update(return_instalments=1, return_first_due=(start + timedelta(days=31)).isoformat())
    return draft


def ready_tasks(ctx: ServiceContext, case_id: int) -> list[HumanTask]:
    """Ready human tasks of a case, oldest first."""
    with ctx.uow() as uow:
        rows = uow.session.scalars(
            select(HumanTask).where(HumanTask.case_id == case_id, HumanTask.status == "ready")
            .order_by(HumanTask.id)
        ).all()
        for r in rows:
            uow.session.expunge(r)
        return list(rows)


def complete_named(
    ctx: ServiceContext, case_id: int, name: str, actor: Actor, data: dict[str, Any] | None = None
) -> dict[str, Any]:
    """Complete the ready task `name` of the case with canned (or given) data."""
    for ht in ready_tasks(ctx, case_id):
        if ht.name == name:
            data = data or lawful(ctx, actor, ht, canned(ctx, name))
            return worklist.complete(ctx, actor, ht.id, data, ht.version)
    names = [t.name for t in ready_tasks(ctx, case_id)]
    raise AssertionError(f"task {name!r} is not ready; ready: {names}")


def drive(
    ctx: ServiceContext,
    case_id: int,
    actors: dict[str, Actor],
    *,
    until: Callable[[list[HumanTask]], bool] | None = None,
    data_for: Callable[[str], dict[str, Any] | None] | None = None,
    run_jobs: bool = True,
    max_steps: int = 60,
) -> list[str]:
    """Complete ready tasks with canned data (by lane role) until none remain or `until` holds."""
    done: list[str] = []
    for _ in range(max_steps):
        if run_jobs:
            jobs.run_pending_inline(ctx)
        tasks = ready_tasks(ctx, case_id)
        if not tasks or (until and until(tasks)):
            return done
        ht = tasks[0]
        actor = actors[ht.role]
        data = (data_for(ht.name) if data_for else None) or lawful(ctx, actor, ht, canned(ctx, ht.name))
        worklist.complete(ctx, actor, ht.id, data, ht.version)
        done.append(ht.name)
    raise AssertionError(f"case {case_id} did not settle in {max_steps} steps: {done}")


def sample_application(**overrides: Any) -> dict[str, Any]:
    """A valid application payload for a single person (zasiłek okresowy)."""
    payload: dict[str, Any] = {
        "applicant": {"pesel": "75011501233", "first_name": "Jan", "last_name": "Testowy",
                      "net_income": "300.00"},
        "members": [],
        "benefit": "zasilek_okresowy",
        "reason": "bezrobocie",
        "urgent": False,
        "address": "ul. Testowa 1, 32-065 Krzeszowice",
        "bank_account": "PL61109010140000071219812874",
    }
    payload.update(overrides)
    return payload


def drive_niebieska_karta(
    ctx: ServiceContext,
    actor: Actor,
    procedure_id: int,
    data_for: Callable[[str, int], dict[str, Any] | None] | None = None,
    max_steps: int = 20,
) -> list[str]:
    """Walk a Niebieska Karta procedure's open steps (niebieska_karta.bpmn) through its services
    as ``actor`` (a person assigned to it), with canned data dated today unless ``data_for(step,
    n)`` (the n-th visit of the step, from 0) gives other data; returns the steps completed.

    The procedure is not a case, so its steps are never in the worklist: they are recorded on
    the procedure (hand-over, meetings, closing), each with the version as read."""
    from app.services.niebieska_karta import procedures, records

    record = {"nk_handover": records.hand_over, "nk_group_meeting": records.record_meeting,
              "nk_closing": records.close}
    done: list[str] = []
    for _ in range(max_steps):
        view = procedures.read(ctx, actor, procedure_id)
        if view.open_step is None:
            return done
        step = view.open_step.step
        data = (data_for(step, done.count(step)) if data_for else None) or canned(ctx, step)
        if step == "nk_group_meeting":
            data = {"attendees": ["Anna Kowalska (OPS)"], **data}
        record[step](ctx, actor, procedure_id, {**data, "version": view.version})
        done.append(step)
    raise AssertionError(f"procedure {procedure_id} did not close in {max_steps} steps: {done}")
