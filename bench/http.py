"""HTTP benchmark: gunicorn + a real Celery worker (Redis broker), driven by concurrent clients.

Each client thread runs whole cases over the REST API, as the integration test does:
POST /api/cases, then repeatedly read the case file (GET /api/cases/{id}) and complete its open
task (POST /api/tasks/{id}/complete with canned data and the task's version), until the
payment schedule appears. The appeal is waived (art. 127a KPA), so no timer is waited for.
Service tasks (eligibility, decision document, payment schedule) run in the worker process.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import httpx

from app.domain.deadlines import today_in_warsaw

from .common import PASSWORD, ROOT, median, percentile, pg_backend_pids, server_env
from .workload import application, form_data

CASE_TIMEOUT = 60.0  # a case not scheduled by then is counted as failed
POLL_INTERVAL = 0.02  # first wait for a background job; doubles up to POLL_MAX
POLL_MAX = 0.2
FINAL_TASK = "appeal_window"  # on the waiver path the schedule job follows it
MAX_FAILURES = 50  # all clients together; then they give up


# ------------------------------------------------------------------------------ processes


class Processes:
    """Subprocesses started by the benchmark, each in its own session; all stopped on exit."""

    def __init__(self) -> None:
        self.procs: list[subprocess.Popen[bytes]] = []

    def start(self, args: list[str], env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
        with open(log, "ab") as out:
            proc = subprocess.Popen(args, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT,
                                    start_new_session=True)
        self.procs.append(proc)
        return proc

    def stop(self, proc: subprocess.Popen[bytes], timeout: float = 15.0) -> None:
        """SIGTERM the process group, then SIGKILL if it does not exit."""
        if proc.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGTERM)
            try:
                proc.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(proc.pid, signal.SIGKILL)
                proc.wait(timeout=timeout)
        # Children left in the group (e.g. gunicorn or prefork workers) go too.
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(proc.pid, signal.SIGKILL)
        if proc in self.procs:
            self.procs.remove(proc)

    def stop_all(self) -> None:
        for proc in list(reversed(self.procs)):
            self.stop(proc)


def free_port() -> int:
    """A TCP port free on 127.0.0.1 right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_worker(procs: Processes, cfg: dict[str, Any], instance_dir: Path, pool: str,
                 concurrency: int) -> subprocess.Popen[bytes]:
    """A real `celery worker` process on the benchmark broker; waits for 'ready.'."""
    log = instance_dir / f"worker-{pool}{concurrency}.log"
    log.write_bytes(b"")
    args = [sys.executable, "-m", "celery", "-A", "tasks", "worker", f"--pool={pool}",
            f"--concurrency={concurrency}", "--loglevel=INFO", "--without-gossip", "--without-mingle",
            "--without-heartbeat", "-n", f"bench-{os.getpid()}@%h"]
    proc = procs.start(args, server_env(cfg, instance_dir), log)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"worker exited: {log.read_text()[-3000:]}")
        if b"ready." in log.read_bytes():
            return proc
        time.sleep(0.2)
    procs.stop(proc)
    raise RuntimeError(f"worker did not start: {log.read_text()[-3000:]}")


@dataclass(frozen=True)
class ServerConfig:
    """A gunicorn setting to try."""

    workers: int
    threads: int = 1  # >1 uses the gthread worker class

    @property
    def label(self) -> str:
        threads = f" -k gthread --threads {self.threads}" if self.threads > 1 else " (sync)"
        return f"-w {self.workers}{threads}"

    def args(self) -> list[str]:
        out = ["-w", str(self.workers)]
        if self.threads > 1:
            out += ["-k", "gthread", "--threads", str(self.threads)]
        return out


def start_gunicorn(procs: Processes, cfg: dict[str, Any], instance_dir: Path, server: ServerConfig,
                   extra_args: list[str] | None = None,
                   extra_env: dict[str, str] | None = None) -> tuple[subprocess.Popen[bytes], str]:
    """gunicorn serving app:create_app() on a free port; waits until the API answers."""
    port = free_port()
    log = instance_dir / f"gunicorn-{server.workers}x{server.threads}.log"
    log.write_bytes(b"")
    args = [sys.executable, "-m", "gunicorn", *server.args(), "-b", f"127.0.0.1:{port}",
            "--timeout", "60", "--graceful-timeout", "10", "--backlog", "2048",
            # gunicorn 27 otherwise shares ~/.gunicorn/gunicorn.ctl with every other gunicorn.
            "--no-control-socket", *(extra_args or []),
            "app:create_app()"]
    env = server_env(cfg, instance_dir)
    env.update(extra_env or {})
    proc = procs.start(args, env, log)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"gunicorn exited: {log.read_text()[-3000:]}")
        try:
            if httpx.get(f"{base}/api/openapi.json", timeout=2).status_code == 200:
                # Every worker process must be up before timing starts: hit it a few times.
                for _ in range(server.workers * 4):
                    httpx.get(f"{base}/api/openapi.json", timeout=5)
                return proc, base
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    procs.stop(proc)
    raise RuntimeError(f"gunicorn did not start: {log.read_text()[-3000:]}")


