"""The catalogue's part for the Niebieska Karta procedure (codes in :mod:`.codes_nk`)."""

from __future__ import annotations

from app.domain.messages.codes import N_, MessageCode, Template
from app.domain.messages.codes_nk import NkCode

TEXTS: dict[MessageCode, Template] = {
    NkCode.NOT_FOUND: Template(
        N_("Nie ma takiej procedury „Niebieskie Karty”."),
        "There is no such Niebieska Karta procedure."),
    NkCode.NOT_ASSIGNED: Template(
        N_("Procedurę „Niebieskie Karty” widzą tylko osoby do niej przypisane i kierownik "
           "ośrodka."),
        "A Niebieska Karta procedure is seen only by the people assigned to it and the head "
        "of the centre."),
    NkCode.START_ROLE: Template(
        N_("Procedurę „Niebieskie Karty” wszczyna pracownik socjalny."),
        "A Niebieska Karta procedure is started by a caseworker."),
    NkCode.HEAD_ONLY: Template(
        N_("Członków grupy diagnostyczno-pomocowej przypisuje kierownik ośrodka."),
        "The members of the diagnostic and support group are assigned by the head of the "
        "centre."),
    NkCode.INVALID: Template(
        N_("Popraw zaznaczone pola."),
        "Correct the marked fields."),
    NkCode.CHANGED: Template(
        N_("Ktoś w międzyczasie zmienił tę procedurę. Odśwież stronę i spróbuj ponownie."),
        "Someone changed this procedure in the meantime. Reload the page and try again."),
    NkCode.CLOSED: Template(
        N_("Procedura „Niebieskie Karty” jest zakończona."),
        "The Niebieska Karta procedure is closed."),
    NkCode.DATE_FUTURE: Template(
        N_("Data nie może być późniejsza niż dzisiejsza."),
        "The date may not be later than today."),
    NkCode.DATE_BEFORE_START: Template(
        N_("Data nie może być wcześniejsza niż dzień wszczęcia procedury (%(date)s)."),
        "The date may not be earlier than the day the procedure started (%(date)s)."),
    NkCode.SAME_PERSON: Template(
        N_("Osoba doznająca przemocy i osoba stosująca przemoc to różne osoby."),
        "The person affected and the person suspected are different people."),
    NkCode.PERSON_UNKNOWN: Template(
        N_("Nie ma takiej osoby w kartotece."),
        "There is no such person in the register."),
    NkCode.ABSENCE_REASON: Template(
        N_("Podaj, dlaczego formularz wypełniono bez obecności osoby doznającej przemocy "
           "(§ 2 ust. 6 rozporządzenia)."),
        "Say why the form was filled in without the person affected present (§ 2 ust. 6 of "
        "the regulation)."),
    NkCode.USER_UNKNOWN: Template(
        N_("Członkiem grupy może być tylko aktywny pracownik socjalny lub kierownik."),
        "Only an active caseworker or supervisor may be a member of the group."),
    NkCode.STEP_NOT_OPEN: Template(
        N_("Ten krok procedury nie jest teraz otwarty (najpierw: %(step)s)."),
        "This step of the procedure is not open now (first: %(step)s)."),
    NkCode.NEXT_MEETING: Template(
        N_("Podaj termin kolejnego posiedzenia, późniejszy niż dzień tego posiedzenia."),
        "Give the date of the next meeting, later than the day of this one."),
    NkCode.NO_MEETING: Template(
        N_("Procedurę zamyka grupa diagnostyczno-pomocowa: do dnia zakończenia musi się "
           "odbyć jej posiedzenie."),
        "The diagnostic and support group closes the procedure: one of its meetings must have "
        "been held by the closing day."),
    NkCode.NO_PLAN: Template(
        N_("Zakończenie z powodu ustania przemocy wymaga zapisanego planu pomocy."),
        "Closing because the violence ended needs a recorded plan of help."),
    NkCode.PLAN_NOT_REALISED: Template(
        N_("Zakończenie z powodu ustania przemocy następuje po zrealizowaniu planu pomocy."),
        "Closing because the violence ended follows the plan of help being carried out."),
    NkCode.EXISTS_NOTICE: Template(
        N_("W rodzinie prowadzona jest procedura „Niebieskie Karty”."),
        "A Niebieska Karta procedure is running in the family."),
}
