"""Handing out stored files (pages and API alike)."""

from __future__ import annotations

from flask import Response


def pdf_response(content: bytes, file_name: str) -> Response:
    """A stored PDF as a download: the exact bytes, as an attachment (never shown inline)."""
    return Response(content, mimetype="application/pdf", headers={
        "Content-Disposition": f'attachment; filename="{file_name}"',
        "Content-Length": str(len(content))})
