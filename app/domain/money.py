"""Money: Decimal amounts in grosze, rounded half-up, never float.

The one rounding rule of Pomoc (applied everywhere in ``app.domain``):

1. Every money input is converted with :func:`to_money`, which rounds it half-up to grosze.
2. Every money value produced by a multiplication or division (a percentage of a criterion,
   income per person, a one-off income spread over 12 months, hectares times a rate) is rounded
   half-up to grosze *immediately*, before it is compared with a threshold, subtracted from
   anything or added to anything.
3. Sums and differences of rounded values are exact and are never rounded again.

So "income per person" is ``round_money(total / persons)`` and the zasiłek stały of a person in a
family is ``round_money(130% x criterion) - round_money(total / persons)``.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

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
    """Return ``percent`` % of ``amount``, rounded half-up to grosze (rule 2 above)."""
    return round_money(amount * Decimal(percent) / HUNDRED)


def money_str(d: Decimal) -> str:
    """Format a money Decimal as a plain string with two decimals, e.g. '123.45'."""
    return f"{round_money(d):f}"
