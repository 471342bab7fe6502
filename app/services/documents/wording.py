"""The wording of a document (PDF, XLSX) in the document's language: a Polish msgid of the
catalogue (``N_``), translated with the compiled Babel catalogue of ``app/translations`` for
another language. Polish is the default and needs no catalogue (the msgid is the text)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from babel.support import NullTranslations, Translations

from app.domain.polish import plural

TRANSLATIONS = Path(__file__).resolve().parents[2] / "translations"
DEFAULT = "pl"


@cache
def _catalogue(lang: str) -> NullTranslations:
    if lang == DEFAULT:
        return NullTranslations()
    return Translations.load(str(TRANSLATIONS), [lang])


def text(msgid: str, lang: str = DEFAULT, **params: object) -> str:
    """The msgid in ``lang``, with its ``%(name)s`` parameters."""
    found = _catalogue(lang).gettext(msgid)
    return found % params if params else found


def payments(n: int, lang: str = DEFAULT) -> str:
    """'1 wypłata', '2 wypłaty', '5 wypłat' (the Polish plural); '5 payments' in English."""
    if lang == DEFAULT:
        return f"{n} {plural(n, 'wypłata', 'wypłaty', 'wypłat')}"
    return _catalogue(lang).ngettext("%(num)d wypłata", "%(num)d wypłat", n) % {"num": n}
