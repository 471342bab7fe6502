"""The worklist: listing, claiming, assigning and completing human tasks."""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from typing import Any

from jsonschema import Draft202012Validator
from sqlalchemy import or_, select

from app.domain.benefits import forms as benefit_forms
from app.domain.messages import Code, msg
from app.domain.statuses import InstanceStatus, JobStatus, TaskStatus
from app.persistence.models import Case, HumanTask, Job, ProcessInstance, User
from app.services.kernel import audit
from app.services.kernel.context import Actor, ServiceContext, UnitOfWork
from app.services.kernel.errors import Conflict, Forbidden, NotFound, ServiceError, ValidationFailed
from app.services.kernel.failures import workflow_failed
from app.services.kernel.json_input import text_problem
from app.services.kernel.schema_errors import field_errors, form_validator
from app.services.workflow.instances import apply_snapshot, lock_instance_of_task
from app.services.workflow.registry import REGISTRY
from app.services.workflow.task_views import (
    NextStep,
    TaskCompletion,
    TaskForm,
    TaskSummary,
    TaskView,
    task_summary,
)
from app.services.workflow.versions import definition_ref, forms_of
from app.workflow_engine import ScriptError, TaskNotReady


def _ensure_case_role(actor: Actor) -> None:
    if not actor.has_case_role:
        raise Forbidden(msg(Code.TASK_ROLE))


def list_tasks(ctx: ServiceContext, actor: Actor, scope: str = "mine") -> list[TaskSummary]:
    """Ready tasks: `mine` (assigned to me), `team` (my roles' unassigned and assigned tasks)."""
    _ensure_case_role(actor)
    if scope not in ("mine", "team"):
        raise ValidationFailed(msg(Code.SCOPE_UNKNOWN), {"scope": msg(Code.SCOPE_EXPECTED)})
    with ctx.uow(readonly=True) as uow:
        stmt = select(HumanTask).where(HumanTask.status == TaskStatus.READY)
        if scope == "mine":
            stmt = stmt.where(
                or_(
                    HumanTask.assignee_id == actor.id,
                    # Unassigned tasks of my role that I can pick up straight away.
                    (HumanTask.assignee_id.is_(None)) & HumanTask.role.in_(actor.roles),
                )
            )
        elif not actor.has("supervisor"):
            stmt = stmt.where(HumanTask.role.in_(actor.roles))
        stmt = stmt.order_by(HumanTask.due_on.is_(None), HumanTask.due_on, HumanTask.id).limit(500)
        return [task_summary(t) for t in uow.session.scalars(stmt)]


def _task(uow: UnitOfWork, task_id: int) -> HumanTask:
    ht = uow.session.get(HumanTask, task_id, populate_existing=True)
    if ht is None:
        raise NotFound(msg(Code.TASK_NOT_FOUND, task_id=task_id))
    return ht


def _may_see(actor: Actor, ht: HumanTask) -> bool:
    return actor.has("supervisor") or ht.role in actor.roles


# A dict: a deployed form's JSON Schema (any keyword a diagram's author wrote), shaped by benefit.
def form_schema(uow: UnitOfWork, definition_id: int, form: str,
                benefit: str | None) -> dict[str, Any] | None:
    """A task's form as it applies to its case's benefit (the fields that do not apply to the
    benefit left out, :mod:`app.domain.benefits.forms`): what the page shows and the service
    validates. None when the definition has no such form."""
    schema = forms_of(uow, definition_id).get(form)
    if schema is None:
        return None
    return benefit_forms.shape(schema, benefit, form)


def get_task(ctx: ServiceContext, actor: Actor, task_id: int) -> TaskView:
    """A task with its form schema (as it applies to the case's benefit) and current data."""
    with ctx.uow(readonly=True) as uow:
        return task_view(uow, *visible_task(uow, actor, task_id))


