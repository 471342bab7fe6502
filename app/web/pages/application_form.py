"""The new-application form, described as a JSON Schema so the generic form engine renders it.

The schema's shape is the payload `services.cases.validate_application` expects, so the service's
error paths (``members[1].pesel``) are the input names.
"""

from __future__ import annotations

from typing import Any

from flask_babel import gettext as _

from app.domain import benefits
from app.services.cases.opening import BENEFITS, INCOME_KINDS, OTHER_BENEFITS
from app.web.ui.labels import BENEFITS as BENEFIT_LABELS
from app.web.ui.labels import (
    DISABILITY_DEGREES,
    DODATKI,
    SCHOOL_AWAY,
    SINGLE_PARENT_REASONS,
    label,
    reason_options,
    relation_options,
)
from app.web.ui.labels import INCOME_KINDS as INCOME_LABELS
from app.web.ui.labels import OTHER_BENEFITS as OTHER_LABELS

MONEY = {"type": "string", "x-widget": "money", "x-placeholder": "0,00"}


def _income_schema() -> dict[str, Any]:
    return {
        "type": "object",
        "title": _("Dochód"),
        "required": ["kind", "amount"],
        "properties": {
            "kind": {"type": "string", "title": _("Rodzaj"), "enum": list(INCOME_KINDS),
                     "x-widget": "select",
                     "x-labels": {k: label(INCOME_LABELS, k) for k in INCOME_KINDS}},
            "amount": {**MONEY, "title": _("Kwota brutto")},
            "tax": {**MONEY, "title": _("Podatek")},
            "contributions": {**MONEY, "title": _("Składki")},
            "costs": {**MONEY, "title": _("Koszty uzyskania"),
                      "description": _("Odlicza się tylko przy świadczeniach rodzinnych i "
                                       "funduszu alimentacyjnym (art. 3 pkt 1 u.ś.r.), nie przy "
                                       "pomocy społecznej (art. 8 ust. 3 u.p.s.).")},
            "one_off": {"type": "boolean", "title": _("Jednorazowy")},
        },
    }


