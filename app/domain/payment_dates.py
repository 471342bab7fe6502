"""When a benefit month is paid, and what the transfer title says.

* The centre pays each month on its payment date within the month the benefit is for (u.p.s.;
  art. 26 u.ś.r. and art. 20 of the FA act: "w okresach miesięcznych", on the dates the centre
  sets), moved back to the previous working day when it falls on a weekend or holiday
  (DOMAIN.md, "Payments": "When").
* Zasiłek rodzinny and FA: the first months of a benefit period are paid by a statutory deadline
  that depends on when the application was filed (art. 26 ust. 3-4 u.ś.r.; art. 20 ust. 2-5 of
  the FA act). The deadlines are dated parameters (``*.first_payment_deadlines``), not literals.
* A one-off benefit is paid once, on the date its decision names.
* A payment's title names the benefit month it pays and the decision, so arrears for November
  paid in December say "za 11/2026", never the list's month; a month unpaid by its own date
  and moved onto a later month's list says so: "zaległe za 11/2026" (issue 19).
"""

from __future__ import annotations

from datetime import date, timedelta

from app.domain import benefits
from app.domain.benefit_months import FAMILY_BENEFITS, benefit_period
from app.domain.deadlines import is_working_day
from app.domain.messages import Code, Msg, msg
from app.domain.parameters import ParameterNotFound, value

__all__ = ["add_months", "arrears_label", "date_reason", "deferred_to", "due_date",
           "payment_date", "payment_title"]

# The provision of the first-payment rule, by the act of the benefit.
FIRST_PAYMENT_ARTICLES = {
    "usr": "art. 26 ust. 3–4 ustawy o świadczeniach rodzinnych",
    "fa": "art. 20 ust. 2–5 ustawy o pomocy osobom uprawnionym do alimentów",
}


def add_months(month: date, n: int) -> date:
    """The first day of the month ``n`` months after (or before) the month of ``month``."""
    index = month.year * 12 + month.month - 1 + n
    return date(index // 12, index % 12 + 1, 1)


def payment_date(day: int, month: date) -> date:
    """The centre's payment day in ``month``, moved back to the previous working day."""
    when = date(month.year, month.month, day)
    while not is_working_day(when):
        when -= timedelta(days=1)
    return when


def deferred_to(benefit: str, received_on: date | None, month: date) -> date | None:
    """The month (its first day) by whose end ``month`` of a family benefit or FA must be paid,
    when the filing date defers it past the month itself; None when it is paid in its month."""
    if benefit not in FAMILY_BENEFITS or received_on is None:
        return None
    period = benefit_period(benefit, month)
    if period is None:
        return None
    start = period[0]
    prefix = benefits.get(benefit).parameter_prefix
    try:
        tiers = value(f"{prefix}.first_payment_deadlines", start).value
    except ParameterNotFound:
        return None
    filed = received_on.replace(day=1)
    for filed_by, paid_by in tiers:
        if filed <= add_months(start, filed_by):
            deadline = add_months(start, paid_by)
            return deadline if month < deadline else None
    return None


def due_date(benefit: str, month: date, day: int, received_on: date | None = None) -> date:
    """The payment date of benefit ``month``: the centre's day in that month, or in the month of
    the statutory deadline for the first months of a family benefit or FA filed late."""
    return payment_date(day, deferred_to(benefit, received_on, month) or month)


def date_reason(benefit: str, month: date, due_on: date, day: int,
                received_on: date | None = None) -> Msg | None:
    """Why benefit ``month`` is paid on ``due_on`` when that is not the centre's day in the
    month itself: the statutory first-payment rule of a family benefit or FA (the filing date
    and the deadline), or the day moved back to a working day. None for the usual date (and
    for a one-off benefit, paid on the date its decision names)."""
    deferred = deferred_to(benefit, received_on, month)
    if deferred is not None and received_on is not None and due_on == payment_date(day, deferred):
        deadline = add_months(deferred, 1) - timedelta(days=1)
        return msg(Code.SCHEDULE_DATE_FIRST_PAYMENT, filed=f"{received_on:%d.%m.%Y}",
                   deadline=f"{deadline:%d.%m.%Y}",
                   article=FIRST_PAYMENT_ARTICLES.get(benefits.act_of(benefit), ""))
    try:
        usual = date(month.year, month.month, day)
    except ValueError:
        return None
    if due_on != usual and due_on == payment_date(day, month):
        return msg(Code.SCHEDULE_DATE_WORKING_DAY, usual=f"{usual:%d.%m.%Y}")
    return None


def arrears_label(month: date) -> str:
    """How a list and a title name a month moved onto a later list: 'zaległe za 12/2026'."""
    return f"zaległe za {month.month:02d}/{month.year}"


def payment_title(benefit: str, month: date | None, decision_number: str | None,
                  arrears: bool = False) -> str:
    """The transfer title: 'Zasiłek stały za 11/2026, DEC/2026/00012'; for an unpaid earlier
    month moved onto a later list, 'Zasiłek stały, zaległe za 11/2026, DEC/2026/00012'."""
    name = benefits.name(benefit)
    title = name[:1].upper() + name[1:]
    if month is not None:
        title += f", {arrears_label(month)}" if arrears else f" za {month.month:02d}/{month.year}"
    if decision_number:
        title += f", {decision_number}"
    return title
