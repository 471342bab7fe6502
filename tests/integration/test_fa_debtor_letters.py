"""Lane b16, issue 16 part 3: the letters the debtor procedure's steps send (art. 5 of the act of
7 Sep 2007) are issued as PDF documents of the debtor case, like the centre's other letters: the
information to the labour office (ust. 2 pkt 2), the motion to suspend the driving licence
(ust. 3b) and its withdrawal (ust. 5), the BIG report and the notice under art. 209 § 1 KK."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.persistence.models import Document
from app.services.debtors import procedures
from app.services.kernel.context import Actor, ServiceContext
from tests.drive import drive
from tests.integration.test_fa_debtor_process import actors, answers, request
from tests.pdftext import pdf_text

pytestmark = [pytest.mark.timeout(180), pytest.mark.embedded]


def _documents(ctx: ServiceContext, case_id: int) -> dict[str, str]:
    with ctx.uow() as uow:
        rows = uow.session.scalars(select(Document).where(Document.case_id == case_id)
                                   .order_by(Document.id)).all()
        return {d.kind: " ".join(pdf_text(d.content).split()) for d in rows}


def test_art_5_the_steps_after_a_final_evasion_decision_issue_their_letters(
        ctx: ServiceContext, caseworker: Actor, supervisor: Actor) -> None:
    pid = procedures.open_procedure(ctx, caseworker, request())
    case_id = procedures.read_procedure(ctx, caseworker, pid).case_id
    data = answers(debtor_prosecutor_notice={
        "sent_on": "2026-03-02", "addressee": "Prokuratura Rejonowa Warszawa-Śródmieście"})
    drive(ctx, case_id, actors(caseworker, supervisor), data_for=data)
    docs = _documents(ctx, case_id)
    assert list(docs) == ["debtor_licence_motion", "debtor_big_report",
                          "debtor_prosecutor_notice", "debtor_licence_withdrawal"]
    motion = docs["debtor_licence_motion"]
    assert "WNIOSEK O ZATRZYMANIE PRAWA JAZDY" in motion
    assert "Adam Dłużny (PESEL 80010112340)" in motion
    assert "art. 5 ust. 3b" in motion
    notice = docs["debtor_prosecutor_notice"]
    assert "Prokuratura Rejonowa Warszawa-Śródmieście" in notice, "the addressee typed"
    assert "art. 209 § 1" in notice
    assert "INFORMACJA GOSPODARCZA" in docs["debtor_big_report"]
    assert "WNIOSEK O ZWROT ZATRZYMANEGO PRAWA JAZDY" in docs["debtor_licence_withdrawal"]


def test_art_5_ust_2_pkt_2_the_labour_office_is_informed_and_no_licence_no_motion(
        ctx: ServiceContext, caseworker: Actor, supervisor: Actor) -> None:
    pid = procedures.open_procedure(ctx, caseworker, request())
    case_id = procedures.read_procedure(ctx, caseworker, pid).case_id
    data = answers(
        debtor_interview={"interview_on": "2026-02-20", "declaration_received": True,
                          "interview_prevented": False, "employed": False},
        debtor_registration_check={"checked_on": "2026-03-02", "registered": False,
                                   "refused_work": False},
        debtor_licence_motion={"licence_held": False, "sent_on": "2026-03-02"})
    drive(ctx, case_id, actors(caseworker, supervisor), data_for=data)
    docs = _documents(ctx, case_id)
    assert "debtor_activation_info" in docs and "debtor_licence_motion" not in docs
    assert "debtor_licence_withdrawal" not in docs, "no motion, so nothing to withdraw"
    info = docs["debtor_activation_info"]
    assert "Starosta – Powiatowy Urząd Pracy" in info
    assert "terminie 30 dni" in info
