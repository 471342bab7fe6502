"""The issuing body as documents name it, and who may sign in its name (per act).

A centre sets this without code: ``flask office-set`` and ``flask authorise`` (or the same
functions from an admin page), and the demo seed fills it (:func:`seed_demo_office`). A
decision is issued only when the body is configured and its signer holds an authorisation for
the decision's act valid on the day of issue (art. 107 § 1 pkt 8 KPA; art. 110 ust. 7–8
u.p.s.; art. 20 u.ś.r.).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select

from app.domain.messages import Code, msg
from app.domain.views import JsonView
from app.persistence.models import OfficeSettings, SignerAuthorisation, User
from app.services.kernel import audit, inputs
from app.services.kernel.context import Actor, ServiceContext, UnitOfWork
from app.services.kernel.errors import Forbidden, NotFound, ValidationFailed
from app.services.kernel.inputs.documents import AUTHORISATION_ACTS, BODY_CODES

# The body's title in the nominative and the genitive ("z upoważnienia Wójta …").
BODIES: dict[str, tuple[str, str]] = {
    "wojt": ("Wójt", "Wójta"),
    "burmistrz": ("Burmistrz", "Burmistrza"),
    "prezydent": ("Prezydent", "Prezydenta"),
}
# The provision an authorisation under each act rests on (DOMAIN.md "Signing").
AUTHORISATION_BASIS: dict[str, str] = {
    "ups": "art. 110 ust. 7 i 8 ustawy o pomocy społecznej",
    "usr": "art. 20 ust. 1 ustawy o świadczeniach rodzinnych",
    "fa": "art. 20 ust. 1 ustawy o świadczeniach rodzinnych w sprawach świadczeń z funduszu "
          "alimentacyjnego",
}
ACTS = tuple(AUTHORISATION_BASIS)
assert ACTS == AUTHORISATION_ACTS and tuple(BODIES) == BODY_CODES, "the office's input schema"
OFFICE_FIELDS = ("gmina", "body", "centre_name", "centre_name_genitive", "centre_address",
                 "centre_city", "sko_name", "sko_seat", "payment_method", "payment_day")


@dataclass(frozen=True)
class Office:
    """The issuing body and its centre, as printed on documents: the one name of the centre
    (page header, decisions, letters, the bank file and the cash-desk list all read it here).
    Grammatical cases are stored as the centre spells them, never guessed."""

    gmina: str  # genitive, as printed after the body: "Gminy Krzeszowice", "Miasta Krakowa"
    body: str
    centre_name: str  # nominative: "Ośrodek Pomocy Społecznej w Krzeszowicach"
    centre_name_genitive: str  # "w siedzibie Ośrodka Pomocy Społecznej w Krzeszowicach"
    centre_address: str
    centre_city: str
    sko_name: str
    sko_seat: str
    payment_method: str
    payment_day: str

    @property
    def body_title(self) -> str:
        """'Burmistrz Gminy Krzeszowice'."""
        return f"{BODIES[self.body][0]} {self.gmina}"

    @property
    def body_genitive(self) -> str:
        """'Burmistrza Gminy Krzeszowice'."""
        return f"{BODIES[self.body][1]} {self.gmina}"

    @property
    def sko_genitive(self) -> str:
        """'Samorządowego Kolegium Odwoławczego w Krakowie' (every SKO is named so; another
        name is printed as set)."""
        nominative, genitive = "Samorządowe Kolegium Odwoławcze", "Samorządowego Kolegium Odwoławczego"
        name = self.sko_name.strip()
        return genitive + name[len(nominative):] if name.startswith(nominative) else name


@dataclass(frozen=True)
class Signer:
    """The person who signs, with the authorisation they sign under."""

    user_id: int
    full_name: str
    position: str
    act: str
    number: str
    issued_on: date

    @property
    def basis(self) -> str:
        """The provision the authorisation rests on."""
        return AUTHORISATION_BASIS[self.act]


def office(uow: UnitOfWork) -> Office | None:
    """The configured body, or None when nobody has set it yet."""
    row = uow.session.get(OfficeSettings, 1)
    if row is None:
        return None
    return Office(**{f: getattr(row, f) for f in OFFICE_FIELDS})


def centre_header(uow: UnitOfWork) -> str:
    """The centre's name as the page header shows it ('' when the body is not set)."""
    row = uow.session.execute(select(OfficeSettings.centre_name).where(OfficeSettings.id == 1)).first()
    return row[0] if row else ""


