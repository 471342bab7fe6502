"""What social work registers with the workflow runtime at start-up."""

from __future__ import annotations

from app.services.social_work import notices
from app.services.workflow.registry import Registry


def register(registry: Registry) -> None:
    """The decision draft shows the family's refusals of a kontrakt socjalny (art. 11 ust. 2)."""
    registry.add_form_context("draft_decision", "social_contract_refusals", notices.refusal_notices)
