"""Exceptions raised by the domain for bad input; both are ValueErrors.

A message may be a :class:`~app.domain.messages.Msg` (a code with parameters, English as text);
``code`` and ``params`` are then set, so the UI can say it in its own language.
"""

from __future__ import annotations

from collections.abc import Mapping

from app.domain.messages import MessageCode, Msg, msg


def _code_of(message: str) -> tuple[str | None, Mapping[str, object]]:
    if isinstance(message, Msg):
        return str(message.code), message.params
    return None, {}


class InvalidInput(ValueError):
    """Bad input to a domain calculation; ``field`` is a path like 'members[0].net_income'."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message
        self.code, self.params = _code_of(message)

    def as_dict(self) -> dict[str, object]:
        """Return a JSON-safe form for API error bodies."""
        out: dict[str, object] = {"field": self.field, "message": self.message}
        if self.code:
            out.update(code=self.code, params=dict(self.params))
        return out


class InvalidIdentifier(ValueError):
    """A PESEL or bank account number that is not valid; ``code`` names the kind of error.

    Raised as ``InvalidIdentifier(Code.PESEL_LENGTH, length=10)``; ``message`` is the
    :class:`Msg` (its text is English; the UI renders the code).
    """

    def __init__(self, code: MessageCode, **params: str | int) -> None:
        self.message: Msg = msg(code, **params)
        super().__init__(self.message)
        self.code = str(code)
        self.params = self.message.params

    def as_dict(self) -> dict[str, object]:
        """Return a JSON-safe form for API error bodies."""
        return {"code": self.code, "message": self.message, "params": dict(self.params)}
