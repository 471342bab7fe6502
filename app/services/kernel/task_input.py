"""What every case action reads from a completed form: ISO dates, today in Warsaw, and the
refusal of a submission that breaks a rule of law or of the facts (422, each rule coded)."""

from __future__ import annotations

from datetime import date
from typing import Any

from app.domain.deadlines import today_in_warsaw
from app.domain.messages import Code, msg
from app.domain.violations import Violation, by_field
from app.services.kernel.context import UnitOfWork
from app.services.kernel.errors import ValidationFailed
from app.services.kernel.json_input import iso_date


class RuleViolated(ValidationFailed):
    """A submission breaks a rule of law or of the facts: 422, each rule with code and article.

    ``errors`` maps the fields to the message of their rule (the form shows it beside the
    field); the API body also lists ``violations`` (code, field, article, message, params).
    """

    def __init__(self, message: str, violations: list[Violation]) -> None:
        super().__init__(message, by_field(violations))
        self.violations = violations
        self.extra = {"violations": [v.as_dict() for v in violations]}


FACTS_MESSAGE = msg(Code.FACTS_DISAGREE)


def refuse_if(violations: list[Violation], message: str = FACTS_MESSAGE) -> None:
    if violations:
        raise RuleViolated(message, violations)


def day(value: Any) -> date | None:
    """A form's date through the one strict parser (no week dates such as "2026-W10-1", which
    ``date.fromisoformat`` reads): anything else counts as missing."""
    return iso_date(value)


def today(uow: UnitOfWork) -> date:
    return today_in_warsaw(uow.ctx.now())
