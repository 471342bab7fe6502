"""Specjalny zasiłek opiekuńczy (art. 16a u.ś.r.): 620 zł a month for a carer who gave up work,
with the income criterion over both families and no złotówka za złotówkę; the rule is
:func:`app.domain.care_benefits.specjalny_zasilek_opiekunczy`. Granted for the benefit period
(okres zasiłkowy 1 Nov – 31 Oct, art. 24 ust. 1–2), as zasiłek rodzinny: its parameters are
those of the period's first day and its first months are paid by the deadlines of art. 26."""

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
    carer_benefits,
    register,
)
from app.domain.care_benefits import specjalny_zasilek_opiekunczy
from app.domain.explain import Explanation, Outcome

CODE = "specjalny_zasilek_opiekunczy"


def rule(members: list[Any], on: date, expl: Explanation, _pct: Decimal | None) -> Outcome:
    return specjalny_zasilek_opiekunczy(members, on, expl, CODE, carer_benefits())


ENTRY = register(Benefit(
    code=CODE, order=62, act="usr",
    member_fields=(*INCOME_FIELDS, "disabled", "disability_certificate", "severe_disability_certificate",
                   "disability_degree", "constant_care", "gave_up_work", "other_benefits"),
    article=f"art. 16a ust. 1–3 {USR}",
    articles="art. 16a, art. 23 i art. 24",
    name="specjalny zasiłek opiekuńczy", name_genitive="specjalnego zasiłku opiekuńczego",
    label=N_("Specjalny zasiłek opiekuńczy"),
    name_en="Special care allowance (specjalny zasiłek opiekuńczy)",
    kind=Kind.MONTHLY, rule=rule, carer_benefit=True, wording=Wording.CARER,
    parameter_prefix="specjalny_zasilek_opiekunczy",
    parameters_read=("specjalny_zasilek_opiekunczy.", "zasilek_pielegnacyjny.child_age_limit"),
    first_month_article=f"art. 24 ust. 2 {USR}",
    period_start_parameter="specjalny_zasilek_opiekunczy.period_start_month",
    benefit_period_article=f"art. 24 ust. 1–2 {USR}",
    form_fragment={"draft_decision": {"properties": {"period_to": {"title": {
        "pl": "Okres do (na okres zasiłkowy, najpóźniej do 31 października; przy orzeczeniu na "
              "czas określony – do końca miesiąca jego ważności)",
        "en": "Period to (for the benefit period, at the latest 31 October; with a certificate "
              "for a set time, to the end of its last month)"}}}}},
))
