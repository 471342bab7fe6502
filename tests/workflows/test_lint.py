"""The structural lint: each kind of broken diagram is a Problem naming its element."""

import re

import pytest

from app.workflow_engine.fixtures import stub_script_functions
from app.workflow_engine.lint import lint

FUNCTIONS = list(stub_script_functions())


def _shipped(sources_and_forms) -> tuple[dict[str, str], dict]:
    sources, forms = sources_and_forms
    return {name: raw.decode() for name, raw in sources.items()}, forms


def _delete(text: str, tag: str, element_id: str) -> str:
    """Remove the element `<bpmn:tag id="element_id" ...>` (self-closing or with a body)."""
    start = text.index(f'<bpmn:{tag} id="{element_id}"')
    head_end = text.index(">", start)
    if text[head_end - 1] == "/":
        return text[:start] + text[head_end + 1:]
    close = f"</bpmn:{tag}>"
    return text[:start] + text[text.index(close, start) + len(close):]


def _codes(problems) -> set[tuple[str, str | None, str]]:
    return {(p.file, p.element_id, p.code) for p in problems}


def _lint(sources, forms):
    return lint(sources, forms, FUNCTIONS)


def test_shipped_diagrams_have_no_problems(sources_and_forms):
    sources, forms = _shipped(sources_and_forms)
    assert _lint(sources, forms) == []


def test_deleted_flow_makes_a_dead_end_and_an_unreachable_end(sources_and_forms):
    sources, forms = _shipped(sources_and_forms)
    sources["intake.bpmn"] = _delete(sources["intake.bpmn"], "sequenceFlow",
                                     "Flow_set_complete_end_intake_complete")
    found = _codes(_lint(sources, forms))
    assert ("intake.bpmn", "set_complete", "dead_end") in found
    assert ("intake.bpmn", "end_intake_complete", "unreachable") in found


def test_deleted_exclusive_gateway_leaves_dangling_flows(sources_and_forms):
    sources, forms = _shipped(sources_and_forms)
    sources["benefit_case.bpmn"] = _delete(sources["benefit_case.bpmn"], "exclusiveGateway",
                                           "gw_intake_outcome")
    problems = _lint(sources, forms)
    found = _codes(problems)
    assert ("benefit_case.bpmn", "Flow_call_intake_gw_intake_outcome", "dangling_flow") in found
    assert ("benefit_case.bpmn", "Flow_gw_intake_outcome_decision_phase", "dangling_flow") in found
    assert ("benefit_case.bpmn", "call_intake", "dead_end") in found
    assert ("benefit_case.bpmn", "decision_phase", "unreachable") in found
    dangling = next(p for p in problems if p.element_id == "Flow_call_intake_gw_intake_outcome")
    assert dangling.params == {"end": "targetRef", "ref": "gw_intake_outcome"}
    assert "gw_intake_outcome" in dangling.message


def test_gateway_branch_without_condition(sources_and_forms):
    sources, forms = _shipped(sources_and_forms)
    text = sources["intake.bpmn"]
    sources["intake.bpmn"] = re.sub(
        r'(<bpmn:sequenceFlow id="Flow_gw_complete_set_complete"[^>]*>)\s*'
        r"<bpmn:conditionExpression[^>]*>[^<]*</bpmn:conditionExpression>", r"\1", text)
    assert sources["intake.bpmn"] != text
    problems = [p for p in _lint(sources, forms) if p.code == "gateway_branch_without_condition"]
    assert [(p.element_id, p.params["gateway"]) for p in problems] == [
        ("Flow_gw_complete_set_complete", "gw_complete")]


def test_gateway_whose_branches_all_have_conditions_needs_a_default(sources_and_forms):
    sources, forms = _shipped(sources_and_forms)
    text = sources["intake.bpmn"].replace(' default="Flow_gw_complete_request_supplement"', "", 1)
    sources["intake.bpmn"] = re.sub(
        r'<bpmn:sequenceFlow id="Flow_gw_complete_request_supplement"([^>]*?)\s*/>',
        r'<bpmn:sequenceFlow id="Flow_gw_complete_request_supplement"\1><bpmn:conditionExpression>'
        r"not complete</bpmn:conditionExpression></bpmn:sequenceFlow>", text, count=1)
    assert sources["intake.bpmn"] != text
    found = _codes(_lint(sources, forms))
    assert ("intake.bpmn", "gw_complete", "gateway_without_default") in found


def test_unreachable_task(sources_and_forms):
    sources, forms = _shipped(sources_and_forms)
    orphan = ('<bpmn:scriptTask id="orphan" name="Sierota"><bpmn:outgoing>Flow_orphan</bpmn:outgoing>'
              "<bpmn:script>x = 1</bpmn:script></bpmn:scriptTask>"
              '<bpmn:sequenceFlow id="Flow_orphan" sourceRef="orphan" targetRef="end_intake_complete" />')
    sources["intake.bpmn"] = sources["intake.bpmn"].replace("</bpmn:process>", orphan + "</bpmn:process>", 1)
    problems = [p for p in _lint(sources, forms) if p.code == "unreachable"]
    assert [(p.element_id, p.element_name) for p in problems] == [("orphan", "Sierota")]


