"""Issue 14, part 6: a benefit is one catalogue entry. A scratch entry registered in the catalogue
(and nowhere else) appears in the API enum (OpenAPI, and the API takes it), the application
form, the simulator and the decision document."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import Any

import pytest

from app.domain import benefits
from app.services.kernel.context import Actor, ServiceContext
from tests.drive import sample_application
from tests.integration.test_documents import _actors, _issue
from tests.web.test_calculator import login, page_form, text_of
from tests.web.test_register import _token

pytestmark = [pytest.mark.timeout(300), pytest.mark.embedded]

SCRATCH = "zasilek_probny"


@pytest.fixture
def scratch() -> Iterator[benefits.Benefit]:
    """A fixed-term u.p.s. benefit under a new code and name, registered for one test."""
    model = next(b for b in benefits.entries() if b.end_required)
    entry = benefits.register(replace(
        model, code=SCRATCH, order=999, name="zasiłek próbny", name_genitive="zasiłku próbnego",
        label="Zasiłek próbny", name_en="Trial benefit"))
    yield entry
    benefits.unregister(SCRATCH)


def test_issue14_a_scratch_entry_is_in_the_openapi_enums_and_the_api_takes_it(
        client: Any, scratch: benefits.Benefit) -> None:
    doc = client.get("/api/openapi.json").get_json()
    schemas = doc["components"]["schemas"]
    assert SCRATCH in schemas["CaseRequest"]["properties"]["benefit"]["enum"]
    assert SCRATCH in schemas["EligibilityRequest"]["properties"]["benefit"]["enum"]
    # It asks for a request (the amount and period are the centre's), as its model does.
    assert SCRATCH not in schemas["CaseRequest"]["allOf"][0]["if"]["properties"]["benefit"]["enum"]
    auth = _token(client, "caseworker1")
    res = client.post("/api/cases", json=sample_application(benefit=SCRATCH), headers=auth)
    assert res.status_code == 201, res.get_data(as_text=True)[:300]


def test_issue14_a_scratch_entry_is_on_the_application_form(
        client: Any, scratch: benefits.Benefit) -> None:
    login(client)
    page = text_of(client.get("/cases/new"))
    assert f'value="{SCRATCH}"' in page and "Zasiłek próbny" in page


def test_issue14_a_scratch_entry_is_computed_by_the_simulator(
        client: Any, scratch: benefits.Benefit) -> None:
    login(client)
    page = text_of(client.post("/symulator", data=page_form()))
    assert f'data-benefit="{SCRATCH}"' in page and "Zasiłek próbny" in page


def test_issue14_a_scratch_entry_is_named_in_its_decision_document(
        ctx: ServiceContext, caseworker: Actor, supervisor: Actor,
        scratch: benefits.Benefit) -> None:
    _, text = _issue(ctx, _actors(caseworker, supervisor), sample_application(benefit=SCRATCH))
    assert "zasiłek próbny" in text and "Przyznać stronie" in text
