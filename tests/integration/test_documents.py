"""Issued documents: each decision a PDF with every element of art. 107 § 1 KPA; letters;
authorisations; rygor (art. 108); immutability, hashes, audited downloads and refusals."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import pytest
from sqlalchemy import select, text, update

from app.domain.messages import Code
from app.persistence.models import (
    AuditEvent,
    Decision,
    Document,
    DocumentImmutable,
    Job,
    SignerAuthorisation,
)
from app.services.case_file import view as case_view
from app.services.cases import opening as cases
from app.services.documents import document_store, letters
from app.services.documents.pdf import content_hash
from app.services.kernel.context import Actor, ServiceContext
from app.services.kernel.errors import Forbidden, ValidationFailed
from app.services.kernel.task_input import RuleViolated
from app.services.workflow import incidents, jobs, worklist
from tests.drive import canned, complete_named, drive, ready_tasks, sample_application
from tests.pdftext import pdf_text
from tests.web.test_pages import pesel

pytestmark = [pytest.mark.timeout(300), pytest.mark.embedded]


def _actors(caseworker: Actor, supervisor: Actor) -> dict[str, Actor]:
    return {"caseworker": caseworker, "supervisor": supervisor}


def _until_draft(ctx: ServiceContext, case_id: int, actors: dict[str, Actor]) -> dict[str, Any]:
    """Drive to the draft (the interview confirms the declared incomes); the draft's initial."""
    drive(ctx, case_id, actors, until=lambda ts: any(
        t.name in ("conduct_interview", "draft_decision") for t in ts))
    if any(t.name == "conduct_interview" for t in ready_tasks(ctx, case_id)):
        task = next(t for t in ready_tasks(ctx, case_id) if t.name == "conduct_interview")
        initial = worklist.get_task(ctx, actors["caseworker"], task.id)["context"]["initial"]
        complete_named(ctx, case_id, "conduct_interview", actors["caseworker"],
                       {**canned(ctx, "conduct_interview"), **initial})
    drive(ctx, case_id, actors, until=lambda ts: any(t.name == "draft_decision" for t in ts))
    task = next(t for t in ready_tasks(ctx, case_id) if t.name == "draft_decision")
    return dict(worklist.get_task(ctx, actors["caseworker"], task.id)["context"]["initial"])


def _draft(ctx: ServiceContext, case_id: int, actors: dict[str, Actor], **draft: Any) -> None:
    initial = _until_draft(ctx, case_id, actors)
    complete_named(ctx, case_id, "draft_decision", actors["caseworker"],
                   {**canned(ctx, "draft_decision"), **initial, **draft})


def _issue(ctx: ServiceContext, actors: dict[str, Actor], payload: dict[str, Any],
           **draft: Any) -> tuple[int, str]:
    """Open, draft, approve and issue; the decision PDF's text with whitespace collapsed."""
    case_id = cases.open_case(ctx, actors["caseworker"], payload)
    _draft(ctx, case_id, actors, **draft)
    if any(t.name == "art10_notice" for t in ready_tasks(ctx, case_id)):
        # A refusal or partial grant: the party is told first and may comment (art. 10 § 1).
        complete_named(ctx, case_id, "art10_notice", actors["caseworker"])
        complete_named(ctx, case_id, "party_comments", actors["caseworker"])
    complete_named(ctx, case_id, "approve_decision", actors["supervisor"])
    jobs.run_pending_inline(ctx)
    return case_id, " ".join(pdf_text(_decision_pdf(ctx, actors["caseworker"], case_id)).split())


def _decision_pdf(ctx: ServiceContext, actor: Actor, case_id: int) -> bytes:
    docs = case_view.get_case(ctx, actor, case_id)["documents"]
    doc = next(d for d in docs if d["kind"] == "decision")
    content, _ = document_store.download(ctx, actor, case_id, doc["id"])
    return content