def test_loop_without_exit(sources_and_forms):
    sources, forms = _shipped(sources_and_forms)
    loop = ('<bpmn:scriptTask id="spin_a"><bpmn:script>x = 1</bpmn:script></bpmn:scriptTask>'
            '<bpmn:scriptTask id="spin_b"><bpmn:script>x = 2</bpmn:script></bpmn:scriptTask>'
            '<bpmn:sequenceFlow id="Flow_to_spin" sourceRef="set_left_unexamined" targetRef="spin_a" />'
            '<bpmn:sequenceFlow id="Flow_spin_ab" sourceRef="spin_a" targetRef="spin_b" />'
            '<bpmn:sequenceFlow id="Flow_spin_ba" sourceRef="spin_b" targetRef="spin_a" />')
    text = _delete(sources["intake.bpmn"], "sequenceFlow", "Flow_set_left_unexamined_end_left_unexamined")
    sources["intake.bpmn"] = text.replace("</bpmn:process>", loop + "</bpmn:process>", 1)
    found = _codes(_lint(sources, forms))
    looping = ("set_left_unexamined", "spin_a", "spin_b")
    assert {("intake.bpmn", n, "no_path_to_end") for n in looping} <= found
    assert ("intake.bpmn", "end_left_unexamined", "unreachable") in found


def test_duplicate_flow_and_duplicate_id(sources_and_forms):
    sources, forms = _shipped(sources_and_forms)
    sources["payment.bpmn"] = sources["payment.bpmn"].replace("</bpmn:process>", (
        '<bpmn:sequenceFlow id="Flow_again" sourceRef="start_payment" targetRef="create_payment_schedule" />'
        '<bpmn:sequenceFlow id="Flow_again" sourceRef="create_payment_schedule" '
        'targetRef="end_payment_scheduled" />') + "</bpmn:process>", 1)
    found = _codes(_lint(sources, forms))
    assert ("payment.bpmn", "Flow_again", "duplicate_flow") in found
    assert ("payment.bpmn", "Flow_again", "duplicate_id") in found


def test_user_task_without_lane(sources_and_forms):
    sources, forms = _shipped(sources_and_forms)
    sources["intake.bpmn"] = sources["intake.bpmn"].replace(
        "<bpmn:flowNodeRef>record_supplement</bpmn:flowNodeRef>", "", 1)
    problems = [p for p in _lint(sources, forms) if p.code == "user_task_without_lane"]
    assert [(p.file, p.element_id) for p in problems] == [("intake.bpmn", "record_supplement")]


@pytest.mark.parametrize(("value", "code"),
                         [("", "user_task_without_form"), ("no_such_form", "unknown_form")])
def test_user_task_form(sources_and_forms, value, code):
    sources, forms = _shipped(sources_and_forms)
    text = sources["decision.bpmn"]
    sources["decision.bpmn"] = text.replace('name="form" value="approve_decision"',
                                            f'name="form" value="{value}"', 1)
    assert sources["decision.bpmn"] != text
    found = _codes(_lint(sources, forms))
    assert ("decision.bpmn", "approve_decision", code) in found


@pytest.mark.parametrize(("expression", "reason"), [
    ("timer_at(interview_due", "refused"),
    ("sleep_until(interview_due)", "unknown_functions"),
    ("interview_due.__class__", "refused"),
    ("", None),
])
def test_bad_timer(sources_and_forms, expression, reason):
    sources, forms = _shipped(sources_and_forms)
    text = sources["community_interview.bpmn"]
    sources["community_interview.bpmn"] = text.replace(">timer_at(interview_due)<", f">{expression}<", 1)
    assert sources["community_interview.bpmn"] != text
    problems = [p for p in _lint(sources, forms) if p.code == "timer_invalid"]
    assert [(p.file, p.element_id) for p in problems] == [
        ("community_interview.bpmn", "timer_interview_overdue")]
    params = problems[0].params
    if reason is None:
        assert params == {} and "no expression" in problems[0].message
    elif reason == "refused":
        assert params["reason"] == "refused"
    else:
        assert params["unknown_functions"] == ["sleep_until"]


def test_malformed_file_is_a_problem_of_the_file(sources_and_forms):
    sources, forms = _shipped(sources_and_forms)
    sources["payment.bpmn"] = sources["payment.bpmn"][:200]
    problems = _lint(sources, forms)
    assert [(p.file, p.element_id, p.code) for p in problems] == [("payment.bpmn", None, "malformed_xml")]
