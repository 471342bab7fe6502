"""The app as gunicorn serves it, recording the name of every template Flask renders (one line
per render, appended to the file named by POMOC_TEMPLATE_LOG): the accessibility test checks
that it has seen every page template."""

from __future__ import annotations

import os
from typing import Any

from flask import Flask, template_rendered

from app import create_app


def create() -> Flask:
    """create_app() with the template recorder connected."""
    app = create_app()
    log = os.environ["POMOC_TEMPLATE_LOG"]

    def record(sender: Flask, template: Any, context: dict[str, Any], **extra: Any) -> None:
        with open(log, "a", encoding="utf-8") as f:  # one short append per render
            f.write(f"{template.name}\n")

    template_rendered.connect(record, app, weak=False)
    return app
