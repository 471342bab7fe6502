"""The catalogue's texts of the dodatki, becikowe and świadczenie rodzicielskie (issue 16)."""

from __future__ import annotations

from app.domain.messages.codes import N_, MessageCode, Template
from app.domain.messages.codes_usrf import UsrfCode

TEXTS: dict[MessageCode, Template] = {
    UsrfCode.SCHOOL_AWAY_UNKNOWN: Template(
        N_("Wybierz z listy, czy dziecko mieszka w miejscowości szkoły, czy dojeżdża."),
        "Unknown school-away value; allowed: %(allowed)s."),
    UsrfCode.DODATEK_UNKNOWN: Template(
        N_("Wybierz dodatki do zasiłku rodzinnego z listy."),
        "Unknown dodatek; allowed: %(allowed)s."),
}
