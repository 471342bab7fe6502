"""Every page template, as each role that can see it, has 0 axe-core violations of any impact
(Debian chromium; axe-core read from node_modules, pinned in package.json).

The server records every template Flask renders; the test fails when a template under
app/web/templates is neither rendered by a visited page nor included by one, so a new page
cannot escape the check. The decision as issued (a stored document, not a Flask template) is
visited too."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from jinja2 import Environment, FileSystemLoader, meta

from app.services.case_file import view as case_view
from app.services.cases import opening as cases
from app.services.debtors import procedures as debtor_procedures
from app.services.definitions import definition_history
from app.services.definitions import deploy as definitions
from app.services.kernel.context import SYSTEM, Actor, ServiceContext
from app.services.niebieska_karta import procedures as nk_procedures
from app.services.social_work import contracts as social_contracts
from app.services.social_work import records as social_records
from app.services.workflow import jobs
from tests.drive import complete_named, drive, ready_tasks, sample_application
from tests.integration.conftest import purge_broker, stop_worker
from tests.live import start_server
from tests.nk_data import form_a
from tests.recovery_data import draft_list, make_case
from tests.social_work_data import contract_body, family_with_case
from tests.social_work_data import open_record as social_open

from .conftest import ROOT, SHOTS
from .test_case_in_browser import login

pytestmark = [pytest.mark.browser, pytest.mark.timeout(600)]

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
TEMPLATES = ROOT / "app" / "web" / "templates"
RUN_AXE = """async () => {
  const r = await axe.run(document, {resultTypes: ['violations']});
  return r.violations.map(v => ({id: v.id, impact: v.impact,
                                 nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}));
}"""


@pytest.fixture(scope="module")
def recording_server(test_config: dict[str, Any], instance_dir: Path,
                     session_ctx: Any) -> Iterator[tuple[str, Path]]:
    """gunicorn serving the app that logs each rendered template (no worker: the test only
    reads pages, its data is written at the service layer with jobs run inline)."""
    purge_broker(test_config)
    log = instance_dir / "templates-rendered.log"
    log.write_text("")
    server, url = start_server(test_config, instance_dir, workers=1, name="gunicorn-a11y",
                               target="tests.browser.recording_app:create()",
                               POMOC_TEMPLATE_LOG=str(log))
    yield url, log
    stop_worker(server)


def all_templates() -> set[str]:
    return {p.relative_to(TEMPLATES).as_posix() for p in TEMPLATES.rglob("*.html")}


def reached(rendered: set[str]) -> set[str]:
    """The rendered templates and every template they extend, include or import."""
    env = Environment(loader=FileSystemLoader(TEMPLATES), extensions=["jinja2.ext.i18n"])
    seen, todo = set(), list(rendered)
    while todo:
        name = todo.pop()
        if name in seen or not (TEMPLATES / name).exists():
            continue
        seen.add(name)
        source = (TEMPLATES / name).read_text(encoding="utf-8")
        todo.extend(n for n in meta.find_referenced_templates(env.parse(source)) if n)
    return seen


@dataclass
class Visit:
    """One page as one role: its path, the HTTP status expected, and what to do on it first."""

    path: str
    status: int = 200
    then: Callable[[Any], None] | None = None


@dataclass
class Findings:
    rows: list[tuple[str, str, list[str], list[dict[str, Any]]]] = field(default_factory=list)

    def per_template(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for _role, _path, templates, violations in self.rows:
            for t in templates or ["(stored document)"]:
                counts[t] = counts.get(t, 0) + len(violations)
        return counts


def _wait_for_editor(page: Any) -> None:
    page.wait_for_selector("#editor[data-open]")
    page.wait_for_selector("#form-preview *", state="attached")


def _submit_empty(page: Any) -> None:
    with page.expect_navigation():
        page.click("form button.primary[type=submit]")


def _submit(selector: str, fill: dict[str, str] | None = None) -> Callable[[Any], None]:
    """Fill some fields (or none) and submit: the page shown again with its errors."""
    def run(page: Any) -> None:
        for field_selector, value in (fill or {}).items():
            page.fill(field_selector, value)
        with page.expect_navigation():
            page.click(selector)
    return run


def _calculate(page: Any) -> None:
    """The symulator's results (or its errors), swapped in by htmx."""
    with page.expect_response(lambda r: r.url.endswith("/symulator") and r.request.method == "POST"):
        page.click("button[name=_action][value=calculate]")
    page.wait_for_load_state("networkidle")


