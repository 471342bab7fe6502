"""The Polish names and citations of the parameters of the dodatki, becikowe and świadczenie
rodzicielskie (lane usrf), merged into :mod:`parameter_names` and :mod:`parameter_sources`."""

from __future__ import annotations

from datetime import date

from app.domain.messages.codes import N_

_RM_2018 = N_("§ 2 rozporządzenia Rady Ministrów z dnia 7 sierpnia 2018 r. w sprawie wysokości "
              "dochodu rodziny albo dochodu osoby uczącej się stanowiących podstawę ubiegania się "
              "o zasiłek rodzinny oraz wysokości świadczeń rodzinnych (Dz.U. 2018 poz. 1497)")

NAMES: dict[str, str] = {
    "zasilek_rodzinny.dodatek_urodzenie": N_("Dodatek z tytułu urodzenia dziecka"),
    "zasilek_rodzinny.dodatek_urodzenie_deadline_months": N_(
        "Dodatek z tytułu urodzenia dziecka: termin złożenia wniosku (miesiące)"),
    "zasilek_rodzinny.dodatek_urlop_wychowawczy": N_(
        "Dodatek z tytułu opieki nad dzieckiem w okresie korzystania z urlopu wychowawczego"),
    "zasilek_rodzinny.dodatek_samotne": N_(
        "Dodatek z tytułu samotnego wychowywania dziecka: kwota na dziecko i kwota najwyższa"),
    "zasilek_rodzinny.dodatek_samotne_disabled": N_(
        "Dodatek z tytułu samotnego wychowywania dziecka: zwiększenie na dziecko "
        "niepełnosprawne"),
    "zasilek_rodzinny.dodatek_samotne_grounds": N_(
        "Dodatek z tytułu samotnego wychowywania dziecka: podstawy przyznania"),
    "zasilek_rodzinny.dodatek_wielodzietna": N_(
        "Dodatek z tytułu wychowywania dziecka w rodzinie wielodzietnej"),
    "zasilek_rodzinny.dodatek_rehabilitacja": N_(
        "Dodatek z tytułu kształcenia i rehabilitacji dziecka niepełnosprawnego"),
    "zasilek_rodzinny.dodatek_rehabilitacja_age_certificate": N_(
        "Dodatek z tytułu kształcenia i rehabilitacji: wiek, od którego wymagany jest stopień "
        "niepełnosprawności"),
    "zasilek_rodzinny.dodatek_rok_szkolny": N_("Dodatek z tytułu rozpoczęcia roku szkolnego"),
    "zasilek_rodzinny.dodatek_poza_miejscem": N_(
        "Dodatek z tytułu podjęcia przez dziecko nauki w szkole poza miejscem zamieszkania"),
    "zasilek_rodzinny.dodatki_yearly_divisor": N_(
        "Dodatki jednorazowe i roczne: dzielnik przy obniżeniu zasiłku rodzinnego"),
    "jednorazowa_zapomoga.amount": N_("Jednorazowa zapomoga z tytułu urodzenia się dziecka: kwota"),
    "jednorazowa_zapomoga.income_limit": N_(
        "Jednorazowa zapomoga z tytułu urodzenia się dziecka: kryterium dochodowe na osobę"),
    "jednorazowa_zapomoga.deadline_months": N_(
        "Jednorazowa zapomoga z tytułu urodzenia się dziecka: termin złożenia wniosku (miesiące)"),
    "swiadczenie_rodzicielskie.amount": N_("Świadczenie rodzicielskie: kwota miesięczna"),
    "swiadczenie_rodzicielskie.weeks": N_(
        "Świadczenie rodzicielskie: okres w tygodniach według liczby dzieci"),
    "swiadczenie_rodzicielskie.excluded_benefits": N_(
        "Świadczenie rodzicielskie: świadczenia wyłączające"),
}