def visible_task(uow: UnitOfWork, actor: Actor, task_id: int) -> tuple[HumanTask, int, str | None]:
    """The task, its instance's definition and its case's benefit, if ``actor`` may see the
    task (one statement, in the caller's unit of work)."""
    _ensure_case_role(actor)
    found = uow.session.execute(
        select(HumanTask, ProcessInstance.definition_id, Case.benefit)
        .join(ProcessInstance, ProcessInstance.id == HumanTask.instance_id)
        .join(Case, Case.id == ProcessInstance.case_id)
        .where(HumanTask.id == task_id).execution_options(populate_existing=True)).first()
    if found is None:
        raise NotFound(msg(Code.TASK_NOT_FOUND, task_id=task_id))
    ht, definition_id, benefit = found
    if not _may_see(actor, ht):
        raise Forbidden(msg(Code.TASK_OTHER_ROLE))
    return ht, definition_id, benefit


def task_view(uow: UnitOfWork, ht: HumanTask, definition_id: int, benefit: str | None) -> TaskView:
    """A task with its form schema (as it applies to the case's benefit), current data and
    context (in the caller's unit of work)."""
    schema = form_schema(uow, definition_id, ht.form, benefit) or {}
    context = REGISTRY.form_context(uow, ht)
    return TaskView(**vars(task_summary(ht)), schema=schema, data=ht.form_data, result=ht.result,
                    context=context)


def is_mine(actor: Actor, task: TaskSummary) -> bool:
    """A ready task this user does next: assigned to them, or unassigned and of their role."""
    return task.assignee_id == actor.id or (task.assignee_id is None and task.role in actor.roles)


def next_step(ctx: ServiceContext, actor: Actor, case_id: int) -> NextStep:
    """What follows on a case for ``actor`` now: their next ready task, whether a background
    step is still running (a pending job: the next task appears when it is done) or failed,
    and the ready tasks that are someone else's. Reads the worklist mirror and the jobs only
    (no case data)."""
    _ensure_case_role(actor)
    with ctx.uow(readonly=True) as uow:
        ready = [task_summary(t) for t in uow.session.scalars(
            select(HumanTask).where(HumanTask.case_id == case_id,
                                    HumanTask.status == TaskStatus.READY)
            .order_by(HumanTask.due_on.is_(None), HumanTask.due_on, HumanTask.id))]
        statuses = set(uow.session.scalars(
            select(Job.status).where(Job.case_id == case_id,
                                     Job.status.in_((JobStatus.PENDING, JobStatus.FAILED)))))
    visible = [t for t in ready if actor.has("supervisor") or t.role in actor.roles
               or t.assignee_id == actor.id]
    mine = next((t for t in visible if is_mine(actor, t)), None)
    return NextStep(case_id=case_id, mine=mine, running=JobStatus.PENDING in statuses,
                    failed=JobStatus.FAILED in statuses,
                    others=tuple(t for t in ready if t is not mine))


def task_form(ctx: ServiceContext, actor: Actor, task_id: int) -> TaskForm:
    """A task's identity and form schema, read in one short transaction."""
    with ctx.uow(readonly=True) as uow:
        ht, definition_id, benefit = visible_task(uow, actor, task_id)
        return TaskForm(id=ht.id, case_id=ht.case_id, name=ht.name, title_pl=ht.title_pl,
                        title_en=ht.title_en, status=ht.status, version=ht.version,
                        schema=form_schema(uow, definition_id, ht.form, benefit) or {})


def claim(ctx: ServiceContext, actor: Actor, task_id: int) -> TaskSummary:
    """Take an unassigned task of one's role."""
    _ensure_case_role(actor)
    with ctx.uow() as uow:
        ht = _task(uow, task_id)
        if ht.status != TaskStatus.READY:
            raise Conflict(msg(Code.TASK_NOT_OPEN))
        if ht.role not in actor.roles:
            raise Forbidden(msg(Code.TASK_CLAIM_ROLE, role=ht.role))
        if ht.assignee_id not in (None, actor.id):
            raise Conflict(msg(Code.TASK_TAKEN))
        ht.assignee_id = actor.id
        ht.version += 1
        audit.record(uow, "task.claimed", actor.id, ht.case_id, task_id=ht.id)
        uow.commit()
        return task_summary(ht)


