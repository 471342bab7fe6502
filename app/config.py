"""Configuration: defaults, then the environment, then instance config; validated at start-up."""

from __future__ import annotations

import os
import secrets
from pathlib import Path
from typing import Any

from stdnum import iban

from app.domain.digits import is_ascii_digits

ROLES = ("caseworker", "supervisor", "head", "admin")


class ConfigError(RuntimeError):
    """A setting is missing or invalid; the message says which and how to fix it."""


def _defaults(instance_path: Path) -> dict[str, Any]:
    """Embedded-default settings: SQLite for data and for the Celery broker."""
    return {
        "ENV": "development",
        "DATABASE_URL": f"sqlite:///{instance_path / 'pomoc.db'}",
        "CELERY_BROKER_URL": f"sqla+sqlite:///{instance_path / 'celery-broker.db'}",
        "CELERY_VISIBILITY_TIMEOUT": 3600,
        "SECRET_KEY": None,
        "WORKFLOWS_DIR": str(Path(__file__).resolve().parent.parent / "workflows"),
        "SCRIPT_TIME_LIMIT": 1.0,
        # One deploy check (lint, compile, rehearsal, replay) stops after this many seconds,
        # well inside the web worker's 30 s timeout (app/workflow_engine/budget.py).
        "DEPLOY_CHECK_SECONDS": 10.0,
        "PASSWORD_HASH_TIME_COST": 3,
        "PASSWORD_HASH_MEMORY_COST": 65536,
        "TIMER_TICK_SECONDS": 30,
        # Jobs committed while the broker was unreachable are sent again by a sweep this often,
        # once they are this old (a job may simply wait in a busy queue for a while).
        "REPUBLISH_SWEEP_SECONDS": 10,
        "REPUBLISH_AFTER_SECONDS": 20,
        # GET /health: the worker runs a heartbeat task (sent by beat) this often, and is reported
        # stale when its last heartbeat is older than HEARTBEAT_STALE_SECONDS. Each dependency
        # check (database, broker) gets at most HEALTH_TIMEOUT_SECONDS.
        "HEARTBEAT_SECONDS": 15,
        "HEARTBEAT_STALE_SECONDS": 60,
        "HEALTH_TIMEOUT_SECONDS": 1.5,
        "BABEL_DEFAULT_LOCALE": "pl",
        "LANGUAGES": ("pl", "en"),
        "API_TOKEN_HOURS": 12,
        "WTF_CSRF_TIME_LIMIT": None,
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "TESTING": False,
        # Test hook: seconds a job sleeps inside its transaction (the SIGKILL test widens the window).
        "JOB_TEST_DELAY": 0.0,
        "PAYMENT_DAY": 10,
        # Per-benefit payment days where the centre pays a benefit on another day of the month,
        # "benefit=day,..." (e.g. "zasilek_rodzinny=15,fundusz_alimentacyjny=15").
        "PAYMENT_DAYS": "",
        # The centre's account the transfers are paid from (NRB, 26 digits); its name and
        # address are the office settings' (flask office-set); the code page of the Elixir-O
        # file (cp1250 or cp852).
        "CENTRE_ACCOUNT": "94102028920000510200123456",
        "ELIXIR_ENCODING": "cp1250",
        # The payment run commits every this many payments (a killed run loses one batch at most).
        "PAYMENT_RUN_BATCH": 5000,
        # Test hook: seconds the payment run sleeps inside each batch (the SIGKILL test).
        "PAYMENT_RUN_TEST_DELAY": 0.0,
        # Sign-in throttling (counted from audit_events, so it holds across processes):
        # this many failures in the window lock the account, or the client address, for
        # LOGIN_LOCKOUT_MINUTES. A locked-out attempt is refused even with the right password.
        "LOGIN_MAX_FAILURES_PER_ACCOUNT": 5,
        "LOGIN_MAX_FAILURES_PER_ADDRESS": 20,
        "LOGIN_FAILURE_WINDOW_MINUTES": 15,
        "LOGIN_LOCKOUT_MINUTES": 15,
        # Reverse proxies in front of the app that append to X-Forwarded-For (0: none, use the
        # socket's address); the client address is counted for the per-address limit.
        "LOGIN_PROXY_COUNT": 0,
        # Definition uploads (BPMN files) larger than these are refused before any parsing.
        "DEFINITION_MAX_FILE_BYTES": 2 * 1024 * 1024,
        "DEFINITION_MAX_UPLOAD_BYTES": 10 * 1024 * 1024,
        # Request bodies: definition uploads may be large; everything else is small.
        "MAX_CONTENT_LENGTH": 24 * 1024 * 1024,
        "REQUEST_MAX_BODY_BYTES": 1024 * 1024,
    }


