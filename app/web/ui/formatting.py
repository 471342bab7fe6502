"""Template filters and globals: dates, money, due-date badges and service messages in Polish."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any
from zoneinfo import ZoneInfo

from flask import current_app
from flask.sansio.app import App
from flask_babel import format_decimal, ngettext
from flask_babel import gettext as _

from app.domain import statuses
from app.domain.messages import Msg
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


def money(value: Any) -> str:
    """An amount in złoty with the locale's separators: 1 234,56 zł."""
    if value in (None, ""):
        return "—"
    try:
        amount = Decimal(str(value))
    except InvalidOperation:
        return str(value)
    return f"{format_decimal(amount, format='#,##0.00')}\u00a0zł"


_DECIMAL = re.compile(r"^-?\d{1,15}\.\d{1,6}$")


def plain(value: Any) -> Any:
    """A value of an explanation as shown: a decimal ('813.00', Decimal) with a decimal comma in
    Polish ('813,00'), unchanged in English; anything else unchanged (booleans are the macros')."""
    if isinstance(value, Decimal) and value.is_finite():
        text = f"{value:f}"
    elif isinstance(value, str) and _DECIMAL.match(value):
        text = value
    else:
        return value
    return text if lang() == "en" else text.replace(".", ",")


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


# The fallback for messages still raised as plain English text (coded ones, app.domain.messages,
# never come here): the pages show them in Polish when a rendering is known, unchanged otherwise.
# Convert a raise site to a code, then delete its entry here.
_EXACT = {
    "This field is required.": "To pole jest wymagane.",
    "Use the date format YYYY-MM-DD.": "Podaj datę w formacie RRRR-MM-DD.",
    "Must be true or false.": "Wybierz tak lub nie.",
    "The amount must be zero or more.": "Kwota nie może być ujemna.",
    "The amount may have at most two decimal places (grosze).":
        "Kwota może mieć najwyżej dwa miejsca po przecinku (grosze).",
    "The amount is too large.": "Kwota jest zbyt duża.",
    "Four-eyes rule: you cannot approve a decision you drafted yourself.":
        "Zasada dwóch par oczu: nie możesz zatwierdzić decyzji, której projekt sam przygotowałeś.",
    "The task changed since you opened it; reload and try again.":
        "Zadanie zmieniło się, odkąd je otwarto; wczytaj je ponownie i spróbuj jeszcze raz.",
    "This task has already been completed or cancelled; reload the page.":
        "To zadanie zostało już zakończone lub anulowane; wczytaj stronę ponownie.",
    "The workflow no longer offers this task; reload the page.":
        "Proces nie oferuje już tego zadania; wczytaj stronę ponownie.",
    "This task is no longer open.": "To zadanie nie jest już otwarte.",
    "This task is already assigned to someone else; ask a supervisor.":
        "To zadanie jest już przydzielone komuś innemu; poproś kierownika o zmianę.",
    "You can only release tasks assigned to you.": "Możesz zwolnić tylko zadania przydzielone Tobie.",
    "This task is assigned to someone else.": "To zadanie jest przydzielone komuś innemu.",
    "This task belongs to another role.": "To zadanie należy do innej roli.",
    "Only caseworkers and supervisors work on case tasks.":
        "Zadania w sprawach wykonują tylko pracownicy socjalni i kierownicy.",
    "Only caseworkers and supervisors may read case files.":
        "Akta spraw mogą przeglądać tylko pracownicy socjalni i kierownicy.",
    "Only caseworkers and supervisors may list cases.":
        "Listę spraw mogą przeglądać tylko pracownicy socjalni i kierownicy.",
    "Only caseworkers and supervisors may register applications.":
        "Wnioski mogą rejestrować tylko pracownicy socjalni i kierownicy.",
    "Only caseworkers and supervisors may see payment lists.":
        "Listy wypłat mogą przeglądać tylko pracownicy socjalni i kierownicy.",
    "Only a supervisor may reassign tasks.": "Tylko kierownik może przydzielać zadania.",
    "Only a supervisor may approve a payment list.": "Tylko kierownik może zatwierdzić listę wypłat.",
    "This payment list has already been approved.": "Ta lista wypłat została już zatwierdzona.",
    "Only an approved payment list can be exported.":
        "Wyeksportować można tylko zatwierdzoną listę wypłat.",
    "Unknown user.": "Nieznany użytkownik.",
    "No active user with this id.": "Brak aktywnego użytkownika o tym identyfikatorze.",
    "Username must be 1–64 characters.": "Nazwa użytkownika musi mieć od 1 do 64 znaków.",
    "Password must have at least 12 characters.": "Hasło musi mieć co najmniej 12 znaków.",
    "The user data is invalid.": "Dane użytkownika są niepoprawne.",
    "The BPMN definition is invalid and was not deployed.":
        "Definicja BPMN jest niepoprawna i nie została wdrożona.",
    "The user is not a caseworker.": "Ten użytkownik nie jest pracownikiem socjalnym.",
    "The user is not a supervisor.": "Ten użytkownik nie jest kierownikiem.",
    "The dates or facts recorded do not agree; correct the fields listed.":
        "Wpisane daty lub fakty są ze sobą sprzeczne; popraw zaznaczone pola.",
    "The draft decision breaks a legal rule; correct the fields listed.":
        "Projekt decyzji narusza przepis prawa; popraw zaznaczone pola.",
    "The draft decision breaks a legal rule and cannot be approved; return it to the caseworker "
    "for correction.": "Projekt decyzji narusza przepis prawa i nie może zostać zatwierdzony; "
                       "zwróć go pracownikowi do poprawy.",
}


