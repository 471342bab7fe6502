"""Letters and decisions (issue 15 part 6): one art. 10 notice per case, listed once; a refusal
answers the party's comments (art. 107 § 3 KPA); notices only on the decisions they fit; the
dates of a letter's life agree with each other."""

from __future__ import annotations

import pytest

from app.services.kernel.context import Actor, ServiceContext
from tests.drive import sample_application
from tests.integration.test_documents import _actors, _issue

pytestmark = [pytest.mark.timeout(300), pytest.mark.embedded]

DUTY, UNDUE = "art. 109 ustawy o pomocy społecznej", "art. 104 ustawy o pomocy społecznej"


def _over_criterion() -> dict[str, object]:
    return sample_application(applicant={"pesel": "75011501233", "first_name": "Jan",
                                         "last_name": "Testowy", "net_income": "3000.00"})


def test_a_refusal_carries_no_notice_that_fits_only_a_grant(
    ctx: ServiceContext, caseworker: Actor, supervisor: Actor
) -> None:
    _, text = _issue(ctx, _actors(caseworker, supervisor), _over_criterion(),
                     decision_kind="refusal",
                     justification="Dochód strony przekracza kryterium dochodowe.")
    assert "Odmówić stronie" in text
    assert DUTY not in text and UNDUE not in text and "podlegają zwrotowi" not in text
    _, granted = _issue(ctx, _actors(caseworker, supervisor), sample_application(
        requested_amount="200.00", requested_until="2026-05-31"), justification="")
    assert DUTY in granted and UNDUE in granted
