"""Zasiłek stały (art. 37 u.p.s.): monthly, for a person unable to work because of age or
disability; the rule is :func:`app.domain.social_assistance.zasilek_staly`."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from app.domain.benefits.catalogue import (
    INCOME_FIELDS,
    N_,
    UPS,
    Benefit,
    Kind,
    carer_benefits,
    register,
)
from app.domain.explain import Explanation, Outcome
from app.domain.social_assistance import zasilek_staly


def rule(members: list[Any], on: date, expl: Explanation, _pct: Decimal | None) -> Outcome:
    return zasilek_staly(members, on, expl, carer_benefits())


ENTRY = register(Benefit(
    code="zasilek_staly", order=10, act="ups",
    article=f"art. 37 ust. 2 {UPS}", articles="art. 8, art. 37 i art. 106 ust. 1",
    name="zasiłek stały", name_genitive="zasiłku stałego",
    label=N_("Zasiłek stały"),
    name_en="Permanent benefit (zasiłek stały)",
    kind=Kind.MONTHLY, rule=rule,
    parameter_prefix="zasilek_staly", parameters_read=("ups.", "general.", "zasilek_staly."),
    member_fields=(*INCOME_FIELDS, "unable_to_work", "other_benefits"),
))
