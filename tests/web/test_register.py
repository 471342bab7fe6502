"""The person register (kartoteka): a known PESEL links, never renames; differences are shown
and applied only when confirmed, with history; search by PESEL, surname and case number."""

from __future__ import annotations

import re
from typing import Any

import pytest
from sqlalchemy import select

from app.persistence.models import AuditEvent, Decision, Person, PersonChange
from app.services.case_file import view as case_view
from app.services.cases import opening as cases
from app.services.cases import register
from app.services.kernel.context import Actor, ServiceContext
from app.services.kernel.errors import Conflict, Forbidden
from tests.drive import drive, sample_application
from tests.web.test_pages import login, pesel, text

pytestmark = [pytest.mark.timeout(120), pytest.mark.embedded]

PESEL = "75011501233"


def renamed(**overrides: Any) -> dict[str, Any]:
    """A second application for the same PESEL with another name and address."""
    app = sample_application(address="ul. Inna 5, 32-065 Krzeszowice", benefit="zasilek_staly")
    app["applicant"] = {**app["applicant"], "first_name": "Janusz", "last_name": "Zmieniony"}
    app.update(overrides)
    return app


def _register_entry(ctx: ServiceContext) -> Person:
    with ctx.uow(readonly=True) as uow:
        person = uow.session.scalar(select(Person).where(Person.pesel == PESEL))
        assert person is not None
        uow.session.expunge(person)
        return person


def _case_waiting_for_approval(ctx: ServiceContext, actors: dict[str, Actor]) -> int:
    case_id = cases.open_case(ctx, actors["caseworker"], sample_application())
    drive(ctx, case_id, actors, until=lambda ts: any(t.name == "approve_decision" for t in ts))
    return case_id


def test_known_pesel_links_to_the_person_and_renames_nobody(
    ctx: ServiceContext, caseworker: Actor, supervisor: Actor
) -> None:
    actors = {"caseworker": caseworker, "supervisor": supervisor}
    first = _case_waiting_for_approval(ctx, actors)
    second = cases.open_case(ctx, caseworker, renamed())

    # The register keeps the first name until someone confirms the change.
    entry = _register_entry(ctx)
    assert (entry.first_name, entry.last_name) == ("Jan", "Testowy")
    # The earlier case, whose decision waits for approval, still shows what it declared.
    a = case_view.get_case(ctx, caseworker, first)
    assert (a["members"][0]["first_name"], a["members"][0]["last_name"]) == ("Jan", "Testowy")
    assert a["address"] == "ul. Testowa 1, 32-065 Krzeszowice"
    # The new case shows its own declaration, links to the same register entry, and lists the
    # differences and the person's open case.
    b = case_view.get_case(ctx, caseworker, second)
    assert b["members"][0]["last_name"] == "Zmieniony"
    assert b["members"][0]["person_id"] == a["members"][0]["person_id"]
    changes = {c["field"]: (c["register"], c["declared"]) for c in b["register"]["differences"][0]["changes"]}
    assert changes == {"first_name": ("Jan", "Janusz"), "last_name": ("Testowy", "Zmieniony"),
                       "address": ("ul. Testowa 1, 32-065 Krzeszowice", "ul. Inna 5, 32-065 Krzeszowice")}
    assert [c["number"] for c in b["register"]["open_cases"]] == [a["number"]]


def test_check_application_shows_differences_and_open_cases_without_writing(
    ctx: ServiceContext, caseworker: Actor
) -> None:
    first = cases.open_case(ctx, caseworker, sample_application())
    check = cases.check_application(ctx, caseworker, renamed())
    assert check["differences"][0]["path"] == "applicant"
    assert [c["id"] for c in check["open_cases"]] == [first]
    assert check["new_persons"] == []
    assert _register_entry(ctx).first_name == "Jan"


