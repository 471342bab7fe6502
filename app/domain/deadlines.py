"""Legal deadlines: KPA periods (art. 57) and working-day periods, in Europe/Warsaw.

Working days are Monday to Friday except Polish public holidays, taken from the ``holidays``
package (never a hand-made list). Sundays are public holidays under Polish law but that package
lists only named holidays, so weekends are excluded explicitly; art. 57 § 4 KPA treats Saturday
like a holiday.

What each deadline kind returns (``due_date(kind, start)``):

==================  =============================================================================
kind                due
==================  =============================================================================
interview           the last working day to hold the interview: the 14th working day after
                    ``start`` (the day the centre learned of the need), or the 2nd when urgent
decision            the last day to issue the decision: the same day number one month after
                    ``start`` (filing), or the last day of that month (art. 57 § 3), moved to the
                    next working day (art. 57 § 4)
decision_complex    as decision, with two months (art. 35 § 3)
supplement          the last day to fill the gaps: ``start`` (the day the request was served) +
                    ``days`` (at least 7), moved to the next working day (art. 64 § 2, 57 § 4)
deemed_delivery     the day on which delivery is deemed made: ``start`` (the first notice) + 14
                    days; READING: not moved off a Saturday or holiday (art. 44 § 4)
appeal              the last day to appeal: ``start`` (delivery) + 14 days, moved to the next
                    working day (art. 129 § 2, 57 § 4)
final               the first day on which the decision is final when nobody appealed: the day
                    after the appeal deadline
==================  =============================================================================

A period that ends on day ``d`` has passed at ``warsaw_end_of_day(d)``, i.e. at 00:00 of the
next day in Warsaw.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from typing import Any
from zoneinfo import ZoneInfo

import holidays

from app.domain.errors import InvalidInput
from app.domain.explain import Explanation
from app.domain.messages import Code, msg
from app.domain.parameters import ParameterTable
from app.domain.polish import date_pl, plural
from app.domain.views import JsonView

WARSAW = ZoneInfo("Europe/Warsaw")
KINDS = ("interview", "decision", "decision_complex", "supplement", "deemed_delivery", "appeal",
         "final")

KPA_35 = "art. 35 § 3 KPA"
KPA_44 = "art. 44 § 1-4 KPA"
KPA_57_1 = "art. 57 § 1 KPA"
KPA_57_3 = "art. 57 § 3 KPA"
KPA_57_4 = "art. 57 § 4 KPA"
KPA_64 = "art. 64 § 2 KPA"
KPA_129 = "art. 129 § 2 KPA"
INTERVIEW = "§ 3 rozporządzenia MRiPS z 8 kwietnia 2021 r. (Dz.U. 2021 poz. 893)"


@dataclass(frozen=True)
class Deadline(JsonView):
    """A computed deadline with its explanation and legal basis (``as_json()``: the API's JSON,
    the same as ``to_dict()``)."""

    due: date
    explanation: list[dict[str, Any]]
    legal_basis: list[str]
    kind: str = ""
    start: date | None = None
    parameters: dict[str, dict[str, Any]] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-safe dict with ISO dates."""
        return {
            "kind": self.kind,
            "start": self.start.isoformat() if self.start else None,
            "due": self.due.isoformat(),
            "explanation": self.explanation,
            "legal_basis": list(self.legal_basis),
            "parameters": self.parameters,
        }


@lru_cache(maxsize=128)
def _holidays(year: int) -> frozenset[date]:
    """Polish public holidays of one year (cached; the holidays object is not thread-safe)."""
    return frozenset(holidays.country_holidays("PL", years=year).keys())


def _date(d: Any, name: str) -> date:
    """Refuse anything that is not a plain calendar date."""
    if not isinstance(d, date) or isinstance(d, datetime):
        raise InvalidInput(name, msg(Code.CALENDAR_DATE_VALUE))
    return d


def _count(n: object, name: str, minimum: int = 0) -> int:
    """Refuse a count that is not a whole number of at least ``minimum``."""
    if isinstance(n, bool) or not isinstance(n, int):
        raise InvalidInput(name, msg(Code.NUMBER_WHOLE))
    if n < minimum:
        raise InvalidInput(name, msg(Code.NUMBER_AT_LEAST, minimum=minimum))
    return n


def is_public_holiday(d: date) -> bool:
    """True on a Polish public holiday named by the holidays package (Sundays not included)."""
    return d in _holidays(d.year)


def is_working_day(d: date) -> bool:
    """True on Monday-Friday that is not a Polish public holiday."""
    return d.weekday() < calendar.SATURDAY and not is_public_holiday(d)


def next_working_day(d: date) -> date:
    """Return ``d`` if it is a working day, else the next working day (art. 57 § 4 KPA)."""
    while not is_working_day(d):
        d += timedelta(days=1)
    return d


def add_working_days(start: date, n: int) -> date:
    """Return the n-th working day after ``start`` (``start`` itself not counted; n=0 -> start)."""
    d = _date(start, "start")
    for _ in range(_count(n, "n")):
        d = next_working_day(d + timedelta(days=1))
    return d