_ART = {
    "zasilek_rodzinny.dodatek_urodzenie": N_(
        "art. 9 ust. 1 ustawy z dnia 28 listopada 2003 r. o świadczeniach rodzinnych "
        "(Dz.U. 2003 nr 228 poz. 2255)"),
    "zasilek_rodzinny.dodatek_urodzenie_deadline_months": N_(
        "art. 9 ust. 2 ustawy z dnia 28 listopada 2003 r. o świadczeniach rodzinnych "
        "(Dz.U. 2003 nr 228 poz. 2255)"),
    "zasilek_rodzinny.dodatek_urlop_wychowawczy": N_(
        "art. 10 ust. 1 ustawy z dnia 28 listopada 2003 r. o świadczeniach rodzinnych "
        "(Dz.U. 2003 nr 228 poz. 2255)"),
    "zasilek_rodzinny.dodatek_samotne": N_(
        "art. 11a ust. 2 ustawy z dnia 28 listopada 2003 r. o świadczeniach rodzinnych "
        "(Dz.U. 2003 nr 228 poz. 2255)"),
    "zasilek_rodzinny.dodatek_samotne_disabled": N_(
        "art. 11a ust. 3 ustawy z dnia 28 listopada 2003 r. o świadczeniach rodzinnych "
        "(Dz.U. 2003 nr 228 poz. 2255)"),
    "zasilek_rodzinny.dodatek_samotne_grounds": N_(
        "art. 11a ust. 1 ustawy z dnia 28 listopada 2003 r. o świadczeniach rodzinnych "
        "(Dz.U. 2003 nr 228 poz. 2255)"),
    "zasilek_rodzinny.dodatek_wielodzietna": N_(
        "art. 12a ustawy z dnia 28 listopada 2003 r. o świadczeniach rodzinnych "
        "(Dz.U. 2003 nr 228 poz. 2255)"),
    "zasilek_rodzinny.dodatek_rehabilitacja": N_(
        "art. 13 ust. 3 ustawy z dnia 28 listopada 2003 r. o świadczeniach rodzinnych "
        "(Dz.U. 2003 nr 228 poz. 2255)"),
    "zasilek_rodzinny.dodatek_rehabilitacja_age_certificate": N_(
        "art. 13 ust. 1 ustawy z dnia 28 listopada 2003 r. o świadczeniach rodzinnych "
        "(Dz.U. 2003 nr 228 poz. 2255)"),
    "zasilek_rodzinny.dodatek_rok_szkolny": N_(
        "art. 14 ust. 1 ustawy z dnia 28 listopada 2003 r. o świadczeniach rodzinnych "
        "(Dz.U. 2003 nr 228 poz. 2255)"),
    "zasilek_rodzinny.dodatek_poza_miejscem": N_(
        "art. 15 ust. 2–3 ustawy z dnia 28 listopada 2003 r. o świadczeniach rodzinnych "
        "(Dz.U. 2003 nr 228 poz. 2255)"),
    "zasilek_rodzinny.dodatki_yearly_divisor": N_(
        "art. 5 ust. 3b ustawy z dnia 28 listopada 2003 r. o świadczeniach rodzinnych "
        "(Dz.U. 2003 nr 228 poz. 2255)"),
    "jednorazowa_zapomoga.amount": N_(
        "art. 15b ust. 1 ustawy z dnia 28 listopada 2003 r. o świadczeniach rodzinnych "
        "(Dz.U. 2003 nr 228 poz. 2255)"),
    "jednorazowa_zapomoga.income_limit": N_(
        "art. 15b ust. 2 ustawy z dnia 28 listopada 2003 r. o świadczeniach rodzinnych "
        "(Dz.U. 2003 nr 228 poz. 2255)"),
    "jednorazowa_zapomoga.deadline_months": N_(
        "art. 15b ust. 3 ustawy z dnia 28 listopada 2003 r. o świadczeniach rodzinnych "
        "(Dz.U. 2003 nr 228 poz. 2255)"),
    "swiadczenie_rodzicielskie.amount": N_(
        "art. 17c ust. 3 ustawy z dnia 28 listopada 2003 r. o świadczeniach rodzinnych "
        "(Dz.U. 2003 nr 228 poz. 2255)"),
    "swiadczenie_rodzicielskie.weeks": N_(
        "art. 17c ust. 6 ustawy z dnia 28 listopada 2003 r. o świadczeniach rodzinnych "
        "(Dz.U. 2003 nr 228 poz. 2255)"),
    "swiadczenie_rodzicielskie.excluded_benefits": N_(
        "art. 17c ust. 5 ustawy z dnia 28 listopada 2003 r. o świadczeniach rodzinnych "
        "(Dz.U. 2003 nr 228 poz. 2255)"),
}
# The amounts set by the regulation from the benefit period 2018/2019.
_FROM_2018 = ("zasilek_rodzinny.dodatek_samotne", "zasilek_rodzinny.dodatek_wielodzietna",
              "zasilek_rodzinny.dodatek_rehabilitacja", "zasilek_rodzinny.dodatek_poza_miejscem")

CITATIONS: dict[str, tuple[tuple[date, str], ...]] = {
    key: ((date.min, text),) + (((date(2018, 11, 1), _RM_2018),) if key in _FROM_2018 else ())
    for key, text in _ART.items()
}
