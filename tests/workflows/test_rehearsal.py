"""Rehearsal of scripted paths, replay of recorded histories, and hostile XML uploads."""

import re

import pytest

from app.workflow_engine import DefinitionError
from app.workflow_engine.compiler import problems_of, screen_sources
from app.workflow_engine.rehearsal import rehearse
from app.workflow_engine.replay import CaseHistory, replay


def _texts(sources_and_forms):
    sources, forms = sources_and_forms
    return {name: raw.decode() for name, raw in sources.items()}, forms


def _rehearse(engine, sources, forms):
    return rehearse(engine, engine.compile(sources, "benefit_case", forms), forms)


def test_shipped_paths_rehearse_without_problems(engine, compiled, sources_and_forms):
    _, forms = sources_and_forms
    assert rehearse(engine, compiled, forms) == []


def test_condition_over_an_undefined_variable(engine, sources_and_forms):
    sources, forms = _texts(sources_and_forms)
    condition = "decision_outcome == &quot;final&quot; and decision_kind != &quot;refusal&quot;"
    assert condition in sources["benefit_case.bpmn"]
    sources["benefit_case.bpmn"] = sources["benefit_case.bpmn"].replace(
        condition, condition + " and payment_approved", 1)
    problems = _rehearse(engine, sources, forms)
    assert {(p.file, p.element_id, p.code) for p in problems} == {
        ("benefit_case.bpmn", "gw_decision_outcome", "condition_error")}
    assert "payment_approved" in problems[0].message and problems[0].params["scenario"]


def test_script_raising(engine, sources_and_forms):
    sources, forms = _texts(sources_and_forms)
    sources["decision.bpmn"] = re.sub(
        r'(<bpmn:scriptTask id="compute_sko_due"[^>]*>.*?<bpmn:script>)',
        r"\1x = 1 / 0\n", sources["decision.bpmn"], count=1, flags=re.S)
    problems = _rehearse(engine, sources, forms)
    assert [(p.file, p.element_id, p.code) for p in problems] == [
        ("decision.bpmn", "compute_sko_due", "script_error")]
    assert "ZeroDivisionError" in problems[0].message
    assert problems[0].params["scenario"].startswith("appeal")


def test_endless_loop_script(engine, sources_and_forms):
    sources, forms = _texts(sources_and_forms)
    sources["intake.bpmn"] = re.sub(
        r'(<bpmn:scriptTask id="set_complete"[^>]*>.*?<bpmn:script>)',
        r"\1while True:\n    pass\n", sources["intake.bpmn"], count=1, flags=re.S)
    problems = _rehearse(engine, sources, forms)
    assert [(p.file, p.element_id, p.code) for p in problems] == [
        ("intake.bpmn", "set_complete", "script_timeout")]


def test_path_that_ends_nowhere(engine, sources_and_forms):
    """A waiting catch event nothing ever triggers: the case has nothing left to do."""
    sources, forms = _texts(sources_and_forms)
    text = sources["payment.bpmn"]
    sources["payment.bpmn"] = re.sub(
        r'<bpmn:endEvent id="end_payment_scheduled"([^>]*)>(.*?)</bpmn:endEvent>',
        r'<bpmn:intermediateCatchEvent id="end_payment_scheduled"\1>\2'
        r'<bpmn:signalEventDefinition id="never_signal"/></bpmn:intermediateCatchEvent>'
        r'<bpmn:endEvent id="end_payment_really"/>'
        r'<bpmn:sequenceFlow id="Flow_payment_really" sourceRef="end_payment_scheduled" '
        r'targetRef="end_payment_really"/>', text, count=1, flags=re.S)
    assert sources["payment.bpmn"] != text
    problems = _rehearse(engine, sources, forms)
    assert ("payment.bpmn", "stuck_path") in {(p.file, p.code) for p in problems}, problems


# ------------------------------------------------------------------------------ replay
def _history(case_id, steps, benefit="zasilek_okresowy", baseline=None):
    return CaseHistory(case_id=case_id, start={"case_id": case_id, "benefit": benefit, "urgent": False,
                                               "application_date": "2026-03-02"},
                       steps=[{"task": name, "data": data} for name, data in steps], baseline=baseline)


