"""Authentication (session or bearer token) and role checks for pages and API endpoints."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

from flask import Flask, abort, g, request
from flask_login import UserMixin, current_user

from app.extensions import login_manager
from app.services import auth as auth_service
from app.services.context import Actor
from app.services.errors import Forbidden, ServiceError

F = TypeVar("F", bound=Callable[..., Any])


class LoginUser(UserMixin):
    """The Flask-Login view of a user (no ORM object kept across requests)."""

    def __init__(self, user_id: int, username: str, full_name: str, roles: set[str], locale: str):
        self.id = user_id
        self.username = username
        self.full_name = full_name
        self.roles = frozenset(roles)
        self.locale = locale

    @property
    def actor(self) -> Actor:
        """The service-layer actor."""
        return Actor(self.id, self.roles)


def to_login_user(user: Any) -> LoginUser:
    """Convert a User row to a LoginUser."""
    return LoginUser(user.id, user.username, user.full_name, user.role_names, user.locale)


def register_login(app: Flask) -> None:
    """Configure Flask-Login."""
    login_manager.login_view = "auth.login"
    login_manager.login_message = None

    @login_manager.user_loader
    def _load(user_id: str) -> LoginUser | None:
        from app.web.setup import services

        user = auth_service.load_user(services(), int(user_id))
        return to_login_user(user) if user else None


class Unauthorized(ServiceError):
    """No valid credentials."""

    status = 401


def api_actor() -> Actor:
    """The actor behind an API request: a bearer token (or the browser session)."""
    if "actor" in g:
        return g.actor  # type: ignore[no-any-return]
    from app.web.setup import services

    header = request.headers.get("Authorization", "")
    if header.startswith("Bearer "):
        user = auth_service.user_for_token(services(), header[7:].strip())
        if user is None:
            raise Unauthorized("The token is invalid or expired; get a new one from POST /api/auth/token.")
        g.actor = Actor(user.id, frozenset(user.role_names))
        return g.actor  # type: ignore[no-any-return]
    if current_user.is_authenticated:
        g.actor = current_user.actor
        return g.actor  # type: ignore[no-any-return]
    raise Unauthorized("Authentication required: send 'Authorization: Bearer <token>'.")


def api_roles(*roles: str) -> Callable[[F], F]:
    """API endpoint decorator: authenticate, then require one of the roles."""

    def decorator(fn: F) -> F:
        @wraps(fn)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            actor = api_actor()
            if roles and not actor.roles & set(roles):
                raise Forbidden(f"This endpoint needs one of the roles: {', '.join(roles)}.")
            return fn(*args, **kwargs)

        return wrapper  # type: ignore[return-value]

    return decorator


def page_roles(*roles: str) -> Callable[[F], F]:
    """Page decorator: log in first, then require one of the roles (403 otherwise)."""

    def decorator(fn: F) -> F:
        @wraps(fn)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            if not current_user.is_authenticated:
                return login_manager.unauthorized()
            if roles and not current_user.roles & set(roles):
                abort(403)
            return fn(*args, **kwargs)

        return wrapper  # type: ignore[return-value]

    return decorator


def actor() -> Actor:
    """The logged-in page user's actor."""
    return current_user.actor  # type: ignore[no-any-return]
