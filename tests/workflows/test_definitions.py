"""compile(): readable DefinitionError for bad uploads; the shipped diagrams and forms are sound."""

import pytest
from jsonschema import Draft202012Validator, FormatChecker
from lxml import etree

from app.workflow_engine import DefinitionError, DefinitionRef, EngineError
from app.workflow_engine.fixtures import canned_form_data

from .conftest import MINI_FORMS, T0, WORKFLOWS, mini_bpmn

NS = {
    "bpmn": "http://www.omg.org/spec/BPMN/20100524/MODEL",
    "bpmndi": "http://www.omg.org/spec/BPMN/20100524/DI",
    "spiff": "http://spiffworkflow.org/bpmn/schema/1.0/core",
}


def _errors(engine, sources, main="mini", forms=MINI_FORMS) -> list[str]:
    with pytest.raises(DefinitionError) as info:
        engine.compile(sources, main, forms)
    assert isinstance(info.value, EngineError)
    assert "Traceback" not in str(info.value)
    return info.value.errors


def test_mini_definition_compiles(engine):
    compiled = engine.compile({"mini.bpmn": mini_bpmn()}, "mini", MINI_FORMS)
    assert compiled.key == "mini"
    assert compiled.user_tasks == {"ask": {
        "title_pl": "Zadanie", "title_en": "Task", "lane": "Caseworker", "form": "mini_form",
        "process": "mini", "due": None, "four_eyes_of": None,
    }}


def test_malformed_xml(engine):
    (error,) = _errors(engine, {"broken.bpmn": mini_bpmn()[:-40]})
    assert error.startswith("broken.bpmn: malformed XML:") and "line" in error


def test_xml_that_is_not_bpmn(engine):
    (error,) = _errors(engine, {"x.bpmn": "<root/>"})
    assert error.startswith("x.bpmn (line 1): ") and "root" in error


def test_user_task_without_lane(engine):
    (error,) = _errors(engine, {"mini.bpmn": mini_bpmn(lane=False)})
    assert "mini.bpmn: bpmn:userTask 'ask' (Zadanie)" in error and "no lane" in error


def test_unknown_form(engine):
    props = {"form": "no_such_form", "title_pl": "Zadanie", "title_en": "Task"}
    (error,) = _errors(engine, {"mini.bpmn": mini_bpmn(props=props)})
    assert "'ask'" in error and "form 'no_such_form' not found" in error


def test_missing_task_properties(engine):
    (error,) = _errors(engine, {"mini.bpmn": mini_bpmn(props={"form": "mini_form"})}, forms=None)[:1]
    assert "missing spiffworkflow property 'title_pl'" in error


def test_invalid_form_schema(engine):
    (error,) = _errors(engine, {"mini.bpmn": mini_bpmn()}, forms={"mini_form": {"type": "objekt"}})
    assert "form 'mini_form' is not a valid JSON Schema" in error


def test_script_syntax_error(engine):
    (error,) = _errors(engine, {"mini.bpmn": mini_bpmn(script="x = = 1")})
    assert error.startswith("mini.bpmn: bpmn:scriptTask 'run_script' (Skrypt): script is refused")
    assert "SyntaxError" in error or "invalid syntax" in error


def test_script_refused_by_sandbox(engine):
    (error,) = _errors(engine, {"mini.bpmn": mini_bpmn(script="x = ().__class__")})
    assert "'run_script'" in error and "__class__" in error


def test_script_calling_unknown_function(engine):
    (error,) = _errors(engine, {"mini.bpmn": mini_bpmn(script="x = add_days(due, 3)")})
    assert "calls unknown function(s) add_days" in error


def test_missing_main_process(engine):
    (error,) = _errors(engine, {"mini.bpmn": mini_bpmn()}, main="benefit_case")
    assert "main process 'benefit_case' is not defined" in error and "mini" in error


def test_unresolved_call_activity(engine):
    call = ('<bpmn:callActivity id="call_x" calledElement="nowhere"/>')
    (error,) = _errors(engine, {"mini.bpmn": mini_bpmn(extra=call)})
    assert "bpmn:callActivity 'call_x': called process 'nowhere' is not defined" in error


def test_four_eyes_must_name_a_user_task(engine):
    props = {"form": "mini_form", "title_pl": "Zadanie", "title_en": "Task", "four_eyes_of": "nobody"}
    (error,) = _errors(engine, {"mini.bpmn": mini_bpmn(props=props)})
    assert "four_eyes_of refers to unknown user task 'nobody'" in error


