"""CLI for the issuing body and signers' authorisations: what a centre sets without code."""

from __future__ import annotations

from datetime import date

import click
from flask import Flask

from app.services.documents import office
from app.services.kernel.context import Actor
from app.services.kernel.errors import ServiceError, ValidationFailed
from app.web.context import services

# The CLI runs as an operator on the server: it acts with the admin role, audited as user None.
_OPERATOR = Actor(None, frozenset({"admin"}))


def _fail(exc: ServiceError) -> click.ClickException:
    errors = exc.errors if isinstance(exc, ValidationFailed) else {}
    return click.ClickException(" ".join([exc.message, *(f"{k}: {v}" for k, v in errors.items())]))


def register(app: Flask) -> None:
    """Attach `office-show`, `office-set`, `authorise`, `authorisations` and `revoke`."""

    @app.cli.command("office-show")
    def office_show() -> None:
        """Print the issuing body as documents name it."""
        ctx = services(app)
        with ctx.uow(readonly=True) as uow:
            body = office.office(uow)
        if body is None:
            raise click.ClickException("the issuing body is not set: use flask office-set")
        for f in office.OFFICE_FIELDS:
            click.echo(f"{f}: {getattr(body, f)}")

    @app.cli.command("office-set")
    @click.option("--gmina", required=True, help='genitive, e.g. "Gminy Krzeszowice"')
    @click.option("--body", required=True, type=click.Choice(sorted(office.BODIES)))
    @click.option("--centre-name", required=True, help="nominative, as the page header shows it")
    @click.option("--centre-name-genitive", required=True,
                  help='genitive, e.g. "Ośrodka Pomocy Społecznej w Krzeszowicach"')
    @click.option("--centre-address", required=True)
    @click.option("--centre-city", required=True)
    @click.option("--sko-name", required=True)
    @click.option("--sko-seat", required=True, help="the SKO's address")
    @click.option("--payment-method", required=True, help="how benefits are paid in cash")
    @click.option("--payment-day", default="", help='e.g. "do 10. dnia każdego miesiąca"')
    def office_set(**values: str) -> None:
        """Set the issuing body, the centre, the SKO and the payment wording."""
        try:
            office.set_office(services(app), _OPERATOR, dict(values))
        except ServiceError as exc:
            raise _fail(exc) from None
        click.echo("issuing body saved")

    @app.cli.command("authorise")
    @click.argument("username")
    @click.option("--act", required=True, type=click.Choice(office.ACTS))
    @click.option("--position", required=True)
    @click.option("--number", required=True)
    @click.option("--issued-on", required=True, type=click.DateTime(["%Y-%m-%d"]))
    @click.option("--valid-until", type=click.DateTime(["%Y-%m-%d"]))
    def authorise(username: str, act: str, position: str, number: str, issued_on: object,
                  valid_until: object | None) -> None:
        """Record a signer's authorisation (u.p.s. art. 110 ust. 7–8, u.ś.r. art. 20, FA)."""
        try:
            auth_id = office.authorise(
                services(app), _OPERATOR, username, act, position, number,
                _day(issued_on), _day(valid_until) if valid_until else None)
        except ServiceError as exc:
            raise _fail(exc) from None
        click.echo(f"authorisation {auth_id} recorded")

    @app.cli.command("authorisations")
    def authorisations() -> None:
        """List the signers' authorisations."""
        for row in office.list_authorisations(services(app), _OPERATOR):
            click.echo(" | ".join(str(row[k]) for k in ("id", "username", "act", "number",
                                                         "issued_on", "valid_until", "revoked_on")))

    @app.cli.command("revoke-authorisation")
    @click.argument("authorisation_id", type=int)
    @click.option("--on", "on", required=True, type=click.DateTime(["%Y-%m-%d"]))
    def revoke(authorisation_id: int, on: object) -> None:
        """Revoke an authorisation from a date."""
        try:
            office.revoke(services(app), _OPERATOR, authorisation_id, _day(on))
        except ServiceError as exc:
            raise _fail(exc) from None
        click.echo("revoked")


def _day(value: object) -> date:
    return value.date() if hasattr(value, "date") else value  # type: ignore[return-value]
