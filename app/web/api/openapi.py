"""The OpenAPI 3.1 document served at /api/openapi.json."""

from __future__ import annotations

from typing import Any

_ERR = {"description": "Error",
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
_AUTH: list[dict[str, list[str]]] = [{"bearer": []}]


def _op(summary: str, ok: str = "200", body: str | None = None, params: list[Any] | None = None,
        errors: tuple[str, ...] = ("401", "403", "404"), public: bool = False) -> dict[str, Any]:
    op: dict[str, Any] = {
        "summary": summary,
        "responses": {ok: {"description": "OK", "content": {"application/json": {}}},
                      **{code: _ERR for code in errors}},
    }
    if not public:
        op["security"] = _AUTH
    if body:
        op["requestBody"] = {"required": True, "content": {
            "application/json": {"schema": {"$ref": f"#/components/schemas/{body}"}}}}
    if params:
        op["parameters"] = params
    return op


def _id(name: str) -> dict[str, Any]:
    return {"name": name, "in": "path", "required": True, "schema": {"type": "integer"}}


_MONEY = {"type": "string", "pattern": r"^\d+(\.\d{1,2})?$", "example": "1200.00"}
_MEMBER = {
    "type": "object",
    "required": ["first_name", "last_name"],
    "description": "Identified by pesel; a person without a PESEL by register_key (already in the "
                   "register) or, when new, by birth_date and sex",
    "properties": {
        "pesel": {"type": "string", "pattern": r"^\d{11}$"},
        "register_key": {"type": "string", "pattern": r"^BP-[0-9A-F]{10}$"},
        "birth_date": {"type": "string", "format": "date"},
        "sex": {"type": "string", "enum": ["F", "M"]},
        "first_name": {"type": "string"}, "last_name": {"type": "string"},
        "relation": {"type": "string", "enum": ["applicant", "spouse", "partner", "child", "parent",
                                                "sibling", "other"]},
        "net_income": _MONEY,
        "incomes": {"type": "array", "items": {"type": "object", "required": ["kind", "amount"],
                    "properties": {"kind": {"type": "string"}, "amount": _MONEY, "tax": _MONEY,
                                   "contributions": _MONEY, "costs": _MONEY,
                                   "one_off": {"type": "boolean"}}}},
        "unable_to_work": {"type": "boolean"}, "disabled": {"type": "boolean"},
        "disability_certificate": {"type": "boolean",
                                   "description": "moderate or severe degree (art. 6 ust. 1 u.ś.r.)"},
        "in_school": {"type": "boolean", "description": "in school or higher school"},
        "other_benefits": {"type": "array", "items": {"type": "string"}},
        "alimony_awarded": _MONEY,
    },
}

OPENAPI: dict[str, Any] = {
    "openapi": "3.1.0",
    "info": {"title": "Pomoc API", "version": "1.0.0",
             "description": "Case management for Polish social welfare centres. Errors are JSON "
                            "{error, fields?}; 409 means someone changed the task first."},
    "components": {
        "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
        "schemas": {
            "Error": {"type": "object", "required": ["error"], "properties": {
                "error": {"type": "string"},
                "fields": {"type": "object", "additionalProperties": {"type": "string"}}}},
            "TokenRequest": {"type": "object", "required": ["username", "password"], "properties": {
                "username": {"type": "string"}, "password": {"type": "string"}}},
            "Member": _MEMBER,
            "CaseRequest": {"type": "object", "required": ["applicant", "benefit", "reason"],
                            "properties": {
                                "applicant": {"$ref": "#/components/schemas/Member"},
                                "members": {"type": "array",
                                            "items": {"$ref": "#/components/schemas/Member"}},
                                "benefit": {"type": "string", "enum": [
                                    "zasilek_staly", "zasilek_okresowy", "specjalny_zasilek_celowy",
                                    "zasilek_rodzinny", "fundusz_alimentacyjny"]},
                                "reason": {"type": "string", "description": "art. 7 u.p.s. code"},
                                "urgent": {"type": "boolean"},
                                "application_date": {"type": "string", "format": "date"},
                                "requested_from": {
                                    "type": "string", "format": "date", "description":
                                    "first month asked for (a benefit period); default: the "
                                    "month of filing"},
                                "address": {"type": "string"}, "bank_account": {"type": "string"},
                                "register_update": {
                                    "type": "boolean", "description": "apply the differences from "
                                    "the register (see /api/cases/check) to the register, with history"}}},
            "CompleteRequest": {"type": "object", "properties": {
                "data": {"type": "object"}, "version": {"type": "integer"}}},
            "AssignRequest": {"type": "object", "required": ["user_id"],
                              "properties": {"user_id": {"type": "integer"}}},
            "PaymentRunRequest": {"type": "object", "required": ["month"],
                                  "properties": {"month": {"type": "string", "pattern": r"^\d{4}-\d{2}$"}}},
            "DefinitionUpload": {"type": "object", "required": ["sources", "forms"], "properties": {
                "sources": {"type": "object", "additionalProperties": {"type": "string"}},
                "forms": {"type": "object", "additionalProperties": {"type": "object"}},
                "comment": {"type": "string"}}},
            "EligibilityRequest": {
                "type": "object", "required": ["on", "benefit", "members"],
                "properties": {
                    "on": {"type": "string", "format": "date"},
                    "benefit": {"type": "string", "enum": [
                        "zasilek_staly", "zasilek_okresowy", "specjalny_zasilek_celowy",
                        "zasilek_rodzinny", "fundusz_alimentacyjny"]},
                    "municipal_percentage": {"type": "integer", "minimum": 50, "maximum": 100},
                    "members": {"type": "array", "minItems": 1, "items": {
                        "type": "object", "required": ["age"],
                        "properties": {
                            "age": {"type": "integer", "minimum": 0},
                            "sex": {"type": "string", "enum": ["F", "M"]},
                            "unable_to_work": {"type": "boolean"}, "disabled": {"type": "boolean"},
                            "relation": {"type": "string", "enum": [
                                "applicant", "spouse", "partner", "child", "parent", "sibling",
                                "other"]},
                            "in_school": {"type": "boolean"},
                            "disability_certificate": {"type": "boolean"},
                            "net_income": _MONEY, "alimony_awarded": _MONEY, "alimony_paid": _MONEY,
                            "incomes": {"type": "array", "items": {"type": "object"}},
                            "other_benefits": {"type": "array", "items": {"type": "string"}},
                        }}},
                },
            },
            "SearchRequest": {
                "type": "object", "required": ["q"],
                "properties": {
                    "q": {"type": "string", "maxLength": 100,
                          "description": "11 digits: PESEL; a case number; otherwise a surname prefix"},
                    "status": {"type": "string", "enum": ["", "open", "closed"]},
                },
            },
            "DraftChangesRequest": {
                "type": "object", "required": ["grants"],
                "properties": {"grants": {"type": "array", "minItems": 1, "maxItems": 500, "items": {
                    "type": "object", "required": ["case_id", "effective_from"],
                    "properties": {"case_id": {"type": "integer"},
                                   "effective_from": {"type": "string", "format": "date"}}}}},
            },
            "MigrateRequest": {
                "type": "object", "required": ["from_version", "to_version"],
                "properties": {
                    "from_version": {"type": "integer", "minimum": 1},
                    "to_version": {"type": "integer", "minimum": 1,
                                   "description": "newer than from_version"},
                    "element_id": {"type": "string", "description": "only cases at this BPMN "
                                   "element (task id), e.g. the one an incident names"},
                    "dry_run": {"type": "boolean", "default": True,
                                "description": "true: show per case what would happen"},
                },
            },
            "ConfirmRequest": {
                "type": "object",
                "properties": {"version": {"type": "integer",
                                           "description": "the register entry's version you saw"}},
            },
            "AppealRequest": {
                "type": "object", "required": ["channel", "posted_on", "received_on"],
                "description": "An appeal that arrived after the decision was recorded final; "
                               "timely when posted within 14 days of delivery (art. 57 §5 KPA)",
                "properties": {
                    "channel": {"type": "string", "enum": ["post", "epuap", "in_person"]},
                    "posted_on": {"type": "string", "format": "date"},
                    "received_on": {"type": "string", "format": "date"},
                    "restoration_requested": {"type": "boolean",
                                              "description": "art. 58 KPA, with the appeal"},
                    "cause_ceased_on": {"type": "string", "format": "date"},
                },
            },
            "ForwardRequest": {
                "type": "object", "required": ["action"],
                "properties": {
                    "action": {"type": "string", "enum": ["forward", "self_correct"]},
                    "version": {"type": "integer"},
                },
            },
            "SkoOutcomeRequest": {
                "type": "object", "required": ["sko_outcome", "sko_ruling_on"],
                "properties": {
                    "sko_outcome": {"type": "string", "enum": [
                        "upheld", "changed", "quashed_discontinued", "returned",
                        "inadmissible_late"]},
                    "sko_ruling_on": {"type": "string", "format": "date"},
                    "sko_reference": {"type": "string", "maxLength": 60},
                    "restoration_ruling": {"type": "string", "enum": ["granted", "refused"]},
                    "sko_kind": {"type": "string", "enum": ["grant", "partial", "refusal"],
                                 "description": "changed only: the SKO's own ruling"},
                    "sko_amount": _MONEY,
                    "sko_period_from": {"type": "string", "format": "date"},
                    "sko_period_to": {"type": "string", "format": "date"},
                    "version": {"type": "integer"},
                },
            },
            "DecisionChangeRequest": {
                "type": "object", "required": ["kind", "effective_from", "reason"],
                "properties": {
                    "kind": {"type": "string", "enum": ["change", "revoke"]},
                    "effective_from": {"type": "string", "format": "date"},
                    "reason": {"type": "string", "minLength": 1, "maxLength": 4000},
                    "amount": {**_MONEY, "description": "change only: the new monthly amount"},
                },
            },
            "DeadlineRequest": {
                "type": "object", "required": ["kind", "start"],
                "properties": {
                    "kind": {"type": "string", "enum": [
                        "interview", "decision", "decision_complex", "supplement",
                        "deemed_delivery", "appeal", "final"]},
                    "start": {"type": "string", "format": "date"},
                    "urgent": {"type": "boolean"},
                    "days": {"type": "integer", "minimum": 7, "description": "supplement only"},
                },
            },
        },
    },
    "paths": {
        "/api/auth/token": {"post": _op(
            "Get a bearer token (429 with Retry-After while sign-in is locked after repeated "
            "failures)", body="TokenRequest", errors=("401", "422", "429"), public=True)},
        "/api/auth/revoke": {"post": _op(
            "Revoke the bearer token this request is sent with", errors=("401",))},
        "/api/cases": {
            "post": _op("Register an application and start the case", ok="201", body="CaseRequest",
                        errors=("401", "403", "422")),
            "get": _op("List recent cases", errors=("401", "403")),
        },
        "/api/cases/{case_id}": {"get": _op("The case file", params=[_id("case_id")])},
        "/api/cases/check": {"post": _op(
            "Compare an application's people with the register (no write): differences, the "
            "household in their latest case, their open cases", body="CaseRequest",
            errors=("401", "403", "422"))},
        "/api/cases/search": {"post": _op(
            "Search cases by PESEL, surname or case number", body="SearchRequest",
            errors=("401", "403", "422"))},
        "/api/parameter-changes": {"get": _op(
            "Running grants whose amount changes with a legal parameter change",
            errors=("401", "403"))},
        "/api/parameter-changes/draft": {"post": _op(
            "Open a case ex officio to change each chosen grant (supervisor)", ok="201",
            body="DraftChangesRequest", errors=("401", "403", "404", "409", "422"))},
        "/api/cases/{case_id}/appeals": {"post": _op(
            "Record an appeal that arrived after finality (dated by posting; a timely one undoes "
            "finality)", ok="201", body="AppealRequest", params=[_id("case_id")],
            errors=("401", "403", "404", "409", "422"))},
        "/api/appeals/{appeal_id}/forward": {"post": _op(
            "Forward an appeal to the SKO, or change the decision (supervisor)",
            body="ForwardRequest", params=[_id("appeal_id")],
            errors=("401", "403", "404", "409", "422"))},
        "/api/appeals/{appeal_id}/sko-outcome": {"post": _op(
            "Record the SKO's ruling and apply it to the decision and payments (supervisor)",
            body="SkoOutcomeRequest", params=[_id("appeal_id")],
            errors=("401", "403", "404", "409", "422"))},
        "/api/cases/{case_id}/decision-changes": {"post": _op(
            "Open a change or revocation of the case's issued grant from a date", ok="201",
            body="DecisionChangeRequest", params=[_id("case_id")],
            errors=("401", "403", "404", "409", "422"))},
        "/api/persons/{person_id}": {"get": _op(
            "A register entry with its change history and cases", params=[_id("person_id")])},
        "/api/cases/{case_id}/persons/{person_id}/confirm": {"post": _op(
            "Apply the names and address declared in the case to the register",
            params=[_id("case_id"), _id("person_id")], body="ConfirmRequest",
            errors=("401", "403", "404", "409", "422"))},
        "/api/tasks": {"get": _op("The worklist", params=[
            {"name": "scope", "in": "query", "schema": {"type": "string", "enum": ["mine", "team"]}}],
            errors=("401", "403", "422"))},
        "/api/tasks/{task_id}": {"get": _op("A task with its form schema", params=[_id("task_id")])},
        "/api/tasks/{task_id}/claim": {"post": _op("Claim a task", params=[_id("task_id")],
                                                   errors=("401", "403", "404", "409"))},
        "/api/tasks/{task_id}/unclaim": {"post": _op("Release a task", params=[_id("task_id")],
                                                     errors=("401", "403", "404", "409"))},
        "/api/tasks/{task_id}/assign": {"post": _op("Reassign a task (supervisor)", body="AssignRequest",
                                                    params=[_id("task_id")],
                                                    errors=("401", "403", "404", "409", "422"))},
        "/api/tasks/{task_id}/complete": {"post": _op(
            "Complete a task", body="CompleteRequest", params=[_id("task_id")],
            errors=("401", "403", "404", "409", "422"))},
        "/api/payments/run": {"post": _op("Monthly payment run (supervisor)", body="PaymentRunRequest",
                                          errors=("401", "403", "422"))},
        "/api/payment-lists": {"get": _op("Payment lists", errors=("401", "403"))},
        "/api/payment-lists/{list_id}": {"get": _op("A payment list", params=[_id("list_id")])},
        "/api/payment-lists/{list_id}/approve": {"post": _op(
            "Approve a payment list (supervisor)", params=[_id("list_id")],
            errors=("401", "403", "404", "409"))},
        "/api/payment-lists/{list_id}/export.csv": {"get": _op(
            "Bank export of an approved list", params=[_id("list_id")],
            errors=("401", "403", "404", "409"))},
        "/api/definitions": {
            "get": _op("Deployed BPMN definition versions (admin)", errors=("401", "403")),
            "post": _op("Deploy a new version (admin); 422 lists `problems` (file, element_id, "
                        "element_name, code, message, params) when it is refused",
                        ok="201", body="DefinitionUpload", errors=("401", "403", "413", "422")),
        },
        "/api/definitions/check": {"post": _op(
            "Dry-run a deploy (admin): {problems, replay (recent cases that would end "
            "differently), timings_ms}; stores nothing", body="DefinitionUpload",
            errors=("401", "403", "413", "422"))},
        "/api/incidents": {"get": _op(
            "Cases the workflow cannot move on by itself: case id and number, definition "
            "version, the element they are at, reason and message (supervisor or admin)",
            errors=("401", "403"))},
        "/api/incidents/{instance_id}/retry": {"post": _op(
            "Re-run the failed step of an incident; {resolved, incident} (supervisor or admin)",
            params=[_id("instance_id")], errors=("401", "403", "404", "409"))},
        "/api/instances/migrate": {"post": _op(
            "Move running cases to a newer definition version (admin): per case the task it "
            "would be (or is now) at, or why it is refused; dry_run first",
            body="MigrateRequest", errors=("401", "403", "404", "422"))},
        "/api/jobs": {"get": _op("Failed or retrying background jobs (supervisor)",
                                 errors=("401", "403"))},
        "/api/jobs/{job_id}/retry": {"post": _op("Retry a failed background job (supervisor)",
                                                 params=[_id("job_id")],
                                                 errors=("401", "403", "404", "409"))},
        "/api/eligibility": {"post": _op("Eligibility and amount with explanation",
                                         body="EligibilityRequest", errors=("401", "403", "422"))},
        "/api/deadlines": {"post": _op("A legal deadline with explanation", body="DeadlineRequest",
                                       errors=("401", "403", "422"))},
    },
}
