"""Specjalny zasiłek celowy (art. 41 pkt 1 u.p.s.): once, for a need, in an especially justified
case; the rule is :func:`app.domain.social_assistance.specjalny_zasilek_celowy`."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from app.domain.benefits.catalogue import INCOME_FIELDS, N_, UPS, Benefit, Kind, Wording, register
from app.domain.explain import Explanation, Outcome
from app.domain.social_assistance import specjalny_zasilek_celowy


def rule(members: list[Any], on: date, expl: Explanation, _pct: Decimal | None) -> Outcome:
    return specjalny_zasilek_celowy(members, on, expl)


ENTRY = register(Benefit(
    code="specjalny_zasilek_celowy", order=30, act="ups",
    article=f"art. 41 pkt 1 {UPS}", articles="art. 8, art. 41 pkt 1 i art. 106 ust. 1",
    name="specjalny zasiłek celowy", name_genitive="specjalnego zasiłku celowego",
    label=N_("Specjalny zasiłek celowy"),
    name_en="Special purpose benefit (specjalny zasiłek celowy)",
    kind=Kind.ONE_OFF, rule=rule, wording=Wording.ONE_OFF,
    parameter_prefix="ups", parameters_read=("ups.",),
    amount_discretion=True,
    member_fields=INCOME_FIELDS,
))
