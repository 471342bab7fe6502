"""gunicorn config that runs each worker under cProfile and dumps its stats on exit.

Used by `python -m bench.profile --http`: POMOC_BENCH_PROFILE_DIR names the output folder;
each worker writes worker-<pid>.prof when it exits (SIGTERM to the master).
"""

from __future__ import annotations

import cProfile
import os
from pathlib import Path
from typing import Any

_profiler: cProfile.Profile | None = None


def post_worker_init(worker: Any) -> None:
    """Start profiling in the worker process (sync workers serve requests on this thread)."""
    global _profiler
    _profiler = cProfile.Profile()
    _profiler.enable()


def worker_exit(server: Any, worker: Any) -> None:
    """Write the worker's profile."""
    if _profiler is None:
        return
    _profiler.disable()
    out = Path(os.environ.get("POMOC_BENCH_PROFILE_DIR", "."))
    _profiler.dump_stats(str(out / f"worker-{os.getpid()}.prof"))
