"""A decision's life after issue: appeals dated by posting (art. 57 §5 KPA), late appeals and
restoration (art. 58, 134), the SKO's rulings and their effect on payments (art. 138), changing
and revoking decisions (art. 106 ust. 5 u.p.s., art. 154–155 KPA), the art. 10 notice before a
refusal, and art. 130 §4 (a full grant is paid from issue)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import pytest
from sqlalchemy import select

from app.persistence.models import DecisionEvent, PaymentScheduleItem
from app.services import payments
from app.services.appeals import appeal as appeals
from app.services.appeals import sko
from app.services.case_file import view as case_view
from app.services.cases import opening as cases
from app.services.decisions import decision_changes
from app.services.kernel.context import Actor, ServiceContext
from app.services.kernel.errors import Conflict, Forbidden, ValidationFailed
from app.services.workflow import jobs, timers
from tests.conftest import FakeClock
from tests.drive import canned, complete_named, drive, lawful, ready_tasks, sample_application
from tests.web.test_pages import login

pytestmark = [pytest.mark.timeout(240), pytest.mark.embedded]

DELIVERED = date(2026, 3, 2)          # the canned delivery is "today" at the start
LAST_DAY = date(2026, 3, 16)          # 14 days from delivery (a Monday)


def _actors(cw: Actor, sv: Actor) -> dict[str, Actor]:
    return {"caseworker": cw, "supervisor": sv}


def _at(clock: FakeClock, day: date, hour: int = 10) -> None:
    clock.set(datetime(day.year, day.month, day.day, hour, 0, tzinfo=UTC))


def _to_window(ctx: ServiceContext, actors: dict[str, Actor], **draft: Any) -> int:
    """A zasiłek okresowy case, issued and delivered on 2 March, in its appeal window."""
    case_id = cases.open_case(ctx, actors["caseworker"], sample_application())

    def data_for(name: str) -> dict[str, Any] | None:
        if name == "draft_decision" and draft:
            task = next(t for t in ready_tasks(ctx, case_id) if t.name == name)
            return {**lawful(ctx, actors["caseworker"], task, canned(ctx, name)), **draft}
        return None

    drive(ctx, case_id, actors, data_for=data_for,
          until=lambda ts: any(t.name == "appeal_window" for t in ts))
    return case_id


def _final_by_lapse(ctx: ServiceContext, clock: FakeClock, actors: dict[str, Actor]) -> int:
    case_id = _to_window(ctx, actors)
    _at(clock, date(2026, 3, 17))
    assert timers.fire_due_timers(ctx) == 1
    jobs.run_pending_inline(ctx)
    decision = case_view.get_case(ctx, actors["caseworker"], case_id)["decision"]
    assert decision["status"] == "final" and decision["final_on"] == "2026-03-17"
    return case_id


def _schedule(ctx: ServiceContext, case_id: int) -> list[tuple[str, str, str]]:
    with ctx.uow(readonly=True) as uow:
        return [(i.month.isoformat(), f"{i.amount:.2f}", i.status) for i in uow.session.scalars(
            select(PaymentScheduleItem).where(PaymentScheduleItem.case_id == case_id)
            .order_by(PaymentScheduleItem.decision_id, PaymentScheduleItem.month))]


def _events(ctx: ServiceContext, case_id: int) -> list[str]:
    with ctx.uow(readonly=True) as uow:
        return list(uow.session.scalars(select(DecisionEvent.kind).where(
            DecisionEvent.case_id == case_id).order_by(DecisionEvent.id)))


# ------------------------------------------------------------------ appeals dated by posting
def test_appeal_posted_on_day_14_arriving_on_day_17_undoes_finality(
    ctx: ServiceContext, clock: FakeClock, caseworker: Actor, supervisor: Actor
) -> None:
    actors = _actors(caseworker, supervisor)
    case_id = _final_by_lapse(ctx, clock, actors)
    planned = _schedule(ctx, case_id)
    assert planned and {s for _, _, s in planned} == {"planned"}

    _at(clock, date(2026, 3, 19))   # day 17 after delivery
    appeal = appeals.record_appeal(ctx, caseworker, case_id, {
        "channel": "post", "posted_on": LAST_DAY.isoformat(), "received_on": "2026-03-19"})
    assert appeal["timely"] and appeal["after_finality"] and appeal["deadline"] == "2026-03-16"
    assert appeal["forward_due"] == "2026-03-26"
    case = case_view.get_case(ctx, caseworker, case_id)
    assert case["decision"]["status"] == "appealed" and case["decision"]["final_on"] is None
    undone = next(e for e in case["life"]["events"] if e["kind"] == "finality_undone")
    assert undone["detail"]["was_final_on"] == "2026-03-17" and "art. 57 § 5" in undone["reason"]
    # A full grant is enforceable at once (art. 130 § 4 KPA): its months are not suspended.
    assert _schedule(ctx, case_id) == planned
    # Only one appeal may be recorded against a decision that is no longer final.
    with pytest.raises(Conflict):
        appeals.record_appeal(ctx, caseworker, case_id, {
            "channel": "post", "posted_on": "2026-03-16", "received_on": "2026-03-19"})

    with pytest.raises(Forbidden):
        sko.forward_appeal(ctx, caseworker, appeal["id"], {"action": "forward"})
    forwarded = sko.forward_appeal(ctx, supervisor, appeal["id"],
                                   {"action": "forward", "version": appeal["version"]})
    assert forwarded["forwarded_on"] == "2026-03-19"
    with pytest.raises(Conflict):   # a stale version
        sko.record_outcome(ctx, supervisor, appeal["id"], {
            "sko_outcome": "upheld", "sko_ruling_on": "2026-03-19", "version": appeal["version"]})
    sko.record_outcome(ctx, supervisor, appeal["id"], {
        "sko_outcome": "upheld", "sko_ruling_on": "2026-03-19", "sko_reference": "SKO 4101/1/26",
        "version": forwarded["version"]})
    decision = case_view.get_case(ctx, caseworker, case_id)["decision"]
    assert decision["status"] == "final" and decision["final_on"] == "2026-03-19"
    assert _schedule(ctx, case_id) == planned


def test_a_partial_grant_waits_and_an_appeal_after_finality_suspends_its_months(
    ctx: ServiceContext, clock: FakeClock, caseworker: Actor, supervisor: Actor
) -> None:
    actors = _actors(caseworker, supervisor)
    case_id = _to_window(ctx, actors, decision_kind="partial",
                         justification="Przyznano w części: wniosek dotyczył wyższej kwoty.")
    # Art. 10 § 1 KPA: the notice came before approval, and the party's silence is recorded.
    assert _events(ctx, case_id)[:2] == ["art10_notice", "party_no_comments"]
    # Art. 130 § 4 KPA: a partial grant waits for finality; nothing is scheduled at issue.
    assert _schedule(ctx, case_id) == []
    _at(clock, date(2026, 3, 17))
    timers.fire_due_timers(ctx)
    jobs.run_pending_inline(ctx)
    assert {s for _, _, s in _schedule(ctx, case_id)} == {"planned"}
    _at(clock, date(2026, 3, 18))
    appeals.record_appeal(ctx, caseworker, case_id, {
        "channel": "epuap", "posted_on": "2026-03-16", "received_on": "2026-03-18"})
    assert {s for _, _, s in _schedule(ctx, case_id)} == {"suspended"}


def test_a_partial_grant_with_rygor_is_paid_from_issue_and_an_appeal_suspends_nothing(
    ctx: ServiceContext, clock: FakeClock, caseworker: Actor, supervisor: Actor
) -> None:
    """Rygor natychmiastowej wykonalności (art. 108 KPA) makes even a partial grant enforceable
    at once: scheduled at issue, and a timely appeal does not suspend its months."""
    actors = _actors(caseworker, supervisor)
    case_id = _to_window(ctx, actors, decision_kind="partial",
                         justification="Przyznano w części: wniosek dotyczył wyższej kwoty.",
                         immediate_enforcement=True,
                         immediate_enforcement_reason="Strona jest bez środków do życia; zwłoka "
                                                      "naraziłaby ją na niepowetowaną szkodę.")
    assert {s for _, _, s in _schedule(ctx, case_id)} == {"planned"}
    _at(clock, date(2026, 3, 18))
    timers.fire_due_timers(ctx)
    appeals.record_appeal(ctx, caseworker, case_id, {
        "channel": "epuap", "posted_on": "2026-03-16", "received_on": "2026-03-18"})
    assert {s for _, _, s in _schedule(ctx, case_id)} == {"planned"}


def test_a_late_appeal_keeps_finality_and_the_sko_rules_on_restoration(
    ctx: ServiceContext, clock: FakeClock, caseworker: Actor, supervisor: Actor
) -> None:
    actors = _actors(caseworker, supervisor)
    case_id = _final_by_lapse(ctx, clock, actors)
    planned = _schedule(ctx, case_id)
    _at(clock, date(2026, 3, 20))
    appeal = appeals.record_appeal(ctx, caseworker, case_id, {
        "channel": "post", "posted_on": "2026-03-18", "received_on": "2026-03-20",
        "restoration_requested": True, "cause_ceased_on": "2026-03-17"})
    assert not appeal["timely"] and appeal["restoration_requested"]
    assert appeal["restoration_in_time"] is True
    case = case_view.get_case(ctx, caseworker, case_id)
    assert case["decision"]["status"] == "final" and case["decision"]["final_on"] == "2026-03-17"
    assert [e["kind"] for e in case["life"]["events"]] == ["appeal_late"]
    # Art. 134: the centre does not answer a late appeal with its own new decision.
    with pytest.raises(Conflict):
        sko.forward_appeal(ctx, supervisor, appeal["id"], {"action": "self_correct"})
    appeal = sko.forward_appeal(ctx, supervisor, appeal["id"], {"action": "forward"})
    # Without restoration the SKO can only declare the appeal late.
    with pytest.raises(ValidationFailed) as refused:
        sko.record_outcome(ctx, supervisor, appeal["id"], {
            "sko_outcome": "quashed_discontinued", "sko_ruling_on": "2026-03-20",
            "restoration_ruling": "refused"})
    assert refused.value.errors["sko_outcome"].code == "sko_late_only_inadmissible"
    sko.record_outcome(ctx, supervisor, appeal["id"], {
        "sko_outcome": "inadmissible_late", "sko_ruling_on": "2026-03-20",
        "restoration_ruling": "refused"})
    case = case_view.get_case(ctx, caseworker, case_id)
    assert case["decision"]["status"] == "final" and case["decision"]["final_on"] == "2026-03-17"
    assert case["life"]["appeals"][0]["restoration_ruling"] == "refused"
    assert _schedule(ctx, case_id) == planned


def test_restored_deadline_lets_the_sko_rule_on_the_merits(
    ctx: ServiceContext, clock: FakeClock, caseworker: Actor, supervisor: Actor
) -> None:
    actors = _actors(caseworker, supervisor)
    case_id = _final_by_lapse(ctx, clock, actors)
    _at(clock, date(2026, 3, 20))
    appeal = appeals.record_appeal(ctx, caseworker, case_id, {
        "channel": "post", "posted_on": "2026-03-18", "received_on": "2026-03-20",
        "restoration_requested": True, "cause_ceased_on": "2026-03-17"})
    appeal = sko.forward_appeal(ctx, supervisor, appeal["id"], {"action": "forward"})
    sko.record_outcome(ctx, supervisor, appeal["id"], {
        "sko_outcome": "quashed_discontinued", "sko_ruling_on": "2026-03-20",
        "restoration_ruling": "granted"})
    assert {s for _, _, s in _schedule(ctx, case_id)} == {"cancelled"}


# ------------------------------------------------------------------ the SKO's rulings
def _forwarded_in_window(ctx: ServiceContext, clock: FakeClock, actors: dict[str, Actor]
                         ) -> tuple[int, dict[str, Any]]:
    case_id = _to_window(ctx, actors)
    _at(clock, date(2026, 3, 11))
    complete_named(ctx, case_id, "appeal_window", actors["caseworker"], {
        "appeal_event": "appeal_filed", "appeal_event_on": "2026-03-11",
        "appeal_posted_on": "2026-03-10", "appeal_channel": "post"})
    task = next(t for t in ready_tasks(ctx, case_id) if t.name == "handle_appeal")
    assert task.due_on == date(2026, 3, 18), "forwarding within 7 days (art. 133 KPA)"
    complete_named(ctx, case_id, "handle_appeal", actors["supervisor"])
    jobs.run_pending_inline(ctx)
    case = case_view.get_case(ctx, actors["caseworker"], case_id)
    assert case["workflow"]["data"]["decision_outcome"] == "forwarded_to_sko"
    (appeal,) = case["life"]["appeals"]
    assert appeal["timely"] and appeal["forwarded_on"] == "2026-03-11"
    assert appeal["posted_on"] == "2026-03-10" and appeal["received_on"] == "2026-03-11"
    return case_id, appeal


def _ruling(outcome: str) -> dict[str, Any]:
    data: dict[str, Any] = {"sko_outcome": outcome, "sko_ruling_on": "2026-04-14",
                            "sko_reference": "SKO.4101.77.2026"}
    if outcome == "changed":
        data |= {"sko_kind": "grant", "sko_amount": "300.00", "sko_period_from": "2026-04-01",
                 "sko_period_to": "2026-05-31"}
    return data


@pytest.mark.parametrize("outcome", ["upheld", "changed", "quashed_discontinued", "returned"])
def test_each_sko_ruling_leads_where_the_kpa_says(
    ctx: ServiceContext, clock: FakeClock, caseworker: Actor, supervisor: Actor, outcome: str
) -> None:
    """The process forwarded the appeal and waits for the ruling in the supervisor's task."""
    actors = _actors(caseworker, supervisor)
    case_id, appeal = _forwarded_in_window(ctx, clock, actors)
    before = _schedule(ctx, case_id)   # a full grant: scheduled at issue (art. 130 § 4 KPA)
    assert [m for m, _, _ in before] == ["2026-03-01", "2026-04-01", "2026-05-01"]
    _at(clock, date(2026, 4, 15))
    data = _ruling(outcome)
    with pytest.raises(Conflict) as in_task:   # the case file points to the task
        sko.record_outcome(ctx, supervisor, appeal["id"], data)
    assert in_task.value.code == "sko_in_task"
    with pytest.raises(Forbidden):
        complete_named(ctx, case_id, "record_sko_outcome", caseworker, data)
    with pytest.raises(ValidationFailed):   # a ruling before the appeal was forwarded
        complete_named(ctx, case_id, "record_sko_outcome", supervisor,
                       data | {"sko_ruling_on": "2026-03-01"})
    complete_named(ctx, case_id, "record_sko_outcome", supervisor, data)
    jobs.run_pending_inline(ctx)
    case = case_view.get_case(ctx, caseworker, case_id)
    schedule = _schedule(ctx, case_id)
    old = [s for _, a, s in schedule[:3]]
    assert case["life"]["appeals"][0]["sko_outcome"] == outcome
    if outcome == "upheld":
        assert case["decision"]["status"] == "final" and case["decision"]["final_on"] == "2026-04-14"
        assert schedule == before and case["workflow"]["status"] == "completed"
    elif outcome == "changed":
        assert old == ["cancelled"] * 3
        assert schedule[3:] == [("2026-04-01", "300.00", "planned"), ("2026-05-01", "300.00", "planned")]
        assert case["decision"]["status"] == "final" and case["decision"]["amount"] == "300.00"
        assert case["workflow"]["data"]["decision_outcome"] == "final"
    elif outcome == "quashed_discontinued":
        assert schedule == [(m, a, "cancelled") for m, a, _ in before]
        assert case["decisions"][0]["status"] == "quashed"
        assert case["workflow"]["data"]["decision_outcome"] == "quashed"
    else:
        # Art. 138 § 2: back to a new decision in the centre, in the same case.
        assert old == ["cancelled"] * 3
        # (The art. 35 deadline counted from the application has passed meanwhile, so the
        # supervisor is also asked for a new date, art. 36.)
        assert "draft_decision" in [t["name"] for t in case["open_tasks"]]
        drive(ctx, case_id, actors)
        again = case_view.get_case(ctx, caseworker, case_id)
        assert len(again["decisions"]) == 2 and again["decisions"][0]["status"] == "quashed"
        new = again["decision"]
        assert new["status"] == "final" and new["approved_by"] and new["drafted_by"] != new["approved_by"]
        assert [s for _, _, s in _schedule(ctx, case_id)] == ["cancelled"] * 3 + ["planned"] * 3