def signer(uow: UnitOfWork, user_id: int | None, act: str, on: date) -> Signer | None:
    """The user's authorisation for ``act`` valid on ``on`` (the latest issued), or None."""
    if user_id is None:
        return None
    user = uow.session.get(User, user_id)
    if user is None:
        return None
    rows = uow.session.scalars(
        select(SignerAuthorisation).where(
            SignerAuthorisation.user_id == user_id, SignerAuthorisation.act == act,
            SignerAuthorisation.issued_on <= on)
        .order_by(SignerAuthorisation.issued_on.desc(), SignerAuthorisation.id.desc()))
    for row in rows:
        if (row.valid_until is None or row.valid_until >= on) and \
                (row.revoked_on is None or row.revoked_on > on):
            return Signer(user.id, user.full_name, row.position or user.position, act, row.number,
                          row.issued_on)
    return None


def _require_admin(actor: Actor) -> None:
    if not actor.has("admin"):
        raise Forbidden(msg(Code.OFFICE_ROLE))


def set_office(ctx: ServiceContext, actor: Actor, values: dict[str, Any]) -> dict[str, str]:
    """Set the issuing body (every field; ``payment_day`` may be empty). Admin only, audited."""
    _require_admin(actor)
    typed, errors = inputs.read("OfficeSettings", values)
    if errors:
        raise ValidationFailed(msg(Code.OFFICE_INVALID), errors)
    clean: dict[str, str] = {f: typed.get(f, "") for f in OFFICE_FIELDS}
    with ctx.uow() as uow:
        row = uow.session.get(OfficeSettings, 1)
        if row is None:
            row = OfficeSettings(id=1, **clean)
            uow.session.add(row)
        for f, v in clean.items():
            setattr(row, f, v)
        row.updated_at, row.updated_by_id = ctx.now(), actor.id
        audit.record(uow, "office.updated", actor.id)
        uow.commit()
    return clean


def authorise(ctx: ServiceContext, actor: Actor, username: str, act: str, position: str,
              number: str, issued_on: date, valid_until: date | None = None) -> int:
    """Record a person's authorisation to sign decisions under ``act``. Admin only, audited."""
    _require_admin(actor)
    given = {"username": username, "act": act, "position": position, "number": number,
             "issued_on": issued_on.isoformat()}
    typed, errors = inputs.read("SignerAuthorisation", given)
    errors = {k: v for k, v in errors.items() if k != "username"}  # a name that is not there: 404
    position, number = typed.get("position", ""), typed.get("number", "")
    if valid_until is not None and valid_until < issued_on:
        errors["valid_until"] = msg(Code.DATE_BEFORE, limit=issued_on.isoformat())
    if errors:
        raise ValidationFailed(msg(Code.OFFICE_INVALID), errors)
    with ctx.uow() as uow:
        user_id = uow.session.scalar(select(User.id).where(User.username == username))
        if user_id is None:
            raise NotFound(msg(Code.USERNAME_NOT_FOUND, username=username))
        row = SignerAuthorisation(user_id=user_id, act=act, position=position.strip(),
                                  number=number.strip(), issued_on=issued_on,
                                  valid_until=valid_until, created_at=ctx.now())
        uow.session.add(row)
        uow.session.flush()
        audit.record(uow, "authorisation.added", actor.id, authorisation_id=row.id, act=act)
        uow.commit()
        return row.id


