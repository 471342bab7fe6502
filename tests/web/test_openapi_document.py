"""The OpenAPI document declares every answer: a success schema and the Error body for each error.

The live schemathesis run (tests/fuzz/test_api_fuzz.py) checks the responses against it; these
tests check the document itself and the error body's shape without a server.
"""

from __future__ import annotations

from typing import Any

import pytest
from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from app.services.payments.exports import KINDS
from app.web.api.openapi import OPENAPI
from app.web.api.openapi_responses import RESPONSES
from tests.web.test_api_roles import token

pytestmark = pytest.mark.embedded

OPERATIONS = [(path, method, op) for path, item in OPENAPI["paths"].items()
              for method, op in item.items()]


def _validator(schema: dict[str, Any]) -> Draft202012Validator:
    """A validator resolving `#/components/...` against the document."""
    registry: Registry = Registry().with_resource(
        "urn:doc", Resource.from_contents(OPENAPI, default_specification=DRAFT202012))
    if "$ref" in schema:
        schema = {"$ref": "urn:doc" + schema["$ref"]}
    return Draft202012Validator(schema, registry=registry)


def test_every_component_schema_is_valid_json_schema() -> None:
    for schema in OPENAPI["components"]["schemas"].values():
        Draft202012Validator.check_schema(schema)


@pytest.mark.parametrize(("path", "method", "op"), OPERATIONS,
                         ids=[f"{m.upper()} {p}" for p, m, _ in OPERATIONS])
def test_every_operation_declares_its_success_and_error_bodies(path: str, method: str,
                                                               op: dict[str, Any]) -> None:
    responses = op["responses"]
    successes = [code for code in responses if code.startswith("2")]
    assert successes, path
    for code in successes:
        for media, content in responses[code]["content"].items():
            assert "schema" in content, (path, code)
            if media != "application/json":
                assert content["schema"] == {"type": "string"}, (path, code, media)
                continue
            _validator(content["schema"]).is_valid({})  # the reference resolves
            ref = content["schema"]["$ref"].rsplit("/", 1)[1]
            assert ref in OPENAPI["components"]["schemas"], ref
    errors = [code for code in responses if code[0] in "45"]
    assert "401" in errors and "422" in errors or method == "get", (path, errors)
    for code in errors:
        schema = responses[code]["content"]["application/json"]["schema"]
        assert schema == {"$ref": "#/components/schemas/Error"}, (path, code)
    if "{" in path:
        assert "404" in errors, path
    if method == "post":
        assert "413" in errors, path


