"""What the appeals part registers with the workflow runtime at start-up."""

from __future__ import annotations

from app.services.appeals import task_actions
from app.services.workflow.registry import Registry


def register(registry: Registry) -> None:
    """The appeal window's, the appeal's and the SKO ruling's case actions."""
    registry.add_actions(task_actions.ACTIONS)
