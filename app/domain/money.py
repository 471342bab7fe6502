"""Money: Decimal amounts in grosze, never float, and the rounding rule of Pomoc.

The one rounding rule of Pomoc (applied everywhere in ``app.domain``). READING, chosen because
the law gives no rounding rule and a threshold must never be missed by rounding against the
applicant (DOMAIN.md, "Compare income with a criterion unrounded"):

1. Every money input is converted with :func:`to_money`, which rounds it half-up to grosze
   (an input in grosze is unchanged).
2. Thresholds are compared exactly, never on a rounded value. Income per person is never rounded
   before it is compared with a criterion: "income per person below the criterion" is decided as
   ``total < criterion x persons`` (:func:`per_person_below`, :func:`per_person_not_above`), so
   822,995 zł per person is below 823 zł.
3. A computed income (a one-off income spread over 12 months, hectares times a rate) is rounded
   *down* to grosze (:func:`income_down`): in the applicant's favour.
4. A computed amount to be paid (130% of the criterion minus income per person, 50% of a
   difference, alimony minus an excess) is computed from unrounded values and the result is
   rounded *up* to grosze (:func:`amount_up`): in the applicant's favour. The floors and caps of
   the law are then applied to that amount.
5. Sums and differences of values in grosze are exact and are never rounded again.
6. A value shown only for information (income per person in an explanation) is rounded half-up
   with :func:`round_money`; it never decides anything.

One parser and one formatter: :func:`parse_money` reads every amount a person types (a decimal
string, with a Polish comma on pages) into a Decimal or refuses it with a coded reason;
:func:`format_money` writes every amount, Polish ("1 234,56 zł"), plain for the API ("1234.56",
:func:`money_str`) or English.
"""

from __future__ import annotations

import re
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, Decimal, InvalidOperation, localcontext

from app.domain.messages import Code

GROSZ = Decimal("0.01")
MAX_AMOUNT = Decimal("9999999999.99")  # what Numeric(12, 2) can store
NBSP = "\u00a0"
ZERO = Decimal("0.00")
HUNDRED = Decimal(100)


def round_money(d: Decimal) -> Decimal:
    """Round a Decimal half-up to grosze (0.01)."""
    if not isinstance(d, Decimal):
        raise TypeError(f"round_money expects a Decimal, got {type(d).__name__}")
    return d.quantize(GROSZ, rounding=ROUND_HALF_UP)


def to_decimal(x: Decimal | int | str) -> Decimal:
    """Convert an exact number (Decimal, int or str) to a finite Decimal; floats are refused."""
    # bool is an int subclass; True as an amount is always a bug in the caller.
    if isinstance(x, bool | float):
        raise TypeError(f"amounts must be Decimal, int or str, not {type(x).__name__}")
    if isinstance(x, Decimal):
        d = x
    elif isinstance(x, int):
        d = Decimal(x)
    elif isinstance(x, str):
        try:
            d = Decimal(x.strip())
        except InvalidOperation:
            raise ValueError(f"{x!r} is not a number") from None
    else:
        raise TypeError(f"amounts must be Decimal, int or str, not {type(x).__name__}")
    if not d.is_finite():
        raise ValueError(f"{x!r} is not a finite number")
    return d


def to_money(x: Decimal | int | str) -> Decimal:
    """Convert Decimal/int/str to a money Decimal rounded half-up to grosze; float -> TypeError."""
    return round_money(to_decimal(x))


def percent_of(amount: Decimal, percent: Decimal | int) -> Decimal:
    """Return ``percent`` % of ``amount``, rounded half-up to grosze (for display, rule 6)."""
    return round_money(exact_percent(amount, percent))


# Enough digits for any quotient of amounts below 10^12 by a household size: a quotient that is
# not exact lies at least 0.01 / persons away from a grosz, far beyond this precision.
_PRECISION = 60


def exact_percent(amount: Decimal, percent: Decimal | int) -> Decimal:
    """Return ``percent`` % of ``amount`` without rounding (exact for decimal percentages)."""
    with localcontext() as ctx:
        ctx.prec = _PRECISION
        return amount * Decimal(percent) / HUNDRED


