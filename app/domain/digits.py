"""ASCII-only integer parsing for text that came from outside (forms, query strings, paths, JSON).

``str.isdigit()`` is true for ``²``, ``①`` and ``٣``; ``int()`` then raises on the first two and
turns the third into 3. Every place that reads a whole number from input goes through these
functions instead, so only ``0``-``9`` are digits, and the number of digits is bounded before any
``int()`` runs.
"""

from __future__ import annotations

import re

ASCII_DIGITS = re.compile(r"[0-9]+")
MAX_ID = 2**31 - 1  # a PostgreSQL integer
MAX_ID_DIGITS = len(str(MAX_ID))


def is_ascii_digits(text: object, max_digits: int | None = None) -> bool:
    """Whether ``text`` is a non-empty string of ASCII digits (at most ``max_digits`` of them)."""
    if not isinstance(text, str) or not ASCII_DIGITS.fullmatch(text):
        return False
    return max_digits is None or len(text) <= max_digits


def parse_ascii_int(text: object, maximum: int = MAX_ID) -> int | None:
    """The whole number 0..``maximum`` that ``text`` spells in ASCII digits, else None (never raises)."""
    if not isinstance(text, str) or not is_ascii_digits(text, len(str(maximum))):
        return None
    value = int(text)
    return value if value <= maximum else None
