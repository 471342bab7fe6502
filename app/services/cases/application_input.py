"""Validating an application (wniosek) as the API and the page submit it.

Every field error is collected, so one answer names all of them (as message codes). A person is
identified by PESEL, or, without one, by the register key or (when new to the register) by birth
date and sex; see :mod:`app.services.cases.register`.
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
from app.domain.messages import Code, msg
from app.domain.money import MoneyRefused, parse_money
from app.domain.party_request import asks_request
from app.domain.reasons import REASONS, RELATIONS
from app.services.kernel.errors import ValidationFailed
from app.services.kernel.json_input import clean_text
from app.services.kernel.json_numbers import WholeFloat

# Every benefit code, in catalogue order (a live view of app.domain.benefits).
BENEFITS = benefits.CODES
OTHER_BENEFITS = (
    "renta_socjalna", "swiadczenie_pielegnacyjne", "specjalny_zasilek_opiekunczy", "zasilek_dla_opiekuna",
    "dodatek_samotne_wychowywanie_bezrobocie",
)


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


_PLAIN_AMOUNT = re.compile(r"^-?[0-9]+(?:[.,][0-9]+)?$")


def _money(value: Any, path: str, errors: dict[str, str], default: str | None = "0") -> Decimal:
    """Parse a non-negative money amount given as a decimal string or integer."""
    if value is None and default is not None:
        value = default
    if isinstance(value, bool | float | WholeFloat) or value is None:
        errors[path] = msg(Code.AMOUNT_FORMAT)
        return Decimal("0")
    text = str(value).strip()
    if len(text) > 40 or not _PLAIN_AMOUNT.match(text):
        # Refused by length and shape before any conversion; "1e40" is named as too large.
        try:
            huge = len(text) <= 40 and Decimal(text) >= Decimal("10000000000")
        except (InvalidOperation, ValueError):
            huge = False
        errors[path] = msg(Code.AMOUNT_TOO_LARGE if huge or is_ascii_digits(text) else Code.AMOUNT_FORMAT)
        return Decimal("0")
    try:
        return parse_money(text, comma=True)
    except MoneyRefused as refused:
        # Not the typed value in the message: it may be personal data and messages reach logs.
        errors[path] = msg(refused.code)
        return Decimal("0")


def _text(data: dict[str, Any], key: str, path: str, errors: dict[str, str], max_len: int = 100) -> str:
    """A required name: NFC, letters of any script, no control, invisible or symbol characters."""
    value = data.get(key)
    if not isinstance(value, str) or not value.strip():
        errors[f"{path}.{key}"] = msg(Code.REQUIRED)
        return ""
    if len(value) > max_len:
        errors[f"{path}.{key}"] = msg(Code.MAX_LENGTH, limit=max_len)
    return clean_text(value, f"{path}.{key}", errors, "name")


EARLIEST_APPLICATION = date(2018, 10, 1)  # the first dated legal parameters
_REGISTER_KEY = re.compile(r"^BP-[0-9A-F]{10}$")
EARLIEST_BIRTH = date(1900, 1, 1)


def _identity(raw: dict[str, Any], path: str, errors: dict[str, str], today: date | None = None
              ) -> tuple[str | None, str | None, date | None, str | None] | None:
    """(PESEL, register key, birth date, sex) of a declared person, or None with errors.

    A PESEL identifies a person. A person without one is named by the register key given when
    they were first registered (``BP-`` and ten hex digits; birth date and sex then come from the
    register), or, when new to the register, by a birth date and sex.
    """
    pesel_raw = raw.get("pesel")
    if isinstance(pesel_raw, str) and pesel_raw.strip():
        try:
            info = parse_pesel(pesel_raw, on=today or date.today())
        except InvalidIdentifier as exc:
            errors[f"{path}.pesel"] = exc.message
            return None
        return info.number, None, info.birth_date, info.sex
    key = raw.get("register_key")
    if key not in (None, ""):
        if not isinstance(key, str) or not _REGISTER_KEY.match(key.strip().upper()):
            errors[f"{path}.register_key"] = msg(Code.REGISTER_KEY_FORMAT)
            return None
        return None, key.strip().upper(), None, None
    born_raw, sex = raw.get("birth_date"), raw.get("sex")
    if born_raw in (None, "") and sex in (None, ""):
        errors[f"{path}.pesel"] = msg(Code.PESEL_REQUIRED)
        return None
    born = None
    if not isinstance(born_raw, str) or not _ISO_DAY.match(born_raw):
        errors[f"{path}.birth_date"] = msg(Code.DATE_FORMAT)
    else:
        try:
            born = date.fromisoformat(born_raw)
        except ValueError:
            errors[f"{path}.birth_date"] = msg(Code.DATE_FORMAT)
    if born is not None and not EARLIEST_BIRTH <= born <= date.today():
        errors[f"{path}.birth_date"] = msg(Code.BIRTH_DATE_RANGE)
        born = None
    if sex not in ("F", "M"):
        errors[f"{path}.sex"] = msg(Code.CHOOSE_ONE)
    if born is None or sex not in ("F", "M"):
        return None
    return None, None, born, str(sex)


def _member(raw: Any, path: str, errors: dict[str, str], default_relation: str,
            today: date | None = None) -> MemberInput | None:
    """Validate one member (applicant or other)."""
    if not isinstance(raw, dict):
        errors[path] = msg(Code.MEMBER_EXPECTED)
        return None
    identity = _identity(raw, path, errors, today)
    first = _text(raw, "first_name", path, errors)
    last = _text(raw, "last_name", path, errors)
    relation = raw.get("relation", default_relation)
    if relation not in RELATIONS:
        errors[f"{path}.relation"] = msg(Code.RELATION_UNKNOWN, allowed=", ".join(RELATIONS))
    others = raw.get("other_benefits") or []
    if not isinstance(others, list) or any(b not in OTHER_BENEFITS for b in others):
        errors[f"{path}.other_benefits"] = msg(Code.OTHER_BENEFITS_UNKNOWN,
                                               allowed=", ".join(OTHER_BENEFITS))
        others = []
    for flag in ("unable_to_work", "disabled", "in_school", "disability_certificate",
                 "in_higher_school", "severe_disability_certificate"):
        if flag in raw and not isinstance(raw[flag], bool):
            errors[f"{path}.{flag}"] = msg(Code.BOOLEAN_EXPECTED)
    incomes: list[dict[str, Any]] = []
    if "incomes" in raw:
        if not isinstance(raw["incomes"], list):
            errors[f"{path}.incomes"] = msg(Code.INCOMES_EXPECTED)
        else:
            for i, item in enumerate(raw["incomes"]):
                ipath = f"{path}.incomes[{i}]"
                if not isinstance(item, dict):
                    errors[ipath] = msg(Code.INCOME_EXPECTED)
                    continue
                kind = item.get("kind", "other")
                if kind not in INCOME_KINDS:
                    errors[f"{ipath}.kind"] = msg(Code.INCOME_KIND_UNKNOWN,
                                                  allowed=", ".join(INCOME_KINDS))
                incomes.append({
                    "kind": kind,
                    "amount": _money(item.get("amount"), f"{ipath}.amount", errors, default=None),
                    "tax": _money(item.get("tax"), f"{ipath}.tax", errors),
                    "contributions": _money(item.get("contributions"), f"{ipath}.contributions", errors),
                    "costs": _money(item.get("costs"), f"{ipath}.costs", errors),
                    "one_off": bool(item.get("one_off", False)),
                })
    if "net_income" in raw or not incomes:
        amount = _money(raw.get("net_income"), f"{path}.net_income", errors)
        if amount:
            incomes.append({"kind": "other", "amount": amount, "tax": Decimal(0),
                            "contributions": Decimal(0), "costs": Decimal(0), "one_off": False})
    alimony = _money(raw.get("alimony_awarded"), f"{path}.alimony_awarded", errors)
    if identity is None:
        return None
    pesel, key, born, sex = identity
    return MemberInput(
        pesel=pesel, first_name=first, last_name=last, birth_date=born, sex=sex,
        register_key=key, relation=relation, unable_to_work=bool(raw.get("unable_to_work", False)),
        disabled=bool(raw.get("disabled", False)), other_benefits=list(others),
        alimony_awarded=alimony, incomes=incomes, in_school=raw.get("in_school") is True,
        disability_certificate=raw.get("disability_certificate") is True,
        in_higher_school=raw.get("in_higher_school") is True,
        severe_disability_certificate=raw.get("severe_disability_certificate") is True,
    )


# A dict: the application as checked input, keyed by its JSON fields (lane `dialect` rewrites it).
def validate_application(payload: Any, today: date) -> dict[str, Any]:
    """Validate an application payload; raise ValidationFailed naming every bad field."""
    errors: dict[str, str] = {}
    if not isinstance(payload, dict):
        raise ValidationFailed(msg(Code.JSON_OBJECT_EXPECTED), {"": msg(Code.JSON_OBJECT_EXPECTED)})
    applicant = _member(payload.get("applicant"), "applicant", errors, "applicant", today)
    members_raw = payload.get("members", [])
    members: list[MemberInput] = []
    if not isinstance(members_raw, list):
        errors["members"] = msg(Code.MEMBERS_EXPECTED)
    else:
        for i, raw in enumerate(members_raw):
            m = _member(raw, f"members[{i}]", errors, "other", today)
            if m:
                members.append(m)
    benefit = payload.get("benefit")
    if benefit not in BENEFITS:
        errors["benefit"] = msg(Code.BENEFIT_UNKNOWN, allowed=", ".join(BENEFITS))
    reason = payload.get("reason")
    if not isinstance(reason, str) or reason not in REASONS:  # a dict key: {} is unhashable
        errors["reason"] = msg(Code.REASON_UNKNOWN, allowed=", ".join(REASONS))
    urgent = payload.get("urgent", False)
    if not isinstance(urgent, bool):
        errors["urgent"] = msg(Code.BOOLEAN_EXPECTED)
    received = today
    if payload.get("application_date") is not None:
        raw_date = payload["application_date"]
        try:
            if not isinstance(raw_date, str) or not _ISO_DAY.match(raw_date):
                raise ValueError(raw_date)
            received = date.fromisoformat(raw_date)
            if received > today:
                errors["application_date"] = msg(Code.APPLICATION_DATE_FUTURE)
            elif received < EARLIEST_APPLICATION:
                errors["application_date"] = msg(Code.DATE_RANGE, earliest=str(EARLIEST_APPLICATION),
                                                 latest=str(today))
                received = today
        except ValueError:
            received = today
            errors["application_date"] = msg(Code.DATE_FORMAT)
    requested_from = _requested_from(payload.get("requested_from"), received, errors)
    requested_amount, requested_until = _party_request(payload, benefit, received, errors)
    bank_account = None
    if payload.get("bank_account") and (not isinstance(payload["bank_account"], str)
                                        or len(payload["bank_account"]) > 64):
        errors["bank_account"] = msg(Code.MAX_LENGTH, limit=64)
    elif payload.get("bank_account"):
        try:
            bank_account = parse_bank_account(str(payload["bank_account"]))
        except InvalidIdentifier as exc:
            errors["bank_account"] = exc.message
    address = payload.get("address", "")
    if not isinstance(address, str) or len(address) > 300:
        errors["address"] = msg(Code.ADDRESS_TOO_LONG, limit=300)
    elif address:
        address = clean_text(address, "address", errors, "multiline")
    register_update = payload.get("register_update", False)
    if not isinstance(register_update, bool):
        errors["register_update"] = msg(Code.BOOLEAN_EXPECTED)
    everyone = ([applicant] if applicant else []) + members
    seen: set[str] = set()
    for i, m in enumerate(everyone):
        ident = m.pesel or m.register_key
        if ident is None:
            continue  # new to the register: nothing to repeat
        if ident in seen:
            errors[f"members[{i - 1}].{'pesel' if m.pesel else 'register_key'}"] = \
                msg(Code.PERSON_DUPLICATE)
        seen.add(ident)
    if errors:
        raise ValidationFailed(msg(Code.APPLICATION_INVALID), errors)
    assert applicant is not None
    return {
        "applicant": applicant, "members": members, "benefit": benefit, "reason": reason,
        "urgent": urgent, "received_on": received, "bank_account": bank_account,
        "address": address or "", "register_update": register_update is True,
        "requested_from": requested_from,
        "requested_amount": requested_amount, "requested_until": requested_until,
    }


REQUESTED_MONTHS_AHEAD = 12
REQUESTED_UNTIL_MONTHS = 36


def _party_request(payload: dict[str, Any], benefit: Any, received: date,
                   errors: dict[str, str]) -> tuple[Decimal | None, date | None]:
    """The amount and the last day the party asks for (art. 107 § 4 KPA), where the law leaves
    them to the centre (:func:`app.domain.party_request.asks_request`); None when not stated."""
    raw_amount, raw_until = payload.get("requested_amount"), payload.get("requested_until")
    if raw_amount in (None, "") and raw_until in (None, ""):
        return None, None
    if isinstance(benefit, str) and benefit in BENEFITS and not asks_request(benefit):
        field_name = "requested_amount" if raw_amount not in (None, "") else "requested_until"
        errors[field_name] = msg(Code.REQUEST_NOT_DISCRETIONARY)
        return None, None
    amount: Decimal | None = None
    if raw_amount not in (None, ""):
        amount = _money(raw_amount, "requested_amount", errors, default=None)
        if "requested_amount" not in errors and amount <= 0:
            errors["requested_amount"] = msg(Code.AMOUNT_FORMAT)
        if "requested_amount" in errors:
            amount = None
    until: date | None = None
    if raw_until not in (None, ""):
        if not isinstance(raw_until, str) or not _ISO_DAY.match(raw_until):
            errors["requested_until"] = msg(Code.DATE_FORMAT)
        else:
            try:
                until = date.fromisoformat(raw_until)
            except ValueError:
                errors["requested_until"] = msg(Code.DATE_FORMAT)
        if until is not None:
            year, month = divmod(received.month - 1 + REQUESTED_UNTIL_MONTHS, 12)
            latest = date(received.year + year, month + 1, 1)
            if until < received:
                errors["requested_until"] = msg(Code.DATE_BEFORE, limit=received.isoformat())
                until = None
            elif until >= latest:
                errors["requested_until"] = msg(Code.DATE_RANGE, earliest=received.isoformat(),
                                                latest=latest.isoformat())
                until = None
    return amount, until


_ISO_DAY = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")


def _requested_from(value: Any, received: date, errors: dict[str, str]) -> date | None:
    """The first month asked for: a month from that of filing to a year after it, or None.

    Family benefits and FA are asked for a benefit period, often months before it starts (an
    FA application filed in August for the period from 1 October).
    """
    if value in (None, ""):
        return None
    if not isinstance(value, str) or not _ISO_DAY.match(value):
        errors["requested_from"] = msg(Code.DATE_FORMAT)
        return None
    try:
        month = date.fromisoformat(value).replace(day=1)
    except ValueError:
        errors["requested_from"] = msg(Code.DATE_FORMAT)
        return None
    first = received.replace(day=1)
    last_year, last_month = divmod(first.month - 1 + REQUESTED_MONTHS_AHEAD, 12)
    if not first <= month <= date(first.year + last_year, last_month + 1, 1):
        errors["requested_from"] = msg(Code.REQUESTED_FROM_RANGE, months=REQUESTED_MONTHS_AHEAD)
        return None
    return month
