"""Administration: deployed workflow versions, the BPMN editor with deploy, and user accounts.

Admins see no personal case data here: definitions and staff accounts only.
"""

from __future__ import annotations

from typing import Any

from flask import Response, flash, jsonify, redirect, render_template, request, url_for
from flask_babel import gettext as _

from app.config import ROLES
from app.domain.digits import parse_ascii_int
from app.domain.messages import Code, msg
from app.domain.views import to_json
from app.services.definitions import contract, definition_history
from app.services.definitions import deploy as definitions
from app.services.kernel import auth as auth_service
from app.services.kernel.errors import Conflict, NotFound, ServiceError, ValidationFailed
from app.web.context import services
from app.web.messages import with_texts
from app.web.security import actor, page_roles
from app.web.ui.formatting import service_message

# Incidents and moving cases to another definition version, and the issuing body with the
# signers' authorisations, live in their own modules.
from . import fee_tables, instances, office  # noqa: E402,F401
from .blueprint import bp


@bp.get("/")
@page_roles("admin")
def home() -> Any:
    """The administration landing page."""
    return render_template("pages/admin_home.html")


@bp.get("/definitions")
@page_roles("admin")
def definitions_list() -> Any:
    """Deployed versions of the process definition, newest first."""
    return render_template("admin/definitions.html", definitions=definition_history.history(services()))


@bp.get("/definitions/edit")
@page_roles("admin")
def definitions_edit() -> Any:
    """The BPMN modeler, loaded with the active version's diagrams and forms."""
    try:
        active = to_json(definitions.definition_sources(services()))
    except NotFound:
        active = {"id": None, "version": None, "sources": {}, "forms": {}}
    return render_template("admin/editor.html", active=active, actions=known_actions(),
                           max_upload=definition_history.MAX_ZIP_BYTES)


@bp.post("/definitions/check")
@page_roles("admin")
def definitions_check() -> Any:
    """Dry run of a deploy: the problems on the diagrams, and which recent cases would now end
    differently (case ids and workflow outcomes only: no personal data). Nothing is stored."""
    body = request.get_json(silent=True)
    sources = body.get("sources") if isinstance(body, dict) else None
    forms = body.get("forms") if isinstance(body, dict) else None
    if not isinstance(sources, dict) or not sources or not isinstance(forms, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in sources.items()
    ) or not all(isinstance(v, dict) for v in forms.values()):
        return jsonify({"error": _("Wdrożenie jest niekompletne."), "fields": {}, "problems": []}), 422
    try:
        report = definitions.check(services(), sources, forms)
    except ServiceError as exc:
        return jsonify({"error": service_message(exc.message), "fields": {},
                        "problems": with_texts(exc.extra.get("problems", []))}), exc.status
    payload = report.as_json()
    payload["problems"] = with_texts(payload["problems"])
    return jsonify(payload)


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
    comment = body.get("comment", "")
    if not isinstance(comment, str) or len(comment) > definitions.COMMENT_CHARS:
        errors["comment"] = service_message(msg(Code.MAX_LENGTH, limit=definitions.COMMENT_CHARS))
    base_version = body.get("base_version")
    if base_version is not None and (not isinstance(base_version, int) or isinstance(base_version, bool)):
        errors["base_version"] = _("Niepoprawny numer wersji, od której zaczęto edycję.")
    if errors or not isinstance(sources, dict) or not isinstance(forms, dict):
        return jsonify({"error": _("Wdrożenie jest niekompletne."), "fields": errors}), 422
    try:
        definition_id, created = definition_history.deploy_checked(
            services(), sources, forms, actor(), str(comment), base_version
        )
    except Conflict as exc:
        return jsonify(_stale(exc)), 409
    except ValidationFailed as exc:
        # `problems` name file and element: the modeler marks and lists each one in the page's
        # language (admin-editor.js); the field `definition[i]` is problem i in that language too
        # (the API keeps the English message beside the code).
        problems = with_texts(exc.extra.get("problems", []))
        texts = {f"definition[{i}]": p["text"] for i, p in enumerate(problems)
                 if isinstance(p, dict) and p.get("text")}
        fields = {k: texts.get(k) or service_message(v) for k, v in exc.errors.items()}
        return jsonify({"error": service_message(exc.message), "fields": fields,
                        "problems": problems}), exc.status
    except ServiceError as exc:
        return jsonify({"error": service_message(exc.message), "fields": {},
                        "problems": with_texts(exc.extra.get("problems", []))}), exc.status
    if created:
        message = _("Wdrożono nową wersję definicji (id %(id)d).", id=definition_id)
    else:
        message = _("Bez zmian: ta treść jest już aktywną wersją.")
    return jsonify({"id": definition_id, "created": created, "message": message,
                    "version": definition_history.active_version(services())}), 201 if created else 200


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


