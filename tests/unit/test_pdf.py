"""Documents render to PDF with Polish glyphs in embedded fonts and never load anything."""

from __future__ import annotations

import base64
from pathlib import Path

from app.services.documents.pdf import content_hash, render_pdf
from tests.pdftext import pdf_fonts, pdf_images, pdf_text

# A 1×1 PNG.
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==")


def test_polish_text_comes_back_from_the_pdf_in_embedded_dejavu_fonts() -> None:
    pdf = render_pdf("<html><body><h1>Decyzja</h1><p>Zażółć gęślą jaźń — ŻÓŁW, 1 234,56 zł</p>"
                     "</body></html>")
    assert pdf.startswith(b"%PDF-")
    assert "Zażółć gęślą jaźń — ŻÓŁW, 1 234,56 zł" in pdf_text(pdf)
    assert {"DejaVu-Serif", "DejaVu-Sans-Bold"} <= pdf_fonts(pdf)


def test_rendering_loads_no_file_and_no_url(tmp_path: Path) -> None:
    image = tmp_path / "x.png"
    image.write_bytes(PNG)
    pdf = render_pdf(f"<html><body><p>a</p><img src='{image.as_uri()}'>"
                     "<img src='http://127.0.0.1:9/x.png'></body></html>",
                     extra_css=f"body {{ background: url('{image.as_uri()}') }}")
    assert pdf_images(pdf) == 0
    assert "a" in pdf_text(pdf)


def test_the_content_hash_is_the_sha256_of_the_bytes() -> None:
    assert content_hash(b"abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"


def test_finding_6_a_stored_override_never_mirrors_the_printed_pesel() -> None:
    # A name stored before the edge refused bidirectional controls (issue 19, finding 6).
    pdf = render_pdf("<html><body><p>Przyznać stronie: Anna\u202eZasiłek\u200b (PESEL 65020977292)"
                     "\u2066x\u2069\x07</p></body></html>")
    text = " ".join(pdf_text(pdf).split())
    assert "Przyznać stronie: AnnaZasiłek (PESEL 65020977292)x" in text
    assert "LESEP" not in text


def test_finding_7_a_long_word_breaks_inside_the_page() -> None:
    from tests.pdftext import text_outside_the_page

    word = "Konstantynopolitańczykowianeczkówna" * 6
    pdf = render_pdf(f"<html><body><p style='text-align:right'>Pan<br>{word}</p>"
                     f"<table><tr><td>1</td><td>{word}</td></tr></table></body></html>")
    assert text_outside_the_page(pdf) == []
    assert "".join(pdf_text(pdf).split()).count(word) == 2


def test_issue_18_the_cached_typesetter_gives_the_same_bytes_and_no_glyphs_of_an_earlier_document() -> None:
    # One font configuration and parsed stylesheet per thread (issue 18): a document rendered
    # after a larger one embeds only its own glyphs, and the same HTML gives the same bytes.
    small = "<html><body><p>Zasiłek okresowy</p></body></html>"
    many = ("<html><body><h1>Ąęść</h1><p>" + "".join(chr(c) for c in range(0x21, 0x17F)
                                                       if chr(c) not in "<&")
            + " 王小明 Жук</p></body></html>")
    first = render_pdf(small)
    large = render_pdf(many)
    again = render_pdf(small)
    assert again == first
    assert len(large) > 3 * len(first)
    assert "王小明" in pdf_text(large)
    assert "Zasiłek okresowy" in pdf_text(again)


def test_issue_18_each_thread_has_its_own_typesetter_and_extra_sheets_are_kept_by_text() -> None:
    import threading

    from app.services.documents import pdf

    html = "<html><body><table><tr><td class='num'>1 234,56 zł</td></tr></table></body></html>"
    css = ".num{text-align:right}@page{size:A4 landscape}"
    here = render_pdf(html, css)
    setter = pdf._typesetter()
    assert setter.sheets(css)[1] is setter.sheets(css)[1]
    assert setter.sheets("") == [setter.base]
    other: dict[str, object] = {}

    def work() -> None:
        other["pdf"] = render_pdf(html, css)
        other["setter"] = pdf._typesetter()

    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    assert other["setter"] is not setter
    assert other["pdf"] == here
