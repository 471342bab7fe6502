"""Human labels for the codes the services return (Polish source strings, translated by Babel)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from flask_babel import get_locale
from flask_babel import lazy_gettext as _l

from app.domain import benefits
from app.domain.income import PURPOSE_AID

# The art. 7 reasons and relations as the application service validates them.
from app.services.cases.opening import REASONS, RELATIONS


class _BenefitLabels(Mapping[str, Any]):
    """Each benefit's name from its catalogue entry (app.domain.benefits), read at each use."""

    def __getitem__(self, code: str) -> Any:
        return _l(benefits.get(code).label)

    def __iter__(self) -> Iterator[str]:
        return iter(benefits.CODES)

    def __len__(self) -> int:
        return len(benefits.CODES)


BENEFITS: Mapping[str, Any] = _BenefitLabels()

RELATION_LABELS = {
    "applicant": _l("wnioskodawca"),
    "spouse": _l("małżonek / małżonka"),
    "partner": _l("partner / partnerka"),
    "child": _l("dziecko"),
    "parent": _l("rodzic"),
    "sibling": _l("rodzeństwo"),
    "other": _l("inna osoba"),
}

INCOME_KINDS = {
    "employment": _l("umowa o pracę / zlecenie"),
    "pension": _l("emerytura / renta"),
    "unemployment": _l("zasiłek dla bezrobotnych"),
    "business": _l("działalność gospodarcza"),
    "farm": _l("gospodarstwo rolne"),
    "alimony": _l("alimenty"),
    "800_plus": _l("800+ (nie wlicza się)"),
    "one_off_benefit": _l("jednorazowe świadczenie (nie wlicza się)"),
    PURPOSE_AID: _l("zasiłek celowy (nie wlicza się)"),
    "in_kind": _l("świadczenie w naturze (nie wlicza się)"),
    "other": _l("inny dochód"),
}

OTHER_BENEFITS = {
    "renta_socjalna": _l("renta socjalna"),
    # The carer's benefits of the catalogue, by their codes, named (lower case, as the others)
    # by their entries' Polish names, msgids of their own.
    **{entry.code: _l(entry.name) for entry in benefits.entries() if entry.carer_benefit},
    "zasilek_dla_opiekuna": _l("zasiłek dla opiekuna"),
    "dodatek_samotne_wychowywanie_bezrobocie": _l(
        "dodatek z tytułu samotnego wychowywania dziecka i utraty prawa do zasiłku dla bezrobotnych"),
    "dodatek_pielegnacyjny": _l("dodatek pielęgnacyjny (ZUS, KRUS)"),
    "zasilek_macierzynski": _l("zasiłek macierzyński"),
}

DISABILITY_DEGREES = {
    "child": _l("orzeczenie o niepełnosprawności (dziecko do 16 lat)"),
    "lekki": _l("lekki stopień niepełnosprawności"),
    "umiarkowany": _l("umiarkowany stopień niepełnosprawności"),
    "znaczny": _l("znaczny stopień niepełnosprawności"),
}

# The dodatki to zasiłek rodzinny an application asks for (app.domain.member_facts.DODATKI).
DODATKI = {
    "dodatek_urodzenie_dziecka": _l("dodatek z tytułu urodzenia dziecka"),
    "dodatek_opieka_urlop_wychowawczy": _l(
        "dodatek z tytułu opieki nad dzieckiem w okresie korzystania z urlopu wychowawczego"),
    "dodatek_samotne_wychowywanie": _l("dodatek z tytułu samotnego wychowywania dziecka"),
    "dodatek_rodzina_wielodzietna": _l(
        "dodatek z tytułu wychowywania dziecka w rodzinie wielodzietnej"),
    "dodatek_ksztalcenie_rehabilitacja": _l(
        "dodatek z tytułu kształcenia i rehabilitacji dziecka niepełnosprawnego"),
    "dodatek_rozpoczecie_roku_szkolnego": _l("dodatek z tytułu rozpoczęcia roku szkolnego"),
    "dodatek_nauka_poza_miejscem_zamieszkania": _l(
        "dodatek z tytułu podjęcia przez dziecko nauki w szkole poza miejscem zamieszkania"),
}

SCHOOL_AWAY = {
    "living": _l("mieszka w miejscowości, w której jest szkoła"),
    "commuting": _l("dojeżdża do szkoły"),
}