def log_tail(path: Path, chars: int = 3000) -> str:
    """The end of a server log (for error messages)."""
    try:
        return path.read_text(errors="replace")[-chars:]
    except OSError:
        return "(no log)"


def login(base: str, username: str) -> str:
    """A bearer token."""
    res = httpx.post(f"{base}/api/auth/token", json={"username": username, "password": PASSWORD}, timeout=30)
    res.raise_for_status()
    return str(res.json()["token"])


# --------------------------------------------------------------------------------- clients


@dataclass
class Stats:
    """What all client threads recorded (appended under a lock)."""

    lock: threading.Lock = field(default_factory=threading.Lock)
    latencies: dict[str, list[float]] = field(default_factory=dict)
    finished_at: list[float] = field(default_factory=list)
    case_seconds: list[float] = field(default_factory=list)
    requests: int = 0
    statuses: dict[int, int] = field(default_factory=dict)
    failures: list[str] = field(default_factory=list)

    def record(self, name: str, seconds: float, status: int) -> None:
        with self.lock:
            self.latencies.setdefault(name, []).append(seconds)
            self.requests += 1
            self.statuses[status] = self.statuses.get(status, 0) + 1


class CaseClient(threading.Thread):
    """Runs cases one after another until told to stop; records latencies and finish times."""

    def __init__(self, base: str, tokens: dict[str, str], stats: Stats, stop: threading.Event,
                 offset: int, mode: str = "next") -> None:
        super().__init__(daemon=True)
        self.mode = mode
        self.base, self.tokens, self.stats, self.stop_event, self.offset = base, tokens, stats, stop, offset
        self.client = httpx.Client(base_url=base, timeout=30.0)

    def call(self, name: str, method: str, path: str, role: str, body: Any = None) -> httpx.Response:
        t0 = time.perf_counter()
        res = self.client.request(method, path, json=body,
                                  headers={"Authorization": f"Bearer {self.tokens[role]}"})
        self.stats.record(name, time.perf_counter() - t0, res.status_code)
        return res

    def run(self) -> None:
        try:
            while not self.stop_event.is_set():
                try:
                    self.one_case()
                except Exception as exc:  # noqa: BLE001 - reported, never raised in a thread
                    with self.stats.lock:
                        self.stats.failures.append(f"{type(exc).__name__}: {exc}"[:300])
                        if len(self.stats.failures) > MAX_FAILURES:
                            return
                    time.sleep(0.1)
        finally:
            self.client.close()

    def one_case(self) -> None:
        started = time.perf_counter()
        deadline = time.monotonic() + CASE_TIMEOUT
        res = self.call("POST /api/cases", "POST", "/api/cases", "caseworker",
                        application(offset=self.offset))
        if res.status_code != 201:
            raise RuntimeError(f"open case: HTTP {res.status_code}: {res.text[:200]}")
        case = res.json()
        if self.mode == "worklist":
            self.follow_worklist(case, deadline)
        elif self.mode == "next":
            self.follow_next_tasks(case, deadline)
        else:
            self.follow_case_file(case, deadline)
        finished = time.perf_counter()
        with self.stats.lock:
            self.stats.finished_at.append(finished)
            self.stats.case_seconds.append(finished - started)

    def complete(self, task: dict[str, Any]) -> dict[str, Any]:
        today = today_in_warsaw(datetime.now().astimezone()).isoformat()
        data = form_data(task["name"], today)
        if task["name"] == "draft_decision":
            # The draft starts from what the form opens with: the computed amount, a lawful period.
            res = self.call("GET /api/tasks/{id}", "GET", f"/api/tasks/{task['id']}", task["role"])
            data.update(res.json()["context"].get("initial") or {})
        body = {"data": data, "version": task["version"]}
        res = self.call("POST /api/tasks/{id}/complete", "POST", f"/api/tasks/{task['id']}/complete",
                        task["role"], body)
        if res.status_code != 200:
            raise RuntimeError(f"complete {task['name']}: HTTP {res.status_code}: {res.text[:200]}")
        return dict(res.json())

    def follow_next_tasks(self, case: dict[str, Any], deadline: float) -> None:
        """As an API client would: take the next task from the complete response; while a
        background job runs, poll the worklist; read the case file only for the schedule."""
        case_id, tasks, last = case["id"], case["open_tasks"], ""
        wait = POLL_INTERVAL
        while time.monotonic() < deadline:
            if tasks:
                done = self.complete(tasks[0])
                last, tasks, wait = tasks[0]["name"], done["next_tasks"], POLL_INTERVAL
                continue
            time.sleep(wait)
            wait = min(POLL_MAX, wait * 2)
            if last == FINAL_TASK:
                if self.read_case(case_id)["schedule"]:
                    return
                continue
            res = self.call("GET /api/tasks?scope=team", "GET", "/api/tasks?scope=team", "supervisor")
            if res.status_code != 200:
                raise RuntimeError(f"worklist: HTTP {res.status_code}")
            tasks = [t for t in res.json() if t["case_id"] == case_id]
        raise RuntimeError(f"case {case_id} not scheduled within {CASE_TIMEOUT:.0f} s")

    def read_case(self, case_id: int) -> dict[str, Any]:
        res = self.call("GET /api/cases/{id}", "GET", f"/api/cases/{case_id}", "caseworker")
        if res.status_code != 200:
            raise RuntimeError(f"read case: HTTP {res.status_code}")
        return dict(res.json())

    def follow_case_file(self, case: dict[str, Any], deadline: float) -> None:
        """As the integration test and the case page do: read the case file after every step."""
        wait = POLL_INTERVAL
        while time.monotonic() < deadline:
            # A full grant is scheduled at issue (art. 130 § 4 KPA): done once also final.
            if case["schedule"] and (case.get("decision") or {}).get("status") == "final":
                return
            if case["open_tasks"]:
                self.complete(case["open_tasks"][0])
                wait = POLL_INTERVAL
            else:
                # A background job (eligibility, document, schedule) is running in the worker.
                time.sleep(wait)
                wait = min(POLL_MAX, wait * 2)
            case = self.read_case(case["id"])
        raise RuntimeError(f"case {case['id']} not scheduled within {CASE_TIMEOUT:.0f} s")

    def follow_worklist(self, case: dict[str, Any], deadline: float) -> None:
        """Find the next task in the worklist (GET /api/tasks, not audited, one table) instead of
        the case file; read the case file only to see the payment schedule at the end."""
        case_id, tasks, last = case["id"], case["open_tasks"], ""
        wait = POLL_INTERVAL
        while time.monotonic() < deadline:
            if tasks:
                self.complete(tasks[0])
                last, tasks, wait = tasks[0]["name"], [], POLL_INTERVAL
            if last == FINAL_TASK:
                time.sleep(wait)
                wait = min(POLL_MAX, wait * 2)
                if self.read_case(case_id)["schedule"]:
                    return
                continue
            res = self.call("GET /api/tasks?scope=team", "GET", "/api/tasks?scope=team", "supervisor")
            if res.status_code != 200:
                raise RuntimeError(f"worklist: HTTP {res.status_code}")
            tasks = [t for t in res.json() if t["case_id"] == case_id]
            if not tasks:
                time.sleep(wait)
                wait = min(POLL_MAX, wait * 2)
        raise RuntimeError(f"case {case_id} not scheduled within {CASE_TIMEOUT:.0f} s")


