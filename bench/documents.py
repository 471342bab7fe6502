"""Decision PDFs per second: what the decision-document job spends on rendering and storing.

One case is driven to an issued decision; then, repeatedly and each in a transaction that is
rolled back, the decision is rendered (HTML from the templates, with its facts and calculation)
and stored as a PDF with its hash — the work the `decision_document` job does per decision.

``python -m bench.documents`` (wrap it in ``flock /tmp/pomoc-bench.lock``) also prints what each
WeasyPrint option costs on that same decision's HTML (issue 18, docs/PERFORMANCE.md "The
decision PDF"): every variant is rendered in turn, round after round, so that the machine's other
load falls on all of them alike; the figures are CPU milliseconds of this process
(``time.process_time``), min and median, and the PDF's size.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from typing import Any

from sqlalchemy import select

from app.persistence.models import Decision
from app.services.decisions.decision_document import BENEFITS, render_decision
from app.services.documents import document_store, pdf
from app.services.documents.office import office, signer

from .common import BenchClock, RecordingPublisher, median
from .service import Driver
from .workload import application


def bench(ctx: Any, clock: BenchClock, publisher: RecordingPublisher, by_role: dict[str, Any],
          seconds: float = 5.0) -> dict[str, Any]:
    """{decision_pdf_per_s, ms_per_pdf_p50, cpu_ms_per_pdf_min/_p50, html_cpu_ms_p50, pdf_bytes,
    n, html}: the job's work per decision, wall and CPU time; ``html`` is the last decision's."""
    driver = Driver(ctx, clock, publisher, by_role)
    case_id = driver.lifecycle(application("zasilek_okresowy", offset=900_000))
    times: list[float] = []
    cpu: list[float] = []
    html_cpu: list[float] = []
    size = 0
    html = ""
    started = time.perf_counter()
    while time.perf_counter() - started < seconds or len(times) < 3:
        with ctx.uow() as uow:
            decision = uow.session.scalars(select(Decision).where(Decision.case_id == case_id)).one()
            t0, c0 = time.perf_counter(), time.process_time()
            body = office(uow)
            who = signer(uow, decision.approved_by_id, BENEFITS[decision.benefit].act,
                         decision.issued_on)
            assert body is not None and who is not None
            html = render_decision(uow, decision, body, who)
            html_cpu.append(time.process_time() - c0)
            stored = document_store.store(uow, case_id, "decision", html, decision.approved_by_id,
                                          decision_id=decision.id)
            times.append(time.perf_counter() - t0)
            cpu.append(time.process_time() - c0)
            size = stored.size
            uow.session.rollback()
    total = sum(times)
    return {"decision_pdf_per_s": len(times) / total if total else float("nan"),
            "ms_per_pdf_p50": median(times) * 1000,
            "cpu_ms_per_pdf_min": min(cpu) * 1000, "cpu_ms_per_pdf_p50": median(cpu) * 1000,
            "html_cpu_ms_p50": median(html_cpu) * 1000, "pdf_bytes": size, "n": len(times),
            "html": html}


def _css_without(old: str, new: str = "") -> str:
    assert old in pdf.BASE_CSS, old
    return pdf.BASE_CSS.replace(old, new)


def _variants(html: str) -> dict[str, Callable[[], bytes]]:
    """What each option would do to the same decision (name -> a render of it)."""
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration

    text = pdf.printable(html)
    fonts = FontConfiguration()

    def cached(css: str = pdf.BASE_CSS, page: str = text, **options: Any) -> Callable[[], bytes]:
        sheet = CSS(string=css, font_config=fonts)

        def render() -> bytes:
            document = HTML(string=page, url_fetcher=pdf._no_fetch(), base_url="about:blank")
            out: bytes = document.write_pdf(stylesheets=[sheet], font_config=fonts, **options)
            return out
        return render

    def per_document() -> bytes:
        own = FontConfiguration()
        document = HTML(string=text, url_fetcher=pdf._no_fetch(), base_url="about:blank")
        out: bytes = document.write_pdf(stylesheets=[CSS(string=pdf.BASE_CSS, font_config=own)],
                                        font_config=own)
        return out

    cjk = ', "WenQuanYi Micro Hei"'
    return {
        "before: FontConfiguration and CSS built per document": per_document,
        "render_pdf: both kept per thread (chosen)": lambda: pdf.render_pdf(html),
        "kept + no font subsetting (full_fonts)": cached(full_fonts=True),
        "kept + font hinting kept": cached(hinting=True),
        "kept + uncompressed streams": cached(uncompressed_pdf=True),
        "kept + PDF/A-3b": cached(pdf_variant="pdf/a-3b"),
        "kept + no CJK fallback font": cached(pdf.BASE_CSS.replace(cjk, "")),
        "kept + one family (serif headings)": cached(_css_without(
            'h1, h2, h3 { font-family: "DejaVu Sans", "WenQuanYi Micro Hei", sans-serif; }')),
        "kept + no overflow-wrap: anywhere": cached(_css_without(
            "html, td, th { overflow-wrap: anywhere; word-break: normal; }")),
        "kept + no page numbers (margin box)": cached(_css_without(
            '@bottom-right { content: counter(page) " / " counter(pages); font-size: 8pt; '
            'color: #555; }')),
        "kept + ragged right (no justified text)": cached(pdf.BASE_CSS + "p{text-align:left!important}"),
        "kept + list markers inside": cached(pdf.BASE_CSS + "ol,ul{list-style-position:inside}"),
    }


def options(html: str, rounds: int = 15) -> dict[str, dict[str, float]]:
    """{variant: {cpu_ms_min, cpu_ms_p50, bytes}} over ``rounds`` interleaved renders each."""
    variants = _variants(html)
    cpu: dict[str, list[float]] = {name: [] for name in variants}
    size: dict[str, int] = {}
    for render in variants.values():
        render()  # the first render of a process loads the fonts: not what a worker pays per case
    for _ in range(rounds):
        for name, render in variants.items():
            c0 = time.process_time()
            size[name] = len(render())
            cpu[name].append((time.process_time() - c0) * 1000)
    return {name: {"cpu_ms_min": min(v), "cpu_ms_p50": median(v), "bytes": size[name]}
            for name, v in cpu.items()}


def phases(html: str, rounds: int = 15) -> dict[str, float]:
    """Median CPU ms of the kept-typesetter render by phase: parse, cascade + layout, draw + PDF."""
    from weasyprint import HTML

    setter = pdf._typesetter()
    parse: list[float] = []
    layout: list[float] = []
    write: list[float] = []
    for _ in range(rounds):
        c0 = time.process_time()
        document = HTML(string=pdf.printable(html), url_fetcher=pdf._no_fetch(),
                        base_url="about:blank")
        c1 = time.process_time()
        rendered = document.render(stylesheets=setter.sheets(""), font_config=setter.fonts)
        c2 = time.process_time()
        rendered.write_pdf()
        c3 = time.process_time()
        parse.append(c1 - c0)
        layout.append(c2 - c1)
        write.append(c3 - c2)
    return {"parse": median(parse) * 1000, "layout": median(layout) * 1000,
            "draw_and_write": median(write) * 1000, "pages": len(rendered.pages)}


def main(argv: list[str] | None = None) -> int:
    import tempfile
    from pathlib import Path

    from . import common

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=5.0, help="the job-path loop's length")
    parser.add_argument("--rounds", type=int, default=15, help="renders of each option")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="pomoc-bench-docs-") as tmp:
        # SQLite: the figures here are the renderer's; the database's share is in bench.run.
        cfg = common.bench_config(Path(tmp), f"sqlite:///{Path(tmp) / 'docs.db'}", None)
        ctx, clock, publisher = common.setup_context(cfg)
        users = common.actors(ctx)
        by_role = {"caseworker": users["caseworker1"], "supervisor": users["supervisor"]}
        job = bench(ctx, clock, publisher, by_role, seconds=args.seconds)
        ctx.db.dispose()
    from .run import background_load

    print(f"background load: {background_load():.2f} busy cores (other work on the machine)")
    print(f"decision_pdf_per_s = {job['decision_pdf_per_s']:.1f} (job path: templates + PDF + "
          f"store, {job['n']} runs); CPU ms per document min {job['cpu_ms_per_pdf_min']:.1f}, "
          f"median {job['cpu_ms_per_pdf_p50']:.1f} (the HTML alone {job['html_cpu_ms_p50']:.1f}); "
          f"{job['pdf_bytes']} bytes")
    split = phases(job["html"], args.rounds)
    print(f"render_pdf by phase (median CPU ms, {split['pages']} pages): parse {split['parse']:.1f}, "
          f"cascade + layout {split['layout']:.1f}, draw + write {split['draw_and_write']:.1f}")
    print(f"{'option':58s} {'min ms':>7s} {'med ms':>7s} {'bytes':>8s}")
    for name, row in options(job["html"], args.rounds).items():
        print(f"{name:58s} {row['cpu_ms_min']:7.1f} {row['cpu_ms_p50']:7.1f} {row['bytes']:8d}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