@pytest.mark.parametrize("outcome", ["changed", "returned"])
def test_a_ruling_on_an_appeal_forwarded_from_the_case_file(
    ctx: ServiceContext, clock: FakeClock, caseworker: Actor, supervisor: Actor, outcome: str
) -> None:
    """After finality the process has ended: the ruling is recorded from the case file, and a
    returned case is decided again in a re-examination case."""
    actors = _actors(caseworker, supervisor)
    case_id = _final_by_lapse(ctx, clock, actors)
    _at(clock, date(2026, 3, 19))
    appeal = appeals.record_appeal(ctx, caseworker, case_id, {
        "channel": "post", "posted_on": "2026-03-16", "received_on": "2026-03-19"})
    appeal = sko.forward_appeal(ctx, supervisor, appeal["id"], {"action": "forward"})
    _at(clock, date(2026, 4, 15))
    appeal = sko.record_outcome(ctx, supervisor, appeal["id"], _ruling(outcome))
    schedule = _schedule(ctx, case_id)
    assert [s for _, _, s in schedule[:3]] == ["cancelled"] * 3
    if outcome == "changed":
        assert schedule[3:] == [("2026-04-01", "300.00", "planned"), ("2026-05-01", "300.00", "planned")]
        return
    follow_up = appeal["follow_up_case_id"]
    assert follow_up and case_view.get_case(ctx, caseworker, case_id)["changes"][0]["id"] == follow_up
    drive(ctx, follow_up, actors)
    again = case_view.get_case(ctx, caseworker, follow_up)
    assert again["decision"]["status"] == "final" and again["decision"]["approved_by"]
    assert [s for _, _, s in _schedule(ctx, follow_up)] == ["planned"] * 3
    with pytest.raises(Conflict):   # recorded once
        sko.record_outcome(ctx, supervisor, appeal["id"], _ruling(outcome))


