"""Zasiłek rodzinny (u.ś.r.) and fundusz alimentacyjny, with "złotówka za złotówkę".

Both are granted for a yearly benefit period (zasiłek rodzinny 1 Nov - 31 Oct, FA 1 Oct - 30 Sep).
Their parameters are looked up on the first day of the period that contains the date, so a figure
that changes in the middle of a period applies from the next period.

Readings (named in the explanation):

* zasiłek rodzinny, who is a child: every member other than the applicant whose age falls in the
  age bands (0-23 in completed years), unless ``Member.child`` says otherwise; the caseworker
  checks the school and disability conditions for children over 18. Only the base zasiłek
  rodzinny is computed, without the dodatki.
* zasiłek rodzinny, age bands: art. 6 ust. 2 u.ś.r. counts "do ukończenia 5. roku życia", which
  in completed years is 0-4 (95 zł), 5-17 (124 zł), 18-23 (135 zł). DOMAIN.md writes 0-5 / 6-18 /
  19-24; the bands are a dated parameter, so either reading is one entry away.
* zasiłek rodzinny, złotówka za złotówkę (art. 5 ust. 3-3a): the excess is the family's total
  income minus threshold x persons (the same as the per-person excess x persons, but computed on
  totals so that nothing is rounded); the monthly total is reduced by it and nothing is paid when
  less than 20 zł would remain. Income per person (rounded) decides whether the threshold is
  exceeded at all.
* FA, złotówka za złotówkę (art. 9 ust. 2a): each entitled person's amount is reduced by the
  excess of income per person over the criterion, and is not paid when below 100 zł. The floors
  apply only to reduced amounts.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from app.domain.explain import NOT_ELIGIBLE, Explanation, Outcome
from app.domain.income import Member, income_of
from app.domain.money import ZERO
from app.domain.parameters import period_start
from app.domain.polish import READING_PL, date_pl, person_label, years, zl

USR_5_1 = "art. 5 ust. 1-2 u.ś.r."
USR_5_3 = "art. 5 ust. 3-3a u.ś.r."
USR_5_3C = "art. 5 ust. 3c u.ś.r."
USR_6_2 = "art. 6 ust. 2 u.ś.r."
FA_9_2 = "art. 9 ust. 2 ustawy o pomocy osobom uprawnionym do alimentów"
FA_9_2A = "art. 9 ust. 2a-2b ustawy o pomocy osobom uprawnionym do alimentów"
FA_10_1 = "art. 10 ust. 1 ustawy o pomocy osobom uprawnionym do alimentów"


def _period(name: str, on: date, expl: Explanation, label: str, period_pl: str) -> date:
    """Return the first day of the benefit period containing ``on`` and explain it."""
    start = period_start(on, expl.param(name, on))
    expl.step(f"{label}.period", f"{on} falls in the benefit period starting {start}; its "
              "parameters are those in force on that day.", {"on": on}, start,
              pl=f"Dzień {date_pl(on)} przypada w {period_pl} rozpoczętym {date_pl(start)}; "
                 "stosuje się parametry obowiązujące w pierwszym dniu tego okresu.")
    return start


def _bands_pl(bands: tuple[tuple[int, Decimal], ...]) -> str:
    """The age bands in Polish: '0–4 lata: 95,00 zł, 5–17 lat: 124,00 zł, ...'."""
    parts = []
    low = 0
    for max_age, amount in bands:
        parts.append(f"{low}–{years(max_age)}: {zl(amount)}")
        low = max_age + 1
    return ", ".join(parts)


def _band(age: int, bands: tuple[tuple[int, Decimal], ...]) -> Decimal | None:
    """Return the monthly amount for a child's age, or None when above every band."""
    for max_age, amount in bands:
        if age <= max_age:
            return amount
    return None