def test_service_operator_id_colliding_with_a_task(engine):
    service = (
        '<bpmn:serviceTask id="svc"><bpmn:extensionElements>'
        '<spiffworkflow:serviceTaskOperator id="ask"/></bpmn:extensionElements></bpmn:serviceTask>'
    )
    errors = _errors(engine, {"mini.bpmn": mini_bpmn(extra=service)})
    assert any("serviceTaskOperator id 'ask' collides with a BPMN element id" in e for e in errors)


def test_several_problems_are_reported_together(engine):
    errors = _errors(engine, {"a.bpmn": "<oops", "b.bpmn": mini_bpmn(process_id="b", lane=False)}, main="b")
    assert len(errors) == 1 and errors[0].startswith("a.bpmn")  # parse errors stop before semantics
    errors = _errors(engine, {"mini.bpmn": mini_bpmn(lane=False, script="x = nope()")})
    assert len(errors) == 2


def _other_process(script: str = "y = 2") -> str:
    """A second top-level process that nobody calls (its user task has its own id)."""
    return mini_bpmn(process_id="other", script=script).replace('"ask"', '"ask_other"').replace(
        ">ask<", ">ask_other<")


def test_every_top_level_process_is_compiled_and_can_be_started(engine):
    sources = {"mini.bpmn": mini_bpmn(), "other.bpmn": _other_process()}
    compiled = engine.compile(sources, "mini", MINI_FORMS)
    assert compiled.key == "mini" and compiled.user_tasks["ask_other"]["process"] == "other"
    ref = DefinitionRef(compiled.content_hash, lambda: compiled.spec_blob)
    main = engine.start(ref, {}, T0)
    assert [t.name for t in main.user_tasks] == ["ask"] and main.stage == "mini"
    other = engine.start(ref, {"z": 3}, T0, process_id="other")
    assert [t.name for t in other.user_tasks] == ["ask_other"] and other.stage == "other"
    assert other.data == {"z": 3, "y": 2}
    # The state remembers its process, so later calls restore the right spec.
    task = other.user_tasks[0]
    done = engine.complete_user_task(ref, other.state, task.task_id, {}, T0)
    assert done.completed and done.data["y"] == 2
    assert engine.start(ref, {}, T0, process_id="mini").user_tasks[0].name == "ask"
    with pytest.raises(EngineError, match="process 'nowhere' is not in this definition"):
        engine.start(ref, {}, T0, process_id="nowhere")


def test_uncalled_processes_are_validated_too(engine):
    errors = _errors(engine, {"mini.bpmn": mini_bpmn(), "other.bpmn": _other_process("y = nope()")})
    assert any("other.bpmn" in e and "calls unknown function(s) nope" in e for e in errors)
    errors = _errors(engine, {"mini.bpmn": mini_bpmn(), "copy.bpmn": mini_bpmn(process_id="copy")})
    assert any("user task id is also used in process" in e for e in errors)


# ----------------------------------------------------------------- the shipped files
# The user tasks of fa_debtor.bpmn (the FA debtor procedure, art. 3-5 of the act of 7 Sep 2007).
DEBTOR_TASKS = {
    "debtor_interview", "debtor_bailiff_info", "debtor_registration_obligation",
    "debtor_registration_check", "debtor_evasion_decision", "debtor_evasion_final",
    "debtor_licence_motion", "debtor_big_report", "debtor_prosecutor_notice",
    "debtor_grounds_ceased", "debtor_licence_withdrawal",
}
# The Niebieska Karta procedure's steps (niebieska_karta.bpmn, issue 17 part 2).
NK_TASKS = {"nk_handover", "nk_group_meeting", "nk_closing"}