def _dmy(iso: str) -> str:
    """2026-03-01 -> 01.03.2026 (dates in the decision and facts rules' messages)."""
    return ".".join(reversed(iso.split("-")))


# The decision and facts rules (app/domain/decision_rules.py, facts.py): "<message> (<article>)."
_RULES: list[tuple[str, Callable[[re.Match[str]], str]]] = [
    (r"The amount (\S+) zł is outside the legal range (\S+)–(\S+) zł computed for this case",
     lambda m: f"Kwota {m[1].replace('.', ',')} zł wykracza poza dopuszczalny zakres "
               f"{m[2].replace('.', ',')}–{m[3].replace('.', ',')} zł wyliczony dla tej sprawy"),
    (r"The household is not eligible for this benefit; only a refusal is lawful",
     lambda m: "Gospodarstwo nie spełnia warunków przyznania tego świadczenia; zgodna z prawem "
               "jest tylko odmowa"),
    (r"Eligibility has not been computed for this case; a grant cannot be checked against the law",
     lambda m: "Uprawnienie nie zostało obliczone; przyznania nie można sprawdzić z przepisami"),
    (r"A grant needs an amount above zero", lambda m: "Przyznanie wymaga kwoty większej od zera"),
    (r"An amount other than the computed (\S+) zł needs a written reason",
     lambda m: f"Kwota inna niż wyliczona ({m[1].replace('.', ',')} zł) wymaga pisemnego "
               "uzasadnienia"),
    (r"Immediate enforceability needs its justification",
     lambda m: "Rygor natychmiastowej wykonalności wymaga uzasadnienia"),
    (r"A refusal or a partial grant needs a factual and legal justification",
     lambda m: "Odmowa i przyznanie w części wymagają uzasadnienia faktycznego i prawnego"),
    (r"A grant needs the first month of its period",
     lambda m: "Przyznanie wymaga wskazania pierwszego miesiąca okresu"),
    (r"The period cannot start before (\S+), the first benefit month \(the month in which the "
     r"application was filed\)",
     lambda m: f"Okres nie może zaczynać się przed {_dmy(m[1])} — pierwszym miesiącem świadczenia "
               "(miesiącem złożenia wniosku)"),
    (r"The period cannot end \((\S+)\) before it starts \((\S+)\)",
     lambda m: f"Okres nie może kończyć się ({_dmy(m[1])}) przed swoim początkiem ({_dmy(m[2])})"),
    (r"Zasiłek okresowy is granted for a set period: give the end date",
     lambda m: "Zasiłek okresowy przyznaje się na określony okres: podaj datę końcową"),
    (r"A family benefit is granted for a benefit period: give the end date, at the latest (\S+)",
     lambda m: "Świadczenie przyznaje się na okres zasiłkowy (świadczeniowy): podaj datę końcową, "
               f"najpóźniej {_dmy(m[1])}"),
    (r"The period cannot end \((\S+)\) after the benefit period, which ends on (\S+)",
     lambda m: f"Okres nie może kończyć się ({_dmy(m[1])}) po upływie okresu zasiłkowego "
               f"(świadczeniowego), który kończy się {_dmy(m[2])}"),
    (r"A one-off benefit needs its purpose", lambda m: "Zasiłek jednorazowy wymaga wskazania celu"),
    (r"A one-off benefit needs its payment date \(the start date field\)",
     lambda m: "Zasiłek jednorazowy wymaga daty wypłaty (pole „Okres od”)"),
    (r"A one-off benefit has no monthly period: leave the end date empty",
     lambda m: "Zasiłek jednorazowy nie ma okresu miesięcznego: pozostaw datę końcową pustą"),
    (r"The date (\S+) is in the future \(today is (\S+)\)",
     lambda m: f"Data {_dmy(m[1])} jest w przyszłości (dziś jest {_dmy(m[2])})"),
    (r"The interview \((\S+)\) cannot precede the application \((\S+)\)",
     lambda m: f"Wywiad ({_dmy(m[1])}) nie może poprzedzać wniosku ({_dmy(m[2])})"),
    (r"The request to supplement \((\S+)\) cannot precede the application \((\S+)\)",
     lambda m: f"Wezwanie do uzupełnienia ({_dmy(m[1])}) nie może poprzedzać wniosku "
               f"({_dmy(m[2])})"),
    (r"The supplement \((\S+)\) cannot be received before the request was served \((\S+)\)",
     lambda m: f"Uzupełnienie ({_dmy(m[1])}) nie mogło wpłynąć przed doręczeniem wezwania "
               f"({_dmy(m[2])})"),
    (r"Delivery \((\S+)\) cannot precede the issue of the decision \((\S+)\)",
     lambda m: f"Doręczenie ({_dmy(m[1])}) nie może poprzedzać wydania decyzji ({_dmy(m[2])})"),
    (r"An appeal or waiver \((\S+)\) cannot precede the issue of the decision \((\S+)\)",
     lambda m: f"Odwołanie lub zrzeczenie się ({_dmy(m[1])}) nie może poprzedzać wydania decyzji "
               f"({_dmy(m[2])})"),
    (r"A waiver of appeal \((\S+)\) cannot precede delivery of the decision \((\S+)\)",
     lambda m: f"Zrzeczenie się odwołania ({_dmy(m[1])}) nie może poprzedzać doręczenia decyzji "
               f"({_dmy(m[2])})"),
    (r"An application marked complete cannot list missing items; clear the list or mark the "
     r"application incomplete",
     lambda m: "Wniosek oznaczony jako kompletny nie może mieć wykazu braków; wyczyść wykaz albo "
               "oznacz wniosek jako niekompletny"),
    (r"An incomplete application must list what is missing",
     lambda m: "Wniosek niekompletny musi zawierać wykaz braków"),
    (r"Member number (\d+) does not exist \(0–(\d+)\)",
     lambda m: f"Osoba nr {int(m[1]) + 1} nie należy do gospodarstwa"),
    (r"Member number (\d+) appears more than once; give one row per household member",
     lambda m: f"Osoba nr {int(m[1]) + 1} występuje więcej niż raz; podaj jeden wiersz na osobę"),
    (r"Member number (\d+) has no row; give one row per household member",
     lambda m: f"Osoba nr {int(m[1]) + 1} nie ma wiersza; podaj jeden wiersz na każdą osobę"),
]


