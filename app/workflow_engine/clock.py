"""Engine clock: every engine call runs "at" an explicit `now`, which Spiff's timers obey.

SpiffWorkflow reads `datetime.now(timezone.utc)` inside its timer module and fixes the local
zone offset (LOCALTZ) at import time.  We rebind both names in that module once: `datetime` to
a subclass whose `now()` reads a context variable, and LOCALTZ to Europe/Warsaw, so that even a
naive timer value is read as Warsaw wall time with the right DST offset.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from SpiffWorkflow.bpmn.specs.event_definitions import timer as _spiff_timer

WARSAW = ZoneInfo("Europe/Warsaw")

_now: ContextVar[datetime | None] = ContextVar("pomoc_engine_now", default=None)


class _ClockDatetime(datetime):
    """`datetime` whose `now()` returns the engine clock when one is set."""

    @classmethod
    def now(cls, tz=None):  # type: ignore[override]
        fixed = _now.get()
        if fixed is None:
            return datetime.now(tz)
        return fixed.astimezone(tz) if tz is not None else fixed.astimezone(WARSAW).replace(tzinfo=None)


_spiff_timer.datetime = _ClockDatetime  # type: ignore[misc]
_spiff_timer.LOCALTZ = WARSAW  # type: ignore[assignment]


@contextmanager
def engine_clock(now: datetime) -> Iterator[None]:
    """Run the enclosed engine work with `now` as the current time (must be timezone-aware)."""
    if now.tzinfo is None or now.utcoffset() is None:
        raise ValueError("now must be a timezone-aware datetime")
    token = _now.set(now.astimezone(UTC))
    try:
        yield
    finally:
        _now.reset(token)


def current_now() -> datetime:
    """The engine clock in UTC, or the real time outside an engine call."""
    return _now.get() or datetime.now(UTC)


def today() -> str:
    """The engine clock's date in Europe/Warsaw, ISO formatted (a script function)."""
    return current_now().astimezone(WARSAW).date().isoformat()
