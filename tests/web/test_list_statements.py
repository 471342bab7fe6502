"""Issue 18: no list page reads one row at a time (N+1). Each list page is counted with a few
rows and with more; the count must not grow with the rows (the header's centre name is read
before counting, so a page costs only its own reads)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

from app.services.cases import opening as cases
from app.services.kernel.context import Actor, ServiceContext
from app.services.payments import lists
from app.services.payments import run as payment_run
from tests.drive import sample_application
from tests.payment_data import grant
from tests.social_work_data import family_with_case, open_record
from tests.statements import count_statements
from tests.web.test_pages import login

pytestmark = [pytest.mark.timeout(300)]


def _cost(client: Any, ctx: ServiceContext, path: str) -> int:
    assert client.get(path).status_code == 200  # warm: the header's centre name
    with count_statements(ctx.db.engine) as counted:
        assert client.get(path).status_code == 200
    return counted.statements


def _costs_flat(client: Any, ctx: ServiceContext, paths: tuple[str, ...],
                add: Callable[[], None]) -> None:
    few = {p: _cost(client, ctx, p) for p in paths}
    for _ in range(3):
        add()
    more = {p: _cost(client, ctx, p) for p in paths}
    assert few == more, f"statements grow with the rows: {few} -> {more}"


def test_the_task_and_case_lists_cost_the_same_for_more_cases(
    client: Any, ctx: ServiceContext, caseworker: Actor
) -> None:
    def add() -> None:
        cases.open_case(ctx, caseworker, sample_application())

    add()
    login(client, "supervisor")
    _costs_flat(client, ctx, ("/", "/team", "/deadlines", "/cases", "/changes", "/api/tasks",
                              "/api/cases"), add)
    assert len(client.get("/api/cases").get_json()) == 4  # the rows did grow


def test_the_payment_lists_cost_the_same_for_more_payees(
    client: Any, ctx: ServiceContext, supervisor: Actor
) -> None:
    months = iter(range(1, 5))

    def add() -> None:
        grant(ctx, period_from=date(2026, 1, 1))
        payment_run.monthly_payment_run(ctx, date(2026, next(months), 1), supervisor)

    add()
    login(client, "supervisor")
    _costs_flat(client, ctx, ("/payments",), add)
    assert len(lists.list_payment_lists(ctx, supervisor)) == 4  # the rows did grow


def test_the_social_work_list_costs_the_same_for_more_records(
    client: Any, ctx: ServiceContext, caseworker: Actor
) -> None:
    def add() -> None:
        _case_id, person_id, child = family_with_case(ctx)
        open_record(ctx, caseworker, person_id, child)

    add()
    login(client, "caseworker1")
    _costs_flat(client, ctx, ("/social-work", "/debtors", "/provision"), add)
    assert client.get("/social-work").get_data(as_text=True).count("/social-work/") >= 4
