"""A corpus of hostile or careless requests: each gets a clear 4xx, never a 5xx.

Each probe names its endpoint, its body and the status it must get (through the API and, where a
form exists, the HTML page). See app/web/setup.py (URL ids, body guards) and json_input.py.
"""

from __future__ import annotations

from typing import Any

import pytest
from jsonschema import Draft202012Validator

from app.services.appeals import appeal as appeals
from app.services.cases import opening as cases
from app.services.kernel.context import Actor, ServiceContext
from app.services.kernel.schema_errors import form_validator
from tests.drive import ready_tasks, sample_application
from tests.web.test_api_roles import token
from tests.web.test_pages import login

pytestmark = [pytest.mark.timeout(120), pytest.mark.embedded]

HUGE = "99999999999999999999"
DIGITS = "9" * 5000
NUL = "Jan\x00"
SURROGATE = "Jan\ud800"


def _deep(n: int) -> str:
    return "[" * n + "]" * n


def _app(**applicant: Any) -> dict[str, Any]:
    body = sample_application()
    body["applicant"] = {**body["applicant"], **applicant}
    return body


def _member_app(**over: Any) -> dict[str, Any]:
    return sample_application(**over)


def _unidentified(**over: Any) -> dict[str, Any]:
    """A household member without a PESEL (birth date and sex instead)."""
    return {"first_name": "Ola", "last_name": "Nowa", "relation": "child", "sex": "F",
            "birth_date": "2015-05-05", **over}


def _raw_amount(number: str) -> str:
    """An application whose applicant's income is a bare JSON number (e.g. 1e400: infinity)."""
    import json

    return json.dumps(_app(net_income="__N__")).replace('"__N__"', number)


def _calc(**member: Any) -> dict[str, Any]:
    return {"on": "2026-03-01", "benefit": "zasilek_okresowy",
            "members": [{"age": 40, "net_income": "0", **member}]}


def _raw_calc(number: str) -> str:
    import json

    return json.dumps(_calc(net_income="__N__")).replace('"__N__"', number)