def revoke(ctx: ServiceContext, actor: Actor, authorisation_id: int, on: date) -> None:
    """Revoke an authorisation from ``on`` (decisions issued earlier keep it). Admin, audited."""
    _require_admin(actor)
    with ctx.uow() as uow:
        row = uow.session.get(SignerAuthorisation, authorisation_id)
        if row is None:
            raise NotFound(msg(Code.AUTHORISATION_NOT_FOUND, authorisation_id=authorisation_id))
        row.revoked_on = on
        audit.record(uow, "authorisation.revoked", actor.id, authorisation_id=row.id)
        uow.commit()


@dataclass(frozen=True, eq=False)
class AuthorisationRow(JsonView):
    """A signer's authorisation with its holder (staff data, not case data)."""

    id: int
    username: str
    full_name: str
    act: str
    position: str
    number: str
    issued_on: date
    valid_until: date | None
    revoked_on: date | None


def list_authorisations(ctx: ServiceContext, actor: Actor) -> list[AuthorisationRow]:
    """Every authorisation with its holder (staff data, not case data)."""
    _require_admin(actor)
    with ctx.uow(readonly=True) as uow:
        rows = uow.session.execute(
            select(SignerAuthorisation, User.username, User.full_name)
            .join(User, User.id == SignerAuthorisation.user_id).order_by(SignerAuthorisation.id))
        return [AuthorisationRow(id=a.id, username=username, full_name=name, act=a.act,
                                 position=a.position, number=a.number, issued_on=a.issued_on,
                                 valid_until=a.valid_until, revoked_on=a.revoked_on)
                for a, username, name in rows]


DEMO_OFFICE = {
    "gmina": "Gminy Krzeszowice", "body": "burmistrz",
    "centre_name": "Ośrodek Pomocy Społecznej w Krzeszowicach",
    "centre_name_genitive": "Ośrodka Pomocy Społecznej w Krzeszowicach",
    "centre_address": "ul. Krakowska 8, 32-065 Krzeszowice", "centre_city": "Krzeszowice",
    "sko_name": "Samorządowe Kolegium Odwoławcze w Krakowie",
    "sko_seat": "ul. Basztowa 22, 31-156 Kraków",
    "payment_method": "w kasie Ośrodka Pomocy Społecznej w Krzeszowicach, ul. Krakowska 8",
    "payment_day": "do 10. dnia każdego miesiąca",
}
# The demo supervisor signs under all three acts (fictional numbers).
DEMO_AUTHORISATIONS = (
    ("supervisor", "ups", "Kierownik Ośrodka Pomocy Społecznej", "OR.0052.12.2024",
     date(2024, 1, 2)),
    ("supervisor", "usr", "Kierownik Ośrodka Pomocy Społecznej", "OR.0052.13.2024",
     date(2024, 1, 2)),
    ("supervisor", "fa", "Kierownik Ośrodka Pomocy Społecznej", "OR.0052.14.2024",
     date(2024, 1, 2)),
)


def seed_demo_office(ctx: ServiceContext) -> None:
    """Fill the body and the demo signer's authorisations when they are missing (idempotent)."""
    with ctx.uow() as uow:
        if uow.session.get(OfficeSettings, 1) is None:
            uow.session.add(OfficeSettings(id=1, updated_at=ctx.now(), **DEMO_OFFICE))
        for username, act, position, number, issued_on in DEMO_AUTHORISATIONS:
            user_id = uow.session.scalar(select(User.id).where(User.username == username))
            if user_id is None or uow.session.scalar(select(SignerAuthorisation.id).where(
                    SignerAuthorisation.user_id == user_id, SignerAuthorisation.act == act)):
                continue
            uow.session.add(SignerAuthorisation(user_id=user_id, act=act, position=position,
                                                number=number, issued_on=issued_on,
                                                created_at=ctx.now()))
        uow.commit()
