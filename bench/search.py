"""The case search over 10,000 persons (issue 15 part 3), on PostgreSQL and on SQLite.

`python -m bench.search [--persons N]` seeds N persons with Polish names (each in a household
of their own with one case; the ORM writes them, so the folded search keys are filled as the
application fills them), then times `register.search_cases` for queries a caseworker types:
a surname without Polish letters, a prefix, a first name, two words, a one-typo surname (the
near fallback), a PESEL prefix and a case number typed loosely. Prints the median and the
95th percentile per query and PostgreSQL's plan of the name search. Never asserts timings.
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.dialects import postgresql

from . import common

SURNAMES = ("Nowak", "Kowalski", "Wiśniewski", "Wójcik", "Kowalczyk", "Kamiński", "Lewandowski",
            "Zieliński", "Szymański", "Woźniak", "Dąbrowski", "Kozłowski", "Jankowski", "Mazur",
            "Kwiatkowski", "Krawczyk", "Piotrowski", "Grabowski", "Nowakowski", "Pawłowski",
            "Michalski", "Król", "Wieczorek", "Jabłoński", "Wróbel", "Majewski", "Olszewski",
            "Stępień", "Malinowski", "Jaworski", "Adamczyk", "Dudek", "Nowicki", "Pawlak",
            "Górski", "Witkowski", "Walczak", "Sikora", "Baran", "Rutkowski", "Michalak",
            "Szewczyk", "Ostrowski", "Tomaszewski", "Pietrzak", "Marciniak", "Wróblewski",
            "Zalewski", "Jakubowski", "Jasiński", "Zawadzki", "Sadowski", "Bąk", "Chmielewski",
            "Włodarczyk", "Borkowski", "Czarnecki", "Sawicki", "Sokołowski", "Urbański",
            "Kubiak", "Maciejewski", "Szczepański", "Kucharski", "Wilk", "Kalinowski", "Lis",
            "Mazurek", "Wysocki", "Adamski", "Kaźmierczak", "Wasilewski", "Sobczak", "Czerwiński",
            "Andrzejewski", "Cieślak", "Głowacki", "Zakrzewski", "Kołodziej", "Sikorski",
            "Krajewski", "Gajewski", "Szymczak", "Szulc", "Baranowski", "Laskowski", "Brzeziński",
            "Makowski", "Ziółkowski", "Przybylski", "Żak", "Łukasik", "Ślusarczyk", "Żółkiewski")
FIRST = ("Łukasz", "Jan", "Anna", "Piotr", "Katarzyna", "Małgorzata", "Krzysztof", "Agnieszka",
         "Tomasz", "Barbara", "Paweł", "Ewa", "Michał", "Elżbieta", "Marcin", "Zofia", "Józef",
         "Stanisław", "Jadwiga", "Grażyna", "Bożena", "Mirosław", "Zbigniew", "Jerzy")
PESEL_OF_1234 = "8411030123"  # the seeded PESEL of person 1234, less its last digit
QUERIES = ("wisniewski", "WIŚN", "lukasz", "lukasz wisn", "wisniewsky", "zolkiewski",
           PESEL_OF_1234[:6], PESEL_OF_1234[:8], "pom 2026 1234", "POM/2026/01234")
REPEATS = 30


def _feminine(surname: str) -> str:
    return surname[:-1] + "a" if surname.endswith("ski") or surname.endswith("cki") else surname


def seed(ctx: Any, n: int, user_id: int) -> float:
    """n persons, each with a household, a membership and a case; seconds taken."""
    from app.persistence.models import Case, Household, HouseholdMember, Person

    rnd = random.Random(15)
    t0 = time.perf_counter()
    with ctx.uow() as uow:
        for i in range(n):
            female = i % 2 == 1
            first = rnd.choice(FIRST)
            last = rnd.choice(SURNAMES)
            last = _feminine(last) if female else last
            # PESEL-like keys (not check-digit valid: the register is written directly here).
            pesel = f"{50 + i % 50:02d}{1 + i % 12:02d}{1 + i % 28:02d}{i:05d}"
            person = Person(register_key=pesel, pesel=pesel, first_name=first, last_name=last,
                            birth_date=date(1950 + i % 50, 1 + i % 12, 1 + i % 28),
                            sex="K" if female else "M", address="ul. Testowa 1")
            household = Household(address="ul. Testowa 1")
            household.members.append(HouseholdMember(person=person, first_name=first, last_name=last))
            uow.session.add_all([person, household])
            uow.session.flush()
            uow.session.add(Case(number=f"POM/2026/{i:05d}", household_id=household.id,
                                 applicant_id=person.id, benefit="zasilek_okresowy",
                                 reason="bezrobocie", opened_on=date(2026, 3, 2),
                                 opened_by_id=user_id))
            if i % 1000 == 999:
                uow.session.flush()
                uow.session.expunge_all()
        uow.commit()
    if not ctx.db.is_sqlite:
        with ctx.db.engine.begin() as conn:
            conn.execute(text("ANALYZE"))
    return time.perf_counter() - t0


def plan(ctx: Any, query: str) -> str:
    """PostgreSQL's EXPLAIN ANALYZE of the name search's WHERE (the cases it finds)."""
    from app.domain.search_text import fold
    from app.persistence.models import Case
    from app.services.cases import name_search

    statement = name_search.by_name(select(Case.id), fold(query))
    sql = str(statement.compile(dialect=postgresql.dialect(), compile_kwargs={"literal_binds": True}))
    with ctx.db.engine.connect() as conn:
        return "\n".join(r[0] for r in conn.exec_driver_sql("EXPLAIN (ANALYZE, COSTS OFF) " + sql))


def bench(ctx: Any, n: int) -> dict[str, Any]:
    """Seed, then time each query."""
    from app.services.cases import register

    users = common.actors(ctx)
    caseworker = users["caseworker1"]
    seconds = seed(ctx, n, caseworker.id)
    out: dict[str, Any] = {"persons": n, "seed_s": round(seconds, 1), "queries": {}}
    for q in QUERIES:
        times, found = [], 0
        for _ in range(REPEATS):
            t0 = time.perf_counter()
            found = len(register.search_cases(ctx, caseworker, q))
            times.append((time.perf_counter() - t0) * 1000)
        out["queries"][q] = {"found": found, "median_ms": round(common.median(times), 2),
                             "p95_ms": round(common.percentile(times, 95), 2)}
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--persons", type=int, default=10_000)
    parser.add_argument("--only", choices=("postgresql", "sqlite"))
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="pomoc-bench-search-") as tmp:
        instance = Path(tmp)
        for backend in ("postgresql", "sqlite"):
            if args.only and backend != args.only:
                continue
            if backend == "postgresql":
                if not common.pg_reachable():
                    continue
                url = common.create_pg_database("pomoc_bench_search")
            else:
                url = f"sqlite:///{instance / 'search.db'}"
            cfg = common.bench_config(instance, url, None)
            ctx, _clock, _publisher = common.setup_context(cfg)
            try:
                result = bench(ctx, args.persons)
                print(f"{backend}: {result['persons']} persons (seeded in {result['seed_s']} s)")
                for q, r in result["queries"].items():
                    print(f"  {q!r:18} found {r['found']:3}  median {r['median_ms']:7.2f} ms"
                          f"  p95 {r['p95_ms']:7.2f} ms")
                if backend == "postgresql":
                    print(plan(ctx, "wisn"))
            finally:
                ctx.db.engine.dispose()
                if backend == "postgresql":
                    common.drop_pg_database("pomoc_bench_search")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
