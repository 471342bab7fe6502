"""The catalogue's service errors: who may do what, what does not exist, and what the state of a
task, job, definition, document or payment list forbids (the services' NotFound, Forbidden,
Conflict and ValidationFailed that were English text before issue 14)."""

from __future__ import annotations

from app.domain.messages.codes import N_, Code, MessageCode, Template

TEXTS: dict[MessageCode, Template] = {
    # Service errors: roles, missing objects, states (issue 14, part 5).
    Code.USER_DATA_INVALID: Template(
        N_("Dane użytkownika są niepoprawne."),
        "The user data is invalid."),
    Code.USER_EXISTS: Template(
        N_("Użytkownik „%(username)s” już istnieje."),
        "User '%(username)s' already exists."),
    Code.CASE_FILE_ROLE: Template(
        N_("Akta spraw mogą przeglądać tylko pracownicy socjalni i kierownicy."),
        "Only caseworkers and supervisors may read case files."),
    Code.CASE_LIST_ROLE: Template(
        N_("Listę spraw mogą przeglądać tylko pracownicy socjalni i kierownicy."),
        "Only caseworkers and supervisors may list cases."),
    Code.CASE_NOT_FOUND: Template(
        N_("Sprawa %(case_id)s nie istnieje."),
        "Case %(case_id)s does not exist."),
    Code.DECISION_NO_DOCUMENT_IN_CASE: Template(
        N_("Decyzja %(decision_id)s w sprawie %(case_id)s nie ma dokumentu."),
        "Decision %(decision_id)s of case %(case_id)s has no document."),
    Code.APPLICATION_ROLE: Template(
        N_("Wnioski mogą rejestrować tylko pracownicy socjalni i kierownicy."),
        "Only caseworkers and supervisors may register applications."),
    Code.CHAIN_CARRY_INVALID: Template(
        N_("Proces wskazuje „%(process)s” jako następny, ale jego `carry` nie jest listą "
           "nazw zmiennych."),
        "The workflow names '%(process)s' to follow, but its `carry` is not a list of "
        "variable names."),
    Code.CHAIN_NEXT_INVALID: Template(
        N_("`next_process` procesu musi wskazywać proces."),
        "The workflow's `next_process` must name a process."),
    Code.CHAIN_TOO_LONG: Template(
        N_("Proces uruchomił kolejno %(limit)s procesów, z których każdy od razu się "
           "zakończył; następny proces potrzebuje stanu oczekiwania (zadania użytkownika "
           "lub licznika czasu)."),
        "The workflow started %(limit)s processes in a row that each finished at once; the "
        "process that follows needs a wait state (a user task or a timer)."),
    Code.CHAIN_START_FAILED: Template(
        N_("Nie udało się uruchomić następnego procesu: %(error)s"),
        "The workflow could not start the process that follows: %(error)s"),
    Code.DIAGRAM_NOT_IN_VERSION: Template(
        N_("Ta wersja nie ma takiego diagramu."),
        "This version has no such diagram."),
    Code.FILE_TOO_LARGE: Template(
        N_("Plik jest zbyt duży."),
        "The file is too large."),
    Code.FILE_NOT_BPMN: Template(
        N_("Plik nie jest czytelnym diagramem BPMN."),
        "The file is not a readable BPMN diagram."),
    Code.FILE_TYPE: Template(
        N_("Prześlij plik .bpmn albo archiwum .zip z takimi plikami."),
        "Upload a .bpmn file or a .zip of them."),
    Code.ZIP_NO_BPMN: Template(
        N_("Archiwum .zip nie zawiera diagramu .bpmn."),
        "The zip holds no .bpmn diagram."),
    Code.FORM_NOT_OBJECT: Template(
        N_("Formularz musi być obiektem JSON."),
        "A form must be a JSON object."),
    Code.FILE_NOT_ZIP: Template(
        N_("Plik nie jest czytelnym archiwum .zip."),
        "The file is not a readable zip."),
    Code.ZIP_BAD_PATH: Template(
        N_("Archiwum .zip zawiera plik spoza swojego folderu."),
        "The zip holds a file outside its folder."),
    Code.FORM_SCHEMA_INVALID: Template(
        N_("Formularz nie jest poprawnym schematem JSON Schema."),
        "The form is not a valid JSON Schema."),
    # A version's description is its line in the history: a deploy without one is refused.
    Code.DEFINITION_DESCRIPTION_REQUIRED: Template(
        N_("Podaj opis zmian: co zmieniono w tej wersji i dlaczego (zapisuje się w historii wersji)."),
        "Give a description of the changes: what this version changes and why (it is kept in the "
        "version history)."),
    # Deploy problems: the modeler shows each beside the element it names, so the text speaks
    # of "this task/element" and names only what the element itself does not show.
    Code.VERSION_SUPERSEDED: Template(
        N_("Wersję v%(current)s wdrożono po wersji v%(base_version)s, od której zaczęto zmiany."),
        "Version v%(current)s was deployed after v%(base_version)s, which you started from."),
    Code.FORM_NOT_JSON: Template(
        N_("Formularz nie jest poprawnym JSON-em."),
        "A form is not valid JSON."),
    Code.NO_DEFINITION: Template(
        N_("Nie wdrożono żadnej definicji procesu; uruchom `flask --app app deploy-workflows`."),
        "No process definition is deployed; run `flask --app app deploy-workflows`."),
    Code.DEFINITION_NOT_FOUND: Template(
        N_("Definicja procesu %(definition_id)s nie istnieje."),
        "Process definition %(definition_id)s does not exist."),
    Code.DOCUMENT_NOT_FOUND: Template(
        N_("Dokument %(document_id)s w sprawie %(case_id)s nie istnieje."),
        "Document %(document_id)s of case %(case_id)s does not exist."),
    Code.DOCUMENT_CORRUPTED: Template(
        N_("Dokument %(document_id)s nie zgadza się z zapisanym skrótem; nie zostanie wydany."),
        "Document %(document_id)s does not match its stored hash; it is not handed out."),
    Code.INCIDENT_ROLE: Template(
        N_("Incydenty przegląda i ponawia tylko kierownik lub administrator."),
        "Only a supervisor or an administrator sees and retries incidents."),
    Code.INSTANCE_NOT_FOUND: Template(
        N_("Instancja procesu %(instance_id)s nie istnieje."),
        "Workflow instance %(instance_id)s does not exist."),
    Code.NO_INCIDENT: Template(
        N_("W tej sprawie nie ma incydentu do ponowienia."),
        "This case has no incident to retry."),
    Code.DECISION_UNLAWFUL_NOT_ISSUED: Template(
        N_("Decyzja %(decision_id)s narusza przepisy i nie została wydana: %(rules)s. Zwróć"
           " ją pracownikowi (decyzja zmieniająca) albo popraw dane, a potem ponów zadanie."),
        "Decision %(decision_id)s breaks legal rules and was not issued: %(rules)s. Return "
        "it to the caseworker (a changing decision) or correct the data, then retry the "
        "job."),
    Code.DECISION_NO_OFFICE: Template(
        N_("Decyzja %(decision_id)s nie została wydana: nie skonfigurowano organu "
           "wydającego. Administrator ustawia go (flask office-set), a potem należy ponowić"
           " zadanie."),
        "Decision %(decision_id)s was not issued: the issuing body is not configured. An "
        "administrator sets it (flask office-set), then retry the job."),
    Code.DECISION_NO_AUTHORISATION: Template(
        N_("Decyzja %(decision_id)s nie została wydana: podpisujący (użytkownik "
           "%(signer_id)s) nie ma upoważnienia na podstawie %(basis)s ważnego w dniu "
           "%(issued_on)s. Administrator je rejestruje (flask authorise), a potem należy "
           "ponowić zadanie."),
        "Decision %(decision_id)s was not issued: its signer (user %(signer_id)s) holds no "
        "authorisation under %(basis)s valid on %(issued_on)s. An administrator records it "
        "(flask authorise), then retry the job."),
    Code.DECISION_PERIOD_REVERSED: Template(
        N_("Okres decyzji %(decision_id)s kończy się przed swoim początkiem; harmonogramu "
           "wypłat nie utworzono."),
        "Decision %(decision_id)s has a period that ends before it starts; no payment "
        "schedule was made."),
    Code.JOBS_ROLE: Template(
        N_("Nieudane zadania w tle widzi tylko kierownik."),
        "Only a supervisor sees failed background jobs."),
    Code.JOB_RETRY_ROLE: Template(
        N_("Zadanie w tle może ponowić tylko kierownik."),
        "Only a supervisor may retry a background job."),
    Code.JOB_NOT_FOUND: Template(
        N_("Zadanie w tle %(job_id)s nie istnieje."),
        "Job %(job_id)s does not exist."),
    Code.JOB_DONE: Template(
        N_("To zadanie w tle zostało już wykonane."),
        "This job has already completed."),
    Code.OFFICE_MISSING: Template(
        N_("Nie skonfigurowano organu wydającego (flask office-set)."),
        "The issuing body is not configured (flask office-set)."),
    Code.OFFICE_NOT_CONFIGURED: Template(
        N_("Nie skonfigurowano organu wydającego."),
        "The issuing body is not configured."),
    Code.LETTER_ROLE: Template(
        N_("Pisma mogą wydawać tylko pracownicy socjalni i kierownicy."),
        "Only caseworkers and supervisors may issue letters."),
    Code.VERSIONS_INVALID: Template(
        N_("Podaj wersje definicji jako liczby całkowite."),
        "Give the definition versions as whole numbers."),
    Code.POSITIVE_INTEGER: Template(
        N_("Podaj dodatnią liczbę całkowitą."),
        "Expected a positive integer."),
    Code.VERSION_NOT_FOUND: Template(
        N_("Wersja definicji %(version)s nie istnieje."),
        "Definition version %(version)s does not exist."),
    Code.MIGRATION_ROLE: Template(
        N_("Sprawy do innej wersji definicji przenosi tylko administrator."),
        "Only an administrator moves cases to another definition version."),
    Code.MIGRATION_NOT_NEWER: Template(
        N_("Sprawy przenosi się do nowszej wersji."),
        "Cases are moved to a newer version."),
    Code.NEWER_THAN_SOURCE: Template(
        N_("Wersja musi być nowsza niż from_version."),
        "Must be newer than from_version."),
    Code.ELEMENT_ID_INVALID: Template(
        N_("Niepoprawny identyfikator elementu."),
        "Bad element id."),
    Code.ELEMENT_ID_EXPECTED: Template(
        N_("Podaj identyfikator elementu BPMN albo pozostaw pole puste."),
        "A BPMN element id, or leave it out."),
    Code.DRY_RUN_INVALID: Template(
        N_("Wskaż, czy to próba bez zapisu."),
        "Say whether this is a dry run."),
    Code.TRUE_OR_FALSE: Template(
        N_("true albo false."),
        "true or false."),
    Code.OFFICE_ROLE: Template(
        N_("Organ wydający i upoważnienia ustawia tylko administrator."),
        "Only an administrator may set the issuing body and authorisations."),
    Code.USERNAME_NOT_FOUND: Template(
        N_("Nie ma użytkownika „%(username)s”."),
        "There is no user '%(username)s'."),
    Code.AUTHORISATION_NOT_FOUND: Template(
        N_("Upoważnienie %(authorisation_id)s nie istnieje."),
        "Authorisation %(authorisation_id)s does not exist."),
    Code.PAYMENT_EXPORT_ROLE: Template(
        N_("Listę wypłat może wyeksportować tylko kierownik."),
        "Only a supervisor may export a payment list."),
    Code.PAYMENT_LIST_NOT_FOUND: Template(
        N_("Lista wypłat %(list_id)s nie istnieje."),
        "Payment list %(list_id)s does not exist."),
    Code.PAYMENT_APPROVE_ROLE: Template(
        N_("Tylko kierownik może zatwierdzić listę wypłat."),
        "Only a supervisor may approve a payment list."),
    Code.PAYMENT_RUN_ROLE: Template(
        N_("Wypłaty może uruchomić tylko kierownik."),
        "Only a supervisor may run the payment run."),
    Code.PAYMENT_SETTLE_ROLE: Template(
        N_("Wypłaty może rozliczać i ponawiać tylko kierownik."),
        "Only a supervisor may settle or reissue payments."),
    Code.RECOVERY_NOT_FOUND: Template(
        N_("Postępowanie o zwrot %(recovery_id)s nie istnieje."),
        "Recovery %(recovery_id)s does not exist."),
    Code.DECISION_NOT_FOUND: Template(
        N_("Decyzja %(decision_id)s nie istnieje."),
        "Decision %(decision_id)s does not exist."),
    Code.DECISION_NO_DOCUMENT: Template(
        N_("Decyzja %(decision_id)s nie ma dokumentu."),
        "Decision %(decision_id)s has no document."),
    Code.DOCUMENT_HASH_MISMATCH: Template(
        N_("Zapisany dokument nie zgadza się ze swoim skrótem SHA-256."),
        "The stored document does not match its SHA-256."),
    Code.REGISTER_CHANGE_ROLE: Template(
        N_("Rejestr osób mogą zmieniać tylko pracownicy socjalni i kierownicy."),
        "Only caseworkers and supervisors may change the register."),
    Code.REGISTER_READ_ROLE: Template(
        N_("Rejestr osób mogą przeglądać tylko pracownicy socjalni i kierownicy."),
        "Only caseworkers and supervisors may read the register."),
    Code.SEARCH_ROLE: Template(
        N_("Sprawy mogą wyszukiwać tylko pracownicy socjalni i kierownicy."),
        "Only caseworkers and supervisors may search cases."),
    Code.NO_DRAFT_TO_APPROVE: Template(
        N_("Nie ma projektu decyzji do zatwierdzenia."),
        "There is no draft decision to approve."),
    Code.TASK_ROLE: Template(
        N_("Zadania w sprawach wykonują tylko pracownicy socjalni i kierownicy."),
        "Only caseworkers and supervisors work on case tasks."),
    Code.SCOPE_UNKNOWN: Template(
        N_("Nieznany zakres."),
        "Unknown scope."),
    Code.SCOPE_EXPECTED: Template(
        N_("Użyj scope=mine albo scope=team."),
        "Use scope=mine or scope=team."),
    Code.TASK_NOT_FOUND: Template(
        N_("Zadanie %(task_id)s nie istnieje."),
        "Task %(task_id)s does not exist."),
    Code.REASSIGN_ROLE: Template(
        N_("Tylko kierownik może przydzielać zadania."),
        "Only a supervisor may reassign tasks."),
    Code.TASK_OTHER_ROLE: Template(
        N_("To zadanie należy do innej roli."),
        "This task belongs to another role."),
    Code.TASK_NOT_OPEN: Template(
        N_("To zadanie nie jest już otwarte."),
        "This task is no longer open."),
    Code.TASK_CLAIM_ROLE: Template(
        N_("To zadanie może przejąć tylko rola: %(role)s."),
        "Only a %(role)s may claim this task."),
    Code.TASK_TAKEN: Template(
        N_("To zadanie jest już przydzielone komuś innemu; poproś kierownika o zmianę."),
        "This task is already assigned to someone else; ask a supervisor."),
    Code.TASK_RELEASE_OWN: Template(
        N_("Możesz zwolnić tylko zadania przydzielone Tobie."),
        "You can only release tasks assigned to you."),
    Code.USER_UNKNOWN: Template(
        N_("Nieznany użytkownik."),
        "Unknown user."),
    Code.USER_ID_UNKNOWN: Template(
        N_("Brak aktywnego użytkownika o tym identyfikatorze."),
        "No active user with this id."),
    Code.ROLE_WRONG: Template(
        N_("Niewłaściwa rola."),
        "Wrong role."),
    Code.USER_NOT_ROLE: Template(
        N_("Ten użytkownik nie ma roli: %(role)s."),
        "The user is not a %(role)s."),
    Code.TASK_CLOSED: Template(
        N_("To zadanie zostało już zakończone lub anulowane; wczytaj stronę ponownie."),
        "This task has already been completed or cancelled; reload the page."),
    Code.TASK_CHANGED: Template(
        N_("Zadanie zmieniło się, odkąd je otwarto; wczytaj je ponownie i spróbuj jeszcze raz."),
        "The task changed since you opened it; reload and try again."),
    Code.TASK_COMPLETE_ROLE: Template(
        N_("To zadanie może wykonać tylko rola: %(role)s."),
        "Only a %(role)s may complete this task."),
    Code.TASK_ASSIGNED_ELSEWHERE: Template(
        N_("To zadanie jest przydzielone komuś innemu."),
        "This task is assigned to someone else."),
    Code.FOUR_EYES: Template(
        N_("Zasada dwóch par oczu: nie możesz zatwierdzić decyzji, której projekt sam przygotowałeś."),
        "Four-eyes rule: you cannot approve a decision you drafted yourself."),
    Code.TASK_GONE: Template(
        N_("Proces nie oferuje już tego zadania; wczytaj stronę ponownie."),
        "The workflow no longer offers this task; reload the page."),
    Code.PAYMENT_LISTS_ROLE: Template(
        N_("Listy wypłat mogą przeglądać tylko pracownicy socjalni i kierownicy."),
        "Only caseworkers and supervisors may see payment lists."),
    # lane polish
    Code.DEFINITION_REFUSED: Template(
        N_("Definicja BPMN zawiera błędy i nie została wdrożona."),
        "The BPMN definition is invalid and was not deployed."),
}
