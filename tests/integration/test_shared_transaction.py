"""One transaction per web request (kernel.context.SharedTransaction), with the durability of one
transaction per unit of work: what a unit of work committed stays committed, what it wrote and
did not commit, or wrote and then failed on, is gone; a nested unit of work is its own."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import func, select

from app.persistence.models import AuditEvent
from app.services.cases import opening as cases
from app.services.kernel import audit
from app.services.kernel.context import Actor, ServiceContext, shared_transaction
from tests.drive import sample_application
from tests.statements import count_statements
from tests.web.test_pages import login


def _count(ctx: ServiceContext, action: str) -> int:
    with ctx.uow(readonly=True) as uow:
        return int(uow.session.scalar(select(func.count()).where(AuditEvent.action == action)) or 0)


def _write(ctx: ServiceContext, action: str, commit: bool = True) -> None:
    with ctx.uow() as uow:
        audit.record(uow, action, None)
        uow.session.flush()
        if commit:
            uow.commit()


@pytest.fixture
def pg(ctx: ServiceContext) -> ServiceContext:
    if ctx.db.is_sqlite:
        pytest.skip("the shared transaction is PostgreSQL's (SQLite writers BEGIN IMMEDIATE)")
    return ctx


def test_reads_and_a_commit_share_one_transaction(pg: ServiceContext) -> None:
    with count_statements(pg.db.engine) as counted, shared_transaction(pg.db):
        _count(pg, "t.read")
        _count(pg, "t.read")
        _write(pg, "t.one")
        _count(pg, "t.read")
    assert counted.transactions == 2, str(counted)  # the last read begins the second
    assert _count(pg, "t.one") == 1


def test_a_commit_survives_a_later_failure(pg: ServiceContext) -> None:
    with shared_transaction(pg.db):
        _write(pg, "t.kept")
        with pytest.raises(RuntimeError), pg.uow() as uow:
            audit.record(uow, "t.failed", None)
            uow.session.flush()
            raise RuntimeError("the step failed")
        assert _count(pg, "t.failed") == 0
        _write(pg, "t.after")
    assert (_count(pg, "t.kept"), _count(pg, "t.failed"), _count(pg, "t.after")) == (1, 0, 1)


def test_writes_left_uncommitted_are_rolled_back_not_carried_into_the_next_commit(
    pg: ServiceContext,
) -> None:
    with shared_transaction(pg.db):
        _write(pg, "t.dry_run", commit=False)
        _write(pg, "t.real")
    assert (_count(pg, "t.dry_run"), _count(pg, "t.real")) == (0, 1)


def test_a_nested_unit_of_work_is_its_own_transaction(pg: ServiceContext) -> None:
    with shared_transaction(pg.db), pytest.raises(RuntimeError), pg.uow() as outer:
        audit.record(outer, "t.outer", None)
        outer.session.flush()
        _write(pg, "t.incident")  # committed beside the failing outer
        raise RuntimeError("the step failed")
    assert (_count(pg, "t.outer"), _count(pg, "t.incident")) == (0, 1)


def test_a_page_request_is_one_transaction_and_its_audited_read_is_kept(
    client: Any, pg: ServiceContext, caseworker: Actor
) -> None:
    case_id = cases.open_case(pg, caseworker, sample_application())
    login(client, "caseworker1")
    client.get("/")
    with count_statements(pg.db.engine) as counted:
        assert client.get("/").status_code == 200
    assert counted.transactions == 1, str(counted)
    assert counted.statements <= 3, str(counted)  # the user, the tasks, the staff: one each
    with pg.uow(readonly=True) as uow:
        before = int(uow.session.scalar(select(func.max(AuditEvent.id))) or 0)
    with count_statements(pg.db.engine) as counted:
        assert client.get(f"/cases/{case_id}").status_code == 200
    assert counted.transactions == 1, str(counted)
    with pg.uow(readonly=True) as uow:
        read = uow.session.execute(select(AuditEvent.case_id, AuditEvent.user_id)
                                   .where(AuditEvent.id > before)).all()
    assert [tuple(r) for r in read] == [(case_id, caseworker.id)]
