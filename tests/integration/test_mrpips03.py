"""MRPiPS-03 (app/services/reports/mrpips03.py): a known set of families and benefits, every figure
of the first half of 2025 and some of the year checked against numbers counted by hand here, each
column named after the form's explanation (app/domain/mrpips03.py); the figures reconcile with
the payments paid; later changes, appeals, revocations and corrections leave a closed period's
figures as they were; who may make it; bad periods refused with coded errors."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import func, select, update

from app.domain.messages.codes_rep import RepCode
from app.domain.views import to_json
from app.persistence.models import (
    Case,
    Decision,
    HouseholdMember,
    Payment,
    PaymentList,
    PaymentScheduleItem,
    Person,
)
from app.services.kernel.context import Actor, ServiceContext
from app.services.kernel.errors import Forbidden, ValidationFailed
from app.services.reports import mrpips03
from app.services.social_work import contracts, records
from tests.report_data import case, decision, monthly, months, pay, persons
from tests.social_work_data import contract_body

pytestmark = [pytest.mark.timeout(120), pytest.mark.embedded]

HEAD = Actor(None, frozenset({"head"}))
D = Decimal


@dataclass
class Seeded:
    ids: dict[str, Any]


def seed(ctx: ServiceContext, caseworker: Actor) -> Seeded:
    """The families (letters) of the hand count below; [n] is the size of the household."""
    ids: dict[str, Any] = {}
    # A [1]: zasiłek stały 600 a month, paid 10th Jan-Dec 2025; March's transfer returned on
    # 12 March and paid again on 20 March (one monthly benefit).
    a = persons(ctx, 1)
    ca = case(ctx, a, "zasilek_staly")
    da = decision(ctx, ca, "600.00", date(2025, 1, 1))
    monthly(ctx, da, "600.00", months(2025, 1, 2) + months(2025, 4, 12))
    _, item = pay(ctx, da, date(2025, 3, 1), "600.00", date(2025, 3, 12), status="returned")
    pay(ctx, da, date(2025, 3, 1), "600.00", date(2025, 3, 20), attempt=2, item_id=item)
    # B [3]: zasiłek stały 400 (in a family; reason disability) Apr-Jun, and a second case of the
    # same three persons: zasiłek okresowy 300 (unemployment) Feb-Apr.
    b = persons(ctx, 3)
    db_ = decision(ctx, case(ctx, b, "zasilek_staly", "niepelnosprawnosc"), "400.00", date(2025, 4, 1))
    monthly(ctx, db_, "400.00", months(2025, 4, 6))
    dbo = decision(ctx, case(ctx, b, "zasilek_okresowy", "bezrobocie"), "300.00", date(2025, 2, 1),
                   date(2025, 4, 30))
    monthly(ctx, dbo, "300.00", months(2025, 2, 4))
    # C [2]: zasiłek okresowy 250 (poverty) Jan-Feb, and a zasiłek celowy 150 paid 20 May.
    c = persons(ctx, 2)
    dc = decision(ctx, case(ctx, c, "zasilek_okresowy"), "250.00", date(2025, 1, 1), date(2025, 2, 28))
    monthly(ctx, dc, "250.00", months(2025, 1, 2))
    dcc = decision(ctx, case(ctx, c, "zasilek_celowy"), "150.00", date(2025, 5, 20))
    pay(ctx, dcc, date(2025, 5, 1), "150.00", date(2025, 5, 20))
    # D [4]: zasiłek celowy after a flood (reason kleska: a commissioned task) 2000 paid 5 June.
    d = persons(ctx, 4)
    dd = decision(ctx, case(ctx, d, "zasilek_celowy_zdarzenie_losowe", "kleska"), "2000.00",
                  date(2025, 6, 5))
    pay(ctx, dd, date(2025, 6, 1), "2000.00", date(2025, 6, 5))
    # E [1]: zasiłek celowy after a fire (reason zdarzenie_losowe: own task) 800 paid 3 March.
    e = persons(ctx, 1)
    de = decision(ctx, case(ctx, e, "zasilek_celowy_zdarzenie_losowe", "zdarzenie_losowe"), "800.00",
                  date(2025, 3, 3))
    pay(ctx, de, date(2025, 3, 1), "800.00", date(2025, 3, 3))
    # F [2]: specjalny zasiłek celowy 350 paid 15 January; another 200 approved on 28 June and
    # paid only on 2 July (in the year, not the half).
    f = persons(ctx, 2)
    cf = case(ctx, f, "specjalny_zasilek_celowy")
    df = decision(ctx, cf, "350.00", date(2025, 1, 15))
    pay(ctx, df, date(2025, 1, 1), "350.00", date(2025, 1, 15))
    df2 = decision(ctx, cf, "200.00", date(2025, 6, 28))
    ids["f_july"] = pay(ctx, df2, date(2025, 6, 1), "200.00", date(2025, 7, 2))[0]
    # G [2]: posiłek granted 10 Jan for Jan-Jun (help in kind: no payment to the party).
    g = persons(ctx, 2)
    decision(ctx, case(ctx, g, "posilek"), "0", date(2025, 1, 1), date(2025, 6, 30),
             issued_on=date(2025, 1, 10))
    # H [1]: usługi opiekuńcze Dec 2024 - Mar 2025 (long illness), granted 1 Dec 2024.
    h = persons(ctx, 1)
    decision(ctx, case(ctx, h, "uslugi_opiekuncze", "choroba"), "0", date(2024, 12, 1),
             date(2025, 3, 31), issued_on=date(2024, 12, 1))
    # I [1]: sprawienie pogrzebu decided 10 Feb.
    i = persons(ctx, 1)
    decision(ctx, case(ctx, i, "sprawienie_pogrzebu"), "3500.00", date(2025, 2, 10))
    # Not counted: a family benefit (not in MRPiPS-03), a month paid in December 2024, a refused
    # posiłek, an approved payment never settled.
    j = persons(ctx, 2)
    dj = decision(ctx, case(ctx, j, "zasilek_rodzinny"), "95.00", date(2025, 1, 1), date(2025, 10, 31))
    monthly(ctx, dj, "95.00", months(2025, 1, 6))
    k = persons(ctx, 1)
    dk = decision(ctx, case(ctx, k, "zasilek_okresowy"), "200.00", date(2024, 12, 1), date(2024, 12, 31))
    pay(ctx, dk, date(2024, 12, 1), "200.00", date(2024, 12, 10))
    ids["k_approved"] = pay(ctx, dk, date(2024, 11, 1), "200.00", None, status="approved")[0]
    decision(ctx, case(ctx, persons(ctx, 1), "posilek"), "0", date(2025, 1, 1), date(2025, 6, 30),
             kind="refusal")
    # Social work: R1 family C (a visit in March: with a benefit), R2 three persons with no
    # benefit (a visit in February and a contract in force from 2 Feb), R3 a refused contract
    # only, R4 a note in August (the year only).
    r1 = records.open_record(ctx, caseworker, {"person_id": c[0], "member_ids": [c[1]]}).id
    records.add_entry(ctx, caseworker, r1, {"kind": "visit", "on": "2025-03-04", "text": "Wizyta."})
    s = persons(ctx, 3)
    r2 = records.open_record(ctx, caseworker, {"person_id": s[0], "member_ids": s[1:]}).id
    records.add_entry(ctx, caseworker, r2, {"kind": "visit", "on": "2025-02-01", "text": "Wizyta."})
    contracts.record_contract(ctx, caseworker, r2, contract_body(
        s[0], concluded_on="2025-02-02", valid_from="2025-02-02", valid_until="2025-07-31",
        stages=[{"action": "Rejestracja w PUP", "review_on": "2025-03-01"}]))
    t = persons(ctx, 1)
    r3 = records.open_record(ctx, caseworker, {"person_id": t[0]}).id
    contracts.record_contract(ctx, caseworker, r3, {"person_id": t[0], "status": "refused",
                                                    "refused_on": "2025-03-01",
                                                    "reason": "Nie widzi potrzeby."})
    u = persons(ctx, 1)
    r4 = records.open_record(ctx, caseworker, {"person_id": u[0]}).id
    records.add_entry(ctx, caseworker, r4, {"kind": "note", "on": "2025-08-05", "text": "Notatka."})
    ids.update(a=a, b=b, c=c, da=da, db=db_, dc=dc, dcc=dcc)
    return Seeded(ids)


def figures(report: mrpips03.Mrpips03Report) -> dict[str, tuple[Any, ...]]:
    return {r.benefit: (r.persons, r.benefits, r.amount, r.families, r.persons_in_families)
            for r in report.rows}


def test_every_figure_of_the_first_half_counted_by_hand(ctx: ServiceContext, caseworker: Actor) -> None:
    seed(ctx, caseworker)
    report = mrpips03.compute(ctx, HEAD, "2025", "1")
    assert (report.start, report.end) == (date(2025, 1, 1), date(2025, 6, 30))
    # Columns: liczba osób, którym decyzją przyznano świadczenie (distinct persons, once per row);
    # liczba świadczeń (monthly benefits paid, or one-off benefits); kwota świadczeń (paid in the
    # period); liczba rodzin; liczba osób w rodzinach (their households' distinct persons).
    assert figures(report) == {
        # Zadania zlecone: D's zasiłek celowy after a natural disaster (art. 18 ust. 1 pkt 4).
        "zlecone_ogolem": (1, 1, D("2000.00"), 1, 4),
        "zlecone_kleska": (1, 1, D("2000.00"), 1, 4),
        # Zadania własne: A, B, C, E, F, G, H, I (8 families; 1+3+2+1+2+2+1+1 = 13 persons);
        # benefits 9 + 5 + 3, amounts 4800 + 1400 + 1300.
        "wlasne_ogolem": (8, 17, D("7500.00"), 8, 13),
        # A: Jan-Jun (March's return and reissue is one benefit) 6 x 600; B: Apr-Jun 3 x 400.
        "zasilki_stale": (2, 9, D("4800.00"), 2, 4),
        "zasilki_stale_samotnie": (1, 6, D("3600.00"), 1, 1),
        "zasilki_stale_w_rodzinie": (1, 3, D("1200.00"), 1, 3),
        # In kind and services: persons and families only (no payment held).
        "posilki": (1, None, None, 1, 2),
        "uslugi": (1, None, None, 1, 1),
        "pogrzeby": (1, None, None, 1, 1),
        # B: Feb-Apr 3 x 300 (unemployment); C: Jan-Feb 2 x 250 (poverty: other reasons).
        "zasilki_okresowe": (2, 5, D("1400.00"), 2, 5),
        "zasilki_okresowe_bezrobocie": (1, 3, D("900.00"), 1, 3),
        "zasilki_okresowe_choroba": (0, 0, D("0.00"), 0, 0),
        "zasilki_okresowe_niepelnosprawnosc": (0, 0, D("0.00"), 0, 0),
        "zasilki_okresowe_inne": (1, 2, D("500.00"), 1, 2),
        # C 150, E 800 (a fire: own task), F 350.
        "zasilki_celowe": (3, 3, D("1300.00"), 3, 5),
        "zasilki_celowe_losowe": (1, 1, D("800.00"), 1, 1),
        "specjalne_zasilki_celowe": (1, 1, D("350.00"), 1, 2),
    }
    assert [r.task for r in report.rows][:2] == ["zlecone", "zlecone"]
    assert {r.task for r in report.rows[2:]} == {"wlasne"}
    # Reasons for help (art. 7): families and persons in them, over every form of help.
    reasons = {r.reason: (r.families, r.persons_in_families) for r in report.reasons}
    assert {k: v for k, v in reasons.items() if v != (0, 0)} == {
        "ubostwo": (5, 8),             # A 1, C 2, F 2, G 2, I 1
        "niepelnosprawnosc": (1, 3),   # B (zasiłek stały)
        "bezrobocie": (1, 3),          # B (zasiłek okresowy)
        "choroba": (1, 1),             # H
        "kleska": (1, 4),              # D
        "zdarzenie_losowe": (1, 1),    # E
    }
    assert (report.families_total, report.persons_in_families_total) == (9, 17)
    # Social work: R1 (2 persons, with a benefit) and R2 (3 persons, social work only, with the
    # one contract in force); R3's refusal is no contract; R4's note is in August.
    assert to_json(report.social_work) == {
        "families": 2, "persons_in_families": 5, "families_social_work_only": 1,
        "persons_social_work_only": 3, "contracts": 1, "contract_persons": 1,
        "contract_persons_in_families": 3}
    assert report.paid_total == D("9500.00")


def test_the_year_and_the_second_half(ctx: ServiceContext, caseworker: Actor) -> None:
    seed(ctx, caseworker)
    year = figures(mrpips03.compute(ctx, HEAD, 2025))
    # A: 12 x 600 in the year; F's second special aid paid on 2 July.
    assert year["zasilki_stale"] == (2, 15, D("8400.00"), 2, 4)
    assert year["specjalne_zasilki_celowe"] == (1, 2, D("550.00"), 1, 2)
    assert year["wlasne_ogolem"] == (8, 24, D("11300.00"), 8, 13)
    second = mrpips03.compute(ctx, HEAD, 2025, 2)
    h2 = figures(second)
    assert h2["zasilki_stale"] == (1, 6, D("3600.00"), 1, 1)
    assert h2["posilki"] == (0, None, None, 0, 0)        # G's meals ended in June
    assert h2["wlasne_ogolem"] == (2, 7, D("3800.00"), 2, 3)
    # R2 (its contract runs to 31 July) and R4 (a note in August), neither with a benefit.
    assert second.social_work.families == 2 and second.social_work.families_social_work_only == 2
    assert second.social_work.contracts == 1             # R2's contract runs to 31 July


def _paid_in(ctx: ServiceContext, start: date, end: date) -> Decimal:
    """The payment lists' paid payments of u.p.s. benefits in the period, summed independently."""
    with ctx.uow(readonly=True) as uow:
        return uow.session.scalar(
            select(func.coalesce(func.sum(Payment.amount), 0))
            .join(PaymentList, PaymentList.id == Payment.payment_list_id)
            .join(PaymentScheduleItem, PaymentScheduleItem.id == Payment.schedule_item_id)
            .join(Decision, Decision.id == PaymentScheduleItem.decision_id)
            .where(Payment.status == "paid", Payment.settled_on.between(start, end),
                   Decision.benefit.not_in(["zasilek_rodzinny"])))


