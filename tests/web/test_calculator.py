"""The calculator through HTTP: POST /api/eligibility, POST /api/deadlines and the /symulator page."""

from __future__ import annotations

import copy
import re
from typing import Any

import pytest

from app.domain.eligibility import BENEFITS

ON = "2025-03-01"


def _token(client: Any, username: str) -> str:
    res = client.post("/api/auth/token", json={"username": username, "password": "demo"})
    assert res.status_code == 200, res.get_json()
    return str(res.get_json()["token"])


@pytest.fixture
def headers(client: Any) -> dict[str, str]:
    """caseworker1's bearer token."""
    return {"Authorization": f"Bearer {_token(client, 'caseworker1')}"}


def single(net_income: Any = "0", **extra: Any) -> dict[str, Any]:
    """A request for one person living alone who is unable to work."""
    member = {"age": 40, "unable_to_work": True, "net_income": net_income, **extra}
    return {"on": ON, "benefit": "zasilek_staly", "members": [member]}


def post(client: Any, path: str, body: Any, headers: dict[str, str]) -> Any:
    return client.post(path, json=body, headers=headers)


# --- eligibility: worked examples ---------------------------------------------------------------


def test_zasilek_staly_single_no_income_is_the_cap(client: Any, headers: dict[str, str]) -> None:
    res = post(client, "/api/eligibility", single("0"), headers)
    assert res.status_code == 200, res.get_json()
    body = res.get_json()
    assert body["eligible"] is True
    assert (body["amount"], body["min_amount"], body["max_amount"]) == ("1229.00",) * 3
    assert body["benefit"] == "zasilek_staly" and body["on"] == ON
    # The explanation: steps with text, inputs and result; dated parameters with sources.
    assert all({"key", "text", "inputs", "result", "legal_basis"} <= set(s) for s in body["explanation"])
    assert any(s["key"] == "zasilek_staly.cap" for s in body["explanation"])
    cap = body["parameters"]["zasilek_staly.cap"]
    assert (cap["value"], cap["valid_from"], cap["valid_to"]) == ("1229.00", "2025-01-01", None)
    assert cap["source"]
    assert body["parameters"]["ups.criterion_single"]["value"] == "1010.00"
    assert "art. 37 ust. 2 pkt 1 u.p.s." in body["legal_basis"]


def test_zasilek_staly_single_income_500(client: Any, headers: dict[str, str]) -> None:
    body = post(client, "/api/eligibility", single("500"), headers).get_json()
    assert (body["eligible"], body["amount"]) == (True, "813.00")


def test_a_whole_json_number_is_an_exact_amount(client: Any, headers: dict[str, str]) -> None:
    body = post(client, "/api/eligibility", single(500), headers).get_json()
    assert body["amount"] == "813.00"


@pytest.mark.parametrize(("on", "income", "amount", "cap"), [
    ("2024-12-31", "0", "1000.00", "1000.00"),   # 130% x 776 = 1008.80, capped at 1000
    ("2025-01-01", "0", "1229.00", "1229.00"),   # 130% x 1010 = 1313.00, capped at 1229
    ("2024-12-31", "500", "508.80", "1000.00"),  # 1008.80 - 500
    ("2025-01-01", "500", "813.00", "1229.00"),  # 1313.00 - 500
])
def test_zasilek_staly_around_1_january_2025(
    client: Any, headers: dict[str, str], on: str, income: str, amount: str, cap: str
) -> None:
    body = post(client, "/api/eligibility", {**single(income), "on": on}, headers).get_json()
    assert body["amount"] == amount
    assert body["parameters"]["zasilek_staly.cap"]["value"] == cap


def test_zasilek_okresowy_family_proposes_the_minimum(client: Any, headers: dict[str, str]) -> None:
    body = {"on": ON, "benefit": "zasilek_okresowy",
            "members": [{"age": 40, "net_income": "1000"}, {"age": 38}, {"age": 10}]}
    res = post(client, "/api/eligibility", body, headers).get_json()
    # Family criterion 3 x 823 = 2469; difference 1469; 50% = 734.50.
    assert (res["eligible"], res["amount"], res["min_amount"], res["max_amount"]) == (
        True, "734.50", "734.50", "1469.00")


def test_municipal_percentage_raises_zasilek_okresowy(client: Any, headers: dict[str, str]) -> None:
    body = {**single("0"), "benefit": "zasilek_okresowy", "municipal_percentage": "70"}
    res = post(client, "/api/eligibility", body, headers).get_json()
    assert (res["amount"], res["max_amount"]) == ("707.00", "1010.00")


