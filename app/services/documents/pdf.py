"""PDF rendering of every document a party, the SKO, the bank or the cash desk receives.

One place owns how HTML (from Jinja templates) becomes a PDF: A4 pages, numbered, in DejaVu
fonts (Debian's ``fonts-dejavu-core``: Polish, Latin, Greek and Cyrillic letters; names in Chinese
or Japanese characters from ``fonts-wqy-microhei``), which WeasyPrint embeds as subsets
so the file prints the same anywhere. Any text lays out inside the page: long words break
(``overflow-wrap: anywhere``), tables never widen past it. Rendering never fetches anything:
no network, no local files (a name or address typed into a case cannot pull in a URL or a file).

Each thread keeps one ``FontConfiguration`` and the parsed stylesheets (issue 18): building them
costs about 6 ms per document, and a fresh font configuration also throws away Pango's and
HarfBuzz's font caches, about 17 ms of a 2-page decision's 120 ms in all (docs/PERFORMANCE.md,
"The decision PDF"). Per thread, because Pango's font map is not safe to share between threads
(a gunicorn gthread worker renders the payment lists on its request threads).
"""

from __future__ import annotations

import hashlib
import logging
import threading

from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher

# WeasyPrint and fontTools log each font subset at INFO/DEBUG; none of it is useful to a centre.
for _name in ("weasyprint", "fontTools"):
    logging.getLogger(_name).setLevel(logging.ERROR)

FONT_FAMILY = "DejaVu Serif"

BASE_CSS = """
@page {
  size: A4;
  margin: 2cm 2cm 2.4cm 2.2cm;
  @bottom-right { content: counter(page) " / " counter(pages); font-size: 8pt; color: #555; }
}
html { font-family: "DejaVu Serif", "WenQuanYi Micro Hei", serif; font-size: 10.5pt;
       line-height: 1.4; color: #000; }
h1, h2, h3 { font-family: "DejaVu Sans", "WenQuanYi Micro Hei", sans-serif; }
table { border-collapse: collapse; }
/* Any text fits the page: a word longer than its line (a name, an account, an address typed
   without spaces) breaks inside the page instead of running past its edge. "anywhere" (not
   "break-word") also lets a table column shrink below its longest word. */
html, td, th { overflow-wrap: anywhere; word-break: normal; }
"""


def _no_fetch() -> URLFetcher:
    """A fetcher that allows no protocol: an image or stylesheet URL is skipped, never loaded."""
    return URLFetcher(allowed_protocols=frozenset(), allow_redirects=False, timeout=1)


# What no document prints: control characters (but tab and line ends), the bidirectional
# controls and the zero-width characters. The edge refuses them (json_input.text_problem); this
# keeps a row stored before that from printing a party's PESEL backwards ("LESEP").
_INVISIBLE = dict.fromkeys(
    [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), *range(0x7F, 0xA0),
     *range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x200E, 0x200F, 0x061C,
     *range(0x200B, 0x200E), 0x2060, 0xFEFF, 0x2028, 0x2029])


def printable(html: str) -> str:
    """``html`` without the characters no document prints (see ``_INVISIBLE``)."""
    return html.translate(_INVISIBLE)


# How many distinct extra stylesheets a thread keeps parsed. The callers pass constants (the
# cash-desk list, the meals and services lists, a test's own), so this is never reached in use;
# it only bounds a caller that would build its CSS per document.
_EXTRA_SHEETS = 32


class _Typesetter:
    """One thread's font configuration and parsed stylesheets, built on its first document."""

    def __init__(self) -> None:
        self.fonts = FontConfiguration()
        self.base = CSS(string=BASE_CSS, font_config=self.fonts)
        self.extra: dict[str, CSS] = {}

    def sheets(self, extra_css: str) -> list[CSS]:
        if not extra_css:
            return [self.base]
        sheet = self.extra.get(extra_css)
        if sheet is None:
            if len(self.extra) >= _EXTRA_SHEETS:
                self.extra.clear()
            sheet = self.extra[extra_css] = CSS(string=extra_css, font_config=self.fonts)
        return [self.base, sheet]


_local = threading.local()


def _typesetter() -> _Typesetter:
    setter: _Typesetter | None = getattr(_local, "setter", None)
    if setter is None:
        setter = _local.setter = _Typesetter()
    return setter


def render_pdf(html: str, extra_css: str = "") -> bytes:
    """The PDF of a complete HTML document (fonts embedded, nothing fetched)."""
    setter = _typesetter()
    document = HTML(string=printable(html), url_fetcher=_no_fetch(), base_url="about:blank")
    pdf: bytes = document.write_pdf(stylesheets=setter.sheets(extra_css), font_config=setter.fonts)
    return pdf


def content_hash(data: bytes) -> str:
    """The SHA-256 of a stored document (hex), shown beside it and checked on download."""
    return hashlib.sha256(data).hexdigest()
