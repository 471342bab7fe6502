"""Undue benefits: recording the finding, repayments received, and the balance per case and person.

The finding names the paid payments of one case that were undue (art. 6 pkt 16 u.p.s.; art. 30
ust. 2 u.ś.r.; art. 2 pkt 7 of the FA act), the amount of each, the ground and, for a change the
party did not report, the date the party learned of the duty: a decision of the case must carry
the notice (art. 109 u.p.s.; art. 25 u.ś.r.), or the caseworker overrides with a written reason.
Decisions on the debt are in :mod:`recovery_decisions`, deductions in :mod:`recovery_deductions`.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from markupsafe import escape
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from app.domain import recovery as rules
from app.domain import recovery_law as law
from app.domain.deadlines import today_in_warsaw
from app.domain.messages import Code, msg
from app.domain.statuses import PaymentStatus, RecoveryDecisionKind, RecoveryDecisionStatus, RecoveryStatus
from app.persistence.models import (
    Case,
    Decision,
    Payment,
    PaymentScheduleItem,
    Person,
    Recovery,
    RecoveryDecision,
    RecoveryDeduction,
    RecoveryInstalment,
    RecoveryItem,
    RecoveryRepayment,
)
from app.services.decisions.decision_document import NOTICES
from app.services.kernel import audit, inputs
from app.services.kernel.context import Actor, ServiceContext, UnitOfWork
from app.services.kernel.errors import Conflict, Forbidden, NotFound, ValidationFailed
from app.services.recovery.aid_claims import claim_items
from app.services.recovery.recovery_limits import ground_dict, limitation
from app.services.recovery.views import (
    BalanceFigures,
    CaseDebt,
    CaseRecoveries,
    FindingRecorded,
    InstalmentView,
    PayablePayment,
    PersonBalance,
    RecoveryDecisionView,
    RecoveryItemView,
    RecoverySummary,
    RepaymentRecorded,
    RepaymentView,
)

# A payment counts as paid once its list is approved (the bank file or cash desk follows).
PAID_STATUSES = (PaymentStatus.APPROVED, PaymentStatus.EXPORTED, PaymentStatus.PAID)
# The duty-to-report notice each act's decision prints (one owner: documents.NOTICES), as it
# appears in the stored, escaped HTML of an issued decision.
NOTICE_MARKERS = {act: str(escape(texts[0])) for act, texts in NOTICES.items()}


def paid_on(p: Payment) -> date:
    """The day a payment was actually paid: the settled date of a payment marked paid (a
    cash desk or bank may pay before the due date), else its due date (approved or exported,
    not yet settled)."""
    if p.status == PaymentStatus.PAID and p.settled_on is not None:
        return p.settled_on
    return p.due_on


def today(ctx: ServiceContext) -> date:
    """Today in Warsaw by the context's clock."""
    return today_in_warsaw(ctx.now())


def require_case_role(actor: Actor) -> None:
    """Recovery is personal case data: caseworkers and supervisors only."""
    if not actor.has_case_role:
        raise Forbidden(msg(Code.CASE_ROLE_REQUIRED))


def load(uow: UnitOfWork, recovery_id: int, lock: bool = False) -> Recovery:
    """A recovery (row-locked for a change that moves the balance), or 404."""
    stmt = select(Recovery).where(Recovery.id == recovery_id)
    if lock and not uow.ctx.db.is_sqlite:
        stmt = stmt.with_for_update()
    rec = uow.session.scalar(stmt)
    if rec is None:
        raise NotFound(msg(Code.RECOVERY_NOT_FOUND, recovery_id=recovery_id))
    return rec


def _fail(path: str, message: str) -> ValidationFailed:
    return ValidationFailed(msg(Code.FORM_INVALID), {path: message})


def _notice(uow: UnitOfWork, case: Case, act: str) -> tuple[Decision, date] | None:
    """The first issued decision of the case (or the case it changes) that told the party of the
    duty to report changes, with the day the party learned of it (delivery, else issue)."""
    ids = [case.id] + ([case.parent_case_id] if case.parent_case_id else [])
    rows = uow.session.scalars(
        select(Decision).where(Decision.case_id.in_(ids), Decision.issued_on.is_not(None),
                               Decision.document_html.is_not(None)).order_by(Decision.issued_on)
    ).all()
    for d in rows:
        if NOTICE_MARKERS[act] in (d.document_html or ""):
            learned = d.delivered_on or d.issued_on
            assert learned is not None
            return d, learned
    return None