def _common(text: str, act_citation: str, auth_number: str) -> None:
    """The elements every decision carries (art. 107 § 1 KPA)."""
    assert "Burmistrz Gminy Krzeszowice" in text  # the body
    assert "Ośrodek Pomocy Społecznej w Krzeszowicach" in text
    assert "ul. Krakowska 8, 32-065 Krzeszowice" in text  # the centre's address
    assert "Krzeszowice, dnia 2 marca 2026 r." in text  # the date
    assert re.search(r"DECYZJA nr DEC/2026/\d{5}", text)  # the number
    assert "ul. Testowa 1, 32-065 Krzeszowice" in text  # the party's declared address
    assert act_citation in text and "Dz.U. z 2024 r. poz. 572" in text  # legal basis
    assert "art. 104" in text and "orzekam:" in text
    assert "odwołanie do Samorządowego Kolegium Odwoławczego w Krakowie (ul. Basztowa 22" in text
    assert "za pośrednictwem Burmistrza Gminy Krzeszowice" in text
    assert "14 dni od dnia doręczenia decyzji" in text and "art. 127a" in text  # appeal, waiver
    assert "z upoważnienia Burmistrza Gminy Krzeszowice" in text  # the authorised signer
    assert "Maria Wiśniewska" in text and "Kierownik Ośrodka Pomocy Społecznej" in text
    assert f"upoważnienie nr {auth_number} z dnia 2 stycznia 2024 r." in text
    for engine_text in ("Przyjęta wykładnia", "przyjęta wykładnia", "proponowana kwota",
                        "Pan/Pani", "Wynik:", "proponuje się", " r..", "zł.."):
        assert engine_text not in text, engine_text


def test_a_full_grant_carries_every_element_and_may_omit_the_justification(
    ctx: ServiceContext, caseworker: Actor, supervisor: Actor
) -> None:
    # Art. 107 § 4 KPA: zasiłek okresowy leaves amount and period to the centre, so only a
    # grant of the request the party recorded (amount and period) is a full grant.
    _, text = _issue(ctx, _actors(caseworker, supervisor), sample_application(
        requested_amount="200.00", requested_until="2026-05-31"), justification="")
    _common(text, "Dz.U. z 2024 r. poz. 1283 ze zm.", "OR.0052.12.2024")
    assert "Pan Jan Testowy" in text and "stronie: Jan Testowy (PESEL 75011501233)" in text
    assert re.search(r"zasiłek okresowy w wysokości [\d,]+ zł miesięcznie na okres od 1 marca "
                     r"2026 r\. do 31 maja 2026 r\.", text)
    assert "przelewem na rachunek bankowy strony nr PL61 1090 1014 0000 0712 1981 2874" in text
    assert "do 10. dnia każdego miesiąca" in text
    assert "art. 107 § 4" in text  # full grant: the justification is omitted, never blank
    assert "art. 109 ustawy o pomocy społecznej" in text and "art. 98" in text
    assert "W pozostałej części" not in text and "rygor" not in text


def test_a_partial_grant_refuses_the_rest_and_justifies_the_discretionary_amount(
    ctx: ServiceContext, caseworker: Actor, supervisor: Actor
) -> None:
    _, text = _issue(
        ctx, _actors(caseworker, supervisor), sample_application(), decision_kind="partial",
        amount="400.00", amount_reason="Strona ma zapewnione posiłki w ramach programu osłonowego.",
        justification="Strona wnosiła o zasiłek w wyższej kwocie.")
    _common(text, "Dz.U. z 2024 r. poz. 1283 ze zm.", "OR.0052.12.2024")
    assert "400,00 zł miesięcznie" in text
    assert "W pozostałej części odmówić przyznania zasiłku okresowego." in text
    assert "Wniosek strony wpłynął do organu dnia 2 marca 2026 r." in text  # the facts
    assert "Organ ustalił stan faktyczny na podstawie następujących dowodów" in text
    assert "wniosek strony z dnia 2 marca 2026 r." in text
    assert "rodzinny wywiad środowiskowy przeprowadzony dnia 2 marca 2026 r." in text
    assert "art. 107 § 3" in text and "programu osłonowego" in text  # discretion's reasons
    assert "Strona wnosiła o zasiłek w wyższej kwocie." in text
    assert "Ustalenia i wyliczenie" in text and "Jan Testowy" in text
    assert "art. 107 § 4" not in text


