"""The bad-input corpus of names (issue 19, findings 4-6): each name through the API and the
application page, refused with a coded, field-named error, or accepted and carried as written
into the documents (PDF), the payment list's XLSX and the Elixir-O bank file.

Beside tests/web/test_bad_input.py (which is past 400 lines). The rule lives in
app/services/kernel/json_input.py (``text_problem``/``clean_text``), the exporters' rules in
app/services/documents/spreadsheet.py and app/services/payments/elixir.py (``bank_text``).
"""

from __future__ import annotations

import io
import unicodedata
import zipfile
from datetime import date
from typing import Any

import openpyxl
import pytest
from sqlalchemy import func, select

from app.persistence.models import Case, HouseholdMember
from app.services import payments
from app.services.documents import document_store, letters
from app.services.kernel.context import Actor, ServiceContext
from tests.drive import sample_application
from tests.payment_data import grant, parse_elixir
from tests.pdftext import pdf_text
from tests.web.test_api_roles import token
from tests.web.test_pages import application_form, login

pytestmark = [pytest.mark.timeout(180), pytest.mark.embedded]

# (id, first name, the code it is refused with)
REFUSED: list[tuple[str, str, str]] = [
    ("bell", "Jan\x07", "text_control_character"),
    ("ansi-escape", "Jan\x1b[31m", "text_control_character"),
    ("delete", "Jan\x7f", "text_control_character"),
    ("c1-control", "Jan\x85", "text_control_character"),
    ("line-separator", "Jan\u2028Nowak", "text_control_character"),
    ("right-to-left-override", "Anna\u202e65020977292 LESEP", "text_bidi_character"),
    ("rlo-and-zero-width-space", "Anna\u202eZasiłek\u200b", "text_bidi_character"),
    ("isolate", "Anna\u2066x\u2069", "text_bidi_character"),
    ("left-to-right-mark", "Anna\u200e", "text_bidi_character"),
    ("arabic-letter-mark", "Anna\u061c", "text_bidi_character"),
    ("zero-width-space", "An\u200bna", "text_invisible_character"),
    ("zero-width-joiner", "An\u200dna", "text_invisible_character"),
    ("word-joiner", "An\u2060na", "text_invisible_character"),
    ("byte-order-mark", "\ufeffAnna", "text_invisible_character"),
]
# A name with an emoji is not a name: refused at the view (the request guard lets symbols pass).
EMOJI: list[tuple[str, str]] = [("emoji", "Ola😀"), ("emoji-only", "🙂"), ("dingbat", "Ola✈")]
# Names the centre must accept: letters of any script, and text a spreadsheet would run.
ACCEPTED: list[tuple[str, str]] = [
    ("danish", "Søren"),
    ("cyrillic", "Юлия"),
    ("chinese", "王芳"),
    ("hyperlink-formula", '=HYPERLINK("http://127.0.0.1:9/x","Kliknij")&'),
    ("dde-formula", "=cmd|' /C calc'!A0&"),
    ("arithmetic", "=1+1+"),
    ("plus", "+48 Anna"),
    ("at", "@Anna"),
    ("minus", "-Ewa"),
]


def _api_open(client: Any, first_name: str) -> Any:
    body = sample_application()
    body["applicant"] = {**body["applicant"], "first_name": first_name}
    headers = {"Authorization": f"Bearer {token(client, 'caseworker1')}"}
    return client.post("/api/cases", json=body, headers=headers)


def _cases(ctx: ServiceContext) -> int:
    with ctx.uow(readonly=True) as uow:
        return int(uow.session.scalar(select(func.count(Case.id))) or 0)


@pytest.mark.parametrize(("name", "code"), [(n, c) for _, n, c in REFUSED], ids=[i for i, _, _ in REFUSED])
def test_finding_5_6_control_bidi_and_invisible_characters_are_refused_by_the_api(
        client: Any, ctx: ServiceContext, name: str, code: str) -> None:
    res = _api_open(client, name)
    assert res.status_code == 422, res.get_data(as_text=True)[:300]
    body = res.get_json()
    assert body["field_codes"]["applicant.first_name"]["code"] == code, body
    assert "U+" in body["fields"]["applicant.first_name"]  # names the character, not the value
    assert _cases(ctx) == 0


