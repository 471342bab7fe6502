"""The application (wniosek) as the API and the page submit it: ``CaseRequest``, one member
schema for the applicant and every other member of the household.

What a schema cannot say stays with the service (app/services/cases/application_input.py) and
is reported in the same pass: a PESEL's check digit and birth date, the register key's shape, a
person named twice, a date after the day of filing, a benefit in the live catalogue, and
whether the law lets the party ask for an amount or a period (art. 107 § 4 KPA). Unknown fields
are ignored, as the application always did.
"""

from __future__ import annotations

from typing import Any

from app.domain import benefits
from app.domain.income import INCOME_KINDS, MAX_AGE
from app.domain.member_facts import DODATKI, SCHOOL_AWAY
from app.domain.messages import Code, MessageCode
from app.domain.messages.codes_usrf import UsrfCode
from app.domain.party_request import asks_request
from app.domain.reasons import (
    OTHER_BENEFITS_OUTSIDE_CATALOGUE,
    REASONS,
    RELATIONS,
    DisabilityDegree,
    SingleParentReason,
)
from app.services.kernel.inputs.export import DAY, MONTH
from app.services.kernel.inputs.node import SchemaNode

# The other benefits a household member may already receive (the application's checkboxes):
# the keys outside the catalogue (app.domain.reasons) and the carer's benefits of the catalogue
# (świadczenie pielęgnacyjne, specjalny zasiłek opiekuńczy), named by their codes.
OTHER_BENEFITS = (
    OTHER_BENEFITS_OUTSIDE_CATALOGUE[0], *benefits.carer_benefits(),
    *OTHER_BENEFITS_OUTSIDE_CATALOGUE[1:],
)
REGISTER_KEY_PATTERN = r"^BP-[0-9A-F]{10}$"
NAME_LENGTH = 100
ADDRESS_LENGTH = 300
ACCOUNT_LENGTH = 64

FLAG: dict[str, Any] = {"type": "boolean", "x-codes": {"type": str(Code.BOOLEAN_EXPECTED)}}
# An amount that may be left out or null (it is then zero).
AMOUNT: dict[str, Any] = {"type": ["string", "integer", "null"], "format": "money",
                          "x-codes": {"type": str(Code.AMOUNT_FORMAT)}}
DAY_OR_NONE: dict[str, Any] = {"type": ["string", "null"], "format": "date",
                               "x-codes": {"type": str(Code.DATE_FORMAT)}}


def _choice(values: list[str], code: Code) -> SchemaNode:
    """One of ``values``; anything else is said with ``code`` naming the choices."""
    return {"type": "string", "enum": values, "x-allowed": values,
            "x-codes": {"enum": str(code), "type": str(code)}}


def _choice_or_none(values: list[str], code: MessageCode, description: str) -> SchemaNode:
    """One of ``values``, or none (left out, empty or null)."""
    return {"type": ["string", "null"], "enum": [*values, "", None], "x-allowed": values,
            "x-codes": {"enum": str(code), "type": str(code)},
            "x-openapi": {"type": "string", "enum": values, "description": description}}


def _name() -> SchemaNode:
    return {"type": "string", "maxLength": NAME_LENGTH, "x-text": "name", "x-nonblank": True,
            "x-codes": {"type": str(Code.REQUIRED), "maxLength": str(Code.MAX_LENGTH)}}


INCOME: dict[str, Any] = {
    "type": "object", "x-codes": {"type": str(Code.INCOME_EXPECTED)},
    # The amount is required (said as a wrong amount, by the service).
    "x-openapi": {"required": ["kind", "amount"]},
    "properties": {
        "kind": _choice(list(INCOME_KINDS), Code.INCOME_KIND_UNKNOWN),
        "amount": {**AMOUNT, "type": ["string", "integer"]},
        "tax": AMOUNT, "contributions": AMOUNT, "costs": AMOUNT,
        "one_off": {"type": ["boolean", "null"], "x-codes": {"type": str(Code.BOOLEAN_EXPECTED)},
                    "x-openapi": {"type": "boolean"}},
    }}

# A birth date in the past, whatever day the run is on (the server refuses a future birth).
_PAST_BIRTH = f"^(19[0-9]{{2}}|20[01][0-9]|202[0-5])-{MONTH}-{DAY}$"

