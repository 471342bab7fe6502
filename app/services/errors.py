"""Service-layer errors; the web layer maps each to an HTTP status and a clear message."""

from __future__ import annotations


class ServiceError(Exception):
    """Base class: `message` is meant for a person and never contains personal data."""

    status = 400

    def __init__(self, message: str, **extra: object) -> None:
        super().__init__(message)
        self.message = message
        self.extra = extra


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
    """Input failed validation; `errors` maps a field path to a message."""

    status = 422

    def __init__(self, message: str, errors: dict[str, str]) -> None:
        super().__init__(message)
        self.errors = errors
