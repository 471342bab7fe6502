"""Inputs of the calculator (app/services/decisions/calculator.py): a household on a day, and
the same with the benefit asked about (POST /api/eligibility). What depends on the legal
parameters (a day after their horizon, a municipal percentage below the statutory one) is the
calculator's own rule check."""

from __future__ import annotations

from typing import Any

from app.domain import benefits
from app.domain.deadlines import KINDS as DEADLINE_KINDS
from app.domain.income import MAX_AGE, SEXES
from app.domain.member_facts import DODATKI, SCHOOL_AWAY
from app.domain.messages import N_, Code
from app.domain.messages.codes_usrf import UsrfCode
from app.domain.parameters import PARAMETERS
from app.domain.reasons import RELATIONS, DisabilityDegree, SingleParentReason
from app.services.kernel.inputs.cases import OTHER_BENEFITS as MEMBER_OTHER_BENEFITS
from app.services.kernel.inputs.node import SchemaNode

MAX_MEMBERS = 30
MAX_INCOMES = 30
SHORT_TEXT = 64
MAX_HECTARES = "100000"
# The other benefits a member may receive that matter to a rule: the application's list (with
# the carer's benefits of the catalogue) and every key that the dated parameter
# "zasilek_staly.excluded_benefits" has ever listed (art. 37 ust. 5 u.p.s.).
OTHER_BENEFITS: tuple[str, ...] = tuple(sorted({
    key for p in PARAMETERS["zasilek_staly.excluded_benefits"] for key in p.value}
    | set(MEMBER_OTHER_BENEFITS)))

# An amount that may be left out or null (it is then zero).
AMOUNT: dict[str, Any] = {"type": ["string", "integer", "null"], "format": "money"}
FLAG: dict[str, Any] = {"type": ["boolean", "null"]}
DAY: dict[str, Any] = {"type": ["string", "null"], "format": "date"}


def _choice(values: tuple[str, ...]) -> SchemaNode:
    """One of ``values``, or none (empty or null)."""
    return {"type": ["string", "null"], "enum": [*values, "", None],
            "x-codes": {"enum": str(Code.CHOOSE_ONE_OR_NONE), "type": str(Code.CHOOSE_ONE_OR_NONE)},
            "x-allowed": list(values)}


INCOME_ITEM: dict[str, Any] = {
    "type": "object", "required": ["kind", "amount"], "additionalProperties": False,
    "properties": {
        "kind": {"type": "string", "maxLength": SHORT_TEXT, "x-nonblank": True,
                 "x-codes": {"maxLength": str(Code.SHORT_TEXT_TOO_LONG)}},
        "amount": {**AMOUNT, "type": ["string", "integer"]}, "tax": AMOUNT,
        "contributions": AMOUNT, "costs": AMOUNT, "one_off": FLAG}}


def _page(title: str, help: str = "") -> SchemaNode:
    """A field's label (and help) on the simulator page: Polish msgids."""
    node: SchemaNode = {"x-title": title}
    if help:
        node["x-help"] = help
    return node