def test_family_benefits(client: Any, headers: dict[str, str]) -> None:
    family = [{"age": 35, "net_income": "1500"}, {"age": 3}, {"age": 10, "alimony_awarded": "800"}]
    rodzinny = post(client, "/api/eligibility",
                    {"on": ON, "benefit": "zasilek_rodzinny", "members": family}, headers).get_json()
    assert (rodzinny["eligible"], rodzinny["amount"]) == (True, "219.00")  # 95 + 124
    fa = post(client, "/api/eligibility",
              {"on": ON, "benefit": "fundusz_alimentacyjny", "members": family}, headers).get_json()
    assert (fa["eligible"], fa["amount"]) == (True, "800.00")


def test_zasilek_rodzinny_age_conditions_through_the_api(client: Any,
                                                         headers: dict[str, str]) -> None:
    # art. 6 ust. 1 u.ś.r.: a spouse is never a child; from 18 only in school; from 21 only in
    # school with a moderate or severe disability certificate.
    family = [{"age": 45, "net_income": "1000", "relation": "applicant"},
              {"age": 22, "relation": "spouse"},
              {"age": 19, "relation": "child", "in_school": True},
              {"age": 22, "relation": "child", "in_school": True, "disability_certificate": True},
              {"age": 20, "relation": "child"}]
    res = post(client, "/api/eligibility",
               {"on": ON, "benefit": "zasilek_rodzinny", "members": family}, headers).get_json()
    assert (res["eligible"], res["amount"]) == (True, "270.00")  # 135 + 135
    assert [b["member"] for b in res["breakdown"]] == [2, 3]
    assert sum(s["key"] == "zasilek_rodzinny.child" for s in res["explanation"]) == 4


def test_other_benefit_excludes_zasilek_staly(client: Any, headers: dict[str, str]) -> None:
    body = single("0", other_benefits=["renta_socjalna"])
    res = post(client, "/api/eligibility", body, headers).get_json()
    assert (res["eligible"], res["amount"]) == (False, "0.00")


def test_supervisor_may_calculate(client: Any) -> None:
    tok = _token(client, "supervisor")
    res = client.post("/api/eligibility", json=single("0"), headers={"Authorization": f"Bearer {tok}"})
    assert res.status_code == 200


# --- eligibility: bad input -> 422 naming the field ----------------------------------------------


def _with(path: tuple[Any, ...], value: Any, delete: bool = False) -> dict[str, Any]:
    body = copy.deepcopy(single("0"))
    target: Any = body
    for key in path[:-1]:
        target = target[key]
    if delete:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    return body


