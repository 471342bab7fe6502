"""Legal parameter changes and the running grants they affect (art. 106 ust. 5 u.p.s.).

When a criterion or a cap changes during a running grant (1 January 2025 for the u.p.s.
criteria, for example), the amount changes from that date, and that takes a decision: a benefit
never changes or stops without one. :func:`affected_grants` lists the running grants whose amount
computed for the months from a change differs from the amount granted. :func:`draft_changes`
opens, for each grant chosen, a case ex officio (``kind="change"``) that runs the ``decision_change``
process: eligibility at the change, the caseworker's draft (prefilled with the new amount and the
rest of the granted period), the supervisor's approval and signature, delivery and the appeal
window, and then a payment schedule that replaces the old grant's planned months from the change.

Each change case rests on the facts of the case it changes (household and verified incomes); the
old case and its decision are never rewritten.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import select

from app.domain import benefit_months
from app.domain.deadlines import today_in_warsaw
from app.domain.decision_rules import ONE_OFF
from app.domain.digits import parse_ascii_int
from app.domain.eligibility import calculate
from app.domain.messages import Code, msg
from app.domain.recovery import act_of
from app.domain.rulings import ConsentRequired, basis
from app.domain.views import JsonView
from app.persistence.models import Case, Decision
from app.services.decisions.change_cases import GRANTING, RUNNING
from app.services.decisions.decision_changes import open_change_case
from app.services.decisions.job_operations import household_members
from app.services.kernel.context import Actor, ServiceContext, UnitOfWork
from app.services.kernel.errors import Conflict, Forbidden, NotFound, ValidationFailed

CHANGE_PROCESS = "decision_change"
HORIZON_MONTHS = 12
MAX_ID = 2**31 - 1  # the database's integer range


@dataclass(frozen=True, eq=False)
class AffectedGrant(JsonView):
    """A running grant whose amount changes from ``effective_from``."""

    case_id: int
    case_number: str
    benefit: str
    decision_id: int
    decision_number: str | None
    amount: Decimal
    new_amount: Decimal
    eligible: bool
    effective_from: date
    period_to: date | None


def _months_ahead(day: date, months: int) -> date:
    year, month = divmod(day.month - 1 + months, 12)
    return date(day.year + year, month + 1, 1)


def _running_grants(uow: UnitOfWork) -> list[tuple[Case, Decision]]:
    """Each case's latest decision that grants money and runs."""
    latest: dict[int, Decision] = {}
    for decision in uow.session.scalars(select(Decision).order_by(Decision.id)):
        latest[decision.case_id] = decision
    out = []
    for case_id, decision in sorted(latest.items()):
        if decision.kind in GRANTING and decision.status in RUNNING and decision.period_from:
            case = uow.session.get(Case, case_id)
            assert case is not None
            out.append((case, decision))
    return out


def _changed_already(uow: UnitOfWork, case_id: int, effective_from: date) -> bool:
    return uow.session.scalar(
        select(Case.id).where(Case.parent_case_id == case_id, Case.effective_from == effective_from)
    ) is not None


def _affected(uow: UnitOfWork, today: date) -> list[AffectedGrant]:
    horizon = _months_ahead(today.replace(day=1), HORIZON_MONTHS)
    found = []
    for case, decision in _running_grants(uow):
        assert decision.period_from is not None
        if decision.benefit in ONE_OFF:
            continue  # paid once, on its date: no later parameter changes it (zasiłek celowy)
        end = decision.period_to or horizon
        for change in benefit_months.parameter_changes(decision.benefit, decision.period_from, end):
            if _changed_already(uow, case.id, change):
                continue
            result = calculate(decision.benefit, change, household_members(uow, case, change))
            # Where the law leaves a range, the grant stands while it stays inside the new range.
            # A range with no upper bound (aid returnable under art. 41 pkt 2 u.p.s.) caps nothing.
            open_top = result.range is not None and result.range.high is None
            high = decision.amount if open_top else result.max_amount
            inside = result.eligible and result.min_amount <= decision.amount <= high
            if inside and (open_top or result.min_amount != result.max_amount
                           or result.amount == decision.amount):
                continue
            found.append(AffectedGrant(
                case.id, case.number, decision.benefit, decision.id, decision.number,
                _cents(decision.amount), _cents(result.amount), result.eligible, change,
                decision.period_to,
            ))
    return found


