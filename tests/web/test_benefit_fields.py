"""Issue 16, part 5: the application form and the simulator offer every benefit of the catalogue,
and a household member shows only the fields its benefit reads (``Benefit.member_fields``). The
pages mark each such field with the benefits it applies to; the server hides the others for the
chosen benefit and does not keep their values; pomoc.js does the same as the choice changes."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import Any

import lxml.html
import pytest
from sqlalchemy import select

from app.domain import benefits
from app.persistence.models import Case, HumanTask
from app.services.kernel.context import ServiceContext
from tests.web.test_calculator import page_form
from tests.web.test_pages import application_form, login, pesel

pytestmark = pytest.mark.embedded

SCRATCH = "zasilek_polowy"
# The five benefits whose member fields this lane set (issue 16, part 5).
FIVE = ("zasilek_staly", "zasilek_okresowy", "specjalny_zasilek_celowy", "zasilek_rodzinny",
        "fundusz_alimentacyjny")


def _page(res: Any) -> Any:
    return lxml.html.fromstring(res.get_data(as_text=True))


def _wrapper(page: Any, name: str) -> Any:
    """The element that shows or hides input ``name`` by benefit (None: shown to every one)."""
    found = page.xpath(f'//*[@name="{name}"]/ancestor::*[@data-benefits][1]')
    return found[0] if found else None


def _shown_to(page: Any, name: str) -> list[str] | None:
    wrapper = _wrapper(page, name)
    return None if wrapper is None else wrapper.get("data-benefits").split()


def _hidden(page: Any, name: str) -> bool:
    wrapper = _wrapper(page, name)
    return wrapper is not None and wrapper.get("hidden") is not None


@pytest.fixture
def scratch() -> Iterator[benefits.Benefit]:
    """A u.ś.r. entry of another lane: it names its member fields in its entry and nothing else."""
    entry = benefits.register(replace(
        benefits.get("zasilek_rodzinny"), code=SCRATCH, order=997, name="zasiłek polowy",
        name_genitive="zasiłku polowego", label="Zasiłek polowy", name_en="Field benefit",
        process="", member_fields=("in_school", "unable_to_work"),
        applicant_fields=("alimony_awarded",)))
    yield entry
    benefits.unregister(SCRATCH)


def test_issue16_the_application_form_offers_every_benefit_and_marks_fields_by_benefit(
        client: Any) -> None:
    login(client, "caseworker1")
    page = _page(client.get("/cases/new"))
    offered = page.xpath('//input[@name="benefit"]/@value')
    assert offered == list(benefits.CODES)
    assert page.xpath('//form[@data-benefit-form]')
    # Identity is shown to every benefit; what a rule reads, to the benefits that read it.
    assert _shown_to(page, "applicant.pesel") is None
    assert _shown_to(page, "applicant.first_name") is None
    in_school = _shown_to(page, "applicant.in_school") or []
    assert {"zasilek_rodzinny", "fundusz_alimentacyjny"} <= set(in_school)
    assert not {"zasilek_staly", "zasilek_okresowy", "specjalny_zasilek_celowy"} & set(in_school)
    unable = _shown_to(page, "applicant.unable_to_work") or []
    assert "zasilek_staly" in unable and "zasilek_rodzinny" not in unable
    alimony = _shown_to(page, "applicant.alimony_awarded") or []
    assert "fundusz_alimentacyjny" in alimony and "zasilek_rodzinny" not in alimony
    assert set(_shown_to(page, "applicant.net_income") or ()) >= set(FIVE)
    # Each marked field lists exactly the entries that show it (an entry that has not said
    # its member_fields sees every field).
    for name in ("in_school", "unable_to_work", "alimony_awarded"):
        assert _shown_to(page, f"applicant.{name}") == [
            b.code for b in benefits.entries() if b.shows(name, applicant=True)]
    # The art. 7 reason and the urgent interview belong to social assistance only.
    social = [b.code for b in benefits.entries() if b.act == "ups"]
    assert _shown_to(page, "reason") == social and _shown_to(page, "urgent") == social
    assert "zasilek_rodzinny" not in social
    # Nothing is hidden before a benefit is chosen.
    assert not page.xpath("//*[@data-benefits][@hidden]")
    # The rows added in the browser come from the template, marked the same way.
    templates = [lxml.html.tostring(t, encoding=str) for t in page.xpath('//template[@data-template]')]
    assert any('name="members[__0__].in_school"' in t and "data-benefits" in t for t in templates)


def test_issue16_after_a_submit_the_chosen_benefit_hides_the_other_fields(client: Any) -> None:
    login(client, "caseworker1")
    res = client.post("/cases/new", data=application_form(
        benefit="zasilek_rodzinny", reason="", **{"applicant.last_name": ""}))
    assert res.status_code == 422
    page = _page(res)
    assert _hidden(page, "reason") and _hidden(page, "applicant.unable_to_work")
    assert _hidden(page, "members[0].alimony_awarded")
    assert not _hidden(page, "members[0].in_school") and not _hidden(page, "applicant.net_income")
    assert not _hidden(page, "applicant.pesel")
    errors = page.xpath('//*[@id="error-summary"]//a/@href')
    assert "#f-applicant.last_name" in errors and "#f-reason" not in errors


def test_issue16_a_family_application_needs_no_reason_and_keeps_no_hidden_value(
        client: Any, ctx: ServiceContext) -> None:
    login(client, "caseworker1")
    form = application_form(benefit="zasilek_rodzinny", reason="", **{
        "members[0].in_school": "on", "members[1].unable_to_work": "on",
        "members[1].pesel": pesel("8001010102")})
    res = client.post("/cases/new", data=form)
    assert res.status_code in (200, 302), res.get_data(as_text=True)[:1500]
    if res.status_code == 200:  # the register check, then confirm
        res = client.post("/cases/new", data={**form, "_checked": "1"})
    assert res.status_code == 302, res.get_data(as_text=True)[:1500]
    case_id = int(res.headers["Location"].rstrip("/").split("/")[-1])
    with ctx.uow(readonly=True) as uow:
        case = uow.session.get(Case, case_id)
        assert case is not None and case.reason == ""
        members = {m.position: m for m in case.household.members}
        assert members[1].in_school is True, "a field zasiłek rodzinny reads is kept"
        assert members[2].unable_to_work is False, "a hidden field is not kept"
        tasks = uow.session.scalars(select(HumanTask.name).where(HumanTask.case_id == case_id))
        assert list(tasks) == ["completeness_check"]


def test_issue16_a_social_assistance_application_still_asks_its_reason(client: Any) -> None:
    login(client, "caseworker1")
    res = client.post("/cases/new", data=application_form(reason=""))
    assert res.status_code == 422
    assert "#f-reason" in _page(res).xpath('//*[@id="error-summary"]//a/@href')


def test_issue16_a_new_entry_names_its_fields_in_its_entry_only(
        client: Any, scratch: benefits.Benefit) -> None:
    assert scratch.process == "family_benefit_case"
    login(client, "caseworker1")
    page = _page(client.get("/cases/new"))
    assert SCRATCH in page.xpath('//input[@name="benefit"]/@value')
    assert SCRATCH in (_shown_to(page, "applicant.in_school") or ())
    assert SCRATCH in (_shown_to(page, "applicant.unable_to_work") or ())
    assert SCRATCH in (_shown_to(page, "applicant.alimony_awarded") or ())
    assert SCRATCH not in (_shown_to(page, "applicant.disabled") or ())
    simulator = _page(client.get("/symulator"))
    assert SCRATCH in simulator.xpath('//select[@name="benefit"]/option/@value')
    assert SCRATCH in (_shown_to(simulator, "members[0].unable_to_work") or ())


def test_issue16_the_simulator_offers_every_benefit_and_shows_the_chosen_ones_fields(
        client: Any) -> None:
    login(client, "caseworker1")
    page = _page(client.get("/symulator"))
    assert page.xpath('//select[@name="benefit"]/option/@value')[1:] == list(benefits.CODES)
    assert page.xpath('//form[@id="simulator-form"][@data-benefit-form]')
    assert _shown_to(page, "members[0].age") is None
    unable = _shown_to(page, "members[0].unable_to_work") or []
    assert "zasilek_staly" in unable and not {"zasilek_rodzinny", "zasilek_okresowy"} & set(unable)
    assert not page.xpath("//*[@data-benefits][@hidden]")
    res = client.post("/symulator", data=page_form(benefit="fundusz_alimentacyjny"))
    assert res.status_code == 200
    page = _page(res)
    assert _hidden(page, "members[0].unable_to_work")
    assert not _hidden(page, "members[0].alimony_awarded")
    assert page.xpath('//tr[@data-benefit]/@data-benefit') == ["fundusz_alimentacyjny"]
    # Every benefit side by side when none is chosen.
    every = _page(client.post("/symulator", data=page_form()))
    assert every.xpath('//tr[@data-benefit]/@data-benefit') == list(benefits.CODES)


def test_issue16_the_simulator_does_not_count_a_hidden_field(client: Any) -> None:
    """Unable to work is hidden for zasiłek okresowy; ticked before, it changes nothing."""
    login(client, "caseworker1")
    ticked = _page(client.post("/symulator", data=page_form(benefit="zasilek_okresowy")))
    plain = page_form(benefit="zasilek_okresowy")
    del plain["members[0].unable_to_work"]
    unticked = _page(client.post("/symulator", data=plain))
    assert _hidden(ticked, "members[0].unable_to_work")
    assert lxml.html.tostring(ticked.xpath('//*[@id="results"]')[0]) == \
        lxml.html.tostring(unticked.xpath('//*[@id="results"]')[0])
