"""Money benefits of the u.p.s.: zasiłek stały, zasiłek okresowy, specjalny zasiłek celowy.

The first member is the applicant; a one-member household is a person living alone (osoba
samotnie gospodarująca). Readings chosen where the law leaves room are named in the explanation:

* zasiłek stały, "unable to work because of age": the retirement age, 60 for women and 65 for men
  (art. 6 pkt 7); when the sex is unknown the higher age (65) is used. ``unable_to_work=True``
  means totally unable to work as certified, and is enough at any adult age.
* zasiłek stały, cap: art. 37 ust. 2 pkt 1 caps the amount of a person living alone only; the
  amount of a person in a family is not capped (it cannot reach the cap anyway).
* zasiłek okresowy and specjalny zasiłek celowy of a family compare the family's total income
  with the family criterion (per-person criterion x persons), as art. 38 and art. 41 word it.
* specjalny zasiłek celowy: "eligible" means income above the criterion; whether the case is
  especially justified is the caseworker's call, so 0 is proposed and the limit is the maximum.
* thresholds are compared unrounded (DOMAIN.md): a person living alone and the family tests of
  zasiłek okresowy and specjalny zasiłek celowy compare whole amounts in grosze; the income per
  person of zasiłek stały in a family is compared as ``total < criterion x persons``, so 822,995 zł
  per person is below 823 zł.
* amounts are computed from unrounded values (130% of the criterion minus the unrounded income
  per person; 50% of the difference) and rounded up to grosze, in the applicant's favour (see
  :mod:`app.domain.money`).
* zasiłek okresowy is never below 20 zł (art. 38 ust. 4): an absolute minimum that applies even
  where the difference between the criterion and the income is smaller; then the proposed amount,
  the minimum and the maximum are all 20 zł.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal

from app.domain.errors import InvalidInput
from app.domain.explain import NOT_ELIGIBLE, AmountRange, Explanation, Outcome
from app.domain.income import Member, income_of
from app.domain.messages import Code, msg
from app.domain.money import HUNDRED, ZERO, amount_up, exact_percent, to_decimal
from app.domain.polish import OTHER_BENEFITS_GENITIVE, READING_PL, pct, persons, years, zl

ART_6_7 = "art. 6 pkt 7 u.p.s."
ART_8_1 = "art. 8 ust. 1 u.p.s."
ART_37_1 = "art. 37 ust. 1 u.p.s."
ART_37_2_1 = "art. 37 ust. 2 pkt 1 u.p.s."
ART_37_2_2 = "art. 37 ust. 2 pkt 2 u.p.s."
ART_37_3 = "art. 37 ust. 3 u.p.s."
ART_37_5 = "art. 37 ust. 5 u.p.s."
ART_38 = "art. 38 u.p.s."
ART_38_4 = "art. 38 ust. 4 u.p.s."
ART_41_1 = "art. 41 pkt 1 u.p.s."
ART_41_2 = "art. 41 pkt 2 u.p.s."


def _work_incapacity(applicant: Member, on: date, expl: Explanation) -> bool:
    """Check that the applicant is totally unable to work or has reached the retirement age."""
    if applicant.unable_to_work:
        expl.step("zasilek_staly.unable_to_work", "The applicant is recorded as totally unable to "
                  "work.", {"unable_to_work": True}, True, [ART_37_1],
                  pl="Wnioskodawca jest całkowicie niezdolny do pracy (według danych sprawy).")
        return True
    female = expl.param("zasilek_staly.retirement_age_female", on)
    male = expl.param("zasilek_staly.retirement_age_male", on)
    if applicant.sex == "F":
        age, why, why_pl = female, "retirement age of a woman", "wiek emerytalny kobiety"
    elif applicant.sex == "M":
        age, why, why_pl = male, "retirement age of a man", "wiek emerytalny mężczyzny"
    else:
        age = max(female, male)
        why = "READING: sex unknown, so the higher retirement age is used"
        why_pl = (f"{READING_PL.lower()}płeć nie jest znana, więc przyjmuje się wyższy wiek "
                  "emerytalny")
    ok: bool = applicant.age >= age
    expl.step(
        "zasilek_staly.unable_to_work",
        f"Unable to work because of age means reaching the retirement age ({why}: {age}); "
        f"the applicant is {applicant.age}.",
        {"age": applicant.age, "sex": applicant.sex, "retirement_age": age},
        ok,
        [ART_37_1, ART_6_7],
        pl=f"Niezdolność do pracy z tytułu wieku oznacza osiągnięcie wieku emerytalnego ({why_pl}: "
           f"{years(age)}); wnioskodawca ma {years(applicant.age)}, zatem warunek "
           f"{'jest' if ok else 'nie jest'} spełniony.",
    )
    return ok


def zasilek_staly(
    members: list[Member], on: date, expl: Explanation,
    carer_benefits: Mapping[str, str] | None = None,
) -> Outcome:
    """Zasiłek stały (art. 37 u.p.s.) for the applicant, members[0]. ``carer_benefits`` (code ->
    Polish genitive) are the catalogue's carer's benefits, excluded with the parameter's list."""
    applicant = members[0]
    single = len(members) == 1
    inc = income_of(members, on, expl)
    carers = dict(carer_benefits or {})
    excluded = expl.param("zasilek_staly.excluded_benefits", on)
    clash = sorted((set(excluded) | set(carers)) & set(applicant.other_benefits))
    genitive = {**OTHER_BENEFITS_GENITIVE, **carers}
    ok = True
    if clash:
        ok = False
        expl.step("zasilek_staly.exclusion", "Zasiłek stały is not paid together with "
                  f"{', '.join(clash)}.", {"other_benefits": applicant.other_benefits}, False,
                  [ART_37_5],
                  pl="Zasiłek stały nie przysługuje osobie, która ma ustalone prawo do: "
                     f"{', '.join(genitive.get(b, b) for b in clash)}.")
    adult = expl.param("general.age_of_majority", on)
    if applicant.age < adult:
        ok = False
        expl.step("zasilek_staly.adult", f"The applicant must be an adult (at least {adult}).",
                  {"age": applicant.age}, False, [ART_37_1],
                  pl=f"Zasiłek stały przysługuje osobie pełnoletniej (co najmniej {years(adult)}); "
                     f"wnioskodawca ma {years(applicant.age)}.")
    ok = _work_incapacity(applicant, on, expl) and ok
    elig_pct = expl.param("zasilek_staly.eligibility_percentage", on)
    if single:
        crit = expl.param("ups.criterion_single", on)
        limit = exact_percent(crit, elig_pct)
        income_ok = inc.total < limit
        expl.step("zasilek_staly.income_test", f"Income of a person living alone {inc.total} must "
                  f"be below {elig_pct}% of the single criterion ({limit}).",
                  {"income": inc.total, "limit": limit}, income_ok, [ART_37_1, ART_8_1],
                  pl=f"Dochód osoby samotnie gospodarującej ({zl(inc.total)}) musi być niższy "
                     f"niż {_criterion_pl(elig_pct, 'osoby samotnie gospodarującej')} "
                     f"({zl(limit)}); warunek "
                     f"{'jest' if income_ok else 'nie jest'} spełniony.")
    else:
        crit = expl.param("ups.criterion_per_person", on)
        limit = exact_percent(crit, elig_pct)
        own = inc.member_incomes[0]
        per_person_ok = inc.per_person_below(limit)
        income_ok = own < limit and per_person_ok
        family_limit = limit * inc.persons
        expl.step("zasilek_staly.income_test", f"In a family both the applicant's own income "
                  f"({own}) and income per person ({inc.total} / {inc.persons}, unrounded) must "
                  f"be below {limit}; READING: income per person is compared unrounded, as "
                  f"{inc.total} < {limit} x {inc.persons} = {family_limit}.",
                  {"own_income": own, "income_per_person": inc.per_person,
                   "total": inc.total, "persons": inc.persons, "limit": limit},
                  income_ok, [ART_37_1, ART_8_1],
                  pl=f"Osobie w rodzinie zasiłek przysługuje, gdy zarówno jej własny dochód "
                     f"({zl(own)}), jak i dochód na osobę w rodzinie są niższe niż "
                     f"{_criterion_pl(elig_pct, 'na osobę w rodzinie')} ({zl(limit)}); "
                     f"{READING_PL.lower()}dochód na osobę porównuje się bez zaokrąglenia, tj. "
                     f"łączny dochód rodziny ({zl(inc.total)}) z iloczynem kryterium i liczby "
                     f"osób ({zl(limit)} × {inc.persons} = {zl(family_limit)}): dochód na osobę "
                     f"{'jest' if per_person_ok else 'nie jest'} niższy od kryterium; warunek "
                     f"{'jest' if income_ok else 'nie jest'} spełniony.")
    if not (ok and income_ok):
        return NOT_ELIGIBLE
    amount_pct = expl.param("zasilek_staly.amount_percentage", on)
    base = exact_percent(crit, amount_pct)
    income = inc.total if single else inc.per_person_exact
    exact = base - income
    amount = amount_up(exact)
    rounded_up = amount != exact
    basis = ART_37_2_1 if single else ART_37_2_2
    if single:
        diff_pl = (f"{pct(amount_pct)} kryterium dochodowego osoby samotnie gospodarującej "
                   f"({pct(amount_pct)} × {zl(crit)} = {zl(base)}) − dochód osoby samotnie "
                   f"gospodarującej ({zl(income)})")
    else:
        diff_pl = (f"{pct(amount_pct)} kryterium dochodowego na osobę w rodzinie "
                   f"({pct(amount_pct)} × {zl(crit)} = {zl(base)}) − dochód na osobę w rodzinie "
                   f"({zl(inc.total)} / {inc.persons}, bez zaokrąglenia)")
    up, up_pl = "", ""
    if rounded_up:
        up = ", computed unrounded and rounded up to grosze (in the applicant's favour)"
        up_pl = " (kwotę obliczoną bez zaokrągleń zaokrągla się w górę do pełnego grosza, na " \
                "korzyść wnioskodawcy)"
    shown = income if single else f"{inc.total} / {inc.persons}"
    expl.step("zasilek_staly.difference", f"{amount_pct}% of the criterion ({base}) minus "
              f"{'income' if single else 'income per person'} ({shown}){up}.",
              {"criterion": crit, "percentage": amount_pct, "base": base,
               "income": inc.total if single else inc.per_person},
              amount, [basis], pl=f"Kwota zasiłku = {diff_pl} = {zl(amount)}{up_pl}.")
    if single:
        cap = expl.param("zasilek_staly.cap", on)
        if amount > cap:
            amount = cap
            expl.step("zasilek_staly.cap", f"The amount is capped at {cap} zł.", {"cap": cap},
                      amount, [ART_37_2_1],
                      pl=f"Kwota zasiłku osoby samotnie gospodarującej nie może być wyższa niż "
                         f"{zl(cap)} miesięcznie; przyjmuje się {zl(cap)}.")
    else:
        expl.reading("zasilek_staly.cap", "the cap of art. 37 ust. 2 pkt 1 applies to a person "
                     "living alone only; a person in a family gets the difference.", [ART_37_2_2],
                     pl="górna granica kwoty zasiłku określona w art. 37 ust. 2 pkt 1 u.p.s. "
                        "dotyczy wyłącznie osoby samotnie gospodarującej; osobie w rodzinie "
                        "przysługuje zasiłek w wysokości różnicy.")
    minimum = expl.param("zasilek_staly.minimum", on)
    if amount < minimum:
        computed, amount = amount, minimum
        expl.step("zasilek_staly.minimum", f"The amount is raised to the minimum of {minimum} zł.",
                  {"minimum": minimum}, amount, [ART_37_3],
                  pl=f"Obliczona kwota ({zl(computed)}) jest niższa niż najniższa kwota zasiłku "
                     f"stałego ({zl(minimum)} miesięcznie); przyjmuje się {zl(minimum)}.")
    expl.step("zasilek_staly.amount", "Monthly zasiłek stały.", {}, amount,
              pl=f"Miesięczna kwota zasiłku stałego wynosi {zl(amount)}.")
    return Outcome.fixed(amount)


