"""What the party asked for, and whether a decision grants it in full (art. 107 § 4 KPA).

Art. 107 § 4 KPA lets the body leave out the justification only "gdy decyzja uwzględnia w całości
żądanie strony". Where the law fixes the amount and the period (zasiłek stały, zasiłek rodzinny,
FA) a grant is the whole of what can be asked. Where the amount or the period is left to the
centre (zasiłek okresowy: at least 50 % of the difference, for a period the centre sets, art. 38
u.p.s.; a zasiłek celowy: the amount for the need), the party's request (the amount and, for a
benefit for a period, the period asked for) is part of the application, and only a decision that
gives at least that grants it in full. Without a recorded request there is nothing to compare:
the decision is justified.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from app.domain import benefits

# Benefits whose amount the centre sets within a range or for a need.
AMOUNT_DISCRETION = benefits.where(lambda b: b.amount_discretion)
# Benefits granted for a period the centre sets.
PERIOD_DISCRETION = benefits.where(lambda b: b.period_discretion)


@dataclass(frozen=True)
class PartyRequest:
    """The amount (a month, or once) and the last day asked for; None where not stated."""

    amount: Decimal | None = None
    until: date | None = None

    @property
    def recorded(self) -> bool:
        return self.amount is not None or self.until is not None


def asks_request(benefit: str) -> bool:
    """The application records what the party asks for (the law leaves discretion)."""
    return benefit in AMOUNT_DISCRETION or benefit in PERIOD_DISCRETION


def grants_in_full(benefit: str, kind: str, amount: Decimal | None, period_to: date | None,
                   request: PartyRequest | None, max_amount: Decimal | None = None) -> bool:
    """Whether a decision grants the party's request in full, so art. 107 § 4 KPA may apply.

    Only a grant can. Where the amount is discretionary, it is at least the amount asked for (or,
    with none asked for, the most the law allows); where the period is, it runs at least to the
    last day asked for (with none asked for, the centre chose it, and the decision is justified).
    """
    if kind != "grant":
        return False
    if not asks_request(benefit):
        return True
    if request is None or not request.recorded:
        return False
    if benefit in AMOUNT_DISCRETION:
        if amount is None:
            return False
        if request.amount is not None:
            if amount < request.amount:
                return False
        elif max_amount is None or amount < max_amount:
            return False
    if benefit in PERIOD_DISCRETION:
        if request.until is None:
            return False
        if period_to is not None and period_to < request.until:
            return False
    return True
