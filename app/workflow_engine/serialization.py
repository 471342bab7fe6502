"""Byte formats: the spec blob (once per definition) and the instance state (per instance).

State is the serializer's workflow dictionary WITHOUT `spec` and `subprocess_specs` (but with the
name of its top-level process), as compact JSON, zlib-compressed.  The specs are put back on load
from the per-definition cache.
"""

import json
import zlib

from .errors import EngineError
from .specs import REGISTRY, SERIALIZER_VERSION

_SPEC_FORMAT = "pomoc-spec/1"
_VERSION_KEY = "v"


def _dumps(obj: object) -> bytes:
    try:
        text = json.dumps(obj, separators=(",", ":"), ensure_ascii=False, allow_nan=False)
    except (TypeError, ValueError) as exc:
        raise EngineError(f"workflow data must be JSON-safe primitives: {exc}") from exc
    return zlib.compress(text.encode("utf-8"), 6)


def _loads(blob: bytes, what: str) -> dict:
    try:
        return json.loads(zlib.decompress(blob))
    except (zlib.error, ValueError) as exc:
        raise EngineError(f"corrupt {what}: {exc}") from exc


def encode_specs(spec, subprocess_specs: dict) -> bytes:
    """Serialize the main spec and every other process spec (called or top-level) into one blob."""
    return _dumps(
        {
            "format": _SPEC_FORMAT,
            _VERSION_KEY: SERIALIZER_VERSION,
            "spec": REGISTRY.convert(spec),
            "subprocess_specs": {name: REGISTRY.convert(s) for name, s in subprocess_specs.items()},
        }
    )


def decode_specs(blob: bytes):
    """Restore (spec, subprocess_specs) from a blob made by `encode_specs`."""
    dct = _loads(blob, "spec blob")
    if dct.get("format") != _SPEC_FORMAT or dct.get(_VERSION_KEY) != SERIALIZER_VERSION:
        raise EngineError(
            f"spec blob format {dct.get('format')}/{dct.get(_VERSION_KEY)} is not "
            f"{_SPEC_FORMAT}/{SERIALIZER_VERSION}; recompile the definition"
        )
    spec = REGISTRY.restore(dct["spec"])
    subprocess_specs = {name: REGISTRY.restore(s) for name, s in dct["subprocess_specs"].items()}
    return spec, subprocess_specs


def encode_state(workflow) -> bytes:
    """Serialize a workflow instance without its specs."""
    dct = REGISTRY.convert(workflow)
    dct[_VERSION_KEY] = SERIALIZER_VERSION
    return _dumps(dct)


def decode_state(state: bytes, spec, subprocess_specs: dict, script_engine):
    """Restore a workflow instance from `encode_state` output, re-attaching the specs.

    `spec` is the definition's main process; a state of another top-level process of the
    definition (it names its process) gets that process's spec from `subprocess_specs`.
    A state without a process name (written before chaining existed) is the main process.
    """
    dct = _loads(state, "workflow state")
    version = dct.pop(_VERSION_KEY, None)
    if version != SERIALIZER_VERSION:
        # Migrations are explicit (see DESIGN.md: the 1.4->1.5 migration is broken for subprocesses).
        raise EngineError(f"state has serializer version {version}, engine has {SERIALIZER_VERSION}")
    process = dct.get("process")
    if process is not None and process != spec.name:
        if process not in subprocess_specs:
            raise EngineError(f"state is of process '{process}', which this definition does not have")
        spec = subprocess_specs[process]
    return REGISTRY.restore(
        dct, spec=spec, subprocess_specs=subprocess_specs, script_engine=script_engine
    )
