"""A broker outage never turns committed work into an error: the answer says the background
work is delayed, and the sweep sends it once the broker is back (within its 20 s)."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select

from app.persistence.models import Job
from app.services.cases import opening as cases
from app.services.kernel.context import Actor, ServiceContext
from app.services.workflow import jobs, worklist
from tests.conftest import FakeClock
from tests.drive import canned, ready_tasks, sample_application

pytestmark = pytest.mark.embedded


class DownBroker:
    """A publisher whose broker is unreachable (as kombu raises when Redis is stopped)."""

    def __init__(self) -> None:
        self.sent: list[tuple[str, tuple[Any, ...]]] = []
        self.down = True

    def publish(self, name: str, *args: Any, countdown: float | None = None) -> None:
        if self.down:
            raise ConnectionRefusedError("broker unreachable")
        self.sent.append((name, args))


def test_a_completion_committed_while_the_broker_is_down_answers_200_and_is_delivered_later(
    ctx: ServiceContext, clock: FakeClock, caseworker: Actor
) -> None:
    broker = DownBroker()
    case_id = cases.open_case(ctx, caseworker, sample_application())
    ctx.publisher = broker
    for name in ("completeness_check", "conduct_interview"):
        ht = next(t for t in ready_tasks(ctx, case_id) if t.name == name)
        data = {**canned(ctx, name), **(worklist.get_task(ctx, caseworker, ht.id)["context"]
                                        .get("initial") or {})}
        result = worklist.complete(ctx, caseworker, ht.id, data, ht.version)
    assert result["status"] == "completed"
    assert result["jobs_delayed"] == 1, "the eligibility job waits for the broker"
    with ctx.uow(readonly=True) as uow:
        pending = uow.session.scalars(select(Job.id).where(Job.case_id == case_id,
                                                           Job.status == "pending")).all()
    assert len(pending) == 1

    # The broker is back; a sweep before the job is 20 s old leaves it, the next one sends it.
    broker.down = False
    assert jobs.republish_stale(ctx) == 0
    clock.advance(seconds=21)
    assert jobs.republish_stale(ctx) == 1
    assert broker.sent == [(jobs.RUN_JOB, (pending[0],))]


def test_the_api_answers_200_not_nothing_was_saved_while_the_broker_is_down(
    client: Any, ctx: ServiceContext, caseworker: Actor
) -> None:
    case_id = cases.open_case(ctx, caseworker, sample_application())
    ctx.publisher = DownBroker()
    token = client.post("/api/auth/token", json={"username": "caseworker1", "password": "demo"})
    auth = {"Authorization": f"Bearer {token.get_json()['token']}"}
    ht = next(t for t in ready_tasks(ctx, case_id) if t.name == "completeness_check")
    client.post(f"/api/tasks/{ht.id}/complete", headers=auth,
                json={"data": canned(ctx, "completeness_check"), "version": ht.version})
    ht = next(t for t in ready_tasks(ctx, case_id) if t.name == "conduct_interview")
    data = {**canned(ctx, "conduct_interview"),
            **(worklist.get_task(ctx, caseworker, ht.id)["context"].get("initial") or {})}
    res = client.post(f"/api/tasks/{ht.id}/complete", headers=auth,
                      json={"data": data, "version": ht.version})
    assert res.status_code == 200, res.get_json()
    assert res.get_json()["jobs_delayed"] == 1
    again = client.post(f"/api/tasks/{ht.id}/complete", headers=auth,
                        json={"data": data, "version": ht.version})
    assert again.status_code == 409, "a retry of a committed completion is a conflict, as it should"
