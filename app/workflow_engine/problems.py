"""A problem found in a BPMN definition before deploy, named by its file and element.

Every deploy check (structure, the contract between diagrams and code, the rehearsal) reports
these, so the API's 422 and the modeler's markers show each problem on the element it concerns.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Problem:
    """One reason a definition cannot be deployed.

    ``code`` is stable (API clients and the modeler use it); ``message`` is plain English with
    the element named; ``params`` hold the values the message names (never personal data).
    ``element_id`` is None for a problem of a whole file (e.g. unreadable XML).
    """

    file: str
    element_id: str | None
    code: str
    message: str
    element_name: str | None = None
    params: dict[str, Any] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        """JSON-safe: what the 422 body lists under ``problems``."""
        return {"file": self.file, "element_id": self.element_id, "element_name": self.element_name,
                "code": self.code, "message": self.message, "params": dict(self.params)}