def test_the_sko_ruling_needs_a_forwarded_appeal(
    ctx: ServiceContext, clock: FakeClock, caseworker: Actor, supervisor: Actor, client: Any
) -> None:
    actors = _actors(caseworker, supervisor)
    case_id = _final_by_lapse(ctx, clock, actors)
    _at(clock, date(2026, 3, 18))
    appeal = appeals.record_appeal(ctx, caseworker, case_id, {
        "channel": "in_person", "posted_on": "2026-03-16", "received_on": "2026-03-16"})
    with pytest.raises(Conflict) as refused:
        sko.record_outcome(ctx, supervisor, appeal["id"], {
            "sko_outcome": "upheld", "sko_ruling_on": "2026-03-18"})
    assert refused.value.code == "sko_not_forwarded"


# ------------------------------------------------------------------ changing and revoking
def _final_by_waiver(ctx: ServiceContext, actors: dict[str, Actor]) -> int:
    case_id = cases.open_case(ctx, actors["caseworker"], sample_application())
    drive(ctx, case_id, actors)
    assert case_view.get_case(ctx, actors["caseworker"], case_id)["decision"]["status"] == "final"
    return case_id


def test_a_change_and_a_revocation_replace_future_months_from_their_date(
    ctx: ServiceContext, clock: FakeClock, caseworker: Actor, supervisor: Actor
) -> None:
    actors = _actors(caseworker, supervisor)
    case_id = _final_by_waiver(ctx, actors)
    granted = _schedule(ctx, case_id)
    assert [m for m, _, _ in granted] == ["2026-03-01", "2026-04-01", "2026-05-01"]
    amount = granted[0][1]

    change_id = decision_changes.request_change(ctx, caseworker, case_id, {
        "kind": "change", "effective_from": "2026-04-01", "amount": "260.00",
        "reason": "Wzrost kosztów utrzymania.", "ground": "income_change"})
    # Nothing changes until the changing decision is final; a second one waits for it.
    assert _schedule(ctx, case_id) == granted
    with pytest.raises(Conflict):
        decision_changes.request_change(ctx, caseworker, case_id, {
            "kind": "revoke", "effective_from": "2026-05-01", "reason": "x",
            "ground": "employment"})
    drive(ctx, change_id, actors)   # drafted by the caseworker, approved by the supervisor
    change = case_view.get_case(ctx, caseworker, change_id)
    assert change["decision"]["amount"] == "260.00" and change["decision"]["status"] == "final"
    assert change["decision"]["drafted_by"] != change["decision"]["approved_by"]
    assert _schedule(ctx, case_id) == [("2026-03-01", amount, "planned"),
                                       ("2026-04-01", amount, "cancelled"),
                                       ("2026-05-01", amount, "cancelled")]
    assert [(m, s) for m, _, s in _schedule(ctx, change_id)] == [
        ("2026-04-01", "planned"), ("2026-05-01", "planned")]

    revocation_id = decision_changes.request_change(ctx, supervisor, case_id, {
        "kind": "revoke", "effective_from": "2026-05-01", "reason": "Podjęcie zatrudnienia.",
        "ground": "employment"})
    drive(ctx, revocation_id, actors)
    revocation = case_view.get_case(ctx, caseworker, revocation_id)
    assert revocation["decision"]["kind"] == "refusal"
    assert "Podjęcie zatrudnienia" in revocation["decision"]["justification"]
    # From its date nothing is paid, under the first decision or the change.
    assert _schedule(ctx, change_id)[-1] == ("2026-05-01", "260.00", "cancelled")
    assert _schedule(ctx, change_id)[0] == ("2026-04-01", "260.00", "planned")
    kinds = [e["kind"] for e in case_view.get_case(ctx, caseworker, case_id)["life"]["events"]]
    assert kinds == ["change_opened", "revocation_opened"]


