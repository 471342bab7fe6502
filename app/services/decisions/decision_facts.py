"""The justification of a decision as a lawyer reads it (art. 107 § 1 pkt 6 and § 3 KPA):
the facts as established, the evidence they rest on, and the calculation in plain Polish.

Built from the case's own records (its declared household, its verified incomes, its
interviews and letters), never from the engine's working notes: the calculation keeps the
engine's Polish sentences but drops its stated readings ("Przyjęta wykładnia …") and its
proposal, and names the household members as the case declares them.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import select

from app.domain.polish import date_pl, zl
from app.domain.statuses import CaseKind, TaskStatus
from app.persistence.models import (
    Application,
    Case,
    DecisionEvent,
    Document,
    HumanTask,
    Income,
    Interview,
)
from app.services.cases.interview_records import counted, net
from app.services.kernel.context import UnitOfWork

RELATIONS_PL = {
    "applicant": "wnioskodawca", "spouse": "małżonek", "partner": "osoba pozostająca we wspólnym "
    "pożyciu", "child": "dziecko", "parent": "rodzic", "sibling": "rodzeństwo",
    "other": "inna osoba",
}
# Engine steps that are not findings: its readings of the law and its proposal.
_SKIPPED_STEPS = ("reading.", "result")
_READING = re.compile(r"\s*\((?:przyjęta wykładnia|dochód ustalony)[^)]*\)|[Pp]rzyjęta wykładnia: ")
# The engine's proposal inside a step ("…; proponuje się 355,00 zł miesięcznie."): not a finding.
_PROPOSAL = re.compile(r";\s*proponuje się\b[^;]*$")
_PERSON = re.compile(r"\b([Oo])soba nr (\d+)(?: \(wnioskodawca\))?")


@dataclass
class Justification:
    """What the justification section prints; every list may be empty and is then left out."""

    facts: list[str] = field(default_factory=list)
    evidence: list[str] = field(default_factory=list)
    calculation: list[str] = field(default_factory=list)
    unmet: list[str] = field(default_factory=list)


def member_names(case: Case) -> list[str]:
    """The household members' names as declared in this case, applicant first."""
    return [f"{m.first_name} {m.last_name}".strip() for m in case.household.members]


def sentence(text: str) -> str:
    """``text`` ending with one full stop ("… 2026 r." keeps its own)."""
    text = text.strip()
    return text if not text or text.endswith(".") else text + "."


def _plain(text: str, names: list[str]) -> str:
    text = _PROPOSAL.sub("", _READING.sub("", text).strip().rstrip("."))

    def name(m: re.Match[str]) -> str:
        i = int(m.group(2)) - 1
        return names[i] if 0 <= i < len(names) else m.group(0)

    return _PERSON.sub(name, text).strip()


def calculation(result: Mapping[str, Any] | None, names: list[str]) -> tuple[list[str], list[str]]:
    """(the calculation's steps, the conditions not met), in plain Polish."""
    steps, unmet = [], []
    for step in (result or {}).get("explanation") or []:
        if not isinstance(step, Mapping):
            continue
        key = str(step.get("key") or "")
        if key.startswith(_SKIPPED_STEPS) or not step.get("text_pl"):
            continue
        line = _plain(str(step["text_pl"]), names)
        basis = [str(b) for b in step.get("legal_basis") or []]
        steps.append(sentence(f"{line} ({', '.join(basis)})" if basis else line))
        if step.get("result") is False:
            unmet.append(sentence(line))
    return steps, unmet


def _incomes(uow: UnitOfWork, case: Case) -> tuple[dict[int, Decimal], bool]:
    facts_case = case.parent_case_id if case.kind == CaseKind.CHANGE and case.parent_case_id else case.id
    rows = list(uow.session.scalars(select(Income).where(Income.case_id == facts_case)))
    verified = [r for r in rows if r.verified]
    out: dict[int, Decimal] = {}
    for inc in counted(verified or rows):
        out[inc.person_id] = out.get(inc.person_id, Decimal("0")) + net(inc)
    return out, bool(verified)


