"""`make bench`: raw engine, service layer, HTTP (gunicorn + Celery worker) and the update loop.

Prints a human-readable report and, as its LAST line, one JSON object with the figures.
Benchmarks print what they measured; they never assert timings.

Options (environment or flags): --quick (shorter windows), --no-http,
--http-configs 2x1,3x1,2x4 (gunicorn workers x threads to try), --clients 16.
"""

from __future__ import annotations

import argparse
import atexit
import json
import math
import os
import platform
import signal
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from . import common

HTTP_CONFIGS = "2x1,3x1,2x4"
REST = "rest of the machine (Redis, OS, other work)"  # CPU accounting keys (see http.drive)
SERVER = ("gunicorn", "celery worker", "PostgreSQL (pomoc_bench backends)")


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", default=bool(os.environ.get("BENCH_QUICK")),
                        help="shorter measurement windows (about a minute in all)")
    parser.add_argument("--no-http", action="store_true", default=bool(os.environ.get("BENCH_NO_HTTP")))
    parser.add_argument("--http-configs", default=os.environ.get("BENCH_HTTP_CONFIGS", HTTP_CONFIGS),
                        help="gunicorn settings to try, WORKERSxTHREADS, comma separated")
    parser.add_argument("--clients", type=int, default=int(os.environ.get("BENCH_CLIENTS", "16")),
                        help="client threads for the HTTP throughput runs")
    parser.add_argument("--worker-pool", default=os.environ.get("BENCH_WORKER_POOL", "solo"),
                        help="Celery pool for the worker process: solo, prefork or threads")
    parser.add_argument("--worker-concurrency", type=int,
                        default=int(os.environ.get("BENCH_WORKER_CONCURRENCY", "1")))
    return parser.parse_args(argv)


def _on_sigterm(signum: int, frame: Any) -> None:
    raise KeyboardInterrupt(f"signal {signum}")


def background_load(seconds: float = 1.0) -> float:
    """Busy cores on the machine while the benchmark itself is idle (other work running)."""
    from .http import machine_cpu

    busy0, total0 = machine_cpu()
    time.sleep(seconds)
    busy1, total1 = machine_cpu()
    if total1 <= total0:
        return float("nan")
    return (busy1 - busy0) / (total1 - total0) * (os.cpu_count() or 1)


# ------------------------------------------------------------------------------------- raw


def bench_raw(seconds: float, max_cases: int = 5000) -> dict[str, Any]:
    """The same BPMN in memory with SpiffWorkflow alone (no persistence, no sandbox)."""
    from bench.raw_engine import load_raw_specs, run_raw_case

    specs = load_raw_specs()
    counts = {}
    for _ in range(5):
        counts = run_raw_case(specs, benefit="zasilek_okresowy")
    n = 0
    t0 = time.perf_counter()
    while n < max_cases and time.perf_counter() - t0 < seconds:
        run_raw_case(specs, benefit="zasilek_okresowy")
        n += 1
    wall = time.perf_counter() - t0
    return {"cases": n, "seconds": wall, "cases_per_s": n / wall, "ms_per_case": wall / n * 1000,
            "steps": counts}


# ------------------------------------------------------------------------------------ http


