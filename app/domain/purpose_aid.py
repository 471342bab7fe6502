"""Aid of the u.p.s. with no formula: zasiłek celowy (art. 39), zasiłek celowy after a random
event or a disaster (art. 40), and sprawienie pogrzebu (art. 44); the return of aid granted on
condition of its return (art. 41 pkt 2) and of the funeral costs (art. 96 ust. 3).

The act sets no amount for these: the centre sets it for the need. Each rule therefore answers
``eligible`` (or not) with the *range* the law allows (:class:`app.domain.explain.AmountRange`),
never an error, and proposes no amount (0: the caseworker types the amount of the need).
Readings where the act leaves room, each named in the explanation:

* zasiłek celowy (art. 39): the art. 8 ust. 1 criterion applies, compared unrounded: income *not
  above* the criterion qualifies (equal qualifies, 1 grosz above does not). A family compares its
  whole income with the family criterion, as zasiłek okresowy does. Above the criterion, art. 41
  pkt 2 still allows the aid "w szczególnie uzasadnionych przypadkach" *on condition of its
  return* in part or in full: the answer is eligible, with ``returnable = "required"``, and the
  decision names the return (whether the case is especially justified is the caseworker's call,
  as for specjalny zasiłek celowy).
* art. 40: income is not considered at all (ust. 3); the aid may be granted without return,
  so ``returnable = "may"``: the decision says whether, and how much, is to be returned.
* art. 44: the gmina arranges the funeral (a service, not money to the party); its costs are
  returned from the funeral allowance due after the deceased or from the estate (art. 96 ust. 3):
  the ZUS allowance's figure is shown as the likely first source.
* no upper bound: art. 39-40 and 44 name none (the need, or the funeral as the gmina arranges
  it, sets the amount); the range's ``max`` is null.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from app.domain.explain import AmountRange, Explanation, Outcome
from app.domain.income import Member
from app.domain.money import HUNDRED, ZERO, exact_percent
from app.domain.polish import zl
from app.domain.social_assistance import _criterion_and_income, _whose

ART_8_1 = "art. 8 ust. 1 u.p.s."
ART_39_1 = "art. 39 ust. 1 u.p.s."
ART_39_2 = "art. 39 ust. 2 u.p.s."
ART_40_1 = "art. 40 ust. 1 u.p.s."
ART_40_2 = "art. 40 ust. 2 u.p.s."
ART_40_3 = "art. 40 ust. 3 u.p.s."
ART_41_2 = "art. 41 pkt 2 u.p.s."
ART_44 = "art. 44 u.p.s."
ART_96_3 = "art. 96 ust. 3 u.p.s."

# The purposes art. 39 ust. 2 names ("w szczególności"), as a caseworker records them; health
# expenses are "leki i leczenie".
PURPOSES_39_2 = ("żywność", "leki i leczenie", "opał", "odzież", "niezbędne przedmioty użytku "
                 "domowego", "drobne remonty i naprawy w mieszkaniu", "koszty pogrzebu")


def _no_formula(expl: Explanation, key: str, basis: list[str], pl: str) -> None:
    expl.reading(f"{key}.amount", "the act sets no amount: the centre sets it for the need; "
                 "none is proposed and the act names no upper bound.", basis, pl=pl)


def zasilek_celowy(members: list[Member], on: date, expl: Explanation) -> Outcome:
    """Zasiłek celowy (art. 39 u.p.s.): income not above the art. 8 criterion; above it, only on
    condition of return (art. 41 pkt 2). No formula: the range, never a proposed amount."""
    crit, income = _criterion_and_income(members, on, expl, zasilek_celowy.__name__)
    percentage = expl.param("zasilek_celowy.criterion_percentage", on)
    limit = crit if percentage == HUNDRED else exact_percent(crit, Decimal(percentage))
    within = income <= limit
    whose = _whose(members)
    expl.step("zasilek_celowy.income_test", f"Income {income} must not exceed the criterion "
              f"{limit} (art. 8 ust. 1); above it only aid on condition of return (art. 41 pkt 2).",
              {"income": income, "criterion": limit}, within, [ART_39_1, ART_8_1],
              pl=f"Dochód {whose} ({zl(income)}) nie może przekraczać kryterium dochodowego "
                 f"{whose} ({zl(limit)}); warunek {'jest' if within else 'nie jest'} spełniony.")
    expl.step("zasilek_celowy.purpose", "The aid meets a necessary living need; art. 39 ust. 2 "
              "names food, medicines and treatment, fuel, clothing, household items, small "
              "repairs and funeral costs. The decision records the purpose.", {}, None,
              [ART_39_1, ART_39_2],
              pl="Zasiłek celowy przyznaje się w celu zaspokojenia niezbędnej potrzeby bytowej, "
                 "w szczególności na pokrycie części lub całości kosztów zakupu żywności, leków "
                 "i leczenia, opału, odzieży, niezbędnych przedmiotów użytku domowego, drobnych "
                 "remontów i napraw w mieszkaniu, a także kosztów pogrzebu; cel wskazuje się "
                 "w decyzji.")
    if within:
        _no_formula(expl, zasilek_celowy.__name__, [ART_39_1],
                    pl="ustawa nie określa wysokości zasiłku celowego: ustala ją ośrodek stosownie "
                       "do potrzeby, której zaspokojeniu zasiłek ma służyć; ustawa nie określa "
                       "górnej granicy kwoty.")
        return Outcome(True, ZERO, ZERO, ZERO, range=AmountRange(None, None, "once", (ART_39_1,)))
    expl.reading("zasilek_celowy.returnable", "above the criterion the aid may be granted only in "
                 "an especially justified case, on condition of return in part or in full "
                 "(art. 41 pkt 2); whether the case is especially justified is the caseworker's "
                 "call.", [ART_41_2],
                 pl="przy dochodzie przekraczającym kryterium dochodowe zasiłek celowy może być "
                    "przyznany w szczególnie uzasadnionym przypadku pod warunkiem zwrotu części "
                    "lub całości kwoty zasiłku (art. 41 pkt 2 u.p.s.); to, czy przypadek jest "
                    "szczególnie uzasadniony, ocenia pracownik socjalny.")
    return Outcome(True, ZERO, ZERO, ZERO,
                   range=AmountRange(None, None, "once", (ART_41_2,), returnable="required"))


def zasilek_celowy_zdarzenie_losowe(members: list[Member], on: date, expl: Explanation) -> Outcome:
    """Zasiłek celowy after a random event or a natural or ecological disaster (art. 40 u.p.s.):
    regardless of income, and possibly not returned (ust. 3)."""
    considered = expl.param("zasilek_celowy_zdarzenie_losowe.income_considered", on)
    expl.step("zasilek_celowy_zdarzenie_losowe.income_test", "The aid is granted regardless of "
              "income (art. 40 ust. 3): losses from a random event (ust. 1) or a natural or "
              "ecological disaster (ust. 2).", {"income_considered": considered}, True,
              [ART_40_1, ART_40_2, ART_40_3],
              pl="Zasiłek celowy w związku ze zdarzeniem losowym, klęską żywiołową lub "
                 "ekologiczną przyznaje się niezależnie od dochodu (art. 40 ust. 3 u.p.s.); "
                 "osoba lub rodzina poniosła straty w wyniku takiego zdarzenia.")
    _no_formula(expl, zasilek_celowy_zdarzenie_losowe.__name__, [ART_40_1, ART_40_3],
                pl="ustawa nie określa wysokości zasiłku: ustala ją ośrodek stosownie do strat i "
                   "potrzeby; zasiłek może nie podlegać zwrotowi, o czym rozstrzyga decyzja.")
    return Outcome(True, ZERO, ZERO, ZERO,
                   range=AmountRange(None, None, "once", (ART_40_1, ART_40_3), returnable="may"))


def sprawienie_pogrzebu(members: list[Member], on: date, expl: Explanation) -> Outcome:
    """Sprawienie pogrzebu (art. 44 u.p.s.): a service the gmina arranges; its costs are returned
    from the funeral allowance or the estate (art. 96 ust. 3)."""
    allowance = expl.param("sprawienie_pogrzebu.zus_funeral_allowance", on)
    expl.step("sprawienie_pogrzebu.service", "The gmina arranges the funeral as it has set, in "
              "keeping with the deceased's faith; it is a service, not money to the party.",
              {}, True, [ART_44],
              pl="Sprawienie pogrzebu następuje w sposób ustalony przez gminę, zgodnie z "
                 "wyznaniem zmarłego; jest usługą gminy, a nie świadczeniem pieniężnym dla "
                 "strony.")
    expl.reading("sprawienie_pogrzebu.return", f"the costs are returned from the funeral "
                 f"allowance due after the deceased (ZUS: {allowance} zł) or from the estate "
                 "(art. 96 ust. 3); the centre records them as a claim.", [ART_96_3],
                 pl=f"wydatki na sprawienie pogrzebu podlegają zwrotowi z zasiłku pogrzebowego "
                    f"przysługującego po zmarłym (z ubezpieczenia społecznego: {zl(allowance)}) "
                    "albo z masy spadkowej (art. 96 ust. 3 u.p.s.); ośrodek ujmuje je jako "
                    "należność.")
    return Outcome(True, ZERO, ZERO, ZERO,
                   range=AmountRange(None, None, "once", (ART_44, ART_96_3), returnable="estate"))

