"""Money conversion and rounding."""

from __future__ import annotations

from decimal import Decimal

import pytest

from app.domain.money import ZERO, money_str, percent_of, round_money, to_money


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (Decimal("12.5"), "12.50"),
        (7, "7.00"),
        ("1010", "1010.00"),
        (" 3.14 ", "3.14"),
        ("1.005", "1.01"),  # half-up, not banker's rounding
        ("1.004", "1.00"),
        ("2.675", "2.68"),
        ("-1.005", "-1.01"),
    ],
)
def test_to_money_accepts_exact_numbers_and_rounds_half_up(raw: object, expected: str) -> None:
    assert to_money(raw) == Decimal(expected)  # type: ignore[arg-type]
    assert to_money(raw).as_tuple().exponent == -2  # type: ignore[arg-type]


@pytest.mark.parametrize("raw", [1.5, 0.1, True, None, [1]])
def test_to_money_rejects_float_bool_and_other_types(raw: object) -> None:
    with pytest.raises(TypeError):
        to_money(raw)  # type: ignore[arg-type]


@pytest.mark.parametrize("raw", ["abc", "", "NaN", "Infinity", "1,5"])
def test_to_money_rejects_non_numbers(raw: str) -> None:
    with pytest.raises(ValueError):
        to_money(raw)


def test_round_money_requires_decimal() -> None:
    assert round_money(Decimal("0.125")) == Decimal("0.13")
    with pytest.raises(TypeError):
        round_money(0.125)  # type: ignore[arg-type]


def test_zero_and_formatting() -> None:
    assert ZERO == 0 and ZERO.as_tuple().exponent == -2
    assert money_str(Decimal("1229")) == "1229.00"
    assert money_str(Decimal("0.005")) == "0.01"


def test_percent_of_rounds_the_product_half_up() -> None:
    assert percent_of(Decimal("1010.00"), 130) == Decimal("1313.00")
    assert percent_of(Decimal("823.00"), 130) == Decimal("1069.90")
    assert percent_of(Decimal("776.00"), 130) == Decimal("1008.80")
    assert percent_of(Decimal("409.99"), 50) == Decimal("205.00")  # 204.995 -> 205.00
    assert percent_of(Decimal("0.01"), 50) == Decimal("0.01")
