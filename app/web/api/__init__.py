"""REST API under /api: thin handlers that parse, authorise, call a service and return JSON."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, Response, jsonify, request

from app.domain.messages import Code, Msg, msg
from app.domain.statuses import JobStatus
from app.domain.views import to_json
from app.services.appeals import appeal as appeals
from app.services.appeals import sko
from app.services.case_file import view as case_view
from app.services.cases import opening as cases
from app.services.cases import register
from app.services.decisions import decision_changes, parameter_changes
from app.services.definitions import deploy as definitions
from app.services.definitions import migration
from app.services.documents import document_store, letters
from app.services.kernel import auth as auth_service
from app.services.kernel.errors import ValidationFailed
from app.services.kernel.json_input import text_problem
from app.services.workflow import incidents, jobs, worklist
from app.web.context import services
from app.web.downloads import pdf_response
from app.web.messages import api_codes
from app.web.security import Unauthorized, api_actor, api_roles

from . import dashboard as dashboard_api
from . import debtors as debtors_api
from . import family_reports as family_reports_api
from . import niebieska_karta as niebieska_karta_api
from . import payment_routes, provision_routes
from . import recovery as recovery_api
from . import reports as reports_api
from . import social_work as social_work_api
from .openapi import document as openapi_document

bp = Blueprint("api", __name__)
CASE_ROLES = ("caseworker", "supervisor")
payment_routes.register(bp)
provision_routes.register(bp)


def _json_body() -> dict[str, Any]:
    data = request.get_json(silent=True)
    if not isinstance(data, dict):
        raise ValidationFailed(
            msg(Code.BODY_NOT_JSON_OBJECT),
            {"body": msg(Code.JSON_OBJECT_EXPECTED)},
        )
    return data


@bp.get("/openapi.json")
def openapi() -> Response:
    """The OpenAPI 3.1 description of this API."""
    return jsonify(openapi_document())


@bp.post("/auth/token")
def token() -> Any:
    """Exchange username and password for a bearer token (429 while sign-in is locked out)."""
    body = _json_body()
    username, password = body.get("username"), body.get("password")
    if not isinstance(username, str) or not isinstance(password, str):
        raise ValidationFailed(msg(Code.CREDENTIALS_MISSING), {
            k: msg(Code.REQUIRED_STRING) for k in ("username", "password") if not isinstance(body.get(k), str)
        })
    from app.web.auth import client_address

    try:
        user = auth_service.sign_in(services(), username, password, client_address(), via="api")
    except auth_service.TooManyAttempts as exc:
        # 429 with Retry-After (seconds); the body also gives retry_after and retry_at (UTC).
        return (jsonify({"error": exc.message, **api_codes(exc.message), **exc.extra}), 429,
                {"Retry-After": str(exc.retry_after)})
    if user is None:
        raise Unauthorized(msg(Code.CREDENTIALS_WRONG))
    return jsonify({"token": auth_service.issue_token(services(), user.id),
                    "roles": sorted(user.role_names)})


@bp.post("/auth/revoke")
def revoke_token() -> Any:
    """Revoke the bearer token this request is sent with; it stops working at once."""
    from app.web.security import bearer_token

    tok = bearer_token()
    if tok is None or not auth_service.revoke_token(services(), tok):
        raise Unauthorized(msg(Code.TOKEN_TO_REVOKE_MISSING))
    return jsonify({"revoked": True})


@bp.post("/cases")
@api_roles(*CASE_ROLES)
def create_case() -> Any:
    """Register an application and start its workflow."""
    case_id = cases.open_case(services(), api_actor(), _json_body())
    return jsonify(case_view.get_case(services(), api_actor(), case_id).as_json()), 201


@bp.post("/cases/check")
@api_roles(*CASE_ROLES)
def check_application() -> Any:
    """What the register says of an application's people, before it is registered."""
    return jsonify(cases.check_application(services(), api_actor(), _json_body()).as_json())


