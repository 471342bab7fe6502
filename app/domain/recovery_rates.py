"""Recovery parameters as dated data: the interest rate, the deduction limit, the interest start
and the limitation periods of undue family benefits and FA.

The interest on undue FA is *odsetki ustawowe za opóźnienie* (art. 23 ust. 1a of the act of
7 Sep 2007 o pomocy osobom uprawnionym do alimentów, text at sip.lex.pl, Dz.U. 2022 poz. 1205
art. 23: "Od kwot nienależnie pobranego świadczenia, o którym mowa w art. 2 pkt 7 lit. a, b, d,
f i g, naliczane są odsetki ustawowe za opóźnienie"). Their rate is the NBP reference rate plus
5.5 percentage points (art. 481 § 2 k.c., in this wording since 1 Jan 2016); it changes on the
day the reference rate changes. READING (TO BE CONFIRMED against the text of art. 30 u.ś.r.,
which could not be read here): undue family benefits carry the same interest, since the
amending act of 9 Oct 2015 (Dz.U. 2015 poz. 1830) renamed the acts' "odsetki ustawowe" so.

The table stores the NBP reference rate by the day a resolution of the Rada Polityki Pieniężnej
took effect, each row with its source; ``recovery.statutory_interest`` is built from it as
reference + margin, so the rate applied and the reference it rests on are shown together. A
centre adds a row (never edits a past one) when the reference rate moves; until then the last
row applies. Rows marked UNCONFIRMED rest on a secondary source or on an inferred date.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from app.domain.parameters import ParameterTable, build_table

D = date
LATE_MARGIN = Decimal("5.5")   # art. 481 § 2 k.c.: reference rate + 5.5 pp
_KC = "art. 481 § 2 k.c.: stopa referencyjna NBP + 5,5 pp"

# (effective from, NBP reference rate %, source)
_ZUS = "zus.pl wysokość odsetek ustawowych za opóźnienie"
REFERENCE_RATES: list[tuple[date, Decimal, str]] = [
    (D(2016, 1, 1), Decimal("1.50"), f"{_ZUS}: 7% od 1 stycznia 2016 r. (Dz.U. 2016 poz. 47)"),
    (D(2020, 3, 18), Decimal("1.00"), f"{_ZUS}: 6,5% od 18 marca 2020 r."),
    (D(2020, 4, 9), Decimal("0.50"), f"{_ZUS}: 6% od 9 kwietnia 2020 r."),
    (D(2020, 5, 29), Decimal("0.10"), f"{_ZUS}: 5,6% od 29 maja 2020 r."),
    (D(2021, 10, 7), Decimal("0.50"), f"{_ZUS}: 6% od 7 października 2021 r."),
    (D(2021, 11, 4), Decimal("1.25"), f"{_ZUS}: 6,75% od 4 listopada 2021 r."),
    (D(2021, 12, 9), Decimal("1.75"), f"{_ZUS}: 7,25% od 9 grudnia 2021 r."),
    (D(2022, 1, 5), Decimal("2.25"), f"{_ZUS}: row from 5 January 2022 (value cut off in the "
     "stored copy; 2,25% + 5,5 pp UNCONFIRMED)"),
    (D(2022, 2, 9), Decimal("2.75"), "UNCONFIRMED: the ZUS list's next row starts on 9 March "
     "2022; 2,75% from 9 Feb 2022 is the RPP's February 2022 rise, not read here"),
    (D(2022, 3, 9), Decimal("3.50"), f"{_ZUS}: 9% od 9 marca 2022 r."),
    (D(2022, 4, 7), Decimal("4.50"), f"{_ZUS}: 10% od 7 kwietnia 2022 r."),
    (D(2022, 5, 6), Decimal("5.25"), f"{_ZUS}: 10,75% od 6 maja 2022 r."),
    (D(2022, 6, 9), Decimal("6.00"), f"{_ZUS}: 11,50% od 9 czerwca 2022 r."),
    (D(2022, 7, 8), Decimal("6.50"), f"{_ZUS}: 12% od 8 lipca 2022 r.; M.P. 2022 poz. 711; "
     "inforlex.pl 4333"),
    (D(2022, 9, 8), Decimal("6.75"), f"{_ZUS}: 12,25% od 8 września 2022 r.; bsbrodnica.pl"),
    (D(2023, 9, 7), Decimal("6.00"), f"{_ZUS}: 11,50% od 7 września 2023 r."),
    (D(2023, 10, 5), Decimal("5.75"),
     f"{_ZUS}: 11,25% od 5 października 2023 r.; infor.pl 6475594"),
    (D(2025, 5, 8), Decimal("5.25"),
     "infor.pl 6475594; polsatnews.pl 2025-09-03 (majowa obniżka 5,75% -> 5,25%)"),
    (D(2025, 7, 3), Decimal("5.00"), "infor.pl 6475594: 5,00% od 3 lipca 2025 r."),
    (D(2025, 9, 4), Decimal("4.75"),
     "polsatnews.pl 2025-09-03: uchwała RPP wchodzi w życie 4 września 2025 r."),
    (D(2025, 10, 9), Decimal("4.50"),
     "infor.pl 7362158 (2025-10-08): 4,50% od 9 października 2025 r.; fakt.pl; infor.pl "
     "wskaźniki 228,4910: odsetki za opóźnienie 10% od 2025-10-09 do 2025-11-05"),
    (D(2025, 11, 6), Decimal("4.25"),
     "newsfin.pl 169530: uchwała RPP z 5 listopada 2025 r., 4,25%; effect on 6 Nov inferred "
     "(infor.pl wskaźniki: the previous rate ended on 5 Nov 2025) - UNCONFIRMED date of effect"),
    (D(2025, 12, 4), Decimal("4.00"),
     "samorzad.infor.pl 7471192: 4,00% od 4 grudnia 2025 r.; biznes.wprost.pl 12192270"),
    (D(2026, 3, 5), Decimal("3.75"),
     "nowiny.press 238622: uchwała RPP wchodzi w życie 5 marca 2026 r.; bsbrodnica.pl: "
     "3,75% od 5 marca 2026 r. (no later change found in the stored sources)"),
]

FA = "ustawy z dnia 7 września 2007 r. o pomocy osobom uprawnionym do alimentów"
USR = "ustawy z dnia 28 listopada 2003 r. o świadczeniach rodzinnych"
_USR_READING = ("READING (TO BE CONFIRMED against art. 30 u.ś.r.): as art. 23 of the FA act; "
                "niedziela.pl 175985 reads 10 years back and 3 years after the final decision")

RECOVERY_ENTRIES: list[tuple[str, date, object, str]] = [
    *[("recovery.nbp_reference_rate", day, rate, source) for day, rate, source in REFERENCE_RATES],
    *[("recovery.statutory_interest", day, rate + LATE_MARGIN, f"{_KC} (ref. {rate}%: {source})")
      for day, rate, source in REFERENCE_RATES],
    ("recovery.late_interest_margin", D(2016, 1, 1), LATE_MARGIN,
     "art. 481 § 2 k.c. (Dz.U. 2015 poz. 1830, od 1 stycznia 2016 r.)"),
    # Which undue benefits carry interest: family benefits (art. 30 u.ś.r.) and FA
    # (art. 23 ust. 1a of the act of 7 Sep 2007, on the grounds it names: see recovery_law);
    # social assistance (art. 98 u.p.s.) does not.
    ("recovery.interest_acts", D(2008, 10, 1), ("usr", "fa"),
     "art. 30 u.ś.r.; art. 23 ust. 1a ustawy o pomocy osobom uprawnionym do alimentów; art. 98 u.p.s."),
    # READING: the acts name deduction from current benefits (art. 104 ust. 2 u.p.s. in the text
    # read at zapytajprawnika.pl; art. 30 ust. 8 u.ś.r.; art. 23 ust. 5 FA act) without a
    # percentage cap, so the whole current payment may be deducted, up to what is owed. A centre
    # that adopts a lower cap (e.g. 30%) adds a row; TO BE CONFIRMED against the current text.
    ("recovery.deduction_limit_percent", D(2008, 10, 1), Decimal("100"),
     "READING: art. 104 ust. 2 u.p.s., art. 30 ust. 8 u.ś.r. name no percentage cap"),
    # Family benefits: interest from the day of payment (the earlier reading, kept; dziennik.pl
    # 336092 reads the 1st of the next month: then set "next_month" from a date).
    ("recovery.interest_from", D(2008, 10, 1), "payment_day",
     "READING: from the day of payment; dziennik.pl 336092 reads the 1st of the next month"),
    # FA: "Odsetki są naliczane od pierwszego dnia miesiąca następującego po dniu wypłaty
    # świadczeń z funduszu alimentacyjnego, do dnia spłaty" (art. 23 ust. 7).
    ("recovery.interest_from_fa", D(2008, 10, 1), "next_month", f"art. 23 ust. 7 {FA}"),
    # Limitation (art. 23 ust. 2-4 FA act): no decision once more than 10 years have passed
    # since the benefit was paid (ust. 4); the claim lapses 3 years from the day the decision
    # became final (ust. 2), the period restarting the day after a deferral, an instalment plan
    # or a notified enforcement measure (ust. 3).
    ("recovery.fa.decision_bar_years", D(2008, 10, 1), 10, f"art. 23 ust. 4 {FA}"),
    ("recovery.fa.limitation_years", D(2008, 10, 1), 3, f"art. 23 ust. 2-3 {FA}"),
    ("recovery.usr.decision_bar_years", D(2008, 10, 1), 10, _USR_READING),
    ("recovery.usr.limitation_years", D(2008, 10, 1), 3, _USR_READING),
]

RECOVERY_PARAMETERS: ParameterTable = build_table(RECOVERY_ENTRIES)
