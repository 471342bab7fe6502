"""Messages as codes: what went wrong is a code with parameters; the words live in the catalogue.

The domain and the services raise a :class:`Msg` (``msg(Code.AMOUNT_NEGATIVE)``); the web layer
renders it with Flask-Babel's ``gettext(template, **params)``, so the Polish template below is the
msgid and the English text comes from ``app/translations/en/LC_MESSAGES/messages.po``.

A ``Msg`` is also a ``str``: its value is the English text, so code that stores, compares or
serialises messages as strings (``dict[path, str]`` field errors, API bodies, logs) keeps working,
and that text is what callers outside a request see. ``Template.en`` must equal the .po
translation (``tests/unit/test_messages.py`` checks it).

Parameters are never personal data (no PESEL, names, amounts typed in): messages end up in logs.
This module imports nothing from Flask: the domain stays pure.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

__all__ = ["CATALOGUE", "PROBLEM_CODES", "Code", "Msg", "Template", "msg", "placeholders",
           "problem_code"]


def N_(text: str) -> str:
    """Mark a Polish template for pybabel extraction (``N_`` is a default keyword); a no-op."""
    return text


class Code(StrEnum):
    """Every message code; the value is what API clients see as ``code``."""

    # Generic field errors (application, task forms, JSON Schema keywords).
    REQUIRED = "required"
    NOT_EMPTY = "not_empty"
    DATE_FORMAT = "date_format"
    BOOLEAN_EXPECTED = "boolean_expected"
    TEXT_EXPECTED = "text_expected"
    INTEGER_EXPECTED = "integer_expected"
    NUMBER_EXPECTED = "number_expected"
    LIST_EXPECTED = "list_expected"
    OBJECT_EXPECTED = "object_expected"
    JSON_OBJECT_EXPECTED = "json_object_expected"
    CHOOSE_ONE = "choose_one"
    MIN_VALUE = "min_value"
    MAX_VALUE = "max_value"
    GREATER_THAN = "greater_than"
    LESS_THAN = "less_than"
    MIN_LENGTH = "min_length"
    MAX_LENGTH = "max_length"
    MIN_ITEMS = "min_items"
    MAX_ITEMS = "max_items"
    UNIQUE_ITEMS = "unique_items"
    WRONG_FORMAT = "wrong_format"
    UNKNOWN_FIELD = "unknown_field"
    INVALID_VALUE = "invalid_value"
    # Money.
    AMOUNT_FORMAT = "amount_format"
    AMOUNT_NEGATIVE = "amount_negative"
    AMOUNT_DECIMALS = "amount_decimals"
    AMOUNT_TOO_LARGE = "amount_too_large"
    # PESEL and bank accounts (the codes InvalidIdentifier has always had).
    PESEL_REQUIRED = "pesel_required"
    PESEL_EMPTY = "pesel_empty"
    PESEL_NON_DIGIT = "pesel_non_digit"
    PESEL_LENGTH = "pesel_length"
    PESEL_CHECKSUM = "pesel_checksum"
    PESEL_BIRTH_DATE = "pesel_birth_date"
    PESEL_FUTURE = "pesel_birth_date_in_future"
    ACCOUNT_EMPTY = "account_empty"
    ACCOUNT_COUNTRY = "account_country"
    ACCOUNT_NON_DIGIT = "account_non_digit"
    ACCOUNT_LENGTH = "account_length"
    ACCOUNT_CHECKSUM = "account_checksum"
    # The application (wniosek).
    APPLICATION_INVALID = "application_invalid"
    MEMBER_EXPECTED = "member_expected"
    MEMBERS_EXPECTED = "members_expected"
    RELATION_UNKNOWN = "relation_unknown"
    OTHER_BENEFITS_UNKNOWN = "other_benefits_unknown"
    INCOMES_EXPECTED = "incomes_expected"
    INCOME_EXPECTED = "income_expected"
    INCOME_KIND_UNKNOWN = "income_kind_unknown"
    BENEFIT_UNKNOWN = "benefit_unknown"
    REASON_UNKNOWN = "reason_unknown"
    APPLICATION_DATE_FUTURE = "application_date_future"
    ADDRESS_TOO_LONG = "address_too_long"
    PERSON_DUPLICATE = "person_duplicate"
    # Task forms and the workflow.
    FORM_INVALID = "form_invalid"
    FORM_DATA_EXPECTED = "form_data_expected"
    FORM_MISSING = "form_missing"
    WORKFLOW_FAILED = "workflow_failed"
    WORKFLOW_FAILED_AT_STEP = "workflow_failed_at_step"
    # Anything else that went wrong on the server.
    REQUESTED_FROM_RANGE = "requested_from_range"
    REGISTERED_MEANWHILE = "registered_meanwhile"
    REGISTER_KEY_FORMAT = "register_key_format"
    REGISTER_KEY_UNKNOWN = "register_key_unknown"
    BIRTH_DATE_RANGE = "birth_date_range"
    # Hostile or careless input (app/web/input_guard in setup, json_input).
    TEXT_BAD_CHARACTERS = "text_bad_characters"
    TEXT_CONTROL_CHARACTER = "text_control_character"
    TEXT_BIDI_CHARACTER = "text_bidi_character"
    TEXT_INVISIBLE_CHARACTER = "text_invisible_character"
    NAME_SYMBOL = "name_symbol"
    INPUT_TOO_DEEP = "input_too_deep"
    BODY_TOO_LARGE = "body_too_large"
    DATE_RANGE = "date_range"
    CASE_ROLE_REQUIRED = "case_role_required"
    SUPERVISOR_REQUIRED = "supervisor_required"
    CHANGE_ALREADY_DRAFTED = "change_already_drafted"
    CHANGE_NOT_AFFECTED = "change_not_affected"
    FACTS_DISAGREE = "facts_disagree"
    DRAFT_UNLAWFUL = "draft_unlawful"
    APPROVAL_UNLAWFUL = "approval_unlawful"
    # The person register.
    SEARCH_QUERY = "search_query"
    REGISTER_CHANGED = "register_changed"
    PERSON_NOT_IN_CASE = "person_not_in_case"
    PERSON_NOT_FOUND = "person_not_found"
    UNEXPECTED_ERROR = "unexpected_error"
    # Deploy problems of a BPMN definition (``Problem.code``, see :data:`PROBLEM_CODES`).
    DEPLOY_UNREACHABLE = "deploy.unreachable"
    DEPLOY_DEAD_END = "deploy.dead_end"
    DEPLOY_NO_PATH_TO_END = "deploy.no_path_to_end"
    DEPLOY_NO_START_EVENT = "deploy.no_start_event"
    DEPLOY_BRANCH_WITHOUT_CONDITION = "deploy.gateway_branch_without_condition"
    DEPLOY_GATEWAY_WITHOUT_DEFAULT = "deploy.gateway_without_default"
    DEPLOY_GATEWAY_DEFAULT_INVALID = "deploy.gateway_default_invalid"
    DEPLOY_DANGLING_FLOW = "deploy.dangling_flow"
    DEPLOY_DUPLICATE_FLOW = "deploy.duplicate_flow"
    DEPLOY_DUPLICATE_ID = "deploy.duplicate_id"
    DEPLOY_TASK_WITHOUT_LANE = "deploy.user_task_without_lane"
    DEPLOY_TASK_WITHOUT_FORM = "deploy.user_task_without_form"
    DEPLOY_UNKNOWN_FORM = "deploy.unknown_form"
    DEPLOY_TIMER_INVALID = "deploy.timer_invalid"
    DEPLOY_TIMER_REFUSED = "deploy.timer_invalid.refused"
    DEPLOY_TIMER_UNKNOWN_FUNCTIONS = "deploy.timer_invalid.unknown_functions"
    DEPLOY_MALFORMED_XML = "deploy.malformed_xml"
    DEPLOY_DEFINITION_INVALID = "deploy.definition_invalid"
    DEPLOY_XML_TOO_LARGE = "deploy.xml_too_large"
    DEPLOY_XML_ENTITIES = "deploy.xml_entities"
    DEPLOY_BPMN_INVALID = "deploy.bpmn_invalid"
    DEPLOY_ID_COLLISION = "deploy.id_collision"
    DEPLOY_MULTIPLE_LANES = "deploy.multiple_lanes"
    DEPLOY_UNKNOWN_CALLED_PROCESS = "deploy.unknown_called_process"
    DEPLOY_SCRIPT_INVALID = "deploy.script_invalid"
    DEPLOY_SCRIPT_UNKNOWN_FUNCTIONS = "deploy.script_invalid.unknown_functions"
    DEPLOY_CONDITION_INVALID = "deploy.condition_invalid"
    DEPLOY_CONDITION_UNKNOWN_FUNCTIONS = "deploy.condition_invalid.unknown_functions"
    DEPLOY_EXPRESSION_INVALID = "deploy.expression_invalid"
    DEPLOY_EXPRESSION_UNKNOWN_FUNCTIONS = "deploy.expression_invalid.unknown_functions"
    DEPLOY_DUPLICATE_USER_TASK = "deploy.duplicate_user_task"
    DEPLOY_UNKNOWN_LANE = "deploy.unknown_lane"
    DEPLOY_MISSING_TASK_PROPERTY = "deploy.missing_task_property"
    DEPLOY_INVALID_FORM_SCHEMA = "deploy.invalid_form_schema"
    DEPLOY_INVALID_FORM_FIELD = "deploy.invalid_form_field"
    DEPLOY_FORM_FIELD_RESERVED = "deploy.invalid_form_field.reserved"
    DEPLOY_INVALID_DUE = "deploy.invalid_due"
    DEPLOY_NO_FILES = "deploy.no_files"
    DEPLOY_MAIN_PROCESS_MISSING = "deploy.main_process_missing"
    DEPLOY_PROCESS_INVALID = "deploy.process_invalid"
    DEPLOY_UNKNOWN_FOUR_EYES_TASK = "deploy.unknown_four_eyes_task"
    DEPLOY_STUCK_PATH = "deploy.stuck_path"
    DEPLOY_STUCK_NO_WORK_LEFT = "deploy.stuck_path.no_work_left"
    DEPLOY_STUCK_STEP_BUDGET = "deploy.stuck_path.step_budget"
    DEPLOY_STUCK_PROCESS_MISSING = "deploy.stuck_path.process_missing"
    DEPLOY_REHEARSAL_ERROR = "deploy.rehearsal_error"
    DEPLOY_SCRIPT_TIMEOUT = "deploy.script_timeout"
    DEPLOY_SCRIPT_ERROR = "deploy.script_error"
    DEPLOY_CONDITION_ERROR = "deploy.condition_error"
    DEPLOY_TIMER_ERROR = "deploy.timer_error"
    DEPLOY_EXPRESSION_ERROR = "deploy.expression_error"
    DEPLOY_ACTION_MISSING = "deploy.action_missing"
    DEPLOY_ACTION_UNKNOWN = "deploy.action_unknown"
    DEPLOY_ACTION_WRONG_LANE = "deploy.action_wrong_lane"
    DEPLOY_ACTION_FIELD_MISSING = "deploy.action_field_missing"
    DEPLOY_ACTION_FIELD_TYPE = "deploy.action_field_type"
    DEPLOY_ACTION_FIELD_OPTIONAL = "deploy.action_field_optional"
    # Payments.
    PAYMENT_RUNNER_CANNOT_APPROVE = "payments.runner_cannot_approve"
    PAYMENT_LIST_NOT_DRAFT = "payments.list_not_draft"
    PAYMENT_LIST_NOT_APPROVED = "payments.list_not_approved"
    PAYMENT_ACCOUNTS_INVALID = "payments.accounts_invalid"
    PAYMENT_ACCOUNT_INVALID = "payments.account_invalid"
    PAYMENT_ALREADY_SETTLED = "payments.already_settled"
    PAYMENT_NOT_RETURNED = "payments.not_returned"
    PAYMENT_ALREADY_REISSUED = "payments.already_reissued"
    PAYMENT_MONTH_INVALID = "payments.month_invalid"
    PAYMENT_OUTCOME_INVALID = "payments.outcome_invalid"
    PAYMENT_CENTRE_ACCOUNT_MISSING = "payments.centre_account_missing"
    PAYMENT_NOT_FOUND = "payments.not_found"
    PAYMENT_SETTLED_ON_INVALID = "payments.settled_on_invalid"
    PAYMENT_RUN_MONTH_TOO_FAR = "payments.run_month_too_far"
    PAYMENT_LIST_TOTAL_MISMATCH = "payments.list_total_mismatch"
    DEPLOY_OPERATION_MISSING = "deploy.operation_missing"
    DEPLOY_OPERATION_UNKNOWN = "deploy.operation_unknown"
    DEPLOY_OPERATION_PARAM_MISSING = "deploy.operation_param_missing"
    DEPLOY_OPERATION_PARAM_UNKNOWN = "deploy.operation_param_unknown"
    DEPLOY_OPERATION_PARAM_TYPE = "deploy.operation_param_type"
    DEPLOY_ACTION_ABSENT = "deploy.action_absent"
    DEPLOY_VARIABLE_NEVER_SET = "deploy.variable_never_set"
    # Undue benefits (app/services/recovery*.py).
    RECOVERY_AMOUNT_ABOVE_PAID = "recovery.amount_above_paid"
    RECOVERY_AMOUNT_ZERO = "recovery.amount_zero"
    RECOVERY_PAYMENT_OTHER_CASE = "recovery.payment_other_case"
    RECOVERY_PAYMENT_NOT_PAID = "recovery.payment_not_paid"
    RECOVERY_PAYMENT_TWICE = "recovery.payment_twice"
    RECOVERY_DATE_FUTURE = "recovery.date_future"
    RECOVERY_NO_NOTICE = "recovery.no_notice"
    RECOVERY_LEARNED_BEFORE_NOTICE = "recovery.learned_before_notice"
    RECOVERY_PAID_BEFORE_NOTICE = "recovery.paid_before_notice"
    RECOVERY_DECISION_BARRED = "recovery.decision_barred"
    RECOVERY_GROUND_MISMATCH = "recovery.ground_mismatch"
    RECOVERY_FINAL_DATE = "recovery.final_date"
    RECOVERY_FOUR_EYES = "recovery.four_eyes"
    RECOVERY_NOT_DECIDED = "recovery.not_decided"
    RECOVERY_ALREADY_DECIDED = "recovery.already_decided"
    RECOVERY_DECISION_ISSUED = "recovery.decision_issued"
    RECOVERY_NOTHING_OWED = "recovery.nothing_owed"
    RECOVERY_WRITE_OFF_ABOVE_DEBT = "recovery.write_off_above_debt"
    RECOVERY_INSTALMENTS_SUM = "recovery.instalments_sum"
    RECOVERY_INSTALMENTS_ORDER = "recovery.instalments_order"
    RECOVERY_OVERPAYMENT = "recovery.overpayment"
    RECOVERY_DEADLINE_PAST = "recovery.deadline_past"
    RECOVERY_KIND_UNKNOWN = "recovery.kind_unknown"
    SIGNER_UNAUTHORISED = "signer_unauthorised"
    DEPLOY_SCRIPT_MEMORY = "deploy.script_error.memory"
    DEPLOY_FORM_PATTERN_UNSUPPORTED = "deploy.invalid_form_schema.pattern_unsupported"
    DEPLOY_FORM_PATTERN_TOO_LONG = "deploy.invalid_form_schema.pattern_too_long"
    # Letters and documents.
    LETTER_INVALID = "letter_invalid"
    LETTER_NO_DECISION = "letter_no_decision"
    DATE_NOT_AFTER_TODAY = "date_not_after_today"
    DATE_IN_FUTURE = "date_in_future"
    DATE_BEFORE = "date_before"
    OFFICE_INVALID = "office_invalid"
    # Calculator dates outside what the dated legal parameters cover.
    PARAMETERS_NOT_IN_FORCE = "parameters_not_in_force"
    PARAMETERS_NOT_YET_KNOWN = "parameters_not_yet_known"
    # A decision's life (appeals, the SKO, changes).
    APPEAL_NO_DECISION = "appeal_no_decision"
    APPEAL_IN_WINDOW = "appeal_in_window"
    APPEAL_POSTED_AFTER_RECEIPT = "appeal_posted_after_receipt"
    APPEAL_POSTED_BEFORE_DELIVERY = "appeal_posted_before_delivery"
    APPEAL_ALREADY_HANDLED = "appeal_already_handled"
    APPEAL_HANDLED_IN_TASK = "appeal_handled_in_task"
    APPEAL_LATE_NO_SELF_CORRECTION = "appeal_late_no_self_correction"
    SELF_CORRECTION_AFTER_7_DAYS = "self_correction_after_7_days"
    SELF_CORRECTION_NOT_IN_FULL = "self_correction_not_in_full"
    SKO_NOT_FORWARDED = "sko_not_forwarded"
    SKO_ALREADY_RECORDED = "sko_already_recorded"
    SKO_LATE_ONLY_INADMISSIBLE = "sko_late_only_inadmissible"
    SKO_RESTORATION_NOT_REQUESTED = "sko_restoration_not_requested"
    CHANGE_NO_RUNNING_DECISION = "change_no_running_decision"
    CHANGE_BEFORE_DECISION_START = "change_before_decision_start"
    CHANGE_AFTER_DECISION_END = "change_after_decision_end"
    CHANGE_OPEN_ALREADY = "change_open_already"
    STALE_VERSION = "stale_version"
    SKO_IN_TASK = "sko_in_task"
    CHANGE_CONSENT_REQUIRED = "change_consent_required"
    REQUEST_NOT_DISCRETIONARY = "request_not_discretionary"
    # Deploy checks within a bound (issue 19 part 6).
    DEPLOY_RECURSIVE_CALL = "deploy.recursive_call"
    DEPLOY_TIMER_OUT_OF_RANGE = "deploy.timer_out_of_range"
    DEPLOY_TIMER_ERROR_OUT_OF_RANGE = "deploy.timer_error.out_of_range"
    DEPLOY_CHECK_BUDGET = "deploy.check_budget"
    # HTTP errors on the API (the body keeps the server's description; the code says which).
    HTTP_BAD_REQUEST = "http.bad_request"
    HTTP_UNAUTHORIZED = "http.unauthorized"
    HTTP_FORBIDDEN = "http.forbidden"
    HTTP_NOT_FOUND = "http.not_found"
    HTTP_METHOD_NOT_ALLOWED = "http.method_not_allowed"
    HTTP_TOO_LARGE = "http.too_large"
    HTTP_UNSUPPORTED_MEDIA_TYPE = "http.unsupported_media_type"
    HTTP_ERROR = "http.error"
    # API requests and authentication (app/web): issue 14, part 5.
    BODY_NOT_JSON_OBJECT = "body_not_json_object"
    CREDENTIALS_MISSING = "credentials_missing"
    CREDENTIALS_WRONG = "credentials_wrong"
    TOKEN_TO_REVOKE_MISSING = "token_to_revoke_missing"
    VERSION_WHOLE = "version_whole"
    INTEGER_REQUIRED = "integer_required"
    USER_ID_MISSING = "user_id_missing"
    REQUIRED_INTEGER = "required_integer"
    VERSION_BAD = "version_bad"
    VERSION_AS_READ = "version_as_read"
    UPLOAD_INCOMPLETE = "upload_incomplete"
    AUTH_REQUIRED = "auth_required"
    TOKEN_INVALID = "token_invalid"
    ENDPOINT_ROLE = "endpoint_role"
    REQUIRED_STRING = "required_string"
    # Field errors and input checks that were English text (issue 14, part 5).
    REQUEST_INVALID = "request_invalid"
    AMOUNT_DECIMAL_STRING = "amount_decimal_string"
    AMOUNT_NOT_FLOAT = "amount_not_float"
    PERCENT_DECIMAL_STRING = "percent_decimal_string"
    PERCENT_NOT_FLOAT = "percent_not_float"
    PERCENT_NEGATIVE = "percent_negative"
    PERCENT_TOO_LARGE = "percent_too_large"
    PERCENT_DECIMALS = "percent_decimals"
    HECTARES_DECIMAL_STRING = "hectares_decimal_string"
    HECTARES_NOT_FLOAT = "hectares_not_float"
    HECTARES_NEGATIVE = "hectares_negative"
    HECTARES_TOO_LARGE = "hectares_too_large"
    HECTARES_DECIMALS = "hectares_decimals"
    VALUE_BETWEEN = "value_between"
    SHORT_TEXT_TOO_LONG = "short_text_too_long"
    ENTRIES_AT_MOST = "entries_at_most"
    AGE_WHOLE = "age_whole"
    CHOOSE_ONE_OR_NONE = "choose_one_or_none"
    MEMBERS_LIST_EXPECTED = "members_list_expected"
    MEMBERS_EMPTY = "members_empty"
    MEMBERS_TOO_MANY = "members_too_many"
    MUNICIPAL_PERCENT_RANGE = "municipal_percent_range"
    DEADLINE_KIND_NOT_LISTED = "deadline_kind_not_listed"
    DAYS_WHOLE = "days_whole"
    CALENDAR_DATE_VALUE = "calendar_date_value"
    CALENDAR_DATE = "calendar_date"
    NUMBER_WHOLE = "number_whole"
    NUMBER_AT_LEAST = "number_at_least"
    SUPPLEMENT_DAYS_MIN = "supplement_days_min"
    DEADLINE_KIND_UNKNOWN = "deadline_kind_unknown"
    DAYS_ONLY_SUPPLEMENT = "days_only_supplement"
    URGENT_ONLY_INTERVIEW = "urgent_only_interview"
    WARNING_DAYS = "warning_days"
    TIME_AWARE = "time_aware"
    BENEFIT_CODE_UNKNOWN = "benefit_code_unknown"
    PERIOD_END_BEFORE_START = "period_end_before_start"
    PERIOD_TOO_LONG = "period_too_long"
    AMOUNT_EXACT = "amount_exact"
    AMOUNT_NOT_NUMBER = "amount_not_number"
    AMOUNT_NOT_NEGATIVE = "amount_not_negative"
    VALUE_TRUE_FALSE = "value_true_false"
    INCOME_ITEM_TYPE = "income_item_type"
    INCOME_KIND_EMPTY = "income_kind_empty"
    MEMBER_TYPE = "member_type"
    AGE_RANGE = "age_range"
    SEX_UNKNOWN = "sex_unknown"
    INCOMES_LIST = "incomes_list"
    PERCENT_EXACT = "percent_exact"
    PARAMETER_MISSING = "parameter_missing"
    USERNAME_LENGTH = "username_length"
    ROLES_UNKNOWN = "roles_unknown"
    PASSWORD_TOO_SHORT = "password_too_short"
    TOO_MANY_ATTEMPTS = "too_many_attempts"
    # Rules of a decision and of the facts (a Violation's words): rule.<violation code>.
    RULE_DATE_IN_FUTURE = "rule.date_in_future"
    RULE_INTERVIEW_BEFORE_APPLICATION = "rule.interview_before_application"
    RULE_REQUEST_BEFORE_APPLICATION = "rule.request_before_application"
    RULE_SUPPLEMENT_BEFORE_REQUEST = "rule.supplement_before_request"
    RULE_DELIVERY_BEFORE_ISSUE = "rule.delivery_before_issue"
    RULE_APPEAL_BEFORE_ISSUE = "rule.appeal_before_issue"
    RULE_WAIVER_BEFORE_DELIVERY = "rule.waiver_before_delivery"
    RULE_COMPLETE_WITH_MISSING_ITEMS = "rule.complete_with_missing_items"
    RULE_INCOMPLETE_WITHOUT_MISSING_ITEMS = "rule.incomplete_without_missing_items"
    RULE_MEMBER_UNKNOWN = "rule.member_unknown"
    RULE_MEMBER_REPEATED = "rule.member_repeated"
    RULE_MEMBER_MISSING = "rule.member_missing"
    RULE_APPEAL_LATE_NO_SELF_CORRECTION = "rule.appeal_late_no_self_correction"
    RULE_SELF_CORRECTION_AFTER_7_DAYS = "rule.self_correction_after_7_days"
    RULE_SELF_CORRECTION_NOT_IN_FULL = "rule.self_correction_not_in_full"
    RULE_SELF_CORRECTION_NOT_IN_FULL_REFUSAL = "rule.self_correction_not_in_full.refusal"
    RULE_SELF_CORRECTION_NOT_IN_FULL_AMOUNT = "rule.self_correction_not_in_full.amount"
    RULE_SELF_CORRECTION_NOT_IN_FULL_FROM = "rule.self_correction_not_in_full.from"
    RULE_SELF_CORRECTION_NOT_IN_FULL_UNTIL = "rule.self_correction_not_in_full.until"
    RULE_DECISION_KIND_UNKNOWN = "rule.decision_kind_unknown"
    RULE_JUSTIFICATION_REQUIRED = "rule.justification_required"
    RULE_ENFORCEMENT_REASON_REQUIRED = "rule.enforcement_reason_required"
    RULE_ELIGIBILITY_MISSING = "rule.eligibility_missing"
    RULE_NOT_ELIGIBLE = "rule.not_eligible"
    RULE_AMOUNT_REQUIRED = "rule.amount_required"
    RULE_AMOUNT_OUT_OF_RANGE = "rule.amount_out_of_range"
    RULE_AMOUNT_REASON_REQUIRED = "rule.amount_reason_required"
    RULE_PERIOD_START_REQUIRED = "rule.period_start_required"
    RULE_PERIOD_BEFORE_FIRST_MONTH = "rule.period_before_first_month"
    RULE_PERIOD_END_REQUIRED = "rule.period_end_required"
    RULE_PERIOD_END_REQUIRED_FAMILY = "rule.period_end_required.family"
    RULE_PERIOD_BEYOND_BENEFIT_PERIOD = "rule.period_beyond_benefit_period"
    RULE_PERIOD_REVERSED = "rule.period_reversed"
    RULE_PURPOSE_REQUIRED = "rule.purpose_required"
    RULE_PAYMENT_DATE_REQUIRED = "rule.payment_date_required"
    RULE_ONE_OFF_HAS_PERIOD = "rule.one_off_has_period"
    # Service errors that were English text (issue 14, part 5).
    USER_DATA_INVALID = "user_data_invalid"
    USER_EXISTS = "user_exists"
    CASE_FILE_ROLE = "case_file_role"
    CASE_LIST_ROLE = "case_list_role"
    CASE_NOT_FOUND = "case_not_found"
    DECISION_NO_DOCUMENT_IN_CASE = "decision_no_document_in_case"
    APPLICATION_ROLE = "application_role"
    CHAIN_CARRY_INVALID = "chain_carry_invalid"
    CHAIN_NEXT_INVALID = "chain_next_invalid"
    CHAIN_TOO_LONG = "chain_too_long"
    CHAIN_START_FAILED = "chain_start_failed"
    DIAGRAM_NOT_IN_VERSION = "diagram_not_in_version"
    FILE_TOO_LARGE = "file_too_large"
    FILE_NOT_BPMN = "file_not_bpmn"
    FILE_TYPE = "file_type"
    ZIP_NO_BPMN = "zip_no_bpmn"
    FORM_NOT_OBJECT = "form_not_object"
    FILE_NOT_ZIP = "file_not_zip"
    ZIP_BAD_PATH = "zip_bad_path"
    FORM_SCHEMA_INVALID = "form_schema_invalid"
    VERSION_SUPERSEDED = "version_superseded"
    FORM_NOT_JSON = "form_not_json"
    NO_DEFINITION = "no_definition"
    DEFINITION_NOT_FOUND = "definition_not_found"
    DOCUMENT_NOT_FOUND = "document_not_found"
    DOCUMENT_CORRUPTED = "document_corrupted"
    INCIDENT_ROLE = "incident_role"
    INSTANCE_NOT_FOUND = "instance_not_found"
    NO_INCIDENT = "no_incident"
    DECISION_UNLAWFUL_NOT_ISSUED = "decision_unlawful_not_issued"
    DECISION_NO_OFFICE = "decision_no_office"
    DECISION_NO_AUTHORISATION = "decision_no_authorisation"
    DECISION_PERIOD_REVERSED = "decision_period_reversed"
    JOBS_ROLE = "jobs_role"
    JOB_RETRY_ROLE = "job_retry_role"
    JOB_NOT_FOUND = "job_not_found"
    JOB_DONE = "job_done"
    OFFICE_MISSING = "office_missing"
    OFFICE_NOT_CONFIGURED = "office_not_configured"
    LETTER_ROLE = "letter_role"
    VERSIONS_INVALID = "versions_invalid"
    POSITIVE_INTEGER = "positive_integer"
    VERSION_NOT_FOUND = "version_not_found"
    MIGRATION_ROLE = "migration_role"
    MIGRATION_NOT_NEWER = "migration_not_newer"
    NEWER_THAN_SOURCE = "newer_than_source"
    ELEMENT_ID_INVALID = "element_id_invalid"
    ELEMENT_ID_EXPECTED = "element_id_expected"
    DRY_RUN_INVALID = "dry_run_invalid"
    TRUE_OR_FALSE = "true_or_false"
    OFFICE_ROLE = "office_role"
    USERNAME_NOT_FOUND = "username_not_found"
    AUTHORISATION_NOT_FOUND = "authorisation_not_found"
    PAYMENT_EXPORT_ROLE = "payments.export_role"
    PAYMENT_LIST_NOT_FOUND = "payments.list_not_found"
    PAYMENT_APPROVE_ROLE = "payments.approve_role"
    PAYMENT_RUN_ROLE = "payments.run_role"
    PAYMENT_SETTLE_ROLE = "payments.settle_role"
    RECOVERY_NOT_FOUND = "recovery_not_found"
    DECISION_NOT_FOUND = "decision_not_found"
    DECISION_NO_DOCUMENT = "decision_no_document"
    DOCUMENT_HASH_MISMATCH = "document_hash_mismatch"
    REGISTER_CHANGE_ROLE = "register_change_role"
    REGISTER_READ_ROLE = "register_read_role"
    SEARCH_ROLE = "search_role"
    NO_DRAFT_TO_APPROVE = "no_draft_to_approve"
    TASK_ROLE = "task_role"
    SCOPE_UNKNOWN = "scope_unknown"
    SCOPE_EXPECTED = "scope_expected"
    TASK_NOT_FOUND = "task_not_found"
    REASSIGN_ROLE = "reassign_role"
    TASK_OTHER_ROLE = "task_other_role"
    TASK_NOT_OPEN = "task_not_open"
    TASK_CLAIM_ROLE = "task_claim_role"
    TASK_TAKEN = "task_taken"
    TASK_RELEASE_OWN = "task_release_own"
    USER_UNKNOWN = "user_unknown"
    USER_ID_UNKNOWN = "user_id_unknown"
    ROLE_WRONG = "role_wrong"
    USER_NOT_ROLE = "user_not_role"
    TASK_CLOSED = "task_closed"
    TASK_CHANGED = "task_changed"
    TASK_COMPLETE_ROLE = "task_complete_role"
    TASK_ASSIGNED_ELSEWHERE = "task_assigned_elsewhere"
    FOUR_EYES = "four_eyes"
    TASK_GONE = "task_gone"


@dataclass(frozen=True)
class Template:
    """The Polish template (the msgid) and its English translation, with ``%(name)s`` parameters."""

    pl: str
    en: str


CATALOGUE: dict[Code, Template] = {
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
    # Deploy problems: the modeler shows each beside the element it names, so the text speaks
    # of "this task/element" and names only what the element itself does not show.
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
    Code.DEPLOY_DEFINITION_INVALID: Template(
        N_("Definicja procesu jest niepoprawna: %(detail)s"),
        "The process definition is invalid: %(detail)s"),
    Code.DEPLOY_XML_TOO_LARGE: Template(
        N_("BPMN jest za duży (rozmiar w bajtach: %(size)s, limit: %(limit)s)."),
        "The BPMN is too large (%(size)s bytes, the limit is %(limit)s)."),
    Code.DEPLOY_XML_ENTITIES: Template(
        N_("Deklaracje DOCTYPE i encji są w plikach BPMN niedozwolone (%(reason)s)."),
        "DOCTYPE and entity declarations are not allowed in BPMN files (%(reason)s)."),
    Code.DEPLOY_BPMN_INVALID: Template(
        N_("Diagram nie spełnia wymagań BPMN: %(detail)s"),
        "The diagram is not valid BPMN: %(detail)s"),
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
        N_("Żadna wydana decyzja w sprawie nie zawiera pouczenia o obowiązku informowania o zmianach "
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
        N_("Wypłata nr %(payment)s nastąpiła, zanim strona dowiedziała się o obowiązku informowania o "
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
        N_("Listę wypłat zatwierdza inna osoba niż ta, która ją naliczyła (zasada dwóch par oczu)."),
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
        "A late appeal goes to the SKO (art. 134 KPA); the centre does not change its decision on it."),
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
        "The appeal was late and the deadline was not restored: the SKO declares it late (art. 134 KPA)."),
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
    # Service errors that were English text (issue 14, part 5).
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
    # Rules of a decision and of the facts (a Violation's words): rule.<violation code>.
    Code.RULE_DATE_IN_FUTURE: Template(
        N_("Data %(date)s jest w przyszłości (dziś jest %(today)s) (%(article)s)."),
        "The date %(date)s is in the future (today is %(today)s) (%(article)s)."),
    Code.RULE_INTERVIEW_BEFORE_APPLICATION: Template(
        N_("Wywiad (%(interview_on)s) nie może poprzedzać wniosku (%(received_on)s) (%(article)s)."),
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
        "Member number %(member_index)s has no row; give one row per household member (%(article)s)."),
    Code.RULE_APPEAL_LATE_NO_SELF_CORRECTION: Template(
        N_("Odwołanie wniesione po terminie przekazuje się do SKO; organ nie zmienia na nie"
           " swojej decyzji (%(article)s)."),
        "A late appeal goes to the SKO; the centre does not change its decision on it (%(article)s)."),
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
        N_("Odmowa i przyznanie w części wymagają uzasadnienia faktycznego i prawnego (%(article)s)."),
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
        N_("Kwota inna niż wyliczona (%(computed)s zł) wymaga pisemnego uzasadnienia (%(article)s)."),
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

# Every ``Problem.code`` a deploy check reports (lint, compiler, contract, rehearsal), with the
# variants some have (``code.variant``: the params' ``unknown_functions``, else their ``reason``).
PROBLEM_CODES: dict[str, Code] = {
    code.value.removeprefix("deploy."): code for code in Code if code.value.startswith("deploy.")
}


def problem_code(code: str, params: Mapping[str, object]) -> Code | None:
    """The catalogue code of a deploy problem (its variant first), or None for an unknown one."""
    variant = "unknown_functions" if "unknown_functions" in params else params.get("reason")
    return PROBLEM_CODES.get(f"{code}.{variant}") or PROBLEM_CODES.get(code)


_PLACEHOLDER = re.compile(r"%\((\w+)\)s")


def placeholders(template: str) -> set[str]:
    """The named parameters a template uses."""
    return set(_PLACEHOLDER.findall(template))


class Msg(str):
    """A message for a person: a code with parameters; as a ``str``, its English text."""

    code: Code
    params: Mapping[str, object]

    def __new__(cls, code: Code, params: Mapping[str, object]) -> Msg:
        """Use :func:`msg`."""
        template = CATALOGUE[code].en
        self = super().__new__(cls, template % params if params else template)
        self.code = code
        self.params = dict(params)
        return self

    def __getnewargs__(self) -> tuple[Code, Mapping[str, object]]:  # type: ignore[override]
        """Copies and pickles are rebuilt from the code, not from the English text."""
        return self.code, self.params

    def as_dict(self) -> dict[str, object]:
        """The JSON form of the code, for API bodies."""
        return {"code": str(self.code), "params": dict(self.params)}


def msg(code: Code, **params: str | int) -> Msg:
    """The message ``code`` with its parameters (text or numbers, never personal data)."""
    return Msg(code, params)
