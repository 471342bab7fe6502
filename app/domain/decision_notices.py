"""The notices a decision prints after the appeal instruction, and the decisions each fits.

A notice is data: its topic, its text under each act, and the sorts of decision it fits. A
decision's sort is its kind (``grant``, ``partial``, ``refusal``), or ``change`` / ``revocation``
for a decision that changes or revokes an earlier one (:func:`decision_sort`). The template prints
whatever :func:`notices_for` returns; it asks nothing about the decision itself.

- the party's duty to report changes (art. 109 u.p.s., art. 25 u.ś.r., the FA act) fits a
  decision under which a benefit is paid: a grant, a partial grant, a change;
- the return of undue benefits (art. 98, 104 u.p.s., art. 30 u.ś.r., art. 23 of the FA act)
  fits those and a revocation (what was paid after the day it takes effect is undue);
- a refusal grants nothing: neither fits it.
"""

from __future__ import annotations

from dataclasses import dataclass

SORTS = frozenset({"grant", "partial", "refusal", "change", "revocation"})
PAYING = frozenset({"grant", "partial", "change"})


@dataclass(frozen=True)
class Notice:
    """One notice: ``topic`` names it, ``texts`` maps an act (ups, usr, fa) to its words,
    ``fits`` the sorts of decision that print it."""

    topic: str
    texts: dict[str, str]
    fits: frozenset[str]


DUTY_TO_REPORT = Notice("duty_to_report", {
    "ups": "Strona jest obowiązana niezwłocznie poinformować organ, który przyznał świadczenie, o "
           "każdej zmianie w swojej sytuacji osobistej, dochodowej i majątkowej, która wiąże się z "
           "podstawą do przyznania świadczeń (art. 109 ustawy o pomocy społecznej).",
    "usr": "Osoba otrzymująca świadczenia rodzinne jest obowiązana do niezwłocznego powiadomienia "
           "organu wypłacającego świadczenia o zmianach mających wpływ na prawo do świadczeń "
           "rodzinnych, w tym o zmianie liczby członków rodziny, uzyskaniu dochodu przez członka "
           "rodziny oraz wyjeździe członka rodziny poza granice Rzeczypospolitej Polskiej (art. 25 "
           "ustawy o świadczeniach rodzinnych).",
    "fa": "Osoba uprawniona albo jej przedstawiciel ustawowy są obowiązani do niezwłocznego "
          "powiadomienia organu o zmianie liczby członków rodziny, uzyskaniu lub utracie dochodu "
          "oraz o innych zmianach mających wpływ na prawo do świadczeń z funduszu alimentacyjnego.",
}, PAYING)

UNDUE_RETURN = Notice("undue_return", {
    "ups": "Świadczenia nienależnie pobrane, w tym uzyskane na podstawie nieprawdziwych informacji "
           "albo wskutek niepoinformowania organu o zmianie sytuacji, podlegają zwrotowi (art. 6 "
           "pkt 16, art. 98 i art. 104 ustawy o pomocy społecznej).",
    "usr": "Osoba, która pobrała nienależnie świadczenia rodzinne, jest obowiązana do ich zwrotu "
           "wraz z ustawowymi odsetkami (art. 30 ustawy o świadczeniach rodzinnych).",
    "fa": "Osoba, która pobrała nienależnie świadczenia z funduszu alimentacyjnego, jest obowiązana "
          "do ich zwrotu wraz z ustawowymi odsetkami (art. 23 ustawy o pomocy osobom uprawnionym "
          "do alimentów).",
}, PAYING | {"revocation"})

ALL: tuple[Notice, ...] = (DUTY_TO_REPORT, UNDUE_RETURN)


def decision_sort(kind: str, purpose: str | None) -> str:
    """The sort of a decision: ``change`` or ``revocation`` when it acts on an earlier decision
    with that purpose, else its kind (a decision on an appeal decides the application anew)."""
    if purpose in ("change", "parameter_change"):
        return "revocation" if kind == "refusal" else "change"
    if purpose == "revocation":
        return "revocation"
    return kind


def notices_for(act: str, sort: str) -> tuple[str, ...]:
    """The texts of the notices that fit a decision of ``sort`` under ``act``, in order."""
    return tuple(n.texts[act] for n in ALL if sort in n.fits and act in n.texts)