@pytest.mark.parametrize("name", [n for _, n in EMOJI], ids=[i for i, _ in EMOJI])
def test_a_name_with_an_emoji_is_refused_by_the_api(client: Any, ctx: ServiceContext, name: str) -> None:
    res = _api_open(client, name)
    assert res.status_code == 422, res.get_data(as_text=True)[:300]
    assert res.get_json()["field_codes"]["applicant.first_name"]["code"] == "name_symbol"
    assert _cases(ctx) == 0


@pytest.mark.parametrize("name", [n for _, n, _ in REFUSED] + [n for _, n in EMOJI],
                         ids=[i for i, _, _ in REFUSED] + [i for i, _ in EMOJI])
def test_the_page_refuses_the_same_names_in_polish(client: Any, ctx: ServiceContext, name: str) -> None:
    login(client, "caseworker1")
    res = client.post("/cases/new", data=application_form(**{"applicant.first_name": name,
                                                             "members[0].last_name": name}))
    assert res.status_code == 422
    page = res.get_data(as_text=True)
    assert any(words in page for words in ("znak sterujący", "zmiany kierunku pisma",
                                          "niewidoczny znak", "emoji i symbole")), page[:3000]
    assert "first_name" in page or "Imię" in page
    assert _cases(ctx) == 0


@pytest.mark.parametrize("name", [n for _, n in ACCEPTED], ids=[i for i, _ in ACCEPTED])
def test_letters_of_any_script_and_formula_like_names_are_accepted_as_written(
        client: Any, ctx: ServiceContext, name: str) -> None:
    res = _api_open(client, name)
    assert res.status_code == 201, res.get_data(as_text=True)[:300]
    with ctx.uow(readonly=True) as uow:
        stored = uow.session.scalars(select(HouseholdMember.first_name)).all()
    assert name in stored


def test_names_are_stored_in_nfc(client: Any, ctx: ServiceContext) -> None:
    decomposed = unicodedata.normalize("NFD", "Żółkiewska Zoë")
    assert decomposed != "Żółkiewska Zoë"
    assert _api_open(client, decomposed).status_code == 201
    login(client, "caseworker1")
    res = client.post("/cases/new", data=application_form(**{
        "applicant.pesel": "", "applicant.birth_date": "1975-01-15", "applicant.sex": "M",
        "applicant.last_name": unicodedata.normalize("NFD", "Wiśniewski")}))
    assert res.status_code == 302, res.get_data(as_text=True)[:2000]
    with ctx.uow(readonly=True) as uow:
        names = set(uow.session.scalars(select(HouseholdMember.first_name)).all()) | set(
            uow.session.scalars(select(HouseholdMember.last_name)).all())
    assert "Żółkiewska Zoë" in names and "Wiśniewski" in names
    assert all(unicodedata.is_normalized("NFC", n) for n in names)


def test_the_address_refuses_bidi_and_keeps_line_breaks(client: Any, ctx: ServiceContext) -> None:
    headers = {"Authorization": f"Bearer {token(client, 'caseworker1')}"}
    bad = client.post("/api/cases", json=sample_application(address="ul. Długa 1\u202e, Kraków"),
                      headers=headers)
    assert bad.status_code == 422
    assert bad.get_json()["field_codes"]["address"]["code"] == "text_bidi_character"
    good = client.post("/api/cases", json=sample_application(address="ul. Długa 1\n31-000 Kraków"),
                       headers=headers)
    assert good.status_code == 201


# --- carried into the exports ----------------------------------------------------------------

CARRIED = ["Søren", "Юлия", "王芳", '=HYPERLINK("http://127.0.0.1:9/x","Kliknij")&',
           "=cmd|' /C calc'!A0&", "=1+1+", "@Anna", "-Ewa", "+48 Anna"]


