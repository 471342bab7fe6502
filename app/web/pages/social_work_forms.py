"""The social-work forms as the pages render them: each is the service's own input schema
(``app/services/kernel/inputs/social_work.py``) with Polish titles and labels laid over it, so the
page shows, and the service checks, one schema. ``version`` is a hidden input, not a field."""

from __future__ import annotations

import copy
from typing import Any

from flask_babel import gettext as _

from app.services.kernel import inputs


def _titled(name: str, titles: dict[str, str], labels: dict[str, dict[str, str]] | None = None,
            drop: tuple[str, ...] = ("version",), descriptions: dict[str, str] | None = None,
            ) -> dict[str, Any]:
    """The input schema ``name`` with Polish titles (a dotted key reaches an array's rows:
    ``stages.action``), enum labels and help texts; ``drop``: properties the page does not show."""
    schema = copy.deepcopy(inputs.SCHEMAS[name])
    for key in drop:
        schema["properties"].pop(key, None)
        if key in schema.get("required", []):
            schema["required"] = [r for r in schema["required"] if r != key]

    def prop(path: str) -> dict[str, Any]:
        node: dict[str, Any] = schema
        parts = path.split(".")
        for i, part in enumerate(parts):
            node = node["properties"][part]
            if i < len(parts) - 1 and node.get("type") == "array":
                node = node["items"]
        return node

    for path, title in titles.items():
        node = prop(path)
        node["title"] = title
        node.pop("description", None)
    for path, text in (descriptions or {}).items():
        prop(path)["description"] = text
    for path, mapping in (labels or {}).items():
        prop(path)["x-labels"] = mapping
    schema["x-order"] = [k for k in titles if "." not in k and k in schema["properties"]]
    return schema


def entry_labels() -> dict[str, str]:
    """visit/note in Polish."""
    return {"visit": _("Wizyta"), "note": _("Notatka")}


def goal_labels() -> dict[str, str]:
    """A goal's states in Polish."""
    return {"open": _("w realizacji"), "achieved": _("osiągnięty"), "dropped": _("zaniechany")}


def contract_labels() -> dict[str, str]:
    """A contract's states in Polish."""
    return {"signed": _("zawarty"), "refused": _("odmowa zawarcia"), "fulfilled": _("zrealizowany"),
            "broken": _("niedotrzymany"), "ended": _("zakończony")}


def form_part_labels() -> dict[str, str]:
    """The regulation's two variants of the form."""
    return {"A": _("A — rozwiązanie trudnej sytuacji życiowej (osoba lub rodzina)"),
            "B": _("B — aktywność i samodzielność życiowa lub zawodowa (osoba)")}


def record_schema(family: list[tuple[int, str]], cases: list[tuple[int, str]]) -> dict[str, Any]:
    """Opening a record: the family chosen from the register, the case of the interview."""
    schema = _titled("SocialWorkRecordRequest", {
        "member_ids": _("Pozostałe osoby w rodzinie"), "case_id": _("Sprawa z wywiadem środowiskowym"),
        "opened_on": _("Data założenia"), "help_plan": _("Plan pomocy")},
        drop=("person_id",), descriptions={
            "case_id": _("Opcjonalnie: plan pomocy z wywiadu tej sprawy pokaże się w aktach."),
            "opened_on": _("Puste = dzisiaj.")})
    if family:
        schema["properties"]["member_ids"]["items"] = {
            **schema["properties"]["member_ids"]["items"], "enum": [pid for pid, _n in family],
            "x-labels": {str(pid): n for pid, n in family}}
    else:
        schema["properties"].pop("member_ids")
    schema["properties"]["case_id"].update({"enum": [cid for cid, _n in cases], "x-widget": "select",
                                            "x-labels": {str(cid): n for cid, n in cases}})
    return schema


def plan_schema() -> dict[str, Any]:
    """The plan of help, edited with the record's version."""
    return _titled("SocialWorkRecordUpdate", {"help_plan": _("Plan pomocy")}, drop=("version", "close"))


def entry_schema() -> dict[str, Any]:
    """A visit or note."""
    return _titled("SocialWorkEntryRequest", {
        "kind": _("Rodzaj"), "on": _("Data"), "text": _("Przebieg i ustalenia")},
        labels={"kind": entry_labels()})


def goal_schema() -> dict[str, Any]:
    """A new goal."""
    return _titled("SocialWorkGoalRequest", {"text": _("Cel"), "set_on": _("Data ustalenia")},
                   descriptions={"set_on": _("Puste = dzisiaj.")})


def contract_schema(members: list[tuple[int, str]]) -> dict[str, Any]:
    """A kontrakt socjalny, or the refusal to conclude one, on the regulation's form."""
    schema = _titled("SocialContractRequest", {
        "status": _("Kontrakt"), "person_id": _("Strona kontraktu (osoba z rodziny)"),
        "form_part": _("Wariant formularza"), "concluded_on": _("Data zawarcia"),
        "valid_from": _("Obowiązuje od"), "valid_until": _("Obowiązuje do"),
        "assessment": _("Ocena sytuacji (przyczyny, możliwości, ograniczenia)"),
        "goal": _("Cel główny"), "person_obligations": _("Zobowiązania osoby lub rodziny"),
        "centre_obligations": _("Zobowiązania pracownika socjalnego i ośrodka"),
        "stages": _("Etapy (działania, terminy, przeglądy)"),
        "stages.action": _("Działanie"), "stages.responsible": _("Kto realizuje"),
        "stages.due_on": _("Termin realizacji"), "stages.review_on": _("Data przeglądu"),
        "refused_on": _("Data odmowy"), "reason": _("Powód odmowy podany przez osobę")},
        labels={"status": {"signed": _("zawarty"), "refused": _("osoba odmówiła zawarcia")},
                "form_part": form_part_labels()},
        descriptions={
            "status": _("Odmowa zawarcia kontraktu może być podstawą do odmowy przyznania "
                        "świadczenia (art. 11 ust. 2 u.p.s.) — decyduje pracownik."),
            "stages": _("Daty przeglądu pojawiają się w Terminach."),
            "refused_on": _("Tylko przy odmowie."), "reason": _("Tylko przy odmowie.")})
    schema["properties"]["person_id"].update({
        "enum": [pid for pid, _n in members], "x-widget": "select",
        "x-labels": {str(pid): n for pid, n in members}})
    schema["properties"]["stages"]["items"]["title"] = _("Etap")
    return schema


def review_schema() -> dict[str, Any]:
    """A stage's review (stage id and version are hidden inputs)."""
    return _titled("SocialContractReview", {"reviewed_on": _("Data przeglądu"),
                                            "note": _("Ocena realizacji etapu")},
                   drop=("version", "stage_id"))


def outcome_schema() -> dict[str, Any]:
    """A contract's outcome."""
    return _titled("SocialContractOutcome", {
        "outcome": _("Wynik"), "outcome_on": _("Data"),
        "reason": _("Ocena realizacji (przy niedotrzymaniu: powód podany przez osobę)")},
        labels={"outcome": {"fulfilled": _("zrealizowany"), "broken": _("niedotrzymany"),
                            "ended": _("zakończony (inna przyczyna)")}})
