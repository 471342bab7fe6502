"""Exceptions raised by the workflow engine adapter."""


class EngineError(Exception):
    """Base class of every error the adapter raises."""


class DefinitionError(EngineError):
    """An uploaded definition is invalid; `errors` lists each problem for a human."""

    def __init__(self, errors: list[str]):
        self.errors = list(errors)
        super().__init__("Invalid workflow definition:\n" + "\n".join(f"- {e}" for e in self.errors))


class ScriptError(EngineError):
    """A script, condition or expression failed, was refused by the sandbox or timed out."""


class TaskNotReady(EngineError):
    """The task id is unknown, or the task is not in the state the command needs."""