def justification(uow: UnitOfWork, case: Case, result: Mapping[str, Any] | None,
                  refusal_on_merits: bool) -> Justification:
    """The facts, the evidence and the calculation of a case's decision.

    ``refusal_on_merits``: the engine found the household eligible but the decision refuses
    (discretion); its calculation would then read as a grant, so only the facts are given.
    """
    out = Justification()
    names = member_names(case)
    application = uow.session.scalar(select(Application).where(Application.case_id == case.id))
    if application is not None and case.kind != CaseKind.CHANGE:
        out.facts.append(f"Wniosek strony wpłynął do organu dnia {date_pl(application.received_on)}")
        out.evidence.append(f"wniosek strony z dnia {date_pl(application.received_on)} wraz z "
                            "oświadczeniami o sytuacji rodzinnej i dochodowej")
    members = case.household.members
    if len(members) == 1:
        out.facts.append("Strona prowadzi jednoosobowe gospodarstwo domowe.")
    else:
        listed = "; ".join(
            f"{names[i]} ({RELATIONS_PL.get(m.relation, m.relation)}, ur. "
            f"{date_pl(m.person.birth_date)})" for i, m in enumerate(members))
        out.facts.append(f"Rodzinę strony tworzą {len(members)} osoby: {listed}."
                         if len(members) < 5 else
                         f"Rodzinę strony tworzy {len(members)} osób: {listed}.")
    incomes, verified = _incomes(uow, case)
    total = sum(incomes.values(), Decimal("0"))
    per = "; ".join(f"{names[i]} – {zl(incomes.get(m.person_id, Decimal('0')))}"
                    for i, m in enumerate(members))
    how = "ustalony w toku rodzinnego wywiadu środowiskowego" if verified else \
        "wykazany w oświadczeniach i dokumentach dołączonych do wniosku"
    out.facts.append(f"Dochód netto {'rodziny' if len(members) > 1 else 'strony'} przyjęty do "
                     f"ustalenia prawa do świadczenia, {how}, wynosi {zl(total)} ({per}).")
    for interview in uow.session.scalars(select(Interview).where(Interview.case_id == case.id)
                                         .order_by(Interview.id)):
        if interview.conducted_on is None:
            continue
        what = "aktualizacja rodzinnego wywiadu środowiskowego" if interview.kind == "update" \
            else "rodzinny wywiad środowiskowy"
        out.evidence.append(f"{what} przeprowadzony dnia {date_pl(interview.conducted_on)}")
    results: list[dict[str, Any] | None] = list(uow.session.scalars(select(HumanTask.result).where(
        HumanTask.case_id == case.id, HumanTask.action == "record_supplement",
        HumanTask.status == TaskStatus.COMPLETED)))
    for result_data in results:
        received = (result_data or {}).get("supplement_received_on")
        if received:
            out.evidence.append(f"uzupełnienie wniosku złożone dnia "
                                f"{date_pl(date.fromisoformat(received))}")
    for title, created in uow.session.execute(select(Document.title, Document.created_at).where(
            Document.case_id == case.id, Document.kind != "decision").order_by(Document.id)):
        out.evidence.append(f"{title.split(' (')[0].lower()} z dnia {date_pl(created.date())}")
    for on in uow.session.scalars(select(DecisionEvent.on).where(
            DecisionEvent.case_id == case.id, DecisionEvent.kind == "party_comments")
            .order_by(DecisionEvent.id)):
        out.evidence.append(f"wypowiedź strony co do zebranych dowodów z dnia {date_pl(on)}")
    if verified:
        out.evidence.append("dokumenty potwierdzające dochody członków rodziny, zweryfikowane w "
                            "toku wywiadu")
    if not refusal_on_merits:
        out.calculation, out.unmet = calculation(result, names)
    out.facts = [sentence(f) for f in out.facts]
    # Each piece of evidence once (two letters of one kind issued the same day read alike).
    out.evidence = list(dict.fromkeys(out.evidence))
    return out
