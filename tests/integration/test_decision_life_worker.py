"""The issue's end-to-end path on a real Celery worker, over the REST API: an appeal in the
window, forwarded to the SKO; the SKO quashes the decision and returns the case (art. 138 §2 KPA);
the centre decides again in the same case (draft, four-eyes approval, issue, delivery, appeal
window) and the new decision is paid, while the old one no longer is."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from app.domain.deadlines import today_in_warsaw
from app.services.kernel.context import ServiceContext
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

    task = ready_task(client, sv, case_id, "record_sko_outcome", timeout=60)
    case = api(client, "GET", f"/api/cases/{case_id}", cw).get_json()
    assert case["workflow"]["data"]["decision_outcome"] == "forwarded_to_sko"
    assert len(case["schedule"]) == 3   # a full grant is scheduled at issue (art. 130 § 4 KPA)
    (appeal,) = case["life"]["appeals"]
    assert appeal["timely"] and appeal["forwarded_on"] == today and appeal["channel"] == "epuap"

    ruling = {"sko_outcome": "returned", "sko_ruling_on": today, "sko_reference": "SKO/1/26"}
    res = api(client, "POST", f"/api/tasks/{task['id']}/complete", cw,
              {"data": ruling, "version": task["version"]})
    assert res.status_code == 403, "only a supervisor records the SKO's ruling"
    res = api(client, "POST", f"/api/appeals/{appeal['id']}/sko-outcome", sv, ruling)
    assert res.status_code == 409 and res.get_json()["code"] == "sko_in_task"
    complete(sv, case_id, "record_sko_outcome", **ruling)
    case = api(client, "GET", f"/api/cases/{case_id}", cw).get_json()
    assert {s["status"] for s in case["schedule"]} == {"cancelled"}, "the old decision no longer pays"
    assert case["decisions"][0]["status"] == "quashed"

    # The centre decides again: a new draft, approved by another person, issued and delivered.
    decide(case_id)   # the party waives the appeal this time

    def paid() -> Any:
        again = api(client, "GET", f"/api/cases/{case_id}", cw).get_json()
        return again if again["workflow"]["status"] == "completed" else None

    again = wait_for(paid, 60)
    assert len(again["decisions"]) == 2
    new = again["decision"]
    assert new["status"] == "final" and new["drafted_by"] != new["approved_by"]
    planned = [s for s in again["schedule"] if s["status"] == "planned"]
    assert len(planned) == 3
    month = planned[0]["month"][:7]
    run = api(client, "POST", "/api/payments/run", sv, {"month": month})
    assert run.status_code == 200 and run.get_json()["created"] == 1
    again = api(client, "GET", f"/api/cases/{case_id}", cw).get_json()
    assert len(again["payments"]) == 1
    assert again["payments"][0]["amount"] == new["amount"]