def _items(data: dict[str, Any], errors: dict[str, str]) -> list[tuple[int, Decimal]]:
    """The payments named (each once) with their undue amounts, above zero."""
    items: list[tuple[int, Decimal]] = []
    seen: set[int] = set()
    for i, row in enumerate(data.get("payments") or []):
        path, pid, amount = f"payments[{i}]", row["payment_id"], row["amount"]
        if pid in seen:
            errors.setdefault(f"{path}.payment_id", msg(Code.RECOVERY_PAYMENT_TWICE, payment=pid))
            continue
        seen.add(pid)
        if amount <= 0:
            errors.setdefault(f"{path}.amount", msg(Code.RECOVERY_AMOUNT_ZERO))
        else:
            items.append((pid, amount))
    return items


def record_finding(ctx: ServiceContext, actor: Actor, case_id: int, body: Any, *,
                   page: bool = False) -> FindingRecorded:
    """Record which paid payments of the case were undue, how much, and on what ground
    (``page``: typed on the case's page, amounts with a Polish comma)."""
    require_case_role(actor)
    data, problems = inputs.read("RecoveryFinding", body, page=page)
    errors: dict[str, str] = dict(problems)
    items = _items(data, errors)
    ground = data.get("ground")
    if ground is None and not data.get("legal_ground"):
        errors.setdefault("ground", msg(Code.CHOOSE_ONE))
    fact: str = data.get("fact", "")
    now = today(ctx)
    found_on: date = data.get("found_on") or now
    learned_on: date | None = data.get("learned_on")
    override = data.get("notice_override") or ""
    for path, day in (("found_on", found_on), ("learned_on", learned_on)):
        if day is not None and day > now:
            errors.setdefault(path, msg(Code.RECOVERY_DATE_FUTURE))
    if errors:
        raise inputs.fail(errors)
    with ctx.uow() as uow:
        s = uow.session
        case = s.get(Case, case_id)
        if case is None:
            raise NotFound(msg(Code.CASE_NOT_FOUND, case_id=case_id))
        act = rules.act_of(case.benefit)
        legal = _legal_ground(act, ground, data.get("legal_ground"))
        if legal is not None:
            ground = legal.kind
        notice = _notice(uow, case, act) if ground == "unreported_change" else None
        if ground == "unreported_change":
            if notice is None and not override:
                raise _fail("notice_override", msg(Code.RECOVERY_NO_NOTICE))
            if notice is not None:
                issued = notice[0].issued_on
                assert issued is not None
                if learned_on is not None and learned_on < issued and not override:
                    raise _fail("learned_on", msg(Code.RECOVERY_LEARNED_BEFORE_NOTICE,
                                                  date=issued.isoformat()))
                learned_on = learned_on or notice[1]
        found = s.execute(select(Payment, PaymentScheduleItem.month).join(
            PaymentScheduleItem, PaymentScheduleItem.id == Payment.schedule_item_id)
            .where(Payment.id.in_([pid for pid, _ in items]))).all()
        payments = {p.id: p for p, _ in found}
        months = {p.id: month for p, month in found}
        counted = set(s.scalars(select(RecoveryItem.payment_id).where(
            RecoveryItem.payment_id.in_(list(payments)))))
        rec = Recovery(case_id=case.id, person_id=case.applicant_id, benefit=case.benefit, act=act,
                       ground=ground, legal_ground=legal.code if legal else None, fact=fact,
                       learned_on=learned_on,
                       notice_decision_id=notice[0].id if notice else None,
                       notice_override=override, found_on=found_on, found_by_id=actor.id,
                       principal=sum((a for _, a in items), Decimal("0.00")), status=RecoveryStatus.FOUND)
        for i, (pid, amount) in enumerate(items):
            _check_payment(payments.get(pid), pid, case.id, amount, counted, f"payments[{i}]",
                           learned_on if ground == "unreported_change" and not override else None,
                           found_on, errors, act)
            p = payments.get(pid)
            if p is not None:
                rec.items.append(RecoveryItem(payment_id=pid, month=months[pid], paid_on=paid_on(p),
                                              paid_amount=p.amount, amount=amount))
        twice = [m for m in errors.values() if getattr(m, "code", None) == Code.RECOVERY_PAYMENT_TWICE]
        if twice:
            raise Conflict(twice[0])
        if errors:
            raise inputs.fail(errors)
        s.add(rec)
        try:
            s.flush()
        except IntegrityError:
            # Another finding counted one of these payments at the same moment.
            raise Conflict(msg(Code.RECOVERY_PAYMENT_TWICE, payment=items[0][0])) from None
        audit.record(uow, "recovery.found", actor.id, case.id, recovery_id=rec.id,
                     payments=len(items), ground=ground, override=bool(override),
                     legal_ground=rec.legal_ground)
        uow.commit()
        return FindingRecorded(id=rec.id, case_id=case.id, principal=_cents(rec.principal))