M0 = ("members", 0)
BAD_ELIGIBILITY = [
    ("negative income", _with((*M0, "net_income"), "-1"), "members[0].net_income"),
    ("income as a float", _with((*M0, "net_income"), 500.5), "members[0].net_income"),
    ("income as a whole float", _with((*M0, "net_income"), 500.0), "members[0].net_income"),
    ("income garbage", _with((*M0, "net_income"), "abc"), "members[0].net_income"),
    ("income exponent", _with((*M0, "net_income"), "1e3"), "members[0].net_income"),
    ("income with a comma", _with((*M0, "net_income"), "12,50"), "members[0].net_income"),
    ("income below a grosz", _with((*M0, "net_income"), "1.005"), "members[0].net_income"),
    ("income as bool", _with((*M0, "net_income"), True), "members[0].net_income"),
    ("income too large", _with((*M0, "net_income"), "1" * 30), "members[0].net_income"),
    ("negative whole income", _with((*M0, "net_income"), -5), "members[0].net_income"),
    ("alimony garbage", _with((*M0, "alimony_awarded"), "x"), "members[0].alimony_awarded"),
    ("unknown benefit", _with(("benefit",), "zasilek_nieznany"), "benefit"),
    ("benefit missing", _with(("benefit",), None, delete=True), "benefit"),
    ("benefit not text", _with(("benefit",), 3), "benefit"),
    ("date in Polish format", _with(("on",), "01.03.2025"), "on"),
    ("date that does not exist", _with(("on",), "2025-02-30"), "on"),
    ("date and time", _with(("on",), "2025-03-01T10:00"), "on"),
    ("date missing", _with(("on",), None, delete=True), "on"),
    ("date as a number", _with(("on",), 20250301), "on"),
    ("date before the parameter table", _with(("on",), "2010-01-01"), "on"),
    ("date far away", _with(("on",), "9999-12-31"), "on"),
    ("empty household", _with(("members",), []), "members"),
    ("household missing", _with(("members",), None, delete=True), "members"),
    ("household not a list", _with(("members",), {"age": 40}), "members"),
    ("member not an object", _with(("members",), [40]), "members[0]"),
    ("age missing", _with((*M0, "age"), None, delete=True), "members[0].age"),
    ("age negative", _with((*M0, "age"), -1), "members[0].age"),
    ("age too high", _with((*M0, "age"), 151), "members[0].age"),
    ("age as text", _with((*M0, "age"), "40"), "members[0].age"),
    ("age as a float", _with((*M0, "age"), 40.5), "members[0].age"),
    ("age as bool", _with((*M0, "age"), True), "members[0].age"),
    ("flag as text", _with((*M0, "unable_to_work"), "yes"), "members[0].unable_to_work"),
    ("flag as number", _with((*M0, "disabled"), 1), "members[0].disabled"),
    ("unknown member key", _with((*M0, "netincome"), "100"), "members[0].netincome"),
    ("unknown top-level key", _with(("month",), "2025-03"), "month"),
    ("unknown other benefit", _with((*M0, "other_benefits"), ["renta"]), "members[0].other_benefits[0]"),
    ("other benefits not a list", _with((*M0, "other_benefits"), "renta_socjalna"),
     "members[0].other_benefits"),
    ("sex unknown", _with((*M0, "sex"), "X"), "members[0].sex"),
    ("relation unknown", _with((*M0, "relation"), "cousin"), "members[0].relation"),
    ("relation not text", _with((*M0, "relation"), 1), "members[0].relation"),
    ("in school as text", _with((*M0, "in_school"), "yes"), "members[0].in_school"),
    ("certificate as number", _with((*M0, "disability_certificate"), 1),
     "members[0].disability_certificate"),
    ("income item float", _with((*M0, "incomes"), [{"kind": "pension", "amount": 1.5}]),
     "members[0].incomes[0].amount"),
    ("income item without amount", _with((*M0, "incomes"), [{"kind": "pension"}]),
     "members[0].incomes[0].amount"),
    ("income item without kind", _with((*M0, "incomes"), [{"amount": "10"}]),
     "members[0].incomes[0].kind"),
    ("income item negative tax", _with((*M0, "incomes"), [{"kind": "pension", "amount": "10", "tax": "-1"}]),
     "members[0].incomes[0].tax"),
    ("municipal percentage below 50", _with(("municipal_percentage",), "40"), "municipal_percentage"),
    ("municipal percentage above 100", _with(("municipal_percentage",), 101), "municipal_percentage"),
    ("municipal percentage float", _with(("municipal_percentage",), 70.5), "municipal_percentage"),
]


@pytest.mark.parametrize(("case", "body", "field"), BAD_ELIGIBILITY, ids=[c[0] for c in BAD_ELIGIBILITY])
def test_bad_eligibility_input_is_422_naming_the_field(
    client: Any, headers: dict[str, str], case: str, body: dict[str, Any], field: str
) -> None:
    res = post(client, "/api/eligibility", body, headers)
    assert res.status_code == 422, (case, res.get_json())
    data = res.get_json()
    assert data["error"]
    assert field in data["fields"], data
    assert data["fields"][field]


def test_every_problem_is_reported_at_once(client: Any, headers: dict[str, str]) -> None:
    body = {"on": "x", "benefit": "y", "members": [{"age": -1, "net_income": "-5"}, {"net_income": 1.5}]}
    fields = post(client, "/api/eligibility", body, headers).get_json()["fields"]
    assert {"on", "benefit", "members[0].age", "members[0].net_income", "members[1].age",
            "members[1].net_income"} <= set(fields)


@pytest.mark.parametrize("path", ["/api/eligibility", "/api/deadlines"])
@pytest.mark.parametrize("raw", ["[1, 2]", '"text"', "null", "{not json", "42"])
def test_a_body_that_is_not_an_object_is_422(client: Any, headers: dict[str, str], path: str,
                                              raw: str) -> None:
    res = client.post(path, data=raw, content_type="application/json", headers=headers)
    assert res.status_code == 422
    assert "body" in res.get_json()["fields"]


