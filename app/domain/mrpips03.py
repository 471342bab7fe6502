"""MRPiPS-03: the half-year and year report on the social-assistance benefits granted (sprawozdanie
półroczne i roczne z udzielonych świadczeń pomocy społecznej — pieniężnych, w naturze i
usługach), its rows in the form's order, which benefit of the catalogue each row counts, and the
definitions of its columns as the form's explanations (objaśnienia) give them.

The reading of the form (the ministry's MRPiPS-03 form and its objaśnienia; the classification of
each form of help follows art. 17 and 18 u.p.s., Dz.U. 2024 poz. 1283 t.j.):

- **Zadania zlecone** (art. 18 ust. 1 u.p.s., commissioned by the state): zasiłki celowe na
  pokrycie wydatków związanych z klęską żywiołową lub ekologiczną (pkt 4) and specjalistyczne usługi
  opiekuńcze dla osób z zaburzeniami psychicznymi (pkt 3). Pomoc grants the first as
  ``zasilek_celowy_zdarzenie_losowe`` on an application whose art. 7 reason is ``kleska``
  (art. 7 pkt 13 u.p.s.); it has no separate benefit for the second (none counted here).
- **Zadania własne gminy** (art. 17 ust. 1 u.p.s.): zasiłek stały (pkt 19) and zasiłek okresowy
  (pkt 4) are own obligatory tasks *financed* by the state budget's targeted subsidy; the form
  lists them among the own tasks, and so does this report (the financing does not make them
  commissioned). Zasiłek celowy (pkt 5), specjalny zasiłek celowy (art. 41, a zasiłek celowy),
  zasiłek celowy after a random event (pkt 6), posiłek (pkt 3), usługi opiekuńcze (pkt 11) and
  sprawienie pogrzebu (pkt 15).
- Family benefits (u.ś.r.) and the fundusz alimentacyjny are not in MRPiPS-03 (their own reports).

The columns (``Definition``; the period is the half-year or the year, from 1 January):

- **persons** — *liczba osób, którym decyzją przyznano świadczenie*: distinct persons (the party
  of the decision, the case's applicant) given the row's benefit in the period, each once per
  row whatever the number of benefits; in the *ogółem* rows once across the rows they sum.
- **benefits** — *liczba świadczeń*: for a monthly benefit the number of monthly benefits paid
  in the period (one per benefit month paid; a transfer returned and paid again counts once),
  for a one-off benefit the number of one-off benefits paid.
- **amount** — *kwota świadczeń w zł*: the amounts paid in the period (a payment is in the period
  when it was paid, its settlement date, in it; a returned payment is not paid).
- **families** / **persons_in_families** — *liczba rodzin* / *liczba osób w rodzinach*: the
  families of those persons (a family is identified by its applicant) and the distinct persons of
  their households as the application named them.

Help the centre gives in kind or as a service, or pays to a provider (posiłek, usługi opiekuńcze,
sprawienie pogrzebu), has no payment to the party in Pomoc: its persons and families are those
with a granting decision issued by the period's end whose benefit period meets the period (for a
funeral, issued in the period); the number of meals, hours or funerals and their cost are settled
with the provider outside Pomoc, so ``benefits`` and ``amount`` are not given for them (None).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from app.domain.benefits import (
    posilek,
    specjalny_zasilek_celowy,
    sprawienie_pogrzebu,
    uslugi_opiekuncze,
    zasilek_celowy,
    zasilek_celowy_zdarzenie_losowe,
    zasilek_okresowy,
    zasilek_staly,
)
from app.domain.benefits.catalogue import N_

ZLECONE = "zlecone"
WLASNE = "wlasne"


class Measure(StrEnum):
    """How a row is measured (see the module docstring)."""

    PAID = "paid"            # persons, benefits and amounts from the payments paid in the period
    GRANTED = "granted"      # persons and families from the grants in force (no payment held)
    TOTAL = "total"          # an ogółem row: the distinct persons and families of its parts


@dataclass(frozen=True)
class Row:
    """One row of the form: its key, label (Polish msgid), task, what it counts, where it sits."""

    key: str
    label: str
    task: str
    benefits: tuple[str, ...]
    measure: Measure
    # The art. 7 reasons the case must (reasons) or must not (not_reasons) have.
    reasons: tuple[str, ...] = ()
    not_reasons: tuple[str, ...] = ()
    # Zasiłek stały: for a person alone in the household (True) or in a family (False).
    alone: bool | None = None
    # A sub-row ("w tym", "z tego") is indented under the row before it.
    level: int = 0
    # Only the decisions issued in the period (a one-off service: the funeral).
    issued_in_period: bool = False
    # An ogółem row sums the rows with these keys.
    parts: tuple[str, ...] = ()
    article: str = ""


# A zasiłek celowy after a natural or ecological disaster (the application's art. 7 reason
# ``kleska``) is a commissioned task (art. 18 ust. 1 pkt 4 u.p.s.); after another random event, own.
KLESKA = "kleska"
# The benefits by their catalogue entries (a code is written only in its own module).
_STALY = zasilek_staly.ENTRY.code
_OKRESOWY = zasilek_okresowy.ENTRY.code
_CELOWY = zasilek_celowy.ENTRY.code
_LOSOWE = zasilek_celowy_zdarzenie_losowe.ENTRY.code
_SPECJALNY = specjalny_zasilek_celowy.ENTRY.code
_POSILEK = posilek.ENTRY.code
_USLUGI = uslugi_opiekuncze.ENTRY.code
_POGRZEB = sprawienie_pogrzebu.ENTRY.code
COMMISSIONED: tuple[tuple[str, str], ...] = ((_LOSOWE, KLESKA),)


def task_of(benefit: str, reason: str) -> str:
    """The task a benefit granted for an art. 7 reason belongs to (module docstring)."""
    return ZLECONE if (benefit, reason) in COMMISSIONED else WLASNE

_CELOWE = (_CELOWY, _SPECJALNY, _LOSOWE)
_OKRESOWY_REASONS = ("bezrobocie", "choroba", "niepelnosprawnosc")

ROWS: tuple[Row, ...] = (
    # Zadania zlecone (art. 18 ust. 1 u.p.s.).
    Row("zlecone_ogolem", N_("Zadania zlecone — ogółem"), ZLECONE, (), Measure.TOTAL,
        parts=("zlecone_kleska",)),
    Row("zlecone_kleska", N_("Zasiłki celowe na pokrycie wydatków związanych z klęską żywiołową "
                             "lub ekologiczną"), ZLECONE, (_LOSOWE,), Measure.PAID,
        level=1, article="art. 18 ust. 1 pkt 4 u.p.s."),
    # Zadania własne gminy (art. 17 ust. 1 u.p.s.).
    Row("wlasne_ogolem", N_("Zadania własne gminy — ogółem"), WLASNE, (), Measure.TOTAL,
        parts=("zasilki_stale", "posilki", "uslugi", "pogrzeby", "zasilki_okresowe",
               "zasilki_celowe")),
    Row("zasilki_stale", N_("Zasiłki stałe — ogółem"), WLASNE, (_STALY,), Measure.PAID,
        level=1, article="art. 17 ust. 1 pkt 19, art. 37 u.p.s."),
    Row("zasilki_stale_samotnie", N_("w tym przyznane dla osoby samotnie gospodarującej"), WLASNE,
        (_STALY,), Measure.PAID, alone=True, level=2),
    Row("zasilki_stale_w_rodzinie", N_("w tym przyznane dla osoby w rodzinie"), WLASNE,
        (_STALY,), Measure.PAID, alone=False, level=2),
    Row("posilki", N_("Posiłek"), WLASNE, (_POSILEK,), Measure.GRANTED, level=1,
        article="art. 17 ust. 1 pkt 3, art. 48b u.p.s."),
    Row("uslugi", N_("Usługi opiekuńcze"), WLASNE, (_USLUGI,),
        Measure.GRANTED, level=1, article="art. 17 ust. 1 pkt 11, art. 50 u.p.s."),
    Row("pogrzeby", N_("Sprawienie pogrzebu"), WLASNE, (_POGRZEB,),
        Measure.GRANTED, level=1, issued_in_period=True, article="art. 17 ust. 1 pkt 15, art. 44 u.p.s."),
    Row("zasilki_okresowe", N_("Zasiłki okresowe — ogółem"), WLASNE, (_OKRESOWY,),
        Measure.PAID, level=1, article="art. 17 ust. 1 pkt 4, art. 38 u.p.s."),
    Row("zasilki_okresowe_bezrobocie", N_("z tego przyznane z powodu bezrobocia"), WLASNE,
        (_OKRESOWY,), Measure.PAID, reasons=("bezrobocie",), level=2),
    Row("zasilki_okresowe_choroba", N_("z tego przyznane z powodu długotrwałej choroby"), WLASNE,
        (_OKRESOWY,), Measure.PAID, reasons=("choroba",), level=2),
    Row("zasilki_okresowe_niepelnosprawnosc", N_("z tego przyznane z powodu niepełnosprawności"),
        WLASNE, (_OKRESOWY,), Measure.PAID, reasons=("niepelnosprawnosc",), level=2),
    Row("zasilki_okresowe_inne", N_("z tego przyznane z innych powodów"), WLASNE,
        (_OKRESOWY,), Measure.PAID, not_reasons=_OKRESOWY_REASONS, level=2),
    Row("zasilki_celowe", N_("Zasiłki celowe i w naturze — ogółem"), WLASNE, _CELOWE, Measure.PAID,
        level=1, article="art. 17 ust. 1 pkt 5 i 6, art. 39–41 u.p.s."),
    Row("zasilki_celowe_losowe", N_("w tym zasiłek celowy na pokrycie wydatków powstałych w "
                                    "wyniku zdarzenia losowego"), WLASNE, (_LOSOWE,),
        Measure.PAID, level=2, article="art. 40 ust. 2 u.p.s."),
    Row("specjalne_zasilki_celowe", N_("w tym specjalne zasiłki celowe"), WLASNE,
        (_SPECJALNY,), Measure.PAID, level=2, article="art. 41 u.p.s."),
)
BY_KEY = {row.key: row for row in ROWS}
# The benefits the report counts (all of them u.p.s.); every other benefit is not in MRPiPS-03.
COUNTED: frozenset[str] = frozenset(b for row in ROWS for b in row.benefits)


def rows_of(benefit: str, reason: str = "") -> tuple[str, ...]:
    """The keys of the rows (not the ogółem rows) a benefit granted for ``reason`` may be counted
    in (zasiłek stały: one of its two sub-rows, by the household);
    none for a benefit not in MRPiPS-03 (family benefits, FA)."""
    task = task_of(benefit, reason)
    return tuple(r.key for r in ROWS if r.measure is not Measure.TOTAL and r.task == task
                 and benefit in r.benefits and (not r.reasons or reason in r.reasons)
                 and (not r.not_reasons or reason not in r.not_reasons))


@dataclass(frozen=True)
class Period:
    """A report's period: the first half (1 Jan – 30 Jun) or the whole year (1 Jan – 31 Dec);
    the form's second half-year report is the year report (its figures from 1 January), and
    ``half=2`` asks for the second half alone (1 Jul – 31 Dec) for the centre's own reading."""

    year: int
    half: int | None

    @property
    def start(self) -> date:
        return date(self.year, 7 if self.half == 2 else 1, 1)

    @property
    def end(self) -> date:
        return date(self.year, 6, 30) if self.half == 1 else date(self.year, 12, 31)


# The art. 7 reasons in the form's order (the section on reasons for help).
REASON_ORDER = ("ubostwo", "sieroctwo", "bezdomnosc", "bezrobocie", "niepelnosprawnosc",
                "choroba", "bezradnosc", "macierzynstwo", "przemoc", "handel_ludzmi",
                "uzaleznienie", "zaklad_karny", "integracja_cudzoziemcow", "zdarzenie_losowe",
                "kleska")
