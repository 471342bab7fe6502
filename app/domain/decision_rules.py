"""What a lawful decision looks like: the invariants a draft must keep to be saved, signed and issued.

``check_decision(draft, legal, first_benefit_month)`` returns every rule the draft breaks, each a
:class:`~app.domain.violations.Violation` with its code, article and message:

===========================  ==================================================================
code                         rule
===========================  ==================================================================
``justification_required``   a refusal or a partial grant carries a justification
                             (art. 107 § 1 pkt 6 and § 4 KPA)
``eligibility_missing``      a grant needs the computed eligibility to check against
``not_eligible``             no grant when the household is not eligible (the legal range is
                             empty): only a refusal is lawful
``amount_required``          a grant has an amount above zero (art. 107 § 1 pkt 5 KPA)
``amount_out_of_range``      the amount lies within the range computed for the case
                             (``min_amount``..``max_amount`` of the eligibility result)
``amount_reason_required``   an amount other than the computed one, where the law leaves
                             discretion (min < max), carries a written reason (art. 107 § 3 KPA)
``period_start_required``    a monthly benefit names its first month
``period_before_first_month`` the period starts no earlier than the first benefit month
                             (art. 106 ust. 3 u.p.s.; art. 24 ust. 2 u.ś.r.; art. 18 ust. 1 FA)
``period_reversed``          the period ends no earlier than it starts
``period_end_required``      zasiłek okresowy is granted for a set period (art. 38 ust. 5 u.p.s.);
                             zasiłek rodzinny and FA for a benefit period (art. 24 ust. 1-2
                             u.ś.r.; art. 18 ust. 1 FA), so their period ends too
``period_beyond_benefit_period`` zasiłek rodzinny and FA end no later than the last day of the
                             benefit period their first month falls in (31 Oct; FA: 30 Sep);
                             an earlier end (a child's age limit within it) is lawful
``purpose_required``         a one-off benefit names its purpose (art. 39 ust. 1, art. 41 pkt 1)
``payment_date_required``    a one-off benefit names its payment date
``one_off_has_period``       a one-off benefit has no monthly period (no end date)
``enforcement_reason_required`` rygor natychmiastowej wykonalności is given with its reason
                             (art. 108 § 1 KPA: an exception, never template text)
===========================  ==================================================================

The first benefit month is a parameter: the caller decides it (for social assistance, the month
in which the complete application was filed; family benefits and FA have their own rule).
"""

from __future__ import annotations

import calendar
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from app.domain import benefits
from app.domain.benefit_months import FAMILY_BENEFITS, benefit_period
from app.domain.benefits.catalogue import FIRST_MONTH_DEFAULT, UPS
from app.domain.benefits.forms import DRAFT, fragment
from app.domain.errors import InvalidInput
from app.domain.messages import Code
from app.domain.messages.codes_upsa import UpsaCode
from app.domain.money import money_str
from app.domain.returnable_aid import return_rules
from app.domain.violations import Violation

KINDS = ("grant", "partial", "refusal")
# Live views of the catalogue (app.domain.benefits): benefits paid once (the date is the
# payment, not a range of benefit months); benefits always granted for a set period; how many
# benefit months a fixed-term benefit is proposed for (the page's default).
ONE_OFF = benefits.where(lambda b: b.one_off)
# Help in kind and services: the decision grants a meal or a service, never an amount of money.
NO_AMOUNT = benefits.where(lambda b: b.kind in (benefits.Kind.IN_KIND, benefits.Kind.SERVICE))
END_REQUIRED = benefits.where(lambda b: b.end_required)
DEFAULT_TERM_MONTHS: Mapping[str, int] = benefits.attribute(lambda b: b.default_term_months)

