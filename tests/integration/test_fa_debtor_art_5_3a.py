"""Lane b16, issue 16 part 3: art. 5 ust. 3a of the act of 7 Sep 2007 wired into the debtor
process. "W przypadku gdy dłużnik alimentacyjny w okresie ostatnich 6 miesięcy wywiązywał się z
zobowiązań alimentacyjnych w kwocie nie niższej niż 50% kwoty bieżąco ustalonych alimentów",
the organ właściwy dłużnika does not find him evading (after the conditions of ust. 3: here the
refused oświadczenie majątkowe). Where the caseworker enters the months' alimony due and paid,
the exclusion is computed (app.domain.fa_debtor.evasion_excluded) and the form's answer, which
the process's gateway reads, must agree with it."""

from __future__ import annotations

from typing import Any

import pytest

from app.domain.messages.codes_fad import FadCode
from app.services.debtors import procedures
from app.services.kernel.context import Actor, ServiceContext
from app.services.kernel.errors import ValidationFailed
from tests.drive import drive, ready_tasks
from tests.integration.test_fa_debtor_process import TODAY, _complete, actors, answers, request

pytestmark = [pytest.mark.timeout(180), pytest.mark.embedded]

# The six months before the decision of 2 March 2026: September 2025 to February 2026.
MONTHS = ["2025-09-01", "2025-10-01", "2025-11-01", "2025-12-01", "2026-01-01", "2026-02-01"]


def months(paid: str, last_paid: str | None = None) -> list[dict[str, str]]:
    rows = [{"month": m, "due": "600.00", "paid": paid} for m in MONTHS]
    if last_paid is not None:
        rows[-1]["paid"] = last_paid
    return rows


def _at_decision(ctx: ServiceContext, caseworker: Actor, supervisor: Actor) -> int:
    pid = procedures.open_procedure(ctx, caseworker, request())
    case_id = procedures.read_procedure(ctx, caseworker, pid).case_id
    drive(ctx, case_id, actors(caseworker, supervisor), data_for=answers(),
          until=lambda ts: ts[0].name == "debtor_evasion_decision")
    return case_id


def test_art_5_ust_3a_exactly_half_paid_each_month_excludes_the_evasion_decision(
        ctx: ServiceContext, caseworker: Actor, supervisor: Actor) -> None:
    case_id = _at_decision(ctx, caseworker, supervisor)
    # 300 zł of 600 zł in each month is 50 %: excluded; declaring otherwise is refused.
    with pytest.raises(ValidationFailed) as refused:
        _complete(ctx, supervisor, case_id, "debtor_evasion_decision", {
            "decided_on": TODAY, "paid_half_each_month": False, "evasion_found": True,
            "months_paid": months("300.00")})
    assert refused.value.errors["paid_half_each_month"].code == FadCode.DEBTOR_PAYMENTS_DISAGREE
    with pytest.raises(ValidationFailed) as excluded:
        _complete(ctx, supervisor, case_id, "debtor_evasion_decision", {
            "decided_on": TODAY, "paid_half_each_month": True, "evasion_found": True,
            "months_paid": months("300.00")})
    assert excluded.value.errors["evasion_found"].code == FadCode.DEBTOR_EVASION_EXCLUDED
    _complete(ctx, supervisor, case_id, "debtor_evasion_decision", {
        "decided_on": TODAY, "paid_half_each_month": True, "evasion_found": False,
        "months_paid": months("300.00")})
    pid = procedures.procedure_of_case(ctx, supervisor, case_id)
    assert pid is not None
    assert procedures.read_procedure(ctx, supervisor, pid).outcome == "not_evading"


def test_art_5_ust_3a_one_grosz_short_in_one_month_the_debtor_is_found_evading(
        ctx: ServiceContext, caseworker: Actor, supervisor: Actor) -> None:
    case_id = _at_decision(ctx, caseworker, supervisor)
    short = months("300.00", last_paid="299.99")
    with pytest.raises(ValidationFailed) as refused:
        _complete(ctx, supervisor, case_id, "debtor_evasion_decision", {
            "decided_on": TODAY, "paid_half_each_month": True, "evasion_found": False,
            "months_paid": short})
    assert refused.value.errors["paid_half_each_month"].code == FadCode.DEBTOR_PAYMENTS_DISAGREE
    _complete(ctx, supervisor, case_id, "debtor_evasion_decision", {
        "decided_on": TODAY, "paid_half_each_month": False, "evasion_found": True,
        "months_paid": short})
    # The process goes on to the decision's finality.
    assert [t.name for t in ready_tasks(ctx, case_id)] == ["debtor_evasion_final"]


def test_art_5_ust_3a_a_month_missing_counts_as_nothing_paid_and_a_bad_row_is_coded(
        ctx: ServiceContext, caseworker: Actor, supervisor: Actor) -> None:
    case_id = _at_decision(ctx, caseworker, supervisor)
    with pytest.raises(ValidationFailed) as refused:
        _complete(ctx, supervisor, case_id, "debtor_evasion_decision", {
            "decided_on": TODAY, "paid_half_each_month": True, "evasion_found": False,
            "months_paid": months("600.00")[1:]})   # September 2025 left out
    assert refused.value.errors["paid_half_each_month"].code == FadCode.DEBTOR_PAYMENTS_DISAGREE
    bad: list[dict[str, Any]] = [{"month": "wrzesień", "due": "600.00", "paid": "300.00"}]
    with pytest.raises(ValidationFailed) as invalid:
        _complete(ctx, supervisor, case_id, "debtor_evasion_decision", {
            "decided_on": TODAY, "paid_half_each_month": False, "evasion_found": True,
            "months_paid": bad})
    assert any(k.startswith("months_paid") for k in invalid.value.errors), invalid.value.errors