def kpa_period_end(start: date, days: int) -> date:
    """End of a period of ``days`` days from the day after ``start`` (art. 57 § 1, 4 KPA)."""
    end = _date(start, "start") + timedelta(days=_count(days, "days", 1))
    return next_working_day(end)


def add_months_kpa(start: date, months: int) -> date:
    """Same day number ``months`` later, or that month's last day (art. 57 § 3; no § 4 shift)."""
    d = _date(start, "start")
    index = d.month - 1 + _count(months, "months", 0)
    year, month = d.year + index // 12, index % 12 + 1
    return date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


def _day_off_pl(d: date) -> str:
    """What kind of day off ``d`` is, after "przypada na": sobotę, niedzielę or a holiday."""
    if d.weekday() == calendar.SATURDAY:
        return "sobotę"
    if d.weekday() == calendar.SUNDAY:
        return "niedzielę"
    return "dzień ustawowo wolny od pracy"


def _days_pl(n: int) -> str:
    """'1 dzień', '14 dni'."""
    return f"{n} {plural(n, 'dzień', 'dni', 'dni')}"


def _shift(end: date, expl: Explanation, key: str) -> date:
    """Move a period end off a Saturday, Sunday or holiday, explaining it."""
    due = next_working_day(end)
    if due != end:
        expl.step(f"{key}.shift", f"{end} is a Saturday, Sunday or public holiday, so the period "
                  f"ends on the next working day, {due}.", {"end": end}, due, [KPA_57_4],
                  pl=f"Koniec terminu ({date_pl(end)}) przypada na {_day_off_pl(end)}, zatem "
                     "termin upływa następnego dnia, który nie jest dniem wolnym od pracy ani "
                     f"sobotą, tj. {date_pl(due)}")
    return due


def _days(start: date, days: int, expl: Explanation, key: str, basis: str, text: str,
          text_pl: str) -> date:
    """A period in days counted from the day after ``start``, explained."""
    end = start + timedelta(days=days)
    expl.step(f"{key}.count", f"{text}: {days} days counted from the day after {start}.",
              {"start": start, "days": days}, end, [basis, KPA_57_1],
              pl=f"{text_pl}: {_days_pl(days)} liczonych od dnia następującego po dniu "
                 f"{date_pl(start)}; ostatni dzień przypada {date_pl(end)}")
    return end


def _compute(kind: str, start: date, urgent: bool, days: int | None, expl: Explanation) -> date:
    """Compute the due date of one kind of deadline, writing steps into ``expl``."""
    if kind == "interview":
        name = "interview.working_days_urgent" if urgent else "interview.working_days"
        n = expl.param(name, start, "start")
        due = add_working_days(start, n)
        expl.step("interview.count", f"Interview within {n} working days of learning of the need"
                  f"{' (urgent)' if urgent else ''}; {start} is not counted.",
                  {"start": start, "working_days": n, "urgent": urgent}, due, [INTERVIEW],
                  pl="Rodzinny wywiad środowiskowy przeprowadza się w terminie "
                     f"{n} {plural(n, 'dnia roboczego', 'dni roboczych', 'dni roboczych')} od "
                     "dnia powzięcia wiadomości o potrzebie przyznania świadczenia"
                     f"{' (sprawa niecierpiąca zwłoki)' if urgent else ''}; dnia "
                     f"{date_pl(start)} nie wlicza się do terminu, który upływa {date_pl(due)}")
        return due
    if kind in ("decision", "decision_complex"):
        complex_ = kind == "decision_complex"
        name = "kpa.decision_months_complex" if complex_ else "kpa.decision_months"
        months = expl.param(name, start, "start")
        end = add_months_kpa(start, months)
        expl.step(f"{kind}.count", f"Decision within {months} month(s) of filing: the same day "
                  "number, or the last day of the month when there is none.",
                  {"start": start, "months": months}, end, [KPA_35, KPA_57_3],
                  pl="Sprawę załatwia się nie później niż w ciągu "
                     f"{months} {plural(months, 'miesiąca', 'miesięcy', 'miesięcy')} od dnia "
                     f"wszczęcia postępowania ({date_pl(start)})"
                     f"{' – sprawa szczególnie skomplikowana' if complex_ else ''}; termin "
                     "kończy się z upływem dnia, który odpowiada początkowemu dniowi terminu, a "
                     "gdyby takiego dnia w ostatnim miesiącu nie było – w ostatnim dniu tego "
                     f"miesiąca, tj. {date_pl(end)}")
        return _shift(end, expl, kind)
    if kind == "supplement":
        minimum = expl.param("kpa.supplement_min_days", start, "start")
        n = minimum if days is None else _count(days, "days")
        if n < minimum:
            raise InvalidInput("days", msg(Code.SUPPLEMENT_DAYS_MIN, minimum=minimum))
        end = _days(start, n, expl, kind, KPA_64, "Time to supplement",
                    "Termin do usunięcia braków wniosku")
        return _shift(end, expl, kind)
    if kind == "deemed_delivery":
        n = expl.param("kpa.deemed_delivery_days", start, "start")
        end = _days(start, n, expl, kind, KPA_44, "The post holds the letter",
                    "Okres przechowywania pisma w placówce pocztowej")
        if expl.param("kpa.deemed_delivery_moves_to_working_day", start, "start"):
            return _shift(end, expl, kind)
        expl.reading("deemed_delivery", "delivery is deemed made on the last day of the storage "
                     "period even when it is a Saturday or holiday; art. 57 § 4 is not applied.",
                     [KPA_44],
                     pl="doręczenie uważa się za dokonane z upływem ostatniego dnia okresu "
                        "przechowywania pisma, także gdy przypada on na sobotę lub dzień "
                        "ustawowo wolny od pracy; art. 57 § 4 KPA nie ma zastosowania.")
        return end
    if kind in ("appeal", "final"):
        n = expl.param("kpa.appeal_days", start, "start")
        end = _days(start, n, expl, "appeal", KPA_129, "Appeal period",
                    "Termin do wniesienia odwołania")
        due = _shift(end, expl, "appeal")
        if kind == "appeal":
            return due
        final = due + timedelta(days=1)
        expl.step("final.day_after", f"With no appeal the decision is final on the day after the "
                  f"appeal deadline {due}.", {"appeal_deadline": due}, final, [KPA_129],
                  pl="Jeżeli nie wniesiono odwołania, decyzja jest ostateczna od dnia "
                     "następującego po upływie terminu do wniesienia odwołania "
                     f"({date_pl(due)}), tj. od {date_pl(final)}")
        return final
    raise InvalidInput("kind", msg(Code.DEADLINE_KIND_UNKNOWN, kind=str(kind), allowed=", ".join(KINDS)))


