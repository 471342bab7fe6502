"""A wall-clock allowance for one deploy check (lint, compile, rehearsal and replay together).

The web worker that answers ``POST /api/definitions`` or ``/check`` is killed after 30 s
(gunicorn's timeout). Each script has its own CPU-time limit (``SCRIPT_TIME_LIMIT``), but a
check runs many scripts on many paths, so the whole check also gets a budget
(``DEPLOY_CHECK_SECONDS``, 10 s by default): the rehearsal and the replay look at it before each
path and between engine steps, and stop with a coded problem (``check_budget``) when it is spent.
The clock is injectable so tests assert the behaviour without timing anything.
"""

from __future__ import annotations

import time
from collections.abc import Callable

DEFAULT_SECONDS = 10.0


class BudgetSpent(Exception):
    """The deploy check's time budget is spent (raised between engine steps, never by scripts)."""


class Budget:
    """Seconds allowed from creation, measured by `clock` (monotonic by default)."""

    def __init__(self, seconds: float = DEFAULT_SECONDS, clock: Callable[[], float] = time.monotonic):
        self.seconds = seconds
        self.clock = clock
        self.started = clock()

    def spent(self) -> float:
        return self.clock() - self.started

    def exceeded(self) -> bool:
        return self.spent() >= self.seconds

    def check(self) -> None:
        """Raise BudgetSpent once the budget is used up."""
        if self.exceeded():
            raise BudgetSpent(f"the deploy check used its budget of {self.seconds:g} s")


UNLIMITED = Budget(float("inf"))
