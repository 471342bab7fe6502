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
from .debtors import DebtorDue, DebtorProcedure, DebtorReceipt, DebtorStep
from .documents import Document, DocumentImmutable, OfficeSettings, SignerAuthorisation
from .health import Heartbeat
from .lifecycle import Appeal, DecisionEvent
from .niebieska_karta import NkEvent, NkMember, NkProcedure
from .payments import Payment, PaymentExport, PaymentList, PaymentScheduleItem
from .people import Household, HouseholdMember, Income, Person, PersonChange
from .provision import CareFeeTable, ProvisionScope
from .recovery import (
    Recovery,
    RecoveryDecision,
    RecoveryDeduction,
    RecoveryInstalment,
    RecoveryItem,
    RecoveryRepayment,
)
from .social_work import (
    SocialContract,
    SocialContractStage,
    SocialWorkEntry,
    SocialWorkGoal,
    SocialWorkMember,
    SocialWorkRecord,
)
from .users import ApiToken, User, UserRole
from .workflow import HumanTask, Job, ProcessDefinition, ProcessInstance

__all__ = [
    "NkEvent", "NkMember", "NkProcedure",
    "ApiToken", "Application", "AuditEvent", "Base", "Case", "CaseNumberSequence", "Decision",
    "DecisionNumberSequence", "EligibilityResult", "Household", "HouseholdMember", "HumanTask",
    "Income", "Interview", "Job",
    "Payment", "PaymentExport", "PaymentList", "PaymentScheduleItem", "Person", "PersonChange",
    "ProcessDefinition",
    "ProcessInstance", "User", "UserRole",
    "Heartbeat",
    "Recovery", "RecoveryDecision", "RecoveryDeduction", "RecoveryInstalment", "RecoveryItem",
    "RecoveryRepayment",
    "Document", "DocumentImmutable", "OfficeSettings", "SignerAuthorisation",
    "Appeal", "DecisionEvent",
    "DebtorDue", "DebtorProcedure", "DebtorReceipt", "DebtorStep",
    "CareFeeTable", "ProvisionScope",
    "SocialContract", "SocialContractStage", "SocialWorkEntry", "SocialWorkGoal",
    "SocialWorkMember", "SocialWorkRecord",
]
