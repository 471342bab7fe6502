"""PESEL and Polish bank account numbers, checked with python-stdnum.

Errors are :class:`InvalidIdentifier` with a distinct ``code`` per kind of error (the words are
in app/domain/messages.py), so the UI can say exactly what is wrong, in its language. Messages
never repeat the number itself (it is personal data and error messages end up in logs).
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

from app.domain.digits import is_ascii_digits
from app.domain.errors import InvalidIdentifier
from app.domain.messages import Code

__all__ = ["InvalidIdentifier", "PeselInfo", "parse_bank_account", "parse_pesel"]

# The codes as they have always been named here (the catalogue has their words).
PESEL_EMPTY = Code.PESEL_EMPTY
PESEL_LENGTH = Code.PESEL_LENGTH
PESEL_NON_DIGIT = Code.PESEL_NON_DIGIT
PESEL_CHECKSUM = Code.PESEL_CHECKSUM
PESEL_BIRTH_DATE = Code.PESEL_BIRTH_DATE
PESEL_FUTURE = Code.PESEL_FUTURE
ACCOUNT_EMPTY = Code.ACCOUNT_EMPTY
ACCOUNT_COUNTRY = Code.ACCOUNT_COUNTRY
ACCOUNT_LENGTH = Code.ACCOUNT_LENGTH
ACCOUNT_NON_DIGIT = Code.ACCOUNT_NON_DIGIT
ACCOUNT_CHECKSUM = Code.ACCOUNT_CHECKSUM

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


def _clean(s: Any, empty_code: Code) -> str:
    """Strip spaces and dashes; refuse non-strings and empty input."""
    cleaned = "".join(s.split()).replace("-", "").upper() if isinstance(s, str) else ""
    if not cleaned:
        raise InvalidIdentifier(empty_code)
    return cleaned


def parse_pesel(s: str, on: date | None = None) -> PeselInfo:
    """Validate a PESEL and return its birth date and sex; ``on`` also refuses future births."""
    number = _clean(s, PESEL_EMPTY)
    if not is_ascii_digits(number):
        raise InvalidIdentifier(PESEL_NON_DIGIT)
    if len(number) != 11:
        raise InvalidIdentifier(PESEL_LENGTH, length=len(number))
    try:
        pesel.validate(number)
    except InvalidChecksum:
        raise InvalidIdentifier(PESEL_CHECKSUM) from None
    except InvalidComponent:
        raise InvalidIdentifier(PESEL_BIRTH_DATE) from None
    except (InvalidFormat, InvalidLength):  # pragma: no cover - checked above
        raise InvalidIdentifier(PESEL_NON_DIGIT) from None
    birth = pesel.get_birth_date(number)
    if on is not None and birth > on:
        raise InvalidIdentifier(PESEL_FUTURE)
    return PeselInfo(number, birth, "M" if pesel.get_gender(number) == "M" else "F")


def parse_bank_account(s: str) -> str:
    """Accept a 26-digit NRB or a PL IBAN and return the compact IBAN "PL" + 26 digits."""
    number = _clean(s, ACCOUNT_EMPTY)
    if number[:2].isalpha():
        if number[:2] != "PL":
            raise InvalidIdentifier(ACCOUNT_COUNTRY)
        number = number[2:]
    if not is_ascii_digits(number):
        raise InvalidIdentifier(ACCOUNT_NON_DIGIT)
    if len(number) != NRB_LENGTH:
        raise InvalidIdentifier(ACCOUNT_LENGTH, expected=NRB_LENGTH, length=len(number))
    compact = "PL" + number
    try:
        iban.validate(compact)
    except ValidationError:
        # With the structure checked above, only the check digits can be wrong.
        raise InvalidIdentifier(ACCOUNT_CHECKSUM) from None
    return compact
