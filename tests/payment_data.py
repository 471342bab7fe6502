"""Granted decisions with their schedules, written straight to the database (payment tests
need many grants and no workflow), and readers for the exported files."""

from __future__ import annotations

import io
import itertools
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import select

from app.persistence.models import (
    Application,
    Case,
    Decision,
    Household,
    HouseholdMember,
    Person,
    User,
)
from app.services.kernel.context import ServiceContext
from app.services.payments import make_schedule

ACCOUNT = "PL61109010140000071219812874"
_seq = itertools.count(1)


def grant(ctx: ServiceContext, benefit: str = "zasilek_staly", amount: str = "500.00",
          period_from: date = date(2026, 3, 1), period_to: date | None = None, *,
          account: str | None = ACCOUNT, status: str = "final", received_on: date | None = None,
          name: tuple[str, str] = ("Jan", "Testowy"), schedule: bool = True,
          series: str = "DEC/2026") -> tuple[int, int]:
    """A case with a granted decision (and its schedule); returns (case id, decision id).
    ``series``: the decision numbers' prefix (another one beside decisions the workflow numbers)."""
    n = next(_seq)
    with ctx.uow() as uow:
        s = uow.session
        user_id = s.scalar(select(User.id).where(User.username == "caseworker1"))
        person = Person(register_key=f"BP-T{n:08d}", first_name=name[0], last_name=name[1],
                        birth_date=date(1960, 1, 1), sex="M")
        household = Household(address=f"ul. Testowa {n}, 32-065 Krzeszowice")
        s.add_all([person, household])
        s.flush()
        s.add(HouseholdMember(household_id=household.id, person_id=person.id, position=0,
                              first_name=name[0], last_name=name[1]))
        case = Case(number=f"T/{n:05d}", household_id=household.id, applicant_id=person.id,
                    benefit=benefit, reason="ubostwo", status="closed",
                    opened_on=received_on or period_from, bank_account=account)
        s.add(case)
        s.flush()
        s.add(Application(case_id=case.id, received_on=received_on or period_from,
                          benefit=benefit, reason="ubostwo"))
        decision = Decision(case_id=case.id, number=f"{series}/{n:05d}", kind="grant",
                            benefit=benefit, amount=Decimal(amount), period_from=period_from,
                            period_to=period_to, status=status, drafted_by_id=user_id,
                            issued_on=period_from)
        s.add(decision)
        s.flush()
        if schedule:
            make_schedule(uow, decision)
        uow.commit()
        return case.id, decision.id


@dataclass(frozen=True)
class ElixirRecord:
    """One parsed type-110 record."""

    when: date
    grosze: int
    payer_sort: str
    payer: str
    payee: str
    payer_text: str
    payee_text: str
    payee_sort: str
    title: str
    classification: str


def parse_elixir(data: bytes, encoding: str = "cp1250") -> list[ElixirRecord]:
    """Parse an Elixir-O file back (16 fields per record, CR LF line ends, quoted text)."""
    import csv

    text = data.decode(encoding)
    assert text.endswith("\r\n") and "\n" not in text.replace("\r\n", "")
    records = []
    for fields in csv.reader(io.StringIO(text.replace("\r\n", "\n"))):
        assert len(fields) == 16, fields
        assert fields[0] == "110" and fields[4] == "0" and fields[9] == "0"
        assert fields[12] == fields[13] == fields[15] == ""
        for lines in (fields[7], fields[8], fields[11]):
            assert len(lines.split("|")) <= 4 and all(len(x) <= 35 for x in lines.split("|"))
        records.append(ElixirRecord(
            date(int(fields[1][:4]), int(fields[1][4:6]), int(fields[1][6:])), int(fields[2]),
            fields[3], fields[5], fields[6], fields[7], fields[8], fields[10], fields[11],
            fields[14]))
    return records
