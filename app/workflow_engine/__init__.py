"""Workflow engine adapter: the only package that imports SpiffWorkflow.

Other layers code against exactly the names exported here.
"""

from .compiler import load_sources
from .engine import WorkflowEngine
from .errors import DefinitionError, EngineError, ScriptError, TaskNotReady
from .model import CompiledDefinition, DefinitionRef, ServiceCall, Snapshot, UserTaskView

__all__ = [
    "CompiledDefinition",
    "DefinitionError",
    "DefinitionRef",
    "EngineError",
    "ScriptError",
    "ServiceCall",
    "Snapshot",
    "TaskNotReady",
    "UserTaskView",
    "WorkflowEngine",
    "load_sources",
]