def _legal_ground(act: str, ground: Any, code: Any) -> law.LegalGround | None:
    """The act's ground of an FA or family-benefit finding: the one named, else the one the
    generic ground stands for (an unreported change: lit. a / pkt 1; false information: lit. b /
    pkt 2). Social assistance has none; naming one there, or one of another act, is refused."""
    if code is None:
        return law.default_ground(act, ground) if act in law.ACTS_WITH_GROUNDS else None
    legal = law.BY_CODE.get(code) if isinstance(code, str) else None
    if legal is None or legal.act != act:
        raise _fail("legal_ground", msg(Code.CHOOSE_ONE))
    if ground is not None and ground != legal.kind:
        raise _fail("legal_ground", msg(Code.RECOVERY_GROUND_MISMATCH, article=legal.article))
    return legal


def _check_payment(p: Payment | None, pid: int, case_id: int, amount: Decimal, counted: set[int],
                   path: str, learned_on: date | None, found_on: date, errors: dict[str, str],
                   act: str = "ups") -> None:
    if p is not None and p.case_id == case_id and law.decision_barred(act, paid_on(p), found_on):
        # Art. 23 ust. 4 FA act: no decision on a benefit paid more than 10 years before.
        errors.setdefault(f"{path}.payment_id", msg(Code.RECOVERY_DECISION_BARRED, payment=pid,
                                             paid_on=paid_on(p).isoformat(),
                                             article=law.limitation_article(act)))
        return
    if p is None or p.case_id != case_id:
        errors.setdefault(f"{path}.payment_id", msg(Code.RECOVERY_PAYMENT_OTHER_CASE, payment=pid))
    elif p.status not in PAID_STATUSES or paid_on(p) > found_on:
        errors.setdefault(f"{path}.payment_id", msg(Code.RECOVERY_PAYMENT_NOT_PAID, payment=pid))
    elif pid in counted:
        errors.setdefault(f"{path}.payment_id", msg(Code.RECOVERY_PAYMENT_TWICE, payment=pid))
    elif amount > p.amount:
        errors.setdefault(f"{path}.amount", msg(Code.RECOVERY_AMOUNT_ABOVE_PAID))
    elif learned_on is not None and paid_on(p) < learned_on:
        errors.setdefault(f"{path}.payment_id", msg(Code.RECOVERY_PAID_BEFORE_NOTICE, payment=pid))


# --- the balance ----------------------------------------------------------------------------


def events(uow: UnitOfWork, rec: Recovery) -> list[rules.Event]:
    """Everything that changed the debt: deductions, repayments and issued write-offs."""
    s = uow.session
    out = [rules.Event(d.applied_on, "deduction", d.amount) for d in s.scalars(
        select(RecoveryDeduction).where(RecoveryDeduction.recovery_id == rec.id))]
    out += [rules.Event(r.received_on, "repayment", r.amount) for r in s.scalars(
        select(RecoveryRepayment).where(RecoveryRepayment.recovery_id == rec.id))]
    for d in s.scalars(select(RecoveryDecision).where(
            RecoveryDecision.recovery_id == rec.id, RecoveryDecision.kind == RecoveryDecisionKind.WRITE_OFF,
            RecoveryDecision.status == RecoveryDecisionStatus.ISSUED)):
        assert d.issued_on is not None
        out.append(rules.Event(d.issued_on, "write_off", d.amount or Decimal("0.00"),
                               full=d.amount is None))
    return out


