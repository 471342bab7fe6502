"""Service-layer errors; the web layer maps each to an HTTP status and a clear message.

Raise with a coded message — ``ValidationFailed(msg(Code.FORM_INVALID),
{"amount": msg(Code.AMOUNT_NEGATIVE)})`` — so pages and the API render it in the user's language
(see app/domain/messages/); every API error body carries its ``code``. English text is never
raised (tests/unit/test_coded_errors.py walks the raise sites).
"""

from __future__ import annotations

from collections.abc import Mapping

from app.domain.messages import Msg


class ServiceError(Exception):
    """Base class: `message` is meant for a person and never contains personal data.

    ``extra`` keyword arguments are added to the API body (e.g. ``current_version``,
    ``error_id``).
    """

    status = 400

    def __init__(self, message: str, **extra: object) -> None:
        super().__init__(message)
        self.message = message
        self.extra = extra

    @property
    def code(self) -> str | None:
        """The message code, or None for a message that is plain text."""
        return str(self.message.code) if isinstance(self.message, Msg) else None

    @property
    def params(self) -> Mapping[str, object]:
        """The message's parameters (empty for plain text)."""
        return self.message.params if isinstance(self.message, Msg) else {}


class NotFound(ServiceError):
    """The object does not exist (or the user may not know it exists)."""

    status = 404


class Forbidden(ServiceError):
    """The user is authenticated but may not do this."""

    status = 403


class Conflict(ServiceError):
    """Someone else changed the object first (stale version) or its state forbids this."""

    status = 409


class ValidationFailed(ServiceError):
    """Input failed validation; `errors` maps a field path to a message (a Msg where coded)."""

    status = 422

    def __init__(self, message: str, errors: dict[str, str]) -> None:
        super().__init__(message)
        self.errors = errors

    @property
    def codes(self) -> dict[str, dict[str, object]]:
        """Field path -> {code, params} for the coded field errors (API bodies)."""
        return {path: text.as_dict() for path, text in self.errors.items() if isinstance(text, Msg)}
