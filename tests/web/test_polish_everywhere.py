"""Issue 15 part 1: a Polish user sees only Polish. Cases are driven through every task kind; each
task page is read while the task is open, then every page reachable by links is crawled as each
role with ``Accept-Language: pl``, and the payment files (XLSX, PDF) and the decision PDF are read.
The crawl fails on a word of an English stop-list in the visible text, and on a msgid a page asked
the catalog for that the catalog does not have (or has without a translation)."""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from app.domain.deadlines import today_in_warsaw
from app.persistence.models import Document
from app.services import payments
from app.services.cases import opening as cases
from app.services.debtors import ledger as debtor_ledger
from app.services.debtors import procedures as debtor_procedures
from app.services.documents import letters
from app.services.kernel.context import Actor, ServiceContext
from app.services.kernel.errors import ValidationFailed
from app.services.workflow import jobs, timers, worklist
from tests.drive import canned, complete_named, lawful, ready_tasks, sample_application
from tests.payment_data import grant
from tests.pdftext import pdf_text
from tests.polish_crawl import (
    Crawl,
    crawl,
    recording_msgids,
    stop_hits,
    untranslated,
    visible_text,
    xlsx_text,
)
from tests.recovery_data import ACCOUNT, make_case
from tests.social_work_data import family_with_case

from .test_pages import login, pesel

pytestmark = [pytest.mark.timeout(600), pytest.mark.embedded]

PL = {"Accept-Language": "pl"}
USERS = {"caseworker": "caseworker1", "supervisor": "supervisor", "admin": "admin"}

# Overrides that take a case down the paths a happy case skips (once per case each): a missing
# document and an appeal to the SKO; an income above the criterion, so a refusal with the art. 10
# notice and the party's comments.
DETOURS: dict[str, dict[str, Any]] = {
    "completeness_check": {"complete": False, "missing_items": "Zaświadczenie o dochodach."},
    "appeal_window": {"appeal_event": "appeal_filed"},
}
REFUSAL: dict[str, dict[str, Any]] = {
    "conduct_interview": {"verified_incomes": [{"member_index": 0, "net_income": "2600.00"}]},
    # Above the criterion zasiłek okresowy may still be granted as returnable aid (art. 41
    # pkt 2 u.p.s., which the draft proposes); the centre refuses it here.
    "draft_decision": {"decision_kind": "refusal", "amount": None, "period_from": None,
                       "period_to": None, "return_kind": "none", "return_instalments": None,
                       "return_first_due": None,
                       "justification": "Dochód strony przekracza kryterium dochodowe."},
    "party_comments": {"comments_made": True, "party_comments": "Proszę o ponowne przeliczenie."},
}


def _drive_visiting(client: Any, ctx: ServiceContext, case_id: int, actors: dict[str, Actor],
                    found: Crawl, kinds: set[str], detours: dict[str, dict[str, Any]]) -> None:
    """Complete the case's tasks, reading each task page (as its role) before completing it."""
    used: set[str] = set()
    current = None
    for _ in range(60):
        jobs.run_pending_inline(ctx)
        tasks = ready_tasks(ctx, case_id)
        if not tasks:
            return
        ht = tasks[0]
        if current != ht.role:
            client.post("/logout")
            login(client, USERS[ht.role])
            current = ht.role
        res = client.get(f"/tasks/{ht.id}", headers=PL)
        assert res.status_code == 200, (ht.name, res.status_code)
        found.visited.add(f"{ht.role} /tasks/{ht.id} ({ht.name})")
        found.check(f"{ht.role} task {ht.name}", visible_text(res.get_data(as_text=True)))
        kinds.add(ht.name)
        data = lawful(ctx, actors[ht.role], ht, canned(ctx, ht.name))
        if ht.name == "draft_decision" and not data.get("justification"):
            data["justification"] = "Uzasadnienie decyzji w sprawie."
        if ht.name == "draft_decision" and "party_comments" in used:  # art. 107 § 3 KPA
            data["comments_answer"] = "Organ rozważył wypowiedź strony i jej nie podziela."
        if ht.name in detours and ht.name not in used:
            data.update(detours[ht.name])
            if data.get("comments_made"):
                data["comments_received_on"] = today_in_warsaw(ctx.now()).isoformat()
            used.add(ht.name)
        _complete(ctx, actors[ht.role], ht, data, found)
    raise AssertionError(f"case {case_id} did not settle")