def test_false_facts_are_refused_through_the_api(
    ctx: ServiceContext, clock: FakeClock, caseworker: Actor, supervisor: Actor, client: Any
) -> None:
    actors = _actors(caseworker, supervisor)
    case_id = _final_by_lapse(ctx, clock, actors)
    _at(clock, date(2026, 3, 19))
    tok = client.post("/api/auth/token", json={"username": "caseworker1", "password": "demo"}
                      ).get_json()["token"]
    sv = client.post("/api/auth/token", json={"username": "supervisor", "password": "demo"}
                     ).get_json()["token"]

    def post(path: str, body: Any, who: str = tok) -> Any:
        return client.post(path, json=body, headers={"Authorization": f"Bearer {who}"})

    cases_ = [
        ({"channel": "post", "posted_on": "2026-03-19", "received_on": "2026-03-18"}, "posted_on",
         "appeal_posted_after_receipt"),
        ({"channel": "post", "posted_on": "2026-03-01", "received_on": "2026-03-18"}, "posted_on",
         "appeal_posted_before_delivery"),
        ({"channel": "pigeon", "posted_on": "2026-03-16", "received_on": "2026-03-18"}, "channel",
         "choose_one"),
        ({"channel": "post", "posted_on": "16.03.2026", "received_on": "2026-03-18"}, "posted_on",
         "date_format"),
        ({"channel": "post", "posted_on": "2026-03-16", "received_on": "2026-04-18"}, "received_on",
         "date_in_future"),
    ]
    for body, field, code in cases_:
        res = post(f"/api/cases/{case_id}/appeals", body)
        assert res.status_code == 422, (body, res.get_json())
        assert res.get_json()["field_codes"][field]["code"] == code, body
    assert post(f"/api/cases/{case_id}/appeals", ["x"]).status_code == 422
    decision = case_view.get_case(ctx, caseworker, case_id)["decision"]
    assert decision["status"] == "final", "a refused appeal changes nothing"

    res = post(f"/api/cases/{case_id}/decision-changes", {
        "kind": "change", "effective_from": "2026-02-01", "amount": "200.00", "reason": "x"})
    assert res.status_code == 422 and "change_before_decision_start" in str(res.get_json())
    res = post(f"/api/cases/{case_id}/decision-changes", {
        "kind": "change", "effective_from": "2026-04-01", "amount": "-5", "reason": " "})
    assert res.status_code == 422 and {"amount", "reason"} <= set(res.get_json()["fields"])

    ok = post(f"/api/cases/{case_id}/appeals", {
        "channel": "post", "posted_on": "2026-03-16", "received_on": "2026-03-19"})
    assert ok.status_code == 201
    appeal_id = ok.get_json()["id"]
    res = post(f"/api/appeals/{appeal_id}/sko-outcome",
               {"sko_outcome": "upheld", "sko_ruling_on": "2026-03-19"}, sv)
    assert res.status_code == 409 and "sko_not_forwarded" in str(res.get_json())
    assert post(f"/api/appeals/{appeal_id}/forward", {"action": "forward"}).status_code == 403
    assert post("/api/appeals/999999/forward", {"action": "forward"}, sv).status_code == 404


