"""Sprawienie pogrzebu (art. 44 u.p.s.): the gmina arranges the funeral (a service, paid to its
provider, never a transfer to the party); its costs are returned from the funeral allowance due
after the deceased or from the estate (art. 96 ust. 3), so they are recorded as a claim in the
recovery ledger. The rule is :func:`app.domain.purpose_aid.sprawienie_pogrzebu`."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from app.domain.benefits.catalogue import N_, UPS, Benefit, Kind, Wording, register
from app.domain.explain import Explanation, Outcome
from app.domain.purpose_aid import sprawienie_pogrzebu


def rule(members: list[Any], on: date, expl: Explanation, _pct: Decimal | None) -> Outcome:
    return sprawienie_pogrzebu(members, on, expl)


ENTRY = register(Benefit(
    code="sprawienie_pogrzebu", order=35, act="ups",
    article=f"art. 44 {UPS}", articles="art. 44, art. 96 ust. 3 i art. 106 ust. 1",
    name="pomoc w formie sprawienia pogrzebu",
    name_genitive="pomocy w formie sprawienia pogrzebu",
    label=N_("Sprawienie pogrzebu"),
    name_en="Funeral arranged by the gmina (sprawienie pogrzebu)",
    kind=Kind.ONE_OFF, rule=rule, wording=Wording.SERVICE_COSTS,
    parameter_prefix="sprawienie_pogrzebu", parameters_read=("sprawienie_pogrzebu.",),
    amount_discretion=True, paid_to="provider",
    # Income is not considered (art. 40 ust. 3; art. 44): no member field beyond the identity.
    member_fields=(),
    form_fragment={"draft_decision": {"properties": {
        # No formula, so no computed amount to depart from: the purpose states the need.
        "amount_reason": False,
        "amount": {"title": {"pl": "Koszt pogrzebu (zł)", "en": "Cost of the funeral (PLN)"},
                   "description": {
                       "pl": "Koszt usługi pogrzebowej, którą gmina opłaca wykonawcy; podlega "
                             "zwrotowi z zasiłku pogrzebowego albo z masy spadkowej (art. 96 "
                             "ust. 3 u.p.s.).",
                       "en": "The cost of the funeral service the gmina pays its provider; "
                             "returned from the funeral allowance or the estate (art. 96 ust. 3)."}},
        "period_from": {"title": {"pl": "Data pogrzebu", "en": "Date of the funeral"}},
        # The provider the centre orders the funeral from and pays (on the month's list of
        # funerals, app.services.provision.lists), never the party.
        "provider": {"title": {"pl": "Zakład pogrzebowy (wykonawca usługi)",
                               "en": "Funeral home (the service's provider)"},
                     "description": {
                         "pl": "Wykonawca, któremu ośrodek zleca pogrzeb i płaci za niego na "
                               "podstawie rachunku; trafia na miesięczną listę pogrzebów.",
                         "en": "The provider the centre orders the funeral from and pays on its "
                               "invoice; it goes on the month's list of funerals."}},
        "purpose": {"title": {"pl": "Zmarły i sposób pogrzebu",
                              "en": "The deceased and the funeral"},
                    "description": {
                        "pl": "Imię i nazwisko zmarłego, data zgonu, wyznanie i sposób pogrzebu "
                              "ustalony przez gminę (art. 44 u.p.s.).",
                        "en": "The deceased's name, date of death, faith and the funeral as the "
                              "gmina arranges it (art. 44)."}},
    }}},
))