def _complete(ctx: ServiceContext, actor: Actor, ht: Any, data: dict[str, Any], found: Crawl) -> None:
    """Complete the task, noting its form as completed."""
    try:
        worklist.complete(ctx, actor, ht.id, data, ht.version)
    except ValidationFailed as exc:
        raise AssertionError(f"{ht.name}: {exc.errors}") from exc
    found.forms.add(ht.form)


def _visit_ready(client: Any, ctx: ServiceContext, case_id: int, found: Crawl, kinds: set[str],
                 seen: set[int], actors: dict[str, Actor], complete: set[str]) -> None:
    """Read each ready task page of the case not read yet, as its role; complete the tasks
    named in ``complete`` (with canned data), so that their forms are completed too."""
    for ht in ready_tasks(ctx, case_id):
        if ht.id in seen:
            continue
        seen.add(ht.id)
        client.post("/logout")
        login(client, USERS[ht.role])
        res = client.get(f"/tasks/{ht.id}", headers=PL)
        assert res.status_code == 200, (ht.name, res.status_code)
        found.visited.add(f"{ht.role} /tasks/{ht.id} ({ht.name})")
        found.check(f"{ht.role} task {ht.name}", visible_text(res.get_data(as_text=True)))
        kinds.add(ht.name)
        if ht.name in complete:
            actor = actors[ht.role]
            _complete(ctx, actor, ht, lawful(ctx, actor, ht, canned(ctx, ht.name)), found)


def _debtors(client: Any, ctx: ServiceContext, actors: dict[str, Actor], found: Crawl,
             kinds: set[str]) -> list[int]:
    """Two FA debtor procedures (issue 16 part 3), every form of fa_debtor.bpmn completed: a
    debtor who refuses the oświadczenie (found evading, then every step after finality) and one
    who is unemployed and registers; a receipt recorded on the first."""
    received = (today_in_warsaw(ctx.now()) - timedelta(days=10)).isoformat()
    opened = []
    for n, detour in enumerate(({"debtor_interview": {"declaration_received": False}},
                                {"debtor_interview": {"employed": False}})):
        pid = debtor_procedures.open_procedure(ctx, actors["caseworker"], {
            "first_name": "Adam", "last_name": f"Dłużny{'ab'[n]}", "birth_date": "1980-01-01",
            "sex": "M", "address": "ul. Dalsza 2, 00-950 Warszawa",
            "creditor_gmina": "Gmina Wierzyciela", "debtor_gmina": "Gmina Dłużnika",
            "request_received_on": received})
        view = debtor_procedures.read_procedure(ctx, actors["caseworker"], pid)
        _drive_visiting(client, ctx, view.case_id, actors, found, kinds, detour)
        opened.append(pid)
    debtor_ledger.add_due(ctx, actors["caseworker"], opened[0],
                          {"paid_on": received, "amount": "500.00"})
    debtor_ledger.record_receipt(ctx, actors["caseworker"], opened[0],
                                 {"received_on": received, "amount": "100.00"})
    return opened


