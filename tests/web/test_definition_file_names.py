"""A BPMN upload's file and form names come back in every refusal of their file: a name with a
control, bidi or invisible character is refused first, by its code, and never echoed (the
Error schema's text rule; found by the API fuzz test)."""

from __future__ import annotations

import json
import unicodedata
from typing import Any

import pytest

from tests.web.test_register import _token

pytestmark = [pytest.mark.embedded]


@pytest.mark.parametrize(("part", "name", "code"), [
    ("sources", "w\u0011.bpmn", "text_control_character"),
    ("sources", "a\u202ebpmn.exe", "text_bidi_character"),
    ("forms", "form\u200b", "text_invisible_character"),
])
def test_a_hostile_file_or_form_name_is_refused_by_its_code(
    client: Any, part: str, name: str, code: str
) -> None:
    body: dict[str, Any] = {"sources": {"ok.bpmn": "<x/>"}, "forms": {}, "comment": "test"}
    body[part] = {name: "<x/>" if part == "sources" else {}}
    for path in ("/api/definitions", "/api/definitions/check"):
        res = client.post(path, json=body, headers=_token(client, "admin"))
        assert res.status_code == 422, res.get_json()
        assert res.get_json()["field_codes"][part]["code"] == code
        text = json.dumps(res.get_json(), ensure_ascii=False)
        assert not any(unicodedata.category(ch) in ("Cc", "Cf") for ch in text), text
