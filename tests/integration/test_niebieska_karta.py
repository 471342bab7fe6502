"""The Niebieska Karta procedure through its services (issue 17 part 2): form A starts it with
the hand-over due, the group meets and closes it, the closing grounds are held, the version
conflict, and least privilege: the people assigned and the head read it (every read audited),
nobody else, an admin never; a benefit case of the family shows only that it exists."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import pytest
from sqlalchemy import select

from app.domain.messages.codes_nk import NkCode
from app.persistence.models import AuditEvent, HumanTask, ProcessInstance
from app.services.kernel.context import Actor, ServiceContext
from app.services.kernel.errors import Conflict, Forbidden, ValidationFailed
from app.services.niebieska_karta import procedures, records
from tests.conftest import actor_for
from tests.drive import drive_niebieska_karta
from tests.nk_data import form_a, start
from tests.social_work_data import family_with_case, person

pytestmark = [pytest.mark.timeout(120), pytest.mark.embedded]


def codes(exc: ValidationFailed) -> dict[str, Any]:
    return {k: getattr(v, "code", None) for k, v in exc.errors.items()}


def _meeting(version: int, **extra: Any) -> dict[str, Any]:
    return {"version": version, "met_on": "2026-03-05", "attendees": ["Anna Kowalska (OPS)",
                                                                      "st. asp. Jan Kos (Policja)"],
            "decision": "close", **extra}


def test_form_a_starts_the_procedure_with_the_handover_due_in_5_working_days(
        ctx: ServiceContext, caseworker: Actor) -> None:
    pid, affected, suspect = start(ctx, caseworker)
    view = procedures.read(ctx, caseworker, pid)
    assert (view.affected_id, view.suspect_id) == (affected, suspect)
    assert view.started_by_id == caseworker.id and view.status == "open"
    assert view.violence_kinds == ("physical", "psychological") and view.children_present
    # Monday 2 March 2026 + 5 working days = Monday 9 March.
    assert view.handover_due == date(2026, 3, 9)
    assert view.open_step is not None and view.open_step.step == "nk_handover"
    assert view.open_step.due_on == date(2026, 3, 9)
    assert [m.user_id for m in view.members] == [caseworker.id] and view.members[0].starter
    # Not a case: nothing of it reaches the worklist or the case tables.
    with ctx.uow(readonly=True) as uow:
        assert uow.session.scalars(select(HumanTask)).all() == []
        assert uow.session.scalars(select(ProcessInstance)).all() == []


def test_the_group_meets_twice_records_forms_and_the_plan_and_closes_on_the_violence_ended(
        ctx: ServiceContext, caseworker: Actor, clock: Any) -> None:
    pid, _, _ = start(ctx, caseworker)
    clock.set(datetime(2026, 4, 20, 9, 0, tzinfo=UTC))
    v = procedures.read(ctx, caseworker, pid).version
    v = records.hand_over(ctx, caseworker, pid, {"version": v, "handed_on": "2026-03-04"}).version
    view = procedures.read(ctx, caseworker, pid)
    assert view.handed_in_time and view.open_step is not None
    assert (view.open_step.step, view.open_step.due_on) == ("nk_group_meeting", date(2026, 3, 18))
    v = records.record_form(ctx, caseworker, pid, {"version": v, "form": "B",
                                                   "on": "2026-03-02"}).version
    v = records.record_meeting(ctx, caseworker, pid, _meeting(
        v, decision="continue", next_meeting_on="2026-04-01", note="Diagnoza sytuacji.")).version
    v = records.record_form(ctx, caseworker, pid, {"version": v, "form": "C",
                                                   "on": "2026-03-05"}).version
    v = records.record_plan(ctx, caseworker, pid, {"version": v, "on": "2026-03-05",
                                                   "plan": "Terapia, konsultacje prawne."}).version
    view = procedures.read(ctx, caseworker, pid)
    assert view.open_step is not None
    assert (view.open_step.step, view.open_step.due_on) == ("nk_group_meeting", date(2026, 4, 1))
    v = records.record_meeting(ctx, caseworker, pid, _meeting(v, met_on="2026-04-01")).version
    view = procedures.read(ctx, caseworker, pid)
    assert view.open_step is not None
    # The closing is recorded within 7 days of the meeting that decided it.
    assert (view.open_step.step, view.open_step.due_on) == ("nk_closing", date(2026, 4, 8))
    records.close(ctx, caseworker, pid, {"version": v, "closed_on": "2026-04-02",
                                         "ground": "violence_ended", "plan_realised": True})
    view = procedures.read(ctx, caseworker, pid)
    assert (view.status, view.closing_ground, view.closed_on, view.open_step) == (
        "closed", "violence_ended", date(2026, 4, 2), None)
    kinds = [(e.kind, e.detail.get("form") or e.detail.get("decision")) for e in view.events]
    assert kinds == [("form", "B"), ("handover", None), ("meeting", "continue"), ("form", "C"),
                     ("plan", None), ("meeting", "close"), ("closing", None)]
    assert view.events[2].detail["attendees"] == ["Anna Kowalska (OPS)",
                                                  "st. asp. Jan Kos (Policja)"]
    with pytest.raises(Conflict) as closed:
        records.record_form(ctx, caseworker, pid, {"version": view.version, "form": "D",
                                                   "on": "2026-04-02"})
    assert closed.value.message.code == NkCode.CLOSED


def test_closing_grounds_violence_ended_needs_the_plan_realised_and_no_grounds_needs_none(
        ctx: ServiceContext, caseworker: Actor, clock: Any) -> None:
    pid, _, _ = start(ctx, caseworker)
    clock.set(datetime(2026, 3, 10, 9, 0, tzinfo=UTC))
    v = procedures.read(ctx, caseworker, pid).version
    v = records.hand_over(ctx, caseworker, pid, {"version": v, "handed_on": "2026-03-03"}).version
    v = records.record_meeting(ctx, caseworker, pid, _meeting(v)).version
    body = {"version": v, "closed_on": "2026-03-06", "ground": "violence_ended"}
    with pytest.raises(ValidationFailed) as no_plan:
        records.close(ctx, caseworker, pid, body)
    assert codes(no_plan.value) == {"ground": NkCode.NO_PLAN}
    v = records.record_plan(ctx, caseworker, pid, {"version": v, "on": "2026-03-05",
                                                   "plan": "Plan pomocy."}).version
    with pytest.raises(ValidationFailed) as not_realised:
        records.close(ctx, caseworker, pid, {**body, "version": v})
    assert codes(not_realised.value) == {"plan_realised": NkCode.PLAN_NOT_REALISED}
    with pytest.raises(ValidationFailed) as early:
        records.close(ctx, caseworker, pid, {**body, "version": v, "closed_on": "2026-03-04",
                                             "ground": "no_grounds"})
    assert codes(early.value) == {"closed_on": NkCode.NO_MEETING}
    records.close(ctx, caseworker, pid, {**body, "version": v, "ground": "no_grounds"})
    assert procedures.read(ctx, caseworker, pid).closing_ground == "no_grounds"


def test_drive_walks_the_process_to_its_end(ctx: ServiceContext, caseworker: Actor) -> None:
    pid, _, _ = start(ctx, caseworker)
    assert drive_niebieska_karta(ctx, caseworker, pid) == [
        "nk_handover", "nk_group_meeting", "nk_closing"]
    assert procedures.read(ctx, caseworker, pid).status == "closed"


def test_bad_input_is_refused_with_coded_field_errors(
        ctx: ServiceContext, caseworker: Actor) -> None:
    affected = person(ctx, "Ewa", "Przykładowa", 711)
    with pytest.raises(ValidationFailed) as same:
        procedures.start(ctx, caseworker, form_a(affected, affected))
    assert codes(same.value) == {"suspect_id": NkCode.SAME_PERSON}
    with pytest.raises(ValidationFailed) as bad:
        procedures.start(ctx, caseworker, form_a(affected, 999999, started_on="2026-03-03",
                                                 affected_present=False))
    assert codes(bad.value) == {"suspect_id": NkCode.PERSON_UNKNOWN,
                                "started_on": NkCode.DATE_FUTURE,
                                "absence_reason": NkCode.ABSENCE_REASON}
    pid, _, _ = start(ctx, caseworker)
    v = procedures.read(ctx, caseworker, pid).version
    with pytest.raises(ValidationFailed) as before:
        records.hand_over(ctx, caseworker, pid, {"version": v, "handed_on": "2026-03-01"})
    assert codes(before.value) == {"handed_on": NkCode.DATE_BEFORE_START}
    with pytest.raises(Conflict) as not_open:
        records.record_meeting(ctx, caseworker, pid, _meeting(v, met_on="2026-03-02"))
    assert not_open.value.message.code == NkCode.STEP_NOT_OPEN


def test_a_stale_version_is_a_conflict(ctx: ServiceContext, caseworker: Actor) -> None:
    pid, _, _ = start(ctx, caseworker)
    v = procedures.read(ctx, caseworker, pid).version
    records.record_form(ctx, caseworker, pid, {"version": v, "form": "B", "on": "2026-03-02"})
    with pytest.raises(Conflict) as stale:
        records.hand_over(ctx, caseworker, pid, {"version": v, "handed_on": "2026-03-02"})
    assert stale.value.message.code == NkCode.CHANGED


def test_only_the_people_assigned_and_the_head_read_it_every_read_audited(
        ctx: ServiceContext, caseworker: Actor, caseworker2: Actor, supervisor: Actor,
        admin: Actor) -> None:
    pid, _, _ = start(ctx, caseworker)
    other_supervisor = actor_for(ctx, "supervisor2")
    assert supervisor.has("head") and not other_supervisor.has("head")
    for stranger in (caseworker2, other_supervisor, admin):
        with pytest.raises(Forbidden) as refused:
            procedures.read(ctx, stranger, pid)
        assert refused.value.message.code == NkCode.NOT_ASSIGNED
        assert procedures.list_procedures(ctx, stranger) == []
        assert procedures.deadlines(ctx, stranger) == []
    # The starter and the head read it; the head assigns caseworker2, who then reads it too.
    procedures.read(ctx, caseworker, pid)
    view = procedures.read(ctx, supervisor, pid)
    assert view.can_assign
    with pytest.raises(Forbidden) as not_head:
        procedures.assign_member(ctx, caseworker, pid, {"version": view.version,
                                                        "user_id": caseworker2.id})
    assert not_head.value.message.code == NkCode.HEAD_ONLY
    with pytest.raises(ValidationFailed) as admin_member:
        procedures.assign_member(ctx, supervisor, pid, {"version": view.version,
                                                        "user_id": admin.id})
    assert codes(admin_member.value) == {"user_id": NkCode.USER_UNKNOWN}
    procedures.assign_member(ctx, supervisor, pid, {"version": view.version,
                                                    "user_id": caseworker2.id})
    assert procedures.read(ctx, caseworker2, pid).id == pid
    assert [r.id for r in procedures.list_procedures(ctx, caseworker2)] == [pid]
    # The head reads but records nothing unless assigned; an admin can do nothing at all.
    with pytest.raises(Forbidden):
        records.record_form(ctx, supervisor, pid, {"version": 2, "form": "B", "on": "2026-03-02"})
    with pytest.raises(Forbidden):
        procedures.start(ctx, admin, {})
    with ctx.uow(readonly=True) as uow:
        reads = [(a.user_id, a.detail["procedure_id"]) for a in uow.session.scalars(
            select(AuditEvent).where(AuditEvent.action == "nk.read").order_by(AuditEvent.id))]
    assert reads == [(caseworker.id, pid), (supervisor.id, pid), (caseworker2.id, pid)]


def test_a_benefit_case_of_the_family_shows_only_that_a_procedure_runs(
        ctx: ServiceContext, caseworker: Actor, caseworker2: Actor, admin: Actor) -> None:
    case_id, applicant, child = family_with_case(ctx)
    other_case, _, _ = family_with_case(ctx)
    assert procedures.runs_in_family(ctx, caseworker2, case_id) is False
    saved = procedures.start(ctx, caseworker, form_a(child, applicant))
    assert procedures.runs_in_family(ctx, caseworker2, case_id) is True
    assert procedures.runs_in_family(ctx, caseworker2, other_case) is False
    with pytest.raises(Forbidden):
        procedures.runs_in_family(ctx, admin, case_id)
    with pytest.raises(Forbidden):
        procedures.read(ctx, caseworker2, saved.id)