def test_a_refusal_names_the_conditions_not_met(
    ctx: ServiceContext, caseworker: Actor, supervisor: Actor
) -> None:
    payload = sample_application(applicant={"pesel": "75011501233", "first_name": "Jan",
                                            "last_name": "Testowy", "net_income": "3000.00"})
    _, text = _issue(ctx, _actors(caseworker, supervisor), payload, decision_kind="refusal",
                     justification="Dochód strony przekracza kryterium dochodowe.")
    _common(text, "Dz.U. z 2024 r. poz. 1283 ze zm.", "OR.0052.12.2024")
    assert "Odmówić stronie: Jan Testowy (PESEL 75011501233) przyznania zasiłku okresowego." \
        in text
    assert "Nie zostały spełnione następujące warunki" in text
    assert "warunek nie jest spełniony" in text
    assert "warunki przyznania są spełnione" not in text and "miesięcznie na okres" not in text
    assert "Dochód strony przekracza kryterium dochodowe." in text


def test_a_one_off_benefit_is_paid_once_not_monthly(
    ctx: ServiceContext, caseworker: Actor, supervisor: Actor
) -> None:
    payload = sample_application(
        benefit="specjalny_zasilek_celowy", bank_account=None,
        applicant={"pesel": "75011501233", "first_name": "Jan", "last_name": "Testowy",
                   "net_income": "1500.00"})
    _, text = _issue(ctx, _actors(caseworker, supervisor), payload, decision_kind="grant",
                     amount="500.00", period_to=None, purpose="zakup opału na zimę",
                     amount_reason="Koszt opału na okres grzewczy według przedstawionej oferty.")
    _common(text, "Dz.U. z 2024 r. poz. 1283 ze zm.", "OR.0052.12.2024")
    assert "specjalny zasiłek celowy w wysokości 500,00 zł jednorazowo, na: zakup opału na zimę." \
        in text
    assert "miesięcznie" not in text.split("Uzasadnienie")[0]
    assert "Zasiłek zostanie wypłacony dnia 2 marca 2026 r. w kasie Ośrodka" in text


def test_zasilek_rodzinny_prints_the_amount_per_child(
    ctx: ServiceContext, caseworker: Actor, supervisor: Actor
) -> None:
    payload = {
        "applicant": {"pesel": pesel("8502150124"), "first_name": "Ewa", "last_name": "Rodzic",
                      "net_income": "900.00"},
        "members": [
            {"pesel": pesel("2323030123"), "first_name": "Ola", "last_name": "Rodzic",
             "relation": "child"},  # born 3 Mar 2023: 95 zł
            {"pesel": pesel("1823030123"), "first_name": "Jaś", "last_name": "Rodzic",
             "relation": "child"},  # born 3 Mar 2018: 124 zł
        ],
        "benefit": "zasilek_rodzinny", "reason": "macierzynstwo",
        "address": "ul. Testowa 1, 32-065 Krzeszowice",
    }
    _, text = _issue(ctx, _actors(caseworker, supervisor), payload)
    _common(text, "Dz.U. z 2024 r. poz. 323 ze zm.", "OR.0052.13.2024")
    assert "Pani Ewa Rodzic" in text and "zasiłek rodzinny w wysokości 219,00 zł miesięcznie" in text
    assert "na dzieci: Ola Rodzic – 95,00 zł miesięcznie; Jaś Rodzic – 124,00 zł miesięcznie" \
        in text
    assert "art. 20 ust. 1 ustawy o świadczeniach rodzinnych" in text
    assert "art. 30 ustawy o świadczeniach rodzinnych" in text and "art. 25" in text


def test_fa_names_the_entitled_child(
    ctx: ServiceContext, caseworker: Actor, supervisor: Actor
) -> None:
    payload = {
        "applicant": {"pesel": pesel("8502150123"), "first_name": "Ewa", "last_name": "Matka",
                      "net_income": "900.00"},
        "members": [{"pesel": pesel("1223050123"), "first_name": "Ola", "last_name": "Matka",
                     "relation": "child", "alimony_awarded": "600.00"}],
        "benefit": "fundusz_alimentacyjny", "reason": "macierzynstwo",
        "address": "ul. Testowa 1, 32-065 Krzeszowice",
    }
    _, text = _issue(ctx, _actors(caseworker, supervisor), payload)
    _common(text, "o pomocy osobom uprawnionym do alimentów", "OR.0052.14.2024")
    assert "na rzecz osoby uprawnionej: Ola Matka" in text and "600,00 zł miesięcznie" in text
    assert "art. 23 ustawy o pomocy osobom uprawnionym do alimentów" in text


