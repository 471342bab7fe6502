"""Social work over time: the stage reviews due (shown on *Terminy*) and the social work given in a
period, with or without benefits (read by the MRPiPS-03 report).

Definitions (named for the report lane to follow or refine against the form's explanations):

- a family is **given social work in the period** when its record has a visit or a note dated in
  the period, or a kontrakt socjalny in force in it; its persons are the record's members
  (counted once each across families);
- a contract is **in force in the period** when it was concluded (status other than ``refused``)
  on or before the period's last day, and neither its outcome nor the end of its term falls
  before the period's first day;
- a family **had a benefit** in the period when a person of it is in the household of a case with
  an issued or final grant (in full or in part) whose benefit period meets the period; the others
  were given social work only (``families_without_benefit``).
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import and_, or_, select

from app.domain.messages import Code, msg
from app.domain.messages.codes_sw import SwCode
from app.domain.social_work import ContractStatus, RecordStatus
from app.domain.statuses import DecisionKind, DecisionStatus
from app.persistence.models import (
    Case,
    Decision,
    HouseholdMember,
    Person,
    SocialContract,
    SocialContractStage,
    SocialWorkEntry,
    SocialWorkMember,
    SocialWorkRecord,
)
from app.services.kernel.context import Actor, ServiceContext
from app.services.kernel.errors import ValidationFailed
from app.services.social_work.records import require_case_role
from app.services.social_work.views import (
    PeriodContract,
    PeriodFamily,
    ReviewDue,
    SocialWorkGiven,
)

GRANTED = (DecisionKind.GRANT, DecisionKind.PARTIAL)
STANDING = (DecisionStatus.ISSUED, DecisionStatus.FINAL, DecisionStatus.DELIVERED)


def reviews_due(ctx: ServiceContext, actor: Actor, until: date) -> tuple[ReviewDue, ...]:
    """The stages of signed contracts in open records not yet reviewed, due by ``until``."""
    require_case_role(actor)
    with ctx.uow(readonly=True) as uow:
        rows = uow.session.execute(
            select(SocialContractStage, SocialContract.record_id, Person.first_name, Person.last_name)
            .join(SocialContract, SocialContract.id == SocialContractStage.contract_id)
            .join(SocialWorkRecord, SocialWorkRecord.id == SocialContract.record_id)
            .join(Person, Person.id == SocialContract.person_id)
            .where(SocialContractStage.reviewed_on.is_(None), SocialContractStage.review_on <= until,
                   SocialContract.status == ContractStatus.SIGNED,
                   SocialWorkRecord.status == RecordStatus.OPEN)
            .order_by(SocialContractStage.review_on, SocialContractStage.id)).all()
        return tuple(ReviewDue(record_id, st.contract_id, st.id, f"{first} {last}", st.action,
                               st.review_on) for st, record_id, first, last in rows)


def given_in_period(ctx: ServiceContext, actor: Actor, start: date, end: date) -> SocialWorkGiven:
    """The families and persons given social work from ``start`` to ``end`` (both included), and
    the kontrakty socjalne in force, each marked with or without a benefit (module docstring)."""
    require_case_role(actor)
    if end < start:
        raise ValidationFailed(msg(Code.REQUEST_INVALID), {"end": msg(SwCode.PERIOD_ORDER)})
    with ctx.uow(readonly=True) as uow:
        s = uow.session
        in_force = and_(SocialContract.status != ContractStatus.REFUSED,
                        SocialContract.concluded_on <= end,
                        or_(SocialContract.outcome_on.is_(None), SocialContract.outcome_on >= start),
                        or_(SocialContract.valid_until.is_(None), SocialContract.valid_until >= start))
        contracts = s.execute(select(SocialContract.id, SocialContract.record_id,
                                     SocialContract.person_id, SocialContract.concluded_on)
                              .where(in_force).order_by(SocialContract.id)).all()
        visited = set(s.scalars(select(SocialWorkEntry.record_id).distinct()
                                .where(SocialWorkEntry.on >= start, SocialWorkEntry.on <= end)))
        record_ids = visited | {c.record_id for c in contracts}
        members: dict[int, list[int]] = {}
        for record_id, person_id in s.execute(
                select(SocialWorkMember.record_id, SocialWorkMember.person_id)
                .where(SocialWorkMember.record_id.in_(record_ids))
                .order_by(SocialWorkMember.record_id, SocialWorkMember.person_id)):
            members.setdefault(record_id, []).append(person_id)
        persons = {p for ids in members.values() for p in ids}
        with_benefit = set(s.scalars(
            select(HouseholdMember.person_id).distinct()
            .join(Case, Case.household_id == HouseholdMember.household_id)
            .join(Decision, Decision.case_id == Case.id)
            .where(HouseholdMember.person_id.in_(persons),
                   Decision.kind.in_([str(k) for k in GRANTED]),
                   Decision.status.in_([str(x) for x in STANDING]),
                   Decision.period_from <= end,
                   or_(Decision.period_to.is_(None), Decision.period_to >= start)))) if persons else set()
        families = tuple(PeriodFamily(rid, tuple(ids), bool(with_benefit.intersection(ids)))
                         for rid, ids in sorted(members.items()))
        benefit_of = {f.record_id: f.with_benefit for f in families}
        return SocialWorkGiven(
            start, end, families, len(persons),
            sum(1 for f in families if not f.with_benefit),
            tuple(PeriodContract(c.id, c.record_id, c.person_id, c.concluded_on,
                                 benefit_of.get(c.record_id, False)) for c in contracts))
