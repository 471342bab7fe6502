"""Spiff customisations: deferred service tasks, the parser and the serializer registry."""

from uuid import UUID

from SpiffWorkflow.bpmn import BpmnWorkflow
from SpiffWorkflow.bpmn.parser.util import full_tag
from SpiffWorkflow.bpmn.serializer import BpmnWorkflowSerializer
from SpiffWorkflow.bpmn.serializer.default.workflow import BpmnWorkflowConverter, WorkflowConverter
from SpiffWorkflow.bpmn.serializer.workflow import VERSION as SERIALIZER_VERSION
from SpiffWorkflow.spiff.parser.process import VALIDATOR, SpiffBpmnParser
from SpiffWorkflow.spiff.parser.task_spec import ServiceTaskParser
from SpiffWorkflow.spiff.serializer.config import SPIFF_CONFIG
from SpiffWorkflow.spiff.serializer.task_spec import ServiceTaskConverter
from SpiffWorkflow.spiff.specs.defaults import ServiceTask

__all__ = [
    "SERIALIZER_VERSION",
    "VALIDATOR",
    "DeferredServiceTask",
    "PomocBpmnParser",
    "REGISTRY",
    "SERIALIZER",
]

PARAMS_KEY = "service_params"


class DeferredServiceTask(ServiceTask):
    """A service task that does not run in the engine: it evaluates its parameters, stays
    STARTED, and is completed later by `WorkflowEngine.complete_service_task`."""

    def _execute(self, task):
        engine = task.workflow.script_engine
        params = {
            name: engine.evaluate(task, param["value"]) for name, param in self.operation_params.items()
        }
        # Kept in internal data so the call is reported identically on every later load.
        task.internal_data[PARAMS_KEY] = params
        return None

    @property
    def explicit_result_variable(self) -> str | None:
        """The resultVariable given in the BPMN, or None (then result keys merge into data)."""
        operator = getattr(self, "extensions", {}).get("serviceTaskOperator") or {}
        return operator.get("resultVariable") or None


class PomocBpmnParser(SpiffBpmnParser):
    """SpiffBpmnParser that builds DeferredServiceTask for every bpmn:serviceTask."""

    OVERRIDE_PARSER_CLASSES = {
        **SpiffBpmnParser.OVERRIDE_PARSER_CLASSES,
        full_tag("serviceTask"): (ServiceTaskParser, DeferredServiceTask),
    }


class SpeclessWorkflowConverter(BpmnWorkflowConverter):
    """Workflow converter that leaves the specs out; they are stored once per definition.

    It names the top-level process (`process`), because a definition can start several;
    `serialization.decode_state` picks that process's spec when restoring.
    """

    def to_dict(self, workflow):
        dct = WorkflowConverter.to_dict(self, workflow)
        dct["process"] = workflow.spec.name
        dct["subprocesses"] = self.mapping_to_dict(workflow.subprocesses)
        dct["bpmn_events"] = self.registry.convert(workflow.bpmn_events)
        return dct

    def from_dict(self, dct, spec=None, subprocess_specs=None, script_engine=None):
        dct.pop("process", None)
        workflow = self.target_class(spec, subprocess_specs, script_engine=script_engine, deserializing=True)
        workflow.tasks = self.mapping_from_dict(dct["tasks"], UUID, workflow=workflow)
        workflow.task_tree = workflow.tasks.get(UUID(dct["root"]))
        self.set_default_attributes(workflow, dct)
        self.subprocesses_from_dict(dct["subprocesses"], workflow)
        workflow.bpmn_events = self.registry.restore(dct.pop("bpmn_events", []))
        return workflow


def _build_registry():
    config = dict(SPIFF_CONFIG)
    config[DeferredServiceTask] = ServiceTaskConverter
    config[BpmnWorkflow] = SpeclessWorkflowConverter
    return BpmnWorkflowSerializer.configure(config)


REGISTRY = _build_registry()
SERIALIZER = BpmnWorkflowSerializer(registry=REGISTRY)
