"""The caseworker downloads the issued decision PDF from the case file in a real browser, and
the file is the stored one (its SHA-256 is the hash the case file shows)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from app.services.case_file import view as case_view
from app.services.cases import opening as cases
from app.services.documents.pdf import content_hash
from app.services.kernel.context import Actor, ServiceContext
from app.services.workflow import jobs
from tests.drive import drive, sample_application
from tests.pdftext import pdf_text

from .test_case_in_browser import login, shot

pytestmark = pytest.mark.browser


def test_the_decision_pdf_downloads_from_the_case_file(
    page: Any, live_server: str, ctx: ServiceContext, caseworker: Actor, supervisor: Actor,
    tmp_path: Path,
) -> None:
    actors = {"caseworker": caseworker, "supervisor": supervisor}
    case_id = cases.open_case(ctx, caseworker, sample_application())
    drive(ctx, case_id, actors, until=lambda ts: any(t.name == "record_delivery" for t in ts))
    jobs.run_pending_inline(ctx)
    [doc] = case_view.get_case(ctx, caseworker, case_id)["documents"]

    login(page, live_server, "caseworker1")
    page.goto(f"{live_server}/cases/{case_id}#dokumenty")
    section = page.locator("#dokumenty")
    assert doc["sha256"][:16] in section.inner_text()
    shot(page, "documents-case-file")
    with page.expect_download() as info:
        section.locator("a", has_text="Pobierz PDF").first.click()
    download = info.value
    target = tmp_path / download.suggested_filename
    download.save_as(str(target))
    data = target.read_bytes()
    assert target.suffix == ".pdf" and data.startswith(b"%PDF")
    assert content_hash(data) == doc["sha256"]
    text = " ".join(pdf_text(data).split())
    assert "DECYZJA nr DEC/2026/" in text and "Jan Testowy" in text
    assert "z upoważnienia Burmistrza Gminy Krzeszowice" in text
