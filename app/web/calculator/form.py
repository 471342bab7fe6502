"""The symulator form: HTML form fields <-> the calculator service's JSON bodies, Polish messages.

The raw form model keeps exactly what the user typed (strings and ticked boxes), so that the page
can be shown again with the input intact next to the field errors. Input names follow the field
paths of the service's errors, so an error lands next to its input:

* ``on``, ``municipal_percentage``, ``benefit`` (empty: every benefit side by side; a benefit of
  the catalogue: its result, and only the member fields it reads, ``Benefit.member_fields``);
* ``members[<i>].<field>`` for each household row (``other_benefits`` may repeat; ``_row`` marks
  a row whose boxes are all unticked);
* ``deadline.kind``, ``deadline.start``, ``deadline.urgent``, ``deadline.days``;
* ``_action``: ``calculate``, ``deadline``, ``add:members`` or ``remove:members[<i>]`` (the row
  buttons work without JavaScript; pomoc.js does the same in the browser).
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from typing import Any

from flask_babel import lazy_gettext as _l
from werkzeug.datastructures import MultiDict

from app.domain import benefits
from app.domain.member_facts import DODATKI
from app.domain.money import MoneyRefused, parse_money
from app.domain.reasons import RELATIONS
from app.services.decisions.calculator import DEADLINE_KINDS, MAX_MEMBERS, OTHER_BENEFITS
from app.services.kernel import inputs
from app.web.ui import schema_form
from app.web.ui.formatting import service_message
from app.web.ui.labels import BENEFITS as BENEFIT_LABELS
from app.web.ui.labels import DISABILITY_DEGREES, RELATION_LABELS, SCHOOL_AWAY, SINGLE_PARENT_REASONS, label
from app.web.ui.labels import DODATKI as DODATKI_LABELS
from app.web.ui.labels import OTHER_BENEFITS as OTHER_BENEFIT_LABELS
from app.web.ui.schema_form import Field, kind_of, localized, show_for_benefit

# The page renders the calculator's input schemas (app/services/kernel/inputs/calculator.py),
# whose ``x-title`` and ``x-help`` are its labels and help (Polish msgids); the choices are
# labelled here, as the other pages label them.
HOUSEHOLD = inputs.SCHEMAS["Household"]
MEMBER = HOUSEHOLD["properties"]["members"]["items"]
DEADLINE = inputs.SCHEMAS["DeadlineRequest"]

# A household row's fields are the member schema's page fields (``x-order``), by widget.
_ROW_KINDS = [(name, kind_of(MEMBER["properties"][name])) for name in MEMBER["x-order"]]
MONEY_FIELDS = tuple(name for name, kind in _ROW_KINDS if kind == "money")
FLAG_FIELDS = tuple(name for name, kind in _ROW_KINDS if kind == "checkbox")
TEXT_FIELDS = tuple(name for name, kind in _ROW_KINDS if kind not in ("checkbox", "checkboxes"))
PLACEHOLDER = "__m__"

# The benefit chosen on the page is the page's own (the request's schema asks no benefit).
BENEFIT_LABEL = _l("Świadczenie")
BENEFIT_HELP = _l("Puste = wszystkie świadczenia obok siebie. Wybrane świadczenie: tylko jego wynik "
                  "i tylko dane osób, których ono wymaga.")

DEADLINE_LABELS: dict[str, Any] = {
    "interview": _l("Rodzinny wywiad środowiskowy (14 dni roboczych, pilny: 2)"),
    "decision": _l("Wydanie decyzji (1 miesiąc)"),
    "decision_complex": _l("Wydanie decyzji w sprawie szczególnie skomplikowanej (2 miesiące)"),
    "supplement": _l("Uzupełnienie braków wniosku (co najmniej 7 dni)"),
    "deemed_delivery": _l("Doręczenie zastępcze po awizo (14 dni)"),
    "appeal": _l("Odwołanie od decyzji (14 dni)"),
    "final": _l("Decyzja ostateczna, gdy brak odwołania"),
}

DEADLINE_START_HINTS: dict[str, Any] = {
    "interview": _l("dzień powzięcia wiadomości o potrzebie pomocy"),
    "decision": _l("dzień wpływu wniosku"),
    "decision_complex": _l("dzień wpływu wniosku"),
    "supplement": _l("dzień doręczenia wezwania"),
    "deemed_delivery": _l("dzień pierwszego awizo"),
    "appeal": _l("dzień doręczenia decyzji"),
    "final": _l("dzień doręczenia decyzji"),
}

_ROW = re.compile(r"^members\[([0-9]{1,3})\]\.([a-z_]+)$")
_WHOLE = re.compile(r"^-?[0-9]{1,6}$")


def empty_member() -> dict[str, Any]:
    """A blank household row."""
    return {**dict.fromkeys(TEXT_FIELDS, ""), **dict.fromkeys(FLAG_FIELDS, False),
            "other_benefits": [], "dodatki": []}


def initial(today: date) -> dict[str, Any]:
    """The form as first shown: today's date, one row for the applicant."""
    return {
        "on": today.isoformat(),
        "benefit": "",
        "municipal_percentage": "",
        "members": [empty_member()],
        "deadline": {"kind": "interview", "start": today.isoformat(), "urgent": False, "days": ""},
    }


