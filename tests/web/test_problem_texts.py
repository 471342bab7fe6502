"""Deploy problems in the interface language: every code the deploy checks report has a Polish
template and its English, and the editor's refused deploy lists them in the page's language."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from app.domain.messages import CATALOGUE, PROBLEM_CODES, Code, placeholders, problem_code
from app.services.definitions import deploy as definitions
from app.services.kernel.context import SYSTEM, ServiceContext
from app.web.messages import problem_text

from .test_pages import login

pytestmark = [pytest.mark.timeout(180)]

ROOT = Path(__file__).resolve().parents[2]
PRODUCERS = ("app/workflow_engine/lint.py", "app/workflow_engine/compiler.py",
             "app/workflow_engine/rehearsal.py", "app/workflow_engine/rehearsal_driver.py",
             "app/workflow_engine/replay.py", "app/services/definitions/contract.py",
             "app/workflow_engine/call_graph.py")

# Where a producer names a literal problem code: Problem(file, element, "code", ...), the
# factories (doc.add, _problem, _task_problem, problem), `code = "..."` and the code sources.
_CODE = r'"([a-z]+(?:_[a-z]+)*)"'
PATTERNS = [
    r'\bProblem\(\s*[^,()]+(?:\([^()]*\))?,\s*[^,()]+(?:\([^()]*\))?,\s*' + _CODE,
    r'\bdoc\.add\(\s*\w+,\s*' + _CODE,
    r'\b_problem\(\s*process_spec,\s*\w+,\s*' + _CODE,
    r'\b_task_problem\(\s*[\w.]+,\s*' + _CODE,
    r'\bproblem\(' + _CODE,
    r'\bcode(?:, what)? = ' + _CODE,
    r'\bcode = "\w+" if [^\n]* else ' + _CODE,
    r'"(?:eval|exec)", ' + _CODE,
]


def produced_codes() -> set[str]:
    """Every Problem code the producing modules name in their source."""
    found: set[str] = set()
    for path in PRODUCERS:
        source = (ROOT / path).read_text(encoding="utf-8")
        for pattern in PATTERNS:
            found.update(re.findall(pattern, source))
    return found


def test_every_produced_code_has_a_catalogue_entry() -> None:
    produced = produced_codes()
    assert len(produced) > 50, sorted(produced)  # the patterns still find the producers
    base = {key for key in PROBLEM_CODES if "." not in key}
    assert produced - base == set(), "codes without a Polish template"
    assert base - produced == set(), "catalogue entries no producer reports"
    for key, code in PROBLEM_CODES.items():
        assert code.value == f"deploy.{key}" and code in CATALOGUE
        assert key.split(".")[0] in base, key  # a variant of a known code


def test_the_variant_follows_the_params() -> None:
    assert problem_code("timer_invalid", {}) is Code.DEPLOY_TIMER_INVALID
    assert problem_code("timer_invalid", {"reason": "refused"}) is Code.DEPLOY_TIMER_REFUSED
    assert problem_code("script_invalid", {"reason": "refused"}) is Code.DEPLOY_SCRIPT_INVALID
    assert problem_code("script_invalid", {"what": "script", "unknown_functions": ["x"]}) \
        is Code.DEPLOY_SCRIPT_UNKNOWN_FUNCTIONS
    assert problem_code("stuck_path", {"reason": "step_budget"}) is Code.DEPLOY_STUCK_STEP_BUDGET
    assert problem_code("xml_entities", {"reason": "DTDForbidden"}) is Code.DEPLOY_XML_ENTITIES
    assert problem_code("no_such_code", {}) is None


def test_problem_text_renders_the_code_or_keeps_the_english(flask_app: Any) -> None:
    with flask_app.test_request_context("/"):
        assert problem_text({"code": "timer_invalid", "message": "x", "params": {
            "kind": "timeDuration", "expression": "sleep_until(1)",
            "unknown_functions": ["sleep_until", "nap"]}}) == \
            "Wyrażenie licznika czasu wywołuje nieznane funkcje: sleep_until, nap."
        assert problem_text({"code": "something_new", "message": "In English.", "params": {}}) \
            == "In English."
        # A producer that lacks a parameter the template names keeps the English message.
        assert problem_text({"code": "unknown_form", "message": "form 'x' not found", "params": {}}) \
            == "form 'x' not found"


def test_every_deploy_template_is_polish_with_its_english() -> None:
    for code in PROBLEM_CODES.values():
        template = CATALOGUE[code]
        assert placeholders(template.en) <= placeholders(template.pl), code
        assert template.pl != template.en, code


@pytest.fixture
def restore(ctx: ServiceContext) -> Iterator[None]:
    """Definitions are kept between tests: put the shipped workflows back afterwards."""
    yield
    definitions.deploy_directory(ctx, SYSTEM)


def _orphaned(ctx: ServiceContext) -> dict[str, Any]:
    """The active definition with a task nothing leads to and nothing leaves."""
    active = definitions.definition_sources(ctx)
    sources = dict(active["sources"])
    xml = sources["intake.bpmn"]
    assert xml.count("</bpmn:process>") == 1
    sources["intake.bpmn"] = xml.replace(
        "</bpmn:process>", '<bpmn:task id="orphan_task" name="Zagubione zadanie" /></bpmn:process>')
    return {"sources": sources, "forms": active["forms"], "comment": "zadanie bez przepływów",
            "base_version": active["version"]}


def _orphan_problems(res: Any) -> dict[str, dict[str, Any]]:
    assert res.status_code == 422, res.get_json()
    problems = res.get_json()["problems"]
    assert problems and all(p["text"] for p in problems), problems
    return {p["code"]: p for p in problems if p["element_id"] == "orphan_task"}


def test_a_refused_deploy_lists_its_problems_in_the_page_language(
    client: Any, ctx: ServiceContext, restore: None
) -> None:
    login(client, "admin")
    body = _orphaned(ctx)
    polish = _orphan_problems(client.post("/admin/definitions/deploy", json=body))
    assert {"unreachable", "dead_end"} <= polish.keys(), polish
    assert polish["unreachable"]["text"] == \
        "Do tego elementu nie prowadzi żadna ścieżka od zdarzenia początkowego."
    assert polish["dead_end"]["text"].startswith("Z tego elementu nie wychodzi żaden przepływ")
    # The code, params and English message stay what API clients have always seen.
    assert "cannot be reached from a start event" in polish["unreachable"]["message"]

    client.get("/lang/en", headers={"Referer": "http://localhost/admin/definitions/edit"})
    english = _orphan_problems(client.post("/admin/definitions/deploy", json=body))
    assert english["unreachable"]["text"] == "No path leads to this element from a start event."
    assert english["dead_end"]["text"].startswith("No sequence flow leaves this element")
    assert english["unreachable"]["message"] == polish["unreachable"]["message"]
    assert definitions.definition_sources(ctx)["version"] == body["base_version"]  # nothing deployed


def test_the_dry_run_lists_its_problems_in_the_page_language(
    client: Any, ctx: ServiceContext, restore: None
) -> None:
    login(client, "admin")
    body = _orphaned(ctx)
    res = client.post("/admin/definitions/check", json={"sources": body["sources"], "forms": body["forms"]})
    assert res.status_code in (200, 422), res.get_data(as_text=True)[:500]
    problems = {p["code"]: p for p in res.get_json()["problems"] if p["element_id"] == "orphan_task"}
    assert problems["unreachable"]["text"] == \
        "Do tego elementu nie prowadzi żadna ścieżka od zdarzenia początkowego."


def _with(ctx: ServiceContext, old: str, new: str) -> dict[str, Any]:
    active = definitions.definition_sources(ctx)
    sources = dict(active["sources"])
    assert old in sources["intake.bpmn"]
    sources["intake.bpmn"] = sources["intake.bpmn"].replace(old, new, 1)
    return {"sources": sources, "forms": active["forms"], "comment": "zepsuty diagram",
            "base_version": active["version"]}


def test_a_parser_refusal_is_polish_with_the_english_detail_apart(
    client: Any, ctx: ServiceContext, restore: None
) -> None:
    """Issue 15 (lane polish2): a deploy refused by the parser quoted its English words in the
    Polish text ("Diagram nie spełnia wymagań BPMN: … is not a valid value …"). The text is
    Polish and names the line; the parser's words are kept apart, for the admin, as
    ``technical``."""
    from tests.polish_crawl import stop_hits

    login(client, "admin")
    invalid = _with(ctx, "</bpmn:process>", "<bpmn:bogusElement /></bpmn:process>")
    res = client.post("/admin/definitions/deploy", json=invalid)
    assert res.status_code == 422, res.get_json()
    [problem] = res.get_json()["problems"]
    assert problem["code"] == "bpmn_invalid"
    assert re.fullmatch(r"Diagram nie spełnia wymagań BPMN \(błąd w wierszu \d+\)\.",
                        problem["text"]), problem["text"]
    assert problem["technical"] and problem["technical"] in problem["message"]
    assert not stop_hits(problem["text"]) and stop_hits(problem["technical"])
    assert all(not stop_hits(text) for text in res.get_json()["fields"].values())

    hostile = _with(ctx, '<?xml version="1.0" encoding="UTF-8"?>',
                    '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE d [<!ENTITY x "y">]>')
    res = client.post("/admin/definitions/deploy", json=hostile)
    [problem] = res.get_json()["problems"]
    assert problem["code"] == "xml_entities"
    assert problem["text"] == "Deklaracje DOCTYPE i encji są w plikach BPMN niedozwolone."
    assert problem["technical"]
    # The editor shows the parser's words collapsed, marked as English.
    import json

    page = client.get("/admin/definitions/edit").get_data(as_text=True)
    messages = json.loads(re.search(r'id="editor-messages">(.*?)</script>', page, re.S)[1])
    assert messages["technical"] == "szczegóły techniczne"
    script = (ROOT / "app/web/static/js/admin-editor.js").read_text(encoding="utf-8")
    assert 'raw.setAttribute("lang", "en")' in script and "msg.technical" in script
