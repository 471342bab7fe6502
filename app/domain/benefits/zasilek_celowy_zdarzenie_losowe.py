"""Zasiłek celowy after a random event or a natural or ecological disaster (art. 40 u.p.s.):
once, regardless of income, and possibly not returned (ust. 3). The rule is
:func:`app.domain.purpose_aid.zasilek_celowy_zdarzenie_losowe`."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from app.domain.benefits.catalogue import N_, UPS, Benefit, Kind, Wording, register
from app.domain.explain import Explanation, Outcome
from app.domain.purpose_aid import zasilek_celowy_zdarzenie_losowe


def rule(members: list[Any], on: date, expl: Explanation, _pct: Decimal | None) -> Outcome:
    return zasilek_celowy_zdarzenie_losowe(members, on, expl)


ENTRY = register(Benefit(
    code="zasilek_celowy_zdarzenie_losowe", order=26, act="ups",
    article=f"art. 40 ust. 1-3 {UPS}", articles="art. 40 i art. 106 ust. 1",
    name="zasiłek celowy w związku ze zdarzeniem losowym",
    name_genitive="zasiłku celowego w związku ze zdarzeniem losowym",
    label=N_("Zasiłek celowy w związku ze zdarzeniem losowym lub klęską"),
    name_en="Purpose benefit after a random event or disaster (art. 40)",
    kind=Kind.ONE_OFF, rule=rule, wording=Wording.ONE_OFF,
    parameter_prefix="zasilek_celowy_zdarzenie_losowe",
    parameters_read=("zasilek_celowy_zdarzenie_losowe.",),
    amount_discretion=True, returnable=True,
    # Income is not considered (art. 40 ust. 3; art. 44): no member field beyond the identity.
    member_fields=(),
    form_fragment={"draft_decision": {"properties": {
        # No formula, so no computed amount to depart from: the purpose states the need.
        "amount_reason": False,
        "purpose": {"title": {"pl": "Zdarzenie i cel zasiłku",
                              "en": "The event and the purpose of the benefit"},
                    "description": {
                        "pl": "Zdarzenie losowe, klęska żywiołowa lub ekologiczna (art. 40 ust. "
                              "1-2 u.p.s.) i na co przyznaje się zasiłek.",
                        "en": "The random event or natural or ecological disaster (art. 40 ust. "
                              "1-2) and what the benefit is for."}},
    }}},
))
