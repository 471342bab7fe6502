"""Issue 14, part 1: a benefit's catalogue entry names the process its case runs, and opening a
case starts that process (not a choice written in the opening service)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import Any

import pytest

from app.domain import benefits
from tests.drive import sample_application
from tests.web.test_register import _token

pytestmark = [pytest.mark.timeout(300), pytest.mark.embedded]

SCRATCH = "zasilek_procesowy"


@pytest.fixture
def interview_first() -> Iterator[benefits.Benefit]:
    """A benefit whose entry names the community interview as the process its case runs."""
    model = benefits.get("zasilek_okresowy")
    entry = benefits.register(replace(
        model, code=SCRATCH, order=998, name="zasiłek procesowy", name_genitive="zasiłku procesowego",
        label="Zasiłek procesowy", name_en="Process benefit", process="community_interview"))
    yield entry
    benefits.unregister(SCRATCH)


def _opened_stages(client: Any, benefit: str) -> list[tuple[str, str]]:
    res = client.post("/api/cases", json=sample_application(benefit=benefit),
                      headers=_token(client, "caseworker1"))
    assert res.status_code == 201, res.get_data(as_text=True)[:300]
    return [(t["stage"], t["name"]) for t in res.get_json()["open_tasks"]]


def test_issue14_a_case_starts_the_process_its_benefit_entry_names(
        client: Any, interview_first: benefits.Benefit) -> None:
    assert benefits.get("zasilek_okresowy").process == "benefit_case"
    # The catalogue's default process: the application's intake comes first.
    assert [stage for stage, _ in _opened_stages(client, "zasilek_okresowy")] == ["intake"]
    # The entry names another process of the deployed definition: the case starts there.
    assert _opened_stages(client, SCRATCH) == [("community_interview", "conduct_interview")]
