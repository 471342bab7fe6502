"""Zasiłek rodzinny (u.ś.r.) and fundusz alimentacyjny, with "złotówka za złotówkę".

Both are granted for a yearly benefit period (zasiłek rodzinny 1 Nov - 31 Oct, FA 1 Oct - 30 Sep).
Their parameters are looked up on the first day of the period that contains the date, so a figure
that changes in the middle of a period applies from the next period.

Readings (named in the explanation):

* zasiłek rodzinny, who is a child: every member other than the applicant whose age falls in the
  age bands (0-23 in completed years), unless ``Member.child`` says otherwise; the caseworker
  checks the school and disability conditions for children over 18. Only the base zasiłek
  rodzinny is computed, without the dodatki.
* zasiłek rodzinny, age bands: art. 6 ust. 2 u.ś.r. counts "do ukończenia 5. roku życia", which
  in completed years is 0-4 (95 zł), 5-17 (124 zł), 18-23 (135 zł). DOMAIN.md writes 0-5 / 6-18 /
  19-24; the bands are a dated parameter, so either reading is one entry away.
* zasiłek rodzinny, złotówka za złotówkę (art. 5 ust. 3-3a): the excess is the family's total
  income minus threshold x persons (the same as the per-person excess x persons, but computed on
  totals so that nothing is rounded); the monthly total is reduced by it and nothing is paid when
  less than 20 zł would remain. Income per person (rounded) decides whether the threshold is
  exceeded at all.
* FA, złotówka za złotówkę (art. 9 ust. 2a): each entitled person's amount is reduced by the
  excess of income per person over the criterion, and is not paid when below 100 zł. The floors
  apply only to reduced amounts.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from app.domain.explain import NOT_ELIGIBLE, Explanation, Outcome
from app.domain.income import Member, income_of
from app.domain.money import ZERO
from app.domain.parameters import period_start

USR_5_1 = "art. 5 ust. 1-2 u.ś.r."
USR_5_3 = "art. 5 ust. 3-3a u.ś.r."
USR_5_3C = "art. 5 ust. 3c u.ś.r."
USR_6_2 = "art. 6 ust. 2 u.ś.r."
FA_9_2 = "art. 9 ust. 2 ustawy o pomocy osobom uprawnionym do alimentów"
FA_9_2A = "art. 9 ust. 2a-2b ustawy o pomocy osobom uprawnionym do alimentów"
FA_10_1 = "art. 10 ust. 1 ustawy o pomocy osobom uprawnionym do alimentów"


def _period(name: str, on: date, expl: Explanation, label: str) -> date:
    """Return the first day of the benefit period containing ``on`` and explain it."""
    start = period_start(on, expl.param(name, on))
    expl.step(f"{label}.period", f"{on} falls in the benefit period starting {start}; its "
              "parameters are those in force on that day.", {"on": on}, start)
    return start


def _band(age: int, bands: tuple[tuple[int, Decimal], ...]) -> Decimal | None:
    """Return the monthly amount for a child's age, or None when above every band."""
    for max_age, amount in bands:
        if age <= max_age:
            return amount
    return None


