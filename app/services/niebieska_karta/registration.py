"""What the Niebieska Karta procedure registers with the workflow runtime at start-up."""

from __future__ import annotations

from app.services.niebieska_karta import steps
from app.services.workflow.registry import Registry


def register(registry: Registry) -> None:
    """The procedure's actions (one per user task of ``niebieska_karta.bpmn``), so the deploy
    contract check holds the diagram's forms to the fields the procedure's service reads."""
    registry.add_actions(steps.ACTIONS)
