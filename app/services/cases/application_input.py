"""Validating an application (wniosek) as the API and the page submit it.

The application is the input schema ``CaseRequest`` (app/services/kernel/inputs/cases.py, the
one input dialect: money and date formats, coded field errors under their paths). What no
schema says is checked here, on the same body, into the same map of field errors, so one
answer names every bad field: a PESEL's check digit and birth date, the register key, a birth
date in the past, a person named twice, a date after the day of filing, a benefit in the live
catalogue and the party's request (art. 107 § 4 KPA). A person is identified by PESEL, or,
without one, by the register key or (when new to the register) by birth date and sex; see
:mod:`app.services.cases.register`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from app.domain import benefits
from app.domain.digits import is_ascii_digits
from app.domain.identifiers import InvalidIdentifier, parse_bank_account, parse_pesel
from app.domain.income import INCOME_KINDS
from app.domain.messages import Code, Msg, msg
from app.domain.money import MoneyRefused, parse_money
from app.domain.party_request import asks_request
from app.domain.reasons import REASONS
from app.services.kernel import inputs
from app.services.kernel.errors import ValidationFailed
from app.services.kernel.inputs.cases import OTHER_BENEFITS, REGISTER_KEY_PATTERN
from app.services.kernel.inputs.formats import API_EXAMPLE, Refused, read_date
from app.services.kernel.json_numbers import WholeFloat

__all__ = ["BENEFITS", "INCOME_KINDS", "OTHER_BENEFITS", "MemberInput", "validate_application"]
# Every benefit code, in catalogue order (a live view of app.domain.benefits).
BENEFITS = benefits.CODES
SCHEMA = "CaseRequest"


@dataclass
class MemberInput:
    """A validated household member."""

    pesel: str | None
    first_name: str
    last_name: str
    # None for a person named by register key: the register knows them.
    birth_date: date | None
    sex: str | None
    relation: str
    unable_to_work: bool
    disabled: bool
    other_benefits: list[str]
    alimony_awarded: Decimal
    incomes: list[dict[str, Any]] = field(default_factory=list)
    in_school: bool = False
    disability_certificate: bool = False
    # Issue 13: in_school is a szkoła; a szkoła wyższa and a severe degree are facts of their own.
    in_higher_school: bool = False
    severe_disability_certificate: bool = False
    register_key: str | None = None
    # Issue 16: the facts of the care benefits and the dodatki (app.domain.reasons.CARE_FACTS).
    disability_degree: str | None = None
    disability_onset_age: int | None = None
    constant_care: bool = False
    gave_up_work: bool = False
    single_parent_reason: str | None = None
    # Issue 16: births and the dodatki (app.domain.member_facts.BIRTH_FACTS).
    prenatal_care: bool = False
    care_since: date | None = None
    parental_leave: bool = False
    school_away: str | None = None
    dodatki: list[str] = field(default_factory=list)


EARLIEST_APPLICATION = date(2018, 10, 1)  # the first dated legal parameters
EARLIEST_BIRTH = date(1900, 1, 1)
REQUESTED_MONTHS_AHEAD = 12
REQUESTED_UNTIL_MONTHS = 36
_REGISTER_KEY = re.compile(REGISTER_KEY_PATTERN)
# Optional fields where an empty string is a field left empty, as the application always took it.
_BLANK_IS_ABSENT = ("requested_from", "requested_amount", "requested_until")
_BLANK_IS_ABSENT_IN_MEMBER = ("register_key", "birth_date", "sex")
_MONEY_PATH = re.compile(
    r"(^requested_amount|\.(net_income|alimony_awarded|amount|tax|contributions|costs))$")
_PLAIN_AMOUNT = re.compile(r"^-?[0-9]+(?:[.,][0-9]+)?$")
_YEAR = re.compile(r"[0-9]{4}")


# A dict: the typed application, the payload open_case and the case page's re-render both read.
def validate_application(payload: Any, today: date, *, page: bool) -> dict[str, Any]:
    """The application checked and typed; ValidationFailed (422) naming every bad field.

    ``page`` (no default: each caller says where the body comes from): typed on a page (a Polish
    comma in amounts, dd.mm.rrrr dates); the API's use cases pass ``page=False``
    (app/services/cases/opening.py), which refuses a comma.
    """
    if not isinstance(payload, dict):
        raise ValidationFailed(msg(Code.JSON_OBJECT_EXPECTED), {"": msg(Code.JSON_OBJECT_EXPECTED)})
    body = _without_blanks(payload)
    typed, errors = inputs.read(SCHEMA, body, page=page)
    for path in [p for p in errors if _MONEY_PATH.search(p)]:
        errors[path] = _amount_problem(_at(body, path), page) or errors[path]
    received = _rules(body, today, page, errors)
    if errors:
        raise ValidationFailed(msg(Code.APPLICATION_INVALID), errors)
    applicant = _member(typed["applicant"], "applicant", today)
    members = [_member(m, "other", today) for m in typed.get("members") or []]
    requested_from = typed.get("requested_from")
    account = typed.get("bank_account")
    return {
        "applicant": applicant, "members": members, "benefit": typed["benefit"],
        "reason": typed.get("reason", "") if benefits.get(typed["benefit"]).social_assistance else "",
        "urgent": typed.get("urgent", False), "received_on": received,
        "bank_account": parse_bank_account(account) if account else None,
        "address": typed.get("address") or "", "register_update": typed.get("register_update") is True,
        "requested_from": requested_from.replace(day=1) if requested_from else None,
        "requested_amount": typed.get("requested_amount"),
        "requested_until": typed.get("requested_until"),
    }


# A dict: the body as posted (free JSON), less its empty optional fields.
def _without_blanks(payload: dict[str, Any]) -> dict[str, Any]:
    """The body with the empty optional fields left out (they were never an error)."""
    def person(raw: Any) -> Any:
        if not isinstance(raw, dict):
            return raw
        return {k: v for k, v in raw.items() if not (k in _BLANK_IS_ABSENT_IN_MEMBER and v == "")}

    body = {k: v for k, v in payload.items() if not (k in _BLANK_IS_ABSENT and v == "")}
    if "applicant" in body:
        body["applicant"] = person(body["applicant"])
    if isinstance(body.get("members"), list):
        body["members"] = [person(m) for m in body["members"]]
    return body


def _at(body: Any, path: str) -> Any:
    """The value at ``members[0].incomes[1].amount`` of ``body`` (None where there is none)."""
    node = body
    for name, index in re.findall(r"([^.\[\]]+)|\[([0-9]+)\]", path):
        if index:
            node = node[int(index)] if isinstance(node, list) and int(index) < len(node) else None
        else:
            node = node.get(name) if isinstance(node, dict) else None
    return node


def _amount_problem(value: Any, page: bool) -> Msg | None:
    """The application's word for a wrong amount: a float or a boolean is not an amount, an
    exponent or a run of digits is too large; a comma through the API is refused with the
    dialect's own word (a decimal string, "1234.56"). Never the typed value: it may be
    personal data, and messages reach logs."""
    if isinstance(value, bool | float | WholeFloat) or value is None:
        return msg(Code.AMOUNT_FORMAT)
    text = str(value).strip()
    if not page and "," in text and _PLAIN_AMOUNT.match(text):
        return msg(Code.AMOUNT_DECIMAL_STRING, example=API_EXAMPLE)
    if len(text) > 40 or not _PLAIN_AMOUNT.match(text):
        try:  # "1e40" is named as too large
            huge = len(text) <= 40 and Decimal(text) >= Decimal("10000000000")
        except (InvalidOperation, ValueError):
            huge = False
        return msg(Code.AMOUNT_TOO_LARGE if huge or is_ascii_digits(text) else Code.AMOUNT_FORMAT)
    try:
        parse_money(text, comma=page)
    except MoneyRefused as refused:
        return msg(refused.code)
    return None


def _day(value: Any, page: bool) -> date | None:
    try:
        return read_date(value, page=page)
    except Refused:
        return None


def _out_of_range(errors: dict[str, str], path: str) -> bool:
    """The date format found a real day outside the years of the register (the rule says why)."""
    found = errors.get(path)
    return isinstance(found, Msg) and found.code is Code.DATE_RANGE


def _year(value: Any) -> int:
    found = _YEAR.search(value) if isinstance(value, str) else None
    return int(found.group()) if found else 0


def _rules(body: dict[str, Any], today: date, page: bool, errors: dict[str, str]) -> date:
    """What the schema cannot say, into ``errors``; the day the application was received."""
    people: list[tuple[str, Any]] = [("applicant", body.get("applicant"))]
    if isinstance(body.get("members"), list):
        people += [(f"members[{i}]", m) for i, m in enumerate(body["members"])]
    seen: set[str] = set()
    for path, raw in people:
        if not isinstance(raw, dict):
            errors.setdefault(path, msg(Code.MEMBER_EXPECTED))
            continue
        ident = _identity(raw, path, errors, today, page)
        if ident is not None:
            if ident in seen:
                errors[f"{path}.{'pesel' if raw.get('pesel') else 'register_key'}"] = \
                    msg(Code.PERSON_DUPLICATE)
            seen.add(ident)
        if isinstance(raw.get("incomes"), list):
            for i, item in enumerate(raw["incomes"]):
                if isinstance(item, dict) and "amount" not in item:
                    errors.setdefault(f"{path}.incomes[{i}].amount", msg(Code.AMOUNT_FORMAT))
    benefit = body.get("benefit")
    if not isinstance(benefit, str) or benefit not in BENEFITS:
        errors["benefit"] = msg(Code.BENEFIT_UNKNOWN, allowed=", ".join(BENEFITS))
    # An art. 7 u.p.s. reason belongs to social assistance; a family benefit or FA has none.
    entry = benefits.find(benefit)
    if "reason" not in body and (entry is None or entry.social_assistance):
        errors["reason"] = msg(Code.REASON_UNKNOWN, allowed=", ".join(REASONS))
    received = _received(body.get("application_date"), today, page, errors)
    _requested_from(body.get("requested_from"), received, page, errors)
    _party_request(body, benefit, received, page, errors)
    account = body.get("bank_account")
    if account and isinstance(account, str) and "bank_account" not in errors:
        try:
            parse_bank_account(account)
        except InvalidIdentifier as exc:
            errors["bank_account"] = exc.message
    return received


def _identity(raw: dict[str, Any], path: str, errors: dict[str, str], today: date, page: bool
              ) -> str | None:
    """The PESEL or register key naming a declared person (None for one new to the register).

    A PESEL identifies a person. A person without one is named by the register key given when
    they were first registered (``BP-`` and ten hex digits; birth date and sex then come from the
    register), or, when new to the register, by a birth date and sex.
    """
    pesel = raw.get("pesel")
    if isinstance(pesel, str) and pesel.strip():
        try:
            return parse_pesel(pesel, on=today).number
        except InvalidIdentifier as exc:
            errors[f"{path}.pesel"] = exc.message
            return None
    key = raw.get("register_key")
    if key is not None:
        if not isinstance(key, str) or not _REGISTER_KEY.match(key.strip().upper()):
            errors.setdefault(f"{path}.register_key", msg(Code.REGISTER_KEY_FORMAT))
            return None
        return key.strip().upper()
    born, sex = raw.get("birth_date"), raw.get("sex")
    if born is None and sex is None:
        errors.setdefault(f"{path}.pesel", msg(Code.PESEL_REQUIRED))
        return None
    where = f"{path}.birth_date"
    if born is None:
        errors.setdefault(where, msg(Code.DATE_FORMAT))
    elif _out_of_range(errors, where) or where not in errors and (day := _day(born, page)) is not None \
            and not EARLIEST_BIRTH <= day <= today:
        errors[where] = msg(Code.BIRTH_DATE_RANGE)
    if sex is None:
        errors.setdefault(f"{path}.sex", msg(Code.CHOOSE_ONE))
    return None


def _received(value: Any, today: date, page: bool, errors: dict[str, str]) -> date:
    """The day of filing: ``application_date`` (from EARLIEST_APPLICATION to today), else today."""
    if value is None or "application_date" in errors and not _out_of_range(errors, "application_date"):
        return today
    day = _day(value, page)
    if (day is not None and day > today) or (day is None and _year(value) > today.year):
        errors["application_date"] = msg(Code.APPLICATION_DATE_FUTURE)
        return today
    if day is None or day < EARLIEST_APPLICATION:
        errors["application_date"] = msg(Code.DATE_RANGE, earliest=str(EARLIEST_APPLICATION),
                                         latest=str(today))
        return today
    return day


def _months_after(first: date, months: int) -> date:
    year, month = divmod(first.month - 1 + months, 12)
    return date(first.year + year, month + 1, 1)


def _requested_from(value: Any, received: date, page: bool, errors: dict[str, str]) -> None:
    """The first month asked for: a month from that of filing to a year after it.

    Family benefits and FA are asked for a benefit period, often months before it starts (an
    FA application filed in August for the period from 1 October).
    """
    if value is None or "requested_from" in errors and not _out_of_range(errors, "requested_from"):
        return
    day = _day(value, page)
    first = received.replace(day=1)
    if day is None or not first <= day.replace(day=1) <= _months_after(first, REQUESTED_MONTHS_AHEAD):
        errors["requested_from"] = msg(Code.REQUESTED_FROM_RANGE, months=REQUESTED_MONTHS_AHEAD)


def _party_request(body: dict[str, Any], benefit: Any, received: date, page: bool,
                   errors: dict[str, str]) -> None:
    """The amount and the last day the party asks for (art. 107 § 4 KPA), only where the law
    leaves them to the centre (:func:`app.domain.party_request.asks_request`)."""
    amount, until = body.get("requested_amount"), body.get("requested_until")
    if amount is None and until is None:
        return
    if isinstance(benefit, str) and benefit in BENEFITS and not asks_request(benefit):
        errors["requested_amount" if amount is not None else "requested_until"] = \
            msg(Code.REQUEST_NOT_DISCRETIONARY)
        return
    if amount is not None and "requested_amount" not in errors:
        try:
            if parse_money(amount, comma=page) <= 0:
                errors["requested_amount"] = msg(Code.AMOUNT_FORMAT)
        except MoneyRefused:
            errors["requested_amount"] = msg(Code.AMOUNT_FORMAT)
    if until is None or "requested_until" in errors and not _out_of_range(errors, "requested_until"):
        return
    day = _day(until, page)
    latest = _months_after(received, REQUESTED_UNTIL_MONTHS)
    if (day is not None and day < received) or (day is None and _year(until) < received.year):
        errors["requested_until"] = msg(Code.DATE_BEFORE, limit=received.isoformat())
    elif day is None or day >= latest:
        errors["requested_until"] = msg(Code.DATE_RANGE, earliest=received.isoformat(),
                                        latest=latest.isoformat())


def _member(raw: dict[str, Any], default_relation: str, today: date) -> MemberInput:
    """One valid, typed member (applicant or other)."""
    pesel, key = raw.get("pesel") or None, raw.get("register_key") or None
    born, sex = raw.get("birth_date"), raw.get("sex")
    if pesel:
        info = parse_pesel(pesel, on=today)
        pesel, key, born, sex = info.number, None, info.birth_date, info.sex
    elif key:
        key, born, sex = key.upper(), None, None
    incomes = [{"kind": item.get("kind", "other"), "amount": item["amount"],
                **{k: _zero(item.get(k)) for k in ("tax", "contributions", "costs")},
                "one_off": item.get("one_off") is True} for item in raw.get("incomes") or []]
    if "net_income" in raw or not incomes:
        amount = _zero(raw.get("net_income"))
        if amount:
            incomes.append({"kind": "other", "amount": amount, "tax": Decimal(0),
                            "contributions": Decimal(0), "costs": Decimal(0), "one_off": False})
    return MemberInput(
        pesel=pesel, first_name=raw["first_name"], last_name=raw["last_name"], birth_date=born,
        sex=sex, register_key=key, relation=raw.get("relation", default_relation),
        unable_to_work=raw.get("unable_to_work") is True, disabled=raw.get("disabled") is True,
        other_benefits=list(raw.get("other_benefits") or []),
        alimony_awarded=_zero(raw.get("alimony_awarded")), incomes=incomes,
        in_school=raw.get("in_school") is True,
        disability_certificate=raw.get("disability_certificate") is True,
        in_higher_school=raw.get("in_higher_school") is True,
        severe_disability_certificate=raw.get("severe_disability_certificate") is True,
        disability_degree=raw.get("disability_degree") or None,
        disability_onset_age=raw.get("disability_onset_age"),
        constant_care=raw.get("constant_care") is True, gave_up_work=raw.get("gave_up_work") is True,
        single_parent_reason=raw.get("single_parent_reason") or None,
        prenatal_care=raw.get("prenatal_care") is True, care_since=raw.get("care_since"),
        parental_leave=raw.get("parental_leave") is True,
        school_away=raw.get("school_away") or None,
        dodatki=list(dict.fromkeys(raw.get("dodatki") or [])),
    )


def _zero(amount: Decimal | None) -> Decimal:
    """An amount left out (or null) is zero."""
    return Decimal(0) if amount is None else amount
