"""Every API endpoint is refused (401/403) to callers that may not use it."""

from __future__ import annotations

from typing import Any

import pytest

ROLES = ("caseworker1", "supervisor", "admin")

# (method, path, roles allowed). Paths use ids that need not exist: authorisation comes first.
ENDPOINTS: list[tuple[str, str, set[str]]] = [
    ("POST", "/api/cases", {"caseworker1", "supervisor"}),
    ("GET", "/api/cases", {"caseworker1", "supervisor"}),
    ("GET", "/api/cases/999999", {"caseworker1", "supervisor"}),
    ("GET", "/api/tasks", {"caseworker1", "supervisor"}),
    ("GET", "/api/tasks/999999", {"caseworker1", "supervisor"}),
    ("POST", "/api/tasks/999999/claim", {"caseworker1", "supervisor"}),
    ("POST", "/api/tasks/999999/unclaim", {"caseworker1", "supervisor"}),
    ("POST", "/api/tasks/999999/assign", {"supervisor"}),
    ("POST", "/api/tasks/999999/complete", {"caseworker1", "supervisor"}),
    ("POST", "/api/payments/run", {"supervisor"}),
    ("GET", "/api/payment-lists", {"caseworker1", "supervisor"}),
    ("GET", "/api/payment-lists/999999", {"caseworker1", "supervisor"}),
    ("POST", "/api/payment-lists/999999/approve", {"supervisor"}),
    ("GET", "/api/payment-lists/999999/export/elixir", {"supervisor"}),
    ("POST", "/api/payments/999999/settle", {"supervisor"}),
    ("POST", "/api/payment-lists/999999/settle", {"supervisor"}),
    ("POST", "/api/payments/999999/reissue", {"supervisor"}),
    ("GET", "/api/definitions", {"admin"}),
    ("POST", "/api/definitions", {"admin"}),
    ("POST", "/api/definitions/check", {"admin"}),
    ("GET", "/api/jobs", {"supervisor"}),
    ("POST", "/api/jobs/999999/retry", {"supervisor"}),
    ("POST", "/api/eligibility", {"caseworker1", "supervisor"}),
    ("POST", "/api/deadlines", {"caseworker1", "supervisor"}),
    ("POST", "/api/cases/check", {"caseworker1", "supervisor"}),
    ("POST", "/api/cases/search", {"caseworker1", "supervisor"}),
    ("GET", "/api/persons/999999", {"caseworker1", "supervisor"}),
    ("POST", "/api/cases/999999/persons/999999/confirm", {"caseworker1", "supervisor"}),
    ("GET", "/api/parameter-changes", {"caseworker1", "supervisor"}),
    ("POST", "/api/parameter-changes/draft", {"supervisor"}),
    ("GET", "/api/incidents", {"supervisor", "admin"}),
    ("POST", "/api/incidents/999999/retry", {"supervisor", "admin"}),
    ("POST", "/api/instances/migrate", {"admin"}),
    ("GET", "/api/debtors", {"caseworker1", "supervisor"}),
    ("POST", "/api/debtors", {"caseworker1", "supervisor"}),
    ("GET", "/api/debtors/999999", {"caseworker1", "supervisor"}),
    ("POST", "/api/debtors/999999/dues", {"caseworker1", "supervisor"}),
    ("POST", "/api/debtors/999999/dues/import", {"caseworker1", "supervisor"}),
    ("POST", "/api/debtors/999999/receipts", {"caseworker1", "supervisor"}),
    ("GET", "/api/debtor-deadlines", {"caseworker1", "supervisor"}),
    ("GET", "/api/reports/family-benefits", {"supervisor"}),
    ("GET", "/api/reports/fa", {"supervisor"}),
]


def token(client: Any, username: str) -> str:
    """Log in through the API."""
    res = client.post("/api/auth/token", json={"username": username, "password": "demo"})
    assert res.status_code == 200, res.get_json()
    return str(res.get_json()["token"])


@pytest.fixture
def tokens(client: Any) -> dict[str, str]:
    """A token per demo role."""
    return {u: token(client, u) for u in ROLES}


def call(client: Any, method: str, path: str, tok: str | None) -> Any:
    headers = {"Authorization": f"Bearer {tok}"} if tok else {}
    return client.open(path, method=method, headers=headers, json={} if method == "POST" else None)


@pytest.mark.parametrize(("method", "path", "allowed"), ENDPOINTS)
def test_refused_without_token(client: Any, method: str, path: str, allowed: set[str]) -> None:
    res = call(client, method, path, None)
    assert res.status_code == 401
    assert "error" in res.get_json()


@pytest.mark.parametrize(("method", "path", "allowed"), ENDPOINTS)
def test_refused_to_other_roles(
    client: Any, tokens: dict[str, str], method: str, path: str, allowed: set[str]
) -> None:
    for user in ROLES:
        res = call(client, method, path, tokens[user])
        if user in allowed:
            assert res.status_code != 403, (user, method, path, res.get_json())
        else:
            assert res.status_code == 403, (user, method, path, res.status_code)
            assert "error" in res.get_json()


def test_bad_token_is_401(client: Any) -> None:
    res = call(client, "GET", "/api/tasks", "not-a-token")
    assert res.status_code == 401


def test_wrong_password_is_401(client: Any) -> None:
    res = client.post("/api/auth/token", json={"username": "supervisor", "password": "nope"})
    assert res.status_code == 401
    assert res.get_json()["error"]


def test_token_request_needs_json(client: Any) -> None:
    res = client.post("/api/auth/token", data="username=x", content_type="text/plain")
    assert res.status_code == 422
    assert "body" in res.get_json()["fields"]


def test_openapi_lists_every_endpoint(client: Any) -> None:
    doc = client.get("/api/openapi.json").get_json()
    assert doc["openapi"].startswith("3.")
    paths = set(doc["paths"])
    for _, path, _ in ENDPOINTS:
        if "/persons/999999/confirm" in path:
            templ = "/api/cases/{case_id}/persons/{person_id}/confirm"
        else:
            templ = path.replace("999999", "{case_id}" if "/cases/" in path else
                                 "{person_id}" if "/persons/" in path else
                                 "{task_id}" if "/tasks/" in path else
                                 "{job_id}" if "/jobs/" in path else
                                 "{instance_id}" if "/incidents/" in path else
                                 "{procedure_id}" if "/debtors/" in path else
                                 "{payment_id}" if "/api/payments/" in path else "{list_id}")
            templ = templ.replace("/export/elixir", "/export/{kind}")
        assert templ in paths, templ
