"""What the payments part registers with the workflow runtime at start-up."""

from __future__ import annotations

from app.services.payments import operations
from app.services.workflow.registry import Registry


def register(registry: Registry) -> None:
    """The payment schedule's service operation."""
    registry.add_operations(operations.OPERATIONS)