@bp.post("/cases/search")
@api_roles(*CASE_ROLES)
def search_cases() -> Any:
    """Cases by PESEL, surname or case number (POST, so that no PESEL lands in a URL or log)."""
    body = _json_body()
    return jsonify([r.as_json() for r in register.search_cases(services(), api_actor(), body.get("q"),
                                                               body.get("status"))])


@bp.get("/persons/<int:person_id>")
@api_roles(*CASE_ROLES)
def get_person(person_id: int) -> Any:
    """A register entry, its change history and its cases."""
    return jsonify(register.get_person(services(), api_actor(), person_id).as_json())


@bp.post("/cases/<int:case_id>/persons/<int:person_id>/confirm")
@api_roles(*CASE_ROLES)
def confirm_register_changes(case_id: int, person_id: int) -> Any:
    """Apply what the case declared about a person to the register (with its history)."""
    # The body is optional; one that is sent must be a JSON object.
    body = _json_body() if request.get_data() else {}
    version = body.get("version")
    if version is not None and (isinstance(version, bool) or not isinstance(version, int)):
        raise ValidationFailed(msg(Code.VERSION_WHOLE), {"version": msg(Code.INTEGER_REQUIRED)})
    return jsonify(register.confirm_case_changes(services(), api_actor(), case_id, person_id,
                                                 version).as_json())


@bp.get("/cases")
@api_roles(*CASE_ROLES)
def list_cases() -> Any:
    """Recent cases."""
    return jsonify([r.as_json() for r in case_view.list_cases(services(), api_actor())])


@bp.get("/cases/<int:case_id>")
@api_roles(*CASE_ROLES)
def get_case(case_id: int) -> Any:
    """The case file: status, stage, open tasks, decision, payments, history."""
    return jsonify(case_view.get_case(services(), api_actor(), case_id).as_json())


@bp.get("/cases/<int:case_id>/documents/<int:document_id>")
@api_roles(*CASE_ROLES)
def get_document(case_id: int, document_id: int) -> Any:
    """An issued document as its stored PDF (an attachment; audited)."""
    content, name = document_store.download(services(), api_actor(), case_id, document_id)
    return pdf_response(content, name)


@bp.post("/cases/<int:case_id>/letters")
@api_roles(*CASE_ROLES)
def issue_letter(case_id: int) -> Any:
    """Issue a letter {kind, facts} as a PDF document of the case."""
    body = _json_body()
    issued = letters.issue_letter(services(), api_actor(), case_id, str(body.get("kind")),
                                  body.get("facts") or {})
    return jsonify(to_json(issued)), 201
@bp.post("/cases/<int:case_id>/appeals")
@api_roles(*CASE_ROLES)
def record_appeal(case_id: int) -> Any:
    """An appeal that arrived after the decision was recorded final, dated by posting."""
    return jsonify(to_json(appeals.record_appeal(services(), api_actor(), case_id, _json_body()))), 201


@bp.post("/appeals/<int:appeal_id>/forward")
@api_roles("supervisor")
def forward_appeal(appeal_id: int) -> Any:
    """Forward the appeal to the SKO (art. 133) or change the decision (art. 132)."""
    return jsonify(to_json(sko.forward_appeal(services(), api_actor(), appeal_id, _json_body())))


@bp.post("/appeals/<int:appeal_id>/sko-outcome")
@api_roles("supervisor")
def sko_outcome(appeal_id: int) -> Any:
    """The SKO's ruling on a forwarded appeal (art. 138), and on restoring its deadline."""
    return jsonify(to_json(sko.record_outcome(services(), api_actor(), appeal_id, _json_body())))


@bp.post("/cases/<int:case_id>/decision-changes")
@api_roles(*CASE_ROLES)
def request_decision_change(case_id: int) -> Any:
    """Open a change or revocation of the case's issued grant (art. 106 ust. 5 u.p.s.)."""
    change_id = decision_changes.request_change(services(), api_actor(), case_id, _json_body())
    return jsonify({"case_id": change_id}), 201


