"""A broken rule, as the domain reports it: a code, the article it rests on and a message.

``message`` is English (the API's language); ``code`` and ``params`` let a client render it in any
language, and :attr:`Violation.msg` is the rule in the catalogue's words
(app/domain/messages.py, ``rule.<code>``, or the variant the rule names in ``template``), which
pages render in Polish. ``field`` names the form field the rule is about (the one the person has
to change).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

from app.domain.messages import MessageCode, Msg, code_of


@dataclass(frozen=True)
class Violation:
    """One broken rule of a decision or of the facts recorded in a case."""

    code: str
    field: str
    article: str
    message: str
    params: dict[str, str] = dataclasses.field(default_factory=dict)
    template: MessageCode | None = None

    @property
    def msg(self) -> Msg:
        """The rule and its article as a coded message: ``rule.<code>`` unless a variant is named.

        Its English text is :attr:`text` (tests/unit/domain/test_rule_messages.py checks it).
        """
        return Msg(self.template or code_of(f"rule.{self.code}"), {**self.params, "article": self.article})

    @property
    def text(self) -> str:
        """The message followed by its legal basis: 'The amount … (art. 38 ust. 2–4 u.p.s.).'"""
        return f"{self.message.rstrip('.')} ({self.article})."

    def as_dict(self) -> dict[str, Any]:
        """A JSON-safe form for API error bodies."""
        return {"code": self.code, "field": self.field, "article": self.article,
                "message": self.text, "params": dict(self.params)}


def by_field(violations: list[Violation]) -> dict[str, str]:
    """Field -> message of the first violation on that field (a form shows one per field), coded
    so that pages render it from the catalogue."""
    fields: dict[str, str] = {}
    for v in violations:
        fields.setdefault(v.field, v.msg)
    return fields
