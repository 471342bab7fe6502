"""A known set of cases, decisions and payments for the dashboard's tests, written straight to the
database, with the figures counted by hand in the tests; and users of the roles the demo lacks.

The set (period January-March 2026; caseworker1 = cw1, caseworker2 = cw2):

====  =====================  =================  ===  ===========  ==========================================
case  benefit                reason             cw   opened       decisions / payments
====  =====================  =================  ===  ===========  ==========================================
A     zasilek_okresowy       ubostwo            1    2026-01-10   grant 01-20; paid 02-10 500.00, 03-10 500.00
B     zasilek_okresowy       bezrobocie         2    2026-01-15   refusal 02-01
C     zasilek_celowy         ubostwo            1    2026-02-03   partial 02-10; paid 02-15 250.50;
                                                                  returned 02-15 100.00; pending 03-20 300.00
D     zasilek_staly          niepelnosprawnosc  2    2025-12-20   grant 01-05; paid 01-10 719.00
E     (change case of A)     ubostwo            1    2026-03-01   grant 03-01
F     zasilek_celowy         przemoc            1    2026-03-02   a draft decision (not issued)
G     zasilek_okresowy       ubostwo            1    2026-04-01   (after the period)
====  =====================  =================  ===  ===========  ==========================================
"""

from __future__ import annotations

import itertools
from datetime import date
from decimal import Decimal

from sqlalchemy import select

from app.domain.statuses import (
    CaseKind,
    DecisionKind,
    DecisionStatus,
    PaymentListStatus,
    PaymentStatus,
    ScheduleItemStatus,
)
from app.persistence.models import (
    Case,
    Decision,
    Household,
    HouseholdMember,
    Payment,
    PaymentList,
    PaymentScheduleItem,
    Person,
    User,
)
from app.services.kernel.auth import create_user
from app.services.kernel.context import Actor, ServiceContext

_seq = itertools.count(1)

# (letter, benefit, reason, caseworker username, opened on, kind)
CASES = (
    ("A", "zasilek_okresowy", "ubostwo", "caseworker1", date(2026, 1, 10), CaseKind.APPLICATION),
    ("B", "zasilek_okresowy", "bezrobocie", "caseworker2", date(2026, 1, 15), CaseKind.APPLICATION),
    ("C", "zasilek_celowy", "ubostwo", "caseworker1", date(2026, 2, 3), CaseKind.APPLICATION),
    ("D", "zasilek_staly", "niepelnosprawnosc", "caseworker2", date(2025, 12, 20), CaseKind.APPLICATION),
    ("E", "zasilek_okresowy", "ubostwo", "caseworker1", date(2026, 3, 1), CaseKind.CHANGE),
    ("F", "zasilek_celowy", "przemoc", "caseworker1", date(2026, 3, 2), CaseKind.APPLICATION),
    ("G", "zasilek_okresowy", "ubostwo", "caseworker1", date(2026, 4, 1), CaseKind.APPLICATION),
)
# (letter, kind, status, issued on)
DECISIONS = (
    ("A", DecisionKind.GRANT, DecisionStatus.FINAL, date(2026, 1, 20)),
    ("B", DecisionKind.REFUSAL, DecisionStatus.FINAL, date(2026, 2, 1)),
    ("C", DecisionKind.PARTIAL, DecisionStatus.FINAL, date(2026, 2, 10)),
    ("D", DecisionKind.GRANT, DecisionStatus.CHANGED, date(2026, 1, 5)),
    ("E", DecisionKind.GRANT, DecisionStatus.ISSUED, date(2026, 3, 1)),
    ("F", DecisionKind.GRANT, DecisionStatus.DRAFT, None),
)
# (letter, benefit month, day of payment, amount, status)
PAYMENTS = (
    ("A", date(2026, 2, 1), date(2026, 2, 10), "500.00", PaymentStatus.PAID),
    ("A", date(2026, 3, 1), date(2026, 3, 10), "500.00", PaymentStatus.PAID),
    ("C", date(2026, 2, 1), date(2026, 2, 15), "250.50", PaymentStatus.PAID),
    ("C", date(2026, 3, 1), date(2026, 2, 15), "100.00", PaymentStatus.RETURNED),
    ("C", date(2026, 4, 1), date(2026, 3, 20), "300.00", PaymentStatus.PENDING),
    ("D", date(2026, 1, 1), date(2026, 1, 10), "719.00", PaymentStatus.PAID),
)


def user_id(ctx: ServiceContext, username: str) -> int:
    with ctx.uow(readonly=True) as uow:
        found = uow.session.scalar(select(User.id).where(User.username == username))
        assert found is not None
        return found


def ensure_user(ctx: ServiceContext, username: str, roles: list[str]) -> Actor:
    """A user kept across tests (users survive the per-test truncation), made once."""
    with ctx.uow(readonly=True) as uow:
        found = uow.session.scalar(select(User.id).where(User.username == username))
    if found is None:
        create_user(ctx, username, f"Test {username}", roles, "demo", "", password_policy=False)
        found = user_id(ctx, username)
    return Actor(found, frozenset(roles))


def seed_known_set(ctx: ServiceContext) -> dict[str, int]:
    """The table above; returns each letter's case id."""
    ids: dict[str, int] = {}
    decisions: dict[str, int] = {}
    with ctx.uow() as uow:
        s = uow.session
        users = {u: s.scalar(select(User.id).where(User.username == u))
                 for u in ("caseworker1", "caseworker2")}
        for letter, benefit, reason, worker, opened, kind in CASES:
            n = next(_seq)
            person = Person(register_key=f"DASH{n:08d}", first_name="Anna", last_name=f"Pulpit{letter}",
                            birth_date=date(1970, 1, 1), sex="K")
            household = Household(address=f"ul. Pulpitowa {n}")
            s.add_all([person, household])
            s.flush()
            s.add(HouseholdMember(household_id=household.id, person_id=person.id, position=0,
                                  first_name="Anna", last_name=f"Pulpit{letter}"))
            case = Case(number=f"DASH/{n:05d}", household_id=household.id, applicant_id=person.id,
                        benefit=benefit, reason=reason, opened_on=opened, kind=kind,
                        caseworker_id=users[worker],
                        parent_case_id=ids["A"] if kind == CaseKind.CHANGE else None)
            s.add(case)
            s.flush()
            ids[letter] = case.id
        for letter, dkind, status, issued in DECISIONS:
            decision = Decision(case_id=ids[letter], kind=dkind, benefit=dict(
                (c[0], c[1]) for c in CASES)[letter], amount=Decimal("500.00"), status=status,
                drafted_by_id=users["caseworker1"], issued_on=issued,
                number=f"DASH-DEC/{next(_seq):05d}" if issued else None)
            s.add(decision)
            s.flush()
            decisions[letter] = decision.id
        plist = PaymentList(month=date(2026, 2, 1), pay_date=date(2026, 2, 10),
                            status=PaymentListStatus.APPROVED, total=Decimal("0"))
        s.add(plist)
        s.flush()
        for letter, month, paid_on, amount, pstatus in PAYMENTS:
            item = PaymentScheduleItem(decision_id=decisions[letter], case_id=ids[letter], month=month,
                                       due_on=paid_on, amount=Decimal(amount),
                                       status=ScheduleItemStatus.SCHEDULED)
            s.add(item)
            s.flush()
            s.add(Payment(schedule_item_id=item.id, payment_list_id=plist.id, case_id=ids[letter],
                          amount=Decimal(amount), due_on=paid_on, status=pstatus, benefit_month=month))
        uow.commit()
    return ids
