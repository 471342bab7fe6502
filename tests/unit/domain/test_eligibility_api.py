"""The public entry point ``calculate`` and its JSON-safe result."""

from __future__ import annotations

import json
from datetime import date, datetime
from decimal import Decimal

import pytest

import app.domain as domain
from app.domain.eligibility import BENEFITS, calculate
from app.domain.errors import InvalidInput
from app.domain.income import Member

from .helpers import person

ON = date(2025, 3, 1)
HOUSEHOLD = [person(70, 500, unable_to_work=True, alimony_awarded=Decimal(300)),
             person(10, alimony_awarded=Decimal(400))]


def test_benefits_tuple() -> None:
    assert BENEFITS == ("zasilek_staly", "zasilek_okresowy", "zasilek_celowy",
                        "zasilek_celowy_zdarzenie_losowe", "specjalny_zasilek_celowy",
                        "sprawienie_pogrzebu", "zasilek_rodzinny", "fundusz_alimentacyjny",
                        # issue 16, help in kind and services of the u.p.s. (lane upsb)
                        "posilek", "uslugi_opiekuncze",
                        # issue 16, the care benefits of u.ś.r. (lane usrc)
                        "zasilek_pielegnacyjny", "swiadczenie_pielegnacyjne",
                        "specjalny_zasilek_opiekunczy",
                        # issue 16, becikowe and świadczenie rodzicielskie (lane usrf)
                        "jednorazowa_zapomoga", "swiadczenie_rodzicielskie")


@pytest.mark.parametrize("benefit", BENEFITS)
def test_every_benefit_returns_a_json_safe_explained_result(benefit: str) -> None:
    r = calculate(benefit, ON, HOUSEHOLD)
    d = r.to_dict()
    text = json.dumps(d)
    assert json.loads(text) == d
    assert d["benefit"] == benefit and d["on"] == "2025-03-01"
    for money in ("amount", "min_amount", "max_amount"):
        assert isinstance(d[money], str) and len(d[money].split(".")[1]) == 2
    assert d["explanation"][-1]["key"] == "result"
    for step in d["explanation"]:
        assert set(step) == {"key", "text", "text_pl", "inputs", "result", "legal_basis"}
        assert step["key"] and step["text"] and step["text_pl"]
    assert d["legal_basis"]
    for name, p in d["parameters"].items():
        assert p["name"] == name and p["source"]
        date.fromisoformat(p["valid_from"])
    assert r.min_amount <= r.amount <= r.max_amount


def test_to_dict_money_format() -> None:
    d = calculate("zasilek_staly", ON, [person(70, 0, unable_to_work=True)]).to_dict()
    assert d["amount"] == "1229.00" and d["eligible"] is True


@pytest.mark.parametrize(
    ("args", "field"),
    [
        (("zasilek_nieznany", ON, [person()]), "benefit"),
        (("zasilek_staly", ON, []), "members"),
        (("zasilek_staly", ON, [Member(age=40, net_income=Decimal(-10))]), "members[0].net_income"),
        (("zasilek_staly", ON, [person(), Member(age=-1)]), "members[1].age"),
        (("zasilek_staly", datetime(2025, 3, 1, 8), [person()]), "on"),
        (("zasilek_staly", "2025-03-01", [person()]), "on"),
        (("zasilek_staly", date(2017, 1, 1), [person()]), "on"),
    ],
)
def test_invalid_input(args: tuple[object, ...], field: str) -> None:
    with pytest.raises(InvalidInput) as e:
        calculate(*args)  # type: ignore[arg-type]
    assert e.value.field == field
    # A coded message (a date before the table) adds its code and params.
    assert {"field": field, "message": e.value.message}.items() <= e.value.as_dict().items()
    assert e.value.message[0].isupper() and e.value.message.endswith(".")


def test_date_outside_the_table_gives_a_clear_message() -> None:
    with pytest.raises(InvalidInput, match="in force on 2017-01-01"):
        calculate("zasilek_staly", date(2017, 1, 1), [person()])


def test_package_reexports_the_public_api() -> None:
    for name in ("calculate", "BENEFITS", "Member", "IncomeItem", "household_income", "value",
                 "PARAMETERS", "to_money", "round_money", "ZERO", "parse_pesel",
                 "parse_bank_account", "due_date", "InvalidInput", "InvalidIdentifier"):
        assert hasattr(domain, name), name