def _cents(amount: Decimal) -> Decimal:
    return Decimal(amount).quantize(Decimal("0.01"))


def affected_grants(ctx: ServiceContext, actor: Actor) -> list[AffectedGrant]:
    """Running grants whose amount changes with a legal parameter change (no personal data)."""
    if not actor.has_case_role:
        raise Forbidden(msg(Code.CASE_ROLE_REQUIRED))
    with ctx.uow(readonly=True) as uow:
        return _affected(uow, today_in_warsaw(ctx.now()))


def draft_changes(ctx: ServiceContext, actor: Actor, chosen: Any) -> list[int]:
    """Open a change case for each chosen (case_id, effective_from); return the new case ids.

    Only a grant :func:`affected_grants` lists can be chosen, once per change date; a repeat is a
    conflict, never a second changing decision.
    """
    if not actor.has("supervisor"):
        raise Forbidden(msg(Code.SUPERVISOR_REQUIRED))
    if not isinstance(chosen, list) or not chosen or len(chosen) > 500:
        raise ValidationFailed(msg(Code.FORM_INVALID), {"grants": msg(Code.LIST_EXPECTED)})
    keys: list[tuple[int, date, date | None]] = []
    for i, item in enumerate(chosen):
        try:
            raw_id, raw_day = item["case_id"], item["effective_from"]
            if isinstance(raw_id, bool) or not isinstance(raw_day, str) or len(raw_day) != 10:
                raise ValueError
            case_id = raw_id if isinstance(raw_id, int) else parse_ascii_int(raw_id)
            day = date.fromisoformat(raw_day)
            if case_id is None or not 0 < case_id <= MAX_ID:
                raise ValueError
            # The party's consent, where the benefit's act does not name a change of law
            # among its grounds (art. 155 KPA; see app.domain.rulings).
            raw_consent = item.get("party_consent_on")
            if raw_consent not in (None, "") and (not isinstance(raw_consent, str)
                                                  or len(raw_consent) != 10):
                raise ValueError
            consent = date.fromisoformat(raw_consent) if raw_consent else None
        except (TypeError, KeyError, ValueError, AttributeError):
            raise ValidationFailed(msg(Code.FORM_INVALID),
                                   {f"grants[{i}]": msg(Code.INVALID_VALUE)}) from None
        keys.append((case_id, day, consent))
    now = ctx.now()
    today = today_in_warsaw(now)
    opened: list[int] = []
    with ctx.uow() as uow:
        affected = {(a.case_id, a.effective_from): a for a in _affected(uow, today)}
        for i, (case_id, day, consent) in enumerate(keys):
            grant = affected.get((case_id, day))
            if grant is None:
                if _changed_already(uow, case_id, day):
                    raise Conflict(msg(Code.CHANGE_ALREADY_DRAFTED))
                raise NotFound(msg(Code.CHANGE_NOT_AFFECTED))
            parent = uow.session.get(Case, case_id)
            assert parent is not None
            decision = uow.session.get(Decision, grant.decision_id)
            try:
                basis(act_of(grant.benefit), "parameter_change", "parameter_change", consent)
            except ConsentRequired:
                raise ValidationFailed(msg(Code.FORM_INVALID), {
                    f"grants[{i}].party_consent_on": msg(Code.CHANGE_CONSENT_REQUIRED)}) from None
            change = open_change_case(uow, actor, parent, day, "parameter_change", decision,
                                      "Zmiana parametrów ustawowych od tego dnia.",
                                      Decimal(grant.new_amount), ground="parameter_change",
                                      consent_on=consent)
            opened.append(change.id)
        uow.commit()
    return opened
