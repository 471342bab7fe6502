"""Rows for the report tests, written straight to the database as the services leave them: a family
(persons, their household as the application named it, a case with its benefit and art. 7
reason), a decision as issued, and payments on a list with their status and settlement date."""

from __future__ import annotations

import itertools
from datetime import date
from decimal import Decimal

from sqlalchemy import select

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
from app.services.kernel.context import ServiceContext

_seq = itertools.count(1)


def persons(ctx: ServiceContext, count: int) -> list[int]:
    """``count`` register entries."""
    with ctx.uow() as uow:
        made = []
        for _ in range(count):
            n = next(_seq)
            p = Person(register_key=f"BP-R{n:09d}", first_name="Osoba", last_name=f"Testowa{n}",
                       birth_date=date(1970, 1, 1), sex="F")
            uow.session.add(p)
            made.append(p)
        uow.session.flush()
        ids = [p.id for p in made]
        uow.commit()
        return ids


def case(ctx: ServiceContext, members: list[int], benefit: str, reason: str = "ubostwo",
         opened_on: date = date(2025, 1, 2)) -> int:
    """A case of ``benefit`` for the family ``members`` (the first is the applicant), with its own
    household naming them, as opening a case writes it."""
    n = next(_seq)
    with ctx.uow() as uow:
        s = uow.session
        household = Household(address=f"ul. Raportowa {n}")
        s.add(household)
        s.flush()
        for pos, pid in enumerate(members):
            s.add(HouseholdMember(household_id=household.id, person_id=pid, position=pos,
                                  relation="applicant" if pos == 0 else "child",
                                  first_name="Osoba", last_name="Testowa"))
        c = Case(number=f"R/{n:05d}", household_id=household.id, applicant_id=members[0],
                 benefit=benefit, reason=reason, status="closed", opened_on=opened_on)
        s.add(c)
        s.flush()
        uow.commit()
        return c.id


def decision(ctx: ServiceContext, case_id: int, amount: str, period_from: date,
             period_to: date | None = None, *, kind: str = "grant", issued_on: date | None = None,
             status: str = "final") -> int:
    """A decision of the case's benefit as issued."""
    n = next(_seq)
    with ctx.uow() as uow:
        s = uow.session
        c = s.get(Case, case_id)
        assert c is not None
        user_id = s.scalar(select(User.id).where(User.username == "caseworker1"))
        d = Decision(case_id=case_id, number=f"REP/{n:05d}", kind=kind, benefit=c.benefit,
                     amount=Decimal(amount), period_from=period_from, period_to=period_to,
                     status=status, drafted_by_id=user_id, issued_on=issued_on or period_from,
                     final_on=issued_on or period_from)
        s.add(d)
        s.flush()
        uow.commit()
        return d.id


def pay(ctx: ServiceContext, decision_id: int, month: date, amount: str, settled_on: date | None,
        *, status: str = "paid", attempt: int = 1, item_id: int | None = None) -> tuple[int, int]:
    """A payment of the decision's month on a list, settled ``status`` on ``settled_on`` (an
    approved payment is not settled). Returns (payment id, schedule item id)."""
    with ctx.uow() as uow:
        s = uow.session
        d = s.get(Decision, decision_id)
        assert d is not None
        if item_id is None:
            item = PaymentScheduleItem(decision_id=d.id, case_id=d.case_id, month=month,
                                       due_on=settled_on or month, amount=Decimal(amount),
                                       status="scheduled")
            s.add(item)
            s.flush()
            item_id = item.id
        plist = PaymentList(month=month, pay_date=settled_on or month, status="approved",
                            total=Decimal(amount))
        s.add(plist)
        s.flush()
        p = Payment(schedule_item_id=item_id, attempt=attempt, payment_list_id=plist.id,
                    case_id=d.case_id, amount=Decimal(amount), due_on=settled_on or month,
                    status=status, benefit_month=month, settled_on=settled_on)
        s.add(p)
        s.flush()
        uow.commit()
        return p.id, item_id


def monthly(ctx: ServiceContext, decision_id: int, amount: str, months: list[date], day: int = 10
            ) -> None:
    """The decision's months paid on ``day`` of each month."""
    for m in months:
        pay(ctx, decision_id, m, amount, m.replace(day=day))


def months(year: int, first: int, last: int) -> list[date]:
    return [date(year, m, 1) for m in range(first, last + 1)]
