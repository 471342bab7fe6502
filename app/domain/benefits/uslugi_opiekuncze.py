"""Usługi opiekuńcze (art. 50 u.p.s.): a service, granted with its scope (hours a week), period
and fee; the fee follows the rada gminy's resolution (art. 50 ust. 6), a dated table by income
against the criterion (:mod:`app.domain.care_fees`, kept by an admin). The rule is
:func:`app.domain.in_kind.uslugi_opiekuncze`; the monthly list of services with hours and fees is
:mod:`app.services.provision.lists` (the party pays the fee; nothing is transferred to them)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from app.domain.benefits.catalogue import INCOME_FIELDS, N_, UPS, Benefit, Kind, Wording, register
from app.domain.explain import Explanation, Outcome
from app.domain.in_kind import uslugi_opiekuncze


def rule(members: list[Any], on: date, expl: Explanation, _pct: Decimal | None) -> Outcome:
    return uslugi_opiekuncze(members, on, expl)


ENTRY = register(Benefit(
    code="uslugi_opiekuncze", order=54, act="ups",
    article=f"art. 50 ust. 6 {UPS}", articles="art. 7, art. 50 i art. 106 ust. 1",
    name="usługi opiekuńcze", name_genitive="usług opiekuńczych",
    label=N_("Usługi opiekuńcze"),
    name_en="Care services (usługi opiekuńcze)",
    kind=Kind.SERVICE, rule=rule, wording=Wording.SERVICE,
    end_required=True, default_term_months=6, period_discretion=True,
    parameter_prefix="uslugi_opiekuncze", parameters_read=("ups.",),
    member_fields=INCOME_FIELDS,
    form_fragment={"draft_decision": {"properties": {
        "period_to": {"title": {"pl": "Okres do (wymagane: usługi na określony okres)",
                                "en": "Period to (required: services for a set period)"}},
    }}},
))