# --- definition history, files and form preview (app/services/definition_history.py) ----------

def known_actions() -> list[str] | None:
    """Action names a diagram may declare (``spiffworkflow:property name="action"``): the
    contract's registry (services.contract), so the editor offers only what deploy accepts."""
    return sorted(contract.declared()["actions"])


def _stale(exc: Conflict) -> dict[str, Any]:
    current = exc.extra.get("current_version")
    return {"error": _("Od rozpoczęcia Twojej edycji ktoś wdrożył wersję v%(current)s (zaczęto od "
                       "v%(base)s). Nic nie zostało nadpisane: pobierz swoje pliki, otwórz edytor "
                       "ponownie i nanieś zmiany na nowszą wersję.",
                       current=current, base=exc.extra.get("base_version")),
            "current_version": current, "fields": {}}


def _file_error(exc: ValidationFailed) -> str:
    """The first problem of an upload or a form, in the interface language."""
    name, code = next(iter(exc.errors.items()), ("", ""))
    code = str(code)
    if code.startswith("schema:"):
        return _("„%(name)s” nie jest poprawnym schematem JSON Schema (miejsce: %(where)s).",
                 name=name, where=code.split(":", 1)[1])
    texts = {
        "too_large": _("Plik jest za duży."),
        "not_xml": _("Plik „%(name)s” nie jest czytelnym plikiem XML."),
        "not_bpmn": _("Plik „%(name)s” nie jest diagramem BPMN."),
        "bad_type": _("Wybierz plik .bpmn albo archiwum .zip z plikami .bpmn."),
        "bad_zip": _("Plik nie jest poprawnym archiwum .zip."),
        "bad_path": _("Archiwum zawiera plik spoza swojego katalogu („%(name)s”)."),
        "bad_json": _("Formularz „%(name)s” nie jest poprawnym JSON-em."),
        "no_bpmn": _("Archiwum nie zawiera żadnego pliku .bpmn."),
        "not_object": _("Formularz musi być obiektem JSON."),
    }
    return texts.get(code, _("Nie udało się odczytać pliku.")).replace("%(name)s", name)


def _int_arg(name: str) -> int | None:
    return parse_ascii_int(request.values.get(name, ""))


@bp.get("/definitions/diff")
@page_roles("admin")
def definitions_diff() -> Any:
    """A unified diff, per file, between two versions."""
    old, new = _int_arg("old"), _int_arg("new")
    if old is None or new is None:
        flash(_("Wybierz dwie wersje do porównania."), "error")
        return redirect(url_for("admin.definitions_list"))
    try:
        changes = definition_history.diff(services(), old, new)
    except NotFound:
        return render_template("error.html", code=404, message=_("Nie ma takiej wersji.")), 404
    return render_template("admin/diff.html", changes=changes)


