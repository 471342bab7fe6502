"""The decisions that act on an earlier decision, as the party receives them (PDF text): a change,
a revocation because the party took up work, and the centre's own new decision on an appeal it
grants in full (art. 132 § 1 KPA), each with its ruling words, the ground the caseworker recorded
and its legal basis; art. 155 KPA only with the party's consent. And art. 107 § 4 KPA: the
justification is left out only when the party's recorded request is granted in full."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from app.services.appeals import appeal as appeals
from app.services.appeals import sko
from app.services.case_file import view as case_view
from app.services.cases import opening as cases
from app.services.decisions import decision_changes
from app.services.documents import document_store
from app.services.kernel.context import Actor, ServiceContext
from app.services.kernel.errors import ValidationFailed
from app.services.workflow import worklist
from tests.conftest import FakeClock
from tests.drive import complete_named, drive, ready_tasks, sample_application
from tests.pdftext import pdf_text

pytestmark = [pytest.mark.timeout(300), pytest.mark.embedded]


def _actors(cw: Actor, sv: Actor) -> dict[str, Actor]:
    return {"caseworker": cw, "supervisor": sv}


def _pdf(ctx: ServiceContext, actor: Actor, case_id: int) -> str:
    """The case's decision PDF as text, whitespace collapsed."""
    docs = case_view.get_case(ctx, actor, case_id)["documents"]
    doc = [d for d in docs if d["kind"] == "decision"][-1]
    content, _ = document_store.download(ctx, actor, case_id, doc["id"])
    return " ".join(pdf_text(content).split())


def _granted(ctx: ServiceContext, actors: dict[str, Actor], **overrides: Any) -> tuple[int, str]:
    """A zasiłek okresowy granted and final (waiver); its number."""
    case_id = cases.open_case(ctx, actors["caseworker"], sample_application(**overrides))
    drive(ctx, case_id, actors)
    decision = case_view.get_case(ctx, actors["caseworker"], case_id)["decision"]
    assert decision["status"] == "final"
    return case_id, decision["number"]


def test_a_change_says_zmienic_with_its_recorded_ground_and_art_106_ust_5(
    ctx: ServiceContext, caseworker: Actor, supervisor: Actor
) -> None:
    actors = _actors(caseworker, supervisor)
    case_id, number = _granted(ctx, actors)
    change_id = decision_changes.request_change(ctx, caseworker, case_id, {
        "kind": "change", "effective_from": "2026-04-01", "amount": "260.00",
        "ground": "income_change", "reason": "Strona utraciła dochód z umowy zlecenia."})
    drive(ctx, change_id, actors)
    text = _pdf(ctx, caseworker, change_id)
    assert f"zmienić decyzję nr {number} z dnia 2 marca 2026 r." in text
    assert "w ten sposób, że od dnia 1 kwietnia 2026 r.:" in text
    assert "260,00 zł miesięcznie" in text
    assert "w związku ze zmianą sytuacji dochodowej strony" in text
    assert "art. 106 ust. 5" in text and "ustawy z dnia 12 marca 2004 r. o pomocy społecznej" in text
    assert "art. 155" not in text, "no consent was recorded"
    assert "parametrów ustawowych" not in text, "not the ground recorded"
    assert "utraciła dochód z umowy zlecenia" in text


def test_a_revocation_for_taking_up_work_says_uchylic_z_dniem_with_its_true_ground(
    ctx: ServiceContext, caseworker: Actor, supervisor: Actor
) -> None:
    actors = _actors(caseworker, supervisor)
    case_id, number = _granted(ctx, actors)
    revocation_id = decision_changes.request_change(ctx, caseworker, case_id, {
        "kind": "revoke", "effective_from": "2026-05-01", "ground": "employment",
        "reason": "Strona podjęła zatrudnienie na umowę o pracę od 15 kwietnia 2026 r."})
    drive(ctx, revocation_id, actors)
    text = _pdf(ctx, caseworker, revocation_id)
    assert f"Uchylić decyzję nr {number} z dnia 2 marca 2026 r." in text
    assert "zasiłek okresowy" in text and "z dniem 1 maja 2026 r." in text
    assert "podjęciem zatrudnienia przez stronę" in text  # the ground, in preamble and reasons
    assert "art. 106 ust. 5" in text and "art. 104" in text
    for false in ("zmienić decyzję", "parametrów ustawowych", "Odmówić stronie", "art. 155",
                  "art. 154"):
        assert false not in text, false
    assert "uwzględnia ona w całości żądanie strony" not in text


