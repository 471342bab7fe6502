"""Decision PDFs per second: what the decision-document job spends on rendering and storing.

One case is driven to an issued decision; then, repeatedly and each in a transaction that is
rolled back, the decision is rendered (HTML from the templates, with its facts and calculation)
and stored as a PDF with its hash — the work the `decision_document` job does per decision.
"""

from __future__ import annotations

import time
from typing import Any

from sqlalchemy import select

from app.persistence.models import Decision
from app.services.decisions.decision_document import BENEFITS, render_decision
from app.services.documents import document_store
from app.services.documents.office import office, signer

from .common import BenchClock, RecordingPublisher, median
from .service import Driver
from .workload import application


def bench(ctx: Any, clock: BenchClock, publisher: RecordingPublisher, by_role: dict[str, Any],
          seconds: float = 5.0) -> dict[str, Any]:
    """{decision_pdf_per_s, ms_per_pdf_p50, pdf_bytes}."""
    driver = Driver(ctx, clock, publisher, by_role)
    case_id = driver.lifecycle(application("zasilek_okresowy", offset=900_000))
    times: list[float] = []
    size = 0
    started = time.perf_counter()
    while time.perf_counter() - started < seconds or len(times) < 3:
        with ctx.uow() as uow:
            decision = uow.session.scalars(select(Decision).where(Decision.case_id == case_id)).one()
            t0 = time.perf_counter()
            body = office(uow)
            who = signer(uow, decision.approved_by_id, BENEFITS[decision.benefit].act,
                         decision.issued_on)
            assert body is not None and who is not None
            html = render_decision(uow, decision, body, who)
            stored = document_store.store(uow, case_id, "decision", html, decision.approved_by_id,
                                          decision_id=decision.id)
            times.append(time.perf_counter() - t0)
            size = stored.size
            uow.session.rollback()
    total = sum(times)
    return {"decision_pdf_per_s": len(times) / total if total else float("nan"),
            "ms_per_pdf_p50": median(times) * 1000, "pdf_bytes": size, "n": len(times)}
