"""Legal parameters as dated data, and the lookup ``value(name, on)``.

Every figure that the rules use (criteria, caps, percentages, ages, periods in days) lives in
``ENTRIES`` below with the date from which it is in force and the source it was taken from. The
rules never contain these figures as literals. An entry is in force from its ``valid_from`` until
the day before the next entry with the same name (``valid_to``), or indefinitely if it is the last.

A date before the first entry of a name is an error (:class:`ParameterNotFound`): the table only
asserts what its sources confirm. Where a source row in DOMAIN.md is marked "?", the reading chosen
is stated in the entry's ``source`` text and in the explanation printed by the rule that uses it.

To change a figure, add an entry with its new ``valid_from``; never edit a past entry.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from app.domain.messages import Code, msg
from app.domain.parameters_nk import ENTRIES as _NK_ENTRIES
from app.domain.views import to_json


class ParameterNotFound(LookupError):
    """No value of a parameter is in force on the date asked for (or the name is unknown).

    ``first`` is the date the table starts asserting the parameter (None for an unknown name).
    """

    def __init__(self, message: str, on: date | None = None, first: date | None = None) -> None:
        super().__init__(message)
        self.on, self.first = on, first


@dataclass(frozen=True)
class Param:
    """One dated value of a legal parameter."""

    name: str
    value: Any
    valid_from: date
    valid_to: date | None
    source: str

    def as_dict(self) -> dict[str, Any]:
        """Return a JSON-safe dict (Decimals as strings, dates ISO)."""
        return {
            "name": self.name,
            "value": to_json(self.value),
            "valid_from": self.valid_from.isoformat(),
            "valid_to": self.valid_to.isoformat() if self.valid_to else None,
            "source": self.source,
        }


def _zl(amount: str) -> Decimal:
    """Write a money figure of the table with grosze precision."""
    return Decimal(amount).quantize(Decimal("0.01"))


D = date
# Sources cited by several entries.
_RM_2018 = (
    "Rozporządzenie RM z 11 lipca 2018 r. w sprawie zweryfikowanych kryteriów dochodowych "
    "(mops.krasnik.pl; gops.domanice.eu)"
)
_RM_2021 = (
    "Rozporządzenie RM z 15 lipca 2021 r. w sprawie zweryfikowanych kryteriów dochodowych "
    "(opsbemowo.waw.pl; gops.zebrzydowice.pl; infor.pl 6606064)"
)
_RM_2024 = "Dz.U. 2024 poz. 1044 (infor.pl 6606064; gazetaprawna 10603802)"
_UPS_2023 = "ustawa z 28 lipca 2023 r. (Dz.U. 2023 poz. 1693); infor.pl 6667576; mops.lubin.pl"
_OLDER = "; the rule is older, the table asserts it from this date only"
_UPS_START = D(2018, 10, 1)  # first verified criteria in the table
_KPA_START = D(2018, 10, 1)
_USR_2019 = D(2019, 11, 1)

# (name, valid_from, value, source)
ENTRIES: list[tuple[str, date, Any, str]] = [
    # --- u.p.s.: income criteria (art. 8 ust. 1) ---
    ("ups.criterion_single", D(2018, 10, 1), _zl("701"), _RM_2018),
    ("ups.criterion_single", D(2022, 1, 1), _zl("776"), _RM_2021),
    ("ups.criterion_single", D(2025, 1, 1), _zl("1010"), _RM_2024),
    ("ups.criterion_per_person", D(2018, 10, 1), _zl("528"), _RM_2018),
    ("ups.criterion_per_person", D(2022, 1, 1), _zl("600"), _RM_2021),
    ("ups.criterion_per_person", D(2025, 1, 1), _zl("823"), _RM_2024),
    # --- u.p.s.: income rules (art. 8) ---
    ("ups.farm_income_per_hectare", D(2018, 10, 1), _zl("308"), _RM_2018),
    ("ups.farm_income_per_hectare", D(2022, 1, 1), _zl("345"), _RM_2021),
    ("ups.farm_income_per_hectare", D(2025, 1, 1), _zl("459"), _RM_2024 + "; DOMAIN.md"),
    ("ups.farm_min_hectares", _UPS_START, Decimal("1"),
     "DOMAIN.md: farmland under 1 ha przeliczeniowy is not income" + _OLDER),
    ("ups.one_off_multiplier", _UPS_START, 5, "art. 8 ust. 11 u.p.s." + _OLDER),
    ("ups.one_off_spread_months", _UPS_START, 12, "art. 8 ust. 11 u.p.s." + _OLDER),
    ("general.age_of_majority", _UPS_START, 18, "art. 10 Kodeksu cywilnego" + _OLDER),
    # --- help in kind and services (lane upsb): meals (art. 48b u.p.s.) and care services
    # (art. 50 u.p.s.) ---
    # READING: art. 48b names no income threshold of its own (art. 8 ust. 1 would apply); the
    # programme "Posiłek w szkole i w domu" 2024-2028 (uchwała nr 149 RM z 23 sierpnia 2023 r.,
    # M.P. 2023 poz. 881, in force from 1 Jan 2024) lets a gmina give meals under it to a person
    # whose income does not exceed 200% of the criterion of art. 8: the threshold in zł is derived
    # (200% x ups.criterion_single / ups.criterion_per_person: 2020 zł and 1646 zł from 1 Jan 2025),
    # never a literal. The programme ends with 2028: the next programme is a new entry.
    ("posilek.threshold_percentage", D(2019, 1, 1), 150,
     "programme 'Posiłek w szkole i w domu' 2019-2023, uchwała nr 140 RM z 15 października "
     "2018 r. (M.P. 2018 poz. 1007): 150% of the criterion (gops.gminawitonia.pl; "
     "mops.ustka.pl: 1164 zł single, 900 zł per person)"),
    ("posilek.threshold_percentage", D(2023, 1, 1), 200,
     "uchwała RM z 28 grudnia 2022 r. amending uchwała nr 140: 150% -> 200% (1552 zł single, "
     "1200 zł per person; mops.ustka.pl after gov.pl). READING: from 1 Jan 2023, the year the "
     "amended programme ran; to be confirmed against M.P."),
    ("posilek.threshold_percentage", D(2024, 1, 1), 200,
     "programme 'Posiłek w szkole i w domu' 2024-2028, uchwała nr 149 RM z 23 sierpnia 2023 r. "
     "(M.P. 2023 poz. 881), cz. III-IV: 200% of the criterion of art. 8 u.p.s. (ecus.pl; "
     "kuratorium.lodz.pl; DOMAIN.md: 2020 zł single, 1646 zł per person from 1 Jan 2025)"),
    # READING: art. 50 ust. 6 u.p.s. leaves the fee of care services to the rada gminy's
    # resolution (a table by income against the criterion, kept by the centre's admin in the
    # fee table); the criterion the income is compared with is the one of art. 8 ust. 1, so a
    # person living alone is measured against ups.criterion_single and a family member against
    # ups.criterion_per_person (income per person), read on the first day of the service.
    # --- zasiłek stały (art. 37 u.p.s.) ---
    ("zasilek_staly.eligibility_percentage", _UPS_START, 100,
     "art. 37 ust. 1 u.p.s.: income below the criterion" + _OLDER),
    ("zasilek_staly.amount_percentage", _UPS_START, 100, "art. 37 ust. 2 u.p.s." + _OLDER),
    ("zasilek_staly.amount_percentage", D(2024, 1, 1), 130, _UPS_2023),
    ("zasilek_staly.minimum", _UPS_START, _zl("30"), "art. 37 ust. 3 u.p.s." + _OLDER),
    ("zasilek_staly.minimum", D(2024, 1, 1), _zl("100"), _UPS_2023),
    ("zasilek_staly.cap", D(2018, 10, 1), _zl("645"), _RM_2018),
    ("zasilek_staly.cap", D(2022, 1, 1), _zl("719"), _RM_2021),
    ("zasilek_staly.cap", D(2024, 1, 1), _zl("1000"), _UPS_2023),
    ("zasilek_staly.cap", D(2025, 1, 1), _zl("1229"), _RM_2024 + "; mops.lubin.pl"),
    # Corrected (issue 13), not a change of the law: art. 37 ust. 5 has named the dodatek all
    # along, and the entry had left it out. Issue 16: świadczenie pielęgnacyjne and specjalny
    # zasiłek opiekuńczy are benefits of the catalogue now; their entries mark them
    # (``Benefit.carer_benefit``) and the zasiłek stały rule adds them to this list, so a benefit
    # code is written in its own module only. Not a change of the law.
    ("zasilek_staly.excluded_benefits", _UPS_START,
     ("renta_socjalna", "zasilek_dla_opiekuna", "dodatek_samotne_wychowywanie_bezrobocie"),
     "art. 37 ust. 5 u.p.s.: renta socjalna, świadczenie pielęgnacyjne, specjalny zasiłek "
     "opiekuńczy, dodatek z tytułu samotnego wychowywania dziecka i utraty prawa do zasiłku dla "
     "bezrobotnych na skutek upływu ustawowego okresu jego pobierania, zasiłek dla opiekuna "
     "(ops-debno.pl; cuslubicz.pl; opszabki.pl; gops-zmigrod.pl); the two carer's benefits of "
     "the catalogue are added by the rule from their entries" + _OLDER),
    # Reading: "niezdolność do pracy z tytułu wieku" (art. 6 pkt 7 u.p.s.) is the retirement age.
    ("zasilek_staly.retirement_age_female", _UPS_START, 60, "art. 6 pkt 7 u.p.s." + _OLDER),
    ("zasilek_staly.retirement_age_male", _UPS_START, 65, "art. 6 pkt 7 u.p.s." + _OLDER),
    # --- zasiłek okresowy (art. 38 u.p.s.) ---
    ("zasilek_okresowy.percentage", _UPS_START, 50,
     "art. 38 ust. 2 u.p.s.; the rada gminy may raise it by resolution" + _OLDER),
    ("zasilek_okresowy.minimum", _UPS_START, _zl("20"),
     "art. 38 ust. 4 u.p.s.: never below 20 zł, an absolute minimum that applies even where the "
     "difference is smaller (DOMAIN.md, corrected)" + _OLDER),
    ("zasilek_okresowy.single_cap", _UPS_START, None,
     "READING (DOMAIN.md '?'): no fixed zł cap for a single person other than the difference; "
     "pages cite 823 zł or an old 418 zł cap of art. 38 ust. 2 pkt 1. Add an entry to apply one"),
    # --- zasiłek celowy, art. 40 aid and sprawienie pogrzebu (art. 39-44, 96 u.p.s.) ---
    # READING: art. 39 ust. 1 sets no criterion of its own, so art. 8 ust. 1 applies ("dochód nie
    # przekracza kryterium"): income equal to the criterion qualifies, 1 grosz above does not
    # (then only art. 41: specjalny zasiłek celowy, or aid on condition of its return, pkt 2).
    ("zasilek_celowy.criterion_percentage", _UPS_START, 100,
     "art. 8 ust. 1 and art. 39 ust. 1 u.p.s.; READING: income not above the criterion "
     "qualifies; above it art. 41 pkt 2 allows the aid only on condition of its return" + _OLDER),
    # READING: art. 40 ust. 3 ("niezależnie od dochodu i może nie podlegać zwrotowi"): income is
    # not tested at all; the decision says whether the aid is to be returned.
    ("zasilek_celowy_zdarzenie_losowe.income_considered", _UPS_START, False,
     "art. 40 ust. 1-3 u.p.s.: a random event (ust. 1) or a natural or ecological disaster "
     "(ust. 2); granted regardless of income and may be granted without return (ust. 3)" + _OLDER),
    # The ZUS funeral allowance after the deceased: the first source the costs of a funeral the
    # gmina arranged are returned from (art. 96 ust. 3 u.p.s.), before the estate.
    ("sprawienie_pogrzebu.zus_funeral_allowance", _UPS_START, _zl("4000"),
     "art. 80 ustawy o emeryturach i rentach z FUS: 4000 zł since 1 Mar 2011; READING of art. 96 "
     "ust. 3 u.p.s.: the funeral costs are returned from the estate or from the funeral "
     "allowance due after the deceased (zasiłek pogrzebowy)" + _OLDER),
    ("sprawienie_pogrzebu.zus_funeral_allowance", D(2026, 1, 1), _zl("7000"),
     "art. 80 ustawy o emeryturach i rentach z FUS as amended in 2025: 7000 zł from 1 Jan 2026 "
     "(zus.pl; confirm the Dz.U. citation)"),
    # --- zasiłek rodzinny (u.ś.r.); looked up on the first day of the benefit period ---
    ("zasilek_rodzinny.period_start_month", D(2016, 11, 1), 11,
     "u.ś.r.: okres zasiłkowy 1 Nov - 31 Oct (gops.trzcianne.pl)" + _OLDER),
    ("zasilek_rodzinny.threshold", D(2016, 11, 1), _zl("674"),
     "art. 5 ust. 1 u.ś.r.; infor.pl 7006500; lelkowo.warmia.mazury.pl (2016/2017)" + _OLDER),
    ("zasilek_rodzinny.threshold_disabled_child", D(2016, 11, 1), _zl("764"),
     "art. 5 ust. 2 u.ś.r.; infor.pl 7006500" + _OLDER),
    # --- the dodatki to zasiłek rodzinny (art. 9-15 u.ś.r.), becikowe (art. 15b), świadczenie
    # rodzicielskie (art. 17c); lane usrf. The dodatki are zasiłek rodzinny's parameters (its
    # benefit period, its parameter changes), looked up only when a dodatek's condition is met.
    ("zasilek_rodzinny.dodatek_urodzenie", D(2016, 11, 1), _zl("1000"),
     "art. 9 ust. 1 u.ś.r.: 1000 zł once per child (DOMAIN.md 'Dodatki'; hrmobilny.pl)" + _OLDER),
    ("zasilek_rodzinny.dodatek_urodzenie_deadline_months", D(2016, 11, 1), 12,
     "art. 9 ust. 2 u.ś.r.: applied for until the child's first birthday (12 months); for a "
     "guardian or an adopting parent, within 12 months of taking the child into care" + _OLDER),
    ("zasilek_rodzinny.dodatek_urlop_wychowawczy", D(2016, 11, 1), _zl("400"),
     "art. 10 ust. 1 u.ś.r.: 400 zł a month (DOMAIN.md 'Dodatki')" + _OLDER),
    # Art. 11a ust. 2-3: per child, capped over all children; a child with a disability
    # certificate raises it by an increase per child, itself capped. Amounts of the benefit period
    # 2016/2017 per Rozporządzenie RM z 7 sierpnia 2015 r. (NOT confirmed in DOMAIN.md); from
    # 1 Nov 2018 per Rozporządzenie RM z 7 sierpnia 2018 r. (Dz.U. 2018 poz. 1497).
    ("zasilek_rodzinny.dodatek_samotne", D(2016, 11, 1), (_zl("185"), _zl("370")),
     "art. 11a ust. 2 u.ś.r.: 185 zł per child, at most 370 zł (2016/2017; to be confirmed)"),
    ("zasilek_rodzinny.dodatek_samotne", D(2018, 11, 1), (_zl("193"), _zl("386")),
     "art. 11a ust. 2 u.ś.r.: 193 zł per child, at most 386 zł (Dz.U. 2018 poz. 1497; DOMAIN.md)"),
    ("zasilek_rodzinny.dodatek_samotne_disabled", D(2016, 11, 1), (_zl("80"), _zl("160")),
     "art. 11a ust. 3 u.ś.r.: +80 zł per child with a certificate, at most +160 zł: 273 zł and "
     "546 zł from 1 Nov 2018 (Dz.U. 2018 poz. 1497; DOMAIN.md)" + _OLDER),
    ("zasilek_rodzinny.dodatek_samotne_grounds", D(2016, 11, 1),
     ("deceased", "unknown", "alimony_dismissed"),
     "art. 11a ust. 1 pkt 1-3 u.ś.r.: the other parent is dead, the father is unknown, the claim "
     "for alimony from the other parent was dismissed (the ground of pkt 4, a court putting all "
     "costs on one parent, is not a contract value yet)" + _OLDER),
    ("zasilek_rodzinny.dodatek_wielodzietna", D(2016, 11, 1), (3, _zl("90")),
     "art. 12a u.ś.r.: 90 zł a month for the third and each next entitled child (2016/2017; to "
     "be confirmed)"),
    ("zasilek_rodzinny.dodatek_wielodzietna", D(2018, 11, 1), (3, _zl("95")),
     "art. 12a u.ś.r.: 95 zł a month for the third and each next entitled child "
     "(Dz.U. 2018 poz. 1497; DOMAIN.md)"),
    # Art. 13 ust. 1-2: age bands by completed years as art. 6 ust. 2 ('do ukończenia 5. roku
    # życia' = 0-4); the certificate is any under 16, moderate or severe from 16 until 24.
    ("zasilek_rodzinny.dodatek_rehabilitacja", D(2016, 11, 1),
     ((4, _zl("80")), (23, _zl("100"))),
     "art. 13 ust. 3 u.ś.r.: 80 zł under 5, 100 zł from 5 until 24 (2016/2017; to be confirmed)"),
    ("zasilek_rodzinny.dodatek_rehabilitacja", D(2018, 11, 1),
     ((4, _zl("90")), (23, _zl("110"))),
     "art. 13 ust. 3 u.ś.r.: 90 zł under 5, 110 zł from 5 until 24 (Dz.U. 2018 poz. 1497; "
     "DOMAIN.md)"),
    ("zasilek_rodzinny.dodatek_rehabilitacja_age_certificate", D(2016, 11, 1), 16,
     "art. 13 ust. 1 pkt 1-2 u.ś.r.: a child's certificate until 16, a moderate or severe "
     "degree from 16" + _OLDER),
    ("zasilek_rodzinny.dodatek_rok_szkolny", D(2016, 11, 1), _zl("100"),
     "art. 14 ust. 1 u.ś.r.: 100 zł once a year per child starting the school year" + _OLDER),
    ("zasilek_rodzinny.dodatek_poza_miejscem", D(2016, 11, 1),
     (_zl("105"), _zl("63"), 10),
     "art. 15 ust. 2-3 u.ś.r.: 105 zł living away, 63 zł commuting, for 10 months of the school "
     "year (2016/2017; to be confirmed)"),
    ("zasilek_rodzinny.dodatek_poza_miejscem", D(2018, 11, 1),
     (_zl("113"), _zl("69"), 10),
     "art. 15 ust. 2-3 u.ś.r.: 113 zł living where the school is, 69 zł commuting, paid for 10 "
     "months of the school year (Dz.U. 2018 poz. 1497; DOMAIN.md)"),
    ("zasilek_rodzinny.dodatki_yearly_divisor", D(2016, 11, 1), 12,
     "art. 5 ust. 3b u.ś.r.: the dodatki of art. 9, 14 and 15 are divided by 12 when pooled in "
     "złotówka za złotówkę (DOMAIN.md)" + _OLDER),
    ("jednorazowa_zapomoga.amount", D(2016, 11, 1), _zl("1000"),
     "art. 15b ust. 1 u.ś.r.: 1000 zł per child born alive (pcs.poznan.pl; DOMAIN.md)" + _OLDER),
    ("jednorazowa_zapomoga.income_limit", D(2016, 11, 1), _zl("1922"),
     "art. 15b ust. 2 u.ś.r.: income per person at most 1922 zł (pcs.poznan.pl; DOMAIN.md)"
     + _OLDER),
    ("jednorazowa_zapomoga.deadline_months", D(2016, 11, 1), 12,
     "art. 15b ust. 3 u.ś.r.: applied for within 12 months of the birth (of taking the child "
     "into care, for a guardian or an adopting parent)" + _OLDER),
    ("swiadczenie_rodzicielskie.amount", D(2016, 1, 1), _zl("1000"),
     "art. 17c ust. 3 u.ś.r.: 1000 zł a month since 1 Jan 2016 (DOMAIN.md)"),
    ("swiadczenie_rodzicielskie.weeks", D(2016, 1, 1),
     ((1, 52), (2, 65), (3, 67), (4, 69), (5, 71)),
     "art. 17c ust. 6 u.ś.r.: 52 weeks for one child born at one birth, 65 for two, 67 for "
     "three, 69 for four, 71 for five or more"),
    ("swiadczenie_rodzicielskie.excluded_benefits", D(2016, 1, 1),
     ("zasilek_macierzynski", "zasilek_dla_opiekuna"),
     "art. 17c ust. 5 u.ś.r.: not with zasiłek (uposażenie) macierzyński of either parent, nor "
     "with the carer's benefits of the person claiming it (zasiłek dla opiekuna here; "
     "świadczenie pielęgnacyjne and specjalny zasiłek opiekuńczy are the catalogue's carer's "
     "benefits, which the rule adds). READING: the other benefits are read from other_benefits "
     "of the applicant (all of them) and of a spouse or partner (zasiłek macierzyński)"),
    # Art. 6 ust. 2 u.ś.r. says "do ukończenia 5. roku życia" (95 zł), "powyżej 5. do ukończenia
    # 18." (124 zł), "powyżej 18. do ukończenia 24." (135 zł). In completed years of age that is
    # 0-4 / 5-17 / 18-23 (DOMAIN.md, corrected).
    ("zasilek_rodzinny.age_bands", D(2016, 11, 1),
     ((4, _zl("95")), (17, _zl("124")), (23, _zl("135"))),
     "art. 6 ust. 2 u.ś.r. (ops.psary.pl, from 1 Nov 2016); bands by completed years of age, "
     "'do ukończenia N. roku życia' = younger than N (DOMAIN.md, corrected: 0-4 / 5-17 / 18-23)"),
    # Art. 6 ust. 1 u.ś.r.: zasiłek rodzinny is paid until the child is 18; while in school, until
    # 21; while in school (or a higher school) and with a moderate or severe disability
    # certificate, until 24. Each limit is the birthday on which it ends (completed years).
    ("zasilek_rodzinny.age_limit", D(2016, 11, 1), 18,
     "art. 6 ust. 1 pkt 1 u.ś.r.: until the 18th birthday (DOMAIN.md)" + _OLDER),
    ("zasilek_rodzinny.age_limit_school", D(2016, 11, 1), 21,
     "art. 6 ust. 1 pkt 2 u.ś.r.: while in school, until the 21st birthday (DOMAIN.md)"
     + _OLDER),
    ("zasilek_rodzinny.age_limit_school_disabled", D(2016, 11, 1), 24,
     "art. 6 ust. 1 pkt 3 u.ś.r.: while in school or a higher school and with a moderate or "
     "severe disability certificate, until the 24th birthday (DOMAIN.md)" + _OLDER),
    ("zasilek_rodzinny.min_after_reduction", D(2016, 11, 1), _zl("20"),
     "art. 5 ust. 3c u.ś.r. (złotówka za złotówkę since 1 Jan 2016; wielopole.eu)" + _OLDER),
    # --- fundusz alimentacyjny; looked up on the first day of the benefit period ---
    ("fa.period_start_month", D(2008, 10, 1), 10,
     "ustawa o pomocy osobom uprawnionym do alimentów: okres świadczeniowy 1 Oct - 30 Sep"),
    ("fa.criterion", D(2020, 10, 1), _zl("900"),
     "mops.com.pl (900 zł until 30 Sep 2023); start date 1 Oct 2020 per tvn24 4709918 and "
     "mops.starogard.pl, NOT confirmed in DOMAIN.md"),
    ("fa.criterion", D(2023, 10, 1), _zl("1209"),
     "art. 9 ust. 2; M.P. 2023 poz. 121; zachod.pl 1118131; mops.com.pl"),
    ("fa.criterion", D(2026, 10, 1), _zl("1665"),
     "art. 9 ust. 2: 3-yearly indexation by the cumulative growth of the minimum wage "
     "(3490 -> 4806 zł), from the benefit period 2026/2027; infor.pl 7520356 of 13 Feb 2026; "
     "DOMAIN.md. To be confirmed against the minister's obwieszczenie in Monitor Polski"),
    ("fa.cap", D(2008, 10, 1), _zl("500"), "art. 10 ust. 1 (bip.krakow.pl)"),
    ("fa.cap", D(2024, 10, 1), _zl("1000"), "art. 10 ust. 1 as amended; infor.pl 6758558"),
    ("fa.min_after_reduction", D(2020, 10, 1), _zl("100"),
     "art. 9 ust. 2a-2b (cdo24.pl; mops.starogard.pl); start date as for the 900 zł criterion"),
    # --- FA: the debtor's side (art. 3-5, 27-28 of the act of 7 Sep 2007; domain/fa_debtor.py
    # names each reading). The act is in force from 1 Oct 2008.
    ("fa.debtor.interview_days", D(2008, 10, 1), 30,
     "READING of art. 3-4 ustawy o pomocy osobom uprawnionym do alimentów: the act gives the "
     "creditor's centre 30 days to send its request and names no period for the wywiad; the "
     "debtor's centre gets the same 30 days from receiving it. Confirm against Dz.U. 2026 poz. 79"),
    ("fa.debtor.registration_max_days", D(2008, 10, 1), 30,
     "art. 5 ust. 2 pkt 1: a period of at most 30 days to register as unemployed or a job "
     "seeker (sip.lex.pl, Dz.U. 2022 poz. 1205 art. 5)"),
    ("fa.debtor.evasion_months", D(2008, 10, 1), 6,
     "art. 5 ust. 3a: no evasion decision where the debtor paid in each of the last 6 months "
     "(luczyszyn.komornik.pl; ops.koscian.pl)"),
    ("fa.debtor.evasion_paid_percent", D(2008, 10, 1), Decimal("50.00"),
     "art. 5 ust. 3a: at least 50 % of the alimony currently due in each month"),
    ("fa.debtor.motion_days", D(2008, 10, 1), 30,
     "READING of art. 5 ust. 3b (to confirm): the motion to suspend the driving licence once the "
     "evasion decision is final; the act names no period, Pomoc gives 30 days"),
    ("fa.debtor.big_days", D(2008, 10, 1), 30,
     "READING of art. 5 ust. 4 (to confirm): the report to an economic information bureau once "
     "the evasion decision is final; no period named, Pomoc gives 30 days"),
    ("fa.debtor.prosecutor_days", D(2008, 10, 1), 30,
     "READING of art. 5 ust. 4 (to confirm): the notice of the offence of art. 209 § 1 KK once "
     "the evasion decision is final; no period named, Pomoc gives 30 days"),
    ("fa.debtor.withdrawal_days", D(2008, 10, 1), 14,
     "READING of art. 5 ust. 5 (to confirm): the motion to return the driving licence when the "
     "grounds cease; no period named, Pomoc gives 14 days from learning of it"),
    ("fa.debtor.interest_from", D(2008, 10, 1), "payment_day",
     "READING of art. 27 ust. 1: statutory interest on the FA paid, from the day each benefit "
     "was paid (the act names no start day; 'next_month' from a date to change it)"),
    ("fa.debtor.share_creditor_gmina", D(2008, 10, 1), Decimal("20.00"),
     "art. 28 ust. 1-2: 60 % state budget, 20 % the creditor's gmina, 20 % the debtor's gmina "
     "(40 % to the creditor's gmina when it is also the debtor's). Confirm against Dz.U. 2026 "
     "poz. 79"),
    ("fa.debtor.share_debtor_gmina", D(2008, 10, 1), Decimal("20.00"),
     "art. 28 ust. 2: 20 % to the debtor's gmina when it is not the creditor's"),
    # Art. 9 ust. 1 of the FA act (with art. 2 pkt 11): entitled until the 18th birthday, until
    # the 25th while in a szkoła or szkoła wyższa, without an age limit only with a certificate of
    # a severe degree (znaczny stopień), never merely for being disabled.
    ("fa.age_limit", D(2008, 10, 1), 18,
     "art. 2 pkt 11 ustawy o pomocy osobom uprawnionym do alimentów (infor.pl 6758558)"),
    ("fa.age_limit_school", D(2008, 10, 1), 25,
     "art. 9 ust. 1 ustawy o pomocy osobom uprawnionym do alimentów: while in a szkoła or a "
     "szkoła wyższa, until the 25th birthday; without an age limit only with a certificate of a "
     "severe degree (orzeczenie o znacznym stopniu niepełnosprawności), not any disability "
     "(Dz.U. 2026 poz. 79; infor.pl 6758558, 6757490; DOMAIN.md, corrected turn 3)"),
    # --- care benefits of u.ś.r. (art. 16, 16a, 17; lane usrc) ---
    # _USR_2019: 1 Nov 2019, when zasiłek pielęgnacyjny and specjalny zasiłek opiekuńczy got
    # their present amounts; the table asserts these rules from then.
    # Zasiłek pielęgnacyjny (art. 16): a fixed monthly amount, no income test: 215,84 zł since
    # 1 Nov 2019 (184,42 zł before), unchanged in 2026.
    ("zasilek_pielegnacyjny.amount", _USR_2019, _zl("215.84"),
     "art. 16 ust. 3 u.ś.r. (215,84 zł from 1 Nov 2019); DOMAIN.md (css.samorzad.lodz.pl); "
     "wp.pl 6863938358377056a (2023)"),
    # Art. 16 ust. 2: a disabled child (orzeczenie o niepełnosprawności, under 16); "w wieku
    # powyżej 16 roku życia" read as having completed 16 years (age >= 16).
    ("zasilek_pielegnacyjny.child_age_limit", _USR_2019, 16,
     "art. 16 ust. 2 pkt 1-3 u.ś.r. with art. 3 pkt 21 (orzeczenie o niepełnosprawności until "
     "16, a degree after)" + _OLDER),
    # "niepełnosprawność powstała w wieku do ukończenia 21 roku życia": before the 21st birthday,
    # an onset age (completed years) below 21.
    ("zasilek_pielegnacyjny.onset_age_limit", _USR_2019, 21,
     "art. 16 ust. 2 pkt 3 u.ś.r.: a moderate degree that arose before the 21st birthday"
     + _OLDER),
    ("zasilek_pielegnacyjny.old_age", _USR_2019, 75,
     "art. 16 ust. 2 pkt 4 u.ś.r.: a person who has completed 75 years" + _OLDER),
    # Świadczenie pielęgnacyjne on the rules in force since 1 Jan 2024 (ustawa z 7 lipca 2023 r.
    # o świadczeniu wspierającym, Dz.U. 2023 poz. 1429): a monthly amount set per calendar year
    # (indexed from 1 January by the growth of the minimum wage), raised by 100 % for the second
    # and each next person cared for, a person cared for under 18; work allowed.
    ("swiadczenie_pielegnacyjne.amount", D(2024, 1, 1), _zl("2988"),
     "art. 17 ust. 3 u.ś.r. as amended by Dz.U. 2023 poz. 1429; gk24.pl; gops.ugnowytarg.pl"),
    ("swiadczenie_pielegnacyjne.amount", D(2025, 1, 1), _zl("3287"),
     "art. 17 ust. 3-3b u.ś.r. (indexation from 1 Jan 2025); DOMAIN.md; gazetaprawna 10569926"),
    ("swiadczenie_pielegnacyjne.amount", D(2026, 1, 1), _zl("3386"),
     "art. 17 ust. 3-3b u.ś.r. (indexation from 1 Jan 2026); M.P. 2025 poz. 1127; infor.pl "
     "7489627; DOMAIN.md"),
    ("swiadczenie_pielegnacyjne.age_limit", D(2024, 1, 1), 18,
     "art. 17 ust. 1 u.ś.r. since 1 Jan 2024: a person cared for 'w wieku do ukończenia 18. "
     "roku życia' (younger than 18); gov.pl/web/rodzina"),
    ("swiadczenie_pielegnacyjne.next_person_percentage", D(2024, 1, 1), 100,
     "art. 17 ust. 3a u.ś.r. since 1 Jan 2024: raised by 100 % for the second and each next "
     "person cared for (mops.stargard.pl; infor.pl 6569499)"),
    # Specjalny zasiłek opiekuńczy (art. 16a): 620 zł, the criterion of art. 5 ust. 2 over the
    # carer's family and the cared-for person's family together, no złotówka za złotówkę.
    ("specjalny_zasilek_opiekunczy.amount", _USR_2019, _zl("620"),
     "art. 16a ust. 3 u.ś.r. (620 zł from 1 Nov 2019, 520 zł before); DOMAIN.md (wielopole.eu)"),
    ("specjalny_zasilek_opiekunczy.criterion", D(2016, 11, 1), _zl("764"),
     "art. 16a ust. 2 u.ś.r. (the criterion of art. 5 ust. 2); DOMAIN.md" + _OLDER),
    ("specjalny_zasilek_opiekunczy.period_start_month", D(2016, 11, 1), 11,
     "art. 24 ust. 1-2 u.ś.r.: granted for the okres zasiłkowy 1 Nov - 31 Oct, as zasiłek "
     "rodzinny" + _OLDER),
    ("specjalny_zasilek_opiekunczy.first_payment_deadlines", D(2018, 11, 1),
     ((-3, 0), (-1, 1), (1, 3)),
     "art. 26 ust. 3-4 u.ś.r., which dates every family benefit of the okres zasiłkowy (as "
     "zasilek_rodzinny.first_payment_deadlines)"),
    # --- KPA and interview periods ---
    ("kpa.decision_months", _KPA_START, 1, "art. 35 § 3 KPA" + _OLDER),
    ("kpa.decision_months_complex", _KPA_START, 2, "art. 35 § 3 KPA" + _OLDER),
    ("kpa.supplement_min_days", _KPA_START, 7, "art. 64 § 2 KPA" + _OLDER),
    ("kpa.deemed_delivery_days", _KPA_START, 14, "art. 44 § 1-4 KPA" + _OLDER),
    # READING: the 14-day storage period is not a period for a party's act, so art. 57 § 4 KPA
    # does not move deemed delivery off a Saturday or holiday.
    ("kpa.deemed_delivery_moves_to_working_day", _KPA_START, False,
     "READING of art. 44 § 4 with art. 57 § 4 KPA: deemed delivery is the 14th day as is"),
    ("kpa.appeal_days", _KPA_START, 14, "art. 129 § 2 KPA" + _OLDER),
    ("interview.working_days", D(2022, 1, 1), 14,
     "§ 3 Rozporządzenia MRiPS z 8 kwietnia 2021 r. (Dz.U. 2021 poz. 893)" + _OLDER),
    ("interview.working_days_urgent", D(2022, 1, 1), 2,
     "§ 3 Rozporządzenia MRiPS z 8 kwietnia 2021 r. (Dz.U. 2021 poz. 893)" + _OLDER),
    # --- when the first months of a benefit period are paid (payments) ---
    # Each pair is (filed by the end of month N, paid by the end of month M), N and M counted
    # from the first month of the benefit period (0 = November for zasiłek rodzinny, October for
    # FA; -2 = two months before). An application filed later than the last pair is paid in the
    # month each benefit is for, on the centre's payment date, like every later month.
    ("zasilek_rodzinny.first_payment_deadlines", D(2018, 11, 1), ((-3, 0), (-1, 1), (1, 3)),
     "art. 26 ust. 3-4 u.ś.r. (filed by 31 Aug: November paid by 30 Nov; 1 Sep-31 Oct: by "
     "31 Dec; 1 Nov-31 Dec: by the end of February); mgopsdrawsko.pl (2018/2019). READING: "
     "the deferred months are paid on the centre's payment date of the month of the deadline"),
    ("fa.first_payment_deadlines", D(2020, 10, 1), ((-2, 0), (-1, 1), (0, 2), (1, 3), (3, 4)),
     "art. 20 ust. 2-5 ustawy o pomocy osobom uprawnionym do alimentów (filed by 31 Aug: "
     "October paid by 31 Oct; in Sep: by 30 Nov; in Oct: by 31 Dec; in Nov: by 31 Jan; "
     "1 Dec-31 Jan: by the end of February); gops.jedlicze.pl (2020/2021), opsmilicz.com.pl, "
     "szansana.website.pl. To be confirmed against the consolidated text (Dz.U.)"),
    ("ups.criteria_review_years", _UPS_START, 3,
     "art. 9 u.p.s.: the income criteria are reviewed every 3 years" + _OLDER),
]
# The Niebieska Karta procedure's deadlines (a part module: this one is near 500 lines).
ENTRIES += _NK_ENTRIES

ParameterTable = Mapping[str, tuple[Param, ...]]


def build_table(entries: Iterable[tuple[str, date, Any, str]]) -> dict[str, tuple[Param, ...]]:
    """Group entries by name, sort them by date and fill in each entry's valid_to."""
    by_name: dict[str, list[tuple[date, Any, str]]] = {}
    for name, valid_from, val, source in entries:
        by_name.setdefault(name, []).append((valid_from, val, source))
    table: dict[str, tuple[Param, ...]] = {}
    for name, rows in by_name.items():
        rows.sort(key=lambda r: r[0])
        params = []
        for i, (valid_from, val, source) in enumerate(rows):
            if i + 1 < len(rows) and rows[i + 1][0] == valid_from:
                raise ValueError(f"parameter {name!r} has two entries from {valid_from}")
            valid_to = rows[i + 1][0] - timedelta(days=1) if i + 1 < len(rows) else None
            params.append(Param(name, val, valid_from, valid_to, source))
        table[name] = tuple(params)
    return table


