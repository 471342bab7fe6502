"""Reasons for granting social assistance (art. 7 u.p.s.), as stable codes."""

from __future__ import annotations

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
