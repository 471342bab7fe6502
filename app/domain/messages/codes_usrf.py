"""The message codes of the dodatki, becikowe and świadczenie rodzicielskie (issue 16, lane
usrf); their texts are in :mod:`app.domain.messages.usrf`."""

from __future__ import annotations

from app.domain.messages.codes import MessageCode


class UsrfCode(MessageCode):
    """Codes of the member fields of births and the dodatki (app.domain.dodatki)."""

    SCHOOL_AWAY_UNKNOWN = "school_away_unknown"
    DODATEK_UNKNOWN = "dodatek_unknown"
