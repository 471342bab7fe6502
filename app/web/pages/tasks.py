"""The task page: the case in brief and the task's JSON Schema form, completed through the service."""

from __future__ import annotations

from typing import Any

from flask import flash, make_response, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from app.domain.digits import parse_ascii_int
from app.domain.messages import Code, msg
from app.domain.statuses import TaskStatus
from app.services.case_file import view as case_view
from app.services.case_file.view import CaseBrief
from app.services.kernel import auth as auth_service
from app.services.kernel.errors import Conflict, Forbidden, ServiceError, ValidationFailed
from app.services.workflow import worklist
from app.services.workflow.task_views import TaskForm, TaskSummary, TaskView
from app.web.context import services
from app.web.security import actor, page_roles
from app.web.ui import schema_form, task_notes
from app.web.ui.formatting import service_message
from app.web.ui.labels import RELATION_LABELS, ROLES, label, lang

CASE_ROLES = ("caseworker", "supervisor")


def task_title(task: TaskSummary | TaskForm) -> str:
    """The task's title in the current language."""
    if lang() == "en" and task.title_en:
        return task.title_en
    return task.title_pl or task.name


def _case_brief(case_id: int, audited: bool = True) -> CaseBrief | None:
    """The case in brief for the summary box (an audited read, as any display of the case is;
    a form shown again with its errors is not a new read)."""
    try:
        return case_view.case_brief(services(), actor(), case_id, audited=audited)
    except ServiceError:
        return None


def _member_choices(case: CaseBrief | None) -> dict[str, list[tuple[str, str]]]:
    """Forms refer to household members by position (``member_index``): offer them by name."""
    if not case:
        return {}
    return {"member_index": [
        (str(i), f"{i + 1}. {m.first_name} {m.last_name} ({label(RELATION_LABELS, m.relation)})")
        for i, m in enumerate(case.members)
    ]}


def _prefill_members(schema: dict[str, Any], values: dict[str, Any], case: CaseBrief | None) -> None:
    """Start a per-member list (e.g. verified incomes) with one row for each household member."""
    if not case:
        return
    for key, prop in (schema.get("properties") or {}).items():
        items = prop.get("items") if isinstance(prop, dict) else None
        if isinstance(items, dict) and "member_index" in (items.get("properties") or {}) \
                and key not in values:
            values[key] = [{"member_index": i} for i in range(len(case.members))]


def _render(form: TaskForm, values: dict[str, Any], errors: dict[str, str], version: Any,
            status: int = 200, problem: dict[str, Any] | None = None,
            case: CaseBrief | None = None, task: TaskView | None = None) -> Any:
    """The task page; shown again after a refusal, the case in brief is not a new audited read."""
    if task is None:
        # The task and the case in brief in one read; shown again, the case is not a new read.
        page = case_view.task_page(services(), actor(), form.id, audited=False)
        task, case = page.task, case or page.case
    if case is None:
        case = _case_brief(task.case_id, audited=False)
    fields = schema_form.build_fields(task.schema or {}, values, errors,
                                      choices=_member_choices(case),
                                      notes=task_notes.field_notes(task.context))
    # The assignee's name, when it is someone else.
    users = {u.id: u for u in auth_service.list_users(services())} \
        if task.assignee_id is not None and task.assignee_id != current_user.id else {}
    return render_template(
        "pages/task.html", task=task, title=task_title(task), fields=fields,
        general_errors=schema_form.unplaced_errors(fields, errors), errors=errors, version=version,
        labels=schema_form.field_labels(fields), case=case, problem=problem, users=users,
        me=current_user.id, violations=task_notes.violation_texts(task.context),
        set_by_centre=task_notes.set_by_centre,
    ), status


@page_roles(*CASE_ROLES)
def task(task_id: int) -> Any:
    """Show a task with its form, or its result once completed."""
    page = case_view.task_page(services(), actor(), task_id, audited=True)
    view, case = page.task, page.case
    values = dict(view.data or {})
    if view.status == TaskStatus.READY:
        # Starting values from the case (computed amount, lawful period, declared incomes) for
        # the fields the task's own data leaves empty.
        initial = view.context.get("initial") or {}
        values.update({k: v for k, v in initial.items() if values.get(k) in (None, "", [])})
        _prefill_members(view.schema or {}, values, case)
    elif view.result is not None:
        values = dict(view.result)
    form = TaskForm(id=view.id, case_id=view.case_id, name=view.name, title_pl=view.title_pl,
                    title_en=view.title_en, status=view.status, version=view.version,
                    schema=view.schema)
    return _render(form, values, {}, view.version, case=case, task=view)


