"""Issue 19 finding 9 (ST202): a search the schema declares valid is not refused.

The search refused any character that `str.isprintable()` rejects, so a surname pasted with a
no-break space ("Nowak\u00a0Kowalska", as word processors write double surnames) or an ideographic
space answered 422 "Give a PESEL, a surname or a case number". What a search must refuse is what
cannot be stored or shown: control characters and lone surrogates (see
test_register.test_search_refuses_control_characters_and_lone_surrogates).
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.web.test_api_roles import token

pytestmark = pytest.mark.embedded


@pytest.mark.parametrize("q", ["Nowak\u00a0Kowalska", "Nowak\u3000", "Le\u2009Blanc", "\ue000x"])
def test_finding_9_a_search_with_a_no_break_space_is_a_search(client: Any, q: str) -> None:
    res = client.post("/api/cases/search", json={"q": q},
                      headers={"Authorization": f"Bearer {token(client, 'caseworker1')}"})
    assert res.status_code == 200, res.get_json()
    assert res.get_json() == []