def test_false_facts_are_refused_on_the_pages(
    ctx: ServiceContext, clock: FakeClock, caseworker: Actor, supervisor: Actor, client: Any
) -> None:
    actors = _actors(caseworker, supervisor)
    window_case = _to_window(ctx, actors)
    _at(clock, date(2026, 3, 11))
    login(client, "caseworker1")
    task = next(t for t in ready_tasks(ctx, window_case) if t.name == "appeal_window")
    res = client.post(f"/tasks/{task.id}", data={
        "version": str(task.version), "appeal_event": "appeal_filed",
        "appeal_event_on": "2026-03-10", "appeal_posted_on": "2026-03-11",
        "appeal_channel": "post"})
    html = res.get_data(as_text=True)
    assert res.status_code == 422 and "Data nadania nie może być późniejsza niż data wpływu" in html
    assert 'value="2026-03-11"' in html, "the input is kept"

    final_case = _final_by_waiver(ctx, actors)
    case_page = client.get(f"/cases/{final_case}").get_data(as_text=True)
    assert "Życie decyzji" in case_page and 'id="change-form"' in case_page
    res = client.post(f"/cases/{final_case}/decision-changes", data={
        "kind": "change", "effective_from": "2026-02-01", "amount": "200,00",
        "reason": "Zmiana sytuacji."})
    html = res.get_data(as_text=True)
    assert res.status_code == 422
    assert "Zmiana nie może obowiązywać przed początkiem okresu decyzji" in html
    assert "Zmiana sytuacji." in html, "the input is kept"
    res = client.post(f"/cases/{final_case}/appeals", data={
        "channel": "post", "posted_on": "2026-03-12",
        "received_on": "2026-03-11"})
    html = res.get_data(as_text=True)
    assert res.status_code == 422 and "Data nadania nie może być późniejsza" in html


