"""The Jinja environment of every issued document (decisions and letters), in Polish."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from app.domain.money import format_money
from app.domain.polish import date_pl

env = Environment(
    loader=FileSystemLoader(Path(__file__).parent / "templates"),
    autoescape=select_autoescape(["html"]),
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)


def money_pl(value: Any) -> str:
    """An amount for a document: '355,00 zł' (a Decimal, a whole number or a decimal string)."""
    return format_money(value if isinstance(value, Decimal | int) else str(value))


def date_or_blank(value: date | None) -> str:
    """A date for a document ('26 listopada 2026 r.'), or '' when there is none."""
    return date_pl(value) if value else ""


def account(value: Any) -> str:
    """A bank account in groups of four: 'PL61 1090 1014 …'."""
    text = str(value or "").replace(" ", "")
    return " ".join(text[i:i + 4] for i in range(0, len(text), 4))


env.filters.update(zl=money_pl, date_pl=date_or_blank, account=account)


def render(template: str, **context: Any) -> str:
    """Render one document template to HTML."""
    return env.get_template(template).render(**context)
