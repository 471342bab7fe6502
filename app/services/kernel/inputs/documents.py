"""Inputs of letters (app/services/documents/letters.py): each kind's facts, and the request
that names the kind with its facts. What depends on today or on the case (a new date after
today, an appeal dated after the decision) is the letters' own rule check."""

from __future__ import annotations

from typing import Any

from app.domain.messages import N_
from app.services.kernel.inputs.node import SchemaNode
from app.services.kernel.json_input import LONG_TEXT

MIN_DAYS, MAX_DAYS = 7, 60
TEXT: dict[str, Any] = {"type": "string", "maxLength": LONG_TEXT, "x-nonblank": True}
# A number of days: a JSON integer, or the digits a form sends.
DAYS: dict[str, Any] = {"type": "integer", "minimum": MIN_DAYS, "maximum": MAX_DAYS, "x-digits": True}
DATE: dict[str, Any] = {"type": "string", "format": "date"}


def _facts(required: list[str], **properties: dict[str, Any]) -> SchemaNode:
    return {"type": "object", "required": required, "properties": properties}


# The page texts (``x-title``) are Polish msgids, said by app/web/ui/schema_form.
LETTER_FACTS: dict[str, SchemaNode] = {
    "supplement_call": _facts(
        ["items", "days"], items={**TEXT, "x-title": N_("Braki wniosku do uzupełnienia")},
        days={**DAYS, "x-title": N_("Termin na uzupełnienie (dni, co najmniej 7)")}),
    "evidence_notice": _facts(
        ["unmet", "days"], unmet={**TEXT, "x-title": N_("Niespełnione warunki przyznania świadczenia")},
        days={**DAYS, "x-title": N_("Termin na wypowiedzenie się (dni, co najmniej 7)")}),
    "delay_notice": _facts(
        ["reason", "new_date"], reason={**TEXT, "x-title": N_("Przyczyna zwłoki")},
        new_date={**DATE, "description": "after today, within a year",
                  "x-title": N_("Nowy termin załatwienia sprawy")}),
    "sko_forward": _facts(
        ["appeal_filed_on", "appeal_received_on"],
        appeal_filed_on={**DATE, "description": "not after today",
                         "x-title": N_("Data nadania lub złożenia odwołania")},
        appeal_received_on={**DATE, "description": "not after today",
                            "x-title": N_("Data wpływu odwołania do organu")},
        enclosures={"type": "string", "maxLength": LONG_TEXT,
                    "x-title": N_("Załączniki (poza aktami sprawy i odwołaniem)")}),
}

SCHEMAS: dict[str, dict[str, Any]] = {
    **{f"LetterFacts_{kind}": dict(facts) for kind, facts in LETTER_FACTS.items()},
    "LetterRequest": {
        "type": "object", "required": ["kind", "facts"],
        "properties": {
            "kind": {"type": "string", "enum": list(LETTER_FACTS)},
            "facts": {"type": "object", "description": "the letter's fields; days 7 to "
                      "60, dates YYYY-MM-DD (new_date after today, the appeal's dates "
                      "not after it)"},
        },
        "allOf": [{"if": {"required": ["kind"], "properties": {"kind": {"const": kind}}},
                   "then": {"properties": {"facts": facts}}}
                  for kind, facts in LETTER_FACTS.items()],
    },
}


# --- the office: the issuing body and its signers' authorisations (documents/office.py) ------

# The body's title, by code (documents.office.BODIES holds its nominative and genitive).
BODY_CODES = ("wojt", "burmistrz", "prezydent")
AUTHORISATION_ACTS = ("ups", "usr", "fa")


def _line(limit: int, title: str, *, required: bool = True) -> SchemaNode:
    """One line of text (no line breaks), at most ``limit`` characters; ``title`` is the page's
    label (a Polish msgid)."""
    return {"type": "string", "maxLength": limit, "x-text": "line", "x-title": title,
            **({"x-nonblank": True} if required else {})}


def _select(values: tuple[str, ...], title: str, labels: dict[str, str]) -> SchemaNode:
    """One of ``values``, chosen on a page from a list labelled ``labels`` (Polish msgids)."""
    return {"type": "string", "enum": list(values), "x-title": title, "x-widget": "select",
            "x-titles": labels}


# The page texts (``x-title``, ``x-titles``) are Polish msgids: app/web/ui/schema_form says them.
SCHEMAS["OfficeSettings"] = {
    "type": "object", "additionalProperties": False,
    "required": ["gmina", "body", "centre_name", "centre_name_genitive", "centre_address",
                 "centre_city", "sko_name", "sko_seat", "payment_method"],
    "properties": {
        "gmina": _line(200, N_("Gmina (w dopełniaczu, np. „Gminy Krzeszowice”)")),
        "body": _select(BODY_CODES, N_("Organ"), {"wojt": N_("Wójt"), "burmistrz": N_("Burmistrz"),
                                                  "prezydent": N_("Prezydent")}),
        "centre_name": _line(300, N_("Nazwa ośrodka")),
        "centre_name_genitive": _line(300, N_(
            "Nazwa ośrodka w dopełniaczu (np. „w siedzibie Ośrodka Pomocy Społecznej w "
            "Krzeszowicach”)")),
        "centre_address": _line(300, N_("Adres ośrodka")),
        "centre_city": _line(100, N_("Miejscowość (w nagłówku pism)")),
        "sko_name": _line(300, N_("Samorządowe Kolegium Odwoławcze")),
        "sko_seat": _line(300, N_("Siedziba SKO (adres)")),
        "payment_method": _line(1000, N_("Wypłata gotówkowa (gdzie)")),
        "payment_day": _line(1000, N_("Termin wypłaty (np. „do 10. dnia każdego miesiąca”)"),
                             required=False)},
}
SCHEMAS["SignerAuthorisation"] = {
    "type": "object", "additionalProperties": False,
    "required": ["username", "act", "position", "number", "issued_on"],
    "properties": {
        "username": _line(100, N_("Login")),
        # The acts by their abbreviations and the provisions of the authorisation.
        "act": _select(AUTHORISATION_ACTS, N_("Ustawa"), {
            "ups": N_("u.p.s. (art. 110 ust. 7–8)"), "usr": N_("u.ś.r. (art. 20)"),
            "fa": N_("fundusz alimentacyjny")}),
        "position": _line(200, N_("Stanowisko")), "number": _line(100, N_("Numer upoważnienia")),
        "issued_on": {**DATE, "x-title": N_("Data upoważnienia")},
        "valid_until": {**DATE, "x-title": N_("Ważne do (puste: bezterminowo)")}},
}
