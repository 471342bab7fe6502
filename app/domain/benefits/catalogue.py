"""The benefit catalogue: one :class:`Benefit` entry per benefit, and the registry of entries.

Everything that lists or maps benefits (the API enums and OpenAPI schema, the application form,
the simulator, labels, the decision's wording, payment dates, recovery, decision rules, benefit
months, rehearsal) reads this registry. A benefit is added by one module in this package that
builds its entry (code, act, names, kind, rule, wording, parameters) and calls :func:`register`,
plus its translations and, where its procedure differs, its diagram.

The registry is read at call time: :data:`CODES` and :data:`BY_CODE` are live views, so an entry
registered later (a test's scratch entry) shows up everywhere without other edits.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence, Set
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import Any, overload

UPS = "u.p.s."
USR = "u.ś.r."
FA = "ustawy o pomocy osobom uprawnionym do alimentów"
# The month a benefit is first due unless its act says otherwise (the month of filing).
FIRST_MONTH_DEFAULT = f"art. 106 ust. 3 {UPS}"
# The process a case runs by the act it rests on: social assistance (u.p.s.) goes through the
# community interview (art. 106 ust. 4 u.p.s.); family benefits and FA do not (the application
# with its attachments, completeness, the decision within a month, payment).
PROCESS_BY_ACT: Mapping[str, str] = {"ups": "benefit_case", "usr": "family_benefit_case",
                                     "fa": "family_benefit_case"}
# The household member fields every benefit's rule reads for income (the application's
# declared income and its items; the simulator's alimony paid to others, art. 8 ust. 3 u.p.s.,
# art. 3 pkt 1 u.ś.r.).
INCOME_FIELDS: tuple[str, ...] = ("net_income", "incomes", "alimony_paid")


def N_(text: str) -> str:
    """Mark a Polish msgid for extraction (babel.cfg); translated where it is shown."""
    return text


class Kind(StrEnum):
    """How a benefit is given."""

    MONTHLY = "monthly"
    ONE_OFF = "one_off"
    IN_KIND = "in_kind"
    SERVICE = "service"


class Wording(StrEnum):
    """How the ruling of a grant names the amount (app.services.decisions.decision_document.ruling)."""

    MONTHLY = "monthly"                # "w wysokości X miesięcznie na okres ..."
    ONE_OFF = "one_off"                # "w wysokości X jednorazowo, na: <purpose>"
    PER_CHILD = "per_child"            # monthly, then the amount per child (zasiłek rodzinny)
    PER_ENTITLED = "per_entitled"      # "na rzecz osoby uprawnionej: ..." (FA)
    SERVICE_COSTS = "service_costs"    # a service the gmina arranges, its costs named (pogrzeb)
    IN_KIND = "in_kind"                # "w formie posiłku ... w <szkole/stołówce>" (no money)
    SERVICE = "service"                # "w zakresie N godzin tygodniowo ..., odpłatność ..."
    CARER = "carer"                    # monthly, "w związku z opieką nad: ..." (art. 16a, 17 u.ś.r.)


# rule(household, on, explanation, municipal_percentage) -> Outcome (app.domain.explain)
Rule = Callable[[list[Any], date, Any, Decimal | None], Any]


@dataclass(frozen=True)
class Benefit:
    """One benefit: everything the application needs to know about it in one place."""

    code: str
    order: int                       # position in lists and enums
    act: str                         # "ups", "usr" or "fa": notices, citation, recovery, signer
    article: str                     # the provisions that set the amount (the decision rules)
    articles: str                    # the act's provisions the decision cites as its basis
    name: str                        # Polish, nominative (= accusative): "przyznać zasiłek stały"
    name_genitive: str               # Polish, genitive: "odmówić przyznania zasiłku stałego"
    label: str                       # Polish msgid of its name on pages: "Zasiłek stały"
    name_en: str                     # English (the .po msgstr of ``label``)
    kind: Kind
    rule: Rule                       # eligibility and amount
    parameter_prefix: str            # its own parameters: "<prefix>.…"
    parameters_read: tuple[str, ...]  # every parameter prefix its rule reads
    end_required: bool = False       # always granted for a set period
    default_term_months: int | None = None
    wording: Wording = Wording.MONTHLY
    first_month_article: str = FIRST_MONTH_DEFAULT
    # A benefit granted for a yearly benefit period: the parameter naming its first month, and
    # the provision that grants it "na okres zasiłkowy/świadczeniowy".
    period_start_parameter: str | None = None
    benefit_period_article: str | None = None
    amount_discretion: bool = False  # the centre sets the amount within a range or for a need
    period_discretion: bool = False  # the centre sets the period
    # The benefit's own part of its task forms, over its kind's (app.domain.benefits.forms):
    # form name -> {"properties": {field: False (does not apply) | {"title": ...}}}.
    form_fragment: Mapping[str, Any] = field(default_factory=dict)
    # The BPMN process its case runs; empty: the process of its act (PROCESS_BY_ACT).
    process: str = ""
    # The household member fields its rule reads (each member of the application and the
    # simulator), and those it reads of the applicant alone (e.g. the ground of art. 11a u.ś.r.).
    # A page shows a member field to the benefits that name it; a field no benefit names (the
    # identity: PESEL, names, relation, age) is shown to every benefit. None (not yet said):
    # every member field is shown for it.
    member_fields: tuple[str, ...] | None = None
    applicant_fields: tuple[str, ...] = ()
    # Who is paid: "party" (a transfer or cash to the party), or "provider" (a service the
    # centre pays its provider for, such as a funeral: no payment to the party; the costs are
    # recorded as the claim the act returns them by).
    paid_to: str = "party"
    # May be granted on condition of its return (art. 41 pkt 2, art. 40 ust. 3 u.p.s.): the
    # decision draft then asks for the return and its terms.
    returnable: bool = False
    # A benefit paid to a carer for the care of another person (świadczenie pielęgnacyjne,
    # specjalny zasiłek opiekuńczy): one at a time (art. 27 ust. 5 u.ś.r.), no zasiłek stały with
    # it (art. 37 ust. 5 u.p.s.). A member's ``other_benefits`` names it by its code.
    carer_benefit: bool = False
    # The amount a month of the period pays (amount, month, period_from, period_to), where an
    # incomplete month is paid by days (świadczenie rodzicielskie, art. 17c u.ś.r.); None: the
    # decision's amount every month.
    month_amount: Callable[[Decimal, date, date, date | None], Decimal] | None = None

    def __post_init__(self) -> None:
        if not self.process:
            object.__setattr__(self, "process", PROCESS_BY_ACT.get(self.act, "benefit_case"))

    @property
    def one_off(self) -> bool:
        return self.kind is Kind.ONE_OFF

    @property
    def family_period(self) -> bool:
        return self.period_start_parameter is not None

    @property
    def social_assistance(self) -> bool:
        """A u.p.s. benefit: its application names an art. 7 reason and its case has a community
        interview; family benefits and FA have neither."""
        return self.act == "ups"

    @property
    def interview_review(self) -> bool:
        """Its grant is followed by the interview update every 6 months (benefit_review): an
        open-ended monthly u.p.s. benefit (zasiłek stały). A one-off grant, a grant for a set
        period and a family benefit have none."""
        return self.social_assistance and self.kind is Kind.MONTHLY and not self.end_required

    def shows(self, name: str, applicant: bool = False) -> bool:
        """Whether a page shows member field ``name`` for this benefit (see member_fields)."""
        return self.member_fields is None or name in self.member_fields \
            or (applicant and name in self.applicant_fields) or name not in benefit_fields()


_REGISTRY: dict[str, Benefit] = {}


def register(entry: Benefit) -> Benefit:
    """Add ``entry`` to the catalogue (a module of this package calls it once) and return it."""
    if entry.code in _REGISTRY and _REGISTRY[entry.code] is not entry:
        raise ValueError(f"benefit {entry.code!r} is registered twice")
    _REGISTRY[entry.code] = entry
    return entry


def unregister(code: str) -> None:
    """Remove an entry (tests that register a scratch benefit)."""
    _REGISTRY.pop(code, None)


def entries() -> tuple[Benefit, ...]:
    """Every benefit, in catalogue order."""
    return tuple(sorted(_REGISTRY.values(), key=lambda b: (b.order, b.code)))


def find(code: object) -> Benefit | None:
    return _REGISTRY.get(code) if isinstance(code, str) else None


def get(code: str) -> Benefit:
    """The entry of ``code``; KeyError for an unknown code."""
    return _REGISTRY[code]


class _Codes(Sequence[str]):
    """The benefit codes in catalogue order, read from the registry at each use."""

    @overload
    def __getitem__(self, index: int) -> str: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[str]: ...
    def __getitem__(self, index: int | slice) -> str | Sequence[str]:
        codes = tuple(b.code for b in entries())
        return codes[index]

    def __len__(self) -> int:
        return len(_REGISTRY)

    def __iter__(self) -> Iterator[str]:
        return iter(tuple(b.code for b in entries()))

    def __contains__(self, code: object) -> bool:
        return isinstance(code, str) and code in _REGISTRY

    def __eq__(self, other: object) -> bool:
        """Equal to the tuple of the codes (as the tuple it replaces was)."""
        mine = tuple(self)
        return mine == (tuple(other) if isinstance(other, _Codes) else other)

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return repr(tuple(self))


class _ByCode(Mapping[str, Benefit]):
    """code -> entry, read from the registry at each use."""

    def __getitem__(self, code: str) -> Benefit:
        return _REGISTRY[code]

    def __len__(self) -> int:
        return len(_REGISTRY)

    def __iter__(self) -> Iterator[str]:
        return iter(CODES)


CODES: Sequence[str] = _Codes()
BY_CODE: Mapping[str, Benefit] = _ByCode()


def codes_where(test: Callable[[Benefit], bool]) -> tuple[str, ...]:
    """The codes of the entries that pass ``test``, in catalogue order."""
    return tuple(b.code for b in entries() if test(b))


class _Where(Set[str]):
    """The codes of the entries that pass a test, read from the registry at each use."""

    def __init__(self, test: Callable[[Benefit], bool]) -> None:
        self._test = test

    def __contains__(self, code: object) -> bool:
        entry = find(code)
        return entry is not None and self._test(entry)

    def __iter__(self) -> Iterator[str]:
        return iter(codes_where(self._test))

    def __len__(self) -> int:
        return len(codes_where(self._test))


class _Attribute(Mapping[str, Any]):
    """code -> an attribute of the entry, for the entries where it is set (not None)."""

    def __init__(self, read: Callable[[Benefit], Any]) -> None:
        self._read = read

    def __getitem__(self, code: str) -> Any:
        entry = find(code)
        found = None if entry is None else self._read(entry)
        if found is None:
            raise KeyError(code)
        return found

    def __iter__(self) -> Iterator[str]:
        return iter(codes_where(lambda b: self._read(b) is not None))

    def __len__(self) -> int:
        return len(codes_where(lambda b: self._read(b) is not None))


def where(test: Callable[[Benefit], bool]) -> Set[str]:
    """A live set of the codes whose entry passes ``test`` (e.g. the one-off benefits)."""
    return _Where(test)


def attribute(read: Callable[[Benefit], Any]) -> Mapping[str, Any]:
    """A live mapping code -> ``read(entry)`` over the entries where it is not None."""
    return _Attribute(read)


def benefit_fields() -> frozenset[str]:
    """The member fields some benefit names (the rest are shown to every benefit)."""
    return frozenset(n for b in _REGISTRY.values()
                     for n in (*(b.member_fields or ()), *b.applicant_fields))


def field_benefits(name: str, applicant: bool = False) -> tuple[str, ...] | None:
    """The codes of the benefits a page shows member field ``name`` to, in catalogue order;
    None when it is shown to every benefit (no benefit names it)."""
    if name not in benefit_fields():
        return None
    return codes_where(lambda b: b.shows(name, applicant))


def carer_benefits() -> dict[str, str]:
    """The carer's benefits of the catalogue: code -> Polish genitive (``carer_benefit``)."""
    return {b.code: b.name_genitive for b in entries() if b.carer_benefit}


def name(code: str) -> str:
    """The Polish nominative of a benefit code (the code itself when unknown)."""
    entry = find(code)
    return entry.name if entry else code


def act_of(code: str) -> str:
    """'ups', 'usr' or 'fa': the act the benefit rests on ('ups' for an unknown code)."""
    entry = find(code)
    return entry.act if entry else "ups"
