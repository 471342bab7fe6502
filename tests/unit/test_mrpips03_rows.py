"""MRPiPS-03's rows (app/domain/mrpips03.py): every u.p.s. benefit of the catalogue has its row of
the form, family benefits and FA have none, and each row sits under its task."""

from __future__ import annotations

from datetime import date

from app.domain import benefits
from app.domain import mrpips03 as form


def test_every_social_assistance_benefit_has_its_row_and_no_other_benefit_has_one() -> None:
    for entry in benefits.entries():
        rows = form.rows_of(entry.code)
        if entry.social_assistance:
            assert rows, entry.code
            assert {form.BY_KEY[r].task for r in rows} == {form.WLASNE}, entry.code
        else:
            assert rows == (), entry.code
    assert {e.code for e in benefits.entries() if e.social_assistance} == form.COUNTED


def test_a_disaster_aid_is_a_commissioned_task_and_a_fire_an_own_one() -> None:
    losowe = benefits.BY_CODE["zasilek_celowy_zdarzenie_losowe"].code
    assert form.rows_of(losowe, "kleska") == ("zlecone_kleska",)
    assert form.rows_of(losowe, "zdarzenie_losowe") == ("zasilki_celowe", "zasilki_celowe_losowe")
    assert form.task_of(benefits.BY_CODE["zasilek_staly"].code, "kleska") == form.WLASNE


def test_the_rows_keep_the_forms_order_and_the_totals_name_their_parts() -> None:
    keys = [r.key for r in form.ROWS]
    assert keys[0] == "zlecone_ogolem" and keys[2] == "wlasne_ogolem"
    assert len(keys) == len(set(keys))
    for row in form.ROWS:
        assert all(form.BY_KEY[p].task == row.task for p in row.parts), row.key
    assert form.rows_of(benefits.BY_CODE["zasilek_okresowy"].code, "bezrobocie") == (
        "zasilki_okresowe", "zasilki_okresowe_bezrobocie")
    assert form.rows_of(benefits.BY_CODE["zasilek_okresowy"].code, "ubostwo") == (
        "zasilki_okresowe", "zasilki_okresowe_inne")


def test_the_periods() -> None:
    assert (form.Period(2025, 1).start, form.Period(2025, 1).end) == (date(2025, 1, 1), date(2025, 6, 30))
    assert (form.Period(2025, 2).start, form.Period(2025, 2).end) == (date(2025, 7, 1), date(2025, 12, 31))
    assert (form.Period(2025, None).start, form.Period(2025, None).end) == (date(2025, 1, 1),
                                                                            date(2025, 12, 31))
