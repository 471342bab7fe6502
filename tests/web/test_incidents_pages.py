"""Incidents in the API, on the supervisor's Terminy page and on the admin page (no personal data),
and moving a stuck case to a fixed version through the API and the admin page."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from app.persistence.models import ProcessInstance
from app.services.cases import opening as cases
from app.services.kernel.context import Actor, ServiceContext
from tests.drive import ready_tasks, sample_application
from tests.integration.test_incidents import install, shipped, without_start_flow
from tests.web.test_api_roles import token
from tests.web.test_pages import login


def api(client: Any, method: str, path: str, user: str, body: dict[str, Any] | None = None) -> Any:
    return client.open(path, method=method, json=body,
                       headers={"Authorization": f"Bearer {token(client, user)}"})


def test_a_stuck_case_is_listed_and_moved_through_the_api_and_the_pages(
    client: Any, ctx: ServiceContext, caseworker: Actor, restore_active: None
) -> None:
    sources, forms = shipped(ctx)
    broken = install(ctx, without_start_flow(sources), forms, "start leads nowhere")
    case_id = cases.open_case(ctx, caseworker, sample_application())
    with ctx.uow(readonly=True) as uow:
        instance_id = uow.session.scalar(
            select(ProcessInstance.id).where(ProcessInstance.case_id == case_id))
    listed = api(client, "GET", "/api/incidents", "supervisor").get_json()
    assert [(i["case_id"], i["element_id"], i["reason"]) for i in listed] == \
        [(case_id, "start_intake", "stuck")]
    number = listed[0]["case_number"]
    assert api(client, "GET", "/api/incidents", "admin").get_json() == listed
    assert api(client, "GET", "/api/incidents", "caseworker1").status_code == 403

    login(client, "supervisor")
    page = client.get("/deadlines").get_data(as_text=True)
    assert number in page and "start_intake" in page and f"/cases/{case_id}" in page
    assert f"/incidents/{instance_id}/retry" in page
    client.post("/logout")

    login(client, "admin")
    page = client.get("/admin/incidents").get_data(as_text=True)
    assert number in page and "start_intake" in page and "Wniosek wpłynął" in page
    for personal in ("Testowy", "75011501233", "300.00", "Testowa 1",
                     "PL61109010140000071219812874", f"/cases/{case_id}"):
        assert personal not in page, personal

    fixed = install(ctx, sources, forms, "fixed")
    plan = api(client, "POST", "/api/instances/migrate", "admin",
               {"from_version": broken, "to_version": fixed, "element_id": "start_intake",
                "dry_run": True})
    assert plan.status_code == 200, plan.get_json()
    (row,) = plan.get_json()["instances"]
    assert row["outcome"] == "would_migrate"
    assert [t["element_id"] for t in row["target_tasks"]] == ["completeness_check"]
    assert api(client, "POST", "/api/instances/migrate", "supervisor",
               {"from_version": broken, "to_version": fixed}).status_code == 403
    bad = api(client, "POST", "/api/instances/migrate", "admin",
              {"from_version": fixed, "to_version": broken, "dry_run": True})
    assert bad.status_code == 422 and "to_version" in bad.get_json()["fields"]

    shown = client.post("/admin/instances/migrate", data={
        "from_version": broken, "to_version": fixed, "element_id": "start_intake",
        "action": "dry_run"}).get_data(as_text=True)
    assert 'data-outcome="would_migrate"' in shown and "completeness_check" in shown
    assert ready_tasks(ctx, case_id) == []
    done = client.post("/admin/instances/migrate", data={
        "from_version": broken, "to_version": fixed, "element_id": "start_intake",
        "action": "apply"}).get_data(as_text=True)
    assert 'data-outcome="migrated"' in done
    assert [t.name for t in ready_tasks(ctx, case_id)] == ["completeness_check"]
    assert api(client, "GET", "/api/incidents", "admin").get_json() == []
    again = api(client, "POST", f"/api/incidents/{instance_id}/retry", "supervisor")
    assert again.status_code == 409
