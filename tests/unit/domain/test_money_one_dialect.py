"""Issue 14, part 5 (one input dialect, one money formatter): every typed amount goes through
app.domain.money.parse_money (a Decimal, a Polish comma on pages, a coded refusal) and every
amount is written by format_money (Polish, the API's plain form, or a page's locale)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from app.domain.messages import Code
from app.domain.money import MoneyRefused, format_money, money_str, parse_money


@pytest.mark.parametrize(("raw", "comma", "amount"), [
    ("1234.56", False, Decimal("1234.56")), ("0", False, Decimal("0")), (5, False, Decimal(5)),
    ("-0", False, Decimal("0")), (" 12.5 ", False, Decimal("12.5")),
    ("1234,56", True, Decimal("1234.56")), ("1 234,56", True, Decimal("1234.56")),
    ("1\u00a0234,5", True, Decimal("1234.5")),
])
def test_parse_money_reads_a_decimal_string_and_a_polish_comma_on_pages(
        raw: object, comma: bool, amount: Decimal) -> None:
    parsed = parse_money(raw, comma=comma)
    assert isinstance(parsed, Decimal) and parsed == amount


@pytest.mark.parametrize(("raw", "code"), [
    (1.5, Code.AMOUNT_FORMAT), (True, Code.AMOUNT_FORMAT), (None, Code.AMOUNT_FORMAT),
    ("1e3", Code.AMOUNT_FORMAT), ("abc", Code.AMOUNT_FORMAT), ("1234,56", Code.AMOUNT_FORMAT),
    ("٣", Code.AMOUNT_FORMAT), ("NaN", Code.AMOUNT_FORMAT), ("-5", Code.AMOUNT_NEGATIVE),
    (-5, Code.AMOUNT_NEGATIVE), ("1.234", Code.AMOUNT_DECIMALS),
    ("10000000000", Code.AMOUNT_TOO_LARGE), ("9" * 60, Code.AMOUNT_TOO_LARGE),
])
def test_parse_money_refuses_with_a_code(raw: object, code: Code) -> None:
    with pytest.raises(MoneyRefused) as refused:
        parse_money(raw)
    assert refused.value.code is code
    assert str(refused.value) == code.value  # the typed value is never kept (personal data)


@pytest.mark.parametrize(("amount", "polish", "plain"), [
    (Decimal("0"), "0,00 zł", "0.00"), (Decimal("1313.5"), "1\u00a0313,50 zł", "1313.50"),
    (Decimal("12345.675"), "12\u00a0345,68 zł", "12345.68"), (7, "7,00 zł", "7.00"),
    (Decimal("-5.25"), "-5,25 zł", "-5.25"), ("813.00", "813,00 zł", "813.00"),
])
def test_one_formatter_writes_polish_and_the_api_plain_form(
        amount: Decimal, polish: str, plain: str) -> None:
    assert format_money(amount) == polish
    assert money_str(Decimal(amount)) == plain
    assert format_money(amount, decimal=".", group="", unit="") == plain


def test_a_page_passes_its_locale_to_the_one_formatter() -> None:
    assert format_money(Decimal("2100.5"), group_from=1000, unit="\u00a0zł") == "2\u00a0100,50\u00a0zł"
    assert format_money(Decimal("1234567"), decimal=".", group=",", group_from=1000,
                        unit="\u00a0zł") == "1,234,567.00\u00a0zł"