def test_a_self_correction_under_art_132_uchyla_the_appealed_decision_and_rules_anew(
    ctx: ServiceContext, clock: FakeClock, caseworker: Actor, supervisor: Actor
) -> None:
    actors = _actors(caseworker, supervisor)
    case_id, number = _granted(ctx, actors)
    clock.set(datetime(2026, 3, 5, 10, 0, tzinfo=UTC))
    appeal = appeals.record_appeal(ctx, caseworker, case_id, {
        "channel": "post", "posted_on": "2026-03-04", "received_on": "2026-03-05"})
    assert appeal["timely"]
    handled = sko.forward_appeal(ctx, supervisor, appeal["id"],
                                 {"action": "self_correct", "version": appeal["version"],
                                  "grants_in_full": True, "demand": "Przyznanie zasiłku."})
    new_case = handled["follow_up_case_id"]
    drive(ctx, new_case, actors)
    text = _pdf(ctx, caseworker, new_case)
    assert f"uchylić w całości zaskarżoną decyzję nr {number} z dnia 2 marca 2026 r." in text
    assert "orzec co do istoty sprawy" in text and "Przyznać stronie" in text
    assert "odwołania strony z dnia 4 marca 2026 r." in text
    assert "art. 132 § 1" in text and "art. 132 § 3" in text
    for false in ("zmienić decyzję", "parametrów ustawowych", "art. 106 ust. 5", "art. 155"):
        assert false not in text, false


def test_art_138_par_2_a_new_decision_after_the_sko_returned_the_case_changes_nothing(
    ctx: ServiceContext, clock: FakeClock, caseworker: Actor, supervisor: Actor
) -> None:
    actors = _actors(caseworker, supervisor)
    case_id, number = _granted(ctx, actors)
    clock.set(datetime(2026, 3, 5, 10, 0, tzinfo=UTC))
    appeal = appeals.record_appeal(ctx, caseworker, case_id, {
        "channel": "post", "posted_on": "2026-03-04", "received_on": "2026-03-05"})
    appeal = sko.forward_appeal(ctx, supervisor, appeal["id"], {"action": "forward"})
    clock.set(datetime(2026, 4, 15, 10, 0, tzinfo=UTC))
    appeal = sko.record_outcome(ctx, supervisor, appeal["id"], {
        "sko_outcome": "returned", "sko_ruling_on": "2026-04-14",
        "sko_reference": "SKO.4101.77.2026"})
    drive(ctx, appeal["follow_up_case_id"], actors)
    text = _pdf(ctx, caseworker, appeal["follow_up_case_id"])
    assert "po ponownym rozpatrzeniu sprawy" in text
    assert (f"Samorządowe Kolegium Odwoławcze w Krakowie decyzją z dnia 14 kwietnia 2026 r. "
            f"(znak SKO.4101.77.2026) uchyliło decyzję nr {number}") in text
    assert "art. 138 § 2" in text and "Przyznać stronie" in text
    for false in ("zmienić decyzję", "parametrów ustawowych", "art. 106 ust. 5", "art. 155"):
        assert false not in text, false


def test_art_155_kpa_is_cited_only_with_the_partys_consent(
    ctx: ServiceContext, caseworker: Actor, supervisor: Actor
) -> None:
    actors = _actors(caseworker, supervisor)
    case_id, number = _granted(ctx, actors)
    body = {"kind": "change", "effective_from": "2026-04-01", "amount": "250.00",
            "ground": "party_request", "reason": "Strona wnosi o zmianę terminu wypłaty kwoty."}
    with pytest.raises(ValidationFailed) as refused:
        decision_changes.request_change(ctx, caseworker, case_id, body)
    assert "party_consent_on" in refused.value.errors
    change_id = decision_changes.request_change(
        ctx, caseworker, case_id, {**body, "party_consent_on": "2026-03-02"})
    drive(ctx, change_id, actors)
    text = _pdf(ctx, caseworker, change_id)
    assert "art. 155" in text and "za zgodą strony wyrażoną dnia 2 marca 2026 r." in text
    assert "na wniosek strony" in text and "art. 106 ust. 5" not in text


def test_art_107_par_4_a_grant_at_the_floor_without_a_recorded_request_is_justified(
    ctx: ServiceContext, caseworker: Actor, supervisor: Actor
) -> None:
    actors = _actors(caseworker, supervisor)
    case_id, _ = _granted(ctx, actors)
    text = _pdf(ctx, caseworker, case_id)
    assert "uwzględnia ona w całości żądanie strony" not in text
    assert "Organ ustalił stan faktyczny na podstawie następujących dowodów" in text


