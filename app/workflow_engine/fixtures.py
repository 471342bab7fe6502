"""Canned data for the deploy rehearsal, tests and benchmarks (never real case data): form
submissions, service results, stand-in functions.

The stand-in script functions have the names and signatures of the app.domain functions the
service layer injects, but simplified rules (weekends only, no public holidays).  They exist so
the engine can be exercised without the domain package; never use them for real deadlines.
"""

import calendar
from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from typing import Any

from app.domain import benefits

from .clock import WARSAW

DEFAULT_DAY = "2026-03-02"


def _d(on: str) -> date:
    return date.fromisoformat(on)


def _next_working_day(day: date) -> date:
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return day


def add_months_date(on: str, months: int) -> str:
    """`on` plus whole months, clamped to the month's last day."""
    day = _d(on)
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1])).isoformat()


def interview_due_date(learned_on: str, urgent: bool) -> str:
    """14 working days (2 when urgent) after the need was learned of."""
    day, left = _d(learned_on), 2 if urgent else 14
    while left:
        day += timedelta(days=1)
        if day.weekday() < 5:
            left -= 1
    return day.isoformat()


def decision_due_date(filed_on: str, complex: bool = False) -> str:  # noqa: A002 - domain signature
    """One month (two when complex) after filing, moved off a weekend (art. 57 §4 KPA)."""
    return _next_working_day(_d(add_months_date(filed_on, 2 if complex else 1))).isoformat()


def supplement_due_date(served_on: str, days: int) -> str:
    """A period of `days` days from service, moved off a weekend."""
    return _next_working_day(_d(served_on) + timedelta(days=days)).isoformat()


def deemed_delivery_date(first_notice_on: str) -> str:
    """Art. 44 KPA: the 14th day after the first notice."""
    return (_d(first_notice_on) + timedelta(days=14)).isoformat()


def appeal_deadline_date(delivered_on: str) -> str:
    """Last day of the 14-day appeal period, moved off a weekend."""
    return supplement_due_date(delivered_on, 14)


def final_on_date(delivered_on: str) -> str:
    """The day after the appeal period ends."""
    return (_d(appeal_deadline_date(delivered_on)) + timedelta(days=1)).isoformat()


def warning_at(due: str, days_before: int = 7) -> str:
    """08:00 (Europe/Warsaw) `days_before` days before `due`, moved back off a weekend."""
    day = _d(due) - timedelta(days=days_before)
    while day.weekday() >= 5:
        day -= timedelta(days=1)
    return datetime.combine(day, time(8), WARSAW).isoformat()


def timer_at(on: str) -> str:
    """Midnight (Europe/Warsaw) starting the day after `on`: the period ending on `on` is over."""
    return datetime.combine(_d(on) + timedelta(days=1), time(0), WARSAW).isoformat()


def interview_review(benefit: str) -> bool:
    """The catalogue's answer: a grant followed by the 6-monthly interview update."""
    entry = benefits.find(benefit)
    return entry is not None and entry.interview_review


def fa_debtor_due_date(step: str, start: str, days: int | None = None) -> str:
    """A debtor procedure step's term: ``days`` (or 30) calendar days from ``start``."""
    return (_d(start) + timedelta(days=30 if days is None else int(days))).isoformat()


def stub_script_functions() -> dict[str, Callable]:
    """The whitelisted script functions, as simplified stand-ins (see module docstring)."""
    return {
        "interview_due_date": interview_due_date,
        "decision_due_date": decision_due_date,
        "supplement_due_date": supplement_due_date,
        "deemed_delivery_date": deemed_delivery_date,
        "appeal_deadline_date": appeal_deadline_date,
        "final_on_date": final_on_date,
        "add_months_date": add_months_date,
        "timer_at": timer_at,
        "warning_at": warning_at,
        "interview_review": interview_review,
        "fa_debtor_due_date": fa_debtor_due_date,
    }


