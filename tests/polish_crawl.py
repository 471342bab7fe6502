"""Crawling the pages as a Polish user sees them: visible text, an English stop-list, and the
msgids the pages asked the catalog for (issue 15, "Polish everywhere")."""

from __future__ import annotations

import contextlib
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import urldefrag, urlparse

import flask_babel
from babel.messages.pofile import read_po
from lxml import html as lxml_html

PO = Path(__file__).resolve().parents[1] / "app/translations/en/LC_MESSAGES/messages.po"

# English words a Polish page must never show (whole words, any case). Words that are also Polish
# ("to", "on", "do", "we", "no", "by", "a", "i", "status", "start", "min", "max") are left out.
STOP_WORDS = frozenset({
    "the", "and", "of", "with", "from", "for", "is", "are", "was", "were", "be", "been", "has",
    "have", "not", "cannot", "must", "should", "will", "this", "that", "these", "those", "which",
    "when", "where", "there", "here", "your", "you", "please", "request", "requests", "error",
    "errors", "approved", "pending", "paid", "returned", "exported", "issued", "draft", "final",
    "appealed", "initial", "verified", "violations", "violation", "other", "period", "income",
    "incomes", "net", "member", "members", "index", "kind", "supervisor", "caseworker",
    "rollback", "reached", "event", "sequence", "flow", "gateway", "task", "tasks", "field",
    "fields", "correct", "listed", "give", "most", "least", "characters", "text", "amount",
    "amounts", "total", "payment", "payments", "list", "decision", "decisions", "case", "cases",
    "user", "users", "none", "null", "undefined", "true", "false", "yes", "nan", "syntaxerror",
    "exception", "traceback", "keyerror", "valueerror", "typeerror", "nameerror", "reading",
    "domain", "entry", "apply", "add", "confirmed", "until", "since", "never", "only", "while",
    "school", "start_event", "process", "lane", "lanes", "participant", "collaboration",
    "properties", "general", "documentation",
})

# A word is a run of letters, digits and underscores: "caseworker1" (a login) and "benefit_case"
# (an identifier) are not the words "caseworker" and "case".
_WORD = re.compile(r"\w+(?:'\w+)?", re.UNICODE)
# Attributes a person reads (or hears) as text.
_SHOWN_ATTRS = ("title", "placeholder", "alt", "aria-label", "aria-description")


def visible_text(page: str) -> str:
    """The text a person sees or hears: text nodes outside scripts and styles, plus the shown
    attributes (titles, placeholders, alt texts, labels, button values). An element marked
    ``translate="no"`` (a login, an identifier typed by someone) is data, not interface text."""
    if not page.strip():
        return ""
    root = lxml_html.document_fromstring(page)
    for bad in root.xpath("//script|//style|//template|//noscript|//*[@translate='no']"):
        bad.drop_tree()
    parts = [t for t in root.itertext()]
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        parts.extend(el.get(a, "") for a in _SHOWN_ATTRS)
        if el.tag == "input" and el.get("type") in ("submit", "button", "reset"):
            parts.append(el.get("value", ""))
    return "\n".join(parts)


def stop_hits(text: str) -> list[str]:
    """The stop-list words in a text, as they are written, in order."""
    return [w for w in _WORD.findall(text) if w.lower() in STOP_WORDS]


@cache
def catalog() -> dict[str, str]:
    """The msgids of the English catalog with their translations ('' when untranslated)."""
    with PO.open("rb") as fh:
        cat = read_po(fh)
    out: dict[str, str] = {}
    for m in cat:
        if not m.id:
            continue
        key = m.id[0] if isinstance(m.id, tuple) else m.id
        text = m.string[0] if isinstance(m.string, tuple) else m.string
        out[key] = text or ""
    return out


class _Recording:
    """A translations object that records every msgid asked for."""

    def __init__(self, inner: Any, seen: set[str]) -> None:
        self._inner, self._seen = inner, seen

    def ugettext(self, s: str) -> str:
        self._seen.add(s)
        return str(self._inner.ugettext(s))

    gettext = ugettext

    def ungettext(self, s: str, p: str, n: int) -> str:
        self._seen.add(s)
        return str(self._inner.ungettext(s, p, n))

    ngettext = ungettext

    def upgettext(self, c: str, s: str) -> str:
        self._seen.add(s)
        return str(self._inner.upgettext(c, s))

    pgettext = upgettext

    def unpgettext(self, c: str, s: str, p: str, n: int) -> str:
        self._seen.add(s)
        return str(self._inner.unpgettext(c, s, p, n))

    npgettext = unpgettext

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)


@contextlib.contextmanager
def recording_msgids() -> Iterator[set[str]]:
    """Every msgid looked up through Flask-Babel while the block runs."""
    seen: set[str] = set()
    original = flask_babel.Domain.get_translations

    def get_translations(self: Any) -> Any:
        return _Recording(original(self), seen)

    flask_babel.Domain.get_translations = get_translations  # type: ignore[method-assign]
    try:
        yield seen
    finally:
        flask_babel.Domain.get_translations = original  # type: ignore[method-assign]


def untranslated(msgids: set[str]) -> list[str]:
    """The msgids missing from the catalog or without an English text."""
    known = catalog()
    return sorted(m for m in msgids if m and not known.get(m))


def xlsx_text(data: bytes) -> str:
    """Every cell of every sheet of an XLSX file, as text."""
    from openpyxl import load_workbook

    wb = load_workbook(io.BytesIO(data))
    return "\n".join(str(c.value) for ws in wb.worksheets for row in ws.iter_rows() for c in row
                     if c.value is not None and isinstance(c.value, str))


@dataclass
class Crawl:
    """What a crawl found: English words per page, and the pages visited."""

    hits: dict[str, list[str]] = field(default_factory=dict)
    visited: set[str] = field(default_factory=set)
    failed: dict[str, int] = field(default_factory=dict)
    # The task forms completed (workflows/forms/*.json by stem) and the letter kinds issued and read.
    forms: set[str] = field(default_factory=set)
    letters: set[str] = field(default_factory=set)

    def check(self, where: str, text: str) -> None:
        found = stop_hits(text)
        if found:
            self.hits.setdefault(where, []).extend(found)

    def count(self) -> int:
        return sum(len(v) for v in self.hits.values())


_SKIP = re.compile(r"^/(static|api|logout|lang/|health)|/download$|/files/|\.pdf$|/documents/")


def links(page: str) -> list[str]:
    """The same-site GET links of a page (anchors), without fragments."""
    if not page.strip():
        return []
    root = lxml_html.document_fromstring(page)
    out = []
    for href in root.xpath("//a/@href"):
        url = urldefrag(str(href))[0]
        parsed = urlparse(url)
        if parsed.scheme or parsed.netloc or not url.startswith("/") or _SKIP.search(parsed.path):
            continue
        out.append(url)
    return out


def crawl(client: Any, role: str, start: list[str], result: Crawl, budget: int = 120) -> None:
    """Visit every page reachable by links from ``start`` (at most ``budget``), in Polish."""
    queue, seen = list(start), set()
    while queue and len(seen) < budget:
        url = queue.pop(0)
        if url in seen:
            continue
        seen.add(url)
        res = client.get(url, headers={"Accept-Language": "pl"})
        if res.status_code != 200 or res.mimetype != "text/html":
            if res.status_code >= 500:
                result.failed[f"{role} {url}"] = res.status_code
            continue
        page = res.get_data(as_text=True)
        result.visited.add(f"{role} {url}")
        result.check(f"{role} {url}", visible_text(page))
        queue.extend(u for u in links(page) if u not in seen)