def unclaim(ctx: ServiceContext, actor: Actor, task_id: int) -> TaskSummary:
    """Return one's task to the team queue (a supervisor may unclaim anyone's)."""
    _ensure_case_role(actor)
    with ctx.uow() as uow:
        ht = _task(uow, task_id)
        if ht.status != TaskStatus.READY:
            raise Conflict(msg(Code.TASK_NOT_OPEN))
        if ht.assignee_id != actor.id and not actor.has("supervisor"):
            raise Forbidden(msg(Code.TASK_RELEASE_OWN))
        ht.assignee_id = None
        ht.version += 1
        audit.record(uow, "task.unclaimed", actor.id, ht.case_id, task_id=ht.id)
        uow.commit()
        return task_summary(ht)


def assign(ctx: ServiceContext, actor: Actor, task_id: int, user_id: int) -> TaskSummary:
    """Supervisor reassigns a task to a user holding the task's role."""
    if not actor.has("supervisor"):
        raise Forbidden(msg(Code.REASSIGN_ROLE))
    with ctx.uow() as uow:
        ht = _task(uow, task_id)
        if ht.status != TaskStatus.READY:
            raise Conflict(msg(Code.TASK_NOT_OPEN))
        # An id beyond the database's integer range names nobody (and must not reach the query).
        user = uow.session.get(User, user_id) if 0 < user_id <= 2**31 - 1 else None
        if user is None or not user.is_active:
            raise ValidationFailed(msg(Code.USER_UNKNOWN), {"user_id": msg(Code.USER_ID_UNKNOWN)})
        if ht.role not in user.role_names:
            raise ValidationFailed(msg(Code.ROLE_WRONG), {"user_id": msg(Code.USER_NOT_ROLE, role=ht.role)})
        ht.assignee_id = user_id
        ht.version += 1
        audit.record(uow, "task.assigned", actor.id, ht.case_id, task_id=ht.id, to=user_id)
        uow.commit()
        return task_summary(ht)


# Compiled validators, one per form of a deployed version and benefit. The key holds the
# version's forms mapping itself (as read once per process, :func:`forms_of`), compared by
# identity: a version's forms never change, and a validator never outlives the mapping it was
# built from (another database or a re-read gets its own).
_VALIDATORS: dict[tuple[int, str, str], tuple[Mapping[str, Any], Draft202012Validator]] = {}


def validate_form(uow: UnitOfWork, definition_id: int, ht: HumanTask, data: Any,
                  case: Case | None = None) -> str | None:
    """Validate submitted data against the task's JSON Schema as it applies to the case's
    benefit; 422 with field errors. A field that does not apply to the benefit is dropped from
    ``data`` (in place): neither required nor kept. Returns the benefit (None when the form is
    the same for every benefit)."""
    form = ht.form or ""
    if not isinstance(data, dict):
        raise ValidationFailed(msg(Code.FORM_DATA_EXPECTED), {"data": msg(Code.OBJECT_EXPECTED)})
    if not benefit_forms.shaped(form):
        benefit = None
    elif case is not None:
        benefit = case.benefit
    else:
        benefit = uow.session.scalar(select(Case.benefit).where(Case.id == ht.case_id))
    forms = forms_of(uow, definition_id)
    key = (id(forms), form, benefit or "")
    cached = _VALIDATORS.get(key)
    schema = form_schema(uow, definition_id, form, benefit)
    if schema is None:
        raise ServiceError(msg(Code.FORM_MISSING, form=form))
    benefit_forms.keep_applying(data, benefit, form)
    if cached is not None and cached[0] is forms:
        validator = cached[1]
    else:
        validator = form_validator(schema)  # strict dates, bounded amounts, no remote $ref
        _VALIDATORS[key] = (forms, validator)
    hygiene: dict[str, str] = {}
    _clean_strings(data, "", (schema.get("properties") or {}), hygiene)
    errors = {**field_errors(validator.iter_errors(data)), **hygiene}
    if errors:
        raise ValidationFailed(msg(Code.FORM_INVALID), errors)
    return benefit


