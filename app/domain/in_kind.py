"""Help in kind and services of the u.p.s.: meals (art. 48b) and care services (art. 50).

Neither is money paid to the party, so both rules propose no amount (0, and the decision sets
none): a meal is given by a school or a canteen the centre pays, care services are given by a
carer and the party pays a fee. Readings chosen where the law leaves room:

* posiłek: art. 48b names no threshold of its own; a meal under the programme "Posiłek w
  szkole i w domu" 2024-2028 (uchwała nr 149 RM z 23 sierpnia 2023 r., M.P. 2023 poz. 881) goes
  to a person whose income does **not exceed** 200% of the criterion of art. 8 (the parameter
  ``posilek.threshold_percentage``; in zł derived from the criterion: 2020 zł for a person living
  alone and 1646 zł per person in a family from 1 Jan 2025). At exactly the threshold the
  condition is met, one grosz above it it is not. A family's income per person is compared
  unrounded (``total <= threshold x persons``).
* usługi opiekuńcze: art. 50 ust. 1-2 grant them on need (a person living alone who needs
  another's help because of age, illness or another reason, or whose family cannot give it);
  the need is the social worker's finding, so the rule tests no income. The income only sets
  the fee (art. 50 ust. 6: the rada gminy's resolution), so the rule records the income and its
  share of the criterion of art. 8 ust. 1, which the fee table reads
  (:mod:`app.domain.care_fees`).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from app.domain.explain import NOT_ELIGIBLE, Explanation, Outcome
from app.domain.income import Member, income_of
from app.domain.money import HUNDRED, ZERO, exact_percent
from app.domain.polish import pct, persons, zl

ART_8_1 = "art. 8 ust. 1 u.p.s."
ART_48B = "art. 48b u.p.s."
ART_50_1_2 = "art. 50 ust. 1–2 u.p.s."
ART_50_6 = "art. 50 ust. 6 u.p.s."
PROGRAMME = "uchwała nr 149 RM z 23 sierpnia 2023 r. (M.P. 2023 poz. 881)"


def posilek_threshold(members_count: int, on: date, expl: Explanation) -> tuple[Decimal, Decimal]:
    """(the percentage, the threshold in zł) of the programme for a person living alone
    (``members_count == 1``) or per person in a family, derived from the criterion on ``on``."""
    percentage = expl.param("posilek.threshold_percentage", on)
    name = "ups.criterion_single" if members_count == 1 else "ups.criterion_per_person"
    return percentage, exact_percent(expl.param(name, on), percentage)


def posilek(members: list[Member], on: date, expl: Explanation) -> Outcome:
    """Posiłek (art. 48b u.p.s., programme "Posiłek w szkole i w domu"): income not above 200%
    of the criterion; given in kind, so no amount."""
    inc = income_of(members, on, expl)
    percentage, threshold = posilek_threshold(len(members), on, expl)
    single = len(members) == 1
    if single:
        ok = inc.total <= threshold
        whose, shown = "osoby samotnie gospodarującej", zl(inc.total)
    else:
        ok = inc.per_person_not_above(threshold)
        whose = "na osobę w rodzinie"
        shown = f"{zl(inc.total)} / {persons(inc.persons)}, bez zaokrąglenia"
    expl.step(
        "posilek.income_test",
        f"Income {'of a person living alone' if single else 'per person'} must not exceed "
        f"{percentage}% of the criterion ({threshold}); compared unrounded.",
        {"income": inc.total, "persons": inc.persons, "threshold": threshold,
         "percentage": percentage}, ok, [ART_48B, ART_8_1, PROGRAMME],
        pl=f"Dochód {whose} ({shown}) nie może przekraczać {pct(percentage)} kryterium "
           f"dochodowego {whose} ({zl(threshold)}), jak stanowi program „Posiłek w szkole i w "
           f"domu” na lata 2024–2028; warunek {'jest' if ok else 'nie jest'} spełniony.")
    if not ok:
        return NOT_ELIGIBLE
    expl.reading("posilek.in_kind", "a meal is help in kind: the decision names the school or "
                 "canteen, the meals a day and the period; no money is paid to the party.",
                 [ART_48B],
                 pl="posiłek jest pomocą w naturze: decyzja wskazuje szkołę lub stołówkę, liczbę "
                    "posiłków dziennie i okres; stronie nie wypłaca się pieniędzy, a "
                    "ośrodek rozlicza posiłki z wydającym je na podstawie miesięcznej listy.")
    return Outcome.fixed(ZERO)


def income_share(members: list[Member], on: date, expl: Explanation,
                 key: str) -> tuple[Decimal, Decimal, Decimal]:
    """(income compared, criterion, income as a percentage of the criterion, unrounded) of a
    person living alone or per person in a family (art. 8 ust. 1 u.p.s.)."""
    inc = income_of(members, on, expl)
    single = len(members) == 1
    crit = expl.param("ups.criterion_single" if single else "ups.criterion_per_person", on)
    income = inc.total if single else inc.per_person_exact
    share = income * HUNDRED / crit
    whose = "osoby samotnie gospodarującej" if single else "na osobę w rodzinie"
    expl.step(f"{key}.income_share", f"Income {income} is {share:.2f}% of the criterion {crit} "
              "(the fee table of the rada gminy's resolution reads it).",
              {"income": inc.total, "persons": inc.persons, "criterion": crit}, share,
              [ART_8_1, ART_50_6],
              pl=f"Dochód {whose} ({zl(inc.total if single else inc.per_person)}) stanowi "
                 f"{pct(share.quantize(Decimal('0.01')))} kryterium dochodowego {whose} "
                 f"({zl(crit)}); od tej relacji zależy odpłatność według uchwały rady gminy.")
    return income, crit, share


def uslugi_opiekuncze(members: list[Member], on: date, expl: Explanation) -> Outcome:
    """Usługi opiekuńcze (art. 50 u.p.s.): granted on need; the income sets only the fee."""
    income_share(members, on, expl, uslugi_opiekuncze.__name__)
    expl.reading("uslugi_opiekuncze.need", "care services are granted on the need the social "
                 "worker finds (art. 50 ust. 1-2), not on income; the income sets the fee by "
                 "the rada gminy's resolution (art. 50 ust. 6).", [ART_50_1_2, ART_50_6],
                 pl="usługi opiekuńcze przyznaje się osobie, która z powodu wieku, choroby lub "
                    "innych przyczyn wymaga pomocy innych osób, a jest jej pozbawiona (art. 50 "
                    "ust. 1–2 u.p.s.) — potrzebę ustala pracownik socjalny; dochód nie jest "
                    "warunkiem przyznania, lecz wyznacza odpłatność według uchwały rady gminy "
                    "(art. 50 ust. 6 u.p.s.).")
    return Outcome.fixed(ZERO)
