"""Sign-in: throttling after failed attempts (per account name and per client address, kept in
audit_events), the audit trail of sign-ins, and the 12-character minimum for new passwords."""

from __future__ import annotations

import json
import re
import uuid
from typing import Any

import pytest
from sqlalchemy import select

from app.config import ConfigError, load_config
from app.persistence.models import AuditEvent, User
from app.services.kernel import auth
from app.services.kernel.auth import TooManyAttempts, create_user, sign_in
from app.services.kernel.context import ServiceContext
from app.services.kernel.errors import ValidationFailed
from tests.conftest import FakeClock

pytestmark = [pytest.mark.timeout(120), pytest.mark.embedded]

HERE = "10.0.0.1"
ELSEWHERE = "10.0.0.2"


def text(res: Any) -> str:
    return str(res.get_data(as_text=True))


def audit_rows(ctx: ServiceContext, prefix: str = "auth.") -> list[AuditEvent]:
    with ctx.uow(readonly=True) as uow:
        rows = uow.session.scalars(
            select(AuditEvent).where(AuditEvent.action.startswith(prefix)).order_by(AuditEvent.id)
        ).all()
        uow.session.expunge_all()
        return list(rows)


def user_id(ctx: ServiceContext, username: str) -> int:
    with ctx.uow(readonly=True) as uow:
        found = uow.session.scalar(select(User.id).where(User.username == username))
        assert found is not None
        return found


def fail(ctx: ServiceContext, username: str, times: int, address: str = HERE) -> None:
    """Wrong passwords that stay under the limits."""
    for _ in range(times):
        assert sign_in(ctx, username, "wrong password", address) is None


# --- the service ------------------------------------------------------------------------------

def test_five_failures_lock_the_account_even_for_the_right_password(ctx: ServiceContext) -> None:
    fail(ctx, "caseworker1", 4)
    with pytest.raises(TooManyAttempts) as locked:
        sign_in(ctx, "caseworker1", "wrong password", HERE)
    assert locked.value.status == 429 and locked.value.retry_after == 15 * 60
    with pytest.raises(TooManyAttempts):
        sign_in(ctx, "caseworker1", "demo", HERE)
    # The lock is on the account, wherever the attempt comes from; other accounts are unaffected.
    with pytest.raises(TooManyAttempts):
        sign_in(ctx, "caseworker1", "demo", ELSEWHERE)
    user = sign_in(ctx, "caseworker2", "demo", HERE)
    assert user is not None and user.username == "caseworker2"


def test_the_lock_expires_by_the_service_clock(ctx: ServiceContext, clock: FakeClock) -> None:
    fail(ctx, "supervisor", 4)
    with pytest.raises(TooManyAttempts):
        sign_in(ctx, "supervisor", "wrong password", HERE)
    clock.advance(minutes=14, seconds=59)
    with pytest.raises(TooManyAttempts) as still:
        sign_in(ctx, "supervisor", "demo", HERE)
    assert still.value.retry_after == 1
    clock.advance(seconds=1)
    user = sign_in(ctx, "supervisor", "demo", HERE)
    assert user is not None and user.username == "supervisor"


def test_after_a_lock_expires_the_count_starts_again(ctx: ServiceContext, clock: FakeClock) -> None:
    fail(ctx, "caseworker1", 4)
    with pytest.raises(TooManyAttempts):
        sign_in(ctx, "caseworker1", "wrong password", HERE)
    clock.advance(minutes=15)
    fail(ctx, "caseworker1", 4)  # not locked again by the failures that caused the first lock
    with pytest.raises(TooManyAttempts):
        sign_in(ctx, "caseworker1", "wrong password", HERE)


def test_failures_outside_the_window_do_not_count(ctx: ServiceContext, clock: FakeClock) -> None:
    fail(ctx, "caseworker1", 4)
    clock.advance(minutes=15, seconds=1)
    fail(ctx, "caseworker1", 4)
    assert sign_in(ctx, "caseworker1", "demo", HERE) is not None


def test_a_successful_sign_in_forgives_that_accounts_failures(ctx: ServiceContext) -> None:
    fail(ctx, "caseworker1", 4)
    assert sign_in(ctx, "caseworker1", "demo", HERE) is not None
    fail(ctx, "caseworker1", 4)
    assert sign_in(ctx, "caseworker1", "demo", HERE) is not None


def test_unknown_usernames_are_throttled_like_real_ones(ctx: ServiceContext) -> None:
    fail(ctx, "no.such.user", 4)
    with pytest.raises(TooManyAttempts) as locked:
        sign_in(ctx, "no.such.user", "wrong password", HERE)
    assert locked.value.retry_after == 15 * 60
    with pytest.raises(TooManyAttempts):
        sign_in(ctx, "no.such.user", "anything", ELSEWHERE)


