"""What a decision draft of a family shows of its social work: each refusal to conclude a
kontrakt socjalny, and each contract the person did not keep, as a possible ground under art. 11
ust. 2 u.p.s. The caseworker weighs it; the draft's computed amount and its starting values do not
change (the notice is a separate key of the task's context)."""

from __future__ import annotations

from sqlalchemy import select

from app.domain.social_work import ART_11_GROUNDS, REFUSAL_ARTICLE, ContractStatus
from app.persistence.models import (
    Case,
    HouseholdMember,
    HumanTask,
    Person,
    SocialContract,
    SocialWorkMember,
)
from app.services.kernel.context import UnitOfWork
from app.services.social_work.views import RefusalNotice, RefusalNotices


def refusal_notices(uow: UnitOfWork, ht: HumanTask) -> RefusalNotices | None:
    """The refusals and broken contracts of the family of the task's case (a person of its
    household is a person of the social-work record), newest first; None when there are none.
    One statement."""
    household = select(HouseholdMember.person_id).join(
        Case, Case.household_id == HouseholdMember.household_id).where(Case.id == ht.case_id)
    records = select(SocialWorkMember.record_id).where(SocialWorkMember.person_id.in_(household))
    rows = uow.session.execute(
        select(SocialContract, Person.first_name, Person.last_name)
        .join(Person, Person.id == SocialContract.person_id).where(SocialContract.record_id.in_(records),
                                     SocialContract.status.in_([str(s) for s in ART_11_GROUNDS]))
        .order_by(SocialContract.id.desc())).all()
    if not rows:
        return None
    return RefusalNotices(REFUSAL_ARTICLE, tuple(
        RefusalNotice(c.id, c.record_id, f"{first} {last}", c.status,
                      c.refused_on if c.status == ContractStatus.REFUSED else c.outcome_on, c.reason)
        for c, first, last in rows))
