"""Exceptions raised by the domain for bad input; both are ValueErrors."""

from __future__ import annotations


class InvalidInput(ValueError):
    """Bad input to a domain calculation; ``field`` is a path like 'members[0].net_income'."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message

    def as_dict(self) -> dict[str, str]:
        """Return a JSON-safe form for API error bodies."""
        return {"field": self.field, "message": self.message}


class InvalidIdentifier(ValueError):
    """A PESEL or bank account number that is not valid; ``code`` names the kind of error."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message

    def as_dict(self) -> dict[str, str]:
        """Return a JSON-safe form for API error bodies."""
        return {"code": self.code, "message": self.message}
