"""The care services' fee tables of the rada gminy's resolution (art. 50 ust. 6 u.p.s.), kept by
an admin: each dated, checked by :func:`app.domain.care_fees.read_table` with Polish errors per
field, edited with its ``version`` (an edit made from an older version is a 409, as other admin
edits), and never changed once a decision has set a fee by it (a changed resolution is a new
table from its own date)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import exists, select

from app.domain.care_fees import FeeBand, FeeTable, read_table
from app.domain.care_fees import in_force as table_in_force
from app.domain.messages import msg
from app.domain.messages.codes_upsb import UpsbCode
from app.domain.polish import pct, zl
from app.persistence.models import CareFeeTable, ProvisionScope
from app.services.kernel import audit
from app.services.kernel.context import Actor, ServiceContext, UnitOfWork
from app.services.kernel.errors import Conflict, Forbidden, NotFound, ValidationFailed
from app.services.provision.views import FeeTableView


def _require_admin(actor: Actor) -> None:
    if not actor.has("admin"):
        raise Forbidden(msg(UpsbCode.FEE_TABLE_ROLE))


def _domain(row: CareFeeTable) -> FeeTable:
    return FeeTable(row.valid_from, row.hourly_cost, tuple(
        FeeBand(None if b.get("up_to") in (None, "") else Decimal(str(b["up_to"])),
                Decimal(str(b["fee_percent"]))) for b in row.bands), row.resolution)


def _view(row: CareFeeTable, used: bool) -> FeeTableView:
    return FeeTableView(row.id, row.valid_from, row.hourly_cost, row.resolution,
                        tuple(_domain(row).bands), row.version, used)


def _used(uow: UnitOfWork, table_id: int) -> bool:
    return bool(uow.session.scalar(select(exists().where(
        ProvisionScope.fee_table_id == table_id))))


def tables(uow: UnitOfWork) -> list[FeeTable]:
    """Every table, oldest first (domain values)."""
    rows = uow.session.scalars(select(CareFeeTable).order_by(CareFeeTable.valid_from)).all()
    return [_domain(r) for r in rows]


def in_force(uow: UnitOfWork, on: date) -> tuple[int, FeeTable] | None:
    """(row id, table) of the table in force on ``on``, or None."""
    row = uow.session.scalar(select(CareFeeTable).where(CareFeeTable.valid_from <= on)
                             .order_by(CareFeeTable.valid_from.desc()).limit(1))
    return (row.id, _domain(row)) if row is not None else None


def list_tables(ctx: ServiceContext, actor: Actor) -> list[FeeTableView]:
    """The tables, newest first (staff data: an admin and the case roles see them)."""
    if not (actor.has("admin") or actor.has_case_role):
        raise Forbidden(msg(UpsbCode.FEE_TABLE_ROLE))
    with ctx.uow(readonly=True) as uow:
        rows = uow.session.scalars(select(CareFeeTable)
                                   .order_by(CareFeeTable.valid_from.desc())).all()
        used = set(uow.session.scalars(select(ProvisionScope.fee_table_id).where(
            ProvisionScope.fee_table_id.is_not(None)).distinct()))
        return [_view(r, r.id in used) for r in rows]


def _bands_json(table: FeeTable) -> list[dict[str, Any]]:
    return [{"up_to": None if b.up_to is None else str(b.up_to),
             "fee_percent": str(b.fee_percent)} for b in table.bands]


def save_table(ctx: ServiceContext, actor: Actor, values: Mapping[str, Any],
               table_id: int | None = None, base_version: int | None = None) -> FeeTableView:
    """Add a table (``table_id`` None) or edit one from ``base_version``. ``values``:
    ``valid_from`` (a date), ``hourly_cost``, ``resolution`` and ``bands`` (a list of
    ``{"up_to", "fee_percent"}``). Admin only, audited."""
    _require_admin(actor)
    valid_from = values.get("valid_from")
    errors: dict[str, str] = {}
    bands: Sequence[Mapping[str, Any]] = values.get("bands") or []
    if not isinstance(valid_from, date):
        errors["valid_from"] = msg(UpsbCode.FEE_TABLE_INVALID)
        valid_from = date.min
    table, found = read_table(valid_from, values.get("hourly_cost"), bands,
                              values.get("resolution"))
    errors.update(found)
    if errors or table is None:
        raise ValidationFailed(msg(UpsbCode.FEE_TABLE_INVALID), errors)
    with ctx.uow() as uow:
        taken = uow.session.scalar(select(CareFeeTable).where(
            CareFeeTable.valid_from == table.valid_from))
        if table_id is None:
            if taken is not None:
                raise ValidationFailed(msg(UpsbCode.FEE_TABLE_INVALID), {
                    "valid_from": msg(UpsbCode.FEE_TABLE_DATE_TAKEN,
                                      date=table.valid_from.isoformat())})
            row = CareFeeTable(valid_from=table.valid_from, version=1)
            uow.session.add(row)
        else:
            stmt = select(CareFeeTable).where(CareFeeTable.id == table_id)
            if not ctx.db.is_sqlite:
                stmt = stmt.with_for_update()
            found_row = uow.session.scalar(stmt)
            if found_row is None:
                raise NotFound(msg(UpsbCode.FEE_TABLE_NOT_FOUND))
            row = found_row
            if base_version != row.version:
                raise Conflict(msg(UpsbCode.FEE_TABLE_STALE, version=row.version))
            if _used(uow, row.id):
                raise Conflict(msg(UpsbCode.FEE_TABLE_IN_USE, date=row.valid_from.isoformat()))
            if taken is not None and taken.id != row.id:
                raise ValidationFailed(msg(UpsbCode.FEE_TABLE_INVALID), {
                    "valid_from": msg(UpsbCode.FEE_TABLE_DATE_TAKEN,
                                      date=table.valid_from.isoformat())})
            row.version += 1
        row.valid_from, row.hourly_cost = table.valid_from, table.hourly_cost
        row.resolution, row.bands = table.resolution, _bands_json(table)
        row.updated_at, row.updated_by_id = ctx.now(), actor.id
        uow.session.flush()
        audit.record(uow, "provision.fee_table_saved", actor.id, table=row.id,
                     valid_from=table.valid_from.isoformat(), version=row.version)
        view = _view(row, False)
        uow.commit()
    return view


# The demo table (flask seed-demo and the tests): a resolution's usual shape, free up to the
# criterion, then a rising share of the cost of an hour.
DEMO_BANDS = (("100", "0"), ("150", "10"), ("200", "20"), ("250", "35"), ("300", "50"),
              (None, "100"))
DEMO_RESOLUTION = "Uchwała nr XII/85/2024 Rady Gminy z dnia 28 listopada 2024 r. (przykładowa)"


def seed_demo(uow: UnitOfWork, valid_from: date = date(2024, 1, 1),
              hourly_cost: str = "38.00") -> None:
    """Add the demo table if there is none (demo data, not a resolution of a real gmina)."""
    if uow.session.scalar(select(CareFeeTable.id).limit(1)) is not None:
        return
    uow.session.add(CareFeeTable(
        valid_from=valid_from, hourly_cost=Decimal(hourly_cost), resolution=DEMO_RESOLUTION,
        bands=[{"up_to": up, "fee_percent": fee} for up, fee in DEMO_BANDS], version=1,
        updated_at=uow.ctx.now()))


def describe(table: FeeTable) -> str:
    """The table in one Polish line (the decision's justification cites it)."""
    parts, low = [], "0%"
    for band in table.bands:
        fee = "nieodpłatnie" if band.fee_percent == 0 else f"{pct(band.fee_percent)} kosztu godziny"
        if band.up_to is None:
            parts.append(f"powyżej {low} kryterium: {fee}")
        else:
            parts.append(f"do {pct(band.up_to)} kryterium: {fee}")
            low = pct(band.up_to)
    return f"{table.resolution}; koszt godziny usług {zl(table.hourly_cost)}; " + "; ".join(parts)


__all__ = ["describe", "in_force", "list_tables", "save_table", "seed_demo", "table_in_force",
           "tables"]
