"""Issue 15 part 7, the task pages: only the fields that apply to the benefit (and the service
agrees), the calculation in Polish instead of debug data, the appeal on the appeal step, and the
next task after a submit (or a page polling while a background step runs)."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Any

import pytest

from app.persistence.models import Decision, HumanTask
from app.services.kernel.context import Actor, ServiceContext
from app.services.workflow import jobs, worklist
from tests.conftest import FakeClock
from tests.drive import canned, complete_named, drive, lawful, ready_tasks
from tests.web.test_pages import drive_until, login, open_case, task_id, text

pytestmark = [pytest.mark.timeout(180), pytest.mark.embedded]

# Debug data the draft page used to show (keys, English labels, field paths).
DEBUG_WORDS = ("Dane do zadania", "Initial", "First benefit month", "Party request",
               "net income", "members[0]", "min amount", "max amount", "verified incomes",
               "Violations", "period from")

ONE_OFF = {"benefit": "specjalny_zasilek_celowy", "bank_account": None,
           "applicant": {"pesel": "75011501233", "first_name": "Jan", "last_name": "Testowy",
                         "net_income": "1500.00"}}


def _actors(cw: Actor, sv: Actor) -> dict[str, Actor]:
    return {"caseworker": cw, "supervisor": sv}


def _names(page: str) -> set[str]:
    return set(re.findall(r'name="([^"]+)"', page))


def test_the_draft_of_a_zasilek_okresowy_shows_its_fields_and_the_calculation_in_polish(
    client: Any, ctx: ServiceContext, caseworker: Actor, supervisor: Actor
) -> None:
    case_id = open_case(ctx, caseworker)
    tid = drive_until(ctx, case_id, "draft_decision", _actors(caseworker, supervisor))
    login(client, "caseworker1")
    page = text(client.get(f"/tasks/{tid}"))
    names = _names(page)
    assert {"decision_kind", "amount", "period_from", "period_to", "justification"} <= names
    assert "purpose" not in names and "Cel zasiłku" not in page, "a one-off's field"
    for word in DEBUG_WORDS:
        assert word not in page, word
    # What a caseworker needs, in Polish, with the article.
    assert "Dochód na osobę" in page and "Kryterium dochodowe" in page
    assert "Kwota wyliczona" in page and "art. 38 ust. 2–4 u.p.s." in page
    # The computed figures beside the fields they concern.
    assert re.search(r'id="f-amount-note">Wyliczona kwota: [\d ,]+\xa0zł', page) \
        or re.search(r'id="f-amount-note">Wyliczona kwota: [\d ,]+.zł', page)
    assert 'aria-describedby="f-amount-help f-amount-note"' in page
    assert 'id="f-period_from-note">Pierwszy miesiąc świadczenia: 01.03.2026' in page


def test_the_draft_of_a_one_off_benefit_has_no_period_end_and_asks_for_the_purpose(
    client: Any, ctx: ServiceContext, caseworker: Actor, supervisor: Actor
) -> None:
    case_id = open_case(ctx, caseworker, **ONE_OFF)
    tid = drive_until(ctx, case_id, "draft_decision", _actors(caseworker, supervisor))
    login(client, "caseworker1")
    page = text(client.get(f"/tasks/{tid}"))
    names = _names(page)
    assert "purpose" in names and "period_to" not in names
    assert "Data wypłaty" in page and "Kwota jednorazowa" in page


def test_a_field_that_does_not_apply_is_neither_required_nor_kept(
    ctx: ServiceContext, caseworker: Actor, supervisor: Actor
) -> None:
    # Zasiłek okresowy: a purpose sent anyway is dropped, not stored with the decision.
    case_id = open_case(ctx, caseworker)
    tid = drive_until(ctx, case_id, "draft_decision", _actors(caseworker, supervisor))
    ht = next(t for t in ready_tasks(ctx, case_id) if t.id == tid)
    data = {**lawful(ctx, caseworker, ht, canned(ctx, "draft_decision")), "purpose": "opał"}
    worklist.complete(ctx, caseworker, tid, data, ht.version)
    with ctx.uow(readonly=True) as uow:
        stored = uow.session.get(HumanTask, tid)
        decision = uow.session.query(Decision).filter_by(case_id=case_id).one()
        assert stored is not None and "purpose" not in (stored.result or {})
        assert decision.purpose == ""

    # Specjalny zasiłek celowy: no period end is asked for (its schema no longer requires one).
    one_off = open_case(ctx, caseworker, **{**ONE_OFF, "applicant": {
        **ONE_OFF["applicant"], "pesel": "82031204563"}})
    tid = drive_until(ctx, one_off, "draft_decision", _actors(caseworker, supervisor))
    schema = worklist.get_task(ctx, caseworker, tid).schema
    assert "period_to" not in schema["properties"] and "period_to" not in schema["required"]
    ht = next(t for t in ready_tasks(ctx, one_off) if t.id == tid)
    data = {**lawful(ctx, caseworker, ht, canned(ctx, "draft_decision")),
            "justification": "Dochód nie przekracza kryterium; brak szczególnie uzasadnionego "
                             "przypadku."}
    data.pop("period_to", None)
    worklist.complete(ctx, caseworker, tid, data, ht.version)
    assert worklist.get_task(ctx, caseworker, tid).status == "completed"


def test_the_appeal_step_shows_the_appeal(
    client: Any, ctx: ServiceContext, clock: FakeClock, caseworker: Actor, supervisor: Actor
) -> None:
    actors = _actors(caseworker, supervisor)
    case_id = open_case(ctx, caseworker)
    drive(ctx, case_id, actors, until=lambda ts: any(t.name == "appeal_window" for t in ts))
    clock.set(datetime(2026, 3, 11, 10, 0, tzinfo=UTC))
    grounds = "Strona zarzuca zaniżenie kwoty i żąda przyznania zasiłku w kwocie 300 zł."
    complete_named(ctx, case_id, "appeal_window", caseworker, {
        "appeal_event": "appeal_filed", "appeal_event_on": "2026-03-11",
        "appeal_posted_on": "2026-03-10", "appeal_channel": "post", "appeal_grounds": grounds})
    tid = task_id(ctx, case_id, "handle_appeal")
    with ctx.uow(readonly=True) as uow:
        number = uow.session.query(Decision).filter_by(case_id=case_id).one().number
    login(client, "supervisor")
    page = text(client.get(f"/tasks/{tid}"))
    appeal = page.split('id="appeal"', 1)[1].split("</section>", 1)[0]
    assert "10.03.2026" in appeal and "11.03.2026" in appeal, "posted and received"
    assert "Poczta Polska" in appeal
    assert grounds in appeal
    assert "Zaskarżona decyzja" in appeal and number and number in appeal


def test_after_a_submit_the_page_waits_for_the_background_step_then_goes_to_the_next_task(
    client: Any, ctx: ServiceContext, caseworker: Actor, supervisor: Actor
) -> None:
    case_id = open_case(ctx, caseworker)
    tid = drive_until(ctx, case_id, "conduct_interview", _actors(caseworker, supervisor))
    data = canned(ctx, "conduct_interview")
    version = worklist.get_task(ctx, caseworker, tid).version
    login(client, "caseworker1")
    form = {"interview_on": data["interview_on"], "findings": data["findings"],
            "help_plan": data.get("help_plan") or "", "version": str(version),
            "verified_incomes[0].member_index": "0", "verified_incomes[0].kind": "employment",
            "verified_incomes[0].net_income": "300,00"}
    res = client.post(f"/tasks/{tid}", data=form)
    assert res.status_code == 302, text(res).split("error-su")[-1][:2000]
    # The eligibility job has not run: the user sees that it is running, on a self-polling page.
    assert res.headers["Location"].endswith(f"/tasks/{tid}/next")
    waiting = text(client.get(res.headers["Location"]))
    assert "zostało wykonane" in waiting and "Trwa krok wykonywany w tle" in waiting
    assert f'hx-get="/tasks/{tid}/next?poll=1"' in waiting and 'hx-trigger="every 2s"' in waiting
    still = client.get(f"/tasks/{tid}/next?poll=1")
    assert still.status_code == 200 and "HX-Redirect" not in still.headers
    assert "hx-trigger" in text(still) and "<html" not in text(still)

    jobs.run_pending_inline(ctx)
    draft = task_id(ctx, case_id, "draft_decision")
    done = client.get(f"/tasks/{tid}/next?poll=1")
    assert done.headers["HX-Redirect"] == f"/tasks/{draft}"
    # Without htmx the same address redirects.
    assert client.get(f"/tasks/{tid}/next").headers["Location"].endswith(f"/tasks/{draft}")


def test_when_the_next_step_is_someone_elses_the_worklist_says_whose(
    client: Any, ctx: ServiceContext, caseworker: Actor, supervisor: Actor
) -> None:
    case_id = open_case(ctx, caseworker)
    tid = drive_until(ctx, case_id, "draft_decision", _actors(caseworker, supervisor))
    ht = next(t for t in ready_tasks(ctx, case_id) if t.id == tid)
    initial = lawful(ctx, caseworker, ht, canned(ctx, "draft_decision"))
    login(client, "caseworker1")
    form = {k: ("on" if v is True else str(v)) for k, v in initial.items()
            if v not in (None, False, "")}
    res = client.post(f"/tasks/{tid}", data={**form, "version": str(ht.version)})
    assert res.status_code == 302, text(res)[:3000]
    follow = client.get(res.headers["Location"])
    assert follow.status_code == 302 and follow.headers["Location"].endswith("/")
    page = text(client.get("/"))
    assert "Następny krok w sprawie" in page and "kierownik" in page.lower()