SINGLE_PARENT_REASONS = {
    "deceased": _l("drugi z rodziców dziecka nie żyje"),
    "unknown": _l("ojciec dziecka jest nieznany"),
    "alimony_dismissed": _l("powództwo o alimenty od drugiego z rodziców oddalone"),
}

STAGES = {
    "intake": _l("Przyjęcie wniosku"),
    "interview": _l("Wywiad środowiskowy"),
    "community_interview": _l("Wywiad środowiskowy"),
    "decision": _l("Decyzja"),
    "payment": _l("Wypłata"),
    "benefit_review": _l("Aktualizacja wywiadu (zasiłek stały)"),
    "closed": _l("Zakończona"),
    "benefit_case": _l("Sprawa"),
    "family_benefit_case": _l("Sprawa"),
    "fa_debtor": _l("Postępowanie wobec dłużnika alimentacyjnego"),
}

CASE_STATUSES = {
    "open": _l("w toku"),
    "closed": _l("zakończona"),
    "running": _l("w toku"),
    "completed": _l("zakończony"),
    "error": _l("błąd"),
}

OUTCOMES = {
    "granted": _l("przyznano"),
    "grant": _l("przyznano"),
    "partial": _l("przyznano w części"),
    "refused": _l("odmówiono"),
    "refusal": _l("odmówiono"),
    "left_unexamined": _l("pozostawiono bez rozpoznania"),
    "unexamined": _l("pozostawiono bez rozpoznania"),
    "withdrawn": _l("wycofano"),
    "complete": _l("wniosek kompletny"),
    "incomplete": _l("wniosek niekompletny"),
    "final": _l("decyzja ostateczna"),
    "forwarded_to_sko": _l("odwołanie przekazane do SKO"),
    "changed": _l("decyzja zmieniona (art. 132 KPA)"),
    "quashed": _l("decyzja uchylona przez SKO"),
    "done": _l("zakończono"),
    "cooperating": _l("dłużnik współpracuje"),
    "registered": _l("dłużnik zarejestrowany w urzędzie pracy"),
    "not_evading": _l("nie uznano za uchylającego się"),
    "grounds_ceased": _l("przyczyny uznania za uchylającego się ustały"),
}

# The steps of the FA debtor procedure (app/domain/fa_debtor.STEPS) and what each recorded.
# The steps of the Niebieska Karta process (niebieska_karta.bpmn), as *Terminy* names them.
NK_STEPS = {
    "nk_handover": _l("Przekazanie formularza A przewodniczącemu zespołu"),
    "nk_group_meeting": _l("Posiedzenie grupy diagnostyczno-pomocowej"),
    "nk_closing": _l("Zakończenie procedury"),
}

DEBTOR_STEPS = {
    "interview": _l("Wywiad alimentacyjny i oświadczenie majątkowe"),
    "bailiff_info": _l("Informacja dla komornika"),
    "registration_obligation": _l("Zobowiązanie do rejestracji w urzędzie pracy"),
    "registration": _l("Rejestracja w urzędzie pracy"),
    "evasion_decision": _l("Decyzja o uznaniu za uchylającego się od zobowiązań alimentacyjnych"),
    "evasion_final": _l("Decyzja ostateczna"),
    "licence_motion": _l("Wniosek do starosty o zatrzymanie prawa jazdy"),
    "big_report": _l("Informacja do biura informacji gospodarczej"),
    "prosecutor_notice": _l("Zawiadomienie o przestępstwie z art. 209 § 1 Kodeksu karnego"),
    "grounds_ceased": _l("Ustanie przyczyn"),
    "licence_withdrawal": _l("Wniosek do starosty o zwrot prawa jazdy"),
}
DEBTOR_OUTCOMES = {
    "prevented": _l("uniemożliwił przeprowadzenie wywiadu"),
    "cooperating": _l("złożył oświadczenie majątkowe"),
    "no_declaration": _l("odmówił złożenia oświadczenia majątkowego"),
    "obliged": _l("zobowiązano"),
    "registered": _l("zarejestrował się"),
    "not_registered": _l("nie zarejestrował się"),
    "refused_work": _l("odmówił przyjęcia pracy"),
    "evasion_found": _l("uznany za uchylającego się"),
    "not_found": _l("nie uznany za uchylającego się"),
    "sent": _l("wysłano"),
    "no_licence": _l("dłużnik nie ma prawa jazdy"),
    "done": _l("wykonano"),
}