def test_confirmed_changes_are_applied_with_history_and_never_touch_earlier_cases(
    ctx: ServiceContext, caseworker: Actor, supervisor: Actor
) -> None:
    actors = {"caseworker": caseworker, "supervisor": supervisor}
    first = cases.open_case(ctx, caseworker, sample_application())
    drive(ctx, first, actors)  # decision issued, delivered, final, paid
    with ctx.uow(readonly=True) as uow:
        document = uow.session.scalars(select(Decision.document_html).where(Decision.case_id == first)).one()
    assert document and "Jan Testowy" in document

    second = cases.open_case(ctx, caseworker, renamed(register_update=True))
    entry = _register_entry(ctx)
    assert (entry.first_name, entry.last_name, entry.address) == (
        "Janusz", "Zmieniony", "ul. Inna 5, 32-065 Krzeszowice")
    person = register.get_person(ctx, caseworker, entry.id)
    history = {(h["field"], h["old"], h["new"], h["case_number"]) for h in person["history"]}
    number = case_view.get_case(ctx, caseworker, second)["number"]
    assert ("last_name", "Testowy", "Zmieniony", number) in history
    assert all(h["by"] for h in person["history"])
    assert {c["id"] for c in person["cases"]} == {first, second}
    # The earlier case and its issued document keep what was declared and issued then.
    a = case_view.get_case(ctx, caseworker, first)
    assert a["members"][0]["last_name"] == "Testowy"
    with ctx.uow(readonly=True) as uow:
        assert uow.session.scalars(select(Decision.document_html).where(Decision.case_id == first)).one() \
            == document
    # The payment list pays the party the decision names.
    from datetime import date as _date

    from app.services import payments

    run = payments.monthly_payment_run(ctx, _date(2026, 3, 1), supervisor)
    listed = payments.payment_list(ctx, supervisor, run["list_id"])
    assert {p["payee"] for p in listed["payments"] if p["case_id"] == first} == {"Jan Testowy"}


def test_confirm_later_from_the_case_file_with_a_stale_version_is_a_conflict(
    ctx: ServiceContext, caseworker: Actor
) -> None:
    cases.open_case(ctx, caseworker, sample_application())
    second = cases.open_case(ctx, caseworker, renamed())
    entry = _register_entry(ctx)
    with pytest.raises(Conflict):
        register.confirm_case_changes(ctx, caseworker, second, entry.id, version=entry.version + 1)
    result = register.confirm_case_changes(ctx, caseworker, second, entry.id, version=entry.version)
    assert {c["field"] for c in result["changes"]} == {"first_name", "last_name", "address"}
    assert _register_entry(ctx).last_name == "Zmieniony"
    # Nothing is left to confirm.
    assert case_view.get_case(ctx, caseworker, second)["register"]["differences"] == []


def test_admin_without_case_role_cannot_read_the_register(ctx: ServiceContext, caseworker: Actor,
                                                         admin: Actor) -> None:
    cases.open_case(ctx, caseworker, sample_application())
    with pytest.raises(Forbidden):
        register.get_person(ctx, admin, _register_entry(ctx).id)
    with pytest.raises(Forbidden):
        register.search_cases(ctx, admin, PESEL)


def test_search_by_pesel_surname_and_number_is_audited_without_the_query(
    ctx: ServiceContext, caseworker: Actor
) -> None:
    first = cases.open_case(ctx, caseworker, sample_application())
    second = cases.open_case(ctx, caseworker, renamed(register_update=True))
    other = cases.open_case(ctx, caseworker, sample_application(applicant={
        "pesel": pesel("8002031234"), "first_name": "Anna", "last_name": "Obca", "net_income": "0"}))
    found = {r["id"] for r in register.search_cases(ctx, caseworker, PESEL)}
    assert found == {first, second}
    # The surname as declared in a case, as the register says now, or as it said before.
    assert {r["id"] for r in register.search_cases(ctx, caseworker, "testow")} == {first, second}
    assert {r["id"] for r in register.search_cases(ctx, caseworker, "Zmien")} == {first, second}
    number = case_view.get_case(ctx, caseworker, other)["number"]
    assert [r["id"] for r in register.search_cases(ctx, caseworker, number)] == [other]
    assert [r["id"] for r in register.search_cases(ctx, caseworker, number.split("/", 1)[1])] == [other]
    # LIKE wildcards are text, not patterns.
    assert register.search_cases(ctx, caseworker, "%") == []
    with ctx.uow(readonly=True) as uow:
        details = [e.detail for e in uow.session.scalars(
            select(AuditEvent).where(AuditEvent.action == "case.search"))]
    assert details and all(PESEL not in str(d) and "testow" not in str(d) for d in details)
    assert {d["kind"] for d in details} == {"pesel", "surname", "number"}


# --- the API ------------------------------------------------------------------------------------

def _token(client: Any, username: str) -> dict[str, str]:
    res = client.post("/api/auth/token", json={"username": username, "password": "demo"})
    return {"Authorization": f"Bearer {res.get_json()['token']}"}


