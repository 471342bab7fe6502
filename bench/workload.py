"""The benchmark workload: applications with unique PESELs and the canned happy path."""

from __future__ import annotations

import itertools
import threading
from typing import Any

from app.workflow_engine.fixtures import canned_form_data

_WEIGHTS = (1, 3, 7, 9, 1, 3, 7, 9, 1, 3)
_counter = itertools.count(1)
_lock = threading.Lock()


def make_pesel(n: int) -> str:
    """A checksum-valid, invented PESEL, distinct for each n < 336 * 50 * 10000 (168 million)."""
    serial = n % 10000
    day_index = n // 10000
    year = 1950 + day_index // 336 % 50
    month = day_index // 28 % 12 + 1
    day = day_index % 28 + 1
    digits = f"{year % 100:02d}{month:02d}{day:02d}{serial:04d}"
    check = (10 - sum(int(d) * w for d, w in zip(digits, _WEIGHTS, strict=True)) % 10) % 10
    return digits + str(check)


def next_pesel(offset: int = 0) -> str:
    """A fresh PESEL (process-wide counter; `offset` separates processes)."""
    with _lock:
        n = next(_counter)
    return make_pesel(offset + n)


def application(benefit: str = "zasilek_okresowy", offset: int = 0) -> dict[str, Any]:
    """A valid single-person application with a fresh PESEL."""
    staly = benefit == "zasilek_staly"
    return {
        "applicant": {"pesel": next_pesel(offset), "first_name": "Jan", "last_name": "Testowy",
                      "net_income": "400.00" if staly else "300.00", "unable_to_work": staly},
        "members": [],
        "benefit": benefit,
        "reason": "niepelnosprawnosc" if staly else "bezrobocie",
        "urgent": False,
        "address": "ul. Testowa 1, 32-065 Krzeszowice",
        "bank_account": "PL61109010140000071219812874",
    }


def form_data(task_name: str, today: str) -> dict[str, Any]:
    """Canned happy-path data: complete, grant, approve, delivered, appeal waived (art. 127a KPA)."""
    return canned_form_data(task_name, today)
