"""Every date of an art. 10 notice's life is checked against the others (issue 15 part 6)."""

from __future__ import annotations

from datetime import date

from app.domain import facts

ISSUED, TODAY = date(2026, 3, 2), date(2026, 3, 30)


def codes(found: list) -> list[tuple[str, str]]:
    return [(v.code, v.field) for v in found]


def test_dates_in_order_pass() -> None:
    assert facts.check_notice(date(2026, 3, 3), date(2026, 3, 5), ISSUED, TODAY) == []
    assert facts.check_notice(None, ISSUED, ISSUED, TODAY) == []
    # Not collected: delivered between the post notice and the deemed delivery (14 days).
    assert facts.check_notice(date(2026, 3, 3), date(2026, 3, 18), ISSUED, TODAY,
                              first_notice_on=date(2026, 3, 4)) == []


def test_each_date_out_of_order_is_named() -> None:
    assert codes(facts.check_notice(None, date(2026, 3, 1), ISSUED, TODAY)) == [
        ("notice_delivery_before_issue", "notice_served_on")]
    assert codes(facts.check_notice(date(2026, 3, 1), date(2026, 3, 4), ISSUED, TODAY)) == [
        ("notice_sent_before_issue", "notice_sent_on")]
    assert codes(facts.check_notice(date(2026, 3, 5), date(2026, 3, 4), ISSUED, TODAY)) == [
        ("notice_delivery_before_sending", "notice_served_on")]
    assert codes(facts.check_notice(date(2026, 3, 5), date(2026, 3, 9), ISSUED, TODAY,
                                    first_notice_on=date(2026, 3, 4))) == [
        ("notice_first_notice_before_sending", "notice_first_notice_on")]
    assert codes(facts.check_notice(None, date(2026, 3, 5), ISSUED, TODAY,
                                    first_notice_on=date(2026, 3, 6))) == [
        ("notice_delivery_before_first_notice", "notice_served_on")]
    late = facts.check_notice(None, date(2026, 3, 20), ISSUED, TODAY,
                              first_notice_on=date(2026, 3, 4))
    assert codes(late) == [("notice_delivered_after_deemed", "notice_served_on")]
    assert late[0].params["deemed_on"] == "2026-03-18"
    assert codes(facts.check_notice(None, date(2026, 3, 31), ISSUED, TODAY)) == [
        ("date_in_future", "notice_served_on")]
    assert codes(facts.check_comments("comments_received_on", date(2026, 3, 1), ISSUED,
                                      TODAY)) == [("comments_before_notice",
                                                   "comments_received_on")]
    assert facts.check_comments_answered("refusal", ISSUED, "") != []
    assert facts.check_comments_answered("partial", ISSUED, "Odpowiedź.") == []
    assert facts.check_comments_answered("grant", ISSUED, "") == []
    assert facts.check_comments_answered("refusal", None, "") == []
