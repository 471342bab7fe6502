"""Change, revocation, self-correction and re-examination decisions: each its own basis and the
ground the caseworker recorded (art. 106 ust. 5 u.p.s., art. 32 ust. 1 u.ś.r., art. 24 ust. 1 of
the FA act, art. 132, 138 § 2, 154 and 155 KPA; see app.domain.rulings for the sources)."""

from __future__ import annotations

from datetime import date

import pytest

from app.domain.rulings import (
    GROUNDS,
    ConsentRequired,
    basis,
    consent_required,
    effective_purpose,
    ground_phrase,
)


@pytest.mark.parametrize(("act", "article"), [
    ("ups", "art. 106 ust. 5"), ("usr", "art. 32 ust. 1"), ("fa", "art. 24 ust. 1")])
def test_art_106_ust_5_only_for_social_assistance_each_act_its_own_provision(
        act: str, article: str) -> None:
    for purpose in ("change", "revocation", "parameter_change"):
        rule = basis(act, purpose, "employment")
        assert rule.act_articles == (article,)
        assert rule.kpa_articles == (), "art. 155 KPA is not cited where the act suffices"


def test_art_155_kpa_never_without_the_partys_consent() -> None:
    with pytest.raises(ConsentRequired):
        basis("ups", "change", "party_request")
    with pytest.raises(ConsentRequired):
        basis("usr", "revocation", "other")
    assert consent_required("ups", "party_request") and not consent_required("ups", "employment")
    rule = basis("ups", "change", "party_request", consent_on=date(2026, 4, 2))
    assert rule.kpa_articles == ("art. 155",) and rule.act_articles == ()


def test_art_32_ust_1_usr_does_not_name_a_change_of_law_but_art_24_fa_names_other_circumstances(
) -> None:
    assert consent_required("usr", "parameter_change")
    assert not consent_required("fa", "parameter_change") and not consent_required("fa", "other")
    assert not consent_required("ups", "parameter_change")


def test_art_154_kpa_only_where_no_right_was_acquired() -> None:
    assert basis("ups", "change", "party_request", acquired_right=False).kpa_articles == (
        "art. 154",)
    assert "art. 154" not in basis("ups", "revocation", "employment").kpa_articles


def test_art_132_and_art_138_par_2_kpa_for_self_correction_and_reexamination() -> None:
    assert basis("ups", "self_correction").kpa_articles == ("art. 132 § 1",)
    assert basis("usr", "reexamination").kpa_articles == ("art. 138 § 2",)
    assert basis("fa", "self_correction").act_articles == ()


def test_a_change_ending_in_no_grant_is_a_revocation_never_zmienic_odmowic() -> None:
    assert effective_purpose("change", "refusal") == "revocation"
    assert effective_purpose("parameter_change", "refusal") == "revocation"
    assert effective_purpose("change", "grant") == "change"
    assert effective_purpose("reexamination", "refusal") == "reexamination"


def test_the_ground_is_the_one_recorded_never_a_parameter_change_by_default() -> None:
    assert ground_phrase("employment") == "z podjęciem zatrudnienia przez stronę"
    assert ground_phrase("income_change").startswith("ze zmianą")
    assert "parametrów" not in ground_phrase("employment")
    assert ground_phrase("other", "Wyjazd za granicę.") == \
        "z następującą okolicznością: Wyjazd za granicę"
    assert "1 kwietnia 2026 r." in ground_phrase("parameter_change", on_text="1 kwietnia 2026 r.")
    assert set(GROUNDS) >= {"employment", "income_change", "household_change",
                            "parameter_change", "party_request", "other"}
