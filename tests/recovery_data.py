"""Rows for the recovery tests, written directly (no workflow): a case with an issued decision,
its paid payments on an exported list, and draft payments on a draft list for deductions."""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
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
from app.services.decisions.decision_document import NOTICES
from app.services.kernel.context import ServiceContext

_seq = itertools.count(1)
ACCOUNT = "PL61109010140000071219812874"


@dataclass
class CaseRows:
    """Ids of what :func:`make_case` wrote."""

    case_id: int
    person_id: int
    decision_id: int
    payments: list[int] = field(default_factory=list)


def _user_id(ctx: ServiceContext, username: str) -> int:
    with ctx.uow(readonly=True) as uow:
        uid = uow.session.scalar(select(User.id).where(User.username == username))
        assert uid is not None
        return uid


def make_case(ctx: ServiceContext, benefit: str = "zasilek_okresowy", notice: bool = True,
              issued_on: date = date(2025, 12, 1), delivered_on: date | None = date(2025, 12, 5),
              months: tuple[date, ...] = (date(2026, 1, 9), date(2026, 2, 10)),
              amount: str = "500.00", person_id: int | None = None,
              status: str = "exported") -> CaseRows:
    """A case of one person with an issued decision (with or without the notice of the duty to
    report changes) and paid payments on ``months``."""
    n = next(_seq)
    drafter = _user_id(ctx, "caseworker1")
    act = {"zasilek_rodzinny": "usr", "fundusz_alimentacyjny": "fa"}.get(benefit, "ups")
    html = "<html><body><p>DECYZJA</p>" + (f"<p>{NOTICES[act][0]}</p>" if notice else "") + "</body></html>"
    with ctx.uow() as uow:
        s = uow.session
        if person_id is None:
            person = Person(register_key=f"BP-T{n:09d}", pesel=None, first_name="Ewa",
                            last_name="Testowa", birth_date=date(1980, 1, 1), sex="F")
            s.add(person)
            s.flush()
            person_id = person.id
        household = Household(address="ul. Próbna 1, 00-001 Warszawa")
        s.add(household)
        s.flush()
        s.add(HouseholdMember(household_id=household.id, person_id=person_id, position=0,
                              relation="applicant", first_name="Ewa", last_name="Testowa"))
        case = Case(number=f"TEST/{n:05d}", household_id=household.id, applicant_id=person_id,
                    benefit=benefit, reason="ubostwo", opened_on=date(2025, 11, 3),
                    status="open", caseworker_id=drafter, bank_account=ACCOUNT)
        s.add(case)
        s.flush()
        decision = Decision(case_id=case.id, number=f"DEC/T/{n:05d}", kind="grant", benefit=benefit,
                            amount=Decimal(amount), status="issued", drafted_by_id=drafter,
                            issued_on=issued_on, delivered_on=delivered_on, document_html=html)
        s.add(decision)
        s.flush()
        rows = CaseRows(case.id, person_id, decision.id)
        plist = PaymentList(month=months[0].replace(day=1), status=status,
                            total=Decimal(amount) * len(months), created_at=datetime(2026, 1, 1, tzinfo=UTC))
        s.add(plist)
        s.flush()
        for day in months:
            item = PaymentScheduleItem(decision_id=decision.id, case_id=case.id, month=day.replace(day=1),
                                       due_on=day, amount=Decimal(amount), status="scheduled")
            s.add(item)
            s.flush()
            p = Payment(schedule_item_id=item.id, payment_list_id=plist.id, case_id=case.id,
                        amount=Decimal(amount), due_on=day, method="transfer",
                        status="exported" if status == "exported" else "pending")
            s.add(p)
            s.flush()
            rows.payments.append(p.id)
        uow.commit()
    return rows


def draft_list(ctx: ServiceContext, case_id: int, amounts: tuple[str, ...],
               month: date = date(2026, 3, 1)) -> int:
    """A draft payment list with pending payments of ``case_id`` (a current benefit)."""
    with ctx.uow() as uow:
        s = uow.session
        case = s.get(Case, case_id)
        assert case is not None
        decision_id = s.scalar(select(Decision.id).where(Decision.case_id == case_id))
        assert decision_id is not None
        plist = PaymentList(month=month, status="draft", total=sum(Decimal(a) for a in amounts),
                            created_at=datetime(2026, 3, 1, tzinfo=UTC))
        s.add(plist)
        s.flush()
        for i, a in enumerate(amounts):
            item = PaymentScheduleItem(decision_id=decision_id, case_id=case_id,
                                       month=date(month.year + (month.month + i - 1) // 12,
                                                  (month.month + i - 1) % 12 + 1, 1),
                                       due_on=month.replace(day=10), amount=Decimal(a), status="scheduled")
            s.add(item)
            s.flush()
            s.add(Payment(schedule_item_id=item.id, payment_list_id=plist.id, case_id=case_id,
                          amount=Decimal(a), due_on=month.replace(day=10), method="transfer"))
        uow.commit()
        return plist.id
