"""A household member and their income items, as the rules read them (the application's and the
simulator's members become these; :mod:`app.domain.income` computes with them)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from app.domain.money import ZERO


@dataclass(frozen=True)
class IncomeItem:
    """One source of a member's monthly income, with its deductions.

    ``costs`` (koszty uzyskania przychodu) is accepted for backwards compatibility of inputs but is
    never deducted: art. 8 ust. 3 u.p.s. deducts only ``tax`` and ``contributions`` (and alimony
    paid, see ``Member.alimony_paid``).
    """

    kind: str
    amount: Decimal
    tax: Decimal = ZERO
    contributions: Decimal = ZERO
    costs: Decimal = ZERO
    one_off: bool = False


@dataclass(frozen=True)
class Member:
    """A household member; the first member of a list is the applicant.

    ``sex`` ("F"/"M", e.g. from the PESEL) selects the retirement age for zasiłek stały.

    Who is a child for zasiłek rodzinny (see :mod:`app.domain.family_benefits`):

    * ``relation`` is the member's relation to the applicant, one of
      :data:`app.domain.reasons.RELATIONS` ("applicant", "spouse", "partner", "child", "parent",
      "sibling", "other") or None when unknown. The applicant, a spouse, a partner and a parent of
      the applicant are never a child, whatever ``child`` says.
    * ``child`` overrides who counts as a child for the other relations (None = inferred: a member
      other than the applicant whose relation is "child", "sibling", "other" or unknown).
    * ``in_school``: the member is learning in a szkoła (art. 6 ust. 1 pkt 2 u.ś.r.: until 21;
      READING for data recorded before the split: the flag is read as a szkoła, not a szkoła
      wyższa). ``in_higher_school``: the member studies in a szkoła wyższa, which counts only for
      art. 6 ust. 1 pkt 3 u.ś.r. (until 24, with a certificate) and for FA (art. 9 ust. 1).
    * ``disability_certificate``: a certificate of a moderate or severe degree of disability
      (orzeczenie o umiarkowanym albo znacznym stopniu niepełnosprawności), which with school keeps
      zasiłek rodzinny until 24. ``severe_disability_certificate``: a certificate of a severe
      degree (orzeczenie o znacznym stopniu niepełnosprawności), which keeps FA without an age
      limit (art. 9 ust. 1 of the FA act); it implies ``disability_certificate``.
    * ``disabled`` keeps its older, wider meaning: the member is disabled (any disability
      certificate, including the orzeczenie o niepełnosprawności of a child under 16). In a child
      of the family, entitled or not, it (like either certificate) selects the higher zasiłek
      rodzinny threshold (art. 5 ust. 2 u.ś.r.). ``disabled=True`` alone neither extends zasiłek
      rodzinny beyond 21 nor gives FA beyond 18 (25 in school).
    """

    age: int
    unable_to_work: bool = False
    net_income: Decimal = ZERO
    incomes: list[IncomeItem] = field(default_factory=list)
    other_benefits: list[str] = field(default_factory=list)
    disabled: bool = False
    alimony_awarded: Decimal = ZERO
    alimony_paid: Decimal = ZERO
    farm_hectares: Decimal = Decimal(0)
    sex: str | None = None
    child: bool | None = None
    relation: str | None = None
    in_school: bool = False
    disability_certificate: bool = False
    in_higher_school: bool = False
    severe_disability_certificate: bool = False
    # The care benefits of u.ś.r. (art. 16, 16a, 17) and the dodatki (art. 9–15):
    # ``disability_degree``: "child" (orzeczenie o niepełnosprawności, under 16), "lekki",
    # "umiarkowany" or "znaczny" (None = unknown; ``disability_certificate`` alone means umiarkowany
    # or znaczny). ``disability_onset_age``: the age at which the disability arose.
    # ``constant_care``: the certificate states the need of constant care and of the carer's
    # constant part in treatment (pkt 7 and 8 of a child's certificate). ``gave_up_work`` (the
    # carer): does not take up work, or gave it up, to care. ``single_parent_reason`` (the
    # applicant): "deceased", "unknown" or "alimony_dismissed" (art. 11a u.ś.r.).
    disability_degree: str | None = None
    disability_onset_age: int | None = None
    constant_care: bool = False
    gave_up_work: bool = False
    single_parent_reason: str | None = None
    # Births and the dodatki: each field is described in app.domain.dodatki.
    born_on: date | None = None
    applied_on: date | None = None
    prenatal_care: bool = False
    care_since: date | None = None
    parental_leave: bool = False
    school_away: str | None = None
    dodatki: tuple[str, ...] = ()  # the dodatki the application asks for (the applicant)

    @property
    def moderate_or_severe_certificate(self) -> bool:
        """A certificate of a moderate or severe degree (a severe one is also one)."""
        return self.disability_certificate or self.severe_disability_certificate

    @property
    def any_disability_certificate(self) -> bool:
        """Any disability certificate (art. 5 ust. 2 u.ś.r.: o niepełnosprawności or o stopniu)."""
        return self.disabled or self.moderate_or_severe_certificate
