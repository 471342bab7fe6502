"""The benefit and deadline calculator: parse a JSON request, call the pure domain, return JSON.

No database and no actor are involved: the calculator computes and stores nothing. The web layer
authorises the caller; this module only turns untrusted JSON into domain values, calls
:func:`app.domain.eligibility.calculate` or :func:`app.domain.deadlines.due_date`, and returns
their ``to_dict()``.

Every problem with the input is reported as :class:`ValidationFailed` with a map from a field path
(``on``, ``members[0].net_income``, ``members[1].incomes[0].amount``, ``days`` ...) to a message,
and never as a crash. The parser collects all the problems it can find before raising; problems
the domain finds afterwards (``InvalidInput``, e.g. a date with no legal parameter in force) are
mapped the same way.

Input rules (stricter than the domain, so that a typo never silently changes a result):

* amounts are decimal strings ("1234.56") or whole JSON numbers, never JSON numbers with a
  fraction (floats) or booleans; zero or more, at most two decimal places, below 10^10;
* dates are "YYYY-MM-DD" strings;
* flags are JSON booleans; counts (age, days) are JSON integers, not booleans or strings;
* unknown keys are refused, and so are unknown ``other_benefits`` keys;
* a member's ``relation`` to the applicant is one of :data:`app.domain.reasons.RELATIONS` or
  empty; ``in_school`` (a szkoła), ``in_higher_school`` (a szkoła wyższa),
  ``disability_certificate`` (moderate or severe degree) and ``severe_disability_certificate``
  (severe degree) are flags used by the age conditions of zasiłek rodzinny (art. 6 ust. 1
  u.ś.r.) and of FA (art. 9 ust. 1 of the FA act).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from app.domain.deadlines import KINDS as DEADLINE_KINDS
from app.domain.deadlines import Deadline, due_date
from app.domain.eligibility import BENEFITS, EligibilityResult, calculate
from app.domain.errors import InvalidInput
from app.domain.income import MAX_AGE, SEXES, IncomeItem, Member
from app.domain.messages import Code, msg
from app.domain.parameters import PARAMETERS, ParameterNotFound, covered_until, value
from app.domain.reasons import RELATIONS
from app.domain.views import JsonView
from app.services.kernel.errors import ValidationFailed
from app.services.kernel.json_input import (
    BAD_BOOL,
    MESSAGE,
    REQUIRED,
    FieldErrors,
    amount_field,
    date_field,
    decimal_field,
    flag_field,
    json_object,
    list_field,
    text_field,
    whole_field,
)

__all__ = [
    "BENEFITS",
    "DEADLINE_KINDS",
    "MAX_MEMBERS",
    "OTHER_BENEFITS",
    "deadline",
    "eligibility",
    "parse_deadline_request",
    "parse_eligibility_request",
    "parse_household",
    "simulate",
]

MAX_MEMBERS = 30
MAX_INCOMES = 30
MAX_DAYS = 365
MAX_HECTARES = Decimal("100000")

# The other benefits a member may receive that matter to a rule: every key that the dated
# parameter "zasilek_staly.excluded_benefits" has ever listed (art. 37 ust. 5 u.p.s.).
OTHER_BENEFITS: tuple[str, ...] = tuple(sorted({
    key for p in PARAMETERS["zasilek_staly.excluded_benefits"] for key in p.value
}))

BAD_AGE = msg(Code.AGE_WHOLE)


_HOUSEHOLD_KEYS = {"on", "members", "municipal_percentage"}
_ELIGIBILITY_KEYS = _HOUSEHOLD_KEYS | {"benefit"}
_MEMBER_KEYS = {"age", "unable_to_work", "net_income", "incomes", "other_benefits", "disabled",
                "alimony_awarded", "alimony_paid", "farm_hectares", "sex", "child", "relation",
                "in_school", "disability_certificate", "in_higher_school",
                "severe_disability_certificate"}
_ITEM_KEYS = {"kind", "amount", "tax", "contributions", "costs", "one_off"}
_DEADLINE_KEYS = {"kind", "start", "urgent", "days"}


def _income_item(raw: Any, path: str, errors: FieldErrors) -> IncomeItem | None:
    """One itemised income {kind, amount, tax, contributions, costs, one_off}."""
    obj = json_object(raw, path, _ITEM_KEYS, errors)
    if obj is None:
        return None
    kind = text_field(obj.get("kind"), f"{path}.kind", errors)
    if obj.get("amount") is None:
        errors.add(f"{path}.amount", REQUIRED)
    amount = amount_field(obj.get("amount"), f"{path}.amount", errors)
    return IncomeItem(
        kind=kind or "",
        amount=amount,
        tax=amount_field(obj.get("tax"), f"{path}.tax", errors),
        contributions=amount_field(obj.get("contributions"), f"{path}.contributions", errors),
        costs=amount_field(obj.get("costs"), f"{path}.costs", errors),
        one_off=flag_field(obj.get("one_off"), f"{path}.one_off", errors),
    )


def _other_benefits(raw: Any, path: str, errors: FieldErrors) -> list[str]:
    """Keys of other benefits the member receives; unknown keys are refused."""
    keys = list_field(raw, path, errors, len(OTHER_BENEFITS))
    result: list[str] = []
    for j, key in enumerate(keys):
        if not isinstance(key, str) or key not in OTHER_BENEFITS:
            errors.add(f"{path}[{j}]", msg(Code.BENEFIT_UNKNOWN, allowed=", ".join(OTHER_BENEFITS)))
        elif key not in result:
            result.append(key)
    return result


def _member(raw: Any, path: str, errors: FieldErrors) -> Member | None:
    """One household member."""
    obj = json_object(raw, path, _MEMBER_KEYS, errors)
    if obj is None:
        return None
    age = whole_field(obj.get("age"), f"{path}.age", errors, BAD_AGE, 0, MAX_AGE)
    sex = obj.get("sex")
    if sex == "":
        sex = None
    if sex is not None and sex not in SEXES:
        errors.add(f"{path}.sex", msg(Code.CHOOSE_ONE_OR_NONE, allowed=", ".join(SEXES)))
        sex = None
    child = obj.get("child")
    if child is not None and not isinstance(child, bool):
        errors.add(f"{path}.child", BAD_BOOL)
        child = None
    relation = obj.get("relation")
    if relation == "":
        relation = None
    if relation is not None and relation not in RELATIONS:
        errors.add(f"{path}.relation", msg(Code.CHOOSE_ONE_OR_NONE, allowed=", ".join(RELATIONS)))
        relation = None
    incomes = [
        _income_item(item, f"{path}.incomes[{j}]", errors)
        for j, item in enumerate(list_field(obj.get("incomes"), f"{path}.incomes", errors, MAX_INCOMES))
    ]
    hectares = Decimal(0)
    if obj.get("farm_hectares") is not None:
        hectares = decimal_field(obj["farm_hectares"], f"{path}.farm_hectares", errors, places=4,
                            maximum=MAX_HECTARES, what="number of hectares",
                            example="2.5") or Decimal(0)
    member = Member(
        age=age if age is not None else 0,
        unable_to_work=flag_field(obj.get("unable_to_work"), f"{path}.unable_to_work", errors),
        net_income=amount_field(obj.get("net_income"), f"{path}.net_income", errors),
        incomes=[item for item in incomes if item is not None],
        other_benefits=_other_benefits(obj.get("other_benefits"), f"{path}.other_benefits",
                                       errors),
        disabled=flag_field(obj.get("disabled"), f"{path}.disabled", errors),
        alimony_awarded=amount_field(obj.get("alimony_awarded"), f"{path}.alimony_awarded", errors),
        alimony_paid=amount_field(obj.get("alimony_paid"), f"{path}.alimony_paid", errors),
        farm_hectares=hectares,
        sex=sex,
        child=child,
        relation=relation,
        in_school=flag_field(obj.get("in_school"), f"{path}.in_school", errors),
        disability_certificate=flag_field(obj.get("disability_certificate"),
                                          f"{path}.disability_certificate", errors),
        in_higher_school=flag_field(obj.get("in_higher_school"), f"{path}.in_higher_school",
                                    errors),
        severe_disability_certificate=flag_field(obj.get("severe_disability_certificate"),
                                                 f"{path}.severe_disability_certificate", errors),
    )
    return member


def _calculation_date(raw: Any, path: str, errors: FieldErrors) -> date | None:
    """A date the legal parameters cover: ISO, a sane year, and not after the table's horizon
    (:func:`covered_until`), which would silently get today's figures. A date before the table
    starts is refused by the domain per parameter (the simulator still shows what it can)."""
    day = date_field(raw, path, errors)
    if day is not None and day > covered_until():
        errors.add(path, msg(Code.PARAMETERS_NOT_YET_KNOWN, latest=covered_until().isoformat()))
        return None
    return day


def _household(obj: Mapping[str, Any], errors: FieldErrors) -> tuple[date | None, list[Member],
                                                                  Decimal | None]:
    """The date, members and municipal percentage shared by every benefit."""
    on = _calculation_date(obj.get("on"), "on", errors)
    raw_members = obj.get("members")
    members: list[Member] = []
    if raw_members is None:
        errors.add("members", REQUIRED)
    elif not isinstance(raw_members, list):
        errors.add("members", msg(Code.MEMBERS_LIST_EXPECTED))
    elif not raw_members:
        errors.add("members", msg(Code.MEMBERS_EMPTY))
    elif len(raw_members) > MAX_MEMBERS:
        errors.add("members", msg(Code.MEMBERS_TOO_MANY, limit=MAX_MEMBERS))
    else:
        parsed = [_member(m, f"members[{i}]", errors) for i, m in enumerate(raw_members)]
        members = [m for m in parsed if m is not None]
    percentage: Decimal | None = None
    if obj.get("municipal_percentage") is not None:
        percentage = decimal_field(obj["municipal_percentage"], "municipal_percentage", errors,
                              maximum=Decimal(100), what="percentage", example="70")
        if percentage is not None and on is not None:
            try:
                statutory = value("zasilek_okresowy.percentage", on).value
            except ParameterNotFound:
                statutory = None  # the domain reports the date
            if statutory is not None and percentage < statutory:
                errors.add("municipal_percentage",
                           msg(Code.MUNICIPAL_PERCENT_RANGE, minimum=str(statutory)))
    return on, members, percentage


def _validation(exc: InvalidInput) -> ValidationFailed:
    """The domain's InvalidInput as a field error."""
    return ValidationFailed(MESSAGE, {exc.field: exc.message})


