"""Users, passwords (argon2) and API tokens."""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import math
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session, aliased

from app.config import ROLES
from app.domain.messages import Code, msg
from app.persistence.models import ApiToken, AuditEvent, User, UserRole
from app.services.kernel import audit
from app.services.kernel.context import ServiceContext, UnitOfWork
from app.services.kernel.errors import Conflict, ServiceError, ValidationFailed

# New passwords: at least this long (NIST SP 800-63B asks for 8+; we ask for a passphrase).
MIN_PASSWORD_LENGTH = 12
# The login form accepts at most this many characters, so a longer password could never be used.
MAX_PASSWORD_LENGTH = 200

# Audit actions of the sign-in throttle; the rows are also its only state.
FAILED, LOCKED, LOGIN = "auth.failed", "auth.locked", "auth.login"
# A logout: every page session of that user issued before this row stops working.
LOGOUT = "auth.logout"
# A session whose generation lags the audit trail by more than this many rows is moved forward
# (after it passed the check), so the per-request logout check stays a short range scan.
_GENERATION_REFRESH = 1000


def _hasher(ctx: ServiceContext) -> PasswordHasher:
    """The configured argon2 hasher (tests use cheap parameters)."""
    key = "password_hasher"
    if key not in ctx.cache:
        ctx.cache[key] = PasswordHasher(
            time_cost=ctx.config["PASSWORD_HASH_TIME_COST"],
            memory_cost=ctx.config["PASSWORD_HASH_MEMORY_COST"],
        )
    return ctx.cache[key]


def hash_password(ctx: ServiceContext, password: str) -> str:
    """Hash a password with argon2id."""
    return _hasher(ctx).hash(password)


def create_user(
    ctx: ServiceContext,
    username: str,
    full_name: str,
    roles: list[str],
    password: str | None = None,
    position: str = "",
    *,
    password_policy: bool = True,
) -> int:
    """Create a user; with no password the account cannot log in until one is set.

    A new password needs at least MIN_PASSWORD_LENGTH characters. Only the demo data (the
    `seed-demo` command and the test fixtures) passes `password_policy=False`, so that the demo
    logins keep their documented password "demo"; never pass it for a real account.
    """
    errors: dict[str, str] = {}
    if not username or len(username) > 64:
        errors["username"] = msg(Code.USERNAME_LENGTH)
    unknown = [r for r in roles if r not in ROLES]
    if unknown:
        errors["roles"] = msg(Code.ROLES_UNKNOWN, unknown=", ".join(unknown), allowed=", ".join(ROLES))
    if password is not None:
        error = password_problem(password) if password_policy else None
        if error is None and not password:
            error = msg(Code.PASSWORD_TOO_SHORT, limit=MIN_PASSWORD_LENGTH)
        if error:
            errors["password"] = error
    if errors:
        raise ValidationFailed(msg(Code.USER_DATA_INVALID), errors)
    with ctx.uow() as uow:
        if uow.session.scalar(select(User.id).where(User.username == username)):
            raise Conflict(msg(Code.USER_EXISTS, username=username))
        user = User(
            username=username,
            full_name=full_name,
            position=position,
            password_hash=hash_password(ctx, password) if password else None,
            roles=[UserRole(role=r) for r in roles],
        )
        uow.session.add(user)
        uow.session.flush()
        uow.session.add(AuditEvent(action="user.created", detail={"user_id": user.id}))
        uow.commit()
        return user.id


def password_problem(password: str) -> str | None:
    """Why a new password is refused (an English message), or None when it is acceptable."""
    if len(password) < MIN_PASSWORD_LENGTH:
        return msg(Code.PASSWORD_TOO_SHORT, limit=MIN_PASSWORD_LENGTH)
    if len(password) > MAX_PASSWORD_LENGTH:
        return msg(Code.MAX_LENGTH, limit=MAX_PASSWORD_LENGTH)
    return None


