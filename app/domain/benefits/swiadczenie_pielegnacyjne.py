"""Świadczenie pielęgnacyjne (art. 17 u.ś.r., the rules in force since 1 Jan 2024): monthly, for
the carer of a person under 18, the calendar year's amount; the rule is
:func:`app.domain.care_benefits.swiadczenie_pielegnacyjne`."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from app.domain.benefits.catalogue import (
    N_,
    USR,
    Benefit,
    Kind,
    Wording,
    carer_benefits,
    register,
)
from app.domain.care_benefits import swiadczenie_pielegnacyjne
from app.domain.explain import Explanation, Outcome

CODE = "swiadczenie_pielegnacyjne"


def rule(members: list[Any], on: date, expl: Explanation, _pct: Decimal | None) -> Outcome:
    return swiadczenie_pielegnacyjne(members, on, expl, CODE, carer_benefits())


ENTRY = register(Benefit(
    code=CODE, order=61, act="usr",
    member_fields=("disabled", "disability_certificate", "severe_disability_certificate",
                   "disability_degree", "constant_care", "other_benefits"),
    article=f"art. 17 ust. 1, 3 i 3a {USR}",
    articles="art. 17, art. 23 i art. 24",
    name="świadczenie pielęgnacyjne", name_genitive="świadczenia pielęgnacyjnego",
    label=N_("Świadczenie pielęgnacyjne"),
    name_en="Carer's benefit (świadczenie pielęgnacyjne)",
    kind=Kind.MONTHLY, rule=rule, carer_benefit=True, wording=Wording.CARER,
    parameter_prefix="swiadczenie_pielegnacyjne",
    parameters_read=("swiadczenie_pielegnacyjne.", "zasilek_pielegnacyjny.child_age_limit"),
    first_month_article=f"art. 24 ust. 2 {USR}",
    form_fragment={"draft_decision": {"properties": {"period_to": {"title": {
        "pl": "Okres do (najpóźniej do dnia poprzedzającego 18. urodziny osoby wymagającej "
              "opieki albo do końca ważności orzeczenia)",
        "en": "Period to (at the latest the day before the cared-for person's 18th birthday, "
              "or the end of the certificate's validity)"}}}}},
))
