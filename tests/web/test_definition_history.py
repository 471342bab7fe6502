"""Admin: version history with author and comment, diffs, rollback, optimistic locking of the
editor's save, .bpmn/.zip download and upload, and the form preview — and their refusals."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from sqlalchemy import select

from app.persistence.models import AuditEvent
from app.services.definitions import definition_history
from app.services.definitions import deploy as definitions
from app.services.kernel.context import SYSTEM, Actor, ServiceContext
from app.services.kernel.errors import Conflict

from .test_pages import login, text

pytestmark = [pytest.mark.timeout(180)]

OLD_NAME = 'name="Sprawdzenie kompletności wniosku"'


@pytest.fixture
def restore(ctx: ServiceContext) -> Iterator[None]:
    """Definitions are kept between tests: put the shipped workflows back afterwards."""
    yield
    definitions.deploy_directory(ctx, SYSTEM)


def _active(ctx: ServiceContext) -> dict[str, Any]:
    return definitions.definition_sources(ctx)


def _renamed(active: dict[str, Any], name: str) -> dict[str, str]:
    sources = dict(active["sources"])
    assert OLD_NAME in sources["intake.bpmn"]
    sources["intake.bpmn"] = sources["intake.bpmn"].replace(OLD_NAME, f'name="{name}"')
    return sources


def test_history_diff_and_rollback(client: Any, ctx: ServiceContext, admin: Actor, restore: None) -> None:
    login(client, "admin")
    start = _active(ctx)
    res = client.post("/admin/definitions/deploy", json={
        "sources": _renamed(start, "Kontrola wniosku"), "forms": start["forms"],
        "comment": "nowa nazwa zadania", "base_version": start["version"]})
    assert res.status_code == 201, res.get_json()
    # The next number after every version so far (an older one may be the active one).
    assert res.get_json()["version"] > start["version"]
    new = _active(ctx)

    page = text(client.get("/admin/definitions"))
    assert "nowa nazwa zadania" in page and f"v{new['version']}" in page
    assert "Administrator" in page or "admin" in page  # the author
    assert "Przywróć tę wersję" in page and "Pobierz (.zip)" in page

    res = client.get(f"/admin/definitions/diff?old={start['id']}&new={new['id']}")
    assert res.status_code == 200
    body = text(res)
    assert "intake.bpmn" in body and "Kontrola wniosku" in body and "benefit_case.bpmn</code>" not in body
    assert client.get("/admin/definitions/diff?old=999999&new=1").status_code == 404

    res = client.post(f"/admin/definitions/{start['id']}/rollback",
                      data={"base_version": str(new["version"]), "comment": "powrót"})
    assert res.status_code == 302
    rolled = _active(ctx)
    assert rolled["version"] == new["version"] + 1
    assert rolled["sources"] == start["sources"] and rolled["forms"] == start["forms"]
    with ctx.uow(readonly=True) as uow:
        event = uow.session.scalars(select(AuditEvent).where(
            AuditEvent.action == "definition.rolled_back")).one()
        assert event.detail["from_version"] == start["version"] and event.user_id == admin.id
    history = definition_history.history(ctx)
    assert history[0]["comment"].startswith(f"Rollback to v{start['version']}")

    # A rollback from a stale page is refused: nothing deployed.
    res = client.post(f"/admin/definitions/{new['id']}/rollback", data={"base_version": str(new["version"])})
    assert res.status_code == 409 and "Nic nie zostało nadpisane" in text(res)
    assert _active(ctx)["version"] == rolled["version"]


def test_a_stale_save_is_refused_with_409(client: Any, ctx: ServiceContext, restore: None) -> None:
    login(client, "admin")
    start = _active(ctx)
    first = client.post("/admin/definitions/deploy", json={
        "sources": _renamed(start, "Pierwsza"), "forms": start["forms"], "base_version": start["version"],
        "comment": "pierwsza zmiana"})
    assert first.status_code == 201
    second = client.post("/admin/definitions/deploy", json={
        "sources": _renamed(start, "Druga"), "forms": start["forms"], "base_version": start["version"]})
    assert second.status_code == 409
    body = second.get_json()
    assert body["current_version"] == start["version"] + 1 and "Nic nie zostało nadpisane" in body["error"]
    assert 'name="Pierwsza"' in _active(ctx)["sources"]["intake.bpmn"]
    bad = client.post("/admin/definitions/deploy", json={
        "sources": start["sources"], "forms": start["forms"], "base_version": "v1"})
    assert bad.status_code == 422 and "base_version" in bad.get_json()["fields"]


def test_two_concurrent_saves_from_one_version_cannot_both_pass(ctx: ServiceContext, admin: Actor,
                                                               restore: None) -> None:
    start = _active(ctx)

    def save(name: str) -> str:
        try:
            definition_history.deploy_checked(ctx, _renamed(start, name), start["forms"], admin, name,
                                              base_version=start["version"])
            return "ok"
        except Conflict:
            return "conflict"

    with ThreadPoolExecutor(2) as pool:
        outcomes = sorted(pool.map(save, ["Równoległa A", "Równoległa B"]))
    assert outcomes == ["conflict", "ok"]
    assert _active(ctx)["version"] == start["version"] + 1


def test_download_a_version_as_zip_and_one_diagram(client: Any, ctx: ServiceContext) -> None:
    login(client, "admin")
    active = _active(ctx)
    res = client.get(f"/admin/definitions/{active['id']}/download")
    assert res.status_code == 200 and res.mimetype == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(res.data))
    names = set(archive.namelist())
    assert "benefit_case.bpmn" in names and "forms/completeness_check.json" in names
    assert archive.read("intake.bpmn").decode() == active["sources"]["intake.bpmn"]
    res = client.get(f"/admin/definitions/{active['id']}/files/intake.bpmn")
    assert res.status_code == 200 and res.get_data(as_text=True) == active["sources"]["intake.bpmn"]
    assert client.get(f"/admin/definitions/{active['id']}/files/nope.bpmn").status_code == 404
    assert client.get("/admin/definitions/999999/download").status_code == 404

    # The zip uploads back as the same files (loaded into the editor, nothing deployed).
    res = _upload(client, "all.zip", res_zip(client, active["id"]))
    assert res.status_code == 200
    body = res.get_json()
    assert body["sources"] == active["sources"] and body["forms"] == active["forms"]
    assert _active(ctx)["version"] == active["version"]


def res_zip(client: Any, definition_id: int) -> bytes:
    return bytes(client.get(f"/admin/definitions/{definition_id}/download").data)


def _upload(client: Any, name: str, data: bytes) -> Any:
    """A multipart upload encoded here, streamed from memory (the test client would spool a large
    body to a temporary file it never closes)."""
    boundary = "pomoc-test-boundary"
    body = (f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{name}"\r\n'
            "Content-Type: application/octet-stream\r\n\r\n").encode() + data
    body += f"\r\n--{boundary}--\r\n".encode()
    return client.post("/admin/definitions/upload", input_stream=io.BytesIO(body),
                       content_type=f"multipart/form-data; boundary={boundary}", content_length=len(body))


def _zip(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def test_upload_reads_a_diagram_and_refuses_bad_files(client: Any, ctx: ServiceContext) -> None:
    login(client, "admin")
    xml = _active(ctx)["sources"]["payment.bpmn"]
    res = _upload(client, "moj_proces.bpmn", xml.encode())
    assert res.status_code == 200 and res.get_json() == {"sources": {"moj_proces.bpmn": xml}, "forms": {}}

    refusals = {
        "notes.txt": (b"hello", "Wybierz plik .bpmn"),
        "bad.bpmn": (b"<definitions", "nie jest czytelnym plikiem XML"),
        "other.bpmn": (b"<html><body/></html>", "nie jest diagramem BPMN"),
        "entity.bpmn": (b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>', "XML"),
        "broken.zip": (b"PK not a zip", "nie jest poprawnym archiwum"),
        "empty.zip": (_zip({"readme.txt": b"x"}), "nie zawiera żadnego pliku .bpmn"),
        "escape.zip": (_zip({"../evil.bpmn": xml.encode()}), "spoza swojego katalogu"),
        "form.zip": (_zip({"a.bpmn": xml.encode(), "forms/x.json": b"{not json"}), "nie jest poprawnym JSON"),
        "schema.zip": (_zip({"a.bpmn": xml.encode(), "forms/x.json": b'{"type": 5}'}), "JSON Schema"),
    }
    for name, (data, message) in refusals.items():
        res = _upload(client, name, data)
        assert res.status_code == 422, name
        assert message in res.get_json()["error"], (name, res.get_json())

    too_big = b"<x>" + b" " * (definition_history.MAX_BPMN_BYTES + 10) + b"</x>"
    res = _upload(client, "big.bpmn", too_big)
    assert res.status_code == 422 and "za duży" in res.get_json()["error"]
    huge = b"0" * (definition_history.MAX_ZIP_BYTES + 200 * 1024)
    res = _upload(client, "huge.zip", huge)
    assert res.status_code == 413 and "za duży" in res.get_json()["error"]
    assert _upload_missing(client).status_code == 422


def _upload_missing(client: Any) -> Any:
    return client.post("/admin/definitions/upload", data={}, content_type="multipart/form-data")


def test_form_preview_renders_the_schema_or_says_what_is_wrong(client: Any, ctx: ServiceContext) -> None:
    login(client, "admin")
    schema = _active(ctx)["forms"]["completeness_check"]
    res = client.post("/admin/definitions/form-preview",
                      json={"name": "completeness_check", "schema": schema})
    assert res.status_code == 200
    html = res.get_json()["html"]
    first = next(iter(schema["properties"]))
    assert f'name="{first}"' in html or f'f-{first}' in html
    res = client.post("/admin/definitions/form-preview", json={"name": "x", "schema": {"type": 5}})
    assert res.status_code == 422 and "JSON Schema" in res.get_json()["error"]
    res = client.post("/admin/definitions/form-preview", json={"name": "x", "schema": [1, 2]})
    assert res.status_code == 422 and "obiektem JSON" in res.get_json()["error"]


@pytest.mark.parametrize("username", ["caseworker1", "supervisor"])
def test_history_files_and_preview_are_for_admins_only(client: Any, ctx: ServiceContext,
                                                       username: str) -> None:
    definition_id = _active(ctx)["id"]
    login(client, username)
    for method, path in [("get", "/admin/definitions/diff?old=1&new=2"),
                         ("post", f"/admin/definitions/{definition_id}/rollback"),
                         ("get", f"/admin/definitions/{definition_id}/download"),
                         ("get", f"/admin/definitions/{definition_id}/files/intake.bpmn"),
                         ("post", "/admin/definitions/upload"),
                         ("post", "/admin/definitions/form-preview"),
                         ("post", "/admin/definitions/check")]:
        res = getattr(client, method)(path, json={} if method == "post" else None)
        assert res.status_code == 403, (path, res.status_code)


def test_the_editor_dry_run_shows_problems_or_the_replay_before_a_deploy(
    client: Any, ctx: ServiceContext
) -> None:
    """"Sprawdź przed wdrożeniem": problems named by element, or which recent cases would end
    differently; nothing is deployed either way."""
    active = _active(ctx)
    login(client, "admin")
    res = client.post("/admin/definitions/check", json={"sources": active["sources"],
                                                         "forms": active["forms"]})
    assert res.status_code == 200
    body = res.get_json()
    assert body["problems"] == [] and body["replay"]["changed"] == 0
    broken = dict(active["sources"])
    broken["intake.bpmn"] = broken["intake.bpmn"].replace(
        'sourceRef="set_complete" targetRef=', 'sourceRef="set_complete_x" targetRef=', 1)
    res = client.post("/admin/definitions/check", json={"sources": broken, "forms": active["forms"]})
    body = res.get_json()
    assert res.status_code == 200 and body["problems"] and body["replay"] is None
    assert any(p["element_id"] for p in body["problems"])
    assert _active(ctx)["id"] == active["id"], "a dry run deploys nothing"
    assert client.post("/admin/definitions/check", json={"sources": {}}).status_code == 422
