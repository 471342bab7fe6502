"""The history of deployed definitions: versions with author, diffs, rollback, files in and out,
and optimistic locking of the editor's save.

Every deploy still goes through ``definitions.deploy`` (so it is validated like any deploy);
this module only decides whether it may run:

* **Optimistic locking.** The editor sends the version it started from (``base_version``). Under
  one deploy lock (a PostgreSQL advisory lock; on SQLite a file lock next to the database), the
  active version is compared with it and, only if equal, ``definitions.deploy`` runs — so of two
  saves started from the same version exactly one passes, the other is a ``Conflict`` (409) and
  nothing is overwritten.
* **Rollback** deploys an older version's sources and forms again, as a new version, audited.

No case data is read here: definitions and staff names only.
"""

from __future__ import annotations

import difflib
import fcntl
import io
import json
import threading
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import PurePosixPath
from typing import Any

import defusedxml.ElementTree as SafeET
from jsonschema.exceptions import SchemaError
from sqlalchemy import select, text

from app.domain.messages import Code, msg
from app.domain.views import JsonView
from app.persistence.models import ProcessDefinition, User
from app.services.definitions import deploy as definitions
from app.services.kernel import audit
from app.services.kernel.context import Actor, ServiceContext
from app.services.kernel.errors import Conflict, NotFound, ValidationFailed
from app.services.workflow.versions import MAIN_PROCESS
from app.workflow_engine.patterns import check_form_schema

MAX_BPMN_BYTES = 2 * 1024 * 1024
MAX_ZIP_BYTES = 5 * 1024 * 1024
MAX_ZIP_FILES = 100
MAX_UNPACKED_BYTES = 20 * 1024 * 1024
_LOCK_KEY = 0x504F4D4F43  # "POMOC": the advisory lock of deploys with a base version
_local_lock = threading.Lock()
BPMN_NS = "http://www.omg.org/spec/BPMN/20100524/MODEL"


# --- history and diff ----------------------------------------------------------------------------

@dataclass(frozen=True, eq=False)
class HistoryEntry(JsonView):
    """A deployed version with who deployed it, when and why."""

    id: int
    key: str
    version: int
    content_hash: str
    active: bool
    deployed_at: datetime
    comment: str
    author: str


def history(ctx: ServiceContext) -> list[HistoryEntry]:
    """Every deployed version, newest first, with who deployed it, when and why."""
    with ctx.uow(readonly=True) as uow:
        rows = uow.session.execute(
            select(ProcessDefinition.id, ProcessDefinition.key, ProcessDefinition.version,
                   ProcessDefinition.content_hash, ProcessDefinition.is_active,
                   ProcessDefinition.deployed_at, ProcessDefinition.comment,
                   User.username, User.full_name)
            .outerjoin(User, User.id == ProcessDefinition.deployed_by_id)
            .where(ProcessDefinition.key == MAIN_PROCESS)
            .order_by(ProcessDefinition.version.desc())
        ).all()
        return [HistoryEntry(id=r.id, key=r.key, version=r.version, content_hash=r.content_hash,
                             active=r.is_active, deployed_at=r.deployed_at, comment=r.comment or "",
                             author=r.full_name or r.username or "")
                for r in rows]


def _files(version: definitions.DefinitionSources) -> dict[str, str]:
    """A version as text files: the diagrams, and the forms as formatted JSON."""
    files = {name: str(xml) for name, xml in version.sources.items()}
    for name, schema in version.forms.items():
        files[f"forms/{name}.json"] = json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=True) + "\n"
    return files


@dataclass(frozen=True)
class VersionRef:
    """A deployed version by id and number."""

    id: int
    version: int


@dataclass(frozen=True)
class FileDiff:
    """One file that differs: added, removed or changed, with its unified diff."""

    file: str
    status: str
    diff: str


@dataclass(frozen=True)
class VersionDiff:
    """The files that differ between two versions."""

    old: VersionRef
    new: VersionRef
    files: tuple[FileDiff, ...]


@dataclass(frozen=True)
class UploadedFiles:
    """Diagrams (name to XML) and forms (name to JSON Schema) read from an upload."""

    sources: dict[str, str]
    forms: dict[str, Any]


