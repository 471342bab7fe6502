"""The acts the documents cite, as dated data: title, date and the consolidated text in force.

A decision names each act by its date and title and, where confirmed, the Dziennik Ustaw
citation of the consolidated text (tekst jednolity) then in force, followed by "ze zm.". A new
consolidated text is a new entry with its ``valid_from``; never edit a past entry. Where a
citation could not be confirmed, ``journal`` is empty and the act is cited by date and title
only (always lawful, and the citation can be added here without touching any template).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class ActText:
    """One consolidated text of an act, in force from ``valid_from``."""

    act: str
    title: str  # genitive, as after "art. 8 ustawy …"
    journal: str  # "Dz.U. z 2024 r. poz. 1283", or "" when not confirmed
    valid_from: date
    source: str


ACT_TEXTS: tuple[ActText, ...] = (
    ActText("ups", "ustawy z dnia 12 marca 2004 r. o pomocy społecznej",
            "Dz.U. z 2024 r. poz. 1283", date(2024, 8, 28),
            "obwieszczenie Marszałka Sejmu RP (tekst jednolity 2024). A later consolidated text "
            "(Dz.U. 2025 poz. 1214?) was not confirmed; add it here once checked."),
    ActText("usr", "ustawy z dnia 28 listopada 2003 r. o świadczeniach rodzinnych",
            "Dz.U. z 2024 r. poz. 323", date(2024, 3, 8),
            "obwieszczenie Marszałka Sejmu RP (tekst jednolity 2024)"),
    ActText("fa", "ustawy z dnia 7 września 2007 r. o pomocy osobom uprawnionym do alimentów",
            "", date(2007, 9, 7), "citation of the consolidated text not confirmed"),
    ActText("fa", "ustawy z dnia 7 września 2007 r. o pomocy osobom uprawnionym do alimentów",
            "Dz.U. z 2026 r. poz. 79", date(2026, 1, 26),
            "obwieszczenie Marszałka Sejmu RP z dnia 21 stycznia 2026 r. (Dz. U. poz. 79), "
            "tekst jednolity; published 26 Jan 2026 (infor.pl akt-prawny DZU.2026.026.0000079). "
            "The earlier text Dz.U. z 2023 r. poz. 1993 (cited by infor.pl 6757490) was not "
            "dated here; add it with its publication date once checked."),
    ActText("kpa", "ustawy z dnia 14 czerwca 1960 r. – Kodeks postępowania administracyjnego",
            "Dz.U. z 2024 r. poz. 572", date(2024, 4, 18),
            "obwieszczenie Marszałka Sejmu RP (tekst jednolity 2024)"),
)


def act_text(act: str, on: date) -> ActText:
    """The consolidated text of ``act`` in force on ``on`` (the latest one before it)."""
    texts = [t for t in ACT_TEXTS if t.act == act and t.valid_from <= on]
    if not texts:
        texts = [t for t in ACT_TEXTS if t.act == act]
    return max(texts, key=lambda t: t.valid_from)


def cite(act: str, on: date) -> str:
    """'ustawy z dnia … (Dz.U. z 2024 r. poz. 1283 ze zm.)', or the title alone."""
    text = act_text(act, on)
    return f"{text.title} ({text.journal} ze zm.)" if text.journal else text.title