# (method, path, JSON body or raw text, expected status)
API_PROBES: list[tuple[str, str, Any, int]] = [
    ("GET", f"/api/cases/{HUGE}", None, 404),
    ("GET", f"/api/cases/{DIGITS}", None, 404),
    ("GET", f"/api/tasks/{HUGE}", None, 404),
    ("POST", f"/api/tasks/{HUGE}/claim", {}, 404),
    ("GET", f"/api/persons/{HUGE}", None, 404),
    ("GET", f"/api/payment-lists/{HUGE}", None, 404),
    ("POST", f"/api/jobs/{HUGE}/retry", {}, 404),
    ("POST", f"/api/incidents/{HUGE}/retry", {}, 404),
    ("POST", "/api/cases", _app(first_name=NUL), 422),
    ("POST", "/api/cases", _app(last_name=SURROGATE), 422),
    ("POST", "/api/cases/search", {"q": NUL}, 422),
    ("POST", "/api/eligibility", {"benefit": NUL}, 422),
    ("POST", "/api/cases", "RAW:" + _deep(1000), 422),
    ("POST", "/api/eligibility", "RAW:" + _deep(1000), 422),
    ("POST", "/api/cases", "RAW:" + _deep(100), 422),
    ("POST", "/api/cases", {"pad": "x" * (2 * 1024 * 1024)}, 413),
    ("POST", "/api/cases", _app(net_income="1e400"), 422),
    ("POST", "/api/cases", _app(net_income="10^30"), 422),
    ("POST", "/api/cases", _app(net_income="1_000"), 422),
    ("POST", "/api/cases", _app(net_income="12.345"), 422),
    ("POST", "/api/cases", _app(net_income="10000000000"), 422),
    ("POST", "/api/cases", _app(net_income=DIGITS), 422),
    ("POST", "/api/cases", _member_app(application_date="20250101"), 422),
    ("POST", "/api/cases", _member_app(application_date="1990-01-01"), 422),
    ("POST", "/api/cases", _member_app(application_date="2999-01-01"), 422),
    ("POST", "/api/cases", _member_app(requested_from="20260301"), 422),
    ("POST", "/api/cases", _app(first_name="x" * 100_000), 422),
    ("POST", "/api/cases", _member_app(address="x" * 100_000), 422),
    ("POST", "/api/cases", _member_app(bank_account="1" * 100_000), 422),
    ("POST", "/api/cases", _app(pesel="50323000004"), 422),  # born 2150-12-30
    ("POST", "/api/tasks/1/complete", {"version": DIGITS, "data": {}}, 422),
    ("POST", "/api/deadlines", {"kind": "kpa", "start": "20250101"}, 422),
    # The corpus of the issue, where the lines above did not have it yet.
    ("POST", "/api/deadlines", "RAW:" + _deep(1000), 422),
    ("POST", "/api/tasks/1/complete", "RAW:" + _deep(1000), 422),
    ("POST", "/api/auth/token", "RAW:" + _deep(1000), 422),
    ("POST", "/api/cases", "RAW:" + _raw_amount("1e400"), 422),  # a JSON number: inf
    ("POST", "/api/cases", _app(net_income=10**30), 422),
    ("POST", "/api/cases", _app(net_income="9999999999.999"), 422),
    ("POST", "/api/cases", _app(net_income="99999999999.99"), 422),
    ("POST", "/api/cases", _member_app(application_date="0001-01-01"), 422),
    ("POST", "/api/cases", _member_app(requested_from="0001-01-01"), 422),
    ("POST", "/api/cases", _member_app(members=[_unidentified(birth_date="0001-01-01")]), 422),
    ("POST", "/api/cases", _member_app(members=[_unidentified(birth_date="2150-01-01")]), 422),
    ("POST", "/api/cases", _member_app(members=[_unidentified(birth_date="20100101")]), 422),
    ("POST", "/api/cases", _member_app(members=[{"pesel": "50323000004", "first_name": "Ola",
                                                 "last_name": "Nowa", "relation": "child"}]), 422),
    ("POST", "/api/cases/check", _app(first_name="x" * 100_000), 422),
    ("POST", "/api/cases/search", {"q": "x" * 100_000}, 422),
    ("POST", "/api/cases/search", {"q": DIGITS}, 422),
    ("POST", "/api/tasks/1/complete", "RAW:{\"version\": " + DIGITS + ", \"data\": {}}", 422),
    ("POST", "/api/tasks/1/complete", {"version": 10**30, "data": {}}, 404),  # no task 1
    ("POST", "/api/eligibility", _calc(net_income="1e400"), 422),
    ("POST", "/api/eligibility", "RAW:" + _raw_calc("1e400"), 422),
    ("POST", "/api/eligibility", _calc(net_income=10**30), 422),
    ("POST", "/api/eligibility", _calc(net_income="1_000"), 422),
    ("POST", "/api/eligibility", _calc(net_income="10^30"), 422),
    ("POST", "/api/eligibility", _calc(net_income="10000000000"), 422),
    ("POST", "/api/eligibility", {**_calc(), "on": "20250101"}, 422),
    ("POST", "/api/eligibility", {**_calc(), "on": "0001-01-01"}, 422),
    ("POST", "/api/eligibility", {**_calc(), "on": "2017-12-31"}, 422),
    ("POST", "/api/eligibility", {**_calc(), "on": "2150-01-01"}, 422),
    ("POST", "/api/deadlines", {"kind": "decision", "start": "0001-01-01"}, 422),
    ("POST", "/api/deadlines", {"kind": "decision", "start": "2150-01-01"}, 422),
    ("POST", "/api/payments/run", {"month": "0001-01"}, 422),
    ("POST", "/api/payments/run", {"month": "202501"}, 422),
    ("POST", "/api/parameter-changes/draft",
     {"grants": [{"case_id": 10**30, "effective_from": "2026-01-01"}]}, 422),
    ("POST", "/api/parameter-changes/draft",
     {"grants": [{"case_id": 1, "effective_from": "0001-01-01"}]}, 404),  # no such grant
    # Found by the schemathesis run (tests/fuzz): a JSON object or list as the reason was a 500.
    ("POST", "/api/cases", _member_app(reason={}), 422),
    ("POST", "/api/cases/check", _member_app(reason=[]), 422),
    # ... and a body that is not JSON was taken for no body.
    ("POST", "/api/cases/1/persons/1/confirm", "RAW:not json", 422),
]


