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

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from app.domain.deadlines import KINDS as DEADLINE_KINDS
from app.domain.deadlines import Deadline, due_date
from app.domain.eligibility import BENEFITS, EligibilityResult, calculate
from app.domain.errors import InvalidInput
from app.domain.income import IncomeItem, Member
from app.domain.messages import Code, msg
from app.domain.parameters import ParameterNotFound, covered_until, value
from app.domain.views import JsonView
from app.services.kernel import inputs
from app.services.kernel.errors import ValidationFailed
from app.services.kernel.inputs.calculator import MAX_DAYS, MAX_MEMBERS, OTHER_BENEFITS
from app.services.kernel.json_input import MESSAGE

__all__ = [
    "BENEFITS",
    "DEADLINE_KINDS",
    "MAX_DAYS",
    "MAX_MEMBERS",
    "OTHER_BENEFITS",
    "deadline",
    "eligibility",
    "parse_deadline_request",
    "parse_eligibility_request",
    "parse_household",
    "simulate",
]

ZERO = Decimal("0.00")
BIRTH_FLAGS = ("prenatal_care", "parental_leave")
BIRTH_FACTS = ("born_on", "applied_on", "care_since", "school_away")


def _income_item(obj: dict[str, Any]) -> IncomeItem:
    """One itemised income {kind, amount, tax, contributions, costs, one_off}, as typed."""
    return IncomeItem(kind=obj["kind"], amount=obj["amount"], tax=obj.get("tax") or ZERO,
                      contributions=obj.get("contributions") or ZERO, costs=obj.get("costs") or ZERO,
                      one_off=bool(obj.get("one_off")))


def _member(obj: dict[str, Any]) -> Member:
    """One household member, as typed by the input schema (absent and null are the defaults)."""
    flags = ("unable_to_work", "disabled", "in_school", "disability_certificate",
             "in_higher_school", "severe_disability_certificate")
    flag_values: dict[str, Any] = {flag: bool(obj.get(flag)) for flag in (*flags, "constant_care",
                                                                          "gave_up_work",
                                                                          *BIRTH_FLAGS)}
    # Births and the dodatki (app.domain.dodatki): dates, school away, the dodatki asked for.
    flag_values.update({name: obj.get(name) or None for name in BIRTH_FACTS},
                       dodatki=tuple(dict.fromkeys(obj.get("dodatki") or ())))
    flag_values.update(disability_degree=obj.get("disability_degree") or None,
                       disability_onset_age=obj.get("disability_onset_age"),
                       single_parent_reason=obj.get("single_parent_reason") or None)
    return Member(
        age=obj["age"],
        net_income=obj.get("net_income") or ZERO,
        incomes=[_income_item(item) for item in obj.get("incomes") or []],
        other_benefits=list(dict.fromkeys(obj.get("other_benefits") or [])),
        alimony_awarded=obj.get("alimony_awarded") or ZERO,
        alimony_paid=obj.get("alimony_paid") or ZERO,
        farm_hectares=obj.get("farm_hectares") or Decimal(0),
        sex=obj.get("sex") or None,
        child=obj.get("child"),
        relation=obj.get("relation") or None,
        **flag_values,
    )


def _household(name: str, body: Any) -> tuple[dict[str, Any], date, list[Member], Decimal | None]:
    """The body checked against its input schema (app/services/kernel/inputs/calculator.py) and
    the legal parameters: the day they cover, and a municipal percentage not below the
    statutory one; ValidationFailed naming every bad field."""
    data, errors = inputs.read(name, body)
    on: date | None = data.get("on")
    if on is not None and on > covered_until():
        # A date after the table's horizon would silently get today's figures.
        errors["on"] = msg(Code.PARAMETERS_NOT_YET_KNOWN, latest=covered_until().isoformat())
    percentage: Decimal | None = data.get("municipal_percentage")
    if percentage is not None and on is not None and "on" not in errors:
        try:
            statutory = value("zasilek_okresowy.percentage", on).value
        except ParameterNotFound:
            statutory = None  # the domain reports the date
        if statutory is not None and percentage < statutory:
            errors["municipal_percentage"] = msg(Code.MUNICIPAL_PERCENT_RANGE, minimum=str(statutory))
    if errors:
        raise ValidationFailed(MESSAGE, errors)
    assert on is not None
    return data, on, [_member(m) for m in data["members"]], percentage


def _validation(exc: InvalidInput) -> ValidationFailed:
    """The domain's InvalidInput as a field error."""
    return ValidationFailed(MESSAGE, {exc.field: exc.message})


def parse_household(body: Any) -> tuple[date, list[Member], Decimal | None]:
    """Parse {on, members, municipal_percentage} (no benefit); raise ValidationFailed."""
    _, on, members, percentage = _household("Household", body)
    return on, members, percentage


def parse_eligibility_request(body: Any) -> tuple[str, date, list[Member], Decimal | None]:
    """Parse a POST /api/eligibility body into (benefit, on, members, municipal_percentage)."""
    data, on, members, percentage = _household("EligibilityRequest", body)
    return data["benefit"], on, members, percentage


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
    errors: dict[str, str] = {}
    for benefit in BENEFITS:
        try:
            results.append(calculate(benefit, on, members,
                                     municipal_percentage=percentage).to_dict())
        except InvalidInput as exc:
            errors.setdefault(exc.field, exc.message)
            results.append({"benefit": benefit, "error": exc.as_dict()})
    if errors and all("error" in r for r in results):
        raise ValidationFailed(MESSAGE, errors)
    return Simulation(on=on, results=tuple(results), errors=dict(errors))


def parse_deadline_request(body: Any) -> tuple[str, date, bool, int | None]:
    """Parse a POST /api/deadlines body into (kind, start, urgent, days)."""
    data, errors = inputs.read("DeadlineRequest", body)
    start: date | None = data.get("start")
    if start is not None and start > covered_until():
        errors["start"] = msg(Code.PARAMETERS_NOT_YET_KNOWN, latest=covered_until().isoformat())
    if errors:
        raise ValidationFailed(MESSAGE, errors)
    assert start is not None
    return data["kind"], start, bool(data.get("urgent")), data.get("days")


def deadline(body: Any) -> Deadline:
    """A legal deadline with its explanation (a view: ``as_json()`` is what the API sends)."""
    kind, start, urgent, days = parse_deadline_request(body)
    try:
        return due_date(kind, start, urgent, days)
    except InvalidInput as exc:
        raise _validation(exc) from None
