"""The "Niebieskie Karty" procedure as pure rules: its forms, its deadlines and the grounds for
closing it.

Law read (the current text, with where it was read):

- ustawa z dnia 29 lipca 2005 r. o przeciwdziałaniu przemocy domowej (renamed and amended by the
  act of 9 March 2023, Dz.U. 2023 poz. 535, in force 22 June 2023): art. 9d (the procedure and
  the regulation it delegates, art. 9d ust. 5), art. 9a (the interdisciplinary team, zespół
  interdyscyplinarny, and its diagnostic and support groups, grupy diagnostyczno-pomocowe).
- Rozporządzenie Rady Ministrów z dnia 6 września 2023 r. w sprawie procedury „Niebieskie Karty”
  oraz wzorów formularzy „Niebieska Karta” (Dz.U. 2023 poz. 1870), read at
  prawo.pl/akty/dz-u-2023-1870: § 2 ust. 1 (the procedure starts when form A is filled in, on a
  justified suspicion of domestic violence or a witness's report), § 2 ust. 4 (form A names every
  person affected and every person suspected), § 2 ust. 5-6 (form A is filled in with the adult
  person affected present, or as soon as that becomes possible, with the reason).

Not read in the text the search tool holds (the page stops after § 3 ust. 1), so each is
**the centre's reading**, a dated parameter in :mod:`app.domain.parameters_nk` marked so, to be
checked against Dz.U. 2023 poz. 1870 before relying on it:

- the hand-over of form A to the team's chair: "niezwłocznie, nie później niż w terminie
  5 dni roboczych od dnia wszczęcia procedury" (the centre's reading of § 3 of the 2023
  regulation; its 2011 predecessor, § 13, gave 7 days, as podyplomie.pl still reports);
- the group's first meeting after the chair receives form A (the centre's reading: 14 days;
  NIK's 2024 audit, quoted by siu.praesterno.pl, faulted groups meeting up to 55 days late);
- the grounds for closing: (1) the violence ended with a justified presumption that it will not
  resume, after the individual plan of help (indywidualny plan pomocy) was carried out, or
  (2) a finding that no action is warranted (brak zasadności podejmowania działań) — the two
  grounds of § 18 of the 2011 regulation as infor.pl reads them, kept by the 2023 regulation
  (the centre's reading of its paragraph; the grounds themselves are those of the act's practice).

Forms (the regulation's annexes): A starts the procedure; B is the information handed to the
person affected; C is the group's assessment of the person affected's situation, with the plan;
D is the group's assessment of the person suspected, after calling them to a meeting.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from app.domain import parameters
from app.domain.deadlines import add_working_days

REGULATION = "rozporządzenie RM z 6 września 2023 r. (Dz.U. 2023 poz. 1870)"
ACT = "ustawa z 29 lipca 2005 r. o przeciwdziałaniu przemocy domowej (Dz.U. 2023 poz. 535)"


class Status(StrEnum):
    """A procedure runs until it is closed on one of the grounds."""

    OPEN = "open"
    CLOSED = "closed"


class FormKind(StrEnum):
    """The forms a procedure records (A is the start itself)."""

    A = "A"
    B = "B"
    C = "C"
    D = "D"


# The forms recorded as events after the start, and who fills each in.
EVENT_FORMS = (FormKind.B, FormKind.C, FormKind.D)
FORM_BASIS = {
    FormKind.A: "§ 2 ust. 1, 4-7",
    FormKind.B: "§ 2, załącznik nr 2 (pouczenie dla osoby doznającej przemocy domowej)",
    FormKind.C: "załącznik nr 3 (ocena sytuacji osoby doznającej; grupa diagnostyczno-pomocowa)",
    FormKind.D: "załącznik nr 4 (ocena sytuacji osoby stosującej przemoc; grupa "
                "diagnostyczno-pomocowa)",
}


class EventKind(StrEnum):
    """What happens in a procedure after form A, each dated and by whom."""

    HANDOVER = "handover"
    MEETING = "meeting"
    FORM = "form"
    PLAN = "plan"
    CLOSING = "closing"


class Ground(StrEnum):
    """The grounds for closing a procedure (the centre's reading, see the module)."""

    VIOLENCE_ENDED = "violence_ended"
    NO_GROUNDS = "no_grounds"


class ViolenceKind(StrEnum):
    """The kinds of domestic violence form A records (art. 2 ust. 1 pkt 1 of the act)."""

    PHYSICAL = "physical"
    PSYCHOLOGICAL = "psychological"
    SEXUAL = "sexual"
    ECONOMIC = "economic"
    NEGLECT = "neglect"
    CYBER = "cyber"
    OTHER = "other"


class Decision(StrEnum):
    """What the group decides at a meeting: meet again, or close on a ground."""

    CONTINUE = "continue"
    CLOSE = "close"


def handover_due(started_on: date, table: parameters.ParameterTable | None = None) -> date:
    """The last day to hand form A to the team's chair: ``nk.handover_working_days`` working
    days after the start (the centre's reading of § 3 of the 2023 regulation)."""
    days = int(parameters.value("nk.handover_working_days", started_on, table).value)
    return add_working_days(started_on, days)


def first_meeting_due(handed_on: date, table: parameters.ParameterTable | None = None) -> date:
    """The last day for the group's first meeting: ``nk.first_meeting_days`` calendar days after
    the chair received form A (the centre's reading; no period read in the text)."""
    days = int(parameters.value("nk.first_meeting_days", handed_on, table).value)
    return handed_on + timedelta(days=days)


def closing_due(decided_on: date, table: parameters.ParameterTable | None = None) -> date:
    """The last day to record the closing the group decided at its meeting on ``decided_on``
    (``nk.closing_record_days``, the centre's reading: the regulation names no period)."""
    days = int(parameters.value("nk.closing_record_days", decided_on, table).value)
    return decided_on + timedelta(days=days)


@dataclass(frozen=True)
class ClosingFacts:
    """What closing a procedure is checked against."""

    ground: Ground
    closed_on: date
    started_on: date
    meetings: Sequence[date]
    plan_on: date | None
    plan_realised: bool


def closing_refusals(facts: ClosingFacts) -> dict[str, str]:
    """The reasons (field -> reason key) a procedure may not be closed so; empty when it may.

    Both grounds are the group's finding, so a meeting must have been held by the closing day.
    The violence-ended ground needs the plan of help recorded and carried out (``plan``,
    ``plan_realised``); the no-grounds ground needs no plan."""
    found: dict[str, str] = {}
    if facts.closed_on < facts.started_on:
        found["closed_on"] = "before_start"
    elif not any(m <= facts.closed_on for m in facts.meetings):
        found["closed_on"] = "no_meeting"
    if facts.ground == Ground.VIOLENCE_ENDED:
        if facts.plan_on is None or facts.plan_on > facts.closed_on:
            found["ground"] = "no_plan"
        elif not facts.plan_realised:
            found["plan_realised"] = "plan_not_realised"
    return found
