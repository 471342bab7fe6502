"""Household income for the month (art. 8 u.p.s.), with the members of the household.

Rules and readings applied (each is also named in the explanation when it matters):

* An income item counts ``amount - tax - contributions`` (art. 8 ust. 3 u.p.s.). Art. 8 ust. 3
  deducts only the income tax, the social and health insurance contributions and alimony paid to
  others: the costs of earning (``IncomeItem.costs``, koszty uzyskania przychodu) are NOT deducted.
  The field is kept so that old inputs still load; when costs are given, the explanation says that
  they were ignored. READING: an item whose deductions exceed its amount counts as 0; a loss on
  one source does not reduce other income.
* Item kinds in :data:`EXCLUDED_KINDS` are not income at all (art. 8 ust. 4 u.p.s.).
* ``Member.net_income`` is income already net of deductions (e.g. a net pension) and counts as is.
* A one-off item (``one_off=True``) whose net exceeds 5 x the criterion is spread over 12 months
  (art. 8 ust. 11). READING: the criterion is the single-person one for a one-person household and
  the per-person one for a family; the comparison is strict and uses the item's net amount. The
  monthly part is rounded down to grosze (in the applicant's favour, see :mod:`app.domain.money`).
* Farm income is hectares przeliczeniowe x the dated rate, rounded down to grosze; below 1 ha it
  is 0.
* Alimony paid to others is deducted (art. 8 ust. 3). READING: it is deducted from the household
  total, which may not fall below 0; a member's own income (used by zasiłek stały) is reduced only
  by that member's own alimony paid, also not below 0.
* Income per person = total / persons, NOT rounded before a comparison: READING (DOMAIN.md,
  "compare unrounded"): every rule compares ``total`` with ``criterion x persons``
  (:meth:`IncomeResult.per_person_below`, :meth:`IncomeResult.per_person_not_above`), so 822,995 zł
  per person is below 823 zł. ``IncomeResult.per_person`` is that quotient rounded half-up to
  grosze for display only; ``IncomeResult.per_person_exact`` is the unrounded quotient.
* Regime "usr" (zasiłek rodzinny, fundusz alimentacyjny): READING: entered amounts are the monthly
  income already determined under those acts; nothing is spread and farm hectares are refused,
  because those acts use a different, yearly farm rate. Unlike the u.p.s., these acts DO deduct the
  costs of earning from taxed income (art. 3 pkt 1 lit. a u.ś.r., which the FA act adopts), so
  ``costs`` given under this regime are subtracted.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from app.domain.errors import InvalidInput
from app.domain.explain import Explanation
from app.domain.member_facts import check_birth_facts
from app.domain.members import IncomeItem, Member
from app.domain.messages import Code, msg
from app.domain.money import (
    ZERO,
    exact_quotient,
    income_down,
    per_person_below,
    per_person_not_above,
    round_money,
    to_decimal,
    to_money,
)
from app.domain.parameters import ParameterTable
from app.domain.polish import READING_PL, number, person_label, plural, zl
from app.domain.reasons import RELATIONS

# The income kind of a zasiłek celowy received (not income, art. 8 ust. 4 u.p.s.): the same word as
# the benefit's code (app/domain/benefits/zasilek_celowy.py), written once here for the income
# vocabulary, which the API enum has used since before the catalogue.
PURPOSE_AID = "zasilek_celowy"
# Every kind of income item an application may declare (art. 8 u.p.s.; the API enum and the form
# list them in this order); the kinds in EXCLUDED_KINDS are recorded but not counted.
INCOME_KINDS = (
    "employment", "pension", "unemployment", "business", "farm", "alimony", "800_plus",
    "one_off_benefit", PURPOSE_AID, "in_kind", "other",
)
# Kind keys of items that are not income, with the reason printed in the explanation.
EXCLUDED_KINDS: dict[str, str] = {
    "800_plus": "świadczenie wychowawcze (800+) is not counted as income",
    "one_off_benefit": "a one-off social money benefit is not counted as income",
    PURPOSE_AID: "zasiłek celowy is not counted as income",
    "in_kind": "the value of a benefit in kind is not counted as income",
}
EXCLUDED_KINDS_PL: dict[str, str] = {
    "800_plus": "świadczenia wychowawczego (800+) nie wlicza się do dochodu",
    "one_off_benefit": "jednorazowego pieniężnego świadczenia socjalnego nie wlicza się do dochodu",
    PURPOSE_AID: "zasiłku celowego nie wlicza się do dochodu",
    "in_kind": "wartości świadczenia w naturze nie wlicza się do dochodu",
}
REGIMES = ("ups", "usr")
SEXES = ("F", "M")
MAX_AGE = 150

UPS_INCOME = "art. 8 ust. 3 u.p.s."
UPS_EXCLUDED = "art. 8 ust. 4 u.p.s."
UPS_ONE_OFF = "art. 8 ust. 11 u.p.s."
UPS_FARM = "art. 8 u.p.s. (dochód z 1 ha przeliczeniowego)"
USR_INCOME = "art. 3 pkt 1-2 u.ś.r."
USR_CHILD = "art. 6 ust. 1 u.ś.r."


@dataclass(frozen=True)
class IncomeResult:
    """Household income for the month, with each member's own income and the explanation."""

    total: Decimal
    per_person: Decimal
    persons: int
    explanation: list[dict[str, Any]]
    member_incomes: tuple[Decimal, ...] = ()
    parameters: dict[str, dict[str, Any]] = field(default_factory=dict)
    legal_basis: list[str] = field(default_factory=list)

    @property
    def per_person_exact(self) -> Decimal:
        """Income per person, unrounded (``per_person`` is the same rounded for display only)."""
        return exact_quotient(self.total, self.persons)

    def per_person_below(self, limit: Decimal) -> bool:
        """Whether the unrounded income per person is below ``limit`` (total < limit x persons)."""
        return per_person_below(self.total, self.persons, limit)

    def per_person_not_above(self, limit: Decimal) -> bool:
        """Whether the unrounded income per person does not exceed ``limit``."""
        return per_person_not_above(self.total, self.persons, limit)


