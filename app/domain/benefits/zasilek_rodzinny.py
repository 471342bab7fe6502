"""Zasiłek rodzinny (art. 4–6 u.ś.r.): monthly per child for the benefit period (1 Nov – 31 Oct);
the rule is :func:`app.domain.family_benefits.zasilek_rodzinny`."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from app.domain.benefits.catalogue import INCOME_FIELDS, N_, USR, Benefit, Kind, Wording, register
from app.domain.explain import Explanation, Outcome
from app.domain.family_benefits import zasilek_rodzinny


def rule(members: list[Any], on: date, expl: Explanation, _pct: Decimal | None) -> Outcome:
    return zasilek_rodzinny(members, on, expl)


ENTRY = register(Benefit(
    code="zasilek_rodzinny", order=40, act="usr",
    article=f"art. 5 i art. 6 {USR}",
    articles="art. 4 ust. 2 pkt 1, art. 5, art. 6, art. 23 i art. 24",
    name="zasiłek rodzinny", name_genitive="zasiłku rodzinnego",
    label=N_("Zasiłek rodzinny"),
    name_en="Family benefit (zasiłek rodzinny)",
    kind=Kind.MONTHLY, rule=rule, wording=Wording.PER_CHILD,
    parameter_prefix="zasilek_rodzinny", parameters_read=("zasilek_rodzinny.",),
    first_month_article=f"art. 24 ust. 2 {USR}",
    period_start_parameter="zasilek_rodzinny.period_start_month",
    benefit_period_article=f"art. 24 ust. 1–2 {USR}",
    member_fields=(*INCOME_FIELDS, "disabled", "disability_certificate",
                   "severe_disability_certificate", "in_school", "in_higher_school",
                   # the dodatki (app.domain.dodatki)
                   "disability_degree", "other_benefits", "born_on", "prenatal_care", "care_since",
                   "parental_leave", "school_away"),
    applicant_fields=("single_parent_reason", "dodatki", "applied_on"),
))
