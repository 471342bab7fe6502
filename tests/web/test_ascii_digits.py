"""Issue 19 finding 8 (part 6): whole numbers from input are ASCII digits only.

``"²".isdigit()`` is true and ``int("²")`` raises: ``POST /tasks/{id}`` with ``version=²`` and
``POST /tasks/{id}/assign`` with ``user_id=²`` answered 500. ``"٣".isdigit()`` is true too and
``int("٣")`` is 3, so Arabic-Indic digits were silently read as a number.
"""

from __future__ import annotations

from typing import Any

import pytest

from app.domain.digits import is_ascii_digits, parse_ascii_int
from app.services.cases import opening as cases
from app.services.kernel.context import Actor, ServiceContext
from app.services.workflow import worklist
from tests.drive import ready_tasks, sample_application
from tests.web.test_api_roles import token
from tests.web.test_pages import login

pytestmark = [pytest.mark.timeout(120), pytest.mark.embedded]

NOT_ASCII = ["²", "①", "٣", "１", "𝟗", "1²", "Ⅻ"]


@pytest.mark.parametrize("text", NOT_ASCII + ["", " 1", "1 ", "-1", "+1", "1_0", "0x1", "1.0"])
def test_only_ascii_digits_are_a_whole_number(text: str) -> None:
    assert not is_ascii_digits(text)
    assert parse_ascii_int(text) is None


def test_ascii_digits_parse_within_the_database_range() -> None:
    assert parse_ascii_int("0") == 0 and parse_ascii_int("2147483647") == 2**31 - 1
    assert parse_ascii_int("2147483648") is None and parse_ascii_int("9" * 5000) is None
    assert parse_ascii_int(12) is None and parse_ascii_int(None) is None


def _first_task(ctx: ServiceContext, caseworker: Actor) -> Any:
    return ready_tasks(ctx, cases.open_case(ctx, caseworker, sample_application()))[0]


@pytest.mark.parametrize("version", NOT_ASCII)
def test_finding_8_a_task_version_of_superscript_two_is_422_not_500(
        client: Any, ctx: ServiceContext, caseworker: Actor, version: str) -> None:
    ht = _first_task(ctx, caseworker)
    login(client, "caseworker1")
    res = client.post(f"/tasks/{ht.id}", data={"complete": "on", "version": version})
    assert res.status_code == 422, res.status_code
    assert "Podaj liczbę całkowitą." in res.get_data(as_text=True)
    assert worklist.get_task(ctx, caseworker, ht.id)["status"] == "ready"


@pytest.mark.parametrize("user_id", NOT_ASCII)
def test_finding_8_assigning_to_user_superscript_two_is_refused_not_500(
        client: Any, ctx: ServiceContext, caseworker: Actor, user_id: str) -> None:
    ht = _first_task(ctx, caseworker)
    before = worklist.get_task(ctx, caseworker, ht.id)["assignee_id"]
    login(client, "supervisor")
    res = client.post(f"/tasks/{ht.id}/assign", data={"user_id": user_id, "next": "/team"})
    assert res.status_code == 302, res.status_code
    assert "Wybierz osobę" in client.get("/team").get_data(as_text=True)
    assert worklist.get_task(ctx, caseworker, ht.id)["assignee_id"] == before


@pytest.mark.parametrize("value", ["²", "٣", "99999999999"])
def test_finding_8_admin_version_fields_read_ascii_digits_only(client: Any, value: str) -> None:
    login(client, "admin")
    res = client.post("/admin/instances/migrate", data={"from_version": value, "to_version": "1"})
    assert res.status_code == 422, res.status_code
    res = client.get("/admin/definitions/diff", query_string={"old": value, "new": "1"})
    assert res.status_code == 302, res.status_code