@bp.get("/parameter-changes")
@api_roles(*CASE_ROLES)
def affected_grants() -> Any:
    """Running grants whose amount changes with a legal parameter change."""
    return jsonify(to_json(parameter_changes.affected_grants(services(), api_actor())))


@bp.post("/parameter-changes/draft")
@api_roles("supervisor")
def draft_changes() -> Any:
    """Open a case ex officio to change each chosen grant (art. 106 ust. 5 u.p.s.)."""
    opened = parameter_changes.draft_changes(services(), api_actor(), _json_body().get("grants"))
    return jsonify({"case_ids": opened}), 201


@bp.get("/tasks")
@api_roles(*CASE_ROLES)
def list_tasks() -> Any:
    """The worklist: scope=mine (default) or team."""
    tasks = worklist.list_tasks(services(), api_actor(), request.args.get("scope", "mine"))
    return jsonify([t.as_json() for t in tasks])


@bp.get("/tasks/<int:task_id>")
@api_roles(*CASE_ROLES)
def get_task(task_id: int) -> Any:
    """One task with its form schema and data."""
    return jsonify(worklist.get_task(services(), api_actor(), task_id).as_json())


@bp.post("/tasks/<int:task_id>/claim")
@api_roles(*CASE_ROLES)
def claim(task_id: int) -> Any:
    """Take an unassigned task."""
    return jsonify(worklist.claim(services(), api_actor(), task_id).as_json())


@bp.post("/tasks/<int:task_id>/unclaim")
@api_roles(*CASE_ROLES)
def unclaim(task_id: int) -> Any:
    """Release a task to the team queue."""
    return jsonify(worklist.unclaim(services(), api_actor(), task_id).as_json())


@bp.post("/tasks/<int:task_id>/assign")
@api_roles("supervisor")
def assign(task_id: int) -> Any:
    """Supervisor reassigns a task."""
    body = _json_body()
    user_id = body.get("user_id")
    if not isinstance(user_id, int) or isinstance(user_id, bool):
        raise ValidationFailed(msg(Code.USER_ID_MISSING), {"user_id": msg(Code.REQUIRED_INTEGER)})
    return jsonify(worklist.assign(services(), api_actor(), task_id, user_id).as_json())


@bp.post("/tasks/<int:task_id>/complete")
@api_roles(*CASE_ROLES)
def complete(task_id: int) -> Any:
    """Complete a task with {data, version}: 200, 409 on a stale version, 422 on bad data."""
    body = _json_body()
    version = body.get("version")
    if version is not None and (not isinstance(version, int) or isinstance(version, bool)):
        raise ValidationFailed(msg(Code.VERSION_BAD), {"version": msg(Code.VERSION_AS_READ)})
    data = body.get("data", {})
    return jsonify(worklist.complete(services(), api_actor(), task_id, data, version).as_json())


@bp.get("/definitions")
@api_roles("admin")
def list_definitions() -> Any:
    """Deployed definition versions."""
    return jsonify(to_json(definitions.list_definitions(services())))


def _name_problem(names: dict[str, Any]) -> Msg | None:
    """Why one of an upload's file or form names may not be kept, or None. A name is echoed in
    every problem of its file: no control, bidi or invisible character may come back in a
    refusal (the Error schema's text rule)."""
    return next((found for name in names if (found := text_problem(name, "line")) is not None), None)


