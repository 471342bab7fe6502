"""The wording of the monthly lists of meals and care services and of their exports (XLSX, PDF):
Polish msgids of the Babel catalogue (``N_``), rendered in the document's language by
:mod:`app.services.documents.wording` (Polish by default)."""

from __future__ import annotations

from app.domain.messages.codes import N_

MEALS_TITLE = N_("Lista posiłków za %(month)s")
MEALS_PROVIDER = N_("Wydający posiłki: %(provider)s")
MEALS_COLUMNS = (N_("Lp."), N_("Sprawa"), N_("Osoba"), N_("Decyzja"), N_("Posiłków dziennie"),
                 N_("Dni"), N_("Posiłków w miesiącu"), N_("Podpis lub uwagi"))
MEALS_NOTE = N_("Pomoc w formie posiłku (art. 48b ustawy o pomocy społecznej): posiłki wydaje "
                "wskazana szkoła lub stołówka, a ośrodek rozlicza je z nią na podstawie tej "
                "listy; stronie nie wypłaca się pieniędzy.")
SERVICES_TITLE = N_("Lista usług opiekuńczych za %(month)s")
SERVICES_COLUMNS = (N_("Lp."), N_("Sprawa"), N_("Osoba"), N_("Decyzja"), N_("Godzin tygodniowo"),
                    N_("Dni robocze"), N_("Godzin w miesiącu"), N_("Odpłatność (% kosztu)"),
                    N_("Opłata za godzinę (zł)"), N_("Opłata za miesiąc (zł)"))
SERVICES_NOTE = N_("Usługi opiekuńcze (art. 50 ustawy o pomocy społecznej): godziny planowane w "
                   "dni robocze okresu; opłatę ustalono w decyzji według uchwały rady gminy, a "
                   "rozlicza się godziny faktycznie wykonane.")
FUNERALS_TITLE = N_("Lista pogrzebów sprawionych przez gminę za %(month)s")
FUNERALS_PROVIDER = N_("Zakład pogrzebowy: %(provider)s")
FUNERALS_COLUMNS = (N_("Lp."), N_("Sprawa"), N_("Strona"), N_("Decyzja"), N_("Data pogrzebu"),
                    N_("Koszt pogrzebu (zł)"))
FUNERALS_NOTE = N_("Sprawienie pogrzebu (art. 44 ustawy o pomocy społecznej): ośrodek płaci "
                   "zakładowi pogrzebowemu koszt ustalony w decyzji na podstawie jego rachunku; "
                   "stronie nie wypłaca się pieniędzy, a wydatki podlegają zwrotowi z zasiłku "
                   "pogrzebowego albo z masy spadkowej (art. 96 ust. 3).")
SHEET_FUNERALS = N_("Pogrzeby")
TOTAL = N_("Razem")
EMPTY = N_("Brak pozycji w tym miesiącu.")
CENTRE = N_("Ośrodek:")
SHEET_MEALS = N_("Posiłki")
SHEET_SERVICES = N_("Usługi opiekuńcze")
