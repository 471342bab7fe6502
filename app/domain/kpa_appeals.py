"""KPA rules on what the centre may do with an appeal, and on restoring a deadline.

* Art. 58 § 2 KPA: a request to restore a missed deadline is filed within 7 days of the day the
  cause of the delay ceased. Like any letter to an authority it is filed on the day it is posted
  at Poczta Polska or sent through ePUAP (art. 57 § 5 KPA), not on the day it arrives.
* Art. 132 § 1 KPA: the authority that issued the decision may itself change or revoke it on an
  appeal only when the appeal deserves to be granted *in full* (``w całości``), and only within
  the 7 days art. 133 gives it to forward the appeal, counted from the day the appeal reached it.
  After those 7 days the only way is forwarding to the SKO. A late appeal is never
  self-corrected (art. 134: the SKO declares it late).

Granting in full is recorded, not guessed: the supervisor records what the appeal demands (an
amount from a month, and the period, where the benefit leaves them open) and confirms that the
appeal is granted in full; the new draft is then checked against that demand (a grant, at least
the amount asked, over at least the period asked). A draft that grants less is refused: it is
not a self-correction under art. 132, and the appeal must go to the SKO.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from app.domain.deadlines import kpa_period_end
from app.domain.messages import Code
from app.domain.violations import Violation

RESTORATION_DAYS = 7   # art. 58 § 2 KPA
FORWARD_DAYS = 7       # art. 133 KPA
ART_58 = "art. 58 § 2 i art. 57 § 5 KPA"
ART_132 = "art. 132 § 1 KPA"
ART_132_133 = "art. 132 § 1 i art. 133 KPA"
ART_134 = "art. 134 KPA"


def restoration_in_time(posted_on: date, cause_ceased_on: date) -> bool:
    """The restoration request was posted (art. 57 § 5) within 7 days of the cause ceasing."""
    return posted_on <= kpa_period_end(cause_ceased_on, RESTORATION_DAYS)


def self_correction_last_day(received_on: date) -> date:
    """The last day the centre may change its decision itself (the 7 days of art. 133 KPA)."""
    return kpa_period_end(received_on, FORWARD_DAYS)


@dataclass(frozen=True)
class Demand:
    """What the appeal asks for, as the supervisor recorded it (all parts optional but text)."""

    text: str
    amount: Decimal | None = None
    period_from: date | None = None
    period_to: date | None = None


def self_correction_violations(timely: bool, received_on: date, today: date, in_full: bool,
                               demand: Demand | None, field: str) -> list[Violation]:
    """Why the centre may not change its decision on this appeal itself today (empty: it may)."""
    if not timely:
        return [Violation("appeal_late_no_self_correction", field, ART_134,
                          "A late appeal goes to the SKO; the centre does not change its "
                          "decision on it.")]
    last = self_correction_last_day(received_on)
    if today > last:
        return [Violation("self_correction_after_7_days", field, ART_132_133,
                          f"The 7 days to change the decision on the appeal ended on "
                          f"{last.isoformat()}; the appeal goes to the SKO.",
                          {"last_day": last.isoformat()})]
    if not in_full or demand is None or not demand.text.strip():
        return [Violation("self_correction_not_in_full", field, ART_132,
                          "The centre changes its decision itself only when the appeal deserves "
                          "to be granted in full: record what the appeal asks for and confirm it "
                          "is granted in full, or forward the appeal to the SKO.")]
    return []


def draft_violations(demand: Demand, kind: str, amount: Decimal | None, period_from: date | None,
                     period_to: date | None) -> list[Violation]:
    """A new decision after a self-correction must grant what the appeal asked, in full."""
    def fail(field: str, what: str, variant: Code, **params: str) -> Violation:
        return Violation("self_correction_not_in_full", field, ART_132,
                         f"The new decision does not grant the appeal in full ({what}); a "
                         "self-correction must, otherwise the appeal goes to the SKO.",
                         params, variant)

    if kind == "refusal":
        return [fail("decision_kind", "it refuses", Code.RULE_SELF_CORRECTION_NOT_IN_FULL_REFUSAL)]
    out: list[Violation] = []
    if demand.amount is not None and (amount is None or amount < demand.amount):
        asked = f"{demand.amount:.2f}"
        out.append(fail("amount", f"the appeal asks for {asked} zł",
                        Code.RULE_SELF_CORRECTION_NOT_IN_FULL_AMOUNT, amount=asked))
    if demand.period_from is not None and (period_from is None or period_from > demand.period_from):
        since = demand.period_from.isoformat()
        out.append(fail("period_from", f"the appeal asks from {since}",
                        Code.RULE_SELF_CORRECTION_NOT_IN_FULL_FROM, period_from=since))
    if demand.period_to is not None and period_to is not None and period_to < demand.period_to:
        until = demand.period_to.isoformat()
        out.append(fail("period_to", f"the appeal asks until {until}",
                        Code.RULE_SELF_CORRECTION_NOT_IN_FULL_UNTIL, period_to=until))
    return out
