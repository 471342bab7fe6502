"""Jednorazowa zapomoga z tytułu urodzenia się dziecka (becikowe, art. 15b u.ś.r.) and
świadczenie rodzicielskie (art. 17c u.ś.r.).

The member fields they read are described in :mod:`app.domain.dodatki` (``born_on``,
``applied_on``, ``prenatal_care``, ``care_since``, ``other_benefits``).

Rules and readings (named in the explanation):

* becikowe: 1000 zł for each child born (a member other than the applicant with ``born_on``)
  whose application is filed within 12 months of the birth (art. 15b ust. 3): READING, the
  period ends on the day of the 12th month with the birth day's number (art. 112 KC), so a
  filing on that day is in time and a filing the day after is refused. A legal or actual
  guardian or an adopting parent (``care_since``) files within 12 months of taking the child
  into care, before its 18th birthday, and the prenatal condition does not apply to them
  (ust. 6); for others the mother was under medical care from the 10th week of pregnancy
  (ust. 5, ``prenatal_care``). Income per person at most 1922 zł (ust. 2), compared unrounded
  (total <= limit x persons); no złotówka za złotówkę. The benefit is paid once (``amount`` is
  the sum).
* świadczenie rodzicielskie: 1000 zł a month (art. 17c ust. 3), no income test, for the
  children of the latest birth (the members with the latest ``born_on``; READING: children
  with the same birth date were born at one birth). It lasts 52 weeks for one child, 65 for
  two, 67 for three, 69 for four, 71 for five or more (ust. 6), from the birth (from taking
  into care for ``care_since``); the answer names the last day. Not due when either parent
  (the applicant, a spouse or a partner) receives zasiłek macierzyński, nor when the applicant
  has a carer's benefit (ust. 5; ``other_benefits``). An incomplete first or last month (the
  period runs from the birth or the taking into care to the last day of the weeks, not from a
  1st to a month's end) is paid by days: the amount divided by all the calendar days of the
  month, times the days the benefit is due, rounded up to 10 groszy (art. 17c u.ś.r., the
  provision on "niepełny miesiąc": :func:`incomplete_month_amount`, which the payment schedule
  applies through the catalogue's ``month_amount``); the amount shown is the full month's and
  the explanation names the first and the last month's. Not due when the application is filed
  after the period has ended.
"""

from __future__ import annotations

import calendar
from collections.abc import Mapping
from datetime import date, timedelta
from decimal import ROUND_CEILING, Decimal

from app.domain.dodatki import add_months, applied_on, prenatal_met
from app.domain.explain import NOT_ELIGIBLE, Explanation, Outcome
from app.domain.income import Member, income_of
from app.domain.money import GROSZ
from app.domain.polish import OTHER_BENEFITS_GENITIVE, READING_PL, date_pl, person_label, zl

ART_15B = "art. 15b u.ś.r."
ART_15B_2 = "art. 15b ust. 2 u.ś.r."
ART_15B_3 = "art. 15b ust. 3 u.ś.r."
ART_15B_5 = "art. 15b ust. 5-6 u.ś.r."
ART_17C = "art. 17c ust. 1 i 3 u.ś.r."
ART_17C_5 = "art. 17c ust. 5 u.ś.r."
ART_17C_6 = "art. 17c ust. 6 u.ś.r."
# The provision on the amount for an incomplete month (niepełny miesiąc) of art. 17c.
ART_17C_MONTH = "art. 17c ust. 7 u.ś.r."
TEN_GROSZY = Decimal("0.1")
PARENTS = ("applicant", "spouse", "partner")


def _born(members: list[Member]) -> list[int]:
    """The members other than the applicant with a birth date, in order."""
    return [i for i, m in enumerate(members) if i > 0 and m.born_on is not None]


