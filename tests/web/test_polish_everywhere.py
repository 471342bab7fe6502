"""Issue 15 part 1: a Polish user sees only Polish. Cases are driven through every task kind; each
task page is read while the task is open, then every page reachable by links is crawled as each
role with ``Accept-Language: pl``, and the payment files (XLSX, PDF) and the decision PDF are read.
The crawl fails on a word of an English stop-list in the visible text, and on a msgid a page asked
the catalog for that the catalog does not have (or has without a translation)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from app.domain.deadlines import today_in_warsaw
from app.services import payments
from app.services.cases import opening as cases
from app.services.kernel.context import Actor, ServiceContext
from app.services.workflow import jobs, worklist
from tests.drive import canned, lawful, ready_tasks, sample_application
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

from .test_pages import login

pytestmark = [pytest.mark.timeout(600), pytest.mark.embedded]

PL = {"Accept-Language": "pl"}
USERS = {"caseworker": "caseworker1", "supervisor": "supervisor", "admin": "admin"}

# Overrides that take a case down the paths a happy case skips (once per case each): a missing
# document, a refusal with the art. 10 notice and the party's comments, an appeal to the SKO.
DETOURS: dict[str, dict[str, Any]] = {
    "completeness_check": {"complete": False, "missing_items": "Zaświadczenie o dochodach."},
    "appeal_window": {"appeal_event": "appeal_filed"},
    "party_comments": {"comments_made": True},
}


def _drive_visiting(client: Any, ctx: ServiceContext, case_id: int, actors: dict[str, Actor],
                    found: Crawl, kinds: set[str], detour: bool) -> None:
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
        data = canned(ctx, ht.name)
        if detour and ht.name in DETOURS and ht.name not in used:
            data.update(DETOURS[ht.name])
            used.add(ht.name)
        worklist.complete(ctx, actors[ht.role], ht.id, lawful(ctx, actors[ht.role], ht, data),
                          ht.version)
    raise AssertionError(f"case {case_id} did not settle")


def _files(client: Any, ctx: ServiceContext, supervisor: Actor, found: Crawl) -> None:
    """The payment list's XLSX and cash-desk PDF, read for English words."""
    today = today_in_warsaw(ctx.now())
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


def test_every_page_file_and_message_is_polish(client: Any, ctx: ServiceContext, caseworker: Actor,
                                                supervisor: Actor, admin: Actor) -> None:
    actors = {"caseworker": caseworker, "supervisor": supervisor}
    found, kinds = Crawl(), set[str]()
    with recording_msgids() as msgids:
        first = cases.open_case(ctx, caseworker, sample_application())
        _drive_visiting(client, ctx, first, actors, found, kinds, detour=True)
        second = cases.open_case(ctx, caseworker, sample_application(
            applicant={"pesel": "75011501240", "first_name": "Anna", "last_name": "Próbna",
                       "net_income": "2600.00"}))
        _drive_visiting(client, ctx, second, actors, found, kinds, detour=False)
        _files(client, ctx, supervisor, found)
        for role, username in USERS.items():
            client.post("/logout")
            login(client, username)
            start = ["/", "/cases", "/team", "/payments", "/deadlines", "/changes", "/symulator",
                     f"/cases/{first}", f"/cases/{second}", f"/cases/{first}/recoveries",
                     f"/cases/{first}/letters", "/admin/", "/admin/definitions",
                     "/admin/definitions/edit", "/admin/users", "/admin/office",
                     "/admin/incidents"]
            crawl(client, role, start, found)
        # The decision documents of the cases, as PDFs.
        client.post("/logout")
        login(client, "caseworker1")
        for case_id in (first, second):
            page = client.get(f"/cases/{case_id}", headers=PL).get_data(as_text=True)
            for href in sorted(set(_document_links(page, case_id))):
                res = client.get(href, headers=PL)
                if res.status_code == 200 and res.mimetype == "application/pdf":
                    found.check(f"caseworker {href}", pdf_text(res.get_data()))
    assert len(msgids) > 300, len(msgids)  # the recorder saw the pages ask the catalog
    missing = untranslated(msgids)
    report = "\n".join(f"{where}: {sorted(set(words))}" for where, words in found.hits.items())
    assert not found.failed, found.failed
    assert {"completeness_check", "request_supplement", "conduct_interview", "draft_decision",
            "approve_decision", "record_delivery", "appeal_window", "handle_appeal"} <= kinds, kinds
    assert len(found.visited) > 40, sorted(found.visited)
    assert not missing, f"{len(missing)} msgids without an English entry: {missing[:40]}"
    assert not found.hits, f"{found.count()} English words on Polish pages:\n{report}"


def _document_links(page: str, case_id: int) -> list[str]:
    return re.findall(rf'href="(/cases/{case_id}/(?:documents|decision)/\d+)"', page)


def test_the_stop_list_reads_only_what_is_shown() -> None:
    page = ("<html><body><p title='Status approved'>Decyzja <b>zatwierdzona</b></p>"
            "<script>var the = 'error';</script><a href='/the/error' data-x='cannot'>Sprawa</a>"
            "<input type='submit' value='Rollback'><input name='x' value='income'></body></html>")
    assert stop_hits(visible_text(page)) == ["approved", "Rollback"]
    assert stop_hits("caseworker1 supervisor2 do to on we") == []


# Words a template may write outside the catalog: names and units that are the same in every
# language (the product, the language switch, PESEL, PDF, kB, zł, an id).
LITERAL_WORDS = {"Pomoc", "PL", "EN", "PESEL", "PDF", "kB", "zł", "id"}


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
