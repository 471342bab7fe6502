"""The case lifecycle through the service layer on a real database, with a controllable clock."""

from __future__ import annotations

import logging
import threading
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import func, select

from app.domain.eligibility import calculate
from app.domain.income import IncomeItem, Member
from app.persistence.models import (
    AuditEvent,
    Decision,
    EligibilityResult,
    HumanTask,
    Job,
    Payment,
    ProcessInstance,
)
from app.services import payments
from app.services.case_file import view as case_view
from app.services.cases import opening as cases
from app.services.kernel.auth import create_user
from app.services.kernel.context import Actor, ServiceContext
from app.services.kernel.errors import Conflict, Forbidden, ValidationFailed
from app.services.workflow import jobs, worklist
from tests.drive import canned, complete_named, drive, ready_tasks, sample_application

pytestmark = pytest.mark.embedded


def actors(caseworker: Actor, supervisor: Actor) -> dict[str, Actor]:
    return {"caseworker": caseworker, "supervisor": supervisor}


def names(ctx: ServiceContext, case_id: int) -> list[str]:
    return [t.name for t in ready_tasks(ctx, case_id)]


def test_full_lifecycle_to_payments(
    ctx: ServiceContext, caseworker: Actor, supervisor: Actor
) -> None:
    case_id = cases.open_case(ctx, caseworker, sample_application())
    assert names(ctx, case_id) == ["completeness_check"]
    done = drive(ctx, case_id, actors(caseworker, supervisor))
    assert done[:4] == ["completeness_check", "conduct_interview", "draft_decision", "approve_decision"]
    case = case_view.get_case(ctx, supervisor, case_id)
    assert case["decision"]["status"] == "final"
    assert case["decision"]["number"].startswith("DEC/")
    assert case["eligibility"]["benefit"] == "zasilek_okresowy"
    assert case["eligibility"]["explanation"], "the explanation is stored with the case"
    # The eligibility service task called the domain package on the verified income.
    expected = calculate("zasilek_okresowy", date(2026, 3, 2), [Member(age=51, incomes=[
        IncomeItem(kind="other", amount=Decimal("512.40"))])])
    assert case["eligibility"]["amount"] == f"{expected.amount:.2f}" == "248.80"
    assert case["eligibility"]["max_amount"] == "497.60"
    # Zasiłek okresowy has a set period: the draft opens with three benefit months from the
    # month of the application (art. 38 ust. 5, art. 106 ust. 3 u.p.s.).
    assert (case["decision"]["period_from"], case["decision"]["period_to"]) == \
        ("2026-03-01", "2026-05-31")
    assert len(case["schedule"]) == 3
    assert case["decision"]["number"] == "DEC/2026/00001", "numbered at signature"
    # Every job ran exactly once.
    with ctx.uow() as uow:
        ops = sorted(uow.session.scalars(select(Job.operation)))
        # A full grant's schedule is made at issue (art. 130 § 4 KPA) and checked again, without
        # a second copy of any month, once final.
        assert ops == ["decision_document", "eligibility", "payment_schedule", "payment_schedule"]
        assert uow.session.scalar(select(func.count(EligibilityResult.id))) == 1
        decision = uow.session.scalars(select(Decision)).one()
        assert "art. 127a" in (decision.document_html or "") and "Pouczenie" in decision.document_html
        assert decision.drafted_by_id == caseworker.id and decision.approved_by_id == supervisor.id

    first = payments.monthly_payment_run(ctx, date(2026, 3, 1))
    assert first["created"] == 1
    again = payments.monthly_payment_run(ctx, date(2026, 3, 1))
    assert again["created"] == 0, "the run is idempotent"
    # May's run, made in April (a run at most one month ahead, issue 19).
    clock: Any = ctx.clock
    clock.set(clock.now.replace(month=4))
    later = payments.monthly_payment_run(ctx, date(2026, 5, 1))
    assert later["created"] == 2
    with ctx.uow() as uow:
        assert uow.session.scalar(select(func.count(Payment.id))) == 3
    payments.approve_list(ctx, supervisor, first["list_id"])
    bank_file = payments.export_list(ctx, supervisor, first["list_id"], "elixir").content
    assert b'"61109010140000071219812874"' in bank_file
    with pytest.raises(Conflict):
        payments.approve_list(ctx, supervisor, first["list_id"])