def _list_of(ctx: ServiceContext, supervisor: Actor, names: list[str], cash: bool = False) -> int:
    for name in names:
        grant(ctx, name=(name, "Nowak"), account=None if cash else "PL61109010140000071219812874")
    run = payments.monthly_payment_run(ctx, date(2026, 3, 1))
    payments.approve_list(ctx, supervisor, run["list_id"])
    return int(run["list_id"])


def test_finding_4_formula_names_are_text_in_the_xlsx(ctx: ServiceContext, supervisor: Actor) -> None:
    list_id = _list_of(ctx, supervisor, CARRIED)
    xlsx = payments.export_list(ctx, supervisor, list_id, "xlsx").content
    sheet = zipfile.ZipFile(io.BytesIO(xlsx)).read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet, "no cell is a formula"
    ws = openpyxl.load_workbook(io.BytesIO(xlsx)).active
    assert ws is not None
    payees = {ws.cell(row=r, column=3).value: ws.cell(row=r, column=3) for r in range(2, ws.max_row)}
    for name in CARRIED:
        cell = payees[f"{name} Nowak"]
        assert cell.data_type == "s", name
        assert cell.quotePrefix == name.startswith(("=", "+", "-", "@")), name


def test_finding_5_an_old_control_character_does_not_break_the_xlsx(
        ctx: ServiceContext, supervisor: Actor) -> None:
    # Rows written before the edge refused them (the model takes what the database holds).
    list_id = _list_of(ctx, supervisor, ["Jan\x07", "Ewa\x1b[31m"])
    xlsx = payments.export_list(ctx, supervisor, list_id, "xlsx").content
    ws = openpyxl.load_workbook(io.BytesIO(xlsx)).active
    assert ws is not None
    assert {ws.cell(row=r, column=3).value for r in (2, 3)} == {"Jan\ufffd Nowak", "Ewa\ufffd[31m Nowak"}


@pytest.mark.parametrize("encoding", ["cp1250", "cp852"])
def test_finding_5_the_bank_file_transliterates_never_question_marks(
        ctx: ServiceContext, supervisor: Actor, encoding: str) -> None:
    list_id = _list_of(ctx, supervisor, ["Søren", "Юлия", "王芳", "Zażółć\x07", "Ærø\x1b[31m", "=1+1+"])
    config: Any = ctx.config
    config["ELIXIR_ENCODING"] = encoding
    try:
        data = payments.export_list(ctx, supervisor, list_id, "elixir").content
    finally:
        config["ELIXIR_ENCODING"] = "cp1250"
    assert b"?" not in data and b"\x07" not in data and b"\x1b" not in data
    payees = {r.payee_text.split("|")[0] for r in parse_elixir(data, encoding)}
    assert payees == {"Soren Nowak", "Yuliya Nowak", "WangFang Nowak", "Zażółć Nowak",
                      "Aero [31m Nowak", "=1+1+ Nowak"}


def test_names_of_any_script_print_in_the_cash_desk_list(ctx: ServiceContext, supervisor: Actor) -> None:
    list_id = _list_of(ctx, supervisor, ["Søren", "Юлия", "王芳", "=1+1+"], cash=True)
    text = pdf_text(payments.export_list(ctx, supervisor, list_id, "cash_pdf").content)
    for name in ("Søren Nowak", "Юлия Nowak", "王芳 Nowak", "=1+1+ Nowak"):
        assert name in text, (name, text)


def test_names_of_any_script_print_in_a_letter(client: Any, ctx: ServiceContext,
                                               caseworker: Actor) -> None:
    res = _api_open(client, "Юлия 王芳 Søren")
    case_id = res.get_json()["case_id"] if "case_id" in res.get_json() else res.get_json()["id"]
    doc = letters.issue_letter(ctx, caseworker, case_id, "supplement_call",
                               {"items": "zaświadczenie", "days": 7})
    content, _ = document_store.download(ctx, caseworker, case_id, doc["id"])
    assert "Юлия 王芳 Søren Testowy" in " ".join(pdf_text(content).split())