def balance_of(uow: UnitOfWork, rec: Recovery, on: date) -> rules.Balance:
    """The balance of one recovery on a date."""
    items = [rules.Item(i.payment_id, i.paid_on, i.amount) for i in rec.items] or claim_items(rec)
    return rules.balance(items, events(uow, rec), on, bears_interest(rec), act=rec.act)


def bears_interest(rec: Recovery) -> bool:
    """Whether this debt carries interest (the act, and the act's ground: art. 23 ust. 1a)."""
    return rules.bears_interest(rec.benefit, rec.found_on, legal_ground=rec.legal_ground)


def _summary(uow: UnitOfWork, rec: Recovery, on: date) -> RecoverySummary:
    s = uow.session
    decisions = s.scalars(select(RecoveryDecision).where(RecoveryDecision.recovery_id == rec.id)
                          .order_by(RecoveryDecision.id)).all()
    instalments = s.scalars(select(RecoveryInstalment).where(
        RecoveryInstalment.recovery_id == rec.id, RecoveryInstalment.active)
        .order_by(RecoveryInstalment.due_on)).all()
    repayments = s.scalars(select(RecoveryRepayment).where(RecoveryRepayment.recovery_id == rec.id)
                           .order_by(RecoveryRepayment.received_on)).all()
    bal = balance_of(uow, rec, on)
    return RecoverySummary(
        id=rec.id, case_id=rec.case_id, person_id=rec.person_id, benefit=rec.benefit,
        act=rec.act, ground=rec.ground, fact=rec.fact, status=rec.status,
        learned_on=rec.learned_on, notice_decision_id=rec.notice_decision_id,
        notice_override=rec.notice_override, found_on=rec.found_on, found_by_id=rec.found_by_id,
        repay_by=rec.repay_by, interest=bears_interest(rec),
        legal_ground=ground_dict(rec.legal_ground),
        items=tuple(RecoveryItemView(payment_id=i.payment_id, month=i.month.isoformat()[:7],
                                     paid_on=i.paid_on, paid_amount=_cents(i.paid_amount),
                                     amount=_cents(i.amount)) for i in rec.items),
        decisions=tuple(RecoveryDecisionView(
            id=d.id, kind=d.kind, status=d.status, number=d.number, issued_on=d.issued_on,
            final_on=d.final_on, drafted_by_id=d.drafted_by_id, approved_by_id=d.approved_by_id,
            sha256=d.document.sha256 if d.document else None) for d in decisions),
        instalments=tuple(InstalmentView(due_on=i.due_on, amount=_cents(i.amount)) for i in instalments),
        repayments=tuple(RepaymentView(received_on=r.received_on, amount=_cents(r.amount),
                                       overpaid=_cents(r.overpaid)) for r in repayments),
        balance=BalanceFigures.of(bal),
        limitation=limitation(uow, rec, on, bal.outstanding),
    )


def _cents(amount: Decimal) -> Decimal:
    return Decimal(amount).quantize(Decimal("0.01"))


def _total(rows: list[RecoverySummary]) -> BalanceFigures:
    return BalanceFigures.total([r.balance for r in rows])


def _on(ctx: ServiceContext, on: date | None) -> date:
    now = today(ctx)
    if on is not None and on > now:
        raise _fail("on", msg(Code.RECOVERY_DATE_FUTURE))
    return on or now


