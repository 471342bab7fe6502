"""Letters and decisions (issue 15 part 6): one art. 10 notice per case, listed once; a refusal
answers the party's comments (art. 107 § 3 KPA); notices only on the decisions they fit; the
dates of a letter's life agree with each other."""

from __future__ import annotations

from typing import Any

import pytest

from app.domain.messages import Code
from app.services.case_file import view as case_view
from app.services.decisions import decision_changes
from app.services.documents import letters
from app.services.kernel.context import Actor, ServiceContext
from app.services.kernel.errors import ValidationFailed
from app.services.kernel.task_input import RuleViolated
from app.services.workflow import jobs, worklist
from tests.drive import complete_named, drive, ready_tasks, sample_application
from tests.integration.test_change_decision_documents import _granted, _pdf
from tests.integration.test_decision_invariants import api_complete, codes, draft, to_draft
from tests.integration.test_documents import _actors, _decision_pdf, _issue
from tests.pdftext import pdf_text
from tests.web.test_web_defences import bearer, token

pytestmark = [pytest.mark.timeout(300), pytest.mark.embedded]

DUTY, UNDUE = "art. 109 ustawy o pomocy społecznej", "art. 104 ustawy o pomocy społecznej"


def _over_criterion() -> dict[str, object]:
    return sample_application(applicant={"pesel": "75011501233", "first_name": "Jan",
                                         "last_name": "Testowy", "net_income": "3000.00"})


def test_a_refusal_carries_no_notice_that_fits_only_a_grant(
    ctx: ServiceContext, caseworker: Actor, supervisor: Actor
) -> None:
    _, text = _issue(ctx, _actors(caseworker, supervisor), _over_criterion(),
                     decision_kind="refusal",
                     justification="Dochód strony przekracza kryterium dochodowe.")
    assert "Odmówić stronie" in text
    assert DUTY not in text and UNDUE not in text and "podlegają zwrotowi" not in text
    _, granted = _issue(ctx, _actors(caseworker, supervisor), sample_application(
        requested_amount="200.00", requested_until="2026-05-31"), justification="")
    assert DUTY in granted and UNDUE in granted


REFUSAL = {"decision_kind": "refusal", "amount": None, "period_from": None, "period_to": None,
           "justification": "Dochód strony przekracza kryterium dochodowe."}
NOTICE_LINE = "zawiadomienie o możliwości wypowiedzenia się z dnia"


def _refusal_drafted(ctx: ServiceContext, caseworker: Actor, supervisor: Actor) -> int:
    case_id = to_draft(ctx, caseworker, supervisor)
    complete_named(ctx, case_id, "draft_decision", caseworker, {**draft(), **REFUSAL})
    assert [t.name for t in ready_tasks(ctx, case_id)] == ["art10_notice"]
    return case_id


def _task_context(ctx: ServiceContext, actor: Actor, case_id: int, name: str) -> dict[str, Any]:
    task = next(t for t in ready_tasks(ctx, case_id) if t.name == name)
    return dict(worklist.get_task(ctx, actor, task.id)["context"])


def _kinds(ctx: ServiceContext, actor: Actor, case_id: int) -> list[str]:
    return [d["kind"] for d in case_view.get_case(ctx, actor, case_id)["documents"]]


def _issued_decision_text(ctx: ServiceContext, actor: Actor, case_id: int) -> str:
    jobs.run_pending_inline(ctx)
    return " ".join(pdf_text(_decision_pdf(ctx, actor, case_id)).split())


