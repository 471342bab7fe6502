"""Documents lay out any text (issue 19, finding 7): the worst names, addresses and free texts
through every document template (decision, the four letters, the recovery decision, the
cash-desk list), each checked with pypdf's visitor_text that no text lies outside the page box,
and that a 300-character address prints whole."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from types import SimpleNamespace
from typing import Any

import pytest
from sqlalchemy import select

from app.persistence.models import Case, Household, HouseholdMember
from app.services.documents import document_store, letters
from app.services.documents.pdf import render_pdf
from app.services.kernel.context import Actor, ServiceContext
from app.services.payments.exports import _cash_pdf
from app.services.recovery import claims as recovery
from app.services.recovery import recovery_decisions
from tests.drive import sample_application
from tests.integration.test_documents import _actors, _issue
from tests.pdftext import pdf_text, text_outside_the_page
from tests.recovery_data import ACCOUNT, make_case

pytestmark = [pytest.mark.timeout(300), pytest.mark.embedded]

WORD = "Konstantynopolitańczykowianeczkówna"  # 35 letters
LONG_WORD = WORD * 4  # 140 letters, no space: wider than any line
FIRST = (WORD * 3)[:100]  # the longest name the application takes
LAST = "Brzęczyszczykiewicz-" + (WORD * 3)[:79]
# 300 characters: a street name of 150 letters without a space, then ordinary words.
ADDRESS = ("ul. " + ("Wielkopolskiej" * 11)[:150] + " 12/34, " + "osiedle Słoneczne klatka B "
           * 6)[:296] + " end"
FREE = f"Strona podała: {LONG_WORD}. " + "Zwykłe zdanie o sprawie. " * 3 + LONG_WORD


def _squash(text: str) -> str:
    return "".join(text.split())


def _check(pdf: bytes, *texts: str) -> None:
    assert text_outside_the_page(pdf) == []
    printed = _squash(pdf_text(pdf))
    for text in texts:
        assert _squash(text) in printed, text[:60]


def test_the_worst_case_is_outside_the_page_before_the_stylesheet_breaks_long_words() -> None:
    # The check itself: the same paragraph without overflow-wrap runs past the edge.
    html = f"<html><body><p style='overflow-wrap:normal'>{LONG_WORD}</p></body></html>"
    assert text_outside_the_page(render_pdf(html, "html{overflow-wrap:normal}"))
    assert len(ADDRESS) == 300


def test_finding_7_the_decision_and_every_letter_keep_long_words_and_a_300_character_address_inside(
        ctx: ServiceContext, caseworker: Actor, supervisor: Actor) -> None:
    payload = sample_application(address=ADDRESS)
    payload["applicant"] = {**payload["applicant"], "first_name": FIRST, "last_name": LAST}
    case_id, _ = _issue(ctx, _actors(caseworker, supervisor), payload, justification=FREE)
    docs = {d["kind"]: d for d in _documents(ctx, caseworker, case_id)}
    _check(_download(ctx, caseworker, case_id, docs["decision"]["id"]), ADDRESS, FIRST, LAST,
           LONG_WORD)
    for kind, facts in (
        ("supplement_call", {"items": FREE, "days": 7}),
        ("evidence_notice", {"unmet": FREE, "days": 7}),
        ("delay_notice", {"reason": FREE, "new_date": "2026-04-30"}),
        ("sko_forward", {"appeal_filed_on": "2026-03-02", "appeal_received_on": "2026-03-02",
                         "enclosures": FREE}),
    ):
        doc = letters.issue_letter(ctx, caseworker, case_id, kind, facts)
        # The cover letter to the SKO is addressed to the SKO, not to the party.
        party = () if kind == "sko_forward" else (ADDRESS, LAST)
        _check(_download(ctx, caseworker, case_id, doc["id"]), *party, LONG_WORD)


def _documents(ctx: ServiceContext, actor: Actor, case_id: int) -> list[dict[str, Any]]:
    from app.services.case_file import view as case_view

    return list(case_view.get_case(ctx, actor, case_id)["documents"])


def _download(ctx: ServiceContext, actor: Actor, case_id: int, doc_id: int) -> bytes:
    content, _ = document_store.download(ctx, actor, case_id, doc_id)
    return content


def test_finding_7_the_recovery_decision_keeps_long_words_inside(
        ctx: ServiceContext, caseworker: Actor, supervisor: Actor) -> None:
    rows = make_case(ctx, benefit="zasilek_rodzinny", months=(date(2025, 4, 10), date(2025, 6, 10)),
                     issued_on=date(2025, 3, 1), delivered_on=date(2025, 3, 5))
    with ctx.uow() as uow:
        case = uow.session.get(Case, rows.case_id)
        assert case is not None
        uow.session.get_one(Household, case.household_id).address = ADDRESS
        member = uow.session.scalars(select(HouseholdMember).where(
            HouseholdMember.household_id == case.household_id)).one()
        member.first_name, member.last_name = FIRST, LAST
        uow.commit()
    rid = recovery.record_finding(ctx, caseworker, rows.case_id, {
        "payments": [{"payment_id": pid, "amount": "100.00"} for pid in rows.payments],
        "ground": "unreported_change", "fact": LONG_WORD[:60]})["id"]
    did = recovery_decisions.draft_decision(ctx, caseworker, rid, {
        "kind": "recovery", "justification": LONG_WORD[:60], "repay_by": "2026-04-30",
        "account": ACCOUNT})["id"]
    recovery_decisions.approve_decision(ctx, supervisor, did)
    pdf, _, _ = recovery_decisions.decision_pdf(ctx, caseworker, did)
    _check(pdf, ADDRESS, FIRST, LAST, LONG_WORD[:60])


def test_finding_7_the_cash_desk_list_keeps_long_names_and_titles_inside(ctx: ServiceContext) -> None:
    rows: Any = [SimpleNamespace(
        id=i, case_number=f"OPS/{i}/{LONG_WORD[:40]}", payee=f"{FIRST} {LAST}",
        title=f"Zasiłek stały za 03/2026, {LONG_WORD}", method="cash", account=None,
        due_on=date(2026, 3, 10), amount=Decimal("1234567.89"), status="pending", address=ADDRESS)
        for i in range(1, 4)]
    plist: Any = type("L", (), {"id": 1, "pay_date": date(2026, 3, 10), "month": date(2026, 3, 1)})()
    with ctx.uow(readonly=True) as uow:
        pdf, cash = _cash_pdf(uow, plist, rows)
    assert len(cash) == 3
    _check(pdf, FIRST, LAST, LONG_WORD)
