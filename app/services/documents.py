"""The decision document with every element art. 107 §1 KPA requires.

The document is always in Polish: the explanation steps print their ``text_pl`` (or ``text`` for
explanations stored before it existed), amounts have a decimal comma ("355,00 zł"), dates the long
form ("26 listopada 2026 r."), and booleans read "tak"/"nie". Each benefit cites its own act:
social assistance the u.p.s., zasiłek rodzinny the Family Benefits Act, fundusz alimentacyjny the
Act on help for persons entitled to maintenance; art. 104 KPA applies to all.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape
from sqlalchemy import select

from app.domain.polish import date_pl, number, zl
from app.domain.reasons import REASONS
from app.persistence.models import Application, Case, Decision, User

from .change_cases import change_context
from .context import UnitOfWork

_env = Environment(
    loader=FileSystemLoader(Path(__file__).parent / "templates"),
    autoescape=select_autoescape(["html"]),
)

UPS = "ustawy z dnia 12 marca 2004 r. o pomocy społecznej"
USR = "ustawy z dnia 28 listopada 2003 r. o świadczeniach rodzinnych"
FA = "ustawy z dnia 7 września 2007 r. o pomocy osobom uprawnionym do alimentów"
KPA = "art. 104 ustawy z dnia 14 czerwca 1960 r. – Kodeks postępowania administracyjnego"


@dataclass(frozen=True)
class BenefitLaw:
    """How a decision on one benefit names it and which act it rests on."""

    name: str  # accusative (= nominative here): "przyznać ... zasiłek stały"
    name_genitive: str  # "odmówić przyznania zasiłku stałego"
    act: str  # "ups", "usr" or "fa": selects the notices and the authorisation
    basis: str  # the provisions of the act, before art. 104 KPA


BENEFITS: dict[str, BenefitLaw] = {
    "zasilek_staly": BenefitLaw(
        "zasiłek stały", "zasiłku stałego", "ups", f"art. 8, art. 37 i art. 106 ust. 1 {UPS}"),
    "zasilek_okresowy": BenefitLaw(
        "zasiłek okresowy", "zasiłku okresowego", "ups",
        f"art. 8, art. 38 i art. 106 ust. 1 {UPS}"),
    "specjalny_zasilek_celowy": BenefitLaw(
        "specjalny zasiłek celowy", "specjalnego zasiłku celowego", "ups",
        f"art. 8, art. 41 pkt 1 i art. 106 ust. 1 {UPS}"),
    "zasilek_rodzinny": BenefitLaw(
        "zasiłek rodzinny", "zasiłku rodzinnego", "usr",
        f"art. 4 ust. 2 pkt 1, art. 5, art. 6, art. 23 i art. 24 {USR}"),
    "fundusz_alimentacyjny": BenefitLaw(
        "świadczenie z funduszu alimentacyjnego", "świadczenia z funduszu alimentacyjnego", "fa",
        f"art. 9 i art. 10 {FA}"),
}
KIND_NAMES = {"grant": "przyznać", "partial": "przyznać w części", "refusal": "odmówić"}

# The party's duty to report changes, and the return of undue benefits, under each act.
NOTICES: dict[str, tuple[str, ...]] = {
    "ups": (
        "Strona jest obowiązana niezwłocznie poinformować organ, który przyznał świadczenie, o "
        "każdej zmianie w swojej sytuacji osobistej, dochodowej i majątkowej, która wiąże się z "
        "podstawą do przyznania świadczeń (art. 109 ustawy o pomocy społecznej).",
        "Osoba, która nienależnie pobrała świadczenie, jest obowiązana do jego zwrotu "
        "(art. 98 ustawy o pomocy społecznej).",
    ),
    "usr": (
        "Osoba otrzymująca świadczenia rodzinne jest obowiązana do niezwłocznego powiadomienia "
        "organu właściwego wypłacającego świadczenia rodzinne o zmianach mających wpływ na prawo "
        "do świadczeń rodzinnych, w tym o zmianie liczby członków rodziny, uzyskaniu dochodu przez "
        "członka rodziny oraz wyjeździe członka rodziny poza granice Rzeczypospolitej Polskiej "
        "(art. 25 ust. 1 ustawy o świadczeniach rodzinnych).",
        "Osoba, która pobrała nienależnie świadczenia rodzinne, jest obowiązana do ich zwrotu "
        "wraz z ustawowymi odsetkami (art. 30 ustawy o świadczeniach rodzinnych).",
    ),
    "fa": (
        "Osoba uprawniona albo jej przedstawiciel ustawowy są obowiązani do niezwłocznego "
        "powiadomienia organu wypłacającego świadczenia o zmianie liczby członków rodziny, "
        "uzyskaniu lub utracie dochodu oraz o innych zmianach mających wpływ na prawo do świadczeń "
        "z funduszu alimentacyjnego (ustawa z dnia 7 września 2007 r. o pomocy osobom uprawnionym "
        "do alimentów).",
        "Nienależnie pobrane świadczenia z funduszu alimentacyjnego podlegają zwrotowi na zasadach "
        "określonych w tej ustawie.",
    ),
}
AUTHORISATION = {
    "ups": "art. 110 ust. 7–8 ustawy o pomocy społecznej",
    "usr": "art. 20 ustawy o świadczeniach rodzinnych",
    "fa": "upoważnienie wójta (burmistrza, prezydenta miasta)",
}

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_MONEY = re.compile(r"^-?\d+\.\d{2}$")


def polish_value(value: Any) -> str | None:
    """A step result as the decision prints it, or None when there is nothing to print.

    True/False -> "tak"/"nie"; "813.00" -> "813,00 zł"; "2025-11-01" -> "1 listopada 2025 r.";
    other numbers with a decimal comma. Lists and mappings are not printed.
    """
    if value is None or value == "" or isinstance(value, list | tuple | Mapping):
        return None
    if isinstance(value, bool):
        return "tak" if value else "nie"
    if isinstance(value, int | Decimal):
        return number(value)
    text = str(value)
    if _ISO_DATE.match(text):
        try:
            return date_pl(date.fromisoformat(text))
        except ValueError:
            return text
    try:
        amount = Decimal(text)
    except InvalidOperation:
        return text
    return zl(amount) if _MONEY.match(text) else number(amount)


def _sentence(text: str) -> str:
    text = text.strip()
    return text if not text or text.endswith(".") else text + "."


def step_line(step: Mapping[str, Any]) -> str:
    """One step of the calculation in Polish: its text, result and legal basis."""
    line = _sentence(str(step.get("text_pl") or step.get("text") or ""))
    result = polish_value(step.get("result"))
    if result is not None:
        line += f" Wynik: {_sentence(result)}"
    basis = step.get("legal_basis") or []
    if basis:
        line += f" Podstawa prawna: {_sentence(', '.join(str(b) for b in basis))}"
    return line.strip()


def money_pl(value: Any) -> str:
    """An amount for the decision: '355,00 zł'."""
    return zl(Decimal(str(value)))


def date_or_blank(value: date | None) -> str:
    """A date for the decision ('26 listopada 2026 r.'), or '' when there is none."""
    return date_pl(value) if value else ""


_env.filters.update(zl=money_pl, date_pl=date_or_blank)


def _party(case: Case) -> SimpleNamespace:
    """The party as declared in this case (the register may say otherwise later)."""
    member = case.household.members[0]
    return SimpleNamespace(first_name=member.first_name, last_name=member.last_name,
                           pesel=member.person.pesel or member.person.register_key)


def _change(uow: UnitOfWork, case: Case) -> dict[str, Any] | None:
    """What a changing decision changes, with its dates as dates for the template."""
    change = change_context(uow, case)
    if change is None:
        return None
    return {**change, "issued_on_date": date.fromisoformat(change["issued_on"]) if change["issued_on"]
            else None, "effective_from_date": date.fromisoformat(change["effective_from"])}


def render_decision(uow: UnitOfWork, decision: Decision) -> str:
    """Render the decision as HTML (printable; signed by the approving supervisor)."""
    case = uow.session.get(Case, decision.case_id)
    assert case is not None
    application = uow.session.scalar(select(Application).where(Application.case_id == case.id))
    signer = uow.session.get(User, decision.approved_by_id) if decision.approved_by_id else None
    law = BENEFITS.get(decision.benefit) or BenefitLaw(
        decision.benefit, decision.benefit, "ups", f"art. 106 ust. 1 {UPS}")
    explanation = decision.eligibility.result if decision.eligibility else None
    steps = [step_line(s) for s in (explanation or {}).get("explanation") or []
             if isinstance(s, Mapping)]
    return _env.get_template("decision.html").render(
        centre=uow.ctx.config["CENTRE_NAME"], city=uow.ctx.config["CENTRE_CITY"],
        decision=decision, case=case, application=application, applicant=_party(case),
        address=case.household.address, law=law, kpa=KPA, notices=NOTICES[law.act],
        authorisation=AUTHORISATION[law.act], ruling=KIND_NAMES.get(decision.kind, decision.kind),
        reason=REASONS.get(case.reason, (case.reason,))[0], signer=signer, steps=steps,
        change=_change(uow, case),
    )
