"""The catalogue's texts of the u.p.s. aid with no formula (issue 16, lane upsa)."""

from __future__ import annotations

from app.domain.messages.codes import N_, MessageCode, Template
from app.domain.messages.codes_upsa import UpsaCode

TEXTS: dict[MessageCode, Template] = {
    UpsaCode.RULE_RETURN_REQUIRED: Template(
        N_("Przy dochodzie przekraczającym kryterium dochodowe pomoc przyznaje się wyłącznie pod "
           "warunkiem zwrotu części lub całości (%(article)s)."),
        "Above the income criterion the aid is granted only on condition of return in part or "
        "in full (%(article)s)."),
    UpsaCode.RULE_RETURN_NOT_ALLOWED: Template(
        N_("Tego świadczenia nie przyznaje się pod warunkiem zwrotu (%(article)s)."),
        "This benefit is not granted on condition of return (%(article)s)."),
    UpsaCode.RULE_RETURN_AMOUNT_OUT_OF_RANGE: Template(
        N_("Kwota do zwrotu w części musi być większa od zera i mniejsza niż kwota pomocy "
           "%(amount)s zł (%(article)s)."),
        "The amount to return in part must be more than zero and less than the aid of "
        "%(amount)s zł (%(article)s)."),
    UpsaCode.RULE_RETURN_TERMS_REQUIRED: Template(
        N_("Decyzja o pomocy zwrotnej określa liczbę rat i termin zapłaty pierwszej raty "
           "(%(article)s)."),
        "A decision on returnable aid sets the number of instalments and the due date of the "
        "first (%(article)s)."),
    UpsaCode.RULE_RETURN_DUE_BEFORE_PAYMENT: Template(
        N_("Pierwsza rata zwrotu nie może przypadać przed wypłatą pomocy (%(article)s)."),
        "The first instalment of the return cannot fall due before the aid is paid "
        "(%(article)s)."),
    UpsaCode.RULE_AMOUNT_BELOW_MINIMUM: Template(
        N_("Kwota %(amount)s zł jest niższa niż najniższa kwota świadczenia %(min)s zł "
           "(%(article)s)."),
        "The amount %(amount)s zł is below the legal minimum of %(min)s zł (%(article)s)."),
}
