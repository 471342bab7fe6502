"""The family-benefit report: the number and amount of each benefit of the act on family
benefits (u.ś.r.) and of each dodatek to zasiłek rodzinny, per month of a period.

It follows the quarterly sprawozdanie rzeczowo-finansowe z wykonywania zadań z zakresu
świadczeń rodzinnych (art. 33 ust. 3 u.ś.r.; the MPiPS regulation of 9 April 2013, Dz.U. 2013
poz. 441, § 1: the report is made "na podstawie bieżącej ewidencji wypłaconych świadczeń
rodzinnych"), as far as Pomoc's records allow. Definitions (READINGS, named here and in the
report's notes):

* **Kwota (amount)**: what was paid, i.e. the ``amount`` of each payment marked ``paid`` whose
  settlement day (``settled_on``: the bank statement's or the cash desk's day) falls in the
  month. A returned payment is not paid; its reissue counts when it is paid. A deduction of an
  undue benefit has already reduced the payment, so the amount is what reached the family. So
  the report's amounts add up exactly to the paid payments of these benefits in the period
  (the payment lists), which the report states as its reconciliation.
* **Liczba świadczeń (number of benefits)**: benefits paid in the month, counted in the month
  they were PAID in (the cash basis of the register of benefits paid), not the month they are
  for: arrears for January paid in March count in March. Zasiłek rodzinny counts one benefit
  per child it is paid for (the entitled children of the decision's calculation); each dodatek
  counts once per payment that carries it (a dodatek paid once, art. 9 and 14, in the payment
  of the grant's first month; that of art. 15 in the months of the school year); every other
  benefit counts one per payment.
* **Each dodatek is its own line.** A payment of zasiłek rodzinny is split by the parts the
  decision's calculation lists (``components``: {code, amount, per, article}) as the schedule
  made its amount (:func:`app.domain.dodatki.paid_with_month`). Where the payment differs from
  the sum of its parts (złotówka za złotówkę, where each part is a monthly share of the one
  reduced amount; a partial grant; a deduction), the payment is shared between the parts in
  proportion to them, rounded to grosze, and the zasiłek line takes the remainder, so the lines
  still add up to the payment.

Reproducible: it reads only records that do not change once written: payments as paid (a paid
payment is never re-marked, its amount was fixed when its list was approved) and the decision's
calculation as issued (a change, an appeal or a correction makes a new decision, never rewrites
the old one). A period that is closed gives the same figures whenever it is run; a payment
settled later with a day inside the period is the one thing that still adds to it, as it would
to the official report's correction.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import select

from app.domain import benefits, dodatki
from app.domain.benefits import zasilek_rodzinny
from app.domain.money import ZERO, round_money
from app.domain.statuses import DecisionKind, PaymentStatus
from app.domain.views import JsonView
from app.persistence.models import Decision, EligibilityResult, Payment, PaymentScheduleItem
from app.services.kernel.context import Actor, ServiceContext
from app.services.reports.period_months import Period, require_reader

ZASILEK = zasilek_rodzinny.ENTRY.code
DODATKI = tuple(dodatki.NAMES_PL)
# The dodatki's own articles (art. 9-15 u.ś.r.); a benefit's article is its catalogue entry's.
DODATEK_ARTICLES = {"dodatek_urodzenie_dziecka": "art. 9 u.ś.r.",
                    "dodatek_opieka_urlop_wychowawczy": "art. 10 u.ś.r.",
                    "dodatek_samotne_wychowywanie": "art. 11a u.ś.r.",
                    "dodatek_rodzina_wielodzietna": "art. 12a u.ś.r.",
                    "dodatek_ksztalcenie_rehabilitacja": "art. 13 u.ś.r.",
                    "dodatek_rozpoczecie_roku_szkolnego": "art. 14 u.ś.r.",
                    "dodatek_nauka_poza_miejscem_zamieszkania": "art. 15 u.ś.r."}


def family_benefits() -> tuple[str, ...]:
    """The benefits of the u.ś.r. in the catalogue's order (read from it at each use)."""
    return tuple(e.code for e in benefits.entries() if e.act == "usr")