def test_undone_finality_holds_while_the_review_chain_goes_on(
    ctx: ServiceContext, clock: FakeClock, caseworker: Actor, supervisor: Actor
) -> None:
    """A zasiłek stały's workflow still says "final" (its review follows); the record does not."""
    actors = _actors(caseworker, supervisor)
    app = sample_application(benefit="zasilek_staly")
    app["applicant"] = {**app["applicant"], "unable_to_work": True}
    case_id = cases.open_case(ctx, caseworker, app)
    drive(ctx, case_id, actors, until=lambda ts: any(t.name == "appeal_window" for t in ts))
    _at(clock, date(2026, 3, 17))
    timers.fire_due_timers(ctx)
    jobs.run_pending_inline(ctx)
    _at(clock, date(2026, 3, 18))
    appeals.record_appeal(ctx, caseworker, case_id, {
        "channel": "post", "posted_on": "2026-03-16", "received_on": "2026-03-18"})
    _at(clock, date(2026, 9, 20))
    assert timers.fire_due_timers(ctx) == 1        # the six-monthly review comes due
    complete_named(ctx, case_id, "interview_update", caseworker)
    case = case_view.get_case(ctx, caseworker, case_id)
    assert case["stage"] == "benefit_review"
    assert case["decision"]["status"] == "appealed" and case["decision"]["final_on"] is None