def _schema(value: Any) -> Mapping[str, Any]:
    """A JSON Schema node, read (free JSON by nature: a mapping of its keywords)."""
    return value if isinstance(value, dict) else {}


def _clean_strings(node: dict[str, Any] | list[Any], path: str, props: Mapping[str, Any],
                   errors: dict[str, str]) -> None:
    """Every text of a submission in NFC, in place, and checked like any other free text: a
    textarea (``x-widget: textarea``) may hold line breaks, a one-line field may not. ``props``
    are the JSON Schema properties of ``node`` (of its items, for a list)."""
    pairs: list[tuple[Any, Any, str, Mapping[str, Any]]]
    if isinstance(node, dict):
        pairs = [(k, v, f"{path}.{k}" if path else str(k), _schema(props.get(k)))
                 for k, v in node.items()]
    else:
        pairs = [(i, v, f"{path}[{i}]", {"properties": props}) for i, v in enumerate(node)]
    for k, v, sub, prop in pairs:
        if isinstance(v, str):
            text = unicodedata.normalize("NFC", v)
            one_line = isinstance(node, dict) and prop.get("type") == "string" \
                and prop.get("x-widget") != "textarea"
            problem = text_problem(text, "line" if one_line else "multiline")
            if problem is not None:
                errors.setdefault(sub, problem)
            node[k] = text
        elif isinstance(v, dict):
            _clean_strings(v, sub, prop.get("properties") or {}, errors)
        elif isinstance(v, list):
            _clean_strings(v, sub, _schema(prop.get("items")).get("properties") or {}, errors)


# A dict: form data for the engine, keyed by the form's fields.
def workflow_fields(uow: UnitOfWork, definition_id: int, form: str, data: dict[str, Any],
                    benefit: str | None = None) -> dict[str, Any]:
    """The part of a submission the workflow sees (form data: free JSON, so a dict).

    Free text (``x-widget: textarea``) and lists (e.g. verified incomes) are case records: they
    are kept in the case tables and the task's result, not copied into the workflow state, which
    keeps personal narrative out of it and the state small. BPMN routes only on the rest.
    """
    props = (forms_of(uow, definition_id).get(form) or {}).get("properties") or {}

    def routed(name: str) -> bool:
        return props.get(name, {}).get("x-widget") != "textarea" \
            and props.get(name, {}).get("type") != "array"

    out = {k: v for k, v in data.items() if routed(k)}
    # A field that does not apply to the benefit is not kept, but the diagram may still read
    # its variable (a one-off's period end): it is there, empty.
    for name in benefit_forms.left_out(benefit, form):
        if name in props and routed(name):
            out.setdefault(name, None)
    return out


def check(ctx: ServiceContext, actor: Actor, task_id: int, data: Any) -> dict[str, str]:
    """What the service would refuse in a submission, without saving anything.

    The page asks this when its own form conversion already found errors, so that every error
    (the form's and the rules') shows at once. It runs the schema and the case rules of the
    task in a transaction that is always rolled back; it advances nothing.
    """
    _ensure_case_role(actor)
    with ctx.uow() as uow:
        ht = _task(uow, task_id)
        if ht.status != TaskStatus.READY or ht.role not in actor.roles:
            return {}
        instance = uow.session.get(ProcessInstance, ht.instance_id)
        assert instance is not None
        errors: dict[str, str] = {}
        try:
            validate_form(uow, instance.definition_id, ht, data)
        except ValidationFailed as exc:
            errors.update(exc.errors)
        try:
            # The rules of the case, even where the schema already found a field missing: the
            # page shows them all at once. Data that failed the schema may trip a hook in other
            # ways; that says nothing new, so it is ignored (the real submit reports it).
            REGISTRY.before_complete(uow, actor, instance, ht, data)
        except ValidationFailed as exc:
            errors.update(exc.errors)
        except Exception:  # noqa: BLE001 - a dry run on data known to be incomplete
            pass
        finally:
            uow.session.rollback()
        return errors


