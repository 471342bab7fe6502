"""The decision as issued: every element of art. 107 § 1 KPA, rendered to PDF.

1. the body (wójt, burmistrz or prezydent miasta of the gmina) and the centre's address;
2. the date and number; 3. the party by name and address as declared in the case;
4. the legal basis, each act cited from the dated table in ``app.domain.legal_acts``;
5. the ruling: the benefit, the amount a month or once, the period, the payment method and date,
   "w pozostałej części odmówić" for a partial grant, the entitled child for FA, the amount per
   child for zasiłek rodzinny, and rygor natychmiastowej wykonalności (art. 108) when given;
6. the justification (facts, evidence, calculation, discretion, rygor, the ground of a change) —
   left out only when the decision grants the party's recorded request in full (art. 107 § 4;
   :mod:`app.domain.party_request`), never printed blank;
7. the appeal instruction (the SKO by name and seat, 14 days, through the body; waiver, art.
   127a) and the duties and notices of the act; 8. the authorised signer: name, position,
   "z upoważnienia" of the body, the authorisation's number and date.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select

from app.domain import benefits, decision_notices, dodatki
from app.domain.benefits import Wording
from app.domain.decision_rules import ONE_OFF
from app.domain.legal_acts import cite
from app.domain.party_request import PartyRequest, grants_in_full
from app.domain.polish import date_pl, zl
from app.domain.reasons import REASONS
from app.domain.returnable_aid import granted_total, repayment_plan, returned_amount
from app.domain.statuses import DecisionKind
from app.persistence.models import Application, Case, Decision
from app.services.decisions import decision_wording
from app.services.decisions.decision_facts import justification, member_names, sentence
from app.services.decisions.decision_records import party_heard
from app.services.documents.document_templates import render
from app.services.documents.office import Office, Signer
from app.services.kernel.context import UnitOfWork
from app.services.provision import scope as provision_scope
from app.services.provision.views import ScopeView


@dataclass(frozen=True)
class BenefitLaw:
    """How a decision on one benefit names it and which act it rests on (from its catalogue
    entry, app.domain.benefits)."""

    name: str  # accusative (= nominative here): "przyznać ... zasiłek stały"
    name_genitive: str  # "odmówić przyznania zasiłku stałego"
    act: str  # "ups", "usr" or "fa": selects the notices, the citation and the authorisation
    articles: str  # the provisions of the act
    wording: Wording = Wording.MONTHLY  # how the ruling of a grant names the amount


# code -> catalogue entry (a live view; each entry has .act, .name, .name_genitive, .articles).
BENEFITS = benefits.BY_CODE


def benefit_law(code: str) -> BenefitLaw:
    """The law of ``code`` from the catalogue; an unknown code is named by itself under u.p.s."""
    entry = benefits.find(code)
    if entry is None:
        return BenefitLaw(code, code, "ups", "art. 106 ust. 1")
    return BenefitLaw(entry.name, entry.name_genitive, entry.act, entry.articles, entry.wording)


# The notices under each act, duty to report first (read by the recovery claims, which look for
# the duty in an issued decision); which of them a decision prints is decided by
# app.domain.decision_notices.notices_for.
NOTICES: dict[str, tuple[str, ...]] = {
    act: tuple(n.texts[act] for n in decision_notices.ALL) for act in ("ups", "usr", "fa")}


def _party(case: Case) -> dict[str, str]:
    """The party as declared in this case (the register may say otherwise later)."""
    member = case.household.members[0]
    return {"title": "Pani" if member.person.sex == "F" else "Pan",
            "name": f"{member.first_name} {member.last_name}",
            "pesel": member.person.pesel or member.person.register_key,
            "address": case.household.address}


@dataclass(frozen=True)
class Share:
    """A row of the stored eligibility breakdown: a member's amount (and, for a benefit per
    child, the amount before the family's reduction). ``member`` is the member's position."""

    member: int | None
    amount: Decimal
    before_reduction: Decimal | None


def _breakdown(decision: Decision) -> tuple[Share, ...]:
    """The rows of the stored eligibility explanation (a JSON record, read here once)."""
    result = decision.eligibility.result if decision.eligibility else None
    rows = [r for r in (result or {}).get("breakdown") or [] if isinstance(r, dict)]
    return tuple(Share(
        member=r["member"] if isinstance(r.get("member"), int) else None,
        amount=Decimal(str(r.get("amount", "0"))),
        before_reduction=Decimal(str(r["amount_before_reduction"]))
        if r.get("amount_before_reduction") is not None else None) for r in rows)


def _period(decision: Decision) -> str:
    if decision.period_from and decision.period_to:
        return f"na okres od {date_pl(decision.period_from)} do {date_pl(decision.period_to)}"
    if decision.period_from:
        return f"od {date_pl(decision.period_from)}"
    return ""


def ruling(case: Case, decision: Decision, law: BenefitLaw, office: Office,
           scope: ScopeView | None = None) -> list[str]:
    """The sentences of the ruling (art. 107 § 1 pkt 5 KPA); ``scope``: what a meal or service
    decision grants (app.services.provision.scope), paid by no transfer."""
    party = _party(case)
    who = f"{party['name']} (PESEL {party['pesel']})"
    if decision.kind == DecisionKind.REFUSAL:
        return [f"Odmówić stronie: {who} przyznania {law.name_genitive}."]
    if law.wording in (Wording.IN_KIND, Wording.SERVICE):
        first, *rest = provision_scope.ruling(scope, _period(decision))
        partial = ([f"W pozostałej części odmówić przyznania {law.name_genitive}."]
                   if decision.kind == DecisionKind.PARTIAL else [])
        return [f"Przyznać stronie: {who} {law.name}{first}", *rest, *partial]
    names = member_names(case)
    members = case.household.members
    amount = zl(decision.amount)
    lines: list[str] = []
    if law.wording is Wording.SERVICE_COSTS:
        return service_ruling(who, law, decision, amount, scope)
    if decision.benefit in ONE_OFF:
        on = f" dnia {date_pl(decision.period_from)}" if decision.period_from else ""
        lines.append(f"Przyznać stronie: {who} {law.name} w wysokości {amount} jednorazowo, na: "
                     f"{decision.purpose.strip().rstrip('.')}.")
        lines.extend(return_terms(decision))
        when = (f"Zasiłek zostanie wypłacony{on}" if law.act == "ups"
                else f"Świadczenie zostanie wypłacone{on}")
    elif law.wording is Wording.PER_ENTITLED:
        entitled = "; ".join(
            f"{names[r.member]} (PESEL {members[r.member].person.pesel or '—'}) – "
            f"{zl(r.amount)} miesięcznie" for r in _breakdown(decision)
            if r.amount > 0 and r.member is not None and r.member < len(names))
        lines.append(f"Przyznać {law.name} {_period(decision)} na rzecz osoby uprawnionej: "
                     f"{entitled or '—'}; łącznie {amount} miesięcznie. Wnioskodawca: {who}.")
        when = "Świadczenie będzie wypłacane"
    else:
        lines.append(sentence(f"Przyznać stronie: {who} {law.name} w wysokości {amount} "
                              f"miesięcznie {_period(decision)}".strip()))
        if law.wording is Wording.CARER:
            cared = "; ".join(
                f"{names[r.member]} (PESEL {members[r.member].person.pesel or '—'})"
                for r in _breakdown(decision) if r.member is not None and r.member < len(names))
            if cared:
                lines.append(f"Świadczenie przysługuje w związku ze sprawowaniem opieki nad: "
                             f"{cared}.")
        if law.wording is Wording.PER_CHILD:
            shares = [r for r in _breakdown(decision) if r.before_reduction is not None]
            children = "; ".join(
                f"{names[r.member]} – {zl(r.before_reduction)} "
                "miesięcznie" for r in shares
                if r.before_reduction is not None and r.member is not None
                and r.member < len(names))
            components = (decision.eligibility.result or {}).get("components") \
                if decision.eligibility else None
            total = sum((r.before_reduction for r in shares if r.before_reduction is not None),
                        Decimal("0"))
            # The monthly dodatki are in the amount as granted, not reduced from it.
            reduced = "" if total + dodatki.monthly_in_amount(components) == decision.amount else (
                f", łącznie {zl(total)} pomniejszone zgodnie z art. 5 ust. 3 ustawy o "
                f"świadczeniach rodzinnych do {amount} miesięcznie")
            if children:
                lines.append(f"Zasiłek rodzinny przysługuje na dzieci: {children}{reduced}.")
            if decision.kind != DecisionKind.PARTIAL and (extra := dodatki.ruling_sentence(
                    components)):
                lines.append(extra)
        lines.extend(incomplete_months(decision))
        # A monthly aid granted on condition of return (zasiłek okresowy, art. 41 pkt 2).
        lines.extend(return_terms(decision))
        when = "Świadczenie będzie wypłacane"
    if case.bank_account:
        how = f"przelewem na rachunek bankowy strony nr {_account(case.bank_account)}"
    else:
        how = office.payment_method
    day = "" if decision.benefit in ONE_OFF else f" {office.payment_day}".rstrip()
    lines.append(f"{when}{day} {how}.".replace("  ", " "))
    if decision.kind == DecisionKind.PARTIAL:
        lines.append(f"W pozostałej części odmówić przyznania {law.name_genitive}.")
    return lines


def incomplete_months(decision: Decision) -> list[str]:
    """The amount of an incomplete first or last month where the benefit pays it by days
    (świadczenie rodzicielskie, art. 17c u.ś.r.: its catalogue entry's ``month_amount``)."""
    entry = benefits.find(decision.benefit)
    hook = entry.month_amount if entry is not None else None
    start, end = decision.period_from, decision.period_to
    if hook is None or start is None or decision.kind == DecisionKind.REFUSAL:
        return []
    ends = [start.replace(day=1)] + ([end.replace(day=1)] if end is not None else [])
    parts = []
    for m in dict.fromkeys(ends):
        amount = hook(decision.amount, m, start, end)
        if amount != decision.amount:
            last = m.replace(day=calendar.monthrange(m.year, m.month)[1])
            days_to = min(last, end) if end is not None else last
            parts.append(f"za okres od {date_pl(max(m, start))} do {date_pl(days_to)} – "
                         f"{zl(amount)}")
    if not parts:
        return []
    return [f"Za niepełny miesiąc świadczenie przysługuje w kwocie ustalonej proporcjonalnie do "
            f"liczby dni, za które przysługuje (zaokrąglonej do 10 groszy w górę): "
            f"{'; '.join(parts)}."]


def return_terms(decision: Decision) -> list[str]:
    """The return of aid granted on condition of it (art. 41 pkt 2, art. 40 ust. 3 u.p.s.): how
    much, in how many monthly instalments, the first due when."""
    total = granted_total(decision.benefit, decision.amount, decision.period_from,
                          decision.period_to)
    owed = returned_amount(decision.return_kind, total, decision.return_amount)
    if owed <= 0 or not decision.return_instalments or decision.return_first_due is None:
        return []
    plan = repayment_plan(owed, decision.return_instalments, decision.return_first_due)
    whole = "w całości" if decision.return_kind == "full" else "w części"
    span = (decision.eligibility.result or {}).get("range") if decision.eligibility else None
    article = "art. 40 ust. 3" if span and span.get("returnable") == "may" else "art. 41 pkt 2"
    rates = "; ".join(f"{zl(part)} do dnia {date_pl(due)}" for due, part in plan)
    return [f"Zasiłek podlega zwrotowi {whole}, w kwocie {zl(owed)} ({article} ustawy o pomocy "
            f"społecznej), w ratach miesięcznych: {rates}."]


def service_ruling(who: str, law: BenefitLaw, decision: Decision, amount: str,
                   scope: ScopeView | None = None) -> list[str]:
    """A service the gmina arranges and pays its provider for (sprawienie pogrzebu, art. 44
    u.p.s.): what is arranged, by whom (the funeral home of the scope), its cost, that nothing
    is paid to the party, and the return of the costs (art. 96 ust. 3 u.p.s.)."""
    on = f" w dniu {date_pl(decision.period_from)}" if decision.period_from else ""
    home = f" ({scope.provider})" if scope is not None and scope.provider else ""
    lines = [f"Przyznać stronie: {who} {law.name}: {decision.purpose.strip().rstrip('.')}.",
             f"Pogrzeb{on} sprawia gmina w sposób przez nią ustalony, zgodnie z wyznaniem "
             f"zmarłego; koszt pogrzebu w wysokości {amount} ośrodek pokrywa, płacąc wykonawcy "
             f"usługi pogrzebowej{home}, i nie wypłaca go stronie.",
             "Wydatki na sprawienie pogrzebu podlegają zwrotowi z zasiłku pogrzebowego "
             "przysługującego po osobie zmarłej albo z masy spadkowej (art. 96 ust. 3 ustawy "
             "o pomocy społecznej)."]
    if decision.kind == DecisionKind.PARTIAL:
        lines.append(f"W pozostałej części odmówić przyznania {law.name_genitive}.")
    return lines


def _account(value: str) -> str:
    text = value.replace(" ", "")
    return " ".join(text[i:i + 4] for i in range(0, len(text), 4))


def render_decision(uow: UnitOfWork, decision: Decision, office: Office, signer: Signer) -> str:
    """The decision as HTML, ready for the PDF renderer."""
    case = uow.session.get(Case, decision.case_id)
    assert case is not None and decision.issued_on is not None
    law = benefit_law(decision.benefit)
    on = decision.issued_on
    party = _party(case)
    who = f"{party['name']} (PESEL {party['pesel']})"
    setting = decision_wording.setting(uow, case, decision, law.act, law.name, who,
                                       office.sko_name)
    extra_kpa = setting.kpa_articles if setting else ()
    kpa_articles = ["art. 104", *extra_kpa] + (["art. 108 § 1"] if decision.immediate_enforcement
                                              else [])
    kpa = f"{_join(kpa_articles)} {cite('kpa', on)}"
    act_articles = setting.act_articles if setting else ()
    # "art. 8, art. 38 i art. 106 ust. 1 oraz art. 106 ust. 5 ustawy …"
    basis = f"{' oraz '.join([law.articles, *act_articles])} {cite(law.act, on)}"
    result = decision.eligibility.result if decision.eligibility else None
    eligible = bool(decision.eligibility and decision.eligibility.eligible)
    # Art. 107 § 4 KPA: only a first-instance grant that gives the party all it asked for (see
    # app.domain.party_request), without discretion written in or rygor, goes without one.
    omitted = (setting is None and not decision.justification.strip()
               and not decision.amount_reason.strip() and not decision.immediate_enforcement
               and grants_in_full(decision.benefit, decision.kind, decision.amount,
                                  decision.period_to, _request(uow, case),
                                  decision.eligibility.max_amount if decision.eligibility
                                  else None))
    # Aid above the criterion granted only as returnable (art. 41 pkt 2 u.p.s.) is eligible by
    # exception: a refusal of it still names the ordinary condition not met (the criterion).
    by_exception = ((result or {}).get("range") or {}).get("returnable") == "required"
    facts = None if omitted else justification(
        uow, case, result, refusal_on_merits=decision.kind == DecisionKind.REFUSAL and eligible
        and not by_exception)
    lines = list(setting.lines) if setting and setting.lines is not None \
        else ruling(case, decision, law, office, provision_scope.of_decision(uow, decision.id))
    # Art. 107 § 3 KPA: a refusal (or a partial grant) answers the comments the party made on
    # the evidence after the art. 10 notice; the comments and the answer are printed.
    comments = [] if facts is None or decision.kind == DecisionKind.GRANT else [
        {"on": e.on, "text": e.reason.strip()}
        for e in party_heard(uow, case.id, before=decision.id).comments]
    return render(
        "decision.html", office=office, signer=signer, decision=decision, case=case,
        party=party, law=law, basis=basis, kpa=kpa, ruling=lines, setting=setting,
        facts=facts, comments=comments,
        paragraphs=[p.strip() for p in decision.justification.split("\n\n") if p.strip()],
        reason=REASONS.get(case.reason, (case.reason,))[0] if law.act == "ups" else "",
        notices=decision_notices.notices_for(law.act, decision_notices.decision_sort(
            decision.kind, setting.purpose if setting else None)),
        interview=law.act == "ups",
    )


def _join(items: list[str] | tuple[str, ...]) -> str:
    """'art. 104, art. 155 i art. 108 § 1'."""
    items = [i for i in items if i]
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} i {items[-1]}"


def _request(uow: UnitOfWork, case: Case) -> PartyRequest | None:
    """What the party asked for in the application (amount, last day), if recorded."""
    row = uow.session.scalar(select(Application).where(Application.case_id == case.id))
    if row is None:
        return None
    return PartyRequest(row.requested_amount, row.requested_until)
