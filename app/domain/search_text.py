"""Search keys: names as a caseworker types them, without Polish letters and in any case.

``fold("Wiśniewska-Łęcka")`` is ``"wisniewska lecka"``: NFKC, every letter transliterated to
ASCII (anyascii: "ł" → "l", "ß" → "ss", Cyrillic → Latin), lower case, apostrophes dropped
("O'Brien" → "obrien"), every other mark a word break. The register and each case keep such a
key beside the names as written (``persons.last_name_key`` …), maintained on write, so a search
is a prefix range on an index on either database.

Pure Python: no database here.
"""

from __future__ import annotations

import re
import unicodedata

from anyascii import anyascii

_DROPPED = re.compile(r"['`\u2019]")
_BREAK = re.compile(r"[^a-z0-9]+")


def fold(text: str) -> str:
    """The search key of a name or a query: ASCII, lower case, single spaces between words."""
    ascii_text = anyascii(unicodedata.normalize("NFKC", text)).lower()
    return _BREAK.sub(" ", _DROPPED.sub("", ascii_text)).strip()


def successor(prefix: str) -> str:
    """The least string above every string starting with ``prefix`` (a folded, non-empty key):
    ``key >= prefix AND key < successor(prefix)`` is a prefix match a btree index serves."""
    if not prefix:
        raise ValueError("an empty prefix matches everything")
    return prefix[:-1] + chr(ord(prefix[-1]) + 1)


def within_one_edit(a: str, b: str) -> bool:
    """Whether ``a`` becomes ``b`` by at most one insertion, deletion or substitution
    (Levenshtein distance <= 1), in time linear in the length."""
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        return a[i + 1:] == b[i + 1:]  # one substitution
    return a[i:] == b[i + 1:]  # one insertion into the shorter


__all__ = ["fold", "successor", "within_one_edit"]
