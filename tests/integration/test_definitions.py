"""Deployed definitions are immutable versions; running cases stay on the version they began."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select

from app.persistence.models import ProcessDefinition, ProcessInstance
from app.services.cases import opening as cases
from app.services.definitions import deploy as definitions
from app.services.kernel.context import Actor, ServiceContext
from app.services.kernel.errors import ValidationFailed
from app.workflow_engine import load_sources
from tests.drive import complete_named, ready_tasks, sample_application

pytestmark = pytest.mark.embedded


def test_new_version_leaves_running_cases_alone(
    ctx: ServiceContext, caseworker: Actor, admin: Actor, restore_active: object
) -> None:
    old_case = cases.open_case(ctx, caseworker, sample_application())
    sources, forms = load_sources(ctx.config["WORKFLOWS_DIR"])
    edited = dict(sources)
    edited["intake.bpmn"] = sources["intake.bpmn"].replace(
        "Sprawdzenie kompletności wniosku".encode(), "Kontrola kompletności wniosku".encode())
    new_id, created = definitions.deploy(ctx, edited, forms, admin, "renamed a task")
    assert created
    again_id, created_again = definitions.deploy(ctx, edited, forms, admin, "same again")
    assert (again_id, created_again) == (new_id, False), "identical content makes no new version"

    new_case = cases.open_case(ctx, caseworker, sample_application(
        applicant={"pesel": "82031204563", "first_name": "Ala", "last_name": "Nowa",
                   "net_income": "100.00"}))
    assert ready_tasks(ctx, new_case)[0].title_pl == "Kontrola kompletności wniosku"
    assert ready_tasks(ctx, old_case)[0].title_pl == "Sprawdzenie kompletności wniosku"
    with ctx.uow(readonly=True) as uow:
        pinned = dict(uow.session.execute(
            select(ProcessInstance.case_id, ProcessInstance.definition_id)).all())
    assert pinned[new_case] == new_id and pinned[old_case] != new_id
    # The old case keeps running on its own version.
    complete_named(ctx, old_case, "completeness_check", caseworker)
    assert [t.name for t in ready_tasks(ctx, old_case)] == ["conduct_interview"]


@pytest.mark.parametrize(("name", "mutate", "expect"), [
    ("malformed XML", lambda s: s[: len(s) // 2], "intake.bpmn"),
    ("unknown form", lambda s: s.replace(b'value="completeness_check"', b'value="no_such_form"', 1),
     "no_such_form"),
    ("script syntax error", lambda s: s.replace(b"intake_outcome = ", b"intake_outcome = = ", 1),
     "intake"),
])
def test_broken_upload_is_refused_and_nothing_changes(
    ctx: ServiceContext, admin: Actor, name: str, mutate: object, expect: str
) -> None:
    sources, forms = load_sources(ctx.config["WORKFLOWS_DIR"])
    broken = dict(sources)
    broken["intake.bpmn"] = mutate(sources["intake.bpmn"])  # type: ignore[operator]
    with ctx.uow(readonly=True) as uow:
        before = uow.session.scalars(select(ProcessDefinition.id).order_by(ProcessDefinition.id)).all()
    with pytest.raises(ValidationFailed) as err:
        definitions.deploy(ctx, broken, forms, admin)
    text = " ".join(err.value.errors.values())
    assert expect in text, (name, text)
    with ctx.uow(readonly=True) as uow:
        after = uow.session.scalars(select(ProcessDefinition.id).order_by(ProcessDefinition.id)).all()
    assert before == after


def test_a_script_failing_at_run_time_is_a_clear_error_and_loses_nothing(
    ctx: ServiceContext, caseworker: Actor, admin: Actor, restore_active: object,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from app.services.kernel.errors import ServiceError
    from app.services.workflow import worklist
    from tests.drive import canned

    # The rehearsal now refuses this script at deploy; a script can still fail on data no
    # rehearsed path covers, so the run-time handling is tested with the rehearsal switched off.
    monkeypatch.setattr(definitions, "rehearse", lambda *args, **kwargs: [])
    sources, forms = load_sources(ctx.config["WORKFLOWS_DIR"])
    broken = dict(sources)
    broken["intake.bpmn"] = sources["intake.bpmn"].replace(
        b"intake_outcome = &quot;complete&quot;", b"intake_outcome = 1 / 0", 1)
    definitions.deploy(ctx, broken, forms, admin, "a script that divides by zero")
    case_id = cases.open_case(ctx, caseworker, sample_application())
    task = ready_tasks(ctx, case_id)[0]
    with pytest.raises(ServiceError) as err:
        worklist.complete(ctx, caseworker, task.id, canned(ctx, task.name), task.version)
    assert err.value.status < 500 and "set_complete" in err.value.message
    # Nothing was lost: the task is still open at the same version, ready to retry after a fix.
    again = ready_tasks(ctx, case_id)[0]
    assert (again.id, again.version, again.status) == (task.id, task.version, "ready")



def _token(client: Any, username: str = "admin") -> dict[str, str]:
    res = client.post("/api/auth/token", json={"username": username, "password": "demo"})
    assert res.status_code == 200, res.get_json()
    return {"Authorization": f"Bearer {res.get_json()['token']}"}


def _upload(ctx: ServiceContext, file: str, mutate: Any) -> dict[str, Any]:
    sources, forms = load_sources(ctx.config["WORKFLOWS_DIR"])
    texts = {name: raw.decode() for name, raw in sources.items()}
    texts[file] = mutate(texts[file])
    return {"sources": texts, "forms": forms, "comment": "broken on purpose"}


def test_api_refuses_a_deleted_flow_with_problems_naming_the_element(
    ctx: ServiceContext, client: Any
) -> None:
    flow = '<bpmn:sequenceFlow id="Flow_set_complete_end_intake_complete"'

    def delete_flow(text: str) -> str:
        start = text.index(flow)
        return text[:start] + text[text.index("/>", start) + 2:]

    with ctx.uow(readonly=True) as uow:
        before = uow.session.scalars(select(ProcessDefinition.id)).all()
    headers = _token(client)
    res = client.post("/api/definitions", json=_upload(ctx, "intake.bpmn", delete_flow), headers=headers)
    assert res.status_code == 422
    body = res.get_json()
    found = {(p["file"], p["element_id"], p["code"]) for p in body["problems"]}
    assert ("intake.bpmn", "set_complete", "dead_end") in found, body["problems"]
    assert ("intake.bpmn", "end_intake_complete", "unreachable") in found
    assert set(body["problems"][0]) == {"file", "element_id", "element_name", "code", "message", "params"}
    assert body["fields"], "the field messages are kept"
    with ctx.uow(readonly=True) as uow:
        assert uow.session.scalars(select(ProcessDefinition.id)).all() == before

    # The dry run reports the same problems and stores nothing either.
    res = client.post("/api/definitions/check", json=_upload(ctx, "intake.bpmn", delete_flow),
                      headers=headers)
    assert res.status_code == 200
    assert ("intake.bpmn", "set_complete", "dead_end") in {
        (p["file"], p["element_id"], p["code"]) for p in res.get_json()["problems"]}


def test_check_is_for_admins_only(ctx: ServiceContext, client: Any) -> None:
    body = _upload(ctx, "payment.bpmn", lambda text: text)
    assert client.post("/api/definitions/check", json=body).status_code == 401
    res = client.post("/api/definitions/check", json=body, headers=_token(client, "supervisor"))
    assert res.status_code == 403


def test_api_refuses_a_condition_over_an_undefined_variable(ctx: ServiceContext, client: Any) -> None:
    def undefined(text: str) -> str:
        condition = "intake_outcome == &quot;complete&quot;"
        assert condition in text
        return text.replace(condition, condition + " and never_set", 1)

    res = client.post("/api/definitions", json=_upload(ctx, "benefit_case.bpmn", undefined),
                      headers=_token(client))
    assert res.status_code == 422
    problems = res.get_json()["problems"]
    assert any(p["code"] == "condition_error" and p["element_id"] == "gw_intake_outcome"
               and "never_set" in p["message"] for p in problems), problems


def test_check_replays_recent_cases(
    ctx: ServiceContext, client: Any, caseworker: Actor, supervisor: Actor
) -> None:
    case_id = cases.open_case(ctx, caseworker, sample_application())
    complete_named(ctx, case_id, "completeness_check", caseworker)
    sources, forms = load_sources(ctx.config["WORKFLOWS_DIR"])
    report = definitions.check(ctx, sources, forms)
    assert report["problems"] == []
    assert report["replay"]["total"] >= 1 and report["replay"]["changed"] == 0
    assert {"lint_ms", "compile_ms", "rehearsal_ms", "replay_ms", "total_ms"} <= set(report["timings_ms"])

    # A candidate where a complete application is left unexamined ends that case differently.
    changed = dict(sources)
    changed["intake.bpmn"] = sources["intake.bpmn"].replace(
        b"intake_outcome = &quot;complete&quot;", b"intake_outcome = &quot;left_unexamined&quot;", 1)
    report = definitions.check(ctx, changed, forms)
    assert report["problems"] == []
    ids = {c["case_id"] for c in report["replay"]["cases"]}
    assert case_id in ids, report["replay"]
