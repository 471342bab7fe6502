"""Undue FA and family benefits: the act's ground as shown, and the limitation of the claim
(art. 23 ust. 2-3 of the FA act; art. 30 u.ś.r. read alike). Rules in
:mod:`app.domain.recovery_law`."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy import select

from app.domain import recovery_law as law
from app.domain.statuses import RecoveryDecisionKind, RecoveryDecisionStatus
from app.persistence.models import Recovery, RecoveryDecision
from app.services.kernel.context import UnitOfWork
from app.services.recovery.views import LegalGroundView, Limitation


def limitation(uow: UnitOfWork, rec: Recovery, on: date, owed: Decimal) -> Limitation:
    """Art. 23 ust. 2-3 FA act (art. 30 u.ś.r. read alike): the claim lapses 3 years after the
    recovery decision became final, restarted the day after a deferral or an instalment plan.
    Shown as barred with what it leaves unrecoverable; nothing runs before finality is recorded."""
    s = uow.session
    decisions = s.scalars(select(RecoveryDecision).where(
        RecoveryDecision.recovery_id == rec.id,
        RecoveryDecision.status == RecoveryDecisionStatus.ISSUED)).all()
    final_on = next((d.final_on for d in decisions if d.kind == RecoveryDecisionKind.RECOVERY), None)
    barred_from = None
    if final_on is not None:
        interruptions = [d.issued_on for d in decisions
                         if d.kind in (RecoveryDecisionKind.DEFERRAL, RecoveryDecisionKind.INSTALMENTS)
                         and d.issued_on is not None]
        barred_from = law.barred_from(rec.act, final_on, interruptions)
    barred = barred_from is not None and on >= barred_from
    return Limitation(
        article=law.limitation_article(rec.act) if rec.act in law.ACTS_WITH_GROUNDS else None,
        final_on=final_on, barred_from=barred_from, barred=barred,
        barred_amount=(owed if barred else Decimal("0.00")).quantize(Decimal("0.01")))


def ground_dict(code: str | None) -> LegalGroundView | None:
    """The act's ground of a finding, with its article and whether it bears interest."""
    legal = law.BY_CODE.get(code or "")
    return None if legal is None else LegalGroundView(code=legal.code, article=legal.article,
                                                      label=legal.label, interest=legal.interest)