def jednorazowa_zapomoga(members: list[Member], on: date, expl: Explanation) -> Outcome:
    """Becikowe: 1000 zł for each child born, within the income limit and the deadline."""
    filed = applied_on(members, on)
    months = expl.param("jednorazowa_zapomoga.deadline_months", on)
    amount = expl.param("jednorazowa_zapomoga.amount", on)
    expl.reading("jednorazowa_zapomoga.deadline", f"the {months} months end on the day with the "
                 "birth day's number (art. 112 KC); a filing that day is in time.", [ART_15B_3],
                 pl=f"termin {months} miesięcy kończy się z upływem dnia, który datą odpowiada "
                    "dniowi urodzenia (art. 112 Kodeksu cywilnego); wniosek złożony tego dnia "
                    "jest złożony w terminie.")
    granted: list[dict[str, object]] = []
    for i in _born(members):
        m = members[i]
        assert m.born_on is not None
        since = m.care_since or m.born_on
        deadline = add_months(since, months)
        adult = add_months(m.born_on, 12 * 18)
        in_time = since <= filed <= deadline and (m.care_since is None or filed < adult)
        care = prenatal_met(m)
        ok = in_time and care
        expl.step(
            "jednorazowa_zapomoga.child",
            f"members[{i}] born {m.born_on}: filed {filed}, "
            f"{'within' if in_time else 'not within'} the period ending {deadline}; prenatal "
            f"care {'shown or not required' if care else 'not shown'}.",
            {"member": i, "born_on": m.born_on, "care_since": m.care_since, "applied_on": filed,
             "prenatal_care": m.prenatal_care}, ok, [ART_15B_3, ART_15B_5],
            pl=f"{person_label(i)} (urodzenie {date_pl(m.born_on)}): wniosek złożono "
               f"{date_pl(filed)}, {'w terminie' if in_time else 'po terminie'} "
               f"{months} miesięcy od "
               f"{'objęcia dziecka opieką' if m.care_since else 'urodzenia'} (upływa "
               f"{date_pl(deadline)}); "
               + ("opieka medyczna od 10. tygodnia ciąży wykazana lub niewymagana." if care
                  else "nie wykazano, że matka pozostawała pod opieką medyczną nie później niż "
                       "od 10. tygodnia ciąży do porodu (art. 15b ust. 5)."))
        if ok:
            granted.append({"member": i, "born_on": m.born_on, "amount": amount})
    if not granted:
        expl.step("jednorazowa_zapomoga.no_child", "No child born qualifies.", {}, False,
                  [ART_15B],
                  pl="Żadne dziecko nie spełnia warunków jednorazowej zapomogi z tytułu "
                     "urodzenia się dziecka.")
        return NOT_ELIGIBLE
    limit = expl.param("jednorazowa_zapomoga.income_limit", on)
    inc = income_of(members, on, expl, regime="usr")
    within = inc.per_person_not_above(limit)
    allowed = limit * inc.persons
    expl.step("jednorazowa_zapomoga.income_test",
              f"Income per person ({inc.total} / {inc.persons}, unrounded) "
              f"{'does not exceed' if within else 'exceeds'} {limit}: {inc.total} "
              f"{'<=' if within else '>'} {limit} x {inc.persons} = {allowed}.",
              {"income_per_person": inc.per_person, "total": inc.total, "persons": inc.persons,
               "limit": limit}, within, [ART_15B_2],
              pl=f"Dochód na osobę w rodzinie ({zl(inc.total)} / {inc.persons}) "
                 f"{'nie przekracza' if within else 'przekracza'} kwoty {zl(limit)}; "
                 f"{READING_PL.lower()}porównuje się bez zaokrąglenia łączny dochód rodziny "
                 f"({zl(inc.total)}) z iloczynem tej kwoty i liczby członków rodziny "
                 f"({zl(limit)} × {inc.persons} = {zl(allowed)}).")
    if not within:
        return NOT_ELIGIBLE
    total = amount * len(granted)
    expl.step("jednorazowa_zapomoga.amount", f"{amount} zł for each of {len(granted)} children: "
              f"{total} zł once.", {"children": granted}, total, [ART_15B],
              pl=f"Jednorazowa zapomoga przysługuje w wysokości {zl(amount)} na każde dziecko "
                 f"({len(granted)}): {zl(total)} jednorazowo.")
    part = {"code": jednorazowa_zapomoga.__name__, "amount": total, "per": "once",
            "article": "art. 15b ust. 1 u.ś.r."}
    return Outcome.fixed(total, tuple(granted), (part,))


def _genitive(benefit: str) -> str:
    if benefit == "zasilek_macierzynski":
        return "zasiłku macierzyńskiego lub uposażenia macierzyńskiego"
    return OTHER_BENEFITS_GENITIVE.get(benefit, benefit)


def rodzicielskie_weeks(count: int, table: tuple[tuple[int, int], ...]) -> int:
    """The weeks of art. 17c ust. 6 for ``count`` children born at one birth."""
    weeks = table[0][1]
    for children, w in table:
        if count >= children:
            weeks = w
    return weeks


