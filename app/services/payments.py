"""Payment lists: the monthly run, supervisor approval and the bank export."""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import select

from app.domain.deadlines import is_working_day
from app.persistence.models import Case, HouseholdMember, Payment, PaymentList, PaymentScheduleItem

from . import audit
from .context import SYSTEM, Actor, ServiceContext
from .errors import Conflict, Forbidden, NotFound


def payment_day(config: Mapping[str, Any], month: date) -> date:
    """The centre's payment date in a month, moved back to the previous working day."""
    day = date(month.year, month.month, int(config.get("PAYMENT_DAY", 10)))
    while not is_working_day(day):
        day -= timedelta(days=1)
    return day


def monthly_payment_run(ctx: ServiceContext, month: date, actor: Actor = SYSTEM) -> dict[str, Any]:
    """Turn due schedule items into payments on a draft list; running twice adds nothing."""
    month = month.replace(day=1)
    with ctx.uow() as uow:
        s = uow.session
        stmt = select(PaymentScheduleItem).where(
            PaymentScheduleItem.status == "planned", PaymentScheduleItem.month <= month
        ).order_by(PaymentScheduleItem.id)
        if not ctx.db.is_sqlite:
            stmt = stmt.with_for_update(skip_locked=True)
        items = s.scalars(stmt).all()
        if not items:
            return {"month": month.isoformat(), "created": 0, "list_id": None}
        plist = s.scalar(select(PaymentList).where(
            PaymentList.month == month, PaymentList.status == "draft"
        ))
        if plist is None:
            plist = PaymentList(month=month, status="draft", total=Decimal("0.00"), created_at=ctx.now())
            s.add(plist)
            s.flush()
        for item in items:
            case = s.get(Case, item.case_id)
            s.add(Payment(
                schedule_item_id=item.id, payment_list_id=plist.id, case_id=item.case_id,
                amount=item.amount, due_on=item.due_on,
                method="transfer" if case is not None and case.bank_account else "cash",
            ))
            item.status = "scheduled"
            plist.total += item.amount
        audit.record(uow, "payments.run", actor.id, None, month=month.isoformat(),
                     created=len(items), list_id=plist.id)
        uow.commit()
        return {"month": month.isoformat(), "created": len(items), "list_id": plist.id}


def list_payment_lists(ctx: ServiceContext, actor: Actor) -> list[dict[str, Any]]:
    """All payment lists, newest first (amounts only)."""
    if not actor.has_case_role:
        raise Forbidden("Only caseworkers and supervisors may see payment lists.")
    with ctx.uow(readonly=True) as uow:
        rows = uow.session.scalars(select(PaymentList).order_by(PaymentList.id.desc())).all()
        counts = {r.id: len(uow.session.scalars(
            select(Payment.id).where(Payment.payment_list_id == r.id)).all()) for r in rows}
        return [{"id": r.id, "month": r.month.isoformat(), "status": r.status,
                 "total": f"{r.total:.2f}", "payments": counts[r.id]} for r in rows]


def payment_list(ctx: ServiceContext, actor: Actor, list_id: int) -> dict[str, Any]:
    """One list with its payments (payee names for case roles)."""
    if not actor.has_case_role:
        raise Forbidden("Only caseworkers and supervisors may see payment lists.")
    with ctx.uow() as uow:
        plist = uow.session.get(PaymentList, list_id)
        if plist is None:
            raise NotFound(f"Payment list {list_id} does not exist.")
        rows = uow.session.execute(
            # The payee as the decision names them: the applicant as declared in the case.
            select(Payment, Case.number, HouseholdMember.first_name, HouseholdMember.last_name,
                   Case.bank_account)
            .join(Case, Case.id == Payment.case_id)
            .join(HouseholdMember, (HouseholdMember.household_id == Case.household_id)
                  & (HouseholdMember.person_id == Case.applicant_id))
            .where(Payment.payment_list_id == list_id).order_by(Payment.id)
        ).all()
        audit.record(uow, "payments.list_read", actor.id, None, list_id=list_id)
        uow.commit()
        return {
            "id": plist.id, "month": plist.month.isoformat(), "status": plist.status,
            "total": f"{plist.total:.2f}",
            "payments": [{"id": p.id, "case_id": p.case_id, "case_number": number,
                          "payee": f"{first} {last}", "amount": f"{p.amount:.2f}",
                          "due_on": p.due_on.isoformat(), "method": p.method,
                          "account": account} for p, number, first, last, account in rows],
        }


def approve_list(ctx: ServiceContext, actor: Actor, list_id: int) -> None:
    """Supervisor approves a draft payment list."""
    if not actor.has("supervisor"):
        raise Forbidden("Only a supervisor may approve a payment list.")
    with ctx.uow() as uow:
        plist = uow.session.get(PaymentList, list_id)
        if plist is None:
            raise NotFound(f"Payment list {list_id} does not exist.")
        if plist.status != "draft":
            raise Conflict("This payment list has already been approved.")
        plist.status = "approved"
        plist.approved_by_id = actor.id
        plist.approved_at = ctx.now()
        for p in uow.session.scalars(select(Payment).where(Payment.payment_list_id == list_id)):
            p.status = "approved"
        audit.record(uow, "payments.list_approved", actor.id, None, list_id=list_id)
        uow.commit()


def export_list_csv(ctx: ServiceContext, actor: Actor, list_id: int) -> str:
    """CSV of the transfers of an approved list, for the bank."""
    data = payment_list(ctx, actor, list_id)
    if data["status"] not in ("approved", "exported"):
        raise Conflict("Only an approved payment list can be exported.")
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")
    writer.writerow(["case_number", "payee", "account", "amount", "due_on", "title"])
    for p in data["payments"]:
        if p["method"] != "transfer":
            continue
        writer.writerow([p["case_number"], p["payee"], p["account"], p["amount"], p["due_on"],
                         f"Świadczenie {data['month'][:7]} {p['case_number']}"])
    with ctx.uow() as uow:
        plist = uow.session.get(PaymentList, list_id)
        assert plist is not None
        plist.status = "exported"
        audit.record(uow, "payments.list_exported", actor.id, None, list_id=list_id)
        uow.commit()
    return out.getvalue()
