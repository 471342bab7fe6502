"""What a task page shows beside its form, in the interface language: the computed figures next
to the fields they concern, and a rule's violations as sentences. Read from the task's context
(app.services.decisions.task_context, app.services.appeals.task_context)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from flask_babel import gettext as _

from app.domain.messages import Msg, code_of
from app.web.ui.formatting import fdate, money, service_message


def _range(calc: Mapping[str, Any]) -> str:
    low, high = calc.get("min_amount"), calc.get("max_amount")
    if low in (None, "") or high in (None, "") or str(low) == str(high):
        return ""
    return _("dopuszczalny zakres %(low)s – %(high)s", low=money(low), high=money(high))


def set_by_centre(span: Mapping[str, Any]) -> str:
    """A benefit with no formula (zasiłek celowy): the centre sets the amount for the need,
    within what the law allows, and whether the aid is to be returned."""
    if span.get("max") in (None, ""):
        text = _("Kwotę ustala ośrodek stosownie do potrzeby; ustawa nie określa jej górnej granicy")
    else:
        text = _("Kwotę ustala ośrodek stosownie do potrzeby, najwyżej %(high)s",
                 high=money(span["max"]))
    returnable = span.get("returnable")
    if returnable == "required":
        text += "; " + _("pomoc przyznaje się pod warunkiem zwrotu części lub całości "
                         "(art. 41 pkt 2 u.p.s.)")
    elif returnable == "may":
        text += "; " + _("pomoc może nie podlegać zwrotowi (art. 40 ust. 3 u.p.s.)")
    elif returnable == "estate":
        text += "; " + _("wydatki podlegają zwrotowi z zasiłku pogrzebowego albo z masy spadkowej "
                         "(art. 96 ust. 3 u.p.s.)")
    return text


def field_notes(context: Mapping[str, Any] | None) -> dict[str, str]:
    """Field name -> the figure computed for it (the amount and its lawful range with the
    article, the first benefit month with its article)."""
    ctx = context or {}
    notes: dict[str, str] = {}
    calc = ctx.get("calculation")
    if isinstance(calc, Mapping) and calc.get("amount") not in (None, ""):
        if calc.get("eligible") and calc.get("range"):
            notes["amount"] = set_by_centre(calc["range"])
        elif calc.get("eligible"):
            text = _("Wyliczona kwota: %(amount)s", amount=money(calc["amount"]))
            span = _range(calc)
            notes["amount"] = f"{text}; {span}" if span else text
        else:
            notes["amount"] = _("Wyliczenie: warunki nie są spełnione — zgodna z prawem jest odmowa")
        if calc.get("article"):
            notes["amount"] += f" ({calc['article']})."
    if ctx.get("first_benefit_month"):
        note = _("Pierwszy miesiąc świadczenia: %(month)s", month=fdate(ctx["first_benefit_month"]))
        article = ctx.get("first_month_article")
        notes["period_from"] = f"{note} ({article})." if article else f"{note}."
    request = ctx.get("party_request")
    if isinstance(request, Mapping) and request.get("until"):
        notes["period_to"] = _("Strona wnosi o przyznanie do %(until)s.", until=fdate(request["until"]))
    return notes


def violation_texts(context: Mapping[str, Any] | None) -> list[str]:
    """The draft's violations of the law (the approval step) as sentences with their article."""
    out: list[str] = []
    for v in (context or {}).get("violations") or []:
        if not isinstance(v, Mapping):
            continue
        try:
            text = service_message(Msg(code_of(str(v.get("code"))), dict(v.get("params") or {})))
        except (ValueError, KeyError):   # a code this version does not know
            text = str(v.get("message") or "")
        article = v.get("article")
        out.append(f"{text} ({article})" if article else text)
    return out
