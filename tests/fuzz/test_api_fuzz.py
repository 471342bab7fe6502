"""Schemathesis against a live server: every API operation, every check, a fixed seed.

gunicorn serves the app on the session's PostgreSQL database, seeded with the demo users and
cases. Three runs, each with its own bearer token: the case roles (the supervisor holds every
case-role operation), the admin (definitions, migration, incidents) and the sign-in operations
(with a throwaway token, since revoking it is one of them). The run must end with no 5xx and no
failed check; it prints the requests per operation, the total and the 5xx count.

Bounded for a slow 2-core machine: `FUZZ_EXAMPLES` examples per operation (POMOC_FUZZ_EXAMPLES;
150 give about 12,800 requests, 5,200 of them from the coverage phase of the document's
patterns and enums, in 290-430 s here depending on the load), derandomized generation with a
fixed seed, so two runs send the same requests (no `max-time`: a time budget would make the run
depend on the machine's speed); the pytest timeout is the backstop. POMOC_FUZZ_REPORT=<file>
writes each distinct failure with a curl line to reproduce it; POMOC_FUZZ_ONLY=<path regex>
fuzzes only the matching operations (for iterating on a few; the run then skips the coverage
asserts at the end).

`positive_data_acceptance` is on (issue 19 finding 9): a request the document declares valid must
get a 2xx, or a 401/403/404/409/429 (schemathesis' defaults: the token, the role, an id that names
nothing, a state). A 422 is accepted only for the operations in REFUSALS_422, each with what the
server refuses there that no JSON Schema can say; everywhere else the document says it
(app/web/api/openapi_requests.py: real dates in 1900-2199, ASCII digits, amounts, enums, lengths,
no character the edge refuses).
"""

from __future__ import annotations

import os
import re
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import requests
import schemathesis
from schemathesis.engine import Status, events, from_schema

from tests.integration.conftest import purge_broker, stop_worker
from tests.live import start_server

pytestmark = [pytest.mark.integration, pytest.mark.timeout(1200)]

FUZZ_EXAMPLES = int(os.environ.get("POMOC_FUZZ_EXAMPLES", "150"))
SEED = 20261203
# A path regex to fuzz only some operations while iterating (the CI run leaves it unset).
ONLY = os.environ.get("POMOC_FUZZ_ONLY")
ADMIN_PATHS = r"^/api/(definitions|instances/migrate|incidents)"
SIGN_IN_PATHS = r"^/api/auth/"


