"""The statutory grounds of an undue FA or family benefit, and the limitation of its recovery.

Grounds (the finding records which one applies; the act decides interest by ground):

* FA, art. 2 pkt 7 lit. a-g of the act of 7 Sep 2007; art. 23 ust. 1a: interest
  ("odsetki ustawowe za opóźnienie") on lit. a, b, d, f and g only, not on c (a void or reopened
  decision) nor e (paid to another person for reasons the party had no part in). Interest runs
  from the 1st day of the month after the payment to the day of repayment (art. 23 ust. 7).
  Source: art. 23 at sip.lex.pl (Dz.U. 2022 poz. 1205 t.j.); lit. a and d also in
  gazetaprawna.pl 10636467 (Dz.U. 2025 poz. 438) and WSA IV SA/Wr 184/24; the list of grounds
  at sprawyspoleczne.krakow.pl 220506. The wording of lit. f and g is TO BE CONFIRMED against
  the consolidated text (Dz.U. 2026 poz. 79 per DOMAIN.md, not readable here).
* Family benefits, art. 30 ust. 2 u.ś.r. (pkt 1, 2, 4-7; spes.org.pl, e-prawnik.pl,
  9lib.org on pkt 4). READING, TO BE CONFIRMED against the text of art. 30: interest on the
  grounds where the party knew or was told (pkt 1, 2, 6, 7), not on pkt 4 and 5, as the FA act
  provides for the like grounds.

Limitation (art. 23 ust. 2-4 FA act; the same periods are read for u.ś.r., to be confirmed):

* no decision is issued on a benefit paid more than 10 years before (ust. 4): such items are
  refused at the finding and at the decision (``decision_barred``);
* the claim lapses 3 years after the day the recovery decision became final (ust. 2); a
  deferral, an instalment plan or a notified enforcement measure interrupts it and it runs anew
  from the next day (ust. 3) (``barred_from``).
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from app.domain.parameters import ParameterTable
from app.domain.parameters import value as param_value
from app.domain.recovery_rates import FA, RECOVERY_PARAMETERS, USR


@dataclass(frozen=True)
class LegalGround:
    """One ground the act names for a benefit being undue."""

    code: str
    act: str
    article: str
    label: str
    kind: str        # unreported_change / false_information / other (the notice check uses it)
    interest: bool   # whether the act charges interest on this ground


def _fa(letter: str, label: str, kind: str, interest: bool) -> LegalGround:
    return LegalGround(f"fa_2_7_{letter}", "fa", f"art. 2 pkt 7 lit. {letter} i art. 23 {FA}",
                       label, kind, interest)


def _usr(point: int, label: str, kind: str, interest: bool) -> LegalGround:
    return LegalGround(f"usr_30_2_{point}", "usr", f"art. 30 ust. 2 pkt {point} {USR}",
                       label, kind, interest)


GROUNDS: tuple[LegalGround, ...] = (
    _fa("a", "wypłacone mimo okoliczności powodujących ustanie albo wstrzymanie wypłaty",
        "unreported_change", True),
    _fa("b", "przyznane lub wypłacone na podstawie fałszywych zeznań lub dokumentów albo "
        "świadomego wprowadzenia w błąd", "false_information", True),
    _fa("c", "przyznane decyzją, której nieważność stwierdzono lub którą uchylono po wznowieniu "
        "postępowania", "other", False),
    _fa("d", "wypłacone, gdy osoba uprawniona otrzymała w tym czasie alimenty", "other", True),
    _fa("e", "wypłacone osobie innej niż ta, której przyznano świadczenie, z przyczyn od niej "
        "niezależnych", "other", False),
    _fa("f", "utrata i ponowne uzyskanie dochodu u tego samego pracodawcy (treść lit. f do "
        "potwierdzenia)", "other", True),
    _fa("g", "inny przypadek z art. 2 pkt 7 lit. g (treść do potwierdzenia)", "other", True),
    _usr(1, "wypłacone mimo okoliczności powodujących ustanie, zawieszenie prawa lub wstrzymanie "
         "wypłaty, gdy strona była pouczona", "unreported_change", True),
    _usr(2, "przyznane lub wypłacone na podstawie fałszywych zeznań lub dokumentów albo "
         "świadomego wprowadzenia w błąd", "false_information", True),
    _usr(4, "przyznane decyzją, której nieważność stwierdzono lub którą uchylono po wznowieniu "
         "postępowania", "other", False),
    _usr(5, "wypłacone osobie innej niż ta, której przyznano świadczenie, z przyczyn od niej "
         "niezależnych", "other", False),
    _usr(6, "przyznane za okres prawa do świadczeń w innym państwie (koordynacja systemów)",
         "other", True),
    _usr(7, "utrata i ponowne uzyskanie dochodu u tego samego pracodawcy", "other", True),
)
BY_CODE = {g.code: g for g in GROUNDS}
ACTS_WITH_GROUNDS = ("fa", "usr")


def grounds_of(act: str) -> tuple[LegalGround, ...]:
    """The grounds the act names (none for social assistance: art. 6 pkt 16 u.p.s.)."""
    return tuple(g for g in GROUNDS if g.act == act)


def default_ground(act: str, kind: str) -> LegalGround | None:
    """The act's ground for the generic kind (an unreported change or false information)."""
    return next((g for g in grounds_of(act) if g.kind == kind), None)


def _param(name: str, on: date, table: ParameterTable | None) -> object:
    return param_value(name, on, table or RECOVERY_PARAMETERS).value


def add_years(day: date, years: int) -> date:
    """The same day ``years`` later (29 Feb to 28 Feb)."""
    year = day.year + years
    return day.replace(year=year, day=min(day.day, calendar.monthrange(year, day.month)[1]))


def decision_barred(act: str, paid_on: date, on: date, table: ParameterTable | None = None) -> bool:
    """Art. 23 ust. 4 FA act: no decision on a benefit paid more than 10 years before ``on``."""
    if act not in ACTS_WITH_GROUNDS:
        return False
    years = _param(f"recovery.{act}.decision_bar_years", on, table)
    assert isinstance(years, int)
    return on > add_years(paid_on, years)


def limitation_article(act: str) -> str:
    """The provision the limitation of the act's claim rests on."""
    return f"art. 23 ust. 2-4 {FA}" if act == "fa" else f"art. 30 {USR}"


def barred_from(act: str, final_on: date, interruptions: Iterable[date],
                table: ParameterTable | None = None) -> date | None:
    """The first day the claim is barred (art. 23 ust. 2-3 FA act), or None for u.p.s.

    The period counts from the day the decision became final; each interruption on or after it
    (a deferral, an instalment plan, a notified enforcement measure) restarts it from the next
    day. A period in years ends on the day that corresponds to its first day (art. 57 § 3 KPA);
    the claim is barred from the day after.
    """
    if act not in ACTS_WITH_GROUNDS:
        return None
    start = final_on
    for day in sorted(interruptions):
        if day >= final_on:
            start = max(start, day + timedelta(days=1))
    years = _param(f"recovery.{act}.limitation_years", start, table)
    assert isinstance(years, int)
    return add_years(start, years) + timedelta(days=1)
