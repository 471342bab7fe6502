"""The building blocks of the OpenAPI document: operations, errors, links and ids."""

from __future__ import annotations

from typing import Any

from .openapi_responses import ref

_AUTH: list[dict[str, list[str]]] = [{"bearer": []}]
_WHY = {
    "400": "A change sent with the page session cookie but without its CSRF token (X-CSRFToken)",
    "401": "No valid bearer token (or wrong username or password)",
    "403": "The user lacks the role this operation needs",
    "404": "No such object (or not visible to this user)",
    "409": "Someone changed it first, or its state forbids this (current_version where known)",
    "413": "The body is too large",
    "422": "The input is invalid; `fields` names each bad field",
    "429": "Sign-in is locked after repeated failures; wait Retry-After seconds",
}


def _error(code: str) -> dict[str, Any]:
    response: dict[str, Any] = {
        "description": _WHY[code], "content": {"application/json": {"schema": ref("Error")}}}
    if code == "429":
        response["headers"] = {"Retry-After": {"schema": {"type": "integer"}}}
    return response


def _op(summary: str, schema: str, ok: str = "200", body: str | None = None,
        params: list[Any] | None = None, errors: tuple[str, ...] = (), public: bool = False,
        links: dict[str, Any] | None = None, media: str | tuple[str, ...] = "application/json",
        also: dict[str, str] | None = None, optional_body: bool = False) -> dict[str, Any]:
    """One operation: its success answer(s) and every error status it really returns.

    Authenticated operations add 401 (no valid token) and 403 (role); every POST adds 413 and 422
    (the body guards of app/web/setup.py run before any handler) and 400 (CSRF, cookie only).
    ``also`` maps another success status to its schema (a deploy answers 201 or 200).
    """
    codes = set(errors) | ({"401"} if public else {"401", "403"})
    if body is not None or summary.startswith("POST"):
        codes |= {"413", "422"}
    # A download declares each media type it answers with (and its bytes as a string).
    media_types = (media,) if isinstance(media, str) else media
    success: dict[str, Any] = {"description": "OK", "content": {m: {"schema": (
        ref(schema) if m == "application/json" else {"type": "string"})} for m in media_types}}
    if links:
        success["links"] = links
    op: dict[str, Any] = {"summary": summary.removeprefix("POST "), "responses": {
        ok: success,
        **{code: {"description": "OK", "content": {"application/json": {"schema": ref(name)}}}
           for code, name in (also or {}).items()},
        **{code: _error(code) for code in sorted(codes)}}}
    if not public:
        op["security"] = _AUTH
    if body:
        op["requestBody"] = {"required": not optional_body, "content": {
            "application/json": {"schema": ref(body)}}}
    if params:
        op["parameters"] = params
    return op


def _post(summary: str, schema: str, **kwargs: Any) -> dict[str, Any]:
    """A POST: may carry a JSON body, so the body guards apply; with a session cookie, CSRF."""
    kwargs["errors"] = tuple(kwargs.get("errors", ())) + (() if kwargs.get("public") else ("400",))
    return _op("POST " + summary, schema, **kwargs)


def _link(path: str, method: str = "get", **parameters: str) -> dict[str, Any]:
    """An OpenAPI link to the operation at `path` (stateful fuzzing follows them)."""
    pointer = path.replace("~", "~0").replace("/", "~1")
    return {"operationRef": f"#/paths/{pointer}/{method}", "parameters": parameters}


_TASK_LINKS = {
    "GetTask": _link("/api/tasks/{task_id}", task_id="$response.body#/0/id"),
    "ClaimTask": _link("/api/tasks/{task_id}/claim", "post", task_id="$response.body#/0/id"),
    "UnclaimTask": _link("/api/tasks/{task_id}/unclaim", "post", task_id="$response.body#/0/id"),
    "CompleteTask": _link("/api/tasks/{task_id}/complete", "post", task_id="$response.body#/0/id"),
    "GetCase": _link("/api/cases/{case_id}", case_id="$response.body#/0/case_id"),
}
_CASE_LINKS = {
    "GetCase": _link("/api/cases/{case_id}", case_id="$response.body#/id"),
    "GetTask": _link("/api/tasks/{task_id}", task_id="$response.body#/open_tasks/0/id"),
    "ClaimTask": _link("/api/tasks/{task_id}/claim", "post", task_id="$response.body#/open_tasks/0/id"),
    "GetPerson": _link("/api/persons/{person_id}", person_id="$response.body#/members/0/person_id"),
    "ConfirmPerson": _link("/api/cases/{case_id}/persons/{person_id}/confirm", "post",
                           case_id="$response.body#/id",
                           person_id="$response.body#/members/0/person_id"),
}


_DB_ID = {"type": "integer", "minimum": 1, "maximum": 2**31 - 1}


def _id(name: str) -> dict[str, Any]:
    # Ids beyond the database's integer range match no route: 404 (app/web/setup.py).
    return {"name": name, "in": "path", "required": True, "schema": _DB_ID}
