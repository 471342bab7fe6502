"""Deploy validation time for the shipped diagrams, and replay time per 100 past cases.

Run alone with `.venv/bin/python -m bench.deploy_check` (no database needed); `make bench`
runs it too (bench/run.py). Prints the figures and, as its last line, one JSON object.
"""

from __future__ import annotations

import json
import statistics
import time
from typing import Any

from app.services.definitions.deploy import _contract_problems
from app.services.registration import register_all
from app.services.workflow.script_functions import script_functions
from app.workflow_engine import DefinitionRef, WorkflowEngine, load_sources
from app.workflow_engine.compiler import screen_sources
from app.workflow_engine.fixtures import canned_form_data
from app.workflow_engine.lint import lint
from app.workflow_engine.rehearsal import BENEFITS, rehearse
from app.workflow_engine.replay import CaseHistory, replay

from .common import ROOT

HAPPY = ("completeness_check", "conduct_interview", "draft_decision", "approve_decision",
         "record_delivery", "appeal_window")


def histories(baseline: DefinitionRef, count: int = 100) -> list[CaseHistory]:
    """`count` recorded-like cases: every benefit, some incomplete or appealed."""
    out = []
    for i in range(count):
        benefit = BENEFITS[i % len(BENEFITS)]
        steps = [{"task": name, "data": canned_form_data(name)} for name in HAPPY]
        if i % 7 == 3:  # left incomplete
            steps = [{"task": "completeness_check",
                      "data": canned_form_data("completeness_check", complete=False, missing_items="x")}]
        elif i % 7 == 5:  # appealed, forwarded to SKO
            steps[-1]["data"] = canned_form_data("appeal_window", appeal_event="appeal_filed")
            steps.append({"task": "handle_appeal", "data": canned_form_data("handle_appeal")})
        out.append(CaseHistory(i + 1, {"case_id": i + 1, "benefit": benefit, "urgent": False,
                                       "application_date": "2026-03-02"}, steps, baseline=baseline))
    return out


def bench(repeats: int = 5) -> dict[str, Any]:
    # The contract checks the diagrams against the actions and operations the sub-domains
    # register at start-up; this bench builds no service context, so it registers them itself.
    register_all()
    sources, forms = load_sources(ROOT / "workflows")
    phases: dict[str, list[float]] = {k: [] for k in
                                      ("screen", "lint", "compile", "contract", "rehearsal", "total")}
    compiled = None
    for _ in range(repeats):
        engine = WorkflowEngine(script_functions())  # a cold engine: nothing cached
        t0 = time.perf_counter()
        assert screen_sources(sources) == []
        t1 = time.perf_counter()
        assert lint(sources, forms, engine.function_names) == []
        t2 = time.perf_counter()
        compiled = engine.compile(sources, "benefit_case", forms)
        t3 = time.perf_counter()
        assert _contract_problems(dict(sources), forms) == []
        t4 = time.perf_counter()
        assert rehearse(engine, compiled, forms) == []
        t5 = time.perf_counter()
        for key, a, b in (("screen", t0, t1), ("lint", t1, t2), ("compile", t2, t3),
                          ("contract", t3, t4), ("rehearsal", t4, t5), ("total", t0, t5)):
            phases[key].append((b - a) * 1000)
    assert compiled is not None
    ref = DefinitionRef(compiled.content_hash, lambda: compiled.spec_blob)
    cases = histories(ref)
    replay(engine, compiled, cases[:5], forms)  # warm the spec cache
    runs = []
    for _ in range(3):
        t0 = time.perf_counter()
        report = replay(engine, compiled, cases, forms)
        runs.append((time.perf_counter() - t0) * 1000)
        assert report["changed"] == 0, report["cases"][:1]
    return {
        "validation_ms": {k: round(statistics.median(v), 1) for k, v in phases.items()},
        "replay_ms_per_100_cases": round(statistics.median(runs), 1),
        "replay_note": "each case replayed twice: on its own version and on the candidate",
    }


def main() -> int:
    result = bench()
    v = result["validation_ms"]
    print(f"deploy validation of the shipped diagrams: {v['total']:.0f} ms (median of 5; "
          f"screen {v['screen']:.0f}, lint {v['lint']:.0f}, compile {v['compile']:.0f}, "
          f"contract {v['contract']:.0f}, rehearsal {v['rehearsal']:.0f})")
    print(f"replay of 100 past cases: {result['replay_ms_per_100_cases']:.0f} ms")
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