APPEAL_OUTCOMES = {
    "waived": _l("zrzeczenie się prawa do odwołania"),
    "change_decision": _l("zmiana decyzji przez organ (art. 132 KPA)"),
    "forward_to_sko": _l("przekazano do SKO"),
    "sko_upheld": _l("SKO utrzymało decyzję w mocy"),
    "sko_changed": _l("SKO uchyliło decyzję i orzekło co do istoty"),
    "sko_quashed_discontinued": _l("SKO uchyliło decyzję i umorzyło postępowanie"),
    "sko_returned": _l("SKO uchyliło decyzję i przekazało sprawę do ponownego rozpatrzenia"),
    "sko_inadmissible_late": _l("SKO stwierdziło uchybienie terminu"),
    "sko_ruling": _l("orzeczenie SKO"),
}

JOB_OPERATIONS = {
    "eligibility": _l("obliczenie uprawnienia i kwoty"),
    "decision_document": _l("wytworzenie dokumentu decyzji"),
    "payment_schedule": _l("harmonogram wypłat"),
    "open_revocation": _l("wszczęcie uchylenia decyzji"),
    "end_changed_grant": _l("wstrzymanie wypłat od dnia uchylenia"),
}

DECISION_KINDS = {
    "grant": _l("przyznanie"),
    "partial": _l("przyznanie w części"),
    "refusal": _l("odmowa"),
}

DECISION_STATUSES = {
    "draft": _l("projekt"),
    "returned": _l("zwrócona do poprawy"),
    "approved": _l("zatwierdzona"),
    "issued": _l("wydana"),
    "delivered": _l("doręczona"),
    "final": _l("ostateczna"),
    "appealed": _l("zaskarżona"),
    "changed": _l("zmieniona"),
    "cancelled": _l("uchylona"),
    "quashed": _l("uchylona przez SKO"),
}

PAYMENT_STATUSES = {
    "planned": _l("zaplanowana"),
    "pending": _l("oczekuje"),
    "scheduled": _l("na liście"),
    "draft": _l("projekt"),
    "approved": _l("zatwierdzona"),
    "exported": _l("wyeksportowana"),
    "paid": _l("wypłacona"),
    "stopped": _l("wstrzymana"),
    "cancelled": _l("anulowana"),
    "returned": _l("zwrócona"),
    "suspended": _l("wstrzymana do rozpatrzenia odwołania"),
}

PAYMENT_METHODS = {
    "transfer": _l("przelew"),
    "cash": _l("gotówka"),
    "postal_order": _l("przekaz pocztowy"),
}

ROLES = {
    "caseworker": _l("pracownik socjalny"),
    "supervisor": _l("kierownik"),
    "head": _l("kierownik ośrodka"),
    "admin": _l("administrator"),
    "system": _l("system"),
}

INTERVIEW_KINDS = {
    "initial": _l("wywiad"),
    "update": _l("aktualizacja wywiadu"),
}