def test_rygor_needs_its_justification_and_is_printed_with_it(
    ctx: ServiceContext, caseworker: Actor, supervisor: Actor
) -> None:
    actors = _actors(caseworker, supervisor)
    case_id = cases.open_case(ctx, caseworker, sample_application())
    initial = _until_draft(ctx, case_id, actors)
    task = next(t for t in ready_tasks(ctx, case_id) if t.name == "draft_decision")
    data = {**canned(ctx, "draft_decision"), **initial, "immediate_enforcement": True,
            "immediate_enforcement_reason": "   "}
    with pytest.raises(RuleViolated) as err:
        worklist.complete(ctx, caseworker, task.id, data, task.version)
    assert [v.code for v in err.value.violations] == ["enforcement_reason_required"]
    assert "immediate_enforcement_reason" in err.value.errors
    reason = "Strona pozostaje bez środków na zakup leków i żywności."
    worklist.complete(ctx, caseworker, task.id, {**data, "immediate_enforcement_reason": reason},
                      task.version)
    complete_named(ctx, case_id, "approve_decision", supervisor)
    jobs.run_pending_inline(ctx)
    text = " ".join(pdf_text(_decision_pdf(ctx, caseworker, case_id)).split())
    assert "Decyzji nadaje się rygor natychmiastowej wykonalności" in text
    assert "art. 104 i art. 108 § 1" in text and reason in text
    assert "podlega wykonaniu mimo wniesienia odwołania" in text
    assert "art. 107 § 4" not in text  # rygor is always justified


@pytest.fixture
def no_ups_authorisation(ctx: ServiceContext) -> Any:
    """The supervisor's u.p.s. authorisation revoked for the test (restored after it)."""
    with ctx.db.engine.begin() as conn:
        conn.execute(update(SignerAuthorisation).where(SignerAuthorisation.act == "ups")
                     .values(revoked_on=date(2025, 1, 1)))
    yield
    with ctx.db.engine.begin() as conn:
        conn.execute(update(SignerAuthorisation).where(SignerAuthorisation.act == "ups")
                     .values(revoked_on=None))


def test_a_supervisor_without_an_authorisation_cannot_approve(
    ctx: ServiceContext, caseworker: Actor, supervisor: Actor, no_ups_authorisation: None
) -> None:
    """The signer acts under an authorisation (art. 110 ust. 7-8 u.p.s.): one who holds none
    today is refused at approval, with the reason on the field, and the draft stays a draft."""
    actors = _actors(caseworker, supervisor)
    case_id = cases.open_case(ctx, caseworker, sample_application())
    _draft(ctx, case_id, actors)
    with pytest.raises(ValidationFailed) as refused:
        complete_named(ctx, case_id, "approve_decision", supervisor)
    assert refused.value.errors["approval"].code == Code.SIGNER_UNAUTHORISED
    assert case_view.get_case(ctx, caseworker, case_id)["decision"]["status"] == "draft"
    assert any(t.name == "approve_decision" for t in ready_tasks(ctx, case_id))


@pytest.fixture
def restores_authorisations(ctx: ServiceContext) -> Any:
    """Whatever the test revokes is restored after it (the demo authorisations are kept)."""
    yield
    with ctx.db.engine.begin() as conn:
        conn.execute(update(SignerAuthorisation).values(revoked_on=None))


def test_an_authorisation_revoked_before_the_issue_fails_it_visibly_then_it_is_retried(
    ctx: ServiceContext, caseworker: Actor, supervisor: Actor, restores_authorisations: None
) -> None:
    actors = _actors(caseworker, supervisor)
    case_id = cases.open_case(ctx, caseworker, sample_application())
    _draft(ctx, case_id, actors)
    complete_named(ctx, case_id, "approve_decision", supervisor)
    with ctx.db.engine.begin() as conn:  # revoked after the approval, before the document
        conn.execute(update(SignerAuthorisation).where(SignerAuthorisation.act == "ups")
                     .values(revoked_on=date(2025, 1, 1)))
    with ctx.uow(readonly=True) as uow:
        job_id = uow.session.scalar(select(Job.id).where(
            Job.case_id == case_id, Job.operation == "decision_document"))
    assert job_id is not None
    with pytest.raises(Exception) as err:
        jobs.run_job(ctx, job_id)
    assert "holds no authorisation under art. 110 ust. 7 i 8" in str(err.value)
    # Retrying cannot help until someone acts: failed at once, and listed as an incident.
    jobs.record_failure(ctx, job_id, err.value)
    assert jobs.is_failed(ctx, job_id)
    listed = [i for i in incidents.list_incidents(ctx, supervisor) if i["case_id"] == case_id]
    assert listed and listed[0]["reason"] == "job_failed"
    assert "holds no authorisation" in listed[0]["detail"]
    case = case_view.get_case(ctx, caseworker, case_id)
    assert case["documents"] == [] and case["decision"]["status"] == "approved"
    with ctx.db.engine.begin() as conn:  # the administrator records the authorisation
        conn.execute(update(SignerAuthorisation).values(revoked_on=None))
    assert incidents.retry(ctx, supervisor, listed[0]["instance_id"])["resolved"]
    assert [d["kind"] for d in case_view.get_case(ctx, caseworker, case_id)["documents"]] == \
        ["decision"]