MEMBER: dict[str, Any] = {
    "type": "object", "required": ["first_name", "last_name"],
    "x-codes": {"type": str(Code.MEMBER_EXPECTED)},
    "x-openapi": {
        "description": "Identified by pesel; a person without a PESEL by register_key (already in "
                       "the register) or, when new, by birth_date and sex",
        # A PESEL, else a register key, else (new to the register) a birth date and sex.
        "anyOf": [{"required": ["pesel"]}, {"required": ["register_key"]},
                  {"required": ["birth_date", "sex"]}]},
    "properties": {
        # Its check digit and the birth date it encodes are the service's (parse_pesel).
        "pesel": {"type": ["string", "null"], "x-text": "line",
                  "x-openapi": {"type": "string", "pattern": "^[0-9]{11}$",
                                "description": "11 digits; the check digit and the birth date it "
                                               "encodes are checked by the server (422)"}},
        "register_key": {"type": ["string", "null"], "x-text": "line",
                         "x-codes": {"type": str(Code.REGISTER_KEY_FORMAT)},
                         "x-openapi": {"type": "string", "pattern": REGISTER_KEY_PATTERN}},
        "birth_date": {**DAY_OR_NONE, "x-openapi": {"type": "string", "pattern": _PAST_BIRTH}},
        "sex": {"type": ["string", "null"], "enum": ["F", "M", None],
                "x-codes": {"enum": str(Code.CHOOSE_ONE), "type": str(Code.CHOOSE_ONE)},
                "x-openapi": {"type": "string", "enum": ["F", "M"]}},
        "first_name": _name(), "last_name": _name(),
        "relation": _choice(list(RELATIONS), Code.RELATION_UNKNOWN),
        "net_income": AMOUNT,
        "incomes": {"type": "array", "items": INCOME,
                    "x-codes": {"type": str(Code.INCOMES_EXPECTED)}},
        "unable_to_work": FLAG, "disabled": FLAG,
        "disability_certificate": {**FLAG,
                                   "description": "moderate or severe degree (art. 6 ust. 1 u.ś.r.)"},
        "in_school": {**FLAG, "description": "in a szkoła, not a szkoła wyższa "
                                             "(art. 6 ust. 1 pkt 2 u.ś.r.)"},
        "in_higher_school": {**FLAG, "description": "in a szkoła wyższa (art. 6 ust. 1 pkt 3 "
                                                    "u.ś.r.; art. 9 ust. 1 of the FA act)"},
        "severe_disability_certificate": {
            **FLAG, "description": "severe degree, znaczny stopień (art. 9 ust. 1 of the FA act)"},
        # Every one a known benefit; the error names the list, not one item.
        "other_benefits": {"type": ["array", "null"],
                           "not": {"contains": {"not": {"enum": list(OTHER_BENEFITS)}}},
                           "x-allowed": list(OTHER_BENEFITS),
                           "x-codes": {"type": str(Code.OTHER_BENEFITS_UNKNOWN),
                                       "not": str(Code.OTHER_BENEFITS_UNKNOWN)},
                           "x-openapi": {"type": "array", "items": {
                               "type": "string", "enum": list(OTHER_BENEFITS)}}},
        "alimony_awarded": AMOUNT,
        # The care benefits and the dodatki (issue 16); all optional.
        "disability_degree": _choice_or_none(list(DisabilityDegree), Code.DISABILITY_DEGREE_UNKNOWN,
                                             "orzeczenie: child (under 16), lekki, umiarkowany, znaczny"),
        "disability_onset_age": {"type": ["integer", "null"], "minimum": 0, "maximum": MAX_AGE,
                                 "x-codes": {"type": str(Code.AGE_WHOLE), "minimum": str(Code.AGE_WHOLE),
                                             "maximum": str(Code.AGE_WHOLE)},
                                 "x-openapi": {"type": "integer", "minimum": 0, "maximum": MAX_AGE,
                                               "description": "the age at which the disability arose"}},
        "constant_care": {**FLAG, "description": "the certificate states the need of constant care "
                                                 "and the carer's constant part in treatment"},
        "gave_up_work": {**FLAG, "description": "the carer does not take up work, or gave it up, "
                                                "to care"},
        "single_parent_reason": _choice_or_none(list(SingleParentReason),
                                                Code.SINGLE_PARENT_REASON_UNKNOWN,
                                                "the ground of art. 11a u.ś.r. (on the applicant)"),
        # Births and the dodatki (issue 16, app.domain.dodatki); all optional.
        "prenatal_care": {**FLAG, "description": "a child: the mother was under medical care from "
                                                 "the 10th week of pregnancy (art. 9 ust. 5, art. "
                                                 "15b ust. 5 u.ś.r.)"},
        "care_since": {**DAY_OR_NONE, "x-openapi": {
            "type": "string", "format": "date", "description": "a child: the day a guardian or "
            "an adopting parent took it into care (art. 9 ust. 6, art. 15b ust. 6 u.ś.r.)"}},
        "parental_leave": {**FLAG, "description": "a parent on urlop wychowawczy (art. 10 u.ś.r.)"},
        "school_away": _choice_or_none(list(SCHOOL_AWAY), UsrfCode.SCHOOL_AWAY_UNKNOWN,
                                       "a child learning away from home: living where the school "
                                       "is, or commuting (art. 15 u.ś.r.)"),
        "dodatki": {"type": ["array", "null"],
                    "not": {"contains": {"not": {"enum": list(DODATKI)}}},
                    "x-allowed": list(DODATKI),
                    "x-codes": {"type": str(UsrfCode.DODATEK_UNKNOWN),
                                "not": str(UsrfCode.DODATEK_UNKNOWN)},
                    "x-openapi": {"type": "array", "description": "the applicant: the dodatki to "
                                  "zasiłek rodzinny asked for (art. 8 u.ś.r.)",
                                  "items": {"type": "string", "enum": list(DODATKI)}}},
    }}