# Settings read from the environment, with the parser for each.
_ENV_SETTINGS: dict[str, Any] = {
    "DATABASE_URL": str,
    "CELERY_BROKER_URL": str,
    "CELERY_VISIBILITY_TIMEOUT": int,
    "SECRET_KEY": str,
    "WORKFLOWS_DIR": str,
    "SCRIPT_TIME_LIMIT": float,
    "DEPLOY_CHECK_SECONDS": float,
    "TIMER_TICK_SECONDS": int,
    "REPUBLISH_SWEEP_SECONDS": int,
    "REPUBLISH_AFTER_SECONDS": int,
    "HEARTBEAT_SECONDS": int,
    "HEARTBEAT_STALE_SECONDS": int,
    "HEALTH_TIMEOUT_SECONDS": float,
    "JOB_TEST_DELAY": float,
    "PAYMENT_DAY": int,
    "PAYMENT_DAYS": str,
    "CENTRE_ACCOUNT": str,
    "ELIXIR_ENCODING": str,
    "PAYMENT_RUN_BATCH": int,
    "PAYMENT_RUN_TEST_DELAY": float,
    "PAYMENT_RUN_TEST_STOP_FILE": str,
    "PASSWORD_HASH_TIME_COST": int,
    "PASSWORD_HASH_MEMORY_COST": int,
    "LOGIN_MAX_FAILURES_PER_ACCOUNT": int,
    "LOGIN_MAX_FAILURES_PER_ADDRESS": int,
    "LOGIN_FAILURE_WINDOW_MINUTES": int,
    "LOGIN_LOCKOUT_MINUTES": int,
    "LOGIN_PROXY_COUNT": int,
    "DEFINITION_MAX_FILE_BYTES": int,
    "DEFINITION_MAX_UPLOAD_BYTES": int,
    "MAX_CONTENT_LENGTH": int,
    "REQUEST_MAX_BODY_BYTES": int,
}


def _env_key(name: str) -> str:
    """Environment variable name for a setting (DATABASE_URL etc. are used as-is)."""
    return name if name in ("DATABASE_URL", "CELERY_BROKER_URL", "SECRET_KEY") else f"POMOC_{name}"


def load_config(instance_path: Path, overrides: dict[str, Any] | None = None) -> dict[str, Any]:
    """Build and validate the configuration; raise ConfigError with a clear message."""
    instance_path.mkdir(parents=True, exist_ok=True)
    cfg = _defaults(instance_path)
    env_name = os.environ.get("POMOC_ENV")
    if env_name:
        cfg["ENV"] = env_name
    for name, parse in _ENV_SETTINGS.items():
        raw = os.environ.get(_env_key(name))
        if raw is None or raw == "":
            continue
        try:
            cfg[name] = parse(raw)
        except ValueError as exc:
            raise ConfigError(f"{_env_key(name)}={raw!r} is not a valid {parse.__name__}") from exc
    instance_file = instance_path / "config.py"
    if instance_file.exists():
        namespace: dict[str, Any] = {}
        exec(compile(instance_file.read_text(), str(instance_file), "exec"), namespace)  # noqa: S102
        cfg.update({k: v for k, v in namespace.items() if k.isupper()})
    if overrides:
        cfg.update(overrides)
    _validate(cfg, instance_path)
    return cfg