def test_the_amounts_reconcile_with_the_payments_paid_in_the_period(
        ctx: ServiceContext, caseworker: Actor) -> None:
    seed(ctx, caseworker)
    for half, (start, end) in ((1, (date(2025, 1, 1), date(2025, 6, 30))),
                               (None, (date(2025, 1, 1), date(2025, 12, 31)))):
        report = mrpips03.compute(ctx, HEAD, 2025, half)
        by = {r.benefit: r for r in report.rows}
        total = by["zlecone_ogolem"].amount + by["wlasne_ogolem"].amount  # type: ignore[operator]
        assert total == report.paid_total == _paid_in(ctx, start, end)


def test_a_closed_period_gives_the_same_figures_after_later_events(
        ctx: ServiceContext, caseworker: Actor, clock: Any) -> None:
    seeded = seed(ctx, caseworker)
    before = to_json(mrpips03.compute(ctx, HEAD, 2025, 1))
    year_before = to_json(mrpips03.compute(ctx, HEAD, 2025))
    clock.set(datetime(2026, 3, 2, 9, 0, tzinfo=UTC))
    ids = seeded.ids
    with ctx.uow() as uow:
        s = uow.session
        # A's zasiłek stały revoked from 2026 (a change case's refusal; the grant's status
        # changes and its planned months are cancelled), as decision_changes does it.
        s.execute(update(Decision).where(Decision.id == ids["da"]).values(status="changed"))
        s.execute(update(PaymentScheduleItem).where(PaymentScheduleItem.decision_id == ids["da"])
                  .values(status="cancelled"))
        # B's grant appealed after finality and the SKO's change (finality undone, a new
        # decision of the SKO); C's grant quashed (its status).
        s.execute(update(Decision).where(Decision.id == ids["db"]).values(status="appealed", final_on=None))
        s.execute(update(Decision).where(Decision.id == ids["dc"]).values(status="quashed"))
        # The register corrects a name; a household's members are read only as the application
        # named them.
        s.execute(update(Person).where(Person.id == ids["a"][0]).values(last_name="Poprawiona"))
        uow.commit()
    # Arrears of 2025 paid in 2026, and an approved payment of 2024 settled in 2026.
    change = case(ctx, ids["b"], "zasilek_staly", "niepelnosprawnosc")
    sko = decision(ctx, change, "450.00", date(2025, 4, 1), issued_on=date(2026, 2, 20))
    pay(ctx, sko, date(2025, 6, 1), "150.00", date(2026, 2, 25))
    with ctx.uow() as uow:
        p = uow.session.get(Payment, ids["k_approved"])
        assert p is not None
        p.status, p.settled_on = "returned", date(2026, 2, 2)
        uow.commit()
    # A social-work visit of today and a contract's outcome recorded now.
    records.add_entry(ctx, caseworker, records.list_records(ctx, caseworker)[0].id,
                      {"kind": "visit", "on": "2026-03-01", "text": "Wizyta."})
    assert to_json(mrpips03.compute(ctx, HEAD, 2025, 1)) == before
    assert to_json(mrpips03.compute(ctx, HEAD, 2025)) == year_before
    # The 2026 report sees the 2026 payment.
    assert figures(mrpips03.compute(ctx, HEAD, 2026))["zasilki_stale"][2] == D("150.00")


