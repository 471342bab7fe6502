"""Demo data: four demo users and a few households at different stages (idempotent)."""

from __future__ import annotations

from sqlalchemy import func, select

from app.persistence.models import Case, User

from . import auth, cases, jobs
from .context import Actor, ServiceContext

DEMO_USERS = (
    ("caseworker1", "Anna Kowalska", ["caseworker"], "pracownik socjalny"),
    ("caseworker2", "Piotr Nowak", ["caseworker"], "starszy pracownik socjalny"),
    ("supervisor", "Maria Wiśniewska", ["supervisor"], "Kierownik GOPS"),
    ("admin", "Jan Administrator", ["admin"], "administrator systemu"),
)

# Fictional people; the PESEL numbers are checksum-valid but invented.
DEMO_CASES = (
    {"applicant": {"pesel": "55070703337", "first_name": "Stanisław", "last_name": "Zieliński",
                   "net_income": "450.00", "unable_to_work": True},
     "members": [], "benefit": "zasilek_staly", "reason": "niepelnosprawnosc",
     "address": "ul. Krakowska 5, 32-065 Krzeszowice", "bank_account": "PL61109010140000071219812874"},
    {"applicant": {"pesel": "82031204563", "first_name": "Katarzyna", "last_name": "Wójcik",
                   "net_income": "1200.00"},
     "members": [{"pesel": "10250507897", "first_name": "Ola", "last_name": "Wójcik",
                  "relation": "child", "net_income": "0"}],
     "benefit": "zasilek_okresowy", "reason": "bezrobocie", "urgent": True,
     "address": "ul. Długa 12/3, 32-065 Krzeszowice"},
    {"applicant": {"pesel": "69052301118", "first_name": "Tomasz", "last_name": "Lewandowski",
                   "net_income": "900.00"},
     "members": [], "benefit": "zasilek_okresowy", "reason": "choroba",
     "address": "Nawojowa Góra 44, 32-065 Krzeszowice"},
)


def seed_demo(ctx: ServiceContext) -> int:
    """Create the demo users and cases that do not exist yet; return new cases."""
    with ctx.uow() as uow:
        existing = set(uow.session.scalars(select(User.username)))
    for username, name, roles, position in DEMO_USERS:
        if username not in existing:
            auth.create_user(ctx, username, name, roles, "demo", position)
    with ctx.uow() as uow:
        if uow.session.scalar(select(func.count(Case.id))):
            return 0
        caseworker = uow.session.scalar(select(User.id).where(User.username == "caseworker1"))
    actor = Actor(caseworker, frozenset({"caseworker"}))
    for payload in DEMO_CASES:
        cases.open_case(ctx, actor, payload)
    jobs.run_pending_inline(ctx)
    return len(DEMO_CASES)
