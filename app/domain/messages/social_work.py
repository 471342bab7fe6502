"""The catalogue's social-work texts (codes in :mod:`.codes_sw`)."""

from __future__ import annotations

from app.domain.messages.codes import N_, MessageCode, Template
from app.domain.messages.codes_sw import SwCode

TEXTS: dict[MessageCode, Template] = {
    SwCode.RECORD_NOT_FOUND: Template(
        N_("Nie znaleziono akt pracy socjalnej nr %(record_id)s."),
        "Social-work record %(record_id)s was not found."),
    SwCode.CONTRACT_NOT_FOUND: Template(
        N_("Nie znaleziono kontraktu socjalnego nr %(contract_id)s."),
        "Social contract %(contract_id)s was not found."),
    SwCode.STAGE_NOT_FOUND: Template(
        N_("Ten kontrakt nie ma etapu nr %(stage_id)s."),
        "This contract has no stage %(stage_id)s."),
    SwCode.GOAL_NOT_FOUND: Template(
        N_("Te akta nie mają celu nr %(goal_id)s."),
        "This record has no goal %(goal_id)s."),
    SwCode.PERSON_NOT_FOUND: Template(
        N_("W kartotece nie ma osoby nr %(person_id)s."),
        "The register has no person %(person_id)s."),
    SwCode.RECORD_CHANGED: Template(
        N_("Ktoś inny zmienił w międzyczasie te akta pracy socjalnej. Wczytaj je ponownie i "
           "wprowadź zmianę jeszcze raz."),
        "Someone else has changed this social-work record in the meantime. Reload it and make "
        "the change again."),
    SwCode.CONTRACT_CHANGED: Template(
        N_("Ktoś inny zmienił w międzyczasie ten kontrakt socjalny. Wczytaj go ponownie i "
           "wprowadź zmianę jeszcze raz."),
        "Someone else has changed this social contract in the meantime. Reload it and make the "
        "change again."),
    SwCode.RECORD_CLOSED: Template(
        N_("Akta pracy socjalnej są zamknięte; nie można ich zmieniać."),
        "The social-work record is closed; it cannot be changed."),
    SwCode.CONTRACT_CLOSED: Template(
        N_("Kontrakt socjalny jest już zakończony lub nie został zawarty; nie można go zmieniać."),
        "The social contract has already ended or was never concluded; it cannot be changed."),
    SwCode.DATE_FUTURE: Template(
        N_("Ta data nie może przypadać po dniu dzisiejszym."),
        "This date may not fall after today."),
    SwCode.PARTY_NOT_MEMBER: Template(
        N_("Stroną kontraktu może być tylko osoba z rodziny objętej pracą socjalną."),
        "Only a person of the family given social work can be a party to the contract."),
    SwCode.CASE_OTHER_FAMILY: Template(
        N_("Sprawa nr %(case_id)s nie dotyczy tej rodziny."),
        "Case %(case_id)s does not concern this family."),
    SwCode.STAGES_REQUIRED: Template(
        N_("Zawarty kontrakt socjalny musi mieć co najmniej jeden etap z datą przeglądu."),
        "A concluded social contract needs at least one stage with a review date."),
    SwCode.SIGNED_FIELD_REQUIRED: Template(
        N_("To pole jest wymagane w zawartym kontrakcie socjalnym."),
        "This field is required in a concluded social contract."),
    SwCode.REFUSAL_FIELD_REQUIRED: Template(
        N_("Przy odmowie zawarcia kontraktu podaj datę i powód podany przez osobę."),
        "For a refusal to conclude the contract give its date and the reason the person gave."),
    SwCode.PERIOD_ORDER: Template(
        N_("Koniec okresu nie może przypadać przed jego początkiem."),
        "The end of the period may not be before its start."),
    SwCode.REVIEW_BEFORE_CONCLUDED: Template(
        N_("Data przeglądu etapu nie może przypadać przed zawarciem kontraktu."),
        "A stage's review date may not fall before the contract was concluded."),
    SwCode.STAGE_REVIEWED: Template(
        N_("Ten etap został już oceniony."),
        "This stage has already been reviewed."),
    SwCode.OUTCOME_BEFORE_CONCLUDED: Template(
        N_("Data zakończenia nie może przypadać przed zawarciem kontraktu."),
        "The end date may not fall before the contract was concluded."),
}