def read_form(form: MultiDict[str, str]) -> dict[str, Any]:
    """The raw form model from a POSTed form (rows renumbered 0..n-1 in their order)."""
    rows: dict[int, dict[str, Any]] = {}
    for key in form:
        match = _ROW.match(key)
        if match is None:
            continue
        row = rows.setdefault(int(match[1]), empty_member())
        name = match[2]
        if name in TEXT_FIELDS:
            row[name] = form.get(key, "")[:100]
        elif name in FLAG_FIELDS:
            row[name] = True
        elif name == "other_benefits":
            row[name] = [b for b in form.getlist(key) if b in OTHER_BENEFITS]
        elif name == "dodatki":
            row[name] = [b for b in form.getlist(key) if b in DODATKI]
    chosen = form.get("benefit", "")
    return {
        "on": form.get("on", "")[:20],
        "benefit": chosen if chosen in benefits.CODES else "",
        "municipal_percentage": form.get("municipal_percentage", "")[:20],
        "members": [rows[i] for i in sorted(rows)][:MAX_MEMBERS],
        "deadline": {
            "kind": form.get("deadline.kind", "")[:40],
            "start": form.get("deadline.start", "")[:20],
            "urgent": "deadline.urgent" in form,
            "days": form.get("deadline.days", "")[:20],
        },
    }


def apply_row_action(raw: dict[str, Any], action: str) -> bool:
    """Add or remove a household row; True if ``action`` was a row action.

    The applicant's row (the first) is never removed.
    """
    members: list[dict[str, Any]] = raw["members"]
    if action == "add:members":
        if len(members) < MAX_MEMBERS:
            members.append(empty_member())
        return True
    match = re.match(r"^remove:members\[([0-9]{1,3})\]$", action)
    if match:
        index = int(match[1])
        if 0 < index < len(members):
            del members[index]
        return True
    return False


def _blank(text: str) -> bool:
    return not text.strip()


def _number(text: str) -> str | None:
    """An amount as typed, read by the one money parser (spaces and a decimal comma accepted) and
    sent as a plain decimal string; text it refuses goes as typed, for the service to say why.
    None when empty."""
    if _blank(text):
        return None
    try:
        return f"{parse_money(text, comma=True, places=6, maximum=Decimal('1e15')):f}"
    except MoneyRefused:
        return text.replace("\u00a0", "").replace(" ", "").replace(",", ".")


def _whole(text: str) -> int | str | None:
    """A whole number, the text itself when it is not one (the service says why), or None."""
    if _blank(text):
        return None
    text = text.strip()
    return int(text) if _WHOLE.match(text) else text


def household_body(raw: dict[str, Any]) -> dict[str, Any]:
    """The calculator request for every benefit (see app.services.decisions.calculator.simulate)."""
    members = []
    entry = benefits.find(raw.get("benefit"))
    for index, row in enumerate(raw["members"]):
        if entry is not None:
            # The fields the chosen benefit does not read are hidden: their values are not sent.
            row = {name: value if entry.shows(name, applicant=index == 0) else empty_member()[name]
                   for name, value in row.items()}
        member: dict[str, Any] = {
            "age": _whole(row["age"]),
            "sex": row["sex"] or None,
            "relation": row["relation"] or None,
            **{name: row[name] for name in FLAG_FIELDS},
            "other_benefits": list(row["other_benefits"]),
            "disability_degree": row["disability_degree"] or None,
            "disability_onset_age": _whole(row["disability_onset_age"]),
            "single_parent_reason": row["single_parent_reason"] or None,
            **{name: row[name].strip() or None for name in ("born_on", "applied_on", "care_since")},
            "school_away": row["school_away"] or None,
            "dodatki": list(row["dodatki"]),
        }
        for name in MONEY_FIELDS:
            member[name] = _number(row[name])
        members.append(member)
    return {
        "on": raw["on"].strip() or None,
        "members": members,
        "municipal_percentage": _number(raw["municipal_percentage"]),
    }


def deadline_body(raw: dict[str, Any]) -> dict[str, Any]:
    """The deadline request (days only when typed in)."""
    d = raw["deadline"]
    body: dict[str, Any] = {"kind": d["kind"] or None, "start": d["start"].strip() or None,
                            "urgent": d["urgent"]}
    days = _whole(d["days"])
    if days is not None:
        body["days"] = days
    return body


