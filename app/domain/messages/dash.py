"""The catalogue's texts of the head of the centre's dashboard (codes in :mod:`.codes_dash`)."""

from __future__ import annotations

from app.domain.messages.codes import N_, MessageCode, Template
from app.domain.messages.codes_dash import DashCode

TEXTS: dict[MessageCode, Template] = {
    DashCode.ROLE: Template(
        N_("Pulpit kierownika mogą oglądać tylko kierownik ośrodka i kierownicy (przełożeni)."),
        "Only the head of the centre and supervisors may see the dashboard."),
    DashCode.DRILLDOWN_ROLE: Template(
        N_("Sprawy stojące za liczbami mogą przeglądać tylko osoby z rolą w sprawach "
           "(pracownik socjalny lub kierownik)."),
        "Only people with a case role (caseworker or supervisor) may see the cases behind the "
        "figures."),
    DashCode.FILTERS_INVALID: Template(
        N_("Filtry pulpitu zawierają błędy; popraw zaznaczone pola."),
        "The dashboard's filters have errors; correct the marked fields."),
    DashCode.MONTH_FORMAT: Template(
        N_("Podaj miesiąc w postaci RRRR-MM, np. 2026-03."),
        "Give the month as YYYY-MM, e.g. 2026-03."),
    DashCode.MONTH_RANGE: Template(
        N_("Miesiąc musi przypadać w latach %(first)s-%(last)s."),
        "The month must fall in the years %(first)s-%(last)s."),
    DashCode.MONTH_ORDER: Template(
        N_("Miesiąc końcowy nie może być wcześniejszy niż początkowy."),
        "The last month may not be before the first."),
    DashCode.PERIOD_TOO_LONG: Template(
        N_("Okres może obejmować najwyżej %(months)s miesięcy."),
        "The period may cover at most %(months)s months."),
    DashCode.BENEFIT_UNKNOWN: Template(
        N_("Nie ma takiego świadczenia w katalogu."),
        "There is no such benefit in the catalogue."),
    DashCode.CASEWORKER_UNKNOWN: Template(
        N_("Nie ma takiego pracownika socjalnego."),
        "There is no such caseworker."),
    DashCode.REASON_UNKNOWN: Template(
        N_("Nie ma takiego powodu udzielenia pomocy (art. 7 u.p.s.)."),
        "There is no such reason for help (art. 7 u.p.s.)."),
    DashCode.FIGURE_UNKNOWN: Template(
        N_("Nieznana liczba; wybierz: sprawy wszczęte, przyznania, odmowy lub wypłaty."),
        "Unknown figure; choose: cases opened, grants, refusals or payments."),
}