def test_a_body_without_json_content_type_is_422(client: Any, headers: dict[str, str]) -> None:
    res = client.post("/api/eligibility", data="on=2025-03-01", headers=headers)
    assert res.status_code == 422
    assert "body" in res.get_json()["fields"]


# --- deadlines -----------------------------------------------------------------------------------


@pytest.mark.parametrize(("body", "due"), [
    # Monday 3 March 2025: urgent = 2 working days, normal = 14 working days.
    ({"kind": "interview", "start": "2025-03-03", "urgent": True}, "2025-03-05"),
    ({"kind": "interview", "start": "2025-03-03"}, "2025-03-21"),
    # 1 month after filing, the same day number.
    ({"kind": "decision", "start": "2025-03-03"}, "2025-04-03"),
    ({"kind": "decision_complex", "start": "2025-03-03"}, "2025-05-05"),  # 3 May: Sat + holiday
    ({"kind": "supplement", "start": "2025-03-03"}, "2025-03-10"),
    ({"kind": "supplement", "start": "2025-03-03", "days": 10}, "2025-03-13"),
    ({"kind": "deemed_delivery", "start": "2025-03-03"}, "2025-03-17"),
    ({"kind": "appeal", "start": "2025-03-03"}, "2025-03-17"),
])
def test_deadlines(client: Any, headers: dict[str, str], body: dict[str, Any], due: str) -> None:
    res = post(client, "/api/deadlines", body, headers)
    assert res.status_code == 200, res.get_json()
    data = res.get_json()
    assert data["due"] == due
    assert data["explanation"] and data["legal_basis"]


def test_urgent_interview_cites_the_regulation(client: Any, headers: dict[str, str]) -> None:
    data = post(client, "/api/deadlines",
                {"kind": "interview", "start": "2025-03-03", "urgent": True}, headers).get_json()
    assert any("2021 poz. 893" in ref for ref in data["legal_basis"])
    assert data["parameters"]["interview.working_days_urgent"]["value"] == 2


def test_appeal_ending_on_a_holiday_moves_to_the_next_working_day(
    client: Any, headers: dict[str, str]
) -> None:
    # Delivered Tuesday 28 Oct 2025: 14 days end on Tuesday 11 November, Independence Day.
    data = post(client, "/api/deadlines", {"kind": "appeal", "start": "2025-10-28"}, headers).get_json()
    assert data["due"] == "2025-11-12"
    assert "art. 57 § 4 KPA" in data["legal_basis"]
    assert any(s["key"] == "appeal.shift" and s["result"] == "2025-11-12" for s in data["explanation"])


def test_appeal_ending_on_a_weekend_moves_to_monday(client: Any, headers: dict[str, str]) -> None:
    # Delivered Saturday 1 March 2025: 14 days end on Saturday 15 March -> Monday 17 March.
    data = post(client, "/api/deadlines", {"kind": "appeal", "start": "2025-03-01"}, headers).get_json()
    assert data["due"] == "2025-03-17"


BAD_DEADLINES = [
    ("unknown kind", {"kind": "hearing", "start": "2025-03-03"}, "kind"),
    ("kind missing", {"start": "2025-03-03"}, "kind"),
    ("start missing", {"kind": "appeal"}, "start"),
    ("start malformed", {"kind": "appeal", "start": "3.03.2025"}, "start"),
    ("start impossible", {"kind": "appeal", "start": "2025-13-01"}, "start"),
    ("start far away", {"kind": "appeal", "start": "9999-12-31"}, "start"),
    ("urgent as text", {"kind": "interview", "start": "2025-03-03", "urgent": "yes"}, "urgent"),
    ("urgent appeal", {"kind": "appeal", "start": "2025-03-03", "urgent": True}, "urgent"),
    ("days under 7", {"kind": "supplement", "start": "2025-03-03", "days": 5}, "days"),
    ("days zero", {"kind": "supplement", "start": "2025-03-03", "days": 0}, "days"),
    ("days huge", {"kind": "supplement", "start": "2025-03-03", "days": 10**9}, "days"),
    ("days as bool", {"kind": "supplement", "start": "2025-03-03", "days": True}, "days"),
    ("days as text", {"kind": "supplement", "start": "2025-03-03", "days": "10"}, "days"),
    ("days as a fraction", {"kind": "supplement", "start": "2025-03-03", "days": 10.5}, "days"),
    ("days for an appeal", {"kind": "appeal", "start": "2025-03-03", "days": 14}, "days"),
    ("unknown key", {"kind": "appeal", "start": "2025-03-03", "from": "x"}, "from"),
]


