"""Issue 16: the application page takes the member facts of the care benefits and the dodatki,
keeps a wrong value with its error, and the case page shows them in Polish."""

from __future__ import annotations

from typing import Any

import pytest

from tests.web.test_pages import application_form, login, text

pytestmark = [pytest.mark.timeout(120), pytest.mark.embedded]


def test_the_application_page_records_the_care_facts(client: Any) -> None:
    login(client, "caseworker1")
    page = text(client.get("/cases/new"))
    assert 'name="applicant.disability_degree"' in page and 'name="applicant.single_parent_reason"' in page
    assert "Rodzaj orzeczenia o niepełnosprawności" in page
    res = client.post("/cases/new", data=application_form(**{
        "members[0].disability_degree": "znaczny", "members[0].disability_onset_age": "3",
        "members[0].constant_care": "on", "applicant.gave_up_work": "on",
        "applicant.single_parent_reason": "deceased"}))
    assert res.status_code == 302, text(res)[:2000]
    body = text(client.get(res.headers["Location"]))
    assert "znaczny stopień niepełnosprawności" in body and "powstała w wieku 3 lat" in body
    assert "drugi z rodziców dziecka nie żyje" in body
    assert "Nie podejmuje pracy lub z niej zrezygnował(a), by sprawować opiekę" in body


def test_a_wrong_onset_age_keeps_the_typed_values(client: Any) -> None:
    login(client, "caseworker1")
    res = client.post("/cases/new", data=application_form(**{
        "members[0].disability_degree": "znaczny", "members[0].disability_onset_age": "dwa"}))
    body = text(res)
    assert res.status_code == 422
    assert 'value="dwa"' in body and 'aria-invalid="true"' in body
