"""Background work on a real Celery worker process (not eager): the lifecycle over the REST API,
and a worker killed with SIGKILL in the middle of a job."""

from __future__ import annotations

import os
import signal
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from app.persistence.models import EligibilityResult, HumanTask, Job
from app.services.cases import opening as cases
from app.services.kernel.context import Actor, ServiceContext
from app.services.kernel.publisher import CeleryPublisher
from tests.drive import canned, sample_application

from .conftest import purge_broker, start_worker, stop_worker, wait_for


def api(client: Any, method: str, path: str, tok: str, body: Any = None) -> Any:
    res = client.open(path, method=method, json=body, headers={"Authorization": f"Bearer {tok}"})
    return res


def login(client: Any, username: str) -> str:
    return str(client.post("/api/auth/token", json={"username": username, "password": "demo"})
               .get_json()["token"])


def ready_task(client: Any, tok: str, case_id: int, name: str, timeout: float = 30) -> dict[str, Any]:
    """Wait until the case offers task `name` (jobs run in the worker meanwhile)."""
    def find() -> dict[str, Any] | None:
        case = api(client, "GET", f"/api/cases/{case_id}", tok).get_json()
        return next((t for t in case["open_tasks"] if t["name"] == name), None)

    return wait_for(find, timeout)  # type: ignore[no-any-return]


@pytest.mark.embedded
def test_lifecycle_over_api_with_real_worker(live_ctx: ServiceContext, client: Any, clock: Any) -> None:
    clock.set(datetime.now(UTC))  # the worker runs on the real clock
    cw, sv = login(client, "caseworker1"), login(client, "supervisor")
    res = api(client, "POST", "/api/cases", cw, sample_application())
    assert res.status_code == 201, res.get_json()
    case = res.get_json()
    assert case["number"].startswith("POM/") and case["stage"] == "intake"
    case_id = case["id"]

    def complete(tok: str, name: str, **overrides: Any) -> dict[str, Any]:
        task = ready_task(client, tok, case_id, name)
        detail = api(client, "GET", f"/api/tasks/{task['id']}", tok).get_json()
        assert detail["schema"]["type"] == "object"
        # As a client would: the values the form opens with (the draft's lawful amount and
        # period), then what the user enters.
        data = {**canned(live_ctx, name), **(detail["context"].get("initial") or {}), **overrides}
        res = api(client, "POST", f"/api/tasks/{task['id']}/complete", tok,
                  {"data": data, "version": detail["version"]})
        assert res.status_code == 200, res.get_json()
        return res.get_json()  # type: ignore[no-any-return]

    complete(cw, "completeness_check")
    complete(cw, "conduct_interview")
    # The eligibility service task runs in the worker; the draft appears when it is done.
    complete(cw, "draft_decision")
    approve = ready_task(client, sv, case_id, "approve_decision")
    res = api(client, "POST", f"/api/tasks/{approve['id']}/complete", cw,
              {"data": canned(live_ctx, "approve_decision"), "version": approve["version"]})
    assert res.status_code == 403, "a caseworker cannot approve"
    complete(sv, "approve_decision")
    complete(cw, "record_delivery")
    task = ready_task(client, cw, case_id, "appeal_window")
    tok = sv if task["role"] == "supervisor" else cw
    complete(tok, "appeal_window")  # waiver of appeal (art. 127a KPA): final at once

    def scheduled() -> Any:
        # Eligibility, the document, the schedule at issue (a full grant, art. 130 § 4 KPA) and
        # once final: four jobs, each done once, in the worker.
        c = api(client, "GET", f"/api/cases/{case_id}", cw).get_json()
        done = [h["action"] for h in c["history"]].count("job.done")
        return c if c["schedule"] and done >= 4 else None

    final = wait_for(scheduled, 30)
    assert final["decision"]["status"] == "final"
    assert final["eligibility"]["explanation"]
    month = final["schedule"][0]["month"][:7]
    run = api(client, "POST", "/api/payments/run", sv, {"month": month})
    assert run.status_code == 200 and run.get_json()["created"] == 1
    again = api(client, "POST", "/api/payments/run", sv, {"month": month})
    assert again.get_json()["created"] == 0
    final = api(client, "GET", f"/api/cases/{case_id}", cw).get_json()
    assert len(final["payments"]) == 1
    # No job ran twice (and no month is scheduled twice).
    assert [h["action"] for h in final["history"]].count("job.done") == 4
    assert len({s["month"] for s in final["schedule"]}) == len(final["schedule"])


