"""Issue 16, part 4: family benefits (u.ś.r.) and FA are not social assistance. Their case runs
its own process (workflows/family_benefit_case.bpmn): the application with its attachments and
its completeness (art. 64 § 2 KPA), the decision within a month (art. 35 KPA) approved by a
supervisor, and payment; no art. 7 u.p.s. reason, community interview or help plan. A one-off
grant has no 6-monthly interview review."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest
from sqlalchemy import select

from app.domain import benefits
from app.domain.statuses import InstanceStatus
from app.persistence.models import (
    Case,
    Decision,
    HumanTask,
    Interview,
    PaymentScheduleItem,
    ProcessInstance,
)
from app.services.case_file import view as case_view
from app.services.cases import opening as cases
from app.services.kernel.context import Actor, ServiceContext
from app.services.kernel.errors import ValidationFailed
from app.services.workflow import worklist
from tests.drive import canned, complete_named, drive, ready_tasks, sample_application
from tests.integration.test_benefit_months_in_cases import _fa_application, _family, _until_draft
from tests.web.test_pages import pesel
from tests.web.test_register import _token

pytestmark = [pytest.mark.timeout(300), pytest.mark.embedded]

CHILD = {"pesel": pesel("1623030123"), "first_name": "Jan", "last_name": "Rodzic",
         "relation": "child"}
INTERVIEW_TASKS = {"conduct_interview", "overdue_interview_escalation", "interview_update"}


def _actors(caseworker: Actor, supervisor: Actor) -> dict[str, Actor]:
    return {"caseworker": caseworker, "supervisor": supervisor}


def _without_reason(application: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in application.items() if k != "reason"}


def _tasks(ctx: ServiceContext, case_id: int) -> list[HumanTask]:
    with ctx.uow(readonly=True) as uow:
        rows = list(uow.session.scalars(select(HumanTask).where(HumanTask.case_id == case_id)
                                        .order_by(HumanTask.id)))
        for r in rows:
            uow.session.expunge(r)
        return rows


def _scheduled(uow: Any, case_id: int) -> bool:
    """The case has a payment schedule (its months, paid by the statutory dates)."""
    return uow.session.scalars(select(PaymentScheduleItem)
                               .where(PaymentScheduleItem.case_id == case_id)).first() is not None


def _walked(ctx: ServiceContext, case_id: int, actors: dict[str, Actor]) -> list[str]:
    """Drive the case to its end; the tasks done, checked against the family process."""
    done = drive(ctx, case_id, actors)
    assert not INTERVIEW_TASKS & set(done), done
    assert done[:3] == ["completeness_check", "draft_decision", "approve_decision"], done
    assert {"record_delivery", "appeal_window"} <= set(done)
    assert {t.process for t in _tasks(ctx, case_id)} <= {"intake", "decision"}
    with ctx.uow(readonly=True) as uow:
        instance = uow.session.scalars(select(ProcessInstance)
                                       .where(ProcessInstance.case_id == case_id)).one()
        assert instance.status == InstanceStatus.COMPLETED, "the case ends after its schedule"
        assert instance.next_timer_at is None, "no review or other timer waits"
        assert uow.session.scalar(select(Interview.id).where(Interview.case_id == case_id)) is None
        decision = uow.session.scalars(select(Decision).where(Decision.case_id == case_id)).one()
        assert decision.status == "final" and decision.kind == "grant"
        assert decision.drafted_by_id == actors["caseworker"].id
        assert decision.approved_by_id == actors["supervisor"].id
        assert _scheduled(uow, case_id)
    return done


def test_issue16_zasilek_rodzinny_runs_the_family_process_to_payment_without_an_interview(
    ctx: ServiceContext, caseworker: Actor, supervisor: Actor
) -> None:
    assert benefits.get("zasilek_rodzinny").process == "family_benefit_case"
    case_id = cases.open_case(ctx, caseworker,
                              _without_reason(_family(pesel("8803030123"), CHILD)))
    _walked(ctx, case_id, _actors(caseworker, supervisor))
    case = case_view.get_case(ctx, caseworker, case_id)
    assert case["reason"] == "", "no art. 7 u.p.s. reason"
    assert case["decision"]["period_to"] is not None, "for the benefit period (art. 24 u.ś.r.)"
    assert case["schedule"], "paid by the statutory dates"


def test_issue16_fa_runs_the_family_process_with_a_call_to_supplement(
    ctx: ServiceContext, caseworker: Actor, supervisor: Actor
) -> None:
    """The application is incomplete: the call to supplement (art. 64 § 2 KPA), the supplement,
    then the decision and the payment, as for any application."""
    assert benefits.get("fundusz_alimentacyjny").process == "family_benefit_case"
    case_id = cases.open_case(ctx, caseworker, _without_reason(_fa_application()))
    answered: dict[str, int] = {}

    def data_for(name: str) -> dict[str, Any] | None:
        answered[name] = answered.get(name, 0) + 1
        if name == "completeness_check" and answered[name] == 1:
            return canned(ctx, name, complete=False,
                          missing_items="Odpis wyroku zasądzającego alimenty.")
        return None

    done = drive(ctx, case_id, _actors(caseworker, supervisor), data_for=data_for)
    assert done[:4] == ["completeness_check", "request_supplement", "record_supplement",
                        "completeness_check"], done
    assert not INTERVIEW_TASKS & set(done), done
    assert done[4:6] == ["draft_decision", "approve_decision"], done
    with ctx.uow(readonly=True) as uow:
        assert _scheduled(uow, case_id)


def test_issue16_a_reason_given_for_a_family_benefit_is_not_kept(
    ctx: ServiceContext, caseworker: Actor
) -> None:
    case_id = cases.open_case(ctx, caseworker, _family(pesel("8803030123"), CHILD))
    with ctx.uow(readonly=True) as uow:
        assert uow.session.get(Case, case_id).reason == ""  # type: ignore[union-attr]


def test_issue16_social_assistance_still_needs_its_art_7_reason(
    ctx: ServiceContext, caseworker: Actor
) -> None:
    with pytest.raises(ValidationFailed) as err:
        cases.open_case(ctx, caseworker, _without_reason(sample_application()))
    assert set(err.value.errors) == {"reason"}


def test_issue16_the_api_opens_a_family_case_without_reason_or_interview(client: Any) -> None:
    headers = _token(client, "caseworker1")
    res = client.post("/api/cases", json=_without_reason(_family(pesel("8803030123"), CHILD)),
                      headers=headers)
    assert res.status_code == 201, res.get_data(as_text=True)[:300]
    assert [t["name"] for t in res.get_json()["open_tasks"]] == ["completeness_check"]
    refused = client.post("/api/cases", json=_without_reason(sample_application()),
                          headers=headers)
    assert refused.status_code == 422
    assert "reason" in refused.get_json()["fields"]


def test_issue16_a_one_off_grant_has_no_review_timer(
    ctx: ServiceContext, caseworker: Actor, supervisor: Actor
) -> None:
    """Specjalny zasiłek celowy (Kind.ONE_OFF): decided, paid once, and the case ends; no
    benefit_review follows and no interview update timer waits."""
    entry = benefits.get("specjalny_zasilek_celowy")
    assert entry.one_off and not entry.interview_review
    actors = _actors(caseworker, supervisor)
    case_id = cases.open_case(ctx, caseworker, sample_application(
        benefit="specjalny_zasilek_celowy", reason="zdarzenie_losowe", bank_account=None,
        applicant={"pesel": "75011501233", "first_name": "Jan", "last_name": "Testowy",
                   "net_income": "1500.00"}))
    assert _until_draft(ctx, case_id, actors).eligible  # the interview confirms the income
    task = next(t for t in ready_tasks(ctx, case_id) if t.name == "draft_decision")
    initial = worklist.get_task(ctx, caseworker, task.id)["context"]["initial"]
    draft = canned(ctx, "draft_decision")
    complete_named(ctx, case_id, "draft_decision", caseworker, {
        **draft, **initial, "decision_kind": "grant", "amount": "500.00",
        "period_from": draft["period_from"], "period_to": None, "purpose": "zakup opału na zimę",
        "amount_reason": "Koszt opału na okres grzewczy według przedstawionej oferty."})
    done = drive(ctx, case_id, actors)
    assert "approve_decision" in done and "interview_update" not in done
    with ctx.uow(readonly=True) as uow:
        instance = uow.session.scalars(select(ProcessInstance)
                                       .where(ProcessInstance.case_id == case_id)).one()
        assert instance.status == InstanceStatus.COMPLETED and instance.next_timer_at is None


def test_issue16_an_open_ended_monthly_grant_is_reviewed(
    ctx: ServiceContext, caseworker: Actor, supervisor: Actor
) -> None:
    """The contrast: a granted zasiłek stały hands over to benefit_review, whose timer waits."""
    assert benefits.get("zasilek_staly").interview_review
    case_id = cases.open_case(ctx, caseworker, sample_application(
        benefit="zasilek_staly", reason="niepelnosprawnosc",
        applicant={"pesel": pesel("5001150123"), "first_name": "Jan", "last_name": "Testowy",
                   "net_income": "300.00", "unable_to_work": True}))
    drive(ctx, case_id, _actors(caseworker, supervisor))
    with ctx.uow(readonly=True) as uow:
        instance = uow.session.scalars(select(ProcessInstance)
                                       .where(ProcessInstance.case_id == case_id)).one()
        assert instance.status == InstanceStatus.RUNNING and instance.next_timer_at is not None


def test_issue16_the_process_follows_the_act_unless_the_entry_names_one() -> None:
    """A new u.ś.r. or FA entry gets the family process without setting ``process``."""
    model = benefits.get("zasilek_rodzinny")
    fields = {"code": "scratch", "process": ""}
    assert replace(model, **fields).process == "family_benefit_case"
    assert replace(model, act="fa", **fields).process == "family_benefit_case"
    assert replace(model, act="ups", **fields).process == "benefit_case"
    assert replace(model, act="ups", code="scratch", process="community_interview").process \
        == "community_interview"
