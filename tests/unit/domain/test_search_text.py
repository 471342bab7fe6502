"""Issue 15 part 3: the search key a caseworker's typing is compared with (no Polish letters, any
case), the prefix range and the one-typo check."""

from __future__ import annotations

import pytest

from app.domain.search_text import fold, successor, within_one_edit


@pytest.mark.parametrize(("text", "key"), [
    ("Wiśniewski", "wisniewski"),
    ("WIŚNIEWSKI", "wisniewski"),
    ("wisniewski", "wisniewski"),
    ("Łukasz", "lukasz"),
    ("łukasz", "lukasz"),
    ("ŻÓŁĆ gęślą jaźń", "zolc gesla jazn"),
    ("Nowak-Kowalska", "nowak kowalska"),
    ("  Nowak\u00a0 Kowalska ", "nowak kowalska"),
    ("O'Brien", "obrien"),
    ("Müller", "muller"),
    ("Straße", "strasse"),
    ("Шевченко", "shevchenko"),
    ("Wis\u0301niewski", "wisniewski"),  # a combining accent (NFD) folds as the composed letter
    ("%", ""),
    ("_", ""),
    ("", ""),
])
def test_fold_drops_diacritics_case_and_punctuation(text: str, key: str) -> None:
    assert fold(text) == key


def test_a_prefix_of_the_folded_name_is_a_range() -> None:
    key = fold("Wiśniewski")
    low, high = fold("wiśn"), successor(fold("wiśn"))
    assert low <= key < high
    assert low <= fold("Wiśniowa") < high
    assert not low <= "wiso" < high and not low <= "wis" < high
    assert successor("kowal") == "kowam"
    with pytest.raises(ValueError):
        successor("")


@pytest.mark.parametrize(("a", "b", "near"), [
    ("wisniewsky", "wisniewski", True),   # a substitution
    ("wisniewki", "wisniewski", True),    # a deletion
    ("wisnniewski", "wisniewski", True),  # an insertion
    ("wisniewski", "wisniewski", True),
    ("xisniewski", "wisniewski", True),   # in the first letter
    ("wisniewskiego", "wisniewski", False),
    ("wisnewsky", "wisniewski", False),   # two edits
    ("kot", "kit", True),
    ("", "a", True),
    ("", "ab", False),
])
def test_within_one_edit(a: str, b: str, near: bool) -> None:
    assert within_one_edit(a, b) is near
    assert within_one_edit(b, a) is near