def _criterion_and_income(
    members: list[Member], on: date, expl: Explanation, key: str
) -> tuple[Decimal, Decimal]:
    """Return (criterion, income) of a person living alone or of a whole family; ``key`` names
    the steps (the rule's name, which is the benefit's code)."""
    inc = income_of(members, on, expl)
    if len(members) == 1:
        return expl.param("ups.criterion_single", on), inc.total
    per_person = expl.param("ups.criterion_per_person", on)
    crit = per_person * len(members)
    expl.step(f"{key}.family_criterion", f"Family criterion = {per_person} x {len(members)} "
              "persons; it is compared with the family's total income.",
              {"criterion_per_person": per_person, "persons": len(members)}, crit, [ART_8_1],
              pl=f"Kryterium dochodowe rodziny = {zl(per_person)} × {persons(len(members))} = "
                 f"{zl(crit)}; porównuje się je z łącznym dochodem rodziny.")
    return crit, inc.total


def _criterion_pl(percentage: Decimal | int, whose: str) -> str:
    """'kryterium dochodowe <whose>', or '90% kryterium dochodowego <whose>' (after "niż")."""
    if percentage == HUNDRED:
        return f"kryterium dochodowe {whose}"
    return f"{pct(percentage)} kryterium dochodowego {whose}"


