"""Coded errors with a hint: the library raises only RasdError subclasses (design §6)."""


class RasdError(Exception):
    """Base error. ``code`` is stable (R###), ``hint`` says what to do."""

    code = "R000"
    hint = ""

    def __init__(self, message: str, hint: str | None = None, code: str | None = None):
        super().__init__(message)
        self.message = message
        if hint is not None:
            self.hint = hint
        if code is not None:
            self.code = code

    def to_json(self) -> dict:
        return {"error": {"code": self.code, "message": self.message, "hint": self.hint}}

    def __str__(self) -> str:
        return f"[{self.code}] {self.message}" + (f" — {self.hint}" if self.hint else "")


class InputError(RasdError):
    """The input cannot be read as a report."""

    code = "R100"
    hint = "Give a UTF-8 or Windows-1256 text/HTML file, or '-' for standard input."


class KnowledgeError(RasdError):
    """A knowledge file is malformed; the message names file and line."""

    code = "R200"
    hint = "Fix the named line, then run `rasd kb check`."


class DataMissingError(RasdError):
    """Installed data (gazetteer, name lists) is missing."""

    code = "R300"
    hint = "Run `rasd data install --from ../shared/data` (or `rasd data install` to download)."


class PipelineError(RasdError):
    """The pipeline was assembled wrongly (a stage's requirement is not met)."""

    code = "R400"


class StoreError(RasdError):
    code = "R500"
    hint = "Check the --db path, or delete a corrupt database file and ingest again."


class GoldError(RasdError):
    code = "R600"
    hint = "The gold file must be JSON lines in the format of spec/gold.md."


class BatchError(RasdError):
    """The batch runner cannot start or reach its cluster, or lacks its extra (``rasd[batch]``)."""

    code = "R900"
    hint = "Check the scheduler address and that every worker has rasd and its data installed."
