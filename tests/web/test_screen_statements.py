"""What a screen costs the database (issue 14, part 4: "each screen loads what it shows in one
pass"). Measured on main before the change: opening the decision-draft task page 44 statements;
submitting the draft 3 transactions and 27 statements; a 422 on the same form 5 transactions and
47 statements, including an audited full case-file read just to re-render the form. (This counter,
which counts the signed-in user's load too, measured 42, 26 and 44 on the same tree.) After the
first pass: 16, 19 and 19 statements, the 422 in 5 transactions. With the task page read in one
transaction (the task with its definition in one statement, then the case in brief), the draft's
case kept for its completion: the page 13 statements in 2 transactions, the submit 17 in 3, and a
422 15 in 4 (the user, the form, the refused completion, the page). The refusal's duty to answer
the party's comments (art. 107 § 3 KPA) reads the party's hearing once more: the submit 18, the
422 16. The header's centre name is read once per process every 30 s (app/web/ui/centre.py), not
per page: the page test reads it before counting, as a running process has."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import func, select

from app.persistence.models import AuditEvent
from app.services.cases import opening as cases
from app.services.kernel.context import Actor, ServiceContext
from app.services.workflow import worklist
from app.web.ui.centre import centre_name
from tests.drive import sample_application
from tests.integration.test_documents import _until_draft
from tests.statements import count_statements
from tests.web.test_pages import login, task_id

pytestmark = [pytest.mark.timeout(180), pytest.mark.embedded]


def _draft_task(ctx: ServiceContext, caseworker: Actor, supervisor: Actor) -> tuple[int, dict[str, Any]]:
    case_id = cases.open_case(ctx, caseworker, sample_application())
    initial = _until_draft(ctx, case_id, {"caseworker": caseworker, "supervisor": supervisor})
    return task_id(ctx, case_id, "draft_decision"), initial


def _case_reads(ctx: ServiceContext) -> int:
    with ctx.uow(readonly=True) as uow:
        return int(uow.session.scalar(
            select(func.count()).select_from(AuditEvent).where(AuditEvent.action == "case.read")) or 0)


def _form(initial: dict[str, Any], version: int, **extra: str) -> dict[str, str]:
    form = {k: str(v) for k, v in initial.items() if v is not None and not isinstance(v, bool)}
    return {**form, "version": str(version), **extra}


def test_opening_the_draft_task_page_reads_in_one_pass(
    client: Any, ctx: ServiceContext, caseworker: Actor, supervisor: Actor
) -> None:
    tid, _initial = _draft_task(ctx, caseworker, supervisor)
    login(client, "caseworker1")
    centre_name(client.application)  # kept per process (see the module's note)
    with count_statements(ctx.db.engine) as counted:
        res = client.get(f"/tasks/{tid}")
    assert res.status_code == 200
    assert counted.statements <= 14, str(counted)  # 42 before, then 16, 13 (+1: art. 11 ust. 2)
    assert counted.transactions <= 2, str(counted)  # 3 before


def test_submitting_the_draft_costs_fewer_statements(
    client: Any, ctx: ServiceContext, caseworker: Actor, supervisor: Actor
) -> None:
    tid, initial = _draft_task(ctx, caseworker, supervisor)
    version = worklist.get_task(ctx, caseworker, tid)["version"]
    login(client, "caseworker1")
    with count_statements(ctx.db.engine) as counted:
        res = client.post(f"/tasks/{tid}", data=_form(initial, version))
    assert res.status_code == 302, res.get_data(as_text=True)[:2000]
    assert counted.statements <= 18, str(counted)  # 26 before, then 19, 17 (+1: the hearing)
    assert counted.transactions <= 3, str(counted)


def test_a_refused_draft_form_writes_no_case_read_and_costs_fewer_statements(
    client: Any, ctx: ServiceContext, caseworker: Actor, supervisor: Actor
) -> None:
    tid, initial = _draft_task(ctx, caseworker, supervisor)
    version = worklist.get_task(ctx, caseworker, tid)["version"]
    login(client, "caseworker1")
    before = _case_reads(ctx)
    with count_statements(ctx.db.engine) as counted:
        res = client.post(f"/tasks/{tid}", data=_form(initial, version, amount="-100"))
    assert res.status_code == 422
    assert _case_reads(ctx) == before  # no audited case-file read to re-render a form
    assert counted.statements <= 17, str(counted)  # 44 before, 19, 15, +1 the hearing, +1 art. 11
    assert counted.transactions <= 4, str(counted)  # 5 before


def test_the_case_list_costs_the_same_for_two_cases_as_for_five(
    client: Any, ctx: ServiceContext, caseworker: Actor
) -> None:
    """Each row's applicant comes with the list (one query for the members), not one per row."""
    login(client, "caseworker1")
    costs = []
    for count in (2, 5):
        while len(cases_listed := client.get("/api/cases").get_json()) < count:
            cases.open_case(ctx, caseworker, sample_application())
        assert len(cases_listed) <= count
        with count_statements(ctx.db.engine) as counted:
            assert client.get("/cases").status_code == 200
        costs.append(counted.statements)
    assert costs[0] == costs[1], costs