def diff(ctx: ServiceContext, old_id: int, new_id: int) -> VersionDiff:
    """A unified diff per file between two versions (only the files that differ)."""
    old = definitions.definition_sources(ctx, old_id)
    new = definitions.definition_sources(ctx, new_id)
    a, b = _files(old), _files(new)
    changes = []
    for name in sorted(set(a) | set(b)):
        before, after = a.get(name), b.get(name)
        if before == after:
            continue
        status = "added" if before is None else "removed" if after is None else "changed"
        lines = difflib.unified_diff(
            (before or "").splitlines(keepends=True), (after or "").splitlines(keepends=True),
            fromfile=f"v{old.version}/{name}", tofile=f"v{new.version}/{name}", n=3,
        )
        changes.append(FileDiff(file=name, status=status, diff="".join(
            line if line.endswith("\n") else line + "\n" for line in lines)))
    return VersionDiff(old=VersionRef(old.id, old.version), new=VersionRef(new.id, new.version),
                       files=tuple(changes))


# --- deploy with optimistic locking, rollback ----------------------------------------------------

@contextmanager
def _deploy_lock(ctx: ServiceContext) -> Iterator[None]:
    """Serialise checked deploys across processes (and hosts, on PostgreSQL)."""
    if not ctx.db.is_sqlite:
        with ctx.db.engine.connect() as conn:
            conn.execute(text("SELECT pg_advisory_lock(:k)"), {"k": _LOCK_KEY})
            try:
                yield
            finally:
                conn.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": _LOCK_KEY})
                conn.commit()
        return
    database = ctx.db.engine.url.database
    with _local_lock:
        if not database or database == ":memory:":
            yield
            return
        with open(f"{database}.deploy-lock", "a+b") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)


def active_version(ctx: ServiceContext) -> int | None:
    """The active version's number, or None before the first deploy."""
    with ctx.uow(readonly=True) as uow:
        return uow.session.scalar(
            select(ProcessDefinition.version).where(
                ProcessDefinition.key == MAIN_PROCESS, ProcessDefinition.is_active.is_(True))
        )


def deploy_checked(
    ctx: ServiceContext,
    sources: dict[str, Any],
    forms: dict[str, dict[str, Any]],
    actor: Actor,
    comment: str = "",
    base_version: int | None = None,
) -> tuple[int, bool]:
    """``definitions.deploy``, refused with ``Conflict`` if the active version is no longer
    ``base_version`` (someone deployed since the editor was opened). ``None`` skips the check."""
    with _deploy_lock(ctx):
        if base_version is not None:
            current = active_version(ctx)
            if current != base_version:
                raise Conflict(
                    msg(Code.VERSION_SUPERSEDED, current=str(current), base_version=base_version),
                    current_version=current, base_version=base_version,
                )
        return definitions.deploy(ctx, sources, forms, actor, comment)


def rollback(
    ctx: ServiceContext, actor: Actor, definition_id: int, base_version: int | None, comment: str = ""
) -> tuple[int, bool]:
    """Deploy an older version's diagrams and forms again, as a new version (audited)."""
    old = definitions.definition_sources(ctx, definition_id)
    note = f"Rollback to v{old.version}" + (f": {comment}" if comment else "")
    new_id, created = deploy_checked(ctx, old.sources, old.forms, actor, note[:500], base_version)
    with ctx.uow() as uow:
        audit.record(uow, "definition.rolled_back", actor.id, definition_id=new_id,
                     from_definition_id=definition_id, from_version=old.version, created=created)
        uow.commit()
    return new_id, created


# --- files in and out ----------------------------------------------------------------------------

def export_zip(ctx: ServiceContext, definition_id: int) -> tuple[str, bytes]:
    """A version's diagrams and forms as a zip (the layout of workflows/)."""
    version = definitions.definition_sources(ctx, definition_id)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in sorted(_files(version).items()):
            archive.writestr(name, content)
    return f"{version.key}-v{version.version}.zip", buffer.getvalue()


