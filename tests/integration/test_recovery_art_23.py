"""Art. 23 of the FA act through the services: the ground recorded with the finding decides the
interest and the day it runs from; a benefit paid more than 10 years ago is refused; the claim
is shown barred 3 years after the recovery decision became final (art. 30 u.ś.r. read alike)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest

from app.domain import recovery as rules
from app.domain.money import round_money
from app.persistence.models import PaymentList
from app.services.kernel.context import Actor, ServiceContext
from app.services.kernel.errors import ValidationFailed
from app.services.recovery import claims as recovery
from app.services.recovery import recovery_decisions
from app.services.recovery.recovery_deductions import apply_deductions
from tests.conftest import FakeClock
from tests.pdftext import pdf_text
from tests.recovery_data import ACCOUNT, draft_list, make_case

pytestmark = [pytest.mark.timeout(120), pytest.mark.embedded]
D = Decimal
FA = "fundusz_alimentacyjny"


def _finding(rows: object, legal_ground: str | None, amounts: tuple[str, ...] = ("500.00",),
             **extra: object) -> dict[str, object]:
    body: dict[str, object] = {
        "payments": [{"payment_id": p, "amount": a}
                     for p, a in zip(rows.payments, amounts, strict=False)],  # type: ignore[attr-defined]
        "fact": "Alimenty otrzymane od dłużnika w okresie pobierania świadczeń.", **extra}
    if legal_ground is not None:
        body["legal_ground"] = legal_ground
    return body


def test_art_23_ust_1a_and_7_fa_ground_decides_interest_and_its_first_day(
        ctx: ServiceContext, caseworker: Actor) -> None:
    paid = (date(2025, 4, 10), date(2025, 6, 10))
    rows = make_case(ctx, benefit=FA, months=paid, issued_on=date(2025, 3, 1),
                     delivered_on=date(2025, 3, 5))
    recovery.record_finding(ctx, caseworker, rows.case_id, _finding(rows, "fa_2_7_d"))
    other = make_case(ctx, benefit=FA, months=paid, person_id=rows.person_id)
    recovery.record_finding(ctx, caseworker, other.case_id, _finding(other, "fa_2_7_e"))
    on = date(2026, 3, 1)
    (rec,) = recovery.case_recoveries(ctx, caseworker, rows.case_id, on)["recoveries"]
    assert rec["legal_ground"]["code"] == "fa_2_7_d" and "lit. d" in rec["legal_ground"]["article"]
    assert rec["ground"] == "other" and rec["interest"] is True
    # Late-payment interest (reference + 5.5 pp) from 1 May 2025, the month after payment.
    expected = round_money(rules.interest(D("500"), date(2025, 5, 1), on))
    assert rec["balance"]["interest"] == f"{expected:.2f}"
    assert expected != round_money(rules.interest(D("500"), paid[0], on))
    # Paid to another person for reasons the party had no part in (lit. e): no interest.
    (rec_e,) = recovery.case_recoveries(ctx, caseworker, other.case_id, on)["recoveries"]
    assert rec_e["interest"] is False and rec_e["balance"]["interest"] == "0.00"
    # A ground of another act, or one that contradicts the chosen kind, is refused.
    third = make_case(ctx, benefit=FA, months=(date(2025, 7, 10),), person_id=rows.person_id)
    with pytest.raises(ValidationFailed) as wrong:
        recovery.record_finding(ctx, caseworker, third.case_id, _finding(third, "usr_30_2_1"))
    assert wrong.value.errors["legal_ground"].code == "choose_one"
    with pytest.raises(ValidationFailed) as mismatch:
        recovery.record_finding(ctx, caseworker, third.case_id,
                                _finding(third, "fa_2_7_b", ground="unreported_change"))
    assert mismatch.value.errors["legal_ground"].code == "recovery.ground_mismatch"


def test_art_23_ust_4_no_finding_on_a_benefit_paid_more_than_10_years_ago(
        ctx: ServiceContext, clock: FakeClock, caseworker: Actor, supervisor: Actor) -> None:
    rows = make_case(ctx, benefit=FA, months=(date(2016, 2, 10), date(2016, 3, 10)),
                     issued_on=date(2016, 1, 4), delivered_on=date(2016, 1, 8))
    with pytest.raises(ValidationFailed) as barred:
        recovery.record_finding(ctx, caseworker, rows.case_id,
                                _finding(rows, "fa_2_7_b", ("500.00", "500.00")))
    error = barred.value.errors["payments[0].payment_id"]
    assert error.code == "recovery.decision_barred" and "art. 23 ust. 2-4" in str(error)
    # Paid 10 March 2016: on 2 March 2026 it is within the 10 years.
    assert "payments[1].payment_id" not in barred.value.errors
    rid = recovery.record_finding(ctx, caseworker, rows.case_id, {
        "payments": [{"payment_id": rows.payments[1], "amount": "500.00"}],
        "legal_ground": "fa_2_7_b", "fact": "Zatajony dochód."})["id"]
    # On 11 March 2026 the 10 years have passed: no recovery decision is drafted or issued.
    did = recovery_decisions.draft_decision(ctx, caseworker, rid, {
        "kind": "recovery", "justification": "Zatajony dochód.", "repay_by": "2026-04-30",
        "account": ACCOUNT})["id"]
    clock.set(datetime(2026, 3, 11, 9, tzinfo=UTC))
    with pytest.raises(ValidationFailed) as at_issue:
        recovery_decisions.approve_decision(ctx, supervisor, did)
    assert at_issue.value.errors["kind"].code == "recovery.decision_barred"
    # Found on 2 March, drafted on 11 March: the draft is refused too.
    late = make_case(ctx, benefit=FA, months=(date(2016, 3, 10),), issued_on=date(2016, 1, 4),
                     delivered_on=date(2016, 1, 8), person_id=rows.person_id)
    rid2 = recovery.record_finding(ctx, caseworker, late.case_id, {
        "payments": [{"payment_id": late.payments[0], "amount": "500.00"}],
        "legal_ground": "fa_2_7_b", "fact": "Zatajony dochód.", "found_on": "2026-03-02"})["id"]
    with pytest.raises(ValidationFailed) as at_draft:
        recovery_decisions.draft_decision(ctx, caseworker, rid2, {
            "kind": "recovery", "justification": "x", "repay_by": "2026-04-30",
            "account": ACCOUNT})
    assert at_draft.value.errors["kind"].code == "recovery.decision_barred"


def test_art_23_ust_2_claim_shown_barred_3_years_after_the_decision_became_final(
        ctx: ServiceContext, clock: FakeClock, caseworker: Actor, supervisor: Actor) -> None:
    rows = make_case(ctx, benefit=FA, months=(date(2025, 4, 10),), issued_on=date(2025, 3, 1),
                     delivered_on=date(2025, 3, 5))
    rid = recovery.record_finding(ctx, caseworker, rows.case_id,
                                  _finding(rows, None, ground="false_information"))["id"]
    did = recovery_decisions.draft_decision(ctx, caseworker, rid, {
        "kind": "recovery", "justification": "Zatajone alimenty.", "repay_by": "2026-04-30",
        "account": ACCOUNT})["id"]
    recovery_decisions.approve_decision(ctx, supervisor, did)
    pdf = recovery_decisions.decision_pdf(ctx, caseworker, did)[0]
    text = " ".join(pdf_text(pdf).split())
    assert "art. 2 pkt 7 lit. b i art. 23 ust. 1, 1a i 7" in text
    assert "odsetkami ustawowymi za opóźnienie" in text and "pierwszego dnia miesiąca" in text
    with pytest.raises(ValidationFailed):   # not before the decision was issued
        recovery_decisions.record_final(ctx, caseworker, did, {"final_on": "2026-03-01"})
    clock.set(datetime(2026, 3, 20, 9, tzinfo=UTC))
    recovery_decisions.record_final(ctx, caseworker, did, {"final_on": "2026-03-17"})
    (rec,) = recovery.case_recoveries(ctx, caseworker, rows.case_id)["recoveries"]
    assert rec["legal_ground"]["code"] == "fa_2_7_b"
    assert rec["limitation"] == {
        "article": rec["limitation"]["article"], "final_on": "2026-03-17",
        "barred_from": "2029-03-18", "barred": False, "barred_amount": "0.00"}
    assert "art. 23 ust. 2-4" in rec["limitation"]["article"]
    clock.set(datetime(2029, 3, 18, 9, tzinfo=UTC))
    (rec,) = recovery.case_recoveries(ctx, caseworker, rows.case_id)["recoveries"]
    assert rec["limitation"]["barred"] is True
    assert rec["limitation"]["barred_amount"] == rec["balance"]["outstanding"] != "0.00"
    # A barred claim is no longer deducted from a current benefit.
    list_id = draft_list(ctx, rows.case_id, ("500.00",), month=date(2029, 4, 1))
    with ctx.uow() as uow:
        plist = uow.session.get(PaymentList, list_id)
        assert plist is not None
        assert apply_deductions(uow, plist) == []