# schemathesis' own default for positive_data_acceptance (a 5xx still fails not_a_server_error).
ACCEPTED = ["2xx", "3xx", "401", "403", "404", "409", "429", "5xx"]
_CHECKSUM = "a PESEL's check digit and the birth date it encodes (future births)"
_TODAY = "a date after today"
REFUSALS_422: dict[str, str] = {
    "POST /api/cases": f"{_CHECKSUM}; an NRB's check digits; the same person twice; "
                       "requested_from within 12 months of the application date",
    "POST /api/cases/check": f"{_CHECKSUM}; the same person twice; requested_from within 12 "
                             "months of the application date",
    "POST /api/payments/{payment_id}/reissue": "an NRB's check digits",
    "POST /api/recoveries/{recovery_id}/decisions": "an NRB's check digits; amounts against the "
                                                    "debt (write-off, instalments' sum); "
                                                    "repay_by before today",
    "POST /api/cases/{case_id}/recoveries": f"payments that are not paid payments of this case "
                                            f"(state); {_TODAY}",
    "POST /api/recoveries/{recovery_id}/repayments": f"{_TODAY}; an overpayment (state)",
    "GET /api/cases/{case_id}/recoveries": f"`on` {_TODAY}",
    "GET /api/persons/{person_id}/recovery-balance": f"`on` {_TODAY}",
    "POST /api/cases/{case_id}/letters": "new_date after today, the appeal's dates not after "
                                         "it and not before the decision; an issued decision "
                                         "and the office's details (state)",
    "POST /api/cases/{case_id}/appeals": "posting before receipt, receipt not after today, "
                                         "posting not before the decision's delivery (state)",
    "POST /api/cases/{case_id}/decision-changes": "effective_from within the decision's period "
                                                  "(state)",
    "POST /api/payment-lists/{list_id}/settle": "`on` between the list's approval (and its "
                                                "payment date) and today; a reference",
    "POST /api/payments/{payment_id}/settle": "`on` between the list's approval (and its payment "
                                              "date) and today; a reference (state)",
    "POST /api/payments/run": "a month more than one month ahead of today (issue 19 part 3)",
    "GET /api/payment-lists/{list_id}/export/{kind}": "an Elixir-O export of a list with an "
                                                      "invalid account, or with no transfer "
                                                      "(state)",
    "POST /api/eligibility": "a date outside the legal parameters' dated range",
    "POST /api/deadlines": "a date outside the legal parameters' dated range; days under the "
                           "statutory minimum for the kind",
    "POST /api/definitions": "a BPMN that does not parse, compile or pass the deploy checks",
    "POST /api/definitions/check": "a BPMN that does not parse or compile",
    "POST /api/instances/migrate": "to_version not newer than from_version (two fields)",
    "POST /api/tasks/{task_id}/assign": "a user without the task's role (state)",
    "POST /api/tasks/{task_id}/complete": "data against the task's own form schema (state)",
    "POST /api/debtors": f"{_CHECKSUM}; birth date and sex without a PESEL (two fields); "
                         f"{_TODAY}; a case that is not an FA case (state)",
    "POST /api/debtors/{procedure_id}/dues": _TODAY,
    "POST /api/debtors/{procedure_id}/receipts": f"{_TODAY}; before the last receipt or above "
                                                 "what the debtor owes (state)",
    "POST /api/social-work": f"a person not in the register, a case of another family (state); "
                             f"opened_on {_TODAY}",
    "GET /api/reports/family-benefits": "the period's fields together: a year (with its half) "
                                        "or from and to, not both and not neither; to not "
                                        "before from; at most 24 months",
    "GET /api/reports/fa": "the period's fields together: a year (with its half) or from and "
                           "to, not both and not neither; to not before from; at most 24 months",
    "GET /api/dashboard": "the last month before the first, a period over 36 months; a "
                          "caseworker id that names no caseworker (state)",
    "GET /api/dashboard/cases": "the last month before the first, a period over 36 months; a "
                                "caseworker id that names no caseworker (state)",
    "POST /api/social-work/{record_id}/entries": f"`on` {_TODAY}",
    "POST /api/social-work/{record_id}/goals": f"set_on {_TODAY}",
    "POST /api/social-work/{record_id}/contracts": f"what a signed contract or a refusal needs "
                                                   f"(status against fields); {_TODAY}; a review "
                                                   f"before the conclusion; a party not of the "
                                                   f"family (state)",
    "POST /api/social-contracts/{contract_id}/review": f"reviewed_on {_TODAY} or before the "
                                                       f"conclusion (state)",
    "POST /api/social-contracts/{contract_id}/outcome": f"outcome_on {_TODAY} or before the "
                                                        f"conclusion (state)",
    "GET /api/social-work/given": "end before start (two parameters)",
}


@pytest.fixture(scope="module")
def live_api(test_config: dict[str, Any], instance_dir: Path, session_ctx: Any) -> Iterator[str]:
    """gunicorn on the test database with the demo cases (no worker: jobs wait in the broker)."""
    from app.cli.seed import seed_demo
    from tests.conftest import truncate_case_data

    truncate_case_data(session_ctx)
    seed_demo(session_ctx)
    purge_broker(test_config)
    server, url = start_server(test_config, instance_dir, name="gunicorn-fuzz")
    yield url
    stop_worker(server)
    purge_broker(test_config)
    truncate_case_data(session_ctx)


def _token(url: str, username: str) -> str:
    response = requests.post(f"{url}/api/auth/token", json={"username": username, "password": "demo"},
                             timeout=30)
    assert response.status_code == 200, response.text
    return str(response.json()["token"])


@dataclass
class Tally:
    """What the runs sent and what came back."""

    requests: Counter[str] = field(default_factory=Counter)
    phases: Counter[str] = field(default_factory=Counter)
    server_errors: Counter[str] = field(default_factory=Counter)
    failures: dict[str, str] = field(default_factory=dict)
    failed_requests: Counter[str] = field(default_factory=Counter)  # per check and failure code
    errors: list[str] = field(default_factory=list)


def _config(url: str, token: str, stateful: bool) -> schemathesis.Config:
    return schemathesis.Config.from_dict({
        "seed": SEED,
        "base-url": url,
        "headers": {"Authorization": f"Bearer {token}"},
        "request-timeout": 60,
        "generation": {"max-examples": FUZZ_EXAMPLES, "deterministic": True,
                       "database": "none", "mode": "all"},
        # Every check, positive_data_acceptance too (REFUSALS_422 names where a 422 is a refusal
        # of schema-valid input that JSON Schema cannot express).
        "checks": {"enabled": True},
        "operations": [
            {"include-name": name,
             "checks": {"positive_data_acceptance": {"expected-statuses": [*ACCEPTED, "422"]}}}
            for name in REFUSALS_422],
        # Stateful: follow the document's links (a new case -> its task -> claim, ...); the
        # admin and sign-in runs have none to follow.
        "phases": {"stateful": {"enabled": stateful, "max-steps": 6}},
        "warnings": False,
        # Every request of every operation is sent and checked, so a failure is counted per request.
        "continue-on-failure": True,
    })


