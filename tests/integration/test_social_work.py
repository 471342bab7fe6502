"""Social work through its services: a family's record (with and without a benefit case), visits
and notes, goals, the kontrakt socjalny (signed, refused, reviewed, broken), the version conflict,
audited reads, the admin refused, the stage reviews due and the social work given in a period."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from sqlalchemy import select

from app.domain.messages.codes_sw import SwCode
from app.persistence.models import AuditEvent
from app.services.kernel.context import Actor, ServiceContext
from app.services.kernel.errors import Conflict, Forbidden, ValidationFailed
from app.services.social_work import contracts, period, records
from tests.social_work_data import contract_body, family_with_case, open_record, person

pytestmark = [pytest.mark.timeout(120), pytest.mark.embedded]


def codes(exc: ValidationFailed) -> dict[str, Any]:
    return {k: getattr(v, "code", None) for k, v in exc.errors.items()}


def test_a_family_without_any_benefit_case_gets_a_record_with_visits_notes_and_goals(
        ctx: ServiceContext, caseworker: Actor) -> None:
    mother, son = person(ctx, "Anna", "Nowak", 1), person(ctx, "Jan", "Nowak", 2)
    rid = open_record(ctx, caseworker, mother, son, help_plan="Wsparcie w poszukiwaniu pracy.")
    records.add_entry(ctx, caseworker, rid, {"kind": "visit", "on": "2026-03-01",
                                             "text": "Wizyta w miejscu zamieszkania."})
    records.add_entry(ctx, caseworker, rid, {"kind": "note", "on": "2026-03-02",
                                             "text": "Telefon do PUP."})
    goal = records.add_goal(ctx, caseworker, rid, {"text": "Podjęcie pracy"})
    view = records.get_record(ctx, caseworker, rid)
    assert view.case_id is None
    assert [m.person_id for m in view.members] == [mother, son]
    assert [(e.kind, e.on) for e in view.entries] == [("note", date(2026, 3, 2)),
                                                       ("visit", date(2026, 3, 1))]
    assert view.entries[0].by_id == caseworker.id and view.entries[0].by_name
    assert view.help_plan == "Wsparcie w poszukiwaniu pracy."
    records.update_goal(ctx, caseworker, rid, goal.id, {"version": view.version, "status": "achieved"})
    assert records.get_record(ctx, caseworker, rid).goals[0].status == "achieved"


def test_every_read_is_audited_and_an_admin_sees_nothing(
        ctx: ServiceContext, caseworker: Actor, admin: Actor) -> None:
    rid = open_record(ctx, caseworker, person(ctx, "Anna", "Nowak", 1))
    records.get_record(ctx, caseworker, rid)
    records.get_record(ctx, caseworker, rid)
    with ctx.uow(readonly=True) as uow:
        reads = [(a.user_id, a.detail["record_id"]) for a in uow.session.scalars(
            select(AuditEvent).where(AuditEvent.action == "social_work.read"))]
    assert reads == [(caseworker.id, rid)] * 2
    for call in (lambda: records.get_record(ctx, admin, rid), lambda: records.list_records(ctx, admin),
                 lambda: period.given_in_period(ctx, admin, date(2026, 1, 1), date(2026, 6, 30)),
                 lambda: records.add_entry(ctx, admin, rid, {"kind": "note", "on": "2026-03-01",
                                                             "text": "x"})):
        with pytest.raises(Forbidden):
            call()


def test_a_record_links_the_interview_case_of_the_same_family_only(
        ctx: ServiceContext, caseworker: Actor) -> None:
    case_id, applicant, child = family_with_case(ctx)
    rid = open_record(ctx, caseworker, applicant, child, case_id=case_id)
    assert records.get_record(ctx, caseworker, rid).case_number
    stranger = person(ctx, "Obca", "Osoba", 9)
    with pytest.raises(ValidationFailed) as exc:
        open_record(ctx, caseworker, stranger, case_id=case_id)
    assert codes(exc.value) == {"case_id": SwCode.CASE_OTHER_FAMILY}


def test_bad_input_gets_every_error_coded(ctx: ServiceContext, caseworker: Actor) -> None:
    rid = open_record(ctx, caseworker, person(ctx, "Anna", "Nowak", 1))
    with pytest.raises(ValidationFailed) as exc:
        records.add_entry(ctx, caseworker, rid, {"kind": "telefon", "on": "2026-13-01", "text": " "})
    assert set(exc.value.errors) == {"kind", "on", "text"}
    with pytest.raises(ValidationFailed) as exc:
        records.add_entry(ctx, caseworker, rid, {"kind": "visit", "on": "2026-03-03", "text": "x"})
    assert codes(exc.value) == {"on": SwCode.DATE_FUTURE}
    with pytest.raises(ValidationFailed) as exc:
        contracts.record_contract(ctx, caseworker, rid, {"person_id": 999999, "status": "signed"})
    assert codes(exc.value) == {n: SwCode.SIGNED_FIELD_REQUIRED for n in contracts.SIGNED_REQUIRED} | {
        "stages": SwCode.STAGES_REQUIRED}
    with pytest.raises(ValidationFailed) as exc:
        contracts.record_contract(ctx, caseworker, rid, {"person_id": 1, "status": "refused"})
    assert codes(exc.value) == {"refused_on": SwCode.REFUSAL_FIELD_REQUIRED,
                                "reason": SwCode.REFUSAL_FIELD_REQUIRED}


def test_a_contract_is_signed_reviewed_and_broken_and_its_reviews_are_due(
        ctx: ServiceContext, caseworker: Actor) -> None:
    applicant = person(ctx, "Anna", "Nowak", 1)
    rid = open_record(ctx, caseworker, applicant)
    with pytest.raises(ValidationFailed) as exc:
        contracts.record_contract(ctx, caseworker, rid, contract_body(person(ctx, "Obca", "X", 2)))
    assert codes(exc.value) == {"person_id": SwCode.PARTY_NOT_MEMBER}
    saved = contracts.record_contract(ctx, caseworker, rid, contract_body(applicant))
    due = period.reviews_due(ctx, caseworker, date(2026, 3, 5))
    assert [(d.contract_id, d.review_on) for d in due] == [(saved.id, date(2026, 3, 3))]
    assert period.reviews_due(ctx, caseworker, date(2026, 3, 2)) == ()
    contract = records.get_record(ctx, caseworker, rid).contracts[0]
    assert (contract.status, contract.goal, len(contract.stages)) == ("signed", "Podjęcie zatrudnienia.", 1)
    reviewed = contracts.review_stage(ctx, caseworker, saved.id, {
        "version": contract.version, "stage_id": contract.stages[0].id, "reviewed_on": "2026-03-02",
        "note": "Zarejestrowana."})
    assert period.reviews_due(ctx, caseworker, date(2026, 3, 5)) == ()
    contracts.record_outcome(ctx, caseworker, saved.id, {
        "version": reviewed.version, "outcome": "broken", "outcome_on": "2026-03-02",
        "reason": "Nie stawiła się na szkolenie; twierdzi, że nie miała z kim zostawić dziecka."})
    contract = records.get_record(ctx, caseworker, rid).contracts[0]
    assert (contract.status, contract.outcome_on) == ("broken", date(2026, 3, 2))
    assert "dziecka" in contract.reason


def test_concurrent_edits_conflict(ctx: ServiceContext, caseworker: Actor, caseworker2: Actor) -> None:
    applicant = person(ctx, "Anna", "Nowak", 1)
    rid = open_record(ctx, caseworker, applicant)
    goal = records.add_goal(ctx, caseworker, rid, {"text": "Cel"})
    read = records.get_record(ctx, caseworker, rid)
    records.update_record(ctx, caseworker2, rid, {"version": read.version, "help_plan": "Plan B"})
    with pytest.raises(Conflict) as exc:
        records.update_goal(ctx, caseworker, rid, goal.id, {"version": read.version, "status": "dropped"})
    assert exc.value.message.code == SwCode.RECORD_CHANGED
    assert exc.value.extra["current_version"] == read.version + 1
    saved = contracts.record_contract(ctx, caseworker, rid, contract_body(applicant))
    contracts.record_outcome(ctx, caseworker2, saved.id, {
        "version": saved.version, "outcome": "fulfilled", "outcome_on": "2026-03-01",
        "reason": "Cel osiągnięty."})
    with pytest.raises(Conflict) as exc:
        contracts.record_outcome(ctx, caseworker, saved.id, {"version": saved.version, "outcome": "ended",
                                                             "outcome_on": "2026-03-01", "reason": "x"})
    assert exc.value.message.code == SwCode.CONTRACT_CHANGED


def test_social_work_given_in_a_period_counts_families_without_benefits(
        ctx: ServiceContext, caseworker: Actor) -> None:
    # Family 1: social work only (a visit in the period), a refused contract (not in force).
    alone = person(ctx, "Anna", "Nowak", 1)
    r1 = open_record(ctx, caseworker, alone, person(ctx, "Jan", "Nowak", 2))
    records.add_entry(ctx, caseworker, r1, {"kind": "visit", "on": "2026-02-10", "text": "Wizyta."})
    contracts.record_contract(ctx, caseworker, r1, {"person_id": alone, "status": "refused",
                                                    "refused_on": "2026-02-10",
                                                    "reason": "Nie widzi potrzeby."})
    # Family 2: a benefit case and a contract in force, no visit.
    _case, applicant, child = family_with_case(ctx)
    r2 = open_record(ctx, caseworker, applicant, child)
    c2 = contracts.record_contract(ctx, caseworker, r2, contract_body(applicant)).id
    # Family 3: a visit outside the period only.
    r3 = open_record(ctx, caseworker, person(ctx, "Ewa", "Poza", 3))
    records.add_entry(ctx, caseworker, r3, {"kind": "note", "on": "2026-03-01", "text": "Notatka."})
    given = period.given_in_period(ctx, caseworker, date(2026, 1, 1), date(2026, 2, 28))
    assert [(f.record_id, len(f.person_ids), f.with_benefit) for f in given.families] == [
        (r1, 2, False), (r2, 2, True)]
    assert (given.persons, given.families_without_benefit) == (4, 1)
    assert [(c.contract_id, c.with_benefit) for c in given.contracts] == [(c2, True)]
    with pytest.raises(ValidationFailed):
        period.given_in_period(ctx, caseworker, date(2026, 2, 1), date(2026, 1, 1))