def _definition_upload() -> tuple[dict[str, Any], dict[str, Any], dict[str, Any]]:
    """(sources, forms, body) of a definition upload; too large is refused before parsing JSON."""
    limit = int(services().config.get("DEFINITION_MAX_UPLOAD_BYTES", 10 * 1024 * 1024))
    # JSON escaping can double XML text (quotes, newlines), and forms come on top.
    if request.content_length is not None and request.content_length > 2 * limit + 1024 * 1024:
        exc = ValidationFailed("The definition upload is too large.", {"body": "Too large."})
        exc.status = 413
        exc.extra["problems"] = [{
            "file": "", "element_id": None, "element_name": None, "code": "xml_too_large",
            "message": f"the upload has {request.content_length} bytes, more than the limit",
            "params": {"size": request.content_length, "limit": limit}}]
        raise exc
    body = _json_body()
    sources, forms = body.get("sources"), body.get("forms")
    errors = {}
    if not isinstance(sources, dict) or not sources or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in sources.items()
    ):
        errors["sources"] = "Give an object mapping BPMN file names to their XML text."
    elif (problem := _name_problem(sources)) is not None:
        errors["sources"] = problem
    if not isinstance(forms, dict) or not all(isinstance(v, dict) for v in forms.values()):
        errors["forms"] = "Give an object mapping form names to JSON Schemas."
    elif (problem := _name_problem(forms)) is not None:
        errors["forms"] = problem
    if not isinstance(body.get("comment", ""), str):  # was stored as "False", "[]" ...
        errors["comment"] = "Give the comment as text."
    elif len(body.get("comment", "")) > definitions.COMMENT_CHARS:  # was cut at 500 without a word
        errors["comment"] = msg(Code.MAX_LENGTH, limit=definitions.COMMENT_CHARS)
    if errors or not isinstance(sources, dict) or not isinstance(forms, dict):
        raise ValidationFailed(msg(Code.UPLOAD_INCOMPLETE), errors)
    return sources, forms, body


@bp.post("/definitions")
@api_roles("admin")
def deploy_definition() -> Any:
    """Deploy {sources: {file.bpmn: xml}, forms: {name: schema}, comment}; 422 with `problems`
    (each naming its file and element) if the candidate is refused."""
    sources, forms, body = _definition_upload()
    definition_id, created = definitions.deploy(
        services(), sources, forms, api_actor(), str(body.get("comment", ""))
    )
    return jsonify({"id": definition_id, "created": created}), 201 if created else 200


@bp.post("/definitions/check")
@api_roles("admin")
def check_definition() -> Any:
    """Dry run of a deploy: {problems, replay, timings_ms}; nothing is stored."""
    sources, forms, _ = _definition_upload()
    return jsonify(definitions.check(services(), sources, forms))


@bp.get("/jobs")
@api_roles("supervisor")
def problem_jobs() -> Any:
    """Background jobs that failed or are being retried."""
    return jsonify(to_json(jobs.problem_jobs(services(), api_actor())))


@bp.post("/jobs/<int:job_id>/retry")
@api_roles("supervisor")
def retry_job(job_id: int) -> Any:
    """Send a failed job back to the worker."""
    jobs.retry_job(services(), api_actor(), job_id)
    return jsonify({"id": job_id, "status": JobStatus.PENDING})


@bp.get("/incidents")
@api_roles("supervisor", "admin")
def list_incidents() -> Any:
    """Running cases the workflow cannot move on by itself, with the element they are at."""
    return jsonify(to_json(incidents.list_incidents(services(), api_actor())))


@bp.post("/incidents/<int:instance_id>/retry")
@api_roles("supervisor", "admin")
def retry_incident(instance_id: int) -> Any:
    """Re-run the failed step of an incident: {instance_id, resolved, incident}."""
    return jsonify(to_json(incidents.retry(services(), api_actor(), instance_id)))


@bp.post("/instances/migrate")
@api_roles("admin")
def migrate_instances() -> Any:
    """Move cases {from_version, to_version, element_id?, dry_run (default true)}."""
    body = _json_body()
    return jsonify(migration.migrate_instances(
        services(), api_actor(), body.get("from_version"), body.get("to_version"),
        body.get("element_id"), body.get("dry_run", True)))


recovery_api.register(bp)
debtors_api.register(bp)
social_work_api.register(bp)
reports_api.register(bp)
niebieska_karta_api.register(bp)
family_reports_api.register(bp)
dashboard_api.register(bp)