def test_api_known_pesel_is_linked_not_renamed_and_confirmed_on_request(client: Any) -> None:
    auth = _token(client, "caseworker1")
    first = client.post("/api/cases", json=sample_application(), headers=auth).get_json()
    check = client.post("/api/cases/check", json=renamed(), headers=auth)
    assert check.status_code == 200
    body = check.get_json()
    assert body["open_cases"][0]["number"] == first["number"]
    assert {c["field"] for c in body["differences"][0]["changes"]} == {"first_name", "last_name", "address"}

    second = client.post("/api/cases", json=renamed(), headers=auth)
    assert second.status_code == 201
    again = client.get(f"/api/cases/{first['id']}", headers=auth).get_json()
    assert again["members"][0]["last_name"] == "Testowy"
    person_id = again["members"][0]["person_id"]
    assert client.get(f"/api/persons/{person_id}", headers=auth).get_json()["last_name"] == "Testowy"

    confirm = client.post(f"/api/cases/{second.get_json()['id']}/persons/{person_id}/confirm",
                          json={"version": 99}, headers=auth)
    assert confirm.status_code == 409
    confirm = client.post(f"/api/cases/{second.get_json()['id']}/persons/{person_id}/confirm",
                          json={"version": 1}, headers=auth)
    assert confirm.status_code == 200
    person = client.get(f"/api/persons/{person_id}", headers=auth).get_json()
    assert person["last_name"] == "Zmieniony"
    assert [h["field"] for h in person["history"]] == ["first_name", "last_name", "address"]
    assert client.get(f"/api/cases/{first['id']}", headers=auth).get_json()["members"][0]["last_name"] \
        == "Testowy"


def test_api_search_is_a_post_and_refuses_junk(client: Any) -> None:
    auth = _token(client, "caseworker1")
    created = client.post("/api/cases", json=sample_application(), headers=auth).get_json()
    res = client.post("/api/cases/search", json={"q": PESEL}, headers=auth)
    assert res.status_code == 200 and [r["id"] for r in res.get_json()] == [created["id"]]
    assert client.post("/api/cases/search", json={"q": ""}, headers=auth).status_code == 422
    assert client.post("/api/cases/search", json={"q": "x" * 101}, headers=auth).status_code == 422
    assert client.post("/api/cases/search", json={"q": 5}, headers=auth).status_code == 422
    assert client.post("/api/cases/search", json={"q": "a", "status": "x"}, headers=auth).status_code == 422
    admin = _token(client, "admin")
    assert client.post("/api/cases/search", json={"q": PESEL}, headers=admin).status_code == 403
    assert client.get(f"/api/persons/{created['members'][0]['person_id']}", headers=admin).status_code == 403


# --- the pages ----------------------------------------------------------------------------------

def _form(app: dict[str, Any]) -> dict[str, str]:
    a = app["applicant"]
    return {"benefit": app["benefit"], "reason": app["reason"], "applicant.pesel": a["pesel"],
            "applicant.first_name": a["first_name"], "applicant.last_name": a["last_name"],
            "applicant.net_income": a["net_income"], "address": app["address"]}


def test_page_intake_shows_register_differences_first_and_applies_only_when_ticked(
    client: Any, ctx: ServiceContext, caseworker: Actor
) -> None:
    first = cases.open_case(ctx, caseworker, sample_application())
    login(client, "caseworker1")
    res = client.post("/cases/new", data=_form(renamed()))
    page = text(res)
    assert res.status_code == 200, page[:2000]
    assert "Różnice względem kartoteki" in page and "Zmieniony" in page and "Testowy" in page
    assert "Otwarte sprawy tych osób" in page
    assert case_view.get_case(ctx, caseworker, first)["number"] in page
    assert len(case_view.list_cases(ctx, caseworker)) == 1  # nothing registered yet
    assert 'name="_checked" value="1"' in page

    res = client.post("/cases/new", data={**_form(renamed()), "_checked": "1"})
    assert res.status_code == 302
    assert _register_entry(ctx).last_name == "Testowy"
    new_id = int(re.search(r"/cases/(\d+)", res.headers["Location"])[1])  # type: ignore[index]
    case_page = text(client.get(f"/cases/{new_id}"))
    assert "Zastosuj w kartotece" in case_page
    assert "Jan Testowy" in text(client.get(f"/cases/{first}"))

    # Confirmed from the case file: applied, with history on the person page.
    person_id = case_view.get_case(ctx, caseworker, new_id)["members"][0]["person_id"]
    res = client.post(f"/cases/{new_id}/persons/{person_id}/confirm", data={"version": "1"})
    assert res.status_code == 302
    assert _register_entry(ctx).last_name == "Zmieniony"
    person_page = text(client.get(f"/persons/{person_id}"))
    assert "Historia zmian" in person_page and "Testowy" in person_page and "Zmieniony" in person_page
    with ctx.uow(readonly=True) as uow:
        assert len(uow.session.scalars(select(PersonChange)).all()) == 3