def parse_household(body: Any) -> tuple[date, list[Member], Decimal | None]:
    """Parse {on, members, municipal_percentage} (no benefit); raise ValidationFailed."""
    errors = FieldErrors()
    obj = json_object(body, "", _HOUSEHOLD_KEYS, errors)
    if obj is None:
        errors.raise_if_any()
    assert obj is not None
    on, members, percentage = _household(obj, errors)
    errors.raise_if_any()
    assert on is not None
    return on, members, percentage


def parse_eligibility_request(body: Any) -> tuple[str, date, list[Member], Decimal | None]:
    """Parse a POST /api/eligibility body into (benefit, on, members, municipal_percentage)."""
    errors = FieldErrors()
    obj = json_object(body, "", _ELIGIBILITY_KEYS, errors)
    if obj is None:
        errors.raise_if_any()
    assert obj is not None
    benefit = obj.get("benefit")
    if benefit is None or benefit == "":
        errors.add("benefit", REQUIRED)
    elif not isinstance(benefit, str) or benefit not in BENEFITS:
        errors.add("benefit", msg(Code.BENEFIT_UNKNOWN, allowed=", ".join(BENEFITS)))
    on, members, percentage = _household(obj, errors)
    errors.raise_if_any()
    assert on is not None and isinstance(benefit, str)
    return benefit, on, members, percentage


