"""Template filters and globals: dates, money, due-date badges and service messages in Polish."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any
from zoneinfo import ZoneInfo

from flask import current_app
from flask.sansio.app import App
from flask_babel import gettext as _
from flask_babel import ngettext

from app.domain import statuses
from app.domain.messages import Msg, parameter_names
from app.domain.messages.parameter_sources import citation
from app.domain.money import format_money
from app.domain.statuses import TaskStatus
from app.web.context import services
from app.web.messages import render
from app.web.ui.labels import code_label, lang

WARSAW = ZoneInfo("Europe/Warsaw")
DUE_SOON_DAYS = 2


def today() -> date:
    """Today in Warsaw, by the service context's clock (tests move it)."""
    return services().now().astimezone(WARSAW).date()


def _to_date(value: Any) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def fdate(value: Any) -> str:
    """A calendar date as 02.03.2026 (Polish) or 2 Mar 2026 (English)."""
    d = _to_date(value)
    if d is None:
        return "—" if value in (None, "") else str(value)
    if lang() == "en":
        return d.strftime("%d %b %Y").lstrip("0")
    return d.strftime("%d.%m.%Y")


def fdatetime(value: Any) -> str:
    """A moment shown in Warsaw time."""
    if value in (None, ""):
        return "—"
    try:
        moment = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
    except ValueError:
        return str(value)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=ZoneInfo("UTC"))
    local = moment.astimezone(WARSAW)
    return f"{fdate(local.date())} {local:%H:%M}"


def _finite(value: Any) -> Decimal | None:
    """``value`` as a finite Decimal, or None (text that is not an amount is shown as it is)."""
    try:
        amount = Decimal(str(value))
    except InvalidOperation:
        return None
    return amount if amount.is_finite() else None


def money(value: Any) -> str:
    """An amount in złoty with the locale's separators: 1 234,56 zł (the one formatter)."""
    if value in (None, ""):
        return "—"
    amount = _finite(value)
    if amount is None:
        return str(value)
    if lang() == "en":
        return format_money(amount, decimal=".", group=",", unit="\u00a0zł")
    return format_money(amount, unit="\u00a0zł")


def amount_input(value: Any) -> str:
    """An amount as a money input shows it for editing, in the locale: "354,75" (Polish) or
    "354.75" (English); no unit, no grouping, what the page's parser reads back (the one
    formatter). A value that is not an amount (what was typed and refused) is shown as typed."""
    if value in (None, ""):
        return ""
    amount = _finite(value)
    if amount is None:
        return str(value)
    point = "." if lang() == "en" else ","
    try:
        if amount == amount.quantize(Decimal("0.01")):
            return format_money(amount, decimal=point, group="", unit="")
    except InvalidOperation:  # beyond any amount ("1e400", typed and refused): shown as typed
        return str(value)
    return str(value).replace(".", point)  # more than grosze (a rate): never rounded here


_DECIMAL = re.compile(r"^-?\d{1,15}\.\d{1,6}$")


_GROSZE = re.compile(r"^-?\d+\.\d{2}$")


def plain(value: Any) -> Any:
    """A value of an explanation as shown: a decimal ('813.00', Decimal) with a decimal comma in
    Polish ('813,00'; an amount in grosze grouped as the one money formatter writes it,
    '1 229,50'), unchanged in English; anything else unchanged (booleans are the macros')."""
    if isinstance(value, Decimal) and value.is_finite():
        text = f"{value:f}"
    elif isinstance(value, str) and _DECIMAL.match(value):
        text = value
    else:
        return value
    if lang() == "en":
        return text
    return format_money(text, unit="") if _GROSZE.match(text) else text.replace(".", ",")


def step_text(step: Any) -> str:
    """The sentence of an explanation step in the interface language.

    Steps carry ``text`` (English) and ``text_pl`` (Polish); explanations stored before
    ``text_pl`` existed fall back to ``text``.
    """
    if not isinstance(step, Mapping):
        return ""
    text = step.get("text") or ""
    if lang() == "en":
        return str(text)
    return str(step.get("text_pl") or text)


def localized_items(data: Any) -> list[tuple[Any, Any]]:
    """The (key, value) pairs of a mapping to show, for keys that come in two languages.

    A key ``x`` with a Polish twin ``x_pl`` (e.g. the ``notes`` of an income item) shows the twin
    in Polish and itself in English; the twin is never shown as a row of its own.
    """
    polish = lang() != "en"
    pairs = []
    for key, value in data.items():
        if isinstance(key, str) and key.endswith("_pl") and key[:-3] in data:
            continue
        twin = f"{key}_pl"
        pairs.append((key, data[twin] if polish and twin in data else value))
    return pairs


def localized(data: Any, key: Any) -> Any:
    """``data[key]``, or its Polish twin ``data[key + '_pl']`` in Polish when there is one."""
    twin = f"{key}_pl"
    if lang() != "en" and twin in data:
        return data.get(twin)
    return data.get(key)