AUDIT_ACTIONS = {
    "nk.started": _l("Wszczęto procedurę „Niebieskie Karty”"),
    "nk.read": _l("Odczyt procedury „Niebieskie Karty”"),
    "nk.listed": _l("Przegląd procedur „Niebieskie Karty”"),
    "nk.member_assigned": _l("Przypisano członka grupy diagnostyczno-pomocowej"),
    "nk.recorded": _l("Zapisano krok procedury „Niebieskie Karty”"),
    "social_work.opened": _l("Założono kartę pracy socjalnej"),
    "social_work.updated": _l("Zmieniono kartę pracy socjalnej"),
    "social_work.read": _l("Odczyt karty pracy socjalnej"),
    "social_work.listed": _l("Przegląd kart pracy socjalnej"),
    "social_work.entry_added": _l("Dodano wizytę lub notatkę pracy socjalnej"),
    "social_work.goal_added": _l("Dodano cel pracy socjalnej"),
    "social_work.goal_updated": _l("Zmieniono cel pracy socjalnej"),
    "social_work.contract_recorded": _l("Zapisano kontrakt socjalny lub odmowę jego zawarcia"),
    "social_work.stage_reviewed": _l("Oceniono etap kontraktu socjalnego"),
    "social_work.contract_outcome": _l("Zapisano wynik kontraktu socjalnego"),
    "case.opened": _l("Zarejestrowano wniosek"),
    "case.read": _l("Odczyt akt sprawy"),
    "task.claimed": _l("Przejęto zadanie"),
    "task.unclaimed": _l("Zwolniono zadanie"),
    "task.assigned": _l("Przydzielono zadanie"),
    "task.completed": _l("Zakończono zadanie"),
    "decision.drafted": _l("Przygotowano projekt decyzji"),
    "decision.approved": _l("Zatwierdzono decyzję"),
    "decision.returned": _l("Zwrócono projekt decyzji"),
    "decision.issued": _l("Wydano decyzję"),
    "decision.delivered": _l("Doręczono decyzję"),
    "decision.final": _l("Decyzja stała się ostateczna"),
    "decision.read": _l("Odczyt decyzji"),
    "eligibility.computed": _l("Obliczono uprawnienie"),
    "payments.run": _l("Utworzono listę wypłat"),
    "payments.list_approved": _l("Zatwierdzono listę wypłat"),
    "payments.list_exported": _l("Wyeksportowano listę wypłat"),
    "payments.list_read": _l("Odczyt listy wypłat"),
    "definition.deployed": _l("Wdrożono wersję procesu"),
    "timer.fired": _l("Upłynął termin"),
    "workflow.chained": _l("Rozpoczęto kolejny etap procesu"),
    "job.done": _l("Wykonano zadanie systemowe"),
    "person.changed": _l("Zmieniono dane w kartotece"),
    "case.change_opened": _l("Wszczęto z urzędu sprawę zmiany decyzji"),
    "timer.failed": _l("Termin procesu nie mógł zostać obsłużony"),
    "case.search": _l("Wyszukiwanie spraw"),
    "dashboard.drilldown": _l("Przegląd spraw za liczbą pulpitu kierownika"),
    "person.read": _l("Odczyt kartoteki osoby"),
    "definition.rolled_back": _l("Przywrócono wcześniejszą wersję procesu"),
    "incident.retried": _l("Ponowiono zablokowany krok"),
    "instance.migrated": _l("Przeniesiono sprawę na nową wersję procesu"),
    "job.retried": _l("Ponowiono zadanie systemowe"),
    "auth.login": _l("Zalogowano"),
    "auth.logout": _l("Wylogowano"),
    "auth.failed": _l("Nieudane logowanie"),
    "auth.locked": _l("Zablokowano logowanie po nieudanych próbach"),
    "auth.token_revoked": _l("Unieważniono token API"),
    "user.created": _l("Utworzono użytkownika"),
    "recovery.found": _l("Ustalono nienależnie pobrane świadczenie"),
    "recovery.read": _l("Odczyt nienależnie pobranych świadczeń sprawy"),
    "debtor.opened": _l("Wszczęto postępowanie wobec dłużnika alimentacyjnego"),
    "debtor.read": _l("Odczyt postępowania wobec dłużnika alimentacyjnego"),
    "debtor.due_added": _l("Zapisano należność dłużnika alimentacyjnego"),
    "debtor.dues_imported": _l("Przeniesiono należności dłużnika ze sprawy funduszu alimentacyjnego"),
    "debtor.receipt_recorded": _l("Zapisano wpłatę dłużnika alimentacyjnego"),
    "recovery.balance_read": _l("Odczyt salda nienależnie pobranych świadczeń osoby"),
    "recovery.repaid": _l("Zapisano wpłatę nienależnie pobranego świadczenia"),
    "recovery.claimed": _l("Ujęto należność z decyzji (zwrot pomocy lub kosztów pogrzebu)"),
    "recovery.decision_drafted": _l("Przygotowano projekt decyzji w sprawie nienależnego świadczenia"),
    "recovery.decision_issued": _l("Wydano decyzję w sprawie nienależnego świadczenia"),
    "recovery.decision_final": _l("Zapisano dzień, w którym decyzja o zwrocie stała się ostateczna"),
    "recovery.document_read": _l("Pobrano decyzję w sprawie nienależnego świadczenia"),
    "recovery.deducted": _l("Potrącono należność z bieżących świadczeń"),
    "document.issued": _l("Wystawiono dokument"),
    "document.downloaded": _l("Pobrano dokument"),
    "letter.issued": _l("Wystawiono pismo"),
    "office.updated": _l("Zmieniono dane organu"),
    "provision.fee_table_saved": _l("Zapisano tabelę odpłatności za usługi opiekuńcze"),
    "provision.list_read": _l("Odczytano listę posiłków lub usług"),
    "provision.list_exported": _l("Wyeksportowano listę posiłków lub usług"),
    "authorisation.added": _l("Dodano upoważnienie do podpisu"),
    "authorisation.revoked": _l("Cofnięto upoważnienie do podpisu"),
    "payments.paid": _l("Oznaczono wypłatę jako wypłaconą"),
    "payments.returned": _l("Oznaczono wypłatę jako zwróconą"),
    "payments.list_paid": _l("Oznaczono listę wypłat jako wypłaconą"),
    "payments.list_returned": _l("Oznaczono wypłaty z listy jako zwrócone"),
    "payments.reissued": _l("Wystawiono ponownie zwróconą wypłatę"),
    "appeal.recorded": _l("Zarejestrowano odwołanie"),
    "appeal.handled": _l("Przekazano odwołanie do SKO albo zmieniono decyzję"),
    "appeal.sko_outcome": _l("Zapisano rozstrzygnięcie SKO"),
}

