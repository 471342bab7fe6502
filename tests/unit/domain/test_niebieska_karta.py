"""Issue 17 part 2: the Niebieska Karta procedure's rules (app/domain/niebieska_karta.py), named
after the paragraphs of the regulation of 6 Sep 2023 (Dz.U. 2023 poz. 1870) as the module reads
them; the deadlines the text did not give are the centre's readings, dated parameters."""

from __future__ import annotations

from datetime import date as D

import pytest

from app.domain import niebieska_karta as nk
from app.domain import parameters
from app.domain.parameters import ParameterNotFound, build_table


def test_par_3_form_a_goes_to_the_chair_within_5_working_days_of_the_start() -> None:
    # Monday 2 March 2026 -> Monday 9 March (5 working days).
    assert nk.handover_due(D(2026, 3, 2)) == D(2026, 3, 9)
    # Started on Friday 1 May 2026 (a holiday): 4 May, 5, 6, 7, 8 -> Friday 8 May.
    assert nk.handover_due(D(2026, 5, 1)) == D(2026, 5, 8)
    # Over Christmas 2026: 28, 29, 30, 31 Dec, 4 Jan (1 Jan a holiday, 2-3 Jan a weekend).
    assert nk.handover_due(D(2026, 12, 24)) == D(2027, 1, 4)


def test_the_deadlines_are_dated_parameters_marked_as_the_centres_reading() -> None:
    for name in ("nk.handover_working_days", "nk.first_meeting_days", "nk.closing_record_days"):
        param = parameters.value(name, D(2026, 1, 1))
        assert param.valid_from == D(2023, 9, 22)
        assert param.source.startswith("READING (the centre's")
    with pytest.raises(ParameterNotFound):
        nk.handover_due(D(2023, 9, 21))  # before the 2023 regulation
    table = build_table([*parameters.ENTRIES, ("nk.handover_working_days", D(2027, 1, 1), 3,
                                               "a later reading")])
    # 5, 7, 8 January 2027 (6 January, Epiphany, is a holiday).
    assert nk.handover_due(D(2027, 1, 4), table) == D(2027, 1, 8)


def test_the_groups_first_meeting_is_due_14_days_after_the_chair_received_form_a() -> None:
    assert nk.first_meeting_due(D(2026, 3, 4)) == D(2026, 3, 18)


def test_the_closing_is_recorded_within_7_days_of_the_meeting_that_decided_it() -> None:
    assert nk.closing_due(D(2026, 4, 1)) == D(2026, 4, 8)


def _facts(**changes: object) -> nk.ClosingFacts:
    base = {"ground": nk.Ground.VIOLENCE_ENDED, "closed_on": D(2026, 6, 1),
            "started_on": D(2026, 3, 2), "meetings": [D(2026, 3, 10), D(2026, 5, 30)],
            "plan_on": D(2026, 3, 10), "plan_realised": True}
    return nk.ClosingFacts(**{**base, **changes})  # type: ignore[arg-type]


def test_par_18_closing_on_the_violence_ended_after_the_plan_was_carried_out() -> None:
    assert nk.closing_refusals(_facts()) == {}
    assert nk.closing_refusals(_facts(plan_on=None)) == {"ground": "no_plan"}
    assert nk.closing_refusals(_facts(plan_on=D(2026, 6, 2))) == {"ground": "no_plan"}
    assert nk.closing_refusals(_facts(plan_realised=False)) == {"plan_realised":
                                                                "plan_not_realised"}


def test_par_18_closing_on_no_grounds_needs_no_plan_but_a_meeting_of_the_group() -> None:
    no_grounds = {"ground": nk.Ground.NO_GROUNDS, "plan_on": None, "plan_realised": False}
    assert nk.closing_refusals(_facts(**no_grounds)) == {}
    assert nk.closing_refusals(_facts(**no_grounds, meetings=[])) == {"closed_on": "no_meeting"}
    assert nk.closing_refusals(_facts(**no_grounds, meetings=[D(2026, 6, 2)])) == {
        "closed_on": "no_meeting"}
    assert nk.closing_refusals(_facts(**no_grounds, closed_on=D(2026, 3, 1))) == {
        "closed_on": "before_start"}


def test_par_2_the_forms_of_the_regulation() -> None:
    assert [str(f) for f in nk.FormKind] == ["A", "B", "C", "D"]
    assert nk.EVENT_FORMS == (nk.FormKind.B, nk.FormKind.C, nk.FormKind.D)
    assert set(nk.FORM_BASIS) == set(nk.FormKind)
