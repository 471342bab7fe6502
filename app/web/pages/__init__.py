"""Server-rendered pages for staff: worklist, tasks, cases, payments and deadlines.

The routing table is kept here, in one place; each view module holds thin views
(parse -> authorise -> call a service -> render).
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint
from flask_login import current_user

from app.web.ui import schema_form
from app.web.ui.formatting import register_template_helpers

from . import (
    cases,
    changes,
    dashboard,
    debtors,
    family_reports,
    life,
    niebieska_karta,
    payments,
    provision,
    recovery,
    reports,
    social_work,
    tasks,
    worklist,
)

# Templates live in app/web/templates, shared by every blueprint (auth renders login.html from it).
bp = Blueprint("pages", __name__, template_folder="../templates")
bp.record_once(lambda state: register_template_helpers(state.app))
# A template renders a services' input schema by its name (the decision change on the case page).
bp.record_once(lambda state: state.app.add_template_global(schema_form.input_fields, "input_fields"))

_ROUTES = (
    ("/", worklist.index, ("GET",)),
    ("/team", worklist.team, ("GET",)),
    ("/deadlines", worklist.deadlines, ("GET",)),
    ("/jobs/<int:job_id>/retry", worklist.retry_job, ("POST",)),
    ("/incidents/<int:instance_id>/retry", worklist.retry_incident, ("POST",)),
    ("/tasks/<int:task_id>", tasks.task, ("GET",)),
    ("/tasks/<int:task_id>", tasks.submit, ("POST",)),
    ("/tasks/<int:task_id>/next", tasks.next_step, ("GET",)),
    ("/tasks/<int:task_id>/claim", worklist.claim, ("POST",)),
    ("/tasks/<int:task_id>/release", worklist.release, ("POST",)),
    ("/tasks/<int:task_id>/assign", worklist.assign, ("POST",)),
    ("/cases", cases.case_list, ("GET", "POST")),
    ("/cases/<int:case_id>/persons/<int:person_id>/confirm", cases.confirm_register, ("POST",)),
    ("/persons/<int:person_id>", cases.person_detail, ("GET",)),
    ("/cases/new", cases.case_new, ("GET", "POST")),
    ("/cases/<int:case_id>", cases.case_detail, ("GET",)),
    ("/cases/<int:case_id>/decision/<int:decision_id>", cases.decision_document, ("GET",)),
    ("/cases/<int:case_id>/documents/<int:document_id>", cases.document_download, ("GET",)),
    ("/cases/<int:case_id>/letters", cases.letter_new, ("GET", "POST")),
    ("/changes", changes.changes, ("GET",)),
    ("/changes/draft", changes.draft_changes, ("POST",)),
    ("/payments", payments.payment_lists, ("GET",)),
    ("/payments/run", payments.payment_run, ("POST",)),
    ("/payments/<int:list_id>", payments.payment_list, ("GET",)),
    ("/payments/<int:list_id>/approve", payments.approve, ("POST",)),
    ("/payments/<int:list_id>/export/<kind>", payments.export, ("POST",)),
    ("/payments/<int:list_id>/settle", payments.settle_list, ("POST",)),
    ("/payments/<int:list_id>/payments/<int:payment_id>/settle", payments.settle_payment, ("POST",)),
    ("/payments/<int:list_id>/payments/<int:payment_id>/reissue", payments.reissue, ("POST",)),
    ("/provision", provision.provision_lists, ("GET",)),
    ("/provision/<kind>/export/<fmt>", provision.provision_export, ("GET",)),
    ("/reports/mrpips-03", reports.report_mrpips03, ("GET",)),
    ("/reports/mrpips-03/export/<fmt>", reports.report_mrpips03_export, ("GET",)),
    ("/cases/<int:case_id>/recoveries", recovery.case_recoveries, ("GET",)),
    ("/cases/<int:case_id>/recoveries", recovery.record_finding, ("POST",)),
    ("/recoveries/<int:recovery_id>/decisions", recovery.draft_decision, ("POST",)),
    ("/recovery-decisions/<int:decision_id>/approve", recovery.approve_decision, ("POST",)),
    ("/recovery-decisions/<int:decision_id>.pdf", recovery.decision_pdf, ("GET",)),
    ("/recoveries/<int:recovery_id>/repayments", recovery.record_repayment, ("POST",)),
    ("/recovery-decisions/<int:decision_id>/final", recovery.record_final, ("POST",)),
    ("/persons/<int:person_id>/recoveries", recovery.person_recoveries, ("GET",)),
    ("/cases/<int:case_id>/appeals", life.record_appeal, ("POST",)),
    ("/appeals/<int:appeal_id>/forward", life.forward_appeal, ("POST",)),
    ("/appeals/<int:appeal_id>/sko", life.sko_outcome, ("POST",)),
    ("/cases/<int:case_id>/decision-changes", life.request_change, ("POST",)),
    ("/debtors", debtors.debtor_list, ("GET",)),
    ("/debtors/new", debtors.debtor_new, ("GET", "POST")),
    ("/debtors/<int:procedure_id>", debtors.debtor_detail, ("GET",)),
    ("/debtors/<int:procedure_id>/dues", debtors.add_due, ("POST",)),
    ("/debtors/<int:procedure_id>/dues/import", debtors.import_dues, ("POST",)),
    ("/debtors/<int:procedure_id>/receipts", debtors.record_receipt, ("POST",)),
)

for _rule, _view, _methods in _ROUTES:
    bp.add_url_rule(_rule, view_func=_view, methods=list(_methods))



@bp.app_context_processor
def _nk_nav() -> dict[str, Any]:
    """``nk_visible()``: the Niebieska Karta link shows only to those who may see a procedure
    (the head, a caseworker, a person assigned); asked only when the menu is drawn."""

    def nk_visible() -> bool:
        if not current_user.is_authenticated:
            return False
        return niebieska_karta.may_see_any(current_user.actor)

    return {"nk_visible": nk_visible}


for _nk_rule, _nk_endpoint, _nk_view, _nk_methods in niebieska_karta.ROUTES:
    bp.add_url_rule(_nk_rule, endpoint=_nk_endpoint, view_func=_nk_view, methods=list(_nk_methods))

for _sw_rule, _sw_endpoint, _sw_view, _sw_methods in social_work.ROUTES:
    bp.add_url_rule(_sw_rule, endpoint=_sw_endpoint, view_func=_sw_view, methods=list(_sw_methods))

for _fr_rule, _fr_endpoint, _fr_view in family_reports.ROUTES:
    bp.add_url_rule(_fr_rule, endpoint=_fr_endpoint, view_func=_fr_view, methods=["GET"])
for _d_rule, _d_endpoint, _d_view, _d_methods in dashboard.ROUTES:
    bp.add_url_rule(_d_rule, endpoint=_d_endpoint, view_func=_d_view, methods=list(_d_methods))
