"""Inputs of a decision's life: a change or revocation of a running grant (decision_changes) and
the SKO's ruling on an appeal (appeals/sko_rulings), from the API, the case file and the task."""

from __future__ import annotations

from typing import Any

from app.domain.messages import N_
from app.domain.rulings import GROUNDS, MAX_GROUND_TEXT
from app.services.kernel.json_input import LONG_TEXT

MAX_REASON = LONG_TEXT
MAX_SKO_REFERENCE = 60
DATE: dict[str, Any] = {"type": "string", "format": "date"}
AMOUNT: dict[str, Any] = {"type": ["string", "integer"], "format": "money"}
SKO_OUTCOMES = ("upheld", "changed", "quashed_discontinued", "returned", "inadmissible_late")
SKO_KINDS = ("grant", "partial", "refusal")

SCHEMAS: dict[str, dict[str, Any]] = {
    "DecisionChangeRequest": {
        "type": "object", "required": ["kind", "effective_from", "reason", "ground"],
        "allOf": [
            {"if": {"required": ["kind"], "properties": {"kind": {"const": "change"}}},
             "then": {"required": ["amount"]}},
            {"if": {"required": ["ground"], "properties": {"ground": {"const": "other"}}},
             "then": {"required": ["ground_text"],
                      "x-openapi": {"properties": {"ground_text": {"pattern": r"\S"}}}}},
            # No act names the party's request as a ground: art. 155 KPA, with consent.
            {"if": {"required": ["ground"], "properties": {"ground": {"const": "party_request"}}},
             "then": {"required": ["party_consent_on"], "x-code": "change_consent_required"}}],
        # The case page's fields, in its order (their labels: x-title, x-titles; Polish msgids).
        "x-order": ["kind", "effective_from", "amount", "ground", "ground_text", "party_consent_on",
                    "reason"],
        "properties": {
            "kind": {"type": "string", "enum": ["change", "revoke"], "x-title": N_("Rodzaj"),
                     "x-widget": "select", "x-titles": {"change": N_("zmiana (nowa kwota)"),
                                                        "revoke": N_("uchylenie")}},
            "effective_from": {**DATE, "x-title": N_("Obowiązuje od")},
            "reason": {"type": "string", "maxLength": MAX_REASON, "x-nonblank": True,
                       "x-title": N_("Przyczyna")},
            "amount": {**AMOUNT, "description": "change only: the new monthly amount",
                       "x-title": N_("Nowa kwota miesięczna (przy zmianie)")},
            "ground": {"type": "string", "enum": list(GROUNDS), "description":
                       "the ground the decision states (app.domain.rulings)",
                       "x-title": N_("Podstawa faktyczna (przyczyna)"), "x-widget": "select"},
            "ground_text": {"type": "string", "maxLength": MAX_GROUND_TEXT,
                            "description": "required for ground 'other'",
                            "x-title": N_("Inna przyczyna (opis)"), "x-widget": "text"},
            "party_consent_on": {
                **DATE, "description": "the day of the "
                "party's consent, needed (art. 155 KPA) where the benefit's act does "
                "not name the ground (422 change_consent_required)",
                "x-title": N_("Data zgody strony (art. 155 KPA; gdy ustawa nie przewiduje tej "
                              "przyczyny)")},
        },
    },
    "SkoOutcomeRequest": {
        "type": "object", "required": ["sko_outcome", "sko_ruling_on"],
        "allOf": [{"if": {"required": ["sko_outcome"], "properties": {"sko_outcome": {"const": "changed"}}},
                   "then": {"required": ["sko_kind"]}},
                  {"if": {"required": ["sko_outcome", "sko_kind"], "properties": {
                      "sko_outcome": {"const": "changed"}, "sko_kind": {"enum": ["grant", "partial"]}}},
                   "then": {"required": ["sko_amount", "sko_period_from"]}}],
        # The case page's fields (the appeal's version is the page's own hidden input).
        "x-order": ["sko_outcome", "sko_ruling_on", "sko_reference", "restoration_ruling",
                    "sko_kind", "sko_amount", "sko_period_from", "sko_period_to"],
        "properties": {
            "sko_outcome": {"type": "string", "enum": list(SKO_OUTCOMES),
                            "x-title": N_("Rozstrzygnięcie SKO (art. 138 KPA)"), "x-widget": "select"},
            "sko_ruling_on": {**DATE, "x-title": N_("Data orzeczenia SKO")},
            "sko_reference": {"type": "string", "maxLength": MAX_SKO_REFERENCE,
                              "x-title": N_("Sygnatura SKO")},
            "restoration_ruling": {"type": "string", "enum": ["granted", "refused"],
                                   "x-title": N_("Przywrócenie terminu (art. 59 § 2 KPA)"),
                                   "x-widget": "select"},
            "sko_kind": {"type": "string", "enum": list(SKO_KINDS),
                         "description": "changed only: the SKO's own ruling",
                         "x-title": N_("Rozstrzygnięcie"), "x-widget": "select"},
            "sko_amount": {**AMOUNT, "x-positive": True, "x-title": N_("Kwota miesięczna")},
            "sko_period_from": {**DATE, "x-title": N_("Od")},
            "sko_period_to": {**DATE, "x-title": N_("Do")},
            # The appeal's version: a number in JSON, the form's text on the case file's page.
            "version": {"x-openapi": {"type": "integer"}},
        },
    },
}

CHANNELS = ("post", "epuap", "in_person")
SCHEMAS["AppealRequest"] = {
    "type": "object", "required": ["channel", "posted_on", "received_on"],
    "description": "An appeal that arrived after the decision was recorded final; "
                   "timely when posted within 14 days of delivery (art. 57 §5 KPA)",
    "allOf": [{"if": {"required": ["restoration_requested"],
                      "properties": {"restoration_requested": {"const": True}}},
               "then": {"required": ["cause_ceased_on"]}}],
    "properties": {
        "channel": {"type": "string", "enum": list(CHANNELS), "x-title": N_("Sposób wniesienia"),
                    "x-widget": "select"},
        "posted_on": {**DATE, "x-title": N_("Data nadania")},
        "received_on": {**DATE, "x-title": N_("Data wpływu")},
        "restoration_requested": {"type": "boolean", "description": "art. 58 KPA, with the appeal",
                                  "x-title": N_("Strona prosi o przywrócenie terminu (art. 58 KPA)")},
        "cause_ceased_on": {**DATE, "x-title": N_("Dzień ustania przyczyny uchybienia")},
    },
}