def test_validation_errors_name_fields(ctx: ServiceContext, caseworker: Actor) -> None:
    with pytest.raises(ValidationFailed) as err:
        cases.open_case(ctx, caseworker, sample_application(
            applicant={"pesel": "12345678901", "first_name": "", "last_name": "X", "net_income": "-5"},
            benefit="nope", reason="x", application_date="2026-13-01"))
    fields = err.value.errors
    for key in ("applicant.pesel", "applicant.first_name", "applicant.net_income", "benefit", "reason",
                "application_date"):
        assert key in fields, (key, fields)
    case_id = cases.open_case(ctx, caseworker, sample_application())
    ht = ready_tasks(ctx, case_id)[0]
    with pytest.raises(ValidationFailed) as err:
        worklist.complete(ctx, caseworker, ht.id, {"complete": "yes", "bogus": 1}, ht.version)
    assert "complete" in err.value.errors
    with pytest.raises(ValidationFailed) as err:
        worklist.complete(ctx, caseworker, ht.id, {}, ht.version)
    assert err.value.errors == {"complete": "This field is required."}
    assert names(ctx, case_id) == ["completeness_check"], "nothing moved on bad input"


def test_stale_version_conflicts(ctx: ServiceContext, caseworker: Actor) -> None:
    case_id = cases.open_case(ctx, caseworker, sample_application())
    ht = ready_tasks(ctx, case_id)[0]
    worklist.unclaim(ctx, caseworker, ht.id)  # bumps the version
    with pytest.raises(Conflict):
        worklist.complete(ctx, caseworker, ht.id, canned(ctx, ht.name), ht.version)
    fresh = ready_tasks(ctx, case_id)[0]
    worklist.complete(ctx, caseworker, fresh.id, canned(ctx, ht.name), fresh.version)
    with pytest.raises(Conflict):
        worklist.complete(ctx, caseworker, fresh.id, canned(ctx, ht.name), None)


