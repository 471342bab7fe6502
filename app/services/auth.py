"""Users, passwords (argon2) and API tokens."""

from __future__ import annotations

import contextlib
import hashlib
import secrets
from datetime import timedelta
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select

from app.config import ROLES
from app.persistence.models import ApiToken, AuditEvent, User, UserRole

from .context import ServiceContext
from .errors import Conflict, ValidationFailed


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
) -> int:
    """Create a user; with no password the account cannot log in until one is set."""
    errors: dict[str, str] = {}
    if not username or len(username) > 64:
        errors["username"] = "Username must be 1–64 characters."
    unknown = [r for r in roles if r not in ROLES]
    if unknown:
        errors["roles"] = f"Unknown role(s): {', '.join(unknown)}; allowed: {', '.join(ROLES)}."
    if password is not None and len(password) < 4:
        errors["password"] = "Password must have at least 4 characters."
    if errors:
        raise ValidationFailed("The user data is invalid.", errors)
    with ctx.uow() as uow:
        if uow.session.scalar(select(User.id).where(User.username == username)):
            raise Conflict(f"User {username!r} already exists.")
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


def load_user(ctx: ServiceContext, user_id: int) -> User | None:
    """Load an active user by id (detached, with roles)."""
    with ctx.uow(readonly=True) as uow:
        user = uow.session.get(User, user_id)
        if user is None or not user.is_active:
            return None
        uow.session.expunge(user)
        return user


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
    """The active user owning an unexpired token, else None."""
    key = _token_digest(token)
    cache = ctx.cache.setdefault("token_users", {})
    hit = cache.get(key)
    now = ctx.now()
    if hit is not None and hit[1] > now:
        return hit[0]
    with ctx.uow(readonly=True) as uow:
        row = uow.session.scalar(select(ApiToken).where(ApiToken.token_hash == key))
        if row is None or row.expires_at <= now:
            return None
        user = uow.session.get(User, row.user_id)
        if user is None or not user.is_active:
            return None
        uow.session.expunge(user)
        # A short in-process cache keeps token checks off the database on the hot path.
        cache[key] = (user, min(row.expires_at, now + timedelta(seconds=30)))
        return user


def list_users(ctx: ServiceContext) -> list[dict[str, Any]]:
    """Staff accounts (no case data): id, username, full name, position, roles, active."""
    with ctx.uow(readonly=True) as uow:
        users = uow.session.scalars(select(User).order_by(User.full_name)).all()
        return [{"id": u.id, "username": u.username, "full_name": u.full_name,
                 "position": u.position, "roles": sorted(u.role_names), "active": u.is_active}
                for u in users]