def test_the_sko_ruling_refused_on_the_page_keeps_the_input(
    ctx: ServiceContext, clock: FakeClock, caseworker: Actor, supervisor: Actor, client: Any
) -> None:
    actors = _actors(caseworker, supervisor)
    case_id = _final_by_lapse(ctx, clock, actors)
    _at(clock, date(2026, 3, 18))
    appeal = appeals.record_appeal(ctx, caseworker, case_id, {
        "channel": "post", "posted_on": "2026-03-16", "received_on": "2026-03-18"})
    login(client, "supervisor")
    page = client.get("/deadlines").get_data(as_text=True)
    assert 'id="appeals-to-forward"' in page and "2026" in page
    res = client.post(f"/appeals/{appeal['id']}/sko", data={
        "case_id": str(case_id), "sko_outcome": "upheld", "sko_ruling_on": "2026-03-18",
        "sko_reference": "SKO-99"})
    html = res.get_data(as_text=True)
    assert res.status_code == 409
    assert "tylko dla odwołania przekazanego do SKO" in html
    res = client.post(f"/appeals/{appeal['id']}/forward", data={
        "case_id": str(case_id), "action": "forward", "version": str(appeal["version"])})
    assert res.status_code == 302
    res = client.post(f"/appeals/{appeal['id']}/sko", data={
        "case_id": str(case_id), "sko_outcome": "changed", "sko_ruling_on": "2026-03-18",
        "sko_reference": "SKO-99", "sko_kind": "grant", "sko_amount": "abc"})
    html = res.get_data(as_text=True)
    assert res.status_code == 422 and "Podaj kwotę" in html and 'value="SKO-99"' in html
    case = client.get(f"/cases/{case_id}").get_data(as_text=True)
    assert "Życie decyzji" in case and "w terminie (art. 57 § 5 KPA)" in case
    assert "Ostateczność cofnięta" in case


def test_a_review_that_ends_the_benefit_stops_payments_only_by_a_revoking_decision(
    ctx: ServiceContext, clock: FakeClock, caseworker: Actor, supervisor: Actor
) -> None:
    actors = _actors(caseworker, supervisor)
    app = sample_application(benefit="zasilek_staly")
    app["applicant"] = {**app["applicant"], "unable_to_work": True}
    case_id = cases.open_case(ctx, caseworker, app)
    drive(ctx, case_id, actors)
    _at(clock, date(2026, 9, 20))
    # The grant is open-ended: each monthly run extends its schedule while the decision stands.
    payments.monthly_payment_run(ctx, date(2026, 9, 1))
    before = _schedule(ctx, case_id)
    assert len(before) > 6 and max(m for m, _, _ in before) == "2026-09-01"
    assert timers.fire_due_timers(ctx) == 1
    complete_named(ctx, case_id, "interview_update", caseworker,
                   canned(ctx, "interview_update", continue_benefit=False,
                          update_notes="Podjął pracę."))
    jobs.run_pending_inline(ctx)
    assert _schedule(ctx, case_id) == before, "the review stops nothing by itself"
    case = case_view.get_case(ctx, caseworker, case_id)
    (revocation,) = case["changes"]
    assert revocation["effective_from"] == "2026-10-01"
    finding = next(e for e in case["life"]["events"] if e["kind"] == "review_ends_benefit")
    assert finding["reason"] == "Podjął pracę."
    drive(ctx, revocation["id"], actors)
    # Later runs no longer extend the revoked grant; the months before the revocation stand.
    _at(clock, date(2026, 11, 20))
    payments.monthly_payment_run(ctx, date(2026, 10, 1))
    payments.monthly_payment_run(ctx, date(2026, 11, 1))
    after = _schedule(ctx, case_id)
    assert [row for row in after if row[0] < "2026-10-01"] == before
    assert {s for m, _, s in after if m >= "2026-10-01"} <= {"cancelled"}, after[6:]
    assert len(after) == len(before), "no month after the revocation is added"