def authenticate(ctx: ServiceContext, username: str, password: str) -> User | None:
    """Return the active user whose password matches, else None (constant-ish time)."""
    with ctx.uow() as uow:
        user = uow.session.scalar(select(User).where(User.username == username))
        hasher = _hasher(ctx)
        if user is None or not user.is_active or not user.password_hash:
            # Spend the same work as a real check so timing does not reveal usernames.
            with contextlib.suppress(VerificationError, InvalidHashError):
                hasher.verify(_dummy_hash(ctx), password + "x")
            return None
        try:
            hasher.verify(user.password_hash, password)
        except (VerificationError, InvalidHashError):
            return None
        if hasher.check_needs_rehash(user.password_hash):
            user.password_hash = hasher.hash(password)
            uow.commit()
        uow.session.expunge(user)
        return user


def _dummy_hash(ctx: ServiceContext) -> str:
    """A hash to verify against when the user does not exist."""
    if "dummy_hash" not in ctx.cache:
        ctx.cache["dummy_hash"] = _hasher(ctx).hash(secrets.token_hex(8))
    return ctx.cache["dummy_hash"]


class TooManyAttempts(ServiceError):
    """Sign-in refused: too many recent failures for this account name or from this address.

    Unknown usernames are throttled exactly like real ones, so the answer never tells whether
    an account exists. `until` is when a new attempt will be considered (aware, UTC).
    """

    status = 429

    def __init__(self, until: datetime, now: datetime) -> None:
        self.until = until
        self.retry_after = max(1, math.ceil((until - now).total_seconds()))
        super().__init__(
            msg(Code.TOO_MANY_ATTEMPTS, minutes=math.ceil(self.retry_after / 60),
                until=f"{until:%H:%M}"),
            retry_after=self.retry_after, retry_at=until.isoformat(timespec="seconds"),
        )


def sign_in(ctx: ServiceContext, username: str, password: str, address: str | None,
            via: str = "page") -> User | None:
    """Check a password under the sign-in throttle: the user, None when wrong, or TooManyAttempts.

    The throttle keeps its state in audit_events, so it holds across processes and on SQLite:
    each failure adds an "auth.failed" row (user_id when the account exists; the account name
    only as a keyed hash; the client address), each success an "auth.login" row. When the
    failures for one account name, or from one address, reach their limit inside the window,
    an "auth.locked" row starts a lockout during which every attempt is refused before the
    password is checked (refusals add no rows, so an attack cannot flood the table). A
    successful sign-in stops counting that account's earlier failures, but never those of
    other accounts from the same address.
    """
    now = ctx.now()
    account = _account_key(ctx, username)
    address = (address or "unknown")[:64]
    with ctx.uow(readonly=True) as uow:
        until = _locked_until(uow.session, ctx, account, address, now)
    if until is not None:
        raise TooManyAttempts(until, now)
    user = authenticate(ctx, username, password)
    with ctx.uow() as uow:
        if user is not None:
            audit.record(uow, LOGIN, user.id, account=account, address=address, via=via)
            uow.commit()
            return user
        user_id = uow.session.scalar(select(User.id).where(User.username == username))
        audit.record(uow, FAILED, user_id, account=account, address=address, via=via)
        uow.session.flush()
        until = _lock_if_over_limit(uow, account, address, user_id, now)
        uow.commit()
    if until is not None:
        raise TooManyAttempts(until, now)
    return None


def _account_key(ctx: ServiceContext, username: str) -> str:
    """A keyed hash of the account name: the audit trail never stores a typed username."""
    key = str(ctx.config.get("SECRET_KEY") or "").encode()
    message = b"sign-in:" + username.encode("utf-8", "surrogatepass")
    return hmac.new(key, message, hashlib.sha256).hexdigest()[:32]


def _detail(name: str, table: Any = AuditEvent) -> Any:
    """A text field of an audit row's detail, as an SQL expression (SQLite and PostgreSQL)."""
    return table.detail[name].as_string()


def _locked_until(session: Session, ctx: ServiceContext, account: str, address: str,
                  now: datetime) -> datetime | None:
    """When the newest lockout of this account name or this address ends, if it has not."""
    lockout = timedelta(minutes=ctx.config["LOGIN_LOCKOUT_MINUTES"])
    started = session.scalar(select(func.max(AuditEvent.at)).where(
        AuditEvent.action == LOCKED, AuditEvent.at > now - lockout,
        or_((_detail("scope") == "account") & (_detail("account") == account),
            (_detail("scope") == "address") & (_detail("address") == address)),
    ))
    return started + lockout if started is not None else None