def bench_http(cfg: dict[str, Any], instance: Path, ctx: Any, args: argparse.Namespace,
               procs: Any) -> dict[str, Any]:
    """Try the gunicorn settings, then measure the best one: throughput and complete latency."""
    import redis

    from . import http

    quick = args.quick
    broker = redis.Redis.from_url(common.REDIS_URL)
    broker.flushdb()
    worker = http.start_worker(procs, cfg, instance, args.worker_pool, args.worker_concurrency)
    configs = []
    for spec in args.http_configs.split(","):
        workers, _, threads = spec.strip().partition("x")
        configs.append(http.ServerConfig(int(workers), int(threads or 1)))
    sweep: list[dict[str, Any]] = []
    phase = 0

    def run(config: Any, clients: int, warmup: float, window: float,
            mode: str = "next") -> dict[str, Any]:
        nonlocal phase
        phase += 1
        drain(broker)
        common.truncate_case_data(ctx)
        with http.server(procs, cfg, instance, config) as (base, tokens, pid):
            result = http.drive(base, tokens, clients, warmup, window, offset=phase * 10_000_000,
                                pids={"gunicorn": pid, "celery worker": worker.pid}, mode=mode)
        result["server"] = config.label
        return result

    sweep_window = 6.0 if quick else 10.0
    for config in configs:
        result = run(config, args.clients, 2.0 if quick else 3.0, sweep_window)
        sweep.append(result)
        print(f"  http sweep: gunicorn {config.label:28s} {args.clients} clients: "
              f"{result['cases_per_s']:6.1f} cases/s ({adjusted(result):.1f} adjusted for other load), "
              f"failures {result['failure_count']}", flush=True)
    # Other work on the machine steals CPU from some windows: rank by throughput scaled to the
    # cores the benchmark actually had (all settings saturate the machine).
    best_index = max(range(len(configs)), key=lambda i: adjusted(sweep[i]))
    best = configs[best_index]
    if len(configs) > 1:
        throughput = run(best, args.clients, 2.0 if quick else 3.0, 10.0 if quick else 20.0)
    else:
        throughput = sweep[0]
    print(f"  http final: gunicorn {best.label}, {args.clients} clients: "
          f"{throughput['cases_per_s']:.1f} cases/s", flush=True)
    latency = run(best, 8, 2.0, 8.0 if quick else 12.0)
    print(f"  http latency: 8 clients: complete p50 {latency['complete_p50_ms']:.1f} ms, "
          f"p95 {latency['complete_p95_ms']:.1f} ms", flush=True)
    worklist = run(best, args.clients, 2.0, 6.0 if quick else 10.0, mode="casefile")
    print(f"  http what-if: client re-reads the case file (GET /api/cases/{{id}}) after every step: "
          f"{worklist['cases_per_s']:.1f} cases/s", flush=True)
    drain(broker)
    procs.stop(worker)
    broker.flushdb()
    return {"sweep": sweep, "best": best.label, "throughput": throughput, "latency": latency,
            "worklist": worklist,
            "worker": f"--pool={args.worker_pool} --concurrency={args.worker_concurrency}"}


def adjusted(row: dict[str, Any]) -> float:
    """cases/s scaled up by the CPU other processes took during the window."""
    cores = os.cpu_count() or 1
    other = min(row["cpu_cores_by_process"].get(REST, 0.0), cores * 0.9)
    return float(row["cases_per_s"]) * cores / (cores - other)


def drain(broker: Any, timeout: float = 15.0) -> None:
    """Wait (bounded) until the worker has taken and finished every queued job."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not broker.llen("celery") and not broker.hlen("unacked"):
            return
        time.sleep(0.2)


# ---------------------------------------------------------------------------------- report


def fmt(value: Any, digits: int = 1) -> str:
    if isinstance(value, float):
        return "n/a" if math.isnan(value) else f"{value:,.{digits}f}"
    return str(value)


def server_cpu_ms(row: dict[str, Any]) -> float:
    """CPU ms per finished case in gunicorn, the worker and the benchmark's PostgreSQL backends."""
    return sum(v for k, v in row["cpu_ms_per_case"].items() if k in SERVER)


