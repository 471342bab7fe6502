"""Script sandbox: RestrictedPython compilation, guarded globals and a per-script time limit.

BPMN scripts, gateway conditions, timer expressions and service parameters all run here. They
see only the task's workflow data, the whitelisted functions and a few safe builtins.  Rules and
arithmetic belong in app/domain; scripts only call those functions and route on the results.
"""

import ast
import operator
import sys
import time
from collections.abc import Callable, Mapping
from functools import lru_cache
from types import CodeType, ModuleType
from typing import Any

from RestrictedPython import compile_restricted_eval, compile_restricted_exec
from RestrictedPython.Guards import full_write_guard, safe_builtins, safer_getattr_raise
from RestrictedPython.Limits import limited_list, limited_range
from RestrictedPython.transformer import RestrictingNodeTransformer
from SpiffWorkflow.bpmn.script_engine import PythonScriptEngine
from SpiffWorkflow.bpmn.script_engine.python_environment import BasePythonScriptEngineEnvironment

from . import limits
from .clock import today as clock_today
from .errors import EngineError, ScriptError

SCRIPT_FILENAME = "<workflow-script>"

# Attribute access (and item access) is only allowed on plain data; this keeps every object the
# library or the functions might hand back (frames, code, generators, modules) out of reach.
_DATA_TYPES = frozenset({str, dict, list, tuple, int, float, bool, type(None)})

_SAFE_NAMES = (
    "None", "False", "True", "abs", "bool", "float", "int", "isinstance", "len", "round", "str",
    "ValueError",
)

# Memory bounds (see limits.py): these copy or convert, so they charge what they make.
_GUARDED_BUILTINS: dict[str, Callable] = {
    "str": limits.guarded_str, "sum": limits.guarded_sum, "round": limits.guarded_round,
    **limits.guarded_builtins(limited_list),
}
# isinstance() still takes the names of the guarded types as types.
_REAL_TYPES: dict[Callable, type] = {_GUARDED_BUILTINS[t.__name__]: t for t in (str, list, tuple, dict)}

SAFE_BUILTINS: dict[str, object] = {name: safe_builtins[name] for name in _SAFE_NAMES}
SAFE_BUILTINS.update(
    {
        "any": any, "all": all, "enumerate": enumerate, "zip": zip,
        "reversed": reversed, "range": limited_range,
        **_GUARDED_BUILTINS,
        "isinstance": lambda obj, types: isinstance(obj, _real_types(types)),
    }
)

_INPLACE_OPS: dict[str, Callable] = {
    "+=": operator.iadd, "-=": operator.isub, "*=": operator.imul, "/=": operator.itruediv,
    "//=": operator.ifloordiv, "%=": operator.imod,
}


def _real_types(types: Any) -> Any:
    if isinstance(types, tuple):
        return tuple(_REAL_TYPES.get(t, t) for t in types)
    return _REAL_TYPES.get(types, types)


def _call(name: str, where: ast.AST, *args: ast.expr) -> ast.Call:
    """`name(*args)` placed at `where` (generated nodes need line numbers to compile)."""
    call = ast.Call(func=ast.Name(id=name, ctx=ast.Load()), args=list(args), keywords=[])
    for node in ast.walk(call):
        if not hasattr(node, "lineno"):
            ast.copy_location(node, where)
    return call


# Operators that can make a result far larger than their operands (see limits.binop).
_GUARDED_BINOPS: dict[type, str] = {ast.Add: "+", ast.Mult: "*", ast.Mod: "%", ast.LShift: "<<"}
# How often (seconds of script CPU time) the line tracer looks at the process's memory.
_MEMORY_CHECK_EVERY = 0.005


class _ScriptTimeout(Exception):
    """Raised by the line tracer inside the script frame when the time limit is over."""