def machine_cpu() -> tuple[float, float]:
    """(busy, total) jiffies of the whole machine from /proc/stat."""
    try:
        values = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    except (OSError, ValueError):
        return 0.0, 0.0
    idle = values[3] + (values[4] if len(values) > 4 else 0)
    return float(sum(values) - idle), float(sum(values))


def drive(base: str, tokens: dict[str, str], clients: int, warmup: float, window: float,
          offset: int, pids: dict[str, int] | None = None, mode: str = "next") -> dict[str, Any]:
    """Run `clients` threads; count cases finished inside the measurement window.

    `pids` names server processes whose CPU use (with their children) is reported for the window.
    """
    pids = pids or {}
    stats = Stats()
    stop = threading.Event()
    threads = [CaseClient(base, tokens, stats, stop, offset + i * 200_000, mode) for i in range(clients)]
    cpu0 = time.process_time()
    t_start = time.perf_counter()
    for t in threads:
        t.start()
    time.sleep(warmup)
    with stats.lock:
        mark = {k: len(v) for k, v in stats.latencies.items()}
        requests0 = stats.requests
    cpu_before = {name: cpu_times([pid]) for name, pid in pids.items()}
    pg_before = {pid: cpu_times([pid]) for pid in pg_backend_pids()}
    client_before = time.process_time()
    busy0, total0 = machine_cpu()
    w0 = time.perf_counter()
    time.sleep(window)
    w1 = time.perf_counter()
    busy1, total1 = machine_cpu()
    cores = os.cpu_count() or 1
    span = w1 - w0
    cpu_share = {name: (cpu_times([pid]) - cpu_before[name]) / span for name, pid in pids.items()}
    cpu_share["bench clients"] = (time.process_time() - client_before) / span
    # Backends of the benchmark database (a backend that connected mid-window counts in full).
    cpu_share["PostgreSQL (pomoc_bench backends)"] = sum(
        cpu_times([pid]) - pg_before.get(pid, 0.0) for pid in pg_backend_pids()) / span
    machine_busy = (busy1 - busy0) / (total1 - total0) * cores if total1 > total0 else float("nan")
    rest = max(0.0, machine_busy - sum(cpu_share.values()))
    cpu_share["rest of the machine (Redis, OS, other work)"] = rest
    with stats.lock:
        finished = [t for t in stats.finished_at if w0 <= t < w1]
        in_window = {k: v[mark.get(k, 0):] for k, v in stats.latencies.items()}
        requests = stats.requests - requests0
    stop.set()
    for t in threads:
        t.join(timeout=CASE_TIMEOUT + 5)
    cpu = time.process_time() - cpu0
    total = time.perf_counter() - t_start
    complete = in_window.get("POST /api/tasks/{id}/complete", [])
    return {
        "clients": clients,
        "window_s": w1 - w0,
        "cases": len(finished),
        "cases_per_s": len(finished) / (w1 - w0),
        "requests_per_s": requests / (w1 - w0),
        "requests_per_case": requests / max(1, len(finished)),
        "case_p50_s": median(stats.case_seconds),
        "complete_p50_ms": median(complete) * 1000,
        "complete_p95_ms": percentile(complete, 95) * 1000,
        "complete_n": len(complete),
        "endpoints": {k: {"n": len(v), "p50_ms": median(v) * 1000, "p95_ms": percentile(v, 95) * 1000}
                      for k, v in in_window.items()},
        "statuses": dict(stats.statuses),
        "failures": stats.failures[:5],
        "failure_count": len(stats.failures),
        "client_cpu_share": cpu / total if total else 0.0,
        "machine_busy_cores": machine_busy,
        "cpu_cores_by_process": cpu_share,
        # CPU time per finished case: less sensitive to other work on the machine than cases/s.
        "cpu_ms_per_case": {k: v * span / max(1, len(finished)) * 1000 for k, v in cpu_share.items()},
        "mode": mode,
    }


