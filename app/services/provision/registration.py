"""What the provision part registers with the workflow runtime at start-up."""

from __future__ import annotations

from app.services.provision import task_context
from app.services.workflow.registry import Registry


def register(registry: Registry) -> None:
    """What the decision draft shows for care services: the fee the rada gminy's table gives
    (the draft's own action records the scope through :func:`app.services.provision.scope.record`)."""
    registry.add_form_context("draft_decision", "provision", task_context.fee_preview)