@bp.post("/definitions/<int:definition_id>/rollback")
@page_roles("admin")
def definitions_rollback(definition_id: int) -> Any:
    """Deploy an older version again as a new version (validated and audited like any deploy)."""
    try:
        new_id, created = definition_history.rollback(
            services(), actor(), definition_id, _int_arg("base_version"),
            request.form.get("comment", "").strip()[:400],
        )
    except Conflict as exc:
        flash(_stale(exc)["error"], "error")
        return render_template("admin/definitions.html",
                               definitions=definition_history.history(services())), 409
    except NotFound:
        return render_template("error.html", code=404, message=_("Nie ma takiej wersji.")), 404
    except ValidationFailed as exc:
        flash(_("Tej wersji nie można wdrożyć ponownie: %(error)s", error=service_message(exc.message)),
              "error")
        return render_template("admin/definitions.html",
                               definitions=definition_history.history(services())), 422
    if created:
        flash(_("Przywrócono treść wybranej wersji jako nową wersję (id %(id)d).", id=new_id), "success")
    else:
        flash(_("Bez zmian: ta treść jest już aktywną wersją."), "success")
    return redirect(url_for("admin.definitions_list"))


@bp.get("/definitions/<int:definition_id>/download")
@page_roles("admin")
def definitions_download(definition_id: int) -> Any:
    """All diagrams and forms of a version as a zip."""
    try:
        filename, data = definition_history.export_zip(services(), definition_id)
    except NotFound:
        return render_template("error.html", code=404, message=_("Nie ma takiej wersji.")), 404
    return Response(data, mimetype="application/zip",
                    headers={"Content-Disposition": f'attachment; filename="{filename}"'})


@bp.get("/definitions/<int:definition_id>/files/<name>")
@page_roles("admin")
def definitions_download_file(definition_id: int, name: str) -> Any:
    """One diagram of a version."""
    try:
        xml = definition_history.export_file(services(), definition_id, name)
    except NotFound:
        return render_template("error.html", code=404, message=_("Nie ma takiego pliku.")), 404
    return Response(xml, mimetype="application/xml",
                    headers={"Content-Disposition": f'attachment; filename="{name}"'})


@bp.post("/definitions/upload")
@page_roles("admin")
def definitions_upload() -> Any:
    """Read an uploaded .bpmn (or a .zip of diagrams and forms) for the editor; nothing is deployed."""
    limit = definition_history.MAX_ZIP_BYTES
    if request.content_length is not None and request.content_length > limit + 64 * 1024:
        return jsonify({"error": _("Plik jest za duży (limit %(mb)d MB).", mb=limit // (1024 * 1024))}), 413
    upload = request.files.get("file")
    if upload is None or not upload.filename:
        return jsonify({"error": _("Wybierz plik do wczytania.")}), 422
    try:
        data = upload.stream.read(limit + 1)
    finally:
        upload.close()
    if len(data) > limit:
        return jsonify({"error": _("Plik jest za duży (limit %(mb)d MB).", mb=limit // (1024 * 1024))}), 413
    try:
        files = definition_history.read_upload(upload.filename, data)
    except ValidationFailed as exc:
        return jsonify({"error": _file_error(exc)}), 422
    return jsonify(to_json(files))


@bp.post("/definitions/form-preview")
@page_roles("admin")
def definitions_form_preview() -> Any:
    """A form's JSON Schema rendered by the task pages' form engine (no data: an empty form)."""
    from app.web.ui import schema_form

    body = request.get_json(silent=True)
    schema = body.get("schema") if isinstance(body, dict) else None
    try:
        definition_history.check_schema(schema, str((body or {}).get("name") or "schema"))
        fields = schema_form.build_fields(schema or {}, {}, {})
        html = render_template("admin/_form_preview.html", fields=fields)
    except ValidationFailed as exc:
        return jsonify({"error": _file_error(exc)}), 422
    except (TypeError, ValueError, AttributeError, KeyError):
        error = _("Formularza nie da się wyświetlić: schemat ma nieobsługiwaną postać.")
        return jsonify({"error": error}), 422
    return jsonify({"html": html})
