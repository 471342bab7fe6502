"""Checks of the member fields of births and the dodatki (:mod:`app.domain.dodatki` describes
them), kept apart from :mod:`app.domain.income` which calls them for each member."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Any

from app.domain.errors import InvalidInput
from app.domain.messages import Code, msg


class SchoolAway(StrEnum):
    """Art. 15 u.ś.r.: a child learning away from home lives where the school is, or commutes."""

    LIVING = "living"
    COMMUTING = "commuting"


SCHOOL_AWAY = tuple(SchoolAway)
# The dodatki to zasiłek rodzinny an application may ask for (art. 8 u.ś.r.), by their codes.
DODATKI = (
    "dodatek_urodzenie_dziecka", "dodatek_opieka_urlop_wychowawczy",
    "dodatek_samotne_wychowywanie", "dodatek_rodzina_wielodzietna",
    "dodatek_ksztalcenie_rehabilitacja", "dodatek_rozpoczecie_roku_szkolnego",
    "dodatek_nauka_poza_miejscem_zamieszkania",
)

# A member's facts of births and the dodatki carried as they are from the application (or the
# simulator) to the case and to the domain Member; ``born_on`` comes from the register's birth
# date and ``applied_on`` from the application's day of filing.
BIRTH_FACTS = ("prenatal_care", "care_since", "parental_leave", "school_away", "dodatki")


def check_birth_facts(m: Any, path: str) -> None:
    """Refuse a member whose birth, school-away or dodatki fields are not what they say."""
    if m.school_away not in (None, *SCHOOL_AWAY):
        raise InvalidInput(f"{path}.school_away", "School away must be 'living' or 'commuting'.")
    for name in ("born_on", "applied_on", "care_since"):
        day = getattr(m, name)
        if day is not None and (isinstance(day, datetime) or not isinstance(day, date)):
            raise InvalidInput(f"{path}.{name}", msg(Code.CALENDAR_DATE))
    for name in ("prenatal_care", "parental_leave"):
        if not isinstance(getattr(m, name), bool):
            raise InvalidInput(f"{path}.{name}", msg(Code.VALUE_TRUE_FALSE))
    if not isinstance(m.dodatki, list | tuple) or any(d not in DODATKI for d in m.dodatki):
        raise InvalidInput(f"{path}.dodatki", "Dodatki must be a list of dodatek codes.")