@page_roles(*CASE_ROLES)
def submit(task_id: int) -> Any:
    """Complete the task; on any refusal the page comes back with what the user typed."""
    task_data = worklist.task_form(services(), actor(), task_id)
    schema = task_data.schema or {}
    raw = schema_form.raw_from_form(schema, request.form)
    version_raw = request.form.get("version", "")
    version = parse_ascii_int(version_raw)
    action = request.form.get("_action", "")
    if action and schema_form.apply_row_action(raw, action):
        return _render(task_data, raw, {}, version_raw)
    if version_raw and version is None:  # "²" or "٣": not a version; never skip the stale check
        problem = {"kind": "invalid", "message": service_message(msg(Code.INTEGER_EXPECTED))}
        return _render(task_data, raw, {}, version_raw, 422, problem)
    data, errors = schema_form.convert(schema, raw)
    if errors:
        # Also ask the service what else it would refuse, so every error shows in one round trip.
        service = worklist.check(services(), actor(), task_id, data)
        errors = {**{schema_form.normalise_path(k): service_message(v) for k, v in service.items()},
                  **errors}
        problem = {"kind": "invalid", "message": _("Formularz zawiera błędy; popraw zaznaczone pola.")}
        return _render(task_data, raw, errors, version_raw, 422, problem)
    try:
        done = worklist.complete(services(), actor(), task_id, data, version)
    except ValidationFailed as exc:
        fixed = {schema_form.normalise_path(k): service_message(v) for k, v in exc.errors.items()}
        problem = {"kind": "invalid", "message": service_message(exc.message)}
        return _render(task_data, raw, fixed, version_raw, 422, problem)
    except Conflict as exc:
        problem = {"kind": "conflict", "message": service_message(exc.message)}
        return _render(task_data, raw, {}, version_raw, 409, problem)
    except Forbidden as exc:
        problem = {"kind": "forbidden", "message": service_message(exc.message)}
        return _render(task_data, raw, {}, version_raw, 403, problem)
    except ServiceError as exc:
        problem = {"kind": "error", "message": service_message(exc.message)}
        return _render(task_data, raw, {}, version_raw, exc.status, problem)
    flash(_("Zadanie „%(title)s” zostało wykonane.", title=task_title(task_data)), "success")
    # Straight on to the user's next task of the same case when there is one already; else the
    # page that waits for a background step (or says whose the next step is).
    mine = next((t for t in done.next_tasks if worklist.is_mine(actor(), t)), None)
    if mine is not None:
        return redirect(url_for("pages.task", task_id=mine.id))
    return redirect(url_for("pages.next_step", task_id=task_id))


@page_roles(*CASE_ROLES)
def next_step(task_id: int) -> Any:
    """After a task: the user's next task of the same case, or, while a background step runs,
    a page that asks again every few seconds (htmx; ``?poll=1`` answers with the status alone, or
    tells htmx where to go once there is somewhere to go)."""
    form = worklist.task_form(services(), actor(), task_id)
    step = worklist.next_step(services(), actor(), form.case_id)
    poll = request.args.get("poll") == "1"
    target = None
    if step.mine is not None:
        target = url_for("pages.task", task_id=step.mine.id)
    elif not step.running and not step.failed:
        if step.others:
            flash(_("Następny krok w sprawie: „%(title)s” (%(role)s).", title=task_title(step.others[0]),
                    role=label(ROLES, step.others[0].role)), "info")
        else:
            flash(_("W tej sprawie nie ma teraz zadań do wykonania."), "info")
        target = url_for("pages.index")
    if target is not None:
        if poll:
            response = make_response("", 200)
            response.headers["HX-Redirect"] = target
            return response
        return redirect(target)
    return render_template("pages/task_next.html" if not poll else "partials/next_step.html",
                           step=step, task=form, title=task_title(form))