def test_the_address_limit_counts_failures_across_usernames(ctx: ServiceContext) -> None:
    for i in range(19):
        assert sign_in(ctx, f"guess{i}", "wrong password", HERE) is None
    with pytest.raises(TooManyAttempts):
        sign_in(ctx, "guess19", "wrong password", HERE)
    # Every account is refused from that address, even with its right password...
    with pytest.raises(TooManyAttempts):
        sign_in(ctx, "caseworker1", "demo", HERE)
    # ...and accepted from another one.
    assert sign_in(ctx, "caseworker1", "demo", ELSEWHERE) is not None


def test_a_success_does_not_reset_the_address_count_of_other_accounts(ctx: ServiceContext) -> None:
    for i in range(15):
        assert sign_in(ctx, f"guess{i}", "wrong password", HERE) is None
    fail(ctx, "caseworker2", 2)
    assert sign_in(ctx, "caseworker2", "demo", HERE) is not None  # forgives its own 2 only
    for i in range(15, 19):
        assert sign_in(ctx, f"guess{i}", "wrong password", HERE) is None
    with pytest.raises(TooManyAttempts):
        sign_in(ctx, "guess19", "wrong password", HERE)


def test_the_limits_come_from_the_configuration(ctx: ServiceContext, monkeypatch: Any) -> None:
    config: dict[str, Any] = ctx.config  # type: ignore[assignment]
    monkeypatch.setitem(config, "LOGIN_MAX_FAILURES_PER_ACCOUNT", 2)
    monkeypatch.setitem(config, "LOGIN_LOCKOUT_MINUTES", 60)
    fail(ctx, "caseworker1", 1)
    with pytest.raises(TooManyAttempts) as locked:
        sign_in(ctx, "caseworker1", "wrong password", HERE)
    assert locked.value.retry_after == 60 * 60


def test_failures_and_lockouts_are_audited_without_usernames_or_passwords(ctx: ServiceContext) -> None:
    fail(ctx, "caseworker1", 4)
    with pytest.raises(TooManyAttempts):
        sign_in(ctx, "caseworker1", "Secret-typo-1", HERE, via="api")
    fail(ctx, "no.such.user", 1)
    assert sign_in(ctx, "caseworker2", "demo", HERE) is not None
    rows = audit_rows(ctx)
    assert [r.action for r in rows] == ["auth.failed"] * 5 + ["auth.locked", "auth.failed", "auth.login"]
    cw1 = user_id(ctx, "caseworker1")
    failed = rows[0]
    assert failed.user_id == cw1 and failed.case_id is None
    assert failed.detail["address"] == HERE and failed.detail["via"] == "page"
    assert rows[4].detail["via"] == "api"
    locked = rows[5]
    assert locked.user_id == cw1
    assert locked.detail["scope"] == "account" and locked.detail["failures"] == 5
    assert locked.detail["until"] == "2026-03-02T09:15:00+00:00"
    unknown = rows[6]
    assert unknown.user_id is None and unknown.detail["account"] != failed.detail["account"]
    assert rows[7].user_id == user_id(ctx, "caseworker2")
    dumped = json.dumps([r.detail for r in rows])
    for secret in ("caseworker", "no.such.user", "wrong password", "Secret-typo-1", "demo"):
        assert secret not in dumped


def test_refused_attempts_add_no_rows(ctx: ServiceContext) -> None:
    fail(ctx, "caseworker1", 4)
    with pytest.raises(TooManyAttempts):
        sign_in(ctx, "caseworker1", "wrong password", HERE)
    before = len(audit_rows(ctx))
    for _ in range(10):
        with pytest.raises(TooManyAttempts):
            sign_in(ctx, "caseworker1", "wrong password", HERE)
    assert len(audit_rows(ctx)) == before


def test_new_passwords_need_twelve_characters(ctx: ServiceContext) -> None:
    name = f"short{uuid.uuid4().hex[:8]}"
    with pytest.raises(ValidationFailed) as refused:
        create_user(ctx, name, "Ala Krótka", ["caseworker"], "elevenchars")
    assert refused.value.errors == {"password": "Password must have at least 12 characters."}
    assert auth.password_problem("twelve chars") is None
    assert auth.password_problem("x" * 201) == "At most 200 characters."
    new_id = create_user(ctx, name, "Ala Krótka", ["caseworker"], "twelve chars")
    user = sign_in(ctx, name, "twelve chars", HERE)
    assert user is not None and user.id == new_id


def test_only_the_demo_data_may_skip_the_password_rule(ctx: ServiceContext) -> None:
    name = f"demo{uuid.uuid4().hex[:8]}"
    create_user(ctx, name, "Demo Demo", ["caseworker"], "demo", password_policy=False)
    assert sign_in(ctx, name, "demo", HERE) is not None
    with pytest.raises(ValidationFailed):
        create_user(ctx, f"{name}x", "Demo Demo", ["caseworker"], "", password_policy=False)


