"""All models, importable from one place (Alembic autogenerate needs them registered)."""

from .base import Base
from .cases import (
    Application,
    AuditEvent,
    Case,
    CaseNumberSequence,
    Decision,
    DecisionNumberSequence,
    EligibilityResult,
    Interview,
)
from .lifecycle import Appeal, DecisionEvent
from .payments import Payment, PaymentList, PaymentScheduleItem
from .people import Household, HouseholdMember, Income, Person, PersonChange
from .users import ApiToken, User, UserRole
from .workflow import HumanTask, Job, ProcessDefinition, ProcessInstance

__all__ = [
    "ApiToken", "Application", "AuditEvent", "Base", "Case", "CaseNumberSequence", "Decision",
    "DecisionNumberSequence", "EligibilityResult", "Household", "HouseholdMember", "HumanTask",
    "Income", "Interview", "Job",
    "Payment", "PaymentList", "PaymentScheduleItem", "Person", "PersonChange", "ProcessDefinition",
    "ProcessInstance", "User", "UserRole",
    "Appeal", "DecisionEvent",
]
