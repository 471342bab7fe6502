"""Web defences: security headers, cookie flags, logout that ends the session on the server,
revocable API tokens, deactivation that stops tokens at once, and no cookie-riding on the API."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import update

from app.persistence.models import User
from app.services import payments
from app.services.kernel.context import Actor, ServiceContext
from tests.conftest import actor_for
from tests.drive import drive, sample_application

pytestmark = [pytest.mark.timeout(120), pytest.mark.embedded]


def login(client: Any, username: str) -> None:
    res = client.post("/login", data={"username": username, "password": "demo"})
    assert res.status_code == 302, res.data[:300]


def token(client: Any, username: str) -> str:
    res = client.post("/api/auth/token", json={"username": username, "password": "demo"})
    assert res.status_code == 200, res.get_json()
    return str(res.get_json()["token"])


def bearer(tok: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {tok}"}


def assert_defended(res: Any) -> None:
    """The headers every non-static response carries."""
    csp = res.headers.get("Content-Security-Policy", "")
    assert "frame-ancestors 'none'" in csp
    script_src = re.search(r"script-src ([^;]*)", csp)
    assert script_src is not None and "unsafe-inline" not in script_src.group(1)
    assert "unsafe-eval" not in csp
    assert res.headers.get("X-Content-Type-Options") == "nosniff"
    assert res.headers.get("Referrer-Policy") in ("no-referrer", "same-origin")
    assert res.headers.get("Cache-Control") == "no-store"
    assert "Strict-Transport-Security" not in res.headers  # not in testing/development


# --- 1. headers ----------------------------------------------------------------------------------

def test_headers_on_the_login_page_a_page_and_the_api(client: Any) -> None:
    assert_defended(client.get("/login"))
    tok = token(client, "caseworker1")
    assert_defended(client.get("/api/cases", headers=bearer(tok)))
    assert_defended(client.get("/api/cases"))  # the 401 answer too
    login(client, "caseworker1")
    page = client.get("/")
    assert page.status_code == 200
    assert_defended(page)


def test_static_files_may_be_cached_but_are_not_sniffed(client: Any) -> None:
    res = client.get("/static/js/pomoc.js")
    assert res.status_code == 200
    assert res.headers.get("X-Content-Type-Options") == "nosniff"
    assert res.headers.get("Cache-Control") != "no-store"
    res.close()


def test_no_template_has_inline_script_or_handlers() -> None:
    """CSP forbids inline script: only `type="application/json"` data blocks stay inline."""
    root = Path(__file__).resolve().parents[2] / "app" / "web" / "templates"
    for path in root.rglob("*.html"):
        source = path.read_text()
        for tag in re.findall(r"<script\b[^>]*>", source):
            assert "src=" in tag or 'type="application/json"' in tag, f"{path.name}: {tag}"
        assert not re.search(r"\son[a-z]+\s*=", source), f"{path.name} has an inline handler"
        assert "javascript:" not in source, f"{path.name} has a javascript: URL"


# --- 2. cookies ----------------------------------------------------------------------------------

def test_cookies_are_secure_in_production_httponly_and_lax_everywhere(
    tmp_path: Path, test_config: dict[str, Any], ctx: ServiceContext
) -> None:
    from app import create_app
    from app.config import load_config

    base = {"DATABASE_URL": f"sqlite:///{tmp_path / 'x.db'}", "SECRET_KEY": "k" * 32}
    dev = load_config(tmp_path, {**base, "ENV": "development"})
    prod = load_config(tmp_path, {**base, "ENV": "production"})
    for cfg in (dev, prod):
        assert cfg["SESSION_COOKIE_HTTPONLY"] is True and cfg["SESSION_COOKIE_SAMESITE"] == "Lax"
        assert cfg["REMEMBER_COOKIE_HTTPONLY"] is True and cfg["REMEMBER_COOKIE_SAMESITE"] == "Lax"
    assert dev["SESSION_COOKIE_SECURE"] is False and dev["REMEMBER_COOKIE_SECURE"] is False
    assert prod["SESSION_COOKIE_SECURE"] is True and prod["REMEMBER_COOKIE_SECURE"] is True

    overrides = {k: v for k, v in test_config.items() if not k.startswith(("SESSION_", "REMEMBER_"))}
    app = create_app({**overrides, "ENV": "production", "SERVICE_CONTEXT": ctx})
    client = app.test_client()
    res = client.post("/login", data={"username": "caseworker1", "password": "demo"},
                      base_url="https://localhost")
    assert res.status_code == 302
    cookie = res.headers["Set-Cookie"]
    assert "Secure" in cookie and "HttpOnly" in cookie and "SameSite=Lax" in cookie
    assert res.headers["Strict-Transport-Security"].startswith("max-age=")


# --- 3. logout ends the session on the server ----------------------------------------------------

def test_a_session_cookie_replayed_after_logout_is_refused(flask_app: Any, ctx: ServiceContext) -> None:
    client = flask_app.test_client()
    login(client, "supervisor")
    stolen = client.get_cookie("session")
    assert stolen is not None
    assert client.get("/").status_code == 200
    assert client.post("/logout").status_code == 302

    thief = flask_app.test_client()
    thief.set_cookie("session", stolen.value)
    res = thief.get("/")
    assert res.status_code == 302 and "/login" in res.headers["Location"]
    assert thief.get("/api/cases").status_code == 401

    # Signing in again gives a new, working session (same clock instant as the logout).
    login(client, "supervisor")
    assert client.get("/").status_code == 200
    assert thief.get("/").status_code == 302


# --- 4. API tokens -------------------------------------------------------------------------------

def test_a_revoked_token_stops_working_at_once(client: Any) -> None:
    tok = token(client, "caseworker1")
    other = token(client, "caseworker1")
    assert client.get("/api/cases", headers=bearer(tok)).status_code == 200  # cached now
    res = client.post("/api/auth/revoke", headers=bearer(tok))
    assert res.status_code == 200 and res.get_json() == {"revoked": True}
    assert client.get("/api/cases", headers=bearer(tok)).status_code == 401
    assert client.post("/api/auth/revoke", headers=bearer(tok)).status_code == 401
    assert client.get("/api/cases", headers=bearer(other)).status_code == 200
    assert client.post("/api/auth/revoke").status_code == 401


def test_a_revoked_token_is_refused_even_where_it_is_cached(client: Any, ctx: ServiceContext) -> None:
    """Another process's cache: the row is gone, so the cached entry must not be trusted."""
    from app.persistence.models import ApiToken

    tok = token(client, "caseworker1")
    assert client.get("/api/cases", headers=bearer(tok)).status_code == 200
    with ctx.uow() as uow:
        uow.session.query(ApiToken).delete()
        uow.commit()
    assert client.get("/api/cases", headers=bearer(tok)).status_code == 401