def test_stale_and_invalid_completes_over_api(live_ctx: ServiceContext, client: Any, clock: Any) -> None:
    clock.set(datetime.now(UTC))
    cw = login(client, "caseworker1")
    case_id = api(client, "POST", "/api/cases", cw, sample_application()).get_json()["id"]
    task = ready_task(client, cw, case_id, "completeness_check")
    bad = api(client, "POST", f"/api/tasks/{task['id']}/complete", cw,
              {"data": {"complete": "maybe"}, "version": task["version"]})
    assert bad.status_code == 422 and "complete" in bad.get_json()["fields"]
    stale = api(client, "POST", f"/api/tasks/{task['id']}/complete", cw,
                {"data": canned(live_ctx, "completeness_check"), "version": task["version"] + 7})
    assert stale.status_code == 409 and stale.get_json()["error"]
    garbage = client.post(f"/api/tasks/{task['id']}/complete", data="{not json",
                          headers={"Authorization": f"Bearer {cw}", "Content-Type": "application/json"})
    assert garbage.status_code == 422


def _unacked(cfg: dict[str, Any]) -> int:
    import redis

    return int(redis.Redis.from_url(cfg["CELERY_BROKER_URL"]).hlen("unacked"))


@pytest.mark.skipif(os.environ.get("POMOC_TEST_DB") == "sqlite",
                    reason="redelivery after a killed worker is tested on the production broker (Redis)")
def test_worker_killed_mid_job_completes_exactly_once(
    ctx: ServiceContext, test_config: dict[str, Any], instance_dir: Path, clock: Any,
    caseworker: Actor, real_worker: Any,
) -> None:
    clock.set(datetime.now(UTC))
    # Stop the session worker so the slow one below receives the job.
    real_worker.stop()
    purge_broker(test_config)
    others = CeleryPublisher(test_config).celery.control.ping(timeout=1.0)
    assert not others, f"another worker would take the job: {others}"
    slow = start_worker(test_config, instance_dir, "slow", POMOC_JOB_TEST_DELAY="6")
    ctx.publisher = CeleryPublisher(test_config)
    try:
        case_id = cases.open_case(ctx, caseworker, sample_application())
        from tests.drive import complete_named

        complete_named(ctx, case_id, "completeness_check", caseworker)
        complete_named(ctx, case_id, "conduct_interview", caseworker)  # publishes the eligibility job
        wait_for(lambda: _unacked(test_config) > 0, 30)  # the worker has taken the message
        time.sleep(1.5)  # ... and is inside the job (it sleeps 6 s before committing)
        os.killpg(slow.pid, signal.SIGKILL)
        slow.wait()
        with ctx.uow() as uow:
            job = uow.session.scalars(select(Job)).one()
            assert job.status == "pending", "nothing of the killed attempt was committed"
    finally:
        stop_worker(slow, signal.SIGKILL)
    fresh = start_worker(test_config, instance_dir, "fresh")
    try:
        def done() -> bool:
            with ctx.uow() as uow:
                return uow.session.scalars(select(Job.status)).one() == "done"

        wait_for(done, 60)  # redelivered after the visibility timeout
        time.sleep(2)  # give a duplicate delivery the chance to show itself
        with ctx.uow() as uow:
            job = uow.session.scalars(select(Job)).one()
            assert job.attempts == 1
            assert uow.session.scalar(select(func.count(EligibilityResult.id))) == 1
            drafts = uow.session.scalars(
                select(HumanTask).where(HumanTask.name == "draft_decision")).all()
            assert len(drafts) == 1
    finally:
        stop_worker(fresh)
        real_worker.start()
