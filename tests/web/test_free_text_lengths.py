"""Issue 19 finding 10 (part 8): free-text limits fit their use.

A recovery decision's justification (its uzasadnienie, art. 107 § 3 KPA) and an undue-benefit
finding's fact were refused above 64 characters. They now take what every other justification
in the application takes (4000 characters, as the decision forms), with a coded error above it.
"""

from __future__ import annotations

import html
from typing import Any

import pytest

from app.services.kernel.context import ServiceContext
from app.services.kernel.json_input import LONG_TEXT
from tests.recovery_data import ACCOUNT, make_case
from tests.web.test_recovery_web import body, decisions, login, token

pytestmark = [pytest.mark.timeout(120), pytest.mark.embedded]

FACT = ("Strona od 2 stycznia 2026 r. podjęła zatrudnienie na podstawie umowy o pracę i nie "
        "powiadomiła ośrodka o zmianie sytuacji dochodowej, mimo pouczenia. ") * 8
JUSTIFICATION = ("Zgodnie z art. 30 ust. 1 ustawy o pomocy społecznej osoba, która pobrała "
                 "nienależne świadczenie, jest obowiązana do jego zwrotu. ") * 20


def stored_justifications(ctx: ServiceContext) -> list[str]:
    from sqlalchemy import select

    from app.persistence.models import RecoveryDecision

    with ctx.uow(readonly=True) as uow:
        return list(uow.session.scalars(select(RecoveryDecision.justification).order_by(RecoveryDecision.id)))


def test_lengths_are_realistic() -> None:
    assert 64 < len(FACT) < LONG_TEXT and 64 < len(JUSTIFICATION) < LONG_TEXT and LONG_TEXT == 4000


def test_finding_10_a_long_fact_and_justification_are_kept_whole_through_the_api(
        client: Any, ctx: ServiceContext) -> None:
    rows = make_case(ctx)
    cw = token(client, "caseworker1")
    res = client.post(f"/api/cases/{rows.case_id}/recoveries", json=body(rows, "500.00", fact=FACT),
                      headers=cw)
    assert res.status_code == 201, res.get_json()
    rid = res.get_json()["id"]
    res = client.post(f"/api/recoveries/{rid}/decisions", headers=cw, json={
        "kind": "recovery", "justification": JUSTIFICATION, "repay_by": "2026-04-30", "account": ACCOUNT})
    assert res.status_code == 201, res.get_json()
    listed = client.get(f"/api/cases/{rows.case_id}/recoveries", headers=cw).get_json()["recoveries"][0]
    assert listed["fact"] == FACT.strip()
    assert stored_justifications(ctx) == [JUSTIFICATION.strip()]


def test_finding_10_over_the_limit_is_a_coded_422_naming_the_field(client: Any, ctx: ServiceContext) -> None:
    rows = make_case(ctx)
    cw = token(client, "caseworker1")
    res = client.post(f"/api/cases/{rows.case_id}/recoveries",
                      json=body(rows, "500.00", fact="x" * (LONG_TEXT + 1)), headers=cw)
    assert res.status_code == 422
    assert res.get_json()["field_codes"]["fact"] == {"code": "max_length", "params": {"limit": LONG_TEXT}}
    rid = client.post(f"/api/cases/{rows.case_id}/recoveries", json=body(rows, "500.00"),
                      headers=cw).get_json()["id"]
    res = client.post(f"/api/recoveries/{rid}/decisions", headers=cw, json={
        "kind": "recovery", "justification": "x" * (LONG_TEXT + 1), "repay_by": "2026-04-30",
        "account": ACCOUNT})
    assert res.status_code == 422
    assert res.get_json()["field_codes"]["justification"]["code"] == "max_length"


def test_finding_10_the_pages_take_a_long_fact_and_justification(client: Any, ctx: ServiceContext) -> None:
    rows = make_case(ctx)
    pid = rows.payments[0]
    login(client, "caseworker1")
    res = client.post(f"/cases/{rows.case_id}/recoveries", data={
        "payment": [str(pid)], f"amount_{pid}": "500.00", "ground": "unreported_change", "fact": FACT})
    assert res.status_code == 302, html.unescape(res.get_data(as_text=True))[-2000:]
    rid = client.get(f"/api/cases/{rows.case_id}/recoveries").get_json()["recoveries"][0]["id"]
    draft = {"case_id": rows.case_id, "kind": "recovery", "justification": "y" * (LONG_TEXT + 1),
             "repay_by": "2026-04-30", "account": ACCOUNT}
    res = client.post(f"/recoveries/{rid}/decisions", data=draft)
    page = html.unescape(res.get_data(as_text=True))
    assert res.status_code == 422 and "Tekst jest za długi; maksymalna liczba znaków: 4000." in page
    res = client.post(f"/recoveries/{rid}/decisions", data={**draft, "justification": JUSTIFICATION})
    assert res.status_code == 302
    assert len(decisions(client, rows.case_id)) == 1
    assert stored_justifications(ctx) == [JUSTIFICATION.strip()]


def test_finding_10_a_notice_override_reason_has_the_same_limit(client: Any, ctx: ServiceContext) -> None:
    rows = make_case(ctx, notice=False)
    cw = token(client, "caseworker1")
    res = client.post(f"/api/cases/{rows.case_id}/recoveries", headers=cw,
                      json=body(rows, "500.00", notice_override="z" * (LONG_TEXT + 1)))
    assert res.status_code == 422
    assert res.get_json()["field_codes"]["notice_override"]["code"] == "max_length"
    res = client.post(f"/api/cases/{rows.case_id}/recoveries", headers=cw,
                      json=body(rows, "500.00", notice_override=FACT))
    assert res.status_code == 201, res.get_json()


def test_a_deploy_comment_over_its_limit_is_refused_not_cut(client: Any, ctx: ServiceContext) -> None:
    """Found while checking the other free-text limits: the API and the editor cut a deploy's
    comment at 500 characters without a word (its column is Text); now a coded 422."""
    from app.services.definitions.deploy import COMMENT_CHARS
    from app.workflow_engine import load_sources

    sources, forms = load_sources(ctx.config["WORKFLOWS_DIR"])
    upload = {"sources": {n: r.decode() for n, r in sources.items()}, "forms": forms,
              "comment": "k" * (COMMENT_CHARS + 1)}
    res = client.post("/api/definitions", json=upload, headers=token(client, "admin"))
    assert res.status_code == 422
    assert res.get_json()["field_codes"]["comment"] == {"code": "max_length",
                                                         "params": {"limit": COMMENT_CHARS}}
    login(client, "admin")
    res = client.post("/admin/definitions/deploy", json=upload)
    assert res.status_code == 422 and "comment" in res.get_json()["fields"]
