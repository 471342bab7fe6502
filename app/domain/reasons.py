"""Reasons for granting social assistance (art. 7 u.p.s.), as stable codes; and the stable codes of
a household member's facts (relation, disability degree, single-parent ground, other benefits)."""

from __future__ import annotations

from enum import StrEnum

# Code -> (Polish label, English label). The order follows art. 7.
REASONS: dict[str, tuple[str, str]] = {
    "ubostwo": ("ubóstwo", "poverty"),
    "sieroctwo": ("sieroctwo", "orphanhood"),
    "bezdomnosc": ("bezdomność", "homelessness"),
    "bezrobocie": ("bezrobocie", "unemployment"),
    "niepelnosprawnosc": ("niepełnosprawność", "disability"),
    "choroba": ("długotrwała lub ciężka choroba", "long-term or serious illness"),
    "przemoc": ("przemoc domowa", "domestic violence"),
    "handel_ludzmi": ("potrzeba ochrony ofiar handlu ludźmi", "victims of human trafficking"),
    "macierzynstwo": ("potrzeba ochrony macierzyństwa lub wielodzietności", "maternity or large family"),
    "bezradnosc": (
        "bezradność w sprawach opiekuńczo-wychowawczych",
        "helplessness in care and upbringing",
    ),
    "integracja_cudzoziemcow": ("trudności w integracji cudzoziemców", "integration of foreigners"),
    "zaklad_karny": ("trudności po opuszczeniu zakładu karnego", "leaving prison"),
    "uzaleznienie": ("alkoholizm lub narkomania", "alcoholism or drug addiction"),
    "zdarzenie_losowe": ("zdarzenie losowe i sytuacja kryzysowa", "random event or crisis"),
    "kleska": ("klęska żywiołowa lub ekologiczna", "natural or ecological disaster"),
}

RELATIONS = ("applicant", "spouse", "partner", "child", "parent", "sibling", "other")


class DisabilityDegree(StrEnum):
    """The certificate a member holds (ustawa o rehabilitacji zawodowej i społecznej, art. 4–5, 6b):
    a child's orzeczenie o niepełnosprawności (under 16), or the degree of an orzeczenie o stopniu
    niepełnosprawności."""

    CHILD = "child"
    LEKKI = "lekki"
    UMIARKOWANY = "umiarkowany"
    ZNACZNY = "znaczny"


class SingleParentReason(StrEnum):
    """The grounds of art. 11a ust. 1 u.ś.r. on which a parent alone gets zasiłek rodzinny and the
    dodatek of art. 11: the other parent is dead, the father is unknown, or the claim for alimony
    from the other parent was dismissed."""

    DECEASED = "deceased"
    UNKNOWN = "unknown"
    ALIMONY_DISMISSED = "alimony_dismissed"


# The other benefits a household member may already receive (the application's and the
# simulator's checkboxes) that are not benefits of the catalogue: those of art. 37 ust. 5 u.p.s.,
# the dodatek pielęgnacyjny (ZUS; no zasiłek pielęgnacyjny with it, art. 16 ust. 6 u.ś.r.) and
# zasiłek macierzyński (no świadczenie rodzicielskie with it, art. 17c u.ś.r.). The carer's
# benefits of the catalogue (świadczenie pielęgnacyjne, specjalny zasiłek opiekuńczy) are named
# by their codes: the whole list is app.services.kernel.inputs.cases.OTHER_BENEFITS (issue 16).
OTHER_BENEFITS_OUTSIDE_CATALOGUE = (
    "renta_socjalna", "zasilek_dla_opiekuna", "dodatek_samotne_wychowywanie_bezrobocie",
    "dodatek_pielegnacyjny", "zasilek_macierzynski",
)

# A member's facts that the care benefits and the dodatki read, carried as they are from the
# application (or the simulator) to the case and to the domain Member (app.domain.income.Member).
CARE_FACTS = ("disability_degree", "disability_onset_age", "constant_care", "gave_up_work",
              "single_parent_reason")