def test_a_missed_decision_deadline_asks_the_supervisor_for_a_new_date(
    ctx: ServiceContext, clock: FakeClock, caseworker: Actor, supervisor: Actor
) -> None:
    case_id = cases.open_case(ctx, caseworker, sample_application())
    complete_named(ctx, case_id, "completeness_check", caseworker)
    complete_named(ctx, case_id, "conduct_interview", caseworker)
    jobs.run_pending_inline(ctx)
    _at(clock, date(2026, 4, 3))
    timers.fire_due_timers(ctx)
    task = next(t for t in ready_tasks(ctx, case_id) if t.name == "decision_deadline_escalation")
    assert task.role == "supervisor" and task.action == "art36_notice"
    with pytest.raises(ValidationFailed) as refused:
        complete_named(ctx, case_id, "decision_deadline_escalation", supervisor, {
            "new_decision_date": "2026-04-01", "delay_reason": "Brak zaświadczenia."})
    assert set(refused.value.errors) == {"new_decision_date"}
    complete_named(ctx, case_id, "decision_deadline_escalation", supervisor, {
        "new_decision_date": "2026-04-30", "delay_reason": "Brak zaświadczenia z ZUS."})
    case = case_view.get_case(ctx, caseworker, case_id)
    (notice,) = [e for e in case["life"]["events"] if e["kind"] == "art36_notice"]
    assert notice["detail"]["new_decision_date"] == "2026-04-30"
    assert notice["reason"] == "Brak zaświadczenia z ZUS."


def test_the_window_closes_at_midnight_and_a_late_appeal_goes_through_the_case_file(
    ctx: ServiceContext, clock: FakeClock, caseworker: Actor, supervisor: Actor
) -> None:
    """Even before the timer's tick, the window task is gone after its last day (409); the
    appeal is recorded from the case file, late (art. 134 KPA), and goes to the SKO."""
    actors = _actors(caseworker, supervisor)
    case_id = _to_window(ctx, actors)
    clock.set(datetime(2026, 3, 16, 23, 30, tzinfo=UTC))   # 17 March, 00:30 in Warsaw
    with pytest.raises(Conflict):
        complete_named(ctx, case_id, "appeal_window", caseworker, {
            "appeal_event": "appeal_filed", "appeal_event_on": "2026-03-17",
            "appeal_posted_on": "2026-03-17", "appeal_channel": "post"})
    timers.fire_due_timers(ctx)
    appeal = appeals.record_appeal(ctx, caseworker, case_id, {
        "channel": "post", "posted_on": "2026-03-17", "received_on": "2026-03-17"})
    assert not appeal["timely"] and appeal["deadline"] == "2026-03-16"
    appeal = sko.forward_appeal(ctx, supervisor, appeal["id"], {"action": "forward"})
    with pytest.raises(ValidationFailed):
        sko.record_outcome(ctx, supervisor, appeal["id"], {
            "sko_outcome": "upheld", "sko_ruling_on": "2026-03-17"})
    sko.record_outcome(ctx, supervisor, appeal["id"], {
        "sko_outcome": "inadmissible_late", "sko_ruling_on": "2026-03-17"})
    decision = case_view.get_case(ctx, caseworker, case_id)["decision"]
    assert decision["status"] == "final" and decision["final_on"] == "2026-03-17"


def test_an_appeal_forwarded_by_an_earlier_version_can_be_recorded_and_forwarded(
    ctx: ServiceContext, clock: FakeClock, caseworker: Actor, supervisor: Actor
) -> None:
    """A case appealed before appeals were recorded with their dates has a decision "appealed"
    and no appeal row: the case file records it (not as undoing finality) and forwards it."""
    actors = _actors(caseworker, supervisor)
    case_id, appeal = _forwarded_in_window(ctx, clock, actors)
    with ctx.uow() as uow:
        from app.persistence.models import Appeal
        uow.session.execute(Appeal.__table__.delete())
        uow.commit()
    recorded = appeals.record_appeal(ctx, caseworker, case_id, {
        "channel": "post", "posted_on": "2026-03-10", "received_on": "2026-03-11"})
    assert recorded["timely"] and not recorded["after_finality"]
    assert "finality_undone" not in _events(ctx, case_id)
    with pytest.raises(Conflict):   # once
        appeals.record_appeal(ctx, caseworker, case_id, {
            "channel": "post", "posted_on": "2026-03-10", "received_on": "2026-03-11"})
    forwarded = sko.forward_appeal(ctx, supervisor, recorded["id"], {"action": "forward"})
    assert forwarded["forwarded_on"] == "2026-03-11"
