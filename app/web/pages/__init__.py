"""Server-rendered pages for staff: worklist, tasks, cases, payments and deadlines.

The routing table is kept here, in one place; each view module holds thin views
(parse -> authorise -> call a service -> render).
"""

from __future__ import annotations

from flask import Blueprint

from . import cases, changes, life, payments, tasks, worklist
from .formatting import register_template_helpers

# Templates live in app/web/templates, shared by every blueprint (auth renders login.html from it).
bp = Blueprint("pages", __name__, template_folder="../templates")
bp.record_once(lambda state: register_template_helpers(state.app))

_ROUTES = (
    ("/", worklist.index, ("GET",)),
    ("/team", worklist.team, ("GET",)),
    ("/deadlines", worklist.deadlines, ("GET",)),
    ("/jobs/<int:job_id>/retry", worklist.retry_job, ("POST",)),
    ("/incidents/<int:instance_id>/retry", worklist.retry_incident, ("POST",)),
    ("/tasks/<int:task_id>", tasks.task, ("GET",)),
    ("/tasks/<int:task_id>", tasks.submit, ("POST",)),
    ("/tasks/<int:task_id>/claim", worklist.claim, ("POST",)),
    ("/tasks/<int:task_id>/release", worklist.release, ("POST",)),
    ("/tasks/<int:task_id>/assign", worklist.assign, ("POST",)),
    ("/cases", cases.case_list, ("GET", "POST")),
    ("/cases/<int:case_id>/persons/<int:person_id>/confirm", cases.confirm_register, ("POST",)),
    ("/persons/<int:person_id>", cases.person_detail, ("GET",)),
    ("/cases/new", cases.case_new, ("GET", "POST")),
    ("/cases/<int:case_id>", cases.case_detail, ("GET",)),
    ("/cases/<int:case_id>/decision/<int:decision_id>", cases.decision_document, ("GET",)),
    ("/changes", changes.changes, ("GET",)),
    ("/changes/draft", changes.draft_changes, ("POST",)),
    ("/payments", payments.payment_lists, ("GET",)),
    ("/payments/run", payments.payment_run, ("POST",)),
    ("/payments/<int:list_id>", payments.payment_list, ("GET",)),
    ("/payments/<int:list_id>/approve", payments.approve, ("POST",)),
    ("/payments/<int:list_id>/export.csv", payments.export_csv, ("POST",)),
    ("/cases/<int:case_id>/appeals", life.record_appeal, ("POST",)),
    ("/appeals/<int:appeal_id>/forward", life.forward_appeal, ("POST",)),
    ("/appeals/<int:appeal_id>/sko", life.sko_outcome, ("POST",)),
    ("/cases/<int:case_id>/decision-changes", life.request_change, ("POST",)),
)

for _rule, _view, _methods in _ROUTES:
    bp.add_url_rule(_rule, view_func=_view, methods=list(_methods))
