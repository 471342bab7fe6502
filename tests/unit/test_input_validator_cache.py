"""Issue 18: a registered input schema is checked by one validator kept per process, and the
kept validator refuses exactly what a fresh one refuses."""

from __future__ import annotations

from typing import Any

from app.services.kernel import inputs
from app.services.kernel.inputs.check import check

BODIES: list[Any] = [
    {}, [], "text", {"applicant": 5}, {"benefit": "zasilek_okresowy", "unknown": True},
    {"applicant": {"pesel": "1234", "first_name": "", "net_income": "12,50"}, "members": [{}]},
    {"received_on": "31.02.2026", "channel": "poczta"}, {"decision_id": -1, "posted_on": "2026-13-01"},
]


def test_a_kept_validator_refuses_what_a_fresh_one_refuses_and_is_built_once() -> None:
    inputs._validator.cache_clear()
    names = ("CaseRequest", "AppealRequest")
    for _ in range(2):
        for name in names:
            for page in (False, True):
                for body in BODIES:
                    typed, errors = check(inputs.SCHEMAS[name], body, page=page)  # a fresh one
                    assert inputs.read(name, body, page=page) == (typed, dict(errors)), (name, body)
    assert inputs._validator.cache_info().misses == len(names) * 2
    assert inputs._validator.cache_info().hits == len(names) * 2 * (2 * len(BODIES) - 1)
