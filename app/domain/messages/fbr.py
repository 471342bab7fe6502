"""The catalogue's part for the family-benefit and FA reports (codes in :mod:`.codes_fbr`)."""

from __future__ import annotations

from app.domain.messages.codes import N_, MessageCode, Template
from app.domain.messages.codes_fbr import FbrCode

TEXTS: dict[MessageCode, Template] = {
    FbrCode.REPORT_ROLE: Template(
        N_("Sprawozdania czyta kierownik ośrodka lub osoba zatwierdzająca decyzje."),
        "Reports are read by the head of the centre or a supervisor."),
    FbrCode.REPORT_PERIOD_INVALID: Template(
        N_("Popraw okres sprawozdania."),
        "Correct the report's period."),
    FbrCode.REPORT_YEAR: Template(
        N_("Podaj rok jako cztery cyfry (od %(min)s do %(max)s)."),
        "Give the year as four digits (from %(min)s to %(max)s)."),
    FbrCode.REPORT_HALF: Template(
        N_("Półrocze to 1 albo 2 (puste: cały rok)."),
        "The half is 1 or 2 (empty: the whole year)."),
    FbrCode.REPORT_MONTH: Template(
        N_("Podaj miesiąc w postaci RRRR-MM."),
        "Give the month as YYYY-MM."),
    FbrCode.REPORT_PERIOD_MIXED: Template(
        N_("Podaj rok i półrocze albo miesiące od i do, nie jedno i drugie."),
        "Give the year and half or the months from and to, not both."),
    FbrCode.REPORT_PERIOD_MISSING: Template(
        N_("Podaj rok albo miesiące od i do."),
        "Give the year or the months from and to."),
    FbrCode.REPORT_PERIOD_ORDER: Template(
        N_("Miesiąc końcowy nie może być wcześniejszy niż początkowy."),
        "The last month may not be before the first."),
    FbrCode.REPORT_PERIOD_TOO_LONG: Template(
        N_("Okres sprawozdania może mieć najwyżej %(months)s miesięcy."),
        "The report's period may have at most %(months)s months."),
    FbrCode.REPORT_FORMAT: Template(
        N_("Format to json, xlsx albo csv."),
        "The format is json, xlsx or csv."),
}
