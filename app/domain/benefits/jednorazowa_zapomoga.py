"""Jednorazowa zapomoga z tytułu urodzenia się dziecka (becikowe, art. 15b u.ś.r.): once,
1000 zł per child born, within the income limit and 12 months of the birth; the rule is
:func:`app.domain.birth_benefits.jednorazowa_zapomoga`."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from app.domain.benefits.catalogue import (
    INCOME_FIELDS,
    N_,
    USR,
    Benefit,
    Kind,
    Wording,
    register,
)
from app.domain.benefits.forms import DRAFT
from app.domain.birth_benefits import jednorazowa_zapomoga
from app.domain.explain import Explanation, Outcome


def rule(members: list[Any], on: date, expl: Explanation, _pct: Decimal | None) -> Outcome:
    return jednorazowa_zapomoga(members, on, expl)


ENTRY = register(Benefit(
    code="jednorazowa_zapomoga", order=110, act="usr",
    article=f"art. 15b {USR}", articles="art. 15b, art. 23 i art. 24",
    name="jednorazową zapomogę z tytułu urodzenia się dziecka",
    name_genitive="jednorazowej zapomogi z tytułu urodzenia się dziecka",
    label=N_("Jednorazowa zapomoga z tytułu urodzenia się dziecka"),
    name_en="One-off childbirth grant (becikowe)",
    kind=Kind.ONE_OFF, rule=rule, wording=Wording.ONE_OFF,
    parameter_prefix="jednorazowa_zapomoga", parameters_read=("jednorazowa_zapomoga.",),
    first_month_article=f"art. 24 ust. 2 {USR}",
    # The child's birth date is its PESEL's (or the register's); the rule reads these besides.
    member_fields=(*INCOME_FIELDS, "born_on", "prenatal_care", "care_since"),
    applicant_fields=("applied_on",),  # the 12-month deadline of art. 15b ust. 4
    # The purpose is the law's (the birth): the draft opens with it.
    form_fragment={DRAFT: {"properties": {"purpose": {
        "title": {"pl": "Tytuł zapomogi", "en": "Ground of the grant"},
        "default": "urodzenie się dziecka"}}}},
))