def _recent_failures(session: Session, scope: str, value: str, since: datetime) -> int:
    """Failures in the window for one account name or address that still count.

    Failures before the scope's last lockout have been paid for; an account's failures before
    its own later successful sign-in are forgiven (for both scopes).
    """
    last_lock = session.scalar(select(func.max(AuditEvent.id)).where(
        AuditEvent.action == LOCKED, AuditEvent.at >= since,
        _detail("scope") == scope, _detail(scope) == value,
    ))
    failure, login = aliased(AuditEvent), aliased(AuditEvent)
    forgiven = select(login.id).where(
        login.action == LOGIN, login.at >= since, login.id > failure.id,
        _detail("account", login) == _detail("account", failure),
    ).exists()
    return session.scalar(select(func.count()).select_from(failure).where(
        failure.action == FAILED, failure.at >= since, _detail(scope, failure) == value,
        failure.id > (last_lock or 0), ~forgiven,
    )) or 0


def _lock_if_over_limit(uow: UnitOfWork, account: str, address: str, user_id: int | None,
                        now: datetime) -> datetime | None:
    """Start a lockout for each scope whose failures reached its limit; its end, if any."""
    cfg = uow.ctx.config
    since = now - timedelta(minutes=cfg["LOGIN_FAILURE_WINDOW_MINUTES"])
    until = now + timedelta(minutes=cfg["LOGIN_LOCKOUT_MINUTES"])
    locked = False
    for scope, value, limit in (("account", account, cfg["LOGIN_MAX_FAILURES_PER_ACCOUNT"]),
                                ("address", address, cfg["LOGIN_MAX_FAILURES_PER_ADDRESS"])):
        failures = _recent_failures(uow.session, scope, value, since)
        if failures >= limit:
            detail: dict[str, Any] = {"scope": scope, scope: value, "failures": failures,
                                      "until": until.isoformat(timespec="seconds")}
            audit.record(uow, LOCKED, user_id if scope == "account" else None, None, **detail)
            locked = True
    return until if locked else None


def load_user(ctx: ServiceContext, user_id: int) -> User | None:
    """Load an active user by id (detached, with roles)."""
    with ctx.uow(readonly=True) as uow:
        user = uow.session.get(User, user_id)
        if user is None or not user.is_active:
            return None
        uow.session.expunge(user)
        return user


def session_generation(ctx: ServiceContext) -> int:
    """The generation a page session gets at sign-in: the audit trail's newest row id.

    Page sessions keep no server-side row. A logout adds an "auth.logout" audit row for the
    user; a session is refused once such a row exists with an id above its generation, so a
    session cookie replayed after logout is worth nothing (no schema change needed).
    """
    with ctx.uow(readonly=True) as uow:
        return int(uow.session.scalar(select(func.max(AuditEvent.id))) or 0)


@dataclass(frozen=True)
class SessionUser:
    """The signed-in user a page session stands for (no ORM object kept across requests)."""

    id: int
    username: str
    full_name: str
    roles: frozenset[str]
    locale: str


def session_user(
    ctx: ServiceContext, user_id: int, generation: int
) -> tuple[SessionUser | None, int]:
    """The active user of a page session of this generation, or None after the user's logout.

    Also returns the generation the session may move to (the newest audit row id when the
    session has fallen far behind, else its own): the check is a range scan on the primary key.
    One statement per request: the user by primary key joined to its roles, with the logout
    check and the newest audit id as scalar subqueries.
    """
    logged_out = select(AuditEvent.id).where(
        AuditEvent.id > generation, AuditEvent.action == LOGOUT, AuditEvent.user_id == user_id,
    ).limit(1).scalar_subquery()
    top = select(func.max(AuditEvent.id)).scalar_subquery()
    with ctx.uow(readonly=True) as uow:
        rows = uow.session.execute(
            select(User.username, User.full_name, User.locale, User.is_active, UserRole.role,
                   logged_out, top)
            .outerjoin(UserRole, UserRole.user_id == User.id).where(User.id == user_id)
        ).all()
    if not rows or not rows[0].is_active or rows[0][5] is not None:
        return None, generation
    first = rows[0]
    newest = generation
    top_id = int(first[6] or 0)
    if generation <= 0 or top_id - generation > _GENERATION_REFRESH:
        newest = top_id
    roles = frozenset(r.role for r in rows if r.role is not None)
    return SessionUser(user_id, first.username, first.full_name, roles, first.locale), newest