class PomocPolicy(RestrictingNodeTransformer):
    """RestrictedPython's policy minus constructs a routing script never needs.

    `try` is refused so that a script cannot swallow the time-limit exception; `**` because a
    single huge power runs in C where the line tracer cannot stop it.
    """

    def _refuse(self, node: ast.AST, what: str) -> ast.AST:
        self.error(node, f"{what} is not allowed in workflow scripts")
        return node

    def visit_Try(self, node):  # noqa: N802 - ast visitor naming
        return self._refuse(node, "try/except")

    def visit_TryStar(self, node):  # noqa: N802
        return self._refuse(node, "try/except*")

    def visit_With(self, node):  # noqa: N802
        return self._refuse(node, "with")

    def visit_ClassDef(self, node):  # noqa: N802
        return self._refuse(node, "class definition")

    def visit_Pow(self, node):  # noqa: N802
        return self._refuse(node, "the ** operator")

    def visit_Yield(self, node):  # noqa: N802
        return self._refuse(node, "yield")

    def visit_YieldFrom(self, node):  # noqa: N802
        return self._refuse(node, "yield from")

    def visit_Global(self, node):  # noqa: N802
        return self._refuse(node, "global")

    def visit_Nonlocal(self, node):  # noqa: N802
        return self._refuse(node, "nonlocal")

    # Memory bounds: operations that can grow a value go through a guard in limits.py, which
    # refuses an over-large result before it is allocated.

    def visit_BinOp(self, node):  # noqa: N802
        node = self.node_contents_visit(node)
        op = _GUARDED_BINOPS.get(type(node.op))
        if op is None:
            return node
        return _call("_binop_", node, ast.Constant(op), node.left, node.right)

    def visit_FormattedValue(self, node):  # noqa: N802
        node = self.node_contents_visit(node)
        spec = node.format_spec
        if spec is not None:
            parts = spec.values if isinstance(spec, ast.JoinedStr) else [spec]
            if not all(isinstance(p, ast.Constant) and isinstance(p.value, str) for p in parts):
                return self._refuse(node, "a computed f-string format spec")
            why = limits.check_format_spec("".join(p.value for p in parts))
            if why:
                return self._refuse(node, why)
        node.value = _call("_formatted_", node.value, node.value)
        return node

    def _guard_unpacking(self, node):
        node = self.node_contents_visit(node)
        for elt in node.elts:
            if isinstance(elt, ast.Starred) and isinstance(elt.ctx, ast.Load):
                elt.value = _call("_unpacked_", elt.value, elt.value)
        return node

    def visit_Call(self, node):  # noqa: N802
        node = super().visit_Call(node)
        for arg in node.args:
            if isinstance(arg, ast.Starred):
                arg.value = _call("_unpacked_", arg.value, arg.value)
        return node

    def visit_List(self, node):  # noqa: N802
        return self._guard_unpacking(node)

    def visit_Tuple(self, node):  # noqa: N802
        return self._guard_unpacking(node)

    def visit_Set(self, node):  # noqa: N802
        return self._guard_unpacking(node)


@lru_cache(maxsize=4096)
def compile_script(source: str, mode: str) -> CodeType:
    """Compile `source` restricted, in 'exec' or 'eval' mode; cached by source text."""
    compiler = compile_restricted_exec if mode == "exec" else compile_restricted_eval
    result = compiler(source, filename=SCRIPT_FILENAME, policy=PomocPolicy)
    if result.errors or result.code is None:
        raise ScriptError("; ".join(result.errors) or "cannot compile")
    return result.code


def _guarded_getattr(obj: object, name: str) -> object:
    if type(obj) not in _DATA_TYPES:
        raise AttributeError(f"attribute access is not allowed on {type(obj).__name__} objects")
    return limits.guarded_method(obj, name, safer_getattr_raise(obj, name))


def _guarded_getitem(obj: object, key: object) -> object:
    if type(obj) not in _DATA_TYPES:
        raise TypeError(f"item access is not allowed on {type(obj).__name__} objects")
    if isinstance(key, slice):
        return limits.sliced(obj, key)
    return obj[key]  # type: ignore[index]


def _inplacevar(op: str, target: object, value: object) -> object:
    try:
        func = _INPLACE_OPS[op]
    except KeyError:
        raise TypeError(f"operator {op} is not allowed") from None
    target, value = limits.inplace(op, target, value)
    return func(target, value)


def _apply(func: Callable, *args: object, **kwargs: object) -> object:
    return func(*args, **kwargs)


GUARDS: dict[str, object] = {
    "__builtins__": SAFE_BUILTINS,
    "__name__": "workflow_script",
    "_getattr_": _guarded_getattr,
    "_getitem_": _guarded_getitem,
    "_getiter_": iter,
    "_write_": full_write_guard,
    "_inplacevar_": _inplacevar,
    "_apply_": _apply,
    "_iter_unpack_sequence_": limits.iter_unpack_sequence,
    "_unpack_sequence_": limits.unpack_sequence,
    "_binop_": limits.binop,
    "_formatted_": limits.formatted,
    "_unpacked_": limits.unpacked,
}