def swiadczenie_rodzicielskie(members: list[Member], on: date, expl: Explanation,
                              carer_benefits: Mapping[str, str] | None = None) -> Outcome:
    """1000 zł a month for the weeks of art. 17c ust. 6, without an income test;
    ``carer_benefits`` (code -> Polish genitive) are the catalogue's carer's benefits, excluded
    with the parameter's list."""
    born = _born(members)
    if not born:
        expl.step("swiadczenie_rodzicielskie.no_child", "No child with a birth date.", {}, False,
                  [ART_17C],
                  pl="W rodzinie nie ma dziecka, z którego urodzeniem (objęciem opieką) wiąże "
                     "się świadczenie rodzicielskie.")
        return NOT_ELIGIBLE
    latest: date = max(d for d in (members[i].born_on for i in born) if d is not None)
    twins = [i for i in born if members[i].born_on == latest]
    care = next((members[i].care_since for i in twins if members[i].care_since), None)
    since: date = care or latest
    table = expl.param("swiadczenie_rodzicielskie.weeks", on)
    weeks = rodzicielskie_weeks(len(twins), table)
    last: date = since + timedelta(weeks=weeks) - timedelta(days=1)
    expl.step("swiadczenie_rodzicielskie.period",
              f"{len(twins)} children born on {latest} (READING: the same birth date is one "
              f"birth): {weeks} weeks from {since}, until {last}.",
              {"children": twins, "born_on": latest, "care_since": care, "weeks": weeks},
              last, [ART_17C_6],
              pl=f"Liczba dzieci urodzonych {date_pl(latest)} ({READING_PL.lower()}dzieci o tej "
                 f"samej dacie urodzenia urodziły się przy jednym porodzie): {len(twins)}; "
                 f"świadczenie przysługuje przez {weeks} tygodni od "
                 f"{'objęcia dziecka opieką' if care else 'urodzenia'} ({date_pl(since)}), "
                 f"do {date_pl(last)}.")
    carers = dict(carer_benefits or {})
    excluded = (*expl.param("swiadczenie_rodzicielskie.excluded_benefits", on), *carers)
    found: list[tuple[int, str]] = []
    for i, m in enumerate(members):
        parent = i == 0 or m.relation in PARENTS
        for b in m.other_benefits:
            if parent and b in excluded and (i == 0 or b == "zasilek_macierzynski"):
                found.append((i, b))
    if found:
        expl.step("swiadczenie_rodzicielskie.excluded",
                  "Excluded by " + ", ".join(f"{b} (members[{i}])" for i, b in found) + ".",
                  {"excluded": [b for _, b in found]}, False, [ART_17C_5],
                  pl="Świadczenie rodzicielskie nie przysługuje (art. 17c ust. 5): "
                     + "; ".join(f"{person_label(i).lower()} ma prawo do "
                                 f"{carers.get(b) or _genitive(b)}" for i, b in found) + ".")
        return NOT_ELIGIBLE
    filed = applied_on(members, on)
    if filed > last:
        expl.step("swiadczenie_rodzicielskie.ended", f"Filed {filed}, after {last}.",
                  {"applied_on": filed}, False, [ART_17C_6],
                  pl=f"Wniosek złożono {date_pl(filed)}, po upływie okresu, za który "
                     f"świadczenie przysługuje ({date_pl(last)}).")
        return NOT_ELIGIBLE
    amount = expl.param("swiadczenie_rodzicielskie.amount", on)
    expl.step("swiadczenie_rodzicielskie.amount", f"{amount} zł a month, no income test, until "
              f"{last}.", {"weeks": weeks, "until": last}, amount, [ART_17C],
              pl=f"Świadczenie rodzicielskie przysługuje bez względu na dochód, w wysokości "
                 f"{zl(amount)} miesięcznie, do {date_pl(last)}.")
    # From the birth (or taking into care); a later first benefit month (art. 24 u.ś.r.) is
    # whole, and the decision's period says which.
    first_paid = since
    first, final = (incomplete_month_amount(amount, first_paid, first_paid, last),
                    incomplete_month_amount(amount, last, first_paid, last))
    expl.step("swiadczenie_rodzicielskie.incomplete_months", f"An incomplete month is paid by "
              f"days, rounded up to 10 groszy: {first} zł for the month of {first_paid}, "
              f"{final} zł for the month of {last}.",
              {"from": first_paid, "until": last, "first_month": first, "last_month": final},
              None, [ART_17C_MONTH],
              pl=f"Kwotę za niepełny miesiąc ustala się, dzieląc kwotę świadczenia przez liczbę "
                 f"dni kalendarzowych miesiąca i mnożąc przez liczbę dni, za które świadczenie "
                 f"przysługuje, z zaokrągleniem do 10 groszy w górę: za miesiąc, w którym "
                 f"przypada {date_pl(first_paid)}, {zl(first)}; za miesiąc, w którym przypada "
                 f"{date_pl(last)}, {zl(final)}.")
    part = {"code": swiadczenie_rodzicielskie.__name__, "amount": amount, "per": "month",
            "article": "art. 17c ust. 3 u.ś.r."}
    return Outcome.fixed(amount, ({"children": twins, "weeks": weeks, "from": since,
                                   "until": last},), (part,))


def incomplete_month_amount(amount: Decimal, month: date, period_from: date,
                            period_to: date | None) -> Decimal:
    """The benefit for ``month`` of a period from ``period_from`` to ``period_to`` (None: open):
    the whole ``amount`` for a whole month; for an incomplete one the amount divided by all the
    calendar days of the month, times the days the benefit is due in it, rounded up to 10 groszy
    (art. 17c u.ś.r., "niepełny miesiąc"); nothing for a month outside the period."""
    days = calendar.monthrange(month.year, month.month)[1]
    start, end = month.replace(day=1), month.replace(day=days)
    first = max(start, period_from)
    last = end if period_to is None else min(end, period_to)
    if last < first:
        return Decimal("0.00")
    due = (last - first).days + 1
    if due == days:
        return amount
    return (amount * due / days).quantize(TEN_GROSZY, rounding=ROUND_CEILING).quantize(GROSZ)