def print_report(r: dict[str, Any], summary: dict[str, Any]) -> None:
    line = "-" * 100
    print("\n" + line)
    print("Pomoc benchmark")
    print(line)
    m = r["machine"]
    print(f"machine: {m.get('cpu', '?')}, {m.get('cores')} cores, {m.get('mem_gb', '?')} GB RAM; "
          f"Python {platform.python_version()}; database: {r['backend']}")
    if r.get("postgres"):
        pg = r["postgres"]
        print(f"PostgreSQL {pg['version']} (synchronous_commit={pg['synchronous_commit']}, "
              f"shared_buffers={pg['shared_buffers']})")
    print(f"background load before the run: {fmt(r['background_cores'], 2)} busy cores"
          + ("  <-- other work on the machine; figures are noisier" if r["background_cores"] > 0.2 else ""))

    print(f"\n{'figure':44s}{'value':>14s}  {'target':>10s}  note")
    targets = {"service_vs_raw": ">= 0.5", "http_cases_per_s": ">= 100", "complete_p95_ms": "<= 50",
               "state_bytes_per_case": "<= 8192", "late_step_vs_early_step": "<= 1.5"}
    notes = {
        "raw_cases_per_s": "SpiffWorkflow alone, in memory",
        "service_cases_per_s": f"sequential, {r['backend']}, 10 transactions per case",
        "http_cases_per_s": f"{summary.get('http_server') or '-'}, {r.get('clients', '-')} clients",
        "complete_p50_ms": "POST /api/tasks/{id}/complete, 8 clients",
        "complete_p95_ms": "POST /api/tasks/{id}/complete, 8 clients",
        "state_bytes_per_case": "process_instances.state after the lifecycle",
        "late_step_vs_early_step": "40th human task / 2nd (zasiłek stały)",
    }
    for key in ("raw_cases_per_s", "service_cases_per_s", "service_vs_raw", "http_cases_per_s",
                "complete_p50_ms", "complete_p95_ms", "state_bytes_per_case", "late_step_vs_early_step"):
        value = summary.get(key)
        shown = "skipped" if value is None else fmt(value, 3 if key in ("service_vs_raw",
                                                                        "late_step_vs_early_step") else 1)
        print(f"{key:44s}{shown:>14s}  {targets.get(key, ''):>10s}  {notes.get(key, '')}")

    s = r["service"]
    print(f"\nservice path: {s['cases']} cases in {s['seconds']:.1f} s = {s['ms_per_case']:.1f} ms per case; "
          f"in the engine {s['engine_ms_per_case']:.1f} ms, executing {s['sql_statements_per_case']:.0f} SQL "
          f"statements {s['sql_ms_per_case']:.1f} ms (client side), the rest Python (ORM, services)")
    print(f"  {'call':42s}{'n':>6s}{'p50 ms':>9s}{'p95 ms':>9s}{'total s':>9s}")
    for row in s["calls"]:
        print(f"  {row['call']:42s}{row['n']:>6d}{row['p50_ms']:>9.2f}{row['p95_ms']:>9.2f}"
              f"{row['total_s']:>9.2f}")

    late = r["late_step"]
    print(f"\nupdate loop (zasiłek stały, {late['repeats']} cases, medians): "
          f"40th task {late['late_task']} {late['late_ms']:.1f} ms / 2nd task {late['early_task']} "
          f"{late['early_ms']:.1f} ms = {late['ratio']:.2f}; like for like (40th / first "
          f"interview_update, step {late['first_update_step']}) = {late['update_ratio']:.2f}")
    print(f"  {'step':>6s}  {'task':28s}{'complete ms':>12s}{'engine ms':>11s}{'state bytes':>13s}")
    for row in late["steps"]:
        print(f"  {row['step']:>6d}  {row['task']:28s}{row['complete_ms']:>12.2f}{row['engine_ms']:>11.2f}"
              f"{row['state_bytes']:>13d}")

    h = r.get("http")
    if h:
        print(f"\nHTTP path (Celery worker {h['worker']}):")
        print(f"  {'gunicorn':44s}{'clients':>8s}{'cases/s':>9s}{'adj.':>7s}{'req/s':>7s}{'req/case':>9s}"
              f"{'complete p50/p95 ms':>21s}{'server CPU ms/case':>20s}{'other load':>11s}{'fail':>6s}")
        for row in [*h["sweep"], h["throughput"], h["latency"], h["worklist"]]:
            label = row["server"] + (" *" if row is h["throughput"] and len(h["sweep"]) > 1 else "")
            label += " (case-file client)" if row["mode"] == "casefile" else ""
            print(f"  {label:44s}{row['clients']:>8d}{row['cases_per_s']:>9.1f}{adjusted(row):>7.1f}"
                  f"{row['requests_per_s']:>7.0f}"
                  f"{row['requests_per_case']:>9.1f}{row['complete_p50_ms']:>11.1f} /"
                  f"{row['complete_p95_ms']:>7.1f}{server_cpu_ms(row):>20.0f}"
                  f"{row['cpu_cores_by_process'].get(REST, 0.0):>11.2f}{row['failure_count']:>6d}")
        t = h["throughput"]
        cpu = ", ".join(f"{k} {v:.2f}" for k, v in t["cpu_cores_by_process"].items())
        print(f"  CPU in the final throughput window (cores): {cpu}; "
              f"machine busy {t['machine_busy_cores']:.2f}")
        print("  endpoint latency in that window: " + "; ".join(
            f"{k} p50 {v['p50_ms']:.1f} / p95 {v['p95_ms']:.1f} ms (n={v['n']})"
            for k, v in t["endpoints"].items()))
        per_case = ", ".join(f"{k} {v:.0f}" for k, v in t["cpu_ms_per_case"].items()
                             if not k.startswith("rest"))
        print(f"  CPU ms per finished case: {per_case}; at that cost {r['cores']} idle cores would carry "
              f"about {summary['http_capacity_estimate']:.1f} cases/s")
        failures = [f for row in [*h["sweep"], t, h["latency"], h["worklist"]] for f in row["failures"]]
        if failures:
            print(f"  client failures (first): {failures[:3]}")
    print(line, flush=True)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    signal.signal(signal.SIGTERM, _on_sigterm)
    from .http import Processes

    procs = Processes()
    atexit.register(procs.stop_all)
    started = time.perf_counter()
    result: dict[str, Any] = {"machine": common.machine_info(), "clients": args.clients}
    result["cores"] = result["machine"].get("cores")
    result["background_cores"] = background_load()
    print(f"bench: measuring (about {'1' if args.quick else '2.5'} minutes) ...", flush=True)

    raw = bench_raw(3.0 if args.quick else 5.0)
    result["raw"] = raw
    print(f"  raw: {raw['cases_per_s']:.1f} cases/s", flush=True)

    from .deploy_check import bench as bench_deploy_check

    result["deploy_check"] = bench_deploy_check(repeats=3 if args.quick else 5)
    print(f"  deploy check: validation {result['deploy_check']['validation_ms']['total']:.0f} ms, "
          f"replay {result['deploy_check']['replay_ms_per_100_cases']:.0f} ms per 100 cases", flush=True)

    use_pg = common.pg_reachable()
    result["backend"] = "postgresql" if use_pg else "sqlite"
    if use_pg:
        result["postgres"] = common.pg_server_info()
    print(f"  database: {result['backend']}" + ("" if use_pg else " (PostgreSQL not reachable)"), flush=True)
    ctx = None
    with tempfile.TemporaryDirectory(prefix="pomoc-bench-") as tmp:
        instance = Path(tmp)
        url = common.create_pg_database() if use_pg else f"sqlite:///{instance / 'bench.db'}"
        try:
            from . import service

            cfg = common.bench_config(instance, url, common.REDIS_URL if use_pg else None)
            ctx, clock, publisher = common.setup_context(cfg)
            users = common.actors(ctx)
            by_role = {"caseworker": users["caseworker1"], "supervisor": users["supervisor"]}

            result["service"] = service.bench_service(
                ctx, clock, publisher, by_role, seconds=5.0 if args.quick else 12.0)
            print(f"  service: {result['service']['cases_per_s']:.1f} cases/s", flush=True)
            common.truncate_case_data(ctx)
            from .documents import bench as bench_documents

            result["documents"] = bench_documents(ctx, clock, publisher, by_role,
                                                  seconds=3.0 if args.quick else 8.0)
            docs = result["documents"]
            print(f"  documents: {docs['decision_pdf_per_s']:.1f} decision PDFs/s, CPU ms per "
                  f"document min {docs['cpu_ms_per_pdf_min']:.1f} median {docs['cpu_ms_per_pdf_p50']:.1f}",
                  flush=True)
            common.truncate_case_data(ctx)
            result["late_step"] = service.bench_late_step(
                ctx, clock, publisher, by_role, repeats=3 if args.quick else 9,
                seconds=20.0 if args.quick else 40.0)
            print(f"  update loop: 40th/2nd = {result['late_step']['ratio']:.2f}", flush=True)
            if use_pg:
                from .payments import bench_payment_run

                result["payments"] = bench_payment_run(ctx)
                print(f"  payment run: {result['payments']['payment_run_s']:.1f} s for "
                      f"{result['payments']['items']} schedule items", flush=True)

            if args.no_http:
                result["http"] = None
            elif not use_pg or not _redis_ok():
                print("  http: skipped (needs PostgreSQL and Redis)", flush=True)
                result["http"] = None
            else:
                try:
                    result["http"] = bench_http(cfg, instance, ctx, args, procs)
                except Exception as exc:  # noqa: BLE001 - report it and keep the other figures
                    result["http"] = None
                    result["http_error"] = f"{type(exc).__name__}: {exc}"
                    print(f"  http: FAILED: {result['http_error']}", flush=True)
        finally:
            procs.stop_all()
            if ctx is not None:
                ctx.db.dispose()
            if use_pg:
                common.drop_pg_database()
    result["bench_seconds"] = time.perf_counter() - started

    h = result.get("http")
    capacity = 0.0
    if h:
        spent = sum(v for k, v in h["throughput"]["cpu_ms_per_case"].items() if not k.startswith("rest"))
        capacity = (result["machine"].get("cores") or 1) * 1000 / spent if spent else float("nan")
    summary: dict[str, Any] = {
        "raw_cases_per_s": round(raw["cases_per_s"], 2),
        "service_cases_per_s": round(result["service"]["cases_per_s"], 2),
        "service_vs_raw": round(result["service"]["cases_per_s"] / raw["cases_per_s"], 4),
        "http_cases_per_s": round(h["throughput"]["cases_per_s"], 2) if h else None,
        "http_error": (result.get("http_error") or "")[:300] or None,
        "complete_p50_ms": round(h["latency"]["complete_p50_ms"], 2) if h else None,
        "complete_p95_ms": round(h["latency"]["complete_p95_ms"], 2) if h else None,
        "state_bytes_per_case": round(result["service"]["state_bytes_avg"], 1),
        "late_step_vs_early_step": round(result["late_step"]["ratio"], 3),
        "decision_pdf_per_s": round(result["documents"]["decision_pdf_per_s"], 2),
        "decision_pdf_cpu_ms": round(result["documents"]["cpu_ms_per_pdf_p50"], 1),
        "late_step_vs_first_update": round(result["late_step"]["update_ratio"], 3),
        "backend": result["backend"],
        "http_server": f"gunicorn {h['best']}" if h else None,
        "http_clients": args.clients if h else None,
        "http_worker": h["worker"] if h else None,
        "http_casefile_client_cases_per_s": round(h["worklist"]["cases_per_s"], 2) if h else None,
        "http_cpu_ms_per_case": {k: round(v, 1) for k, v in h["throughput"]["cpu_ms_per_case"].items()
                                 if not k.startswith("rest")} if h else None,
        "http_capacity_estimate": round(capacity, 1) if h else None,
        "service_ms_per_case": round(result["service"]["ms_per_case"], 2),
        "service_engine_ms_per_case": round(result["service"]["engine_ms_per_case"], 2),
        "service_sql_statements_per_case": round(result["service"]["sql_statements_per_case"], 1),
        "background_busy_cores": round(result["background_cores"], 2),
        "cores": result["machine"].get("cores"),
        "bench_seconds": round(result["bench_seconds"], 1),
        "payment_run_s": round(result["payments"]["payment_run_s"], 2) if result.get("payments") else None,
    }
    print_report(result, summary)
    print(json.dumps(summary, ensure_ascii=False), flush=True)
    return 0


def _redis_ok() -> bool:
    try:
        import redis

        return bool(redis.Redis.from_url(common.REDIS_URL, socket_connect_timeout=2).ping())
    except Exception:  # noqa: BLE001
        return False


if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt:
        print("bench: interrupted; subprocesses stopped and the benchmark database dropped", file=sys.stderr)
        sys.exit(130)