def test_two_concurrent_completes_exactly_one_wins(ctx: ServiceContext, caseworker: Actor) -> None:
    case_id = cases.open_case(ctx, caseworker, sample_application())
    ht = ready_tasks(ctx, case_id)[0]
    barrier = threading.Barrier(2)
    outcomes: list[str] = []

    def attempt() -> None:
        barrier.wait()
        try:
            worklist.complete(ctx, caseworker, ht.id, canned(ctx, ht.name), ht.version)
            outcomes.append("ok")
        except Conflict:
            outcomes.append("409")

    threads = [threading.Thread(target=attempt) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(outcomes) == ["409", "ok"]
    assert names(ctx, case_id) == ["conduct_interview"], "the workflow advanced exactly once"


def test_concurrent_first_cases_of_a_year_get_distinct_numbers(
    ctx: ServiceContext, caseworker: Actor
) -> None:
    barrier = threading.Barrier(4)
    numbers: list[str] = []
    errors: list[BaseException] = []
    pesels = ["75011501233", "82031204563", "69052301118", "90081502227"]

    def open_one(pesel: str) -> None:
        barrier.wait()
        try:
            case_id = cases.open_case(ctx, caseworker, sample_application(applicant={
                "pesel": pesel, "first_name": "A", "last_name": "B", "net_income": "1.00"}))
            numbers.append(case_view.get_case(ctx, caseworker, case_id)["number"])
        except BaseException as exc:  # noqa: BLE001 - collected and asserted below
            errors.append(exc)

    threads = [threading.Thread(target=open_one, args=(p,)) for p in pesels]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert sorted(numbers) == [f"POM/2026/{i:05d}" for i in range(1, 5)]


def test_four_eyes_rule_enforced_in_service(
    ctx: ServiceContext, caseworker: Actor, supervisor: Actor
) -> None:
    both_id = create_user(ctx, f"both{ctx.now().timestamp()}", "Both Roles",
                          ["caseworker", "supervisor"], "twelve-chars-1")
    both = Actor(both_id, frozenset({"caseworker", "supervisor"}))
    case_id = cases.open_case(ctx, both, sample_application())
    drive(ctx, case_id, actors(both, both), until=lambda ts: ts[0].name == "approve_decision")
    approve = ready_tasks(ctx, case_id)[0]
    with pytest.raises(Forbidden, match="Four-eyes"):
        worklist.complete(ctx, both, approve.id, canned(ctx, "approve_decision"), approve.version)
    worklist.complete(ctx, supervisor, approve.id, canned(ctx, "approve_decision"), approve.version)


def test_return_with_comment_goes_back_to_draft(
    ctx: ServiceContext, caseworker: Actor, supervisor: Actor
) -> None:
    case_id = cases.open_case(ctx, caseworker, sample_application())
    drive(ctx, case_id, actors(caseworker, supervisor), until=lambda ts: ts[0].name == "approve_decision")
    complete_named(ctx, case_id, "approve_decision", supervisor,
                   {"approval": "return", "approval_comment": "Popraw uzasadnienie."})
    assert names(ctx, case_id) == ["draft_decision"]
    redraft = worklist.get_task(ctx, caseworker, ready_tasks(ctx, case_id)[0].id)
    assert redraft["data"]["decision_kind"] == "grant", "the returned draft is prefilled"
    assert redraft["context"]["decision"]["return_comment"] == "Popraw uzasadnienie."
    case = case_view.get_case(ctx, caseworker, case_id)
    assert case["decisions"][0]["status"] == "returned"
    assert case["decisions"][0]["return_comment"] == "Popraw uzasadnienie."


def test_roles_and_admin_privacy(
    ctx: ServiceContext, caseworker: Actor, admin: Actor, supervisor: Actor
) -> None:
    with pytest.raises(Forbidden):
        cases.open_case(ctx, admin, sample_application())
    case_id = cases.open_case(ctx, caseworker, sample_application())
    with pytest.raises(Forbidden):
        case_view.get_case(ctx, admin, case_id)
    with pytest.raises(Forbidden):
        worklist.list_tasks(ctx, admin)
    ht = ready_tasks(ctx, case_id)[0]
    with pytest.raises(Forbidden):
        worklist.complete(ctx, supervisor, ht.id, canned(ctx, ht.name), ht.version)  # caseworker lane


def test_case_reads_are_audited(ctx: ServiceContext, caseworker: Actor) -> None:
    case_id = cases.open_case(ctx, caseworker, sample_application())
    case_view.get_case(ctx, caseworker, case_id)
    case_view.get_case(ctx, caseworker, case_id)
    with ctx.uow() as uow:
        reads = uow.session.scalars(select(AuditEvent).where(AuditEvent.action == "case.read")).all()
        assert len(reads) == 2
        assert all(r.user_id == caseworker.id and r.case_id == case_id for r in reads)


def test_no_personal_data_in_logs(ctx: ServiceContext, caseworker: Actor, supervisor: Actor,
                                  caplog: Any) -> None:
    caplog.set_level(logging.DEBUG)
    case_id = cases.open_case(ctx, caseworker, sample_application())
    drive(ctx, case_id, actors(caseworker, supervisor))
    text = caplog.text + repr([r.args for r in caplog.records])
    for secret in ("75011501233", "Testowy", "300.00"):
        assert secret not in text


def test_appeal_filed_is_handled_by_supervisor(
    ctx: ServiceContext, caseworker: Actor, supervisor: Actor
) -> None:
    case_id = cases.open_case(ctx, caseworker, sample_application())
    drive(ctx, case_id, actors(caseworker, supervisor), until=lambda ts: ts[0].name == "appeal_window")
    ht = next(t for t in ready_tasks(ctx, case_id) if t.name == "appeal_window")
    actor = supervisor if ht.role == "supervisor" else caseworker
    complete_named(ctx, case_id, "appeal_window", actor,
                   canned(ctx, "appeal_window", appeal_event="appeal_filed"))
    assert names(ctx, case_id) == ["handle_appeal"]
    complete_named(ctx, case_id, "handle_appeal", supervisor)
    case = case_view.get_case(ctx, caseworker, case_id)
    assert case["decision"]["appeal_outcome"] == "forward_to_sko"


def test_free_text_stays_out_of_workflow_state(
    ctx: ServiceContext, caseworker: Actor, supervisor: Actor
) -> None:
    import zlib

    case_id = cases.open_case(ctx, caseworker, sample_application())
    complete_named(ctx, case_id, "completeness_check", caseworker)
    complete_named(ctx, case_id, "conduct_interview", caseworker, canned(
        ctx, "conduct_interview", findings="Sekretna notatka o zdrowiu"))
    with ctx.uow(readonly=True) as uow:
        state = uow.session.scalars(select(ProcessInstance.state)).one()
        interview = uow.session.scalars(select(HumanTask.result).where(
            HumanTask.name == "conduct_interview")).one()
    assert b"Sekretna" not in zlib.decompress(state)
    assert interview["findings"] == "Sekretna notatka o zdrowiu", "kept in the case records"


def test_database_errors_do_not_carry_personal_data(ctx: ServiceContext) -> None:
    from sqlalchemy.exc import IntegrityError

    from app.persistence.models import Person

    with ctx.uow() as uow:
        uow.session.add(Person(register_key="75011501233", pesel="75011501233", first_name="Jan",
                               last_name="Tajny", birth_date=date(1975, 1, 15), sex="M"))
        uow.commit()
    with ctx.uow() as uow, pytest.raises(IntegrityError) as err:
        uow.session.add(Person(register_key="75011501233", pesel="75011501233", first_name="Jan",
                               last_name="Tajny", birth_date=date(1975, 1, 15), sex="M"))
        uow.commit()
    assert "Tajny" not in str(err.value), "statement parameters are hidden"
    # PostgreSQL names the duplicate key in its own message, so logs use describe() instead.
    from app.services.kernel.redact import describe

    summary = describe(err.value)
    assert "IntegrityError" in summary
    assert "75011501233" not in summary and "Tajny" not in summary


def test_failed_jobs_surface_to_the_supervisor_and_can_be_retried(
    ctx: ServiceContext, caseworker: Actor, supervisor: Actor
) -> None:
    from app.services.workflow.jobs import MAX_ATTEMPTS, problem_jobs, record_failure, retry_job

    case_id = cases.open_case(ctx, caseworker, sample_application())
    complete_named(ctx, case_id, "completeness_check", caseworker)
    complete_named(ctx, case_id, "conduct_interview", caseworker)
    with ctx.uow() as uow:
        job = uow.session.scalars(select(Job)).one()
        job_id, job.operation = job.id, "no_such_operation"  # a job that cannot succeed
        uow.commit()
    for _ in range(MAX_ATTEMPTS):
        with pytest.raises(RuntimeError):
            jobs.run_job(ctx, job_id)
        record_failure(ctx, job_id, RuntimeError("boom 75011501233"))
    listed = problem_jobs(ctx, supervisor)
    assert [(j["id"], j["status"], j["case_number"]) for j in listed] == \
        [(job_id, "failed", case_view.get_case(ctx, supervisor, case_id)["number"])]
    assert "75011501233" not in listed[0]["error"], "job errors are stored redacted"
    with pytest.raises(Forbidden):
        problem_jobs(ctx, caseworker)
    with ctx.uow() as uow:
        uow.session.get(Job, job_id).operation = "eligibility"  # the cause is fixed
        uow.commit()
    retry_job(ctx, supervisor, job_id)
    assert ctx.publisher.sent[-1] == ("pomoc.run_job", (job_id,))  # type: ignore[attr-defined]
    assert jobs.run_job(ctx, job_id) == "done"
    assert names(ctx, case_id) == ["draft_decision"]
    with pytest.raises(Conflict):
        retry_job(ctx, supervisor, job_id)


