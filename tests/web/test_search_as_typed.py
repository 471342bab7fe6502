"""Issue 15 part 3: search as a caseworker types. "wisniewski" finds Wiśniewski: PESEL, case
number, surname and first name match in any case and without Polish letters, by prefix, on an
index; a name one typo away is found when nothing else is. On PostgreSQL and SQLite."""

from __future__ import annotations

import re
from typing import Any

import pytest
from sqlalchemy import select, text
from sqlalchemy.dialects import postgresql, sqlite

from app.domain.search_text import fold
from app.persistence.models import AuditEvent, Case, HouseholdMember, Person
from app.services.case_file import view as case_view
from app.services.cases import name_search, register
from app.services.cases import opening as cases
from app.services.kernel.context import Actor, ServiceContext
from tests.drive import sample_application
from tests.web.test_api_roles import token
from tests.web.test_pages import login, pesel

pytestmark = [pytest.mark.timeout(120), pytest.mark.embedded]

LUKASZ = pesel("8505121234")
ANNA = pesel("9002031234")


def _open(ctx: ServiceContext, actor: Actor, pesel_: str, first: str, last: str, **over: Any) -> int:
    return cases.open_case(ctx, actor, sample_application(applicant={
        "pesel": pesel_, "first_name": first, "last_name": last, "net_income": "0"}, **over))


def _found(ctx: ServiceContext, actor: Actor, q: str) -> set[int]:
    return {r["id"] for r in register.search_cases(ctx, actor, q)}


@pytest.fixture
def two_cases(ctx: ServiceContext, caseworker: Actor) -> tuple[int, int]:
    lukasz = _open(ctx, caseworker, LUKASZ, "Łukasz", "Wiśniewski")
    anna = _open(ctx, caseworker, ANNA, "Anna", "Żółkiewska-Nowak")
    return lukasz, anna


@pytest.mark.parametrize("q", [
    "wisniewski", "WIŚNIEWSKI", "Wiśniewski", "WISNIEWSKI", "wiśn", "wisn", "Wi",
    "Łukasz", "lukasz", "ŁUKASZ", "łuk", "luk", "lukasz wisniewski", "Wiśniewski Łukasz",
    "wisn luk", "Wis\u0301niewski",
])
def test_a_name_without_polish_letters_or_in_any_case_finds_the_case(
        ctx: ServiceContext, caseworker: Actor, two_cases: tuple[int, int], q: str) -> None:
    lukasz, _anna = two_cases
    assert _found(ctx, caseworker, q) == {lukasz}


@pytest.mark.parametrize("q", ["zolkiewska", "ŻÓŁKIEWSKA", "zolkiewska-nowak", "zolkiewska nowak",
                               "Żółkiewska Nowak", "anna zolk"])
def test_a_double_surname_and_its_words(ctx: ServiceContext, caseworker: Actor,
                                        two_cases: tuple[int, int], q: str) -> None:
    _lukasz, anna = two_cases
    assert _found(ctx, caseworker, q) == {anna}


def test_no_match_across_people_and_wildcards_are_text(
        ctx: ServiceContext, caseworker: Actor, two_cases: tuple[int, int]) -> None:
    assert _found(ctx, caseworker, "anna wisniewski") == set()
    assert _found(ctx, caseworker, "%") == set()
    assert _found(ctx, caseworker, "wi_niewski") == set()
    assert _found(ctx, caseworker, "niewski") == set()  # a prefix, not any part


def test_a_name_one_typo_away_is_found_when_nothing_else_is(
        ctx: ServiceContext, caseworker: Actor, two_cases: tuple[int, int]) -> None:
    lukasz, anna = two_cases
    assert _found(ctx, caseworker, "wisniewsky") == {lukasz}
    assert _found(ctx, caseworker, "Wiśnewski") == {lukasz}
    assert _found(ctx, caseworker, "lukas") == {lukasz}  # a prefix: found exactly
    assert _found(ctx, caseworker, "lukaz") == {lukasz}
    assert _found(ctx, caseworker, "Żółkiewsla") == {anna}  # in the first word of two
    assert _found(ctx, caseworker, "wisnewsky") == set()  # two typos
    assert _found(ctx, caseworker, "wisniewski nowak") == set()  # of two people
    assert _found(ctx, caseworker, "kot") == set()  # too short to guess
    # A typo in the first letter: the trigram index finds it on PostgreSQL; SQLite's candidates
    # share the first letter.
    assert _found(ctx, caseworker, "Xisniewski") == (set() if ctx.db.is_sqlite else {lukasz})


def test_the_register_and_earlier_names_are_folded_too(ctx: ServiceContext, caseworker: Actor) -> None:
    first = _open(ctx, caseworker, LUKASZ, "Łukasz", "Wiśniewski")
    # A second application renames him in the register (confirmed at intake).
    second = _open(ctx, caseworker, LUKASZ, "Łukasz", "Żak", register_update=True)
    with ctx.uow(readonly=True) as uow:
        person = uow.session.scalar(select(Person).where(Person.pesel == LUKASZ))
        assert person is not None
        assert (person.last_name, person.last_name_key, person.first_name_key) == ("Żak", "zak", "lukasz")
        keys = set(uow.session.scalars(select(HouseholdMember.last_name_key)))
    assert keys == {"wisniewski", "zak"}
    # As declared in the first case, and as the register said before the change.
    assert _found(ctx, caseworker, "wisniewski") == {first, second}
    # As the register says now.
    assert _found(ctx, caseworker, "ZAK") == {first, second}


