"""Posiłek (art. 48b u.p.s., and the programme "Posiłek w szkole i w domu" 2024-2028): help in
kind, a meal a day at a school or a canteen for a period; income not above 200% of the criterion.
The rule is :func:`app.domain.in_kind.posilek`; the monthly list of meals per provider is
:mod:`app.services.provision.lists` (never a bank transfer)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from app.domain.benefits.catalogue import INCOME_FIELDS, N_, UPS, Benefit, Kind, Wording, register
from app.domain.explain import Explanation, Outcome
from app.domain.in_kind import posilek


def rule(members: list[Any], on: date, expl: Explanation, _pct: Decimal | None) -> Outcome:
    return posilek(members, on, expl)


ENTRY = register(Benefit(
    code="posilek", order=52, act="ups",
    article=f"art. 48b {UPS}", articles="art. 7, art. 8, art. 48b i art. 106 ust. 1",
    name="pomoc w formie posiłku", name_genitive="pomocy w formie posiłku",
    label=N_("Posiłek (pomoc w formie posiłku)"),
    name_en="Meals (help in the form of a meal)",
    kind=Kind.IN_KIND, rule=rule, wording=Wording.IN_KIND,
    end_required=True, default_term_months=6, period_discretion=True,
    parameter_prefix="posilek", parameters_read=("ups.", "posilek."),
    member_fields=INCOME_FIELDS,
    form_fragment={"draft_decision": {"properties": {
        "period_to": {"title": {"pl": "Okres do (wymagane: posiłki na określony okres)",
                                "en": "Period to (required: meals for a set period)"}},
    }}},
))