def _money(x: Any, path: str) -> Decimal:
    """Convert an input amount to money, refusing floats, junk and negatives with InvalidInput."""
    try:
        d = to_money(x)
    except TypeError:
        raise InvalidInput(path, msg(Code.AMOUNT_EXACT)) from None
    except ValueError:
        raise InvalidInput(path, msg(Code.AMOUNT_NOT_NUMBER)) from None
    if d < 0:
        raise InvalidInput(path, msg(Code.AMOUNT_NOT_NEGATIVE))
    return d


def _flag(x: Any, path: str) -> bool:
    """Check that an input is a bool."""
    if not isinstance(x, bool):
        raise InvalidInput(path, msg(Code.VALUE_TRUE_FALSE))
    return x


def _item(item: Any, path: str) -> IncomeItem:
    """Validate and normalise one income item."""
    if not isinstance(item, IncomeItem):
        raise InvalidInput(path, msg(Code.INCOME_ITEM_TYPE))
    if not isinstance(item.kind, str) or not item.kind.strip():
        raise InvalidInput(f"{path}.kind", msg(Code.INCOME_KIND_EMPTY))
    return IncomeItem(
        kind=item.kind.strip(),
        amount=_money(item.amount, f"{path}.amount"),
        tax=_money(item.tax, f"{path}.tax"),
        contributions=_money(item.contributions, f"{path}.contributions"),
        costs=_money(item.costs, f"{path}.costs"),
        one_off=_flag(item.one_off, f"{path}.one_off"),
    )