def zasilek_rodzinny(members: list[Member], on: date, expl: Explanation) -> Outcome:
    """Monthly zasiłek rodzinny of the family (base benefit, without dodatki)."""
    start = _period("zasilek_rodzinny.period_start_month", on, expl, "zasilek_rodzinny")
    bands = expl.param("zasilek_rodzinny.age_bands", start)
    expl.reading("zasilek_rodzinny.age_bands", "age bands are by completed years ('do "
                 "ukończenia N. roku życia' = younger than N): "
                 + ", ".join(f"up to {a}: {amt} zł" for a, amt in bands) + ".", [USR_6_2])
    children: list[dict[str, object]] = []
    amounts: list[Decimal] = []
    disabled = False
    for i, m in enumerate(members):
        is_child = m.child if m.child is not None else i > 0
        amount = _band(m.age, bands) if is_child else None
        if amount is not None:
            amounts.append(amount)
            disabled = disabled or m.disabled
            children.append({"member": i, "age": m.age, "disabled": m.disabled,
                             "amount_before_reduction": amount})
    expl.reading("zasilek_rodzinny.children", "children are the members other than the applicant "
                 "within the age bands (unless marked otherwise); school and disability "
                 "conditions over 18 are checked by the caseworker.", [USR_6_2])
    if not children:
        expl.step("zasilek_rodzinny.no_child", "No member counts as a child.", {}, False)
        return NOT_ELIGIBLE
    full = sum(amounts, ZERO)
    expl.step("zasilek_rodzinny.full_amount", "Sum of the monthly amounts for each child.",
              {"children": children}, full, [USR_6_2])
    name = "zasilek_rodzinny.threshold_disabled_child" if disabled else "zasilek_rodzinny.threshold"
    threshold = expl.param(name, start)
    inc = income_of(members, on, expl, regime="usr")
    within = inc.per_person <= threshold
    expl.step("zasilek_rodzinny.income_test", f"Income per person {inc.per_person} "
              f"{'does not exceed' if within else 'exceeds'} the threshold {threshold}"
              f"{' (a child is disabled)' if disabled else ''}.",
              {"income_per_person": inc.per_person, "threshold": threshold}, within, [USR_5_1])
    if within:
        return Outcome.fixed(full, tuple(children))
    excess = inc.total - threshold * inc.persons
    reduced = full - excess
    expl.step("zasilek_rodzinny.reduction", f"Złotówka za złotówkę: family income {inc.total} "
              f"exceeds {threshold} x {inc.persons} by {excess}; READING: the monthly total is "
              "reduced by that excess.", {"full": full, "excess": excess}, reduced, [USR_5_3])
    floor = expl.param("zasilek_rodzinny.min_after_reduction", start)
    if reduced < floor:
        expl.step("zasilek_rodzinny.minimum", f"Less than {floor} zł would remain, so nothing is "
                  "paid.", {"reduced": reduced, "minimum": floor}, ZERO, [USR_5_3C])
        return NOT_ELIGIBLE
    return Outcome.fixed(reduced, tuple(children))


def fundusz_alimentacyjny(members: list[Member], on: date, expl: Explanation) -> Outcome:
    """Monthly FA of each entitled member: min(alimony awarded, cap), then złotówka za złotówkę."""
    start = _period("fa.period_start_month", on, expl, "fundusz_alimentacyjny")
    max_age = expl.param("fa.max_age", start)
    entitled = [(i, m) for i, m in enumerate(members)
                if m.alimony_awarded > 0 and (m.age <= max_age or m.disabled)]
    expl.reading("fundusz_alimentacyjny.entitled", f"entitled are members with alimony awarded "
                 f"aged {max_age} or less (school is assumed over 18), or disabled at any age.")
    if not entitled:
        expl.step("fundusz_alimentacyjny.no_entitled", "No member is entitled.", {}, False)
        return NOT_ELIGIBLE
    cap = expl.param("fa.cap", start)
    criterion = expl.param("fa.criterion", start)
    inc = income_of(members, on, expl, regime="usr")
    excess = inc.per_person - criterion
    expl.step("fundusz_alimentacyjny.income_test", f"Income per person {inc.per_person} "
              f"{'does not exceed' if excess <= 0 else 'exceeds'} the criterion {criterion}.",
              {"income_per_person": inc.per_person, "criterion": criterion}, excess <= 0,
              [FA_9_2])
    floor = expl.param("fa.min_after_reduction", start) if excess > 0 else None
    rows: list[dict[str, object]] = []
    paid: list[Decimal] = []
    for i, m in entitled:
        base = min(m.alimony_awarded, cap)
        row: dict[str, object] = {"member": i, "alimony_awarded": m.alimony_awarded,
                                  "cap": cap, "amount_before_reduction": base}
        amount = base
        if floor is not None:
            amount = base - excess
            if amount < floor:
                amount = ZERO
        row["amount"] = amount
        rows.append(row)
        paid.append(amount)
    expl.step("fundusz_alimentacyjny.per_person", "Each entitled person gets the alimony awarded, "
              f"at most {cap} zł" + (f"; reduced by the excess {excess} and not paid below "
                                     f"{floor} zł" if floor is not None else "") + ".",
              {"entitled": rows}, None, [FA_10_1] + ([FA_9_2A] if floor is not None else []))
    total = sum(paid, ZERO)
    if total == 0:
        return Outcome(False, ZERO, ZERO, ZERO, tuple(rows))
    return Outcome.fixed(total, tuple(rows))