def _dry_run(versions: tuple[int, int]) -> Callable[[Any], None]:
    """The migration's dry run of the test's cases to the second version (its result table)."""
    def run(page: Any) -> None:
        page.select_option("select[name=from_version]", str(versions[0]))
        page.select_option("select[name=to_version]", str(versions[1]))
        with page.expect_navigation():
            page.click("button[name=action][value=dry_run]")
        page.wait_for_selector("#migration")
    return run


def _set_up(ctx: ServiceContext, caseworker: Actor, supervisor: Actor, admin: Actor) -> dict[str, Any]:
    """Cases waiting at each kind of task, a decided case with its document, a case with paid
    payments (recoveries), a draft payment list and a second definition version (the diff)."""
    actors = {"caseworker": caseworker, "supervisor": supervisor}
    stops = ("completeness_check", "conduct_interview", "draft_decision", "approve_decision",
             "record_delivery")
    task_ids: list[tuple[int, str]] = []
    case_ids: list[int] = []
    for i, stop in enumerate(stops):
        pesel = ["75011501233", "82031204563", "55070703337", "90090515836", "85121300019"][i]
        case_id = cases.open_case(ctx, caseworker, sample_application(applicant={
            "pesel": pesel, "first_name": "Jan", "last_name": f"Dostępny{i}", "net_income": "300.00"}))
        drive(ctx, case_id, actors, until=lambda ts, s=stop: any(t.name == s for t in ts))
        jobs.run_pending_inline(ctx)
        task_ids += [(t.id, t.role) for t in ready_tasks(ctx, case_id)]
        case_ids.append(case_id)
    # A task just done whose next step runs in the background (no worker serves this test, so
    # it stays running): the page that waits for it.
    waiting: list[tuple[int, str]] = []
    for pesel, stop in (("78031200012", "conduct_interview"), ("66070700026", "approve_decision")):
        case_id = cases.open_case(ctx, caseworker, sample_application(applicant={
            "pesel": pesel, "first_name": "Jan", "last_name": "Czekający", "net_income": "300.00"}))
        drive(ctx, case_id, actors, until=lambda ts, s=stop: any(t.name == s for t in ts))
        jobs.run_pending_inline(ctx)
        (task,) = [t for t in ready_tasks(ctx, case_id) if t.name == stop]
        complete_named(ctx, case_id, stop, actors[task.role])
        waiting.append((task.id, task.role))
    decided = case_ids[-1]
    file = case_view.get_case(ctx, caseworker, decided)
    decision_id = file["decisions"][0]["id"]
    person_id = file["members"][0]["person_id"] if file.get("members") else None
    recovery = make_case(ctx)
    plist = draft_list(ctx, recovery.case_id, ("500.00",))
    start = definitions.definition_sources(ctx)
    sources = dict(start["sources"])
    sources["intake.bpmn"] = sources["intake.bpmn"].replace(
        'name="Sprawdzenie kompletności wniosku"',
        'name="Kontrola wniosku' + " i załączników" * 20 + '"')  # a line wider than the page
    new_id, _ = definition_history.deploy_checked(ctx, sources, start["forms"], admin, "nowa nazwa")
    # A family's social-work record with a visit and a signed contract (its pages and forms).
    social = social_open(ctx, caseworker, recovery.person_id)
    social_records.add_entry(ctx, caseworker, social, {"kind": "visit", "on": "2026-03-01",
                                                       "text": "Wizyta domowa."})
    social_contracts.record_contract(ctx, caseworker, social, contract_body(recovery.person_id))
    # An FA debtor procedure (its list, its form and its page with steps, dues and receipts).
    debtor = debtor_procedures.open_procedure(ctx, caseworker, {
        "first_name": "Adam", "last_name": "Dłużny", "pesel": "80010112340",
        "address": "ul. Dalsza 2, 00-950 Warszawa", "creditor_gmina": "Gmina Wierzyciela",
        "debtor_gmina": "Gmina Dłużnika", "request_received_on": "2026-02-02"})
    # A Niebieska Karta procedure of a family (form A, its page with the head's assignment).
    _nk_case, nk_suspect, nk_affected = family_with_case(ctx)
    nk = nk_procedures.start(ctx, caseworker, form_a(nk_affected, nk_suspect)).id
    return {"social": social, "debtor": debtor, "nk": nk, "nk_person": nk_affected,
            "tasks": task_ids, "waiting": waiting,
            "cases": case_ids, "decided": decided,
            "decision": decision_id,
            "person": person_id or recovery.person_id, "recovery": recovery, "list": plist,
            "diff": (start["id"], new_id),
            "versions": (start["version"], definitions.definition_sources(ctx)["version"])}