def _ids(probes: list[tuple[Any, ...]]) -> list[str]:
    return [f"{p[0]} {p[1][:40]} {str(p[2])[:30]!r}" for p in probes]


@pytest.mark.parametrize(("method", "path", "body", "status"), API_PROBES, ids=_ids(API_PROBES))
def test_api_probe_gets_a_clear_4xx(client: Any, method: str, path: str, body: Any,
                                    status: int) -> None:
    headers = {"Authorization": f"Bearer {token(client, 'supervisor')}"}
    if isinstance(body, str) and body.startswith("RAW:"):
        res = client.open(path, method=method, headers=headers, data=body[4:],
                          content_type="application/json")
    else:
        res = client.open(path, method=method, headers=headers, json=body)
    assert res.status_code < 500, res.get_data(as_text=True)[:300]
    assert res.status_code == status, res.get_data(as_text=True)[:300]
    assert res.get_json()["error"]


@pytest.mark.parametrize("path", ["/cases/", "/tasks/", "/persons/", "/payments/", "/payment-lists/"])
@pytest.mark.parametrize("ident", [HUGE, DIGITS, "0"])
def test_pages_with_huge_ids_are_404(client: Any, path: str, ident: str) -> None:
    login(client, "supervisor")
    res = client.get(path + ident)
    assert res.status_code == 404


def _first_task(ctx: ServiceContext, caseworker: Actor) -> Any:
    case_id = cases.open_case(ctx, caseworker, sample_application())
    return ready_tasks(ctx, case_id)[0]


FORM_PROBES: list[tuple[dict[str, str], int]] = [
    ({"version": DIGITS}, 422),
    ({"version": "1", "missing_items": NUL}, 422),
    # A lone surrogate cannot be form-encoded; its UTF-8-style bytes decode to U+FFFD: harmless.
    ({"RAW": "version=1&missing_items=%ED%A0%80"}, 0),
    ({"RAW": "version=1&missing_items=Jan%00"}, 422),
    ({"version": "1", "missing_items": "x" * 200_000}, 422),
    ({"version": "1", "_action": "remove:verified_incomes[" + DIGITS + "]"}, 422),
    ({"version": "1", "verified_incomes[" + DIGITS + "].member_index": "1"}, 422),
    ({"version": "1", "verified_incomes[0].member_index": "1e1000000"}, 0),
]


@pytest.mark.parametrize("value", ["1e1000000", DIGITS, "1_000", "10^30"])
def test_interview_form_refuses_huge_member_index_before_converting(value: str) -> None:
    import json
    import time

    from werkzeug.datastructures import MultiDict

    from app.web.ui import schema_form as sf
    from tests.conftest import ROOT

    schema = json.loads((ROOT / "workflows/forms/conduct_interview.json").read_text())
    form = MultiDict([("verified_incomes[0]._row", "1"),
                      ("verified_incomes[0].member_index", value),
                      ("verified_incomes[0].net_income", value)])
    started = time.perf_counter()
    _data, errors = sf.convert(schema, sf.raw_from_form(schema, form))
    assert time.perf_counter() - started < 0.5
    assert "verified_incomes[0].member_index" in errors
    assert "verified_incomes[0].net_income" in errors