def zasilek_rodzinny(members: list[Member], on: date, expl: Explanation) -> Outcome:
    """Monthly zasiłek rodzinny of the family (base benefit, without dodatki)."""
    start = _period("zasilek_rodzinny.period_start_month", on, expl, "zasilek_rodzinny",
                    "okresie zasiłkowym")
    bands = expl.param("zasilek_rodzinny.age_bands", start)
    expl.reading("zasilek_rodzinny.age_bands", "age bands are by completed years ('do "
                 "ukończenia N. roku życia' = younger than N): "
                 + ", ".join(f"up to {a}: {amt} zł" for a, amt in bands) + ".", [USR_6_2],
                 pl="przedziały wieku ustala się według ukończonych lat życia („do ukończenia "
                    "N. roku życia” oznacza wiek poniżej N lat): " + _bands_pl(bands) + ".")
    children: list[dict[str, object]] = []
    amounts: list[Decimal] = []
    disabled = False
    for i, m in enumerate(members):
        is_child = m.child if m.child is not None else i > 0
        amount = _band(m.age, bands) if is_child else None
        if amount is not None:
            amounts.append(amount)
            disabled = disabled or m.disabled
            children.append({"member": i, "age": m.age, "disabled": m.disabled,
                             "amount_before_reduction": amount})
    expl.reading("zasilek_rodzinny.children", "children are the members other than the applicant "
                 "within the age bands (unless marked otherwise); school and disability "
                 "conditions over 18 are checked by the caseworker.", [USR_6_2],
                 pl="dziećmi są członkowie rodziny inni niż wnioskodawca, których wiek mieści się "
                    "w przedziałach wieku (chyba że w danych sprawy wskazano inaczej); warunki "
                    "dotyczące nauki i niepełnosprawności dzieci pełnoletnich sprawdza pracownik "
                    "socjalny.")
    if not children:
        expl.step("zasilek_rodzinny.no_child", "No member counts as a child.", {}, False,
                  pl="Żaden z członków rodziny nie jest dzieckiem uprawniającym do zasiłku "
                     "rodzinnego.")
        return NOT_ELIGIBLE
    full = sum(amounts, ZERO)
    expl.step("zasilek_rodzinny.full_amount", "Sum of the monthly amounts for each child.",
              {"children": children}, full, [USR_6_2],
              pl=(f"Miesięczna kwota zasiłku rodzinnego na dziecko: {zl(full)}." if len(amounts) == 1
                  else "Suma miesięcznych kwot zasiłku rodzinnego na poszczególne dzieci: "
                  + " + ".join(zl(a) for a in amounts) + f" = {zl(full)}."))
    name = "zasilek_rodzinny.threshold_disabled_child" if disabled else "zasilek_rodzinny.threshold"
    threshold = expl.param(name, start)
    inc = income_of(members, on, expl, regime="usr")
    within = inc.per_person <= threshold
    expl.step("zasilek_rodzinny.income_test", f"Income per person {inc.per_person} "
              f"{'does not exceed' if within else 'exceeds'} the threshold {threshold}"
              f"{' (a child is disabled)' if disabled else ''}.",
              {"income_per_person": inc.per_person, "threshold": threshold}, within, [USR_5_1],
              pl=f"Dochód na osobę w rodzinie ({zl(inc.per_person)}) "
                 f"{'nie przekracza' if within else 'przekracza'} kryterium dochodowego "
                 f"({zl(threshold)})"
                 f"{' właściwego dla rodziny z dzieckiem niepełnosprawnym' if disabled else ''}.")
    if within:
        return Outcome.fixed(full, tuple(children))
    allowed = threshold * inc.persons
    excess = inc.total - allowed
    reduced = full - excess
    expl.step("zasilek_rodzinny.reduction", f"Złotówka za złotówkę: family income {inc.total} "
              f"exceeds {threshold} x {inc.persons} by {excess}; READING: the monthly total is "
              "reduced by that excess.", {"full": full, "excess": excess}, reduced, [USR_5_3],
              pl=f"Zasada „złotówka za złotówkę”: dochód rodziny ({zl(inc.total)}) przekracza "
                 f"iloczyn kryterium dochodowego i liczby członków rodziny ({zl(threshold)} × "
                 f"{inc.persons} = {zl(allowed)}) o {zl(excess)}; {READING_PL.lower()}łączną "
                 f"miesięczną kwotę zasiłku pomniejsza się o tę nadwyżkę: {zl(full)} − "
                 f"{zl(excess)} = {zl(reduced)}.")
    floor = expl.param("zasilek_rodzinny.min_after_reduction", start)
    if reduced < floor:
        expl.step("zasilek_rodzinny.minimum", f"Less than {floor} zł would remain, so nothing is "
                  "paid.", {"reduced": reduced, "minimum": floor}, ZERO, [USR_5_3C],
                  pl=f"Po pomniejszeniu pozostałaby kwota niższa niż {zl(floor)}, zatem zasiłek "
                     "rodzinny nie przysługuje.")
        return NOT_ELIGIBLE
    return Outcome.fixed(reduced, tuple(children))


