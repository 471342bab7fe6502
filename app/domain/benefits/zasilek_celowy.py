"""Zasiłek celowy (art. 39 u.p.s.): once, for a necessary living need (art. 39 ust. 2: food,
medicines and treatment, fuel, ...), income not above the art. 8 criterion, and above it only on
condition of return (art. 41 pkt 2); no formula, the centre sets the amount. The rule is
:func:`app.domain.purpose_aid.zasilek_celowy`."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from app.domain.benefits.catalogue import INCOME_FIELDS, N_, UPS, Benefit, Kind, Wording, register
from app.domain.explain import Explanation, Outcome
from app.domain.purpose_aid import zasilek_celowy


def rule(members: list[Any], on: date, expl: Explanation, _pct: Decimal | None) -> Outcome:
    return zasilek_celowy(members, on, expl)


ENTRY = register(Benefit(
    code="zasilek_celowy", order=25, act="ups",
    article=f"art. 39 ust. 1 {UPS}", articles="art. 8, art. 39 i art. 106 ust. 1",
    name="zasiłek celowy", name_genitive="zasiłku celowego",
    label=N_("Zasiłek celowy"),
    name_en="Purpose benefit (zasiłek celowy)",
    kind=Kind.ONE_OFF, rule=rule, wording=Wording.ONE_OFF,
    parameter_prefix="zasilek_celowy", parameters_read=("ups.", "zasilek_celowy."),
    amount_discretion=True, returnable=True,
    member_fields=INCOME_FIELDS,
    form_fragment={"draft_decision": {"properties": {
        # No formula, so no computed amount to depart from: the purpose states the need.
        "amount_reason": False,
        "purpose": {"title": {"pl": "Cel zasiłku: niezbędna potrzeba bytowa",
                              "en": "Purpose: the necessary living need"},
                    "description": {
                        "pl": "Na jaką potrzebę (art. 39 ust. 2 u.p.s.: żywność, leki i leczenie, "
                              "opał, odzież, niezbędne przedmioty użytku domowego, drobne remonty "
                              "i naprawy w mieszkaniu, koszty pogrzebu).",
                        "en": "For which need (art. 39 ust. 2: food, medicines and treatment, "
                              "fuel, clothing, household items, small repairs, funeral costs)."}},
    }}},
))