@pytest.mark.parametrize(("form", "status"), FORM_PROBES, ids=[str(f)[:50] for f, _ in FORM_PROBES])
def test_task_page_probe_gets_a_clear_4xx(client: Any, ctx: ServiceContext, caseworker: Actor,
                                          supervisor: Actor, form: dict[str, str], status: int) -> None:
    ht = _first_task(ctx, caseworker)
    login(client, "caseworker1")
    if "RAW" in form:
        res = client.post(f"/tasks/{ht.id}", data=form["RAW"],
                          content_type="application/x-www-form-urlencoded")
    else:
        res = client.post(f"/tasks/{ht.id}", data=form)
    assert res.status_code < 500
    if status:
        assert res.status_code == status, res.status_code


def test_task_api_refuses_nul_in_form_data(client: Any, ctx: ServiceContext, caseworker: Actor) -> None:
    ht = _first_task(ctx, caseworker)
    headers = {"Authorization": f"Bearer {token(client, 'supervisor')}"}
    res = client.post(f"/api/tasks/{ht.id}/complete", headers=headers,
                      json={"version": ht.version, "data": {"complete": True, "missing_items": NUL}})
    assert res.status_code == 422
    assert "data.missing_items" in res.get_json()["fields"]


def test_simulator_form_refuses_nul_and_huge_indexes(client: Any) -> None:
    login(client, "supervisor")
    assert client.post("/symulator", data={"members[0].first_name": NUL}).status_code == 422
    res = client.post("/symulator", data={"_action": "remove:members[" + DIGITS + "]"})
    assert res.status_code == 422


SCHEMA = {
    "type": "object",
    "properties": {
        "on": {"type": "string", "format": "date"},
        "amount": {"type": "string", "pattern": "^\\d+(\\.\\d{1,2})?$"},
    },
}


@pytest.mark.parametrize("value", ["20250101", "2025-1-01", "1850-01-01", "3000-01-01", "2025-02-30"])
def test_task_form_dates_are_iso_only(value: str) -> None:
    assert list(form_validator(SCHEMA).iter_errors({"on": value}))
    # jsonschema's own checker lets "20250101" through on Python 3.11+: ours does not.
    assert not list(form_validator(SCHEMA).iter_errors({"on": "2026-03-02"}))


@pytest.mark.parametrize("value", ["1e400", "10^30", "1_000", "12.345", "10000000000", DIGITS, "١٢"])
def test_task_form_amounts_are_bounded(value: str) -> None:
    assert list(form_validator(SCHEMA).iter_errors({"amount": value}))
    assert not list(form_validator(SCHEMA).iter_errors({"amount": "1234.56"}))


def test_form_schemas_never_fetch_remote_refs() -> None:
    schema = {"$ref": "https://example.invalid/schema.json"}
    Draft202012Validator.check_schema(schema)
    with pytest.raises(Exception) as info:  # noqa: PT011 - unresolvable, without a request
        list(form_validator(schema).iter_errors({}))
    assert "example.invalid" in str(info.value) or info.type.__name__.startswith("Unresolvable")


SCHEMA_PROBES = [
    # Nested quantifiers ("^(a+)+$") are accepted: patterns run on RE2, in linear time
    # (tests/web/test_form_patterns.py). What RE2 cannot run is refused.
    ("a back-reference", {"type": "string", "pattern": "^(x)\\1$"}),
    ("a lookahead", {"type": "string", "pattern": "^(?=a)a$"}),
    ("a lookbehind", {"type": "string", "pattern": "(?<!a)b"}),
    ("an over-long pattern", {"type": "string", "pattern": "a" * 301}),
    ("a back-reference in patternProperties", {"type": "object", "patternProperties": {"(x)\\1": {}}}),
    ("an invalid pattern", {"type": "string", "pattern": "(["}),
    ("a remote $ref", {"$ref": "https://example.invalid/field.json"}),
]