# The provisions that set the amount of each benefit; from which month a benefit is due (the
# month the application was filed); the benefit period of family benefits ("na okres
# zasiłkowy" / "na okres świadczeniowy ... do końca tego okresu").
AMOUNT_ARTICLE: Mapping[str, str] = benefits.attribute(lambda b: b.article)
FIRST_MONTH_ARTICLE: Mapping[str, str] = benefits.attribute(lambda b: b.first_month_article)
BENEFIT_PERIOD_ARTICLE: Mapping[str, str] = benefits.attribute(lambda b: b.benefit_period_article)
JUSTIFICATION_ARTICLE = "art. 107 § 1 pkt 6 i § 4 KPA"
RULING_ARTICLE = "art. 107 § 1 pkt 5 KPA"
REASON_ARTICLE = "art. 107 § 3 KPA"
FACTS_ARTICLE = "art. 77 § 1 KPA"
FIXED_TERM_ARTICLE = f"art. 38 ust. 5 {UPS}"
ONE_OFF_ARTICLE = f"art. 39 ust. 1 i art. 41 pkt 1 {UPS}"
ENFORCEMENT_ARTICLE = "art. 108 § 1 KPA"


@dataclass(frozen=True)
class DecisionDraft:
    """The ruling a caseworker proposes (what the draft form holds)."""

    benefit: str
    kind: str
    amount: Decimal | None = None
    period_from: date | None = None
    period_to: date | None = None
    justification: str = ""
    amount_reason: str = ""
    purpose: str = ""
    # Rygor natychmiastowej wykonalności (art. 108 KPA) and its reason.
    immediate_enforcement: bool = False
    immediate_enforcement_reason: str = ""
    # Aid on condition of its return (art. 41 pkt 2, art. 40 ust. 3 u.p.s.): "none", "part" or
    # "full", the part to return, the monthly instalments and the first one's due day.
    return_kind: str = "none"
    return_amount: Decimal | None = None
    return_instalments: int | None = None
    return_first_due: date | None = None


@dataclass(frozen=True)
class LegalRange:
    """What the law allows for the case, from the eligibility result: the proposal and its range."""

    eligible: bool
    amount: Decimal
    min_amount: Decimal
    max_amount: Decimal
    # A benefit with no formula (zasiłek celowy, art. 39-44 u.p.s.): the act sets no range, the
    # centre sets the amount for the need (the eligibility result's ``range`` with no bounds).
    unbounded: bool = False
    # Whether the aid is returned: "no", "may", "required" or "estate" (app.domain.purpose_aid).
    returnable: str = "no"

    @property
    def discretionary(self) -> bool:
        """True where the law leaves the amount to the centre (e.g. zasiłek okresowy)."""
        return self.unbounded or self.min_amount < self.max_amount


def amount_article(benefit: str) -> str:
    """The provision that sets the amount of ``benefit``."""
    return AMOUNT_ARTICLE.get(benefit, RULING_ARTICLE)


def first_month_article(benefit: str) -> str:
    """The provision that makes benefits due from the month of the application."""
    return FIRST_MONTH_ARTICLE.get(benefit, FIRST_MONTH_DEFAULT)


def _blank(text: str | None) -> bool:
    return not (text or "").strip()


def check_decision(draft: DecisionDraft, legal: LegalRange | None,
                   first_benefit_month: date) -> list[Violation]:
    """Every rule ``draft`` breaks, given the legal range and the first benefit month."""
    out: list[Violation] = []
    if draft.kind not in KINDS:
        out.append(Violation("decision_kind_unknown", "decision_kind", RULING_ARTICLE,
                             f"Unknown ruling '{draft.kind}'; use grant, partial or refusal.",
                             {"kind": str(draft.kind)}))
        return out
    if draft.kind in ("refusal", "partial") and _blank(draft.justification):
        out.append(Violation(
            "justification_required", "justification", JUSTIFICATION_ARTICLE,
            "A refusal or a partial grant needs a factual and legal justification.",
            {"kind": draft.kind}))
    out.extend(enforcement_rules(draft))
    if draft.kind == "refusal":
        return out
    out.extend(_amount_rules(draft, legal))
    out.extend(return_rules(draft, legal.returnable if legal is not None else "no"))
    out.extend(_one_off_rules(draft) if draft.benefit in ONE_OFF
               else _period_rules(draft, first_benefit_month))
    return out