def export_file(ctx: ServiceContext, definition_id: int, name: str) -> str:
    """One diagram of a version."""
    sources = definitions.definition_sources(ctx, definition_id).sources
    if name not in sources:
        raise NotFound(msg(Code.DIAGRAM_NOT_IN_VERSION))
    return str(sources[name])


def _check_bpmn(name: str, data: bytes) -> str:
    if len(data) > MAX_BPMN_BYTES:
        raise ValidationFailed(msg(Code.FILE_TOO_LARGE), {name: "too_large"})
    try:
        xml = data.decode("utf-8")
        root = SafeET.fromstring(data)
    except (UnicodeDecodeError, SafeET.ParseError, ValueError) as exc:
        raise ValidationFailed(msg(Code.FILE_NOT_BPMN), {name: "not_xml"}) from exc
    except Exception as exc:  # defusedxml refuses entities and DTDs with its own errors
        raise ValidationFailed(msg(Code.FILE_NOT_BPMN), {name: "not_xml"}) from exc
    if root.tag != f"{{{BPMN_NS}}}definitions":
        raise ValidationFailed(msg(Code.FILE_NOT_BPMN), {name: "not_bpmn"})
    return xml


def _safe_name(name: str) -> bool:
    path = PurePosixPath(name)
    return not path.is_absolute() and ".." not in path.parts and "\\" not in name


def read_upload(filename: str, data: bytes) -> UploadedFiles:
    """Diagrams (and forms) from an uploaded .bpmn or .zip, checked but not deployed."""
    lower = filename.lower()
    if lower.endswith(".bpmn"):
        base = PurePosixPath(filename.replace("\\", "/")).name
        return UploadedFiles(sources={base: _check_bpmn(base, data)}, forms={})
    if not lower.endswith(".zip"):
        raise ValidationFailed(msg(Code.FILE_TYPE), {"file": "bad_type"})
    if len(data) > MAX_ZIP_BYTES:
        raise ValidationFailed(msg(Code.FILE_TOO_LARGE), {"file": "too_large"})
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = [i for i in archive.infolist() if not i.is_dir()]
    except zipfile.BadZipFile as exc:
        raise ValidationFailed(msg(Code.FILE_NOT_ZIP), {"file": "bad_zip"}) from exc
    if len(infos) > MAX_ZIP_FILES or sum(i.file_size for i in infos) > MAX_UNPACKED_BYTES:
        raise ValidationFailed(msg(Code.FILE_TOO_LARGE), {"file": "too_large"})
    sources: dict[str, str] = {}
    forms: dict[str, Any] = {}
    for info in infos:
        name = info.filename
        if not _safe_name(name):
            raise ValidationFailed(msg(Code.ZIP_BAD_PATH), {name: "bad_path"})
        path = PurePosixPath(name)
        if path.name.startswith(".") or "__MACOSX" in path.parts:
            continue
        content = archive.read(info)
        if path.suffix == ".bpmn" and len(path.parts) <= 2:
            sources[path.name] = _check_bpmn(path.name, content)
        elif path.suffix == ".json" and len(path.parts) >= 2 and path.parts[-2] == "forms":
            try:
                schema = json.loads(content.decode("utf-8"))
            except (UnicodeDecodeError, ValueError) as exc:
                raise ValidationFailed(msg(Code.FORM_NOT_JSON), {name: "bad_json"}) from exc
            check_schema(schema, name)
            forms[path.stem] = schema
    if not sources:
        raise ValidationFailed(msg(Code.ZIP_NO_BPMN), {"file": "no_bpmn"})
    return UploadedFiles(sources=sources, forms=forms)


def check_schema(schema: Any, name: str = "schema") -> None:
    """A form must be a JSON Schema object (draft 2020-12) with properties to render."""
    if not isinstance(schema, dict):
        raise ValidationFailed(msg(Code.FORM_NOT_OBJECT), {name: "not_object"})
    try:
        check_form_schema(schema)
    except SchemaError as exc:
        where = "/".join(str(p) for p in exc.path) or "(root)"
        raise ValidationFailed(msg(Code.FORM_SCHEMA_INVALID), {name: f"schema:{where}"}) from exc