def _whose(members: list[Member]) -> str:
    """Whose income and criterion, in the genitive: a person living alone or the family."""
    return "osoby samotnie gospodarującej" if len(members) == 1 else "rodziny"


def _percentage(override: Decimal | None, statutory: Decimal | int) -> Decimal:
    """Validate a municipal percentage (at least the statutory one, at most 100)."""
    if override is None:
        return Decimal(statutory)
    try:
        given = to_decimal(override)
    except (TypeError, ValueError):
        raise InvalidInput("municipal_percentage", msg(Code.PERCENT_EXACT)) from None
    if not statutory <= given <= HUNDRED:
        raise InvalidInput("municipal_percentage",
                           msg(Code.MUNICIPAL_PERCENT_RANGE, minimum=str(statutory)))
    return given


def zasilek_okresowy(
    members: list[Member], on: date, expl: Explanation, municipal_percentage: Decimal | None
) -> Outcome:
    """Zasiłek okresowy (art. 38 u.p.s.): proposed minimum amount, maximum = the difference."""
    crit, income = _criterion_and_income(members, on, expl, zasilek_okresowy.__name__)
    diff = crit - income
    eligible = diff > 0
    whose = _whose(members)
    expl.step("zasilek_okresowy.income_test", f"Income {income} must be below the criterion "
              f"{crit}; the difference is {diff}.", {"income": income, "criterion": crit}, eligible,
              [ART_38, ART_8_1],
              pl=f"Dochód {whose} ({zl(income)}) musi być niższy niż kryterium dochodowe "
                 f"{whose} ({zl(crit)}); różnica wynosi {zl(diff)}, zatem warunek "
                 f"{'jest' if eligible else 'nie jest'} spełniony.")
    if not eligible:
        return _zasilek_okresowy_returnable(expl, on) if diff < 0 else NOT_ELIGIBLE
    statutory = expl.param("zasilek_okresowy.percentage", on)
    share_pct = _percentage(municipal_percentage, statutory)
    if municipal_percentage is not None:
        expl.step("zasilek_okresowy.municipal_percentage", f"The gmina's resolution raises the "
                  f"percentage from {statutory}% to {share_pct}%.", {"statutory": statutory},
                  share_pct, [ART_38],
                  pl=f"Uchwała rady gminy podwyższa kwotę zasiłku okresowego z ustawowych "
                     f"{pct(statutory)} do {pct(share_pct)} różnicy między kryterium dochodowym "
                     "a dochodem.")
    maximum = diff
    if len(members) == 1:
        cap = expl.param("zasilek_okresowy.single_cap", on)
        if cap is None:
            expl.reading("zasilek_okresowy.single_cap", "no fixed zł cap for a person living "
                         "alone other than the difference (DOMAIN.md marks the cap '?').", [ART_38],
                         pl="kwota zasiłku osoby samotnie gospodarującej nie jest ograniczona "
                            "inną kwotą niż różnica między kryterium dochodowym a dochodem "
                            "(źródła nie są w tej kwestii zgodne).")
        elif cap < maximum:
            maximum = cap
            expl.step("zasilek_okresowy.cap", f"A person living alone gets at most {cap} zł.",
                      {"cap": cap}, maximum, [ART_38],
                      pl=f"Kwota zasiłku osoby samotnie gospodarującej nie może być wyższa niż "
                         f"{zl(cap)} miesięcznie.")
    share = amount_up(exact_percent(diff, share_pct))
    minimum = expl.param("zasilek_okresowy.minimum", on)
    proposed = max(min(share, maximum), minimum)
    if maximum < minimum:
        expl.step("zasilek_okresowy.minimum", f"The maximum ({maximum}) is below the absolute "
                  f"minimum of {minimum} zł (art. 38 ust. 4), so the zasiłek is {minimum} zł.",
                  {"maximum": maximum, "minimum": minimum}, minimum, [ART_38_4],
                  pl=f"Kwota maksymalna ({zl(maximum)}) jest niższa niż najniższa kwota zasiłku "
                     f"okresowego ({zl(minimum)}); kwota zasiłku nie może być niższa niż "
                     f"{zl(minimum)} miesięcznie także wtedy, gdy różnica między kryterium a "
                     f"dochodem jest mniejsza, zatem przyjmuje się {zl(minimum)}.")
        maximum = minimum
    expl.step("zasilek_okresowy.amount", f"{share_pct}% of the difference is {share} (rounded "
              f"up to grosze); never more than {maximum} and never below the absolute minimum "
              f"of {minimum} zł.",
              {"difference": diff, "percentage": share_pct, "share": share, "minimum": minimum,
               "maximum": maximum}, proposed, [ART_38, ART_38_4],
              pl=f"{pct(share_pct)} różnicy ({zl(diff)}) wynosi {zl(share)} (po zaokrągleniu w "
                 f"górę do pełnego grosza); kwota zasiłku nie może być wyższa niż {zl(maximum)} "
                 f"ani niższa niż {zl(minimum)} (art. 38 ust. 4 u.p.s.); proponuje się "
                 f"{zl(proposed)} miesięcznie.")
    return Outcome(True, proposed, proposed, maximum)


