"""Issue 16: the application page takes the member facts of the care benefits and the dodatki,
keeps a wrong value with its error, and the case page shows them in Polish."""

from __future__ import annotations

from typing import Any

import pytest

from tests.web.test_pages import application_form, login, pesel, text

pytestmark = [pytest.mark.timeout(120), pytest.mark.embedded]


def test_the_application_page_records_the_care_facts(client: Any) -> None:
    # Each benefit shows the member fields it reads (Benefit.member_fields / applicant_fields):
    # the degree and its onset for zasiłek pielęgnacyjny, the carer's facts for the specjalny
    # zasiłek opiekuńczy, the single parent's ground for zasiłek rodzinny.
    login(client, "caseworker1")
    page = text(client.get("/cases/new"))
    assert 'name="applicant.disability_degree"' in page and 'name="applicant.single_parent_reason"' in page
    assert "Rodzaj orzeczenia o niepełnosprawności" in page
    res = client.post("/cases/new", data=application_form(**{
        "benefit": "zasilek_pielegnacyjny", "reason": "",
        "members[0].disability_degree": "znaczny", "members[0].disability_onset_age": "3"}))
    assert res.status_code == 302, text(res)[:2000]
    body = text(client.get(res.headers["Location"]))
    assert "znaczny stopień niepełnosprawności" in body and "powstała w wieku 3 lat" in body
    res = client.post("/cases/new", data=application_form(**{
        "benefit": "specjalny_zasilek_opiekunczy", "reason": "",
        "applicant.pesel": "75011501240", "members[0].pesel": pesel("1525050790"),
        "members[1].pesel": pesel("8001010102"),
        "members[0].disability_degree": "child", "members[0].constant_care": "on",
        "applicant.gave_up_work": "on"}))
    assert res.status_code == 302, text(res)[:2000]
    body = text(client.get(res.headers["Location"]))
    assert "Nie podejmuje pracy lub z niej zrezygnował(a), by sprawować opiekę" in body
    assert "Orzeczenie wskazuje konieczność stałej opieki" in body
    res = client.post("/cases/new", data=application_form(**{
        "benefit": "zasilek_rodzinny", "reason": "", "applicant.pesel": "75011501257",
        "members[0].pesel": pesel("1525050791"), "members[1].pesel": pesel("8001010103"),
        "applicant.single_parent_reason": "deceased"}))
    assert res.status_code == 302, text(res)[:2000]
    assert "drugi z rodziców dziecka nie żyje" in text(client.get(res.headers["Location"]))


def test_a_wrong_onset_age_keeps_the_typed_values(client: Any) -> None:
    login(client, "caseworker1")
    res = client.post("/cases/new", data=application_form(**{
        "members[0].disability_degree": "znaczny", "members[0].disability_onset_age": "dwa"}))
    body = text(res)
    assert res.status_code == 422
    assert 'value="dwa"' in body and 'aria-invalid="true"' in body