def test_project_definition_user_tasks(compiled):
    tasks = compiled.user_tasks
    assert set(tasks) == {
        "completeness_check", "request_supplement", "record_supplement", "conduct_interview",
        "overdue_interview_escalation", "draft_decision", "approve_decision", "record_delivery",
        "appeal_window", "handle_appeal", "interview_update", "decision_deadline_escalation",
        "decision_deadline_warning", "art10_notice", "party_comments", "record_sko_outcome",
        # The family benefit process's own deadline tasks (issue 16, part 4).
        "family_decision_deadline_escalation", "family_decision_deadline_warning",
    } | DEBTOR_TASKS | NK_TASKS
    assert tasks["approve_decision"]["four_eyes_of"] == "draft_decision"
    assert tasks["interview_update"]["process"] == "benefit_review"
    assert tasks["interview_update"]["due"] == "next_update_on"
    supervisor = {name for name, info in tasks.items() if info["lane"] == "Supervisor"}
    assert supervisor == {"approve_decision", "handle_appeal", "overdue_interview_escalation",
                          "decision_deadline_escalation", "decision_deadline_warning",
                          "family_decision_deadline_escalation", "family_decision_deadline_warning",
                          "record_sko_outcome", "debtor_evasion_decision", "debtor_evasion_final"}
    # The FA debtor procedure (issue 16 part 3): each step is due by its statutory term.
    assert {name: tasks[name]["due"] for name in DEBTOR_TASKS if tasks[name]["due"]} == {
        "debtor_interview": "interview_due", "debtor_registration_check": "registration_due",
        "debtor_evasion_decision": "evasion_due", "debtor_licence_motion": "motion_due",
        "debtor_big_report": "big_due", "debtor_prosecutor_notice": "prosecutor_due",
        "debtor_licence_withdrawal": "withdrawal_due"}
    # The Niebieska Karta procedure (issue 17 part 2): each step is due as the service sets it.
    assert {name: (tasks[name]["due"], tasks[name]["process"]) for name in NK_TASKS} == {
        "nk_handover": ("handover_due", "niebieska_karta"),
        "nk_group_meeting": ("meeting_due", "niebieska_karta"),
        "nk_closing": ("closing_due", "niebieska_karta")}


def test_canned_form_data_is_valid_for_every_form(compiled, sources_and_forms):
    _, forms = sources_and_forms
    for name, info in compiled.user_tasks.items():
        schema = forms[info["form"]]
        assert schema["type"] == "object" and schema["additionalProperties"] is False
        Draft202012Validator(schema, format_checker=FormatChecker()).validate(canned_form_data(name))


def test_conditional_requirements_in_forms(sources_and_forms):
    _, forms = sources_and_forms
    approve = Draft202012Validator(forms["approve_decision"])
    assert not approve.is_valid({"approval": "return"})
    assert approve.is_valid({"approval": "return", "approval_comment": "Popraw kwotę."})
    delivery = Draft202012Validator(forms["record_delivery"])
    assert not delivery.is_valid({"delivery_mode": "notice"})
    assert delivery.is_valid({"delivery_mode": "notice", "first_notice_on": "2026-03-05"})
    supplement = Draft202012Validator(forms["request_supplement"])
    assert not supplement.is_valid(canned_form_data("request_supplement", supplement_days=6))


@pytest.mark.parametrize("path", sorted(WORKFLOWS.glob("*.bpmn")), ids=lambda p: p.name)
def test_diagram_interchange_is_complete(path):
    root = etree.parse(str(path)).getroot()
    shapes = {s.get("bpmnElement") for s in root.iterfind(".//bpmndi:BPMNShape", NS)}
    edges = {e.get("bpmnElement") for e in root.iterfind(".//bpmndi:BPMNEdge", NS)}
    for process in root.iterfind("bpmn:process", NS):
        for node in process.iter():
            if not isinstance(node.tag, str) or not node.get("id"):
                continue
            tag = etree.QName(node).localname
            # Event definitions live inside their event's shape and have no DI of their own.
            if etree.QName(node).namespace != NS["bpmn"] or tag in {"process", "laneSet"} \
                    or tag.endswith("EventDefinition"):
                continue
            target = edges if tag == "sequenceFlow" else shapes
            assert node.get("id") in target, f"{path.name}: {tag} {node.get('id')} has no DI"
        lanes = {}
        for lane in process.iterfind(".//bpmn:lane", NS):
            assert lane.get("name") in {"Caseworker", "Supervisor"}
            for ref in lane.iterfind("bpmn:flowNodeRef", NS):
                assert ref.text not in lanes, f"{ref.text} is in two lanes"
                lanes[ref.text] = lane.get("name")
        for task in process.iterfind(".//bpmn:userTask", NS):
            assert task.get("id") in lanes


def test_form_fields_must_be_usable_variables(engine):
    forms = {"mini_form": {"type": "object", "properties": {"timer_at": {}, "bad-name": {}}}}
    errors = _errors(engine, {"mini.bpmn": mini_bpmn()}, forms=forms)
    assert any("field 'timer_at' would shadow a script function" in e for e in errors)
    assert any("field 'bad-name' is not a valid variable name" in e for e in errors)