def _member(m: Any, path: str) -> Member:
    """Validate and normalise one member."""
    if not isinstance(m, Member):
        raise InvalidInput(path, msg(Code.MEMBER_TYPE))
    if isinstance(m.age, bool) or not isinstance(m.age, int):
        raise InvalidInput(f"{path}.age", msg(Code.AGE_WHOLE))
    if not 0 <= m.age <= MAX_AGE:
        raise InvalidInput(f"{path}.age", msg(Code.AGE_RANGE, limit=MAX_AGE))
    if m.sex not in (None, *SEXES):
        raise InvalidInput(f"{path}.sex", msg(Code.SEX_UNKNOWN))
    if m.child is not None:
        _flag(m.child, f"{path}.child")
    check_birth_facts(m, path)
    if m.relation is not None and m.relation not in RELATIONS:
        raise InvalidInput(f"{path}.relation",
                           msg(Code.RELATION_UNKNOWN, allowed=", ".join(RELATIONS)))
    if not isinstance(m.incomes, list | tuple):
        raise InvalidInput(f"{path}.incomes", msg(Code.INCOMES_LIST))
    if not isinstance(m.other_benefits, list | tuple) or not all(
        isinstance(b, str) for b in m.other_benefits
    ):
        raise InvalidInput(f"{path}.other_benefits", "Other benefits must be a list of keys.")
    try:
        hectares = to_decimal(m.farm_hectares)
    except (TypeError, ValueError):
        raise InvalidInput(
            f"{path}.farm_hectares", "Hectares must be an exact number (Decimal, int or str)."
        ) from None
    if hectares < 0:
        raise InvalidInput(f"{path}.farm_hectares", "Hectares may not be negative.")
    return replace(
        m,
        unable_to_work=_flag(m.unable_to_work, f"{path}.unable_to_work"),
        disabled=_flag(m.disabled, f"{path}.disabled"),
        in_school=_flag(m.in_school, f"{path}.in_school"),
        disability_certificate=_flag(m.disability_certificate, f"{path}.disability_certificate"),
        in_higher_school=_flag(m.in_higher_school, f"{path}.in_higher_school"),
        severe_disability_certificate=_flag(m.severe_disability_certificate,
                                            f"{path}.severe_disability_certificate"),
        net_income=_money(m.net_income, f"{path}.net_income"),
        incomes=[_item(it, f"{path}.incomes[{j}]") for j, it in enumerate(m.incomes)],
        other_benefits=list(m.other_benefits),
        alimony_awarded=_money(m.alimony_awarded, f"{path}.alimony_awarded"),
        alimony_paid=_money(m.alimony_paid, f"{path}.alimony_paid"),
        farm_hectares=hectares,
    )


def validate_members(members: Any) -> list[Member]:
    """Validate a household and return normalised copies (money rounded to grosze)."""
    if not isinstance(members, list | tuple):
        raise InvalidInput("members", "The household must be a list of members.")
    if not members:
        raise InvalidInput("members", "The household must have at least one member.")
    return [_member(m, f"members[{i}]") for i, m in enumerate(members)]


def _costs_notes(costs: Decimal) -> tuple[str, str]:
    """The English and Polish note saying that costs of earning given were not deducted (u.p.s.)."""
    return (f"costs of earning ({costs}) are not deducted: art. 8 ust. 3 u.p.s. deducts only the "
            "income tax, social and health insurance contributions and alimony paid",
            f"kosztów uzyskania przychodu ({zl(costs)}) nie odlicza się: art. 8 ust. 3 u.p.s. "
            "pozwala odliczyć wyłącznie podatek dochodowy, składki na ubezpieczenia społeczne i "
            "zdrowotne oraz alimenty świadczone na rzecz innych osób")


def _item_income(
    item: IncomeItem, path: str, one_off_limit: Decimal | None, expl: Explanation, on: date,
    excluded_basis: str, regime: str = "ups",
) -> dict[str, Any]:
    """Return the counted monthly amount of one item, as a dict for the explanation.

    ``notes`` are in English and ``notes_pl`` in Polish (the Polish UI shows the latter).
    """
    row: dict[str, Any] = {"path": path, "kind": item.kind, "amount": item.amount}
    if item.kind in EXCLUDED_KINDS:
        expl.cite(excluded_basis)
        return row | {"counted": ZERO, "notes": [EXCLUDED_KINDS[item.kind]],
                      "notes_pl": [EXCLUDED_KINDS_PL[item.kind]]}
    notes: list[str] = []
    notes_pl: list[str] = []
    net = item.amount - item.tax - item.contributions
    row["deductions"] = item.tax + item.contributions
    if item.costs and regime == "usr":
        # Art. 3 pkt 1 lit. a u.ś.r.: taxed income less costs of earning, tax and contributions.
        net -= item.costs
        row["deductions"] = row["deductions"] + item.costs
        notes.append(f"costs of earning ({item.costs}) deducted (art. 3 pkt 1 lit. a u.ś.r.)")
        notes_pl.append(f"odliczono koszty uzyskania przychodu ({zl(item.costs)}; art. 3 pkt 1 "
                        "lit. a ustawy o świadczeniach rodzinnych)")
    elif item.costs:
        row["costs_not_deducted"] = item.costs
        note, note_pl = _costs_notes(item.costs)
        notes.append(note)
        notes_pl.append(note_pl)
    if net < 0:
        notes.append("deductions exceed the amount; READING: the item counts as 0")
        notes_pl.append(f"odliczenia przewyższają kwotę przychodu; {READING_PL.lower()}składnik "
                        f"przyjmuje się w wysokości {zl(ZERO)}")
        net = ZERO
    counted = net
    if item.one_off and one_off_limit is not None:
        if net > one_off_limit:
            months = expl.param("ups.one_off_spread_months", on)
            counted = income_down(net / months)
            notes.append(f"one-off income {net} above {one_off_limit} spread over {months} "
                         "months, rounded down to grosze (in the applicant's favour)")
            notes_pl.append(f"dochód jednorazowy {zl(net)} przekracza {zl(one_off_limit)}, więc "
                            f"rozlicza się go w okresie {months} "
                            f"{plural(months, 'miesiąca', 'miesięcy', 'miesięcy')}: "
                            f"{zl(counted)} miesięcznie (po zaokrągleniu w dół do pełnego "
                            "grosza, na korzyść wnioskodawcy)")
            expl.cite(UPS_ONE_OFF)
        else:
            notes.append(f"one-off income not above {one_off_limit}; counted in full")
            notes_pl.append(f"dochód jednorazowy nie przekracza {zl(one_off_limit)}; wlicza się "
                            "go w całości")
    return row | {"counted": counted, "notes": notes, "notes_pl": notes_pl}


