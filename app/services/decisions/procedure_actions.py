"""Case records of the procedural notices in a decision's life, kept by the case actions:

- ``art10_notice``: before a refusal or a partial grant the party is told it may comment on the
  evidence (art. 10 §1, art. 79a KPA), with at least 7 days to do so (the diagram waits);
- ``party_comments``: what the party said within that time (or that it said nothing);
- ``art36_notice``: the art. 35 deadline is missed or about to be; the supervisor sets a new date
  and gives the reason (art. 36 KPA);

The letters themselves belong to the documents part: each place is marked where
``letters.issue(uow, case_id, kind=...)`` is to be called once it exists.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from app.domain.deadlines import kpa_period_end, today_in_warsaw
from app.domain.messages import Code, msg
from app.persistence.models import HumanTask, ProcessInstance
from app.services.decisions.decision_records import event, latest_decision
from app.services.documents import letters
from app.services.kernel.context import Actor, UnitOfWork
from app.services.kernel.errors import ValidationFailed
from app.services.kernel.json_input import parse_day

MIN_COMMENT_DAYS = 7
MAX_TEXT = 4000


def _refuse(errors: dict[str, str]) -> None:
    if errors:
        raise ValidationFailed(msg(Code.FACTS_DISAGREE), errors)


def _past(day: date | None, field: str, today: date, errors: dict[str, str]) -> None:
    if day is not None and day > today:
        errors[field] = msg(Code.DATE_IN_FUTURE)


def art10_notice(uow: UnitOfWork, actor: Actor, inst: ProcessInstance, ht: HumanTask,
                 data: dict[str, Any]) -> None:
    """The party was served the art. 10 §1 / art. 79a notice; it has `comment_days` to comment."""
    errors: dict[str, str] = {}
    served = parse_day(data, "notice_served_on", errors)
    today = today_in_warsaw(uow.ctx.now())
    _past(served, "notice_served_on", today, errors)
    days = data.get("comment_days", MIN_COMMENT_DAYS)
    if isinstance(days, bool) or not isinstance(days, int) or days < MIN_COMMENT_DAYS:
        errors["comment_days"] = msg(Code.MIN_VALUE, limit=MIN_COMMENT_DAYS)
    _refuse(errors)
    assert served is not None
    decision = latest_decision(uow, ht.case_id)
    # The notice as served (art. 10 §1, art. 79a KPA): what the draft finds unmet, and the days.
    unmet = (decision.justification.strip() if decision and decision.justification else "") \
        or "Nie spełniono warunków przyznania świadczenia we wnioskowanym zakresie."
    letters.issue(uow, ht.case_id, "evidence_notice", actor.id, unmet=unmet, days=days)
    event(uow, actor, ht.case_id, decision.id if decision else None, "art10_notice", served,
          "Zawiadomienie o możliwości wypowiedzenia się co do zebranych dowodów (art. 10 § 1, "
          "art. 79a KPA).", comment_days=days,
          comments_due=kpa_period_end(served, days).isoformat())


def party_comments(uow: UnitOfWork, actor: Actor, inst: ProcessInstance, ht: HumanTask,
                   data: dict[str, Any]) -> None:
    """The party's comments on the evidence (art. 10 §1), or that it made none."""
    errors: dict[str, str] = {}
    made = bool(data.get("comments_made"))
    received = parse_day(data, "comments_received_on", errors, required=made)
    today = today_in_warsaw(uow.ctx.now())
    _past(received, "comments_received_on", today, errors)
    text = data.get("party_comments") or ""
    if made and not str(text).strip():
        errors["party_comments"] = msg(Code.REQUIRED)
    _refuse(errors)
    decision = latest_decision(uow, ht.case_id)
    event(uow, actor, ht.case_id, decision.id if decision else None,
          "party_comments" if made else "party_no_comments", received or today,
          str(text)[:MAX_TEXT] if made else "Strona nie wypowiedziała się.")


def art36_notice(uow: UnitOfWork, actor: Actor, inst: ProcessInstance, ht: HumanTask,
                 data: dict[str, Any]) -> None:
    """The decision deadline is missed (or about to be): the new date and its reason."""
    errors: dict[str, str] = {}
    new_date = parse_day(data, "new_decision_date", errors)
    today = today_in_warsaw(uow.ctx.now())
    if new_date is not None and new_date <= today:
        errors["new_decision_date"] = msg(Code.DATE_BEFORE, limit=today.isoformat())
    reason = data.get("delay_reason")
    if not isinstance(reason, str) or not reason.strip():
        errors["delay_reason"] = msg(Code.REQUIRED)
    _refuse(errors)
    assert new_date is not None and isinstance(reason, str)
    decision = latest_decision(uow, ht.case_id)
    # The party is told the reason and the new date, and of its right to a ponaglenie (art. 37).
    letters.issue(uow, ht.case_id, "delay_notice", actor.id, reason=reason.strip(),
                  new_date=new_date)
    event(uow, actor, ht.case_id, decision.id if decision else None, "art36_notice", today,
          reason.strip()[:MAX_TEXT], new_decision_date=new_date.isoformat())
