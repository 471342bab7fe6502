"""What the decisions part registers with the workflow runtime at start-up."""

from __future__ import annotations

from app.services.decisions import job_operations, task_actions, task_context
from app.services.workflow.registry import Registry


def register(registry: Registry) -> None:
    """The decision's case actions and service operations, the copy of the engine's reports onto
    the decision, and what a task form shows."""
    registry.add_actions(task_actions.ACTIONS)
    registry.add_operations(job_operations.OPERATIONS)
    registry.add_sync(task_actions.sync_decision)
    registry.set_form_context(task_context.form_context)
