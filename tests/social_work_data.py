"""Rows for the social-work tests: a family of two in the register, with or without a benefit
case (written directly, no workflow), and a record of social work for it."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select

from app.persistence.models import Decision, Household, HouseholdMember, Person
from app.services.kernel.context import Actor, ServiceContext
from app.services.social_work import records
from tests.recovery_data import make_case


def person(ctx: ServiceContext, first: str, last: str, n: int) -> int:
    """A register entry without a PESEL."""
    with ctx.uow() as uow:
        p = Person(register_key=f"BP-S{n:09d}", pesel=None, first_name=first, last_name=last,
                   birth_date=date(1985, 5, 5), sex="F")
        uow.session.add(p)
        uow.session.flush()
        uow.commit()
        return p.id


def family_with_case(ctx: ServiceContext, period: tuple[date, date | None] = (date(2026, 1, 1), None)
                     ) -> tuple[int, int, int]:
    """(case id, applicant's person id, second member's person id): a case with a granted,
    issued benefit for ``period`` and a household of two."""
    rows = make_case(ctx)
    child = person(ctx, "Ola", "Testowa", rows.case_id * 10 + 1)
    with ctx.uow() as uow:
        s = uow.session
        hh = s.scalar(select(Household.id).join(HouseholdMember).where(
            HouseholdMember.person_id == rows.person_id))
        s.add(HouseholdMember(household_id=hh, person_id=child, position=1, relation="child",
                              first_name="Ola", last_name="Testowa"))
        decision = s.get(Decision, rows.decision_id)
        assert decision is not None
        decision.period_from, decision.period_to = period
        uow.commit()
    return rows.case_id, rows.person_id, child


def open_record(ctx: ServiceContext, actor: Actor, person_id: int, *members: int, **extra: Any) -> int:
    """A record of social work for the person and ``members``."""
    return records.open_record(ctx, actor, {"person_id": person_id, "member_ids": list(members),
                                            **extra}).id


def contract_body(person_id: int, **extra: Any) -> dict[str, Any]:
    """A concluded kontrakt socjalny with one stage."""
    return {"person_id": person_id, "status": "signed", "form_part": "A",
            "concluded_on": "2026-02-02", "valid_from": "2026-02-02", "valid_until": "2026-07-31",
            "assessment": "Utrata pracy, zadłużenie czynszowe.",
            "goal": "Podjęcie zatrudnienia.", "person_obligations": "Rejestracja w PUP.",
            "centre_obligations": "Pomoc w przygotowaniu CV.",
            "stages": [{"action": "Rejestracja w urzędzie pracy", "responsible": "Ewa Testowa",
                        "due_on": "2026-02-20", "review_on": "2026-03-03"}], **extra}
