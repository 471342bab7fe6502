"""The catalogue's part for the FA debtor procedure (codes in :mod:`.codes_fad`)."""

from __future__ import annotations

from app.domain.messages.codes import N_, MessageCode, Template
from app.domain.messages.codes_fad import FadCode

TEXTS: dict[MessageCode, Template] = {
    FadCode.DEBTOR_ROLE: Template(
        N_("Postępowanie wobec dłużnika alimentacyjnego prowadzi pracownik socjalny lub "
           "kierownik."),
        "The debtor procedure is handled by a caseworker or a supervisor."),
    FadCode.DEBTOR_PROCEDURE_UNKNOWN: Template(
        N_("Nie ma takiego postępowania wobec dłużnika alimentacyjnego."),
        "There is no such debtor procedure."),
    FadCode.DEBTOR_INVALID: Template(
        N_("Popraw zaznaczone pola."),
        "Correct the marked fields."),
    FadCode.DEBTOR_FA_CASE_UNKNOWN: Template(
        N_("Wskazana sprawa nie jest sprawą funduszu alimentacyjnego."),
        "The case named is not a maintenance fund case."),
    FadCode.DEBTOR_DATE_FUTURE: Template(
        N_("Data nie może być późniejsza niż dzisiejsza."),
        "The date may not be later than today."),
    FadCode.DEBTOR_DATE_BEFORE_REQUEST: Template(
        N_("Data nie może być wcześniejsza niż dzień wpływu wniosku (%(date)s)."),
        "The date may not be earlier than the day the request was received (%(date)s)."),
    FadCode.DEBTOR_RECEIPT_BEFORE_LAST: Template(
        N_("Wpłata nie może mieć daty wcześniejszej niż ostatnia zapisana wpłata (%(date)s)."),
        "A receipt may not be dated before the last receipt recorded (%(date)s)."),
    FadCode.DEBTOR_RECEIPT_ABOVE_OUTSTANDING: Template(
        N_("Wpłata przekracza należność dłużnika na ten dzień (%(outstanding)s zł)."),
        "The receipt exceeds what the debtor owes on that day (%(outstanding)s zł)."),
    FadCode.DEBTOR_NO_FA_CASE: Template(
        N_("Postępowanie nie jest powiązane ze sprawą funduszu alimentacyjnego."),
        "The procedure is not linked to a maintenance fund case."),
    FadCode.DEBTOR_REGISTRATION_DAYS: Template(
        N_("Termin na zarejestrowanie się wynosi od 1 do %(max)s dni (art. 5 ust. 2 pkt 1 "
           "ustawy o pomocy osobom uprawnionym do alimentów)."),
        "The period to register is 1 to %(max)s days (art. 5 ust. 2 pkt 1 of the maintenance "
        "fund act)."),
    FadCode.DEBTOR_EVASION_EXCLUDED: Template(
        N_("Nie wydaje się decyzji o uznaniu za uchylającego się: dłużnik w każdym z ostatnich "
           "%(months)s miesięcy wpłacał co najmniej %(percent)s%% alimentów (art. 5 ust. 3a)."),
        "No evasion decision is issued: in each of the last %(months)s months the debtor paid "
        "at least %(percent)s%% of the alimony (art. 5 ust. 3a)."),
    FadCode.DEBTOR_FINAL_BEFORE_DECISION: Template(
        N_("Decyzja nie może stać się ostateczna przed jej wydaniem."),
        "The decision cannot become final before it is issued."),
    FadCode.DEBTOR_PAYMENTS_DISAGREE: Template(
        N_("Wpłaty wpisane za ostatnie %(months)s miesięcy nie zgadzają się z odpowiedzią, czy "
           "dłużnik w każdym z nich wpłacał co najmniej %(percent)s%% alimentów (art. 5 "
           "ust. 3a); popraw wpłaty lub odpowiedź."),
        "The payments entered for the last %(months)s months disagree with the answer whether "
        "the debtor paid at least %(percent)s%% of the alimony in each of them (art. 5 "
        "ust. 3a); correct the payments or the answer."),
    FadCode.DEBTOR_MONTH_PAID_INVALID: Template(
        N_("Wiersz %(row)s: podaj miesiąc (RRRR-MM-DD) oraz kwoty alimentów należnych i "
           "wpłaconych (zł, np. 500.00)."),
        "Row %(row)s: give the month (YYYY-MM-DD) and the amounts of the alimony due and paid "
        "(zł, e.g. 500.00)."),
}