def start_data(case_id: int = 1, benefit: str = "zasilek_staly", urgent: bool = False,
               application_date: str = DEFAULT_DAY) -> dict:
    """Workflow start data as the service layer provides it."""
    return {"case_id": case_id, "benefit": benefit, "urgent": urgent, "application_date": application_date}


def canned_form_data(task_name: str, today: str | None = None, **overrides) -> dict:
    """A schema-valid submission of `task_name`'s form on the happy path; dates default to `today`."""
    on = today or DEFAULT_DAY
    forms: dict[str, dict[str, Any]] = {
        "completeness_check": {"complete": True, "missing_items": ""},
        "request_supplement": {
            "supplement_days": 7, "supplement_served_on": on,
            "supplement_items": "Zaświadczenie o dochodach za miesiąc poprzedzający.",
        },
        "record_supplement": {"supplement_received_on": on, "supplement_note": ""},
        "conduct_interview": {
            "interview_on": on,
            "findings": "Osoba samotnie gospodarująca, niezdolna do pracy z powodu wieku.",
            "verified_incomes": [{"member_index": 0, "net_income": "512.40"}],
            "help_plan": "Zasiłek stały; praca socjalna.",
        },
        "overdue_interview_escalation": {"interview_escalation_action": "acknowledged",
                                         "interview_escalation_note": ""},
        "decision_deadline_escalation": {
            "new_decision_date": (_d(on) + timedelta(days=30)).isoformat(),
            "delay_reason": "Oczekiwanie na zaświadczenie z urzędu pracy."},
        "decision_deadline_warning": {
            "new_decision_date": (_d(on) + timedelta(days=30)).isoformat(),
            "delay_reason": "Oczekiwanie na zaświadczenie z urzędu pracy."},
        "draft_decision": {
            "decision_kind": "grant", "amount": "716.60", "period_from": on, "period_to": None,
            # The draft_decision action always sets it (decisions.task_actions), as the diagram reads it.
            "justification": "", "immediate_enforcement": False,
        },
        "approve_decision": {"approval": "approve", "approval_comment": ""},
        "record_delivery": {"delivery_mode": "delivered", "delivered_on": on},
        "appeal_window": {"appeal_event": "waiver", "appeal_event_on": on},
        "art10_notice": {"notice_served_on": on, "comment_days": 7},
        "party_comments": {"comments_made": False},
        "record_sko_outcome": {"sko_outcome": "upheld", "sko_ruling_on": on,
                               "sko_reference": "SKO.4101.1.2026"},
        "handle_appeal": {"appeal_action": "forward_to_sko", "appeal_comment": "Przekazano do SKO."},
        "interview_update": {"update_interview_on": on, "continue_benefit": True, "update_notes": ""},
        # The FA debtor procedure (fa_debtor.bpmn): a debtor who cooperates and is employed.
        "debtor_interview": {"interview_on": on, "declaration_received": True,
                             "interview_prevented": False, "employed": True,
                             "findings": "Dłużnik złożył oświadczenie majątkowe."},
        "debtor_bailiff_info": {"sent_on": on},
        "debtor_registration_obligation": {"obliged_on": on, "registration_days": 30,
                                           "labour_office_informed": True},
        "debtor_registration_check": {"checked_on": on, "registered": True, "refused_work": False},
        "debtor_evasion_decision": {"decided_on": on, "paid_half_each_month": False,
                                    "evasion_found": True},
        "debtor_evasion_final": {"evasion_final_on": on},
        "debtor_licence_motion": {"licence_held": True, "sent_on": on},
        "debtor_big_report": {"sent_on": on},
        "debtor_prosecutor_notice": {"sent_on": on},
        "debtor_grounds_ceased": {"ceased_on": on, "ceased_note": ""},
        "debtor_licence_withdrawal": {"sent_on": on},
        # The Niebieska Karta procedure (niebieska_karta.bpmn): one meeting, closed on no grounds.
        "nk_handover": {"handed_on": on},
        "nk_group_meeting": {"met_on": on, "decision": "close"},
        "nk_closing": {"closed_on": on, "ground": "no_grounds", "plan_realised": False},
    }
    # The family benefit process's deadline tasks (user task ids are unique in a definition).
    forms["family_decision_deadline_escalation"] = forms["decision_deadline_escalation"]
    forms["family_decision_deadline_warning"] = forms["decision_deadline_warning"]
    try:
        data = dict(forms[task_name])
    except KeyError:
        raise KeyError(f"no canned form data for task {task_name!r}") from None
    data.update(overrides)
    return data


