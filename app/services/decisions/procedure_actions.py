"""Case records of the procedural notices in a decision's life, kept by the case actions:

- ``art10_notice``: before a refusal or a partial grant the party is told it may comment on the
  evidence (art. 10 §1, art. 79a KPA), with at least 7 days to do so (the diagram waits);
- ``party_comments``: what the party said within that time (or that it said nothing);
- ``art36_notice``: the art. 35 deadline is missed or about to be; the supervisor sets a new date
  and gives the reason (art. 36 KPA);

The letters themselves belong to the documents part (``letters.issue``). A case sends one art. 10
notice in each round: the task uses the notice already issued from the case file (*Wystaw
pismo*), or issues it when there is none; the task page says which (``task_context``). The dates
of the notice's life (issued, sent, delivered, the party's comments) are checked against each
other (``app.domain.facts.check_notice``, ``check_comments``).
"""

from __future__ import annotations

from typing import Any

from app.domain import facts
from app.domain.deadlines import kpa_period_end, today_in_warsaw
from app.domain.messages import Code, msg
from app.persistence.models import HumanTask, ProcessInstance
from app.services.decisions.decision_records import event, latest_decision
from app.services.documents import letters
from app.services.kernel.context import Actor, UnitOfWork
from app.services.kernel.errors import ValidationFailed
from app.services.kernel.json_input import parse_day
from app.services.kernel.task_input import refuse_if

MIN_COMMENT_DAYS = 7
MAX_TEXT = 4000


def _refuse(errors: dict[str, str]) -> None:
    if errors:
        raise ValidationFailed(msg(Code.FACTS_DISAGREE), errors)


def art10_notice(uow: UnitOfWork, actor: Actor, inst: ProcessInstance, ht: HumanTask,
                 data: dict[str, Any]) -> None:
    """The party was served the art. 10 §1 / art. 79a notice; it has `comment_days` to comment.

    The notice already issued in this round is the one served; only when there is none is it
    issued now (and then it cannot have been sent or delivered before today).
    """
    errors: dict[str, str] = {}
    served = parse_day(data, "notice_served_on", errors)
    sent = parse_day(data, "notice_sent_on", errors, required=False)
    first_notice = parse_day(data, "notice_first_notice_on", errors, required=False)
    today = today_in_warsaw(uow.ctx.now())
    days = data.get("comment_days", MIN_COMMENT_DAYS)
    if isinstance(days, bool) or not isinstance(days, int) or days < MIN_COMMENT_DAYS:
        errors["comment_days"] = msg(Code.MIN_VALUE, limit=MIN_COMMENT_DAYS)
    _refuse(errors)
    assert served is not None
    notice = letters.current_notice(uow, ht.case_id)
    issued_on = letters.issued_on(notice) if notice is not None else today
    refuse_if(facts.check_notice(sent, served, issued_on, today, first_notice))
    decision = latest_decision(uow, ht.case_id)
    if notice is None:
        # The notice as served (art. 10 §1, art. 79a KPA): what the draft finds unmet, the days.
        unmet = (decision.justification.strip() if decision and decision.justification
                 else "") or "Nie spełniono warunków przyznania świadczenia we wnioskowanym zakresie."
        document_id = letters.issue(uow, ht.case_id, "evidence_notice", actor.id, unmet=unmet,
                                    days=days).id
    else:
        document_id = notice.id
    event(uow, actor, ht.case_id, decision.id if decision else None, "art10_notice", served,
          "Zawiadomienie o możliwości wypowiedzenia się co do zebranych dowodów (art. 10 § 1, "
          "art. 79a KPA).", comment_days=days,
          comments_due=kpa_period_end(served, days).isoformat(), document_id=document_id,
          issued_on=issued_on.isoformat(), sent_on=sent.isoformat() if sent else None,
          first_notice_on=first_notice.isoformat() if first_notice else None)


def party_comments(uow: UnitOfWork, actor: Actor, inst: ProcessInstance, ht: HumanTask,
                   data: dict[str, Any]) -> None:
    """The party's comments on the evidence (art. 10 §1), or that it made none."""
    errors: dict[str, str] = {}
    made = bool(data.get("comments_made"))
    received = parse_day(data, "comments_received_on", errors, required=made)
    today = today_in_warsaw(uow.ctx.now())
    text = data.get("party_comments") or ""
    if made and not str(text).strip():
        errors["party_comments"] = msg(Code.REQUIRED)
    _refuse(errors)
    notice = letters.current_notice(uow, ht.case_id)
    refuse_if(facts.check_comments("comments_received_on", received,
                                   letters.issued_on(notice) if notice else None, today))
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
