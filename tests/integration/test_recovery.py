"""Undue benefits through the services: the finding and each refusal of a false fact, the
decisions with four eyes and their PDF, write-off, deferral, instalments, repayments,
idempotent deductions and the balance with statutory interest."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import select

from app.domain import recovery as rules
from app.domain.messages import Code
from app.domain.money import round_money
from app.persistence.models import AuditEvent, Payment, PaymentList, RecoveryDeduction
from app.services.case_file import view as case_view
from app.services.documents import document_store
from app.services.documents.pdf import content_hash
from app.services.kernel.context import Actor, ServiceContext
from app.services.kernel.errors import Conflict, Forbidden, ValidationFailed
from app.services.recovery import claims as recovery
from app.services.recovery import recovery_decisions
from app.services.recovery.recovery_deductions import apply_deductions
from tests.pdftext import pdf_text
from tests.recovery_data import ACCOUNT, draft_list, make_case

pytestmark = [pytest.mark.timeout(120), pytest.mark.embedded]
D = Decimal


def finding(rows: Any, amounts: tuple[str, ...] = ("500.00", "200.00"), **extra: Any) -> dict[str, Any]:
    pairs = zip(rows.payments, amounts, strict=False)
    body = {"payments": [{"payment_id": pid, "amount": a} for pid, a in pairs],
            "ground": "unreported_change", "fact": "Podjęcie pracy od 1 stycznia 2026 r."}
    return {**body, **extra}


def codes(exc: ValidationFailed) -> set[str]:
    return {str(getattr(m, "code", "")) for m in exc.errors.values()}


def decided(ctx: ServiceContext, cw: Actor, sup: Actor, rows: Any, **extra: Any) -> int:
    """A recorded finding with its recovery decision issued; returns the recovery id."""
    rid = recovery.record_finding(ctx, cw, rows.case_id, finding(rows, **extra))["id"]
    did = recovery_decisions.draft_decision(ctx, cw, rid, {
        "kind": "recovery", "justification": "Strona nie zgłosiła podjęcia pracy.",
        "repay_by": "2026-04-30", "account": ACCOUNT})["id"]
    recovery_decisions.approve_decision(ctx, sup, did)
    return int(rid)


# --- the finding ----------------------------------------------------------------------------


def test_finding_is_recorded_with_the_day_the_party_learned(ctx: ServiceContext, caseworker: Actor) -> None:
    rows = make_case(ctx)
    out = recovery.record_finding(ctx, caseworker, rows.case_id, finding(rows))
    assert out["principal"] == "700.00"
    data = recovery.case_recoveries(ctx, caseworker, rows.case_id)
    rec = data["recoveries"][0]
    # The decision with the art. 109 notice was delivered on 5 Dec 2025.
    assert rec["learned_on"] == "2025-12-05" and rec["notice_decision_id"] == rows.decision_id
    assert rec["found_by_id"] == caseworker.id
    assert [i["amount"] for i in rec["items"]] == ["500.00", "200.00"]
    assert [i["month"] for i in rec["items"]] == ["2026-01", "2026-02"]
    assert rec["balance"]["outstanding"] == "700.00" and rec["balance"]["interest"] == "0.00"
    assert data["payable"] == []  # both payments are counted now
    with ctx.uow(readonly=True) as uow:
        actions = set(uow.session.scalars(select(AuditEvent.action)))
    assert {"recovery.found", "recovery.read"} <= actions


@pytest.mark.parametrize(("change", "code"), [
    ({"amounts": ("500.01",)}, Code.RECOVERY_AMOUNT_ABOVE_PAID),
    ({"amounts": ("0.00",)}, Code.RECOVERY_AMOUNT_ZERO),
    ({"found_on": "2026-03-03"}, Code.RECOVERY_DATE_FUTURE),
    ({"found_on": "2026-01-20"}, Code.RECOVERY_PAYMENT_NOT_PAID),  # found before it was paid
    ({"learned_on": "2026-03-03"}, Code.RECOVERY_DATE_FUTURE),
    ({"learned_on": "2025-11-30"}, Code.RECOVERY_LEARNED_BEFORE_NOTICE),
    ({"learned_on": "2026-01-15"}, Code.RECOVERY_PAID_BEFORE_NOTICE),
    ({"ground": "bad luck"}, Code.CHOOSE_ONE),
])
def test_false_facts_are_refused(ctx: ServiceContext, caseworker: Actor, change: dict[str, Any],
                                 code: Code) -> None:
    rows = make_case(ctx)
    amounts = change.pop("amounts", ("500.00", "200.00"))
    with pytest.raises(ValidationFailed) as err:
        recovery.record_finding(ctx, caseworker, rows.case_id, finding(rows, amounts, **change))
    assert str(code) in codes(err.value)
    assert recovery.case_recoveries(ctx, caseworker, rows.case_id)["recoveries"] == []


def test_payments_of_another_case_or_unpaid_are_refused(ctx: ServiceContext, caseworker: Actor) -> None:
    rows, other = make_case(ctx), make_case(ctx)
    unpaid = make_case(ctx, status="draft")
    body = finding(rows)
    body["payments"][1]["payment_id"] = other.payments[0]
    with pytest.raises(ValidationFailed) as err:
        recovery.record_finding(ctx, caseworker, rows.case_id, body)
    assert codes(err.value) == {str(Code.RECOVERY_PAYMENT_OTHER_CASE)}
    with pytest.raises(ValidationFailed) as err:
        recovery.record_finding(ctx, caseworker, unpaid.case_id, finding(unpaid))
    assert str(Code.RECOVERY_PAYMENT_NOT_PAID) in codes(err.value)


def test_a_payment_paid_before_its_due_date_counts_from_the_day_paid(
        ctx: ServiceContext, caseworker: Actor) -> None:
    """Issue 15: the cash desk paid March's benefit on 27 Feb (due 10 Mar); on 2 Mar the finding
    is recorded. The check uses the day actually paid, not the due date, and so does the item."""
    rows = make_case(ctx, months=(date(2026, 2, 10), date(2026, 3, 10)))
    with ctx.uow() as uow:
        for pid in rows.payments:
            p = uow.session.get(Payment, pid)
            assert p is not None
            p.status, p.settled_on, p.settlement_ref = "paid", date(2026, 2, 27), "KP 12/2026"
        uow.commit()
    out = recovery.record_finding(ctx, caseworker, rows.case_id, finding(rows))
    assert out["principal"] == "700.00"
    items = recovery.case_recoveries(ctx, caseworker, rows.case_id)["recoveries"][0]["items"]
    assert [i["paid_on"] for i in items] == ["2026-02-27", "2026-02-27"]
    # Still refused when found before the day it was paid.
    other = make_case(ctx, months=(date(2026, 2, 10), date(2026, 3, 10)))
    with ctx.uow() as uow:
        p = uow.session.get(Payment, other.payments[1])
        assert p is not None
        p.status, p.settled_on = "paid", date(2026, 2, 27)
        uow.commit()
    body = finding(other, ("100.00",))
    body["payments"][0]["payment_id"] = other.payments[1]
    with pytest.raises(ValidationFailed) as err:
        recovery.record_finding(ctx, caseworker, other.case_id, {**body, "found_on": "2026-02-26"})
    assert str(Code.RECOVERY_PAYMENT_NOT_PAID) in codes(err.value)


def test_a_payment_is_counted_once(ctx: ServiceContext, caseworker: Actor) -> None:
    rows = make_case(ctx)
    body = finding(rows)
    body["payments"][1]["payment_id"] = rows.payments[0]
    with pytest.raises(ValidationFailed) as err:
        recovery.record_finding(ctx, caseworker, rows.case_id, body)
    assert str(Code.RECOVERY_PAYMENT_TWICE) in codes(err.value)
    recovery.record_finding(ctx, caseworker, rows.case_id, finding(rows, ("100.00",)))
    with pytest.raises(Conflict) as conflict:
        recovery.record_finding(ctx, caseworker, rows.case_id, finding(rows, ("100.00",)))
    assert conflict.value.code == Code.RECOVERY_PAYMENT_TWICE


def test_no_notice_is_refused_unless_overridden_with_a_reason(ctx: ServiceContext, caseworker: Actor) -> None:
    rows = make_case(ctx, notice=False)
    with pytest.raises(ValidationFailed) as err:
        recovery.record_finding(ctx, caseworker, rows.case_id, finding(rows))
    assert codes(err.value) == {str(Code.RECOVERY_NO_NOTICE)}
    # False information knowingly does not rest on the notice.
    recovery.record_finding(ctx, caseworker, rows.case_id,
                            finding(rows, ("100.00",), ground="false_information"))
    other = make_case(ctx, notice=False)
    out = recovery.record_finding(ctx, caseworker, other.case_id, finding(
        other, notice_override="Pouczenie wręczone osobiście 5 grudnia 2025 r., protokół w aktach.",
        learned_on="2025-12-05"))
    rec = recovery.case_recoveries(ctx, caseworker, other.case_id)["recoveries"][0]
    assert rec["id"] == out["id"] and rec["notice_override"].startswith("Pouczenie")


def test_admin_without_a_case_role_is_refused(ctx: ServiceContext, admin: Actor, caseworker: Actor) -> None:
    rows = make_case(ctx)
    with pytest.raises(Forbidden):
        recovery.record_finding(ctx, admin, rows.case_id, finding(rows))
    with pytest.raises(Forbidden):
        recovery.case_recoveries(ctx, admin, rows.case_id)
    with pytest.raises(Forbidden):
        recovery.person_balance(ctx, admin, rows.person_id)


# --- decisions ------------------------------------------------------------------------------


def test_recovery_decision_needs_a_second_person_with_the_supervisor_role(
        ctx: ServiceContext, caseworker: Actor, caseworker2: Actor, supervisor: Actor) -> None:
    rows = make_case(ctx)
    rid = recovery.record_finding(ctx, caseworker, rows.case_id, finding(rows))["id"]
    body = {"kind": "recovery", "justification": "Uzasadnienie.", "repay_by": "2026-04-30",
            "account": ACCOUNT}
    own = recovery_decisions.draft_decision(ctx, supervisor, rid, body)["id"]
    with pytest.raises(Forbidden) as err:
        recovery_decisions.approve_decision(ctx, supervisor, own)
    assert err.value.code == Code.RECOVERY_FOUR_EYES
    with pytest.raises(Forbidden):
        recovery_decisions.approve_decision(ctx, caseworker2, own)
    with pytest.raises(Conflict):  # one recovery decision per finding
        recovery_decisions.draft_decision(ctx, caseworker, rid, body)


@pytest.mark.parametrize(("body", "field"), [
    ({"repay_by": "2026-03-01"}, "repay_by"),
    ({"account": "PL61109010140000071219812875"}, "account"),
    ({"kind": "pardon"}, "kind"),
    ({"justification": ""}, "justification"),
])
def test_bad_recovery_drafts_are_refused(ctx: ServiceContext, caseworker: Actor, body: dict[str, Any],
                                         field: str) -> None:
    rows = make_case(ctx)
    rid = recovery.record_finding(ctx, caseworker, rows.case_id, finding(rows))["id"]
    full = {"kind": "recovery", "justification": "Uzasadnienie.", "repay_by": "2026-04-30",
            "account": ACCOUNT, **body}
    with pytest.raises(ValidationFailed) as err:
        recovery_decisions.draft_decision(ctx, caseworker, rid, full)
    assert field in err.value.errors


def test_issued_decision_is_numbered_stored_and_has_every_art_107_element(
        ctx: ServiceContext, caseworker: Actor, supervisor: Actor) -> None:
    rows = make_case(ctx, benefit="zasilek_rodzinny", months=(date(2025, 4, 10), date(2025, 6, 10)),
                     issued_on=date(2025, 3, 1), delivered_on=date(2025, 3, 5))
    rid = decided(ctx, caseworker, supervisor, rows)
    data = recovery.case_recoveries(ctx, caseworker, rows.case_id)
    dec = data["recoveries"][0]["decisions"][0]
    assert dec["status"] == "issued" and dec["number"].startswith("DEC/2026/")
    assert dec["drafted_by_id"] == caseworker.id and dec["approved_by_id"] == supervisor.id
    pdf, sha, name = recovery_decisions.decision_pdf(ctx, caseworker, dec["id"])
    assert sha == content_hash(pdf) == dec["sha256"] and name.endswith(".pdf")
    # It is a document of the case like every other: listed in the case file, hash checked.
    (listed,) = [d for d in case_view.get_case(ctx, caseworker, rows.case_id)["documents"]
                 if d["kind"] == "recovery_decision"]
    assert listed["sha256"] == sha and dec["number"] in listed["title"]
    assert document_store.download(ctx, caseworker, rows.case_id, listed["id"])[0] == pdf
    text = " ".join(pdf_text(pdf).split())
    for element in (
        "Burmistrz Gminy Krzeszowice",  # the body
        "z upoważnienia Burmistrza Gminy Krzeszowice",  # the authorised signer
        "dnia 2 marca 2026 r.",  # the date
        "Ewa Testowa",  # the party
        "art. 30 ust. 1 i 2 ustawy z dnia 28 listopada 2003 r. o świadczeniach rodzinnych",  # basis
        "art. 104 ustawy z dnia 14 czerwca 1960 r.",
        "orzekam", "04.2025", "06.2025",  # the ruling: months, amount, interest, deadline, account
        "700,00 zł", "odsetkami ustawowymi za opóźnienie", "30 kwietnia 2026 r.", ACCOUNT,
        "Uzasadnienie", "Podjęcie pracy", "5 marca 2025 r.",  # justification with the notice date
        "Samorządowego Kolegium Odwoławczego", "14 dni",  # appeal instruction
        "Maria Wiśniewska", "Kierownik Ośrodka Pomocy Społecznej", "OR.0052.13.2024",  # the signer
    ):
        assert element in text, element
    assert dec["number"] in text
    assert rid


def test_write_off_deferral_and_instalments_change_the_debt_from_their_date(
        ctx: ServiceContext, caseworker: Actor, supervisor: Actor, clock: Any) -> None:
    rows = make_case(ctx)
    rid = decided(ctx, caseworker, supervisor, rows)

    def issue(body: dict[str, Any]) -> dict[str, Any]:
        did = recovery_decisions.draft_decision(ctx, caseworker, rid, {"justification": "J.", **body})["id"]
        return recovery_decisions.approve_decision(ctx, supervisor, did)

    with pytest.raises(ValidationFailed) as err:
        recovery_decisions.draft_decision(ctx, caseworker, rid, {"kind": "write_off", "justification": "J.",
                                                                 "amount": "700.01"})
    assert codes(err.value) == {str(Code.RECOVERY_WRITE_OFF_ABOVE_DEBT)}
    written = issue({"kind": "write_off", "amount": "100.00"})
    first = recovery.case_recoveries(ctx, caseworker, rows.case_id)["recoveries"][0]["decisions"][0]
    pdf_words = " ".join(pdf_text(recovery_decisions.decision_pdf(ctx, caseworker, written["id"])[0]).split())
    pdf_words = pdf_words.replace("/ ", "/")  # a number may break after a slash
    for element in ("umorzyć", "w części, w kwocie 100,00 zł", f"decyzją nr {first['number']}",
                    "art. 104 ust. 4 ustawy z dnia 12 marca 2004 r. o pomocy społecznej",
                    "Samorządowego Kolegium Odwoławczego", written["number"]):
        assert element in pdf_words, element
    bal = recovery.case_recoveries(ctx, caseworker, rows.case_id)["recoveries"][0]["balance"]
    assert (bal["written_off"], bal["outstanding"]) == ("100.00", "600.00")
    # Looking back before the write-off: it did not yet count.
    before = recovery.case_recoveries(ctx, caseworker, rows.case_id, date(2026, 3, 1))
    assert before["recoveries"][0]["balance"]["outstanding"] == "700.00"

    issue({"kind": "deferral", "repay_by": "2026-09-30"})
    rec = recovery.case_recoveries(ctx, caseworker, rows.case_id)["recoveries"][0]
    assert rec["repay_by"] == "2026-09-30"

    with pytest.raises(ValidationFailed) as err:
        recovery_decisions.draft_decision(ctx, caseworker, rid, {
            "kind": "instalments", "justification": "J.",
            "instalments": [{"due_on": "2026-04-10", "amount": "300.00"},
                            {"due_on": "2026-05-10", "amount": "299.99"}]})
    assert codes(err.value) == {str(Code.RECOVERY_INSTALMENTS_SUM)}
    issue({"kind": "instalments", "count": 7, "first_due": "2026-04-10"})
    rec = recovery.case_recoveries(ctx, caseworker, rows.case_id)["recoveries"][0]
    assert len(rec["instalments"]) == 7
    assert sum(D(i["amount"]) for i in rec["instalments"]) == D("600.00")
    # A new plan replaces the old one from its date.
    clock.set(datetime(2026, 3, 20, 9, 0, tzinfo=UTC))
    issue({"kind": "instalments", "count": 2, "first_due": "2026-04-10"})
    rec = recovery.case_recoveries(ctx, caseworker, rows.case_id)["recoveries"][0]
    assert [i["amount"] for i in rec["instalments"]] == ["300.00", "300.00"]

    issue({"kind": "write_off"})  # the rest, in full
    bal = recovery.case_recoveries(ctx, caseworker, rows.case_id)["recoveries"][0]["balance"]
    assert bal["outstanding"] == "0.00" and bal["written_off"] == "700.00"
    with pytest.raises(Conflict):
        recovery_decisions.draft_decision(ctx, caseworker, rid, {"kind": "write_off", "justification": "J."})


def test_relief_needs_the_recovery_decision_first(ctx: ServiceContext, caseworker: Actor) -> None:
    rows = make_case(ctx)
    rid = recovery.record_finding(ctx, caseworker, rows.case_id, finding(rows))["id"]
    with pytest.raises(Conflict) as err:
        recovery_decisions.draft_decision(ctx, caseworker, rid, {"kind": "write_off", "justification": "J."})
    assert err.value.code == Code.RECOVERY_NOT_DECIDED


# --- repayments and the balance -------------------------------------------------------------


def test_repayments_and_overpayment(ctx: ServiceContext, caseworker: Actor, supervisor: Actor) -> None:
    rows = make_case(ctx)
    rid = decided(ctx, caseworker, supervisor, rows)
    recovery.record_repayment(ctx, caseworker, rid, {"received_on": "2026-03-01", "amount": "200.00"})
    with pytest.raises(ValidationFailed) as err:
        recovery.record_repayment(ctx, caseworker, rid, {"received_on": "2026-03-02", "amount": "600.00"})
    assert codes(err.value) == {str(Code.RECOVERY_OVERPAYMENT)}
    with pytest.raises(ValidationFailed) as err:
        recovery.record_repayment(ctx, caseworker, rid, {"received_on": "2026-03-03", "amount": "1.00"})
    assert codes(err.value) == {str(Code.RECOVERY_DATE_FUTURE)}
    with pytest.raises(ValidationFailed):
        recovery.record_repayment(ctx, caseworker, rid, {"received_on": "2026-03-02", "amount": -5})
    out = recovery.record_repayment(ctx, caseworker, rid, {"received_on": "2026-03-02", "amount": "600.00",
                                                           "accept_overpayment": True})
    assert out["overpaid"] == "100.00"
    bal = recovery.case_recoveries(ctx, caseworker, rows.case_id)["recoveries"][0]["balance"]
    assert (bal["repaid"], bal["overpaid"], bal["outstanding"]) == ("800.00", "100.00", "0.00")


def test_family_benefit_balance_carries_interest_across_a_rate_change(
        ctx: ServiceContext, caseworker: Actor) -> None:
    paid = (date(2025, 4, 10), date(2025, 6, 10))
    rows = make_case(ctx, benefit="zasilek_rodzinny", months=paid, issued_on=date(2025, 3, 1),
                     delivered_on=date(2025, 3, 5))
    other = make_case(ctx, person_id=rows.person_id)  # a social assistance case: no interest
    recovery.record_finding(ctx, caseworker, rows.case_id, finding(rows, ("500.00", "500.00")))
    recovery.record_finding(ctx, caseworker, other.case_id, finding(other, ("100.00",)))
    on = date(2026, 3, 1)
    expected = round_money(rules.interest(D("500"), paid[0], on) + rules.interest(D("500"), paid[1], on))
    # 10 Apr 2025 crosses 8 May 2025 (9.25% -> 8.75%) and later changes.
    assert expected != round_money(D("500") * D("0.0925") * (on - paid[0]).days / 365
                                   + D("500") * D("0.0925") * (on - paid[1]).days / 365)
    data = recovery.person_balance(ctx, caseworker, rows.person_id, on)
    by_case = {c["case_id"]: c["total"] for c in data["cases"]}
    assert by_case[rows.case_id]["interest"] == f"{expected:.2f}"
    assert by_case[other.case_id]["interest"] == "0.00"
    assert data["total"]["principal"] == "1100.00"
    assert data["total"]["outstanding"] == f"{D('1100.00') + expected:.2f}"
    with pytest.raises(ValidationFailed):
        recovery.person_balance(ctx, caseworker, rows.person_id, date(2026, 3, 3))


# --- deductions -----------------------------------------------------------------------------


def _list(ctx: ServiceContext, list_id: int) -> tuple[PaymentList, list[Payment]]:
    with ctx.uow(readonly=True) as uow:
        plist = uow.session.get(PaymentList, list_id)
        assert plist is not None
        pays = list(uow.session.scalars(select(Payment).where(Payment.payment_list_id == list_id)
                                        .order_by(Payment.id)))
        uow.session.expunge_all()
        return plist, pays


def run_deductions(ctx: ServiceContext, list_id: int) -> int:
    with ctx.uow() as uow:
        plist = uow.session.get(PaymentList, list_id)
        assert plist is not None
        made = apply_deductions(uow, plist)
        uow.commit()
        return len(made)


def test_deductions_are_idempotent_within_the_debt_and_never_negative(
        ctx: ServiceContext, caseworker: Actor, supervisor: Actor) -> None:
    rows = make_case(ctx)
    rid = decided(ctx, caseworker, supervisor, rows)  # 700.00 owed
    list_id = draft_list(ctx, rows.case_id, ("500.00", "500.00"))
    assert run_deductions(ctx, list_id) == 2
    assert run_deductions(ctx, list_id) == 0  # applying twice deducts once
    plist, pays = _list(ctx, list_id)
    assert [p.amount for p in pays] == [D("0.00"), D("300.00")]
    assert plist.total == D("300.00")
    with ctx.uow(readonly=True) as uow:
        deds = [(d.gross, d.amount, d.recovery_id) for d in uow.session.scalars(
            select(RecoveryDeduction).order_by(RecoveryDeduction.id))]
    assert deds == [(D("500.00"), D("500.00"), rid), (D("500.00"), D("200.00"), rid)]
    bal = recovery.case_recoveries(ctx, caseworker, rows.case_id)["recoveries"][0]["balance"]
    assert (bal["deducted"], bal["outstanding"]) == ("700.00", "0.00")


def test_no_deduction_without_a_decision_or_on_an_approved_list(
        ctx: ServiceContext, caseworker: Actor) -> None:
    rows = make_case(ctx)
    recovery.record_finding(ctx, caseworker, rows.case_id, finding(rows))
    list_id = draft_list(ctx, rows.case_id, ("500.00",))
    assert run_deductions(ctx, list_id) == 0
    _, pays = _list(ctx, list_id)
    assert pays[0].amount == D("500.00")
    with ctx.uow() as uow:
        plist = uow.session.get(PaymentList, list_id)
        assert plist is not None
        plist.status = "approved"
        assert apply_deductions(uow, plist) == []


def test_concurrent_approvals_and_deduction_runs_act_once(
        ctx: ServiceContext, caseworker: Actor, supervisor: Actor) -> None:
    import threading

    rows = make_case(ctx)
    rid = recovery.record_finding(ctx, caseworker, rows.case_id, finding(rows))["id"]
    did = recovery_decisions.draft_decision(ctx, caseworker, rid, {
        "kind": "recovery", "justification": "J.", "repay_by": "2026-04-30", "account": ACCOUNT})["id"]
    outcomes: list[str] = []

    def approve() -> None:
        try:
            recovery_decisions.approve_decision(ctx, supervisor, did)
            outcomes.append("issued")
        except Conflict:
            outcomes.append("conflict")

    threads = [threading.Thread(target=approve) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(outcomes) == ["conflict", "issued"]

    list_id = draft_list(ctx, rows.case_id, ("500.00", "500.00"))
    made: list[int] = []
    threads = [threading.Thread(target=lambda: made.append(run_deductions(ctx, list_id))) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(made) == [0, 2]
    _, pays = _list(ctx, list_id)
    assert sum(p.amount for p in pays) == D("300.00")


def test_a_supervisor_without_an_authorisation_cannot_issue_a_recovery_decision(
        ctx: ServiceContext, caseworker: Actor) -> None:
    """The signer's authorisation is an element of art. 107 § 1 KPA: without one valid on the
    day, nothing is numbered or issued, and the draft waits for an authorised supervisor."""
    from tests.conftest import actor_for

    rows = make_case(ctx)
    rid = recovery.record_finding(ctx, caseworker, rows.case_id, finding(rows))["id"]
    did = recovery_decisions.draft_decision(ctx, caseworker, rid, {
        "kind": "recovery", "justification": "Strona nie zgłosiła podjęcia pracy.",
        "repay_by": "2026-04-30", "account": ACCOUNT})["id"]
    with pytest.raises(Conflict) as refused:
        recovery_decisions.approve_decision(ctx, actor_for(ctx, "supervisor2"), did)
    assert refused.value.code == Code.SIGNER_UNAUTHORISED
    dec = recovery.case_recoveries(ctx, caseworker, rows.case_id)["recoveries"][0]["decisions"][0]
    assert dec["status"] == "draft" and dec["number"] is None


def test_the_monthly_payment_run_deducts_what_a_debtor_owes_from_the_current_benefit(
        ctx: ServiceContext, caseworker: Actor, supervisor: Actor) -> None:
    """The run calls the deduction for every draft list it fills (art. 104 u.p.s.): the debtor's
    March payment is reduced by what is owed, the list total follows, and a second run deducts
    nothing more."""
    from app.persistence.models import PaymentScheduleItem
    from app.services import payments

    rows = make_case(ctx)
    decided(ctx, caseworker, supervisor, rows)   # 700.00 owed, recovery decision issued
    with ctx.uow() as uow:
        uow.session.add(PaymentScheduleItem(
            decision_id=rows.decision_id, case_id=rows.case_id, month=date(2026, 3, 1),
            due_on=date(2026, 3, 10), amount=Decimal("500.00"), status="planned"))
        uow.commit()
    result = payments.monthly_payment_run(ctx, date(2026, 3, 1))
    assert result["created"] == 1
    plist, pays = _list(ctx, result["list_id"])
    (payment,) = [p for p in pays if p.case_id == rows.case_id]
    with ctx.uow(readonly=True) as uow:
        (deduction,) = uow.session.execute(select(RecoveryDeduction.gross, RecoveryDeduction.amount)
                                           .where(RecoveryDeduction.payment_id == payment.id)).all()
    assert deduction.gross == Decimal("500.00") and deduction.amount > 0
    assert payment.amount == Decimal("500.00") - deduction.amount
    assert plist.total == sum(p.amount for p in pays)
    payments.monthly_payment_run(ctx, date(2026, 3, 1))
    assert _list(ctx, result["list_id"])[1][0].amount == payment.amount