def _case_pages(d: dict[str, Any], role: str) -> list[Visit]:
    r = d["recovery"]
    return [
        Visit("/"), Visit("/team"), Visit("/cases"), Visit("/cases?q=Dost%C4%99pny"),
        Visit("/cases/new"), Visit("/cases/new", then=_submit_empty),
        *[Visit(f"/cases/{c}") for c in d["cases"]],
        Visit(f"/cases/{d['decided']}/decision/{d['decision']}"),
        Visit(f"/cases/{d['decided']}/letters"), Visit(f"/persons/{d['person']}"),
        Visit(f"/cases/{r.case_id}"), Visit(f"/cases/{r.case_id}/recoveries"),
        Visit(f"/persons/{r.person_id}/recoveries"),
        Visit(f"/cases/{r.case_id}/recoveries", then=_submit("#finding button.primary[type=submit]")),
        Visit("/payments"), Visit(f"/payments/{d['list']}"),
        Visit("/provision"), Visit("/provision?kind=services&month=2026-03"),
        Visit("/debtors"), Visit("/debtors/new"), Visit(f"/debtors/{d['debtor']}"),
        Visit("/social-work"), Visit(f"/social-work/{d['social']}"),
        Visit(f"/social-work/{d['social']}", then=_submit("#entry button.primary[type=submit]")),
        Visit(f"/social-work/{d['social']}/contracts/new"),
        Visit(f"/social-work/{d['social']}/contracts/new", then=_submit(
            "form button.primary[type=submit]", {"textarea[name=goal]": ""})),
        Visit(f"/persons/{r.person_id}/social-work/new"),
        *[Visit(f"/tasks/{t}") for t, lane in d["tasks"] if lane == role],
        *[Visit(f"/tasks/{t}", then=_submit_empty) for t, lane in d["tasks"][1:2] if lane == role],
        *[Visit(f"/tasks/{t}/next") for t, lane in d["waiting"] if lane == role],
        Visit("/symulator"), Visit("/symulator", then=_calculate),
        Visit("/cases/999999", 404),
    ]


def _nk_pages(d: dict[str, Any], role: str) -> list[Visit]:
    """The Niebieska Karta pages: the list and a procedure (with the head's assignment form for
    the supervisor, who is the head); form A and a refused hand-over for its caseworker."""
    pages = [Visit("/niebieska-karta"), Visit(f"/niebieska-karta/{d['nk']}")]
    if role == "caseworker":
        pages += [
            Visit(f"/niebieska-karta/{d['nk']}", then=_submit(
                "#handover button.primary[type=submit]", {"input[name='handover.handed_on']": ""})),
            Visit(f"/persons/{d['nk_person']}/niebieska-karta/new"),
            Visit(f"/persons/{d['nk_person']}/niebieska-karta/new", then=_submit_empty)]
    return pages


def _wait_for_charts(page: Any) -> None:
    page.wait_for_selector(".dash-chart[data-chart=reason] svg")


def _dashboard_pages() -> list[Visit]:
    """The head's dashboard (charts drawn), its filters' errors, the cases behind a figure."""
    period = "from=2026-01&to=2026-12"
    return [
        Visit(f"/dashboard?{period}", then=_wait_for_charts),
        Visit("/dashboard?from=2026-13&to=2026-01&benefit=nie_ma", 422),
        Visit(f"/dashboard/cases?figure=opened&{period}"),
        Visit(f"/dashboard/cases?figure=everything&{period}", 422),
    ]