def test_art_107_par_4_the_request_is_recorded_shown_on_the_draft_and_granted_in_full(
    ctx: ServiceContext, caseworker: Actor, supervisor: Actor
) -> None:
    actors = _actors(caseworker, supervisor)
    with pytest.raises(ValidationFailed) as refused:
        cases.open_case(ctx, caseworker, sample_application(
            benefit="zasilek_staly", requested_amount="500.00"))
    assert "requested_amount" in refused.value.errors
    case_id = cases.open_case(ctx, caseworker, sample_application(
        requested_amount="100.00", requested_until="2026-05-31"))
    drive(ctx, case_id, actors, until=lambda ts: any(t.name == "draft_decision" for t in ts))
    task = next(t for t in ready_tasks(ctx, case_id) if t.name == "draft_decision")
    shown = worklist.get_task(ctx, caseworker, task.id)["context"]["party_request"]
    assert shown == {"amount": "100.00", "until": "2026-05-31", "recorded": True}
    assert case_view.get_case(ctx, caseworker, case_id)["party_request"] == {
        "amount": "100.00", "until": "2026-05-31"}
    drive(ctx, case_id, actors)
    text = _pdf(ctx, caseworker, case_id)
    assert "uwzględnia ona w całości żądanie strony" in text


def test_art_138_par_2_in_the_same_case_the_new_decision_names_the_quashed_one(
    ctx: ServiceContext, clock: FakeClock, caseworker: Actor, supervisor: Actor
) -> None:
    """The process's own re-examination (the SKO's ruling recorded in the task): the new
    decision in the same case is not a first-instance "po rozpatrzeniu wniosku" one."""
    from tests.integration.test_decision_life import _forwarded_in_window, _ruling

    actors = _actors(caseworker, supervisor)
    case_id, _ = _forwarded_in_window(ctx, clock, actors)
    first = case_view.get_case(ctx, caseworker, case_id)["decision"]["number"]
    clock.set(datetime(2026, 4, 15, 10, 0, tzinfo=UTC))
    complete_named(ctx, case_id, "record_sko_outcome", supervisor, _ruling("returned"))
    drive(ctx, case_id, actors)
    text = _pdf(ctx, caseworker, case_id)
    assert f"uchyliło decyzję nr {first} z dnia 2 marca 2026 r." in text
    assert "art. 138 § 2" in text and "zmienić decyzję" not in text


def test_the_pages_record_the_request_and_the_ground_with_the_consent_art_155(
    ctx: ServiceContext, caseworker: Actor, supervisor: Actor, client: Any
) -> None:
    from tests.web.test_pages import login

    login(client, "caseworker1")
    form = client.get("/cases/new").get_data(as_text=True)
    assert 'name="requested_amount"' in form and 'name="requested_until"' in form
    case_id, _ = _granted(ctx, _actors(caseworker, supervisor))
    page = client.get(f"/cases/{case_id}").get_data(as_text=True)
    assert 'name="ground"' in page and 'name="party_consent_on"' in page
    body = {"kind": "revoke", "effective_from": "2026-05-01", "reason": "Rezygnacja.",
            "ground": "party_request"}
    res = client.post(f"/cases/{case_id}/decision-changes", data=body)
    html = res.get_data(as_text=True)
    assert res.status_code == 422 and "podaj datę zgody strony (art. 155 KPA)" in html
    res = client.post(f"/cases/{case_id}/decision-changes",
                      data={**body, "reason": "Praca.", "ground": "employment"})
    assert res.status_code == 302
    page = client.get(f"/cases/{case_id}").get_data(as_text=True)
    assert "podjęcie zatrudnienia przez stronę" in page


def test_art_107_par_4_the_case_file_shows_what_the_party_asked_for(
    ctx: ServiceContext, caseworker: Actor, client: Any
) -> None:
    from tests.web.test_pages import login

    case_id = cases.open_case(ctx, caseworker, sample_application(
        requested_amount="350.00", requested_until="2026-06-30"))
    login(client, "caseworker1")
    page = client.get(f"/cases/{case_id}").get_data(as_text=True)
    assert "Strona wnosi o" in page and "350,00" in page
    api = client.get(f"/api/cases/{case_id}").get_json()
    assert api["party_request"] == {"amount": "350.00", "until": "2026-06-30"}
