"""Polish renderings for the Polish texts of explanations (``text_pl``): amounts, dates, names.

Pure string formatting, no locale machinery: amounts with a decimal comma, thousands grouped
with a non-breaking space ("1 313,00 zł", as every page, document and export writes them: the one
formatter, :func:`app.domain.money.format_money`), other numbers grouped from five integer digits
on ("2,5", "12 345"), dates as "1 marca 2025 r.", numbers of persons, days or years with the right
plural form.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from app.domain.money import format_money

NBSP = "\u00a0"
GROUPING_FROM = 10_000  # four-digit numbers are not grouped in Polish

MONTHS_GENITIVE = (
    "stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca", "sierpnia",
    "września", "października", "listopada", "grudnia",
)

# Benefits that exclude zasiłek stały (art. 37 ust. 5 u.p.s.), in the genitive ("prawo do ...").
OTHER_BENEFITS_GENITIVE = {
    "renta_socjalna": "renty socjalnej",
    "zasilek_dla_opiekuna": "zasiłku dla opiekuna",
    "dodatek_samotne_wychowywanie_bezrobocie": (
        "dodatku z tytułu samotnego wychowywania dziecka i utraty prawa do "
        "zasiłku dla bezrobotnych na skutek upływu ustawowego okresu jego pobierania"),
}

READING_PL = "Przyjęta wykładnia: "


def _group(digits: str) -> str:
    """Group the digits of a whole number in threes with non-breaking spaces."""
    if int(digits) < GROUPING_FROM:
        return digits
    head = len(digits) % 3 or 3
    parts = [digits[:head]] + [digits[i:i + 3] for i in range(head, len(digits), 3)]
    return NBSP.join(parts)


def number(x: Decimal | int) -> str:
    """A number with a decimal comma, as given: Decimal('2.5') -> '2,5', 130 -> '130'."""
    text = f"{x:f}" if isinstance(x, Decimal) else str(x)
    sign = "-" if text.startswith("-") else ""
    whole, _, fraction = text.lstrip("-").partition(".")
    return sign + _group(whole) + ("," + fraction if fraction else "")


def zl(x: Decimal | int) -> str:
    """An amount in złoty with grosze and a decimal comma: Decimal('300') -> '300,00 zł'."""
    return format_money(x)


def pct(x: Decimal | int) -> str:
    """A percentage: 130 -> '130%', Decimal('62.5') -> '62,5%'."""
    return f"{number(x)}%"


def date_pl(d: date) -> str:
    """A date in the long Polish form used in decisions: '26 listopada 2026 r.'."""
    return f"{d.day} {MONTHS_GENITIVE[d.month - 1]} {d.year} r."


def plural(n: int, one: str, few: str, many: str) -> str:
    """The form of a noun after the number n: 1 osoba, 2 osoby, 5 osób, 22 osoby."""
    if n == 1:
        return one
    if n % 10 in (2, 3, 4) and n % 100 not in (12, 13, 14):
        return few
    return many


def years(n: int) -> str:
    """'1 rok', '24 lata', '65 lat'."""
    return f"{n} {plural(n, 'rok', 'lata', 'lat')}"


def persons(n: int) -> str:
    """'1 osoba', '3 osoby', '5 osób'."""
    return f"{n} {plural(n, 'osoba', 'osoby', 'osób')}"


def person_label(index: int) -> str:
    """A household member by position: 'Osoba nr 1 (wnioskodawca)', 'Osoba nr 2'."""
    return f"Osoba nr {index + 1}" + (" (wnioskodawca)" if index == 0 else "")