def _zasilek_okresowy_returnable(expl: Explanation, on: date) -> Outcome:
    """Zasiłek okresowy above the criterion (art. 41 pkt 2 u.p.s., in force text: "W szczególnie
    uzasadnionych przypadkach osobie albo rodzinie o dochodach przekraczających kryterium
    dochodowe może być przyznany: ... 2) zasiłek okresowy, zasiłek celowy lub pomoc rzeczowa,
    pod warunkiem zwrotu części lub całości kwoty zasiłku lub wydatków na pomoc rzeczową").

    READINGS: income *exactly at* the criterion is neither below it (art. 38 ust. 1: "niższy")
    nor above it (art. 41: "przekraczających"), so it qualifies for neither; one grosz above it
    the aid may be granted, on condition of return. Art. 38 ust. 2 measures the amount by the
    difference to the criterion, which above it does not exist: the centre sets the amount for
    the need, never below the 20 zł of art. 38 ust. 4 (a zasiłek okresowy still), and the act
    names no upper bound: the floor is what the answer proposes (amount = min = max = 20 zł, the
    range's ``max`` null), the caseworker types the amount of the need. Whether the case is
    especially justified is the caseworker's call."""
    minimum = expl.param("zasilek_okresowy.minimum", on)
    expl.reading("zasilek_okresowy.returnable", "above the criterion a zasiłek okresowy may be "
                 "granted only in an especially justified case, on condition of return in part "
                 f"or in full (art. 41 pkt 2); the centre sets the amount, at least {minimum} zł "
                 "(art. 38 ust. 4), with no upper bound.", [ART_41_2, ART_38_4],
                 pl="przy dochodzie przekraczającym kryterium dochodowe zasiłek okresowy może być "
                    "przyznany w szczególnie uzasadnionym przypadku pod warunkiem zwrotu części "
                    "lub całości kwoty zasiłku (art. 41 pkt 2 u.p.s.); kwotę ustala ośrodek "
                    f"stosownie do potrzeby, nie niższą niż {zl(minimum)} miesięcznie (art. 38 "
                    "ust. 4 u.p.s.); to, czy przypadek jest szczególnie uzasadniony, ocenia "
                    "pracownik socjalny.")
    return Outcome(True, minimum, minimum, minimum,
                   range=AmountRange(minimum, None, "month", (ART_41_2, ART_38_4),
                                     returnable="required"))


