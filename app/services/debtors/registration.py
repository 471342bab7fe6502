"""What the debtor procedure registers with the workflow runtime at start-up."""

from __future__ import annotations

from app.services.debtors import task_actions
from app.services.workflow.registry import Registry


def register(registry: Registry) -> None:
    """The debtor procedure's case actions (one per step of ``fa_debtor.bpmn``)."""
    registry.add_actions(task_actions.ACTIONS)
