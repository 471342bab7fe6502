"""PESEL and bank account parsing."""

from __future__ import annotations

from datetime import date

import pytest

from app.domain.errors import InvalidIdentifier
from app.domain.identifiers import parse_bank_account, parse_pesel

from .helpers import make_pesel, pesel_check_digit

IBAN = "PL61109010140000071219812874"


def test_known_valid_pesel() -> None:
    info = parse_pesel("44051401359")
    assert info.number == "44051401359"
    assert info.birth_date == date(1944, 5, 14)
    assert info.sex == "M"
    assert info.age_on(date(2025, 5, 13)) == 80
    assert info.age_on(date(2025, 5, 14)) == 81


def test_pesel_of_the_2000s() -> None:
    # the brief's sample 02270803628 has a wrong check digit; the valid one ends in 4
    assert pesel_check_digit("0227080362") == "4"
    info = parse_pesel("02270803624")
    assert info.birth_date == date(2002, 7, 8) and info.sex == "F"


@pytest.mark.parametrize(
    ("year", "month", "day", "sex"),
    [(1899, 12, 31, "M"), (1950, 1, 1, "F"), (2000, 2, 29, "M"), (2024, 12, 24, "F"),
     (2105, 6, 1, "F")],
)
def test_generated_pesels(year: int, month: int, day: int, sex: str) -> None:
    info = parse_pesel(make_pesel(year, month, day, sex=sex))
    assert info.birth_date == date(year, month, day) and info.sex == sex


def test_pesel_separators_are_ignored() -> None:
    assert parse_pesel(" 440514-01359 ").number == "44051401359"


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("", "pesel_empty"),
        ("   ", "pesel_empty"),
        ("4405140135", "pesel_length"),
        ("440514013590", "pesel_length"),
        ("4405140135X", "pesel_non_digit"),
        ("44O51401359", "pesel_non_digit"),
        ("44051401358", "pesel_checksum"),
        ("02270803628", "pesel_checksum"),
        ("02381307589", "pesel_birth_date"),  # month 18: no such month
    ],
)
def test_invalid_pesels(raw: str, code: str) -> None:
    with pytest.raises(InvalidIdentifier) as e:
        parse_pesel(raw)
    assert e.value.code == code
    assert e.value.message.endswith(".")
    if raw.strip():
        assert raw.strip() not in e.value.message  # personal data stays out of messages


def test_pesel_with_impossible_day_but_right_checksum() -> None:
    first10 = "0102300001"  # 30 Feb 1901
    with pytest.raises(InvalidIdentifier) as e:
        parse_pesel(first10 + pesel_check_digit(first10))
    assert e.value.code == "pesel_birth_date"


def test_pesel_birth_date_in_the_future() -> None:
    pesel = make_pesel(2030, 1, 1)
    assert parse_pesel(pesel).birth_date == date(2030, 1, 1)
    with pytest.raises(InvalidIdentifier) as e:
        parse_pesel(pesel, on=date(2026, 1, 1))
    assert e.value.code == "pesel_birth_date_in_future"


def test_pesel_must_be_text() -> None:
    with pytest.raises(InvalidIdentifier):
        parse_pesel(44051401359)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "raw",
    [
        "61109010140000071219812874",
        "61 1090 1014 0000 0712 1981 2874",
        "PL61109010140000071219812874",
        "pl61 1090 1014 0000 0712 1981 2874",
        "PL61-1090-1014-0000-0712-1981-2874",
    ],
)
def test_valid_accounts_are_normalised_to_iban(raw: str) -> None:
    assert parse_bank_account(raw) == IBAN


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("", "account_empty"),
        ("DE89370400440532013000", "account_country"),
        ("6110901014000007121981287", "account_length"),
        ("PL611090101400000712198128745", "account_length"),
        ("6110901014000007121981287X", "account_non_digit"),
        ("62109010140000071219812874", "account_checksum"),
        ("PL61109010140000071219812875", "account_checksum"),
    ],
)
def test_invalid_accounts(raw: str, code: str) -> None:
    with pytest.raises(InvalidIdentifier) as e:
        parse_bank_account(raw)
    assert e.value.code == code
    assert isinstance(e.value, ValueError)
    assert e.value.as_dict()["code"] == code