def record_logout(ctx: ServiceContext, user_id: int) -> None:
    """End every page session of the user issued so far (see session_generation)."""
    with ctx.uow() as uow:
        audit.record(uow, LOGOUT, user_id)
        uow.commit()


def _token_digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def issue_token(ctx: ServiceContext, user_id: int) -> str:
    """Create a bearer token for the API; only its digest is stored."""
    token = secrets.token_urlsafe(32)
    with ctx.uow() as uow:
        uow.session.add(
            ApiToken(
                user_id=user_id,
                token_hash=_token_digest(token),
                expires_at=ctx.now() + timedelta(hours=ctx.config["API_TOKEN_HOURS"]),
            )
        )
        uow.commit()
    return token


def user_for_token(ctx: ServiceContext, token: str) -> User | None:
    """The active user owning an unexpired, unrevoked token, else None.

    Every call checks in the database that the token still exists (not revoked) and that its
    user is still active (one indexed row, no roles); only the user with roles is cached.
    """
    key = _token_digest(token)
    cache = ctx.cache.setdefault("token_users", {})
    now = ctx.now()
    with ctx.uow(readonly=True) as uow:
        live = uow.session.execute(
            select(ApiToken.user_id, ApiToken.expires_at)
            .join(User, User.id == ApiToken.user_id)
            .where(ApiToken.token_hash == key, User.is_active.is_(True))
        ).first()
        if live is None or live.expires_at <= now:
            cache.pop(key, None)
            return None
        hit = cache.get(key)
        if hit is not None and hit[1] > now:
            return hit[0]  # type: ignore[no-any-return]
        user = uow.session.get(User, live.user_id)
        if user is None:
            return None
        uow.session.expunge(user)
        # A short in-process cache keeps loading the user and roles off the hot path.
        cache[key] = (user, min(live.expires_at, now + timedelta(seconds=30)))
        return user


def revoke_token(ctx: ServiceContext, token: str) -> bool:
    """Revoke a bearer token at once (its row is deleted); False when it was not live."""
    key = _token_digest(token)
    ctx.cache.setdefault("token_users", {}).pop(key, None)
    with ctx.uow() as uow:
        row = uow.session.scalar(select(ApiToken).where(ApiToken.token_hash == key))
        if row is None:
            return False
        audit.record(uow, "auth.token_revoked", row.user_id, token_id=row.id)
        uow.session.delete(row)
        uow.commit()
        return True


@dataclass(frozen=True)
class StaffUser:
    """A staff account as listed (no case data)."""

    id: int
    username: str
    full_name: str
    position: str | None
    roles: tuple[str, ...]
    active: bool


def list_users(ctx: ServiceContext) -> list[StaffUser]:
    """Staff accounts (no case data): id, username, full name, position, roles, active."""
    with ctx.uow(readonly=True) as uow:  # one statement: the users joined to their roles
        rows = uow.session.execute(
            select(User.id, User.username, User.full_name, User.position, User.is_active,
                   UserRole.role)
            .outerjoin(UserRole, UserRole.user_id == User.id)
            .order_by(User.full_name, User.id)).all()
    roles: dict[int, list[str]] = {}
    first: dict[int, Any] = {}
    for row in rows:
        first.setdefault(row.id, row)
        held = roles.setdefault(row.id, [])
        if row.role is not None:
            held.append(row.role)
    return [StaffUser(id=u.id, username=u.username, full_name=u.full_name, position=u.position,
                      roles=tuple(sorted(roles[u.id])), active=u.is_active)
            for u in first.values()]
