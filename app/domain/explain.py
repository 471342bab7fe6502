"""The explanation that every calculation returns: steps, parameters used, legal basis."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from app.domain.errors import InvalidInput
from app.domain.money import ZERO, money_str
from app.domain.parameters import ParameterNotFound, ParameterTable, not_in_force, value
from app.domain.polish import READING_PL
from app.domain.views import to_json


class Explanation:
    """Collects the steps, the parameters looked up and the legal basis of one calculation.

    A step is a JSON-safe dict ``{"key", "text", "text_pl", "inputs", "result", "legal_basis"}``;
    ``key`` is a stable machine key (e.g. "income_per_person"), ``text`` a sentence in English and
    ``text_pl`` the same step in Polish, as the Polish UI and the decision print it (amounts with a
    decimal comma, see :mod:`app.domain.polish`).
    """

    def __init__(self, table: ParameterTable | None = None) -> None:
        self.steps: list[dict[str, Any]] = []
        self.parameters: dict[str, dict[str, Any]] = {}
        self.legal_basis: list[str] = []
        self.table = table

    def param(self, name: str, on: date, field: str = "on") -> Any:
        """Look up a legal parameter in force on ``on``, record it, and return its value."""
        try:
            p = value(name, on, self.table)
        except ParameterNotFound as e:
            raise InvalidInput(field, not_in_force(e)) from None
        self.parameters[name] = p.as_dict()
        return p.value

    def step(
        self,
        key: str,
        text: str,
        inputs: Mapping[str, Any] | None = None,
        result: Any = None,
        basis: Iterable[str] = (),
        *,
        pl: str,
    ) -> None:
        """Append one step with its English ``text`` and Polish ``pl`` text.

        Inputs and result are made JSON-safe here.
        """
        refs = list(basis)
        self.steps.append({
            "key": key,
            "text": text,
            "text_pl": pl,
            "inputs": to_json(dict(inputs or {})),
            "result": to_json(result),
            "legal_basis": refs,
        })
        self.cite(*refs)

    def reading(self, key: str, text: str, basis: Iterable[str] = (), *, pl: str) -> None:
        """Record an interpretation chosen where the law is ambiguous (``pl``: the Polish text)."""
        self.step(f"reading.{key}", f"Reading: {text}", basis=basis, pl=f"{READING_PL}{pl}")

    def cite(self, *refs: str) -> None:
        """Add legal references to the calculation's legal basis, once each, in order."""
        for ref in refs:
            if ref not in self.legal_basis:
                self.legal_basis.append(ref)


@dataclass(frozen=True)
class AmountRange:
    """The amount the law allows for a benefit with no formula (zasiłek celowy, art. 39-44
    u.p.s.): the centre sets the amount for the need. ``low``/``high`` None: the act sets no
    bound (a grant is still above zero); ``returnable`` says whether the aid is given on
    condition of its return: "no", "may" (art. 40 ust. 3), "required" (art. 41 pkt 2) or
    "estate" (the funeral costs, claimed from the estate or the funeral allowance, art. 96
    ust. 3)."""

    low: Decimal | None
    high: Decimal | None
    per: str                       # "once" or "month"
    basis: tuple[str, ...]
    returnable: str = "no"

    @property
    def bounded(self) -> bool:
        return self.high is not None

    def as_dict(self) -> dict[str, Any]:
        """JSON-safe: amounts as money strings (or null), the basis as a list."""
        return {"min": None if self.low is None else money_str(self.low),
                "max": None if self.high is None else money_str(self.high),
                "per": self.per, "set_by": "centre", "returnable": self.returnable,
                "basis": list(self.basis)}


@dataclass(frozen=True)
class Outcome:
    """What a benefit rule decided: eligibility, amounts and a per-person breakdown; ``range``
    where the law gives no formula, only the range of what the centre may grant."""

    eligible: bool
    amount: Decimal
    min_amount: Decimal
    max_amount: Decimal
    breakdown: tuple[dict[str, Any], ...] = ()
    range: AmountRange | None = None
    # Its parts {code, amount, per: "month"|"once"|"year", article}; empty: the benefit itself.
    components: tuple[dict[str, Any], ...] = ()

    @classmethod
    def fixed(cls, amount: Decimal, breakdown: tuple[dict[str, Any], ...] = (),
              components: tuple[dict[str, Any], ...] = ()) -> Outcome:
        """An eligible outcome whose amount is fixed by law (min = max = amount)."""
        return cls(True, amount, amount, amount, breakdown, components=components)


NOT_ELIGIBLE = Outcome(False, ZERO, ZERO, ZERO)


def key_figures(result: Mapping[str, Any] | None, article: str = "") -> dict[str, Any] | None:
    """What a caseworker needs from a stored calculation (``Explanation`` steps with the
    outcome, as the eligibility result keeps them), JSON-safe: the income per person and the
    persons it is shared by, the income threshold it is tested against and the provisions of
    that test, the computed amount with its lawful range and ``article`` (the amount's
    provisions). None without a result."""
    if not result:
        return None
    steps = [s for s in result.get("explanation") or [] if isinstance(s, Mapping)]
    per_person = next((s for s in reversed(steps) if s.get("key") == "income_per_person"), None)
    test = next((s for s in steps if str(s.get("key") or "").endswith(".income_test")), None)
    inputs: Mapping[str, Any] = (test or {}).get("inputs") or {}
    threshold = next((inputs[k] for k in ("criterion", "threshold", "limit") if k in inputs), None)
    income = per_person.get("result") if per_person else None
    if income is None:
        income = inputs.get("income_per_person", inputs.get("income"))
    persons = ((per_person or {}).get("inputs") or {}).get("persons", inputs.get("persons"))
    return {
        "eligible": bool(result.get("eligible")),
        "income_per_person": income, "persons": persons,
        "threshold": threshold, "threshold_basis": list((test or {}).get("legal_basis") or []),
        "amount": result.get("amount"), "min_amount": result.get("min_amount"),
        "max_amount": result.get("max_amount"), "article": article, "on": result.get("on"),
    } | ({"range": result["range"]} if result.get("range") else {})
