"""Who may see a Niebieska Karta procedure: the people assigned to it (the caseworker who started
it and the group members the head assigned) and the head of the centre; nobody else, an admin
included. Everything here is checked in the service, whatever the web layer let through."""

from __future__ import annotations

from sqlalchemy import select

from app.domain.messages import msg
from app.domain.messages.codes_nk import NkCode
from app.persistence.models import NkMember, NkProcedure
from app.services.kernel.context import Actor, UnitOfWork
from app.services.kernel.errors import Forbidden, NotFound

HEAD = "head"


def is_head(actor: Actor) -> bool:
    """The head of the centre (kierownik ośrodka) reads every procedure and assigns the group."""
    return actor.has(HEAD)


def member_ids(uow: UnitOfWork, procedure_id: int) -> set[int]:
    """The users assigned to a procedure."""
    return set(uow.session.scalars(select(NkMember.user_id).where(
        NkMember.procedure_id == procedure_id)))


def load(uow: UnitOfWork, procedure_id: int, *, lock: bool = False) -> NkProcedure:
    """A procedure (row-locked for a change), or 404."""
    stmt = select(NkProcedure).where(NkProcedure.id == procedure_id)
    if lock and not uow.ctx.db.is_sqlite:
        stmt = stmt.with_for_update()
    proc = uow.session.scalar(stmt)
    if proc is None:
        raise NotFound(msg(NkCode.NOT_FOUND))
    return proc


def may_read(uow: UnitOfWork, actor: Actor, procedure_id: int) -> bool:
    """True for the head and the people assigned."""
    return is_head(actor) or (actor.id is not None and actor.id in member_ids(uow, procedure_id))


def require_reader(uow: UnitOfWork, actor: Actor, procedure_id: int) -> NkProcedure:
    """The procedure for the head or an assigned person; 403 for anyone else (an admin too).

    The procedure is looked up after the check, so a stranger cannot tell an existing procedure
    from a missing one by the answer."""
    if not may_read(uow, actor, procedure_id):
        raise Forbidden(msg(NkCode.NOT_ASSIGNED))
    return load(uow, procedure_id)


def require_member(uow: UnitOfWork, actor: Actor, procedure_id: int) -> NkProcedure:
    """The procedure, row-locked, for a person assigned to it (who records its steps)."""
    if actor.id is None or actor.id not in member_ids(uow, procedure_id):
        raise Forbidden(msg(NkCode.NOT_ASSIGNED))
    return load(uow, procedure_id, lock=True)
