"""The catalogue's general texts: field errors, money, identifiers, the application, task forms,
server errors, hostile input and the person register."""

from __future__ import annotations

from app.domain.messages.codes import N_, Code, MessageCode, Template

TEXTS: dict[MessageCode, Template] = {
    Code.REQUIRED: Template(N_("To pole jest wymagane."), "This field is required."),
    Code.NOT_EMPTY: Template(N_("To pole nie może być puste."), "This field may not be empty."),
    Code.DATE_FORMAT: Template(N_("Podaj datę w formacie RRRR-MM-DD."), "Use the date format YYYY-MM-DD."),
    Code.BOOLEAN_EXPECTED: Template(N_("Wybierz tak lub nie."), "Must be true or false."),
    Code.TEXT_EXPECTED: Template(N_("Podaj tekst."), "Enter text."),
    Code.INTEGER_EXPECTED: Template(N_("Podaj liczbę całkowitą."), "Enter a whole number."),
    Code.NUMBER_EXPECTED: Template(N_("Podaj liczbę."), "Enter a number."),
    Code.LIST_EXPECTED: Template(N_("Oczekiwano listy."), "Expected a list."),
    Code.OBJECT_EXPECTED: Template(N_("Oczekiwano obiektu."), "Expected an object."),
    Code.JSON_OBJECT_EXPECTED: Template(N_("Oczekiwano obiektu JSON."), "Expected a JSON object."),
    Code.CHOOSE_ONE: Template(N_("Wybierz jedną z możliwości."), "Choose one of the options."),
    Code.MIN_VALUE: Template(N_("Najmniejsza dopuszczalna wartość to %(limit)s."),
                             "The smallest allowed value is %(limit)s."),
    Code.MAX_VALUE: Template(N_("Największa dopuszczalna wartość to %(limit)s."),
                             "The largest allowed value is %(limit)s."),
    Code.GREATER_THAN: Template(N_("Wartość musi być większa niż %(limit)s."),
                                "The value must be greater than %(limit)s."),
    Code.LESS_THAN: Template(N_("Wartość musi być mniejsza niż %(limit)s."),
                             "The value must be less than %(limit)s."),
    # "Liczba znaków: N" rather than "N znaków": Polish nouns after numbers take three forms.
    Code.MIN_LENGTH: Template(N_("Tekst jest za krótki; minimalna liczba znaków: %(limit)s."),
                              "At least %(limit)s characters."),
    Code.MAX_LENGTH: Template(N_("Tekst jest za długi; maksymalna liczba znaków: %(limit)s."),
                              "At most %(limit)s characters."),
    Code.MIN_ITEMS: Template(N_("Minimalna liczba pozycji: %(limit)s."), "Give at least %(limit)s items."),
    Code.MAX_ITEMS: Template(N_("Maksymalna liczba pozycji: %(limit)s."), "At most %(limit)s items."),
    Code.UNIQUE_ITEMS: Template(N_("Pozycje nie mogą się powtarzać."), "The items must not repeat."),
    Code.WRONG_FORMAT: Template(N_("Wartość ma niepoprawny format."), "The value has the wrong format."),
    Code.UNKNOWN_FIELD: Template(N_("Nieznane pole."), "Unknown field."),
    Code.INVALID_VALUE: Template(N_("Ta wartość jest niedozwolona."), "This value is not allowed."),
    Code.AMOUNT_FORMAT: Template(N_("Podaj kwotę, np. 1234,56."), "Enter an amount, e.g. 1234.56."),
    Code.AMOUNT_NEGATIVE: Template(N_("Kwota nie może być ujemna."), "The amount must be zero or more."),
    Code.AMOUNT_DECIMALS: Template(N_("Kwota może mieć najwyżej dwa miejsca po przecinku (grosze)."),
                                   "The amount may have at most two decimal places (grosze)."),
    Code.AMOUNT_TOO_LARGE: Template(N_("Kwota jest zbyt duża."), "The amount is too large."),
    Code.PESEL_REQUIRED: Template(N_("PESEL jest wymagany (11 cyfr)."), "PESEL is required (11 digits)."),
    Code.PESEL_EMPTY: Template(N_("Podaj PESEL (11 cyfr)."), "The PESEL is empty."),
    Code.PESEL_NON_DIGIT: Template(N_("PESEL może zawierać tylko cyfry."),
                                   "A PESEL may contain digits only."),
    Code.PESEL_LENGTH: Template(N_("PESEL ma 11 cyfr; wpisano %(length)s."),
                                "A PESEL has 11 digits; this one has %(length)s."),
    Code.PESEL_CHECKSUM: Template(
        N_("Cyfra kontrolna numeru PESEL się nie zgadza; sprawdź, czy nie ma literówki."),
        "The PESEL check digit is wrong; a digit may be mistyped."),
    Code.PESEL_BIRTH_DATE: Template(N_("PESEL zawiera datę urodzenia, która nie istnieje."),
                                    "The PESEL encodes a birth date that does not exist."),
    Code.PESEL_FUTURE: Template(N_("PESEL zawiera datę urodzenia z przyszłości."),
                                "The PESEL encodes a birth date in the future."),
    Code.ACCOUNT_EMPTY: Template(N_("Podaj numer rachunku bankowego."),
                                 "The bank account number is empty."),
    Code.ACCOUNT_COUNTRY: Template(N_("Przyjmujemy tylko polskie rachunki bankowe (PL)."),
                                   "Only Polish bank accounts (PL) are accepted."),
    Code.ACCOUNT_NON_DIGIT: Template(N_("Numer rachunku może zawierać tylko cyfry."),
                                     "A bank account number may contain digits only."),
    Code.ACCOUNT_LENGTH: Template(
        N_("Numer rachunku ma %(expected)s cyfr; wpisano %(length)s."),
        "A Polish bank account number has %(expected)s digits; this one has %(length)s."),
    Code.ACCOUNT_CHECKSUM: Template(
        N_("Cyfry kontrolne numeru rachunku się nie zgadzają; sprawdź, czy nie ma literówki."),
        "The bank account check digits are wrong; a digit may be mistyped."),
    Code.APPLICATION_INVALID: Template(N_("Wniosek zawiera błędy; popraw zaznaczone pola."),
                                       "The application has errors; correct the marked fields."),
    Code.MEMBER_EXPECTED: Template(N_("Oczekiwano danych osoby (PESEL, imię, nazwisko, dochód)."),
                                   "Expected an object with pesel, first_name, last_name and income."),
    Code.MEMBERS_EXPECTED: Template(N_("Oczekiwano listy członków gospodarstwa (może być pusta)."),
                                    "Expected a list of household members (may be empty)."),
    Code.RELATION_UNKNOWN: Template(N_("Wybierz stopień pokrewieństwa z listy."),
                                    "Unknown relation; allowed: %(allowed)s."),
    Code.OTHER_BENEFITS_UNKNOWN: Template(N_("Wybierz świadczenia z listy."),
                                          "Allowed values: %(allowed)s."),
    Code.DISABILITY_DEGREE_UNKNOWN: Template(N_("Wybierz rodzaj orzeczenia o niepełnosprawności z listy."),
                                             "Unknown disability degree; allowed: %(allowed)s."),
    Code.SINGLE_PARENT_REASON_UNKNOWN: Template(N_("Wybierz podstawę samotnego wychowywania z listy."),
                                                "Unknown single-parent ground; allowed: %(allowed)s."),
    Code.INCOMES_EXPECTED: Template(N_("Oczekiwano listy dochodów."), "Expected a list of income items."),
    Code.INCOME_EXPECTED: Template(N_("Oczekiwano dochodu z rodzajem i kwotą."),
                                   "Expected an object with kind and amount."),
    Code.INCOME_KIND_UNKNOWN: Template(N_("Wybierz rodzaj dochodu z listy."),
                                       "Unknown income kind; allowed: %(allowed)s."),
    Code.BENEFIT_UNKNOWN: Template(N_("Wybierz świadczenie z listy."),
                                   "Unknown benefit; allowed: %(allowed)s."),
    Code.REASON_UNKNOWN: Template(N_("Wybierz powód pomocy (art. 7 u.p.s.) z listy."),
                                  "Unknown reason (art. 7 u.p.s.); allowed: %(allowed)s."),
    Code.APPLICATION_DATE_FUTURE: Template(N_("Data wniosku nie może być w przyszłości."),
                                           "The application date cannot be in the future."),
    Code.ADDRESS_TOO_LONG: Template(N_("Adres jest za długi; maksymalna liczba znaków: %(limit)s."),
                                    "The address must be text of at most %(limit)s characters."),
    Code.PERSON_DUPLICATE: Template(N_("Ta osoba jest już wpisana w gospodarstwie."),
                                    "This person is already in the household."),
    Code.FORM_INVALID: Template(N_("Formularz zawiera błędy; popraw zaznaczone pola."),
                                "The form has errors; correct the marked fields."),
    Code.FORM_DATA_EXPECTED: Template(N_("Dane formularza muszą być obiektem JSON."),
                                      "The form data must be a JSON object."),
    Code.FORM_MISSING: Template(N_("We wdrożonej definicji procesu brakuje formularza „%(form)s”."),
                                "The form '%(form)s' is missing from the deployed definition."),
    Code.WORKFLOW_FAILED: Template(
        N_("Proces nie mógł być kontynuowany z powodu błędu w jego definicji; nic nie zostało "
           "zapisane. Zgłoś administratorowi identyfikator błędu: %(error_id)s."),
        "The workflow could not continue because of an error in its definition; nothing was "
        "saved. Report error id %(error_id)s to the administrator."),
    Code.WORKFLOW_FAILED_AT_STEP: Template(
        N_("Proces nie mógł być kontynuowany: krok „%(step)s” zakończył się błędem; nic nie "
           "zostało zapisane. Zgłoś administratorowi identyfikator błędu: %(error_id)s."),
        "The workflow could not continue: step '%(step)s' failed; nothing was saved. Report "
        "error id %(error_id)s to the administrator."),
    Code.REGISTERED_MEANWHILE: Template(
        N_("W tej samej chwili ktoś zarejestrował osobę z tego wniosku; nic nie zapisano. Wyślij "
           "wniosek ponownie, a osoba zostanie powiązana z kartoteką."),
        "Someone registered a person of this application at the same moment; nothing was saved. "
        "Send the application again to link them to the register."),
    Code.REGISTER_KEY_FORMAT: Template(
        N_("Klucz w kartotece ma postać BP- i 10 znaków (cyfry i litery A–F)."),
        "A register key is BP- followed by 10 characters (digits and letters A-F)."),
    Code.REGISTER_KEY_UNKNOWN: Template(N_("W kartotece nie ma osoby o tym kluczu."),
                                        "The register has no person with this key."),
    Code.TEXT_BAD_CHARACTERS: Template(
        N_("Tekst zawiera niedozwolone znaki (znak NUL lub niepoprawny znak Unicode)."),
        "The text contains characters that are not allowed (a NUL byte or invalid Unicode)."),
    Code.TEXT_CONTROL_CHARACTER: Template(
        N_("Tekst zawiera znak sterujący %(char)s (znak nr %(position)s); usuń go. "
           "W tym polu nie może być też podziału wiersza ani tabulatora."),
        "The text contains the control character %(char)s (character %(position)s); remove it. "
        "This field may not hold a line break or a tab either."),
    Code.TEXT_BIDI_CHARACTER: Template(
        N_("Tekst zawiera niewidoczny znak zmiany kierunku pisma %(char)s (znak nr %(position)s); "
           "usuń go: odwraca kolejność liter i cyfr na wydruku."),
        "The text contains the invisible text-direction character %(char)s (character "
        "%(position)s); remove it: it reverses letters and digits in print."),
    Code.TEXT_INVISIBLE_CHARACTER: Template(
        N_("Tekst zawiera niewidoczny znak %(char)s (znak nr %(position)s), np. spację o zerowej "
           "szerokości; usuń go."),
        "The text contains the invisible character %(char)s (character %(position)s), such as a "
        "zero-width space; remove it."),
    Code.NAME_SYMBOL: Template(
        N_("Imię i nazwisko składa się z liter: emoji i symbole (%(char)s, znak nr %(position)s) "
           "nie są jego częścią."),
        "A name is made of letters: emoji and symbols (%(char)s, character %(position)s) are no "
        "part of it."),
    Code.INPUT_TOO_DEEP: Template(
        N_("Dane są zagnieżdżone zbyt głęboko; dozwolona głębokość: %(limit)s."),
        "The data is nested too deeply; the limit is %(limit)s levels."),
    Code.BODY_TOO_LARGE: Template(
        N_("Przesłane dane są zbyt duże; limit bajtów: %(limit)s."),
        "The request body is too large; the limit is %(limit)s bytes."),
    Code.DATE_RANGE: Template(
        N_("Data musi przypadać między %(earliest)s a %(latest)s."),
        "The date must lie between %(earliest)s and %(latest)s."),
    Code.BIRTH_DATE_RANGE: Template(
        N_("Data urodzenia musi przypadać między 1900 rokiem a dniem dzisiejszym."),
        "The birth date must lie between 1900 and today."),
    Code.CASE_ROLE_REQUIRED: Template(
        N_("Dane spraw widzą tylko pracownicy socjalni i kierownicy."),
        "Only caseworkers and supervisors may see case data."),
    Code.SUPERVISOR_REQUIRED: Template(N_("Tę czynność może wykonać tylko kierownik."),
                                       "Only a supervisor may do this."),
    Code.CHANGE_ALREADY_DRAFTED: Template(
        N_("Sprawa zmiany tej decyzji od tego dnia została już wszczęta."),
        "A case to change this grant from that day has already been opened."),
    Code.CHANGE_NOT_AFFECTED: Template(
        N_("Kwota tej decyzji nie zmienia się od podanego dnia; odśwież listę."),
        "This grant's amount does not change from that day; reload the list."),
    Code.REQUESTED_FROM_RANGE: Template(
        N_("Pierwszy miesiąc świadczenia może przypadać od miesiąca złożenia wniosku do "
           "%(months)s miesięcy później."),
        "The first benefit month must lie between the month of filing and %(months)s months "
        "after it."),
    Code.FACTS_DISAGREE: Template(
        N_("Daty lub fakty w formularzu są ze sobą sprzeczne; popraw zaznaczone pola."),
        "The dates or facts recorded do not agree; correct the fields listed."),
    Code.DRAFT_UNLAWFUL: Template(
        N_("Projekt decyzji narusza przepis prawa; popraw zaznaczone pola."),
        "The draft decision breaks a legal rule; correct the fields listed."),
    Code.APPROVAL_UNLAWFUL: Template(
        N_("Projekt decyzji narusza przepis prawa i nie może zostać zatwierdzony; zwróć go "
           "pracownikowi socjalnemu do poprawy."),
        "The draft decision breaks a legal rule and cannot be approved; return it to the "
        "caseworker for correction."),
    Code.SEARCH_QUERY: Template(
        N_("Podaj PESEL, nazwisko lub numer sprawy (najwyżej 100 znaków)."),
        "Give a PESEL, a surname or a case number (at most 100 characters)."),
    Code.REGISTER_CHANGED: Template(
        N_("Dane osoby w kartotece zmieniły się w międzyczasie; odśwież stronę i spróbuj ponownie."),
        "The register entry changed since you opened it; reload and try again."),
    Code.PERSON_NOT_IN_CASE: Template(N_("Tej osoby nie ma w gospodarstwie tej sprawy."),
                                      "This person is not in the case's household."),
    Code.PERSON_NOT_FOUND: Template(N_("Nie ma w kartotece osoby o numerze %(id)s."),
                                    "Person %(id)s does not exist."),
    Code.UNEXPECTED_ERROR: Template(
        N_("Wystąpił nieoczekiwany błąd; nic nie zostało zapisane. Spróbuj ponownie albo zgłoś "
           "problem, podając identyfikator błędu %(error_id)s."),
        "An unexpected error occurred; nothing was saved. Please try again or report it with "
        "error id %(error_id)s."),
    # Field errors and input checks that were English text (issue 14, part 5).
    Code.REQUEST_INVALID: Template(
        N_("Żądanie zawiera błędy; popraw wskazane pola."),
        "The request has errors; correct the fields listed."),
    Code.AMOUNT_DECIMAL_STRING: Template(
        N_("Podaj kwotę liczbą, np. %(example)s."),
        "Give the amount as a decimal string, e.g. \"%(example)s\"."),
    Code.AMOUNT_NOT_FLOAT: Template(
        N_("Podaj kwotę jako tekst liczby, np. „%(example)s”, a nie liczbę JSON z ułamkiem "
           "(straciłaby grosze)."),
        "Give the amount as a decimal string, e.g. \"%(example)s\", not a JSON number with a "
        "fraction (it would lose grosze)."),
    Code.PERCENT_DECIMAL_STRING: Template(
        N_("Podaj procent liczbą, np. %(example)s."),
        "Give the percentage as a decimal string, e.g. \"%(example)s\"."),
    Code.PERCENT_NOT_FLOAT: Template(
        N_("Podaj procent jako tekst liczby, np. „%(example)s”, a nie liczbę JSON z ułamkiem."),
        "Give the percentage as a decimal string, e.g. \"%(example)s\", not a JSON number "
        "with a fraction (it would lose grosze)."),
    Code.PERCENT_NEGATIVE: Template(
        N_("Procent nie może być ujemny."),
        "The percentage must be zero or more."),
    Code.PERCENT_TOO_LARGE: Template(
        N_("Procent nie może przekraczać 100."),
        "The percentage is too large."),
    Code.PERCENT_DECIMALS: Template(
        N_("Procent może mieć najwyżej %(places)s miejsca po przecinku."),
        "The percentage may have at most %(places)s decimal places."),
    Code.HECTARES_DECIMAL_STRING: Template(
        N_("Podaj liczbę hektarów liczbą, np. %(example)s."),
        "Give the number of hectares as a decimal string, e.g. \"%(example)s\"."),
    Code.HECTARES_NOT_FLOAT: Template(
        N_("Podaj liczbę hektarów jako tekst liczby, np. „%(example)s”, a nie liczbę JSON z"
           " ułamkiem."),
        "Give the number of hectares as a decimal string, e.g. \"%(example)s\", not a JSON "
        "number with a fraction (it would lose grosze)."),
    Code.HECTARES_NEGATIVE: Template(
        N_("Liczba hektarów nie może być ujemna."),
        "The number of hectares must be zero or more."),
    Code.HECTARES_TOO_LARGE: Template(
        N_("Liczba hektarów jest zbyt duża."),
        "The number of hectares is too large."),
    Code.HECTARES_DECIMALS: Template(
        N_("Liczba hektarów może mieć najwyżej %(places)s miejsc po przecinku."),
        "The number of hectares may have at most %(places)s decimal places."),
    Code.VALUE_BETWEEN: Template(
        N_("Podaj wartość od %(minimum)s do %(maximum)s."),
        "The value must be between %(minimum)s and %(maximum)s."),
    Code.SHORT_TEXT_TOO_LONG: Template(
        N_("Podaj tekst o długości najwyżej %(limit)s znaków."),
        "Give a text of at most %(limit)s characters."),
    Code.ENTRIES_AT_MOST: Template(
        N_("Najwyżej %(limit)s pozycji."),
        "At most %(limit)s entries."),
    Code.AGE_WHOLE: Template(
        N_("Podaj wiek w pełnych latach (liczba całkowita)."),
        "The age must be a whole number of years."),
    Code.CHOOSE_ONE_OR_NONE: Template(
        N_("Wybierz jedną z możliwości (%(allowed)s) albo pozostaw pole puste."),
        "Choose one of: %(allowed)s (or leave it out)."),
    Code.MEMBERS_LIST_EXPECTED: Template(
        N_("Oczekiwano listy osób w gospodarstwie (wnioskodawca pierwszy)."),
        "Expected a list of household members (the applicant first)."),
    Code.MEMBERS_EMPTY: Template(
        N_("Gospodarstwo musi mieć co najmniej jedną osobę (wnioskodawcę)."),
        "The household must have at least one member (the applicant)."),
    Code.MEMBERS_TOO_MANY: Template(
        N_("Gospodarstwo może liczyć najwyżej %(limit)s osób."),
        "At most %(limit)s household members."),
    Code.MUNICIPAL_PERCENT_RANGE: Template(
        N_("Procent z uchwały rady gminy musi wynosić od %(minimum)s (minimum ustawowe) do 100."),
        "The municipal percentage must be between %(minimum)s (the statutory minimum) and 100."),
    Code.DEADLINE_KIND_NOT_LISTED: Template(
        N_("Wybierz rodzaj terminu z listy (%(allowed)s)."),
        "Unknown deadline kind; allowed: %(allowed)s."),
    Code.DAYS_WHOLE: Template(
        N_("Podaj liczbę dni jako liczbę całkowitą."),
        "The number of days must be a whole number."),
    Code.CALENDAR_DATE_VALUE: Template(
        N_("Podaj datę kalendarzową (bez godziny)."),
        "The value must be a calendar date (not a date and time)."),
    Code.CALENDAR_DATE: Template(
        N_("Data musi być datą kalendarzową (bez godziny)."),
        "The date must be a calendar date (not a date and time)."),
    Code.NUMBER_WHOLE: Template(
        N_("Liczba musi być liczbą całkowitą."),
        "The number must be a whole number."),
    Code.NUMBER_AT_LEAST: Template(
        N_("Liczba musi wynosić co najmniej %(minimum)s."),
        "The number must be at least %(minimum)s."),
    Code.SUPPLEMENT_DAYS_MIN: Template(
        N_("Termin na uzupełnienie braków wniosku musi wynosić co najmniej %(minimum)s dni "
           "(art. 64 § 2 KPA)."),
        "The period to supplement an application must be at least %(minimum)s days (art. 64"
        " § 2 KPA)."),
    Code.DEADLINE_KIND_UNKNOWN: Template(
        N_("Nieznany rodzaj terminu „%(kind)s”; dozwolone: %(allowed)s."),
        "Unknown deadline kind '%(kind)s'; expected one of %(allowed)s."),
    Code.DAYS_ONLY_SUPPLEMENT: Template(
        N_("Liczbę dni podaje się tylko dla terminu na uzupełnienie braków wniosku."),
        "A number of days can only be given for 'supplement'."),
    Code.URGENT_ONLY_INTERVIEW: Template(
        N_("Pilny może być tylko rodzinny wywiad środowiskowy."),
        "Only an interview can be urgent."),
    Code.WARNING_DAYS: Template(
        N_("Ostrzeżenie musi przypadać co najmniej jeden dzień przed terminem."),
        "The warning must come at least one day before the deadline."),
    Code.TIME_AWARE: Template(
        N_("Czas musi mieć strefę czasową."),
        "The time must be a timezone-aware datetime."),
    Code.BENEFIT_CODE_UNKNOWN: Template(
        N_("Nieznane świadczenie „%(benefit)s”; dozwolone: %(allowed)s."),
        "Unknown benefit '%(benefit)s'; expected one of %(allowed)s."),
    Code.PERIOD_END_BEFORE_START: Template(
        N_("Koniec okresu nie może przypadać przed jego początkiem."),
        "The end of the period may not be before its start."),
    Code.PERIOD_TOO_LONG: Template(
        N_("Okres może liczyć najwyżej %(limit)s miesięcy."),
        "A period may have at most %(limit)s months."),
    Code.AMOUNT_EXACT: Template(
        N_("Kwota musi być liczbą dokładną (Decimal, int lub str), a nie zmiennoprzecinkową."),
        "The amount must be an exact number (Decimal, int or str), not a float."),
    Code.AMOUNT_NOT_NUMBER: Template(
        N_("Kwota nie jest liczbą."),
        "The amount is not a number."),
    Code.AMOUNT_NOT_NEGATIVE: Template(
        N_("Kwota nie może być mniejsza od zera."),
        "The amount may not be negative."),
    Code.VALUE_TRUE_FALSE: Template(
        N_("Wartość musi być prawdą albo fałszem."),
        "The value must be true or false."),
    Code.INCOME_ITEM_TYPE: Template(
        N_("Każdy dochód musi być pozycją dochodu (IncomeItem)."),
        "Each income must be an IncomeItem."),
    Code.INCOME_KIND_EMPTY: Template(
        N_("Rodzaj dochodu musi być niepustym tekstem."),
        "The kind of income must be a non-empty text."),
    Code.MEMBER_TYPE: Template(
        N_("Każda osoba w gospodarstwie musi być osobą (Member)."),
        "Each household member must be a Member."),
    Code.AGE_RANGE: Template(
        N_("Wiek musi wynosić od 0 do %(limit)s lat."),
        "The age must be between 0 and %(limit)s years."),
    Code.SEX_UNKNOWN: Template(
        N_("Płeć musi być „F”, „M” albo pusta."),
        "The sex must be 'F', 'M' or empty."),
    Code.INCOMES_LIST: Template(
        N_("Dochody muszą być listą."),
        "The incomes must be a list."),
    Code.PERCENT_EXACT: Template(
        N_("Procent musi być liczbą dokładną (Decimal, int lub str), a nie zmiennoprzecinkową."),
        "The percentage must be an exact number (Decimal, int or str), not a float."),
    Code.PARAMETER_MISSING: Template(
        N_("Na tę datę brak parametrów prawnych w systemie: %(detail)s."),
        "No legal parameter in force on this date: %(detail)s."),
    Code.USERNAME_LENGTH: Template(
        N_("Nazwa użytkownika musi mieć od 1 do 64 znaków."),
        "Username must be 1–64 characters."),
    Code.ROLES_UNKNOWN: Template(
        N_("Nieznana rola: %(unknown)s; dozwolone: %(allowed)s."),
        "Unknown role(s): %(unknown)s; allowed: %(allowed)s."),
    Code.PASSWORD_TOO_SHORT: Template(
        N_("Hasło musi mieć co najmniej %(limit)s znaków."),
        "Password must have at least %(limit)s characters."),
    Code.TOO_MANY_ATTEMPTS: Template(
        N_("Zbyt wiele nieudanych prób logowania. Spróbuj ponownie za %(minutes)s min (po "
           "%(until)s UTC)."),
        "Too many failed sign-in attempts. Try again in %(minutes)s min (after %(until)s UTC)."),
    # API requests and authentication (app/web): issue 14, part 5.
    Code.BODY_NOT_JSON_OBJECT: Template(
        N_("Treść żądania musi być obiektem JSON (Content-Type: application/json)."),
        "The request body must be a JSON object (Content-Type: application/json)."),
    Code.CREDENTIALS_MISSING: Template(
        N_("Podaj nazwę użytkownika i hasło (w treści JSON)."),
        "Give username and password."),
    Code.CREDENTIALS_WRONG: Template(
        N_("Nieprawidłowa nazwa użytkownika lub hasło."),
        "Wrong username or password."),
    Code.TOKEN_TO_REVOKE_MISSING: Template(
        N_("Wyślij token do unieważnienia jako „Authorization: Bearer <token>”."),
        "Send the token to revoke as 'Authorization: Bearer <token>'."),
    Code.VERSION_WHOLE: Template(
        N_("Wersja musi być liczbą całkowitą."),
        "The version must be a whole number."),
    Code.INTEGER_REQUIRED: Template(
        N_("Oczekiwano liczby całkowitej."),
        "Expected an integer."),
    Code.USER_ID_MISSING: Template(
        N_("Podaj user_id."),
        "Give user_id."),
    Code.REQUIRED_INTEGER: Template(
        N_("Wymagane (liczba całkowita)."),
        "Required (an integer)."),
    Code.VERSION_BAD: Template(
        N_("Niepoprawna wersja."),
        "Bad version."),
    Code.VERSION_AS_READ: Template(
        N_("Podaj wersję (liczbę całkowitą) odczytaną wcześniej."),
        "Must be the integer version you read."),
    Code.UPLOAD_INCOMPLETE: Template(
        N_("Przesłana definicja jest niekompletna."),
        "The definition upload is incomplete."),
    Code.AUTH_REQUIRED: Template(
        N_("Wymagane uwierzytelnienie: wyślij „Authorization: Bearer <token>”."),
        "Authentication required: send 'Authorization: Bearer <token>'."),
    Code.TOKEN_INVALID: Template(
        N_("Token jest nieważny lub wygasł; pobierz nowy przez POST /api/auth/token."),
        "The token is invalid or expired; get a new one from POST /api/auth/token."),
    Code.ENDPOINT_ROLE: Template(
        N_("Ta operacja wymaga jednej z ról: %(roles)s."),
        "This endpoint needs one of the roles: %(roles)s."),
    Code.REQUIRED_STRING: Template(
        N_("Wymagane (tekst)."),
        "Required (a string)."),
    # HTTP errors on the API (the body keeps the server's description; the code says which).
    Code.HTTP_BAD_REQUEST: Template(
        N_("Żądanie jest niepoprawne lub niepełne."),
        "The request is malformed or incomplete."),
    Code.HTTP_UNAUTHORIZED: Template(
        N_("Najpierw się zaloguj."),
        "Sign in first."),
    Code.HTTP_FORBIDDEN: Template(
        N_("Nie masz uprawnień do tej operacji."),
        "You may not do this."),
    Code.HTTP_NOT_FOUND: Template(
        N_("Nie ma takiego adresu."),
        "There is no such address."),
    Code.HTTP_METHOD_NOT_ALLOWED: Template(
        N_("Ta metoda nie jest dozwolona pod tym adresem."),
        "This method is not allowed at this address."),
    Code.HTTP_TOO_LARGE: Template(
        N_("Żądanie jest zbyt duże."),
        "The request is too large."),
    Code.HTTP_UNSUPPORTED_MEDIA_TYPE: Template(
        N_("Wyślij treść jako JSON (Content-Type: application/json)."),
        "Send the body as JSON (Content-Type: application/json)."),
    Code.HTTP_ERROR: Template(
        N_("Żądanie nie powiodło się (HTTP %(status)s)."),
        "The request failed (HTTP %(status)s)."),
}
