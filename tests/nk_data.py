"""Rows for the Niebieska Karta tests: two persons of the register and a procedure started by a
caseworker (form A)."""

from __future__ import annotations

from typing import Any

from app.services.kernel.context import Actor, ServiceContext
from app.services.niebieska_karta import procedures
from tests.social_work_data import person


def form_a(affected: int, suspect: int, **extra: Any) -> dict[str, Any]:
    """Form A as the centre records it."""
    return {"affected_id": affected, "suspect_id": suspect,
            "violence_kinds": ["physical", "psychological"],
            "facts": "Awantura domowa, pobicie; interwencja dzielnicowego.",
            "children_present": True, **extra}


def start(ctx: ServiceContext, caseworker: Actor, **extra: Any) -> tuple[int, int, int]:
    """(procedure id, affected person id, suspect person id)."""
    affected = person(ctx, "Ewa", "Przykładowa", 701)
    suspect = person(ctx, "Adam", "Przykładowy", 702)
    saved = procedures.start(ctx, caseworker, {"started_on": "2026-03-02",
                                               **form_a(affected, suspect, **extra)})
    return saved.id, affected, suspect
