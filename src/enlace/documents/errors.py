"""The one error every reader raises, so callers can report a bad file and go on."""

from __future__ import annotations

from enlace.errors import EnlaceError


class ReadError(EnlaceError):
    """A file could not be read as a document; ``reason`` says why in plain words."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = str(path)
        self.reason = reason

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"
