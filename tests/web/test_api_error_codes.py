"""Issue 14, part 5: every API error carries its ``code`` (about half reached clients with
``code: null``). The walk sends each /api route the bad requests a client gets wrong most often
(no credentials, the wrong role, an unknown id, the wrong method, a body that is not JSON, an
empty or malformed JSON body) and checks that every 4xx/5xx answer names its code."""

from __future__ import annotations

from typing import Any

from werkzeug.routing import BuildError

from app.domain.messages import Code
from tests.web.test_api_roles import ROLES, token

UNKNOWN_ID = 999999
BODIES: tuple[Any, ...] = ({}, [], {"unexpected": True}, {"version": "x", "data": 1, "user_id": "x"})


def _url(flask_app: Any, rule: Any, value: object) -> str | None:
    adapter = flask_app.url_map.bind("localhost")
    try:
        return str(adapter.build(rule.endpoint, dict.fromkeys(rule.arguments, value),
                                 method=next(iter(rule.methods - {"HEAD", "OPTIONS"}))))
    except BuildError:
        return None


def _api_routes(flask_app: Any) -> list[tuple[str, str]]:
    """(method, url) of every API route, with unknown ids (and "x" where an id is not a number)."""
    routes = []
    for rule in flask_app.url_map.iter_rules():
        if not rule.rule.startswith("/api/"):
            continue
        url = _url(flask_app, rule, UNKNOWN_ID) or _url(flask_app, rule, "x")
        if url is None:
            continue
        routes += [(method, url) for method in sorted(rule.methods - {"HEAD", "OPTIONS"})]
    return routes


def _check(res: Any, where: str, seen: list[str]) -> None:
    if res.status_code < 400:
        return
    body = res.get_json(silent=True)
    assert isinstance(body, dict), (where, res.status_code, res.data[:200])
    assert body.get("code"), (where, res.status_code, body)
    assert isinstance(body.get("params", {}), dict), (where, body)
    seen.append(f"{res.status_code} {body['code']}")


def test_every_api_error_response_carries_a_code(client: Any, flask_app: Any) -> None:
    routes = _api_routes(flask_app)
    assert len(routes) > 40, routes
    tokens = {user: token(client, user) for user in ROLES}
    seen: list[str] = []
    for method, url in routes:
        where = f"{method} {url}"
        _check(client.open(url, method=method), f"{where} (no credentials)", seen)
        _check(client.open(url, method=method, headers={"Authorization": "Bearer nonsense"}),
               f"{where} (bad token)", seen)
        for user, tok in tokens.items():
            auth = {"Authorization": f"Bearer {tok}"}
            if method == "GET":
                _check(client.get(url, headers=auth), f"{where} as {user}", seen)
                continue
            _check(client.open(url, method=method, headers=auth, data="{not json",
                               content_type="application/json"), f"{where} as {user} (bad JSON)", seen)
            _check(client.open(url, method=method, headers=auth, data="a=1",
                               content_type="application/x-www-form-urlencoded"),
                   f"{where} as {user} (a form)", seen)
            for body in BODIES:
                _check(client.open(url, method=method, headers=auth, json=body),
                       f"{where} as {user} {body!r}", seen)
        _check(client.open(url, method="PATCH"), f"PATCH {url}", seen)
    _check(client.get("/api/no-such-endpoint"), "GET /api/no-such-endpoint", seen)
    codes = {entry.split(" ", 1)[1] for entry in seen}
    # The walk reaches the kinds of error it means to: credentials, roles, unknown ids, methods
    # and bodies.
    assert {str(Code.AUTH_REQUIRED), str(Code.TOKEN_INVALID), str(Code.ENDPOINT_ROLE),
            str(Code.HTTP_METHOD_NOT_ALLOWED), str(Code.HTTP_NOT_FOUND)} <= codes, sorted(codes)
    assert len(seen) > 500, len(seen)
