"""Issued documents: rendered once to PDF, stored with their SHA-256, never changed.

``store`` is the only way a document comes into being; there is no update path, the model
refuses updates and deletes, and the database refuses an UPDATE (trigger). A download is
audited, needs a case role (an admin without one is refused), and checks the stored bytes
against the stored hash before handing them out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select

from app.domain.messages import Code, msg
from app.domain.views import JsonView
from app.persistence.models import Case, Document
from app.services.documents.pdf import content_hash, render_pdf
from app.services.kernel import audit
from app.services.kernel.context import Actor, ServiceContext, UnitOfWork
from app.services.kernel.errors import Forbidden, NotFound, ServiceError

# Titles as the case file lists them.
TITLES: dict[str, str] = {
    "decision": "Decyzja",
    "supplement_call": "Wezwanie do uzupełnienia braków wniosku (art. 64 § 2 KPA)",
    "evidence_notice": "Zawiadomienie o możliwości wypowiedzenia się (art. 10 § 1 i art. 79a KPA)",
    "delay_notice": "Zawiadomienie o nowym terminie załatwienia sprawy (art. 36 KPA)",
    "sko_forward": "Przekazanie odwołania do SKO (art. 133 KPA)",
    "recovery_decision": "Decyzja w sprawie nienależnie pobranego świadczenia",
}


class DocumentCorrupted(ServiceError):
    """The stored bytes no longer match the stored hash: the document is not handed out."""

    status = 409


@dataclass(frozen=True)
class StoredDocument:
    """What a caller learns of a stored document (no content)."""

    id: int
    kind: str
    title: str
    file_name: str
    sha256: str
    size: int


def _safe(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-") or "sprawa"


def store(uow: UnitOfWork, case_id: int, kind: str, html: str, created_by_id: int | None,
          decision_id: int | None = None, title: str | None = None) -> StoredDocument:
    """Render ``html`` to PDF and store it as an issued document of the case (audited)."""
    return store_pdf(uow, case_id, kind, render_pdf(html), created_by_id, decision_id, title)


def store_pdf(uow: UnitOfWork, case_id: int, kind: str, pdf: bytes, created_by_id: int | None,
              decision_id: int | None = None, title: str | None = None) -> StoredDocument:
    """Store an already rendered PDF as an issued document of the case (audited)."""
    case = uow.session.get(Case, case_id)
    if case is None:
        raise NotFound(msg(Code.CASE_NOT_FOUND, case_id=case_id))
    count = uow.session.scalar(select(func.count(Document.id)).where(Document.case_id == case_id))
    name = f"{_safe(kind)}_{_safe(case.number)}_{(count or 0) + 1}.pdf"
    row = Document(case_id=case_id, decision_id=decision_id, kind=kind,
                   title=(title or TITLES.get(kind, kind))[:200], file_name=name, content=pdf,
                   sha256=content_hash(pdf), size=len(pdf), created_at=uow.ctx.now(),
                   created_by_id=created_by_id)
    uow.session.add(row)
    uow.session.flush()
    audit.record(uow, "document.issued", created_by_id, case_id, document_id=row.id, kind=kind)
    return StoredDocument(row.id, row.kind, row.title, row.file_name, row.sha256, row.size)


@dataclass(frozen=True, eq=False)
class CaseDocument(JsonView):
    """A document as the case file lists it (no content): kind, title, date, hash, where to get it."""

    id: int
    kind: str
    title: str
    created_at: datetime
    sha256: str
    size: int
    decision_id: int | None
    file_name: str
    url: str


def case_documents(uow: UnitOfWork, case_id: int) -> list[CaseDocument]:
    """The documents of a case for its file: kind, title, date, hash (no content)."""
    rows = uow.session.execute(
        select(Document.id, Document.kind, Document.title, Document.created_at, Document.sha256,
               Document.size, Document.decision_id, Document.file_name)
        .where(Document.case_id == case_id).order_by(Document.id))
    return [CaseDocument(id=r.id, kind=r.kind, title=r.title, created_at=r.created_at,
                         sha256=r.sha256, size=r.size, decision_id=r.decision_id,
                         file_name=r.file_name, url=f"/api/cases/{case_id}/documents/{r.id}")
            for r in rows]


def download(ctx: ServiceContext, actor: Actor, case_id: int, document_id: int) -> tuple[bytes, str]:
    """The PDF bytes and file name of a case's document; audited; the hash is checked."""
    if not actor.has_case_role:
        raise Forbidden(msg(Code.CASE_FILE_ROLE))
    with ctx.uow() as uow:
        row = uow.session.get(Document, document_id)
        if row is None or row.case_id != case_id:
            raise NotFound(msg(Code.DOCUMENT_NOT_FOUND, document_id=document_id, case_id=case_id))
        content, name = bytes(row.content), row.file_name
        if content_hash(content) != row.sha256:
            raise DocumentCorrupted(msg(Code.DOCUMENT_CORRUPTED, document_id=document_id))
        audit.record(uow, "document.downloaded", actor.id, case_id, document_id=document_id,
                     kind=row.kind)
        uow.commit()
        return content, name