def _farm_income(m: Member, index: int, regime: str, expl: Explanation, on: date) -> Decimal:
    """Return a member's monthly farm income from hectares przeliczeniowe."""
    path = f"members[{index}]"
    if m.farm_hectares == 0:
        return ZERO
    if regime == "usr":
        raise InvalidInput(
            f"{path}.farm_hectares",
            "Family benefits and the fundusz alimentacyjny use a yearly farm income rate; enter "
            "the farm income as an income item instead of hectares.",
        )
    min_ha = expl.param("ups.farm_min_hectares", on)
    if m.farm_hectares < min_ha:
        expl.step("farm_income", f"{path}: {m.farm_hectares} ha is under {min_ha} ha and is not "
                  "counted.", {"hectares": m.farm_hectares}, ZERO, [UPS_FARM],
                  pl=f"{person_label(index)}: powierzchnia gospodarstwa rolnego wyrażona w "
                     f"hektarach przeliczeniowych ({number(m.farm_hectares)}) jest mniejsza niż "
                     f"{number(min_ha)}; dochodu z gospodarstwa rolnego nie wlicza się.")
        return ZERO
    rate = expl.param("ups.farm_income_per_hectare", on)
    farm = income_down(m.farm_hectares * rate)
    expl.step("farm_income", f"{path}: {m.farm_hectares} ha przeliczeniowe x {rate} zł, rounded "
              "down to grosze (in the applicant's favour).",
              {"hectares": m.farm_hectares, "rate": rate}, farm, [UPS_FARM],
              pl=f"{person_label(index)}: dochód z gospodarstwa rolnego = "
                 f"{number(m.farm_hectares)} (hektary przeliczeniowe) × {zl(rate)} z 1 ha "
                 f"przeliczeniowego = {zl(farm)} (po zaokrągleniu w dół do pełnego grosza, na "
                 "korzyść wnioskodawcy).")
    return farm


