"""Memory bounds for workflow scripts, checked before anything large is allocated.

A script statement runs in C once it starts: `"a" * 1500000000` allocates 1.5 GB before the line
tracer sees the next line, and no time limit can stop it. So the sandbox routes every operation
that can make a value much larger than its inputs through a guard here, which computes the size
of the result first and refuses it (`ScriptMemoryError`) when it is over the limit:

- one value: at most `MAX_VALUE_BYTES` (a string of 8 million ASCII characters, a list of
  1 million items) and integers of at most `MAX_INT_BITS` bits;
- one run: the guarded results together at most `RUN_BUDGET_BYTES`, so a loop cannot stack up
  values that are each under the limit;
- what no guard sees (a comprehension building a long list of literals): the line tracer reads
  the process's resident memory every few milliseconds of script CPU time and stops the script
  once the process has grown by more than `RSS_GROWTH_BYTES` since the script started.

Guarded: `+ * % <<` (and `+= *= %=`, `list += iterator`), sequence repetition, `str()` and
f-strings of large data, `%`-format and f-string widths and precisions, `str.ljust/rjust/center/
zfill/expandtabs/replace/join/translate` (other `str` methods' results are charged),
`list.extend`, `dict.fromkeys/update`, `list()/tuple()/sorted()/dict()/min()/max()` of
iterators such as zip, `int.to_bytes`, `round` with huge `ndigits`, `sum` with a non-numeric
start, `*x` unpacking in displays, calls and starred targets, slices. `**` is refused at compile
time, `str.format` by RestrictedPython, and `range` is limited to 1000 items.
"""

from __future__ import annotations

import operator
import os
import re
import threading
from collections.abc import Callable, Iterable
from decimal import Decimal
from functools import partial
from typing import Any

from RestrictedPython.Guards import guarded_unpack_sequence

MAX_VALUE_BYTES = 8 * 1024 * 1024
MAX_INT_BITS = 100_000
RUN_BUDGET_BYTES = 64 * 1024 * 1024
RSS_GROWTH_BYTES = 256 * 1024 * 1024
MAX_FORMAT_WIDTH = 10_000
MAX_NDIGITS = 400
_POINTER = 8
_TEXT_NODES = 100_000  # a container with more items than this is too large to turn into text

_SEQUENCES = (str, bytes, list, tuple)
_STATM = "/proc/self/statm"
_PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096
# Widths and precisions in %-formats: "%(name)-10.3f", "%*d".
_PERCENT_SPEC = re.compile(r"%(?:\([^)]*\))?[-#0 +]*(\*|\d+)?(?:\.(\*|\d+))?")


class ScriptMemoryError(Exception):
    """A script operation would go over the memory bound; never caught by scripts (no try)."""


class _Run(threading.local):
    spent = 0


_RUN = _Run()


def start_run() -> None:
    """Reset this thread's budget before a script or expression runs."""
    _RUN.spent = 0


def resident_bytes() -> int | None:
    """The process's resident memory, or None where /proc is not available."""
    try:
        with open(_STATM, "rb") as f:
            return int(f.read().split()[1]) * _PAGE
    except (OSError, IndexError, ValueError):
        return None


def check_growth(baseline: int | None) -> None:
    """Stop the script when the process grew by more than RSS_GROWTH_BYTES since `baseline`."""
    now = resident_bytes()
    if baseline is not None and now is not None and now - baseline > RSS_GROWTH_BYTES:
        raise ScriptMemoryError(f"the process grew by {_mb(now - baseline)} while the script ran "
                                f"(limit {_mb(RSS_GROWTH_BYTES)})")


def _mb(size: float) -> str:
    return f"{size / 1024 / 1024:.0f} MB"


def charge(size: float, what: str) -> None:
    """Account for a value of about `size` bytes, refusing it if too large for one value or run."""
    if size > MAX_VALUE_BYTES:
        raise ScriptMemoryError(f"{what} would make a value of about {_mb(size)} "
                                f"(limit {_mb(MAX_VALUE_BYTES)})")
    _RUN.spent += int(size)
    if _RUN.spent > RUN_BUDGET_BYTES:
        raise ScriptMemoryError(f"the script allocated more than {_mb(RUN_BUDGET_BYTES)} in all")


