"""Administration: deployed workflow versions, the BPMN editor with deploy, and user accounts.

Admins see no personal case data here: definitions and staff accounts only.
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, flash, jsonify, redirect, render_template, request, url_for
from flask_babel import gettext as _

from app.config import ROLES
from app.services import auth as auth_service
from app.services import definitions
from app.services.errors import NotFound, ServiceError, ValidationFailed
from app.web.pages.formatting import service_message
from app.web.security import actor, page_roles
from app.web.setup import services

bp = Blueprint("admin", __name__, url_prefix="/admin")

# Incidents and moving cases to another definition version live in their own module.
from . import instances  # noqa: E402,F401


@bp.get("/")
@page_roles("admin")
def home() -> Any:
    """The administration landing page."""
    return render_template("pages/admin_home.html")


@bp.get("/definitions")
@page_roles("admin")
def definitions_list() -> Any:
    """Deployed versions of the process definition, newest first."""
    return render_template("admin/definitions.html", definitions=definitions.list_definitions(services()))


@bp.get("/definitions/edit")
@page_roles("admin")
def definitions_edit() -> Any:
    """The BPMN modeler, loaded with the active version's diagrams and forms."""
    try:
        active = definitions.definition_sources(services())
    except NotFound:
        active = {"id": None, "version": None, "sources": {}, "forms": {}}
    return render_template("admin/editor.html", active=active)


@bp.post("/definitions/deploy")
@page_roles("admin")
def definitions_deploy() -> Any:
    """Deploy edited diagrams and forms sent as JSON; 422 lists what is wrong, as JSON."""
    body = request.get_json(silent=True)
    errors: dict[str, str] = {}
    if not isinstance(body, dict):
        return jsonify({"error": _("Oczekiwano danych JSON."), "fields": {}}), 400
    sources, forms = body.get("sources"), body.get("forms")
    if not isinstance(sources, dict) or not sources or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in sources.items()
    ):
        errors["sources"] = _("Brak plików BPMN do wdrożenia.")
    if not isinstance(forms, dict) or not all(isinstance(v, dict) for v in forms.values()):
        errors["forms"] = _("Każdy formularz musi być obiektem JSON Schema.")
    if errors or not isinstance(sources, dict) or not isinstance(forms, dict):
        return jsonify({"error": _("Wdrożenie jest niekompletne."), "fields": errors}), 422
    try:
        definition_id, created = definitions.deploy(
            services(), sources, forms, actor(), str(body.get("comment", ""))[:500]
        )
    except ValidationFailed as exc:
        return jsonify({"error": service_message(exc.message), "fields": exc.errors}), 422
    except ServiceError as exc:
        return jsonify({"error": service_message(exc.message), "fields": {}}), exc.status
    if created:
        message = _("Wdrożono nową wersję definicji (id %(id)d).", id=definition_id)
    else:
        message = _("Bez zmian: ta treść jest już aktywną wersją.")
    return jsonify({"id": definition_id, "created": created, "message": message}), 201 if created else 200


def _user_form() -> dict[str, Any]:
    return {
        "username": request.form.get("username", "").strip(),
        "full_name": request.form.get("full_name", "").strip(),
        "position": request.form.get("position", "").strip(),
        "roles": request.form.getlist("roles"),
    }


@bp.route("/users", methods=["GET", "POST"])
@page_roles("admin")
def users() -> Any:
    """Staff accounts, and a form to create one with roles."""
    values: dict[str, Any] = {"username": "", "full_name": "", "position": "", "roles": []}
    errors: dict[str, str] = {}
    status = 200
    if request.method == "POST":
        values = _user_form()
        password = request.form.get("password", "")
        if not values["full_name"]:
            errors["full_name"] = _("Podaj imię i nazwisko.")
        if not values["roles"]:
            errors["roles"] = _("Wybierz co najmniej jedną rolę.")
        if not password:
            errors["password"] = _("Podaj hasło początkowe.")
        elif problem := auth_service.password_problem(password):
            errors["password"] = service_message(problem)
        if not errors:
            try:
                auth_service.create_user(services(), values["username"], values["full_name"],
                                         values["roles"], password, values["position"])
                flash(_("Utworzono konto %(username)s.", username=values["username"]), "success")
                return redirect(url_for("admin.users"))
            except ValidationFailed as exc:
                errors = {k: service_message(v) for k, v in exc.errors.items()}
            except ServiceError as exc:
                errors = {"username": service_message(exc.message)}
        status = 422
    return render_template("admin/users.html", users=auth_service.list_users(services()), values=values,
                           errors=errors, all_roles=ROLES,
                           min_password=auth_service.MIN_PASSWORD_LENGTH), status
