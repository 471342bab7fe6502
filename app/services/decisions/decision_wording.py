"""How a decision that acts on an earlier decision opens and rules (see :mod:`app.domain.rulings`).

A change says "zmienić decyzję … w ten sposób, że od dnia …"; a revocation "uchylić decyzję … z
dniem …"; the centre's own new decision on an appeal it grants in full "uchylić w całości
zaskarżoną decyzję … i orzec co do istoty sprawy" (art. 132 § 1 KPA); a decision after the SKO
returned the case decides the application anew and names the SKO's decision (art. 138 § 2 KPA).
Each states the ground the caseworker recorded and the basis that follows from it: the benefit
act's own provision, or art. 155 KPA with the party's consent.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import select

from app.domain.decision_rules import ONE_OFF
from app.domain.polish import date_pl, zl
from app.domain.rulings import (
    CHANGE_PROVISIONS,
    Basis,
    ConsentRequired,
    basis,
    effective_purpose,
    ground_phrase,
)
from app.persistence.models import Appeal, Case, Decision
from app.services.decisions.change_cases import ChangeContext, change_context
from app.services.kernel.context import UnitOfWork


@dataclass(frozen=True)
class Setting:
    """What a decision on an earlier decision prints instead of the first-instance wording."""

    purpose: str
    preamble: str  # after "Na podstawie {basis} oraz {kpa}, "
    opening: str  # the line before the ruling's points ("" for none)
    lines: tuple[str, ...] | None  # the ruling's points, when not the usual grant or refusal
    ground: str  # a justification paragraph stating the ground ("" for none)
    act_articles: tuple[str, ...] = ()
    kpa_articles: tuple[str, ...] = ()
    facts: dict[str, Any] = field(default_factory=dict)


def _day(value: str | None) -> str:
    return date_pl(date.fromisoformat(value)) if value else "—"


def _named(change: dict[str, Any] | ChangeContext) -> str:
    """'nr DEC/2026/00012 z dnia 3 listopada 2026 r. (znak sprawy POM/2026/00007)'."""
    issued = f" z dnia {_day(change['issued_on'])}" if change.get("issued_on") else ""
    return (f"nr {change['decision_number'] or '—'}{issued} (znak sprawy "
            f"{change['parent_case_number']})")


def _appeal(uow: UnitOfWork, case: Case) -> Appeal | None:
    """The appeal whose handling opened this case (art. 132 or art. 138 § 2 KPA)."""
    return uow.session.scalars(select(Appeal).where(Appeal.follow_up_case_id == case.id)
                               .order_by(Appeal.id.desc())).first()


def _in_case(uow: UnitOfWork, case: Case, decision: Decision
             ) -> tuple[str, dict[str, Any], Appeal] | None:
    """A new decision in the same case after the centre granted an appeal in full (art. 132,
    the `handle_appeal` task) or the SKO returned the case (art. 138 § 2, the process's own
    re-examination): the purpose, the decision it replaces, and that appeal."""
    appeal = uow.session.scalars(select(Appeal).where(
        Appeal.case_id == case.id, Appeal.decision_id < decision.id,
        Appeal.follow_up_case_id.is_(None)).order_by(Appeal.id.desc())).first()
    if appeal is None:
        return None
    if appeal.self_corrected_on is not None:
        purpose = "self_correction"
    elif appeal.sko_outcome == "returned":
        purpose = "reexamination"
    else:
        return None
    old = uow.session.get(Decision, appeal.decision_id)
    assert old is not None
    return purpose, {
        "decision_number": old.number, "parent_case_number": case.number,
        "issued_on": old.issued_on.isoformat() if old.issued_on else None,
    }, appeal


def setting(uow: UnitOfWork, case: Case, decision: Decision, act: str, benefit_name: str,
            who: str, sko_name: str) -> Setting | None:
    """The wording of a decision on an earlier one, or None for a first-instance decision."""
    change = change_context(uow, case)
    if change is None:
        found = _in_case(uow, case, decision)
        if found is None:
            return None
        purpose, earlier, appeal = found
        return _on_appeal(purpose, _named(earlier), appeal, act, sko_name)
    purpose = effective_purpose(change["purpose"], decision.kind)
    named = _named(change)
    effective = _day(change["effective_from"])
    if purpose in ("self_correction", "reexamination"):
        return _on_appeal(purpose, named, _appeal(uow, case), act, sko_name)
    return _changing(change, purpose, named, effective, decision, act, benefit_name, who)


def _on_appeal(purpose: str, named: str, appeal: Appeal | None, act: str,
               sko_name: str) -> Setting:
    """The centre's own new decision on an appeal (art. 132 § 1) or after the SKO returned
    the case (art. 138 § 2)."""
    if purpose == "self_correction":
        filed = f" z dnia {date_pl(appeal.posted_on)}" if appeal else ""
        kpa = basis(act, purpose).kpa_articles
        return Setting(
            purpose,
            f"po rozpatrzeniu odwołania strony{filed} od decyzji {named} i uznaniu, że "
            "zasługuje ono w całości na uwzględnienie (art. 132 § 1 Kodeksu postępowania "
            "administracyjnego),",
            f"uchylić w całości zaskarżoną decyzję {named} i orzec co do istoty sprawy:",
            None,
            f"Strona wniosła odwołanie{filed} od decyzji {named}. Organ, który wydał decyzję, "
            "uznał, że odwołanie zasługuje w całości na uwzględnienie, i w trybie art. 132 § 1 "
            "Kodeksu postępowania administracyjnego wydał nową decyzję, w której uchylił "
            "zaskarżoną decyzję i orzekł co do istoty sprawy. Od nowej decyzji przysługuje "
            "odwołanie (art. 132 § 3 Kodeksu postępowania administracyjnego).",
            kpa_articles=kpa)
    if purpose == "reexamination":
        ruled = f" z dnia {date_pl(appeal.sko_ruling_on)}" if appeal and appeal.sko_ruling_on else ""
        ref = f" (znak {appeal.sko_reference})" if appeal and appeal.sko_reference else ""
        told = (f"{sko_name} decyzją{ruled}{ref} uchyliło decyzję {named} i przekazało sprawę do "
                "ponownego rozpatrzenia (art. 138 § 2 Kodeksu postępowania administracyjnego)")
        return Setting(
            purpose, f"po ponownym rozpatrzeniu sprawy, którą {told},", "", None,
            f"{told[0].upper()}{told[1:]}. Decyzja ta nie istnieje już w obrocie prawnym; organ "
            "rozpatrzył wniosek strony ponownie, z uwzględnieniem wskazań organu odwoławczego.",
            kpa_articles=basis(act, purpose).kpa_articles)
    raise ValueError(purpose)


def _changing(change: ChangeContext, purpose: str, named: str, effective: str,
              decision: Decision, act: str, benefit_name: str, who: str) -> Setting:
    """A change or a revocation: the recorded ground and the basis it allows."""
    ground = change.get("ground")
    consent_on = date.fromisoformat(change["consent_on"]) if change.get("consent_on") else None
    try:
        rule = basis(act, purpose, ground or "other", consent_on)
    except ConsentRequired:
        # Only a change opened before grounds were recorded gets here (opening one now checks
        # it): it was opened under the act's own provision, never art. 155 without consent;
        # its ground is printed as the reason given.
        provision = CHANGE_PROVISIONS.get(act)
        rule = Basis((provision.article,) if provision else (), ())
    phrase = ground_phrase(ground, change.get("ground_text") or change["reason"],
                           on_text=effective)
    consent = (f" i za zgodą strony wyrażoną dnia {date_pl(consent_on)} (art. 155 Kodeksu "
               "postępowania administracyjnego)") if consent_on and "art. 155" in rule.kpa_articles \
        else ""
    ex_officio = "na wniosek strony" if ground == "party_request" else "z urzędu"
    act_words = {"ups": "ustawy o pomocy społecznej", "usr": "ustawy o świadczeniach rodzinnych",
                 "fa": "ustawy o pomocy osobom uprawnionym do alimentów"}.get(act, "")
    law = (f"{rule.act_articles[0]} {act_words}" if rule.act_articles
           else f"{rule.kpa_articles[0]} Kodeksu postępowania administracyjnego"
           if rule.kpa_articles else act_words)
    ground_paragraph = (
        f"Decyzję wydano w związku {phrase}{consent}. Podstawą "
        f"{'uchylenia' if purpose == 'revocation' else 'zmiany'} decyzji jest {law}.")
    if purpose == "revocation":
        amount = ""
        if change.get("amount") and decision.benefit not in ONE_OFF:
            amount = f" w wysokości {zl(Decimal(change['amount']))} miesięcznie"
        return Setting(
            purpose,
            f"po przeprowadzeniu {ex_officio} postępowania w sprawie uchylenia decyzji {named}, "
            f"w związku {phrase}{consent},",
            "", (f"Uchylić decyzję {named} przyznającą stronie: {who} {benefit_name}{amount}, "
                 f"z dniem {effective}".rstrip(".") + ".",),
            ground_paragraph, rule.act_articles, rule.kpa_articles)
    return Setting(
        purpose,
        f"po przeprowadzeniu {ex_officio} postępowania w sprawie zmiany decyzji {named}, "
        f"w związku {phrase}{consent},",
        f"zmienić decyzję {named} w ten sposób, że od dnia {effective}:", None,
        ground_paragraph, rule.act_articles, rule.kpa_articles)
