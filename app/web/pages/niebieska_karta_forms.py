"""The Niebieska Karta forms as the pages render them: each is the service's own input schema
(``app/services/kernel/inputs/niebieska_karta.py``) with Polish titles and labels laid over it;
``version`` is a hidden input. The meeting's attendees are typed one per line on the page."""

from __future__ import annotations

from typing import Any

from flask_babel import gettext as _

from app.domain.niebieska_karta import ViolenceKind

from .social_work_forms import _titled


def violence_labels() -> dict[str, str]:
    """The kinds of violence form A records."""
    return {ViolenceKind.PHYSICAL: _("fizyczna"), ViolenceKind.PSYCHOLOGICAL: _("psychiczna"),
            ViolenceKind.SEXUAL: _("seksualna"), ViolenceKind.ECONOMIC: _("ekonomiczna"),
            ViolenceKind.NEGLECT: _("zaniedbanie"), ViolenceKind.CYBER: _("cyberprzemoc"),
            ViolenceKind.OTHER: _("inna")}


def step_labels() -> dict[str, str]:
    """The process's steps."""
    return {"nk_handover": _("Przekazanie formularza A przewodniczącemu zespołu"),
            "nk_group_meeting": _("Posiedzenie grupy diagnostyczno-pomocowej"),
            "nk_closing": _("Zakończenie procedury")}


def event_labels() -> dict[str, str]:
    """The events of a procedure."""
    return {"handover": _("Przekazanie formularza A"), "meeting": _("Posiedzenie grupy"),
            "form": _("Formularz"), "plan": _("Plan pomocy"), "closing": _("Zakończenie")}


def ground_labels() -> dict[str, str]:
    """The grounds for closing."""
    return {"violence_ended": _("ustanie przemocy domowej i zrealizowanie planu pomocy"),
            "no_grounds": _("brak zasadności podejmowania działań")}


def form_labels() -> dict[str, str]:
    """Forms B, C and D."""
    return {"B": _("B — informacja dla osoby doznającej przemocy domowej"),
            "C": _("C — ocena sytuacji osoby doznającej przemocy (grupa)"),
            "D": _("D — ocena sytuacji osoby stosującej przemoc (grupa)")}


def start_schema(suspects: list[tuple[int, str]]) -> dict[str, Any]:
    """Form A: the person suspected chosen from the family in the register."""
    schema = _titled("NkStartRequest", {
        "suspect_id": _("Osoba, wobec której istnieje podejrzenie stosowania przemocy"),
        "started_on": _("Data wypełnienia formularza A"),
        "violence_kinds": _("Rodzaje przemocy"), "facts": _("Opis zdarzenia"),
        "children_present": _("Małoletnie dzieci były świadkami lub doznały przemocy"),
        "affected_present": _("Formularz wypełniono w obecności osoby doznającej przemocy"),
        "absence_reason": _("Dlaczego bez jej obecności (§ 2 ust. 6)")},
        drop=("affected_id",), descriptions={"started_on": _("Puste = dzisiaj.")})
    schema["properties"]["suspect_id"].update({
        "enum": [pid for pid, _n in suspects], "x-widget": "select",
        "x-labels": {str(pid): n for pid, n in suspects}})
    kinds = violence_labels()
    schema["properties"]["violence_kinds"]["items"] = {
        **schema["properties"]["violence_kinds"]["items"], "x-labels": kinds}
    return schema


def handover_schema() -> dict[str, Any]:
    """The hand-over of form A to the team's chair."""
    return _titled("NkHandover", {"handed_on": _("Data przekazania przewodniczącemu")})


def meeting_schema() -> dict[str, Any]:
    """A meeting of the group (attendees one per line)."""
    schema = _titled("NkMeeting", {
        "met_on": _("Data posiedzenia"), "attendees": _("Obecni (jedna osoba w wierszu: imię, "
                                                        "nazwisko, instytucja)"),
        "decision": _("Postanowienie grupy"), "next_meeting_on": _("Termin kolejnego posiedzenia"),
        "note": _("Ustalenia")},
        labels={"decision": {"continue": _("kolejne posiedzenie"),
                             "close": _("zakończenie procedury")}},
        descriptions={"next_meeting_on": _("Tylko przy kolejnym posiedzeniu; pojawi się w "
                                           "Terminach.")})
    schema["properties"]["attendees"] = {"type": "string", "maxLength": 4000, "x-text": "multiline",
                                         "x-widget": "textarea", "x-nonblank": True,
                                         "title": schema["properties"]["attendees"]["title"]}
    return schema


def form_schema() -> dict[str, Any]:
    """Form B, C or D recorded."""
    return _titled("NkFormRecord", {"form": _("Formularz"), "on": _("Data"),
                                    "note": _("Uwagi")}, labels={"form": form_labels()})


def plan_schema() -> dict[str, Any]:
    """The individual plan of help."""
    return _titled("NkPlan", {"on": _("Data ustalenia planu"), "plan": _("Plan pomocy")})


def closing_schema() -> dict[str, Any]:
    """Closing the procedure."""
    return _titled("NkClosing", {
        "closed_on": _("Data zakończenia"), "ground": _("Podstawa zakończenia"),
        "plan_realised": _("Plan pomocy został zrealizowany"), "note": _("Uzasadnienie")},
        labels={"ground": ground_labels()})


def member_schema(candidates: list[tuple[int, str]]) -> dict[str, Any]:
    """A member of the group the head assigns."""
    schema = _titled("NkMemberRequest", {"user_id": _("Członek grupy diagnostyczno-pomocowej")})
    schema["properties"]["user_id"].update({
        "enum": [uid for uid, _n in candidates], "x-widget": "select",
        "x-labels": {str(uid): n for uid, n in candidates}})
    return schema
