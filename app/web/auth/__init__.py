"""Login, logout and language switch."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from flask import Blueprint, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_user, logout_user
from flask_wtf import FlaskForm
from wtforms import PasswordField, StringField
from wtforms.validators import DataRequired, Length

from app.services import auth as auth_service
from app.web.security import to_login_user
from app.web.setup import services

bp = Blueprint("auth", __name__)


class LoginForm(FlaskForm):
    """Username and password."""

    username = StringField("username", validators=[DataRequired(), Length(max=64)])
    password = PasswordField("password", validators=[DataRequired(), Length(max=200)])


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
    if form.validate_on_submit():
        user = auth_service.authenticate(services(), form.username.data or "", form.password.data or "")
        if user is not None:
            login_user(to_login_user(user))
            return redirect(_safe_next(request.args.get("next")))
        error = _("Nieprawidłowa nazwa użytkownika lub hasło.")
    elif request.method == "POST":
        error = _("Podaj nazwę użytkownika i hasło.")
    return render_template("login.html", form=form, error=error), 200 if error is None else 401


@bp.post("/logout")
def logout() -> Any:
    """Log out."""
    logout_user()
    return redirect(url_for("auth.login"))


@bp.get("/lang/<code>")
def set_language(code: str) -> Any:
    """Switch the interface language (pl or en)."""
    if code in ("pl", "en"):
        session["lang"] = code
    return redirect(_safe_next(request.referrer and urlsplit(request.referrer).path))
