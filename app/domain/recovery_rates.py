"""Recovery parameters as dated data: the statutory interest rate and the deduction limit.

Odsetki ustawowe (art. 359 § 2 k.c.) are the NBP reference rate plus 3.5 percentage points; the
rate changes on the day the reference rate changes, and the Minister of Justice announces it in
Monitor Polski (art. 359 § 4 k.c.). The rows below are the reference-rate changes of the Rada
Polityki Pieniężnej plus 3.5 pp.

Verified (sources named on each row): 9.25% from 5 Oct 2023 to 7 May 2025 and 8.75% from
8 May 2025 (infor.pl 6475594: reference rate 5.75% from 5 Oct 2023, 5.25% from 8 May 2025,
5.00% from 3 Jul 2025; inforfk.pl 8.75%); 8.00% from 9 Oct 2025 to 5 Nov 2025 (infor.pl index 228,4910).

TO BE CONFIRMED against the obwieszczenia in Monitor Polski: 10.25% from 8 Sep 2022 (ref. 6.75%;
the previous row, 10.00% from 8 Jul 2022, is M.P. 2022 poz. 711), 9.50% from 7 Sep 2023 (ref. 6.00%),
8.25% from 4 Sep 2025 (ref. 4.75%), 7.75% from 6 Nov 2025 (ref. 4.25%; the end of the verified
8.00% row on 5 Nov 2025 confirms the date of the change) and 7.50% from 4 Dec 2025 (ref. 4.00%).
No change in 2026 is entered: none could be confirmed here. A centre adds a row (never edits a
past one) when the rate moves; until then the last row applies.

READING (to be confirmed by the centre's lawyer): art. 30 u.ś.r. and art. 23 of the FA act say
"ustawowe odsetki"; the table uses the capital rate of art. 359 § 2 k.c. as the brief asks, not
the higher rate for delay of art. 481 § 2 k.c. (reference + 5.5 pp) that some courts apply.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from app.domain.parameters import ParameterTable, build_table

D = date
_KC = "art. 359 § 2 k.c.: NBP reference rate + 3,5 pp"
_CONFIRM = "; TO BE CONFIRMED against the MS obwieszczenie in Monitor Polski"

RECOVERY_ENTRIES: list[tuple[str, date, object, str]] = [
    ("recovery.statutory_interest", D(2022, 9, 8), Decimal("10.25"),
     f"{_KC} (ref. 6,75%){_CONFIRM} (10,00% from 8 Jul 2022: M.P. 2022 poz. 711)"),
    ("recovery.statutory_interest", D(2023, 9, 7), Decimal("9.50"), f"{_KC} (ref. 6,00%){_CONFIRM}"),
    ("recovery.statutory_interest", D(2023, 10, 5), Decimal("9.25"),
     f"{_KC} (ref. 5,75% from 5 Oct 2023 to 7 May 2025: infor.pl 6475594)"),
    ("recovery.statutory_interest", D(2025, 5, 8), Decimal("8.75"),
     f"{_KC} (ref. 5,25%: infor.pl 6475594; inforfk.pl 8,75%)"),
    ("recovery.statutory_interest", D(2025, 7, 3), Decimal("8.50"),
     f"{_KC} (ref. 5,00% from 3 Jul 2025: infor.pl 6475594)"),
    ("recovery.statutory_interest", D(2025, 9, 4), Decimal("8.25"), f"{_KC} (ref. 4,75%){_CONFIRM}"),
    ("recovery.statutory_interest", D(2025, 10, 9), Decimal("8.00"),
     f"{_KC} (ref. 4,50%): 8% from 2025-10-09 to 2025-11-05, infor.pl wskaźniki 228,4910"),
    ("recovery.statutory_interest", D(2025, 11, 6), Decimal("7.75"), f"{_KC} (ref. 4,25%){_CONFIRM}"),
    ("recovery.statutory_interest", D(2025, 12, 4), Decimal("7.50"), f"{_KC} (ref. 4,00%){_CONFIRM}"),
    # Which undue benefits carry interest: family benefits (art. 30 ust. 1 u.ś.r.) and FA
    # (art. 23 ust. 1 of the act of 7 Sep 2007); social assistance (art. 98 u.p.s.) does not.
    ("recovery.interest_acts", D(2008, 10, 1), ("usr", "fa"),
     "art. 30 u.ś.r.; art. 23 ustawy o pomocy osobom uprawnionym do alimentów; art. 98 u.p.s."),
    # READING: the acts name deduction from current benefits (art. 104 ust. 2 u.p.s. in the text
    # read at zapytajprawnika.pl; art. 30 ust. 8 u.ś.r.; art. 23 FA act) without a percentage
    # cap, so the whole current payment may be deducted, up to what is owed. A centre that
    # adopts a lower cap (e.g. 30%) adds a row; TO BE CONFIRMED against the current text.
    ("recovery.deduction_limit_percent", D(2008, 10, 1), Decimal("100"),
     "READING: art. 104 ust. 2 u.p.s., art. 30 ust. 8 u.ś.r. name no percentage cap"),
    # Interest runs from the day of payment (the brief; art. 30 ust. 1 u.ś.r. reading). Some
    # centres count from the 1st day of the month after payment (dziennik.pl 336092): then set
    # "next_month" from a date.
    ("recovery.interest_from", D(2008, 10, 1), "payment_day",
     "READING: from the day of payment; dziennik.pl 336092 reads the 1st of the next month"),
]

RECOVERY_PARAMETERS: ParameterTable = build_table(RECOVERY_ENTRIES)