def test_a_deactivated_users_token_is_refused_at_once(client: Any, ctx: ServiceContext) -> None:
    tok = token(client, "caseworker2")
    assert client.get("/api/cases", headers=bearer(tok)).status_code == 200  # cached now
    try:
        with ctx.uow() as uow:
            uow.session.execute(update(User).where(User.username == "caseworker2").values(is_active=False))
            uow.commit()
        assert client.get("/api/cases", headers=bearer(tok)).status_code == 401
    finally:
        with ctx.uow() as uow:
            uow.session.execute(update(User).where(User.username == "caseworker2").values(is_active=True))
            uow.commit()


# --- 5. no cookie-riding on the API --------------------------------------------------------------

def _draft_list(ctx: ServiceContext, caseworker: Actor, supervisor: Actor) -> int:
    from app.services.cases import opening as cases

    case_id = cases.open_case(ctx, caseworker, sample_application())
    drive(ctx, case_id, {"caseworker": caseworker, "supervisor": supervisor},
          until=lambda ts: not any(t.name != "interview_update" for t in ts))
    # Run by the scheduler (nobody), so the supervisor below may approve it (four eyes).
    run = payments.monthly_payment_run(ctx, date(2026, 3, 1))
    assert run["list_id"] is not None
    return int(run["list_id"])


def test_a_cross_site_form_cannot_approve_a_payment_list_with_the_session_cookie(
    ctx: ServiceContext, test_config: dict[str, Any]
) -> None:
    from app import create_app

    caseworker, supervisor = actor_for(ctx, "caseworker1"), actor_for(ctx, "supervisor")
    list_id = _draft_list(ctx, caseworker, supervisor)
    app = create_app({**test_config, "SERVICE_CONTEXT": ctx, "WTF_CSRF_ENABLED": True})
    client = app.test_client()
    page = client.get("/login").get_data(as_text=True)
    form_token = re.search(r'name="csrf_token" value="([^"]+)"', page)
    assert form_token is not None
    assert client.post("/login", data={"username": "supervisor", "password": "demo",
                                       "csrf_token": form_token.group(1)}).status_code == 302
    status = payments.payment_list(ctx, supervisor, list_id)["status"]

    # What a hostile page's auto-submitting <form method=post action=.../approve> sends.
    res = client.post(f"/api/payment-lists/{list_id}/approve", data={"x": "1"},
                      headers={"Origin": "https://evil.example"})
    assert res.status_code in (400, 403)
    assert "error" in res.get_json()
    res = client.post(f"/api/payment-lists/{list_id}/approve", json={})
    assert res.status_code in (400, 403)
    assert payments.payment_list(ctx, supervisor, list_id)["status"] == status

    # Reading with the cookie still works; writing needs the page's CSRF token (or a bearer token).
    assert client.get(f"/api/payment-lists/{list_id}").status_code == 200
    page = client.get("/").get_data(as_text=True)
    header_token = re.search(r'"X-CSRFToken": "([^"]+)"', page)
    assert header_token is not None
    res = client.post(f"/api/payment-lists/{list_id}/approve", json={},
                      headers={"X-CSRFToken": header_token.group(1)})
    assert res.status_code == 200, res.get_json()
    assert payments.payment_list(ctx, supervisor, list_id)["status"] != status
