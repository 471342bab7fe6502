"""The Elixir-O bank file: domestic transfers ("przelew") as Polish banks import them.

One record per transfer, comma-separated, ending in CR LF, of message type 110 (polecenie
przelewu), in the bank's code page (POMOC_ELIXIR_ENCODING: cp1250 or cp852)::

     1 110                     message type
     2 YYYYMMDD                execution date
     3 amount in grosze        integer, no separators
     4 payer's bank sort code  8 digits (digits 3-10 of the NRB)
     5 0
     6 "payer's NRB"           26 digits
     7 "payee's NRB"           26 digits
     8 "payer name|address"    at most 4 lines of 35 characters, split with "|"
     9 "payee name|address"    as field 8
    10 0
    11 payee's bank sort code  8 digits
    12 "title"                 at most 4 lines of 35 characters, split with "|"
    13 ""                      (unused)
    14 ""                      (unused)
    15 "51"                    classification: an ordinary transfer
    16 ""                      client-bank reference

Account numbers are checked with python-stdnum (a Polish NRB is the IBAN without "PL").

Text carried into the file follows one declared rule (:func:`bank_text`): in NFC, every character
the code page holds is kept as it is (Polish letters, and in CP1250 also ä, ö, ü, é, ...); every
other letter is transliterated with ``anyascii`` (Søren -> Soren, Юлия -> Yuliya, 王芳 -> WangFang);
control and invisible characters become a space; a symbol with no spelling (an emoji) is dropped.
No character ever becomes "?", and the file is encoded strictly.
"""

from __future__ import annotations

import textwrap
import unicodedata
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from anyascii import anyascii
from stdnum import iban

from app.domain.digits import is_ascii_digits

LINES, WIDTH = 4, 35
CLASSIFICATION = "51"


def nrb(account: str | None) -> str | None:
    """The 26-digit NRB of an account (spaces and a "PL" prefix allowed), or None if invalid."""
    if not account:
        return None
    digits = account.replace(" ", "").upper().removeprefix("PL")
    if len(digits) != 26 or not is_ascii_digits(digits) or not iban.is_valid("PL" + digits):
        return None
    return digits


def sort_code(number: str) -> str:
    """The bank's 8-digit sort code (numer rozliczeniowy) inside an NRB."""
    return number[2:10]


def bank_text(text: str, encoding: str = "cp1250") -> str:
    """``text`` in characters the code page can hold (see the module's rule), never "?"."""
    out: list[str] = []
    for ch in unicodedata.normalize("NFC", text):
        if unicodedata.category(ch)[0] in "CZ":
            out.append(" ")  # controls, invisible format characters, odd spaces and separators
            continue
        try:
            ch.encode(encoding)
        except UnicodeEncodeError:
            spelled = anyascii(ch)
            # anyascii names emoji and pictographs as ":smile:"; a bank title has no use for it.
            out.append("" if spelled.startswith(":") and len(spelled) > 1 else spelled)
        else:
            out.append(ch)
    return "".join(out)


def text_lines(*parts: str, encoding: str = "cp1250") -> str:
    """Text in at most 4 lines of 35 characters joined with "|" (quotes and "|" removed), in
    characters the code page holds (:func:`bank_text`)."""
    clean = [" ".join(bank_text(p, encoding).replace('"', "'").replace("|", "/").split())
             for p in parts if p]
    lines: list[str] = []
    for part in clean:
        lines.extend(textwrap.wrap(part, WIDTH, break_long_words=True) or [""])
    return "|".join(lines[:LINES])


@dataclass(frozen=True)
class Transfer:
    """One transfer of the file."""

    amount: Decimal
    payee_account: str
    payee: str
    payee_address: str
    title: str


def grosze(amount: Decimal) -> int:
    """An amount in grosze (exact: money is kept to the grosz)."""
    return int((amount * 100).to_integral_exact())


def record(when: date, payer_account: str, payer: str, t: Transfer, encoding: str = "cp1250") -> str:
    """One type-110 record (without the line end)."""
    fields = [
        "110", when.strftime("%Y%m%d"), str(grosze(t.amount)), sort_code(payer_account), "0",
        f'"{payer_account}"', f'"{t.payee_account}"', f'"{payer}"',
        f'"{text_lines(t.payee, t.payee_address, encoding=encoding)}"', "0", sort_code(t.payee_account),
        f'"{text_lines(t.title, encoding=encoding)}"', '""', '""', f'"{CLASSIFICATION}"', '""',
    ]
    return ",".join(fields)


def build(when: date, payer_account: str, payer_name: str, payer_address: str,
          transfers: list[Transfer], encoding: str) -> bytes:
    """The whole file, every text transliterated to what the code page holds (never "?")."""
    payer = text_lines(payer_name, payer_address, encoding=encoding)
    text = "".join(record(when, payer_account, payer, t, encoding) + "\r\n" for t in transfers)
    return text.encode(encoding)