def _niebieska_karta(client: Any, ctx: ServiceContext, found: Crawl) -> int:
    """A Niebieska Karta procedure (issue 17 part 2) walked on its pages by the caseworker who
    starts it: form A, the hand-over, a meeting that meets again, forms, the plan, a meeting that
    closes, the closing; every form of niebieska_karta.bpmn completed."""
    _case, applicant, child = family_with_case(ctx)
    client.post("/logout")
    login(client, "caseworker1")
    day = today_in_warsaw(ctx.now()).strftime("%d.%m.%Y")
    later = (today_in_warsaw(ctx.now()) + timedelta(days=7)).strftime("%d.%m.%Y")
    res = client.post(f"/persons/{child}/niebieska-karta/new", headers=PL, data={
        "suspect_id": str(applicant), "started_on": day, "facts": "Awantura domowa.",
        "violence_kinds": ["psychological"], "affected_present": "on"})
    assert res.status_code == 302, visible_text(res.get_data(as_text=True))
    pid = int(res.headers["Location"].rsplit("/", 1)[-1])
    steps = (("handover", {"handover.handed_on": day}, "nk_handover"),
             ("meetings", {"meeting.met_on": day, "meeting.decision": "continue",
                           "meeting.next_meeting_on": later,
                           "meeting.attendees": "Anna Kowalska (OPS)"}, "nk_group_meeting"),
             ("forms", {"form.form": "C", "form.on": day}, None),
             ("plan", {"plan.on": day, "plan.plan": "Konsultacje."}, None),
             ("meetings", {"meeting.met_on": day, "meeting.decision": "close",
                           "meeting.attendees": "Anna Kowalska (OPS)"}, "nk_group_meeting"),
             ("close", {"closing.closed_on": day, "closing.ground": "violence_ended",
                        "closing.plan_realised": "on"}, "nk_closing"))
    for version, (path, data, form) in enumerate(steps, start=1):
        page = client.get(f"/niebieska-karta/{pid}", headers=PL)
        found.visited.add(f"caseworker /niebieska-karta/{pid}")
        found.check("caseworker niebieska karta", visible_text(page.get_data(as_text=True)))
        res = client.post(f"/niebieska-karta/{pid}/{path}", headers=PL,
                          data={"version": str(version), **data})
        assert res.status_code == 302, (path, visible_text(res.get_data(as_text=True)))
        if form:
            found.forms.add(form)
    return pid


def _escalations(client: Any, ctx: ServiceContext, clock: Any, actors: dict[str, Actor],
                 found: Crawl, kinds: set[str]) -> None:
    """The tasks the timers open: an overdue interview, a decision deadline near and past (each
    read, then completed)."""
    caseworker = actors["caseworker"]
    seen: set[int] = set()
    escalations = {"overdue_interview_escalation", "decision_deadline_warning",
                   "decision_deadline_escalation"}
    case_id = cases.open_case(ctx, caseworker, sample_application(
        urgent=True, applicant={"pesel": pesel("8001010101"), "first_name": "Ewa",
                                "last_name": "Terminowa", "net_income": "300.00"}))
    complete_named(ctx, case_id, "completeness_check", caseworker)
    clock.advance(days=4)
    timers.fire_due_timers(ctx)
    _visit_ready(client, ctx, case_id, found, kinds, seen, actors, escalations)
    complete_named(ctx, case_id, "conduct_interview", caseworker)
    jobs.run_pending_inline(ctx)
    for days in (24, 10):
        clock.advance(days=days)
        timers.fire_due_timers(ctx)
        _visit_ready(client, ctx, case_id, found, kinds, seen, actors, escalations)


