"""The decision document with every element art. 107 §1 KPA requires."""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape
from sqlalchemy import select

from app.domain.reasons import REASONS
from app.persistence.models import Application, Case, Decision, User

from .context import UnitOfWork

_env = Environment(
    loader=FileSystemLoader(Path(__file__).parent / "templates"),
    autoescape=select_autoescape(["html"]),
)

BENEFIT_NAMES = {
    "zasilek_staly": ("zasiłek stały", "art. 37 ustawy z dnia 12 marca 2004 r. o pomocy społecznej"),
    "zasilek_okresowy": ("zasiłek okresowy", "art. 38 ustawy z dnia 12 marca 2004 r. o pomocy społecznej"),
    "specjalny_zasilek_celowy": (
        "specjalny zasiłek celowy", "art. 41 ust. 1 ustawy z dnia 12 marca 2004 r. o pomocy społecznej"),
    "zasilek_rodzinny": ("zasiłek rodzinny", "art. 4 ust. 2 pkt 1 ustawy z dnia 28 listopada 2003 r. "
                         "o świadczeniach rodzinnych"),
    "fundusz_alimentacyjny": ("świadczenie z funduszu alimentacyjnego", "art. 10 ustawy z dnia "
                              "7 września 2007 r. o pomocy osobom uprawnionym do alimentów"),
}
KIND_NAMES = {"grant": "przyznaje", "partial": "przyznaje w części", "refusal": "odmawia przyznania"}


def render_decision(uow: UnitOfWork, decision: Decision) -> str:
    """Render the decision as HTML (printable; signed by the approving supervisor)."""
    case = uow.session.get(Case, decision.case_id)
    assert case is not None
    application = uow.session.scalar(select(Application).where(Application.case_id == case.id))
    signer = uow.session.get(User, decision.approved_by_id) if decision.approved_by_id else None
    name, basis = BENEFIT_NAMES.get(decision.benefit, (decision.benefit, ""))
    return _env.get_template("decision.html").render(
        centre=uow.ctx.config["CENTRE_NAME"], city=uow.ctx.config["CENTRE_CITY"],
        decision=decision, case=case, application=application, applicant=case.applicant,
        address=case.household.address, benefit_name=name, legal_basis=basis,
        ruling=KIND_NAMES.get(decision.kind, decision.kind),
        reason=REASONS.get(case.reason, (case.reason,))[0], signer=signer,
        explanation=(decision.eligibility.result if decision.eligibility else None),
    )
