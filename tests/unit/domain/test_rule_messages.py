"""Issue 14, part 5: a broken rule of a decision or of the recorded facts carries a catalogue code
(``rule.<code>``) with its parameters, and its English words are the .po's: the pages render the
Polish template instead of translating English back with regex tables."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from babel.support import Translations

from app.domain import facts
from app.domain.decision_rules import DecisionDraft, LegalRange, check_decision
from app.domain.kpa_appeals import Demand, draft_violations, self_correction_violations
from app.domain.messages import CATALOGUE, Code, Msg, all_codes
from app.domain.violations import Violation, by_field
from app.services.cases.interview_records import check_member_rows
from tests.unit.domain.test_decision_rules import FIRST, NOT_ELIGIBLE, OKRESOWY, draft
from tests.unit.test_messages import TRANSLATIONS

D1, D2, TODAY = date(2026, 3, 1), date(2026, 3, 2), date(2026, 3, 10)
ONE_OFF = LegalRange(True, Decimal("0"), Decimal("0"), Decimal("1010.00"))
FAMILY = LegalRange(True, Decimal("95"), Decimal("95"), Decimal("95"))


def every_rule_broken() -> list[Violation]:
    """At least one violation of every rule the domain (and the interview form) checks."""
    found = [
        *facts.not_in_future("on", date(2026, 4, 1), TODAY),
        *facts.check_interview("on", D1, D2, TODAY),
        *facts.check_supplement_request("on", D1, D2, TODAY),
        *facts.check_supplement("on", D1, D2, TODAY),
        *facts.check_delivery("on", D1, D2, TODAY),
        *facts.check_appeal_event("on", D1, False, D2, None, TODAY),
        *facts.check_appeal_event("on", D2, True, D1, TODAY, TODAY),
        *facts.check_notice(D1, None, D2, TODAY),
        *facts.check_notice(None, D1, D2, TODAY),
        *facts.check_notice(D2, D1, None, TODAY),
        *facts.check_notice(D2, None, None, TODAY, first_notice_on=D1),
        *facts.check_notice(None, D1, None, TODAY, first_notice_on=D2),
        *facts.check_notice(None, date(2026, 3, 20), None, date(2026, 3, 30), first_notice_on=D1),
        *facts.check_comments("on", D1, D2, TODAY),
        *facts.check_comments_answered("refusal", D2, " "),
        *facts.check_completeness(True, "Zaświadczenie."),
        *facts.check_completeness(False, ""),
        *check_member_rows([{"member_index": 5}], 2),
        *check_member_rows([{"member_index": 0}, {"member_index": 0}], 2),
        *check_member_rows([{"member_index": 0}], 2),
        *self_correction_violations(False, D1, TODAY, True, None, "decision"),
        *self_correction_violations(True, D1, date(2026, 4, 1), True, None, "decision"),
        *self_correction_violations(True, D1, D2, False, None, "decision"),
        *draft_violations(Demand("x"), "refusal", None, None, None),
        *draft_violations(Demand("x", Decimal("300"), D1, date(2026, 12, 31)), "grant",
                          Decimal("200"), D2, date(2026, 6, 30)),
        *check_decision(draft(kind="bogus"), OKRESOWY, FIRST),
        *check_decision(draft(kind="refusal", immediate_enforcement=True), OKRESOWY, FIRST),
        *check_decision(draft(), None, FIRST),
        *check_decision(draft(), NOT_ELIGIBLE, FIRST),
        *check_decision(draft(amount=Decimal("0")), OKRESOWY, FIRST),
        *check_decision(draft(amount=Decimal("500")), OKRESOWY, FIRST),
        *check_decision(draft(amount=Decimal("200")), OKRESOWY, FIRST),
        *check_decision(draft(period_from=None), OKRESOWY, FIRST),
        *check_decision(draft(period_from=date(2026, 10, 1)), OKRESOWY, FIRST),
        *check_decision(draft(period_to=None), OKRESOWY, FIRST),
        *check_decision(draft(period_to=date(2026, 11, 30), period_from=date(2026, 12, 1)),
                        OKRESOWY, FIRST),
        *check_decision(draft(benefit="zasilek_rodzinny", amount=Decimal("95"), period_to=None),
                        FAMILY, FIRST),
        *check_decision(draft(benefit="zasilek_rodzinny", amount=Decimal("95"),
                              period_to=date(2028, 1, 31)), FAMILY, FIRST),
        *check_decision(draft(benefit="specjalny_zasilek_celowy", amount=Decimal("400"),
                              amount_reason="Opał.", period_from=None,
                              period_to=date(2027, 2, 28)), ONE_OFF, FIRST),
        # Issue 16 (lane upsa): aid on condition of its return (art. 41 pkt 2, art. 40 ust. 3).
        *check_decision(celowy(), RETURN_REQUIRED, FIRST),
        *check_decision(celowy(return_kind="full", return_instalments=2,
                               return_first_due=D2), NOT_RETURNABLE, FIRST),
        *check_decision(celowy(return_kind="part", return_amount=Decimal("400")),
                        RETURN_MAY, FIRST),
        *check_decision(celowy(return_kind="full", return_instalments=2,
                               return_first_due=date(2026, 2, 1)), RETURN_MAY, FIRST),
        # Lane b16: zasiłek okresowy under art. 41 pkt 2 keeps the 20 zł floor of art. 38 ust. 4.
        *check_decision(DecisionDraft(
            benefit="zasilek_okresowy", kind="grant", amount=Decimal("15"), period_from=FIRST,
            period_to=date(2026, 5, 31), return_kind="full", return_instalments=3,
            return_first_due=date(2026, 6, 15)),
            LegalRange(True, Decimal("20"), Decimal("20"), Decimal("20"), True, "required"),
            FIRST),
    ]
    return found


RETURN_REQUIRED = LegalRange(True, Decimal("0"), Decimal("0"), Decimal("0"), True, "required")
RETURN_MAY = LegalRange(True, Decimal("0"), Decimal("0"), Decimal("0"), True, "may")
NOT_RETURNABLE = LegalRange(True, Decimal("0"), Decimal("0"), Decimal("0"), True, "no")


def celowy(**kw: object) -> DecisionDraft:
    """A lawful one-off grant of zasiłek celowy, changed by ``kw``."""
    values: dict[str, object] = {"benefit": "zasilek_celowy", "kind": "grant",
                                 "amount": Decimal("400"), "period_from": FIRST,
                                 "purpose": "Opał."}
    values.update(kw)
    return DecisionDraft(**values)  # type: ignore[arg-type]


def test_every_broken_rule_is_a_catalogue_code_whose_english_is_its_text() -> None:
    for v in every_rule_broken():
        m = v.msg
        assert isinstance(m, Msg) and m.code.value.startswith("rule."), v.code
        assert m == v.text, (v.code, str(m), v.text)
        assert m.params["article"] == v.article


def test_every_rule_template_is_reached_and_renders_in_both_languages() -> None:
    reached = {v.msg.code for v in every_rule_broken()}
    rules = {code for code in all_codes() if code.value.startswith("rule.")}
    assert reached == rules, rules - reached
    english = Translations.load(str(TRANSLATIONS), ["en"])
    for v in every_rule_broken():
        params = v.msg.params
        polish = CATALOGUE[v.msg.code].pl % params
        assert "%(" not in polish and v.article in polish, v.code
        assert english.gettext(CATALOGUE[v.msg.code].pl) % params == v.text, v.code


def test_a_form_shows_the_coded_rule_per_field() -> None:
    fields = by_field(facts.check_interview("interview_on", D1, D2, TODAY))
    message = fields["interview_on"]
    assert isinstance(message, Msg) and message.code is Code.RULE_INTERVIEW_BEFORE_APPLICATION
    assert message.params == {"interview_on": "2026-03-01", "received_on": "2026-03-02",
                              "article": "art. 106 ust. 4 u.p.s."}