@pytest.mark.parametrize("value", ["²", "٣"])
def test_finding_8_page_forms_with_a_case_id_read_ascii_digits_only(
        client: Any, ctx: ServiceContext, caseworker: Actor, value: str) -> None:
    case_id = cases.open_case(ctx, caseworker, sample_application())
    login(client, "supervisor")
    res = client.post("/appeals/1/forward", data={"case_id": value})
    assert res.status_code < 500
    login(client, "caseworker1")
    res = client.post(f"/cases/{case_id}/persons/1/confirm", data={"version": value})
    assert res.status_code < 500


@pytest.mark.parametrize("segment", ["²", "٣", "１"])
def test_finding_8_a_non_ascii_digit_in_a_path_is_404_not_500(client: Any, segment: str) -> None:
    auth = {"Authorization": f"Bearer {token(client, 'caseworker1')}"}
    # PUT has no rule on this path, so the out-of-range guard looks at each segment.
    assert client.put(f"/api/cases/{segment}/recoveries", headers=auth, json={}).status_code in (404, 405)
    assert client.get(f"/api/cases/{segment}", headers=auth).status_code == 404
    login(client, "supervisor")
    assert client.get(f"/cases/{segment}").status_code == 404


@pytest.mark.parametrize("amount", ["٣٠٠", "３００", "300²"])
def test_finding_8_amounts_in_json_are_ascii_digits_only(amount: str) -> None:
    from app.services.kernel.json_input import FieldErrors, decimal_field

    errors = FieldErrors()
    assert decimal_field(amount, "amount", errors) is None
    assert "amount" in errors


@pytest.mark.parametrize("days", ["²", "1²", "٧", "１４"])
def test_finding_8_letter_days_of_superscript_two_are_422_not_500(
        client: Any, ctx: ServiceContext, caseworker: Actor, days: str) -> None:
    case_id = cases.open_case(ctx, caseworker, sample_application())
    auth = {"Authorization": f"Bearer {token(client, 'caseworker1')}"}
    res = client.post(f"/api/cases/{case_id}/letters", headers=auth, json={
        "kind": "supplement_call", "facts": {"items": "zaświadczenie", "days": days}})
    assert res.status_code == 422, res.status_code
    assert "days" in res.get_json()["fields"]
    login(client, "caseworker1")
    res = client.post(f"/cases/{case_id}/letters", data={"kind": "supplement_call",
                                                         "items": "zaświadczenie", "days": days})
    assert res.status_code == 422, res.status_code


@pytest.mark.parametrize("case_id", ["٣", "３"])
def test_finding_8_a_change_case_id_in_arabic_indic_digits_is_refused(
        ctx: ServiceContext, supervisor: Actor, case_id: str) -> None:
    from app.services.decisions import parameter_changes
    from app.services.kernel.errors import ValidationFailed

    with pytest.raises(ValidationFailed):
        parameter_changes.draft_changes(
            ctx, supervisor, [{"case_id": case_id, "effective_from": "2026-03-01"}])


def test_finding_8_an_id_in_arabic_indic_digits_does_not_name_a_case(
        client: Any, ctx: ServiceContext, caseworker: Actor) -> None:
    case_id = cases.open_case(ctx, caseworker, sample_application())
    arabic = "".join(chr(0x0660 + int(d)) for d in str(case_id))
    auth = {"Authorization": f"Bearer {token(client, 'caseworker1')}"}
    assert client.get(f"/api/cases/{case_id}", headers=auth).status_code == 200
    assert client.get(f"/api/cases/{arabic}", headers=auth).status_code == 404


def test_no_unicode_digit_test_is_left_in_the_application() -> None:
    """isdigit()/isnumeric()/isdecimal() are true for "²" or "٣": app/domain/digits.py instead."""
    import re

    from tests.conftest import ROOT

    found = [f"{path.relative_to(ROOT)}:{n}" for path in (ROOT / "app").rglob("*.py")
             if path.name != "digits.py"
             for n, line in enumerate(path.read_text().splitlines(), 1)
             if re.search(r"\.is(digit|numeric|decimal)\(", line)]
    assert found == []
