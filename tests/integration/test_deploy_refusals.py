"""Each kind of broken diagram the issue names is refused through the API with a 422 whose
problems name the element (and nothing is deployed)."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import select

from app.persistence.models import ProcessDefinition
from app.services.kernel.context import ServiceContext

from .test_definitions import _token, _upload

pytestmark = pytest.mark.embedded


def _delete_element(tag: str, element_id: str) -> Callable[[str], str]:
    """Remove one element (self-closing or with a body) from the process, keep its DI shape."""
    def mutate(text: str) -> str:
        pattern = re.compile(rf'<bpmn:{tag} id="{element_id}"[^>]*?(/>|>.*?</bpmn:{tag}>)', re.S)
        assert pattern.search(text), element_id
        return pattern.sub("", text, count=1)
    return mutate


def _replace(old: str, new: str) -> Callable[[str], str]:
    def mutate(text: str) -> str:
        assert old in text, old
        return text.replace(old, new, 1)
    return mutate


CASES = [
    # (what, file, mutation, expected (code, element id))
    ("a deleted sequence flow", "intake.bpmn",
     _delete_element("sequenceFlow", "Flow_set_complete_end_intake_complete"),
     ("dead_end", "set_complete")),
    ("a deleted exclusive gateway", "intake.bpmn", _delete_element("exclusiveGateway", "gw_complete"),
     ("dangling_flow", "Flow_gw_complete_request_supplement")),
    ("a condition over a variable never set", "benefit_case.bpmn",
     _replace("intake_outcome == &quot;complete&quot;",
              "intake_outcome == &quot;complete&quot; and never_set"),
     ("condition_error", "gw_intake_outcome")),
    ("a script that never ends", "intake.bpmn",
     _replace("<bpmn:script>intake_outcome = &quot;complete&quot;</bpmn:script>",
              "<bpmn:script>while True:\n    intake_outcome = &quot;complete&quot;</bpmn:script>"),
     ("script_timeout", "set_complete")),
    ("an undeclared action", "decision.bpmn",
     _replace('<spiffworkflow:property name="action" value="draft_decision" />',
              '<spiffworkflow:property name="action" value="write_decision" />'),
     ("action_unknown", "draft_decision")),
    ("a user task without a form", "intake.bpmn",
     _replace('<spiffworkflow:property name="form" value="completeness_check" />', ""),
     ("user_task_without_form", "completeness_check")),
]


@pytest.mark.parametrize(("what", "file", "mutate", "expected"), CASES, ids=[c[0] for c in CASES])
def test_a_broken_diagram_is_refused_naming_the_element(
    ctx: ServiceContext, client: Any, what: str, file: str, mutate: Callable[[str], str],
    expected: tuple[str, str],
) -> None:
    with ctx.uow(readonly=True) as uow:
        before = uow.session.scalars(select(ProcessDefinition.id)).all()
    res = client.post("/api/definitions", json=_upload(ctx, file, mutate), headers=_token(client))
    assert res.status_code == 422, (what, res.get_json())
    problems = res.get_json()["problems"]
    assert expected in {(p["code"], p["element_id"]) for p in problems}, (what, problems)
    assert all(p["file"] for p in problems)
    with ctx.uow(readonly=True) as uow:
        assert uow.session.scalars(select(ProcessDefinition.id)).all() == before


def test_hostile_xml_is_refused_with_a_clear_problem(ctx: ServiceContext, client: Any) -> None:
    def entities(text: str) -> str:
        return text.replace('<?xml version="1.0" encoding="UTF-8"?>',
                            '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE d [<!ENTITY x '
                            'SYSTEM "file:///etc/passwd">]>', 1)

    res = client.post("/api/definitions", json=_upload(ctx, "payment.bpmn", entities),
                      headers=_token(client))
    assert res.status_code == 422
    problems = res.get_json()["problems"]
    assert [(p["file"], p["code"]) for p in problems] == [("payment.bpmn", "xml_entities")]
    assert "root:" not in str(res.get_json())