def test_a_transient_failure_is_retried(
    ctx: ServiceContext, caseworker: Actor, supervisor: Actor, monkeypatch: Any
) -> None:
    actors = _actors(caseworker, supervisor)
    case_id = cases.open_case(ctx, caseworker, sample_application())
    _draft(ctx, case_id, actors)
    complete_named(ctx, case_id, "approve_decision", supervisor)
    with ctx.uow(readonly=True) as uow:
        job_id = uow.session.scalar(select(Job.id).where(Job.operation == "decision_document"))
    assert job_id is not None
    real = document_store.render_pdf

    def broken(html: str) -> bytes:
        raise OSError("font cache busy")

    monkeypatch.setattr(document_store, "render_pdf", broken)
    with pytest.raises(OSError) as err:
        jobs.run_job(ctx, job_id)
    assert jobs.record_failure(ctx, job_id, err.value) == 1
    assert not jobs.is_failed(ctx, job_id)  # pending: the worker retries it
    monkeypatch.setattr(document_store, "render_pdf", real)
    assert jobs.run_job(ctx, job_id) == "done"


def test_documents_are_hashed_audited_and_never_changed(
    ctx: ServiceContext, caseworker: Actor, supervisor: Actor, admin: Actor
) -> None:
    case_id, _ = _issue(ctx, _actors(caseworker, supervisor), sample_application())
    doc = case_view.get_case(ctx, caseworker, case_id)["documents"][0]
    assert set(doc) >= {"id", "kind", "title", "created_at", "sha256", "url"}
    assert doc["url"] == f"/api/cases/{case_id}/documents/{doc['id']}"
    content, name = document_store.download(ctx, supervisor, case_id, doc["id"])
    assert content.startswith(b"%PDF") and content_hash(content) == doc["sha256"]
    assert name.endswith(".pdf") and doc["title"].startswith("Decyzja nr DEC/2026/")
    with ctx.uow(readonly=True) as uow:
        actions = list(uow.session.scalars(select(AuditEvent.action).where(
            AuditEvent.case_id == case_id, AuditEvent.action.like("document.%"))))
    # Issued once; downloaded by _issue and just now.
    assert actions == ["document.issued", "document.downloaded", "document.downloaded"]
    with pytest.raises(Forbidden):
        document_store.download(ctx, admin, case_id, doc["id"])
    # No update path: the ORM refuses, and so does the database.
    with ctx.uow() as uow:
        row = uow.session.get(Document, doc["id"])
        assert row is not None
        row.content = b"%PDF-forged"
        with pytest.raises(DocumentImmutable):
            uow.session.flush()
    with pytest.raises(Exception, match="cannot be changed"), ctx.db.engine.begin() as conn:
        conn.execute(text("UPDATE documents SET sha256 = 'x' WHERE id = :id"), {"id": doc["id"]})
    content_after, _ = document_store.download(ctx, caseworker, case_id, doc["id"])
    assert content_after == content
    # The HTML the PDF was made from stays readable beside it.
    with ctx.uow(readonly=True) as uow:
        html = uow.session.scalar(select(Decision.document_html).where(Decision.case_id == case_id))
    assert html and "z upoważnienia" in html