@pytest.mark.parametrize(("case", "body", "field"), BAD_DEADLINES, ids=[c[0] for c in BAD_DEADLINES])
def test_bad_deadline_input_is_422_naming_the_field(
    client: Any, headers: dict[str, str], case: str, body: dict[str, Any], field: str
) -> None:
    res = post(client, "/api/deadlines", body, headers)
    assert res.status_code == 422, (case, res.get_json())
    assert field in res.get_json()["fields"], res.get_json()


# --- authorisation -------------------------------------------------------------------------------


@pytest.mark.parametrize(("path", "body"), [
    ("/api/eligibility", single("0")),
    ("/api/deadlines", {"kind": "appeal", "start": "2025-03-03"}),
])
def test_api_refuses_admin_and_anonymous(client: Any, path: str, body: dict[str, Any]) -> None:
    assert client.post(path, json=body).status_code == 401
    assert client.post(path, json=body, headers={"Authorization": "Bearer nonsense"}).status_code == 401
    admin = {"Authorization": f"Bearer {_token(client, 'admin')}"}
    res = client.post(path, json=body, headers=admin)
    assert res.status_code == 403
    assert "error" in res.get_json()


def test_api_is_exempt_from_csrf_but_the_page_is_not(test_config: dict[str, Any], ctx: Any) -> None:
    from app import create_app
    from tests.conftest import actor_for

    app = create_app({**test_config, "SERVICE_CONTEXT": ctx, "WTF_CSRF_ENABLED": True})
    client = app.test_client()
    headers = {"Authorization": f"Bearer {_token(client, 'caseworker1')}"}
    assert client.post("/api/eligibility", json=single("0"), headers=headers).status_code == 200
    assert client.post("/api/deadlines", json={"kind": "appeal", "start": "2025-03-03"},
                       headers=headers).status_code == 200
    with client.session_transaction() as sess:
        sess["_user_id"] = str(actor_for(ctx, "caseworker1").id)
        sess["_fresh"] = True
    assert client.get("/symulator").status_code == 200
    assert client.post("/symulator", data=page_form()).status_code == 400


# --- the /symulator page -------------------------------------------------------------------------


def login(client: Any, username: str = "caseworker1") -> None:
    res = client.post("/login", data={"username": username, "password": "demo"})
    assert res.status_code == 302, res.data[:300]


def page_form(**overrides: str) -> dict[str, Any]:
    """A filled-in symulator form: one person living alone, unable to work, income 500 zł."""
    data: dict[str, Any] = {
        "on": ON, "municipal_percentage": "",
        "members[0]._row": "1", "members[0].age": "40", "members[0].sex": "",
        "members[0].net_income": "500", "members[0].alimony_awarded": "",
        "members[0].alimony_paid": "", "members[0].unable_to_work": "on",
        "deadline.kind": "interview", "deadline.start": "2025-03-03", "deadline.days": "",
        "_action": "calculate",
    }
    data.update(overrides)
    return data


def text_of(res: Any) -> str:
    return str(res.get_data(as_text=True))


def test_page_renders_for_a_caseworker(client: Any) -> None:
    login(client)
    res = client.get("/symulator")
    assert res.status_code == 200
    html = text_of(res)
    assert "Symulator świadczeń" in html
    assert 'name="members[0].age"' in html and 'name="deadline.kind"' in html
    assert "<template data-template>" in html


def test_page_and_supervisor(client: Any) -> None:
    login(client, "supervisor")
    assert client.get("/symulator").status_code == 200


def test_page_refuses_admin_and_anonymous(client: Any) -> None:
    res = client.get("/symulator")
    assert res.status_code == 302 and "/login" in res.headers["Location"]
    login(client, "admin")
    assert client.get("/symulator").status_code == 403