def _recovery(client: Any, ctx: ServiceContext, found: Crawl) -> int:
    """An undue benefit with an approved recovery decision; its PDF is read. Returns the case."""
    rows = make_case(ctx)
    pid = rows.payments[0]
    client.post("/logout")
    login(client, "caseworker1")
    assert client.post(f"/cases/{rows.case_id}/recoveries", headers=PL, data={
        "payment": [str(pid)], f"amount_{pid}": "500.00", "ground": "unreported_change",
        "fact": "Strona nie zgłosiła podjęcia pracy."}).status_code == 302
    rid = client.get(f"/api/cases/{rows.case_id}/recoveries").get_json()["recoveries"][0]["id"]
    repay_by = (today_in_warsaw(ctx.now()) + timedelta(days=30)).isoformat()
    assert client.post(f"/recoveries/{rid}/decisions", headers=PL, data={
        "case_id": rows.case_id, "kind": "recovery", "justification": "Uzasadnienie decyzji",
        "repay_by": repay_by, "account": ACCOUNT}).status_code == 302
    did = client.get(f"/api/cases/{rows.case_id}/recoveries").get_json()[
        "recoveries"][0]["decisions"][0]["id"]
    client.post("/logout")
    login(client, "supervisor")
    assert client.post(f"/recovery-decisions/{did}/approve",
                       data={"case_id": rows.case_id}).status_code == 302
    pdf = client.get(f"/recovery-decisions/{did}.pdf", headers=PL)
    assert pdf.status_code == 200 and pdf.mimetype == "application/pdf"
    found.visited.add(f"supervisor /recovery-decisions/{did}.pdf (PDF)")
    found.check(f"supervisor /recovery-decisions/{did}.pdf", pdf_text(pdf.get_data()))
    return rows.case_id


def _files(client: Any, ctx: ServiceContext, supervisor: Actor, found: Crawl) -> None:
    """The payment list's XLSX and cash-desk PDF, read for English words."""
    today = today_in_warsaw(ctx.now())
    # A cash payment beside the cases' transfers: the list has both a bank file and a cash desk.
    grant(ctx, period_from=today.replace(day=1), account=None, name=("Adam", "Kasowy"),
          series="T/DEC")
    run = payments.monthly_payment_run(ctx, today.replace(day=1))
    assert run.get("list_id"), run
    payments.approve_list(ctx, supervisor, run["list_id"])
    client.post("/logout")
    login(client, "supervisor")
    res = client.post(f"/payments/{run['list_id']}/export/xlsx", headers=PL)
    assert res.status_code == 200, res.status_code
    found.check("supervisor payments.xlsx", xlsx_text(res.get_data()))
    res = client.post(f"/payments/{run['list_id']}/export/cash_pdf", headers=PL)
    assert res.status_code == 200, res.status_code
    found.check("supervisor cash.pdf", pdf_text(res.get_data()))


def _interview_update(client: Any, ctx: ServiceContext, clock: Any, actors: dict[str, Actor],
                      found: Crawl, kinds: set[str]) -> int:
    """A zasiłek stały granted, then the 6-monthly interview update its timer opens (the
    benefit_review process), read and completed. Returns the case."""
    case_id = cases.open_case(ctx, actors["caseworker"], sample_application(
        benefit="zasilek_staly", applicant={"pesel": "44021404441", "first_name": "Ewa",
                                            "last_name": "Stała", "net_income": "400.00",
                                            "unable_to_work": True}))
    _drive_visiting(client, ctx, case_id, actors, found, kinds, {})
    clock.advance(days=190)
    timers.fire_due_timers(ctx)
    assert [t.name for t in ready_tasks(ctx, case_id)] == ["interview_update"]
    _drive_visiting(client, ctx, case_id, actors, found, kinds, {})
    return case_id


def _letter_facts(ctx: ServiceContext) -> dict[str, dict[str, str]]:
    """What the letter page is typed with, for each kind of letter."""
    today = today_in_warsaw(ctx.now())
    return {
        "supplement_call": {"items": "Zaświadczenie o dochodach.", "days": "14"},
        "evidence_notice": {"unmet": "Dochód przekracza kryterium dochodowe.", "days": "7"},
        "delay_notice": {"reason": "Oczekiwanie na zaświadczenie z urzędu pracy.",
                         "new_date": (today + timedelta(days=30)).strftime("%d.%m.%Y")},
        "sko_forward": {"appeal_filed_on": today.strftime("%d.%m.%Y"),
                        "appeal_received_on": today.isoformat(), "enclosures": "Pełnomocnictwo."},
    }