def _width(obj: object) -> int:
    """Bytes per item of a sequence (a non-ASCII string may need four per character)."""
    if isinstance(obj, str):
        return 1 if obj.isascii() else 4
    return 1 if isinstance(obj, bytes) else _POINTER


def _count(obj: object) -> int:
    return obj if isinstance(obj, int) and not isinstance(obj, bool) else int(obj)  # type: ignore[call-overload]


def _check_bits(bits: int, what: str) -> None:
    if bits > MAX_INT_BITS:
        raise ScriptMemoryError(f"{what} would make an integer of {bits} bits (limit {MAX_INT_BITS})")


def binop_check(op: str, left: object, right: object) -> None:
    """Refuse `left op right` if its result would be too large."""
    if op == "+" and isinstance(left, _SEQUENCES) and type(left) is type(right):
        charge((len(left) + len(right)) * max(_width(left), _width(right)), "joining sequences")
    elif op == "*" and isinstance(left, int) and isinstance(right, int):
        _check_bits(left.bit_length() + right.bit_length(), "multiplication")
    elif op == "*" and isinstance(left, _SEQUENCES + (int,)) and isinstance(right, _SEQUENCES + (int,)):
        seq, times = (left, right) if isinstance(left, _SEQUENCES) else (right, left)
        if isinstance(seq, _SEQUENCES) and isinstance(times, int):
            charge(len(seq) * max(_count(times), 0) * _width(seq), "repeating a sequence")
    elif op == "<<" and isinstance(left, int) and isinstance(right, int) and right > 0:
        _check_bits(left.bit_length() + right, "a left shift")
    elif op == "%" and isinstance(left, str | bytes):
        _check_percent_format(left, right)


_BINOPS: dict[str, Callable[[Any, Any], Any]] = {
    "+": operator.add, "*": operator.mul, "%": operator.mod, "<<": operator.lshift,
}
INPLACE_GUARDED = {"+=": "+", "*=": "*", "%=": "%"}


def binop(op: str, left: Any, right: Any) -> Any:
    """`left op right` for the guarded operators (the policy rewrites them into this call)."""
    binop_check(op, left, right)
    return _BINOPS[op](left, right)


def _check_percent_format(template: str | bytes, args: object) -> None:
    text = template if isinstance(template, str) else template.decode("latin-1")
    for match in _PERCENT_SPEC.finditer(text):
        for number in match.groups():
            if number == "*":
                raise ScriptMemoryError("computed widths ('%*d') are not allowed in workflow scripts")
            if number and (len(number) > 9 or int(number) > MAX_FORMAT_WIDTH):
                raise ScriptMemoryError(f"a format width or precision over {MAX_FORMAT_WIDTH}")
    charge(text_size(args) + len(text), "formatting")


def check_format_spec(spec: str) -> str | None:
    """Why an f-string's constant format spec is refused (a width over the limit), or None."""
    for number in re.findall(r"\d+", spec):
        if len(number) > 9 or int(number) > MAX_FORMAT_WIDTH:
            return f"a format width or precision over {MAX_FORMAT_WIDTH}"
    return None


def text_size(value: object) -> int:
    """About how many bytes str(value) would take; refuses deep or huge containers."""
    total, stack, nodes = 0, [value], 0
    while stack:
        item = stack.pop()
        nodes += 1
        if nodes > _TEXT_NODES:
            raise ScriptMemoryError(f"a value with over {_TEXT_NODES} items is too large to turn into text")
        if isinstance(item, str | bytes):
            total += len(item) * _width(item) + 3
        elif isinstance(item, bool) or item is None:
            total += 5
        elif isinstance(item, int):
            total += item.bit_length() // 3 + 2
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
            total += 4 * len(item)
        elif isinstance(item, list | tuple | set | frozenset):
            stack.extend(item)
            total += 2 * len(item) + 2
        elif isinstance(item, Decimal):  # f"{d:f}" writes out every digit of the exponent
            _, digits, exponent = item.as_tuple()
            total += len(digits) + (abs(exponent) if isinstance(exponent, int) else 0) + 2
        else:
            total += 64
        if total > MAX_VALUE_BYTES:
            raise ScriptMemoryError(f"turning a value into text would take over {_mb(MAX_VALUE_BYTES)}")
    return total


