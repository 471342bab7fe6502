"""Świadczenie z funduszu alimentacyjnego (art. 9–10 of the FA act): monthly per entitled person
for the benefit period (1 Oct – 30 Sep); the rule is
:func:`app.domain.family_benefits.fundusz_alimentacyjny`."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from app.domain.benefits.catalogue import FA, INCOME_FIELDS, N_, Benefit, Kind, Wording, register
from app.domain.explain import Explanation, Outcome
from app.domain.family_benefits import fundusz_alimentacyjny


def rule(members: list[Any], on: date, expl: Explanation, _pct: Decimal | None) -> Outcome:
    return fundusz_alimentacyjny(members, on, expl)


ENTRY = register(Benefit(
    code="fundusz_alimentacyjny", order=50, act="fa",
    article=f"art. 9 i art. 10 {FA}", articles="art. 9, art. 10 i art. 15",
    name="świadczenie z funduszu alimentacyjnego",
    name_genitive="świadczenia z funduszu alimentacyjnego",
    label=N_("Świadczenie z funduszu alimentacyjnego"),
    name_en="Maintenance fund benefit (fundusz alimentacyjny)",
    kind=Kind.MONTHLY, rule=rule, wording=Wording.PER_ENTITLED,
    parameter_prefix="fa", parameters_read=("fa.",),
    first_month_article=f"art. 18 ust. 1 {FA}",
    period_start_parameter="fa.period_start_month",
    benefit_period_article=f"art. 18 ust. 1 {FA}",
    member_fields=(*INCOME_FIELDS, "alimony_awarded", "in_school", "in_higher_school",
                   "severe_disability_certificate"),
))
