"""Start-up: every sub-domain registers its case actions and service operations with the workflow
registry. The service factory calls :func:`register_all` for the web app, the Celery worker and
the CLI (all build their context with :func:`app.services.factory.build_context`), so the runtime
and the deploy contract check see every action and operation the code provides."""

from __future__ import annotations

from app.services.appeals import registration as appeals
from app.services.cases import registration as cases
from app.services.debtors import registration as debtors
from app.services.decisions import registration as decisions
from app.services.niebieska_karta import registration as niebieska_karta
from app.services.payments import registration as payments
from app.services.provision import registration as provision
from app.services.social_work import registration as social_work
from app.services.workflow.registry import REGISTRY, Registry


def register_all(registry: Registry = REGISTRY) -> Registry:
    """Register every sub-domain (idempotent: a second call adds nothing)."""
    for part in (cases, provision, decisions, appeals, payments, social_work, niebieska_karta, debtors):
        part.register(registry)
    return registry
