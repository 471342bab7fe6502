"""The dodatki to zasiłek rodzinny (art. 8-15 u.ś.r.), called from the zasiłek rodzinny rule.

A dodatek is part of zasiłek rodzinny: it is due only with it, for a child entitled to it
(:mod:`app.domain.family_benefits` passes the entitled children), and it is pooled with the
zasiłki in "złotówka za złotówkę" (art. 5 ust. 3-3c). Each dodatek found is a :class:`Dodatek`
with its code, amount, how often it is paid (``per``: "month", "once" or "year"), its article and
its monthly share in the pool (art. 5 ust. 3b: the monthly ones as they are, which is their total
over the months of the right divided by those months; those of art. 9, 14 and 15 divided by 12).

The member fields they read (all optional; :class:`app.domain.income.Member`):

* ``born_on``: the member's birth date (a case takes it from the person register).
* ``applied_on`` (the applicant): the day the application was filed; without it, the day the
  calculation is made for.
* ``prenatal_care`` (a child): the mother was under medical care from the 10th week of pregnancy
  until the birth (art. 9 ust. 5, art. 15b ust. 5).
* ``care_since`` (a child): the day a legal or actual guardian, or an adopting parent, took the
  child into care: the prenatal condition does not apply to them (art. 9 ust. 6, art. 15b
  ust. 6) and their deadline runs from it.
* ``parental_leave`` (a parent): on urlop wychowawczy to care personally for a child (art. 10).
* ``school_away`` (a child): learning in a school outside the place of residence, "living" where
  the school is or "commuting" to it (art. 15).
* ``single_parent_reason`` (the applicant): the ground of art. 11a ust. 1 pkt 1-3.

* ``dodatki`` (the applicant): the dodatki the application asks for, by their codes
  (:data:`app.domain.member_facts.DODATKI`).

Readings (each named in the explanation when it applies):

* The dodatki are granted on application (art. 23 ust. 1 u.ś.r.): those of art. 12a, 13 and 14,
  which rest on facts the zasiłek itself records (the number of children, a certificate, a
  school), are examined only when the application asks for them (``dodatki``); those of art. 9,
  10, 11a and 15 also when the field only they read is given (``prenatal_care`` or
  ``care_since``, ``parental_leave``, ``single_parent_reason``, ``school_away``): that field is
  the request. A family asking for none gets the zasiłek alone, as before.

* art. 9: the dodatek is due for an entitled child born (``born_on``), applied for before the
  first birthday (a guardian or adopting parent: within 12 months of ``care_since``), with the
  prenatal care of ust. 5 unless the applicant took the child into care; once (``per`` "once").
* art. 10: 400 zł a month for each member marked ``parental_leave`` who is the applicant, a
  spouse or a partner, while a child is entitled; not with zasiłek macierzyński (ust. 3). The
  24/36/72-month limit of ust. 2 and the 6 months of employment are the caseworker's to check
  in the papers (the employer's certificate).
* art. 11a: only on the grounds of ust. 1 pkt 1-3 (``single_parent_reason``) and only when no
  spouse or partner lives in the family (a person bringing up a child alone, art. 3 pkt 17a);
  per entitled child, capped over all children (ust. 2), raised for a child with any disability
  certificate (ust. 3), the raise capped likewise.
* art. 12a: for the third and each next child entitled to zasiłek rodzinny.
* art. 13: for an entitled child under 16 with any disability certificate, or from 16 until 24
  with a moderate or severe degree; age bands by completed years, as art. 6 ust. 2.
* art. 14: once a year for each entitled child learning in a szkoła (``in_school``; the one-year
  preschool preparation is recorded the same way).
* art. 15: for each entitled child learning in a szkoła away from home, the monthly amount for
  the months of the school year (``per`` "year": the monthly amount times those months).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal

from app.domain.explain import Explanation
from app.domain.income import Member
from app.domain.money import ZERO, amount_up, round_money
from app.domain.parameters import ParameterTable, value
from app.domain.polish import date_pl, person_label, zl

USR = "u.ś.r."
ART_9 = f"art. 9 {USR}"
ART_10 = f"art. 10 {USR}"
ART_11A = f"art. 11a {USR}"
ART_12A = f"art. 12a {USR}"
ART_13 = f"art. 13 {USR}"
ART_14 = f"art. 14 {USR}"
ART_15 = f"art. 15 {USR}"
ART_5_3B = f"art. 5 ust. 3b {USR}"
PARENTS = ("applicant", "spouse", "partner")
WHEN_CARE = "upływem 12 miesięcy od objęcia dziecka opieką"
WHEN_BORN = "ukończeniem przez dziecko 1. roku życia"


@dataclass(frozen=True)
class Dodatek:
    """One dodatek found for the family: its ``amount`` is paid ``per`` month, once or a year;
    ``share`` is its monthly part in złotówka za złotówkę (art. 5 ust. 3b)."""

    code: str
    amount: Decimal
    per: str
    article: str
    share: Decimal

    def component(self) -> dict[str, object]:
        return {"code": self.code, "amount": self.amount, "per": self.per,
                "article": self.article}


def add_months(day: date, months: int) -> date:
    """The day ``months`` later with the same number (the month's last day when it has none)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable")


def applied_on(members: list[Member], on: date) -> date:
    """The day of filing: the applicant's ``applied_on``, else the day computed for."""
    return members[0].applied_on or on


def child_certificate(m: Member) -> bool:
    """Any certificate of a child's disability (o niepełnosprawności, or a degree)."""
    return m.any_disability_certificate or m.disability_degree is not None


def moderate_or_severe(m: Member) -> bool:
    return m.moderate_or_severe_certificate or m.disability_degree in ("umiarkowany", "znaczny")


def prenatal_met(m: Member) -> bool:
    """Art. 9 ust. 5-6 / art. 15b ust. 5-6: prenatal care, or a guardian or adopting parent."""
    return m.prenatal_care or m.care_since is not None


def _yearly(amount: Decimal, divisor: int) -> Decimal:
    """A once-a-year amount's monthly share, rounded up to grosze (in the family's favour)."""
    return amount_up(amount / divisor)


def _urodzenie(members: list[Member], entitled: list[int], start: date, on: date,
               expl: Explanation) -> list[Dodatek]:
    out: list[Dodatek] = []
    filed = applied_on(members, on)
    asked = "dodatek_urodzenie_dziecka" in members[0].dodatki
    for i in entitled:
        m = members[i]
        if m.born_on is None or not (asked or m.prenatal_care or m.care_since):
            continue
        amount = expl.param("zasilek_rodzinny.dodatek_urodzenie", start)
        months = expl.param("zasilek_rodzinny.dodatek_urodzenie_deadline_months", start)
        since = m.care_since or m.born_on
        deadline = add_months(since, months)
        in_time = filed < deadline
        care = prenatal_met(m)
        ok = in_time and care
        expl.step(
            "zasilek_rodzinny.dodatek_urodzenie",
            f"members[{i}] born {m.born_on}: applied on {filed}, "
            f"{'before' if in_time else 'not before'} {deadline}; prenatal care "
            f"{'shown or not required' if care else 'not shown'}: "
            + (f"{amount} zł once." if ok else "no dodatek."),
            {"member": i, "born_on": m.born_on, "care_since": m.care_since, "applied_on": filed,
             "prenatal_care": m.prenatal_care}, ok, [ART_9],
            pl=f"{person_label(i)} (urodzenie {date_pl(m.born_on)}): wniosek złożono "
               f"{date_pl(filed)}, {'przed' if in_time else 'nie przed'} {date_pl(deadline)} "
               f"({WHEN_CARE if m.care_since else WHEN_BORN}); "
               + ("opieka medyczna od 10. tygodnia ciąży wykazana lub niewymagana" if care
                  else "nie wykazano opieki medycznej od 10. tygodnia ciąży (art. 9 ust. 5)")
               + (f": dodatek z tytułu urodzenia dziecka przysługuje jednorazowo w wysokości "
                  f"{zl(amount)}." if ok else ": dodatek z tytułu urodzenia dziecka nie "
                  "przysługuje."))
        if ok:
            out.append(Dodatek("dodatek_urodzenie_dziecka", amount, "once", ART_9, amount))
    return out


def _urlop(members: list[Member], start: date, expl: Explanation) -> list[Dodatek]:
    out: list[Dodatek] = []
    for i, m in enumerate(members):
        if not m.parental_leave or (m.relation or ("applicant" if i == 0 else None)) not in PARENTS:
            continue
        maternity = "zasilek_macierzynski" in m.other_benefits
        amount = expl.param("zasilek_rodzinny.dodatek_urlop_wychowawczy", start)
        expl.step(
            "zasilek_rodzinny.dodatek_urlop_wychowawczy",
            f"members[{i}] is on urlop wychowawczy" + (", but receives zasiłek macierzyński: no "
                                                       "dodatek." if maternity
                                                       else f": {amount} zł a month."),
            {"member": i, "zasilek_macierzynski": maternity}, not maternity, [ART_10],
            pl=f"{person_label(i)} przebywa na urlopie wychowawczym w celu sprawowania osobistej "
               "opieki nad dzieckiem" + (", lecz pobiera zasiłek macierzyński: dodatek nie "
                                         "przysługuje (art. 10 ust. 3)." if maternity else
                                         f": dodatek przysługuje w wysokości {zl(amount)} "
                                         "miesięcznie."))
        if not maternity:
            out.append(Dodatek("dodatek_opieka_urlop_wychowawczy", amount, "month", ART_10,
                               amount))
    return out


def _samotne(members: list[Member], entitled: list[int], start: date,
             expl: Explanation) -> list[Dodatek]:
    reason = members[0].single_parent_reason
    if reason is None:
        return []
    grounds = expl.param("zasilek_rodzinny.dodatek_samotne_grounds", start)
    couple = [i for i, m in enumerate(members) if m.relation in ("spouse", "partner")]
    if reason not in grounds or couple:
        expl.step("zasilek_rodzinny.dodatek_samotne_wychowywanie",
                  f"Ground {reason!r}" + (" is not one of art. 11a ust. 1" if reason not in grounds
                                          else "; but a spouse or partner lives in the family")
                  + ": no dodatek.", {"reason": reason, "couple": couple}, False, [ART_11A],
                  pl="Dodatek z tytułu samotnego wychowywania dziecka nie przysługuje: "
                     + ("wskazana podstawa nie jest podstawą z art. 11a ust. 1." if reason
                        not in grounds else "w rodzinie jest małżonek lub osoba pozostająca we "
                        "wspólnym pożyciu, a dodatek przysługuje osobie samotnie wychowującej "
                        "dziecko (art. 3 pkt 17a)."))
        return []
    per_child, cap = expl.param("zasilek_rodzinny.dodatek_samotne", start)
    raise_by, raise_cap = expl.param("zasilek_rodzinny.dodatek_samotne_disabled", start)
    disabled = [i for i in entitled if child_certificate(members[i])]
    base = min(per_child * len(entitled), cap)
    extra = min(raise_by * len(disabled), raise_cap)
    amount = base + extra
    expl.step(
        "zasilek_rodzinny.dodatek_samotne_wychowywanie",
        f"Ground {reason}: {per_child} zł for each of {len(entitled)} children (at most {cap}), "
        f"plus {raise_by} zł for each of {len(disabled)} with a certificate (at most "
        f"{raise_cap}): {amount} zł a month.",
        {"reason": reason, "children": entitled, "disabled": disabled}, amount, [ART_11A],
        pl=f"Dodatek z tytułu samotnego wychowywania dziecka (art. 11a ust. 1): {zl(per_child)} "
           f"na każde z dzieci ({len(entitled)}), nie więcej niż {zl(cap)}"
           + (f", zwiększony o {zl(raise_by)} na dziecko z orzeczeniem o niepełnosprawności "
              f"({len(disabled)}), nie więcej niż o {zl(raise_cap)}" if disabled else "")
           + f": {zl(amount)} miesięcznie.")
    return [Dodatek("dodatek_samotne_wychowywanie", amount, "month", ART_11A, amount)]


def _wielodzietna(entitled: list[int], start: date, expl: Explanation) -> list[Dodatek]:
    from_child, per_child = expl.param("zasilek_rodzinny.dodatek_wielodzietna", start)
    count = len(entitled) - (from_child - 1)
    amount = per_child * count
    expl.step("zasilek_rodzinny.dodatek_rodzina_wielodzietna",
              f"{len(entitled)} entitled children: {per_child} zł for the {from_child}rd and "
              f"each next, {amount} zł a month.", {"children": entitled}, amount, [ART_12A],
              pl=f"Zasiłek rodzinny przysługuje na {len(entitled)} dzieci: dodatek z tytułu "
                 f"wychowywania dziecka w rodzinie wielodzietnej przysługuje na trzecie i każde "
                 f"następne dziecko po {zl(per_child)}, razem {zl(amount)} miesięcznie.")
    return [Dodatek("dodatek_rodzina_wielodzietna", amount, "month", ART_12A, amount)]


def _rehabilitacja(members: list[Member], entitled: list[int], start: date,
                   expl: Explanation) -> list[Dodatek]:
    rows: list[tuple[int, Decimal]] = []
    holders = [i for i in entitled if child_certificate(members[i])]
    if not holders:
        return []
    limit = expl.param("zasilek_rodzinny.dodatek_rehabilitacja_age_certificate", start)
    bands = expl.param("zasilek_rodzinny.dodatek_rehabilitacja", start)
    for i in holders:
        m = members[i]
        ok = m.age < limit or moderate_or_severe(m)
        amount = next((a for top, a in bands if m.age <= top), None) if ok else None
        expl.step("zasilek_rodzinny.dodatek_ksztalcenie_rehabilitacja",
                  f"members[{i}] aged {m.age}: " + (f"{amount} zł a month." if amount else
                                                    "no moderate or severe degree from "
                                                    f"{limit}: no dodatek."),
                  {"member": i, "age": m.age}, amount, [ART_13],
                  pl=f"{person_label(i)}: " + (
                      f"dodatek z tytułu kształcenia i rehabilitacji dziecka niepełnosprawnego "
                      f"przysługuje w wysokości {zl(amount)} miesięcznie." if amount else
                      f"po ukończeniu {limit}. roku życia dodatek przysługuje tylko na dziecko "
                      "z orzeczeniem o umiarkowanym albo o znacznym stopniu "
                      "niepełnosprawności."))
        if amount is not None:
            rows.append((i, amount))
    total = sum((a for _, a in rows), ZERO)
    return [Dodatek("dodatek_ksztalcenie_rehabilitacja", total, "month", ART_13, total)] \
        if rows else []


def _rok_szkolny(pupils: list[int], start: date, expl: Explanation) -> Dodatek:
    per_child = expl.param("zasilek_rodzinny.dodatek_rok_szkolny", start)
    school_year = per_child * len(pupils)
    expl.step("zasilek_rodzinny.dodatek_rozpoczecie_roku_szkolnego",
              f"{len(pupils)} entitled children learn in a school: {per_child} zł each, once a "
              f"year: {school_year} zł.", {"children": pupils}, school_year, [ART_14],
              pl=f"Dodatek z tytułu rozpoczęcia roku szkolnego: {zl(per_child)} na każde "
                 f"uczące się dziecko ({len(pupils)}), raz w roku: {zl(school_year)}.")
    return Dodatek("dodatek_rozpoczecie_roku_szkolnego", school_year, "year", ART_14,
                   school_year)


def _szkola(members: list[Member], entitled: list[int], start: date, expl: Explanation,
            asked: bool) -> list[Dodatek]:
    pupils = [i for i in entitled if members[i].in_school]
    out: list[Dodatek] = []
    if pupils and asked:
        out.append(_rok_szkolny(pupils, start, expl))
    away = [i for i in pupils if members[i].school_away]
    if away:
        living, commuting, months = expl.param("zasilek_rodzinny.dodatek_poza_miejscem", start)
        monthly = sum((living if members[i].school_away == "living" else commuting
                       for i in away), ZERO)
        yearly = monthly * months
        expl.step("zasilek_rodzinny.dodatek_nauka_poza_miejscem_zamieszkania",
                  f"{len(away)} children learn away from home: {monthly} zł a month for "
                  f"{months} months of the school year, {yearly} zł a year.",
                  {"children": away, "living": living, "commuting": commuting}, yearly,
                  [ART_15],
                  pl=f"Dodatek z tytułu podjęcia przez dziecko nauki w szkole poza miejscem "
                     f"zamieszkania ({zl(living)} przy zamieszkaniu w miejscowości szkoły, "
                     f"{zl(commuting)} przy dojeździe): {zl(monthly)} miesięcznie przez "
                     f"{months} miesięcy roku szkolnego, {zl(yearly)} w roku.")
        out.append(Dodatek("dodatek_nauka_poza_miejscem_zamieszkania", yearly, "year", ART_15,
                           yearly))
    return out


def dodatki(members: list[Member], entitled: list[int], start: date, on: date,
            expl: Explanation) -> list[Dodatek]:
    """The dodatki due to the family with the entitled children ``entitled`` (member indexes)
    in the benefit period starting ``start``; a dodatek's parameters are read only when its
    condition is met, so a family without any reads none."""
    found: list[Dodatek] = []
    found += _urodzenie(members, entitled, start, on, expl)
    found += _urlop(members, start, expl)
    found += _samotne(members, entitled, start, expl)
    asked = set(members[0].dodatki)
    if len(entitled) >= 3 and "dodatek_rodzina_wielodzietna" in asked:
        found += _wielodzietna(entitled, start, expl)
    if "dodatek_ksztalcenie_rehabilitacja" in asked:
        found += _rehabilitacja(members, entitled, start, expl)
    found += _szkola(members, entitled, start, expl, "dodatek_rozpoczecie_roku_szkolnego" in asked)
    if any(d.per != "month" for d in found):
        divisor = expl.param("zasilek_rodzinny.dodatki_yearly_divisor", start)
        found = [d if d.per == "month" else replace(d, share=_yearly(d.amount, divisor))
                 for d in found]
        expl.reading("zasilek_rodzinny.dodatki_pool", "in złotówka za złotówkę the monthly "
                     "dodatki count as they are, those of art. 9, 14 and 15 divided by "
                     f"{divisor}; paid in full when the income is within the threshold.",
                     [ART_5_3B],
                     pl="w zasadzie „złotówka za złotówkę” dodatki miesięczne liczy się w "
                        "kwocie miesięcznej, a dodatki z art. 9, 14 i 15 – w wysokości 1/"
                        f"{divisor} (art. 5 ust. 3b); gdy dochód nie przekracza kryterium, "
                        "wypłaca się je w pełnej wysokości.")
    return found


# The dodatki as a decision names them (after "przyznać ... dodatek ...").
NAMES_PL = {
    "dodatek_urodzenie_dziecka": "dodatek z tytułu urodzenia dziecka",
    "dodatek_opieka_urlop_wychowawczy": "dodatek z tytułu opieki nad dzieckiem w okresie "
                                        "korzystania z urlopu wychowawczego",
    "dodatek_samotne_wychowywanie": "dodatek z tytułu samotnego wychowywania dziecka",
    "dodatek_rodzina_wielodzietna": "dodatek z tytułu wychowywania dziecka w rodzinie "
                                    "wielodzietnej",
    "dodatek_ksztalcenie_rehabilitacja": "dodatek z tytułu kształcenia i rehabilitacji dziecka "
                                         "niepełnosprawnego",
    "dodatek_rozpoczecie_roku_szkolnego": "dodatek z tytułu rozpoczęcia roku szkolnego",
    "dodatek_nauka_poza_miejscem_zamieszkania": "dodatek z tytułu podjęcia przez dziecko nauki "
                                                "w szkole poza miejscem zamieszkania",
}
PER_PL = {"month": "miesięcznie", "once": "jednorazowo", "year": "w roku szkolnym"}


def granted(components: object) -> list[tuple[str, Decimal, str, str]]:
    """The dodatki among a stored result's components: (code, amount, per, article)."""
    rows = components if isinstance(components, list) else []
    return [(str(c["code"]), Decimal(str(c["amount"])), str(c.get("per")), str(c.get("article")))
            for c in rows if isinstance(c, dict) and str(c.get("code")) in NAMES_PL]


def ruling_sentence(components: object) -> str | None:
    """The decision's sentence listing the dodatki granted with the zasiłek (None: none)."""
    found = granted(components)
    if not found:
        return None
    return ("Przyznać dodatki do zasiłku rodzinnego: " + "; ".join(
        f"{NAMES_PL[code]} ({article}) – {zl(amount)} {PER_PL.get(per, '')}".rstrip()
        for code, amount, per, article in found) + ".")


def monthly_in_amount(components: object) -> Decimal:
    """The monthly dodatki included in a grant's monthly amount (zero after złotówka za
    złotówkę, where every part is a share of the one reduced amount)."""
    rows = components if isinstance(components, list) else []
    if any(isinstance(c, dict) and c.get("code") == "zlotowka_za_zlotowke" for c in rows):
        return ZERO
    return sum((amount for _, amount, per, _ in granted(components) if per == "month"), ZERO)


def paid_with_month(components: object, month: date, first: date,
                    table: ParameterTable | None = None) -> Decimal:
    """What a grant's payment of ``month`` adds for the dodatki not in its monthly amount:
    READING, those paid once or once a year (art. 9, 14) with the first month of the grant
    (``first``), and that of art. 15 by its monthly amount in each month of the school year
    (September to June). Nothing after złotówka za złotówkę, where every dodatek is already a
    monthly share of the one amount."""
    rows = components if isinstance(components, list) else []
    if any(isinstance(c, dict) and c.get("code") == "zlotowka_za_zlotowke" for c in rows):
        return ZERO
    extra = ZERO
    for code, amount, per, _ in granted(components):
        if code == "dodatek_nauka_poza_miejscem_zamieszkania":
            months = value("zasilek_rodzinny.dodatek_poza_miejscem", month, table).value[2]
            if month.month not in (7, 8):
                extra += round_money(amount / months)
        elif per in ("once", "year") and month == first:
            extra += amount
    return extra
