"""The dated table of legal parameters and its lookup."""

from __future__ import annotations

import io
import json
import tokenize
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from app.domain import parameters
from app.domain.parameters import (
    ENTRIES,
    PARAMETERS,
    ParameterNotFound,
    build_table,
    period_start,
    value,
)

D = date


def v(name: str, on: date) -> object:
    return value(name, on).value


@pytest.mark.parametrize(
    ("name", "before", "after", "change"),
    [
        ("ups.criterion_single", "776", "1010", D(2025, 1, 1)),
        ("ups.criterion_single", "701", "776", D(2022, 1, 1)),
        ("ups.criterion_per_person", "600", "823", D(2025, 1, 1)),
        ("ups.criterion_per_person", "528", "600", D(2022, 1, 1)),
        ("ups.farm_income_per_hectare", "345", "459", D(2025, 1, 1)),
        ("zasilek_staly.amount_percentage", "100", "130", D(2024, 1, 1)),
        ("zasilek_staly.minimum", "30", "100", D(2024, 1, 1)),
        ("zasilek_staly.cap", "645", "719", D(2022, 1, 1)),
        ("zasilek_staly.cap", "719", "1000", D(2024, 1, 1)),
        ("zasilek_staly.cap", "1000", "1229", D(2025, 1, 1)),
        ("fa.criterion", "900", "1209", D(2023, 10, 1)),
        ("fa.criterion", "1209", "1665", D(2026, 10, 1)),
        ("fa.cap", "500", "1000", D(2024, 10, 1)),
    ],
)
def test_value_changes_exactly_on_the_change_date(
    name: str, before: str, after: str, change: date
) -> None:
    day_before = date.fromordinal(change.toordinal() - 1)
    assert v(name, day_before) == Decimal(before)
    assert v(name, change) == Decimal(after)
    assert value(name, day_before).valid_to == day_before
    assert value(name, change).valid_from == change


def test_current_figures_of_the_brief() -> None:
    on = D(2026, 3, 1)
    assert v("ups.criterion_single", on) == Decimal("1010.00")
    assert v("ups.criterion_per_person", on) == Decimal("823.00")
    assert v("zasilek_staly.eligibility_percentage", on) == 100
    assert v("zasilek_okresowy.percentage", on) == 50
    assert v("zasilek_okresowy.minimum", on) == Decimal("20.00")
    assert v("zasilek_rodzinny.threshold", on) == Decimal("674.00")
    assert v("zasilek_rodzinny.threshold_disabled_child", on) == Decimal("764.00")
    assert v("zasilek_rodzinny.min_after_reduction", on) == Decimal("20.00")
    assert [a for _, a in v("zasilek_rodzinny.age_bands", on)] == [95, 124, 135]  # type: ignore[attr-defined]
    assert v("fa.criterion", on) == Decimal("1209.00")
    assert v("fa.min_after_reduction", on) == Decimal("100.00")
    assert v("ups.one_off_multiplier", on) == 5
    assert v("ups.one_off_spread_months", on) == 12
    assert v("ups.farm_income_per_hectare", on) == Decimal("459.00")


def test_fa_criterion_is_1665_from_1_october_2026() -> None:
    # The benefit period 2026/2027 uses 1665 zł (DOMAIN.md; infor.pl 7520356).
    p = value("fa.criterion", D(2026, 10, 1))
    assert p.value == Decimal("1665.00") and p.valid_from == D(2026, 10, 1)
    assert "7520356" in p.source
    assert all("not entered until confirmed" not in q.source for q in PARAMETERS["fa.criterion"])


def test_zasilek_rodzinny_age_limits_of_art_6_ust_1() -> None:
    on = D(2025, 11, 1)
    assert v("zasilek_rodzinny.age_limit", on) == 18
    assert v("zasilek_rodzinny.age_limit_school", on) == 21
    assert v("zasilek_rodzinny.age_limit_school_disabled", on) == 24


def test_last_entry_is_open_ended_and_param_is_frozen() -> None:
    p = value("ups.criterion_single", D(2030, 1, 1))
    assert p.valid_to is None
    with pytest.raises(AttributeError):
        p.value = Decimal(1)  # type: ignore[misc]


def test_as_dict_is_json_safe() -> None:
    p = value("zasilek_staly.cap", D(2025, 6, 1))
    d = p.as_dict()
    assert d == {
        "name": "zasilek_staly.cap",
        "value": "1229.00",
        "valid_from": "2025-01-01",
        "valid_to": None,
        "source": p.source,
    }
    json.dumps([q.as_dict() for rows in PARAMETERS.values() for q in rows])


def test_no_value_before_the_table_starts_is_a_clear_error() -> None:
    with pytest.raises(ParameterNotFound, match=r"in force on 2018-09-30.*starts on 2018-10-01"):
        value("ups.criterion_single", D(2018, 9, 30))
    with pytest.raises(ParameterNotFound, match="unknown legal parameter 'no.such'"):
        value("no.such", D(2025, 1, 1))


def test_every_entry_has_a_source_and_money_has_grosze() -> None:
    for name, _, val, source in ENTRIES:
        assert source.strip(), name
        if isinstance(val, Decimal) and "hectares" not in name:
            assert val.as_tuple().exponent == -2, name


def test_build_table_refuses_two_entries_on_one_date() -> None:
    with pytest.raises(ValueError, match="two entries"):
        build_table([("x", D(2025, 1, 1), 1, "s"), ("x", D(2025, 1, 1), 2, "s")])


def test_a_custom_table_can_replace_the_default() -> None:
    table = build_table([("x", D(2025, 1, 1), 1, "a"), ("x", D(2024, 1, 1), 0, "b")])
    assert value("x", D(2024, 6, 1), table).value == 0
    assert value("x", D(2025, 1, 1), table).value == 1
    assert value("x", D(2024, 6, 1), table).valid_to == D(2024, 12, 31)


@pytest.mark.parametrize(
    ("on", "month", "start"),
    [
        (D(2025, 10, 31), 11, D(2024, 11, 1)),
        (D(2025, 11, 1), 11, D(2025, 11, 1)),
        (D(2026, 1, 15), 11, D(2025, 11, 1)),
        (D(2024, 9, 30), 10, D(2023, 10, 1)),
        (D(2024, 10, 1), 10, D(2024, 10, 1)),
    ],
)
def test_period_start(on: date, month: int, start: date) -> None:
    assert period_start(on, month) == start


# Figures that must only appear in the parameter table, never in the rules.
LEGAL_FIGURES = {"776", "600", "1010", "823", "130", "30", "100", "719", "1000", "1229", "50",
                 "20", "674", "764", "95", "124", "135", "1209", "1665", "500", "459", "345", "14",
                 "7", "60", "65", "18", "21", "24", "5", "2"}
RULE_MODULES = ("income.py", "social_assistance.py", "family_benefits.py", "eligibility.py",
                "deadlines.py", "benefit_months.py")
# supplement_due(served_on, days=7) keeps the default of its public signature; the value is still
# checked against kpa.supplement_min_days.
ALLOWED = {("deadlines.py", "7")}


@pytest.mark.parametrize("module", RULE_MODULES)
def test_rules_contain_no_legal_figures_as_literals(module: str) -> None:
    source = (Path(parameters.__file__).parent / module).read_text(encoding="utf-8")
    numbers = {
        tok.string
        for tok in tokenize.generate_tokens(io.StringIO(source).readline)
        if tok.type == tokenize.NUMBER
    }
    found = {n for n in numbers & LEGAL_FIGURES if (module, n) not in ALLOWED}
    assert not found, f"{module} has literal legal figures {found}"
