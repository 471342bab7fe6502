"""The wording of the payment list's exports (the XLSX and the cash-desk PDF): Polish msgids of
the Babel catalogue (marked with ``N_``), rendered in the document's language by
:mod:`app.services.documents.wording` (Polish by default: the msgid itself)."""

from __future__ import annotations

from app.domain.messages.codes import N_

# The spreadsheet's sheet name and columns.
SHEET = N_("Lista wypłat")
XLSX_COLUMNS = (N_("Lp."), N_("Sprawa"), N_("Odbiorca"), N_("Tytuł wypłaty"), N_("Forma"),
                N_("Rachunek"), N_("Termin wypłaty"), N_("Kwota (zł)"), N_("Status"))
# What a cash desk fills in by hand for each payment (the XLSX and the PDF alike).
CASH_DESK_COLUMNS = (N_("Dokument tożsamości (seria i numer)"), N_("Data odbioru"),
                     N_("Podpis odbiorcy"))
# A payment's status and form as the exports write them.
STATUSES = {"pending": N_("oczekuje"), "approved": N_("zatwierdzona"), "paid": N_("wypłacona"),
            "returned": N_("zwrócona"), "draft": N_("projekt"),
            "exported": N_("wyeksportowana")}
METHODS = {"transfer": N_("przelew"), "cash": N_("gotówka")}
CENTRE = N_("Ośrodek:")
BODY = N_("Organ:")
# The total row: "Razem (5 wypłat)".
TOTAL = N_("Razem (%(count)s)")
# The cash-desk list (PDF).
CASH_TITLE = N_("Lista wypłat w kasie nr %(id)s")
CASH_DATE = N_("Termin wypłaty: %(date)s")
CASH_COLUMNS = (N_("Lp."), N_("Sprawa"), N_("Odbiorca"), N_("Tytuł"), N_("Kwota"))
PAID_BY = N_("Wypłacił:")
CHECKED_BY = N_("Sprawdził:")
