"""Zasiłek pielęgnacyjny (art. 16 u.ś.r.): a fixed monthly amount for each entitled person, no
income test; the rule is :func:`app.domain.care_benefits.zasilek_pielegnacyjny`."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from app.domain.benefits.catalogue import N_, USR, Benefit, Kind, Wording, register
from app.domain.care_benefits import zasilek_pielegnacyjny
from app.domain.explain import Explanation, Outcome


def rule(members: list[Any], on: date, expl: Explanation, _pct: Decimal | None) -> Outcome:
    return zasilek_pielegnacyjny(members, on, expl)


ENTRY = register(Benefit(
    code="zasilek_pielegnacyjny", order=60, act="usr",
    member_fields=("disabled", "disability_certificate", "severe_disability_certificate",
                   "disability_degree", "disability_onset_age", "other_benefits"),
    article=f"art. 16 ust. 2–3 {USR}",
    articles="art. 16, art. 23 i art. 24",
    name="zasiłek pielęgnacyjny", name_genitive="zasiłku pielęgnacyjnego",
    label=N_("Zasiłek pielęgnacyjny"),
    name_en="Care supplement (zasiłek pielęgnacyjny)",
    kind=Kind.MONTHLY, rule=rule, wording=Wording.PER_ENTITLED,
    parameter_prefix="zasilek_pielegnacyjny", parameters_read=("zasilek_pielegnacyjny.",),
    first_month_article=f"art. 24 ust. 2 {USR}",
    form_fragment={"draft_decision": {"properties": {"period_to": {"title": {
        "pl": "Okres do (puste: na czas nieokreślony; przy orzeczeniu na czas określony – do "
              "ostatniego dnia miesiąca jego ważności, art. 24 ust. 4)",
        "en": "Period to (empty: indefinitely; with a certificate for a set time, to the end of "
              "its last month, art. 24 ust. 4)"}}}}},
))