def canned_service_result(operation: str, params: dict | None = None) -> dict:
    """A plausible result of a deferred service operation (kept small: ids, not documents)."""
    results: dict[str, dict[str, Any]] = {
        "eligibility": {"eligible": True, "amount": "716.60", "explanation_id": 1},
        "decision_document": {"document_id": 1, "number": "OPS.8310.1.2026"},
        "payment_schedule": {"schedule_id": 1, "items": 12},
        "open_revocation": {"change_case_id": 2},
        "end_changed_grant": {"cancelled": 1},
    }
    return dict(results[operation])


def chained_start(engine, definition, snapshot, now: datetime):
    """The instance that follows a completed one, as services.chaining starts it: the process
    named by `next_process`, with only the variables listed in `carry`; None if none follows."""
    process = snapshot.data.get("next_process") if snapshot.completed else None
    if not process:
        return None
    data = {key: snapshot.data[key] for key in snapshot.data.get("carry") or [] if key in snapshot.data}
    return engine.start(definition, data, now, process_id=process)


def drive_case(
    engine,
    definition,
    snapshot,
    now: datetime,
    *,
    answers: dict | None = None,
    skip: frozenset[str] | set[str] = frozenset(),
    until: Callable | None = None,
    max_steps: int = 100,
    chain: bool = True,
):
    """Drive an instance through the public engine API until it completes, `until(snapshot)` is
    true, or nothing is left but skipped tasks and no timer.

    Each step completes the first READY user task not in `skip` with `canned_form_data` (plus
    `answers[name]`: a dict, or a list of dicts used in turn, the last one repeating), else the
    first service call with `canned_service_result`, else moves `now` one second past the next
    timer and fires it.  With `chain`, a completed instance naming a `next_process` is followed
    by that process (`chained_start`, logged as "start:<process>"), as the service layer does.
    Returns (snapshot, now, log of step labels).
    """
    answers = answers or {}
    seen: dict[str, int] = {}
    log: list[str] = []
    for _ in range(max_steps):
        following = chained_start(engine, definition, snapshot, now) if chain else None
        if following is not None:
            log.append(f"start:{snapshot.data['next_process']}")
            snapshot = following
        if snapshot.completed or (until is not None and until(snapshot)):
            return snapshot, now, log
        today = now.astimezone(WARSAW).date().isoformat()
        user_tasks = [t for t in snapshot.user_tasks if t.name not in skip]
        if user_tasks:
            task = user_tasks[0]
            answer = answers.get(task.name, {})
            if isinstance(answer, list):
                answer = answer[min(seen.get(task.name, 0), len(answer) - 1)] if answer else {}
            seen[task.name] = seen.get(task.name, 0) + 1
            data = canned_form_data(task.name, today, **answer)
            snapshot = engine.complete_user_task(definition, snapshot.state, task.task_id, data, now)
            log.append(task.name)
        elif snapshot.service_calls:
            call = snapshot.service_calls[0]
            result = canned_service_result(call.operation, call.params)
            snapshot = engine.complete_service_task(definition, snapshot.state, call.task_id, result, now)
            log.append(f"service:{call.operation}")
        elif snapshot.next_timer_at is not None:
            now = snapshot.next_timer_at + timedelta(seconds=1)
            snapshot = engine.fire_timers(definition, snapshot.state, now)
            log.append("timer")
        else:
            return snapshot, now, log
    raise RuntimeError(f"case did not finish in {max_steps} steps: {log}")