GRANTED = [
    ("completeness_check", {"complete": True}),
    ("conduct_interview", {"interview_on": "2026-03-02", "verified_incomes": [], "findings": "x",
                           "help_plan": "y"}),
    ("draft_decision", {"decision_kind": "grant", "amount": "500.00", "period_from": "2026-03-02",
                        "period_to": None}),
    ("approve_decision", {"approval": "approve"}),
    ("record_delivery", {"delivery_mode": "delivered", "delivered_on": "2026-03-03"}),
    ("appeal_window", {"appeal_event": "waiver", "appeal_event_on": "2026-03-04"}),
]
NOT_COMPLETE = [("completeness_check", {"complete": False, "missing_items": "x"})]


def test_replay_reports_the_cases_that_now_end_differently(engine, compiled, definition, sources_and_forms):
    sources, forms = _texts(sources_and_forms)
    histories = [_history(1, GRANTED, baseline=definition), _history(2, NOT_COMPLETE, baseline=definition)]
    same = replay(engine, compiled, histories, forms)
    assert (same["total"], same["changed"], same["unchanged"]) == (2, 0, [1, 2])

    # The candidate sends a waived appeal to the SKO: the granted case now ends without payment.
    sources["decision.bpmn"] = sources["decision.bpmn"].replace(
        "appeal_event == &quot;waiver&quot;", "appeal_event == &quot;never&quot;", 1)
    candidate = engine.compile(sources, "benefit_case", forms)
    report = replay(engine, candidate, histories, forms)
    assert report["changed"] == 1 and report["unchanged"] == [2]
    (case,) = report["cases"]
    assert case["case_id"] == 1
    assert case["before"]["ends"] == ["end_case_closed"] and case["after"]["ends"] == []
    assert case["after"]["waiting_at"] == ["handle_appeal"]
    assert any("waits at handle_appeal" in d for d in case["differences"])


# ------------------------------------------------------------------------------ hostile XML
BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"><bpmn:process id="p">
<bpmn:documentation>&lol3;</bpmn:documentation></bpmn:process></bpmn:definitions>"""
EXTERNAL = """<?xml version="1.0"?>
<!DOCTYPE d [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"><bpmn:process id="p">
<bpmn:documentation>&secret;</bpmn:documentation></bpmn:process></bpmn:definitions>"""


@pytest.mark.parametrize("text", [BILLION_LAUGHS, EXTERNAL, EXTERNAL.encode("utf-16")],
                         ids=["billion-laughs", "external-entity", "utf-16"])
def test_entities_are_refused_before_parsing(engine, sources_and_forms, text):
    sources, forms = _texts(sources_and_forms)
    assert [(p.file, p.code) for p in screen_sources({"evil.bpmn": text})] == [("evil.bpmn", "xml_entities")]
    with pytest.raises(DefinitionError) as info:
        engine.compile({**sources, "evil.bpmn": text}, "benefit_case", forms)
    assert [(p.file, p.code) for p in problems_of(info.value)] == [("evil.bpmn", "xml_entities")]
    assert "passwd" not in str(info.value) and "lollol" not in str(info.value)


def test_oversized_files_are_refused(sources_and_forms):
    sources, _ = _texts(sources_and_forms)
    limit = max(len(text.encode()) for text in sources.values())
    padding = "<!--" + "x" * limit + "-->\n</bpmn:definitions>"
    big = sources["payment.bpmn"].replace("</bpmn:definitions>", padding)
    problems = screen_sources({**sources, "payment.bpmn": big}, max_file_bytes=limit, max_upload_bytes=10**7)
    assert [(p.file, p.code) for p in problems] == [("payment.bpmn", "xml_too_large")]
    problems = screen_sources(sources, max_file_bytes=10**6, max_upload_bytes=1000)
    assert [(p.file, p.element_id, p.code) for p in problems] == [("", None, "xml_too_large")]
    assert screen_sources(sources) == []