def fundusz_alimentacyjny(members: list[Member], on: date, expl: Explanation) -> Outcome:
    """Monthly FA of each entitled member: min(alimony awarded, cap), then złotówka za złotówkę."""
    start = _period("fa.period_start_month", on, expl, "fundusz_alimentacyjny",
                    "okresie świadczeniowym")
    max_age = expl.param("fa.max_age", start)
    entitled = [(i, m) for i, m in enumerate(members)
                if m.alimony_awarded > 0 and (m.age <= max_age or m.disabled)]
    expl.reading("fundusz_alimentacyjny.entitled", f"entitled are members with alimony awarded "
                 f"aged {max_age} or less (school is assumed over 18), or disabled at any age.",
                 pl="osobami uprawnionymi są członkowie rodziny, na rzecz których zasądzono "
                    f"alimenty, w wieku nie wyższym niż {years(max_age)} (zakłada się, że osoba "
                    "pełnoletnia uczy się w szkole lub szkole wyższej), a osoby niepełnosprawne "
                    "– bez względu na wiek.")
    if not entitled:
        expl.step("fundusz_alimentacyjny.no_entitled", "No member is entitled.", {}, False,
                  pl="Żaden z członków rodziny nie jest osobą uprawnioną do świadczenia z "
                     "funduszu alimentacyjnego.")
        return NOT_ELIGIBLE
    cap = expl.param("fa.cap", start)
    criterion = expl.param("fa.criterion", start)
    inc = income_of(members, on, expl, regime="usr")
    excess = inc.per_person - criterion
    expl.step("fundusz_alimentacyjny.income_test", f"Income per person {inc.per_person} "
              f"{'does not exceed' if excess <= 0 else 'exceeds'} the criterion {criterion}.",
              {"income_per_person": inc.per_person, "criterion": criterion}, excess <= 0,
              [FA_9_2],
              pl=f"Dochód na osobę w rodzinie ({zl(inc.per_person)}) "
                 + (f"nie przekracza kryterium dochodowego ({zl(criterion)})." if excess <= 0
                    else f"przekracza kryterium dochodowe ({zl(criterion)}) o {zl(excess)}."))
    floor = expl.param("fa.min_after_reduction", start) if excess > 0 else None
    rows: list[dict[str, object]] = []
    paid: list[Decimal] = []
    for i, m in entitled:
        base = min(m.alimony_awarded, cap)
        row: dict[str, object] = {"member": i, "alimony_awarded": m.alimony_awarded,
                                  "cap": cap, "amount_before_reduction": base}
        amount = base
        if floor is not None:
            amount = base - excess
            if amount < floor:
                amount = ZERO
        row["amount"] = amount
        rows.append(row)
        paid.append(amount)
    text_pl = ("Każdej osobie uprawnionej przysługuje świadczenie w wysokości bieżąco ustalonych "
               f"alimentów, nie wyższej jednak niż {zl(cap)} miesięcznie")
    if floor is not None:
        text_pl += (f"; kwotę tę pomniejsza się o nadwyżkę dochodu ({zl(excess)}), a świadczenie "
                    f"nie przysługuje, jeżeli po pomniejszeniu byłoby niższe niż {zl(floor)}")
    text_pl += ": " + "; ".join(f"{person_label(i).lower()} – {zl(a)}"
                                for (i, _), a in zip(entitled, paid, strict=True)) + "."
    expl.step("fundusz_alimentacyjny.per_person", "Each entitled person gets the alimony awarded, "
              f"at most {cap} zł" + (f"; reduced by the excess {excess} and not paid below "
                                     f"{floor} zł" if floor is not None else "") + ".",
              {"entitled": rows}, None, [FA_10_1] + ([FA_9_2A] if floor is not None else []),
              pl=text_pl)
    total = sum(paid, ZERO)
    if total == 0:
        return Outcome(False, ZERO, ZERO, ZERO, tuple(rows))
    return Outcome.fixed(total, tuple(rows))