def _letters(client: Any, ctx: ServiceContext, case_id: int, found: Crawl) -> None:
    """Every kind of letter issued from *Wystaw pismo* on the case file (a case with an issued
    decision, which the SKO cover letter needs), its form read, and each letter's PDF read."""
    client.post("/logout")
    login(client, "caseworker1")
    facts = _letter_facts(ctx)
    assert set(facts) == set(letters.LETTERS), "a new kind of letter needs its facts here"
    for kind, typed in facts.items():
        form = client.get(f"/cases/{case_id}/letters?kind={kind}", headers=PL)
        assert form.status_code == 200, (kind, form.status_code)
        found.visited.add(f"caseworker /cases/{case_id}/letters?kind={kind}")
        found.check(f"caseworker letter form {kind}", visible_text(form.get_data(as_text=True)))
        res = client.post(f"/cases/{case_id}/letters", headers=PL, data={"kind": kind, **typed})
        assert res.status_code == 302, (kind, visible_text(res.get_data(as_text=True)))
    with ctx.uow(readonly=True) as uow:
        issued = uow.session.execute(select(Document.id, Document.kind).where(
            Document.case_id == case_id, Document.kind.in_(list(letters.LETTERS)))).all()
    for doc_id, kind in issued:
        href = f"/cases/{case_id}/documents/{doc_id}"
        res = client.get(href, headers=PL)
        assert res.status_code == 200 and res.mimetype == "application/pdf", (kind, res.status_code)
        found.visited.add(f"caseworker {href} ({kind}, PDF)")
        found.check(f"caseworker letter {kind}", pdf_text(res.get_data()))
        found.letters.add(kind)


def test_every_page_file_and_message_is_polish(client: Any, ctx: ServiceContext, clock: Any,
                                                caseworker: Actor, supervisor: Actor) -> None:
    actors = {"caseworker": caseworker, "supervisor": supervisor}
    found, kinds = Crawl(), set[str]()
    with recording_msgids() as msgids:
        first = cases.open_case(ctx, caseworker, sample_application())
        _drive_visiting(client, ctx, first, actors, found, kinds, DETOURS)
        second = cases.open_case(ctx, caseworker, sample_application(
            applicant={"pesel": "75011501240", "first_name": "Anna", "last_name": "Próbna",
                       "net_income": "2600.00"}))
        _drive_visiting(client, ctx, second, actors, found, kinds, REFUSAL)
        _files(client, ctx, supervisor, found)
        recovered = _recovery(client, ctx, found)
        _escalations(client, ctx, clock, actors, found, kinds)
        reviewed = _interview_update(client, ctx, clock, actors, found, kinds)
        _letters(client, ctx, reviewed, found)
        debtors = _debtors(client, ctx, actors, found, kinds)
        nk = _niebieska_karta(client, ctx, found)
        for role, username in USERS.items():
            client.post("/logout")
            login(client, username)
            start = ["/", "/cases", "/team", "/payments", "/deadlines", "/changes", "/symulator",
                     f"/cases/{first}", f"/cases/{second}", f"/cases/{first}/recoveries",
                     f"/cases/{recovered}/recoveries", f"/cases/{recovered}",
                     f"/cases/{reviewed}",
                     f"/cases/{first}/letters", "/admin/", "/admin/definitions",
                     "/admin/definitions/edit", "/admin/users", "/admin/office",
                     "/admin/incidents", "/debtors", "/debtors/new",
                     *(f"/debtors/{pid}" for pid in debtors), "/niebieska-karta",
                     f"/niebieska-karta/{nk}"]
            crawl(client, role, start, found)
        # The decision documents of the cases, as PDFs.
        client.post("/logout")
        login(client, "caseworker1")
        for case_id in (first, second, reviewed):
            page = client.get(f"/cases/{case_id}", headers=PL).get_data(as_text=True)
            for href in sorted(set(_document_links(page, case_id))):
                res = client.get(href, headers=PL)
                if res.status_code == 200 and res.mimetype == "application/pdf":
                    found.visited.add(f"caseworker {href} (PDF)")
                    found.check(f"caseworker {href}", pdf_text(res.get_data()))
                elif res.status_code == 200 and res.mimetype == "text/html":
                    found.visited.add(f"caseworker {href}")
                    found.check(f"caseworker {href}", visible_text(res.get_data(as_text=True)))
    assert len(msgids) > 300, len(msgids)  # the recorder saw the pages ask the catalog
    missing = untranslated(msgids)
    report = "\n".join(f"{where}: {sorted(set(words))}" for where, words in found.hits.items())
    assert not found.failed, found.failed
    assert {"completeness_check", "request_supplement", "record_supplement", "conduct_interview",
            "draft_decision", "art10_notice", "party_comments", "approve_decision",
            "record_delivery", "appeal_window", "handle_appeal", "record_sko_outcome",
            "overdue_interview_escalation", "decision_deadline_warning",
            "decision_deadline_escalation", "interview_update"} <= kinds, kinds
    # Every task form is completed at least once: a new kind of task needs its path here.
    forms = {p.stem for p in (Path(__file__).resolve().parents[2] / "workflows/forms").glob("*.json")}
    assert forms <= found.forms, sorted(forms - found.forms)
    # Every kind of letter is issued from the letter page and its PDF read.
    assert found.letters == set(letters.LETTERS), found.letters
    assert len(found.visited) > 40, sorted(found.visited)
    assert any(v.endswith("(PDF)") for v in found.visited), sorted(found.visited)
    assert not missing, f"{len(missing)} msgids without an English entry: {missing[:40]}"
    assert not found.hits, f"{found.count()} English words on Polish pages:\n{report}"