def _rule(render: Callable[[re.Match[str]], str]) -> Callable[[re.Match[str]], str]:
    """A rule's message in Polish, followed by its article (the last group)."""
    return lambda m: f"{render(m)} ({m[m.re.groups]})."


_PATTERNS: list[tuple[re.Pattern[str], Callable[[re.Match[str]], str]]] = [
    (re.compile(r"^At most (\d+) characters\.$"), lambda m: f"Najwyżej {m[1]} znaków."),
    (re.compile(r"^Unknown benefit; allowed: .*$"), lambda m: "Wybierz świadczenie z listy."),
    (re.compile(r"^Choose one of: .*$"), lambda m: "Wybierz jedną z możliwości."),
    (re.compile(r"^Give the amount as a decimal string.*$"),
     lambda m: "Podaj kwotę liczbą, np. 1234,56."),
    (re.compile(r"^Only an? (\w+) may (claim|complete) this task\.$"),
     lambda m: f"To zadanie może {'przejąć' if m[2] == 'claim' else 'wykonać'} tylko "
               f"{code_label(m[1], 'role')}."),
    (re.compile(r"^Case (\d+) does not exist\.$"), lambda m: f"Sprawa {m[1]} nie istnieje."),
    (re.compile(r"^Task (\d+) does not exist\.$"), lambda m: f"Zadanie {m[1]} nie istnieje."),
    (re.compile(r"^Payment list (\d+) does not exist\.$"), lambda m: f"Lista wypłat {m[1]} nie istnieje."),
    (re.compile(r"^User '(.*)' already exists\.$"), lambda m: f"Użytkownik „{m[1]}” już istnieje."),
    (re.compile(r"^Unknown role\(s\): .*$"), lambda m: "Nieznana rola."),
    (re.compile(r"^Too many failed sign-in attempts\. Try again in (\d+) min \(after (.*) UTC\)\.$"),
     lambda m: f"Zbyt wiele nieudanych prób logowania. Spróbuj ponownie za {m[1]} min (po {m[2]} UTC)."),
    *((re.compile(f"^{text} \\((art\\. .+)\\)\\.$"), _rule(render)) for text, render in _RULES),
]

