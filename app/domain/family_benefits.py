"""Zasiłek rodzinny (u.ś.r.) and fundusz alimentacyjny, with "złotówka za złotówkę".

Both are granted for a yearly benefit period (zasiłek rodzinny 1 Nov - 31 Oct, FA 1 Oct - 30 Sep).
Their parameters are looked up on the first day of the period that contains the date, so a figure
that changes in the middle of a period applies from the next period. The date passed in is a
benefit month, not the filing date: an application filed in August for the period starting
1 October (FA) or 1 November (zasiłek rodzinny) is computed on the first month of that period
(see :mod:`app.domain.benefit_months`).

Rules and readings (named in the explanation):

* zasiłek rodzinny, who is a child: the applicant, a spouse, a partner and a parent of the
  applicant (``Member.relation``) are never a child. Otherwise ``Member.child`` decides when given;
  when it is not, READING: a member other than the applicant whose relation is "child", "sibling",
  "other" or unknown is a child of the family (a child under the applicant's care).
* zasiłek rodzinny, age conditions (art. 6 ust. 1 u.ś.r.), for each child and explained per child:
  until 18; from 18, only while in a szkoła (``Member.in_school``; a szkoła wyższa does not count,
  pkt 2) and until 21; from 21, only while in a szkoła or a szkoła wyższa
  (``Member.in_higher_school``) AND with a moderate or severe disability certificate
  (``Member.disability_certificate`` or ``severe_disability_certificate``) and until 24 (pkt 3).
  Ages are completed years; the limits are dated parameters. The dodatki (art. 9-15) due with it
  are :mod:`app.domain.dodatki`'s; ``amount`` is the zasiłki and the monthly dodatki, and
  ``components`` lists each part.
* zasiłek rodzinny, age bands: art. 6 ust. 2 u.ś.r. counts "do ukończenia 5. roku życia", which
  in completed years is 0-4 (95 zł), 5-17 (124 zł), 18-23 (135 zł) (DOMAIN.md, corrected).
* zasiłek rodzinny, higher threshold (art. 5 ust. 2): "członkiem rodziny jest dziecko
  legitymujące się orzeczeniem o niepełnosprawności lub orzeczeniem o umiarkowanym albo o znacznym
  stopniu niepełnosprawności". READING: any member counted as a child of the family (by relation,
  see above), entitled or not and whatever the age, who is disabled or holds either certificate.
* thresholds are compared unrounded (DOMAIN.md): income per person does not exceed the threshold
  when ``total <= threshold x persons``; FA likewise with its criterion.
* zasiłek rodzinny, złotówka za złotówkę (art. 5 ust. 3-3a): the excess is the family's total
  income minus threshold x persons (the same as the per-person excess x persons, computed on
  totals so that nothing is rounded); the monthly total (the zasiłki and the dodatki pooled as
  art. 5 ust. 3b says, see :mod:`app.domain.dodatki`) is reduced by it and nothing is paid when
  less than 20 zł would remain; the components are then the monthly shares and the reduction.
* FA, who is entitled (art. 9 ust. 1 of the FA act): until 18; until 25 while in a szkoła or a
  szkoła wyższa; without an age limit only with a certificate of a severe degree
  (``Member.severe_disability_certificate``). Being disabled otherwise gives nothing more.
* FA, złotówka za złotówkę (art. 9 ust. 2a): each entitled person's amount is reduced by the
  unrounded excess of income per person over the criterion; the result is rounded up to grosze (in
  the applicant's favour) and is not paid when below 100 zł. The floors apply only to reduced
  amounts.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from app.domain.dodatki import Dodatek, dodatki
from app.domain.explain import NOT_ELIGIBLE, Explanation, Outcome
from app.domain.income import Member, income_of
from app.domain.money import ZERO, amount_up, round_money
from app.domain.parameters import period_start
from app.domain.polish import READING_PL, date_pl, person_label, years, zl

USR_5_1 = "art. 5 ust. 1-2 u.ś.r."
USR_5_3 = "art. 5 ust. 3-3a u.ś.r."
USR_5_3B = "art. 5 ust. 3b u.ś.r."
USR_5_3C = "art. 5 ust. 3c u.ś.r."
USR_6_1 = "art. 6 ust. 1 u.ś.r."
USR_6_1_1 = "art. 6 ust. 1 pkt 1 u.ś.r."
USR_6_1_2 = "art. 6 ust. 1 pkt 2 u.ś.r."
USR_6_1_3 = "art. 6 ust. 1 pkt 3 u.ś.r."
USR_6_2 = "art. 6 ust. 2 u.ś.r."
FA_9_1 = "art. 9 ust. 1 ustawy o pomocy osobom uprawnionym do alimentów"
FA_9_2 = "art. 9 ust. 2 ustawy o pomocy osobom uprawnionym do alimentów"
FA_9_2A = "art. 9 ust. 2a-2b ustawy o pomocy osobom uprawnionym do alimentów"
FA_10_1 = "art. 10 ust. 1 ustawy o pomocy osobom uprawnionym do alimentów"
FA_2_11 = "art. 2 pkt 11 ustawy o pomocy osobom uprawnionym do alimentów"


def _period(name: str, on: date, expl: Explanation, label: str, period_pl: str) -> date:
    """Return the first day of the benefit period containing ``on`` and explain it; ``label``
    names the step (the rule's name, which is the benefit's code)."""
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


# Relations to the applicant that are never a child of the family (app.domain.reasons.RELATIONS).
NEVER_CHILD: dict[str, tuple[str, str]] = {
    "applicant": ("the applicant", "wnioskodawcą"),
    "spouse": ("the applicant's spouse", "małżonkiem wnioskodawcy"),
    "partner": ("the applicant's partner", "osobą pozostającą z wnioskodawcą we wspólnym pożyciu"),
    "parent": ("the applicant's parent", "rodzicem wnioskodawcy"),
}
INFERRED_CHILD = (None, "child", "sibling", "other")


def _is_child_candidate(i: int, m: Member) -> bool:
    """Whether a member counts as a child of the family before the age conditions."""
    if m.relation in NEVER_CHILD:
        return False
    if m.child is not None:
        return m.child
    return m.relation == "child" or (i > 0 and m.relation in INFERRED_CHILD)


def _age_condition(
    i: int, m: Member, limits: tuple[int, int, int], bands: tuple[tuple[int, Decimal], ...],
    expl: Explanation,
) -> Decimal | None:
    """Check art. 6 ust. 1 u.ś.r. for one child, explain it, and return its monthly amount."""
    adult, school, school_disabled = limits
    who = f"members[{i}] (aged {m.age})"
    who_pl = f"{person_label(i)} ({years(m.age)})"
    if m.age < adult:
        ok, point = True, USR_6_1_1
        why = f"a child is entitled until {adult}"
        why_pl = f"zasiłek rodzinny przysługuje na dziecko do ukończenia {adult}. roku życia"
    elif m.age < school:
        ok, point = m.in_school, USR_6_1_2
        higher = " (a higher school does not count)" if m.in_higher_school and not ok else ""
        higher_pl = (" (nauka w szkole wyższej nie uprawnia do zasiłku przed ukończeniem "
                     f"{school}. roku życia)" if m.in_higher_school and not ok else "")
        why = (f"from {adult} only while in school, until {school}; "
               f"{'in school' if ok else 'not in school'}{higher}")
        why_pl = (f"po ukończeniu {adult}. roku życia zasiłek przysługuje tylko na dziecko "
                  f"uczące się w szkole (nie w szkole wyższej), do ukończenia {school}. roku "
                  f"życia; dziecko {'uczy się w szkole' if ok else 'nie uczy się w szkole'}"
                  f"{higher_pl}")
    elif m.age < school_disabled:
        learning = m.in_school or m.in_higher_school
        certificate = m.moderate_or_severe_certificate
        ok, point = learning and certificate, USR_6_1_3
        why = (f"from {school} only while in school or a higher school AND with a moderate or "
               f"severe disability certificate, until {school_disabled}; "
               f"{'in school' if learning else 'not in school'}, "
               f"{'with' if certificate else 'without'} such a certificate")
        why_pl = (f"po ukończeniu {school}. roku życia zasiłek przysługuje tylko na dziecko, "
                  "które uczy się w szkole lub w szkole wyższej i legitymuje się orzeczeniem o "
                  "umiarkowanym albo o znacznym stopniu niepełnosprawności, do ukończenia "
                  f"{school_disabled}. roku życia; dziecko "
                  f"{'uczy się' if learning else 'nie uczy się'} i "
                  f"{'ma' if certificate else 'nie ma'} takiego orzeczenia")
    else:
        ok, point = False, USR_6_1
        why = f"zasiłek rodzinny ends at {school_disabled} at the latest"
        why_pl = (f"zasiłek rodzinny przysługuje najdłużej do ukończenia {school_disabled}. "
                  "roku życia")
    amount = _band(m.age, bands) if ok else None
    expl.step(
        "zasilek_rodzinny.child",
        f"{who}: {why}; " + (f"entitled, {amount} zł a month." if amount is not None
                              else "not entitled."),
        {"member": i, "relation": m.relation, "age": m.age, "in_school": m.in_school,
         "in_higher_school": m.in_higher_school,
         "disability_certificate": m.moderate_or_severe_certificate},
        amount is not None, [point, USR_6_2] if amount is not None else [point],
        pl=f"{who_pl}: {why_pl}; "
           + (f"zasiłek przysługuje w wysokości {zl(amount)} miesięcznie." if amount is not None
              else "zasiłek na to dziecko nie przysługuje."),
    )
    return amount


def _not_a_child(i: int, m: Member, expl: Explanation) -> None:
    """Explain that a member is never a child because of the relation to the applicant."""
    assert m.relation is not None
    what, what_pl = NEVER_CHILD[m.relation]
    expl.step("zasilek_rodzinny.child", f"members[{i}] is {what}, who is never a child.",
              {"member": i, "relation": m.relation, "age": m.age}, False, [USR_6_1],
              pl=f"{person_label(i)} jest {what_pl}, a taka osoba nigdy nie jest dzieckiem "
                 "uprawniającym do zasiłku rodzinnego.")


def zasilek_rodzinny(members: list[Member], on: date, expl: Explanation) -> Outcome:
    """Monthly zasiłek rodzinny of the family (base benefit, without dodatki)."""
    start = _period("zasilek_rodzinny.period_start_month", on, expl, zasilek_rodzinny.__name__,
                    "okresie zasiłkowym")
    bands = expl.param("zasilek_rodzinny.age_bands", start)
    limits = (expl.param("zasilek_rodzinny.age_limit", start),
              expl.param("zasilek_rodzinny.age_limit_school", start),
              expl.param("zasilek_rodzinny.age_limit_school_disabled", start))
    expl.reading("zasilek_rodzinny.age_bands", "age bands are by completed years ('do "
                 "ukończenia N. roku życia' = younger than N): "
                 + ", ".join(f"up to {a}: {amt} zł" for a, amt in bands) + ".", [USR_6_2],
                 pl="przedziały wieku ustala się według ukończonych lat życia („do ukończenia "
                    "N. roku życia” oznacza wiek poniżej N lat): " + _bands_pl(bands) + ".")
    expl.reading("zasilek_rodzinny.children", "the applicant, a spouse, a partner and a parent of "
                 "the applicant are never a child; other members are children when marked so, "
                 "or, when not marked, if their relation to the applicant is child, sibling, "
                 "other or unknown. The age conditions of art. 6 ust. 1 u.ś.r. are checked for "
                 "each child.", [USR_6_1],
                 pl="wnioskodawca, jego małżonek, osoba pozostająca z nim we wspólnym pożyciu i "
                    "jego rodzic nigdy nie są dziećmi; pozostałych członków rodziny uznaje się za "
                    "dzieci, gdy tak wskazano w danych sprawy, a gdy tego nie wskazano – jeżeli są "
                    "dziećmi, rodzeństwem lub innymi osobami pozostającymi pod opieką wnioskodawcy "
                    "albo ich pokrewieństwo nie jest znane. Warunki wieku, nauki i "
                    "niepełnosprawności z art. 6 ust. 1 u.ś.r. sprawdza się dla każdego dziecka.")
    children: list[dict[str, object]] = []
    amounts: list[Decimal] = []
    disabled: list[int] = []  # children with a certificate, entitled or not (art. 5 ust. 2)
    for i, m in enumerate(members):
        if not _is_child_candidate(i, m):
            if m.relation in NEVER_CHILD and (i > 0 or m.child):
                _not_a_child(i, m, expl)
            continue
        if m.any_disability_certificate:
            disabled.append(i)
        amount = _age_condition(i, m, limits, bands, expl)
        if amount is not None:
            amounts.append(amount)
            children.append({"member": i, "age": m.age,
                             "disabled": m.any_disability_certificate,
                             "amount_before_reduction": amount})
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
    expl.reading("zasilek_rodzinny.threshold", "the higher threshold applies when any child of "
                 "the family, entitled or not, holds a disability certificate (o "
                 "niepełnosprawności or o stopniu niepełnosprawności)"
                 + (f": members {disabled}." if disabled else "; none does."), [USR_5_1],
                 pl="wyższe kryterium dochodowe stosuje się, gdy członkiem rodziny jest dziecko "
                    "legitymujące się orzeczeniem o niepełnosprawności lub orzeczeniem o "
                    "umiarkowanym albo o znacznym stopniu niepełnosprawności, także gdy zasiłek "
                    "na to dziecko nie przysługuje"
                    + (": " + ", ".join(person_label(i).lower() for i in disabled) + "."
                       if disabled else "; w rodzinie nie ma takiego dziecka."))
    inc = income_of(members, on, expl, regime="usr")
    within = inc.per_person_not_above(threshold)
    allowed = threshold * inc.persons
    expl.step("zasilek_rodzinny.income_test", f"Income per person ({inc.total} / {inc.persons}, "
              f"unrounded) {'does not exceed' if within else 'exceeds'} the threshold "
              f"{threshold}{' (a child is disabled)' if disabled else ''}: READING: compared "
              f"unrounded, as {inc.total} {'<=' if within else '>'} {threshold} x {inc.persons} "
              f"= {allowed}.",
              {"income_per_person": inc.per_person, "total": inc.total, "persons": inc.persons,
               "threshold": threshold}, within, [USR_5_1],
              pl=f"Dochód na osobę w rodzinie ({zl(inc.total)} / {inc.persons}) "
                 f"{'nie przekracza' if within else 'przekracza'} kryterium dochodowego "
                 f"({zl(threshold)})"
                 f"{' właściwego dla rodziny z dzieckiem niepełnosprawnym' if disabled else ''}; "
                 f"{READING_PL.lower()}porównuje się bez zaokrąglenia łączny dochód rodziny "
                 f"({zl(inc.total)}) z iloczynem kryterium i liczby członków rodziny "
                 f"({zl(threshold)} × {inc.persons} = {zl(allowed)}).")
    found = dodatki(members, [int(str(c["member"])) for c in children], start, on, expl)
    if within:
        monthly = sum((d.amount for d in found if d.per == "month"), ZERO)
        parts = [_zasilek_part(full)] + [d.component() for d in found]
        return Outcome.fixed(full + monthly, tuple(children), tuple(parts))
    excess = inc.total - allowed
    pooled = full + sum((d.share for d in found), ZERO)
    reduced = pooled - excess
    if found:
        expl.step("zasilek_rodzinny.pool", "The zasiłki and the dodatki pooled (art. 5 ust. 3b): "
                  + " + ".join(str(a) for a in [full, *(d.share for d in found)])
                  + f" = {pooled}.", {"full": full, "dodatki": [d.component() for d in found]},
                  pooled, [USR_5_3B],
                  pl="Łączna miesięczna kwota zasiłków rodzinnych wraz z dodatkami (art. 5 "
                     "ust. 3b): " + " + ".join(zl(a) for a in [full, *(d.share for d in found)])
                     + f" = {zl(pooled)}.")
    expl.step("zasilek_rodzinny.reduction", f"Złotówka za złotówkę: family income {inc.total} "
              f"exceeds {threshold} x {inc.persons} by {excess}; READING: the monthly total is "
              "reduced by that excess.", {"full": pooled, "excess": excess}, reduced, [USR_5_3],
              pl=f"Zasada „złotówka za złotówkę”: dochód rodziny ({zl(inc.total)}) przekracza "
                 f"iloczyn kryterium dochodowego i liczby członków rodziny ({zl(threshold)} × "
                 f"{inc.persons} = {zl(allowed)}) o {zl(excess)}; {READING_PL.lower()}łączną "
                 f"miesięczną kwotę zasiłku pomniejsza się o tę nadwyżkę: {zl(pooled)} − "
                 f"{zl(excess)} = {zl(reduced)}.")
    floor = expl.param("zasilek_rodzinny.min_after_reduction", start)
    if reduced < floor:
        expl.step("zasilek_rodzinny.minimum", f"Less than {floor} zł would remain, so nothing is "
                  "paid.", {"reduced": reduced, "minimum": floor}, ZERO, [USR_5_3C],
                  pl=f"Po pomniejszeniu pozostałaby kwota niższa niż {zl(floor)}, zatem zasiłek "
                     "rodzinny nie przysługuje.")
        return NOT_ELIGIBLE
    return Outcome.fixed(reduced, tuple(children), _reduced_parts(full, found, excess))


def _zasilek_part(amount: Decimal) -> dict[str, object]:
    return {"code": zasilek_rodzinny.__name__, "amount": amount, "per": "month",
            "article": USR_6_2}


def _reduced_parts(full: Decimal, found: list[Dodatek], excess: Decimal) -> tuple[dict[str, object], ...]:
    """After złotówka za złotówkę every part is paid monthly, as its share in the pool, less the
    excess (a negative part), so that the parts add up to the amount."""
    parts = [_zasilek_part(full)]
    parts += [{**d.component(), "amount": d.share, "per": "month"} for d in found]
    parts.append({"code": "zlotowka_za_zlotowke", "amount": -excess, "per": "month",
                  "article": USR_5_3})
    return tuple(parts)


def fundusz_alimentacyjny(members: list[Member], on: date, expl: Explanation) -> Outcome:
    """Monthly FA of each entitled member: min(alimony awarded, cap), then złotówka za złotówkę."""
    start = _period("fa.period_start_month", on, expl, fundusz_alimentacyjny.__name__,
                    "okresie świadczeniowym")
    limit = expl.param("fa.age_limit", start)
    school_limit = expl.param("fa.age_limit_school", start)
    entitled = [(i, m) for i, m in enumerate(members)
                if m.alimony_awarded > 0
                and (m.age < limit
                     or ((m.in_school or m.in_higher_school) and m.age < school_limit)
                     or m.severe_disability_certificate)]
    expl.reading("fundusz_alimentacyjny.entitled", f"entitled are members with alimony awarded "
                 f"younger than {limit}, younger than {school_limit} while in school or higher "
                 "school, or at any age with a certificate of a severe degree of disability "
                 "(another disability does not extend the right).", [FA_2_11, FA_9_1],
                 pl="świadczenia z funduszu alimentacyjnego przysługują członkom rodziny, na "
                    f"rzecz których zasądzono alimenty, do ukończenia {limit}. roku życia, a "
                    "jeżeli uczą się w szkole lub szkole wyższej – do ukończenia "
                    f"{school_limit}. roku życia; osobom legitymującym się orzeczeniem o "
                    "znacznym stopniu niepełnosprawności – bezterminowo.")
    if not entitled:
        expl.step("fundusz_alimentacyjny.no_entitled", "No member is entitled.", {}, False,
                  pl="Żaden z członków rodziny nie jest osobą uprawnioną do świadczenia z "
                     "funduszu alimentacyjnego.")
        return NOT_ELIGIBLE
    cap = expl.param("fa.cap", start)
    criterion = expl.param("fa.criterion", start)
    inc = income_of(members, on, expl, regime="usr")
    within = inc.per_person_not_above(criterion)
    excess = inc.per_person_exact - criterion
    about, about_pl = ("", "") if excess == round_money(excess) else ("about ", "ok. ")
    allowed = criterion * inc.persons
    expl.step("fundusz_alimentacyjny.income_test", f"Income per person ({inc.total} / "
              f"{inc.persons}, unrounded) {'does not exceed' if within else 'exceeds'} the "
              f"criterion {criterion}" + ("" if within else f" by {about}{round_money(excess)}")
              + f": READING: compared unrounded, as {inc.total} {'<=' if within else '>'} "
              f"{criterion} x {inc.persons} = {allowed}.",
              {"income_per_person": inc.per_person, "total": inc.total, "persons": inc.persons,
               "criterion": criterion}, within, [FA_9_2],
              pl=f"Dochód na osobę w rodzinie ({zl(inc.total)} / {inc.persons}) "
                 + (f"nie przekracza kryterium dochodowego ({zl(criterion)})" if within
                    else f"przekracza kryterium dochodowe ({zl(criterion)}) o {about_pl}"
                         f"{zl(excess)}")
                 + f"; {READING_PL.lower()}porównuje się bez zaokrąglenia łączny dochód rodziny "
                   f"({zl(inc.total)}) z iloczynem kryterium i liczby członków rodziny "
                   f"({zl(criterion)} × {inc.persons} = {zl(allowed)}).")
    floor = expl.param("fa.min_after_reduction", start) if not within else None
    rows: list[dict[str, object]] = []
    paid: list[Decimal] = []
    for i, m in entitled:
        base = min(m.alimony_awarded, cap)
        row: dict[str, object] = {"member": i, "alimony_awarded": m.alimony_awarded,
                                  "cap": cap, "amount_before_reduction": base}
        amount = base
        if floor is not None:
            amount = amount_up(base - excess)
            if amount < floor:
                amount = ZERO
        row["amount"] = amount
        rows.append(row)
        paid.append(amount)
    text_pl = ("Każdej osobie uprawnionej przysługuje świadczenie w wysokości bieżąco ustalonych "
               f"alimentów, nie wyższej jednak niż {zl(cap)} miesięcznie")
    if floor is not None:
        text_pl += (f"; kwotę tę pomniejsza się o nadwyżkę dochodu ({about_pl}{zl(excess)}; "
                    "wynik zaokrągla się w górę do pełnego grosza, na korzyść osoby uprawnionej), "
                    "a świadczenie nie przysługuje, jeżeli po pomniejszeniu byłoby niższe niż "
                    f"{zl(floor)}")
    text_pl += ": " + "; ".join(f"{person_label(i).lower()} – {zl(a)}"
                                for (i, _), a in zip(entitled, paid, strict=True)) + "."
    expl.step("fundusz_alimentacyjny.per_person", "Each entitled person gets the alimony awarded, "
              f"at most {cap} zł" + (f"; reduced by the unrounded excess ({about}"
                                     f"{round_money(excess)}), rounded up "
                                     f"to grosze, and not paid below {floor} zł"
                                     if floor is not None else "") + ".",
              {"entitled": rows}, None, [FA_10_1] + ([FA_9_2A] if floor is not None else []),
              pl=text_pl)
    total = sum(paid, ZERO)
    if total == 0:
        return Outcome(False, ZERO, ZERO, ZERO, tuple(rows))
    return Outcome.fixed(total, tuple(rows))

