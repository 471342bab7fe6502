"""Demo data: four demo users and a few households at different stages (idempotent)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select

from app.domain.deadlines import today_in_warsaw
from app.domain.statuses import TaskStatus
from app.persistence.models import Case, HumanTask, User
from app.services.cases import opening as cases
from app.services.documents.office import seed_demo_office
from app.services.kernel import auth
from app.services.kernel.context import Actor, ServiceContext
from app.services.provision import fee_tables
from app.services.workflow import jobs, worklist

DEMO_USERS = (
    ("caseworker1", "Anna Kowalska", ["caseworker"], "pracownik socjalny"),
    ("caseworker2", "Piotr Nowak", ["caseworker"], "starszy pracownik socjalny"),
    ("supervisor", "Maria Wiśniewska", ["supervisor", "head"], "Kierownik GOPS"),
    ("admin", "Jan Administrator", ["admin"], "administrator systemu"),
    # A second supervisor: a payment list is approved by someone other than who ran it.
    ("supervisor2", "Tomasz Zieliński", ["supervisor"], "Zastępca kierownika GOPS"),
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
            # Demo only: the documented demo password "demo" is shorter than the 12 characters
            # new passwords need, so the demo data alone skips that rule. Production users are
            # made with `flask create-user` or on the admin page, which always apply it.
            auth.create_user(ctx, username, name, roles, "demo", position, password_policy=False)
    # The issuing body, the SKO and the supervisor's authorisations to sign (art. 110 u.p.s.,
    # art. 20 u.ś.r.): an administrator changes them with `flask office-set` / `flask authorise`.
    seed_demo_office(ctx)
    # The care services' fee table of a (fictional) rada gminy's resolution; an admin edits it.
    with ctx.uow() as uow:
        fee_tables.seed_demo(uow)
        uow.commit()
    with ctx.uow() as uow:
        if uow.session.scalar(select(func.count(Case.id))):
            return 0
        caseworker = uow.session.scalar(select(User.id).where(User.username == "caseworker1"))
        supervisor = uow.session.scalar(select(User.id).where(User.username == "supervisor"))
    cw = Actor(caseworker, frozenset({"caseworker"}))
    sv = Actor(supervisor, frozenset({"supervisor"}))
    ids = [cases.open_case(ctx, cw, payload) for payload in DEMO_CASES]
    today = today_in_warsaw(ctx.now()).isoformat()
    # Case 1 waits for the supervisor's approval; case 2 for its community interview;
    # case 3 stays at intake, so every role finds work in the demo.
    _advance(ctx, ids[0], cw, sv, _DEMO_STEPS(today), stop_before="approve_decision")
    _advance(ctx, ids[1], cw, sv, _DEMO_STEPS(today), stop_before="conduct_interview")
    return len(DEMO_CASES)


def _DEMO_STEPS(today: str) -> dict[str, dict[str, Any]]:  # noqa: N802 - a table, read like one
    """Form data a caseworker might enter for the demo cases."""
    return {
        "completeness_check": {"complete": True, "missing_items": ""},
        "conduct_interview": {
            "interview_on": today,
            "findings": "Osoba samotnie gospodarująca, niezdolna do pracy; mieszkanie wymaga remontu.",
            "verified_incomes": [{"member_index": 0, "net_income": "450.00"}],
            "help_plan": "Zasiłek stały; praca socjalna; pomoc w uzyskaniu orzeczenia.",
        },
        "draft_decision": {
            "decision_kind": "grant", "amount": "863.00", "period_from": today[:8] + "01",
            "period_to": None, "justification": "Wnioskodawca spełnia przesłanki art. 37 u.p.s.",
        },
    }


def _advance(ctx: ServiceContext, case_id: int, cw: Actor, sv: Actor,
             steps: dict[str, dict[str, Any]], stop_before: str) -> None:
    """Complete the case's tasks with demo data until `stop_before` is offered."""
    for _ in range(10):
        jobs.run_pending_inline(ctx)
        with ctx.uow(readonly=True) as uow:
            task = uow.session.scalars(
                select(HumanTask).where(HumanTask.case_id == case_id, HumanTask.status == TaskStatus.READY)
                .order_by(HumanTask.id)
            ).first()
            if task is None or task.name == stop_before or task.name not in steps:
                return
            task_id, version, role, name = task.id, task.version, task.role, task.name
        worklist.complete(ctx, cw if role == "caseworker" else sv, task_id, steps[name], version)
