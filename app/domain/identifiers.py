"""PESEL and Polish bank account numbers, checked with python-stdnum.

Errors are :class:`InvalidIdentifier` with a distinct ``code`` per kind of error, so the UI can
say exactly what is wrong. Messages never repeat the number itself (it is personal data and
error messages end up in logs).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from stdnum import iban
from stdnum.exceptions import (
    InvalidChecksum,
    InvalidComponent,
    InvalidFormat,
    InvalidLength,
    ValidationError,
)
from stdnum.pl import pesel

from app.domain.errors import InvalidIdentifier

__all__ = ["InvalidIdentifier", "PeselInfo", "parse_bank_account", "parse_pesel"]

PESEL_EMPTY = "pesel_empty"
PESEL_LENGTH = "pesel_length"
PESEL_NON_DIGIT = "pesel_non_digit"
PESEL_CHECKSUM = "pesel_checksum"
PESEL_BIRTH_DATE = "pesel_birth_date"
PESEL_FUTURE = "pesel_birth_date_in_future"
ACCOUNT_EMPTY = "account_empty"
ACCOUNT_COUNTRY = "account_country"
ACCOUNT_LENGTH = "account_length"
ACCOUNT_NON_DIGIT = "account_non_digit"
ACCOUNT_CHECKSUM = "account_checksum"

NRB_LENGTH = 26  # Polish account number (NRB): 2 check digits + 8 bank digits + 16 account digits


@dataclass(frozen=True)
class PeselInfo:
    """A valid PESEL with what it encodes; ``sex`` is "F" or "M"."""

    number: str
    birth_date: date
    sex: str

    def age_on(self, on: date) -> int:
        """Age in completed years on ``on``."""
        before_birthday = (on.month, on.day) < (self.birth_date.month, self.birth_date.day)
        return on.year - self.birth_date.year - before_birthday


def _clean(s: Any, empty_code: str, what: str) -> str:
    """Strip spaces and dashes; refuse non-strings and empty input."""
    if not isinstance(s, str):
        raise InvalidIdentifier(empty_code, f"The {what} must be given as text.")
    cleaned = "".join(s.split()).replace("-", "").upper()
    if not cleaned:
        raise InvalidIdentifier(empty_code, f"The {what} is empty.")
    return cleaned


def parse_pesel(s: str, on: date | None = None) -> PeselInfo:
    """Validate a PESEL and return its birth date and sex; ``on`` also refuses future births."""
    number = _clean(s, PESEL_EMPTY, "PESEL")
    if not number.isdigit() or not number.isascii():
        raise InvalidIdentifier(PESEL_NON_DIGIT, "A PESEL may contain digits only.")
    if len(number) != 11:
        raise InvalidIdentifier(
            PESEL_LENGTH, f"A PESEL has 11 digits; this one has {len(number)}."
        )
    try:
        pesel.validate(number)
    except InvalidChecksum:
        raise InvalidIdentifier(
            PESEL_CHECKSUM, "The PESEL check digit is wrong; a digit may be mistyped."
        ) from None
    except InvalidComponent:
        raise InvalidIdentifier(
            PESEL_BIRTH_DATE, "The PESEL encodes a birth date that does not exist."
        ) from None
    except (InvalidFormat, InvalidLength):  # pragma: no cover - checked above
        raise InvalidIdentifier(PESEL_NON_DIGIT, "A PESEL may contain digits only.") from None
    birth = pesel.get_birth_date(number)
    if on is not None and birth > on:
        raise InvalidIdentifier(PESEL_FUTURE, "The PESEL encodes a birth date in the future.")
    return PeselInfo(number, birth, "M" if pesel.get_gender(number) == "M" else "F")


def parse_bank_account(s: str) -> str:
    """Accept a 26-digit NRB or a PL IBAN and return the compact IBAN "PL" + 26 digits."""
    number = _clean(s, ACCOUNT_EMPTY, "bank account number")
    if number[:2].isalpha():
        if number[:2] != "PL":
            raise InvalidIdentifier(
                ACCOUNT_COUNTRY, "Only Polish bank accounts (PL) are accepted."
            )
        number = number[2:]
    if not number.isdigit() or not number.isascii():
        raise InvalidIdentifier(ACCOUNT_NON_DIGIT, "A bank account number may contain digits only.")
    if len(number) != NRB_LENGTH:
        raise InvalidIdentifier(
            ACCOUNT_LENGTH,
            f"A Polish bank account number has {NRB_LENGTH} digits; this one has {len(number)}.",
        )
    compact = "PL" + number
    try:
        iban.validate(compact)
    except ValidationError:
        # With the structure checked above, only the check digits can be wrong.
        raise InvalidIdentifier(
            ACCOUNT_CHECKSUM, "The bank account check digits are wrong; a digit may be mistyped."
        ) from None
    return compact
