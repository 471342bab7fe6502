"""Reading PDFs back in tests: their text (pypdf) and the fonts they embed."""

from __future__ import annotations

import io
from typing import Any

import pypdf


def pdf_text(data: bytes) -> str:
    """The text of every page, pages joined by newlines."""
    reader = pypdf.PdfReader(io.BytesIO(data))
    return "\n".join(page.extract_text() or "" for page in reader.pages)


def pdf_fonts(data: bytes) -> set[str]:
    """The base names of the fonts the PDF's pages use (embedded subsets carry a prefix)."""
    reader = pypdf.PdfReader(io.BytesIO(data))
    names: set[str] = set()
    for page in reader.pages:
        fonts = page.get("/Resources", {}).get("/Font", {})
        names.update(str(f.get_object()["/BaseFont"]).split("+")[-1] for f in fonts.values())
    return names


def pdf_images(data: bytes) -> int:
    """How many images the pages draw."""
    reader = pypdf.PdfReader(io.BytesIO(data))
    return sum(len(page.images) for page in reader.pages)


def _times(m: list[float], n: list[float]) -> list[float]:
    """The product of two PDF matrices [a b c d e f]."""
    return [m[0] * n[0] + m[1] * n[2], m[0] * n[1] + m[1] * n[3],
            m[2] * n[0] + m[3] * n[2], m[2] * n[1] + m[3] * n[3],
            m[4] * n[0] + m[5] * n[2] + n[4], m[4] * n[1] + m[5] * n[3] + n[5]]


def text_runs(data: bytes) -> list[tuple[int, str, float, float, float]]:
    """Every piece of text drawn, as (page, text, left x, right x, baseline y) in points, from
    pypdf's visitor_text; the right edge from the embedded font's glyph widths (/W)."""
    from pypdf.generic._font import Font

    reader = pypdf.PdfReader(io.BytesIO(data))
    runs: list[tuple[int, str, float, float, float]] = []
    fonts: dict[int, tuple[Font, dict[str, str]]] = {}
    for number, page in enumerate(reader.pages, 1):

        def visit(text: str, cm: list[float], tm: list[float], font: Any, size: float,
                  number: int = number) -> None:
            if not text.strip() or font is None:
                return
            if id(font) not in fonts:
                parsed = Font.from_font_resource(font)
                fonts[id(font)] = (parsed, {u: c for c, u in parsed.character_map.items()})
            parsed, codes = fonts[id(font)]
            m = _times(tm, cm)
            width = sum(parsed.character_widths.get(codes.get(ch, ch), parsed.character_widths["default"])
                        for ch in text.rstrip("\n")) * size / 1000 * m[0]
            runs.append((number, text, m[4], m[4] + width, m[5]))

        page.extract_text(visitor_text=visit)
    return runs


def text_outside_the_page(data: bytes) -> list[str]:
    """Each run of text that starts or ends outside its page's box (described)."""
    reader = pypdf.PdfReader(io.BytesIO(data))
    boxes = [page.mediabox for page in reader.pages]
    out = []
    for number, text, left, right, y in text_runs(data):
        box = boxes[number - 1]
        if left < float(box.left) or right > float(box.right) or not float(box.bottom) <= y <= float(box.top):
            out.append(f"page {number}: {text[:40]!r}… from x={left:.0f} to {right:.0f} (page "
                       f"{float(box.left):.0f}..{float(box.right):.0f}), y={y:.0f}")
    return out