@pytest.mark.parametrize(("what", "prop"), SCHEMA_PROBES, ids=[p[0] for p in SCHEMA_PROBES])
def test_deploy_refuses_hostile_form_schemas(ctx: ServiceContext, client: Any, what: str,
                                             prop: dict[str, Any]) -> None:
    from tests.integration.test_definitions import _token, _upload

    body = _upload(ctx, "intake.bpmn", lambda text: text)
    form = body["forms"]["completeness_check"]
    form["properties"]["missing_items"] = prop
    res = client.post("/api/definitions/check", json=body, headers=_token(client))
    assert res.status_code < 500
    codes = [p["code"] for p in res.get_json()["problems"]]
    assert "invalid_form_schema" in codes, (what, codes)


@pytest.mark.parametrize("user_id", [2**31, 10**30, -(2**40), 0])
def test_assign_to_a_user_id_beyond_the_database_range_is_422(
        client: Any, ctx: ServiceContext, caseworker: Actor, user_id: int) -> None:
    # Found by the schemathesis run: the id reached PostgreSQL's integer column, a 500.
    ht = _first_task(ctx, caseworker)
    headers = {"Authorization": f"Bearer {token(client, 'supervisor')}"}
    res = client.post(f"/api/tasks/{ht.id}/assign", headers=headers, json={"user_id": user_id})
    assert res.status_code == 422, res.get_data(as_text=True)[:300]
    assert "user_id" in res.get_json()["fields"]


# The same classes of bad input through the HTML application form: a 422 that keeps the input,
# and no case registered.
APPLICATION_FORM_PROBES: list[dict[str, str]] = [
    {"applicant.net_income": "1e400"},
    {"applicant.net_income": "10^30"},
    {"applicant.net_income": "1_000"},
    {"applicant.net_income": "99999999999"},
    {"applicant.net_income": DIGITS},
    {"applicant.first_name": "x" * 100_000},
    {"applicant.pesel": "50323000004"},  # born 2150-12-30
    {"application_date": "20250101"},
    {"application_date": "0001-01-01"},
    {"requested_from": "0001-01-01"},
    {"members[0].pesel": "", "members[0].sex": "F", "members[0].birth_date": "0001-01-01"},
    {"members[0].pesel": "", "members[0].sex": "F", "members[0].birth_date": "2150-01-01"},
    {"members[" + DIGITS + "]._row": "1", "members[" + DIGITS + "].first_name": "Ola"},
    {"members[1].incomes[0].amount": "1e1000000"},
    {"_action": "remove:members[" + DIGITS + "]"},
]


@pytest.mark.parametrize("overrides", APPLICATION_FORM_PROBES,
                         ids=[str(p)[:60] for p in APPLICATION_FORM_PROBES])
def test_application_form_probe_gets_a_clear_4xx(client: Any, ctx: ServiceContext,
                                                 overrides: dict[str, str]) -> None:
    from sqlalchemy import func, select

    from app.persistence.models import Case
    from tests.web.test_pages import application_form

    login(client, "caseworker1")
    res = client.post("/cases/new", data=application_form(**overrides))
    assert res.status_code == 422, res.status_code
    with ctx.uow(readonly=True) as uow:
        assert uow.session.scalar(select(func.count(Case.id))) == 0


SIMULATOR_PROBES: list[dict[str, str]] = [
    {"members[0].net_income": "1e400"},
    {"members[0].net_income": "10^30"},
    {"members[0].net_income": "1_000"},
    {"members[0].net_income": "10000000000"},
    {"members[0].age": DIGITS},
    {"on": "20250101"},
    {"on": "0001-01-01"},
    {"on": "2150-01-01"},
    {"_action": "deadline", "deadline.kind": "appeal", "deadline.start": "0001-01-01"},
    {"_action": "deadline", "deadline.kind": "appeal", "deadline.days": DIGITS},
]


@pytest.mark.parametrize("overrides", SIMULATOR_PROBES, ids=[str(p)[:60] for p in SIMULATOR_PROBES])
def test_simulator_form_probe_gets_a_clear_4xx(client: Any, overrides: dict[str, str]) -> None:
    from tests.web.test_calculator import page_form

    login(client, "caseworker1")
    res = client.post("/symulator", data=page_form(**overrides))
    assert res.status_code == 422, res.status_code
    assert "data-benefit=" not in res.get_data(as_text=True)  # nothing computed


