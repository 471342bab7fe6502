"""PDF rendering of every document a party, the SKO, the bank or the cash desk receives.

One place owns how HTML (from Jinja templates) becomes a PDF: A4 pages, numbered, in DejaVu
fonts (Debian's ``fonts-dejavu-core``: Polish, Latin, Greek and Cyrillic letters; names in Chinese
or Japanese characters from ``fonts-wqy-microhei``), which WeasyPrint embeds as subsets
so the file prints the same anywhere. Any text lays out inside the page: long words break
(``overflow-wrap: anywhere``), tables never widen past it. Rendering never fetches anything:
no network, no local files (a name or address typed into a case cannot pull in a URL or a file).
"""

from __future__ import annotations

import hashlib
import logging

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


def render_pdf(html: str, extra_css: str = "") -> bytes:
    """The PDF of a complete HTML document (fonts embedded, nothing fetched)."""
    html = printable(html)
    fonts = FontConfiguration()
    sheets = [CSS(string=BASE_CSS, font_config=fonts)]
    if extra_css:
        sheets.append(CSS(string=extra_css, font_config=fonts))
    document = HTML(string=html, url_fetcher=_no_fetch(), base_url="about:blank")
    pdf: bytes = document.write_pdf(stylesheets=sheets, font_config=fonts)
    return pdf


def content_hash(data: bytes) -> str:
    """The SHA-256 of a stored document (hex), shown beside it and checked on download."""
    return hashlib.sha256(data).hexdigest()