class SandboxEnvironment(BasePythonScriptEngineEnvironment):
    """Runs restricted code against task data; raises ScriptError with the bare problem."""

    def __init__(self, functions: Mapping[str, Callable], time_limit: float = 1.0):
        functions = dict(functions)
        functions.setdefault("today", clock_today)
        for name, func in functions.items():
            if not name.isidentifier() or name.startswith("_") or not callable(func):
                raise EngineError(f"script function {name!r} must be a public callable")
        super().__init__(functions)
        self.functions = functions
        self.time_limit = time_limit
        self.base = {**GUARDS, **functions}

    def _globals(self, context: dict, external: dict | None) -> dict:
        clash = self.functions.keys() & context.keys()
        if clash:
            raise ScriptError(f"workflow data variable(s) {sorted(clash)} shadow script functions")
        scope = dict(external) if external else {}
        scope.update(context)
        scope.update(self.base)  # guards and functions always win over data
        return scope

    def evaluate(self, expression: str, context: dict, external_context: dict | None = None):
        """Evaluate an expression (condition, timer, service parameter)."""
        code = compile_script(expression.strip(), "eval")
        return self._run(code, self._globals(context, external_context), eval)

    def execute(self, script: str, context: dict, external_context: dict | None = None) -> bool:
        """Run a script; its assignments are written back into `context` (the task data)."""
        code = compile_script(script, "exec")
        scope = self._globals(context, external_context)
        before = set(scope)
        self._run(code, scope, exec)
        outside = external_context.keys() - context.keys() if external_context else set()
        for name, value in scope.items():
            if name in outside:
                continue
            if name in self.base:
                if value is not self.base[name]:
                    raise ScriptError(f"the script assigns to the reserved name {name!r}")
            elif not callable(value) and not isinstance(value, ModuleType):
                context[name] = value
        for name in before - scope.keys():
            context.pop(name, None)
        return True

    def _run(self, code: CodeType, scope: dict, runner: Callable):
        # The limit is CPU time of this thread, not wall-clock time: a script that loops burns
        # CPU and is stopped, while a busy machine (other requests, a test run, a GIL shared with
        # other threads) never fails a short script that was merely waiting for a core.
        # Memory: guards refuse large values before they exist (limits.py); what they do not
        # see is caught by a look at the process's resident memory every few ms of CPU time.
        limits.start_run()
        baseline = limits.resident_bytes()
        deadline = time.thread_time() + self.time_limit
        next_check = [time.thread_time() + _MEMORY_CHECK_EVERY]

        def trace_line(frame, event, arg):
            now = time.thread_time()
            if now > deadline:
                # Memory first: a script that grew past the bound is stopped for that, whichever
                # of the two limits this machine's speed made it reach first.
                limits.check_growth(baseline)
                raise _ScriptTimeout
            if now > next_check[0]:
                next_check[0] = now + _MEMORY_CHECK_EVERY
                limits.check_growth(baseline)
            return trace_line

        def trace_call(frame, event, arg):
            # Only frames of script code (and comprehensions or functions it defines) are
            # line-traced, so whitelisted domain functions run at full speed.
            if frame.f_code.co_filename == SCRIPT_FILENAME:
                return trace_line(frame, event, arg)
            return None

        previous = sys.gettrace()
        sys.settrace(trace_call)
        try:
            return runner(code, scope)
        except _ScriptTimeout:
            raise ScriptError(f"time limit of {self.time_limit:g} s exceeded") from None
        except (limits.ScriptMemoryError, MemoryError) as exc:
            raise ScriptError(f"memory limit exceeded: {str(exc) or 'out of memory'}") from None
        except ScriptError:
            raise
        except RecursionError:
            raise ScriptError("recursion too deep") from None
        except Exception as exc:
            raise ScriptError(f"{type(exc).__name__}: {exc}") from exc
        finally:
            sys.settrace(previous)

    def call_service(self, context, **kwargs):
        """Service tasks are deferred; they never run inside the script engine."""
        raise EngineError("service tasks are deferred and never called from the script engine")


def describe_task(task) -> str:
    """Where a script runs, for error messages: element id, name and process."""
    spec = task.task_spec
    bpmn_id = getattr(spec, "bpmn_id", None) or spec.name
    name = getattr(spec, "bpmn_name", None)
    label = f"'{bpmn_id}'" + (f" ({name})" if name else "")
    return f"{type(spec).__name__} {label} in process '{task.workflow.spec.name}'"


class SandboxedScriptEngine(PythonScriptEngine):
    """Spiff script engine whose scripts and expressions run in the sandbox."""

    def __init__(self, functions: Mapping[str, Callable], time_limit: float = 1.0):
        super().__init__(environment=SandboxEnvironment(functions, time_limit))

    def validate(self, expression: str) -> None:
        """Compile an expression under the sandbox (raises ScriptError)."""
        compile_script(expression.strip(), "eval")

    def evaluate(self, task, expression, external_context=None):
        """Evaluate in the task's data; failures name the task."""
        try:
            return self.environment.evaluate(expression, task.data, external_context)
        except ScriptError as exc:
            raise ScriptError(f"{describe_task(task)}: expression {expression.strip()!r}: {exc}") from exc

    def execute(self, task, script, external_context=None):
        """Execute in the task's data; failures name the task."""
        try:
            return self.environment.execute(script, task.data, external_context)
        except ScriptError as exc:
            raise ScriptError(f"{describe_task(task)}: script failed: {exc}") from exc

    def call_service(self, task, **kwargs):
        """Never used: see specs.DeferredServiceTask."""
        raise EngineError(f"{describe_task(task)}: service tasks are deferred")
