"""The decision document with a real Celery worker: issued in the worker; without the signer's
authorisation the job fails at once and the case is an incident until the retry after the fix."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select, update

from app.persistence.models import Job, SignerAuthorisation
from app.services.case_file import view as case_view
from app.services.cases import opening as cases
from app.services.kernel.context import Actor, ServiceContext
from app.services.workflow import incidents
from tests.drive import complete_named, drive, ready_tasks, sample_application

from .conftest import wait_for

pytestmark = [pytest.mark.timeout(240)]


def _pending_jobs(ctx: ServiceContext, case_id: int) -> int:
    with ctx.uow(readonly=True) as uow:
        return len(list(uow.session.scalars(select(Job.id).where(
            Job.case_id == case_id, Job.status == "pending"))))


class _Held:
    """A publisher that keeps what it is given (the jobs row is the outbox)."""

    def __init__(self) -> None:
        self.sent: list[tuple[str, tuple[Any, ...]]] = []

    def publish(self, name: str, *args: Any, countdown: float | None = None) -> None:
        self.sent.append((name, args))


def _to_approval(ctx: ServiceContext, case_id: int, actors: dict[str, Actor],
                 hold: _Held | None = None) -> None:
    """Drive the case through the worker to its approval; with ``hold``, the jobs the approval
    publishes are kept back (sent by the caller later)."""
    for _ in range(20):
        wait_for(lambda: _pending_jobs(ctx, case_id) == 0, timeout=60)
        drive(ctx, case_id, actors, run_jobs=False,
              until=lambda ts: any(t.name == "approve_decision" for t in ts))
        if any(t.name == "approve_decision" for t in ready_tasks(ctx, case_id)):
            real = ctx.publisher
            ctx.publisher = hold or real
            try:
                complete_named(ctx, case_id, "approve_decision", actors["supervisor"])
            finally:
                ctx.publisher = real
            return
    raise AssertionError("the case never reached the approval")


def test_the_worker_issues_the_pdf_and_a_missing_authorisation_is_an_incident(
    live_ctx: ServiceContext, caseworker: Actor, supervisor: Actor
) -> None:
    ctx = live_ctx
    actors = {"caseworker": caseworker, "supervisor": supervisor}
    ok = cases.open_case(ctx, caseworker, sample_application())
    _to_approval(ctx, ok, actors)
    docs: Any = wait_for(lambda: case_view.get_case(ctx, caseworker, ok)["documents"], timeout=60)
    assert docs[0]["kind"] == "decision"

    refused = cases.open_case(ctx, caseworker, sample_application(
        applicant={"pesel": "69052301118", "first_name": "Tomasz", "last_name": "Drugi",
                   "net_income": "300.00"}))
    held = _Held()
    _to_approval(ctx, refused, actors, hold=held)
    # The authorisation is revoked between the approval (which checks it) and the issue.
    with ctx.db.engine.begin() as conn:
        conn.execute(update(SignerAuthorisation).values(revoked_on="2025-01-01"))
    try:
        for name, args in held.sent:
            ctx.publisher.publish(name, *args)
        found: Any = wait_for(lambda: [i for i in incidents.list_incidents(ctx, supervisor)
                                       if i["case_id"] == refused], timeout=60)
        assert found[0]["reason"] == "job_failed" and "no authorisation" in found[0]["detail"]
        assert case_view.get_case(ctx, caseworker, refused)["documents"] == []
    finally:
        with ctx.db.engine.begin() as conn:
            conn.execute(update(SignerAuthorisation).values(revoked_on=None))
    assert incidents.retry(ctx, supervisor, found[0]["instance_id"])["resolved"]
    assert case_view.get_case(ctx, caseworker, refused)["documents"][0]["kind"] == "decision"
