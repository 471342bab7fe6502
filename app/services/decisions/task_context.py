"""What the person completing a task sees: the case, the eligibility, the draft, and the values
a form opens with (``initial``), so that the lawful choice is the easy one. Read-only; what a
completed form records is in the sub-domains' ``task_actions`` modules."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy.orm import joinedload

from app.domain.deadlines import today_in_warsaw
from app.domain.decision_rules import amount_article, first_month_article, lawful_draft
from app.domain.explain import key_figures
from app.domain.money import money_str
from app.domain.party_request import asks_request
from app.domain.polish import date_pl
from app.domain.recovery import act_of
from app.domain.rulings import CHANGING, ConsentRequired, basis, ground_phrase
from app.domain.statuses import DecisionStatus
from app.domain.views import OMIT_NONE, JsonView
from app.persistence.models import Case, EligibilityResult, Household, HumanTask
from app.services.cases.interview_records import interview_initial
from app.services.decisions.change_cases import ChangeContext, change_context
from app.services.decisions.decision_records import (
    decision_violations,
    first_benefit_month,
    latest_decision,
    latest_eligibility,
    legal_range,
    party_heard,
)
from app.services.documents import letters
from app.services.kernel.context import UnitOfWork


# A dict: a form's starting values, keyed by the form's fields.
def _draft_initial(uow: UnitOfWork, case: Case, elig: EligibilityResult | None, first_month: date,
                   change: ChangeContext | None) -> dict[str, Any]:
    """The draft form's starting values: the computed amount and a lawful period (form data
    keyed by the form's fields, so a dict).

    A changing decision runs from the change to the end of the period it changes, and its
    justification starts from what changed.
    """
    initial = lawful_draft(case.benefit, legal_range(elig), first_month,
                           today_in_warsaw(uow.ctx.now()))
    if change is None:
        return initial
    purpose = change["purpose"]
    number = change["decision_number"] or "—"
    effective = date_pl(date.fromisoformat(change["effective_from"])) \
        if change["effective_from"] else "—"
    ground = ground_phrase(change.get("ground"), change.get("ground_text") or change["reason"],
                           on_text=effective).rstrip(".")
    ground = f"{ground}{_basis_words(case.benefit, purpose, change)}"
    if purpose == "revocation":
        return {"decision_kind": "refusal", "amount": None, "period_from": None, "period_to": None,
                "justification": (
                    f"Uchylenie decyzji nr {number} z dniem {effective} w związku "
                    f"{ground}. {change['reason']}").strip()}
    if purpose in ("change", "reexamination", "self_correction") \
            and initial.get("decision_kind") != "refusal":
        if change["requested_amount"] is not None:
            initial["amount"] = change["requested_amount"]
            # A discretionary amount carries its reason (art. 107 § 3 KPA): the change's.
            initial["amount_reason"] = change["reason"]
        if purpose == "change":
            # The rest of the changed grant's period; a re-examination keeps the lawful period.
            initial["period_to"] = change["period_to"] or initial["period_to"]
        initial["justification"] = (
            f"Zmiana decyzji nr {number} od dnia {effective} w związku "
            f"{ground}. {change['reason']}".strip() if purpose == "change" else change["reason"])
    elif initial.get("decision_kind") != "refusal":
        initial["period_to"] = change["period_to"] or initial["period_to"]
        initial["justification"] = (
            f"Zmiana decyzji nr {number} od dnia {effective} w związku {ground}.")
    return initial


def _basis_words(benefit: str, purpose: str, change: ChangeContext) -> str:
    """' (art. 106 ust. 5 ustawy o pomocy społecznej)': the basis the ground allows, or ''."""
    if purpose not in CHANGING:
        return ""
    consent = date.fromisoformat(change["consent_on"]) if change.get("consent_on") else None
    try:
        rule = basis(act_of(benefit), purpose, change.get("ground") or "other", consent)
    except ConsentRequired:
        return ""
    words = {"ups": "ustawy o pomocy społecznej", "usr": "ustawy o świadczeniach rodzinnych",
             "fa": "ustawy o pomocy osobom uprawnionym do alimentów"}[act_of(benefit)]
    cited = [f"{a} {words}" for a in rule.act_articles] + [f"{a} KPA" for a in rule.kpa_articles]
    return f" ({', '.join(cited)})" if cited else ""


@dataclass(frozen=True, eq=False)
class EvidenceNotice(JsonView):
    """The art. 10 notice of this round: issued already (from the case file: the task uses it),
    or to be issued when the task is completed (``issued`` false, the rest empty)."""

    issued: bool
    document_id: int | None = field(default=None, metadata=OMIT_NONE)
    title: str | None = field(default=None, metadata=OMIT_NONE)
    issued_on: date | None = field(default=None, metadata=OMIT_NONE)
    url: str | None = field(default=None, metadata=OMIT_NONE)


def _evidence_notice(uow: UnitOfWork, case_id: int) -> EvidenceNotice:
    notice = letters.current_notice(uow, case_id)
    if notice is None:
        return EvidenceNotice(issued=False)
    return EvidenceNotice(issued=True, document_id=notice.id, title=notice.title,
                          issued_on=letters.issued_on(notice),
                          url=f"/api/cases/{case_id}/documents/{notice.id}")


def _applicant_name(case: Case) -> str:
    """The applicant as declared in this case (the register may say otherwise later)."""
    members = case.household.members
    return members[0].full_name if members else ""


# A dict: a task's context, whose keys depend on its action (free JSON the API sends).
def form_context(uow: UnitOfWork, ht: HumanTask) -> dict[str, Any]:
    """What the person completing a task needs to see: case, eligibility, the draft.

    A dict, not a view: its keys depend on the task's action and the API sends only those
    (``TaskView.context``), and the page lists whatever is there.

    ``initial`` holds values a ready form starts with where the task has none of its own (the
    page and API clients fill only the fields the task's data leaves empty).
    """
    # The case with its household and members in one pass (the brief counts them).
    case = uow.session.get(Case, ht.case_id,
                           options=[joinedload(Case.household).selectinload(Household.members)])
    assert case is not None
    ctx: dict[str, Any] = {
        "case_number": case.number, "benefit": case.benefit, "urgent": case.urgent,
        "applicant": _applicant_name(case), "members": len(case.household.members),
        "opened_on": case.opened_on.isoformat(),
    }
    if ht.action == "conduct_interview":
        ctx["initial"] = {"verified_incomes": [r.as_json() for r in interview_initial(uow, case)]}
    if ht.action in ("art10_notice", "party_comments"):
        ctx["evidence_notice"] = _evidence_notice(uow, case.id).as_json()
    if ht.action in ("draft_decision", "approve_decision"):
        # Art. 107 § 3 KPA: what the party said after the art. 10 notice, for the draft to
        # answer (and the supervisor to see answered).
        ctx["party_comments"] = [{"on": e.on.isoformat(), "text": e.reason}
                                 for e in party_heard(uow, case.id).comments]
    if ht.action in ("draft_decision", "approve_decision"):
        elig = latest_eligibility(uow, case.id)
        ctx["eligibility"] = elig.result if elig else None
        # The figures a caseworker decides on, shown beside the draft's fields.
        ctx["calculation"] = key_figures(elig.result if elig else None,
                                         amount_article(case.benefit))
        first_month = first_benefit_month(uow, case.id)
        ctx["first_benefit_month"] = first_month.isoformat()
        ctx["first_month_article"] = first_month_article(case.benefit)
        change = change_context(uow, case)
        ctx["change"] = change.as_json() if change is not None else None
        if asks_request(case.benefit) and change is None:
            # What the party asked for decides whether the justification may be left out
            # (art. 107 § 4 KPA): only a decision granting at least this grants it in full.
            app_row = case.application
            amount = app_row.requested_amount if app_row else None
            until = app_row.requested_until if app_row else None
            ctx["party_request"] = {
                "amount": money_str(amount) if amount is not None else None,
                "until": until.isoformat() if until else None,
                "recorded": amount is not None or until is not None,
            }
        if ht.action == "draft_decision":
            ctx["initial"] = _draft_initial(uow, case, elig, first_month, change)
        decision = latest_decision(uow, case.id)
        if decision is not None:
            ctx["decision"] = {
                "kind": decision.kind, "amount": money_str(decision.amount), "status": decision.status,
                "period_from": decision.period_from.isoformat() if decision.period_from else None,
                "period_to": decision.period_to.isoformat() if decision.period_to else None,
                "justification": decision.justification, "return_comment": decision.return_comment,
                "amount_reason": decision.amount_reason, "purpose": decision.purpose,
                "comments_answer": decision.comments_answer,
            }
            if ht.action == "approve_decision" and decision.status == DecisionStatus.DRAFT:
                ctx["violations"] = [v.as_dict() for v in decision_violations(uow, decision)]
    return ctx
