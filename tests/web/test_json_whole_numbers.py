"""Issue 19 finding 9 (ST202): a whole number spelled with a fraction is the integer it names.

Schemathesis sent `{"user_id": 683.0}`, `{"days": 7.0}`, `{"from_version": 555.0}`: valid by the
OpenAPI document (JSON Schema's integer is any number with a zero fraction) and refused by the
server. The API's JSON parser now reads them as integers; a real fraction is still refused.
"""

from __future__ import annotations

import json
import math
from typing import Any

import pytest

from app.services.kernel.json_numbers import WholeFloat, whole_number
from tests.web.test_api_roles import token

pytestmark = pytest.mark.embedded


def _post(client: Any, path: str, raw: str, who: str = "supervisor") -> Any:
    return client.post(path, data=raw, content_type="application/json",
                       headers={"Authorization": f"Bearer {token(client, who)}"})


def test_finding_9_whole_float_days_are_days(client: Any) -> None:
    spelled = _post(client, "/api/deadlines",
                    '{"kind": "supplement", "start": "2025-03-03", "days": 10.0}')
    plain = _post(client, "/api/deadlines",
                  '{"kind": "supplement", "start": "2025-03-03", "days": 10}')
    assert spelled.status_code == 200, spelled.get_json()
    assert spelled.get_json()["due"] == plain.get_json()["due"]
    exponent = _post(client, "/api/deadlines",
                     '{"kind": "supplement", "start": "2025-03-03", "days": 1e1}')
    assert exponent.get_json()["due"] == plain.get_json()["due"]


@pytest.mark.parametrize("days", ["10.5", "1e400", "-1e400", "1e-400"])
def test_finding_9_a_fraction_or_an_overflow_is_still_refused(client: Any, days: str) -> None:
    res = _post(client, "/api/deadlines",
                '{"kind": "supplement", "start": "2025-03-03", "days": ' + days + "}")
    assert res.status_code == 422 and "days" in res.get_json()["fields"], res.get_json()


def test_finding_9_assign_takes_a_whole_float_user_id(client: Any) -> None:
    # Before: 422 "Give user_id." for 683.0; now the id is read and the task is looked up.
    res = _post(client, "/api/tasks/999999/assign", '{"user_id": 683.0}')
    assert res.status_code == 404, res.get_json()
    assert _post(client, "/api/tasks/999999/assign", '{"user_id": 683.5}').status_code == 422


def test_finding_9_migrate_takes_whole_float_versions(client: Any) -> None:
    res = _post(client, "/api/instances/migrate",
                '{"from_version": 555.0, "to_version": 1297983, "dry_run": true}', who="admin")
    assert "from_version" not in (res.get_json().get("fields") or {}), res.get_json()


def test_whole_number_reads_only_exact_whole_values() -> None:
    assert whole_number("683.0") == 683 and isinstance(whole_number("683.0"), int)
    assert whole_number("-0.0") == 0 and isinstance(whole_number("-0.0"), int)
    assert whole_number("2e3") == 2000 and isinstance(whole_number("2e3"), int)
    assert whole_number("10.5") == 10.5
    assert math.isinf(whole_number("1e400"))  # never a 400-digit integer
    assert isinstance(whole_number("1e15"), int) and isinstance(whole_number("1e16"), float)
    assert json.loads('{"a": 1.0}', parse_float=whole_number) == {"a": 1}


def test_finding_9_money_as_a_json_number_is_still_refused(client: Any) -> None:
    # Amounts are decimal strings: 500.0 stays refused as money, though it is a whole number.
    body = ('{"benefit": "zasilek_staly", "on": "2025-03-01", "members": '
            '[{"age": 40, "net_income": 500.0}]}')
    res = _post(client, "/api/eligibility", body)
    assert res.status_code == 422 and "members[0].net_income" in res.get_json()["fields"]
    assert isinstance(whole_number("500.0"), WholeFloat)