def complete(
    ctx: ServiceContext, actor: Actor, task_id: int, data: Any, version: int | None
) -> TaskCompletion:
    """Complete a task: validate, enforce roles and four-eyes, advance the workflow once."""
    _ensure_case_role(actor)
    with ctx.uow() as uow:
        # One writer per instance: lock first, then read the task fresh.
        instance = lock_instance_of_task(uow, task_id)
        ht = _task(uow, task_id)
        if ht.status != TaskStatus.READY:
            raise Conflict(msg(Code.TASK_CLOSED),
                           current_version=ht.version)
        if version is not None and version != ht.version:
            raise Conflict(msg(Code.TASK_CHANGED),
                           current_version=ht.version)
        if ht.role not in actor.roles:
            raise Forbidden(msg(Code.TASK_COMPLETE_ROLE, role=ht.role))
        required = REGISTRY.actions.get(ht.action or "")
        if required is not None and required.role and required.role not in actor.roles:
            # The approving action belongs to a supervisor, whatever lane the diagram drew.
            raise Forbidden(msg(Code.TASK_COMPLETE_ROLE, role=required.role))
        if ht.assignee_id not in (None, actor.id):
            raise Forbidden(msg(Code.TASK_ASSIGNED_ELSEWHERE))
        # The four-eyes rule comes with the action (approving a draft), so a diagram that drops
        # its `four_eyes_of` property cannot switch it off; the property may add more pairs.
        rule = REGISTRY.actions.get(ht.action or "")
        other_task = ht.four_eyes_of
        other_action = rule.four_eyes_of if rule is not None else None
        if other_task or other_action:
            drafted_by = uow.session.scalars(
                select(HumanTask.completed_by_id).where(
                    HumanTask.instance_id == instance.id, HumanTask.status == TaskStatus.COMPLETED,
                    or_(HumanTask.name == (other_task or ""), HumanTask.action == (other_action or "")),
                ).order_by(HumanTask.id.desc())
            ).first()
            if drafted_by == actor.id:
                raise Forbidden(msg(Code.FOUR_EYES))
        # A form shaped by the benefit needs the case: read whole and kept for the transaction,
        # so the action and the snapshot read it from the session, not again.
        case = uow.keep(uow.session.get(Case, ht.case_id)) \
            if benefit_forms.shaped(ht.form or "") else None
        benefit = validate_form(uow, instance.definition_id, ht, data, case)
        REGISTRY.before_complete(uow, actor, instance, ht, data)
        try:
            snap = ctx.engine.complete_user_task(
                definition_ref(uow, instance.definition_id), instance.state, ht.spiff_task_id,
                workflow_fields(uow, instance.definition_id, ht.form, data, benefit), ctx.now(),
            )
        except TaskNotReady as exc:
            raise Conflict(msg(Code.TASK_GONE)) from exc
        except ScriptError as exc:
            # The caseworker gets an error id, never the script's exception text.
            raise workflow_failed(exc, case_id=ht.case_id, task=ht.name) from exc
        ht.status = TaskStatus.COMPLETED
        ht.completed_at = ctx.now()
        ht.completed_by_id = actor.id
        ht.assignee_id = ht.assignee_id or actor.id
        ht.result = data
        ht.version += 1
        ready_rows = apply_snapshot(uow, instance, snap)
        audit.record(uow, "task.completed", actor.id, ht.case_id, task_id=ht.id, task=ht.name)
        uow.session.flush()
        # What the case offers next, so a client need not re-read the case file.
        next_tasks = tuple(task_summary(t) for t in ready_rows)
        done = vars(task_summary(ht))
        uow.commit()
        # Committed: a broker outage only delays the background work (the sweep sends it later).
        return TaskCompletion(**done, instance_version=instance.version,
                              case_stage=instance.stage,
                              case_completed=instance.status == InstanceStatus.COMPLETED,
                              next_tasks=next_tasks, jobs_delayed=uow.delayed)