def test_the_art10_task_uses_the_notice_issued_from_the_case_file_and_the_refusal_lists_it_once(
    ctx: ServiceContext, caseworker: Actor, supervisor: Actor
) -> None:
    case_id = _refusal_drafted(ctx, caseworker, supervisor)
    assert _task_context(ctx, caseworker, case_id, "art10_notice")["evidence_notice"] == {
        "issued": False}
    letters.issue_letter(ctx, caseworker, case_id, "evidence_notice",
                         {"unmet": "dochód przekracza kryterium", "days": 7})
    told = _task_context(ctx, caseworker, case_id, "art10_notice")["evidence_notice"]
    assert told["issued"] is True and told["issued_on"] == "2026-03-02"
    # A second notice from the case file is refused, with a code.
    with pytest.raises(ValidationFailed) as err:
        letters.issue_letter(ctx, caseworker, case_id, "evidence_notice",
                             {"unmet": "dochód przekracza kryterium", "days": 7})
    assert err.value.message.code is Code.LETTER_ALREADY_ISSUED
    assert err.value.errors["kind"].code is Code.LETTER_ALREADY_ISSUED_ON
    complete_named(ctx, case_id, "art10_notice", caseworker)
    complete_named(ctx, case_id, "party_comments", caseworker)
    assert _kinds(ctx, caseworker, case_id) == ["evidence_notice"]
    complete_named(ctx, case_id, "approve_decision", supervisor)
    text = _issued_decision_text(ctx, caseworker, case_id)
    assert text.count(NOTICE_LINE) == 1, text


def test_without_a_notice_the_task_issues_one_and_says_so(
    ctx: ServiceContext, caseworker: Actor, supervisor: Actor
) -> None:
    case_id = _refusal_drafted(ctx, caseworker, supervisor)
    complete_named(ctx, case_id, "art10_notice", caseworker)
    assert _kinds(ctx, caseworker, case_id) == ["evidence_notice"]
    told = _task_context(ctx, caseworker, case_id, "party_comments")["evidence_notice"]
    assert told["issued"] is True


def test_a_refusal_answers_the_partys_comments(
    ctx: ServiceContext, caseworker: Actor, supervisor: Actor
) -> None:
    case_id = _refusal_drafted(ctx, caseworker, supervisor)
    complete_named(ctx, case_id, "art10_notice", caseworker)
    ctx.clock.advance(days=3)  # type: ignore[attr-defined]
    said = "Dochód z lutego był jednorazowy i nie powtórzy się."
    complete_named(ctx, case_id, "party_comments", caseworker, {
        "comments_made": True, "comments_received_on": "2026-03-04", "party_comments": said})
    # The party commented: the draft is made again, with the comments in view.
    assert [t.name for t in ready_tasks(ctx, case_id)] == ["draft_decision"]
    context = _task_context(ctx, caseworker, case_id, "draft_decision")
    assert context["party_comments"] == [{"on": "2026-03-04", "text": said}]
    with pytest.raises(RuleViolated) as err:
        complete_named(ctx, case_id, "draft_decision", caseworker, {**draft(), **REFUSAL})
    assert [v.code for v in err.value.violations] == ["comments_unanswered"]
    assert err.value.violations[0].field == "comments_answer"
    answer = "Dochód z umowy zlecenia strona osiąga co miesiąc, co potwierdza zaświadczenie."
    complete_named(ctx, case_id, "draft_decision", caseworker,
                   {**draft(), **REFUSAL, "comments_answer": answer})
    # One notice in the round: the new draft goes to approval, not to a second notice.
    assert [t.name for t in ready_tasks(ctx, case_id)] == ["approve_decision"]
    complete_named(ctx, case_id, "approve_decision", supervisor)
    text = _issued_decision_text(ctx, caseworker, case_id)
    assert said in text and answer in text and "art. 107 § 3" in text
    assert "wpłynęło dnia 4 marca 2026 r." in text
    assert _kinds(ctx, caseworker, case_id).count("evidence_notice") == 1


