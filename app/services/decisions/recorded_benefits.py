"""The benefits a person holds by this centre's decisions, as the case files record them.

A rule reads what a member "has an established right to" (``Member.other_benefits``): what the
application declares, and, for the carer's benefits of the catalogue (świadczenie pielęgnacyjne,
specjalny zasiłek opiekuńczy: ``Benefit.carer_benefit``), what the centre itself decided. So
zasiłek stały checks art. 37 ust. 5 u.p.s. against those grants, and the care benefits check
art. 27 ust. 5 u.ś.r. against them, even when the party did not declare them.

READING: a right is established by an issued or final grant (in full or in part) of another case
whose applicant is the person and whose period covers the benefit month; a grant revoked from an
earlier month (an issued or final refusal of a change case of that grant, from then) no longer
counts, nor do the changes of a revoked grant.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from sqlalchemy import or_, select

from app.domain import benefits
from app.domain.statuses import CaseKind, DecisionKind, DecisionStatus
from app.persistence.models import Case, Decision
from app.services.kernel.context import UnitOfWork

HELD = (DecisionStatus.ISSUED, DecisionStatus.FINAL)
GRANTS = (DecisionKind.GRANT, DecisionKind.PARTIAL)


def carer_benefits_held(
    uow: UnitOfWork, person_ids: Iterable[int], on: date, *, besides: int,
) -> dict[int, list[str]]:
    """person id -> the carer's benefits of the catalogue granted to them for ``on`` by another
    case than ``besides``: the grant it is, or changes, and every change case of that grant do
    not count."""
    codes = list(benefits.carer_benefits())
    ids = list(person_ids)
    if not codes or not ids:
        return {}
    own = uow.session.get(Case, besides)
    root = own.parent_case_id if own is not None and own.parent_case_id else besides
    rows = uow.session.execute(
        select(Case.id, Case.parent_case_id, Case.applicant_id, Decision.benefit)
        .join(Decision, Decision.case_id == Case.id)
        .where(Case.applicant_id.in_(ids), Case.id.notin_({root, besides}),
               or_(Case.parent_case_id.is_(None), Case.parent_case_id != root),
               Decision.benefit.in_(codes),
               Decision.kind.in_(GRANTS), Decision.status.in_(HELD),
               Decision.period_from <= on,
               or_(Decision.period_to.is_(None), Decision.period_to >= on))
    ).all()
    if not rows:
        return {}
    revoked = set(uow.session.scalars(
        select(Case.parent_case_id).join(Decision, Decision.case_id == Case.id)
        .where(Case.kind == CaseKind.CHANGE,
               Case.parent_case_id.in_({parent or case_id for case_id, parent, _, _ in rows}),
               Case.effective_from <= on, Decision.kind == DecisionKind.REFUSAL,
               Decision.status.in_(HELD))))
    held: dict[int, list[str]] = {}
    for case_id, parent, person_id, code in rows:
        if (parent or case_id) not in revoked and code not in held.get(person_id, []):
            held.setdefault(person_id, []).append(code)
    return held
