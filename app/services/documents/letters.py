"""Letters to the party and to the SKO, issued as PDF documents and stored like decisions.

- ``supplement_call``: the call to supplement the application (art. 64 § 2 KPA): what is
  missing, at least 7 days, and that the application is left unexamined otherwise;
- ``evidence_notice``: before a refusal, the party may see the evidence and comment within a
  set time, and is told which conditions are not met (art. 10 § 1 and art. 79a KPA);
- ``delay_notice``: the case will not be settled on time: the reason, the new date and the
  right to a ponaglenie (art. 36 and art. 37 KPA);
- ``sko_forward``: the cover letter forwarding an appeal to the SKO (art. 133 KPA): the case,
  the decision, the appeal's dates and the enclosed files.

``issue(uow, case_id, kind, actor_id, **facts)`` is the one entry point inside a transaction
(task hooks and other processes call it); ``issue_letter`` is the use case for the case file
page and the API (case role, its own transaction, audited).

One art. 10 notice per case (``ONE_PER_ROUND``): once an ``evidence_notice`` is issued, a second
is refused until a decision of the case is issued (a case the SKO returns for re-examination is
a new round, with its own notice); the art. 10 task uses the one already issued
(:func:`current_notice`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, timedelta
from typing import Any

from sqlalchemy import select

from app.domain.benefits import act_of
from app.domain.deadlines import today_in_warsaw
from app.domain.messages import Code, msg
from app.domain.views import JsonView
from app.persistence.models import Case, Decision, Document, User
from app.services.documents import document_store
from app.services.documents.document_store import StoredDocument
from app.services.documents.document_templates import render
from app.services.documents.office import office, signer
from app.services.kernel import audit, inputs
from app.services.kernel.context import Actor, ServiceContext, UnitOfWork
from app.services.kernel.errors import Forbidden, NotFound, ValidationFailed
from app.services.kernel.inputs.documents import LETTER_FACTS


@dataclass(frozen=True)
class LetterField:
    """One fact a letter needs: ``kind`` is text, days, date or past_date (its label on the page
    is its input schema's, app/services/kernel/inputs/documents.py)."""

    name: str
    kind: str
    required: bool = True


LETTERS: dict[str, tuple[LetterField, ...]] = {
    "supplement_call": (LetterField("items", "text"), LetterField("days", "days")),
    "evidence_notice": (LetterField("unmet", "text"), LetterField("days", "days")),
    "delay_notice": (LetterField("reason", "text"), LetterField("new_date", "future_date")),
    "sko_forward": (LetterField("appeal_filed_on", "past_date"),
                    LetterField("appeal_received_on", "past_date"),
                    LetterField("enclosures", "text", required=False)),
}


def validate(kind: str, facts: Mapping[str, Any], today: date, *,
             page: bool = False) -> Mapping[str, Any]:
    """The letter's facts, checked against the kind's input schema
    (app/services/kernel/inputs/documents.py) and the rules that depend on today; cleaned and
    typed (days an int, dates a date); ValidationFailed naming each bad field.

    Read-only values whose names and types are the kind's input schema's
    (``LETTER_FACTS[kind]``, ``LETTERS[kind]``), read by its template.
    """
    if kind not in LETTERS:
        raise ValidationFailed(msg(Code.LETTER_INVALID), {"kind": msg(Code.CHOOSE_ONE)})
    given = {k: v.isoformat() if isinstance(v, date) else v for k, v in facts.items()
             if k in LETTER_FACTS[kind]["properties"]}  # a hook may pass dates; others are ignored
    clean, problems = inputs.read(f"LetterFacts_{kind}", given, page=page)
    errors: dict[str, str] = dict(problems)
    for f in LETTERS[kind]:
        day = clean.get(f.name)
        if not f.required and f.name not in clean and f.name not in errors:
            clean[f.name] = ""
        elif f.kind == "future_date" and day is not None and day <= today:
            errors[f.name] = msg(Code.DATE_NOT_AFTER_TODAY)
        elif f.kind == "future_date" and day is not None and day > today + timedelta(days=366):
            errors[f.name] = msg(Code.MAX_VALUE, limit=(today + timedelta(days=366)).isoformat())
        elif f.kind == "past_date" and day is not None and day > today:
            errors[f.name] = msg(Code.DATE_IN_FUTURE)
    received, filed = clean.get("appeal_received_on"), clean.get("appeal_filed_on")
    if received and filed and received < filed and "appeal_received_on" not in errors:
        errors["appeal_received_on"] = msg(Code.DATE_BEFORE, limit=filed.isoformat())
    if errors:
        raise ValidationFailed(msg(Code.LETTER_INVALID), errors)
    return clean


def _issued_decision(uow: UnitOfWork, case_id: int) -> Decision | None:
    return uow.session.scalars(
        select(Decision).where(Decision.case_id == case_id, Decision.issued_on.is_not(None))
        .order_by(Decision.id.desc())).first()


# Letters a case sends once in each round (until a decision of the case is issued).
ONE_PER_ROUND = frozenset({"evidence_notice"})


def issued_on(document: Document) -> date:
    """The day a letter was issued, in Warsaw (a naive stored time is UTC)."""
    at = document.created_at
    return today_in_warsaw(at if at.tzinfo else at.replace(tzinfo=UTC))


def current_notice(uow: UnitOfWork, case_id: int, kind: str = "evidence_notice"
                   ) -> Document | None:
    """The letter of ``kind`` issued in the case's current round (since its last issued
    decision's document), the earliest; None when there is none."""
    last_decision = uow.session.scalar(
        select(Document.id).where(Document.case_id == case_id, Document.kind == "decision")
        .order_by(Document.id.desc()).limit(1))
    query = select(Document).where(Document.case_id == case_id, Document.kind == kind)
    if last_decision is not None:
        query = query.where(Document.id > last_decision)
    return uow.session.scalars(query.order_by(Document.id)).first()


def issue(uow: UnitOfWork, case_id: int, kind: str, actor_id: int | None, *, page: bool = False,
          **facts: Any) -> StoredDocument:
    """Validate the facts, render the letter and store it as an issued document of the case
    (``page``: typed on the letter page, dates also as dd.mm.rrrr)."""
    today = today_in_warsaw(uow.ctx.now())
    clean = validate(kind, facts, today, page=page)
    case = uow.session.get(Case, case_id)
    if case is None:
        raise NotFound(msg(Code.CASE_NOT_FOUND, case_id=case_id))
    if kind in ONE_PER_ROUND:
        earlier = current_notice(uow, case_id, kind)
        if earlier is not None:
            raise ValidationFailed(msg(Code.LETTER_ALREADY_ISSUED), {"kind": msg(
                Code.LETTER_ALREADY_ISSUED_ON, issued_on=issued_on(earlier).isoformat())})
    body = office(uow)
    if body is None:
        raise ValidationFailed(msg(Code.OFFICE_MISSING),
                               {"kind": msg(Code.OFFICE_NOT_CONFIGURED)})
    decision = _issued_decision(uow, case_id)
    if kind == "sko_forward" and decision is None:
        raise ValidationFailed(msg(Code.LETTER_NO_DECISION), {"kind": msg(Code.LETTER_NO_DECISION)})
    if decision is not None and kind == "sko_forward" and decision.issued_on and \
            clean["appeal_filed_on"] < decision.issued_on:
        raise ValidationFailed(msg(Code.LETTER_INVALID), {"appeal_filed_on": msg(
            Code.DATE_BEFORE, limit=decision.issued_on.isoformat())})
    user = uow.session.get(User, actor_id) if actor_id else None
    # Signed in the body's name only under an authorisation valid today, whose number it
    # prints; without one the letter names who wrote it and claims no authorisation.
    authorised = signer(uow, actor_id, act_of(case.benefit), today)
    member = case.household.members[0]
    html = render(
        "letter.html", kind=kind, facts=clean, office=body, case=case, issued_on=today,
        decision=decision, user=user, signer=authorised, title=document_store.TITLES[kind],
        party={"title": "Pani" if member.person.sex == "F" else "Pan",
               "name": f"{member.first_name} {member.last_name}",
               "address": case.household.address},
    )
    return document_store.store(uow, case_id, kind, html, actor_id,
                                decision_id=decision.id if kind == "sko_forward" and decision
                                else None)


@dataclass(frozen=True, eq=False)
class IssuedLetter(JsonView):
    """An issued letter: the stored document and where the API serves it."""

    id: int
    kind: str
    title: str
    sha256: str
    size: int
    url: str


def issue_letter(ctx: ServiceContext, actor: Actor, case_id: int, kind: str,
                 facts: Mapping[str, Any], *, page: bool = False) -> IssuedLetter:
    """A caseworker or supervisor issues a letter from the case file; returns the document."""
    if not actor.has_case_role:
        raise Forbidden(msg(Code.LETTER_ROLE))
    if not isinstance(facts, Mapping):
        raise ValidationFailed(msg(Code.LETTER_INVALID), {"facts": msg(Code.OBJECT_EXPECTED)})
    with ctx.uow() as uow:
        doc = issue(uow, case_id, kind, actor.id, page=page, **dict(facts))
        audit.record(uow, "letter.issued", actor.id, case_id, document_id=doc.id, kind=kind)
        uow.commit()
    return IssuedLetter(id=doc.id, kind=doc.kind, title=doc.title, sha256=doc.sha256,
                        size=doc.size, url=f"/api/cases/{case_id}/documents/{doc.id}")
