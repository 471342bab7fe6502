"""The dashboard's figures against the known set of tests/dashboard_data.py, counted by hand; its
filters' errors; who sees it and who opens the cases behind a figure."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import select

from app.domain.messages.codes_dash import DashCode
from app.persistence.models import AuditEvent
from app.services.kernel.context import Actor, ServiceContext
from app.services.kernel.errors import Forbidden, ValidationFailed
from app.services.reports import dashboard
from tests.dashboard_data import ensure_user, seed_known_set, user_id

PERIOD = {"from": "2026-01", "to": "2026-03"}


def _row(row: dashboard.FigureRow) -> tuple[Any, ...]:
    return (row.opened, row.granted, row.refused, row.payments, row.amount)


def _split(rows: tuple[dashboard.FigureRow, ...]) -> dict[str, tuple[Any, ...]]:
    return {r.key: _row(r) for r in rows}


def _figures(ctx: ServiceContext, actor: Actor, **raw: str) -> dashboard.Dashboard:
    return dashboard.figures(ctx, actor, dashboard.read_filters(ctx, {**PERIOD, **raw}))


def test_every_figure_of_the_known_set(ctx: ServiceContext, supervisor: Actor) -> None:
    seed_known_set(ctx)
    board = _figures(ctx, supervisor)
    # opened: A, B (Jan), C (Feb), F (Mar); not D (Dec 2025), E (a change case), G (April).
    # granted: A, D (Jan), C partial (Feb), E (Mar); F's draft is not issued. refused: B (Feb).
    # paid: D 719.00 (Jan); A 500.00 and C 250.50 (Feb; C's returned 100.00 is not); A 500.00
    # (Mar; C's pending 300.00 is not).
    assert _row(board.total) == (4, 4, 1, 4, Decimal("1969.50"))
    assert _split(board.by_month) == {
        "2026-01": (2, 2, 0, 1, Decimal("719.00")),
        "2026-02": (1, 1, 1, 2, Decimal("750.50")),
        "2026-03": (1, 1, 0, 1, Decimal("500.00")),
    }
    assert _split(board.by_benefit) == {
        "zasilek_okresowy": (2, 2, 1, 2, Decimal("1000.00")),
        "zasilek_celowy": (2, 1, 0, 1, Decimal("250.50")),
        "zasilek_staly": (0, 1, 0, 1, Decimal("719.00")),
    }
    # In the order of art. 7 u.p.s.
    assert list(_split(board.by_reason).items()) == [
        ("ubostwo", (2, 3, 0, 3, Decimal("1250.50"))),
        ("bezrobocie", (1, 0, 1, 0, Decimal("0.00"))),
        ("niepelnosprawnosc", (0, 1, 0, 1, Decimal("719.00"))),
        ("przemoc", (1, 0, 0, 0, Decimal("0.00"))),
    ]
    assert board.drilldown is True
    as_json = board.as_json()
    assert as_json["total"]["amount"] == "1969.50"
    assert as_json["filters"] == {"start": "2026-01-01", "end": "2026-03-01", "benefit": None,
                                  "caseworker_id": None}


def test_filters_by_benefit_caseworker_and_period(ctx: ServiceContext, supervisor: Actor) -> None:
    seed_known_set(ctx)
    cw2 = str(user_id(ctx, "caseworker2"))
    assert _row(_figures(ctx, supervisor, caseworker=cw2).total) == (1, 1, 1, 1, Decimal("719.00"))
    assert _row(_figures(ctx, supervisor, benefit="zasilek_celowy").total) == (
        2, 1, 0, 1, Decimal("250.50"))
    feb = _figures(ctx, supervisor, **{"from": "2026-02", "to": "2026-02"})
    assert _row(feb.total) == (1, 1, 1, 2, Decimal("750.50"))
    # Every month of the period is shown, those with nothing too.
    late = _figures(ctx, supervisor, **{"from": "2026-03", "to": "2026-05"})
    assert _split(late.by_month) == {
        "2026-03": (1, 1, 0, 1, Decimal("500.00")),
        "2026-04": (1, 0, 0, 0, Decimal("0.00")),
        "2026-05": (0, 0, 0, 0, Decimal("0.00")),
    }


def test_default_period_is_the_last_twelve_months(ctx: ServiceContext) -> None:
    # The test clock stands at 2026-03-02.
    filters = dashboard.read_filters(ctx, {})
    assert (filters.start, filters.end, filters.last_day) == (
        date(2025, 4, 1), date(2026, 3, 1), date(2026, 3, 31))
    assert len(filters.months) == 12


@pytest.mark.parametrize(("raw", "field", "code"), [
    ({"from": "2026-13"}, "from", DashCode.MONTH_FORMAT),
    ({"from": "03.2026"}, "from", DashCode.MONTH_FORMAT),
    ({"to": "２０２６-０３"}, "to", DashCode.MONTH_FORMAT),
    ({"from": "1899-01"}, "from", DashCode.MONTH_RANGE),
    ({"from": "2026-04", "to": "2026-03"}, "to", DashCode.MONTH_ORDER),
    ({"from": "2020-01", "to": "2026-03"}, "from", DashCode.PERIOD_TOO_LONG),
    ({"benefit": "nie_ma"}, "benefit", DashCode.BENEFIT_UNKNOWN),
    ({"caseworker": "abc"}, "caseworker", DashCode.CASEWORKER_UNKNOWN),
    ({"caseworker": "999999"}, "caseworker", DashCode.CASEWORKER_UNKNOWN),
])
def test_bad_filters_are_coded_field_errors(ctx: ServiceContext, raw: dict[str, str], field: str,
                                            code: DashCode) -> None:
    with pytest.raises(ValidationFailed) as caught:
        dashboard.read_filters(ctx, raw)
    assert caught.value.codes[field]["code"] == code.value


def test_a_supervisor_is_not_a_caseworker_to_filter_by(ctx: ServiceContext) -> None:
    with pytest.raises(ValidationFailed) as caught:
        dashboard.read_filters(ctx, {"caseworker": str(user_id(ctx, "supervisor2"))})
    assert caught.value.codes["caseworker"]["code"] == DashCode.CASEWORKER_UNKNOWN.value


def test_cases_behind_a_figure(ctx: ServiceContext, supervisor: Actor) -> None:
    ids = seed_known_set(ctx)
    filters = dashboard.read_filters(ctx, PERIOD)

    def behind(figure: str, **kw: str) -> set[int]:
        return {c.id for c in dashboard.cases_behind(ctx, supervisor, filters, figure, **kw).cases}

    assert behind("opened") == {ids[x] for x in "ABCF"}
    assert behind("opened", month="2026-03") == {ids["F"]}
    assert behind("granted", month="2026-01") == {ids["A"], ids["D"]}
    assert behind("refused") == {ids["B"]}
    assert behind("paid", reason="ubostwo") == {ids["A"], ids["C"]}
    assert behind("granted", reason="ubostwo", month="2026-03") == {ids["E"]}
    cw2 = dashboard.read_filters(ctx, {**PERIOD, "caseworker": str(user_id(ctx, "caseworker2"))})
    assert {c.id for c in dashboard.cases_behind(ctx, supervisor, cw2, "paid").cases} == {ids["D"]}
    # The read is audited with ids and counts only, never a name.
    with ctx.uow(readonly=True) as uow:
        events = uow.session.execute(select(AuditEvent.user_id, AuditEvent.detail).where(
            AuditEvent.action == "dashboard.drilldown").order_by(AuditEvent.id)).all()
    assert len(events) == 7 and events[0].user_id == supervisor.id
    assert events[0].detail == {"figure": "opened", "results": 4}


def test_bad_drill_down_values(ctx: ServiceContext, supervisor: Actor) -> None:
    filters = dashboard.read_filters(ctx, PERIOD)
    with pytest.raises(ValidationFailed) as caught:
        dashboard.cases_behind(ctx, supervisor, filters, "everything", month="2026-3", reason="x")
    assert {k: v["code"] for k, v in caught.value.codes.items()} == {
        "figure": DashCode.FIGURE_UNKNOWN.value, "month": DashCode.MONTH_FORMAT.value,
        "reason": DashCode.REASON_UNKNOWN.value}


def test_who_sees_figures_and_who_the_cases(ctx: ServiceContext, supervisor: Actor, caseworker: Actor,
                                            admin: Actor) -> None:
    seed_known_set(ctx)
    head = ensure_user(ctx, "dash_head", ["head"])
    filters = dashboard.read_filters(ctx, PERIOD)
    # The head without a case role: the figures, no drill-down.
    board = dashboard.figures(ctx, head, filters)
    assert board.total.opened == 4 and board.drilldown is False
    with pytest.raises(Forbidden) as refused:
        dashboard.cases_behind(ctx, head, filters, "opened")
    assert refused.value.code == DashCode.DRILLDOWN_ROLE.value
    # A caseworker alone and an admin: neither.
    for actor in (caseworker, admin):
        with pytest.raises(Forbidden) as refused:
            dashboard.figures(ctx, actor, filters)
        assert refused.value.code == DashCode.ROLE.value
        with pytest.raises(Forbidden):
            dashboard.cases_behind(ctx, actor, filters, "opened")
    assert dashboard.figures(ctx, supervisor, filters).drilldown is True