def test_letters_are_issued_validated_and_stored(
    ctx: ServiceContext, caseworker: Actor, supervisor: Actor
) -> None:
    case_id = cases.open_case(ctx, caseworker, sample_application())
    call = letters.issue_letter(ctx, caseworker, case_id, "supplement_call",
                                {"items": "zaświadczenie o dochodach z lutego 2026 r.", "days": 7})
    notice = letters.issue_letter(ctx, caseworker, case_id, "evidence_notice",
                                  {"unmet": "dochód przekracza kryterium", "days": "7"})
    delay = letters.issue_letter(ctx, caseworker, case_id, "delay_notice",
                                 {"reason": "oczekiwanie na zaświadczenie z ZUS",
                                  "new_date": "2026-04-30"})
    texts = {}
    for doc in (call, notice, delay):
        content, _ = document_store.download(ctx, caseworker, case_id, doc["id"])
        texts[doc["kind"]] = " ".join(pdf_text(content).split())
    assert "art. 64 § 2" in texts["supplement_call"] and "7 dni" in texts["supplement_call"]
    assert "pozostawienie wniosku bez rozpoznania" in texts["supplement_call"]
    assert "zaświadczenie o dochodach z lutego 2026 r." in texts["supplement_call"]
    assert "art. 10 § 1" in texts["evidence_notice"] and "art. 79a" in texts["evidence_notice"]
    assert "dochód przekracza kryterium" in texts["evidence_notice"]
    assert "30 kwietnia 2026 r." in texts["delay_notice"] and "art. 37" in texts["delay_notice"]
    assert "oczekiwanie na zaświadczenie z ZUS" in texts["delay_notice"]
    bad = [("supplement_call", {"items": "x", "days": 6}, "days"),
           ("supplement_call", {"items": "", "days": 7}, "items"),
           ("supplement_call", {"items": "x", "days": "7; DROP"}, "days"),
           ("delay_notice", {"reason": "x", "new_date": "2026-03-02"}, "new_date"),
           ("delay_notice", {"reason": "x", "new_date": "30.04.2026"}, "new_date"),
           ("sko_forward", {"appeal_filed_on": "2026-03-01", "appeal_received_on": "2026-03-02"},
            "kind"),  # no decision issued yet
           ("nonsense", {}, "kind")]
    for kind, facts, field in bad:
        with pytest.raises(ValidationFailed) as err:
            letters.issue_letter(ctx, caseworker, case_id, kind, facts)
        assert field in err.value.errors, (kind, facts, err.value.errors)
    assert len(case_view.get_case(ctx, caseworker, case_id)["documents"]) == 3


def test_the_sko_cover_letter_names_the_decision_and_the_appeal(
    ctx: ServiceContext, caseworker: Actor, supervisor: Actor
) -> None:
    case_id, _ = _issue(ctx, _actors(caseworker, supervisor), sample_application())
    with pytest.raises(ValidationFailed) as err:
        letters.issue_letter(ctx, caseworker, case_id, "sko_forward",
                             {"appeal_filed_on": "2026-03-02", "appeal_received_on": "2026-03-01"})
    assert "appeal_received_on" in err.value.errors
    doc = letters.issue_letter(ctx, caseworker, case_id, "sko_forward",
                               {"appeal_filed_on": "2026-03-02", "appeal_received_on": "2026-03-02",
                                "enclosures": "pełnomocnictwo"})
    content, _ = document_store.download(ctx, caseworker, case_id, doc["id"])
    body = " ".join(pdf_text(content).split())
    assert "Samorządowe Kolegium Odwoławcze w Krakowie" in body and "art. 133" in body
    assert re.search(r"od decyzji nr DEC/2026/\d{5} z dnia 2 marca 2026 r\.", body)
    assert "pełnomocnictwo" in body and "akta sprawy" in body


def test_completing_the_request_to_supplement_issues_the_call(
    ctx: ServiceContext, caseworker: Actor, supervisor: Actor
) -> None:
    from app.services.cases.task_actions import ACTIONS

    class _Task:
        case_id = 0

    case_id = cases.open_case(ctx, caseworker, sample_application())
    task = _Task()
    task.case_id = case_id
    with ctx.uow() as uow:
        ACTIONS["request_supplement"].hook(uow, caseworker, None, task,  # type: ignore[arg-type]
                                           canned(ctx, "request_supplement"))
        uow.commit()
    docs = case_view.get_case(ctx, caseworker, case_id)["documents"]
    assert [d["kind"] for d in docs] == ["supplement_call"]