MONEY_PAGE = {"x-placeholder": "0,00"}
MEMBER: dict[str, Any] = {
    "type": "object", "required": ["age"], "additionalProperties": False,
    # The simulator page's fields of a household row, in its order.
    "x-order": ["age", "sex", "relation", "net_income", "alimony_awarded", "alimony_paid",
                "unable_to_work", "disabled", "in_school", "in_higher_school",
                "disability_certificate", "severe_disability_certificate", "disability_degree",
                "disability_onset_age", "constant_care", "gave_up_work", "single_parent_reason",
                "born_on", "applied_on", "care_since", "prenatal_care", "parental_leave",
                "school_away", "dodatki", "other_benefits"],
    "properties": {
        "age": {"type": "integer", "minimum": 0, "maximum": MAX_AGE,
                "x-codes": {"type": str(Code.AGE_WHOLE)}, **_page(N_("Wiek (ukończone lata)"))},
        "sex": {**_choice(SEXES), "x-widget": "select", **_page(N_("Płeć"), N_(
            "Decyduje o wieku emerytalnym przy zasiłku stałym; bez płci przyjmuje się 65 lat."))},
        "relation": {**_choice(tuple(RELATIONS)), "x-widget": "select", **_page(
            N_("Stopień pokrewieństwa z wnioskodawcą"), N_(
            "Małżonek, partner i rodzic nigdy nie są dziećmi do zasiłku rodzinnego; puste = "
            "każda osoba poza wnioskodawcą może być dzieckiem."))},
        "unable_to_work": {**FLAG, **_page(N_("Całkowicie niezdolny/-a do pracy"))},
        "disabled": {**FLAG, **_page(N_("Osoba niepełnosprawna"))},
        "in_school": {**FLAG, **_page(N_("Uczy się w szkole (nie w szkole wyższej)"), N_(
            "Zasiłek rodzinny po 18. roku życia: tylko dziecko uczące się, do 21. roku życia."))},
        "disability_certificate": {**FLAG, **_page(
            N_("Orzeczenie o umiarkowanym lub znacznym stopniu niepełnosprawności"),
            N_("Z nauką przedłuża zasiłek rodzinny do 24. roku życia."))},
        "in_higher_school": {**FLAG, **_page(N_("Studiuje w szkole wyższej"), N_(
            "Szkoła wyższa przedłuża zasiłek rodzinny tylko z orzeczeniem (21–24 "
            "lata); fundusz alimentacyjny do 25. roku życia."))},
        "severe_disability_certificate": {**FLAG, **_page(
            N_("Orzeczenie o znacznym stopniu niepełnosprawności"),
            N_("Fundusz alimentacyjny bez względu na wiek."))},
        "child": FLAG,
        "disability_degree": {**_choice(tuple(DisabilityDegree)), "x-widget": "select",
                              **_page(N_("Rodzaj orzeczenia o niepełnosprawności"))},
        "disability_onset_age": {"type": ["integer", "null"], "minimum": 0, "maximum": MAX_AGE,
                                 "x-codes": {"type": str(Code.AGE_WHOLE)},
                                 **_page(N_("Wiek, w którym powstała niepełnosprawność"))},
        "constant_care": {**FLAG, **_page(N_(
            "Orzeczenie wskazuje konieczność stałej opieki i stałego udziału opiekuna (pkt 7 i 8)"))},
        "gave_up_work": {**FLAG, **_page(N_(
            "Nie podejmuje pracy lub z niej zrezygnował(a), by sprawować opiekę"))},
        "single_parent_reason": {**_choice(tuple(SingleParentReason)), "x-widget": "select",
                                 **_page(N_("Samotne wychowywanie dziecka: podstawa (art. 11a u.ś.r.)"))},
        "net_income": {**AMOUNT, **_page(N_("Dochód netto za miesiąc"), N_(
            "Dochód z miesiąca poprzedzającego wniosek, po odliczeniu podatku i składek.")),
                       **MONEY_PAGE},
        "alimony_awarded": {**AMOUNT, **_page(N_("Zasądzone alimenty (miesięcznie)")), **MONEY_PAGE},
        "alimony_paid": {**AMOUNT, **_page(N_("Alimenty płacone na rzecz innych osób")), **MONEY_PAGE},
        # Births and the dodatki (app.domain.dodatki).
        "born_on": {**DAY, **_page(N_("Data urodzenia (dziecka)"), N_(
            "Dodatek z tytułu urodzenia dziecka i becikowe: od daty urodzenia biegnie termin."))},
        "applied_on": {**DAY, **_page(N_("Data złożenia wniosku"))},
        "care_since": {**DAY, **_page(N_("Data objęcia dziecka opieką (opiekun, przysposobienie)"))},
        "prenatal_care": {**FLAG, **_page(N_("Matka pozostawała pod opieką medyczną od 10. tygodnia ciąży"))},
        "parental_leave": {**FLAG, **_page(N_("Przebywa na urlopie wychowawczym"))},
        "school_away": {**_choice(SCHOOL_AWAY), "x-widget": "select",
                        **_page(N_("Nauka w szkole poza miejscem zamieszkania"))},
        "dodatki": {"type": ["array", "null"], "maxItems": len(DODATKI),
                    "x-title": N_("Wnioskowane dodatki do zasiłku rodzinnego"),
                    "items": {"type": "string", "enum": list(DODATKI),
                              "x-codes": {"enum": str(UsrfCode.DODATEK_UNKNOWN),
                                          "type": str(UsrfCode.DODATEK_UNKNOWN)},
                              "x-allowed": list(DODATKI)}},
        "incomes": {"type": ["array", "null"], "maxItems": MAX_INCOMES, "items": INCOME_ITEM},
        "other_benefits": {"type": ["array", "null"], "maxItems": len(OTHER_BENEFITS),
                           "x-title": N_("Pobiera inne świadczenia"),
                           "items": {"type": "string", "enum": list(OTHER_BENEFITS),
                                     "x-codes": {"enum": str(Code.BENEFIT_UNKNOWN),
                                                 "type": str(Code.BENEFIT_UNKNOWN)},
                                     "x-allowed": list(OTHER_BENEFITS)}},
        # Not money: hectares to four places (read like an amount, with its own words).
        "farm_hectares": {"type": ["string", "integer", "null"],
                          "x-decimal": {"places": 4, "maximum": MAX_HECTARES,
                                        "what": "number of hectares", "example": "2.5"},
                          "x-openapi": {"type": "string", "example": "2.5",
                                        "pattern": r"^[0-9]{1,5}(\.[0-9]{1,4})?$",
                                        "description": f"at most {MAX_HECTARES}"}},
    }}

