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
    each = f" ({total / per * 1000:.1f} ms per case)" if per > 1 else ""
    print(f"\n== {title}: {total:.2f} s profiled{each}")
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


def profile_http(clients: int, seconds: float, out: Path | None) -> dict[str, Any]:
    """cProfile one sync gunicorn worker under load (a real Celery worker runs the jobs)."""
    import redis

    from . import http

    if not common.pg_reachable():
        raise SystemExit("the HTTP profile needs PostgreSQL and Redis")
    procs = http.Processes()
    with tempfile.TemporaryDirectory(prefix="pomoc-bench-prof-") as tmp:
        instance = Path(tmp)
        url = common.create_pg_database()
        ctx = None
        try:
            cfg = common.bench_config(instance, url, common.REDIS_URL)
            ctx, _clock, _publisher = common.setup_context(cfg)
            redis.Redis.from_url(common.REDIS_URL).flushdb()
            worker = http.start_worker(procs, cfg, instance, "solo", 1)
            prof_dir = instance / "prof"
            prof_dir.mkdir()
            with http.server(procs, cfg, instance, http.ServerConfig(1),
                             ["-c", str(common.ROOT / "bench" / "gunicorn_profile.py")],
                             {"POMOC_BENCH_PROFILE_DIR": str(prof_dir)}) as (base, tokens, pid):
                result = http.drive(base, tokens, clients, 2.0, seconds, offset=120_000_000,
                                    pids={"gunicorn": pid, "celery worker": worker.pid})
            files = sorted(prof_dir.glob("worker-*.prof"))
            if not files:
                raise SystemExit("the gunicorn worker wrote no profile")
            stats = pstats.Stats(*[str(f) for f in files])
            if out:
                stats.dump_stats(str(out))
        finally:
            procs.stop_all()
            if ctx is not None:
                ctx.db.dispose()
            common.drop_pg_database()
    summary = summarize(stats)
    print(f"\n(profiled gunicorn -w 1 under {clients} clients: {result['cases_per_s']:.1f} cases/s, "
          f"{result['requests_per_s']:.0f} requests/s; wall time, idle waits for requests included)")
    print_summary("HTTP path: one gunicorn sync worker, whole life", summary)
    return summary


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cases", type=int, default=60, help="service-path lifecycles to profile")
    parser.add_argument("--http", action="store_true", help="also profile a gunicorn worker under load")
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--seconds", type=float, default=15.0)
    parser.add_argument("--out", type=Path, default=None, help="write .prof files with this prefix")
    args = parser.parse_args()
    prefix = args.out
    profile_service(args.cases, Path(f"{prefix}-service.prof") if prefix else None)
    if args.http:
        profile_http(args.clients, args.seconds, Path(f"{prefix}-http.prof") if prefix else None)


if __name__ == "__main__":
    main()