def guarded_str(*args: Any, **kwargs: Any) -> str:
    """`str()` that refuses to turn huge data into text."""
    if args and not isinstance(args[0], str):
        charge(text_size(args[0]), "str()")
    return str(*args, **kwargs)


def formatted(value: Any) -> Any:
    """An f-string's value, refused if its text would be huge (the spec is checked at compile)."""
    small_number = isinstance(value, float) or isinstance(value, int) and value.bit_length() <= 64
    if not small_number:
        charge(text_size(value), "an f-string")
    return value


def guarded_sum(iterable: Iterable[Any], start: Any = 0) -> Any:
    """`sum` of numbers only: a list or tuple start would concatenate in quadratic time."""
    if isinstance(start, _SEQUENCES):
        raise TypeError("sum() adds numbers only in workflow scripts")
    return sum(iterable, start)


def guarded_round(number: Any, ndigits: int | None = None) -> Any:
    """`round`: a huge `ndigits` makes Python compute 10 ** ndigits."""
    if ndigits is not None and abs(_count(ndigits)) > MAX_NDIGITS:
        raise ScriptMemoryError(f"round() to more than {MAX_NDIGITS} digits")
    return round(number, ndigits)


def unpacked(value: Any) -> Any:
    """A `*value` in a display or a call's arguments: charged like the copy it makes (an
    iterator such as zip is read here item by item, not by C into one huge tuple)."""
    return materialize(value, "unpacking")


def inplace(op: str, target: Any, value: Any) -> tuple[Any, Any]:
    """Check `target op= value` (the operands, with an iterator on the right read by
    `materialize`, since `list += zip(...)` extends in C)."""
    if op == "+=" and isinstance(target, list):
        value = materialize(value, "+=")
        charge((len(target) + len(value)) * _POINTER, "+=")
    elif op in INPLACE_GUARDED:
        binop_check(INPLACE_GUARDED[op], target, value)
    return target, value


def unpack_sequence(it: Any, spec: dict[str, Any], getiter: Callable[..., Any]) -> Any:
    """RestrictedPython's `a, *b = it`, with `it` read by `materialize` first."""
    return guarded_unpack_sequence(materialize(it, "unpacking"), spec, getiter)


def iter_unpack_sequence(it: Any, spec: dict[str, Any], getiter: Callable[..., Any]) -> Any:
    """`for a, *b in it`: each item unpacked as by `unpack_sequence`."""
    for item in getiter(it):
        yield unpack_sequence(item, spec, getiter)


def sliced(obj: Any, key: slice) -> Any:
    """`obj[a:b]` copies up to len(obj) items."""
    result = obj[key]
    if isinstance(result, _SEQUENCES):
        charge(len(result) * _width(result), "a slice")
    return result


# --- methods that can make a value much larger than the object they are called on ----------------

def _padded(method: str, s: str, width: Any, *rest: Any) -> str:
    charge(max(len(s), _count(width)) * _width(s), f"str.{method}")
    return getattr(s, method)(width, *rest)  # type: ignore[no-any-return]


def _expandtabs(s: str, tabsize: Any = 8) -> str:
    charge((len(s) + s.count("\t") * max(_count(tabsize), 0)) * _width(s), "str.expandtabs")
    return s.expandtabs(tabsize)


def _replace(s: str, old: Any, new: Any, count: Any = -1) -> str:
    if isinstance(old, str) and isinstance(new, str) and len(new) > len(old):
        found = s.count(old) if old else len(s) + 1
        if _count(count) >= 0:
            found = min(found, _count(count))
        charge((len(s) + found * (len(new) - len(old))) * max(_width(s), _width(new)), "str.replace")
    return s.replace(old, new, count)


