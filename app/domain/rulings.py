"""What a decision that acts on an earlier decision rules, on which ground and on which basis.

A decision is changed or revoked only by another decision, and each kind says something else:

==================  =============================================================================
purpose             ruling and basis
==================  =============================================================================
``change``,         "zmienić decyzję nr … w ten sposób, że od dnia …"; the benefit act's own
``parameter_change`` provision where it names the ground (art. 106 ust. 5 u.p.s., art. 32 ust. 1
                    u.ś.r., art. 24 ust. 1 of the FA act); otherwise art. 155 KPA, and only with
                    the party's consent recorded (art. 154 KPA only for a decision under which no
                    party acquired a right, never a running grant)
``revocation``      "uchylić decyzję nr … z dniem …", on the same basis as a change
``self_correction`` the centre's own new decision on a timely appeal it grants in full (art. 132
                    § 1 KPA): "uchylić w całości zaskarżoną decyzję … i orzec co do istoty"
``reexamination``   a new decision after the SKO quashed the old one and returned the case (art.
                    138 § 2 KPA): the old decision no longer stands, so nothing is "changed"; the
                    application is decided anew
==================  =============================================================================

The ground is the one the caseworker recorded when the change was opened (:data:`GROUNDS`), never
one inferred from the purpose. Sources (read 7 Dec 2026):

- art. 106 ust. 5 u.p.s., as quoted by WSA Warszawa, I SA/Wa 1209/10: a decision is changed or
  revoked to the party's detriment without consent "w przypadku zmiany przepisów prawa, zmiany
  sytuacji dochodowej lub osobistej strony, pobrania nienależnego świadczenia" (and art. 11, 12,
  107 ust. 5); a change in the party's favour needs no consent;
- art. 32 ust. 1 u.ś.r., as quoted by NSA, I OSK 620/10 (prawo.pl): without consent "jeżeli uległa
  zmianie sytuacja rodzinna lub dochodowa rodziny mająca wpływ na prawo do świadczeń rodzinnych,
  członek rodziny nabył prawo do świadczeń w innym państwie … albo osoba nienależnie pobrała
  świadczenie rodzinne" — a change of law or "other" circumstances are not named, so those take
  art. 155 KPA with consent (a reading; kept here as data);
- art. 24 ust. 1–2 of the FA act (Dz.U. 2023 poz. 1993, inforlex): without consent "jeżeli uległa
  zmianie sytuacja rodzinna lub dochodowa rodziny …, egzekucja stała się skuteczna, osoba
  nienależnie pobrała świadczenia lub wystąpiły inne okoliczności mające wpływ na prawo do
  świadczeń";
- art. 155 KPA (sip.lex.pl): a final decision under which the party acquired a right may be
  changed or revoked "za zgodą strony … jeżeli przepisy szczególne nie sprzeciwiają się";
  art. 154: the same without consent only where no party acquired a right;
- art. 132 § 1 KPA: the body may change its decision on appeal only when the appeal deserves to
  be granted in full (the 7 days of art. 133 are enforced where the appeal is handled).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

# Why a case that decides anew on a decision was opened.
PURPOSES = ("parameter_change", "change", "revocation", "self_correction", "reexamination")
CHANGING = frozenset({"parameter_change", "change", "revocation"})

# The coded grounds a caseworker records when opening a change or revocation.
GROUNDS = ("employment", "income_change", "household_change", "parameter_change",
           "party_request", "review", "other")
MAX_GROUND_TEXT = 2000

# "w związku …" (z/ze and the instrumental), as printed in the decision.
GROUND_PHRASES = {
    "employment": "z podjęciem zatrudnienia przez stronę",
    "income_change": "ze zmianą sytuacji dochodowej strony (rodziny)",
    "household_change": "ze zmianą składu rodziny lub sytuacji osobistej strony",
    "parameter_change": "ze zmianą przepisów prawa – parametrów ustawowych (kryterium dochodowego "
                        "lub kwoty świadczenia) obowiązujących od dnia {on}",
    "party_request": "z wnioskiem strony",
    "review": "z ustaleniami aktualizacji rodzinnego wywiadu środowiskowego, z których wynika "
              "zmiana sytuacji osobistej lub dochodowej strony",
    "other": "z następującą okolicznością: {text}",
}


@dataclass(frozen=True)
class ChangeProvision:
    """The benefit act's own provision for changing or revoking a grant without consent."""

    act: str
    article: str
    grounds: frozenset[str]


CHANGE_PROVISIONS = {
    "ups": ChangeProvision("ups", "art. 106 ust. 5", frozenset(
        {"employment", "income_change", "household_change", "parameter_change", "review"})),
    "usr": ChangeProvision("usr", "art. 32 ust. 1", frozenset(
        {"employment", "income_change", "household_change"})),
    "fa": ChangeProvision("fa", "art. 24 ust. 1", frozenset(
        {"employment", "income_change", "household_change", "parameter_change", "other"})),
}


@dataclass(frozen=True)
class Basis:
    """The provisions a decision rests on besides the benefit's own articles and art. 104 KPA."""

    act_articles: tuple[str, ...]  # of the benefit's act (e.g. "art. 106 ust. 5")
    kpa_articles: tuple[str, ...]  # of the KPA (e.g. "art. 155", "art. 132 § 1")


class ConsentRequired(ValueError):
    """The ground is not one the benefit act names, and the party's consent is not recorded."""


def consent_required(act: str, ground: str, acquired_right: bool = True) -> bool:
    """True where only art. 155 KPA allows the change, which needs the party's consent."""
    provision = CHANGE_PROVISIONS.get(act)
    return acquired_right and (provision is None or ground not in provision.grounds)


def basis(act: str, purpose: str, ground: str | None = None, consent_on: date | None = None,
          acquired_right: bool = True) -> Basis:
    """The basis of a decision of ``purpose`` on a decision under ``act`` (see the module doc).

    Raises :class:`ConsentRequired` for a change or revocation whose ground the act does not
    name when no consent is recorded: art. 155 KPA is never cited without it.
    """
    if purpose == "self_correction":
        return Basis((), ("art. 132 § 1",))
    if purpose == "reexamination":
        return Basis((), ("art. 138 § 2",))
    if purpose not in CHANGING:
        return Basis((), ())
    if not acquired_right:
        return Basis((), ("art. 154",))
    provision = CHANGE_PROVISIONS.get(act)
    if provision is not None and ground in provision.grounds:
        return Basis((provision.article,), ())
    if consent_on is None:
        raise ConsentRequired(ground or "")
    return Basis((), ("art. 155",))


def ground_phrase(ground: str | None, text: str = "", on: date | None = None,
                  on_text: str = "") -> str:
    """The ground as printed after "w związku"; the caseworker's own words for ``other``."""
    if ground not in GROUND_PHRASES:
        words = text.strip().rstrip(".")
        return f"z następującą okolicznością: {words}" if words else \
            "z okolicznościami wskazanymi w uzasadnieniu"
    return GROUND_PHRASES[str(ground)].format(text=text.strip().rstrip("."),
                                              on=on_text or (on.isoformat() if on else ""))


def effective_purpose(purpose: str, kind: str) -> str:
    """A change that ends in no grant at all is a revocation (never "zmienić … odmówić")."""
    if purpose in ("change", "parameter_change") and kind == "refusal":
        return "revocation"
    return purpose