def enforcement_rules(draft: DecisionDraft) -> list[Violation]:
    """Rygor natychmiastowej wykonalności is an exception: given only with its written reason."""
    if draft.immediate_enforcement and _blank(draft.immediate_enforcement_reason):
        return [Violation(
            "enforcement_reason_required", "immediate_enforcement_reason", ENFORCEMENT_ARTICLE,
            "Immediate enforceability needs its justification.")]
    return []


def _amount_rules(draft: DecisionDraft, legal: LegalRange | None) -> list[Violation]:
    article = amount_article(draft.benefit)
    if legal is None:
        return [Violation("eligibility_missing", "amount", FACTS_ARTICLE,
                          "Eligibility has not been computed for this case; a grant cannot be "
                          "checked against the law.")]
    if not legal.eligible:
        return [Violation("not_eligible", "amount", article,
                          "The household is not eligible for this benefit; only a refusal is "
                          "lawful.", {"benefit": draft.benefit})]
    if draft.benefit in NO_AMOUNT:
        # Art. 48b and art. 50 u.p.s.: a meal or a service is given, no money; the scope is the
        # provision's (app.services.provision.scope), the fee the rada gminy's resolution's.
        return []
    if draft.amount is None or draft.amount <= 0:
        return [Violation("amount_required", "amount", RULING_ARTICLE,
                          "A grant needs an amount above zero.")]
    params = {"amount": money_str(draft.amount), "min": money_str(legal.min_amount),
              "max": money_str(legal.max_amount), "computed": money_str(legal.amount)}
    if legal.unbounded:
        # No computed amount to depart from: the purpose states the need; a floor the act
        # still sets (20 zł of art. 38 ust. 4 for zasiłek okresowy under art. 41 pkt 2) holds.
        if draft.amount < legal.min_amount:
            return [Violation(
                "amount_below_minimum", "amount", article,
                f"The amount {params['amount']} zł is below the legal minimum of "
                f"{params['min']} zł.", params, UpsaCode.RULE_AMOUNT_BELOW_MINIMUM)]
        return []
    if not legal.min_amount <= draft.amount <= legal.max_amount:
        return [Violation(
            "amount_out_of_range", "amount", article,
            f"The amount {params['amount']} zł is outside the legal range {params['min']}–"
            f"{params['max']} zł computed for this case.", params)]
    if legal.discretionary and draft.amount != legal.amount and _blank(draft.amount_reason):
        return [Violation(
            "amount_reason_required", "amount_reason", REASON_ARTICLE,
            f"An amount other than the computed {params['computed']} zł needs a written reason.",
            params)]
    return []


def _period_rules(draft: DecisionDraft, first_benefit_month: date) -> list[Violation]:
    out: list[Violation] = []
    start, end = draft.period_from, draft.period_to
    first_article = first_month_article(draft.benefit)
    if start is None:
        out.append(Violation("period_start_required", "period_from", first_article,
                             "A grant needs the first month of its period."))
    elif start < first_benefit_month:
        out.append(Violation(
            "period_before_first_month", "period_from", first_article,
            f"The period cannot start before {first_benefit_month.isoformat()}, the first benefit "
            "month (the month in which the application was filed).",
            {"period_from": start.isoformat(), "first_month": first_benefit_month.isoformat()}))
    period_end = benefit_period_end(draft.benefit, start or first_benefit_month)
    period_article = BENEFIT_PERIOD_ARTICLE.get(draft.benefit, "")
    if end is None:
        if draft.benefit in END_REQUIRED:
            out.append(Violation("period_end_required", "period_to", FIXED_TERM_ARTICLE,
                                 "Zasiłek okresowy is granted for a set period: give the end "
                                 "date."))
        elif period_end is not None:
            out.append(Violation(
                "period_end_required", "period_to", period_article,
                "A family benefit is granted for a benefit period: give the end date, at the "
                f"latest {period_end.isoformat()}.", {"period_end": period_end.isoformat()},
                Code.RULE_PERIOD_END_REQUIRED_FAMILY))
    elif period_end is not None and end > period_end:
        out.append(Violation(
            "period_beyond_benefit_period", "period_to", period_article,
            f"The period cannot end ({end.isoformat()}) after the benefit period, which ends "
            f"on {period_end.isoformat()}.",
            {"period_to": end.isoformat(), "period_end": period_end.isoformat()}))
    elif start is not None and end < start:
        out.append(Violation(
            "period_reversed", "period_to", RULING_ARTICLE,
            f"The period cannot end ({end.isoformat()}) before it starts "
            f"({start.isoformat()}).",
            {"period_from": start.isoformat(), "period_to": end.isoformat()}))
    return out


