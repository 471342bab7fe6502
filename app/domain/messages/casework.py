"""The catalogue's casework texts: undue benefits, signers, letters, the office, payments,
parameters, appeals and the SKO, changes of decisions, and the deploy checks within a bound."""

from __future__ import annotations

from app.domain.messages.codes import N_, Code, MessageCode, Template

TEXTS: dict[MessageCode, Template] = {
    Code.RECOVERY_AMOUNT_ABOVE_PAID: Template(
        N_("Kwota nienależna nie może przekraczać kwoty wypłaconej."),
        "The undue amount may not exceed the amount paid."),
    Code.RECOVERY_AMOUNT_ZERO: Template(
        N_("Kwota musi być większa od zera."),
        "The amount must be more than zero."),
    Code.RECOVERY_PAYMENT_OTHER_CASE: Template(
        N_("Wypłata nr %(payment)s nie należy do tej sprawy."),
        "Payment %(payment)s does not belong to this case."),
    Code.RECOVERY_PAYMENT_NOT_PAID: Template(
        N_("Wypłata nr %(payment)s nie została wypłacona."),
        "Payment %(payment)s has not been paid."),
    Code.RECOVERY_PAYMENT_TWICE: Template(
        N_("Wypłata nr %(payment)s jest już ujęta jako nienależna."),
        "Payment %(payment)s is already counted as undue."),
    Code.RECOVERY_DATE_FUTURE: Template(
        N_("Data nie może być późniejsza niż dzisiejsza."),
        "The date may not be later than today."),
    Code.RECOVERY_NO_NOTICE: Template(
        N_("Żadna wydana decyzja w sprawie nie zawiera pouczenia o obowiązku informowania o "
           "zmianach "
           "(art. 109 ustawy o pomocy społecznej), więc strona nie została pouczona. Podaj powód, "
           "jeśli mimo to ustalasz nienależność."),
        "No issued decision of the case contains the notice of the duty to report changes (art. 109"
        " of the Social Assistance Act), so the party was not told. Give a reason if you find the "
        "benefit undue all the same."),
    Code.RECOVERY_LEARNED_BEFORE_NOTICE: Template(
        N_("Strona nie mogła dowiedzieć się o obowiązku przed wydaniem decyzji, która ją pouczyła "
           "(%(date)s)."),
        "The party cannot have learned of the duty before the decision that told them was issued "
        "(%(date)s)."),
    Code.RECOVERY_PAID_BEFORE_NOTICE: Template(
        N_("Wypłata nr %(payment)s nastąpiła, zanim strona dowiedziała się o obowiązku "
           "informowania o "
           "zmianach."),
        "Payment %(payment)s was made before the party learned of the duty to report changes."),
    Code.RECOVERY_DECISION_BARRED: Template(
        N_("Wypłata nr %(payment)s z dnia %(paid_on)s: od jej pobrania upłynęło ponad 10 lat, "
           "więc decyzji o zwrocie nie wydaje się (%(article)s)."),
        "Payment %(payment)s of %(paid_on)s: more than 10 years have passed since it was paid, "
        "so no recovery decision is issued (%(article)s)."),
    Code.RECOVERY_GROUND_MISMATCH: Template(
        N_("Podstawa z ustawy (%(article)s) nie odpowiada wybranej przyczynie nienależności."),
        "The act's ground (%(article)s) does not match the chosen reason the benefit is undue."),
    Code.RECOVERY_FINAL_DATE: Template(
        N_("Decyzja staje się ostateczna nie wcześniej niż w dniu wydania i nie później niż dziś."),
        "A decision becomes final no earlier than the day it was issued and no later than today."),
    Code.RECOVERY_FOUR_EYES: Template(
        N_("Decyzję zatwierdza inna osoba niż ta, która ją przygotowała."),
        "A decision must be approved by someone other than the person who drafted it."),
    Code.RECOVERY_NOT_DECIDED: Template(
        N_("Najpierw trzeba wydać decyzję o zwrocie nienależnie pobranego świadczenia."),
        "The decision on repaying the undue benefit must be issued first."),
    Code.RECOVERY_ALREADY_DECIDED: Template(
        N_("Decyzja o zwrocie tego świadczenia już istnieje."),
        "A decision on repaying this benefit already exists."),
    Code.RECOVERY_DECISION_ISSUED: Template(
        N_("Ta decyzja została już wydana."),
        "This decision has already been issued."),
    Code.RECOVERY_NOTHING_OWED: Template(
        N_("Nic nie pozostało do spłaty."),
        "Nothing is left to repay."),
    Code.RECOVERY_WRITE_OFF_ABOVE_DEBT: Template(
        N_("Kwota umorzenia przekracza zadłużenie."),
        "The amount written off exceeds the debt."),
    Code.RECOVERY_INSTALMENTS_SUM: Template(
        N_("Raty muszą sumować się dokładnie do kwoty pozostającej do spłaty."),
        "The instalments must add up exactly to the amount left to repay."),
    Code.RECOVERY_INSTALMENTS_ORDER: Template(
        N_("Terminy rat muszą następować po sobie i przypadać po dniu decyzji."),
        "Instalment due dates must follow one another and come after the decision date."),
    Code.RECOVERY_OVERPAYMENT: Template(
        N_("Wpłata przekracza zadłużenie. Zaznacz, że nadpłatę należy zapisać, albo popraw kwotę."),
        "The repayment exceeds the debt. Confirm that the overpayment is to be recorded, or correct"
        " the amount."),
    Code.RECOVERY_DEADLINE_PAST: Template(
        N_("Termin musi przypadać po dniu dzisiejszym."),
        "The deadline must be after today."),
    Code.SIGNER_UNAUTHORISED: Template(
        N_("Decyzji nie można wydać: dane organu nie są ustawione albo zatwierdzający nie ma "
           "ważnego upoważnienia do wydawania decyzji w tych sprawach."),
        "The decision cannot be issued: the issuing body is not set, or the approver holds no "
        "valid authorisation to issue decisions in these matters."),
    Code.RECOVERY_KIND_UNKNOWN: Template(
        N_("Nieznany rodzaj decyzji."),
        "Unknown kind of decision."),
    Code.DEPLOY_SCRIPT_MEMORY: Template(
        N_("Skrypt przekroczył limit pamięci na ścieżce „%(scenario)s”: tworzy zbyt dużą wartość "
           "(%(detail)s)."),
        "The script went over the memory limit on path '%(scenario)s': it makes too large a value "
        "(%(detail)s)."),
    Code.DEPLOY_FORM_PATTERN_UNSUPPORTED: Template(
        N_("Wzorca „%(pattern)s” w formularzu „%(form)s” nie da się użyć: serwer sprawdza wzorce "
           "silnikiem RE2, który nie obsługuje odwołań wstecznych (\\1) ani asercji (?=, ?!, ?<=, "
           "?<!) (%(detail)s)."),
        "The pattern '%(pattern)s' in form '%(form)s' cannot be used: the server checks patterns "
        "with RE2, which has no back-references (\\1) and no lookaround (?=, ?!, ?<=, ?<!) "
        "(%(detail)s)."),
    Code.DEPLOY_FORM_PATTERN_TOO_LONG: Template(
        N_("Wzorzec „%(pattern)s” w formularzu „%(form)s” jest za długi (najwyżej 300 znaków)."),
        "The pattern '%(pattern)s' in form '%(form)s' is too long (at most 300 characters)."),
    Code.LETTER_INVALID: Template(N_("Pismo zawiera błędy; popraw zaznaczone pola."),
                                  "The letter has errors; correct the marked fields."),
    Code.LETTER_NO_DECISION: Template(
        N_("W sprawie nie wydano jeszcze decyzji, od której można przekazać odwołanie."),
        "No decision has been issued in this case, so there is no appeal to forward."),
    Code.DATE_NOT_AFTER_TODAY: Template(N_("Data musi być późniejsza niż dzisiejsza."),
                                        "The date must be later than today."),
    Code.DATE_IN_FUTURE: Template(N_("Data nie może być z przyszłości."),
                                  "The date cannot be in the future."),
    Code.DATE_BEFORE: Template(N_("Data nie może być wcześniejsza niż %(limit)s."),
                               "The date cannot be earlier than %(limit)s."),
    Code.OFFICE_INVALID: Template(N_("Dane organu lub upoważnienia są niekompletne; popraw "
                                     "zaznaczone pola."),
                                  "The issuing body's or the authorisation's data are "
                                  "incomplete; correct the marked fields."),
    Code.PAYMENT_RUNNER_CANNOT_APPROVE: Template(
        N_("Listę wypłat zatwierdza inna osoba niż ta, która ją naliczyła (zasada dwóch par "
           "oczu)."),
        "A payment list is approved by someone other than the person who ran it (four eyes)."),
    Code.PAYMENT_LIST_NOT_DRAFT: Template(
        N_("Ta lista wypłat została już zatwierdzona."),
        "This payment list has already been approved."),
    Code.PAYMENT_LIST_NOT_APPROVED: Template(
        N_("Tę czynność można wykonać tylko na zatwierdzonej liście wypłat."),
        "This can only be done on an approved payment list."),
    Code.PAYMENT_ACCOUNTS_INVALID: Template(
        N_("Nie utworzono pliku dla banku: %(count)s wypłat ma błędny numer rachunku."),
        "No bank file was made: %(count)s payments have an invalid account number."),
    Code.PAYMENT_ACCOUNT_INVALID: Template(
        N_("Wypłata nr %(payment)s (sprawa %(case)s): błędny numer rachunku."),
        "Payment %(payment)s (case %(case)s): invalid account number."),
    Code.PAYMENT_ALREADY_SETTLED: Template(
        N_("Wypłata nr %(payment)s jest już rozliczona inaczej (wypłacona albo zwrócona)."),
        "Payment %(payment)s is already settled differently (paid or returned)."),
    Code.PAYMENT_NOT_RETURNED: Template(
        N_("Ponownie wypłacić można tylko wypłatę zwróconą przez bank lub niepodjętą w kasie."),
        "Only a returned payment can be reissued."),
    Code.PAYMENT_ALREADY_REISSUED: Template(
        N_("Ta wypłata została już wystawiona ponownie."),
        "This payment has already been reissued."),
    Code.PAYMENT_MONTH_INVALID: Template(
        N_("Podaj miesiąc w formacie RRRR-MM."), "Give the month as YYYY-MM."),
    Code.PAYMENT_OUTCOME_INVALID: Template(
        N_("Wybierz: wypłacona albo zwrócona."), "Choose: paid or returned."),
    Code.PAYMENT_CENTRE_ACCOUNT_MISSING: Template(
        N_("Nie ustawiono poprawnego rachunku ośrodka (POMOC_CENTRE_ACCOUNT)."),
        "The centre's account (POMOC_CENTRE_ACCOUNT) is not set to a valid account number."),
    Code.PAYMENT_NOT_FOUND: Template(
        N_("Wypłata nr %(payment)s nie istnieje."), "Payment %(payment)s does not exist."),
    Code.PAYMENT_SETTLED_ON_INVALID: Template(
        N_("Data wypłaty lub zwrotu musi przypadać od zatwierdzenia listy (%(approved)s) do dziś "
           "(%(today)s)."),
        "The date paid or returned must fall between the list's approval (%(approved)s) and "
        "today (%(today)s)."),
    Code.PAYMENT_LIST_NO_TRANSFERS: Template(
        N_("Lista nr %(list)s nie zawiera przelewów (same wypłaty w kasie): plik dla banku "
           "(Elixir-O) nie jest potrzebny i nie został utworzony."),
        "List %(list)s has no transfers (cash payments only): no bank file (Elixir-O) is needed "
        "and none was made."),
    Code.PAYMENT_LIST_NO_CASH: Template(
        N_("Lista nr %(list)s nie zawiera wypłat w kasie (same przelewy): lista wypłat w kasie "
           "nie jest potrzebna i nie została utworzona."),
        "List %(list)s has no cash payments (transfers only): no cash-desk list is needed and "
        "none was made."),
    Code.SCHEDULE_DATE_FIRST_PAYMENT: Template(
        N_("Pierwsze miesiące okresu zasiłkowego: wniosek złożony %(filed)s, termin ustawowy "
           "wypłaty do %(deadline)s (%(article)s)."),
        "The first months of the benefit period: application filed %(filed)s, the statutory "
        "deadline for payment %(deadline)s (%(article)s)."),
    Code.SCHEDULE_DATE_WORKING_DAY: Template(
        N_("Dzień wypłaty %(usual)s jest wolny od pracy: wypłata w poprzednim dniu roboczym."),
        "The payment day %(usual)s is not a working day: paid on the working day before."),
    Code.PAYMENT_SETTLED_BEFORE_LIST_DATE: Template(
        N_("Data wypłaty lub zwrotu nie może być wcześniejsza niż termin wypłaty listy "
           "(%(list_date)s)."),
        "The date paid or returned may not be before the list's payment date (%(list_date)s)."),
    Code.PAYMENT_SETTLEMENT_REF_REQUIRED: Template(
        N_("Podaj numer wyciągu bankowego lub dowodu kasowego."),
        "Give the bank statement or cash receipt number."),
    Code.PAYMENT_ALREADY_SETTLED_REF: Template(
        N_("Wypłata nr %(payment)s jest już rozliczona z innym numerem dowodu."),
        "Payment %(payment)s is already settled with another receipt number."),
    Code.PAYMENT_RUN_MONTH_TOO_FAR: Template(
        N_("Wypłaty można naliczyć najwyżej na miesiąc naprzód: najpóźniej za %(latest)s "
           "(podano %(month)s)."),
        "A payment run may be at most one month ahead: %(latest)s at the latest (given "
        "%(month)s)."),
    Code.PAYMENT_LIST_TOTAL_MISMATCH: Template(
        N_("Nie utworzono pliku: lista nr %(list)s nie jest zamkniętym zbiorem zatwierdzonych "
           "wypłat (suma z zatwierdzenia %(total)s zł, suma wypłat %(payments)s zł, "
           "niezatwierdzonych wypłat: %(unapproved)s)."),
        "No file was made: list %(list)s is not the closed set of approved payments (total at "
        "approval %(total)s zł, the payments add up to %(payments)s zł, unapproved payments: "
        "%(unapproved)s)."),
    Code.PARAMETERS_NOT_IN_FORCE: Template(
        N_("Na dzień %(on)s brak parametrów prawnych w systemie; obliczenia są możliwe od "
           "%(earliest)s."),
        "No legal parameter in force on %(on)s: the table starts on %(earliest)s."),
    Code.PARAMETERS_NOT_YET_KNOWN: Template(
        N_("Parametry prawne w systemie sięgają do %(latest)s (do następnej weryfikacji kryteriów "
           "dochodowych); dla późniejszej daty wynik byłby zgadywaniem."),
        "The legal parameters in the system reach %(latest)s (the next review of the income "
        "criteria); a later date would be a guess."),
    Code.APPEAL_NO_DECISION: Template(
        N_("W tej sprawie nie ma doręczonej decyzji, od której można się odwołać."),
        "This case has no delivered decision to appeal against."),
    Code.APPEAL_IN_WINDOW: Template(
        N_("Termin na odwołanie jeszcze biegnie: odwołanie zapisz w zadaniu „Termin na "
           "odwołanie”."),
        "The appeal period is still running: record the appeal in the task 'Appeal window'."),
    Code.APPEAL_POSTED_AFTER_RECEIPT: Template(N_("Data nadania nie może być późniejsza niż data wpływu."),
        "The posting date cannot be later than the date of receipt."),
    Code.APPEAL_POSTED_BEFORE_DELIVERY: Template(
        N_("Odwołania nie można nadać przed doręczeniem decyzji (%(delivered_on)s)."),
        "An appeal cannot be posted before the decision was delivered (%(delivered_on)s)."),
    Code.APPEAL_ALREADY_HANDLED: Template(
        N_("To odwołanie zostało już przekazane do SKO albo organ sam zmienił decyzję."),
        "This appeal has already been forwarded to the SKO or the centre changed its decision."),
    Code.APPEAL_HANDLED_IN_TASK: Template(
        N_("To odwołanie rozpatruje się w zadaniu „Rozpatrzenie odwołania”."),
        "This appeal is handled in the task 'Handle appeal'."),
    Code.APPEAL_LATE_NO_SELF_CORRECTION: Template(
        N_("Spóźnione odwołanie przekazuje się do SKO (art. 134 KPA); organ nie zmienia na "
           "nie decyzji."),
        "A late appeal goes to the SKO (art. 134 KPA); the centre does not change its decision on"
        " it."),
    Code.SELF_CORRECTION_AFTER_7_DAYS: Template(
        N_("Termin 7 dni na zmianę decyzji w trybie art. 132 § 1 KPA upłynął %(last_day)s "
           "(art. 133 KPA); odwołanie należy przekazać do SKO."),
        "The 7 days to change the decision under art. 132 § 1 KPA ended on %(last_day)s "
        "(art. 133 KPA); the appeal must be forwarded to the SKO."),
    Code.SELF_CORRECTION_NOT_IN_FULL: Template(
        N_("Organ zmienia decyzję sam tylko wtedy, gdy uwzględnia odwołanie w całości "
           "(art. 132 § 1 KPA): zapisz, czego żąda odwołanie, i potwierdź uwzględnienie w "
           "całości albo przekaż odwołanie do SKO."),
        "The centre changes its decision itself only when it grants the appeal in full "
        "(art. 132 § 1 KPA): record what the appeal asks for and confirm it is granted in full, "
        "or forward the appeal to the SKO."),
    Code.SKO_NOT_FORWARDED: Template(
        N_("Rozstrzygnięcie SKO można zapisać tylko dla odwołania przekazanego do SKO."),
        "The SKO's ruling can be recorded only for an appeal forwarded to the SKO."),
    Code.SKO_ALREADY_RECORDED: Template(N_("Rozstrzygnięcie SKO w tej sprawie zostało już zapisane."),
        "The SKO's ruling on this appeal has already been recorded."),
    Code.SKO_LATE_ONLY_INADMISSIBLE: Template(
        N_("Odwołanie wniesiono po terminie i termin nie został przywrócony: SKO stwierdza "
           "uchybienie terminu (art. 134 KPA)."),
        "The appeal was late and the deadline was not restored: the SKO declares it late (art. "
        "134 KPA)."),
    Code.SKO_RESTORATION_NOT_REQUESTED: Template(
        N_("Strona nie prosiła o przywrócenie terminu do tego odwołania."),
        "The party did not ask for the deadline of this appeal to be restored."),
    Code.CHANGE_NO_RUNNING_DECISION: Template(
        N_("W tej sprawie nie ma wydanej decyzji przyznającej świadczenie, którą można "
           "zmienić lub uchylić."),
        "This case has no issued grant that could be changed or revoked."),
    Code.CHANGE_BEFORE_DECISION_START: Template(
        N_("Zmiana nie może obowiązywać przed początkiem okresu decyzji (%(period_from)s)."),
        "A change cannot take effect before the decision's period starts (%(period_from)s)."),
    Code.CHANGE_AFTER_DECISION_END: Template(
        N_("Zmiana nie może obowiązywać po końcu okresu decyzji (%(period_to)s)."),
        "A change cannot take effect after the decision's period ends (%(period_to)s)."),
    Code.CHANGE_OPEN_ALREADY: Template(N_("Sprawa zmiany lub uchylenia tej decyzji jest już w toku."),
        "A case to change or revoke this decision is already running."),
    Code.STALE_VERSION: Template(
        N_("Ktoś zmienił te dane w międzyczasie; odśwież stronę i spróbuj ponownie."),
        "Someone changed this data meanwhile; reload the page and try again."),
    Code.SKO_IN_TASK: Template(
        N_("Rozstrzygnięcie SKO w tej sprawie zapisuje się w zadaniu „Rozstrzygnięcie SKO”."),
        "The SKO's ruling in this case is recorded in the task 'The SKO's ruling'."),
    Code.CHANGE_CONSENT_REQUIRED: Template(
        N_("Ustawa o tym świadczeniu nie przewiduje zmiany ani uchylenia decyzji z tej przyczyny "
           "bez zgody strony: podaj datę zgody strony (art. 155 KPA)."),
        "The benefit's act does not allow a change or revocation on this ground without the "
        "party's consent: give the date of the party's consent (art. 155 KPA)."),
    Code.REQUEST_NOT_DISCRETIONARY: Template(
        N_("Przy tym świadczeniu ustawa ustala kwotę i okres; nie podaje się kwoty ani okresu, "
           "o które wnosi strona."),
        "For this benefit the act sets the amount and the period; no amount or period asked "
        "for is given."),
    Code.DEPLOY_RECURSIVE_CALL: Template(
        N_("Wywołanie procesu „%(called)s” prowadzi z powrotem do procesu wywołującego "
           "(%(cycle)s); proces nie może wywoływać samego siebie, wprost ani przez inny proces."),
        "Calling process '%(called)s' leads back to the calling process (%(cycle)s); a process "
        "may not call itself, directly or through another process."),
    Code.DEPLOY_TIMER_OUT_OF_RANGE: Template(
        N_("Licznik czasu wskazuje termin spoza zakresu od %(earliest)s do %(latest)s "
           "(albo okres dłuższy niż 100 lat): %(expression)s."),
        "The timer names a moment outside %(earliest)s to %(latest)s (or a duration longer than "
        "100 years): %(expression)s."),
    Code.DEPLOY_TIMER_ERROR_OUT_OF_RANGE: Template(
        N_("Licznik czasu dał na ścieżce „%(scenario)s” termin spoza zakresu od %(earliest)s "
           "do %(latest)s: %(value)s."),
        "On path '%(scenario)s' the timer gave a moment outside %(earliest)s to %(latest)s: "
        "%(value)s."),
    Code.DEPLOY_CHECK_BUDGET: Template(
        N_("Sprawdzanie wdrożenia przerwano po wyczerpaniu limitu %(seconds)s s (sprawdzono "
           "%(done)s z %(total)s); definicji nie wdrożono. Uprość skrypty albo podziel definicję."),
        "The deploy check stopped when its time budget of %(seconds)s s was spent (%(done)s of "
        "%(total)s checked); the definition was not deployed. Simplify the scripts or split "
        "the definition."),
    # Rules of a decision and of the facts (a Violation's words): rule.<violation code>.
    Code.RULE_DATE_IN_FUTURE: Template(
        N_("Data %(date)s jest w przyszłości (dziś jest %(today)s) (%(article)s)."),
        "The date %(date)s is in the future (today is %(today)s) (%(article)s)."),
    Code.RULE_INTERVIEW_BEFORE_APPLICATION: Template(
        N_("Wywiad (%(interview_on)s) nie może poprzedzać wniosku (%(received_on)s) "
           "(%(article)s)."),
        "The interview (%(interview_on)s) cannot precede the application (%(received_on)s) "
        "(%(article)s)."),
    Code.RULE_REQUEST_BEFORE_APPLICATION: Template(
        N_("Wezwanie do uzupełnienia (%(served_on)s) nie może poprzedzać wniosku "
           "(%(received_on)s) (%(article)s)."),
        "The request to supplement (%(served_on)s) cannot precede the application "
        "(%(received_on)s) (%(article)s)."),
    Code.RULE_SUPPLEMENT_BEFORE_REQUEST: Template(
        N_("Uzupełnienie (%(supplement_on)s) nie mogło wpłynąć przed doręczeniem wezwania "
           "(%(served_on)s) (%(article)s)."),
        "The supplement (%(supplement_on)s) cannot be received before the request was "
        "served (%(served_on)s) (%(article)s)."),
    Code.RULE_DELIVERY_BEFORE_ISSUE: Template(
        N_("Doręczenie (%(delivered_on)s) nie może poprzedzać wydania decyzji "
           "(%(issued_on)s) (%(article)s)."),
        "Delivery (%(delivered_on)s) cannot precede the issue of the decision "
        "(%(issued_on)s) (%(article)s)."),
    Code.RULE_APPEAL_BEFORE_ISSUE: Template(
        N_("Odwołanie lub zrzeczenie się (%(event_on)s) nie może poprzedzać wydania decyzji"
           " (%(issued_on)s) (%(article)s)."),
        "An appeal or waiver (%(event_on)s) cannot precede the issue of the decision "
        "(%(issued_on)s) (%(article)s)."),
    Code.RULE_WAIVER_BEFORE_DELIVERY: Template(
        N_("Zrzeczenie się odwołania (%(event_on)s) nie może poprzedzać doręczenia decyzji "
           "(%(delivered_on)s) (%(article)s)."),
        "A waiver of appeal (%(event_on)s) cannot precede delivery of the decision "
        "(%(delivered_on)s) (%(article)s)."),
    Code.RULE_COMPLETE_WITH_MISSING_ITEMS: Template(
        N_("Wniosek oznaczony jako kompletny nie może mieć wykazu braków; wyczyść wykaz "
           "albo oznacz wniosek jako niekompletny (%(article)s)."),
        "An application marked complete cannot list missing items; clear the list or mark "
        "the application incomplete (%(article)s)."),
    Code.RULE_INCOMPLETE_WITHOUT_MISSING_ITEMS: Template(
        N_("Wniosek niekompletny musi zawierać wykaz braków (%(article)s)."),
        "An incomplete application must list what is missing (%(article)s)."),
    Code.RULE_MEMBER_UNKNOWN: Template(
        N_("Osoba o numerze %(member_index)s nie należy do gospodarstwa (numery 0–%(last)s)"
           " (%(article)s)."),
        "Member number %(member_index)s does not exist (0–%(last)s) (%(article)s)."),
    Code.RULE_MEMBER_REPEATED: Template(
        N_("Osoba o numerze %(member_index)s występuje więcej niż raz; podaj jeden wiersz "
           "na osobę (%(article)s)."),
        "Member number %(member_index)s appears more than once; give one row per household "
        "member (%(article)s)."),
    Code.RULE_MEMBER_MISSING: Template(
        N_("Osoba o numerze %(member_index)s nie ma wiersza; podaj jeden wiersz na każdą "
           "osobę (%(article)s)."),
        "Member number %(member_index)s has no row; give one row per household member "
        "(%(article)s)."),
    Code.RULE_APPEAL_LATE_NO_SELF_CORRECTION: Template(
        N_("Odwołanie wniesione po terminie przekazuje się do SKO; organ nie zmienia na nie"
           " swojej decyzji (%(article)s)."),
        "A late appeal goes to the SKO; the centre does not change its decision on it "
        "(%(article)s)."),
    Code.RULE_SELF_CORRECTION_AFTER_7_DAYS: Template(
        N_("Termin 7 dni na zmianę decyzji po odwołaniu upłynął %(last_day)s; odwołanie "
           "przekazuje się do SKO (%(article)s)."),
        "The 7 days to change the decision on the appeal ended on %(last_day)s; the appeal "
        "goes to the SKO (%(article)s)."),
    Code.RULE_SELF_CORRECTION_NOT_IN_FULL: Template(
        N_("Organ sam zmienia decyzję tylko wtedy, gdy odwołanie zasługuje na uwzględnienie"
           " w całości: zapisz, czego żąda odwołanie, i potwierdź uwzględnienie w całości "
           "albo przekaż odwołanie do SKO (%(article)s)."),
        "The centre changes its decision itself only when the appeal deserves to be granted"
        " in full: record what the appeal asks for and confirm it is granted in full, or "
        "forward the appeal to the SKO (%(article)s)."),
    Code.RULE_SELF_CORRECTION_NOT_IN_FULL_REFUSAL: Template(
        N_("Nowa decyzja nie uwzględnia odwołania w całości (jest odmową); decyzja "
           "zmieniona w trybie art. 132 KPA musi je uwzględnić, inaczej odwołanie trafia do"
           " SKO (%(article)s)."),
        "The new decision does not grant the appeal in full (it refuses); a self-correction"
        " must, otherwise the appeal goes to the SKO (%(article)s)."),
    Code.RULE_SELF_CORRECTION_NOT_IN_FULL_AMOUNT: Template(
        N_("Nowa decyzja nie uwzględnia odwołania w całości (odwołanie żąda %(amount)s zł);"
           " decyzja zmieniona w trybie art. 132 KPA musi je uwzględnić, inaczej odwołanie "
           "trafia do SKO (%(article)s)."),
        "The new decision does not grant the appeal in full (the appeal asks for %(amount)s"
        " zł); a self-correction must, otherwise the appeal goes to the SKO (%(article)s)."),
    Code.RULE_SELF_CORRECTION_NOT_IN_FULL_FROM: Template(
        N_("Nowa decyzja nie uwzględnia odwołania w całości (odwołanie żąda świadczenia od "
           "%(period_from)s); decyzja zmieniona w trybie art. 132 KPA musi je uwzględnić, "
           "inaczej odwołanie trafia do SKO (%(article)s)."),
        "The new decision does not grant the appeal in full (the appeal asks from "
        "%(period_from)s); a self-correction must, otherwise the appeal goes to the SKO "
        "(%(article)s)."),
    Code.RULE_SELF_CORRECTION_NOT_IN_FULL_UNTIL: Template(
        N_("Nowa decyzja nie uwzględnia odwołania w całości (odwołanie żąda świadczenia do "
           "%(period_to)s); decyzja zmieniona w trybie art. 132 KPA musi je uwzględnić, "
           "inaczej odwołanie trafia do SKO (%(article)s)."),
        "The new decision does not grant the appeal in full (the appeal asks until "
        "%(period_to)s); a self-correction must, otherwise the appeal goes to the SKO "
        "(%(article)s)."),
    Code.RULE_DECISION_KIND_UNKNOWN: Template(
        N_("Nieznane rozstrzygnięcie „%(kind)s”; wybierz przyznanie, przyznanie w części "
           "albo odmowę (%(article)s)."),
        "Unknown ruling '%(kind)s'; use grant, partial or refusal (%(article)s)."),
    Code.RULE_JUSTIFICATION_REQUIRED: Template(
        N_("Odmowa i przyznanie w części wymagają uzasadnienia faktycznego i prawnego "
           "(%(article)s)."),
        "A refusal or a partial grant needs a factual and legal justification (%(article)s)."),
    Code.RULE_ENFORCEMENT_REASON_REQUIRED: Template(
        N_("Rygor natychmiastowej wykonalności wymaga uzasadnienia (%(article)s)."),
        "Immediate enforceability needs its justification (%(article)s)."),
    Code.RULE_ELIGIBILITY_MISSING: Template(
        N_("Uprawnienie nie zostało obliczone; przyznania nie można sprawdzić z przepisami "
           "(%(article)s)."),
        "Eligibility has not been computed for this case; a grant cannot be checked against"
        " the law (%(article)s)."),
    Code.RULE_NOT_ELIGIBLE: Template(
        N_("Gospodarstwo nie spełnia warunków przyznania tego świadczenia; zgodna z prawem "
           "jest tylko odmowa (%(article)s)."),
        "The household is not eligible for this benefit; only a refusal is lawful (%(article)s)."),
    Code.RULE_AMOUNT_REQUIRED: Template(
        N_("Przyznanie wymaga kwoty większej od zera (%(article)s)."),
        "A grant needs an amount above zero (%(article)s)."),
    Code.RULE_AMOUNT_OUT_OF_RANGE: Template(
        N_("Kwota %(amount)s zł wykracza poza dopuszczalny zakres %(min)s–%(max)s zł "
           "wyliczony dla tej sprawy (%(article)s)."),
        "The amount %(amount)s zł is outside the legal range %(min)s–%(max)s zł computed "
        "for this case (%(article)s)."),
    Code.RULE_AMOUNT_REASON_REQUIRED: Template(
        N_("Kwota inna niż wyliczona (%(computed)s zł) wymaga pisemnego uzasadnienia "
           "(%(article)s)."),
        "An amount other than the computed %(computed)s zł needs a written reason (%(article)s)."),
    Code.RULE_PERIOD_START_REQUIRED: Template(
        N_("Przyznanie wymaga wskazania pierwszego miesiąca okresu (%(article)s)."),
        "A grant needs the first month of its period (%(article)s)."),
    Code.RULE_PERIOD_BEFORE_FIRST_MONTH: Template(
        N_("Okres nie może zaczynać się przed %(first_month)s — pierwszym miesiącem "
           "świadczenia (miesiącem złożenia wniosku) (%(article)s)."),
        "The period cannot start before %(first_month)s, the first benefit month (the month"
        " in which the application was filed) (%(article)s)."),
    Code.RULE_PERIOD_END_REQUIRED: Template(
        N_("Zasiłek okresowy przyznaje się na określony okres: podaj datę końcową (%(article)s)."),
        "Zasiłek okresowy is granted for a set period: give the end date (%(article)s)."),
    Code.RULE_PERIOD_END_REQUIRED_FAMILY: Template(
        N_("Świadczenie przyznaje się na okres zasiłkowy (świadczeniowy): podaj datę "
           "końcową, najpóźniej %(period_end)s (%(article)s)."),
        "A family benefit is granted for a benefit period: give the end date, at the latest"
        " %(period_end)s (%(article)s)."),
    Code.RULE_PERIOD_BEYOND_BENEFIT_PERIOD: Template(
        N_("Okres nie może kończyć się (%(period_to)s) po upływie okresu zasiłkowego "
           "(świadczeniowego), który kończy się %(period_end)s (%(article)s)."),
        "The period cannot end (%(period_to)s) after the benefit period, which ends on "
        "%(period_end)s (%(article)s)."),
    Code.RULE_PERIOD_REVERSED: Template(
        N_("Okres nie może kończyć się (%(period_to)s) przed swoim początkiem "
           "(%(period_from)s) (%(article)s)."),
        "The period cannot end (%(period_to)s) before it starts (%(period_from)s) (%(article)s)."),
    Code.RULE_PURPOSE_REQUIRED: Template(
        N_("Zasiłek jednorazowy wymaga wskazania celu (%(article)s)."),
        "A one-off benefit needs its purpose (%(article)s)."),
    Code.RULE_PAYMENT_DATE_REQUIRED: Template(
        N_("Zasiłek jednorazowy wymaga daty wypłaty (pole „Okres od”) (%(article)s)."),
        "A one-off benefit needs its payment date (the start date field) (%(article)s)."),
    Code.RULE_ONE_OFF_HAS_PERIOD: Template(
        N_("Zasiłek jednorazowy nie ma okresu miesięcznego: pozostaw datę końcową pustą "
           "(%(article)s)."),
        "A one-off benefit has no monthly period: leave the end date empty (%(article)s)."),
}
