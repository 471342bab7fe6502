"""The worklist (my tasks, the team's tasks), claiming and reassigning, and the deadline board."""

from __future__ import annotations

from datetime import timedelta
from typing import Any
from urllib.parse import urlsplit

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from app.domain.digits import parse_ascii_int
from app.services.appeals import decision_life
from app.services.debtors import procedures as debtor_procedures
from app.services.kernel import auth as auth_service
from app.services.kernel.errors import ServiceError
from app.services.niebieska_karta import procedures as nk_procedures
from app.services.social_work import period as social_work_period
from app.services.workflow import incidents, jobs, worklist
from app.services.workflow.task_views import TaskSummary
from app.web.context import services
from app.web.security import actor, page_roles
from app.web.ui.formatting import due_badge, service_message, today
from app.web.ui.incidents import retry_and_report

CASE_ROLES = ("caseworker", "supervisor")


def _users() -> dict[int, auth_service.StaffUser]:
    return {u.id: u for u in auth_service.list_users(services())}


def _table_context(scope: str) -> dict[str, Any]:
    tasks = worklist.list_tasks(services(), actor(), scope)
    users = _users()
    candidates = {role: [u for u in users.values() if u.active and role in u.roles]
                  for role in {t.role for t in tasks}}
    return {"tasks": tasks, "users": users, "candidates": candidates, "scope": scope}


@page_roles()
def index() -> Any:
    """My tasks; the head of the centre without a case role gets the dashboard, an admin without
    one the administration landing page."""
    if not current_user.actor.has_case_role and "head" in current_user.roles:
        return redirect(url_for("pages.dashboard"))
    if not current_user.actor.has_case_role:
        return render_template("pages/admin_home.html")
    return render_template("pages/worklist.html", **_table_context("mine"))


@page_roles(*CASE_ROLES)
def team() -> Any:
    """The team's open tasks (a supervisor sees every role's)."""
    return render_template("pages/worklist.html", **_table_context("team"))


def _back() -> Any:
    """Redirect to the page the form came from (same site only)."""
    target = request.form.get("next") or (request.referrer and urlsplit(request.referrer).path)
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        target = url_for("pages.index")
    return redirect(target)


def _task_action(call: Any, done_message: str) -> Any:
    try:
        call()
        flash(done_message, "success")
    except ServiceError as exc:
        flash(service_message(exc.message, exc.status), "error")
    return _back()


@page_roles(*CASE_ROLES)
def claim(task_id: int) -> Any:
    """Take an unassigned task."""
    return _task_action(lambda: worklist.claim(services(), actor(), task_id),
                        _("Zadanie zostało przydzielone Tobie."))


@page_roles(*CASE_ROLES)
def release(task_id: int) -> Any:
    """Return a task to the team queue."""
    return _task_action(lambda: worklist.unclaim(services(), actor(), task_id),
                        _("Zadanie wróciło do puli zespołu."))


@page_roles("supervisor")
def assign(task_id: int) -> Any:
    """Supervisor reassigns a task to a user of the task's role."""
    user_id = parse_ascii_int(request.form.get("user_id", ""))
    if user_id is None:
        flash(_("Wybierz osobę, której chcesz przydzielić zadanie."), "error")
        return _back()
    return _task_action(lambda: worklist.assign(services(), actor(), task_id, user_id),
                        _("Zadanie zostało przydzielone."))


@page_roles("supervisor")
def deadlines() -> Any:
    """Open tasks overdue or due within 3 days, across the team, grouped by urgency."""
    horizon = today() + timedelta(days=3)
    tasks = worklist.list_tasks(services(), actor(), "team")
    groups: dict[str, list[TaskSummary]] = {"overdue": [], "today": [], "soon": []}
    for t in tasks:
        badge = due_badge(t.due_on)
        if badge is None or t.due_on is None or t.due_on > horizon:
            continue
        key = "overdue" if badge["days"] < 0 else "today" if badge["days"] == 0 else "soon"
        groups[key].append(t)
    return render_template("pages/deadlines.html", groups=groups, users=_users(), horizon=horizon,
                           failed_jobs=jobs.problem_jobs(services(), actor()),
                           incidents=incidents.list_incidents(services(), actor()),
                           appeals=decision_life.pending_forwarding(services(), actor()),
                           reviews=social_work_period.reviews_due(services(), actor(), horizon),
                           debtor_steps=debtor_procedures.deadlines(services(), actor()),
                           nk_steps=nk_procedures.deadlines(services(), actor()))


@page_roles("supervisor")
def retry_job(job_id: int) -> Any:
    """Send a failed background job back to the worker."""
    try:
        jobs.retry_job(services(), actor(), job_id)
        flash(_("Zadanie systemowe zostało ponownie zlecone."), "success")
    except ServiceError as exc:
        flash(service_message(exc.message, exc.status), "error")
    return redirect(url_for("pages.deadlines"))


@page_roles("supervisor")
def retry_incident(instance_id: int) -> Any:
    """Re-run the failed step of a stuck case (after a fix, or a passing failure)."""
    retry_and_report(instance_id)
    return redirect(url_for("pages.deadlines"))
