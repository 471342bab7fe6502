"""The care benefits of u.ś.r.: zasiłek pielęgnacyjny (art. 16), specjalny zasiłek opiekuńczy
(art. 16a) and świadczenie pielęgnacyjne (art. 17, the rules in force since 1 Jan 2024).

The applicant (members[0]) is the carer; the person cared for is a member of the application
with the disability fields (``Member.disability_degree``, ``disability_onset_age``,
``constant_care``; ``gave_up_work`` on the carer). Readings chosen where the act or the data
leave room, each named in the explanation:

* the degree: ``disability_degree`` when given; otherwise ``severe_disability_certificate`` is a
  znaczny degree, ``disability_certificate`` alone an umiarkowany one (the higher degree must be
  shown), and ``disabled`` under 16 the child's certificate (orzeczenie o niepełnosprawności).
* zasiłek pielęgnacyjny is the right of the person needing care: the members other than the
  applicant whose disability is recorded are examined, or, when there is none, the applicant
  (a person applying for themself, e.g. aged 75+). Each entitled person gets the amount; the
  decision names them (``Wording.PER_ENTITLED``). "W wieku powyżej 16 roku życia" is 16 completed
  years; "powstała w wieku do ukończenia 21 roku życia" is an onset age below 21; an unknown onset
  age does not show the ground. A stay in an institution giving round-the-clock upkeep (art. 16
  ust. 6 pkt 1) is not in the case data: the caseworker confirms it.
* świadczenie pielęgnacyjne (art. 17 since 2024): a person cared for younger than 18 with a
  znaczny degree, or with the child's certificate stating the indications of pkt 7 and 8
  (``constant_care``). The carer may work and may receive a pension (the exclusions of the
  carer's own pension and work were repealed from 1 Jan 2024). The amount is the calendar year's
  amount, raised by 100 % for the second and each next person cared for (art. 17 ust. 3a).
* specjalny zasiłek opiekuńczy (art. 16a): the carer does not take up or gave up work to care
  (``gave_up_work``) and is under an alimony duty or the spouse (a partner is not: the relation
  "partner"); the person cared for has a znaczny degree or the child's certificate with the care
  indications. The application's members are read as the carer's family and the cared-for
  person's family together, each person counted once; their income per person is compared
  unrounded with the criterion (total <= criterion x persons). The carer's established right to
  an emerytura or renta (an income item of kind "pension") or a renta socjalna excludes it
  (art. 16a ust. 5 pkt 1 lit. a). No złotówka za złotówkę: 620 zł or nothing.
* the carer's benefits (art. 27 ust. 5 u.ś.r.: one of them at a time, chosen by the party): the
  carer's own established right to another carer's benefit excludes the one applied for until
  the party gives it up; another member's right to a carer's benefit is read as held for the
  person cared for (art. 16a ust. 5, art. 17 ust. 5), since the application does not link a
  benefit to a person. Since 2024 the carer's own świadczenie pielęgnacyjne for another person
  does not exclude a second one (the amount is raised instead).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from app.domain.explain import NOT_ELIGIBLE, Explanation, Outcome
from app.domain.income import Member, income_of
from app.domain.money import HUNDRED
from app.domain.polish import person_label, years, zl

USR_16_2 = "art. 16 ust. 2 u.ś.r."
USR_16_3 = "art. 16 ust. 3 u.ś.r."
USR_16_6 = "art. 16 ust. 6 u.ś.r."
USR_16A_1 = "art. 16a ust. 1 u.ś.r."
USR_16A_2 = "art. 16a ust. 2 u.ś.r."
USR_16A_3 = "art. 16a ust. 3 u.ś.r."
USR_16A_5 = "art. 16a ust. 5 u.ś.r."
USR_17_1 = "art. 17 ust. 1 u.ś.r."
USR_17_3 = "art. 17 ust. 3 u.ś.r."
USR_17_3A = "art. 17 ust. 3a u.ś.r."
USR_17_5 = "art. 17 ust. 5 u.ś.r."
USR_27_5 = "art. 27 ust. 5 u.ś.r."

# Keys of other_benefits that are not in the catalogue but are a carer's benefit.
CARER_KEYS_OUTSIDE = {"zasilek_dla_opiekuna": "zasiłku dla opiekuna"}
DODATEK_PIELEGNACYJNY = "dodatek_pielegnacyjny"
PENSION = "pension"
RENTA_SOCJALNA = "renta_socjalna"
NO_ALIMONY_DUTY = ("partner",)


@dataclass(frozen=True)
class Ground:
    """One ground of entitlement: its key, article, English and Polish wording."""

    key: str
    article: str
    text: str
    text_pl: str


def degree(m: Member, child_limit: int) -> str | None:
    """The member's degree as the rules read it (see the module's readings)."""
    if m.disability_degree:
        return m.disability_degree
    if m.severe_disability_certificate:
        return "znaczny"
    if m.disability_certificate:
        return "umiarkowany"
    if m.disabled and m.age < child_limit:
        return "child"
    return None


def _has_disability_data(m: Member) -> bool:
    return bool(m.disability_degree or m.any_disability_certificate)


def _reading_degree(expl: Explanation) -> None:
    expl.reading("care.degree", "the degree is the recorded disability_degree; without it a "
                 "certificate of a severe degree is znaczny, a certificate of a moderate or severe "
                 "degree alone umiarkowany, and 'disabled' under 16 the child's certificate.",
                 pl="stopień niepełnosprawności przyjmuje się według danych sprawy; gdy go nie "
                    "podano, orzeczenie o znacznym stopniu oznacza stopień znaczny, orzeczenie o "
                    "umiarkowanym albo znacznym stopniu – stopień umiarkowany (stopień znaczny "
                    "musi wynikać z orzeczenia), a niepełnosprawność osoby poniżej 16 lat – "
                    "orzeczenie o niepełnosprawności.")


def _pielegnacyjny_ground(m: Member, on: date, expl: Explanation) -> Ground | None:
    """The first ground of art. 16 ust. 2 the member meets, or None."""
    child = expl.param("zasilek_pielegnacyjny.child_age_limit", on)
    onset_limit = expl.param("zasilek_pielegnacyjny.onset_age_limit", on)
    old = expl.param("zasilek_pielegnacyjny.old_age", on)
    d = degree(m, child)
    if m.age < child and d is not None:
        return Ground("child", "art. 16 ust. 2 pkt 1 u.ś.r.", "a disabled child",
                      "niepełnosprawne dziecko")
    if m.age >= child and d == "znaczny":
        return Ground("znaczny", "art. 16 ust. 2 pkt 2 u.ś.r.",
                      f"over {child} with a severe (znaczny) degree",
                      f"osoba niepełnosprawna w wieku powyżej {child} roku życia legitymująca "
                      "się orzeczeniem o znacznym stopniu niepełnosprawności")
    if (m.age >= child and d == "umiarkowany" and m.disability_onset_age is not None
            and m.disability_onset_age < onset_limit):
        return Ground("umiarkowany_before_21", "art. 16 ust. 2 pkt 3 u.ś.r.",
                      f"over {child} with a moderate degree that arose before {onset_limit}",
                      f"osoba niepełnosprawna w wieku powyżej {child} roku życia legitymująca "
                      "się orzeczeniem o umiarkowanym stopniu niepełnosprawności, która powstała "
                      f"w wieku do ukończenia {onset_limit} roku życia")
    if m.age >= old:
        return Ground("age_75", "art. 16 ust. 2 pkt 4 u.ś.r.", f"aged {old} or more",
                      f"osoba, która ukończyła {years(old)}")
    return None


def zasilek_pielegnacyjny(members: list[Member], on: date, expl: Explanation) -> Outcome:
    """Zasiłek pielęgnacyjny (art. 16 u.ś.r.): the amount for each entitled person, no income test."""
    _reading_degree(expl)
    others = [i for i in range(1, len(members)) if _has_disability_data(members[i])]
    examined = others or [0]
    expl.reading("zasilek_pielegnacyjny.who", "the right is the cared-for person's own: the "
                 "members other than the applicant whose disability is recorded are examined, or "
                 "the applicant when there is none.", [USR_16_2],
                 pl="zasiłek pielęgnacyjny przysługuje osobie wymagającej opieki: bada się "
                    "członków rodziny innych niż wnioskodawca, których niepełnosprawność wynika z "
                    "danych sprawy, a gdy takich nie ma – wnioskodawcę.")
    amount = expl.param("zasilek_pielegnacyjny.amount", on)
    rows: list[dict[str, object]] = []
    for i in examined:
        m = members[i]
        ground = _pielegnacyjny_ground(m, on, expl)
        who_pl = f"{person_label(i)} ({years(m.age)})"
        if ground is None:
            expl.step("zasilek_pielegnacyjny.ground", f"members[{i}] meets none of the grounds "
                      "of art. 16 ust. 2.", {"member": i, "age": m.age,
                                             "disability_degree": m.disability_degree,
                                             "disability_onset_age": m.disability_onset_age},
                      False, [USR_16_2],
                      pl=f"{who_pl} nie spełnia żadnej z przesłanek z art. 16 ust. 2 ustawy o "
                         "świadczeniach rodzinnych (niepełnosprawne dziecko; znaczny stopień "
                         "niepełnosprawności po 16. roku życia; umiarkowany stopień powstały "
                         "przed 21. rokiem życia; ukończone 75 lat).")
            continue
        if DODATEK_PIELEGNACYJNY in m.other_benefits:
            expl.step("zasilek_pielegnacyjny.exclusion", f"members[{i}] ({ground.text}) is "
                      "entitled to a dodatek pielęgnacyjny, so no zasiłek pielęgnacyjny.",
                      {"member": i, "other_benefits": m.other_benefits}, False, [USR_16_6],
                      pl=f"{who_pl}: {ground.text_pl} ({ground.article}), lecz zasiłek "
                         "pielęgnacyjny nie przysługuje osobie uprawnionej do dodatku "
                         "pielęgnacyjnego.")
            continue
        expl.step("zasilek_pielegnacyjny.ground", f"members[{i}]: {ground.text} "
                  f"({ground.article}); entitled to {amount} zł a month.",
                  {"member": i, "age": m.age, "ground": ground.key}, True,
                  [ground.article, USR_16_3],
                  pl=f"{who_pl}: {ground.text_pl} ({ground.article}); zasiłek pielęgnacyjny "
                     f"przysługuje w wysokości {zl(amount)} miesięcznie, niezależnie od dochodu.")
        rows.append({"member": i, "amount": amount, "ground": ground.key,
                     "article": ground.article})
    expl.reading("zasilek_pielegnacyjny.institution", "a stay in an institution giving "
                 "round-the-clock upkeep is not in the case data; the caseworker confirms it.",
                 [USR_16_6],
                 pl="pobyt w instytucji zapewniającej całodobowe utrzymanie (art. 16 ust. 6 pkt 1 "
                    "ustawy o świadczeniach rodzinnych) nie wynika z danych sprawy; potwierdza go "
                    "pracownik prowadzący sprawę.")
    if not rows:
        return NOT_ELIGIBLE
    return Outcome.fixed(amount * len(rows), tuple(rows))


def _cared_for(m: Member, child: int) -> Ground | None:
    """Whether a member is a person cared for in the sense of art. 16a and 17 (any age)."""
    d = degree(m, child)
    if d == "znaczny":
        return Ground("znaczny", "", "a severe (znaczny) degree",
                      "orzeczenie o znacznym stopniu niepełnosprawności")
    if d == "child" and m.constant_care:
        return Ground("child_constant_care", "", "a child's certificate with the indications "
                      "of pkt 7 and 8 (constant care, the carer's constant part in treatment)",
                      "orzeczenie o niepełnosprawności łącznie ze wskazaniami konieczności stałej "
                      "lub długotrwałej opieki lub pomocy innej osoby oraz konieczności stałego "
                      "współudziału na co dzień opiekuna dziecka w procesie jego leczenia, "
                      "rehabilitacji i edukacji")
    return None


def _carer_clash(
    members: list[Member], applied: str, carer_benefits: Mapping[str, str], expl: Explanation,
    basis: str, *, own_same_allowed: bool,
) -> bool:
    """Art. 27 ust. 5 and the exclusions of another member's carer's benefit: True if excluded."""
    known = {**carer_benefits, **CARER_KEYS_OUTSIDE}
    own = [b for b in members[0].other_benefits if b in known
           and not (b == applied and own_same_allowed)]
    others = sorted({b for m in members[1:] for b in m.other_benefits if b in known})
    if own:
        expl.step("care.concurrent", f"The carer has an established right to {', '.join(own)}: "
                  "one carer's benefit at a time (art. 27 ust. 5).",
                  {"other_benefits": members[0].other_benefits}, False, [basis, USR_27_5],
                  pl="Wnioskodawca ma ustalone prawo do: "
                     + ", ".join(known[b] for b in own) + "; w razie zbiegu uprawnień "
                     "przysługuje jedno z tych świadczeń, wybrane przez osobę uprawnioną "
                     "(art. 27 ust. 5 ustawy o świadczeniach rodzinnych).")
    if others:
        expl.step("care.other_carer", "Another member has an established right to "
                  f"{', '.join(others)}; READING: held for the person cared for.",
                  {"other_benefits": others}, False, [basis],
                  pl="Inny członek rodziny ma ustalone prawo do: "
                     + ", ".join(known[b] for b in others) + "; przyjęta wykładnia: prawo to "
                     "ustalono na osobę wymagającą opieki, zatem świadczenie nie przysługuje.")
    return bool(own or others)


def swiadczenie_pielegnacyjne(
    members: list[Member], on: date, expl: Explanation, code: str,
    carer_benefits: Mapping[str, str],
) -> Outcome:
    """Świadczenie pielęgnacyjne (art. 17 u.ś.r., since 1 Jan 2024) of the carer, members[0]."""
    _reading_degree(expl)
    limit = expl.param("swiadczenie_pielegnacyjne.age_limit", on)
    child = expl.param("zasilek_pielegnacyjny.child_age_limit", on)
    cared: list[tuple[int, Ground]] = []
    for i in range(1, len(members)):
        m = members[i]
        g = _cared_for(m, child)
        if g is None and not _has_disability_data(m):
            continue
        ok = g is not None and m.age < limit
        why_pl = (g.text_pl if g else "brak orzeczenia o znacznym stopniu niepełnosprawności "
                  "albo orzeczenia o niepełnosprawności ze wskazaniami z pkt 7 i 8")
        verdict = ("a person cared for" if ok else
                   f"not a person cared for (under {limit} with such a certificate)")
        expl.step("swiadczenie_pielegnacyjne.cared_for", f"members[{i}] (aged {m.age}): "
                  f"{g.text if g else 'no qualifying certificate'}; {verdict}.",
                  {"member": i, "age": m.age, "disability_degree": m.disability_degree,
                   "constant_care": m.constant_care}, ok, [USR_17_1],
                  pl=f"{person_label(i)} ({years(m.age)}): {why_pl}; "
                     + ("osoba wymagająca opieki w rozumieniu art. 17 ust. 1" if ok else
                        f"świadczenie pielęgnacyjne przysługuje na osobę w wieku do ukończenia "
                        f"{limit}. roku życia legitymującą się takim orzeczeniem") + ".")
        if ok and g is not None:
            cared.append((i, g))
    expl.reading("swiadczenie_pielegnacyjne.rules_2024", "the rules in force since 1 Jan 2024: "
                 "the carer may work and receive a pension; a carer's relation is not tested "
                 "beyond membership of the application (a parent, a person under an alimony "
                 "duty, a spouse or the child's de facto carer; the caseworker confirms it); a "
                 "placement of the child outside the family is not in the case data.",
                 [USR_17_1, USR_17_5],
                 pl="stosuje się przepisy obowiązujące od 1 stycznia 2024 r.: opiekun może "
                    "pracować i pobierać emeryturę lub rentę; tytułu opiekuna (rodzic, osoba "
                    "zobowiązana do alimentacji, małżonek, opiekun faktyczny dziecka) nie bada się "
                    "ponad dane wniosku – potwierdza go pracownik; umieszczenie dziecka w pieczy "
                    "zastępczej lub placówce całodobowej nie wynika z danych sprawy.")
    if not cared:
        expl.step("swiadczenie_pielegnacyjne.none", "No member is a person cared for.", {},
                  False, [USR_17_1],
                  pl="Żaden z członków rodziny nie jest osobą wymagającą opieki w rozumieniu "
                     "art. 17 ust. 1 ustawy o świadczeniach rodzinnych.")
        return NOT_ELIGIBLE
    if _carer_clash(members, code, carer_benefits, expl, USR_17_5, own_same_allowed=True):
        return NOT_ELIGIBLE
    base = expl.param("swiadczenie_pielegnacyjne.amount", on)
    raise_pct = expl.param("swiadczenie_pielegnacyjne.next_person_percentage", on)
    extra = base * Decimal(raise_pct) / HUNDRED * (len(cared) - 1)
    total = base + extra
    expl.step("swiadczenie_pielegnacyjne.amount", f"{base} zł a month in {on.year}"
              + (f", raised by {raise_pct}% for each of {len(cared) - 1} further person(s)"
                 if extra else "") + f": {total} zł.",
              {"persons_cared_for": len(cared), "amount": base}, total,
              [USR_17_3] + ([USR_17_3A] if extra else []),
              pl=f"Świadczenie pielęgnacyjne przysługuje w wysokości {zl(base)} miesięcznie "
                 f"(kwota na {on.year} r.)"
                 + (f", podwyższonej o {raise_pct}% na drugą i każdą kolejną osobę wymagającą "
                    f"opieki ({len(cared) - 1}): {zl(total)} miesięcznie" if extra else "")
                 + ".")
    rows = tuple({"member": i, "ground": g.key, "article": USR_17_1} for i, g in cared)
    return Outcome.fixed(total, rows)


def specjalny_zasilek_opiekunczy(
    members: list[Member], on: date, expl: Explanation, code: str,
    carer_benefits: Mapping[str, str],
) -> Outcome:
    """Specjalny zasiłek opiekuńczy (art. 16a u.ś.r.) of the carer, members[0]."""
    _reading_degree(expl)
    child = expl.param("zasilek_pielegnacyjny.child_age_limit", on)
    carer = members[0]
    ok = True
    cared = [(i, g) for i in range(1, len(members))
             if (g := _cared_for(members[i], child)) is not None
             and members[i].relation not in NO_ALIMONY_DUTY]
    for i, g in cared:
        expl.step("specjalny_zasilek_opiekunczy.cared_for", f"members[{i}]: {g.text}.",
                  {"member": i, "relation": members[i].relation}, True, [USR_16A_1],
                  pl=f"{person_label(i)}: {g.text_pl}; osoba wymagająca opieki, wobec której na "
                     "wnioskodawcy ciąży obowiązek alimentacyjny (przyjęta wykładnia: relacja "
                     "inna niż konkubent; pracownik potwierdza tytuł).")
    if not cared:
        expl.step("specjalny_zasilek_opiekunczy.none", "No member is a person cared for to whom "
                  "the carer owes alimony.", {}, False, [USR_16A_1],
                  pl="Żaden z członków rodziny nie jest osobą wymagającą opieki (ze znacznym "
                     "stopniem niepełnosprawności albo orzeczeniem o niepełnosprawności ze "
                     "wskazaniami z pkt 7 i 8), wobec której na wnioskodawcy ciąży obowiązek "
                     "alimentacyjny.")
        ok = False
    expl.step("specjalny_zasilek_opiekunczy.work", "The carer "
              + ("does not take up or gave up work to care." if carer.gave_up_work
                 else "has not given up work to care."),
              {"gave_up_work": carer.gave_up_work}, carer.gave_up_work, [USR_16A_1],
              pl="Wnioskodawca " + ("nie podejmuje zatrudnienia lub innej pracy zarobkowej albo "
                                    "zrezygnował z nich w celu sprawowania stałej opieki."
                                    if carer.gave_up_work else
                                    "nie zrezygnował z zatrudnienia lub innej pracy zarobkowej w "
                                    "celu sprawowania opieki; warunek nie jest spełniony."))
    ok = ok and carer.gave_up_work
    pension = any(it.kind == PENSION for it in carer.incomes)
    if pension or RENTA_SOCJALNA in carer.other_benefits:
        ok = False
        expl.step("specjalny_zasilek_opiekunczy.pension", "The carer has an established right "
                  "to an emerytura, renta or renta socjalna (READING: an income item of kind "
                  "'pension').", {"pension": pension}, False, [USR_16A_5],
                  pl="Wnioskodawca ma ustalone prawo do emerytury, renty lub renty socjalnej "
                     "(przyjęta wykładnia: składnik dochodu rodzaju „emerytura lub renta”); "
                     "specjalny zasiłek opiekuńczy nie przysługuje.")
    if _carer_clash(members, code, carer_benefits, expl, USR_16A_5, own_same_allowed=False):
        ok = False
    criterion = expl.param("specjalny_zasilek_opiekunczy.criterion", on)
    inc = income_of(members, on, expl, regime="usr")
    within = inc.per_person_not_above(criterion)
    allowed = criterion * inc.persons
    expl.step("specjalny_zasilek_opiekunczy.income_test", "Combined income of the carer's and "
              f"the cared-for person's families per person ({inc.total} / {inc.persons}, "
              f"unrounded) {'does not exceed' if within else 'exceeds'} {criterion}: "
              f"{inc.total} {'<=' if within else '>'} {criterion} x {inc.persons} = {allowed}; "
              "READING: the application's members are both families, each counted once.",
              {"income_per_person": inc.per_person, "total": inc.total, "persons": inc.persons,
               "criterion": criterion}, within, [USR_16A_2],
              pl=f"Łączny dochód rodziny opiekuna i rodziny osoby wymagającej opieki na osobę "
                 f"({zl(inc.total)} / {inc.persons}) {'nie przekracza' if within else 'przekracza'}"
                 f" kryterium dochodowego ({zl(criterion)}); porównuje się bez zaokrąglenia "
                 f"łączny dochód z iloczynem kryterium i liczby osób ({zl(criterion)} × "
                 f"{inc.persons} = {zl(allowed)}); przyjęta wykładnia: członkowie wniosku to obie "
                 "rodziny, każda osoba liczona raz.")
    if not (ok and within):
        return NOT_ELIGIBLE
    amount = expl.param("specjalny_zasilek_opiekunczy.amount", on)
    expl.step("specjalny_zasilek_opiekunczy.amount", f"{amount} zł a month; no złotówka za "
              "złotówkę.", {}, amount, [USR_16A_3],
              pl=f"Specjalny zasiłek opiekuńczy przysługuje w wysokości {zl(amount)} miesięcznie; "
                 "zasada „złotówka za złotówkę” nie ma zastosowania.")
    rows = tuple({"member": i, "ground": g.key, "article": USR_16A_1} for i, g in cared)
    return Outcome.fixed(amount, rows)
