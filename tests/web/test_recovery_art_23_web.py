"""Art. 23 FA act on the API and the pages: the act's ground chosen on the finding form, the
10-year bar refused with its code and article (422), finality recorded and the limitation shown;
art. 132 KPA's demand fields on the case file's self-correction form."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from app.services.kernel.context import ServiceContext
from tests.recovery_data import ACCOUNT, make_case
from tests.web.test_recovery_web import login, text, token

pytestmark = [pytest.mark.timeout(120), pytest.mark.embedded]


def test_art_23_fa_ground_and_limitation_on_the_api_and_the_page(client: Any,
                                                                  ctx: ServiceContext) -> None:
    old = make_case(ctx, benefit="fundusz_alimentacyjny", months=(date(2015, 11, 10),),
                    issued_on=date(2015, 10, 1), delivered_on=date(2015, 10, 5))
    cw, sup = token(client, "caseworker1"), token(client, "supervisor")
    res = client.post(f"/api/cases/{old.case_id}/recoveries", headers=cw, json={
        "payments": [{"payment_id": old.payments[0], "amount": "500.00"}],
        "legal_ground": "fa_2_7_b", "fact": "Zatajony dochód."})
    assert res.status_code == 422
    problem = res.get_json()
    assert "art. 23 ust. 2-4" in str(problem) and "recovery.decision_barred" in str(problem)

    rows = make_case(ctx, benefit="fundusz_alimentacyjny", months=(date(2025, 10, 10),),
                     issued_on=date(2025, 9, 1), delivered_on=date(2025, 9, 5))
    login(client, "caseworker1")
    page = text(client.get(f"/cases/{rows.case_id}/recoveries"))
    assert 'name="legal_ground"' in page and "lit. e" in page and "bez odsetek" in page
    res = client.post(f"/api/cases/{rows.case_id}/recoveries", headers=cw, json={
        "payments": [{"payment_id": rows.payments[0], "amount": "500.00"}],
        "legal_ground": "fa_2_7_d", "fact": "Alimenty od dłużnika."})
    assert res.status_code == 201, res.get_json()
    rid = res.get_json()["id"]
    did = client.post(f"/api/recoveries/{rid}/decisions", headers=cw, json={
        "kind": "recovery", "justification": "Alimenty.", "repay_by": "2026-04-30",
        "account": ACCOUNT}).get_json()["id"]
    assert client.post(f"/api/recovery-decisions/{did}/approve", headers=sup).status_code == 200
    res = client.post(f"/api/recovery-decisions/{did}/final", headers=cw,
                      json={"final_on": "2026-03-01"})
    assert res.status_code == 422 and res.get_json()["fields"]["final_on"]
    page = text(client.get(f"/cases/{rows.case_id}/recoveries"))
    assert "termin biegnie od dnia" in page and f'action="/recovery-decisions/{did}/final"' in page
    res = client.post(f"/recovery-decisions/{did}/final",
                      data={"final_on": "2026-03-02", "case_id": rows.case_id})
    assert res.status_code == 302
    page = text(client.get(f"/cases/{rows.case_id}/recoveries"))
    # Final on 2 March 2026: 3 years end on 2 March 2029, barred from 3 March 2029.
    assert "należność przedawnia się z dniem 03.03.2029" in page
