"""Issue 15 part 8: the migration dry run on the admin page says what becomes of each task and
each boundary timer of a case (Debian chromium)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest

from app.services.cases import opening as cases
from app.services.definitions import deploy as definitions
from app.services.kernel.context import SYSTEM, Actor, ServiceContext
from tests.drive import drive, sample_application
from tests.integration.test_incidents import install, shipped

from .conftest import SHOTS
from .test_case_in_browser import click_and_wait, login

pytestmark = pytest.mark.browser


@pytest.fixture
def restore(ctx: ServiceContext) -> Iterator[None]:
    """Deploy the shipped workflows afterwards: the active version is again the newest one, as
    the editor's tests expect."""
    yield
    definitions.deploy_directory(ctx, SYSTEM)


def test_the_dry_run_shows_the_fate_of_each_timer_and_task(
    page: Any, live_server: str, ctx: ServiceContext, caseworker: Actor, supervisor: Actor,
    restore: None,
) -> None:
    # The server migrates at the real time: the case's timers are set from it too, so they are
    # not yet due (a due one would fire on the move; the dry run then says where it leads).
    clock: Any = ctx.clock
    clock.set(datetime.now(UTC))
    case_id = cases.open_case(ctx, caseworker, sample_application())
    drive(ctx, case_id, {"caseworker": caseworker, "supervisor": supervisor},
          until=lambda ts: any(t.name == "conduct_interview" for t in ts))
    source = definitions.definition_sources(ctx)["version"]
    sources, forms = shipped(ctx)
    renamed = sources["community_interview.bpmn"].replace(
        'name="Termin wywiadu minął"'.encode(), 'name="Termin wywiadu upłynął"'.encode())
    target = install(ctx, {**sources, "community_interview.bpmn": renamed}, forms, "timer renamed")

    login(page, live_server, "admin")
    page.goto(f"{live_server}/admin/incidents")
    page.select_option("select[name=from_version]", str(source))
    page.select_option("select[name=to_version]", str(target))
    click_and_wait(page, "button[name=action][value=dry_run]")
    page.screenshot(path=str(SHOTS / "migration-dry-run.png"), full_page=True)
    row = page.locator("#migration tr[data-outcome=would_migrate]").first
    after = row.locator("td").nth(3)
    timer = after.locator("li[data-element=timer_interview_overdue]")
    assert timer.get_attribute("data-fate") == "kept"
    assert "Termin wywiadu upłynął" in timer.inner_text() and "pozostaje" in timer.inner_text()
    for element in ("conduct_interview", "timer_decision_deadline", "timer_decision_warning"):
        assert after.locator(f"li[data-element={element}]").get_attribute("data-fate") == "kept", element
    now = row.locator("td").nth(1).inner_text()
    assert "timer_interview_overdue" in now, "the timers were listed under now, and are under after"