# A decision's life (services.appeals, sko, decision_changes, procedure_actions).
LIFE_EVENTS = {
    "finality_undone": _l("Ostateczność cofnięta: odwołanie nadane w terminie"),
    "appeal_late": _l("Odwołanie nadane po terminie (art. 134 KPA)"),
    "appeal_forwarded": _l("Odwołanie przekazane do SKO"),
    "sko_upheld": _l("SKO utrzymało decyzję w mocy"),
    "sko_changed": _l("SKO orzekło co do istoty"),
    "sko_quashed_discontinued": _l("SKO uchyliło decyzję i umorzyło postępowanie"),
    "sko_returned": _l("SKO przekazało sprawę do ponownego rozpatrzenia"),
    "sko_inadmissible_late": _l("SKO stwierdziło uchybienie terminu"),
    "parameter_change_opened": _l("Wszczęto zmianę decyzji po zmianie parametrów"),
    "change_opened": _l("Wszczęto zmianę decyzji"),
    "revocation_opened": _l("Wszczęto uchylenie decyzji"),
    "reexamination_opened": _l("Wszczęto ponowne rozpatrzenie sprawy"),
    "self_correction_opened": _l("Organ wydaje nową decyzję po odwołaniu (art. 132 KPA)"),
    "art10_notice": _l("Zawiadomienie z art. 10 § 1 KPA"),
    "party_comments": _l("Wypowiedź strony co do dowodów"),
    "party_no_comments": _l("Strona nie wypowiedziała się"),
    "art36_notice": _l("Nowy termin załatwienia sprawy (art. 36 KPA)"),
    "review_ends_benefit": _l("Aktualizacja wywiadu: świadczenie nie powinno być kontynuowane"),
}

# The ground of a change or revocation (app.domain.rulings.GROUNDS).
CHANGE_GROUNDS = {
    "employment": _l("podjęcie zatrudnienia przez stronę"),
    "income_change": _l("zmiana sytuacji dochodowej"),
    "household_change": _l("zmiana składu rodziny lub sytuacji osobistej"),
    "parameter_change": _l("zmiana parametrów ustawowych"),
    "party_request": _l("wniosek strony"),
    "review": _l("ustalenia aktualizacji wywiadu środowiskowego"),
    "other": _l("inna (opis)"),
}

# Why a change case was opened (app.services.decisions.change_cases.change_purpose).
CHANGE_PURPOSES = {
    "parameter_change": _l("zmiana po zmianie parametrów ustawowych"),
    "change": _l("zmiana decyzji"),
    "revocation": _l("uchylenie decyzji"),
    "self_correction": _l("nowa decyzja po odwołaniu (art. 132 KPA)"),
    "reexamination": _l("ponowne rozpatrzenie po uchyleniu przez SKO"),
}

SKO_OUTCOMES = {
    "upheld": _l("utrzymanie decyzji w mocy"),
    "changed": _l("uchylenie i orzeczenie co do istoty"),
    "quashed_discontinued": _l("uchylenie i umorzenie postępowania"),
    "returned": _l("uchylenie i przekazanie do ponownego rozpatrzenia"),
    "inadmissible_late": _l("stwierdzenie uchybienia terminu"),
}