@pytest.mark.parametrize(("name", "value"), [
    ("LOGIN_MAX_FAILURES_PER_ACCOUNT", 0), ("LOGIN_MAX_FAILURES_PER_ADDRESS", -1),
    ("LOGIN_FAILURE_WINDOW_MINUTES", "15"), ("LOGIN_LOCKOUT_MINUTES", 0),
    ("LOGIN_PROXY_COUNT", 9), ("LOGIN_LOCKOUT_MINUTES", True),
])
def test_bad_throttle_settings_stop_start_up(tmp_path: Any, test_config: dict[str, Any],
                                            name: str, value: Any) -> None:
    with pytest.raises(ConfigError, match=f"POMOC_{name}"):
        load_config(tmp_path, {"SECRET_KEY": "x", "DATABASE_URL": "sqlite://", name: value})


def test_throttle_settings_are_read_from_the_environment(tmp_path: Any, monkeypatch: Any) -> None:
    monkeypatch.setenv("POMOC_LOGIN_MAX_FAILURES_PER_ACCOUNT", "7")
    cfg = load_config(tmp_path, {"SECRET_KEY": "x", "DATABASE_URL": "sqlite://"})
    assert cfg["LOGIN_MAX_FAILURES_PER_ACCOUNT"] == 7
    assert (cfg["LOGIN_MAX_FAILURES_PER_ADDRESS"], cfg["LOGIN_FAILURE_WINDOW_MINUTES"],
            cfg["LOGIN_LOCKOUT_MINUTES"], cfg["LOGIN_PROXY_COUNT"]) == (20, 15, 15, 0)


# --- the login page ---------------------------------------------------------------------------

def client_at(flask_app: Any, address: str) -> Any:
    """A test client whose requests come from `address`."""
    client = flask_app.test_client()
    client.environ_base["REMOTE_ADDR"] = address
    return client


def page_login(client: Any, username: str, password: str) -> Any:
    return client.post("/login", data={"username": username, "password": password})


def test_the_login_page_locks_out_with_a_polish_message(client: Any, clock: FakeClock) -> None:
    for _ in range(4):
        assert page_login(client, "caseworker1", "wrong password").status_code == 401
    res = page_login(client, "caseworker1", "wrong password")
    assert res.status_code == 429 and res.headers["Retry-After"] == "900"
    # 09:15 UTC is 10:15 in Warsaw (CET).
    message = "Zbyt wiele nieudanych prób logowania. Spróbuj ponownie po 02.03.2026 10:15 (za 15 min)."
    assert message in text(res)
    res = page_login(client, "caseworker1", "demo")
    assert res.status_code == 429 and message in text(res)
    assert client.get("/").status_code == 302  # still not signed in
    clock.advance(minutes=15)
    assert page_login(client, "caseworker1", "demo").status_code == 302


def test_the_lockout_message_is_english_in_the_english_ui(client: Any) -> None:
    client.get("/lang/en")
    for _ in range(5):
        res = page_login(client, "caseworker1", "wrong password")
    assert res.status_code == 429
    assert "Too many failed sign-in attempts. Try again after 2 Mar 2026 10:15 (in 15 min)." in text(res)


def test_the_page_does_not_reveal_whether_the_account_exists(client: Any) -> None:
    answers = []
    for username in ("caseworker1", "nobody.here"):
        for _ in range(5):
            res = page_login(client, username, "wrong password")
        alert = re.search(r'id="login-error">([^<]*)<', text(res))
        assert alert is not None
        answers.append((res.status_code, res.headers["Retry-After"], alert.group(1)))
    assert answers[0] == answers[1]
    assert answers[0][:2] == (429, "900")


def test_the_page_limits_each_client_address(flask_app: Any, ctx: ServiceContext) -> None:
    here = client_at(flask_app, "192.0.2.10")
    there = client_at(flask_app, "192.0.2.11")
    for i in range(19):
        assert page_login(here, f"guess{i}", "wrong password").status_code == 401
    assert page_login(here, "guess19", "wrong password").status_code == 429
    assert page_login(here, "supervisor", "demo").status_code == 429
    assert page_login(there, "supervisor", "demo").status_code == 302
    addresses = {r.detail["address"] for r in audit_rows(ctx)}
    assert addresses == {"192.0.2.10", "192.0.2.11"}