HOUSEHOLD_PROPERTIES: dict[str, Any] = {
    "on": {"type": "string", "format": "date", **_page(
        N_("Data, na którą liczyć"), N_("Kryteria i kwoty obowiązujące w tym dniu."))},
    "members": {"type": "array", "minItems": 1, "maxItems": MAX_MEMBERS, "items": MEMBER,
                "x-title": N_("Gospodarstwo domowe"),
                "x-codes": {"type": str(Code.MEMBERS_LIST_EXPECTED),
                            "minItems": str(Code.MEMBERS_EMPTY),
                            "maxItems": str(Code.MEMBERS_TOO_MANY)}},
    # Not money: a percentage (the gmina's resolution, art. 38 ust. 2 u.p.s.).
    "municipal_percentage": {"type": ["string", "integer", "null"], "x-widget": "number",
                             "x-title": N_("Procent zasiłku okresowego z uchwały rady gminy"),
                             "x-help": N_("Puste = ustawowe 50% różnicy (art. 38 u.p.s.)."),
                             "x-decimal": {"places": 2, "maximum": "100", "what": "percentage",
                                           "example": "70"},
                             "x-openapi": {"type": "integer", "minimum": 50, "maximum": 100}},
}

SCHEMAS: dict[str, dict[str, Any]] = {
    "Household": {"type": "object", "required": ["on", "members"], "additionalProperties": False,
                  # The page's own fields (the members are its rows, app/web/calculator).
                  "x-order": ["on", "municipal_percentage"],
                  "properties": HOUSEHOLD_PROPERTIES},
    "EligibilityRequest": {
        "type": "object", "required": ["on", "benefit", "members"], "additionalProperties": False,
        "properties": {**HOUSEHOLD_PROPERTIES,
                       "benefit": {"type": "string", "enum": list(benefits.CODES),
                                   "x-codes": {"enum": str(Code.BENEFIT_UNKNOWN),
                                               "type": str(Code.BENEFIT_UNKNOWN)},
                                   "x-allowed": list(benefits.CODES)}}},
}

MAX_DAYS = 365
SCHEMAS["DeadlineRequest"] = {
    "type": "object", "required": ["kind", "start"], "additionalProperties": False,
    "properties": {
        "kind": {"type": "string", "enum": list(DEADLINE_KINDS),
                 "x-codes": {"enum": str(Code.DEADLINE_KIND_NOT_LISTED),
                             "type": str(Code.DEADLINE_KIND_NOT_LISTED)},
                 "x-allowed": list(DEADLINE_KINDS), "x-title": N_("Rodzaj terminu"),
                 "x-widget": "select"},
        "start": {"type": "string", "format": "date", **_page(N_("Początek biegu terminu"))},
        "urgent": {**FLAG, **_page(N_("Sprawa pilna (tylko wywiad)"))},
        "days": {"type": ["integer", "null"], "minimum": 1, "maximum": MAX_DAYS,
                 "x-title": N_("Liczba dni (tylko uzupełnienie braków)"),
                 "x-help": N_("Puste = ustawowe minimum 7 dni."),
                 "x-codes": {"type": str(Code.DAYS_WHOLE)},
                 "x-openapi": {"type": "integer", "minimum": 7, "description": "supplement only"}},
    },
    # Days are given for a call to supplement only (the domain refuses them elsewhere).
    "x-openapi": {"anyOf": [{"properties": {"kind": {"const": "supplement"}}},
                            {"not": {"required": ["days"]}}]},
}
