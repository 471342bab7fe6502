"""Payment dates (the centre's day, statutory first payments of family benefits and FA), titles
and the Elixir-O record."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from app.domain.payment_dates import add_months, deferred_to, due_date, payment_date, payment_title
from app.services.payments import elixir


def test_the_payment_day_moves_back_to_a_working_day() -> None:
    assert payment_date(10, date(2026, 3, 1)) == date(2026, 3, 10)
    assert payment_date(10, date(2026, 5, 1)) == date(2026, 5, 8)  # Sunday 10 May
    assert payment_date(1, date(2026, 11, 1)) == date(2026, 10, 30)  # All Saints', a Sunday
    assert add_months(date(2026, 11, 1), 3) == date(2027, 2, 1)
    assert add_months(date(2026, 1, 1), -2) == date(2025, 11, 1)


@pytest.mark.parametrize(("filed", "month", "paid_in"), [
    (date(2026, 8, 31), date(2026, 11, 1), None),                 # by 31 Aug: in November
    (date(2026, 9, 1), date(2026, 11, 1), date(2026, 12, 1)),     # Sep-Oct: by 31 Dec
    (date(2026, 10, 31), date(2026, 11, 1), date(2026, 12, 1)),
    (date(2026, 10, 31), date(2026, 12, 1), None),                # December is not deferred
    (date(2026, 11, 5), date(2026, 11, 1), date(2027, 2, 1)),     # Nov-Dec: by end of February
    (date(2026, 12, 20), date(2027, 1, 1), date(2027, 2, 1)),
    (date(2027, 1, 5), date(2027, 1, 1), None),                   # later: in its own month
])
def test_zasilek_rodzinny_first_payments(filed: date, month: date, paid_in: date | None) -> None:
    assert deferred_to("zasilek_rodzinny", filed, month) == paid_in


@pytest.mark.parametrize(("filed", "month", "paid_in"), [
    (date(2026, 8, 10), date(2026, 10, 1), None),
    (date(2026, 9, 10), date(2026, 10, 1), date(2026, 11, 1)),
    (date(2026, 10, 10), date(2026, 11, 1), date(2026, 12, 1)),
    (date(2026, 11, 10), date(2026, 11, 1), date(2027, 1, 1)),
    (date(2027, 1, 10), date(2027, 1, 1), date(2027, 2, 1)),
    (date(2027, 2, 10), date(2027, 2, 1), None),
])
def test_fa_first_payments(filed: date, month: date, paid_in: date | None) -> None:
    assert deferred_to("fundusz_alimentacyjny", filed, month) == paid_in


def test_social_assistance_is_paid_in_its_month() -> None:
    assert deferred_to("zasilek_staly", date(2026, 9, 1), date(2026, 11, 1)) is None
    assert due_date("zasilek_staly", date(2026, 11, 1), 10, date(2026, 9, 1)) == date(2026, 11, 10)
    assert due_date("zasilek_rodzinny", date(2026, 11, 1), 15, date(2026, 9, 1)) == date(2026, 12, 15)


def test_a_title_names_the_month_paid_not_the_list() -> None:
    assert payment_title("zasilek_staly", date(2026, 11, 1), "DEC/2026/00012") == \
        "Zasiłek stały za 11/2026, DEC/2026/00012"
    assert payment_title("fundusz_alimentacyjny", date(2027, 1, 1), None) == \
        "Świadczenie z funduszu alimentacyjnego za 01/2027"


def test_accounts_are_checked_with_stdnum() -> None:
    assert elixir.nrb("PL61 1090 1014 0000 0712 1981 2874") == "61109010140000071219812874"
    assert elixir.nrb("61109010140000071219812874") == "61109010140000071219812874"
    for bad in ("61109010140000071219812875", "PL6110901014", "", None, "DE89370400440532013000",
                "PL61109010140000071219812874'; DROP"):
        assert elixir.nrb(bad) is None, bad


def test_an_elixir_record_follows_the_layout() -> None:
    t = elixir.Transfer(Decimal("1229.05"), "61109010140000071219812874",
                        'Jan "Kowalski"|Nowak', "ul. Długa 1, 32-065 Krzeszowice",
                        "Zasiłek stały za 11/2026, DEC/2026/00012")
    data = elixir.build(date(2026, 12, 10), "94102028920000510200123456", "GOPS Krzeszowice",
                        "ul. Krakowska 1", [t, t], "cp1250")
    lines = data.split(b"\r\n")
    assert lines[-1] == b"" and len(lines) == 3
    assert lines[0].decode("cp1250") == (
        '110,20261210,122905,10202892,0,"94102028920000510200123456","61109010140000071219812874",'
        '"GOPS Krzeszowice|ul. Krakowska 1","Jan \'Kowalski\'/Nowak|ul. Długa 1, 32-065 Krzeszowice",'
        '0,10901014,"Zasiłek stały za 11/2026,|DEC/2026/00012","","","51",""')
    long = elixir.text_lines("x" * 200)
    assert long.count("|") == 3 and all(len(p) == 35 for p in long.split("|"))