def test_behind_a_proxy_the_forwarded_address_is_counted(ctx: ServiceContext,
                                                         test_config: dict[str, Any]) -> None:
    from app import create_app

    app = create_app({**test_config, "SERVICE_CONTEXT": ctx, "LOGIN_PROXY_COUNT": 1})
    client = app.test_client()
    for i in range(20):
        res = client.post("/login", data={"username": f"guess{i}", "password": "wrong password"},
                          headers={"X-Forwarded-For": "1.2.3.4, 203.0.113.5"})
    assert res.status_code == 429
    res = client.post("/login", data={"username": "admin", "password": "demo"},
                      headers={"X-Forwarded-For": "203.0.113.6"})
    assert res.status_code == 302
    assert {r.detail["address"] for r in audit_rows(ctx)} == {"203.0.113.5", "203.0.113.6"}


# --- POST /api/auth/token ---------------------------------------------------------------------

def api_login(client: Any, username: str, password: str) -> Any:
    return client.post("/api/auth/token", json={"username": username, "password": password})


def test_the_token_endpoint_answers_429_with_retry_after(client: Any, clock: FakeClock) -> None:
    for _ in range(4):
        assert api_login(client, "supervisor", "wrong password").status_code == 401
    res = api_login(client, "supervisor", "wrong password")
    assert res.status_code == 429 and res.headers["Retry-After"] == "900"
    body = res.get_json()
    assert body["error"] == "Too many failed sign-in attempts. Try again in 15 min (after 09:15 UTC)."
    assert body["retry_after"] == 900 and body["retry_at"] == "2026-03-02T09:15:00+00:00"
    res = api_login(client, "supervisor", "demo")
    assert res.status_code == 429 and "token" not in res.get_json()
    clock.advance(minutes=10)
    assert api_login(client, "supervisor", "demo").headers["Retry-After"] == "300"
    clock.advance(minutes=5)
    res = api_login(client, "supervisor", "demo")
    assert res.status_code == 200 and res.get_json()["token"]


def test_the_api_limits_each_client_address(flask_app: Any, ctx: ServiceContext) -> None:
    here = client_at(flask_app, "198.51.100.7")
    there = client_at(flask_app, "198.51.100.8")
    for i in range(19):
        assert api_login(here, f"guess{i}", "wrong password").status_code == 401
    assert api_login(here, "guess19", "wrong password").status_code == 429
    assert api_login(here, "caseworker1", "demo").status_code == 429
    assert api_login(there, "caseworker1", "demo").status_code == 200


def test_page_and_api_failures_share_one_count(client: Any, ctx: ServiceContext) -> None:
    for _ in range(3):
        page_login(client, "admin", "wrong password")
    assert api_login(client, "admin", "wrong password").status_code == 401
    assert api_login(client, "admin", "wrong password").status_code == 429
    assert page_login(client, "admin", "demo").status_code == 429
    assert [r.detail["via"] for r in audit_rows(ctx, "auth.failed")] == ["page"] * 3 + ["api"] * 2


# --- new passwords: admin page and create-user ------------------------------------------------

def admin_client(client: Any) -> Any:
    assert page_login(client, "admin", "demo").status_code == 302
    return client


def new_user_form(password: str) -> dict[str, Any]:
    return {"username": f"nowy{uuid.uuid4().hex[:8]}", "full_name": "Jan Nowy",
            "position": "pracownik socjalny", "password": password, "roles": ["caseworker"]}


def test_the_admin_page_refuses_a_short_password_in_polish(client: Any) -> None:
    admin_client(client)
    form = text(client.get("/admin/users"))
    assert "Co najmniej 12 znaków" in form and 'minlength="12"' in form
    res = client.post("/admin/users", data=new_user_form("krotkie1"))
    assert res.status_code == 422
    assert "Hasło musi mieć co najmniej 12 znaków." in text(res)
    assert client.post("/admin/users", data=new_user_form("dwanascie-zn")).status_code == 302


def test_the_admin_page_refuses_a_short_password_in_english(client: Any) -> None:
    admin_client(client)
    client.get("/lang/en")
    assert "At least 12 characters" in text(client.get("/admin/users"))
    res = client.post("/admin/users", data=new_user_form("short-pw"))
    assert res.status_code == 422
    assert "Password must have at least 12 characters." in text(res)


def test_the_create_user_command_needs_twelve_characters(flask_app: Any, ctx: ServiceContext) -> None:
    runner = flask_app.test_cli_runner()
    name = f"cli{uuid.uuid4().hex[:8]}"
    args = ["create-user", name, "--name", "Ewa Cli", "--role", "caseworker"]
    refused = runner.invoke(args=[*args, "--password", "short"])
    assert refused.exit_code != 0
    assert "Password must have at least 12 characters." in refused.output
    # At the prompt, a short password is refused and asked for again.
    created = runner.invoke(args=args, input="short\nlong enough pw\nlong enough pw\n")
    assert created.exit_code == 0, created.output
    assert "Password must have at least 12 characters." in created.output
    assert f"user {name} created" in created.output
    assert sign_in(ctx, name, "long enough pw", HERE) is not None