@contextlib.contextmanager
def server(procs: Processes, cfg: dict[str, Any], instance_dir: Path, config: ServerConfig,
           extra_args: list[str] | None = None, extra_env: dict[str, str] | None = None,
           ) -> Iterator[tuple[str, dict[str, str], int]]:
    """A running gunicorn: (base URL, tokens for the caseworker and the supervisor, master pid).

    One case is opened before the clients start: the first case of a year creates the case
    number counter row, and concurrent first cases race on it (see docs/PERFORMANCE.md).
    """
    proc, base = start_gunicorn(procs, cfg, instance_dir, config, extra_args, extra_env)
    try:
        tokens = {"caseworker": login(base, "caseworker1"), "supervisor": login(base, "supervisor")}
        res = httpx.post(f"{base}/api/cases", json=application(offset=165_000_000), timeout=30,
                         headers={"Authorization": f"Bearer {tokens['caseworker']}"})
        if res.status_code != 201:
            raise RuntimeError(f"POST /api/cases answered {res.status_code}; gunicorn log:\n"
                               + log_tail(instance_dir / f"gunicorn-{config.workers}x{config.threads}.log"))
        yield base, tokens, proc.pid
    finally:
        procs.stop(proc)


def cpu_times(pids: list[int]) -> float:
    """User+system CPU seconds of processes and their children (Linux /proc), for utilisation."""
    total = 0.0
    tick = os.sysconf("SC_CLK_TCK")
    for pid in pids:
        try:
            children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        except OSError:
            children = []
        for p in [pid, *map(int, children)]:
            try:
                fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
                total += (int(fields[11]) + int(fields[12])) / tick
            except (OSError, IndexError, ValueError):
                continue
    return total
