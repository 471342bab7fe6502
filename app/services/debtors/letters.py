"""The letters the debtor procedure's steps send (act of 7 Sep 2007 on help to persons entitled
to alimony, art. 5), issued as PDF documents of the debtor case like the centre's other letters
(:mod:`app.services.documents`): rendered from ``debtor_letter.html``, stored and audited.

* ``registration_obligation``: the information to the starosta (the powiat labour office) of
  the need to activate the debtor professionally (art. 5 ust. 2 pkt 2), sent with the
  obligation to register;
* ``licence_motion``: the motion to the starosta to suspend (zatrzymanie) the debtor's driving
  licence (art. 5 ust. 3b), only where the debtor holds one;
* ``big_report``: the economic information on the debtor's dues to an economic information
  bureau (BIG);
* ``prosecutor_notice``: the notice of the suspected offence of art. 209 § 1 KK;
* ``licence_withdrawal``: the motion to the starosta to return the licence once the grounds
  ceased (art. 5 ust. 5).

The addressee is what the caseworker typed on the task form (``addressee``), else the organ the
act names (READING: the act names the organ, not its seat; the form lets the centre name it).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from app.domain import fa_debtor
from app.domain.messages import Code, msg
from app.persistence.models import Case, DebtorProcedure, Person, User
from app.services.documents import document_store
from app.services.documents.document_store import StoredDocument
from app.services.documents.document_templates import render
from app.services.documents.office import office
from app.services.kernel.context import UnitOfWork
from app.services.kernel.errors import ValidationFailed


@dataclass(frozen=True)
class DebtorLetter:
    """A letter a step sends: its document kind, title and default addressee."""

    kind: str
    title: str
    addressee: str


LETTERS: Mapping[str, DebtorLetter] = {
    "registration_obligation": DebtorLetter(
        "debtor_activation_info", "Informacja o potrzebie aktywizacji zawodowej dłużnika "
        "alimentacyjnego (art. 5 ust. 2 pkt 2)", "Starosta – Powiatowy Urząd Pracy"),
    "licence_motion": DebtorLetter(
        "debtor_licence_motion", "Wniosek o zatrzymanie prawa jazdy dłużnika alimentacyjnego "
        "(art. 5 ust. 3b)", "Starosta właściwy ze względu na miejsce zamieszkania dłużnika"),
    "big_report": DebtorLetter(
        "debtor_big_report", "Informacja gospodarcza o zobowiązaniach dłużnika alimentacyjnego",
        "Biuro informacji gospodarczej"),
    "prosecutor_notice": DebtorLetter(
        "debtor_prosecutor_notice", "Zawiadomienie o podejrzeniu popełnienia przestępstwa "
        "z art. 209 § 1 Kodeksu karnego", "Prokuratura Rejonowa"),
    "licence_withdrawal": DebtorLetter(
        "debtor_licence_withdrawal", "Wniosek o zwrot zatrzymanego prawa jazdy dłużnika "
        "alimentacyjnego (art. 5 ust. 5)", "Starosta właściwy ze względu na miejsce "
        "zamieszkania dłużnika"),
}
# The step outcome that sends no letter (no licence held: no motion).
SILENT_OUTCOMES = frozenset({"no_licence"})


def send(uow: UnitOfWork, proc: DebtorProcedure, step: str, outcome: str, on: date,
         actor_id: int | None, data: Mapping[str, Any]) -> StoredDocument | None:
    """Issue the letter ``step`` sends (None where it sends none); refused while the centre's
    letterhead (the office) is not configured, as every letter is."""
    letter = LETTERS.get(step)
    if letter is None or outcome in SILENT_OUTCOMES:
        return None
    body = office(uow)
    if body is None:
        raise ValidationFailed(msg(Code.OFFICE_MISSING),
                               {"addressee": msg(Code.OFFICE_NOT_CONFIGURED)})
    case = uow.session.get(Case, proc.case_id)
    debtor = uow.session.get(Person, proc.debtor_id)
    assert case is not None and debtor is not None
    found = fa_debtor.BY_CODE[step]
    html = render(
        "debtor_letter.html", step=step, title=letter.title, office=body, case=case,
        issued_on=on, proc=proc, debtor=debtor, article=found.article,
        addressee=str(data.get("addressee") or "").strip() or letter.addressee,
        data=data, user=uow.session.get(User, actor_id) if actor_id else None)
    return document_store.store(uow, case.id, letter.kind, html, actor_id, title=letter.title)