def test_page_shows_every_benefit_side_by_side(client: Any) -> None:
    login(client)
    res = client.post("/symulator", data=page_form())
    assert res.status_code == 200, text_of(res)[:2000]
    html = text_of(res)
    for label in ("Zasiłek stały", "Zasiłek okresowy", "Specjalny zasiłek celowy", "Zasiłek rodzinny",
                  "Świadczenie z funduszu alimentacyjnego"):
        assert label in html
    for benefit in BENEFITS:
        assert f'data-benefit="{benefit}"' in html
        assert f'id="benefit-{benefit}"' in html
    assert re.search(r"813,00\s*zł", html)  # zasiłek stały 1313 - 500
    assert "255,00" in html  # zasiłek okresowy (1010 - 500) x 50%
    # The full explanation: steps, parameters with validity dates and sources, legal basis.
    assert "Wyliczenie krok po kroku" in html
    assert "zasilek_staly.cap" in html and "01.01.2025" in html
    assert "Dz.U. 2024 poz. 1044" in html
    assert "art. 37 ust. 2 pkt 1 u.p.s." in html
    assert 'value="500"' in html  # the input stays


def test_page_accepts_a_decimal_comma(client: Any) -> None:
    login(client)
    html = text_of(client.post("/symulator", data=page_form(**{"members[0].net_income": "500,00"})))
    assert re.search(r"813,00\s*zł", html)


def test_page_keeps_the_input_and_shows_field_errors(client: Any) -> None:
    login(client)
    res = client.post("/symulator", data=page_form(**{
        "members[0].age": "czterdzieści", "members[0].net_income": "-5",
        "members[1]._row": "1", "members[1].age": "12", "members[1].net_income": "12.345",
    }))
    assert res.status_code == 422
    html = text_of(res)
    assert 'value="czterdzieści"' in html and 'value="-5"' in html and 'value="12.345"' in html
    assert 'value="12"' in html
    assert "Podaj wiek w pełnych latach" in html
    assert "Kwota nie może być ujemna." in html
    assert "najwyżej dwa miejsca po przecinku" in html
    assert 'href="#f-members[0].age"' in html  # the error summary links to the field
    assert 'id="f-members[0].age"' in html and 'aria-invalid="true"' in html
    assert "data-benefit=" not in html  # nothing computed


def test_page_reports_a_date_without_parameters(client: Any) -> None:
    login(client)
    res = client.post("/symulator", data=page_form(on="2010-01-01"))
    html = text_of(res)
    # Benefits that need no parameter for this household (no child: no family benefits) are
    # still shown; the others say why they were not computed, and the date field has the error.
    assert res.status_code == 200
    assert "Nie wszystkie świadczenia dało się obliczyć" in html
    assert 'value="2010-01-01"' in html
    assert "brak parametrów prawnych" in html
    assert 'href="#f-on"' in html


def test_page_adds_and_removes_household_rows_without_javascript(client: Any) -> None:
    login(client)
    html = text_of(client.post("/symulator", data=page_form(_action="add:members")))
    assert 'name="members[1].age"' in html
    assert 'value="500"' in html
    two = page_form(**{"members[1]._row": "1", "members[1].age": "9", "_action": "remove:members[1]"})
    html = text_of(client.post("/symulator", data=two))
    assert 'name="members[1].age"' not in html
    # The applicant's row cannot be removed.
    html = text_of(client.post("/symulator", data=page_form(_action="remove:members[0]")))
    assert 'name="members[0].age"' in html


def test_page_household_of_two(client: Any) -> None:
    login(client)
    data = page_form(**{"members[0].unable_to_work": "", "members[0].net_income": "1000",
                        "members[1]._row": "1", "members[1].age": "10",
                        "members[1].alimony_awarded": "600"})
    del data["members[0].unable_to_work"]
    res = client.post("/symulator", data=data)
    assert res.status_code == 200
    html = text_of(res)
    assert re.search(r"600,00\s*zł", html)  # fundusz alimentacyjny for the child


def test_page_household_with_relation_school_and_certificate(client: Any) -> None:
    login(client)
    data = page_form(**{"members[0].net_income": "1000", "members[0].relation": "applicant",
                        "members[1]._row": "1", "members[1].age": "22",
                        "members[1].relation": "spouse",
                        "members[2]._row": "1", "members[2].age": "22",
                        "members[2].relation": "child", "members[2].in_school": "on",
                        "members[2].disability_certificate": "on"})
    del data["members[0].unable_to_work"]
    html = text_of(client.post("/symulator", data=data))
    assert 'name="members[1].relation"' in html and 'name="members[2].in_school"' in html
    assert 'name="members[2].disability_certificate"' in html
    assert "nigdy nie jest dzieckiem" in html  # the spouse
    assert re.search(r"135,00\s*zł", html)  # the child of 22 in school with a certificate


