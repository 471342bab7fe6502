"""The Polish name of each legal parameter, shown to users instead of its key
(``general.age_of_majority`` is for the code and the API, never for a page). Each name is a
Babel msgid (marked with ``N_``), so the English interface has its own text; a key not named here
is shown as it is (:func:`name`)."""

from __future__ import annotations

from app.domain.messages.codes import N_
from app.domain.messages.parameters_usrf import NAMES as USRF_NAMES

NAMES: dict[str, str] = {
    # The Niebieska Karta procedure (lane nk).
    "nk.handover_working_days": N_("Niebieska Karta: termin przekazania formularza A "
                                    "przewodniczącemu zespołu (dni robocze)"),
    "nk.first_meeting_days": N_("Niebieska Karta: termin pierwszego posiedzenia grupy "
                                "diagnostyczno-pomocowej (dni)"),
    "nk.closing_record_days": N_("Niebieska Karta: termin zapisania zakończenia procedury po "
                                 "posiedzeniu grupy (dni)"),
    # Care benefits of u.ś.r. (issue 16, lane usrc).
    "specjalny_zasilek_opiekunczy.amount": N_("Specjalny zasiłek opiekuńczy: kwota"),
    "specjalny_zasilek_opiekunczy.period_start_month": N_(
        "Specjalny zasiłek opiekuńczy: pierwszy miesiąc okresu zasiłkowego"),
    "specjalny_zasilek_opiekunczy.first_payment_deadlines": N_(
        "Specjalny zasiłek opiekuńczy: terminy pierwszej wypłaty"),
    "specjalny_zasilek_opiekunczy.criterion": N_(
        "Specjalny zasiłek opiekuńczy: kryterium dochodowe na osobę"),
    "swiadczenie_pielegnacyjne.age_limit": N_(
        "Świadczenie pielęgnacyjne: wiek osoby wymagającej opieki"),
    "swiadczenie_pielegnacyjne.amount": N_("Świadczenie pielęgnacyjne: kwota miesięczna"),
    "swiadczenie_pielegnacyjne.next_person_percentage": N_(
        "Świadczenie pielęgnacyjne: podwyższenie na kolejną osobę (%)"),
    "zasilek_pielegnacyjny.amount": N_("Zasiłek pielęgnacyjny: kwota"),
    "zasilek_pielegnacyjny.child_age_limit": N_(
        "Zasiłek pielęgnacyjny: wiek niepełnosprawnego dziecka"),
    "zasilek_pielegnacyjny.old_age": N_("Zasiłek pielęgnacyjny: wiek uprawniający bez orzeczenia"),
    "zasilek_pielegnacyjny.onset_age_limit": N_(
        "Zasiłek pielęgnacyjny: wiek powstania umiarkowanej niepełnosprawności"),
    "fa.age_limit": N_("Fundusz alimentacyjny: wiek uprawnionego"),
    "fa.age_limit_school": N_("Fundusz alimentacyjny: wiek uprawnionego uczącego się"),
    "fa.cap": N_("Fundusz alimentacyjny: najwyższa kwota świadczenia"),
    "fa.criterion": N_("Fundusz alimentacyjny: kryterium dochodowe na osobę"),
    "fa.debtor.big_days": N_("Dłużnik alimentacyjny: termin informacji do biura informacji "
                             "gospodarczej (dni)"),
    "fa.debtor.evasion_months": N_("Dłużnik alimentacyjny: liczba miesięcy wpłat wyłączająca "
                                   "uznanie za uchylającego się"),
    "fa.debtor.evasion_paid_percent": N_("Dłużnik alimentacyjny: procent alimentów wpłacanych "
                                         "co miesiąc wyłączający uznanie za uchylającego się"),
    "fa.debtor.interest_from": N_("Dłużnik alimentacyjny: początek naliczania odsetek"),
    "fa.debtor.interview_days": N_("Dłużnik alimentacyjny: termin wywiadu alimentacyjnego "
                                   "(dni)"),
    "fa.debtor.motion_days": N_("Dłużnik alimentacyjny: termin wniosku o zatrzymanie prawa "
                                "jazdy (dni)"),
    "fa.debtor.prosecutor_days": N_("Dłużnik alimentacyjny: termin zawiadomienia prokuratury "
                                    "(dni)"),
    "fa.debtor.registration_max_days": N_("Dłużnik alimentacyjny: najdłuższy termin "
                                          "rejestracji w urzędzie pracy (dni)"),
    "fa.debtor.share_creditor_gmina": N_("Dłużnik alimentacyjny: udział gminy wierzyciela w "
                                         "kwotach zwróconych (%)"),
    "fa.debtor.share_debtor_gmina": N_("Dłużnik alimentacyjny: udział gminy dłużnika w kwotach "
                                       "zwróconych (%)"),
    "fa.debtor.withdrawal_days": N_("Dłużnik alimentacyjny: termin wniosku o zwrot prawa jazdy "
                                    "(dni)"),
    "fa.first_payment_deadlines": N_("Fundusz alimentacyjny: terminy pierwszej wypłaty"),
    "fa.min_after_reduction": N_("Fundusz alimentacyjny: najniższa kwota po obniżeniu"),
    "fa.period_start_month": N_("Fundusz alimentacyjny: pierwszy miesiąc okresu świadczeniowego"),
    "general.age_of_majority": N_("Wiek pełnoletności"),
    "posilek.threshold_percentage": N_("Posiłek: próg dochodowy programu (% kryterium)"),
    "interview.working_days": N_("Termin wywiadu środowiskowego (dni robocze)"),
    "interview.working_days_urgent": N_("Termin wywiadu w sprawie pilnej (dni robocze)"),
    "kpa.appeal_days": N_("Termin na odwołanie (dni)"),
    "kpa.decision_months": N_("Termin załatwienia sprawy (miesiące)"),
    "kpa.decision_months_complex": N_("Termin załatwienia sprawy szczególnie skomplikowanej "
                                      "(miesiące)"),
    "kpa.deemed_delivery_days": N_("Termin doręczenia zastępczego (dni)"),
    "kpa.deemed_delivery_moves_to_working_day": N_(
        "Doręczenie zastępcze przesuwa się na dzień roboczy"),
    "kpa.supplement_min_days": N_("Najkrótszy termin na uzupełnienie wniosku (dni)"),
    "ups.criteria_review_years": N_("Weryfikacja kryteriów dochodowych (co ile lat)"),
    "ups.criterion_per_person": N_("Kryterium dochodowe na osobę w rodzinie"),
    "ups.criterion_single": N_("Kryterium dochodowe osoby samotnie gospodarującej"),
    "ups.farm_income_per_hectare": N_("Dochód z 1 ha przeliczeniowego"),
    "ups.farm_min_hectares": N_("Najmniejsza powierzchnia gospodarstwa rolnego liczona do "
                                "dochodu (ha przeliczeniowe)"),
    "ups.one_off_multiplier": N_("Dochód jednorazowy: wielokrotność kryterium"),
    "ups.one_off_spread_months": N_("Dochód jednorazowy: liczba miesięcy rozliczenia"),
    "zasilek_okresowy.minimum": N_("Zasiłek okresowy: kwota najniższa"),
    "zasilek_okresowy.percentage": N_("Zasiłek okresowy: procent różnicy"),
    "zasilek_okresowy.single_cap": N_("Zasiłek okresowy: kwota najwyższa osoby samotnej"),
    "zasilek_celowy.criterion_percentage": N_("Zasiłek celowy: procent kryterium dochodowego"),
    "zasilek_celowy_zdarzenie_losowe.income_considered": N_(
        "Zasiłek celowy w związku ze zdarzeniem losowym: czy bada się dochód"),
    "sprawienie_pogrzebu.zus_funeral_allowance": N_(
        "Sprawienie pogrzebu: zasiłek pogrzebowy z ubezpieczenia społecznego"),
    "zasilek_rodzinny.age_bands": N_("Zasiłek rodzinny: kwoty według wieku dziecka"),
    "zasilek_rodzinny.age_limit": N_("Zasiłek rodzinny: wiek dziecka"),
    "zasilek_rodzinny.age_limit_school": N_("Zasiłek rodzinny: wiek dziecka uczącego się"),
    "zasilek_rodzinny.age_limit_school_disabled": N_(
        "Zasiłek rodzinny: wiek dziecka uczącego się z niepełnosprawnością"),
    "zasilek_rodzinny.first_payment_deadlines": N_("Zasiłek rodzinny: terminy pierwszej wypłaty"),
    "zasilek_rodzinny.min_after_reduction": N_("Zasiłek rodzinny: najniższa kwota po obniżeniu"),
    "zasilek_rodzinny.period_start_month": N_("Zasiłek rodzinny: pierwszy miesiąc okresu "
                                              "zasiłkowego"),
    "zasilek_rodzinny.threshold": N_("Zasiłek rodzinny: kryterium dochodowe na osobę"),
    "zasilek_rodzinny.threshold_disabled_child": N_(
        "Zasiłek rodzinny: kryterium dochodowe w rodzinie z dzieckiem z niepełnosprawnością"),
    "zasilek_staly.amount_percentage": N_("Zasiłek stały: procent różnicy"),
    "zasilek_staly.cap": N_("Zasiłek stały: kwota najwyższa"),
    "zasilek_staly.eligibility_percentage": N_("Zasiłek stały: próg dochodu (procent kryterium)"),
    "zasilek_staly.excluded_benefits": N_("Zasiłek stały: świadczenia, z którymi się nie łączy"),
    "zasilek_staly.minimum": N_("Zasiłek stały: kwota najniższa"),
    "zasilek_staly.retirement_age_female": N_("Zasiłek stały: wiek emerytalny kobiety"),
    "zasilek_staly.retirement_age_male": N_("Zasiłek stały: wiek emerytalny mężczyzny"),
}

NAMES.update(USRF_NAMES)  # the dodatki, becikowe and świadczenie rodzicielskie


def name(key: str) -> str:
    """The parameter's Polish name (a msgid), or its key where it has none."""
    return NAMES.get(key, key)
