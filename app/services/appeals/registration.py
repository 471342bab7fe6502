"""What the appeals part registers with the workflow runtime at start-up."""

from __future__ import annotations

from app.services.appeals import task_actions, task_context
from app.services.workflow.registry import Registry


def register(registry: Registry) -> None:
    """The appeal window's, the appeal's and the SKO ruling's case actions, and what the
    `handle_appeal` task shows (the appeal)."""
    registry.add_actions(task_actions.ACTIONS)
    registry.add_form_context("handle_appeal", "appeal", task_context.appeal_context)