# Werkzeug's default descriptions of HTTP errors, shown when a page aborts.
_HTTP = {
    403: "Nie masz uprawnień do tej strony. Jeśli to pomyłka, poproś administratora o nadanie roli.",
    404: "Nie ma takiej strony. Sprawdź adres albo wróć do listy zadań.",
    405: "Ta operacja nie jest dostępna pod tym adresem.",
    400: "Żądanie było niepoprawne (np. wygasł formularz). Wczytaj stronę ponownie.",
}


Patterns = list[tuple[re.Pattern[str], Callable[[re.Match[str]], str]]]


def translate(text: str, exact: dict[str, str], patterns: Patterns) -> str | None:
    """The Polish text for an English message from a table of exact texts and patterns."""
    if text in exact:
        return exact[text]
    for pattern, build in patterns:
        match = pattern.match(text)
        if match:
            return build(match)
    return None


def service_message(message: Any, status: int | None = None) -> str:
    """A service or HTTP error message in the interface language (coded: from the catalogue)."""
    if isinstance(message, Msg):
        return render(message)
    text = "" if message is None else str(message)
    if lang() == "en":
        return text
    polish = translate(text, _EXACT, _PATTERNS)
    if polish is not None:
        return polish
    if status in _HTTP and (not text or text.startswith(("You don't", "The requested URL",
                                                         "The method is not", "The browser",
                                                         "The CSRF"))):
        return _HTTP[status]
    return text


def has_endpoint(endpoint: str) -> bool:
    """True if the endpoint is registered (the admin blueprint may be absent)."""
    return endpoint in current_app.view_functions


def register_template_helpers(app: App) -> None:
    """Install the filters and globals every page template uses."""
    app.add_template_filter(fdate, "fdate")
    app.add_template_filter(fdatetime, "fdatetime")
    app.add_template_filter(money, "money")
    app.add_template_filter(iban, "iban")
    app.add_template_filter(plain, "plain")
    app.add_template_filter(code_label, "code")
    app.add_template_filter(service_message, "svc")
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
