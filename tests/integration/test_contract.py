"""The contract between diagrams and code: declared actions and operations, checked before deploy;
code never depends on an element's id or name."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest
from lxml import etree
from sqlalchemy import select

from app.persistence.models import (
    Application,
    Decision,
    HumanTask,
    Interview,
    PaymentScheduleItem,
)
from app.services.cases import opening as cases
from app.services.definitions import contract
from app.services.definitions import deploy as definitions
from app.services.kernel.auth import create_user
from app.services.kernel.context import Actor, ServiceContext
from app.services.kernel.errors import Forbidden
from app.services.workflow import jobs, worklist
from app.workflow_engine import load_sources
from tests.drive import canned, ready_tasks, sample_application

pytestmark = pytest.mark.embedded

SPIFF = "http://spiffworkflow.org/bpmn/schema/1.0/core"
BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL"


def shipped(ctx: ServiceContext) -> tuple[dict[str, bytes], dict[str, Any]]:
    sources, forms = load_sources(ctx.config["WORKFLOWS_DIR"])
    return dict(sources), copy.deepcopy(dict(forms))


def set_property(source: bytes, task_id: str, name: str, value: str | None) -> bytes:
    """Set (or, with None, remove) a spiffworkflow property of one element."""
    root = etree.fromstring(source)
    element = root.find(f".//*[@id='{task_id}']")
    assert element is not None, task_id
    for prop in element.iter(f"{{{SPIFF}}}property"):
        if prop.get("name") == name:
            if value is None:
                prop.getparent().remove(prop)
            else:
                prop.set("value", value)
            break
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8"))


def codes(problems: list[Any]) -> set[tuple[str, str | None]]:
    return {(p.code, p.element_id) for p in problems}


def test_the_shipped_diagrams_keep_the_contract(ctx: ServiceContext) -> None:
    sources, forms = shipped(ctx)
    assert contract.check(sources, forms) == []
    registry = contract.declared()
    assert {"draft_decision", "approve_decision", "none"} <= set(registry["actions"])
    assert set(registry["operations"]) == {"eligibility", "decision_document", "payment_schedule",
                                           "open_revocation", "end_changed_grant"}


@pytest.mark.parametrize(("file", "task", "value", "expected"), [
    ("decision.bpmn", "draft_decision", None, ("action_missing", "draft_decision")),
    ("decision.bpmn", "draft_decision", "write_decision", ("action_unknown", "draft_decision")),
    ("decision.bpmn", "approve_decision", "none", ("action_absent", None)),
])
def test_undeclared_or_unknown_actions_are_refused(ctx: ServiceContext, file: str, task: str,
                                                  value: str | None,
                                                  expected: tuple[str, str | None]) -> None:
    sources, forms = shipped(ctx)
    sources[file] = set_property(sources[file], task, "action", value)
    assert expected in codes(contract.check(sources, forms))


def test_form_fields_must_match_the_action(ctx: ServiceContext) -> None:
    sources, forms = shipped(ctx)
    del forms["approve_decision"]["properties"]["approval"]
    forms["completeness_check"]["properties"]["complete"] = {"type": "string"}
    forms["draft_decision"]["required"].remove("decision_kind")
    found = codes(contract.check(sources, forms))
    assert ("action_field_missing", "approve_decision") in found
    assert ("action_field_type", "completeness_check") in found
    assert ("action_field_optional", "draft_decision") in found


def test_service_tasks_must_ask_for_declared_operations(ctx: ServiceContext) -> None:
    sources, forms = shipped(ctx)
    sources["payment.bpmn"] = sources["payment.bpmn"].replace(
        b'serviceTaskOperator id="payment_schedule"', b'serviceTaskOperator id="pay_everyone"')
    sources["decision.bpmn"] = sources["decision.bpmn"].replace(
        b'<spiffworkflow:parameter id="case_id" type="int" value="case_id" />\n            '
        b'<spiffworkflow:parameter id="benefit"',
        b'<spiffworkflow:parameter id="case_id" type="str" value="case_id" />\n            '
        b'<spiffworkflow:parameter id="benefit"', 1)
    found = codes(contract.check(sources, forms))
    assert ("operation_unknown", "create_payment_schedule") in found
    assert ("operation_param_type", "compute_eligibility") in found


def test_a_variable_the_records_follow_must_be_set_by_the_diagram(ctx: ServiceContext) -> None:
    sources, forms = shipped(ctx)
    sources["decision.bpmn"] = sources["decision.bpmn"].replace(b"final_on = ", b"finished_on = ")
    found = codes(contract.check(sources, forms))
    assert ("variable_never_set", None) in found
    problem = next(p for p in contract.check(sources, forms) if p.code == "variable_never_set")
    assert problem.params == {"variable": "final_on"}


def test_a_diagram_without_four_eyes_of_cannot_switch_the_rule_off(
    ctx: ServiceContext, caseworker: Actor, admin: Actor, restore_active: Any
) -> None:
    sources, forms = shipped(ctx)
    sources["decision.bpmn"] = set_property(sources["decision.bpmn"], "approve_decision",
                                            "four_eyes_of", None)
    definitions.deploy(ctx, sources, forms, admin, "no four_eyes_of")
    both_id = create_user(ctx, "both-roles", "Both Roles", ["caseworker", "supervisor"],
                          "twelve-chars-1")
    both = Actor(both_id, frozenset({"caseworker", "supervisor"}))
    case_id = cases.open_case(ctx, both, sample_application())
    for _ in range(10):
        jobs.run_pending_inline(ctx)
        ht = ready_tasks(ctx, case_id)[0]
        if ht.name == "approve_decision":
            break
        data = canned(ctx, ht.action or ht.form)
        data.update(worklist.get_task(ctx, both, ht.id)["context"].get("initial") or {})
        worklist.complete(ctx, both, ht.id, data, ht.version)
    assert ht.name == "approve_decision" and ht.four_eyes_of is None
    with pytest.raises(Forbidden, match="[Ff]our-eyes"):
        worklist.complete(ctx, both, ht.id, canned(ctx, "approve_decision"), ht.version)


def rename_every_task(source: bytes) -> bytes:
    """Give every user, service and script task a new id, updating every reference to it."""
    root = etree.fromstring(source)
    kinds = ("userTask", "serviceTask", "scriptTask")
    renamed = {e.get("id"): f"renamed_{e.get('id')}" for k in kinds for e in root.iter(f"{{{BPMN}}}{k}")}
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        for attr in ("id", "sourceRef", "targetRef", "attachedToRef", "bpmnElement"):
            if element.get(attr) in renamed:
                element.set(attr, renamed[element.get(attr)])
        if element.tag == f"{{{BPMN}}}flowNodeRef" and element.text in renamed:
            element.text = renamed[element.text]
        if element.tag == f"{{{SPIFF}}}property" and element.get("name") == "four_eyes_of":
            element.set("value", renamed.get(element.get("value"), element.get("value")))
        if element.tag == f"{{{SPIFF}}}property" and element.get("name") == "form":
            element.set("value", f"form_{element.get('value')}")
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8"))


def test_renaming_every_task_id_and_form_still_runs_a_case_with_its_records(
    ctx: ServiceContext, caseworker: Actor, supervisor: Actor, admin: Actor, restore_active: Any
) -> None:
    sources, forms = shipped(ctx)
    sources = {name: rename_every_task(raw) for name, raw in sources.items()}
    forms = {f"form_{name}": schema for name, schema in forms.items()}  # forms renamed too
    assert b'id="draft_decision"' not in sources["decision.bpmn"]
    assert contract.check(sources, forms) == []
    definitions.deploy(ctx, sources, forms, admin, "every task renamed")
    case_id = cases.open_case(ctx, caseworker, sample_application())
    actors = {"caseworker": caseworker, "supervisor": supervisor}
    done = []
    for _ in range(40):
        jobs.run_pending_inline(ctx)
        tasks = ready_tasks(ctx, case_id)
        if not tasks:
            break
        ht = tasks[0]
        assert ht.name.startswith("renamed_")
        data = canned(ctx, ht.action or ht.form.removeprefix("form_"))
        data.update(worklist.get_task(ctx, actors[ht.role], ht.id)["context"].get("initial") or {})
        worklist.complete(ctx, actors[ht.role], ht.id, data, ht.version)
        done.append(ht.action)
    assert done[:4] == ["completeness_check", "conduct_interview", "draft_decision", "approve_decision"]
    with ctx.uow(readonly=True) as uow:
        assert uow.session.scalar(select(Application.complete).where(Application.case_id == case_id))
        assert uow.session.scalars(select(Interview).where(Interview.case_id == case_id)).all()
        decision = uow.session.scalars(select(Decision).where(Decision.case_id == case_id)).one()
        assert decision.status == "final" and decision.number and decision.document_html
        assert uow.session.scalars(select(PaymentScheduleItem)
                                   .where(PaymentScheduleItem.case_id == case_id)).all()
        actions = set(uow.session.scalars(select(HumanTask.action).where(HumanTask.case_id == case_id)))
    assert {"draft_decision", "approve_decision", "record_delivery", "appeal_window"} <= actions
    assert json.dumps(contract.declared())  # the registry is JSON for the editor


def test_delivery_and_finality_are_recorded_from_what_the_engine_reports(
    ctx: ServiceContext, caseworker: Actor, supervisor: Actor
) -> None:
    """The diagram computes the deemed delivery date and finality with the domain's rules; the
    case records copy the engine's values (one owner), for a notice and for a waiver."""
    from app.domain.deadlines import deemed_delivery
    from app.persistence.models import ProcessInstance
    from tests.drive import complete_named, drive

    actors = {"caseworker": caseworker, "supervisor": supervisor}
    case_id = cases.open_case(ctx, caseworker, sample_application())
    drive(ctx, case_id, actors, until=lambda ts: any(t.name == "record_delivery" for t in ts))
    today = ctx.now().date()
    complete_named(ctx, case_id, "record_delivery", caseworker,
                   {"delivery_mode": "notice", "first_notice_on": today.isoformat()})
    with ctx.uow(readonly=True) as uow:
        delivered_on, status, final_on = uow.session.execute(
            select(Decision.delivered_on, Decision.status, Decision.final_on)
            .where(Decision.case_id == case_id)).one()
        engine_data = uow.session.scalar(select(ProcessInstance.data)
                                         .where(ProcessInstance.case_id == case_id))
    assert delivered_on == deemed_delivery(today)
    assert engine_data is not None and delivered_on.isoformat() == engine_data["delivered_on"]
    assert status == "issued" and final_on is None


