"""The centre's name in the page header, from the office settings (the one name documents,
the bank file and the cash-desk list print). Read once and kept for a short while per process,
so a page costs no extra statement; saving the settings on the admin page forgets it at once,
and another process sees the change within ``TTL_SECONDS``."""

from __future__ import annotations

import time

from flask import Flask, current_app
from sqlalchemy.exc import SQLAlchemyError

from app.services.documents import office
from app.web.context import services

TTL_SECONDS = 30.0
_KEY = "pomoc_centre_header"


def centre_name(app: Flask | None = None) -> str:
    """The centre's name ('' when the office is not set, or the database cannot be read)."""
    app = app or current_app
    kept = app.extensions.get(_KEY)
    now = time.monotonic()
    if kept is not None and now - kept[1] < TTL_SECONDS:
        return str(kept[0])
    try:
        with services(app).uow(readonly=True) as uow:
            name = office.centre_header(uow)
    except SQLAlchemyError:
        return ""  # an error page still renders when the database is down
    app.extensions[_KEY] = (name, now)
    return name


def forget(app: Flask | None = None) -> None:
    """Drop the kept name (after the office settings change)."""
    (app or current_app).extensions.pop(_KEY, None)
