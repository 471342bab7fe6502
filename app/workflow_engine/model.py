"""Plain data types of the adapter's public API (no SpiffWorkflow objects leak out)."""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True)
class DefinitionRef:
    """Identifies a deployed definition; `load_spec` returns its `spec_blob` on a cache miss."""

    content_hash: str
    load_spec: Callable[[], bytes]


@dataclass(frozen=True)
class CompiledDefinition:
    """Result of `WorkflowEngine.compile`: store `spec_blob` once per definition version."""

    key: str
    content_hash: str
    spec_blob: bytes
    # bpmn id -> {title_pl, title_en, lane, form, process, due, four_eyes_of}
    user_tasks: dict[str, dict] = field(default_factory=dict)


@dataclass
class UserTaskView:
    """A READY human task, as the worklist mirrors it."""

    task_id: str
    name: str
    title_pl: str
    title_en: str
    lane: str
    form: str
    process: str
    data: dict
    due_on: str | None
    four_eyes_of: str | None
    # The declared case action (extension property `action`), "" when none is declared.
    action: str = ""


@dataclass
class ServiceCall:
    """A deferred service task waiting (STARTED) for `complete_service_task`."""

    task_id: str
    operation: str
    params: dict


@dataclass
class Snapshot:
    """Everything the service layer persists and mirrors after one engine call."""

    state: bytes
    serializer_version: str
    user_tasks: list[UserTaskView]
    service_calls: list[ServiceCall]
    next_timer_at: datetime | None
    completed: bool
    data: dict
    stage: str | None