def _calculate(benefit: str, on: date, members: list[Member],
               percentage: Decimal | None) -> EligibilityResult:
    try:
        return calculate(benefit, on, members, municipal_percentage=percentage)
    except InvalidInput as exc:
        raise _validation(exc) from None


def eligibility(body: Any) -> EligibilityResult:
    """Eligibility and amount of one benefit with its explanation (``to_dict()`` is its JSON)."""
    benefit, on, members, percentage = parse_eligibility_request(body)
    return _calculate(benefit, on, members, percentage)


@dataclass(frozen=True, eq=False)
class Simulation(JsonView):
    """Every benefit for one household on a day: each benefit's result (its JSON, as the rule
    gives it) or the error that kept the domain from computing it, and those errors by field."""

    on: date
    results: tuple[dict[str, Any], ...]
    errors: dict[str, str]


def simulate(body: Any) -> Simulation:
    """Every benefit for one household: its ``results`` and ``errors`` ({field: message}).

    A benefit the domain refuses to compute (e.g. farm hectares for family benefits) gets
    ``{"benefit", "error": {"field", "message"}}`` in place of its result; if no benefit could be
    computed, ValidationFailed is raised with every field error.
    """
    on, members, percentage = parse_household(body)
    results: list[dict[str, Any]] = []
    errors = FieldErrors()
    for benefit in BENEFITS:
        try:
            results.append(calculate(benefit, on, members,
                                     municipal_percentage=percentage).to_dict())
        except InvalidInput as exc:
            errors.add(exc.field, exc.message)
            results.append({"benefit": benefit, "error": exc.as_dict()})
    if len(errors) and all("error" in r for r in results):
        errors.raise_if_any()
    return Simulation(on=on, results=tuple(results), errors=dict(errors))


def parse_deadline_request(body: Any) -> tuple[str, date, bool, int | None]:
    """Parse a POST /api/deadlines body into (kind, start, urgent, days)."""
    errors = FieldErrors()
    obj = json_object(body, "", _DEADLINE_KEYS, errors)
    if obj is None:
        errors.raise_if_any()
    assert obj is not None
    kind = obj.get("kind")
    if kind is None or kind == "":
        errors.add("kind", REQUIRED)
    elif not isinstance(kind, str) or kind not in DEADLINE_KINDS:
        errors.add("kind", msg(Code.DEADLINE_KIND_NOT_LISTED, allowed=", ".join(DEADLINE_KINDS)))
    start = _calculation_date(obj.get("start"), "start", errors)
    urgent = flag_field(obj.get("urgent"), "urgent", errors)
    days: int | None = None
    if obj.get("days") is not None:
        days = whole_field(obj["days"], "days", errors, msg(Code.DAYS_WHOLE), 1, MAX_DAYS)
    errors.raise_if_any()
    assert isinstance(kind, str) and start is not None
    return kind, start, urgent, days


def deadline(body: Any) -> Deadline:
    """A legal deadline with its explanation (a view: ``as_json()`` is what the API sends)."""
    kind, start, urgent, days = parse_deadline_request(body)
    try:
        return due_date(kind, start, urgent, days)
    except InvalidInput as exc:
        raise _validation(exc) from None