def test_finding_6_a_letter_fact_with_an_override_is_refused(ctx: ServiceContext, caseworker: Actor,
                                                              client: Any) -> None:
    res = _api_open(client, "Anna")
    case_id = res.get_json()["case_id"] if "case_id" in res.get_json() else res.get_json()["id"]
    reply = client.post(f"/api/cases/{case_id}/letters", json={
        "kind": "supplement_call", "facts": {"items": "zaświadczenie\u202e", "days": 7}},
        headers={"Authorization": f"Bearer {token(client, 'caseworker1')}"})
    assert reply.status_code == 422
    assert reply.get_json()["field_codes"]["facts.items"]["code"] == "text_bidi_character"
    with pytest.raises(Exception) as err:
        letters.issue_letter(ctx, caseworker, case_id, "supplement_call",
                             {"items": "za\u200bświadczenie", "days": 7})
    assert getattr(err.value, "errors", {}).get("items") is not None


# --- the other entry points: task forms, the office, recovery texts ------------------------------

def test_a_task_form_refuses_an_override_and_stores_nfc(client: Any, ctx: ServiceContext,
                                                       caseworker: Actor) -> None:
    from app.services.cases import opening as cases
    from app.services.workflow import worklist
    from tests.drive import ready_tasks

    case_id = cases.open_case(ctx, caseworker, sample_application())
    ht = ready_tasks(ctx, case_id)[0]
    headers = {"Authorization": f"Bearer {token(client, 'supervisor')}"}
    res = client.post(f"/api/tasks/{ht.id}/complete", headers=headers, json={
        "version": ht.version, "data": {"complete": True, "missing_items": "brak\u202e zaświadczenia"}})
    assert res.status_code == 422
    assert res.get_json()["field_codes"]["data.missing_items"]["code"] == "text_bidi_character"
    data = {"complete": False, "missing_items": unicodedata.normalize("NFD", "zaświadczenie")}
    errors = worklist.check(ctx, caseworker, ht.id, data)
    assert "missing_items" not in errors
    assert data["missing_items"] == "zaświadczenie"  # normalised in place before it is kept


def test_the_office_settings_refuse_invisible_characters(ctx: ServiceContext, admin: Actor) -> None:
    from app.services.documents import office
    from app.services.kernel.errors import ValidationFailed

    values = {"gmina": "Gminy X", "body": "wojt", "centre_name": "Ośrodek\u200b",
              "centre_address": "ul. A 1\u202e", "centre_city": "X", "sko_name": "SKO",
              "sko_seat": "ul. B 2", "payment_method": "w kasie", "payment_day": ""}
    with pytest.raises(ValidationFailed) as err:
        office.set_office(ctx, admin, values)
    assert {k: getattr(v, "code", None) for k, v in err.value.errors.items()
            if k in ("centre_name", "centre_address")} == {
        "centre_name": "text_invisible_character", "centre_address": "text_bidi_character"}


def test_a_recovery_fact_refuses_an_override(ctx: ServiceContext, caseworker: Actor) -> None:
    from app.services.kernel.errors import ValidationFailed
    from app.services.recovery import claims as recovery
    from tests.recovery_data import make_case

    rows = make_case(ctx)
    with pytest.raises(ValidationFailed) as err:
        recovery.record_finding(ctx, caseworker, rows.case_id, {
            "payments": [{"payment_id": rows.payments[0], "amount": "100.00"}],
            "ground": "unreported_change", "fact": "Praca\u202e od 1 stycznia"})
    assert getattr(err.value.errors["fact"], "code", None) == "text_bidi_character"


def test_a_decomposed_surname_finds_the_case(client: Any, ctx: ServiceContext, caseworker: Actor) -> None:
    from app.services.cases import register

    body = sample_application()
    body["applicant"] = {**body["applicant"], "last_name": "Żółkiewska"}
    assert client.post("/api/cases", json=body, headers={
        "Authorization": f"Bearer {token(client, 'caseworker1')}"}).status_code == 201
    assert len(register.search_cases(ctx, caseworker, unicodedata.normalize("NFD", "Żółkiew"))) == 1
