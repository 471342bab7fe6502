"""niebieska_karta.bpmn on the engine: the hand-over, the group meeting again on the day it sets,
then closing; each step's deadline is the one the service hands it (``*_due``)."""

from __future__ import annotations

from app.workflow_engine.fixtures import canned_form_data

from .conftest import T0

DAY = "2026-03-02"


def _names(snap) -> list[str]:
    return [t.name for t in snap.user_tasks]


def test_handover_meetings_and_closing_with_their_deadlines(engine, definition) -> None:
    snap = engine.start(definition, {"started_on": DAY, "handover_due": "2026-03-09"}, T0,
                        process_id="niebieska_karta")
    assert _names(snap) == ["nk_handover"] and snap.user_tasks[0].due_on == "2026-03-09"
    task = snap.user_tasks[0]
    snap = engine.complete_user_task(definition, snap.state, task.task_id, {
        **canned_form_data("nk_handover", DAY), "meeting_due": "2026-03-16"}, T0)
    assert _names(snap) == ["nk_group_meeting"] and snap.user_tasks[0].due_on == "2026-03-16"
    snap = engine.complete_user_task(definition, snap.state, snap.user_tasks[0].task_id, {
        "met_on": "2026-03-05", "decision": "continue", "next_meeting_on": "2026-04-01"}, T0)
    assert _names(snap) == ["nk_group_meeting"] and snap.user_tasks[0].due_on == "2026-04-01"
    snap = engine.complete_user_task(definition, snap.state, snap.user_tasks[0].task_id, {
        "met_on": "2026-04-01", "decision": "close", "closing_due": "2026-04-08"}, T0)
    assert _names(snap) == ["nk_closing"] and snap.user_tasks[0].due_on == "2026-04-08"
    snap = engine.complete_user_task(definition, snap.state, snap.user_tasks[0].task_id,
                                     canned_form_data("nk_closing", "2026-04-02"), T0)
    assert snap.completed and snap.user_tasks == [] and snap.data["outcome"] == "no_grounds"
