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
"""

from __future__ import annotations

from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, Decimal, InvalidOperation, localcontext

GROSZ = Decimal("0.01")
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


def money_str(d: Decimal) -> str:
    """Format a money Decimal as a plain string with two decimals, e.g. '123.45'."""
    return f"{round_money(d):f}"