def without_request() -> list[str]:
    """The benefits whose application records no request (art. 107 § 4 KPA)."""
    return [code for code in benefits.CODES if not asks_request(code)]


def social_assistance() -> list[str]:
    """The benefits whose application names an art. 7 u.p.s. reason."""
    return [code for code in benefits.CODES if benefits.get(code).social_assistance]


CASE_REQUEST: dict[str, Any] = {
    "type": "object",
    "x-openapi": {
        "required": ["applicant", "benefit"],
        # Art. 107 § 4 KPA: a request is recorded only where the act leaves the amount or
        # period to the centre.
        "allOf": [{"if": {"required": ["benefit"],
                          "properties": {"benefit": {"enum": without_request()}}},
                   "then": {"properties": {"requested_amount": {"type": "null"},
                                           "requested_until": {"type": "null"}}}},
                  # An art. 7 reason only for social assistance (u.p.s.); a family benefit or FA
                  # has none (it is not kept when given).
                  {"if": {"required": ["benefit"],
                          "properties": {"benefit": {"enum": social_assistance()}}},
                   "then": {"required": ["reason"]}}]},
    "properties": {
        "applicant": MEMBER,
        "members": {"type": "array", "items": MEMBER,
                    "x-codes": {"type": str(Code.MEMBERS_EXPECTED)}},
        # The catalogue is live (app.domain.benefits): the service checks the code.
        "benefit": {"type": "string", "x-codes": {"type": str(Code.BENEFIT_UNKNOWN)},
                    "x-openapi": {"enum": list(benefits.CODES)}},
        "reason": {**_choice(list(REASONS), Code.REASON_UNKNOWN),
                   "description": "art. 7 u.p.s. code; required for a u.p.s. benefit only"},
        "urgent": FLAG,
        "application_date": {
            **DAY_OR_NONE, "description": "from 2018-10-01 (the first dated legal parameters) "
                                          "to today",
            "x-openapi": {"type": "string", "pattern": r"^(2018-1[0-2]|(2019|202[0-5])-(0[1-9]|1[0-2]))-"
                                                       r"(0[1-9]|[12][0-9]|3[01])$"}},
        "requested_from": {**DAY_OR_NONE, "description": "first month asked for (a benefit "
                                                         "period); default: the month of filing",
                           "x-openapi": {"type": "string"}},
        "requested_amount": {**AMOUNT, "x-positive": True,
                             "description": "the amount the party asks for (a month, or once)",
                             "x-openapi": {"type": ["string", "null"]}},
        "requested_until": {**DAY_OR_NONE,
                            "description": "the last day of the period the party asks for",
                            "x-openapi": {"type": ["string", "null"]}},
        "address": {"type": "string", "maxLength": ADDRESS_LENGTH,
                    "x-codes": {"maxLength": str(Code.ADDRESS_TOO_LONG)}},
        # Its check digits are the service's (parse_bank_account).
        "bank_account": {"type": ["string", "null"], "maxLength": ACCOUNT_LENGTH, "x-text": "line",
                         "x-codes": {"maxLength": str(Code.MAX_LENGTH)},
                         "x-openapi": {"type": "string", "pattern": "^(PL)?[0-9]{26}$",
                                       "description": "26-digit NRB (or PL IBAN); its check "
                                                      "digits are checked by the server (422)"}},
        # A boolean said as a choice: the tests read a name ending in "date" as a day.
        "register_update": {"enum": [True, False],
                            "x-codes": {"enum": str(Code.BOOLEAN_EXPECTED)},
                            "x-openapi": {"type": "boolean"},
                            "description": "apply the differences from the register (see "
                                           "/api/cases/check) to the register, with history"},
    },
}

SCHEMAS: dict[str, dict[str, Any]] = {"CaseRequest": CASE_REQUEST}