def _admin_pages(d: dict[str, Any]) -> list[Visit]:
    old, new = d["diff"]
    return [
        Visit("/"), Visit("/admin/"), Visit("/admin/definitions"),
        Visit(f"/admin/definitions/diff?old={old}&new={new}"),
        Visit("/admin/definitions/edit", then=_wait_for_editor),
        Visit("/admin/incidents"), Visit("/admin/incidents", then=_dry_run(d["versions"])),
        Visit("/admin/office"), Visit("/admin/users"), Visit("/admin/fee-tables"),
        Visit("/admin/fee-tables", then=_submit("#fee-table-form button.primary[type=submit]")),
        Visit("/admin/users", then=_submit("form button.primary[type=submit]")),
        Visit("/cases", 403), Visit("/social-work", 403), Visit("/dashboard", 403),
        Visit("/niebieska-karta", 403), Visit(f"/niebieska-karta/{d['nk']}", 403),
        Visit("/admin/definitions/diff?old=999999&new=1", 404),
    ]


def test_every_page_template_has_no_axe_violations(
    browser: Any, recording_server: tuple[str, Path], ctx: ServiceContext, caseworker: Actor,
    supervisor: Actor, admin: Actor,
) -> None:
    if not AXE.exists():
        pytest.fail(f"{AXE} is missing: `make assets` installs the pinned npm packages (npm ci)")
    base, log = recording_server
    data = _set_up(ctx, caseworker, supervisor, admin)
    try:
        plan: dict[str | None, list[Visit]] = {
            None: [Visit("/login"), Visit("/login", then=_submit(
                "button[type=submit]", {"input[name=username]": "caseworker1",
                                        "input[name=password]": "niepoprawne"}))],
            "caseworker1": [*_case_pages(data, "caseworker"), *_nk_pages(data, "caseworker"),
                            Visit("/changes", 403),
                            Visit("/reports/family-benefits", 403),
                            Visit("/admin/users", 403), Visit("/dashboard", 403),
                            Visit("/reports/mrpips-03", 403)],
            "supervisor": [*_case_pages(data, "supervisor"), *_nk_pages(data, "supervisor"),
                           Visit("/changes"), Visit("/deadlines"),
                           # The family-benefit and FA reports (the head's and supervisors').
                           Visit("/reports/family-benefits?year=2026&half=1"),
                           Visit("/reports/fa?from=2026-01&to=2026-03"),
                           Visit("/reports/fa?from=2026-06&to=2026-01", 422),
                           # MRPiPS-03 (the head's and supervisors').
                           Visit("/reports/mrpips-03?year=2026"),
                           Visit("/reports/mrpips-03?year=2026&half=1"),
                           Visit("/reports/mrpips-03?year=20x6", 422),
                           *_dashboard_pages()],
            "admin": _admin_pages(data),
        }
        findings = Findings()
        for user, visits in plan.items():
            context = browser.new_context(locale="pl-PL", viewport={"width": 1280, "height": 900})
            context.add_init_script(path=str(AXE))
            page = context.new_page()
            page.set_default_timeout(20000)
            if user:
                login(page, base, user)
            for visit in visits:
                done = len(log.read_text().splitlines())
                response = page.goto(base + visit.path)
                assert response is not None and response.status == visit.status, (user, visit.path)
                if visit.then:
                    visit.then(page)
                violations = page.evaluate(RUN_AXE)
                templates = log.read_text().splitlines()[done:]
                findings.rows.append((user or "anonymous", visit.path, templates, violations))
            context.close()
    finally:
        definitions.deploy_directory(ctx, SYSTEM)

    SHOTS.mkdir(parents=True, exist_ok=True)
    (SHOTS / "axe.json").write_text(json.dumps(
        {"per_template": findings.per_template(), "rows": findings.rows}, ensure_ascii=False, indent=1))
    rendered = {t for row in findings.rows for t in row[2]}
    assert all_templates() - reached(rendered) == set(), "page templates the test never visited"
    bad = [f"{role} {path} {templates}: " + "; ".join(f"{v['impact']} {v['id']} {v['nodes']}" for v in vs)
           for role, path, templates, vs in findings.rows if vs]
    assert not bad, "axe-core violations:\n" + "\n".join(bad)
