"""The registry of case actions and service operations, and their dispatch.

The runtime (worklist, instances, jobs) asks the registry what a task's action does and which
handler runs a job; the sub-domains fill it at start-up, each with its own
``registration.register(registry)`` (called from :func:`app.services.registration.register_all`,
which the service factory runs for the web app, the worker and the CLI). So ``workflow/`` sits
below the sub-domains and imports none of them.

An action is the contract between diagrams and code (see :mod:`app.services.definitions.contract`):
a user task names its action in the extension property ``action``, never by its id, name or form
name; an operation is what a service task asks for.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from app.domain.views import JsonView
from app.persistence.models import HumanTask, Job, ProcessInstance
from app.services.kernel.context import Actor, UnitOfWork

Hook = Callable[[UnitOfWork, Actor, ProcessInstance, HumanTask, dict[str, Any]], None]
# A service operation: its outcome (a view) is the workflow variables handed to the process.
Handler = Callable[[UnitOfWork, Job], JsonView]
# Records on the case what the engine reports after a step (e.g. the delivery date, finality).
Sync = Callable[[UnitOfWork, int, dict[str, Any]], None]
# What the person completing a task sees (the case, the draft, the form's starting values).
FormContext = Callable[[UnitOfWork, HumanTask], dict[str, Any]]
# What one action's form shows besides the common context: a typed view, or None (nothing).
ActionContext = Callable[[UnitOfWork, HumanTask], JsonView | None]

# A user task that records nothing in the case tables (e.g. acknowledging an escalation).
NO_ACTION = "none"


@dataclass(frozen=True)
class Action:
    """A case action: what a user task's form does to the case records when it completes.

    ``fields`` are the form fields the hook reads, with their JSON type; ``required`` those the
    form must require. A deployable definition performs every ``essential`` action somewhere.
    ``four_eyes_of`` names the action whose performer may not perform this one.
    """

    hook: Hook
    fields: Mapping[str, str]
    required: frozenset[str]
    essential: bool = False
    four_eyes_of: str | None = None
    doc: str = ""
    # The role that must perform it whatever lane a diagram puts the task in (approval).
    role: str | None = None


@dataclass(frozen=True)
class Operation:
    """A service operation a diagram's service task may ask for (the contract with the code).

    ``params`` are the operator parameters it takes, with their Spiff type; ``required`` those a
    service task must pass. A handler reads the case by the job's case, so the parameters are
    what the diagram states it hands over (checked at deploy), not a second source of facts.
    """

    handler: Handler
    params: Mapping[str, str]
    required: frozenset[str]
    doc: str = ""


def fields(**types: str) -> Mapping[str, str]:
    """An action's fields (or an operation's parameters) with their types, read-only."""
    return MappingProxyType(types)


class Registry:
    """Actions, operations, the engine-data sync hooks and the task form context provider."""

    def __init__(self) -> None:
        self._actions: dict[str, Action] = {}
        self._operations: dict[str, Operation] = {}
        self._syncs: list[Sync] = []
        self._form_context: FormContext | None = None
        self._action_contexts: dict[str, dict[str, ActionContext]] = {}

    # -- filled at start-up; registering the same entry again is a no-op ---------------------
    def add_actions(self, actions: Mapping[str, Action]) -> None:
        for name, action in actions.items():
            if self._actions.setdefault(name, action) is not action:
                raise ValueError(f"Two case actions are named {name!r}.")

    def add_operations(self, operations: Mapping[str, Operation]) -> None:
        for name, operation in operations.items():
            if self._operations.setdefault(name, operation) is not operation:
                raise ValueError(f"Two service operations are named {name!r}.")

    def add_sync(self, sync: Sync) -> None:
        if sync not in self._syncs:
            self._syncs.append(sync)

    def set_form_context(self, provider: FormContext) -> None:
        if self._form_context not in (None, provider):
            raise ValueError("A task form context provider is already registered.")
        self._form_context = provider

    def add_form_context(self, action: str, key: str, provider: ActionContext) -> None:
        """What one action's form shows besides the common context, under ``key`` (e.g. the
        appeal on the `handle_appeal` task), from the sub-domain that owns it; several
        sub-domains may each add their own key to one action's form."""
        keyed = self._action_contexts.setdefault(action, {})
        if keyed.setdefault(key, provider) is not provider:
            raise ValueError(f"Two form contexts are registered for {action!r} under {key!r}.")

    # -- read by the runtime and the contract check ------------------------------------------
    @property
    def actions(self) -> Mapping[str, Action]:
        return MappingProxyType(self._actions)

    @property
    def operations(self) -> Mapping[str, Operation]:
        return MappingProxyType(self._operations)

    def handler(self, operation: str) -> Handler | None:
        found = self._operations.get(operation)
        return found.handler if found is not None else None

    def action_of(self, declared: str, form: str) -> str | None:
        """The action a mirrored task performs: the one its diagram declares.

        Diagrams deployed before actions were declared name none; their tasks perform the action
        named like their form, so running cases on old versions keep their records.
        """
        if declared:
            return None if declared == NO_ACTION else declared
        return form if form in self._actions else None

    def before_complete(self, uow: UnitOfWork, actor: Actor, inst: ProcessInstance, ht: HumanTask,
                        data: dict[str, Any]) -> None:
        """Update case records for a task about to be completed (same transaction)."""
        action = self._actions.get(ht.action or "")
        if action is not None:
            action.hook(uow, actor, inst, ht, data)

    def sync_from_workflow(self, uow: UnitOfWork, case_id: int, wf_data: dict[str, Any]) -> None:
        """Record on the case what the engine reports, after every engine step."""
        for sync in self._syncs:
            sync(uow, case_id, wf_data)

    # A dict: a task's context, whose keys depend on its action (free JSON the API sends).
    def form_context(self, uow: UnitOfWork, ht: HumanTask) -> dict[str, Any]:
        """What the person completing a task needs to see (empty until one is registered)."""
        ctx = self._form_context(uow, ht) if self._form_context is not None else {}
        for key, provider in self._action_contexts.get(ht.action or "", {}).items():
            view = provider(uow, ht)
            if view is not None:
                ctx = {**ctx, key: view.as_json()}
        return ctx


# The process's one registry: the factory registers every sub-domain into it at start-up.
REGISTRY = Registry()
