"""Login, logout and language switch."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from flask import Blueprint, current_app, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_user, logout_user
from flask_wtf import FlaskForm
from wtforms import PasswordField, StringField
from wtforms.validators import DataRequired, Length

from app.services.kernel import auth as auth_service
from app.web.context import services
from app.web.security import SESSION_GENERATION, to_login_user

bp = Blueprint("auth", __name__)


class LoginForm(FlaskForm):
    """Username and password."""

    username = StringField("username", validators=[DataRequired(), Length(max=64)])
    password = PasswordField("password", validators=[DataRequired(), Length(max=200)])


def client_address() -> str:
    """The client's address, counted by the sign-in throttle.

    Behind LOGIN_PROXY_COUNT reverse proxies it is the address the outermost trusted proxy saw
    (that many entries from the right of X-Forwarded-For); with none, the socket's address.
    """
    proxies = int(current_app.config.get("LOGIN_PROXY_COUNT") or 0)
    if proxies:
        forwarded = [a.strip() for a in request.headers.get("X-Forwarded-For", "").split(",")]
        forwarded = [a for a in forwarded if a]
        if len(forwarded) >= proxies:
            return forwarded[-proxies][:64]
    return request.remote_addr or "unknown"


def locked_out_message(exc: auth_service.TooManyAttempts) -> str:
    """Tell the person when to try again, without saying whether the account exists."""
    from app.web.ui.formatting import fdatetime

    return _("Zbyt wiele nieudanych prób logowania. Spróbuj ponownie po %(time)s "
             "(za %(minutes)d min).", time=fdatetime(exc.until), minutes=-(-exc.retry_after // 60))


def _safe_next(target: str | None) -> str:
    """Only redirect within this site."""
    if target and not urlsplit(target).netloc and target.startswith("/"):
        return target
    return url_for("pages.index")


@bp.route("/login", methods=["GET", "POST"])
def login() -> Any:
    """Log in with username and password."""
    if current_user.is_authenticated:
        return redirect(url_for("pages.index"))
    form = LoginForm()
    error = None
    status, headers = 200, dict[str, str]()
    if form.validate_on_submit():
        try:
            user = auth_service.sign_in(services(), form.username.data or "", form.password.data or "",
                                        client_address(), via="page")
        except auth_service.TooManyAttempts as exc:
            error, status = locked_out_message(exc), 429
            headers["Retry-After"] = str(exc.retry_after)
        else:
            if user is not None:
                login_user(to_login_user(user))
                session[SESSION_GENERATION] = auth_service.session_generation(services())
                return redirect(_safe_next(request.args.get("next")))
            error, status = _("Nieprawidłowa nazwa użytkownika lub hasło."), 401
    elif request.method == "POST":
        error, status = _("Podaj nazwę użytkownika i hasło."), 401
    return render_template("login.html", form=form, error=error), status, headers


@bp.post("/logout")
def logout() -> Any:
    """Log out, and end the session on the server too: a copy of the cookie stops working."""
    if current_user.is_authenticated:
        auth_service.record_logout(services(), int(current_user.id))
    logout_user()
    session.pop(SESSION_GENERATION, None)
    return redirect(url_for("auth.login"))


@bp.get("/lang/<code>")
def set_language(code: str) -> Any:
    """Switch the interface language (pl or en)."""
    if code in ("pl", "en"):
        session["lang"] = code
    return redirect(_safe_next(request.referrer and urlsplit(request.referrer).path))