def test_page_deadline_calculator(client: Any) -> None:
    login(client)
    res = client.post("/symulator", data=page_form(**{
        "_action": "deadline", "deadline.kind": "appeal", "deadline.start": "2025-10-28"}))
    assert res.status_code == 200
    html = text_of(res)
    assert "12.11.2025" in html
    assert "art. 57 § 4 KPA" in html
    assert 'value="2025-10-28"' in html


def test_page_deadline_error_keeps_the_input(client: Any) -> None:
    login(client)
    res = client.post("/symulator", data=page_form(**{
        "_action": "deadline", "deadline.kind": "supplement", "deadline.start": "2025-03-03",
        "deadline.days": "5"}))
    assert res.status_code == 422
    html = text_of(res)
    assert 'value="5"' in html
    assert "co najmniej 7 dni" in html
    assert 'href="#f-deadline.days"' in html


def test_page_in_english_shows_the_service_messages_unchanged(client: Any) -> None:
    login(client)
    client.get("/lang/en")
    res = client.post("/symulator", data=page_form(**{"members[0].age": "x"}))
    assert res.status_code == 422
    assert "The age must be a whole number of years." in text_of(res)


# --- dates the legal parameters do not cover ----------------------------------------------------

# (date, the code the API gives): absurd years, before the table, after its horizon.
UNCOVERED = [
    ("0001-01-01", "date_range"),
    ("1899-12-31", "date_range"),
    ("9999-12-31", "date_range"),
    ("2000-01-01", "parameters_not_in_force"),
    ("2028-01-01", "parameters_not_yet_known"),
    ("2150-06-30", "parameters_not_yet_known"),
]


@pytest.mark.parametrize(("day", "code"), UNCOVERED)
def test_eligibility_refuses_a_date_the_parameters_do_not_cover(
        client: Any, headers: dict[str, str], day: str, code: str) -> None:
    res = post(client, "/api/eligibility", {**single(), "on": day}, headers)
    assert res.status_code == 422, res.get_json()
    body = res.get_json()
    assert body["field_codes"]["on"]["code"] == code
    assert "amount" not in body  # never a silent answer with today's figures


@pytest.mark.parametrize(("day", "code"), UNCOVERED)
def test_deadlines_refuse_a_start_the_parameters_do_not_cover(
        client: Any, headers: dict[str, str], day: str, code: str) -> None:
    res = post(client, "/api/deadlines", {"kind": "decision", "start": day}, headers)
    assert res.status_code == 422, res.get_json()
    assert res.get_json()["field_codes"]["start"]["code"] == code


def test_the_horizon_is_the_day_before_the_next_review_of_the_criteria(
        client: Any, headers: dict[str, str]) -> None:
    from app.domain.parameters import covered_until

    # The criteria of 1 January 2025 are reviewed after 3 years (art. 9 u.p.s.).
    assert covered_until().isoformat() == "2027-12-31"
    assert post(client, "/api/eligibility", {**single(), "on": "2027-12-31"}, headers).status_code == 200
    res = post(client, "/api/deadlines", {"kind": "appeal", "start": "2027-12-31"}, headers)
    assert res.status_code == 200
    res = post(client, "/api/eligibility", {**single(), "on": "2028-01-01"}, headers)
    assert res.get_json()["field_codes"]["on"]["params"] == {"latest": "2027-12-31"}
    assert "2027-12-31" in res.get_json()["fields"]["on"]


def test_the_page_refuses_dates_the_parameters_do_not_cover(client: Any) -> None:
    login(client)
    res = client.post("/symulator", data=page_form(on="2150-06-30"))
    assert res.status_code == 422
    html = text_of(res)
    assert "Parametry prawne w systemie sięgają do 31.12.2027" in html
    assert 'value="2150-06-30"' in html and 'href="#f-on"' in html
    assert "data-benefit=" not in html  # nothing computed
    res = client.post("/symulator", data=page_form(on="0001-01-01"))
    assert res.status_code == 422 and "Data musi przypadać między" in text_of(res)
    res = client.post("/symulator", data=page_form(**{
        "_action": "deadline", "deadline.kind": "appeal", "deadline.start": "2150-01-01"}))
    assert res.status_code == 422
    assert "Parametry prawne w systemie sięgają do 31.12.2027" in text_of(res)
    assert 'href="#f-deadline.start"' in text_of(res)
