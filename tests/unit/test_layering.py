"""The layering rule, checked rather than remembered: web → services → domain; only the engine
adapter imports SpiffWorkflow; the app never imports the Celery tasks package."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _module_name(path: Path) -> tuple[str, bool]:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    is_package = parts[-1] == "__init__"
    return ".".join(parts[:-1] if is_package else parts), is_package


def _absolute(module: str, is_package: bool, node: ast.ImportFrom) -> str:
    """The absolute module an ``from ... import`` names, relative ones resolved."""
    if not node.level:
        return node.module or ""
    base = module.split(".") if is_package else module.split(".")[:-1]
    base = base[: len(base) - (node.level - 1)]
    return ".".join(base + ([node.module] if node.module else []))


def imports_of(package: str) -> dict[str, set[str]]:
    """Module path -> names it imports (absolute, and relative resolved), anywhere in the file
    (inside functions too); ``from x import y`` yields x and x.y."""
    found: dict[str, set[str]] = {}
    for path in (ROOT / package).rglob("*.py"):
        if "migrations" in path.parts:
            continue
        module, is_package = _module_name(path)
        names: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if isinstance(node, ast.Import):
                names.update(a.name for a in node.names)
            elif isinstance(node, ast.ImportFrom):
                source = _absolute(module, is_package, node)
                names.add(source)
                names.update(f"{source}.{a.name}" for a in node.names)
        found[str(path.relative_to(ROOT))] = names
    return found


def offenders(package: str, forbidden: tuple[str, ...]) -> list[str]:
    return sorted(
        f"{mod}: {name}"
        for mod, names in imports_of(package).items()
        for name in names
        if any(name == f or name.startswith(f + ".") for f in forbidden)
    )


def test_only_the_adapter_imports_spiffworkflow() -> None:
    bad = [o for o in offenders("app", ("SpiffWorkflow",)) if not o.startswith("app/workflow_engine/")]
    assert bad == []


@pytest.mark.parametrize("package", ["app"])
def test_app_never_imports_tasks(package: str) -> None:
    assert offenders(package, ("tasks",)) == []


def test_services_do_not_import_web_or_flask() -> None:
    assert offenders("app/services", ("app.web", "flask", "flask_login", "flask_wtf")) == []


def test_persistence_is_below_services() -> None:
    assert offenders("app/persistence", ("app.services", "app.web", "flask")) == []


def test_domain_is_pure() -> None:
    assert offenders("app/domain", ("app.services", "app.web", "app.persistence", "flask",
                                    "sqlalchemy", "SpiffWorkflow", "celery")) == []


def test_tasks_are_thin_and_call_services() -> None:
    assert offenders("tasks", ("app.web", "app.persistence.models", "SpiffWorkflow")) == []


# --- the import graph of app/: no cycles, packages in one order ---------------------------------

def _app_modules() -> dict[str, Path]:
    modules = {}
    for path in (ROOT / "app").rglob("*.py"):
        if "migrations" not in path.parts:
            modules[_module_name(path)[0]] = path
    return modules


def import_graph() -> dict[str, set[str]]:
    """app module -> the app modules it imports (relative imports resolved, imports inside
    functions included). ``from package import name`` is an edge to the submodule when ``name``
    is one, else to the package itself (so ``from . import bp`` in a blueprint's module is an
    edge to the package that imports that module)."""
    modules = _app_modules()

    def known(name: str) -> str | None:
        while name and name not in modules:
            name = name.rpartition(".")[0]
        return name or None

    graph: dict[str, set[str]] = {}
    for me, path in modules.items():
        is_package = path.name == "__init__.py"
        targets: set[str | None] = set()
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if isinstance(node, ast.Import):
                targets.update(known(a.name) for a in node.names)
            elif isinstance(node, ast.ImportFrom):
                source = _absolute(me, is_package, node)
                for a in node.names:
                    sub = f"{source}.{a.name}"
                    targets.add(sub if sub in modules else known(source))
            elif isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "import_module" \
                    and node.args and isinstance(node.args[0], ast.Constant):
                targets.add(known(str(node.args[0].value)))  # importlib hides no edge
        graph[me] = {t for t in targets if t and t != me}
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def test_app_has_no_import_cycles() -> None:
    assert cycles(import_graph()) == []


def test_cycle_finder_finds_a_cycle() -> None:
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_no_importlib_in_app() -> None:
    """A cycle hidden by ``importlib.import_module`` is still a cycle."""
    assert offenders("app", ("importlib",)) == []


# The service packages, lowest first: each may import only those before it (and itself).
SERVICE_ORDER = ("kernel", "workflow", "definitions", "documents", "cases", "provision", "decisions",
                 "appeals", "recovery", "payments", "social_work", "niebieska_karta", "debtors",
                 "reports", "case_file",
                 "registration",
                 "factory")


def _service_package(module: str) -> str | None:
    parts = module.split(".")
    if parts[:2] != ["app", "services"] or len(parts) < 3:
        return None
    return parts[2]


def test_every_service_module_is_in_a_package_of_the_order() -> None:
    stray = sorted(m for m in _app_modules() if _service_package(m) not in (None, *SERVICE_ORDER))
    assert stray == []


def test_service_packages_depend_one_way() -> None:
    rank = {name: i for i, name in enumerate(SERVICE_ORDER)}
    upward = sorted(
        f"{module} -> {target}"
        for module, targets in import_graph().items() if _service_package(module) in rank
        for target in targets if _service_package(target) in rank
        and rank[_service_package(target) or ""] > rank[_service_package(module) or ""]
    )
    assert upward == []


def test_workflow_runtime_imports_no_sub_domain() -> None:
    """The runtime dispatches through its registry; the sub-domains register with it."""
    allowed = ("app.services.kernel", "app.services.workflow")
    bad = [o for o in offenders("app/services/workflow", ("app.services",))
           if not any(o.split(": ")[1] == a or o.split(": ")[1].startswith(a + ".")
                      for a in allowed) and o.split(": ")[1] != "app.services"]
    assert bad == []


def test_no_layer_below_the_web_imports_it() -> None:
    for package in ("app/services", "app/domain", "app/persistence", "app/workflow_engine"):
        assert offenders(package, ("app.web", "app.cli")) == []


def test_the_web_floor_does_not_import_the_cli_above_it() -> None:
    """The CLI sits above the web floor; the factory (app/__init__.py) registers its commands."""
    assert offenders("app/web", ("app.cli",)) == []


def test_no_web_module_imports_the_set_up() -> None:
    """Blueprints take the service accessor from web/context.py; only app/__init__ runs set-up."""
    assert [o for o in offenders("app", ("app.web.setup",)) if not o.startswith("app/__init__.py")] == []


def test_every_declared_action_and_operation_is_registered() -> None:
    """The deploy contract check reads the registry the sub-domains fill at start-up."""
    import re

    from app.services.registration import register_all
    from app.services.workflow.registry import NO_ACTION, Registry

    registry = register_all(Registry())
    text = " ".join(p.read_text() for p in (ROOT / "workflows").glob("*.bpmn"))
    actions = set(re.findall(r'name="action" value="([a-z_0-9]+)"', text)) - {NO_ACTION}
    operations = set(re.findall(r'serviceTaskOperator id="([a-z_0-9]+)"', text))
    assert actions and operations
    assert sorted(actions - registry.actions.keys()) == []
    assert sorted(operations - registry.operations.keys()) == []
    assert register_all(registry) is registry  # a second registration adds nothing


MAX_LINES = 500


def test_no_module_over_500_lines() -> None:
    long = sorted(f"{p.relative_to(ROOT)}: {n}" for p in (ROOT / "app").rglob("*.py")
                  if "migrations" not in p.parts and (n := len(p.read_text().splitlines())) > MAX_LINES)
    assert long == []


def test_api_admin_and_calculator_take_shared_ui_helpers_from_web_ui() -> None:
    """Formatting, labels and schema forms live in web/ui/, not inside the pages blueprint."""
    for package in ("app/web/api", "app/web/admin", "app/web/calculator", "app/web/auth",
                    "app/web/ui", "app/cli"):
        assert offenders(package, ("app.web.pages",)) == []
