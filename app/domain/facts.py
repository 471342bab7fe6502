"""Facts in order: the dates a case records must agree with each other and with today.

One place for these rules, so every form that records a date applies the same ones:

===================================  ==============================================================
code                                 rule
===================================  ==============================================================
``date_in_future``                   no application, interview, service, delivery, supplement,
                                     appeal or update dated after today
``interview_before_application``     no interview before the application was received
``request_before_application``       no request to supplement before the application
``supplement_before_request``        no supplement received before the request was served
``delivery_before_issue``            no delivery (or first post notice) before the decision was
                                     issued: the appeal period runs from delivery
``appeal_before_issue``              no appeal or waiver before the decision was issued
``waiver_before_delivery``           a waiver of appeal only once the decision was delivered
``notice_sent_before_issue``         an art. 10 notice is not sent before it was issued
``notice_delivery_before_issue``     nor delivered before it was issued
``notice_delivery_before_sending``   nor delivered before it was sent: the time to comment runs
                                     from delivery, so its end follows from these dates
``comments_before_notice``           the party's comments are not received before the notice
``comments_unanswered``              a refusal or partial grant answers the party's comments
``complete_with_missing_items``      an application marked complete lists no missing items
``incomplete_without_missing_items`` an incomplete application lists what is missing
===================================  ==============================================================

An art. 10 notice the party did not collect at once: the post notice is left only after the
notice was sent (``notice_first_notice_before_sending``), and delivery falls between it
(``notice_delivery_before_first_notice``) and the deemed delivery 14 days later, art. 44 KPA
(``notice_delivered_after_deemed``).

Each check takes the dates it compares (``None`` when the case has no such date yet, in which
case the check has nothing to compare and passes) and returns the violations it finds.
"""

from __future__ import annotations

from datetime import date

from app.domain.deadlines import deemed_delivery
from app.domain.violations import Violation

FACTS = "art. 7 i art. 77 § 1 KPA"
SUPPLEMENT = "art. 64 § 2 KPA"
INTERVIEW = "art. 106 ust. 4 u.p.s."
APPEAL_PERIOD = "art. 129 § 2 KPA"
WAIVER = "art. 127a § 1 KPA"
NOTICE = "art. 10 § 1 i art. 79a KPA"
DELIVERY = "art. 44 KPA"


def not_in_future(field: str, day: date | None, today: date) -> list[Violation]:
    """A recorded fact has happened: its date is today or earlier."""
    if day is None or day <= today:
        return []
    return [Violation("date_in_future", field, FACTS,
                      f"The date {day.isoformat()} is in the future (today is {today.isoformat()}).",
                      {"date": day.isoformat(), "today": today.isoformat()})]


def _order(code: str, field: str, article: str, message: str, later: date | None,
           earlier: date | None, later_key: str, earlier_key: str) -> list[Violation]:
    if later is None or earlier is None or later >= earlier:
        return []
    return [Violation(code, field, article,
                      message.format(later=later.isoformat(), earlier=earlier.isoformat()),
                      {later_key: later.isoformat(), earlier_key: earlier.isoformat()})]


def check_interview(field: str, interview_on: date | None, received_on: date | None,
                    today: date) -> list[Violation]:
    """An interview (or its update) happened, and not before the application."""
    return not_in_future(field, interview_on, today) or _order(
        "interview_before_application", field, INTERVIEW,
        "The interview ({later}) cannot precede the application ({earlier}).",
        interview_on, received_on, "interview_on", "received_on")


def check_supplement_request(field: str, served_on: date | None, received_on: date | None,
                             today: date) -> list[Violation]:
    """A request to supplement was served, and not before the application it concerns."""
    return not_in_future(field, served_on, today) or _order(
        "request_before_application", field, SUPPLEMENT,
        "The request to supplement ({later}) cannot precede the application ({earlier}).",
        served_on, received_on, "served_on", "received_on")


def check_supplement(field: str, supplement_on: date | None, served_on: date | None,
                     today: date) -> list[Violation]:
    """A supplement arrived, and not before the request to supplement was served."""
    return not_in_future(field, supplement_on, today) or _order(
        "supplement_before_request", field, SUPPLEMENT,
        "The supplement ({later}) cannot be received before the request was served ({earlier}).",
        supplement_on, served_on, "supplement_on", "served_on")


def check_delivery(field: str, delivered_on: date | None, issued_on: date | None,
                   today: date) -> list[Violation]:
    """A delivery (or first post notice) happened, and not before the decision was issued."""
    return not_in_future(field, delivered_on, today) or _order(
        "delivery_before_issue", field, APPEAL_PERIOD,
        "Delivery ({later}) cannot precede the issue of the decision ({earlier}).",
        delivered_on, issued_on, "delivered_on", "issued_on")