# Issue 19 finding 9: the XLSX export answered a media type the document did not declare.
# Each download and the media types its code answers with (exports.KINDS, downloads.pdf_response,
# the recovery decision's PDF).
DOWNLOADS = {
    ("/api/payment-lists/{list_id}/export/{kind}", "get"): {m for m, _ in KINDS.values()},
    ("/api/cases/{case_id}/documents/{document_id}", "get"): {"application/pdf"},
    ("/api/recovery-decisions/{decision_id}/pdf", "get"): {"application/pdf"},
    ("/api/provision/{kind}/export/{fmt}", "get"): {
        "application/pdf", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
    # The family-benefit and FA reports: JSON, or their table as XLSX or CSV (?format=).
    **{(path, "get"): {"application/json", "text/csv",
                       "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}
       for path in ("/api/reports/family-benefits", "/api/reports/fa")},
}


def test_finding_9_every_download_declares_each_media_type_it_answers_with() -> None:
    assert {m for m, _ in KINDS.values()} >= {
        "application/pdf", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}
    declared = {(path, method): set(op["responses"]["200"]["content"])
                for path, method, op in OPERATIONS
                if set(op["responses"].get("200", {}).get("content", {})) - {"application/json"}}
    assert declared == DOWNLOADS


def test_the_export_declares_its_kinds() -> None:
    op = OPENAPI["paths"]["/api/payment-lists/{list_id}/export/{kind}"]["get"]
    (kind,) = [p for p in op["parameters"] if p["name"] == "kind"]
    assert set(kind["schema"]["enum"]) == set(KINDS)


def _error(body: dict[str, Any]) -> None:
    errors = list(_validator({"$ref": "#/components/schemas/Error"}).iter_errors(body))
    assert not errors, (body, errors[0].message)


def test_real_error_bodies_match_the_error_schema(client: Any) -> None:
    headers = {"Authorization": f"Bearer {token(client, 'supervisor')}"}
    cases = [
        client.get("/api/cases"),  # 401
        client.get("/api/definitions", headers=headers),  # 403
        client.get("/api/cases/999999", headers=headers),  # 404
        client.post("/api/eligibility", headers=headers, json={"on": "20250101"}),  # 422, fields
        client.post("/api/cases", headers=headers, json={"pad": "x" * (2 * 1024 * 1024)}),  # 413
        client.post("/api/auth/token", json={"username": "x"}),  # 422
    ]
    assert [r.status_code for r in cases] == [401, 403, 404, 422, 413, 422]
    for res in cases:
        _error(res.get_json())
    assert cases[3].get_json()["fields"]


@pytest.mark.parametrize("method", ["TRACE", "PUT", "DELETE"])
def test_an_undeclared_method_is_405_naming_the_allowed_ones(client: Any, method: str) -> None:
    headers = {"Authorization": f"Bearer {token(client, 'supervisor')}"}
    res = client.open("/api/cases", method=method, headers=headers)
    assert res.status_code == 405
    assert set(res.headers["Allow"].replace(" ", "").split(",")) >= {"GET", "POST"}
    _error(res.get_json())
    page = client.open("/login", method=method)
    assert page.status_code == 405 and "GET" in page.headers["Allow"]


def _leaves(node: Any) -> list[dict[str, Any]]:
    """Every string schema under `node` (not following references)."""
    if isinstance(node, list):
        return [leaf for item in node for leaf in _leaves(item)]
    if not isinstance(node, dict):
        return []
    found = [node] if node.get("type") in ("string", ["string", "null"]) else []
    return found + [leaf for key, child in node.items() if key != "$ref" for leaf in _leaves(child)]


REQUESTS = [name for name in OPENAPI["components"]["schemas"] if name not in RESPONSES]


@pytest.mark.parametrize("name", REQUESTS)
def test_finding_9_every_request_string_says_what_it_takes(name: str) -> None:
    # A free string would admit a NUL byte the edge refuses (ST202 on 27 operations).
    schema = OPENAPI["components"]["schemas"][name]
    for leaf in _leaves(schema):
        assert {"pattern", "enum", "const"} & leaf.keys(), (name, leaf)


SCHEMA_REFUSES = [  # values the server refuses, which the document must call invalid
    ("SearchRequest", {"q": "Nowak\x07"}),
    ("SearchRequest", {"q": "   "}),
    ("PaymentRunRequest", {"month": "4162-08"}),
    ("PaymentRunRequest", {"month": "\u0662\u0660\u0662\u0666-01"}),  # Arabic-Indic digits
    ("SettleRequest", {"outcome": "paid", "on": "0358-01-30"}),
    ("ReissueRequest", {"method": "transfer"}),
    ("ReissueRequest", {"method": "transfer", "account": ""}),
    ("RecoveryRepayment", {"received_on": "2026-03-02", "amount": "0.00"}),
    ("DefinitionUpload", {"sources": {}, "forms": {}}),
    ("DeadlineRequest", {"kind": "final", "start": "2025-01-01", "days": 7}),
    ("LetterRequest", {"kind": "supplement_call", "facts": {"items": "x"}}),
    ("MigrateRequest", {"from_version": 1, "to_version": 2, "element_id": ""}),
    ("CaseRequest", {"applicant": {"first_name": "A", "last_name": "B"},
                     "benefit": "zasilek_staly", "reason": "ubostwo"}),  # no identity
    ("TokenRequest", {"username": "a\x00", "password": "b"}),
    ("CompleteRequest", {"data": {"note": "a\x00b"}}),
]


@pytest.mark.parametrize(("name", "body"), SCHEMA_REFUSES)
def test_finding_9_the_document_refuses_what_the_server_refuses(name: str, body: Any) -> None:
    assert not _validator({"$ref": f"#/components/schemas/{name}"}).is_valid(body), body


def test_the_document_still_takes_plain_requests() -> None:
    ok = _validator({"$ref": "#/components/schemas/SearchRequest"})
    assert ok.is_valid({"q": "Nowak\u00a0Kowalska", "status": None})
    assert ok.is_valid({"q": "Kowalska-Nowak"})
    case = _validator({"$ref": "#/components/schemas/CaseRequest"})
    assert case.is_valid({"applicant": {"pesel": "44051401359", "first_name": "Jan-Maria",
                                        "last_name": "Kowalski"},
                          "benefit": "zasilek_staly", "reason": "ubostwo"})
    assert _validator({"$ref": "#/components/schemas/ReissueRequest"}).is_valid({"method": "cash"})
