"""Issue 15 part 8: a deploy asks for a description. A version's description is its line in the
history, so a deploy without one (empty or blank) is refused with a coded Polish error on the
editor's endpoint, the API and `flask deploy-workflows`; nothing is deployed."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from app.services.definitions import deploy as definitions
from app.services.kernel.context import SYSTEM, ServiceContext
from tests.web.test_recovery_web import login, token

pytestmark = [pytest.mark.timeout(180)]

POLISH = "Podaj opis zmian: co zmieniono w tej wersji i dlaczego"


@pytest.fixture
def restore(ctx: ServiceContext) -> Iterator[None]:
    """Definitions are kept between tests: put the shipped workflows back afterwards."""
    yield
    definitions.deploy_directory(ctx, SYSTEM)


def _renamed(ctx: ServiceContext, comment: str | None) -> dict[str, Any]:
    """The active version with one task renamed (a real change that would deploy)."""
    start = definitions.definition_sources(ctx)
    sources = dict(start["sources"])
    sources["intake.bpmn"] = sources["intake.bpmn"].replace(
        'name="Sprawdzenie kompletności wniosku"', 'name="Kontrola wniosku"')
    body: dict[str, Any] = {"sources": sources, "forms": start["forms"], "base_version": start["version"]}
    if comment is not None:
        body["comment"] = comment
    return body


@pytest.mark.parametrize("comment", [None, "", "   \n "])
def test_the_editor_refuses_a_deploy_without_a_description(
    client: Any, ctx: ServiceContext, restore: None, comment: str | None,
) -> None:
    start = definitions.definition_sources(ctx)["id"]
    login(client, "admin")
    res = client.post("/admin/definitions/deploy", json=_renamed(ctx, comment))
    assert res.status_code == 422, res.get_json()
    body = res.get_json()
    assert body["error"].startswith(POLISH) and body["fields"]["comment"].startswith(POLISH)
    assert definitions.definition_sources(ctx)["id"] == start, "nothing was deployed"

    res = client.post("/admin/definitions/deploy", json=_renamed(ctx, "nowa nazwa zadania"))
    assert res.status_code == 201, res.get_json()


def test_the_api_refuses_a_deploy_without_a_description(client: Any, ctx: ServiceContext,
                                                        restore: None) -> None:
    start = definitions.definition_sources(ctx)["id"]
    headers = token(client, "admin")
    res = client.post("/api/definitions", json=_renamed(ctx, " "), headers=headers)
    assert res.status_code == 422, res.get_json()
    body = res.get_json()
    assert body["code"] == "definition_description_required"
    assert body["field_codes"]["comment"]["code"] == "definition_description_required"
    polish = client.post("/api/definitions", json=_renamed(ctx, None),
                         headers={**headers, "Accept-Language": "pl"}).get_json()
    assert polish["code"] == "definition_description_required" and polish["error"].startswith(POLISH)
    assert definitions.definition_sources(ctx)["id"] == start, "nothing was deployed"


def test_the_cli_deploy_needs_a_description(flask_app: Any, ctx: ServiceContext, admin: Any,
                                            restore: None) -> None:
    body = _renamed(ctx, "nowa nazwa zadania")  # workflows/ now differs from the active version
    definitions.deploy(ctx, body["sources"], body["forms"], admin, body["comment"])
    runner = flask_app.test_cli_runner()
    refused = runner.invoke(args=["deploy-workflows"])
    assert refused.exit_code == 1
    assert POLISH in refused.output and "[definition_description_required]" in refused.output
    done = runner.invoke(args=["deploy-workflows", "--comment", "wersja z katalogu workflows/"])
    assert done.exit_code == 0, done.output
    assert "active definition id" in done.output


def test_a_broken_diagram_is_refused_for_its_problems_first(ctx: ServiceContext, admin: Any) -> None:
    """The description is asked for once the diagram would deploy: its problems come first."""
    from app.services.kernel.errors import ValidationFailed

    start = definitions.definition_sources(ctx)
    sources = dict(start["sources"])
    sources["intake.bpmn"] = sources["intake.bpmn"].replace("<bpmn:process", "<bpmn:proces", 1)
    with pytest.raises(ValidationFailed) as refused:
        definitions.deploy(ctx, sources, start["forms"], admin, "")
    assert refused.value.extra.get("problems"), "the diagram's problems are reported"


def test_redeploying_the_active_content_needs_no_description(ctx: ServiceContext, admin: Any) -> None:
    """Nothing is created, so no line of history needs describing."""
    start = definitions.definition_sources(ctx)
    assert definitions.deploy(ctx, start["sources"], start["forms"], admin, "") == (start["id"], False)
