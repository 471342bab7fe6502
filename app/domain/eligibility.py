"""Eligibility and amounts of money benefits: the one entry point ``calculate``.

``calculate(benefit, on, members)`` validates the input, runs the rule of the benefit and returns
an :class:`EligibilityResult` carrying the amounts, the explanation (steps), the parameters used
with their validity dates and sources, and the legal basis. The rule of each benefit is its
entry's in :mod:`app.domain.benefits` (pointing into :mod:`app.domain.social_assistance` and
:mod:`app.domain.family_benefits`); the rounding rule is in
:mod:`app.domain.money`.

Amounts: ``amount`` is the proposed monthly amount, ``min_amount``/``max_amount`` the range the
decision may set (equal to ``amount`` where the law fixes it). For zasiłek okresowy the proposal is
the minimum (never below 20 zł, art. 38 ust. 4, even where the difference is smaller); for
specjalny zasiłek celowy it is 0 and the maximum is the criterion.

The date ``on`` is a benefit month, not the filing date: parameters follow the months of the
benefit (u.p.s.: in force on ``on``; zasiłek rodzinny and FA: of the benefit period containing
``on``). :mod:`app.domain.benefit_months` gives the first benefit month of an application and the
amount of every month of a grant.

Thresholds are compared unrounded and amounts are rounded only in the applicant's favour (the
rule is in :mod:`app.domain.money`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from app.domain import benefits
from app.domain.errors import InvalidInput
from app.domain.explain import AmountRange, Explanation, Outcome
from app.domain.income import Member, validate_members
from app.domain.messages import Code, msg
from app.domain.money import money_str
from app.domain.parameters import ParameterTable
from app.domain.polish import zl
from app.domain.views import to_json

# Every benefit code, in catalogue order (a live view of app.domain.benefits).
BENEFITS = benefits.CODES

__all__ = ["BENEFITS", "EligibilityResult", "InvalidInput", "calculate"]


@dataclass(frozen=True)
class EligibilityResult:
    """The outcome of one benefit calculation, with everything needed to justify it."""

    benefit: str
    eligible: bool
    amount: Decimal
    min_amount: Decimal
    max_amount: Decimal
    explanation: list[dict[str, Any]]
    legal_basis: list[str]
    parameters: dict[str, dict[str, Any]]
    on: date | None = None
    breakdown: list[dict[str, Any]] = field(default_factory=list)
    # A benefit with no formula: the range the law allows (None for the others; absent in JSON).
    range: AmountRange | None = None
    # Each part of the amount: {code, amount, per: "month"|"once"|"year", article}.
    components: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-safe dict: money as strings like '123.45', dates ISO."""
        return {
            "benefit": self.benefit,
            "on": self.on.isoformat() if self.on else None,
            "eligible": self.eligible,
            "amount": money_str(self.amount),
            "min_amount": money_str(self.min_amount),
            "max_amount": money_str(self.max_amount),
            "explanation": to_json(self.explanation),
            "legal_basis": list(self.legal_basis),
            "parameters": to_json(self.parameters),
            "breakdown": to_json(self.breakdown),
            "components": to_json(self.components),
        } | ({"range": self.range.as_dict()} if self.range is not None else {})


def _check_date(on: Any) -> date:
    """Refuse anything that is not a plain calendar date."""
    if not isinstance(on, date) or isinstance(on, datetime):
        raise InvalidInput("on", msg(Code.CALENDAR_DATE))
    return on


