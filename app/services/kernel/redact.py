"""Describing errors for logs without personal data.

Database errors carry the failing values (PostgreSQL's "Key (pesel)=(…) already exists"), and
arbitrary exceptions may echo their input, so logs get the error's type, the SQLSTATE where there
is one, and where in our code it happened — never the message. Our own errors (ServiceError,
engine errors) are written for people and never contain personal data, so their messages stay.
"""

from __future__ import annotations

import traceback

from sqlalchemy.exc import DBAPIError

from app.services.kernel.errors import ServiceError
from app.workflow_engine import EngineError


def describe(exc: BaseException) -> str:
    """A one-line, personal-data-free description of an exception."""
    where = _where(exc)
    if isinstance(exc, ServiceError | EngineError):
        return f"{type(exc).__name__}: {exc}{where}"
    if isinstance(exc, DBAPIError):
        orig = exc.orig
        code = getattr(orig, "sqlstate", None) or getattr(orig, "sqlite_errorname", None) or ""
        return f"{type(exc).__name__}({type(orig).__name__}{' ' + code if code else ''}){where}"
    return f"{type(exc).__name__}{where}"


def _where(exc: BaseException) -> str:
    """The innermost frame of our own code (file:line in function)."""
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if "/app/" in f.filename
              or "/tasks/" in f.filename]
    if not frames:
        return ""
    f = frames[-1]
    short = f.filename.split("/app/", 1)[-1] if "/app/" in f.filename else f.filename.split("/")[-1]
    return f" at {short}:{f.lineno} in {f.name}"
