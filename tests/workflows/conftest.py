"""Shared fixtures: one engine with stand-in script functions, the compiled project definition."""

from datetime import datetime
from pathlib import Path

import pytest

from app.workflow_engine import DefinitionRef, WorkflowEngine, load_sources
from app.workflow_engine.clock import WARSAW
from app.workflow_engine.fixtures import stub_script_functions

WORKFLOWS = Path(__file__).resolve().parents[2] / "workflows"
T0 = datetime(2026, 3, 2, 9, 0, tzinfo=WARSAW)  # a Monday; the default application date


class CountingRef:
    """A DefinitionRef factory that counts how often the blob is loaded."""

    def __init__(self, compiled):
        self.compiled = compiled
        self.loads = 0

    def _load(self) -> bytes:
        self.loads += 1
        return self.compiled.spec_blob

    @property
    def ref(self) -> DefinitionRef:
        return DefinitionRef(self.compiled.content_hash, self._load)


@pytest.fixture(scope="session")
def sources_and_forms():
    return load_sources(WORKFLOWS)


@pytest.fixture(scope="session")
def engine():
    return WorkflowEngine(stub_script_functions(), script_time_limit=0.5)


@pytest.fixture(scope="session")
def compiled(engine, sources_and_forms):
    sources, forms = sources_and_forms
    return engine.compile(sources, "benefit_case", forms)


@pytest.fixture(scope="session")
def definition(compiled):
    return DefinitionRef(compiled.content_hash, lambda: compiled.spec_blob)


@pytest.fixture(scope="session")
def stage_definition(engine, sources_and_forms):
    """Compile one stage process on its own as the main process."""
    cache = {}

    def make(process: str) -> DefinitionRef:
        if process not in cache:
            sources, forms = sources_and_forms
            compiled = engine.compile(sources, process, forms)
            cache[process] = DefinitionRef(compiled.content_hash, lambda: compiled.spec_blob)
        return cache[process]

    return make


def mini_bpmn(
    *,
    script: str = "x = 1",
    props: dict | None = None,
    lane: bool = True,
    process_id: str = "mini",
    extra: str = "",
) -> str:
    """A one-script, one-user-task process for definition and sandbox tests."""
    props = {"form": "mini_form", "title_pl": "Zadanie", "title_en": "Task"} if props is None else props
    prop_xml = "".join(f'<spiffworkflow:property name="{k}" value="{v}"/>' for k, v in props.items())
    lanes = (
        '<bpmn:laneSet id="ls"><bpmn:lane id="lane_cw" name="Caseworker">'
        "<bpmn:flowNodeRef>start</bpmn:flowNodeRef><bpmn:flowNodeRef>run_script</bpmn:flowNodeRef>"
        "<bpmn:flowNodeRef>ask</bpmn:flowNodeRef><bpmn:flowNodeRef>end</bpmn:flowNodeRef>"
        "</bpmn:lane></bpmn:laneSet>"
        if lane
        else ""
    )
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
  xmlns:spiffworkflow="http://spiffworkflow.org/bpmn/schema/1.0/core" id="defs_{process_id}"
  targetNamespace="http://pomoc.example/test">
  <bpmn:process id="{process_id}" isExecutable="true">
    {lanes}
    <bpmn:startEvent id="start"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:scriptTask id="run_script" name="Skrypt"><bpmn:incoming>f1</bpmn:incoming>
      <bpmn:outgoing>f2</bpmn:outgoing><bpmn:script>{script}</bpmn:script></bpmn:scriptTask>
    <bpmn:userTask id="ask" name="Zadanie"><bpmn:extensionElements><spiffworkflow:properties>
      {prop_xml}</spiffworkflow:properties></bpmn:extensionElements>
      <bpmn:incoming>f2</bpmn:incoming><bpmn:outgoing>f3</bpmn:outgoing></bpmn:userTask>
    <bpmn:endEvent id="end"><bpmn:incoming>f3</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="run_script"/>
    <bpmn:sequenceFlow id="f2" sourceRef="run_script" targetRef="ask"/>
    <bpmn:sequenceFlow id="f3" sourceRef="ask" targetRef="end"/>
    {extra}
  </bpmn:process>
</bpmn:definitions>
"""


MINI_FORMS = {"mini_form": {"type": "object", "properties": {}, "additionalProperties": False}}
