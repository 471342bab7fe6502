"""The OpenAPI 3.1 document served at /api/openapi.json."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from app.domain import benefits
from app.domain.party_request import AMOUNT_DISCRETION, PERIOD_DISCRETION
from app.services.kernel.inputs.cases import without_request
from app.services.payments.exports import KINDS

from . import (
    openapi_dashboard,
    openapi_debtors,
    openapi_family_reports,
    openapi_nk,
    openapi_provision,
    openapi_recovery,
    openapi_reports,
    openapi_social_work,
)
from .openapi_helpers import _CASE_LINKS, _DB_ID, _TASK_LINKS, _id, _link, _op, _post
from .openapi_requests import (
    DATE,
    MONTH,
    SEARCH_REFUSED,
    harden,
    input_schemas,
    nonblank,
)
from .openapi_responses import RESPONSES

# What the exports answer with (app/services/payments/exports.py KINDS): the Elixir-O bank file,
# the cash-desk PDF and the spreadsheet.
EXPORT_MEDIA_TYPES = tuple(dict.fromkeys(mimetype for mimetype, _ in KINDS.values()))


def _request_note(text: str, codes: Iterable[str]) -> str:
    return f"{text}; only {' and '.join(codes)}"


OPENAPI: dict[str, Any] = {
    "openapi": "3.1.0",
    "info": {"title": "Pomoc API", "version": "1.0.0",
             "description": "Case management for Polish social welfare centres. Every error is "
                            "JSON (the Error schema): {error, code, params?, fields?, "
                            "field_codes?}; 409 means someone changed it first."},
    "components": {
        "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
        "schemas": {
            **RESPONSES,
            "TokenRequest": {"type": "object", "required": ["username", "password"], "properties": {
                "username": {"type": "string"}, "password": {"type": "string"}}},
            "CompleteRequest": {"type": "object", "properties": {
                "data": {"type": "object"},
                "version": {"type": ["integer", "null"], "description": "the task's version you "
                            "read (null or absent: no check)"}}},
            "AssignRequest": {"type": "object", "required": ["user_id"],
                              "properties": {"user_id": _DB_ID}},
            "PaymentRunRequest": {"type": "object", "required": ["month"],
                                  "properties": {"month": MONTH}},
            "DefinitionUpload": {"type": "object", "required": ["sources", "forms"], "properties": {
                "sources": {"type": "object", "minProperties": 1,
                            "additionalProperties": {"type": "string"}},
                "forms": {"type": "object", "additionalProperties": {"type": "object"}},
                "comment": {"type": "string", "maxLength": 500, "description": "required to deploy"}}},
            "SearchRequest": {
                "type": "object", "required": ["q"],
                "properties": {
                    "q": {**nonblank(100, SEARCH_REFUSED),
                          "description": "11 digits: PESEL; a case number; otherwise a surname prefix"},
                    "status": {"type": ["string", "null"], "enum": ["", "open", "closed", None]},
                },
            },
            "DraftChangesRequest": {
                "type": "object", "required": ["grants"],
                "properties": {"grants": {"type": "array", "minItems": 1, "maxItems": 500, "items": {
                    "type": "object", "required": ["case_id", "effective_from"],
                    "properties": {"case_id": _DB_ID,
                                   "effective_from": DATE,
                                   "party_consent_on": {
                                       **DATE, "description":
                                       "needed where the benefit's act does not name a change "
                                       "of law among its grounds (art. 155 KPA)"}}}}},
            },
            "MigrateRequest": {
                "type": "object", "required": ["from_version", "to_version"],
                "properties": {
                    "from_version": {"type": "integer", "minimum": 1, "maximum": 2**31 - 1},
                    "to_version": {"type": "integer", "minimum": 1, "maximum": 2**31 - 1,
                                   "description": "newer than from_version"},
                    "element_id": {**nonblank(200), "description": "only cases at this BPMN "
                                   "element (task id), e.g. the one an incident names"},
                    "dry_run": {"type": "boolean", "default": True,
                                "description": "true: show per case what would happen"},
                },
            },
            "ConfirmRequest": {
                "type": "object",
                "properties": {"version": {"type": ["integer", "null"],
                                           "description": "the register entry's version you saw "
                                                          "(null or absent: no check)"}},
            },
            "ForwardRequest": {
                "type": "object", "required": ["action"],
                "properties": {
                    "action": {"type": "string", "enum": ["forward", "self_correct"]},
                    "version": {"type": "integer"},
                    "grants_in_full": {"type": "boolean", "description": "self_correct only: the "
                                       "appeal deserves to be granted in full (art. 132 § 1 KPA); "
                                       "allowed within 7 days of its receipt (art. 133)"},
                    "demand": {"type": "string", "description": "what the appeal asks for"},
                    "demand_amount": {"type": ["string", "null"],
                                      "pattern": "^\\d+(\\.\\d{1,2})?$"},
                    "demand_from": {**DATE, "type": ["string", "null"]},
                    "demand_to": {**DATE, "type": ["string", "null"]},
                },
            },
        },
    },
    "paths": {
        "/api/auth/token": {"post": _post(
            "Get a bearer token (429 with Retry-After while sign-in is locked after repeated "
            "failures)", "Token", body="TokenRequest", errors=("429",), public=True)},
        "/api/auth/revoke": {"post": _post(
            "Revoke the bearer token this request is sent with", "Revoked", public=True)},
        "/api/cases": {
            "post": _post("Register an application and start the case", "Case", ok="201",
                          body="CaseRequest", errors=("409",), links=_CASE_LINKS),
            "get": _op("List recent cases", "CaseList", links={
                "GetCase": _link("/api/cases/{case_id}", case_id="$response.body#/0/id")}),
        },
        "/api/cases/{case_id}": {"get": _op("The case file", "Case", params=[_id("case_id")],
                                            errors=("404",), links={
            "GetPerson": _CASE_LINKS["GetPerson"], "GetTask": _CASE_LINKS["GetTask"]})},
        "/api/cases/check": {"post": _post(
            "Compare an application's people with the register (no write): differences, the "
            "household in their latest case, their open cases", "RegisterCheck", body="CaseRequest")},
        "/api/cases/search": {"post": _post(
            "Search cases by PESEL, case number, surname or first name", "CaseList", body="SearchRequest")},
        "/api/parameter-changes": {"get": _op(
            "Running grants whose amount changes with a legal parameter change", "AffectedGrants")},
        "/api/parameter-changes/draft": {"post": _post(
            "Open a case ex officio to change each chosen grant (supervisor)", "CaseIds", ok="201",
            body="DraftChangesRequest", errors=("404", "409"))},
        "/api/cases/{case_id}/appeals": {"post": _post(
            "Record an appeal that arrived after finality (dated by posting; a timely one undoes "
            "finality)", "Appeal", ok="201", body="AppealRequest", params=[_id("case_id")],
            errors=("404", "409"))},
        "/api/appeals/{appeal_id}/forward": {"post": _post(
            "Forward an appeal to the SKO, or change the decision (supervisor)", "Appeal",
            body="ForwardRequest", params=[_id("appeal_id")], errors=("404", "409"))},
        "/api/appeals/{appeal_id}/sko-outcome": {"post": _post(
            "Record the SKO's ruling and apply it to the decision and payments (supervisor)",
            "Appeal", body="SkoOutcomeRequest", params=[_id("appeal_id")], errors=("404", "409"))},
        "/api/cases/{case_id}/decision-changes": {"post": _post(
            "Open a change or revocation of the case's issued grant from a date", "ChangeOpened",
            ok="201", body="DecisionChangeRequest", params=[_id("case_id")],
            errors=("404", "409"))},
        "/api/persons/{person_id}": {"get": _op(
            "A register entry with its change history and cases", "Person",
            params=[_id("person_id")], errors=("404",))},
        "/api/cases/{case_id}/persons/{person_id}/confirm": {"post": _post(
            "Apply the names and address declared in the case to the register (the body is "
            "optional)", "RegisterConfirmed", params=[_id("case_id"), _id("person_id")],
            body="ConfirmRequest", errors=("404", "409"), optional_body=True)},
        "/api/tasks": {"get": _op("The worklist", "TaskList", params=[
            {"name": "scope", "in": "query", "schema": {"type": "string", "enum": ["mine", "team"]}}],
            errors=("422",), links=_TASK_LINKS)},
        "/api/tasks/{task_id}": {"get": _op("A task with its form schema", "TaskDetail",
                                            params=[_id("task_id")], errors=("404",))},
        "/api/tasks/{task_id}/claim": {"post": _post("Claim a task", "Task", params=[_id("task_id")],
                                                     errors=("404", "409"))},
        "/api/tasks/{task_id}/unclaim": {"post": _post("Release a task", "Task",
                                                       params=[_id("task_id")], errors=("404", "409"))},
        "/api/tasks/{task_id}/assign": {"post": _post(
            "Reassign a task (supervisor)", "Task", body="AssignRequest", params=[_id("task_id")],
            errors=("404", "409"))},
        "/api/tasks/{task_id}/complete": {"post": _post(
            "Complete a task; the answer names the tasks the case offers next", "TaskCompleted",
            body="CompleteRequest", params=[_id("task_id")], errors=("404", "409"))},
        "/api/payments/run": {"post": _post(
            "Monthly payment run (supervisor); a month more than one month ahead of today is "
            "refused (422 payments.run_month_too_far)", "PaymentRun",
                                            body="PaymentRunRequest", links={
            "GetList": _link("/api/payment-lists/{list_id}", list_id="$response.body#/list_id")})},
        "/api/payment-lists": {"get": _op("Payment lists", "PaymentLists", links={
            "GetList": _link("/api/payment-lists/{list_id}", list_id="$response.body#/0/id"),
            "Approve": _link("/api/payment-lists/{list_id}/approve", "post",
                             list_id="$response.body#/0/id")})},
        "/api/payment-lists/{list_id}": {"get": _op("A payment list", "PaymentList",
                                                    params=[_id("list_id")], errors=("404",))},
        "/api/payment-lists/{list_id}/approve": {"post": _post(
            "Approve a payment list (supervisor)", "PaymentList", params=[_id("list_id")],
            errors=("404", "409"))},
        "/api/payment-lists/{list_id}/export/{kind}": {"get": _op(
            "Export an approved list (supervisor): elixir = the Elixir-O bank file of the "
            "transfers (422 lists payments with invalid accounts; 409 payments.list_no_transfers "
            "for a list without transfers: never an empty file), cash_pdf = the cash-desk list "
            "(409 payments.list_no_cash for a list without cash payments), "
            "xlsx = the whole list; the same file on every export", "",
            params=[_id("list_id"), {"name": "kind", "in": "path", "required": True, "schema": {
                "type": "string", "enum": ["elixir", "cash_pdf", "xlsx"]}}],
            errors=("404", "409", "422"), media=EXPORT_MEDIA_TYPES)},
        "/api/payment-lists/{list_id}/settle": {"post": _post(
            "Mark every unsettled payment of an approved list paid or returned (supervisor)",
            "Settled", body="SettleRequest", params=[_id("list_id")], errors=("404", "409"))},
        "/api/payments/{payment_id}/settle": {"post": _post(
            "Mark a payment paid or returned (supervisor); 409 on a conflicting second marking",
            "Settled", body="SettleRequest", params=[_id("payment_id")], errors=("404", "409"))},
        "/api/payments/{payment_id}/reissue": {"post": _post(
            "Reissue a returned payment on the next list (supervisor)", "Reissued", ok="201",
            body="ReissueRequest", params=[_id("payment_id")], errors=("404", "409"))},
        "/api/definitions": {
            "get": _op("Deployed BPMN definition versions (admin)", "Definitions"),
            "post": _post("Deploy a new version (admin): 201 when created, 200 when identical to "
                          "the active one; 422 lists `problems` (file, element_id, element_name, "
                          "code, message, params) when it is refused", "Deployed", ok="201",
                          also={"200": "Deployed"}, body="DefinitionUpload"),
        },
        "/api/definitions/check": {"post": _post(
            "Dry-run a deploy (admin): {problems, replay (recent cases that would end "
            "differently), timings_ms}; stores nothing", "DeployCheck", body="DefinitionUpload")},
        "/api/incidents": {"get": _op(
            "Cases the workflow cannot move on by itself: case id and number, definition "
            "version, the element they are at, reason and message (supervisor or admin)",
            "Incidents")},
        "/api/incidents/{instance_id}/retry": {"post": _post(
            "Re-run the failed step of an incident; {resolved, incident} (supervisor or admin)",
            "IncidentRetry", params=[_id("instance_id")], errors=("404", "409"))},
        "/api/instances/migrate": {"post": _post(
            "Move running cases to a newer definition version (admin): per case why it is refused, "
            "or the fate of each task and timer (kept, moved, completed, cancelled, new)", "Migration",
            body="MigrateRequest", errors=("404",))},
        "/api/jobs": {"get": _op("Failed or retrying background jobs (supervisor)", "Jobs")},
        "/api/jobs/{job_id}/retry": {"post": _post("Retry a failed background job (supervisor)",
                                                   "JobRetried", params=[_id("job_id")],
                                                   errors=("404", "409"))},
        "/api/eligibility": {"post": _post("Eligibility and amount with explanation", "Eligibility",
                                           body="EligibilityRequest")},
        "/api/deadlines": {"post": _post("A legal deadline with explanation", "Deadline",
                                         body="DeadlineRequest")},
        "/api/cases/{case_id}/documents/{document_id}": {"get": _op(
            "An issued document of the case (PDF, as an attachment; audited; the bytes hash to "
            "the sha256 the case file lists)", "", params=[_id("case_id"), _id("document_id")],
            errors=("404", "409"), media="application/pdf")},
        "/api/cases/{case_id}/letters": {"post": _post(
            "Issue a letter as a PDF document: {kind, facts}; kind supplement_call {items, days}, "
            "evidence_notice {unmet, days}, delay_notice {reason, new_date}, sko_forward "
            "{appeal_filed_on, appeal_received_on, enclosures?}", "StoredDocument", ok="201",
            body="LetterRequest", params=[_id("case_id")], errors=("404",))},
    },
}

# --- undue benefits (app/web/api/openapi_recovery.py) ----------------------------------------
OPENAPI["components"]["schemas"].update(openapi_recovery.SCHEMAS)
OPENAPI["components"]["schemas"].update(input_schemas("CaseRequest", "SkoOutcomeRequest",
                                                     "DecisionChangeRequest",
                                                     "LetterRequest", "SettleRequest",
                                                     "ReissueRequest", "AppealRequest",
                                                     "EligibilityRequest", "DeadlineRequest"))
OPENAPI["paths"].update(openapi_recovery.PATHS)
# --- social work (app/web/api/openapi_social_work.py) -------------------------------------------
OPENAPI["components"]["schemas"].update(openapi_social_work.SCHEMAS)
OPENAPI["paths"].update(openapi_social_work.PATHS)
# --- Niebieska Karta (app/web/api/openapi_nk.py) ---------------------------------------------------
OPENAPI["components"]["schemas"].update(openapi_nk.SCHEMAS)
OPENAPI["paths"].update(openapi_nk.PATHS)
# --- the FA debtor procedure (app/web/api/openapi_debtors.py) ---
OPENAPI["components"]["schemas"].update(openapi_debtors.SCHEMAS)
OPENAPI["paths"].update(openapi_debtors.PATHS)
# --- the family-benefit and FA reports (app/web/api/openapi_family_reports.py) ---
OPENAPI["components"]["schemas"].update(openapi_family_reports.SCHEMAS)
OPENAPI["paths"].update(openapi_family_reports.PATHS)
# --- help in kind and services (app/web/api/openapi_provision.py) ------------------------------
OPENAPI["components"]["schemas"].update(openapi_provision.SCHEMAS)
OPENAPI["paths"].update(openapi_provision.PATHS)
# --- reports (app/web/api/openapi_reports.py) ---------------------------------------------------
OPENAPI["components"]["schemas"].update(openapi_reports.SCHEMAS)
OPENAPI["paths"].update(openapi_reports.PATHS)
# --- the head of the centre's dashboard (app/web/api/openapi_dashboard.py) ---
OPENAPI["components"]["schemas"].update(openapi_dashboard.SCHEMAS)
OPENAPI["paths"].update(openapi_dashboard.PATHS)
# The applicant and each member are one schema, declared once as Member.
_CASE = OPENAPI["components"]["schemas"]["CaseRequest"]["properties"]
OPENAPI["components"]["schemas"]["Member"] = _CASE["applicant"]
_CASE["applicant"] = _CASE["members"]["items"] = {"$ref": "#/components/schemas/Member"}

# Every request body and parameter says which characters the edge refuses (openapi_requests).
harden(OPENAPI, [name for name in OPENAPI["components"]["schemas"] if name not in RESPONSES])

def document() -> dict[str, Any]:
    """The OpenAPI document with the benefit enums read from the catalogue now
    (app.domain.benefits), so an entry registered after import is declared too."""
    schemas = OPENAPI["components"]["schemas"]
    case = schemas["CaseRequest"]
    case["allOf"][0]["if"]["properties"]["benefit"]["enum"] = without_request()
    case["properties"]["benefit"]["enum"] = list(benefits.CODES)
    case["properties"]["requested_amount"]["description"] = _request_note(
        "the amount the party asks for (a month, or once)", AMOUNT_DISCRETION)
    case["properties"]["requested_until"]["description"] = _request_note(
        "the last day of the period the party asks for", PERIOD_DISCRETION)
    schemas["EligibilityRequest"]["properties"]["benefit"]["enum"] = list(benefits.CODES)
    return OPENAPI
