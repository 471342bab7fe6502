"""Failures people cannot fix: they get a clear message and an error id, the log gets the details.

No exception text reaches a page or an API response: it may name variables, echo values typed in
(PESEL, incomes) or expose the code. The error id, a short random string, ties what the user
reports to the log line, which carries the redacted details (app/services/redact.py).
"""

from __future__ import annotations

import logging
import re
import secrets

from app.domain.messages import Code, msg
from app.services.kernel.errors import ServiceError
from app.services.kernel.redact import describe
from app.workflow_engine import EngineError

log = logging.getLogger("pomoc.failures")

# The engine names the failing element first: "ScriptTask 'set_complete' (Ustal ...) in ...".
_STEP = re.compile(r"^\w+ '([\w.-]{1,100})'")


def new_error_id() -> str:
    """A short random id to quote to the administrator (8 hex digits)."""
    return secrets.token_hex(4)


def redacted_chain(exc: BaseException) -> str:
    """What failed, without foreign exception messages.

    The innermost cause is described by type and place only, unless it is an engine error (our
    own words); for a NameError/AttributeError the missing name is kept (an identifier of the
    script, not data).
    """
    root = exc
    while root.__cause__ is not None:
        root = root.__cause__
    detail = describe(root)  # the message only for our own (engine, service) errors
    name = getattr(root, "name", None) if isinstance(root, NameError | AttributeError) else None
    if isinstance(name, str) and name.isidentifier():
        detail += f" (name {name!r})"
    return detail


def workflow_failed(exc: EngineError, *, case_id: int | None, task: str | None) -> ServiceError:
    """The error to raise when a workflow script or expression failed (logged here with an id)."""
    error_id = new_error_id()
    found = _STEP.match(str(exc))
    step = found[1] if found else None
    log.error("workflow failed (error id %s) on case %s, task %s, at step %s: %s",
              error_id, case_id, task, step, redacted_chain(exc))
    if step:
        message = msg(Code.WORKFLOW_FAILED_AT_STEP, step=step, error_id=error_id)
    else:
        message = msg(Code.WORKFLOW_FAILED, error_id=error_id)
    return ServiceError(message, error_id=error_id)
