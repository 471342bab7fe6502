"""Issue 15 part 1 (lane polish2): a page names a legal parameter in Polish (with its English
translation), never by its key ("general.age_of_majority" showed on the case file)."""

from __future__ import annotations

from pathlib import Path

from babel.messages.pofile import read_po

from app.domain.messages.parameter_names import NAMES, name
from app.domain.parameters import ENTRIES

PO = Path(__file__).resolve().parents[2] / "app/translations/en/LC_MESSAGES/messages.po"


def test_every_legal_parameter_has_a_polish_name_with_an_english_translation() -> None:
    keys = {entry[0] for entry in ENTRIES}
    assert keys <= set(NAMES), sorted(keys - set(NAMES))
    with PO.open("rb") as f:
        catalog = read_po(f)
    for key in keys:
        polish = name(key)
        assert polish != key and "." not in polish and "_" not in polish, key
        entry = catalog.get(polish)
        assert entry is not None and entry.string, (key, polish)
    assert name("no.such_key") == "no.such_key"
