"""Reading PDFs back in tests: their text (pypdf) and the fonts they embed."""

from __future__ import annotations

import io

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
