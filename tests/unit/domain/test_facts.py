"""Facts in order (app.domain.facts): dates against today and against each other."""

from __future__ import annotations

from datetime import date

from app.domain import facts

TODAY = date(2026, 3, 10)
RECEIVED = date(2026, 3, 2)


def codes(found: list) -> list[str]:
    return [v.code for v in found]


def test_nothing_recorded_in_the_future() -> None:
    found = facts.not_in_future("interview_on", date(2026, 3, 11), TODAY)
    assert codes(found) == ["date_in_future"]
    assert found[0].field == "interview_on" and found[0].article == "art. 7 i art. 77 § 1 KPA"
    assert found[0].params == {"date": "2026-03-11", "today": "2026-03-10"}
    assert facts.not_in_future("interview_on", TODAY, TODAY) == []
    assert facts.not_in_future("interview_on", None, TODAY) == []


def test_interview_after_the_application_and_not_ahead() -> None:
    assert codes(facts.check_interview("interview_on", date(2026, 3, 1), RECEIVED, TODAY)) == \
        ["interview_before_application"]
    assert codes(facts.check_interview("interview_on", date(2026, 4, 1), RECEIVED, TODAY)) == \
        ["date_in_future"]
    assert facts.check_interview("interview_on", RECEIVED, RECEIVED, TODAY) == []


def test_supplement_after_the_request_after_the_application() -> None:
    assert codes(facts.check_supplement_request("supplement_served_on", date(2026, 6, 1),
                                                RECEIVED, TODAY)) == ["date_in_future"]
    assert codes(facts.check_supplement_request("supplement_served_on", date(2026, 2, 1),
                                                RECEIVED, TODAY)) == ["request_before_application"]
    found = facts.check_supplement("supplement_received_on", date(2026, 3, 3), date(2026, 3, 5),
                                   TODAY)
    assert codes(found) == ["supplement_before_request"]
    assert found[0].article == "art. 64 § 2 KPA"
    assert facts.check_supplement("supplement_received_on", date(2026, 3, 5), date(2026, 3, 5),
                                  TODAY) == []


def test_delivery_not_before_issue() -> None:
    found = facts.check_delivery("delivered_on", date(2026, 3, 1), RECEIVED, TODAY)
    assert codes(found) == ["delivery_before_issue"] and found[0].article == "art. 129 § 2 KPA"
    assert codes(facts.check_delivery("delivered_on", date(2026, 3, 20), RECEIVED, TODAY)) == \
        ["date_in_future"]
    assert facts.check_delivery("delivered_on", RECEIVED, RECEIVED, TODAY) == []
    assert facts.check_delivery("delivered_on", RECEIVED, None, TODAY) == [], "nothing to compare"


def test_appeal_and_waiver_in_order() -> None:
    issued, delivered = date(2026, 3, 3), date(2026, 3, 6)
    assert codes(facts.check_appeal_event("appeal_event_on", date(2026, 3, 2), False, issued,
                                          delivered, TODAY)) == ["appeal_before_issue"]
    assert codes(facts.check_appeal_event("appeal_event_on", date(2026, 3, 4), True, issued,
                                          delivered, TODAY)) == ["waiver_before_delivery"]
    assert facts.check_appeal_event("appeal_event_on", date(2026, 3, 4), False, issued,
                                    delivered, TODAY) == []


def test_complete_means_nothing_missing() -> None:
    assert codes(facts.check_completeness(True, "Brak zaświadczenia.")) == \
        ["complete_with_missing_items"]
    assert codes(facts.check_completeness(False, "  ")) == ["incomplete_without_missing_items"]
    assert facts.check_completeness(True, "") == []
    assert facts.check_completeness(False, "Brak zaświadczenia.") == []