PARAMETERS: dict[str, tuple[Param, ...]] = build_table(ENTRIES)


def value(name: str, on: date, table: ParameterTable | None = None) -> Param:
    """Return the entry of ``name`` in force on ``on``; raise ParameterNotFound if none is."""
    rows = (PARAMETERS if table is None else table).get(name)
    if not rows:
        raise ParameterNotFound(f"unknown legal parameter {name!r}")
    for param in reversed(rows):
        if param.valid_from <= on:
            return param
    raise ParameterNotFound(
        f"no value of {name!r} is in force on {on.isoformat()}: the table starts on "
        f"{rows[0].valid_from.isoformat()}", on, rows[0].valid_from
    )


def not_in_force(exc: ParameterNotFound) -> str:
    """The message for a date before the table asserts a parameter (coded where it can be)."""
    if exc.first is None or exc.on is None:
        return msg(Code.PARAMETER_MISSING, detail=str(exc))
    return msg(Code.PARAMETERS_NOT_IN_FORCE, on=exc.on.isoformat(), earliest=exc.first.isoformat())


def covered_until(table: ParameterTable | None = None) -> date:
    """The last day the table's figures are known for: the day before the next review of the
    income criteria (every ``ups.criteria_review_years`` years after the latest one).

    Every entry stays in force "indefinitely", but a date after the next review would silently
    get today's figures: the calculator refuses it instead.
    """
    rows = (PARAMETERS if table is None else table)["ups.criterion_single"]
    latest = rows[-1].valid_from
    years = value("ups.criteria_review_years", latest, table).value
    return latest.replace(year=latest.year + years) - timedelta(days=1)


def period_start(on: date, start_month: int) -> date:
    """Return the first day of the yearly benefit period (starting on day 1 of start_month)."""
    year = on.year if on.month >= start_month else on.year - 1
    return date(year, start_month, 1)