def exact_quotient(total: Decimal, persons: int) -> Decimal:
    """Return ``total / persons`` unrounded (to 60 significant digits), e.g. income per person."""
    if isinstance(persons, bool) or not isinstance(persons, int) or persons < 1:
        raise ValueError("the number of persons must be a whole number of at least 1")
    with localcontext() as ctx:
        ctx.prec = _PRECISION
        return total / Decimal(persons)


def per_person_below(total: Decimal, persons: int, limit: Decimal) -> bool:
    """Whether income per person (``total / persons``, unrounded) is below ``limit`` (rule 2)."""
    return total < limit * persons


def per_person_not_above(total: Decimal, persons: int, limit: Decimal) -> bool:
    """Whether income per person (unrounded) does not exceed ``limit`` (rule 2)."""
    return total <= limit * persons


def amount_up(d: Decimal) -> Decimal:
    """Round an amount to be paid up to grosze, in the applicant's favour (rule 4)."""
    if not isinstance(d, Decimal):
        raise TypeError(f"amount_up expects a Decimal, got {type(d).__name__}")
    return d.quantize(GROSZ, rounding=ROUND_CEILING)


def income_down(d: Decimal) -> Decimal:
    """Round a computed income down to grosze, in the applicant's favour (rule 3)."""
    if not isinstance(d, Decimal):
        raise TypeError(f"income_down expects a Decimal, got {type(d).__name__}")
    return d.quantize(GROSZ, rounding=ROUND_FLOOR)


class MoneyRefused(ValueError):
    """Not an amount: ``code`` (AMOUNT_FORMAT, AMOUNT_NEGATIVE, AMOUNT_DECIMALS or
    AMOUNT_TOO_LARGE) says why; the typed value is never kept (it may be personal data)."""

    def __init__(self, code: Code) -> None:
        super().__init__(code.value)
        self.code = code


_AMOUNT = re.compile(r"^-?[0-9]+(?:\.([0-9]+))?$")  # ASCII digits only (\d matches "٣")


def parse_money(raw: object, *, comma: bool = False, places: int = 2,
                maximum: Decimal = MAX_AMOUNT) -> Decimal:
    """The one money parser: a decimal string ("1234.56") or a whole number to an exact Decimal.

    With ``comma`` (what a person types on a page) "1234,56" and "1 234,56" are read too. Floats,
    booleans, exponents and anything else are refused (:class:`MoneyRefused` with its code), as
    are negatives, more than ``places`` decimals and amounts above ``maximum``; "-0" is zero.
    """
    if isinstance(raw, bool) or not isinstance(raw, int | str):
        raise MoneyRefused(Code.AMOUNT_FORMAT)
    text = str(raw).strip()
    if comma:
        text = text.replace(NBSP, "").replace(" ", "").replace(",", ".")
    match = _AMOUNT.match(text)
    if match is None:
        raise MoneyRefused(Code.AMOUNT_FORMAT)
    amount = Decimal(text)
    if amount == 0:
        amount = amount.copy_abs()
    if amount < 0:
        raise MoneyRefused(Code.AMOUNT_NEGATIVE)
    if match.group(1) is not None and len(match.group(1)) > places:
        raise MoneyRefused(Code.AMOUNT_DECIMALS)
    if amount > maximum:
        raise MoneyRefused(Code.AMOUNT_TOO_LARGE)
    return amount


def format_money(amount: Decimal | int | str, *, decimal: str = ",", group: str = NBSP,
                 group_from: int = 1000, unit: str = " zł") -> str:
    """The one money formatter: an amount rounded half-up to grosze, with two decimals.

    The default is Polish as pages, documents and exports write it, thousands grouped with a
    non-breaking space ("1 229,50 zł", "12 345,67 zł"; issue 15: one format everywhere);
    :func:`money_str` is the plain form of the API ("1234.56"), and the English pages pass their
    separators.
    """
    text = f"{round_money(to_decimal(amount)):f}"
    sign = "-" if text.startswith("-") else ""
    whole, _, fraction = text.lstrip("-").partition(".")
    if group and int(whole) >= group_from:
        head = len(whole) % 3 or 3
        whole = group.join([whole[:head]] + [whole[i:i + 3] for i in range(head, len(whole), 3)])
    return f"{sign}{whole}{decimal}{fraction}{unit}"


def money_str(d: Decimal) -> str:
    """Format a money Decimal as a plain string with two decimals, e.g. '123.45' (the API)."""
    return format_money(d, decimal=".", group="", unit="")