@pytest.mark.parametrize("version", [2**31, 10**15, 10**30])
def test_migrating_to_a_version_beyond_the_database_range_is_422(client: Any, ctx: ServiceContext,
                                                                 version: int) -> None:
    # Found by the schemathesis run: the version reached PostgreSQL's integer column, a 500.
    headers = {"Authorization": f"Bearer {token(client, 'admin')}"}
    res = client.post("/api/instances/migrate", headers=headers,
                      json={"from_version": 1, "to_version": version, "dry_run": True})
    assert res.status_code == 422, res.get_data(as_text=True)[:300]
    assert "to_version" in res.get_json()["fields"]
    res = client.post("/api/instances/migrate", headers=headers,
                      json={"from_version": version, "to_version": version + 1})
    assert res.status_code == 422


@pytest.mark.parametrize("path", ["/api/definitions", "/api/definitions/check"])
@pytest.mark.parametrize("comment", [False, 12, ["x"], {"a": 1}])
def test_a_deploy_comment_that_is_not_text_is_422(client: Any, ctx: ServiceContext, path: str,
                                                  comment: Any) -> None:
    # Found by the schemathesis run: a boolean comment was stored as the text "False".
    headers = {"Authorization": f"Bearer {token(client, 'admin')}"}
    res = client.post(path, headers=headers, json={"sources": {"a.bpmn": "<x/>"}, "forms": {},
                                                   "comment": comment})
    assert res.status_code == 422
    assert "comment" in res.get_json()["fields"]


def test_an_out_of_range_id_is_a_404_even_where_one_path_has_a_get_and_a_post_rule(
        client: Any) -> None:
    # Werkzeug matches a rule's methods before its converters; /cases/<id>/recoveries has a GET
    # and a POST rule, so id 0 used to answer 405.
    token = client.post("/api/auth/token", json={"username": "caseworker1", "password": "demo"})
    auth = {"Authorization": f"Bearer {token.get_json()['token']}"}
    for url in ("/api/cases/0/recoveries", "/api/cases/99999999999/recoveries"):
        assert client.post(url, headers=auth, json={}).status_code == 404
        assert client.get(url, headers=auth).status_code == 404
    assert client.put("/api/cases/1/recoveries", headers=auth, json={}).status_code == 405


def test_an_empty_or_lenient_date_in_a_query_is_refused(client: Any) -> None:
    token = client.post("/api/auth/token", json={"username": "caseworker1", "password": "demo"})
    auth = {"Authorization": f"Bearer {token.get_json()['token']}"}
    for on in ("", "20260101", "2026-W01-1", "0001-01-01"):
        res = client.get(f"/api/persons/1/recovery-balance?on={on}", headers=auth)
        assert res.status_code == 422, (on, res.status_code)
        assert "on" in res.get_json()["fields"]


def test_week_dates_and_year_one_are_refused_in_letters_and_appeals(
        client: Any, ctx: ServiceContext, caseworker: Actor) -> None:
    """date.fromisoformat also reads "2026-W10-1" (a week date) and "0001-01-01"; every date the
    new services take goes through one strict parser (json_input.iso_date)."""
    case_id = cases.open_case(ctx, caseworker, sample_application())
    auth = {"Authorization": f"Bearer {token(client, 'caseworker1')}"}
    for bad in ("2026-W10-1", "0001-01-01", "20260310"):
        res = client.post(f"/api/cases/{case_id}/letters", headers=auth, json={
            "kind": "delay_notice", "facts": {"reason": "Brak zaświadczenia.", "new_date": bad}})
        assert res.status_code == 422 and "new_date" in res.get_json()["fields"], (bad, res.get_json())
        errors: dict[str, str] = {}
        assert appeals.parse_day({"posted_on": bad}, "posted_on", errors) is None
        assert set(errors) == {"posted_on"}