def case_recoveries(ctx: ServiceContext, actor: Actor, case_id: int,
                    on: date | None = None) -> CaseRecoveries:
    """The undue benefits found in a case, with the paid payments still free to record (read
    audited)."""
    require_case_role(actor)
    on = _on(ctx, on)
    with ctx.uow() as uow:
        s = uow.session
        case = s.get(Case, case_id)
        if case is None:
            raise NotFound(msg(Code.CASE_NOT_FOUND, case_id=case_id))
        recs = s.scalars(select(Recovery).where(Recovery.case_id == case_id).order_by(Recovery.id)).all()
        rows = [_summary(uow, r, on) for r in recs]
        counted = select(RecoveryItem.payment_id)
        paid = s.scalars(select(Payment).where(
            Payment.case_id == case_id, Payment.status.in_(PAID_STATUSES),
            Payment.id.not_in(counted)).order_by(Payment.due_on)).all()
        audit.record(uow, "recovery.read", actor.id, case_id, recoveries=len(rows))
        uow.commit()
        return CaseRecoveries(
            case_id=case_id, case_number=case.number, person_id=case.applicant_id, on=on,
            recoveries=tuple(rows), total=_total(rows),
            grounds=tuple(ground_dict(g.code) for g in law.grounds_of(rules.act_of(case.benefit))),
            payable=tuple(PayablePayment(id=p.id, due_on=p.due_on, amount=_cents(p.amount),
                                         status=p.status, paid_on=paid_on(p))
                          for p in sorted(paid, key=lambda p: (paid_on(p), p.id))))


def person_balance(ctx: ServiceContext, actor: Actor, person_id: int,
                   on: date | None = None) -> PersonBalance:
    """A person's undue-benefit debt per case and in total on a date (read audited)."""
    require_case_role(actor)
    on = _on(ctx, on)
    with ctx.uow() as uow:
        s = uow.session
        recs = s.scalars(select(Recovery).where(Recovery.person_id == person_id)
                         .order_by(Recovery.case_id, Recovery.id)).all()
        if not recs and s.get(Person, person_id) is None:
            raise NotFound(msg(Code.PERSON_NOT_FOUND))
        numbers = {cid: number for cid, number in s.execute(select(Case.id, Case.number).where(
            Case.id.in_({r.case_id for r in recs})))}
        per_case: dict[int, list[RecoverySummary]] = {}
        for r in recs:
            per_case.setdefault(r.case_id, []).append(_summary(uow, r, on))
        cases = [CaseDebt(case_id=cid, case_number=numbers.get(cid), recoveries=tuple(rows),
                          total=_total(rows)) for cid, rows in per_case.items()]
        audit.record(uow, "recovery.balance_read", actor.id, None, person_id=person_id,
                     cases=len(cases))
        uow.commit()
        all_rows = [row for rows in per_case.values() for row in rows]
        return PersonBalance(person_id=person_id, on=on, cases=tuple(cases), total=_total(all_rows))


# --- repayments -----------------------------------------------------------------------------


def record_repayment(ctx: ServiceContext, actor: Actor, recovery_id: int, body: Any, *,
                     page: bool = False) -> RepaymentRecorded:
    """Record money the party paid back; an amount above the debt is refused unless the caller
    confirms it as an overpayment (``accept_overpayment``), which is then kept apart."""
    require_case_role(actor)
    data, problems = inputs.read("RecoveryRepayment", body, page=page)
    errors: dict[str, str] = dict(problems)
    received_on: date | None = data.get("received_on")
    amount: Decimal | None = data.get("amount")
    accept = bool(data.get("accept_overpayment", False))
    if amount is not None and amount <= 0:
        errors["amount"] = msg(Code.RECOVERY_AMOUNT_ZERO)
    if received_on is not None and received_on > today(ctx):
        errors["received_on"] = msg(Code.RECOVERY_DATE_FUTURE)
    if errors:
        raise inputs.fail(errors)
    assert received_on is not None and amount is not None
    with ctx.uow() as uow:
        rec = load(uow, recovery_id, lock=True)
        before = balance_of(uow, rec, received_on)
        overpaid = max(Decimal("0.00"), amount - before.outstanding)
        if overpaid and not accept:
            raise _fail("amount", msg(Code.RECOVERY_OVERPAYMENT))
        uow.session.add(RecoveryRepayment(recovery_id=rec.id, received_on=received_on, amount=amount,
                                          overpaid=overpaid, recorded_by_id=actor.id))
        rec.version += 1
        audit.record(uow, "recovery.repaid", actor.id, rec.case_id, recovery_id=rec.id,
                     overpaid=bool(overpaid))
        uow.commit()
        return RepaymentRecorded(recovery_id=rec.id, overpaid=_cents(overpaid))
