"""Świadczenie rodzicielskie (art. 17c u.ś.r.): 1000 zł a month without an income test, for 52
weeks for one child born (longer for several born at once); the rule is
:func:`app.domain.birth_benefits.swiadczenie_rodzicielskie`."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from app.domain.benefits.catalogue import N_, USR, Benefit, Kind, carer_benefits, register
from app.domain.benefits.forms import DRAFT
from app.domain.birth_benefits import incomplete_month_amount, swiadczenie_rodzicielskie
from app.domain.explain import Explanation, Outcome


def rule(members: list[Any], on: date, expl: Explanation, _pct: Decimal | None) -> Outcome:
    return swiadczenie_rodzicielskie(members, on, expl, carer_benefits())


ENTRY = register(Benefit(
    code="swiadczenie_rodzicielskie", order=120, act="usr",
    article=f"art. 17c {USR}", articles="art. 17c, art. 23 i art. 24",
    name="świadczenie rodzicielskie", name_genitive="świadczenia rodzicielskiego",
    label=N_("Świadczenie rodzicielskie"),
    name_en="Parental benefit (świadczenie rodzicielskie)",
    kind=Kind.MONTHLY, rule=rule,
    parameter_prefix="swiadczenie_rodzicielskie", parameters_read=("swiadczenie_rodzicielskie.",),
    # Granted for the weeks of art. 17c ust. 6: the draft opens with 12 months (52 weeks is
    # 364 days); the calculation names the last day, which the caseworker sets.
    end_required=True, default_term_months=12,
    # An incomplete first or last month is paid by days, rounded up to 10 groszy.
    month_amount=incomplete_month_amount,
    first_month_article=f"art. 24 ust. 2 {USR}",
    # No income test: the birth (PESEL), taking into care, and the benefits that exclude it.
    member_fields=("born_on", "care_since", "other_benefits"),
    form_fragment={DRAFT: {"properties": {"period_to": {
        "title": {"pl": "Okres do (ostatni dzień podany w wyliczeniu, art. 17c ust. 6)",
                  "en": "Period to (the last day the calculation gives, art. 17c ust. 6)"}}}}},
))
