"""Workflow engine adapter: the only package that imports SpiffWorkflow.

Other layers code against exactly the names exported here.
"""

from .compiler import load_sources
from .engine import WorkflowEngine
from .errors import DefinitionError, EngineError, ScriptError, TaskNotReady
from .migration import (
    ElementFate,
    ElementView,
    Migration,
    MigrationRefused,
    current_elements,
    migrate,
    resume,
)
from .model import CompiledDefinition, DefinitionRef, ServiceCall, Snapshot, UserTaskView

__all__ = [
    "CompiledDefinition",
    "DefinitionError",
    "DefinitionRef",
    "ElementFate",
    "ElementView",
    "EngineError",
    "Migration",
    "MigrationRefused",
    "ScriptError",
    "ServiceCall",
    "Snapshot",
    "TaskNotReady",
    "UserTaskView",
    "WorkflowEngine",
    "current_elements",
    "load_sources",
    "migrate",
    "resume",
]