def _run(url: str, token: str, tally: Tally, *, include: str | None = None,
         exclude: tuple[str, ...] = ()) -> None:
    config = _config(url, token, stateful=include is None and not ONLY)
    schema = schemathesis.openapi.from_url(f"{url}/api/openapi.json", config=config)
    # Selection by exclusion only: an include() is widened by the config's `operations` entries
    # (each `include-name` there selects its operation into every run).
    for wanted in (include, ONLY):
        if wanted:
            schema = schema.exclude(lambda ctx, w=wanted: re.search(w, ctx.operation.path) is None)
    for pattern in exclude:
        schema = schema.exclude(path_regex=pattern)
    for event in from_schema(schema).execute():
        if isinstance(event, events.ScenarioFinished | events.FuzzScenarioFinished):
            recorder = event.recorder
            for case_id, interaction in recorder.interactions.items():
                node = recorder.cases.get(case_id)
                label = node.value.operation.label if node else recorder.label
                tally.requests[label] += 1
                tally.phases[event.phase.value if isinstance(event, events.ScenarioFinished)
                             else "fuzz"] += 1
                if interaction.response is not None and interaction.response.status_code >= 500:
                    tally.server_errors[label] += 1
            for case_id, checks in recorder.checks.items():
                for check in checks:
                    if check.status == Status.FAILURE and check.failure_info is not None:
                        failure = check.failure_info.failure
                        tally.failed_requests[f"{check.name} ({failure.code})"] += 1
                        interaction = recorder.interactions.get(case_id)
                        answer = (b"" if interaction is None or interaction.response is None
                                  else interaction.response.content[:300]).decode(errors="replace")
                        key = (f"{failure.operation} [{check.name}] {failure.title}: "
                               f"{failure.message[:300]}\n    -> {answer[:200]}")
                        tally.failures.setdefault(key, check.failure_info.code_sample[:800])
        elif isinstance(event, events.NonFatalError | events.FatalError):
            tally.errors.append(f"{type(event).__name__}: {getattr(event, 'info', event)}"[:600])


def test_the_api_survives_schemathesis(live_api: str, capsys: pytest.CaptureFixture[str]) -> None:
    tally = Tally()
    started = time.monotonic()
    # Every token first: the runs' failed sign-ins may lock the address out for 15 minutes.
    tokens = {user: _token(live_api, user) for user in ("supervisor", "admin", "caseworker2")}
    _run(live_api, tokens["supervisor"], tally, exclude=(ADMIN_PATHS, SIGN_IN_PATHS))
    sign_ins = tally.requests["POST /api/auth/token"]
    _run(live_api, tokens["admin"], tally, include=ADMIN_PATHS)
    assert tally.requests["POST /api/auth/token"] == sign_ins, "sign-in outside its own run"
    _run(live_api, tokens["caseworker2"], tally, include=SIGN_IN_PATHS)
    elapsed = time.monotonic() - started

    lines = [f"schemathesis: {sum(tally.requests.values())} requests in {elapsed:.0f} s, "
             f"{sum(tally.server_errors.values())} with a 5xx, {len(tally.failures)} failed checks"]
    lines.append("  failed requests: " + (", ".join(
        f"{k} {n}" for k, n in sorted(tally.failed_requests.items())) or "none"))
    lines.append("  by phase: " + ", ".join(f"{k} {n}" for k, n in sorted(tally.phases.items())))
    lines += [f"  {n:5d}  {label}" for label, n in sorted(tally.requests.items())]
    with capsys.disabled():  # the figures show in every run, passed or not
        print("\n" + "\n".join(lines))
    failures = "\n".join(f"{key}\n    {sample}" for key, sample in tally.failures.items())
    if os.environ.get("POMOC_FUZZ_REPORT"):  # the distinct failures with a curl each
        Path(os.environ["POMOC_FUZZ_REPORT"]).write_text(failures)
    assert not tally.errors, "\n".join(tally.errors)
    assert not tally.server_errors, tally.server_errors
    assert not tally.failures, failures
    if ONLY:
        return  # a partial run: the coverage asserts below are for the whole document
    assert len(tally.requests) >= 30, "every operation must be exercised"
    assert set(REFUSALS_422) <= set(tally.requests), set(REFUSALS_422) - set(tally.requests)
    assert tally.phases["stateful"], "the links were followed"
