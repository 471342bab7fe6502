"""Profile the service path with cProfile: `python -m bench.profile [--cases N] [--out FILE]`.

Drives N full lifecycles (after a warm-up) through the service layer on a fresh `pomoc_bench`
database and prints the top functions by own time and by cumulative time, plus the cost grouped
by area (SpiffWorkflow, serialization, SQLAlchemy, psycopg, jsonschema, sandbox, ...).
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import tempfile
from pathlib import Path
from typing import Any

from . import common
from .service import Driver
from .workload import application

# Grouping of own time by where the code lives (first match wins).
AREAS = (
    ("SpiffWorkflow serializer", ("SpiffWorkflow/bpmn/serializer", "SpiffWorkflow/serializer")),
    ("SpiffWorkflow engine", ("SpiffWorkflow/",)),
    ("RestrictedPython / sandbox", ("RestrictedPython", "workflow_engine/sandbox")),
    ("workflow_engine adapter", ("app/workflow_engine",)),
    ("SQLAlchemy ORM", ("sqlalchemy/orm",)),
    ("SQLAlchemy core/engine", ("sqlalchemy/",)),
    ("psycopg + network wait", ("psycopg", "{method 'execute'", "{method 'fetch", "select.poll",
                                "{built-in method select", "{method 'poll'", "{method 'wait'")),
    ("json / zlib", ("json/", "{built-in method zlib", "{method 'decompress'", "{method 'compress'",
                     "_json", "zlib")),
    ("jsonschema", ("jsonschema", "referencing", "rpds")),
    ("app services / domain", ("app/services", "app/domain", "app/persistence")),
    ("Flask / Werkzeug / gunicorn", ("flask/", "werkzeug/", "gunicorn/", "jinja2/")),
    ("Celery / kombu / redis", ("celery/", "kombu/", "redis/")),
)


def area_of(filename: str, funcname: str) -> str:
    """The area a profile entry belongs to."""
    key = f"{filename}:{funcname}"
    for area, needles in AREAS:
        if any(n in key for n in needles):
            return area
    return "other (stdlib, builtins)"


def summarize(stats: pstats.Stats, top: int = 25) -> dict[str, Any]:
    """Top functions by own and cumulative time, and own time by area."""
    raw: dict[Any, Any] = stats.stats  # type: ignore[attr-defined]
    total = sum(v[2] for v in raw.values()) or 1.0
    areas: dict[str, float] = {}
    rows = []
    for (filename, line, func), (_cc, nc, tt, ct, _callers) in raw.items():
        area = area_of(filename, func)
        areas[area] = areas.get(area, 0.0) + tt
        short = filename.split("site-packages/")[-1].replace(str(common.ROOT) + "/", "")
        rows.append({"func": f"{short}:{line}({func})", "calls": nc, "own_s": tt, "cum_s": ct})
    by_own = sorted(rows, key=lambda r: -r["own_s"])[:top]
    by_cum = sorted(rows, key=lambda r: -r["cum_s"])[:top * 2]
    return {"total_s": total, "areas": dict(sorted(areas.items(), key=lambda kv: -kv[1])),
            "by_own": by_own, "by_cum": by_cum}


def print_summary(title: str, summary: dict[str, Any], per: int = 1) -> None:
    """Human-readable report."""
    total = summary["total_s"]
    print(f"\n== {title}: {total:.2f} s profiled" + (f" ({total / per * 1000:.1f} ms per case)" if per > 1 else ""))
    print("-- own time by area")
    for area, seconds in summary["areas"].items():
        print(f"  {seconds / total * 100:5.1f}%  {area}")
    print("-- top functions by own time")
    for r in summary["by_own"]:
        print(f"  {r['own_s'] / total * 100:5.1f}%  {r['calls']:>8}  {r['func']}")
    print("-- top functions by cumulative time")
    for r in summary["by_cum"]:
        print(f"  {r['cum_s'] / total * 100:5.1f}%  {r['calls']:>8}  {r['func']}")


def profile_service(cases: int, out: Path | None) -> dict[str, Any]:
    """cProfile N service-layer lifecycles on a fresh database."""
    with tempfile.TemporaryDirectory(prefix="pomoc-bench-prof-") as tmp:
        url = common.create_pg_database() if common.pg_reachable() else f"sqlite:///{tmp}/bench.db"
        try:
            cfg = common.bench_config(Path(tmp), url, None)
            ctx, clock, publisher = common.setup_context(cfg)
            users = common.actors(ctx)
            by_role = {"caseworker": users["caseworker1"], "supervisor": users["supervisor"]}
            driver = Driver(ctx, clock, publisher, by_role)
            for _ in range(3):
                driver.lifecycle(application())
            profiler = cProfile.Profile()
            profiler.enable()
            for _ in range(cases):
                driver.lifecycle(application())
            profiler.disable()
            ctx.db.dispose()
        finally:
            if url.startswith("postgresql"):
                common.drop_pg_database()
    if out:
        profiler.dump_stats(str(out))
    summary = summarize(pstats.Stats(profiler))
    print_summary(f"service path, {cases} lifecycles", summary, per=cases)
    return summary


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cases", type=int, default=60)
    parser.add_argument("--out", type=Path, default=None, help="write the .prof file here")
    args = parser.parse_args()
    profile_service(args.cases, args.out)


if __name__ == "__main__":
    main()
