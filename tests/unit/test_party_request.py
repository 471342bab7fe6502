"""Art. 107 § 4 KPA: the justification is left out only when the decision grants the party's
recorded request in full; where the amount or period is discretionary and nothing was asked for,
the decision is justified."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from app.domain.party_request import PartyRequest, asks_request, grants_in_full

FLOOR, MAX = Decimal("355.00"), Decimal("710.00")
END = date(2026, 5, 31)


def test_art_107_par_4_zasilek_okresowy_at_the_floor_without_a_request_is_justified() -> None:
    assert not grants_in_full("zasilek_okresowy", "grant", FLOOR, END, None, MAX)
    assert not grants_in_full("zasilek_okresowy", "grant", FLOOR, END, PartyRequest(), MAX)


def test_art_107_par_4_a_grant_of_what_was_asked_for_omits_it() -> None:
    asked = PartyRequest(Decimal("300.00"), END)
    assert grants_in_full("zasilek_okresowy", "grant", FLOOR, END, asked, MAX)
    # Less than asked, or a shorter period: not in full.
    assert not grants_in_full("zasilek_okresowy", "grant", FLOOR, END,
                              PartyRequest(Decimal("500.00"), END), MAX)
    assert not grants_in_full("zasilek_okresowy", "grant", FLOOR, date(2026, 4, 30), asked, MAX)
    # A period asked for but no amount: only the most the law allows grants it in full.
    assert grants_in_full("zasilek_okresowy", "grant", MAX, END, PartyRequest(until=END), MAX)
    assert not grants_in_full("zasilek_okresowy", "grant", FLOOR, END, PartyRequest(until=END),
                              MAX)
    # An amount but no period: the centre chose the period.
    assert not grants_in_full("zasilek_okresowy", "grant", FLOOR, END,
                              PartyRequest(Decimal("300.00")), MAX)


def test_art_107_par_4_one_off_and_fixed_benefits() -> None:
    assert grants_in_full("specjalny_zasilek_celowy", "grant", Decimal("800.00"), None,
                          PartyRequest(Decimal("800.00")), Decimal("1010.00"))
    assert not grants_in_full("specjalny_zasilek_celowy", "grant", Decimal("500.00"), None,
                              PartyRequest(Decimal("800.00")), Decimal("1010.00"))
    # Where the act fixes amount and period, a grant is all that can be asked for.
    assert grants_in_full("zasilek_staly", "grant", Decimal("719.00"), None, None)
    assert not grants_in_full("zasilek_staly", "partial", Decimal("719.00"), None, None)
    assert asks_request("zasilek_okresowy") and not asks_request("zasilek_rodzinny")


def test_art_107_par_4_the_request_is_validated_as_part_of_the_application() -> None:
    import pytest

    from app.services.cases.application_input import validate_application
    from app.services.kernel.errors import ValidationFailed
    from tests.drive import sample_application

    today = date(2026, 3, 2)
    ok = validate_application(sample_application(requested_amount="300,00",
                                                 requested_until="2026-05-31"), today, page=True)
    assert ok["requested_amount"] == Decimal("300.00")
    assert ok["requested_until"] == date(2026, 5, 31)
    none = validate_application(sample_application(), today, page=True)
    assert none["requested_amount"] is None and none["requested_until"] is None
    for bad, field in ((dict(requested_amount="-5"), "requested_amount"),
                       (dict(requested_amount="0"), "requested_amount"),
                       (dict(requested_amount="abc"), "requested_amount"),
                       (dict(requested_amount=True), "requested_amount"),
                       (dict(requested_until="2026-02-30"), "requested_until"),
                       (dict(requested_until="2026-02-01"), "requested_until"),
                       (dict(requested_until="2099-01-01"), "requested_until"),
                       (dict(requested_until=20260301), "requested_until"),
                       (dict(benefit="zasilek_rodzinny", requested_until="2026-05-31"),
                        "requested_until")):
        with pytest.raises(ValidationFailed) as refused:
            validate_application(sample_application(**bad), today, page=True)
        assert field in refused.value.errors, bad