APPEAL_CHANNELS = {
    "post": _l("Poczta Polska"),
    "epuap": _l("ePUAP"),
    "in_person": _l("osobiście"),
}

RESTORATION_RULINGS = {
    "granted": _l("termin przywrócony"),
    "refused": _l("odmowa przywrócenia terminu"),
}

# Register fields a caseworker may update from an application.
REGISTER_FIELDS = {
    "first_name": _l("Imię"),
    "last_name": _l("Nazwisko"),
    "address": _l("Adres"),
}

# Workflow data keys mirrored on the instance (see services.instances._MIRRORED_KEYS).
WORKFLOW_KEYS = {
    "intake_outcome": _l("Wynik przyjęcia wniosku"),
    "decision_kind": _l("Rodzaj decyzji"),
    "decision_outcome": _l("Rozstrzygnięcie"),
    "decision_final": _l("Decyzja ostateczna"),
    "final_on": _l("Data uprawomocnienia"),
    "interview_due": _l("Termin wywiadu"),
    "decision_due": _l("Termin wydania decyzji"),
    "supplement_due": _l("Termin uzupełnienia wniosku"),
    "appeal_deadline": _l("Termin na odwołanie"),
    "benefit": _l("Świadczenie"),
    "urgent": _l("Pilna"),
    "application_date": _l("Data wniosku"),
    "outcome": _l("Wynik"),
}


def lang() -> str:
    """The current interface language code ('pl' or 'en')."""
    locale = get_locale()
    return locale.language if locale is not None else "pl"


def label(table: Mapping[str, Any], code: Any) -> str:
    """The label of a code, or the code itself when it is not known (never fails)."""
    if code is None or code == "":
        return "—"
    found = table.get(str(code))
    return str(found) if found is not None else str(code)


def reason_label(code: str | None) -> str:
    """An art. 7 u.p.s. reason in the current language."""
    if not code:
        return "—"
    names = REASONS.get(code)
    if names is None:
        return code
    return names[1] if lang() == "en" else names[0]


def reason_options() -> list[tuple[str, str]]:
    """(code, label) pairs of the art. 7 reasons, in the order of the Act."""
    return [(code, reason_label(code)) for code in REASONS]


def relation_options(include_applicant: bool = False) -> list[tuple[str, str]]:
    """(code, label) pairs of household relations."""
    return [(r, label(RELATION_LABELS, r)) for r in RELATIONS if include_applicant or r != "applicant"]


TABLES: dict[str, Mapping[str, Any]] = {
    "benefit": BENEFITS, "relation": RELATION_LABELS, "income_kind": INCOME_KINDS,
    "other_benefit": OTHER_BENEFITS, "disability_degree": DISABILITY_DEGREES,
    "single_parent_reason": SINGLE_PARENT_REASONS, "dodatek": DODATKI, "school_away": SCHOOL_AWAY,
    "stage": STAGES, "case_status": CASE_STATUSES,
    "outcome": OUTCOMES, "decision_kind": DECISION_KINDS, "decision_status": DECISION_STATUSES,
    "payment_status": PAYMENT_STATUSES, "payment_method": PAYMENT_METHODS, "role": ROLES,
    "interview_kind": INTERVIEW_KINDS, "audit": AUDIT_ACTIONS, "workflow_key": WORKFLOW_KEYS,
    "appeal_outcome": APPEAL_OUTCOMES, "job": JOB_OPERATIONS, "register_field": REGISTER_FIELDS,
    "life_event": LIFE_EVENTS, "sko_outcome": SKO_OUTCOMES, "appeal_channel": APPEAL_CHANNELS,
    "restoration_ruling": RESTORATION_RULINGS, "change_ground": CHANGE_GROUNDS,
    "change_purpose": CHANGE_PURPOSES, "debtor_step": DEBTOR_STEPS,
    "debtor_outcome": DEBTOR_OUTCOMES, "nk_step": NK_STEPS,
}


def code_label(code: Any, table: str) -> str:
    """Template filter: `{{ case.benefit|code('benefit') }}`."""
    if table == "reason":
        return reason_label(code)
    return label(TABLES[table], code)