def iban(value: Any) -> str:
    """A bank account in groups of four: PL61 1090 1014 ..."""
    text = str(value or "").replace(" ", "")
    return " ".join(text[i:i + 4] for i in range(0, len(text), 4))


def due_badge(due_on: Any, status: str = "ready") -> dict[str, Any] | None:
    """How urgent a due date is: level overdue (red), soon (≤ 2 days, amber) or ok."""
    d = _to_date(due_on)
    if d is None:
        return None
    days = (d - today()).days
    if status not in (TaskStatus.READY, None):
        return {"level": "ok", "text": fdate(d), "days": days, "date": fdate(d)}
    if days < 0:
        text = ngettext("%(num)d dzień po terminie", "%(num)d dni po terminie", -days)
        level = "overdue"
    elif days == 0:
        text, level = _("dziś"), "soon"
    elif days == 1:
        text, level = _("jutro"), "soon"
    else:
        text = ngettext("za %(num)d dzień", "za %(num)d dni", days)
        level = "soon" if days <= DUE_SOON_DAYS else "ok"
    return {"level": level, "text": text, "days": days, "date": fdate(d)}


# Werkzeug's default descriptions of HTTP errors, shown when a page aborts.
_HTTP = {
    403: "Nie masz uprawnień do tej strony. Jeśli to pomyłka, poproś administratora o nadanie roli.",
    404: "Nie ma takiej strony. Sprawdź adres albo wróć do listy zadań.",
    405: "Ta operacja nie jest dostępna pod tym adresem.",
    400: "Żądanie było niepoprawne (np. wygasł formularz). Wczytaj stronę ponownie.",
}


def service_message(message: Any, status: int | None = None) -> str:
    """A service or HTTP error message in the interface language: a coded message from the
    catalogue (every service error is one); an HTTP error's default description in Polish."""
    if isinstance(message, Msg):
        return render(message)
    text = "" if message is None else str(message)
    if lang() == "en":
        return text
    if status in _HTTP and (not text or text.startswith(("You don't", "The requested URL",
                                                         "The method is not", "The browser",
                                                         "The CSRF"))):
        return _HTTP[status]
    return text


def parameter_source(param: Mapping[str, Any], key: str = "") -> str:
    """Where a legal parameter comes from, for a person: its Polish citation (act, article, Dz.U.)
    in the interface language; never the developers' note kept in ``source``."""
    text = citation(str(param.get("name") or key), param.get("valid_from"))
    return _(text) if text else "—"


def parameter_name(key: str) -> str:
    """A legal parameter's name for a person, in the interface language (never its key)."""
    named = parameter_names.name(str(key))
    return _(named) if named != key else named


# The comment a rollback stores (definition_history.rollback), in the API's words.
_ROLLBACK = re.compile(r"^Rollback to v(\d+)(?:: (.*))?$", re.S)


def version_comment_parts(text: str | None) -> tuple[str, str]:
    """A definition version's comment as (the note a rollback writes, in the interface language;
    the admin's own words, as typed): "Rollback to v1: zły termin" -> ("Przywrócenie wersji v1",
    "zły termin"), "wydłużony termin" -> ("", "wydłużony termin")."""
    found = _ROLLBACK.match(text or "")
    if not found:
        return "", text or ""
    return _("Przywrócenie wersji v%(version)s", version=found[1]), found[2] or ""


def version_comment(text: str | None) -> str:
    """A definition version's comment as shown (see :func:`version_comment_parts`)."""
    head, own = version_comment_parts(text)
    return f"{head}: {own}" if head and own else head or own


def has_endpoint(endpoint: str) -> bool:
    """True if the endpoint is registered (the admin blueprint may be absent)."""
    return endpoint in current_app.view_functions


def register_template_helpers(app: App) -> None:
    """Install the filters and globals every page template uses."""
    app.add_template_filter(fdate, "fdate")
    app.add_template_filter(fdatetime, "fdatetime")
    app.add_template_filter(money, "money")
    app.add_template_filter(amount_input, "amount_input")
    app.add_template_filter(iban, "iban")
    app.add_template_filter(plain, "plain")
    app.add_template_filter(code_label, "code")
    app.add_template_filter(service_message, "svc")
    app.add_template_filter(parameter_source, "param_source")
    app.add_template_filter(parameter_name, "param_name")
    app.add_template_filter(version_comment, "version_comment")
    app.add_template_filter(version_comment_parts, "version_comment_parts")
    app.add_template_global(due_badge, "due_badge")
    app.add_template_global(has_endpoint, "has_endpoint")
    app.add_template_global(today, "today")
    app.add_template_global(step_text, "step_text")
    app.add_template_global(localized_items, "localized_items")
    app.add_template_global(localized, "localized")
    # Imported macros do not see the request context, so they ask for the language.
    app.add_template_global(lang, "current_lang")
    for enum in statuses.ALL:  # compare statuses with the members: {% if t.status == TaskStatus.READY %}
        app.add_template_global(enum, enum.__name__)