def calculate(
    benefit: str,
    on: date,
    members: list[Member],
    *,
    municipal_percentage: Decimal | None = None,
    table: ParameterTable | None = None,
) -> EligibilityResult:
    """Decide eligibility and the monthly amount of ``benefit`` on ``on`` for the household.

    ``members[0]`` is the applicant; one member means a person living alone.
    ``municipal_percentage`` (e.g. Decimal("70")) replaces the 50% of zasiłek okresowy where a
    gmina resolution raised it; other benefits ignore it. ``table`` replaces the parameter
    table (tests, what-if runs).
    Raises InvalidInput for bad input, including a date with no parameters in force.
    """
    if benefit not in BENEFITS:
        raise InvalidInput("benefit", msg(Code.BENEFIT_CODE_UNKNOWN, benefit=str(benefit),
                                          allowed=", ".join(BENEFITS)))
    on = _check_date(on)
    household = validate_members(members)
    expl = Explanation(table)
    outcome = benefits.get(benefit).rule(household, on, expl, municipal_percentage)
    text_pl = (f"{benefits.name(benefit).capitalize()}: warunki przyznania "
               f"{'są' if outcome.eligible else 'nie są'} spełnione; proponowana kwota "
               f"{zl(outcome.amount)} miesięcznie")
    if benefits.get(benefit).kind in (benefits.Kind.IN_KIND, benefits.Kind.SERVICE):
        # Help in kind or a service: no money is granted (art. 48b, art. 50 u.p.s.).
        text_pl = (f"{benefits.name(benefit).capitalize()}: warunki przyznania "
                   f"{'są' if outcome.eligible else 'nie są'} spełnione; pomoc udzielana w "
                   "naturze lub w formie usług, bez wypłaty pieniężnej")
    elif outcome.range is not None:
        text_pl = f"{benefits.name(benefit).capitalize()}: {range_pl(outcome)}"
    if outcome.range is None and outcome.min_amount != outcome.max_amount:
        text_pl += (f" (dopuszczalna wysokość: od {zl(outcome.min_amount)} do "
                    f"{zl(outcome.max_amount)})")
    text = (f"{benefit}: {'eligible' if outcome.eligible else 'not eligible'}, proposed "
            f"{money_str(outcome.amount)} zł a month.")
    if outcome.range is not None:
        text = (f"{benefit}: {'eligible' if outcome.eligible else 'not eligible'}; no formula, "
                "the centre sets the amount for the need.")
    expl.step(
        "result",
        text,
        {"min_amount": outcome.min_amount, "max_amount": outcome.max_amount},
        outcome.amount,
        pl=text_pl + ".",
    )
    return EligibilityResult(
        benefit=benefit,
        eligible=outcome.eligible,
        amount=outcome.amount,
        min_amount=outcome.min_amount,
        max_amount=outcome.max_amount,
        explanation=expl.steps,
        legal_basis=expl.legal_basis,
        parameters=expl.parameters,
        on=on,
        breakdown=list(outcome.breakdown),
        range=outcome.range,
        components=_components(benefit, outcome),
    )


def _components(benefit: str, outcome: Any) -> list[dict[str, Any]]:
    """The outcome's parts; a benefit without parts is one part, itself (none when refused)."""
    if outcome.components:
        return list(outcome.components)
    if not outcome.eligible or outcome.range is not None:
        return []  # refused, or a benefit with no formula (its range says what may be granted)
    entry = benefits.get(benefit)
    return [{"code": benefit, "amount": outcome.amount,
             "per": "once" if entry.one_off else "month", "article": entry.article}]


def range_pl(outcome: Outcome) -> str:
    """The Polish result of a benefit with no formula: whether it may be granted, and the range
    the law allows (the centre sets the amount for the need)."""
    span = outcome.range
    assert span is not None
    if not outcome.eligible:
        return "warunki przyznania nie są spełnione"
    if span.high is None:
        bounds = "ustawa nie określa jej górnej granicy"
    else:
        bounds = f"nie może przekroczyć {zl(span.high)}"
    returnable = {"required": "; pomoc podlega zwrotowi w części lub w całości",
                  "may": "; pomoc może nie podlegać zwrotowi"}.get(span.returnable, "")
    return (f"warunki przyznania są spełnione; kwotę ustala ośrodek stosownie do potrzeby, "
            f"a {bounds}{returnable}")