def test_who_makes_the_report(ctx: ServiceContext, caseworker: Actor, supervisor: Actor,
                              admin: Actor) -> None:
    assert mrpips03.compute(ctx, supervisor, 2025).year == 2025
    assert mrpips03.compute(ctx, HEAD, 2025).year == 2025
    for actor in (caseworker, admin):
        with pytest.raises(Forbidden) as refused:
            mrpips03.compute(ctx, actor, 2025)
        assert getattr(refused.value.args[0], "code", None) == RepCode.ROLE


@pytest.mark.parametrize(("year", "half", "field", "code"), [
    ("", None, "year", RepCode.YEAR_INVALID), ("25", None, "year", RepCode.YEAR_INVALID),
    ("abcd", None, "year", RepCode.YEAR_INVALID), ("2003", None, "year", RepCode.YEAR_INVALID),
    ("２０２５", None, "year", RepCode.YEAR_INVALID), ("2027", None, "year", RepCode.YEAR_FUTURE),
    ("2025", "3", "half", RepCode.HALF_INVALID), ("2025", "x", "half", RepCode.HALF_INVALID),
    ("2025", "01", "half", RepCode.HALF_INVALID),
])
def test_a_bad_period_is_refused_with_its_field(ctx: ServiceContext, year: str, half: str | None,
                                                field: str, code: RepCode) -> None:
    with pytest.raises(ValidationFailed) as refused:
        mrpips03.compute(ctx, HEAD, year, half)
    assert {k: getattr(v, "code", None) for k, v in refused.value.errors.items()} == {field: code}


def test_the_household_is_counted_once_per_family(ctx: ServiceContext, caseworker: Actor) -> None:
    """Two cases of the same persons are one family; a member's person is counted once."""
    fam = persons(ctx, 2)
    for benefit in ("zasilek_celowy", "specjalny_zasilek_celowy"):
        d = decision(ctx, case(ctx, fam, benefit), "100.00", date(2025, 2, 1))
        pay(ctx, d, date(2025, 2, 1), "100.00", date(2025, 2, 3))
    row = figures(mrpips03.compute(ctx, HEAD, 2025, 1))["zasilki_celowe"]
    assert row == (1, 2, D("200.00"), 1, 2)
    with ctx.uow(readonly=True) as uow:
        assert uow.session.scalar(select(func.count()).select_from(HouseholdMember)) == 4
        assert uow.session.scalar(select(func.count()).select_from(Case)) == 2