def materialize(iterable: Iterable[Any], what: str) -> Any:
    """`iterable` as something with a length: a sized value as it is (its copy is charged), an
    iterator (zip, enumerate, a generator) read into a list item by item, charging each item, so
    `list(zip(*[x] * 1000))` stops at the limit instead of building gigabytes in C."""
    if isinstance(iterable, _SEQUENCES + (dict, set, frozenset, range)):
        charge(len(iterable) * _POINTER, what)
        return iterable
    items: list[Any] = []
    size = 0
    for item in iterable:
        size += _POINTER + (len(item) * _POINTER if type(item) is tuple else 0)
        if size > MAX_VALUE_BYTES:
            charge(size, what)  # raises
        items.append(item)
    charge(size, what)
    return items


def _copying(func: Callable[..., Any], what: str) -> Callable[..., Any]:
    def guarded(iterable: Any = (), *args: Any, **kwargs: Any) -> Any:
        return func(materialize(iterable, what), *args, **kwargs)

    guarded.__name__ = func.__name__
    return guarded


def _reading(func: Callable[..., Any]) -> Callable[..., Any]:
    """min/max: one iterable argument is read by `materialize` (C would build each item)."""
    def guarded(*args: Any, **kwargs: Any) -> Any:
        if len(args) == 1:
            args = (materialize(args[0], f"{func.__name__}()"),)
        return func(*args, **kwargs)

    guarded.__name__ = func.__name__
    return guarded


def guarded_builtins(list_: Callable[..., Any]) -> dict[str, Callable[..., Any]]:
    """list, tuple, sorted and dict that charge what they copy (see `materialize`), min, max."""
    return {"list": _copying(list_, "list()"), "tuple": _copying(tuple, "tuple()"),
            "sorted": _copying(sorted, "sorted()"), "dict": _copying(dict, "dict()"),
            "min": _reading(min), "max": _reading(max)}


def _join(sep: str, iterable: Iterable[Any]) -> str:
    items = list(materialize(iterable, "str.join"))
    size = sum(len(i) * _width(i) for i in items if isinstance(i, str))
    charge(size + max(len(items) - 1, 0) * len(sep) * _width(sep), "str.join")
    return sep.join(items)


def _translate(s: str, table: Any) -> str:
    if not isinstance(table, dict):
        raise TypeError("str.translate takes a dict in workflow scripts")
    longest = max((len(v) for v in table.values() if isinstance(v, str)), default=1)
    charge(len(s) * max(longest, 1) * 4, "str.translate")
    return s.translate(table)


def _extend(items: list, other: Any) -> None:
    other = materialize(other, "list.extend")
    charge((len(items) + len(other)) * _POINTER, "list.extend")
    items.extend(other)


def _fromkeys(target: dict, keys: Any, *args: Any) -> dict:
    return target.fromkeys(materialize(keys, "dict.fromkeys"), *args)


def _update(target: dict, /, *args: Any, **kwargs: Any) -> None:
    target.update(*(materialize(a, "dict.update") for a in args), **kwargs)


def _to_bytes(number: int, length: Any = 1, *args: Any, **kwargs: Any) -> bytes:
    charge(_count(length), "int.to_bytes")
    return number.to_bytes(length, *args, **kwargs)


_METHODS: dict[tuple[type, str], Callable[..., Any]] = {
    **{(str, name): partial(_padded, name) for name in ("ljust", "rjust", "center", "zfill")},
    (str, "expandtabs"): _expandtabs, (str, "replace"): _replace, (str, "join"): _join,
    (str, "translate"): _translate, (list, "extend"): _extend, (int, "to_bytes"): _to_bytes,
    (dict, "fromkeys"): _fromkeys, (dict, "update"): _update,
}


def _charged(method: Callable[..., Any], name: str, *args: Any, **kwargs: Any) -> Any:
    """A str method whose result (at most a few times the string: upper, encode, split) is
    charged to the run, so a loop of them meets the budget."""
    result = method(*args, **kwargs)
    if isinstance(result, _SEQUENCES) and result is not getattr(method, "__self__", None):
        charge(len(result) * _width(result), f"str.{name}")
    return result


def guarded_method(obj: object, name: str, found: Any) -> Any:
    """What `obj.name` gives a script: the guarded version of a method that can grow a value,
    a charged str method, or `found` itself."""
    guard = _METHODS.get((type(obj), name))
    if guard is not None:
        return partial(guard, obj)
    if type(obj) is str and callable(found):
        return partial(_charged, found, name)
    return found
