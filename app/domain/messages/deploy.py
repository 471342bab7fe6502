"""The catalogue's texts for a BPMN definition's deploy problems."""

from __future__ import annotations

from app.domain.messages.codes import N_, Code, MessageCode, Template

TEXTS: dict[MessageCode, Template] = {
    Code.DEPLOY_UNREACHABLE: Template(
        N_("Do tego elementu nie prowadzi żadna ścieżka od zdarzenia początkowego."),
        "No path leads to this element from a start event."),
    Code.DEPLOY_DEAD_END: Template(
        N_("Z tego elementu nie wychodzi żaden przepływ sekwencji, więc sprawa zatrzyma się tutaj, "
           "nie dochodząc do zdarzenia końcowego."),
        "No sequence flow leaves this element, so a case stops here without reaching an end event."),
    Code.DEPLOY_NO_PATH_TO_END: Template(
        N_("Każda ścieżka od tego elementu zapętla się i nie dochodzi do zdarzenia końcowego."),
        "Every path from this element loops without reaching an end event."),
    Code.DEPLOY_NO_START_EVENT: Template(
        N_("Proces lub podproces zawiera elementy, ale nie ma zdarzenia początkowego."),
        "The process or subprocess has flow nodes but no start event."),
    Code.DEPLOY_BRANCH_WITHOUT_CONDITION: Template(
        N_("Ten przepływ wychodzi z bramki „%(gateway)s” bez wyrażenia warunkowego i nie jest jej "
           "przepływem domyślnym; dodaj warunek albo ustaw go jako domyślny."),
        "This flow leaves gateway '%(gateway)s' without a condition and is not its default flow; "
        "add a condition or make it the default."),
    Code.DEPLOY_GATEWAY_WITHOUT_DEFAULT: Template(
        N_("Każdy przepływ wychodzący z tej bramki ma wyrażenie warunkowe, ale żaden nie jest "
           "domyślny: sprawa, która nie spełni żadnego warunku, zatrzyma się z błędem."),
        "Every flow leaving this gateway has a condition but none is the default: a case matching "
        "no condition would stop with an error."),
    Code.DEPLOY_GATEWAY_DEFAULT_INVALID: Template(
        N_("Przepływ domyślny „%(default)s” nie wychodzi z tej bramki."),
        "The default flow '%(default)s' does not leave this gateway."),
    Code.DEPLOY_DANGLING_FLOW: Template(
        N_("Przepływ sekwencji wskazuje w atrybucie %(end)s element „%(ref)s”, którego nie ma w tym "
           "samym procesie."),
        "The sequence flow's %(end)s '%(ref)s' is not an element of the same process."),
    Code.DEPLOY_DUPLICATE_FLOW: Template(
        N_("Ten przepływ powtarza przepływ „%(duplicate_of)s” z „%(source)s” do „%(target)s”."),
        "This flow duplicates flow '%(duplicate_of)s' from '%(source)s' to '%(target)s'."),
    Code.DEPLOY_DUPLICATE_ID: Template(
        N_("Tego identyfikatora używa więcej niż jeden element (liczba elementów: %(count)s); "
           "identyfikatory muszą być niepowtarzalne."),
        "This id is used by %(count)s elements; ids must be unique."),
    Code.DEPLOY_TASK_WITHOUT_LANE: Template(
        N_("Zadanie użytkownika nie leży w żadnym torze; umieść je w torze Caseworker "
           "(pracownik socjalny) albo Supervisor (kierownik)."),
        "The user task is in no lane; put it in the Caseworker or Supervisor lane."),
    Code.DEPLOY_TASK_WITHOUT_FORM: Template(
        N_("Zadanie użytkownika nie wskazuje formularza (właściwość spiffworkflow „form”)."),
        "The user task names no form (spiffworkflow property 'form')."),
    Code.DEPLOY_UNKNOWN_FORM: Template(N_("Nie ma formularza „%(form)s”."),
                                       "There is no form '%(form)s'."),
    Code.DEPLOY_TIMER_INVALID: Template(
        N_("Licznik czasu nie ma wyrażenia (timeDate, timeDuration ani timeCycle)."),
        "The timer has no expression (timeDate, timeDuration or timeCycle)."),
    Code.DEPLOY_TIMER_REFUSED: Template(
        N_("Piaskownica skryptów odrzuca wyrażenie tego licznika czasu."),
        "The script sandbox refuses this timer's expression."),
    Code.DEPLOY_TIMER_UNKNOWN_FUNCTIONS: Template(
        N_("Wyrażenie licznika czasu wywołuje nieznane funkcje: %(unknown_functions)s."),
        "The timer expression calls unknown functions: %(unknown_functions)s."),
    Code.DEPLOY_MALFORMED_XML: Template(
        N_("Plik nie jest poprawnym dokumentem XML (błąd w wierszu %(line)s)."),
        "The file is not well-formed XML (error on line %(line)s)."),
    # The parser's own (English) detail stays in the problem's params and message, for the
    # admin's "szczegóły techniczne" (marked lang="en"); the text names the line where known.
    Code.DEPLOY_DEFINITION_INVALID: Template(
        N_("Definicja procesu jest niepoprawna."),
        "The process definition is invalid."),
    Code.DEPLOY_XML_TOO_LARGE: Template(
        N_("BPMN jest za duży (rozmiar w bajtach: %(size)s, limit: %(limit)s)."),
        "The BPMN is too large (%(size)s bytes, the limit is %(limit)s)."),
    Code.DEPLOY_XML_ENTITIES: Template(
        N_("Deklaracje DOCTYPE i encji są w plikach BPMN niedozwolone."),
        "DOCTYPE and entity declarations are not allowed in BPMN files."),
    Code.DEPLOY_BPMN_INVALID: Template(
        N_("Diagram nie spełnia wymagań BPMN."),
        "The diagram is not valid BPMN."),
    Code.DEPLOY_BPMN_INVALID_LINE: Template(
        N_("Diagram nie spełnia wymagań BPMN (błąd w wierszu %(line)s)."),
        "The diagram is not valid BPMN (error on line %(line)s)."),
    Code.DEPLOY_ID_COLLISION: Template(
        N_("Element rozszerzenia %(tag)s ma ten sam identyfikator co element BPMN."),
        "The extension element %(tag)s has the same id as a BPMN element."),
    Code.DEPLOY_MULTIPLE_LANES: Template(
        N_("Element należy do więcej niż jednego toru (liczba torów: %(count)s); dozwolony jest "
           "dokładnie jeden."),
        "The element is in %(count)s lanes; exactly one is allowed."),
    Code.DEPLOY_UNKNOWN_CALLED_PROCESS: Template(
        N_("Wywoływanego procesu „%(called)s” nie zdefiniowano w żadnym pliku."),
        "The called process '%(called)s' is not defined in any file."),
    Code.DEPLOY_SCRIPT_INVALID: Template(
        N_("Piaskownica skryptów odrzuca skrypt tego elementu (%(what)s)."),
        "The script sandbox refuses this element's %(what)s."),
    Code.DEPLOY_SCRIPT_UNKNOWN_FUNCTIONS: Template(
        N_("Skrypt tego elementu (%(what)s) wywołuje nieznane funkcje: %(unknown_functions)s."),
        "This element's %(what)s calls unknown functions: %(unknown_functions)s."),
    Code.DEPLOY_CONDITION_INVALID: Template(
        N_("Piaskownica skryptów odrzuca wyrażenie warunkowe przepływu wychodzącego z tej bramki."),
        "The script sandbox refuses the condition of a flow leaving this gateway."),
    Code.DEPLOY_CONDITION_UNKNOWN_FUNCTIONS: Template(
        N_("Wyrażenie warunkowe przepływu wychodzącego z tej bramki wywołuje nieznane funkcje: "
           "%(unknown_functions)s."),
        "The condition of a flow leaving this gateway calls unknown functions: "
        "%(unknown_functions)s."),
    Code.DEPLOY_EXPRESSION_INVALID: Template(
        N_("Piaskownica skryptów odrzuca wyrażenie parametru „%(param)s” tego zadania usługowego."),
        "The script sandbox refuses the expression of parameter '%(param)s' of this service task."),
    Code.DEPLOY_EXPRESSION_UNKNOWN_FUNCTIONS: Template(
        N_("Wyrażenie parametru „%(param)s” tego zadania usługowego wywołuje nieznane funkcje: "
           "%(unknown_functions)s."),
        "The expression of parameter '%(param)s' of this service task calls unknown functions: "
        "%(unknown_functions)s."),
    Code.DEPLOY_DUPLICATE_USER_TASK: Template(
        N_("Ten sam identyfikator zadania użytkownika występuje też w procesie „%(other_process)s”; "
           "identyfikatory muszą być niepowtarzalne."),
        "The same user task id is also used in process '%(other_process)s'; ids must be unique."),
    Code.DEPLOY_UNKNOWN_LANE: Template(
        N_("Nieznany tor „%(lane)s”; użyj toru Caseworker albo Supervisor."),
        "Unknown lane '%(lane)s'; use the Caseworker or Supervisor lane."),
    Code.DEPLOY_MISSING_TASK_PROPERTY: Template(
        N_("Zadaniu użytkownika brakuje właściwości spiffworkflow „%(property)s”."),
        "The user task lacks the spiffworkflow property '%(property)s'."),
    Code.DEPLOY_INVALID_FORM_SCHEMA: Template(
        N_("Formularz „%(form)s” nie jest poprawnym schematem JSON Schema."),
        "Form '%(form)s' is not a valid JSON Schema."),
    Code.DEPLOY_INVALID_FORM_FIELD: Template(
        N_("Nazwa pola „%(field)s” formularza „%(form)s” nie może być nazwą zmiennej procesu."),
        "Field '%(field)s' of form '%(form)s' is not a valid variable name."),
    Code.DEPLOY_FORM_FIELD_RESERVED: Template(
        N_("Pole „%(field)s” formularza „%(form)s” przesłoniłoby funkcję dostępną w skryptach."),
        "Field '%(field)s' of form '%(form)s' would shadow a script function."),
    Code.DEPLOY_INVALID_DUE: Template(
        N_("Właściwość „due” musi wskazywać zmienną procesu, a ma wartość „%(due)s”."),
        "The property 'due' must name a workflow variable, not '%(due)s'."),
    Code.DEPLOY_NO_FILES: Template(N_("Nie podano żadnego pliku BPMN."), "No BPMN files were given."),
    Code.DEPLOY_MAIN_PROCESS_MISSING: Template(
        N_("Procesu głównego „%(process)s” nie zdefiniowano w żadnym pliku."),
        "The main process '%(process)s' is not defined in any file."),
    Code.DEPLOY_PROCESS_INVALID: Template(
        N_("Nie można zbudować procesu „%(process)s” z tych diagramów."),
        "Process '%(process)s' cannot be built from these diagrams."),
    Code.DEPLOY_UNKNOWN_FOUR_EYES_TASK: Template(
        N_("Właściwość „four_eyes_of” wskazuje nieznane zadanie użytkownika „%(four_eyes_of)s”."),
        "The property 'four_eyes_of' names the unknown user task '%(four_eyes_of)s'."),
    Code.DEPLOY_STUCK_PATH: Template(
        N_("Próbny przebieg ścieżki „%(scenario)s” nie dochodzi do zdarzenia końcowego."),
        "The rehearsal of path '%(scenario)s' does not reach an end event."),
    Code.DEPLOY_STUCK_NO_WORK_LEFT: Template(
        N_("Ścieżka „%(scenario)s” zatrzymuje się tutaj: nie zostało żadne zadanie użytkownika, "
           "wywołanie usługi ani licznik czasu, a proces nie doszedł do zdarzenia końcowego."),
        "Path '%(scenario)s' stops here: no user task, service call or timer is left and the "
        "process has not reached an end event."),
    Code.DEPLOY_STUCK_STEP_BUDGET: Template(
        N_("Ścieżka „%(scenario)s” wykonuje tu zbyt wiele kroków, nie czekając na zadanie "
           "użytkownika ani licznik czasu (pętla?)."),
        "Path '%(scenario)s' takes too many steps here without waiting for a user task or a "
        "timer (a loop?)."),
    Code.DEPLOY_STUCK_PROCESS_MISSING: Template(
        N_("Procesu „%(process)s”, od którego zaczyna się ścieżka „%(scenario)s”, nie ma w tej "
           "definicji."),
        "Process '%(process)s', where path '%(scenario)s' starts, is not in this definition."),
    Code.DEPLOY_REHEARSAL_ERROR: Template(
        N_("Próbny przebieg ścieżki „%(scenario)s” zakończył się tutaj błędem."),
        "The rehearsal of path '%(scenario)s' failed here."),
    Code.DEPLOY_SCRIPT_TIMEOUT: Template(
        N_("Skrypt lub wyrażenie przekroczyło tutaj limit czasu na ścieżce „%(scenario)s”."),
        "A script or expression ran past the time limit here on path '%(scenario)s'."),
    Code.DEPLOY_SCRIPT_ERROR: Template(
        N_("Skrypt zakończył się błędem na ścieżce „%(scenario)s”."),
        "The script failed on path '%(scenario)s'."),
    Code.DEPLOY_CONDITION_ERROR: Template(
        N_("Wyrażenie warunkowe zakończyło się błędem na ścieżce „%(scenario)s”."),
        "A condition failed on path '%(scenario)s'."),
    Code.DEPLOY_TIMER_ERROR: Template(
        N_("Wyrażenie licznika czasu zakończyło się błędem na ścieżce „%(scenario)s”."),
        "The timer expression failed on path '%(scenario)s'."),
    Code.DEPLOY_EXPRESSION_ERROR: Template(
        N_("Wyrażenie zakończyło się błędem na ścieżce „%(scenario)s”."),
        "An expression failed on path '%(scenario)s'."),
    Code.DEPLOY_ACTION_MISSING: Template(
        N_("Zadanie użytkownika nie deklaruje czynności (właściwość rozszerzenia „action”)."),
        "The user task declares no action (the extension property 'action')."),
    Code.DEPLOY_ACTION_WRONG_LANE: Template(
        N_("Czynność „%(action)s” może wykonać tylko rola %(role)s, a zadanie leży w torze "
           "„%(lane)s”."),
        "Only a %(role)s may perform the action '%(action)s'; the task is in the lane '%(lane)s'."),
    Code.DEPLOY_ACTION_UNKNOWN: Template(
        N_("Zadanie użytkownika deklaruje nieznaną czynność „%(action)s”."),
        "The user task declares the unknown action '%(action)s'."),
    Code.DEPLOY_ACTION_FIELD_MISSING: Template(
        N_("Czynność „%(action)s” potrzebuje pola „%(field)s”, którego nie ma formularz „%(form)s”."),
        "Action '%(action)s' needs the field '%(field)s', which form '%(form)s' lacks."),
    Code.DEPLOY_ACTION_FIELD_TYPE: Template(
        N_("Pole „%(field)s” formularza „%(form)s” ma inny typ, niż oczekuje czynność „%(action)s” "
           "(%(expected)s)."),
        "Field '%(field)s' of form '%(form)s' has another type than action '%(action)s' reads "
        "(%(expected)s)."),
    Code.DEPLOY_ACTION_FIELD_OPTIONAL: Template(
        N_("Formularz „%(form)s” musi wymagać pola „%(field)s”: potrzebuje go czynność "
           "„%(action)s”."),
        "Form '%(form)s' must require the field '%(field)s': action '%(action)s' needs it."),
    Code.DEPLOY_OPERATION_MISSING: Template(
        N_("Zadanie usługowe nie wskazuje operacji (spiffworkflow:serviceTaskOperator)."),
        "The service task names no operation (spiffworkflow:serviceTaskOperator)."),
    Code.DEPLOY_OPERATION_UNKNOWN: Template(
        N_("Zadanie usługowe wywołuje nieznaną operację „%(operation)s”."),
        "The service task asks for the unknown operation '%(operation)s'."),
    Code.DEPLOY_OPERATION_PARAM_MISSING: Template(
        N_("Zadanie usługowe musi przekazać operacji „%(operation)s” parametr „%(param)s”."),
        "The service task must pass '%(param)s' to operation '%(operation)s'."),
    Code.DEPLOY_OPERATION_PARAM_UNKNOWN: Template(
        N_("Operacja „%(operation)s” nie przyjmuje parametru „%(param)s”."),
        "Operation '%(operation)s' takes no parameter '%(param)s'."),
    Code.DEPLOY_OPERATION_PARAM_TYPE: Template(
        N_("Parametr „%(param)s” operacji „%(operation)s” musi mieć typ %(expected)s."),
        "Parameter '%(param)s' of operation '%(operation)s' must be %(expected)s."),
    Code.DEPLOY_ACTION_ABSENT: Template(
        N_("Żadne zadanie użytkownika nie wykonuje czynności „%(action)s”, więc zapisy sprawy, "
           "które ona tworzy, nigdy by nie powstały."),
        "No user task performs the action '%(action)s', so its case records would never be "
        "written."),
    Code.DEPLOY_VARIABLE_NEVER_SET: Template(
        N_("Żaden skrypt, formularz ani zadanie usługowe nie ustawia zmiennej „%(variable)s”, "
           "na której opierają się zapisy sprawy."),
        "No script, form or service task sets '%(variable)s', which the case records follow."),
}
