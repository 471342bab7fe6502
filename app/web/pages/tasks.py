"""The task page: the case in brief and the task's JSON Schema form, completed through the service."""

from __future__ import annotations

from typing import Any

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from app.domain.digits import parse_ascii_int
from app.domain.messages import Code, msg
from app.services.case_file import view as case_view
from app.services.kernel import auth as auth_service
from app.services.kernel.errors import Conflict, Forbidden, ServiceError, ValidationFailed
from app.services.workflow import worklist
from app.web.context import services
from app.web.security import actor, page_roles
from app.web.ui import schema_form
from app.web.ui.formatting import service_message
from app.web.ui.labels import RELATION_LABELS, label, lang

CASE_ROLES = ("caseworker", "supervisor")


def task_title(task: dict[str, Any]) -> str:
    """The task's title in the current language."""
    if lang() == "en" and task.get("title_en"):
        return str(task["title_en"])
    return str(task.get("title_pl") or task.get("name") or "")


def _case_brief(case_id: int) -> dict[str, Any] | None:
    """The case file for the summary box (an audited read, as any display of the case is)."""
    try:
        return case_view.get_case(services(), actor(), case_id)
    except ServiceError:
        return None


def _member_choices(case: dict[str, Any] | None) -> dict[str, list[tuple[str, str]]]:
    """Forms refer to household members by position (``member_index``): offer them by name."""
    if not case:
        return {}
    return {"member_index": [
        (str(i), f"{i + 1}. {m['first_name']} {m['last_name']} ({label(RELATION_LABELS, m['relation'])})")
        for i, m in enumerate(case["members"])
    ]}


def _prefill_members(schema: dict[str, Any], values: dict[str, Any], case: dict[str, Any] | None) -> None:
    """Start a per-member list (e.g. verified incomes) with one row for each household member."""
    if not case:
        return
    for key, prop in (schema.get("properties") or {}).items():
        items = prop.get("items") if isinstance(prop, dict) else None
        if isinstance(items, dict) and "member_index" in (items.get("properties") or {}) \
                and key not in values:
            values[key] = [{"member_index": i} for i in range(len(case["members"]))]


def _render(task: dict[str, Any], values: dict[str, Any], errors: dict[str, str], version: Any,
            status: int = 200, problem: dict[str, Any] | None = None,
            case: dict[str, Any] | None = None) -> Any:
    schema = task.get("schema") or {}
    case = case if case is not None else _case_brief(task["case_id"])
    fields = schema_form.build_fields(schema, values, errors, choices=_member_choices(case))
    users = {u.id: u for u in auth_service.list_users(services())}
    return render_template(
        "pages/task.html", task=task, title=task_title(task), fields=fields,
        general_errors=schema_form.unplaced_errors(fields, errors), errors=errors, version=version,
        labels=schema_form.field_labels(fields), case=case, problem=problem, users=users,
        me=current_user.id,
    ), status


@page_roles(*CASE_ROLES)
def task(task_id: int) -> Any:
    """Show a task with its form, or its result once completed."""
    data = worklist.get_task(services(), actor(), task_id)
    case = _case_brief(data["case_id"])
    values = dict(data.get("data") or {})
    if data.get("status") == "ready":
        # Starting values from the case (computed amount, lawful period, declared incomes) for
        # the fields the task's own data leaves empty.
        initial = (data.get("context") or {}).get("initial") or {}
        values.update({k: v for k, v in initial.items() if values.get(k) in (None, "", [])})
        _prefill_members(data.get("schema") or {}, values, case)
    elif data.get("result") is not None:
        values = dict(data["result"])
    return _render(data, values, {}, data.get("version"), case=case)


@page_roles(*CASE_ROLES)
def submit(task_id: int) -> Any:
    """Complete the task; on any refusal the page comes back with what the user typed."""
    task_data = worklist.get_task(services(), actor(), task_id)
    schema = task_data.get("schema") or {}
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
        worklist.complete(services(), actor(), task_id, data, version)
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
    return redirect(url_for("pages.index"))