def test_page_search_posts_so_no_pesel_is_in_the_url(client: Any, ctx: ServiceContext,
                                                     caseworker: Actor) -> None:
    created = cases.open_case(ctx, caseworker, sample_application())
    cases.open_case(ctx, caseworker, sample_application(applicant={
        "pesel": pesel("8002031234"), "first_name": "Anna", "last_name": "Obca", "net_income": "0"}))
    login(client, "caseworker1")
    page = text(client.get("/cases"))
    assert 'method="post"' in page and "PESEL, nazwisko lub numer sprawy" in page
    res = client.post("/cases", data={"q": PESEL})
    assert res.status_code == 200
    found = text(res)
    assert f"/cases/{created}" in found and "Obca" not in found
    res = client.post("/cases", data={"q": "x" * 200})
    assert res.status_code == 422


# --- people without a PESEL -----------------------------------------------------------------------

def _foreigner(**overrides: Any) -> dict[str, Any]:
    app = sample_application()
    app["applicant"] = {"first_name": "Olena", "last_name": "Kowalenko", "birth_date": "1988-04-02",
                        "sex": "F", "net_income": "300.00"}
    app.update(overrides)
    return app


def test_a_person_without_pesel_gets_a_register_key_and_is_linked_by_it(
    ctx: ServiceContext, caseworker: Actor
) -> None:
    first = cases.open_case(ctx, caseworker, _foreigner())
    member = case_view.get_case(ctx, caseworker, first)["members"][0]
    assert member["pesel"] is None and re.fullmatch(r"BP-[0-9A-F]{10}", member["register_key"])
    # A second application finds the entry as a possible match, and links to it by its key.
    check = cases.check_application(ctx, caseworker, _foreigner())
    assert check["possible_matches"][0]["matches"][0]["register_key"] == member["register_key"]
    linked = _foreigner()
    linked["applicant"] = {"register_key": member["register_key"], "first_name": "Olena",
                           "last_name": "Kowalenko-Nowak", "net_income": "0"}
    second = cases.open_case(ctx, caseworker, linked)
    again = case_view.get_case(ctx, caseworker, second)
    assert again["members"][0]["person_id"] == member["person_id"]
    assert again["register"]["differences"][0]["changes"][0]["declared"] == "Kowalenko-Nowak"


@pytest.mark.parametrize("applicant, field", [
    ({"first_name": "A", "last_name": "B"}, "applicant.pesel"),
    ({"first_name": "A", "last_name": "B", "birth_date": "1988-04-02"}, "applicant.sex"),
    ({"first_name": "A", "last_name": "B", "birth_date": "2150-01-01", "sex": "F"}, "applicant.birth_date"),
    ({"first_name": "A", "last_name": "B", "birth_date": "19880402", "sex": "F"}, "applicant.birth_date"),
    ({"first_name": "A", "last_name": "B", "register_key": "BP-XYZ"}, "applicant.register_key"),
    ({"first_name": "A", "last_name": "B", "register_key": "BP-0123456789"}, "applicant.register_key"),
])
def test_people_without_pesel_need_a_known_key_or_a_plausible_birth_date_and_sex(
    ctx: ServiceContext, caseworker: Actor, applicant: dict[str, Any], field: str
) -> None:
    from app.services.kernel.errors import ValidationFailed

    with pytest.raises(ValidationFailed) as err:
        cases.open_case(ctx, caseworker, _foreigner(applicant=applicant))
    assert field in err.value.errors


def test_two_applications_registering_the_same_new_person_at_once_never_duplicate_them(
    ctx: ServiceContext, caseworker: Actor
) -> None:
    import threading

    from app.services.kernel.errors import Conflict as ConflictError

    if ctx.db.is_sqlite:
        pytest.skip("SQLite serialises writers: the two never overlap")
    barrier = threading.Barrier(2)
    outcomes: list[str] = []

    def open_one() -> None:
        barrier.wait()
        try:
            cases.open_case(ctx, caseworker, sample_application())
            outcomes.append("ok")
        except ConflictError:
            outcomes.append("409")
        except BaseException as exc:  # noqa: BLE001 - asserted below
            outcomes.append(repr(exc))

    threads = [threading.Thread(target=open_one) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(outcomes) in (["409", "ok"], ["ok", "ok"]), outcomes
    with ctx.uow(readonly=True) as uow:
        assert len(uow.session.scalars(select(Person).where(Person.pesel == PESEL)).all()) == 1
    # Sent again, the application links to the one entry.
    cases.open_case(ctx, caseworker, sample_application())
    assert len(register.search_cases(ctx, caseworker, PESEL)) == len(outcomes) - outcomes.count("409") + 1


@pytest.mark.parametrize("q", ["\x00abc", "ab\ud800", "a\tb"])
def test_search_refuses_control_characters_and_lone_surrogates(client: Any, q: str) -> None:
    auth = _token(client, "caseworker1")
    res = client.post("/api/cases/search", json={"q": q}, headers=auth)
    assert res.status_code == 422
    assert "q" in res.get_json()["fields"]
