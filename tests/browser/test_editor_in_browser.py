"""The BPMN editor in a real browser: the properties panel edits a task name (which is its Polish
title) and a condition, the save deploys them; the spiffworkflow extension elements survive a
load and save unchanged; a refused deploy puts a marker on the element concerned."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from app.services.definitions import deploy as definitions
from app.services.kernel.context import SYSTEM

from .conftest import SHOTS
from .test_case_in_browser import login

pytestmark = pytest.mark.browser

SPIFF = "{http://spiffworkflow.org/bpmn/schema/1.0/core}"
WORKFLOWS = Path(__file__).resolve().parents[2] / "workflows"


@pytest.fixture
def restore(ctx: Any) -> Iterator[None]:
    """Definitions are kept between tests: put the shipped workflows back afterwards."""
    yield
    definitions.deploy_directory(ctx, SYSTEM)


def open_editor(page: Any, base: str, file: str) -> None:
    login(page, base, "admin")
    page.goto(f"{base}/admin/definitions/edit")
    page.wait_for_selector("#editor[data-open]")
    page.select_option("#file-select", file)
    page.wait_for_selector(f"#editor[data-open='{file}']")


def select(page: Any, element_id: str) -> None:
    page.evaluate("""(id) => { const m = window.pomocModeler;
        m.get('selection').select(m.get('elementRegistry').get(id)); }""", element_id)


def test_edit_name_and_condition_in_the_panel_and_deploy(page: Any, live_server: str, ctx: Any,
                                                         restore: None) -> None:
    start = definitions.definition_sources(ctx)
    open_editor(page, live_server, "intake.bpmn")
    page.click(".djs-element[data-element-id='completeness_check']")
    name = page.locator("#bio-properties-panel-name")
    name.wait_for()
    assert name.input_value() == "Sprawdzenie kompletności wniosku"
    assert "tytułem widocznym dla pracowników" in page.locator("#properties").inner_text()
    assert page.locator("#bio-properties-panel-spiff-title_en").input_value()
    assert page.locator("#bio-properties-panel-spiff-form").input_value() == "completeness_check"
    # The lane keeps its English name in the diagram; the panel shows the role in Polish.
    assert page.locator("#bio-properties-panel-pomoc-lane option:checked").inner_text() == \
        "Pracownik socjalny"
    name.fill("Kontrola kompletności wniosku")
    name.press("Tab")
    page.screenshot(path=str(SHOTS / "editor-01-task-properties.png"), full_page=True)

    select(page, "Flow_gw_complete_set_complete")
    condition = page.locator("#bio-properties-panel-pomoc-condition")
    condition.wait_for()
    assert condition.input_value() == "complete"
    condition.fill("complete == True")
    condition.press("Tab")
    page.wait_for_timeout(400)  # the panel's debounce
    page.screenshot(path=str(SHOTS / "editor-02-condition.png"), full_page=True)

    page.fill("#deploy-comment", "nowa nazwa i warunek")
    page.click("#deploy-button")
    page.wait_for_selector("#deploy-result.alert-success")
    page.screenshot(path=str(SHOTS / "editor-03-deployed.png"), full_page=True)

    deployed = definitions.definition_sources(ctx)
    assert deployed["version"] == start["version"] + 1
    root = ET.fromstring(deployed["sources"]["intake.bpmn"])
    ns = {"bpmn": "http://www.omg.org/spec/BPMN/20100524/MODEL"}
    task = root.find(".//bpmn:userTask[@id='completeness_check']", ns)
    assert task is not None and task.get("name") == "Kontrola kompletności wniosku"
    titles = {p.get("name"): p.get("value") for p in task.iter(f"{SPIFF}property")}
    assert titles["title_pl"] == "Kontrola kompletności wniosku", "what users see changes with the name"
    flow = root.find(".//bpmn:sequenceFlow[@id='Flow_gw_complete_set_complete']/bpmn:conditionExpression", ns)
    assert flow is not None and flow.text == "complete == True"

    # A second save from the same (now stale) page would be refused: the page moved to the new base.
    page.click(".djs-element[data-element-id='completeness_check']")
    page.locator("#bio-properties-panel-spiff-title_en").fill("Completeness check (v2)")
    page.locator("#bio-properties-panel-spiff-title_en").press("Tab")
    definitions.deploy_directory(ctx, SYSTEM)  # someone else deploys meanwhile
    page.click("#deploy-button")
    page.wait_for_selector("#deploy-result.alert-error")
    assert "Nic nie zostało nadpisane" in page.locator("#deploy-result").inner_text()
    page.screenshot(path=str(SHOTS / "editor-04-stale.png"), full_page=True)


def _spiff_elements(xml: str) -> list[tuple[str, str, str]]:
    """Each spiffworkflow element as (owner id, tag, sorted attributes), in document order."""
    out = []
    for owner in ET.fromstring(xml).iter():
        for ext in owner.findall("{http://www.omg.org/spec/BPMN/20100524/MODEL}extensionElements"):
            for el in ext.iter():
                if el.tag.startswith(SPIFF):
                    out.append((owner.get("id", ""), el.tag, json.dumps(sorted(el.attrib.items()))))
    return out


def test_shipped_diagrams_round_trip_their_extension_elements(page: Any, live_server: str) -> None:
    open_editor(page, live_server, "payment.bpmn")
    seen = 0
    for path in sorted(WORKFLOWS.glob("*.bpmn")):
        xml = path.read_text()
        saved = page.evaluate("""async (xml) => { const m = window.pomocModeler;
            await m.importXML(xml); return (await m.saveXML({ format: true })).xml; }""", xml)
        assert _spiff_elements(saved) == _spiff_elements(xml), path.name
        seen += len(_spiff_elements(xml))
        typed = page.evaluate("""() => window.pomocModeler.get('elementRegistry').filter(
            e => e.businessObject.extensionElements).flatMap(e => e.businessObject.extensionElements.values
            .map(v => v.$type))""")
        assert "bpmn:Any" not in typed and set(typed) <= {"spiffworkflow:Properties",
                                                         "spiffworkflow:ServiceTaskOperator"}, typed
    assert seen > 50


def test_a_refused_deploy_marks_the_element(page: Any, live_server: str) -> None:
    open_editor(page, live_server, "intake.bpmn")
    problems = [
        {"file": "intake.bpmn", "element_id": "request_supplement",
         "element_name": "Wezwanie do uzupełnienia braków",
         "code": "user_task_without_form", "message": "user task has no form", "params": {}},
        {"file": "decision.bpmn", "element_id": "approve_decision", "element_name": "Zatwierdzenie",
         "code": "unknown_lane", "message": "unknown lane", "params": {}},
    ]
    page.route("**/admin/definitions/deploy", lambda route: route.fulfill(
        status=422, content_type="application/json",
        body=json.dumps({"error": "Definicja jest niepoprawna.", "fields": {}, "problems": problems})))
    page.click("#deploy-button")
    marked = page.locator(".djs-element.pomoc-problem[data-element-id='request_supplement']")
    marked.wait_for()
    assert page.locator(".pomoc-problem-badge").count() == 1, "only the diagram on screen is marked"
    items = page.locator("#problems-list button")
    assert items.count() == 2
    page.screenshot(path=str(SHOTS / "editor-05-problem-marker.png"), full_page=True)
    items.nth(0).click()
    assert page.evaluate("""() => window.pomocModeler.get('selection').get().map(e => e.id)""") == [
        "request_supplement"]
    items.nth(1).click()
    page.wait_for_selector("#editor[data-open='decision.bpmn']")
    page.locator(".djs-element.pomoc-problem[data-element-id='approve_decision']").wait_for()


def test_a_real_refusal_marks_the_element_the_server_names(page: Any, live_server: str, ctx: Any) -> None:
    """Delete the flow out of a task in the modeler: the dry run and the deploy are both refused,
    and the task left without a way on is marked; nothing is deployed."""
    start = definitions.definition_sources(ctx)
    open_editor(page, live_server, "intake.bpmn")
    page.evaluate("""() => { const m = window.pomocModeler;
        const flow = m.get('elementRegistry').get('Flow_set_complete_end_intake_complete');
        m.get('modeling').removeElements([flow]); }""")
    page.click("#check-button")
    marked = page.locator(".djs-element.pomoc-problem[data-element-id='set_complete']")
    marked.wait_for(timeout=30000)
    page.screenshot(path=str(SHOTS / "editor-06-check-refused.png"), full_page=True)
    page.click("#deploy-button")
    page.wait_for_selector("#deploy-result.alert-error", timeout=30000)
    marked.wait_for()
    assert "Wniosek kompletny" in page.locator("#problems-list").inner_text()  # set_complete's name
    assert definitions.definition_sources(ctx)["id"] == start["id"], "nothing was deployed"


def test_the_modeler_and_its_panel_speak_polish(page: Any, live_server: str) -> None:
    open_editor(page, live_server, "intake.bpmn")
    page.click(".djs-element[data-element-id='completeness_check']")
    page.locator("#bio-properties-panel-name").wait_for()
    panel = page.locator("#properties").inner_text()
    assert "Ogólne" in panel and "Identyfikator" in panel and "General" not in panel
    titles = page.evaluate("""() => Array.from(document.querySelectorAll('.djs-palette .entry'))
        .map(e => e.getAttribute('title') || e.getAttribute('aria-label') || e.outerHTML.slice(0, 120))""")
    assert "Zadanie" in titles, titles


def test_element_types_and_lanes_are_shown_in_polish(page: Any, live_server: str) -> None:
    """Issue 15: the panel header named a flow "SEQUENCE FLOW" and the lanes read "Caseworker" and
    "Supervisor"; the texts come from the Babel catalog, and the diagram keeps its English names."""
    open_editor(page, live_server, "intake.bpmn")
    select(page, "Flow_start_intake_completeness_check")
    header = page.locator(".bio-properties-panel-header-type")
    header.wait_for()
    assert header.inner_text().lower() == "przepływ sekwencji"
    select(page, "completeness_check")
    page.wait_for_function("""() => document.querySelector('.bio-properties-panel-header-type')
        .textContent.toLowerCase() === 'zadanie użytkownika'""")
    lanes = page.evaluate("""() => ['Lane_intake_Caseworker', 'Lane_intake_Supervisor'].map(id =>
        document.querySelector(`.djs-element[data-element-id='${id}'] text`).textContent)""")
    assert lanes == ["Pracownik socjalny", "Kierownik"], lanes
    xml = page.evaluate("() => window.pomocModeler.saveXML().then(r => r.xml)")
    assert 'name="Caseworker"' in xml and 'name="Supervisor"' in xml and "Pracownik socjalny" not in xml
    page.screenshot(path=str(SHOTS / "editor-polish-types-and-lanes.png"), full_page=True)


def test_a_deploy_without_a_description_is_refused_on_the_page(page: Any, live_server: str, ctx: Any,
                                                                restore: None) -> None:
    """Issue 15 part 8: the description is the version's line in the history; the editor asks
    for it (in Polish, at the field) and deploys nothing without it."""
    start = definitions.definition_sources(ctx)
    open_editor(page, live_server, "intake.bpmn")
    page.click(".djs-element[data-element-id='completeness_check']")
    name = page.locator("#bio-properties-panel-name")
    name.wait_for()
    name.fill("Kontrola kompletności wniosku")
    name.press("Tab")
    page.click("#deploy-button")
    page.wait_for_selector("#deploy-result.alert-error", timeout=30000)
    assert "Podaj opis zmian" in page.locator("#deploy-result").inner_text()
    assert page.locator("#deploy-comment").get_attribute("aria-invalid") == "true"
    page.screenshot(path=str(SHOTS / "editor-07-no-description.png"), full_page=True)
    assert definitions.definition_sources(ctx)["id"] == start["id"], "nothing was deployed"

    page.fill("#deploy-comment", "nowa nazwa zadania")
    page.click("#deploy-button")
    page.wait_for_selector("#deploy-result.alert-success", timeout=30000)
    assert page.locator("#deploy-comment").get_attribute("aria-invalid") is None
    assert definitions.definition_sources(ctx)["version"] == start["version"] + 1


def test_a_parser_refusal_shows_polish_and_keeps_its_english_detail_collapsed(
        page: Any, live_server: str) -> None:
    """Issue 15 (lane polish2): a refusal by the parser showed its English words in the Polish
    list. The list shows the Polish text; the parser's words are in a collapsed "szczegóły
    techniczne" element marked lang="en"."""
    open_editor(page, live_server, "intake.bpmn")
    problems = [{"file": "intake.bpmn", "element_id": None, "code": "bpmn_invalid",
                 "message": "intake.bpmn (line 12): Element 'bogus': This element is not expected",
                 "params": {"detail": "Element 'bogus': This element is not expected",
                            "reason": "line", "line": 12},
                 "text": "Diagram nie spełnia wymagań BPMN (błąd w wierszu 12).",
                 "technical": "intake.bpmn (line 12): Element 'bogus': This element is not expected"}]
    page.route("**/admin/definitions/deploy", lambda route: route.fulfill(
        status=422, content_type="application/json",
        body=json.dumps({"error": "Definicja jest niepoprawna.", "fields": {}, "problems": problems})))
    page.click("#deploy-button")
    page.locator("#problems-list li").first.wait_for()
    item = page.locator("#problems-list li").first
    assert "Diagram nie spełnia wymagań BPMN (błąd w wierszu 12)." in item.locator("button").inner_text()
    details = item.locator("details.technical")
    assert details.get_attribute("open") is None  # collapsed
    assert details.locator("summary").inner_text() == "szczegóły techniczne"
    raw = details.locator("code[lang=en]")
    assert "This element is not expected" in raw.text_content()
    assert not raw.is_visible()
    assert "not expected" not in item.locator("button").inner_text()
