"""Which notices a decision prints is data: each notice declares the decisions it fits."""

from __future__ import annotations

from app.domain.decision_notices import (
    ALL,
    DUTY_TO_REPORT,
    SORTS,
    UNDUE_RETURN,
    decision_sort,
    notices_for,
)


def test_each_notice_fits_only_known_sorts_and_has_every_act() -> None:
    for notice in ALL:
        assert notice.fits <= SORTS
        assert set(notice.texts) == {"ups", "usr", "fa"}


def test_a_refusal_prints_none_a_grant_both_a_revocation_the_return_only() -> None:
    for act in ("ups", "usr", "fa"):
        both = (DUTY_TO_REPORT.texts[act], UNDUE_RETURN.texts[act])
        assert notices_for(act, "refusal") == ()
        assert notices_for(act, "grant") == both
        assert notices_for(act, "partial") == both
        assert notices_for(act, "change") == both
        assert notices_for(act, "revocation") == (UNDUE_RETURN.texts[act],)


def test_the_sort_of_a_decision() -> None:
    assert decision_sort("refusal", None) == "refusal"
    assert decision_sort("grant", "self_correction") == "grant"
    assert decision_sort("partial", "reexamination") == "partial"
    assert decision_sort("grant", "change") == "change"
    assert decision_sort("refusal", "change") == "revocation"
    assert decision_sort("refusal", "parameter_change") == "revocation"
    assert decision_sort("refusal", "revocation") == "revocation"
