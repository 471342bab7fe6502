"""Social work (praca socjalna) and the kontrakt socjalny: the values a record and a contract take.

Praca socjalna is a form of help in itself (art. 6 pkt 12, art. 45 u.p.s.), given with or without
benefits. A family's record holds the visits and notes of the social worker (dated, by whom), the
goals of the work and the plan of help (the community interview's, where there is one).

The kontrakt socjalny (art. 108 u.p.s.) follows the form of the regulation on its model, read
here as: Rozporządzenie Ministra Pracy i Polityki Społecznej z dnia 8 listopada 2010 r. w sprawie
wzoru kontraktu socjalnego (Dz.U. 2010 nr 218 poz. 1439), in force (it replaced the regulation
of 1 March 2005, Dz.U. nr 42 poz. 409). Its form has two variants:

- part I A and II A: between a person or a family and the social worker, on resolving a difficult
  life situation (``FormPart.A``);
- part I B and II B: between a person and the social worker, to strengthen activity and
  independence in life and work or to counteract social exclusion (``FormPart.B``).

Each names the parties (the person or family; the social worker, for the centre), the assessment
of the situation (its causes, the person's possibilities and limitations), the main goal, the
stages (what is to be done, by whom, by when) with their review, the obligations of each side,
the term of the contract and, in part II, the assessment of how it was kept. This module holds the
values; the record is :mod:`app.services.social_work`.

Art. 11 ust. 2 u.p.s.: refusing to conclude a contract, or not keeping it, *may* be a ground to
refuse a benefit, revoke a decision granting one or stop cash benefits. The centre weighs it: a
refusal is shown on the family's decision draft and never changes a computed amount.
"""

from __future__ import annotations

from enum import StrEnum

CONTRACT_ARTICLE = "art. 108 ustawy o pomocy społecznej"
REFUSAL_ARTICLE = "art. 11 ust. 2 ustawy o pomocy społecznej"
REGULATION = ("Rozporządzenie Ministra Pracy i Polityki Społecznej z dnia 8 listopada 2010 r. "
              "w sprawie wzoru kontraktu socjalnego (Dz.U. 2010 nr 218 poz. 1439)")


class RecordStatus(StrEnum):
    """A family's social-work record: open while the work goes on."""

    OPEN = "open"
    CLOSED = "closed"


class EntryKind(StrEnum):
    """What the social worker records: a visit (at home or elsewhere) or a note."""

    VISIT = "visit"
    NOTE = "note"


class GoalStatus(StrEnum):
    """A goal of the work: open, achieved, or dropped."""

    OPEN = "open"
    ACHIEVED = "achieved"
    DROPPED = "dropped"


class FormPart(StrEnum):
    """The regulation's two variants of the form (part I A/II A, part I B/II B)."""

    A = "A"
    B = "B"


class ContractStatus(StrEnum):
    """A kontrakt socjalny: signed and running, refused (never concluded), or its outcome."""

    SIGNED = "signed"
    REFUSED = "refused"
    FULFILLED = "fulfilled"
    BROKEN = "broken"
    ENDED = "ended"


# The outcomes that close a signed contract (part II of the form: how it was kept).
OUTCOMES = (ContractStatus.FULFILLED, ContractStatus.BROKEN, ContractStatus.ENDED)
# What may be a ground under art. 11 ust. 2: a refusal to conclude, or a contract not kept.
ART_11_GROUNDS = (ContractStatus.REFUSED, ContractStatus.BROKEN)