def _document_links(page: str, case_id: int) -> list[str]:
    return re.findall(rf'href="(/cases/{case_id}/(?:documents|decision)/\d+)', page)


def test_the_stop_list_reads_only_what_is_shown() -> None:
    page = ("<html><body><p title='Status approved'>Decyzja <b>zatwierdzona</b></p>"
            "<script>var the = 'error';</script><a href='/the/error' data-x='cannot'>Sprawa</a>"
            "<input type='submit' value='Rollback'><input name='x' value='income'></body></html>")
    assert stop_hits(visible_text(page)) == ["approved", "Rollback"]
    assert stop_hits("caseworker1 supervisor2 do to on we") == []


# Words a template may write outside the catalog: names, units and citations that are the same in
# every language (the product, the language switch, PESEL, PDF, kB, zł, an id, "art. 133 KPA").
LITERAL_WORDS = {"Pomoc", "PL", "EN", "PESEL", "PDF", "kB", "zł", "id", "art", "KPA"}


def test_every_visible_text_of_a_template_is_a_catalog_msgid() -> None:
    """Every text a template writes between tags goes through ``_()`` (so it is in the catalog):
    what is left once the Jinja expressions, statements, scripts and comments are removed is only
    punctuation and the literal words above."""
    root = Path(__file__).resolve().parents[2] / "app/web/templates"
    strays = []
    for path in sorted(root.rglob("*.html")):
        source = re.sub(r"{#.*?#}|<script.*?</script>|<style.*?</style>"
                        r"|{%\s*block main_class\s*%}.*?{%\s*endblock\s*%}", "",  # CSS classes
                        path.read_text(encoding="utf-8"), flags=re.S)
        source = re.sub(r"{{.*?}}|{%.*?%}", " ", source, flags=re.S)
        for piece in re.sub(r"<[^>]*>", "\n", source).split("\n"):
            if "=" in piece:  # the rest of a tag a Jinja statement split
                continue
            strays += [f"{path.relative_to(root)}: {w}" for w in re.findall(r"[^\W\d_]{2,}", piece)
                       if w not in LITERAL_WORDS]
    assert not strays, strays
