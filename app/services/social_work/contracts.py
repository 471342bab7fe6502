"""The kontrakt socjalny (art. 108 u.p.s.), on the form of the regulation on its model (see
:mod:`app.domain.social_work` for the reading): concluding one, or recording the person's refusal
with the reason given; reviewing its stages (their review dates are on *Terminy*); and its
outcome: fulfilled, broken (with the reason the person gave) or ended.

A refusal or a broken contract is shown on the family's decision draft as a possible ground under
art. 11 ust. 2 u.p.s. (:mod:`.notices`); nothing here changes a benefit.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from app.domain.messages import msg
from app.domain.messages.codes_sw import SwCode
from app.domain.social_work import ContractStatus
from app.persistence.models import SocialContract, SocialContractStage
from app.services.kernel import audit, inputs
from app.services.kernel.context import Actor, ServiceContext, UnitOfWork
from app.services.kernel.errors import Conflict, NotFound
from app.services.social_work.records import changed, not_future, open_for_change, require_case_role
from app.services.social_work.views import Saved

SIGNED_REQUIRED = ("concluded_on", "goal", "person_obligations", "centre_obligations")
REFUSED_REQUIRED = ("refused_on", "reason")


def _contract_errors(data: dict[str, Any], errors: dict[str, str]) -> None:
    """What the form needs for a concluded contract, or for a refusal, and the dates in order."""
    if data.get("status") == ContractStatus.SIGNED:
        for name in SIGNED_REQUIRED:
            if not data.get(name) and name not in errors:
                errors[name] = msg(SwCode.SIGNED_FIELD_REQUIRED)
        if not data.get("stages") and "stages" not in errors:
            errors["stages"] = msg(SwCode.STAGES_REQUIRED)
        start, end = data.get("valid_from"), data.get("valid_until")
        if start and end and end < start:
            errors.setdefault("valid_until", msg(SwCode.PERIOD_ORDER))
        concluded = data.get("concluded_on")
        for i, stage in enumerate(data.get("stages") or []):
            if concluded and stage.get("review_on") and stage["review_on"] < concluded:
                errors.setdefault(f"stages[{i}].review_on", msg(SwCode.REVIEW_BEFORE_CONCLUDED))
    elif data.get("status") == ContractStatus.REFUSED:
        for name in REFUSED_REQUIRED:
            if not data.get(name) and name not in errors:
                errors[name] = msg(SwCode.REFUSAL_FIELD_REQUIRED)


def record_contract(ctx: ServiceContext, actor: Actor, record_id: int, body: Any, *,
                    page: bool = False) -> Saved:
    """Record a kontrakt socjalny concluded with a person of the family, or the person's refusal
    to conclude one (``status: refused``, with its day and the reason given)."""
    require_case_role(actor)
    data, problems = inputs.read("SocialContractRequest", body, page=page)
    errors = dict(problems)
    not_future(ctx, data, errors, "concluded_on", "refused_on")
    _contract_errors(data, errors)
    if errors:
        raise inputs.refusal(errors, page=page)
    with ctx.uow() as uow:
        record = open_for_change(uow, record_id, None)
        if data["person_id"] not in {m.person_id for m in record.members}:
            raise inputs.refusal({"person_id": msg(SwCode.PARTY_NOT_MEMBER)}, page=page)
        signed = data["status"] == ContractStatus.SIGNED
        contract = SocialContract(
            record_id=record.id, person_id=data["person_id"], worker_id=actor.id,
            form_part=data.get("form_part", "A"), status=data["status"],
            concluded_on=data.get("concluded_on") if signed else None,
            valid_from=(data.get("valid_from") or data.get("concluded_on")) if signed else None,
            valid_until=data.get("valid_until") if signed else None,
            assessment=data.get("assessment", ""), goal=data.get("goal", ""),
            person_obligations=data.get("person_obligations", ""),
            centre_obligations=data.get("centre_obligations", ""),
            refused_on=None if signed else data.get("refused_on"),
            reason="" if signed else data.get("reason", ""), recorded_by_id=actor.id)
        if signed:
            contract.stages = [
                SocialContractStage(position=i, action=st["action"],
                                    responsible=st.get("responsible", ""), due_on=st.get("due_on"),
                                    review_on=st["review_on"])
                for i, st in enumerate(data.get("stages") or [])]
        uow.session.add(contract)
        changed(record)
        uow.session.flush()
        audit.record(uow, "social_work.contract_recorded", actor.id, record.case_id,
                     record_id=record.id, contract_id=contract.id, status=contract.status)
        uow.commit()
        return Saved(contract.id, record.id, contract.version)


def _open_contract(uow: UnitOfWork, contract_id: int, version: int) -> SocialContract:
    """A signed contract, locked, at the version the caller read, in an open record."""
    stmt = select(SocialContract).where(SocialContract.id == contract_id)
    if not uow.ctx.db.is_sqlite:
        stmt = stmt.with_for_update()
    contract = uow.session.scalar(stmt)
    if contract is None:
        raise NotFound(msg(SwCode.CONTRACT_NOT_FOUND, contract_id=contract_id))
    if version != contract.version:
        raise Conflict(msg(SwCode.CONTRACT_CHANGED), current_version=contract.version)
    if contract.status != ContractStatus.SIGNED:
        raise Conflict(msg(SwCode.CONTRACT_CLOSED), current_version=contract.version)
    open_for_change(uow, contract.record_id, None)
    return contract


def review_stage(ctx: ServiceContext, actor: Actor, contract_id: int, body: Any, *,
                 page: bool = False) -> Saved:
    """Record the review of a stage (it leaves *Terminy*)."""
    require_case_role(actor)
    data, problems = inputs.read("SocialContractReview", body, page=page)
    errors = dict(problems)
    not_future(ctx, data, errors, "reviewed_on")
    if errors:
        raise inputs.refusal(errors, page=page)
    with ctx.uow() as uow:
        contract = _open_contract(uow, contract_id, data["version"])
        stage = next((st for st in contract.stages if st.id == data["stage_id"]), None)
        if stage is None:
            raise NotFound(msg(SwCode.STAGE_NOT_FOUND, stage_id=data["stage_id"]))
        if stage.reviewed_on is not None:
            raise Conflict(msg(SwCode.STAGE_REVIEWED), current_version=contract.version)
        if contract.concluded_on and data["reviewed_on"] < contract.concluded_on:
            raise inputs.refusal({"reviewed_on": msg(SwCode.REVIEW_BEFORE_CONCLUDED)}, page=page)
        stage.reviewed_on, stage.review_note = data["reviewed_on"], data["note"]
        contract.version += 1
        audit.record(uow, "social_work.stage_reviewed", actor.id, None,
                     contract_id=contract.id, stage_id=stage.id)
        uow.commit()
        return Saved(stage.id, contract.record_id, contract.version)


def record_outcome(ctx: ServiceContext, actor: Actor, contract_id: int, body: Any, *,
                   page: bool = False) -> Saved:
    """Close a contract: fulfilled, broken (the reason the person gave) or ended."""
    require_case_role(actor)
    data, problems = inputs.read("SocialContractOutcome", body, page=page)
    errors = dict(problems)
    not_future(ctx, data, errors, "outcome_on")
    if errors:
        raise inputs.refusal(errors, page=page)
    with ctx.uow() as uow:
        contract = _open_contract(uow, contract_id, data["version"])
        if contract.concluded_on and data["outcome_on"] < contract.concluded_on:
            raise inputs.refusal({"outcome_on": msg(SwCode.OUTCOME_BEFORE_CONCLUDED)}, page=page)
        contract.status, contract.outcome_on = data["outcome"], data["outcome_on"]
        contract.reason = data["reason"]
        contract.version += 1
        audit.record(uow, "social_work.contract_outcome", actor.id, None,
                     contract_id=contract.id, status=contract.status)
        uow.commit()
        return Saved(contract.id, contract.record_id, contract.version)
