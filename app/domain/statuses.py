"""The statuses a case, its decisions, payments, recoveries and workflow rows go through.

Each status column holds exactly the values of its enum: the schema checks it (a CHECK
constraint per column, see ``persistence.models.base.status_check``), and the code compares
and assigns the members, never string literals. A ``StrEnum`` member equals its value, so
rows read back as plain strings compare equal to the members.

Values marked *legacy* were written by earlier versions and may still be held by rows; the
code reads them but no longer writes them.
"""

from __future__ import annotations

from enum import StrEnum


class CaseStatus(StrEnum):
    """A case is open until its process completes."""

    OPEN = "open"
    CLOSED = "closed"


class CaseKind(StrEnum):
    """Opened on an application (wniosek) or ex officio to change a running grant."""

    APPLICATION = "application"
    CHANGE = "change"
    # The FA debtor procedure of the debtor's centre (art. 3-5 of the act of 7 Sep 2007), opened
    # on the creditor centre's request or ex officio; no application, no decision on a benefit.
    DEBTOR = "debtor"


class InstanceStatus(StrEnum):
    """A process instance: running, completed, or stopped by an error (an incident)."""

    RUNNING = "running"
    COMPLETED = "completed"
    ERROR = "error"


class TaskStatus(StrEnum):
    """A human task in the worklist mirror."""

    READY = "ready"
    COMPLETED = "completed"
    CANCELLED = "cancelled"


class JobStatus(StrEnum):
    """A background job run by a worker."""

    PENDING = "pending"
    DONE = "done"
    FAILED = "failed"


class DecisionStatus(StrEnum):
    """An administrative decision, from draft to finality (or its change or quashing)."""

    DRAFT = "draft"
    RETURNED = "returned"
    APPROVED = "approved"
    ISSUED = "issued"
    FINAL = "final"
    APPEALED = "appealed"
    CHANGED = "changed"
    QUASHED = "quashed"
    # Legacy: labelled on the pages, never written by this version.
    DELIVERED = "delivered"
    CANCELLED = "cancelled"


class ScheduleItemStatus(StrEnum):
    """One benefit month of a payment schedule."""

    PLANNED = "planned"
    SCHEDULED = "scheduled"
    SUSPENDED = "suspended"
    CANCELLED = "cancelled"


class PaymentListStatus(StrEnum):
    """A payment list: a draft the runs add to, then approved (closed)."""

    DRAFT = "draft"
    APPROVED = "approved"
    # Legacy: the first payments version marked an exported list.
    EXPORTED = "exported"


class PaymentStatus(StrEnum):
    """A payment: pending on a draft list, approved with the list, then settled."""

    PENDING = "pending"
    APPROVED = "approved"
    PAID = "paid"
    RETURNED = "returned"
    # Legacy: read by the recovery and deduction queries, never written by this version.
    DRAFT = "draft"
    EXPORTED = "exported"


class RecoveryStatus(StrEnum):
    """A finding of undue benefits: found, then decided (a recovery decision issued)."""

    FOUND = "found"
    DECIDED = "decided"


class RecoveryDecisionStatus(StrEnum):
    """A decision on a debt: drafted, then issued after the four-eyes approval."""

    DRAFT = "draft"
    ISSUED = "issued"


class DecisionKind(StrEnum):
    """What a benefit decision rules: a grant, a grant in part, or a refusal."""

    GRANT = "grant"
    PARTIAL = "partial"
    REFUSAL = "refusal"


class RecoveryDecisionKind(StrEnum):
    """A decision on a debt: its recovery, or relief (write-off, deferral, instalments)."""

    RECOVERY = "recovery"
    WRITE_OFF = "write_off"
    DEFERRAL = "deferral"
    INSTALMENTS = "instalments"


# Every enum above, so the pages can compare with the members too (as template globals).
ALL: tuple[type[StrEnum], ...] = (
    CaseStatus, CaseKind, InstanceStatus, TaskStatus, JobStatus, DecisionStatus, ScheduleItemStatus,
    PaymentListStatus, PaymentStatus, RecoveryStatus, RecoveryDecisionStatus, DecisionKind,
    RecoveryDecisionKind,
)