def specjalny_zasilek_celowy(members: list[Member], on: date, expl: Explanation) -> Outcome:
    """Specjalny zasiłek celowy (art. 41 pkt 1 u.p.s.): 0 proposed, at most the criterion."""
    crit, income = _criterion_and_income(members, on, expl,
                                         specjalny_zasilek_celowy.__name__)
    eligible = income > crit
    whose = _whose(members)
    expl.step("specjalny_zasilek_celowy.income_test", f"Income {income} must exceed the "
              f"criterion {crit}; at or below it the ordinary zasiłek celowy (art. 39) applies.",
              {"income": income, "criterion": crit}, eligible, [ART_41_1],
              pl=f"Dochód {whose} ({zl(income)}) musi przekraczać kryterium dochodowe {whose} "
                 f"({zl(crit)}); przy dochodzie nieprzekraczającym kryterium przysługuje zasiłek "
                 f"celowy na zasadach art. 39 u.p.s. Warunek {'jest' if eligible else 'nie jest'} "
                 "spełniony.")
    expl.reading("specjalny_zasilek_celowy.justified", "whether the case is especially justified "
                 "is decided by the caseworker; 0 is proposed and the criterion is the maximum.",
                 [ART_41_1],
                 pl="to, czy zachodzi szczególnie uzasadniony przypadek, ocenia się na podstawie "
                    f"ustaleń pracownika socjalnego; proponuje się kwotę {zl(ZERO)}, a kwotą "
                    f"maksymalną zasiłku jest kryterium dochodowe ({zl(crit)}).")
    if not eligible:
        return NOT_ELIGIBLE
    return Outcome(True, ZERO, ZERO, crit)