def income_of(
    members: list[Member], on: date, expl: Explanation, regime: str = "ups"
) -> IncomeResult:
    """Compute household income of validated members, writing steps into ``expl``."""
    if regime not in REGIMES:
        raise InvalidInput("regime", f"The income regime must be one of {', '.join(REGIMES)}.")
    persons = len(members)
    one_off_limit: Decimal | None = None
    has_one_off = any(it.one_off for m in members for it in m.incomes)
    if regime == "ups" and has_one_off:
        name = "ups.criterion_single" if persons == 1 else "ups.criterion_per_person"
        one_off_limit = expl.param("ups.one_off_multiplier", on) * expl.param(name, on)
    elif regime == "usr":
        expl.reading("usr_income", "amounts are the monthly income already determined under "
                     "u.ś.r.; one-off income is not spread and farm hectares are not accepted.",
                     pl="wprowadzone kwoty są miesięcznym dochodem ustalonym już według zasad "
                        "ustawy o świadczeniach rodzinnych; dochodu jednorazowego nie rozlicza "
                        "się na kolejne miesiące, a powierzchni gospodarstwa rolnego w hektarach "
                        "przeliczeniowych się nie przyjmuje.")
    basis = UPS_INCOME if regime == "ups" else USR_INCOME
    gross: list[Decimal] = []
    own: list[Decimal] = []
    for i, m in enumerate(members):
        path = f"members[{i}]"
        rows = [
            _item_income(it, f"{path}.incomes[{j}]", one_off_limit, expl, on,
                         UPS_EXCLUDED if regime == "ups" else USR_INCOME, regime)
            for j, it in enumerate(m.incomes)
        ]
        farm = _farm_income(m, i, regime, expl, on)
        items = sum((r["counted"] for r in rows), ZERO)
        total_i = m.net_income + farm + items
        gross.append(total_i)
        own.append(max(ZERO, total_i - m.alimony_paid))
        expl.step(
            "member_income",
            f"{path}: net income plus counted items plus farm income.",
            {"net_income": m.net_income, "items": rows, "farm_income": farm,
             "alimony_paid": m.alimony_paid},
            total_i,
            [basis],
            pl=f"{person_label(i)}: dochód netto {zl(m.net_income)} + wliczane składniki "
               f"dochodu {zl(items)} + dochód z gospodarstwa rolnego {zl(farm)} = "
               f"{zl(total_i)}.",
        )
    alimony = sum((m.alimony_paid for m in members), ZERO)
    total = max(ZERO, sum(gross, ZERO) - alimony)
    text = "Household income = sum of members' income minus alimony paid to others"
    if alimony:
        text += " (READING: deducted from the household total, not below 0)"
    single = persons == 1 and regime == "ups"
    whose = "osoby samotnie gospodarującej" if single else "rodziny"
    summed = f"{zl(sum(gross, ZERO))}" if single else "suma dochodów członków rodziny"
    if alimony:
        if not single:
            summed += f" ({zl(sum(gross, ZERO))})"
        text_pl = (f"Dochód {whose} = {summed} − alimenty świadczone na rzecz innych osób "
                   f"({zl(alimony)}) = {zl(total)} ({READING_PL.lower()}alimenty odlicza się od "
                   "łącznego dochodu, który nie może być niższy niż zero)")
    elif single:
        text_pl = f"Dochód {whose} wynosi {zl(total)}"
    else:
        text_pl = f"Dochód {whose} = {summed} = {zl(total)}"
    expl.step("household_income", text + ".", {"members": gross, "alimony_paid": alimony}, total,
              [basis], pl=text_pl + ".")
    exact = exact_quotient(total, persons)
    per_person = round_money(exact)
    whose_pp = "osoby samotnie gospodarującej" if single else "na osobę w rodzinie"
    if persons == 1:
        text = f"Income per person = {total} / 1 = {per_person}."
        text_pl = (f"Dochód {whose_pp} = {zl(total)} / 1 = {zl(per_person)} (dochód ustalony na "
                   f"podstawie {basis}).")
    else:
        about, about_pl = ("", "") if per_person == exact else ("about ", "ok. ")
        text = (f"Income per person = {total} / {persons} = {about}{per_person}. READING: the "
                "quotient is not rounded before it is compared with a criterion (the total income "
                "is compared with the criterion x persons); the rounded figure is for information "
                "only.")
        text_pl = (f"Dochód {whose_pp} = {zl(total)} / {persons} = {about_pl}{zl(per_person)} "
                   f"({READING_PL.lower()}dochodu na osobę nie zaokrągla się przed porównaniem z "
                   "kryterium dochodowym – porównuje się łączny dochód rodziny z iloczynem "
                   "kryterium i liczby osób, a kwota zaokrąglona do grosza ma charakter "
                   f"informacyjny; dochód ustalony na podstawie {basis}).")
    expl.step("income_per_person", text, {"total": total, "persons": persons}, per_person,
              pl=text_pl)
    return IncomeResult(total, per_person, persons, expl.steps, tuple(own), expl.parameters,
                        expl.legal_basis)


def household_income(
    members: list[Member],
    on: date,
    *,
    regime: str = "ups",
    table: ParameterTable | None = None,
) -> IncomeResult:
    """Validate the household and compute its monthly income on ``on`` with an explanation."""
    if not isinstance(on, date) or isinstance(on, datetime):
        raise InvalidInput("on", "The date must be a calendar date (not a date and time).")
    return income_of(validate_members(members), on, Explanation(table), regime)
