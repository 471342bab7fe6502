"""What the cases part registers with the workflow runtime at start-up."""

from __future__ import annotations

from app.services.cases import task_actions
from app.services.workflow.registry import Registry


def register(registry: Registry) -> None:
    """The application's and the community interview's case actions."""
    registry.add_actions(task_actions.ACTIONS)
