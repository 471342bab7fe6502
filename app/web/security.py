"""Authentication (session or bearer token) and role checks for pages and API endpoints."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

from flask import Flask, Response, abort, current_app, g, request, session
from flask_login import UserMixin, current_user

from app.domain.messages import Code, msg
from app.extensions import csrf, login_manager
from app.services.kernel import auth as auth_service
from app.services.kernel.context import Actor
from app.services.kernel.errors import Forbidden, ServiceError
from app.web.context import services

F = TypeVar("F", bound=Callable[..., Any])

# The session key holding the page session's generation (see auth_service.session_generation).
SESSION_GENERATION = "_gen"
# Methods that change something: an API call of these authenticated by the session cookie
# must carry the CSRF token (X-CSRFToken), so a cross-site form cannot ride on the cookie.
UNSAFE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})


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
    """Configure Flask-Login (a session ends at its user's logout) and the security headers."""
    register_headers(app)
    login_manager.login_view = "auth.login"
    login_manager.login_message = None

    @login_manager.user_loader
    def _load(user_id: str) -> LoginUser | None:
        generation = session.get(SESSION_GENERATION)
        generation = generation if isinstance(generation, int) else 0
        user, newest = auth_service.session_user(services(), int(user_id), generation)
        if user is None:
            return None
        if newest != generation:
            session[SESSION_GENERATION] = newest
        return LoginUser(user.id, user.username, user.full_name, set(user.roles), user.locale)


def bearer_token() -> str | None:
    """The request's bearer token, if it sends one."""
    header = request.headers.get("Authorization", "")
    return header[7:].strip() if header.startswith("Bearer ") else None


# No inline script anywhere (scripts are static files; `type="application/json"` blocks are data);
# inline style attributes are allowed (bpmn-js and htmx set them). No framing of any page.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; "
    "base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
)


def register_headers(app: Flask) -> None:
    """The security headers of every response, set in this one place.

    A response that sets its own Content-Security-Policy (the decision document) keeps it.
    Every response but static files is `Cache-Control: no-store`: pages and API answers may
    carry personal data. HSTS only in production (served over HTTPS).
    """
    production = app.config.get("ENV") == "production"

    @app.after_request
    def _security_headers(response: Response) -> Response:
        headers = response.headers
        headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        headers["X-Content-Type-Options"] = "nosniff"
        headers["Referrer-Policy"] = "no-referrer"
        if request.endpoint != "static":
            headers["Cache-Control"] = "no-store"
        if production:
            headers["Strict-Transport-Security"] = "max-age=31536000; includeSubDomains"
        return response


class Unauthorized(ServiceError):
    """No valid credentials."""

    status = 401


def api_actor() -> Actor:
    """The actor behind an API request: a bearer token, or the browser session plus CSRF token.

    A session cookie is sent by the browser with any cross-site form, so an API call that
    changes something and is authenticated only by the cookie must carry the CSRF token in
    the X-CSRFToken header (as the pages' own scripts do); otherwise it is refused with 400.
    """
    if "actor" in g:
        return g.actor  # type: ignore[no-any-return]
    token = bearer_token()
    if token is not None:
        user = auth_service.user_for_token(services(), token)
        if user is None:
            raise Unauthorized(msg(Code.TOKEN_INVALID))
        g.actor = Actor(user.id, frozenset(user.role_names))
        return g.actor  # type: ignore[no-any-return]
    if current_user.is_authenticated:
        if request.method in UNSAFE_METHODS and current_app.config.get("WTF_CSRF_ENABLED", True):
            csrf.protect()
        g.actor = current_user.actor
        return g.actor  # type: ignore[no-any-return]
    raise Unauthorized(msg(Code.AUTH_REQUIRED))


def api_roles(*roles: str) -> Callable[[F], F]:
    """API endpoint decorator: authenticate, then require one of the roles."""

    def decorator(fn: F) -> F:
        @wraps(fn)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            actor = api_actor()
            if roles and not actor.roles & set(roles):
                raise Forbidden(msg(Code.ENDPOINT_ROLE, roles=', '.join(roles)))
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