def _person_schema(member: bool) -> dict[str, Any]:
    props: dict[str, Any] = {
        "pesel": {"type": "string", "title": "PESEL", "maxLength": 11, "minLength": 11,
                  "x-autocomplete": "off", "x-placeholder": _("11 cyfr")},
        "first_name": {"type": "string", "title": _("Imię"), "maxLength": 100},
        "last_name": {"type": "string", "title": _("Nazwisko"), "maxLength": 100},
        "register_key": {"type": "string", "title": _("Klucz w kartotece (osoba bez PESEL)"),
                         "maxLength": 13, "x-autocomplete": "off", "x-placeholder": "BP-…",
                         "description": _("Tylko dla osoby bez numeru PESEL, która jest już w "
                                          "kartotece.")},
        "birth_date": {"type": "string", "format": "date", "title": _("Data urodzenia"),
                       "description": _("Tylko dla osoby bez numeru PESEL, nowej w kartotece.")},
        "sex": {"type": "string", "title": _("Płeć"), "enum": ["F", "M"], "x-widget": "select",
                "x-labels": {"F": _("kobieta"), "M": _("mężczyzna")}},
    }
    if not member:
        props["single_parent_reason"] = {
            "type": "string", "title": _("Samotne wychowywanie dziecka: podstawa (art. 11a u.ś.r.)"),
            "enum": list(SINGLE_PARENT_REASONS), "x-widget": "select",
            "x-labels": {k: label(SINGLE_PARENT_REASONS, k) for k in SINGLE_PARENT_REASONS}}
        props["dodatki"] = {
            "type": "array", "title": _("Wnioskowane dodatki do zasiłku rodzinnego"),
            "items": {"type": "string", "enum": list(DODATKI),
                      "x-labels": {k: label(DODATKI, k) for k in DODATKI}}}
    if member:
        props["relation"] = {"type": "string", "title": _("Stopień pokrewieństwa"),
                             "enum": [c for c, _l in relation_options()], "x-widget": "select",
                             "x-labels": dict(relation_options())}
    props.update({
        "net_income": {**MONEY, "title": _("Dochód netto"),
                       "description": _("Z miesiąca przed wnioskiem. Albo rozpisz dochody poniżej.")},
        "alimony_awarded": {**MONEY, "title": _("Zasądzone alimenty"),
                            "description": _("Miesięcznie, jeśli zasądzone.")},
        "unable_to_work": {"type": "boolean", "title": _("Całkowicie niezdolny do pracy")},
        "disabled": {"type": "boolean", "title": _("Osoba niepełnosprawna")},
        "disability_certificate": {
            "type": "boolean",
            "title": _("Orzeczenie o umiarkowanym lub znacznym stopniu niepełnosprawności")},
        "severe_disability_certificate": {
            "type": "boolean", "title": _("Orzeczenie o znacznym stopniu niepełnosprawności")},
        "in_school": {"type": "boolean", "title": _("Uczy się w szkole (nie w szkole wyższej)")},
        "in_higher_school": {"type": "boolean", "title": _("Studiuje w szkole wyższej")},
        "disability_degree": {
            "type": "string", "title": _("Rodzaj orzeczenia o niepełnosprawności"),
            "enum": list(DISABILITY_DEGREES), "x-widget": "select",
            "x-labels": {k: label(DISABILITY_DEGREES, k) for k in DISABILITY_DEGREES},
            "description": _("Świadczenia opiekuńcze i dodatki z ustawy o świadczeniach rodzinnych.")},
        "disability_onset_age": {"type": "integer", "minimum": 0, "maximum": 130,
                                 "title": _("Wiek, w którym powstała niepełnosprawność")},
        "constant_care": {
            "type": "boolean",
            "title": _("Orzeczenie wskazuje konieczność stałej opieki i stałego udziału opiekuna "
                       "(pkt 7 i 8)")},
        "gave_up_work": {"type": "boolean",
                         "title": _("Nie podejmuje pracy lub z niej zrezygnował(a), by sprawować opiekę")},
        # Births and the dodatki (app.domain.dodatki).
        "parental_leave": {"type": "boolean", "title": _("Przebywa na urlopie wychowawczym")},
        "prenatal_care": {"type": "boolean",
                          "title": _("Matka pozostawała pod opieką medyczną od 10. tygodnia ciąży")},
        "care_since": {"type": "string", "format": "date",
                       "title": _("Data objęcia dziecka opieką (opiekun, przysposobienie)")},
        "school_away": {"type": "string", "title": _("Nauka w szkole poza miejscem zamieszkania"),
                        "enum": list(SCHOOL_AWAY), "x-widget": "select",
                        "x-labels": {k: label(SCHOOL_AWAY, k) for k in SCHOOL_AWAY}},
        "other_benefits": {"type": "array", "title": _("Pobierane inne świadczenia"),
                           "items": {"type": "string", "enum": list(OTHER_BENEFITS),
                                     "x-labels": {k: label(OTHER_LABELS, k) for k in OTHER_BENEFITS}}},
        "incomes": {"type": "array", "title": _("Dochody szczegółowo"), "x-layout": "table",
                    "items": _income_schema()},
    })
    for key, prop in props.items():
        # A field the catalogue gives to some benefits only (Benefit.member_fields).
        shown = benefits.field_benefits(key, applicant=not member)
        if shown is not None:
            props[key] = {**prop, "x-benefits": list(shown)}
    return {"type": "object", "title": _("Członek gospodarstwa") if member else _("Wnioskodawca"),
            "required": ["first_name", "last_name"], "properties": props}


def social_assistance() -> list[str]:
    """The benefits whose application names an art. 7 u.p.s. reason and may be urgent (the
    community interview within 2 working days)."""
    return [b.code for b in benefits.entries() if b.social_assistance]


