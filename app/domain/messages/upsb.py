"""The catalogue's texts of help in kind and services: the care services' fee table (the rada
gminy's resolution, art. 50 ust. 6 u.p.s.), the scope of a meal or service decision and the
monthly lists of meals and services."""

from __future__ import annotations

from app.domain.messages.codes import N_, MessageCode, Template
from app.domain.messages.codes_upsb import UpsbCode

TEXTS: dict[MessageCode, Template] = {
    UpsbCode.FEE_TABLE_INVALID: Template(
        N_("Tabela odpłatności za usługi opiekuńcze zawiera błędy."),
        "The care services fee table has errors."),
    UpsbCode.FEE_TABLE_EMPTY: Template(
        N_("Tabela odpłatności musi mieć co najmniej jeden próg dochodu."),
        "The fee table needs at least one income band."),
    UpsbCode.FEE_BAND_LIMIT: Template(
        N_("Górna granica dochodu w progu %(band)s musi być liczbą większą od zera (procent "
           "kryterium dochodowego)."),
        "The income limit of band %(band)s must be a number above zero (a percentage of the "
        "income criterion)."),
    UpsbCode.FEE_BAND_ORDER: Template(
        N_("Górna granica dochodu w progu %(band)s musi być wyższa niż w progu poprzednim "
           "(%(previous)s%%)."),
        "The income limit of band %(band)s must be higher than the previous band's "
        "(%(previous)s%%)."),
    UpsbCode.FEE_BAND_PERCENT: Template(
        N_("Odpłatność w progu %(band)s musi wynosić od 0 do 100%% kosztu godziny usług."),
        "The fee of band %(band)s must be between 0 and 100%% of the hourly cost."),
    UpsbCode.FEE_BAND_OPEN_END: Template(
        N_("Ostatni próg musi obejmować każdy wyższy dochód: zostaw jego górną granicę pustą, a "
           "w pozostałych progach ją podaj."),
        "The last band must cover every higher income: leave its limit empty, and give the "
        "limit of every other band."),
    UpsbCode.FEE_HOURLY_COST: Template(
        N_("Koszt jednej godziny usług musi być kwotą większą od zera."),
        "The cost of one hour of services must be an amount above zero."),
    UpsbCode.FEE_RESOLUTION: Template(
        N_("Podaj uchwałę rady gminy, która ustala odpłatność (numer i datę)."),
        "Name the rada gminy's resolution that sets the fee (its number and date)."),
    UpsbCode.FEE_TABLE_DATE_TAKEN: Template(
        N_("Tabela obowiązująca od %(date)s już istnieje; zmień ją zamiast dodawać nową."),
        "A table in force from %(date)s already exists; edit it instead of adding another."),
    UpsbCode.FEE_TABLE_STALE: Template(
        N_("Ktoś zmienił tę tabelę odpłatności w międzyczasie (jest już w wersji %(version)s); "
           "odśwież stronę i wprowadź zmiany ponownie."),
        "Someone changed this fee table meanwhile (it is now at version %(version)s); reload "
        "the page and make your changes again."),
    UpsbCode.FEE_TABLE_MISSING: Template(
        N_("Brak tabeli odpłatności za usługi opiekuńcze obowiązującej w dniu %(date)s; "
           "administrator wprowadza ją według uchwały rady gminy."),
        "No care services fee table is in force on %(date)s; an admin enters it from the rada "
        "gminy's resolution."),
    UpsbCode.FEE_TABLE_NOT_FOUND: Template(
        N_("Nie ma takiej tabeli odpłatności."),
        "There is no such fee table."),
    UpsbCode.FEE_TABLE_IN_USE: Template(
        N_("Tabela odpłatności obowiązuje od %(date)s i według niej ustalono już odpłatność w "
           "decyzjach; zmianę uchwały wprowadź jako nową tabelę od dnia jej wejścia w życie."),
        "The fee table is in force from %(date)s and decisions have set fees by it; enter the "
        "changed resolution as a new table from the day it takes effect."),
    UpsbCode.SCOPE_PROVIDER: Template(
        N_("Podaj szkołę lub stołówkę, która wydaje posiłki."),
        "Name the school or canteen that serves the meals."),
    UpsbCode.SCOPE_FUNERAL_PROVIDER: Template(
        N_("Podaj zakład pogrzebowy, który wykona pogrzeb: ośrodek płaci jemu, nie stronie."),
        "Name the funeral home that carries out the funeral: the centre pays it, not the party."),
    UpsbCode.SCOPE_MEALS: Template(
        N_("Liczba posiłków dziennie musi wynosić od 1 do %(max)s."),
        "The number of meals a day must be between 1 and %(max)s."),
    UpsbCode.SCOPE_HOURS: Template(
        N_("Podaj liczbę godzin usług w tygodniu: więcej niż 0, najwyżej %(max)s."),
        "Give the hours of services a week: more than 0, at most %(max)s."),
    UpsbCode.LIST_MONTH: Template(
        N_("Miesiąc listy podaj jako RRRR-MM."),
        "Give the list's month as YYYY-MM."),
    UpsbCode.LIST_KIND: Template(
        N_("Nie ma takiej listy: wybierz listę posiłków albo usług opiekuńczych."),
        "There is no such list: choose the list of meals or of care services."),
    UpsbCode.FEE_TABLE_ROLE: Template(
        N_("Tabelę odpłatności za usługi opiekuńcze zmienia tylko administrator."),
        "Only an admin changes the care services fee table."),
    UpsbCode.LIST_ROLE: Template(
        N_("Listy posiłków i usług zawierają dane osób: widzą je tylko pracownicy socjalni i "
           "kierownicy."),
        "The lists of meals and services name persons: only caseworkers and supervisors see "
        "them."),
    UpsbCode.SCOPE_INVALID: Template(
        N_("Zakres pomocy w projekcie decyzji jest niepełny lub błędny."),
        "The scope of help in the draft decision is incomplete or wrong."),
}
