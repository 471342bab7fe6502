"""Issue 16, part 4: the family benefit process in the definition's own checks. Each benefit's
rehearsed path runs on the process its catalogue entry names, and a candidate without that
process is refused (its cases could not start)."""

from __future__ import annotations

from app.domain import benefits
from app.workflow_engine.rehearsal import SCENARIOS, rehearse


def test_issue16_each_benefit_is_rehearsed_on_its_own_process() -> None:
    paths = {s.benefit: s.process for s in SCENARIOS if s.required}
    assert paths == {b.code: b.process for b in benefits.entries()}
    assert paths["zasilek_rodzinny"] == paths["fundusz_alimentacyjny"] == "family_benefit_case"
    assert paths["zasilek_staly"] == "benefit_case"


def test_issue16_a_candidate_without_the_family_process_is_refused(engine, sources_and_forms):
    sources, forms = sources_and_forms
    without = {name: raw.decode() for name, raw in sources.items()
               if name != "family_benefit_case.bpmn"}
    problems = rehearse(engine, engine.compile(without, "benefit_case", forms), forms)
    missing = {(p.params["process"], p.params["reason"]) for p in problems}
    assert missing == {("family_benefit_case", "process_missing")}


def test_issue16_the_replay_starts_each_case_in_the_process_it_ran() -> None:
    """A recent case is replayed from the process its benefit names when its version holds it;
    a family case of a version before the family process started in the main one."""
    from app.domain.statuses import CaseKind
    from app.services.definitions.deploy_check import _processes, _started

    held = _processes({"benefit_case.bpmn": '<bpmn:process id="benefit_case" name="x">',
                       "family.bpmn": '<bpmn:process id="family_benefit_case" isExecutable="true">'})
    assert held == {"benefit_case", "family_benefit_case"}
    assert _started(CaseKind.APPLICATION, "zasilek_rodzinny", held) == "family_benefit_case"
    assert _started(CaseKind.APPLICATION, "zasilek_rodzinny", frozenset({"benefit_case"})) is None
    assert _started(CaseKind.APPLICATION, "zasilek_staly", held) == "benefit_case"
    assert _started(CaseKind.CHANGE, "zasilek_rodzinny", held) == "decision_change"
