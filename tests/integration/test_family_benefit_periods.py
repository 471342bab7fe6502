"""Issue 13: a zasiłek rodzinny or FA decision is granted for its benefit period. The draft
opens with that period, and a grant with no end, or one ending after the period, is refused when
saved (service, API, page) and when approved (art. 24 ust. 1-2 u.ś.r.; art. 18 ust. 1 FA)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from sqlalchemy import select

from app.persistence.models import Decision
from app.services.cases import opening as cases
from app.services.kernel.context import Actor, ServiceContext
from app.services.kernel.errors import ValidationFailed
from app.services.workflow import worklist
from tests.conftest import FakeClock
from tests.drive import complete_named, ready_tasks
from tests.integration.test_benefit_months_in_cases import _fa_application, _family, _until_draft
from tests.integration.test_decision_invariants import api_complete, codes
from tests.web.test_pages import pesel

pytestmark = [pytest.mark.timeout(180), pytest.mark.embedded]

CHILD = {"pesel": pesel("1623030123"), "first_name": "Jan", "last_name": "Rodzic",
         "relation": "child"}  # born 3 Mar 2016: 10 in December 2026
ARTICLE_ZR = "art. 24 ust. 1–2 u.ś.r."


def _to_draft(ctx: ServiceContext, clock: FakeClock, caseworker: Actor, supervisor: Actor,
              application: dict[str, Any] | None = None) -> tuple[int, dict[str, Any]]:
    clock.set(datetime(2026, 12, 3, 9, 0, tzinfo=UTC))
    case_id = cases.open_case(ctx, caseworker, application or _family(pesel("8803030123"), CHILD))
    row = _until_draft(ctx, case_id, {"caseworker": caseworker, "supervisor": supervisor})
    assert row.eligible
    task = next(t for t in ready_tasks(ctx, case_id) if t.name == "draft_decision")
    initial = worklist.get_task(ctx, caseworker, task.id)["context"]["initial"]
    return case_id, initial


def test_art_24_usr_the_zasilek_rodzinny_draft_opens_with_the_benefit_period_and_saves(
    ctx: ServiceContext, clock: FakeClock, caseworker: Actor, supervisor: Actor
) -> None:
    case_id, initial = _to_draft(ctx, clock, caseworker, supervisor)
    assert (initial["period_from"], initial["period_to"]) == ("2026-12-01", "2027-10-31")
    complete_named(ctx, case_id, "draft_decision", caseworker, initial)
    with ctx.uow(readonly=True) as uow:
        decision = uow.session.scalars(select(Decision).where(Decision.case_id == case_id)).one()
        assert decision.period_to is not None and decision.period_to.isoformat() == "2027-10-31"


def test_art_18_fa_the_fa_draft_opens_with_the_benefit_period(
    ctx: ServiceContext, clock: FakeClock, caseworker: Actor, supervisor: Actor
) -> None:
    _case_id, initial = _to_draft(ctx, clock, caseworker, supervisor, _fa_application())
    assert (initial["period_from"], initial["period_to"]) == ("2026-12-01", "2027-09-30")


@pytest.mark.parametrize(("period_to", "code"), [
    (None, "period_end_required"), ("2028-12-31", "period_beyond_benefit_period")])
def test_art_24_usr_a_grant_without_end_or_past_31_october_is_refused(
    ctx: ServiceContext, clock: FakeClock, client: Any, caseworker: Actor, supervisor: Actor,
    period_to: str | None, code: str
) -> None:
    case_id, initial = _to_draft(ctx, clock, caseworker, supervisor)
    with pytest.raises(ValidationFailed) as err:
        complete_named(ctx, case_id, "draft_decision", caseworker,
                       {**initial, "period_to": period_to})
    assert "period_to" in err.value.errors
    res = api_complete(client, ctx, case_id, "draft_decision", "caseworker1",
                       {**initial, "period_to": period_to})
    assert res.status_code == 422, res.get_json()
    body = res.get_json()
    assert codes(body) == [code]
    assert body["violations"][0]["article"] == ARTICLE_ZR
    assert body["violations"][0]["params"]["period_end"] == "2027-10-31"


def test_art_24_usr_the_draft_page_says_so_in_polish(
    ctx: ServiceContext, clock: FakeClock, client: Any, caseworker: Actor, supervisor: Actor
) -> None:
    case_id, initial = _to_draft(ctx, clock, caseworker, supervisor)
    ht = next(t for t in ready_tasks(ctx, case_id) if t.name == "draft_decision")
    client.post("/login", data={"username": "caseworker1", "password": "demo"})
    form = {"version": str(ht.version), "decision_kind": "grant", "amount": initial["amount"],
            "period_from": "2026-12-01", "justification": ""}
    page = client.post(f"/tasks/{ht.id}", data={**form, "period_to": ""})
    assert page.status_code == 422
    assert "podaj datę końcową, najpóźniej 31.10.2027" in page.get_data(as_text=True)
    page = client.post(f"/tasks/{ht.id}", data={**form, "period_to": "2028-12-31"})
    assert page.status_code == 422
    text = page.get_data(as_text=True)
    assert "Okres nie może kończyć się (31.12.2028) po upływie okresu zasiłkowego" in text
    assert ARTICLE_ZR in text


def test_art_24_usr_approval_rechecks_a_stored_draft_without_end(
    ctx: ServiceContext, clock: FakeClock, client: Any, caseworker: Actor, supervisor: Actor
) -> None:
    case_id, initial = _to_draft(ctx, clock, caseworker, supervisor)
    complete_named(ctx, case_id, "draft_decision", caseworker, initial)
    with ctx.uow() as uow:  # a draft saved before the rule existed
        decision = uow.session.scalars(select(Decision).where(Decision.case_id == case_id)).one()
        decision.period_to = None
        uow.commit()
    res = api_complete(client, ctx, case_id, "approve_decision", "supervisor",
                       {"approval": "approve"})
    assert res.status_code == 422, res.get_json()
    assert codes(res.get_json()) == ["period_end_required"]
