"""Aid granted on condition of its return (art. 41 pkt 2 u.p.s.; art. 40 ust. 3): what the party
returns, in which monthly instalments, and the rules a decision's return keeps against the range
the eligibility answer gave (:class:`app.domain.explain.AmountRange`, ``returnable``).

Art. 41 pkt 2 names three forms: "zasiłek okresowy, zasiłek celowy lub pomoc rzeczowa, pod
warunkiem zwrotu części lub całości kwoty zasiłku lub wydatków na pomoc rzeczową". The aid a
monthly zasiłek okresowy grants is its monthly amount times the months of its period
(:func:`granted_total`): that is what a return "w całości" returns and what a part stays below."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from app.domain import benefits
from app.domain.messages.codes_upsa import UpsaCode
from app.domain.money import ZERO, money_str
from app.domain.purpose_aid import ART_40_3, ART_41_2
from app.domain.recovery import split_instalments
from app.domain.violations import Violation

RETURN_KINDS = ("none", "part", "full")


def returned_amount(kind: str, amount: Decimal | None, part: Decimal | None) -> Decimal:
    """What the party is to return: nothing, the part named, or the whole aid."""
    if kind == "full":
        return amount or ZERO
    if kind == "part":
        return part or ZERO
    return ZERO


def granted_total(benefit: str, amount: Decimal | None, period_from: date | None,
                  period_to: date | None) -> Decimal:
    """The whole aid a decision grants: the amount of a one-off benefit; a monthly one's amount
    times the calendar months of its period (zasiłek okresowy is granted for a set period)."""
    entry = benefits.find(benefit)
    if amount is None or entry is None or entry.one_off or period_from is None \
            or period_to is None or period_to < period_from:
        return amount or ZERO
    months = (period_to.year - period_from.year) * 12 + period_to.month - period_from.month + 1
    return amount * months


def repayment_plan(total: Decimal, instalments: int, first_due: date) -> list[tuple[date, Decimal]]:
    """The monthly instalments of a return (the last one takes the rounding), from the first due
    day: the same split as a recovery decision's instalments."""
    return split_instalments(total, instalments, first_due)


def return_rules(draft: Any, returnable: str) -> list[Violation]:
    """The return a grant sets, against what the law allows: none where the aid is not
    returnable (``"no"``, ``"estate"``: the funeral costs are claimed from the estate, not
    decided as a return), part or full where it must be (``"required"``, art. 41 pkt 2), either
    where it may (``"may"``, art. 40 ust. 3); a part above zero and below the aid; the number of
    instalments and the first due day, not before the aid is paid."""
    kind = draft.return_kind or "none"
    if returnable == "required" and kind == "none":
        return [Violation("return_required", "return_kind", ART_41_2,
                          "Above the income criterion the aid is granted only on condition of "
                          "return in part or in full.",
                          template=UpsaCode.RULE_RETURN_REQUIRED)]
    if returnable in ("no", "estate") and kind != "none":
        return [Violation("return_not_allowed", "return_kind", ART_41_2,
                          "This benefit is not granted on condition of return.",
                          template=UpsaCode.RULE_RETURN_NOT_ALLOWED)]
    if kind == "none":
        return []
    article = ART_40_3 if returnable == "may" else ART_41_2
    out: list[Violation] = []
    amount = granted_total(draft.benefit, draft.amount, draft.period_from, draft.period_to)
    if kind == "part" and not (draft.return_amount and ZERO < draft.return_amount < amount):
        out.append(Violation("return_amount_out_of_range", "return_amount", article,
                             f"The amount to return in part must be more than zero and less than the aid of "
                             f"{money_str(amount)} zł.",
                             {"amount": money_str(amount)},
                             UpsaCode.RULE_RETURN_AMOUNT_OUT_OF_RANGE))
    if not draft.return_instalments or draft.return_first_due is None:
        missing = "return_instalments" if not draft.return_instalments else "return_first_due"
        out.append(Violation("return_terms_required", missing, article,
                             "A decision on returnable aid sets the number of instalments and "
                             "the due date of the first.",
                             template=UpsaCode.RULE_RETURN_TERMS_REQUIRED))
    elif draft.period_from is not None and draft.return_first_due < draft.period_from:
        out.append(Violation("return_due_before_payment", "return_first_due", article,
                             "The first instalment of the return cannot fall due before the aid is paid.",
                             template=UpsaCode.RULE_RETURN_DUE_BEFORE_PAYMENT))
    return out