def check_appeal_event(field: str, event_on: date | None, waiver: bool, issued_on: date | None,
                       delivered_on: date | None, today: date) -> list[Violation]:
    """An appeal or a waiver happened, after the issue (a waiver: after delivery)."""
    found = not_in_future(field, event_on, today) or _order(
        "appeal_before_issue", field, APPEAL_PERIOD,
        "An appeal or waiver ({later}) cannot precede the issue of the decision ({earlier}).",
        event_on, issued_on, "event_on", "issued_on")
    if not found and waiver:
        found = _order("waiver_before_delivery", field, WAIVER,
                       "A waiver of appeal ({later}) cannot precede delivery of the decision "
                       "({earlier}).", event_on, delivered_on, "event_on", "delivered_on")
    return found


def check_notice(sent_on: date | None, delivered_on: date | None, issued_on: date | None,
                 today: date, first_notice_on: date | None = None) -> list[Violation]:
    """The dates of an art. 10 notice's life in order: issued ≤ sent ≤ delivered ≤ today; a
    letter the party did not collect (``first_notice_on``, the first post notice) is left after
    it was sent and is delivered between that notice and the deemed delivery 14 days later
    (art. 44 KPA). The field named is the date out of order."""
    found = not_in_future("notice_sent_on", sent_on, today) + \
        not_in_future("notice_first_notice_on", first_notice_on, today) + \
        not_in_future("notice_served_on", delivered_on, today)
    found += _order("notice_sent_before_issue", "notice_sent_on", NOTICE,
                    "The notice cannot have been sent ({later}) before it was issued ({earlier}).",
                    sent_on, issued_on, "sent_on", "issued_on")
    found += _order("notice_first_notice_before_sending", "notice_first_notice_on", DELIVERY,
                    "The post notice ({later}) cannot have been left before the notice was sent "
                    "({earlier}).", first_notice_on, sent_on or issued_on, "first_notice_on",
                    "sent_on")
    found += _order("notice_delivery_before_issue", "notice_served_on", NOTICE,
                    "The notice cannot have been delivered ({later}) before it was issued "
                    "({earlier}).",
                    delivered_on, issued_on, "delivered_on", "issued_on") or _order(
        "notice_delivery_before_sending", "notice_served_on", NOTICE,
        "The notice cannot have been delivered ({later}) before it was sent ({earlier}).",
        delivered_on, sent_on, "delivered_on", "sent_on") or _order(
        "notice_delivery_before_first_notice", "notice_served_on", DELIVERY,
        "The notice cannot have been delivered ({later}) before the post notice ({earlier}).",
        delivered_on, first_notice_on, "delivered_on", "first_notice_on")
    if first_notice_on is not None and delivered_on is not None and not found:
        deemed = deemed_delivery(first_notice_on)
        found += _order("notice_delivered_after_deemed", "notice_served_on", DELIVERY,
                        "The notice counts as delivered on {later}; a later delivery date "
                        "({earlier}) cannot be recorded.", deemed, delivered_on, "deemed_on",
                        "delivered_on")
    return found


def check_comments(field: str, received_on: date | None, notice_issued_on: date | None,
                   today: date) -> list[Violation]:
    """The party's comments arrived, and not before the notice that invited them."""
    return not_in_future(field, received_on, today) or _order(
        "comments_before_notice", field, NOTICE,
        "The party's comments ({later}) cannot have been received before the notice was "
        "issued ({earlier}).",
        received_on, notice_issued_on, "received_on", "issued_on")


def check_comments_answered(kind: str, comments_on: date | None, answer: str) -> list[Violation]:
    """A refusal or partial grant answers the comments the party made (art. 107 § 3 KPA);
    ``comments_on`` is the day the comments were received (None: the party made none)."""
    if kind == "grant" or comments_on is None or answer.strip():
        return []
    return [Violation("comments_unanswered", "comments_answer", "art. 107 § 3 KPA",
                      f"The party commented on the evidence ({comments_on.isoformat()}); the "
                      "decision's justification must address the comments.",
                      {"received_on": comments_on.isoformat()})]


def check_completeness(complete: bool, missing_items: str | None) -> list[Violation]:
    """Complete means nothing is missing; incomplete means the missing items are listed."""
    listed = bool((missing_items or "").strip())
    if complete and listed:
        return [Violation("complete_with_missing_items", "missing_items", SUPPLEMENT,
                          "An application marked complete cannot list missing items; clear the "
                          "list or mark the application incomplete.")]
    if not complete and not listed:
        return [Violation("incomplete_without_missing_items", "missing_items", SUPPLEMENT,
                          "An incomplete application must list what is missing.")]
    return []
