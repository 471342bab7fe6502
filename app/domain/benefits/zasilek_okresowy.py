"""Zasiłek okresowy (art. 38 u.p.s.): monthly for a set period, the amount between the statutory
minimum and the difference to the criterion; above the criterion, in an especially justified
case, only on condition of return in part or in full (art. 41 pkt 2 u.p.s.: the draft then asks
for the return and its instalments, and the return feeds the recovery ledger). The rule is
:func:`app.domain.social_assistance.zasilek_okresowy`."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from app.domain.benefits.catalogue import INCOME_FIELDS, N_, UPS, Benefit, Kind, register
from app.domain.explain import Explanation, Outcome
from app.domain.social_assistance import zasilek_okresowy


def rule(members: list[Any], on: date, expl: Explanation, pct: Decimal | None) -> Outcome:
    return zasilek_okresowy(members, on, expl, pct)


ENTRY = register(Benefit(
    code="zasilek_okresowy", order=20, act="ups",
    article=f"art. 38 ust. 2–4 {UPS}", articles="art. 8, art. 38 i art. 106 ust. 1",
    name="zasiłek okresowy", name_genitive="zasiłku okresowego",
    label=N_("Zasiłek okresowy"),
    name_en="Periodic benefit (zasiłek okresowy)",
    kind=Kind.MONTHLY, rule=rule, end_required=True, default_term_months=3,
    parameter_prefix="zasilek_okresowy", parameters_read=("ups.", "zasilek_okresowy."),
    amount_discretion=True, period_discretion=True, returnable=True,
    member_fields=INCOME_FIELDS,
))
