"""Decisions on undue benefits: the recovery decision (amount, interest, deadline, account) and
the relief decisions (write-off, deferral, instalments; art. 104 ust. 4 u.p.s., art. 30 ust. 9
u.ś.r., art. 23 of the FA act).

Each is drafted by one person and approved by another holding the supervisor role (four eyes,
enforced here whatever the page does). Approval numbers it in the decision sequence
(``DEC/2026/00042``), issues it that day, applies it from that day and stores its PDF with the
SHA-256 in ``recovery_decisions`` (self-contained until the general documents table takes over).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape
from sqlalchemy import select

from app.domain import recovery as rules
from app.domain import recovery_law as law
from app.domain.benefits import name as benefit_name
from app.domain.identifiers import InvalidIdentifier, parse_bank_account
from app.domain.messages import Code, msg
from app.domain.money import money_str
from app.domain.polish import date_pl, zl
from app.domain.statuses import RecoveryDecisionKind, RecoveryDecisionStatus, RecoveryStatus
from app.persistence.models import (
    Case,
    HouseholdMember,
    Recovery,
    RecoveryDecision,
    RecoveryInstalment,
)
from app.services.decisions.decision_records import next_decision_number
from app.services.documents import document_store
from app.services.documents.office import office, signer
from app.services.documents.pdf import content_hash
from app.services.kernel import audit, inputs
from app.services.kernel.context import Actor, ServiceContext, UnitOfWork
from app.services.kernel.errors import Conflict, Forbidden, NotFound, ValidationFailed
from app.services.recovery import aid_claims
from app.services.recovery.claims import balance_of, bears_interest, load, require_case_role, today
from app.services.recovery.views import DraftedRecoveryDecision, FinalRecorded, IssuedRecoveryDecision

# How the case file lists each kind of issued decision.
KIND_TITLES = {"recovery": "zwrot", "write_off": "umorzenie", "deferral": "odroczenie terminu",
               "instalments": "rozłożenie na raty"}
KPA = "art. 104 ustawy z dnia 14 czerwca 1960 r. – Kodeks postępowania administracyjnego"
ACTS = {
    "ups": "ustawy z dnia 12 marca 2004 r. o pomocy społecznej",
    "usr": "ustawy z dnia 28 listopada 2003 r. o świadczeniach rodzinnych",
    "fa": "ustawy z dnia 7 września 2007 r. o pomocy osobom uprawnionym do alimentów",
}
# The provisions each decision rests on, before the act's name (READING for the FA act's
# paragraphs: art. 23 as a whole is cited where the paragraph could not be confirmed).
BASIS = {
    ("ups", "recovery"): "art. 6 pkt 16, art. 98 ust. 1 i art. 104 ust. 1–3",
    ("usr", "recovery"): "art. 30 ust. 1 i 2",
    ("fa", "recovery"): "art. 23",
    ("ups", "relief"): "art. 104 ust. 4",
    ("usr", "relief"): "art. 30 ust. 9",
    ("fa", "relief"): "art. 23",
}
GROUND_PL = {
    "false_information": "świadome wprowadzenie organu w błąd przez podanie nieprawdziwych "
                         "informacji",
    "unreported_change": "niepoinformowanie organu o zmianie sytuacji, o której obowiązku "
                         "informowania strona była pouczona",
    **aid_claims.CLAIM_PL,
}

_env = Environment(loader=FileSystemLoader(Path(__file__).parents[1] / "documents" / "templates"),
                   autoescape=select_autoescape(["html"]))
_env.filters.update(zl=zl, date_pl=lambda d: date_pl(d) if d else "")
_env.globals["month_pl"] = lambda d: f"{d.month:02d}.{d.year}"  # a benefit month: 01.2026


def _plan(data: Mapping[str, Any], owed: Decimal, now: date, errors: dict[str, str]
          ) -> list[tuple[date, Decimal]]:
    """The instalments asked for: given one by one, or as a count from a first due date."""
    if data.get("instalments") is not None:
        plan = [(row["due_on"], row["amount"]) for row in data["instalments"]]
    else:
        count, first = data.get("count"), data.get("first_due")
        if count is None:
            errors.setdefault("count", msg(Code.MIN_VALUE, limit=1))
        if first is None:
            errors.setdefault("first_due", msg(Code.REQUIRED))
        if count is None or first is None:
            return []
        try:
            plan = rules.split_instalments(owed, count, first)
        except ValueError:
            errors.setdefault("count", msg(Code.RECOVERY_INSTALMENTS_SUM))
            return []
    dates = [d for d, _ in plan]
    if not plan or dates != sorted(set(dates)) or dates[0] <= now:
        errors.setdefault("instalments", msg(Code.RECOVERY_INSTALMENTS_ORDER))
    elif any(a <= 0 for _, a in plan) or sum(a for _, a in plan) != owed:
        errors.setdefault("instalments", msg(Code.RECOVERY_INSTALMENTS_SUM))
    return plan


def draft_decision(ctx: ServiceContext, actor: Actor, recovery_id: int, body: Any, *,
                   page: bool = False) -> DraftedRecoveryDecision:
    """Draft a decision on the debt; nothing changes until a second person approves it
    (``page``: typed on the case's page, amounts with a Polish comma)."""
    require_case_role(actor)
    data = inputs.validate("RecoveryDecisionDraft", body, page=page)
    kind, justification = data["kind"], data["justification"]
    errors: dict[str, str] = {}
    now = today(ctx)
    with ctx.uow() as uow:
        rec = load(uow, recovery_id, lock=True)
        row = RecoveryDecision(recovery_id=rec.id, kind=kind, justification=justification,
                               drafted_by_id=actor.id, drafted_at=ctx.now(), plan=[])
        if kind == "recovery":
            if rec.status != RecoveryStatus.FOUND or _open_recovery_decision(uow, rec):
                raise Conflict(msg(Code.RECOVERY_ALREADY_DECIDED))
            barred = barred_items(rec, now)
            if barred is not None:
                raise barred
            row.repay_by = _deadline(data, now, errors)
            try:
                row.account = parse_bank_account(data.get("account") or "")
            except InvalidIdentifier as exc:
                errors.setdefault("account", exc.message)
        else:
            if rec.status != RecoveryStatus.DECIDED:
                raise Conflict(msg(Code.RECOVERY_NOT_DECIDED))
            owed = balance_of(uow, rec, now).outstanding
            if owed <= 0:
                raise Conflict(msg(Code.RECOVERY_NOTHING_OWED))
            if kind == "deferral":
                row.repay_by = _deadline(data, now, errors)
            elif kind == "write_off" and data.get("amount") is not None:
                row.amount = data["amount"]
                if row.amount <= 0:
                    errors["amount"] = msg(Code.RECOVERY_AMOUNT_ZERO)
                elif row.amount > owed:
                    errors["amount"] = msg(Code.RECOVERY_WRITE_OFF_ABOVE_DEBT)
            elif kind == "instalments":
                row.plan = [[d.isoformat(), money_str(a)] for d, a in _plan(data, owed, now, errors)]
        if errors:
            raise inputs.fail(errors)
        uow.session.add(row)
        uow.session.flush()
        audit.record(uow, "recovery.decision_drafted", actor.id, rec.case_id, recovery_id=rec.id,
                     decision_id=row.id, kind=kind)
        uow.commit()
        return DraftedRecoveryDecision(id=row.id, kind=row.kind, status=row.status)


def _deadline(data: Mapping[str, Any], now: date, errors: dict[str, str]) -> date | None:
    day: date | None = data.get("repay_by")
    if day is None:
        errors.setdefault("repay_by", msg(Code.REQUIRED))
    elif day <= now:
        errors.setdefault("repay_by", msg(Code.RECOVERY_DEADLINE_PAST))
    return day


def _open_recovery_decision(uow: UnitOfWork, rec: Recovery) -> bool:
    return uow.session.scalar(select(RecoveryDecision.id).where(
        RecoveryDecision.recovery_id == rec.id,
        RecoveryDecision.kind == RecoveryDecisionKind.RECOVERY)) is not None


def approve_decision(ctx: ServiceContext, actor: Actor, decision_id: int) -> IssuedRecoveryDecision:
    """Approve, number, issue and apply a drafted decision (a supervisor who did not draft it)."""
    if not actor.has("supervisor"):
        raise Forbidden(msg(Code.SUPERVISOR_REQUIRED))
    now = today(ctx)
    with ctx.uow() as uow:
        row = uow.session.get(RecoveryDecision, decision_id)
        if row is None:
            raise NotFound(msg(Code.DECISION_NOT_FOUND, decision_id=decision_id))
        rec = load(uow, row.recovery_id, lock=True)
        uow.session.refresh(row)
        if row.status != RecoveryDecisionStatus.DRAFT:
            raise Conflict(msg(Code.RECOVERY_DECISION_ISSUED))
        if row.drafted_by_id == actor.id:
            raise Forbidden(msg(Code.RECOVERY_FOUR_EYES))
        owed = balance_of(uow, rec, now).outstanding
        if row.kind != RecoveryDecisionKind.RECOVERY and owed <= 0:
            raise Conflict(msg(Code.RECOVERY_NOTHING_OWED))
        if row.kind == RecoveryDecisionKind.WRITE_OFF and row.amount is not None and row.amount > owed:
            raise Conflict(msg(Code.RECOVERY_WRITE_OFF_ABOVE_DEBT))
        if row.kind == RecoveryDecisionKind.INSTALMENTS and sum(Decimal(a) for _, a in row.plan) != owed:
            raise Conflict(msg(Code.RECOVERY_INSTALMENTS_SUM))
        barred = barred_items(rec, now) if row.kind == RecoveryDecisionKind.RECOVERY else None
        if barred is not None:
            raise barred
        row.status, row.issued_on = "issued", now
        row.approved_by_id, row.approved_at = actor.id, ctx.now()
        row.number = next_decision_number(uow, now.year)
        _apply(uow, rec, row)
        stored = document_store.store(uow, rec.case_id, "recovery_decision",
                                      render_html(uow, rec, row), actor.id,
                                      title=f"Decyzja nr {row.number} ({KIND_TITLES[row.kind]})")
        row.document_id = stored.id
        rec.version += 1
        audit.record(uow, "recovery.decision_issued", actor.id, rec.case_id, recovery_id=rec.id,
                     decision_id=row.id, kind=row.kind, number=row.number)
        uow.commit()
        return IssuedRecoveryDecision(id=row.id, number=row.number, issued_on=now, sha256=stored.sha256)


def _apply(uow: UnitOfWork, rec: Recovery, row: RecoveryDecision) -> None:
    """What an issued decision changes from its date (a write-off is read from the decision)."""
    if row.kind == RecoveryDecisionKind.RECOVERY:
        rec.status, rec.repay_by, rec.account = "decided", row.repay_by, row.account
    elif row.kind == RecoveryDecisionKind.DEFERRAL:
        rec.repay_by = row.repay_by
        _deactivate(uow, rec)
    elif row.kind == RecoveryDecisionKind.INSTALMENTS:
        _deactivate(uow, rec)
        for due, amount in row.plan:
            uow.session.add(RecoveryInstalment(recovery_id=rec.id, decision_id=row.id,
                                               due_on=date.fromisoformat(due), amount=Decimal(amount)))


def _deactivate(uow: UnitOfWork, rec: Recovery) -> None:
    for old in uow.session.scalars(select(RecoveryInstalment).where(
            RecoveryInstalment.recovery_id == rec.id, RecoveryInstalment.active)):
        old.active = False


def _ground_pl(rec: Recovery) -> str:
    """The ground as the decision states it: the act's own ground where one is recorded."""
    legal = law.BY_CODE.get(rec.legal_ground or "")
    if legal is not None and legal.kind not in GROUND_PL:
        return f"{legal.label} ({legal.article.split(' ustawy')[0]})"
    return GROUND_PL[rec.ground]


def _basis(rec: Recovery, relief: str) -> str:
    """The provisions: for FA the letter of art. 2 pkt 7 and the paragraphs of art. 23 that
    apply (ust. 1a and 7 only where interest is charged on the ground)."""
    legal = law.BY_CODE.get(rec.legal_ground or "")
    if rec.act == "fa" and relief == "recovery" and legal is not None:
        letter = legal.code[-1]
        paragraphs = "ust. 1, 1a i 7" if legal.interest else "ust. 1"
        return f"art. 2 pkt 7 lit. {letter} i art. 23 {paragraphs}"
    if relief == "recovery" and rec.ground in aid_claims.CLAIM_BASIS:
        return aid_claims.CLAIM_BASIS[rec.ground]
    return BASIS[(rec.act, relief)]


def barred_items(rec: Recovery, on: date) -> ValidationFailed | None:
    """Art. 23 ust. 4 FA act: no recovery decision on a benefit paid more than 10 years ago."""
    for item in rec.items:
        if law.decision_barred(rec.act, item.paid_on, on):
            text = msg(Code.RECOVERY_DECISION_BARRED, payment=item.payment_id,
                       paid_on=item.paid_on.isoformat(), article=law.limitation_article(rec.act))
            return ValidationFailed(text, {"kind": text})
    return None


def record_final(ctx: ServiceContext, actor: Actor, decision_id: int, body: Any, *,
                 page: bool = False) -> FinalRecorded:
    """Record the day the recovery decision became final: the 3-year limitation of art. 23
    ust. 2 FA act (art. 30 u.ś.r.) runs from it."""
    require_case_role(actor)
    final_on: date = inputs.validate("RecoveryDecisionFinalRequest", body, page=page)["final_on"]
    with ctx.uow() as uow:
        row = uow.session.get(RecoveryDecision, decision_id)
        if row is None:
            raise NotFound(msg(Code.DECISION_NOT_FOUND, decision_id=decision_id))
        rec = load(uow, row.recovery_id, lock=True)
        if row.kind != RecoveryDecisionKind.RECOVERY or row.issued_on is None:
            raise Conflict(msg(Code.RECOVERY_NOT_DECIDED))
        if final_on < row.issued_on or final_on > today(ctx):
            raise ValidationFailed(msg(Code.RECOVERY_FINAL_DATE),
                                   {"final_on": msg(Code.RECOVERY_FINAL_DATE)})
        row.final_on = final_on
        rec.version += 1
        audit.record(uow, "recovery.decision_final", actor.id, rec.case_id, recovery_id=rec.id,
                     decision_id=row.id)
        uow.commit()
        return FinalRecorded(id=row.id, final_on=final_on)


def render_html(uow: UnitOfWork, rec: Recovery, row: RecoveryDecision) -> str:
    """The decision as HTML with every element of art. 107 § 1 KPA."""
    s = uow.session
    case = s.get(Case, rec.case_id)
    assert case is not None
    member = s.scalar(select(HouseholdMember).where(
        HouseholdMember.household_id == case.household_id,
        HouseholdMember.person_id == case.applicant_id))
    assert row.issued_on is not None
    body = office(uow)
    who = signer(uow, row.approved_by_id, rec.act, row.issued_on)
    if body is None or who is None:
        # The body and an authorisation valid on the day are elements of art. 107 § 1 KPA.
        raise Conflict(msg(Code.SIGNER_UNAUTHORISED))
    bal = balance_of(uow, rec, row.issued_on)
    relief = "recovery" if row.kind == RecoveryDecisionKind.RECOVERY else "relief"
    first = s.scalar(select(RecoveryDecision).where(
        RecoveryDecision.recovery_id == rec.id, RecoveryDecision.kind == RecoveryDecisionKind.RECOVERY,
        RecoveryDecision.status == RecoveryDecisionStatus.ISSUED))
    basis_decision = (f"decyzją nr {first.number} z dnia {date_pl(first.issued_on)}"
                      if first is not None and first.issued_on else f"w sprawie {case.number}")
    person = case.applicant
    pesel = f"PESEL {person.pesel}" if person.pesel else f"nr w kartotece {person.register_key}"
    return _env.get_template("recovery_decision.html").render(
        office=body, party_title="Pani" if case.applicant.sex == "F" else "Pan", case=case,
        rec=rec, row=row, party=member, pesel=pesel, basis_decision=basis_decision,
        address=case.household.address, benefit=benefit_name(rec.benefit), ground=_ground_pl(rec),
        basis=f"{_basis(rec, relief)} {ACTS[rec.act]}", kpa=KPA, signer=who, balance=bal,
        interest=bears_interest(rec),
        interest_from=("pierwszego dnia miesiąca następującego po dniu wypłaty każdego świadczenia"
                       if rec.act == "fa" else "dnia wypłaty każdego świadczenia"),
        plan=[(date.fromisoformat(d), Decimal(a)) for d, a in row.plan],
    )


def decision_pdf(ctx: ServiceContext, actor: Actor, decision_id: int) -> tuple[bytes, str, str]:
    """The stored PDF of an issued decision, its SHA-256 (checked) and a file name (audited)."""
    require_case_role(actor)
    with ctx.uow() as uow:
        row = uow.session.get(RecoveryDecision, decision_id)
        doc = row.document if row is not None else None
        if row is None or doc is None:
            raise NotFound(msg(Code.DECISION_NO_DOCUMENT, decision_id=decision_id))
        if content_hash(doc.content) != doc.sha256:
            raise Conflict(msg(Code.DOCUMENT_HASH_MISMATCH))
        rec = load(uow, row.recovery_id)
        audit.record(uow, "recovery.document_read", actor.id, rec.case_id, decision_id=row.id)
        uow.commit()
        name = (row.number or f"decyzja-{row.id}").replace("/", "-") + ".pdf"
        return doc.content, doc.sha256, name
