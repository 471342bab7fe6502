"""Issued documents (PDF, never changed) and the issuing body's configuration."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import ForeignKey, LargeBinary, String, Text, UniqueConstraint, event
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, utcnow


class DocumentImmutable(Exception):
    """An issued document was about to be changed or deleted through the ORM."""


class Document(Base):
    """A document as issued to a party or sent out (decision, letter), stored as its PDF bytes.

    A row is written once; the ORM refuses any later update or delete (see the listeners
    below), and the service layer offers no path to change it. ``sha256`` is the hash of
    ``content``, shown beside the document and checked on every download.
    """

    __tablename__ = "documents"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    decision_id: Mapped[int | None] = mapped_column(ForeignKey("decisions.id"), index=True)
    kind: Mapped[str] = mapped_column(String(40))
    title: Mapped[str] = mapped_column(String(200))
    file_name: Mapped[str] = mapped_column(String(200))
    content: Mapped[bytes] = mapped_column(LargeBinary)
    sha256: Mapped[str] = mapped_column(String(64))
    size: Mapped[int]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))


@event.listens_for(Document, "before_update")
def _refuse_update(mapper: object, connection: object, target: Document) -> None:
    raise DocumentImmutable(f"Document {target.id} has been issued and cannot be changed.")


@event.listens_for(Document, "before_delete")
def _refuse_delete(mapper: object, connection: object, target: Document) -> None:
    raise DocumentImmutable(f"Document {target.id} has been issued and cannot be deleted.")


class OfficeSettings(Base):
    """The issuing body as the documents name it (one row, id 1), set by an admin.

    ``body`` is ``wojt``, ``burmistrz`` or ``prezydent`` (of the gmina named in ``gmina``, in
    the genitive as printed: "Gminy Krzeszowice", "Miasta Krakowa").
    """

    __tablename__ = "office_settings"

    id: Mapped[int] = mapped_column(primary_key=True)
    gmina: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(String(20))
    centre_name: Mapped[str] = mapped_column(String(300))
    # The centre's name in the genitive, as the centre spells it ("w siedzibie Ośrodka ...").
    centre_name_genitive: Mapped[str] = mapped_column(String(300), default="", server_default="")
    centre_address: Mapped[str] = mapped_column(String(300))
    centre_city: Mapped[str] = mapped_column(String(100))
    sko_name: Mapped[str] = mapped_column(String(300))
    sko_seat: Mapped[str] = mapped_column(String(300))
    payment_method: Mapped[str] = mapped_column(Text)
    payment_day: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))


class SignerAuthorisation(Base):
    """A person's authorisation to issue decisions in the body's name under one act.

    ``act`` is ``ups`` (art. 110 ust. 7–8 u.p.s.), ``usr`` (art. 20 u.ś.r.) or ``fa`` (the FA
    act). Valid from ``issued_on`` until ``valid_until`` (inclusive) or ``revoked_on``.
    """

    __tablename__ = "signer_authorisations"
    __table_args__ = (UniqueConstraint("user_id", "act", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    act: Mapped[str] = mapped_column(String(10))
    position: Mapped[str] = mapped_column(String(200))
    number: Mapped[str] = mapped_column(String(100))
    issued_on: Mapped[date]
    valid_until: Mapped[date | None]
    revoked_on: Mapped[date | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
