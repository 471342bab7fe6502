"""The issue's end-to-end path on a real Celery worker, over the REST API: an appeal in the
window, forwarded to the SKO; the SKO quashes the decision and returns the case (art. 138 §2 KPA);
the centre decides again (draft, four-eyes approval, issue, delivery, appeal window) and the new
decision is paid, while the old one no longer is."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from app.domain.deadlines import today_in_warsaw
from app.services.context import ServiceContext
from tests.drive import canned, sample_application

from .conftest import wait_for
from .test_worker import api, login, ready_task

pytestmark = [pytest.mark.timeout(240), pytest.mark.embedded]


def test_appeal_then_sko_returns_then_a_new_decision_is_paid(
    live_ctx: ServiceContext, client: Any, clock: Any
) -> None:
    clock.set(datetime.now(UTC))  # the worker runs on the real clock
    today = today_in_warsaw(live_ctx.now()).isoformat()
    cw, sv = login(client, "caseworker1"), login(client, "supervisor")
    case_id = api(client, "POST", "/api/cases", cw, sample_application()).get_json()["id"]

    def complete(tok: str, case: int, name: str, **overrides: Any) -> None:
        task = ready_task(client, tok, case, name, timeout=60)
        detail = api(client, "GET", f"/api/tasks/{task['id']}", tok).get_json()
        data = {**canned(live_ctx, name), **(detail["context"].get("initial") or {}), **overrides}
        res = api(client, "POST", f"/api/tasks/{task['id']}/complete", tok,
                  {"data": data, "version": detail["version"]})
        assert res.status_code == 200, (name, res.get_json())

    def decide(case: int, **window: Any) -> None:
        complete(cw, case, "draft_decision")
        complete(sv, case, "approve_decision")
        complete(cw, case, "record_delivery")
        complete(cw, case, "appeal_window", **window)

    complete(cw, case_id, "completeness_check")
    complete(cw, case_id, "conduct_interview")
    decide(case_id, appeal_event="appeal_filed", appeal_event_on=today, appeal_posted_on=today,
           appeal_channel="epuap")
    complete(sv, case_id, "handle_appeal", appeal_action="forward_to_sko")

    def forwarded() -> Any:
        case = api(client, "GET", f"/api/cases/{case_id}", cw).get_json()
        done = case["workflow"]["status"] == "completed" and case["life"]["appeals"]
        return case if done and len(case["schedule"]) == 3 else None

    case = wait_for(forwarded, 60)   # a full grant is scheduled at issue (art. 130 § 4 KPA)
    assert case["workflow"]["data"]["decision_outcome"] == "forwarded_to_sko"
    (appeal,) = case["life"]["appeals"]
    assert appeal["timely"] and appeal["forwarded_on"] == today and appeal["channel"] == "epuap"

    res = api(client, "POST", f"/api/appeals/{appeal['id']}/sko-outcome", cw,
              {"sko_outcome": "returned", "sko_ruling_on": today})
    assert res.status_code == 403, "only a supervisor records the SKO's ruling"
    res = api(client, "POST", f"/api/appeals/{appeal['id']}/sko-outcome", sv,
              {"sko_outcome": "returned", "sko_ruling_on": today, "sko_reference": "SKO/1/26",
               "version": appeal["version"]})
    assert res.status_code == 200, res.get_json()
    follow_up = res.get_json()["follow_up_case_id"]
    case = api(client, "GET", f"/api/cases/{case_id}", cw).get_json()
    assert {s["status"] for s in case["schedule"]} == {"cancelled"}, "the old decision no longer pays"
    assert case["decision"]["status"] == "quashed"

    # The centre decides again: a new draft, approved by another person, issued and delivered.
    decide(follow_up)   # the party waives the appeal this time

    def paid() -> Any:
        again = api(client, "GET", f"/api/cases/{follow_up}", cw).get_json()
        return again if again["workflow"]["status"] == "completed" else None

    again = wait_for(paid, 60)
    assert again["kind"] == "change" and again["parent"]["id"] == case_id
    assert again["decision"]["status"] == "final"
    assert again["decision"]["drafted_by"] != again["decision"]["approved_by"]
    assert [s["status"] for s in again["schedule"]] == ["planned"] * 3
    month = again["schedule"][0]["month"][:7]
    run = api(client, "POST", "/api/payments/run", sv, {"month": month})
    assert run.status_code == 200 and run.get_json()["created"] == 1
    again = api(client, "GET", f"/api/cases/{follow_up}", cw).get_json()
    assert len(again["payments"]) == 1
    assert api(client, "GET", f"/api/cases/{case_id}", cw).get_json()["payments"] == []
