"""Flask CLI commands for operators (no personal data printed)."""

from __future__ import annotations

from datetime import date

import click
from flask import Flask

from app.cli import seed
from app.domain.deadlines import today_in_warsaw
from app.domain.messages import CATALOGUE, Msg
from app.persistence.migrate import upgrade
from app.services import payments
from app.services.definitions import deploy as definitions
from app.services.kernel import auth
from app.services.kernel.context import SYSTEM
from app.services.kernel.errors import ServiceError, ValidationFailed
from app.services.workflow import jobs, timers
from app.web.context import services


def _polish(message: object) -> str:
    """A coded service message as the operator reads it: the catalogue's Polish text and its code."""
    if not isinstance(message, Msg):
        return str(message)
    template = CATALOGUE[message.code].pl
    return f"{template % message.params if message.params else template} [{message.code}]"


def _check_new_password(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """Refuse a too-short password at the prompt, which then asks again."""
    problem = auth.password_problem(value) if value is not None else None
    if problem:
        raise click.BadParameter(problem)
    return value


def register(app: Flask) -> None:
    """Attach the commands to the app's CLI."""

    @app.cli.command("db-upgrade")
    def db_upgrade() -> None:
        """Apply database migrations."""
        upgrade(services(app).db.engine)
        click.echo("database is up to date")

    @app.cli.command("deploy-workflows")
    @click.option("--comment", "-m", default="",
                  help="what this version changes and why (required: its line in the history)")
    def deploy_workflows(comment: str) -> None:
        """Deploy workflows/ as a new definition version if it changed."""
        try:
            definition_id = definitions.deploy_directory(services(app), SYSTEM, comment=comment)
        except ServiceError as exc:
            raise click.ClickException(_polish(exc.message)) from None
        click.echo(f"active definition id {definition_id}")

    @app.cli.command("seed-demo")
    def seed_demo() -> None:
        """Migrate, deploy workflows and create demo users and households (idempotent)."""
        ctx = services(app)
        upgrade(ctx.db.engine)
        definitions.deploy_directory(ctx, SYSTEM)
        created = seed.seed_demo(ctx)
        click.echo(f"demo data ready ({created} new cases); logins: caseworker1, caseworker2, "
                   "supervisor, supervisor2, admin — password: demo")

    @app.cli.command("create-user")
    @click.argument("username")
    @click.option("--name", "full_name", required=True)
    @click.option("--role", "roles", multiple=True, required=True)
    @click.option("--position", default="")
    @click.password_option(callback=_check_new_password,
                           help=f"at least {auth.MIN_PASSWORD_LENGTH} characters (asked when omitted)")
    def create_user(username: str, full_name: str, roles: tuple[str, ...], position: str,
                    password: str) -> None:
        """Create a user with a password you type (production has no default password)."""
        try:
            user_id = auth.create_user(services(app), username, full_name, list(roles), password,
                                       position)
        except ValidationFailed as exc:
            raise click.ClickException(" ".join([exc.message, *exc.errors.values()])) from None
        except ServiceError as exc:
            raise click.ClickException(exc.message) from None
        click.echo(f"user {username} created (id {user_id})")

    @app.cli.command("payment-run")
    @click.option("--month", help="YYYY-MM (default: this month)")
    def payment_run(month: str | None) -> None:
        """Run the monthly payment run now (as the system: a supervisor then approves each list)."""
        ctx = services(app)
        try:
            on = date.fromisoformat(f"{month}-01") if month else today_in_warsaw(ctx.now())
        except ValueError:
            raise click.BadParameter("use YYYY-MM, e.g. 2026-12", param_hint="--month") from None
        try:
            payments.check_month(ctx, on)  # before the progress bar: a month too far ahead
        except ValidationFailed as exc:
            code = getattr(exc.message, "code", "")
            raise click.BadParameter(f"{exc.message} [{code}]", param_hint="--month") from None
        total = payments.count_due(ctx, on)
        with click.progressbar(length=total, label=f"payment run {on:%Y-%m}",
                               show_pos=True) as bar:
            result = payments.monthly_payment_run(ctx, on, SYSTEM, progress=bar.update)
        click.echo(f"month {result.month:%Y-%m}: {result.created} payment(s) added to "
                   f"{len(result.lists)} list(s) {list(result.lists)}; "
                   f"{result.extended} open-ended schedule month(s) added")

    @app.cli.command("fire-timers")
    def fire_timers() -> None:
        """Fire due workflow timers now."""
        click.echo(f"{timers.fire_due_timers(services(app))} instance(s) advanced")

    @app.cli.command("run-jobs")
    def run_jobs() -> None:
        """Run pending jobs in this process (when no worker is running)."""
        click.echo(f"{jobs.run_pending_inline(services(app))} job(s) done")