def due_date(
    kind: str,
    start: date,
    urgent: bool = False,
    days: int | None = None,
    *,
    table: ParameterTable | None = None,
) -> Deadline:
    """Compute a deadline of ``kind`` from ``start``; see the module docstring for each kind."""
    if kind not in KINDS:
        raise InvalidInput("kind", msg(Code.DEADLINE_KIND_UNKNOWN, kind=str(kind),
                                       allowed=", ".join(KINDS)))
    start = _date(start, "start")
    if days is not None and kind != "supplement":
        raise InvalidInput("days", msg(Code.DAYS_ONLY_SUPPLEMENT))
    if urgent and kind != "interview":
        raise InvalidInput("urgent", msg(Code.URGENT_ONLY_INTERVIEW))
    expl = Explanation(table)
    due = _compute(kind, start, urgent, days, expl)
    return Deadline(due, expl.steps, expl.legal_basis, kind, start, expl.parameters)


def interview_due(learned_on: date, urgent: bool = False) -> date:
    """Last working day to hold the community interview (14 working days, 2 when urgent)."""
    return due_date("interview", learned_on, urgent).due


def decision_due(filed_on: date, complex: bool = False) -> date:
    """Last day to issue the decision: 1 month (2 if complex) after filing, art. 57 § 3-4 KPA."""
    return due_date("decision_complex" if complex else "decision", filed_on).due


def supplement_due(served_on: date, days: int = 7) -> date:
    """Last day to fill gaps in an application (at least 7 days, art. 64 § 2 KPA)."""
    return due_date("supplement", served_on, days=days).due


def deemed_delivery(first_notice_on: date) -> date:
    """Day on which an uncollected letter counts as delivered (14 days after the first notice)."""
    return due_date("deemed_delivery", first_notice_on).due


def appeal_deadline(delivered_on: date) -> date:
    """Last day to appeal: 14 days after delivery, moved to a working day (art. 129, 57 § 4)."""
    return due_date("appeal", delivered_on).due


def final_on(delivered_on: date) -> date:
    """First day on which the decision is final when nobody appealed (day after the deadline)."""
    return due_date("final", delivered_on).due


def warsaw_end_of_day(d: date) -> datetime:
    """The aware instant at which a period ending on ``d`` has passed: next day 00:00 Warsaw."""
    return datetime.combine(_date(d, "d") + timedelta(days=1), time(0, 0), tzinfo=WARSAW)


def warning_at(due: date, days_before: int) -> datetime:
    """When to warn that a deadline is near: 08:00 Warsaw, ``days_before`` calendar days before
    ``due``, moved back to the previous working day so the warning reaches someone at work."""
    if isinstance(days_before, bool) or not isinstance(days_before, int) or days_before < 1:
        raise InvalidInput("days_before", msg(Code.WARNING_DAYS))
    day = _date(due, "due") - timedelta(days=days_before)
    while not is_working_day(day):
        day -= timedelta(days=1)
    return datetime.combine(day, time(8, 0), tzinfo=WARSAW)


def today_in_warsaw(now: datetime) -> date:
    """The calendar date in Warsaw at the aware instant ``now``."""
    if not isinstance(now, datetime) or now.tzinfo is None or now.utcoffset() is None:
        raise InvalidInput("now", msg(Code.TIME_AWARE))
    return now.astimezone(WARSAW).date()