def left_out(payload: dict[str, Any]) -> dict[str, Any]:
    """The payload without the fields its chosen benefit does not use (the page hides them; a
    value typed before another benefit was chosen is not sent on)."""
    entry = benefits.find(payload.get("benefit"))
    if entry is None:
        return payload
    out = dict(payload)
    if not entry.social_assistance:
        out.pop("reason", None)
        out.pop("urgent", None)

    def person(raw: Any, applicant: bool) -> Any:
        if not isinstance(raw, dict):
            return raw
        return {k: v for k, v in raw.items() if entry.shows(k, applicant)}

    if "applicant" in out:
        out["applicant"] = person(out["applicant"], True)
    if isinstance(out.get("members"), list):
        out["members"] = [person(m, False) for m in out["members"]]
    return out


def application_schema() -> dict[str, Any]:
    """The application form in the current language."""
    reasons = reason_options()
    return {
        "type": "object",
        # The reason is required for a u.p.s. benefit only: the service says so.
        "required": ["benefit", "applicant"],
        "properties": {
            "benefit": {"type": "string", "title": _("Wnioskowane świadczenie"), "enum": list(BENEFITS),
                        "x-widget": "radio",
                        "x-labels": {k: label(BENEFIT_LABELS, k) for k in BENEFITS}},
            "reason": {"type": "string", "title": _("Powód przyznania pomocy (art. 7 u.p.s.)"),
                       "enum": [c for c, _l in reasons], "x-widget": "select",
                       "x-labels": dict(reasons), "x-benefits": social_assistance(),
                       "description": _("Tylko pomoc społeczna; świadczenia rodzinne i fundusz "
                                        "alimentacyjny nie wymagają powodu.")},
            "application_date": {"type": "string", "format": "date", "title": _("Data wpływu wniosku"),
                                 "description": _("Puste = dzisiaj.")},
            "requested_from": {
                "type": "string", "format": "date", "title": _("Świadczenie od miesiąca"),
                "description": _("Puste = od miesiąca złożenia wniosku. Zasiłek rodzinny i fundusz "
                                 "alimentacyjny: pierwszy miesiąc okresu, o który wnioskuje strona.")},
            "requested_amount": {
                **MONEY, "title": _("Kwota, o którą wnosi strona (zł)"),
                "description": _("Zasiłek okresowy (miesięcznie) i specjalny zasiłek celowy "
                                 "(jednorazowo): puste = strona nie wskazała kwoty.")},
            "requested_until": {
                "type": "string", "format": "date", "title": _("Okres, o który wnosi strona: do"),
                "description": _("Zasiłek okresowy: ostatni dzień okresu wskazanego we wniosku; "
                                 "puste = strona nie wskazała okresu.")},
            "urgent": {"type": "boolean", "title": _("Sprawa pilna (wywiad w ciągu 2 dni roboczych)"),
                       "x-benefits": social_assistance()},
            "applicant": _person_schema(member=False),
            "members": {"type": "array", "title": _("Pozostali członkowie gospodarstwa domowego"),
                        "x-layout": "cards", "items": _person_schema(member=True)},
            "address": {"type": "string", "title": _("Adres zamieszkania"), "maxLength": 300,
                        "x-autocomplete": "street-address", "x-wide": True,
                        "x-placeholder": "ul. Krakowska 5, 32-065 Krzeszowice"},
            "bank_account": {"type": "string", "title": _("Numer rachunku bankowego"),
                             "description": _("Puste = wypłata w kasie."), "maxLength": 40,
                             "x-wide": True,
                             "x-placeholder": "PL00 0000 0000 0000 0000 0000 0000"},
        },
    }


def sections(fields: list[Any]) -> dict[str, Any]:
    """The rendered fields by name, so the page can lay them out in sections."""
    return {f.name: f for f in fields}