def _validate(cfg: dict[str, Any], instance_path: Path) -> None:
    """Fail fast on settings that would make the app misbehave later."""
    if cfg["ENV"] not in ("development", "production", "testing"):
        raise ConfigError("POMOC_ENV must be one of development, production, testing")
    if not cfg.get("SECRET_KEY"):
        if cfg["ENV"] == "production":
            raise ConfigError("SECRET_KEY must be set in production (e.g. `openssl rand -hex 32`)")
        # Development/testing: a random key kept in the instance folder, never a fixed default.
        key_file = instance_path / "secret_key"
        if not key_file.exists():
            key_file.write_text(secrets.token_hex(32))
            key_file.chmod(0o600)
        cfg["SECRET_KEY"] = key_file.read_text().strip()
    url = cfg["DATABASE_URL"]
    if not url.startswith(("sqlite", "postgresql")):
        raise ConfigError(f"DATABASE_URL must be a sqlite:// or postgresql:// URL, got {url.split(':')[0]}")
    if url.startswith("postgresql://"):
        cfg["DATABASE_URL"] = "postgresql+psycopg://" + url[len("postgresql://"):]
    if not Path(cfg["WORKFLOWS_DIR"]).is_dir():
        raise ConfigError(f"WORKFLOWS_DIR {cfg['WORKFLOWS_DIR']} is not a directory")
    if not 1 <= int(cfg["PAYMENT_DAY"]) <= 28:
        raise ConfigError("POMOC_PAYMENT_DAY must be a day of the month from 1 to 28")
    _validate_payments(cfg)
    if cfg["SCRIPT_TIME_LIMIT"] <= 0:
        raise ConfigError("POMOC_SCRIPT_TIME_LIMIT must be positive")
    if not cfg["SCRIPT_TIME_LIMIT"] < cfg["DEPLOY_CHECK_SECONDS"] <= 20:
        raise ConfigError("POMOC_DEPLOY_CHECK_SECONDS must be above POMOC_SCRIPT_TIME_LIMIT and at "
                          "most 20 (the web worker is killed after 30 s)")
    for name in ("REPUBLISH_SWEEP_SECONDS", "REPUBLISH_AFTER_SECONDS"):
        if not 1 <= int(cfg[name]) <= 3600:
            raise ConfigError(f"POMOC_{name} must be from 1 to 3600 seconds")
    if not 1 <= int(cfg["HEARTBEAT_SECONDS"]) < int(cfg["HEARTBEAT_STALE_SECONDS"]) <= 86400:
        raise ConfigError("POMOC_HEARTBEAT_SECONDS must be at least 1 and below "
                          "POMOC_HEARTBEAT_STALE_SECONDS (at most a day)")
    if not 0.1 <= float(cfg["HEALTH_TIMEOUT_SECONDS"]) <= 10:
        raise ConfigError("POMOC_HEALTH_TIMEOUT_SECONDS must be from 0.1 to 10 seconds")
    if not 0 < int(cfg["DEFINITION_MAX_FILE_BYTES"]) <= int(cfg["DEFINITION_MAX_UPLOAD_BYTES"]):
        raise ConfigError("POMOC_DEFINITION_MAX_FILE_BYTES must be positive and at most "
                          "POMOC_DEFINITION_MAX_UPLOAD_BYTES")
    _validate_login_limits(cfg)
    _cookie_settings(cfg)


def _cookie_settings(cfg: dict[str, Any]) -> None:
    """Session and remember-me cookies: HttpOnly and SameSite=Lax always, Secure in production."""
    production = cfg["ENV"] == "production"
    for prefix in ("SESSION", "REMEMBER"):
        cfg.setdefault(f"{prefix}_COOKIE_SECURE", production)
        cfg.setdefault(f"{prefix}_COOKIE_HTTPONLY", True)
        cfg.setdefault(f"{prefix}_COOKIE_SAMESITE", "Lax")


# Sign-in throttling settings: the smallest and largest value each may take.
_LOGIN_LIMITS = {
    "LOGIN_MAX_FAILURES_PER_ACCOUNT": (1, 1000),
    "LOGIN_MAX_FAILURES_PER_ADDRESS": (1, 100000),
    "LOGIN_FAILURE_WINDOW_MINUTES": (1, 24 * 60),
    "LOGIN_LOCKOUT_MINUTES": (1, 24 * 60),
    "LOGIN_PROXY_COUNT": (0, 5),
}


def _validate_login_limits(cfg: dict[str, Any]) -> None:
    """Sign-in throttling needs whole numbers in range (a zero limit would lock everyone out)."""
    for name, (low, high) in _LOGIN_LIMITS.items():
        value = cfg[name]
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise ConfigError(f"{_env_key(name)} must be a whole number from {low} to {high}, got {value!r}")


def _validate_payments(cfg: dict[str, Any]) -> None:
    """Payment days, the bank file's code page and the centre's account must be usable."""
    days: dict[str, int] = {}
    for part in filter(None, (p.strip() for p in str(cfg["PAYMENT_DAYS"]).split(","))):
        benefit, _, day = part.partition("=")
        if not is_ascii_digits(day.strip(), 2) or not 1 <= int(day) <= 28:
            raise ConfigError("POMOC_PAYMENT_DAYS must be 'benefit=day,...' with days from 1 to 28")
        days[benefit.strip()] = int(day)
    cfg["PAYMENT_DAY_BY_BENEFIT"] = days
    if str(cfg["ELIXIR_ENCODING"]).lower() not in ("cp1250", "cp852"):
        raise ConfigError("POMOC_ELIXIR_ENCODING must be cp1250 or cp852")
    account = str(cfg["CENTRE_ACCOUNT"]).replace(" ", "")
    if account and not iban.is_valid("PL" + account.removeprefix("PL")):
        raise ConfigError("POMOC_CENTRE_ACCOUNT must be a valid Polish account number (NRB)")
    if not 1 <= int(cfg["PAYMENT_RUN_BATCH"]) <= 100000:
        raise ConfigError("POMOC_PAYMENT_RUN_BATCH must be from 1 to 100000")
