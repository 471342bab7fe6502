"""The ruling of a meal or care services decision (art. 48b, art. 50 u.p.s.): what is given,
where, for how long and for what fee; never a transfer."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from app.services.provision.scope import ruling
from app.services.provision.views import ScopeView

PERIOD = "na okres od 1 marca 2026 r. do 31 sierpnia 2026 r."


def _service(fee: str, percent: str, income: str) -> ScopeView:
    return ScopeView(1, "service", "", None, Decimal("7.50"), 1, Decimal(percent),
                     Decimal(income), Decimal("38.00"), Decimal(fee), date(2024, 1, 1),
                     "Uchwała nr XII/85/2024")


def test_art_48b_ruling_names_the_provider_and_the_meals_and_no_money() -> None:
    meal = ScopeView(1, "in_kind", "Stołówka Gminna", 2, None, None, None, None, None, None,
                     None, "")
    first, note = ruling(meal, PERIOD)
    assert first == (" w postaci 2 posiłków dziennie w dni nauki lub pracy placówki, wydawanego "
                     "przez: Stołówka Gminna, na okres od 1 marca 2026 r. do 31 sierpnia 2026 r.")
    assert "nie wypłaca się pieniędzy" in note


def test_art_50_ust_6_ruling_states_the_fee_or_that_the_services_are_free() -> None:
    first, fee = ruling(_service("7.60", "20.00", "180.50"), PERIOD)
    assert first.startswith(" w zakresie 7,5 godz. tygodniowo")
    assert "Ustalić odpłatność w wysokości 20% kosztu jednej godziny usług (38,00 zł), tj. " \
           "7,60 zł za godzinę" in fee
    assert "180,5% kryterium" in fee and "1 stycznia 2024 r." in fee
    _, free = ruling(_service("0.00", "0.00", "99.00"), PERIOD)
    assert free.startswith("Usługi są nieodpłatne: dochód (99% kryterium dochodowego)")