def test_a_pesel_and_its_start(ctx: ServiceContext, caseworker: Actor, two_cases: tuple[int, int]) -> None:
    lukasz, _anna = two_cases
    assert _found(ctx, caseworker, LUKASZ) == {lukasz}
    assert _found(ctx, caseworker, f"{LUKASZ[:6]} {LUKASZ[6:]}") == {lukasz}
    assert _found(ctx, caseworker, LUKASZ[:6]) == {lukasz}
    assert _found(ctx, caseworker, LUKASZ[:9]) == {lukasz}
    assert _found(ctx, caseworker, "850") == set()  # too short to be read as a PESEL


def test_a_case_number_however_typed(ctx: ServiceContext, caseworker: Actor,
                                     two_cases: tuple[int, int]) -> None:
    _lukasz, anna = two_cases
    number = case_view.get_case(ctx, caseworker, anna)["number"]
    letters, year, seq = number.split("/")
    short = str(int(seq))
    for q in (number, number.lower(), f"{letters.lower()} {year} {short}", f"{letters}-{year}-{short}",
              f"{letters.lower()}{year}{seq}", f"{year}/{short}", f"{year}/{seq}", f"{year} {short}"):
        assert _found(ctx, caseworker, q) == {anna}, q


def test_the_search_is_audited_without_the_query(ctx: ServiceContext, caseworker: Actor,
                                                 two_cases: tuple[int, int]) -> None:
    for q in ("wisniewski", "wisniewsky", LUKASZ[:6]):
        register.search_cases(ctx, caseworker, q)
    with ctx.uow(readonly=True) as uow:
        details = [e.detail for e in uow.session.scalars(
            select(AuditEvent).where(AuditEvent.action == "case.search"))]
    assert [d["results"] for d in details] == [1, 1, 1]
    assert all("wisn" not in str(d) and LUKASZ[:6] not in str(d) for d in details)


def test_the_page_and_the_api_find_wisniewski(client: Any, ctx: ServiceContext, caseworker: Actor,
                                              two_cases: tuple[int, int]) -> None:
    lukasz, anna = two_cases
    res = client.post("/api/cases/search", json={"q": "wisniewski"},
                      headers={"Authorization": f"Bearer {token(client, 'caseworker1')}"})
    assert res.status_code == 200
    assert [r["id"] for r in res.get_json()] == [lukasz]
    login(client, "caseworker1")
    page = client.post("/cases", data={"q": "wisniewski"}).get_data(as_text=True)
    assert f"/cases/{lukasz}" in page and f"/cases/{anna}" not in page
    assert "Łukasz Wiśniewski" in page


# --- the index -----------------------------------------------------------------------------------

def _plan(ctx: ServiceContext, statement: Any) -> str:
    """The database's plan of ``statement`` (sequential scans discouraged on PostgreSQL, as a
    table of a few rows would otherwise be scanned whatever the indexes)."""
    with ctx.uow(readonly=True) as uow:
        conn = uow.session.connection()
        if ctx.db.is_sqlite:
            sql = str(statement.compile(dialect=sqlite.dialect(), compile_kwargs={"literal_binds": True}))
            return "\n".join(str(r[-1]) for r in conn.execute(text("EXPLAIN QUERY PLAN " + sql)))
        sql = str(statement.compile(dialect=postgresql.dialect(),
                                    compile_kwargs={"literal_binds": True}))
        conn.execute(text("SET LOCAL enable_seqscan = off"))
        return "\n".join(r[0] for r in conn.exec_driver_sql("EXPLAIN " + sql))


def test_the_name_search_uses_the_indexes(ctx: ServiceContext, caseworker: Actor,
                                          two_cases: tuple[int, int]) -> None:
    plan = _plan(ctx, name_search.by_name(select(Case.id), fold("wiśn")))
    for index in ("ix_household_members_last_name_key", "ix_household_members_first_name_key",
                  "ix_persons_last_name_key", "ix_persons_first_name_key",
                  "ix_person_changes_old_value_key"):
        assert index in plan, plan
    assert not re.search(r"SCAN (household_members|persons|person_changes)\b(?! USING)", plan), plan


def test_a_pesel_prefix_uses_the_pesel_index(ctx: ServiceContext, caseworker: Actor,
                                             two_cases: tuple[int, int]) -> None:
    plan = _plan(ctx, select(Person.id).where(name_search.pesel_prefix(LUKASZ[:6])))
    assert "uq_persons_pesel" in plan or "sqlite_autoindex_persons" in plan, plan


def test_the_near_match_uses_the_trigram_index_on_postgresql(ctx: ServiceContext) -> None:
    if ctx.db.is_sqlite:
        pytest.skip("pg_trgm is PostgreSQL's; SQLite checks the first letter's range (above)")
    with ctx.uow(readonly=True) as uow:
        indexes = set(uow.session.scalars(text(
            "SELECT indexname FROM pg_indexes WHERE indexdef LIKE '%gin_trgm_ops%'")))
    assert {"ix_persons_last_name_key_trgm", "ix_persons_first_name_key_trgm",
            "ix_household_members_last_name_key_trgm",
            "ix_household_members_first_name_key_trgm"} <= indexes
    plan = _plan(ctx, select(Person.id).where(Person.last_name_key.op("%>")("wisniewsky")))
    assert "ix_persons_last_name_key_trgm" in plan, plan