def _one_off_rules(draft: DecisionDraft) -> list[Violation]:
    out: list[Violation] = []
    if _blank(draft.purpose):
        out.append(Violation("purpose_required", "purpose", ONE_OFF_ARTICLE,
                             "A one-off benefit needs its purpose."))
    if draft.period_from is None:
        out.append(Violation("payment_date_required", "period_from", ONE_OFF_ARTICLE,
                             "A one-off benefit needs its payment date (the start date field)."))
    if draft.period_to is not None:
        out.append(Violation("one_off_has_period", "period_to", ONE_OFF_ARTICLE,
                             "A one-off benefit has no monthly period: leave the end date "
                             "empty."))
    return out


def benefit_period_end(benefit: str, day: date) -> date | None:
    """The last day of the benefit period containing ``day`` (zasiłek rodzinny: 31 Oct; FA:
    30 Sep); None for a benefit without one, or a day before the table knows the period."""
    if benefit not in FAMILY_BENEFITS:
        return None
    try:
        period = benefit_period(benefit, day)
    except InvalidInput:
        return None
    return period[1] if period else None


def month_end(day: date, months_after: int = 0) -> date:
    """The last day of the month ``months_after`` months after ``day``'s month."""
    index = day.month - 1 + months_after
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, calendar.monthrange(year, month)[1])


def lawful_period(benefit: str, first_benefit_month: date,
                  today: date) -> tuple[date | None, date | None]:
    """The period a draft starts with: from the first benefit month; a set end where the law
    wants one (zasiłek okresowy: ``DEFAULT_TERM_MONTHS``; zasiłek rodzinny and FA: the end of the
    benefit period); a one-off's payment date is today (never before the first benefit month)
    and it has no end."""
    if benefit in ONE_OFF:
        return max(today, first_benefit_month), None
    period_end = benefit_period_end(benefit, first_benefit_month)
    if period_end is not None:
        return first_benefit_month, period_end
    months = DEFAULT_TERM_MONTHS.get(benefit)
    end = month_end(first_benefit_month, months - 1) if months else None
    return first_benefit_month, end


def lawful_draft(benefit: str, legal: LegalRange | None, first_benefit_month: date,
                 today: date) -> dict[str, Any]:
    """The values a draft form opens with, so that the lawful choice is the easy one: the
    computed amount (none where it is zero) and a lawful period; a refusal when not eligible;
    a return in full where the aid is granted only on condition of return (art. 41 pkt 2
    u.p.s.; the caseworker may make it a part, and sets the instalments and the first due day)."""
    if legal is not None and not legal.eligible:
        return {"decision_kind": "refusal", "amount": None, "period_from": None, "period_to": None}
    start, end = lawful_period(benefit, first_benefit_month, today)
    amount = legal.amount if legal is not None and legal.amount > 0 else None
    return {
        "decision_kind": "grant",
        "amount": money_str(amount) if amount is not None else None,
        "period_from": start.isoformat() if start else None,
        "period_to": end.isoformat() if end else None,
        **({"return_kind": "full"} if legal is not None and legal.returnable == "required"
           else {}),
        **_defaults(benefit),
    }


def _defaults(benefit: str) -> dict[str, Any]:
    """The values the benefit's form fragment gives its draft (a purpose the law names)."""
    entry = benefits.find(benefit)
    props = (fragment(entry, DRAFT).get("properties") or {}) if entry else {}
    return {name: prop["default"] for name, prop in props.items()
            if isinstance(prop, Mapping) and "default" in prop}