def lines() -> tuple[str, ...]:
    """The report's lines in order: zasiłek rodzinny, its dodatki, then the other benefits."""
    return (ZASILEK, *DODATKI, *(code for code in family_benefits() if code != ZASILEK))


def article(line: str) -> str:
    """A line's legal basis: the dodatek's article, or the benefit's catalogue entry's."""
    return DODATEK_ARTICLES.get(line) or benefits.get(line).article


@dataclass(frozen=True)
class ReportLine(JsonView):
    """One line of one month: ``line`` is the benefit's or the dodatek's code; ``benefit`` the
    benefit it belongs to (a dodatek's is zasiłek rodzinny); ``month`` the first day (None:
    the whole period)."""

    month: date | None
    line: str
    benefit: str
    article: str
    count: int
    amount: Decimal


@dataclass(frozen=True)
class Reconciliation(JsonView):
    """The report against the payment lists: the paid payments of these benefits in the period
    (their number and sum) and the report's sum of amounts; ``matches`` when the sums agree."""

    payments: int
    paid_amount: Decimal
    report_amount: Decimal
    matches: bool


@dataclass(frozen=True)
class FamilyBenefitReport(JsonView):
    """The report: every line of every month (zeros included, in the form's order), the
    period's totals per line, and its reconciliation with the payment lists."""

    period: Period
    rows: tuple[ReportLine, ...]
    totals: tuple[ReportLine, ...]
    reconciliation: Reconciliation


@dataclass(frozen=True)
class _Paid:
    amount: Decimal
    settled_on: date
    month: date
    benefit: str
    first: date
    result: dict[str, Any] | None
    # A grant in full: only then does the schedule add the dodatki paid outside the monthly
    # amount (app/services/payments/schedule.py, ``_dodatki``).
    full_grant: bool = True


def paid_payments(ctx: ServiceContext, period: Period, benefits: tuple[str, ...]) -> list[_Paid]:
    """The paid payments of ``benefits`` settled in the period, each with the calculation of the
    decision it pays (read once per calculation)."""
    with ctx.uow(readonly=True) as uow:
        s = uow.session
        rows = s.execute(
            select(Payment.amount, Payment.settled_on, PaymentScheduleItem.month,
                   Decision.benefit, Decision.period_from, Decision.eligibility_id,
                   Decision.kind)
            .join(PaymentScheduleItem, PaymentScheduleItem.id == Payment.schedule_item_id)
            .join(Decision, Decision.id == PaymentScheduleItem.decision_id)
            .where(Payment.status == PaymentStatus.PAID,
                   Payment.settled_on >= period.first, Payment.settled_on <= period.end,
                   Decision.benefit.in_(benefits))
            .order_by(Payment.settled_on, Payment.id)).all()
        ids = {r.eligibility_id for r in rows if r.eligibility_id is not None}
        results: dict[int, dict[str, Any]] = {}
        if ids:
            results = {row.id: row.result for row in s.execute(
                select(EligibilityResult.id, EligibilityResult.result)
                .where(EligibilityResult.id.in_(ids)))}
    return [_Paid(r.amount, r.settled_on, r.month, r.benefit,
                  (r.period_from or r.month).replace(day=1),
                  results.get(r.eligibility_id) if r.eligibility_id is not None else None,
                  r.kind == DecisionKind.GRANT)
            for r in rows]


def children_paid(result: dict[str, Any] | None) -> int:
    """The persons a payment pays a benefit for: the entitled children (zasiłek rodzinny) or
    persons (FA) of its decision's calculation (its ``breakdown``), less those whose own amount
    came to nothing (an FA person below the floor of art. 9 ust. 2a); one where it names none."""
    breakdown = (result or {}).get("breakdown")
    if not isinstance(breakdown, list):
        return 1
    paid = [row for row in breakdown if isinstance(row, dict)
            and Decimal(str(row.get("amount", "1"))) > 0]
    return max(1, len(paid))


