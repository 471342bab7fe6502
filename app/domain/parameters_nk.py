"""The Niebieska Karta procedure's dated parameters (a part of ``parameters.ENTRIES``; the
rules that read them are in :mod:`app.domain.niebieska_karta`, which names each reading)."""

from __future__ import annotations

from datetime import date
from typing import Any

# The 2023 regulation (Dz.U. 2023 poz. 1870) is in force from 22 Sep 2023 (published 14 Sep 2023
# with 14 days' vacatio legis: the centre's reading of its final paragraph).
_IN_FORCE = date(2023, 9, 22)

ENTRIES: list[tuple[str, date, Any, str]] = [
    ("nk.handover_working_days", _IN_FORCE, 5,
     "READING (the centre's, to confirm): § 3 rozporządzenia RM z 6 września 2023 r. w sprawie "
     "procedury „Niebieskie Karty” (Dz.U. 2023 poz. 1870): form A goes to the chair of the "
     "zespół interdyscyplinarny at once, at the latest within 5 working days of the start; the "
     "text read at prawo.pl/akty/dz-u-2023-1870 stops before it (2011 regulation § 13: 7 days)"),
    ("nk.first_meeting_days", _IN_FORCE, 14,
     "READING (the centre's; no period read in the act or Dz.U. 2023 poz. 1870): the grupa "
     "diagnostyczno-pomocowa first meets within 14 days of the chair receiving form A"),
    ("nk.closing_record_days", _IN_FORCE, 7,
     "READING (the centre's; no period in the act or Dz.U. 2023 poz. 1870): the closing the "
     "group decided at a meeting is recorded, with its ground, within 7 days of that meeting"),
]
