"""The catalogue's texts of the MRPiPS-03 report (codes in :mod:`.codes_rep`)."""

from __future__ import annotations

from app.domain.messages.codes import N_, MessageCode, Template
from app.domain.messages.codes_rep import RepCode

TEXTS: dict[MessageCode, Template] = {
    RepCode.ROLE: Template(
        N_("Sprawozdanie MRPiPS-03 sporządza kierownik ośrodka albo kierownik działu."),
        "The MRPiPS-03 report is made by the head of the centre or a supervisor."),
    RepCode.YEAR_INVALID: Template(
        N_("Podaj rok jako cztery cyfry, od 2004 (od wejścia w życie ustawy o pomocy społecznej)."),
        "Give the year as four digits, from 2004 (when the act on social assistance came into force)."),
    RepCode.YEAR_FUTURE: Template(
        N_("Sprawozdanie można sporządzić za rok bieżący lub za lata wcześniejsze."),
        "The report can be made for the current year or earlier years."),
    RepCode.HALF_INVALID: Template(
        N_("Półrocze to 1 albo 2 (pominięte: cały rok)."),
        "The half-year is 1 or 2 (omitted: the whole year)."),
    RepCode.FORMAT_INVALID: Template(
        N_("Format to json, xlsx albo csv."),
        "The format is json, xlsx or csv."),
}