def deadline_errors(errors: dict[str, str]) -> dict[str, str]:
    """Service error paths of a deadline request as input names (``days`` -> ``deadline.days``)."""
    return {f"deadline.{path}": text for path, text in errors.items()}


def member_fields(row: dict[str, Any], index: int | str, errors: dict[str, str]) -> list[Field]:
    """The inputs of one household row (``index`` may be the template placeholder)."""
    sexes = [("F", str(_l("kobieta"))), ("M", str(_l("mężczyzna")))]
    relations = [(key, str(RELATION_LABELS.get(key, key))) for key in RELATIONS]
    others = [(key, str(OTHER_BENEFIT_LABELS.get(key, key))) for key in OTHER_BENEFITS]
    fields = schema_form.build_fields(
        MEMBER, row, errors, f"members[{index}]", as_typed=True,
        choices={"sex": sexes, "relation": relations, "other_benefits": others,
                 "disability_degree": [(k, str(v)) for k, v in DISABILITY_DEGREES.items()],
                 "single_parent_reason": [(k, str(v)) for k, v in SINGLE_PARENT_REASONS.items()],
                 "school_away": [(k, str(v)) for k, v in SCHOOL_AWAY.items()],
                 "dodatki": [(k, str(v)) for k, v in DODATKI_LABELS.items()]})
    applicant = index == 0
    for f in fields:
        name = f.name.rsplit(".", 1)[-1]
        if name not in ("age", "sex", "relation"):
            f.benefits = benefits.field_benefits(name, applicant)
    for f in fields:
        # Errors on one other benefit (members[0].other_benefits[1]) belong to the whole group.
        f.error = f.error or next((text for path, text in errors.items()
                                   if path.startswith(f.name + "[")), None)
    return fields


def fields(raw: dict[str, Any], household_errors: dict[str, str],
           deadline_errs: dict[str, str]) -> dict[str, Any]:
    """Every input of the page, filled with the raw values and their errors."""
    kinds = [(kind, str(DEADLINE_LABELS.get(kind, kind))) for kind in DEADLINE_KINDS]
    every = [(code, label(BENEFIT_LABELS, code)) for code in benefits.CODES]
    top = {f.name: f for f in schema_form.build_fields(HOUSEHOLD, raw, household_errors,
                                                       as_typed=True)}
    deadline = schema_form.build_fields(DEADLINE, raw["deadline"], deadline_errs, "deadline",
                                        as_typed=True, choices={"kind": kinds})
    members = [member_fields(row, i, household_errors) for i, row in enumerate(raw["members"])]
    template = member_fields(empty_member(), PLACEHOLDER, {})
    for row_fields in (*members, template):
        show_for_benefit(row_fields, raw.get("benefit"))
    chosen = Field(name="benefit", kind="select", label=str(BENEFIT_LABEL), help=str(BENEFIT_HELP),
                   value=raw.get("benefit", ""), options=every, error=household_errors.get("benefit"))
    return {
        "on": top.pop("on"),
        "benefit": chosen,
        **top,
        "members": members,
        "member_template": template,
        "deadline": {f.name.removeprefix("deadline."): f for f in deadline},
    }


def _title(name: str) -> str:
    """The label of a field of the page's schemas, by its name."""
    for schema in (MEMBER, HOUSEHOLD, DEADLINE):
        prop = schema["properties"].get(name)
        if prop is not None and "x-title" in prop:
            return localized(prop, "title", name)
    return name


def field_label(path: str) -> str:
    """A Polish label for a field path such as 'members[1].net_income'."""
    match = re.match(r"^members\[(\d+)\]\.?([a-z_]*)", path)
    if match:
        person = f"{_l('Osoba')} {int(match[1]) + 1}"
        name = match[2]
        return f"{person}: {_title(name)}" if name else person
    return _title(path.removeprefix("deadline."))


def error_labels(errors: dict[str, str]) -> dict[str, str]:
    """Field path -> label, for the error summary."""
    return {path: field_label(path) for path in errors}


def message(text: str) -> str:
    """A calculator or domain message in the interface language (from the catalogue)."""
    return service_message(text)


def messages(errors: dict[str, str]) -> dict[str, str]:
    """Every field error in the interface language."""
    return {path: message(text) for path, text in errors.items()}


__all__ = [
    "DEADLINE_LABELS",
    "DEADLINE_START_HINTS",
    "PLACEHOLDER",
    "apply_row_action",
    "deadline_body",
    "deadline_errors",
    "empty_member",
    "error_labels",
    "field_label",
    "fields",
    "household_body",
    "initial",
    "message",
    "messages",
    "read_form",
]