def test_approval_belongs_to_a_supervisor_whatever_lane_the_diagram_draws(
    ctx: ServiceContext, caseworker: Actor, supervisor: Actor
) -> None:
    sources, forms = shipped(ctx)
    root = etree.fromstring(sources["decision.bpmn"])
    lanes = {lane.get("name"): lane for lane in root.iter(f"{{{BPMN}}}lane")}
    ref = next(r for r in lanes["Supervisor"].iter(f"{{{BPMN}}}flowNodeRef") if r.text == "approve_decision")
    lanes["Supervisor"].remove(ref)
    moved = etree.SubElement(lanes["Caseworker"], f"{{{BPMN}}}flowNodeRef")
    moved.text = "approve_decision"
    sources["decision.bpmn"] = bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8"))
    assert ("action_wrong_lane", "approve_decision") in codes(contract.check(sources, forms))

    # Even a task mirrored for the caseworker lane (a diagram deployed before this check) is
    # refused to a caseworker: the service enforces the approving role.
    from tests.drive import drive

    case_id = cases.open_case(ctx, caseworker, sample_application())
    drive(ctx, case_id, {"caseworker": caseworker, "supervisor": supervisor},
          until=lambda ts: any(t.name == "approve_decision" for t in ts))
    with ctx.uow() as uow:
        row = uow.session.scalars(select(HumanTask).where(HumanTask.case_id == case_id,
                                                          HumanTask.status == "ready")).one()
        row.role = "caseworker"
        version = row.version
        task_id = row.id
        uow.commit()
    with pytest.raises(Forbidden, match="supervisor"):
        worklist.complete(ctx, caseworker, task_id, canned(ctx, "approve_decision"), version)
