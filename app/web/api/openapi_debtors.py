"""The FA debtor procedure's part of the OpenAPI document (app/web/api/debtors.py)."""

from __future__ import annotations

from typing import Any

from .openapi_helpers import _id, _op, _post
from .openapi_requests import DATE, input_schemas
from .openapi_responses import BOOL, INT, MONEY, OBJ, STR, array, nullable, obj

_ON = {"name": "on", "in": "query", "required": False, "schema": DATE,
       "description": "the day of the ledger (default today)"}
_SPLIT = obj({"state": MONEY, "creditor_gmina": MONEY, "debtor_gmina": MONEY})
_RECEIPT = obj({"id": INT, "received_on": DATE, "amount": MONEY, "interest_part": MONEY,
                "principal_part": MONEY, "overpaid_part": MONEY, "split": _SPLIT,
                "reference": STR})
_STEP = obj({"step": STR, "article": STR, "done_on": DATE, "due_on": nullable(DATE),
             "outcome": STR, "on_time": nullable(BOOL)})
_OPEN = obj({"task_id": INT, "step": STR, "article": STR, "title": STR, "role": STR,
             "due_on": nullable(DATE)})
SCHEMAS: dict[str, Any] = {
    **input_schemas("DebtorProcedureRequest", "DebtorDueRequest", "DebtorReceiptRequest"),
    "DebtorProcedure": obj({
        "id": INT, "case_id": INT, "case_number": STR, "status": STR, "outcome": nullable(STR),
        "debtor_id": INT, "debtor_name": STR, "debtor_pesel": nullable(STR),
        "debtor_address": STR, "fa_case_id": nullable(INT), "fa_case_number": nullable(STR),
        "creditor_gmina": STR, "debtor_gmina": STR, "same_gmina": BOOL,
        "request_received_on": DATE, "steps": array(_STEP), "open_steps": array(_OPEN),
        "dues": array(OBJ), "receipts": array(_RECEIPT), "balance": OBJ,
        "split_total": _SPLIT}),
    "DebtorProcedures": array(obj({"id": INT, "case_id": INT, "case_number": STR,
                                   "debtor_name": STR, "fa_case_id": nullable(INT),
                                   "request_received_on": DATE, "status": STR,
                                   "next_due_on": nullable(DATE)})),
    "DebtorDueAdded": obj({"id": INT, "procedure_id": INT}),
    "DebtorDuesImported": obj({"procedure_id": INT, "imported": INT}),
    "DebtorReceipt": _RECEIPT,
    "DebtorDeadlines": array(obj({"procedure_id": INT, "case_id": INT, "case_number": STR,
                                  "task_id": INT, "step": STR, "article": STR, "title": STR,
                                  "due_on": nullable(DATE)})),
}
PATHS: dict[str, Any] = {
    "/api/debtors": {
        "get": _op("The FA debtor procedures (art. 3-5 of the act of 7 Sep 2007), newest first, "
                   "with the next deadline", "DebtorProcedures"),
        "post": _post("Open a debtor procedure on the creditor centre's request: the debtor's "
                      "data (PESEL, or birth date and sex), both gminas, the day received, and "
                      "optionally the FA case; starts the fa_debtor process", "DebtorProcedure",
                      ok="201", body="DebtorProcedureRequest"),
    },
    "/api/debtors/{procedure_id}": {"get": _op(
        "A debtor procedure: steps with deadlines, the open step, dues, receipts with their "
        "art. 28 split and the balance with statutory interest on `on`; read audited",
        "DebtorProcedure", params=[_id("procedure_id"), _ON], errors=("404", "422"))},
    "/api/debtors/{procedure_id}/dues": {"post": _post(
        "Record FA paid to an entitled person (art. 27 ust. 1)", "DebtorDueAdded", ok="201",
        body="DebtorDueRequest", params=[_id("procedure_id")], errors=("404",))},
    "/api/debtors/{procedure_id}/dues/import": {"post": _post(
        "Take the linked FA case's paid payments as dues (each payment once)",
        "DebtorDuesImported", params=[_id("procedure_id")], errors=("404", "409"),
        optional_body=True)},
    "/api/debtors/{procedure_id}/receipts": {"post": _post(
        "Record an amount recovered: interest first, then the oldest principal; split 60 % "
        "state budget, 20 % creditor's gmina, 20 % debtor's gmina (art. 28)", "DebtorReceipt",
        ok="201", body="DebtorReceiptRequest", params=[_id("procedure_id")], errors=("404",))},
    "/api/debtor-deadlines": {"get": _op(
        "The open steps of every debtor procedure with their statutory deadlines",
        "DebtorDeadlines")},
}