def _parts(paid: _Paid) -> list[tuple[str, Decimal]]:
    """What the payment carries for each line, before it is shared (see the module's READING)."""
    components = (paid.result or {}).get("components")
    rows = [c for c in components if isinstance(c, dict)] if isinstance(components, list) else []
    if not rows:
        return [(ZASILEK, paid.amount)]
    reduced = any(c.get("code") == "zlotowka_za_zlotowke" for c in rows)
    parts: list[tuple[str, Decimal]] = []
    for c in rows:
        code = str(c.get("code"))
        if code == ZASILEK:
            parts.append((ZASILEK, Decimal(str(c["amount"]))))
        elif code in dodatki.NAMES_PL:
            if reduced or c.get("per") == "month":
                part = Decimal(str(c["amount"]))
            elif not paid.full_grant:
                part = ZERO
            else:
                part = dodatki.paid_with_month([c], paid.month, paid.first)
            if part > 0:
                parts.append((code, part))
    return parts or [(ZASILEK, paid.amount)]


def share(amount: Decimal, parts: list[tuple[str, Decimal]]) -> list[tuple[str, Decimal]]:
    """``amount`` shared in proportion to ``parts`` (to grosze); the first part takes what
    rounding leaves, so the shares add up to ``amount``. Parts that already add up to it are
    kept as they are."""
    total = sum((p for _, p in parts), ZERO)
    if total == amount:
        return parts
    if total <= 0:
        return [(parts[0][0], amount)] + [(code, ZERO) for code, _ in parts[1:]]
    shares = [(code, round_money(amount * p / total)) for code, p in parts]
    rest = amount - sum((a for _, a in shares), ZERO)
    return [(shares[0][0], shares[0][1] + rest)] + shares[1:]


def _split(paid: _Paid) -> list[tuple[str, int, Decimal]]:
    """The payment as (line, count, amount) per line it carries."""
    if paid.benefit != ZASILEK:
        return [(paid.benefit, 1, paid.amount)]
    parts = _parts(paid)
    if parts[0][0] != ZASILEK:
        parts.insert(0, (ZASILEK, ZERO))
    return [(code, children_paid(paid.result) if code == ZASILEK else 1, amount)
            for code, amount in share(paid.amount, parts)]


def _benefit_of(line: str) -> str:
    return ZASILEK if line in DODATKI else line


def family_benefit_report(ctx: ServiceContext, actor: Actor, period: Period) -> FamilyBenefitReport:
    """The report for ``period`` (head of the centre or a supervisor only)."""
    require_reader(actor)
    counts: dict[tuple[date, str], int] = defaultdict(int)
    amounts: dict[tuple[date, str], Decimal] = defaultdict(lambda: ZERO)
    payments = paid_payments(ctx, period, family_benefits())
    for paid in payments:
        month = paid.settled_on.replace(day=1)
        for line, count, amount in _split(paid):
            counts[month, line] += count
            amounts[month, line] += amount
    order = lines()
    rows = tuple(ReportLine(m, line, _benefit_of(line), article(line), counts[m, line],
                            amounts[m, line]) for m in period.months for line in order)
    totals = tuple(ReportLine(None, line, _benefit_of(line), article(line),
                              sum(r.count for r in rows if r.line == line),
                              sum((r.amount for r in rows if r.line == line), ZERO))
                   for line in order)
    paid_amount = sum((p.amount for p in payments), ZERO)
    report_amount = sum((t.amount for t in totals), ZERO)
    return FamilyBenefitReport(period, rows, totals, Reconciliation(
        len(payments), paid_amount, report_amount, paid_amount == report_amount))