def test_every_date_of_the_notices_life_is_checked_against_the_others(
    ctx: ServiceContext, client: Any, caseworker: Actor, supervisor: Actor
) -> None:
    case_id = _refusal_drafted(ctx, caseworker, supervisor)
    letters.issue_letter(ctx, caseworker, case_id, "evidence_notice",
                         {"unmet": "dochód przekracza kryterium", "days": 7})  # 2 March
    ctx.clock.advance(days=5)  # type: ignore[attr-defined]  # 7 March
    for data, code, field in (
            ({"notice_served_on": "2026-03-01"}, "notice_delivery_before_issue",
             "notice_served_on"),
            ({"notice_sent_on": "2026-03-01", "notice_served_on": "2026-03-04"},
             "notice_sent_before_issue", "notice_sent_on"),
            ({"notice_sent_on": "2026-03-05", "notice_served_on": "2026-03-04"},
             "notice_delivery_before_sending", "notice_served_on"),
            ({"notice_served_on": "2026-03-09"}, "date_in_future", "notice_served_on"),
            ({"notice_sent_on": "2026-03-03", "notice_first_notice_on": "2026-03-02",
              "notice_served_on": "2026-03-05"}, "notice_first_notice_before_sending",
             "notice_first_notice_on"),
            ({"notice_first_notice_on": "2026-03-04", "notice_served_on": "2026-03-03"},
             "notice_delivery_before_first_notice", "notice_served_on")):
        res = api_complete(client, ctx, case_id, "art10_notice", "caseworker1",
                           {"comment_days": 7, **data})
        assert res.status_code == 422 and codes(res.get_json()) == [code], res.get_json()
        assert field in res.get_json()["fields"]
    res = api_complete(client, ctx, case_id, "art10_notice", "caseworker1",
                       {"comment_days": 7, "notice_sent_on": "2026-03-03",
                        "notice_served_on": "2026-03-05"})
    assert res.status_code == 200, res.get_json()
    res = api_complete(client, ctx, case_id, "party_comments", "caseworker1",
                       {"comments_made": True, "comments_received_on": "2026-03-01",
                        "party_comments": "Nie zgadzam się."})
    assert res.status_code == 422 and codes(res.get_json()) == ["comments_before_notice"]
    assert "art. 10 § 1" in res.get_json()["fields"]["comments_received_on"]


def test_the_supervisor_sees_the_comments_and_their_answer_and_the_api_refuses_a_second_notice(
    ctx: ServiceContext, client: Any, caseworker: Actor, supervisor: Actor
) -> None:
    case_id = _refusal_drafted(ctx, caseworker, supervisor)
    complete_named(ctx, case_id, "art10_notice", caseworker)
    complete_named(ctx, case_id, "party_comments", caseworker, {
        "comments_made": True, "comments_received_on": "2026-03-02", "party_comments": "Nie."})
    complete_named(ctx, case_id, "draft_decision", caseworker,
                   {**draft(), **REFUSAL, "comments_answer": "Organ nie podziela stanowiska."})
    context = _task_context(ctx, supervisor, case_id, "approve_decision")
    assert context["party_comments"] == [{"on": "2026-03-02", "text": "Nie."}]
    assert context["decision"]["comments_answer"] == "Organ nie podziela stanowiska."
    tok = token(client, "caseworker1")
    res = client.post(f"/api/cases/{case_id}/letters", headers=bearer(tok),
                      json={"kind": "evidence_notice", "facts": {"unmet": "x", "days": 7}})
    assert res.status_code == 422 and res.get_json()["code"] == "letter_already_issued"
    assert "2026-03-02" in res.get_json()["fields"]["kind"] \
        or "02.03.2026" in res.get_json()["fields"]["kind"]


def test_a_change_carries_both_notices_and_a_revocation_only_the_return_of_undue_benefits(
    ctx: ServiceContext, caseworker: Actor, supervisor: Actor
) -> None:
    actors = _actors(caseworker, supervisor)
    case_id, _ = _granted(ctx, actors)
    change_id = decision_changes.request_change(ctx, caseworker, case_id, {
        "kind": "change", "effective_from": "2026-04-01", "amount": "260.00",
        "ground": "income_change", "reason": "Strona utraciła dochód z umowy zlecenia."})
    drive(ctx, change_id, actors)
    changed = _pdf(ctx, caseworker, change_id)
    assert DUTY in changed and UNDUE in changed
    revocation_id = decision_changes.request_change(ctx, caseworker, case_id, {
        "kind": "revoke", "effective_from": "2026-05-01", "ground": "employment",
        "reason": "Strona podjęła zatrudnienie na umowę o pracę od 15 kwietnia 2026 r."})
    drive(ctx, revocation_id, actors)
    revoked = _pdf(ctx, caseworker, revocation_id)
    assert "Uchylić decyzję" in revoked
    assert UNDUE in revoked and DUTY not in revoked
