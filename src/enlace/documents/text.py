"""Plain-text readers (.txt, .md): the simplest input a researcher pastes in."""

from __future__ import annotations

from pathlib import Path

from enlace.codebook import Document
from enlace.documents.errors import ReadError

# utf-8-sig first strips a BOM; cp1252 covers Windows exports; latin-1 never fails.
_ENCODINGS = ("utf-8-sig", "cp1252", "latin-1")


def decode_bytes(data: bytes) -> str:
    """Decode bytes trying utf-8 (with or without BOM), then cp1252, then latin-1."""
    for encoding in _ENCODINGS:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1", errors="replace")  # unreachable: latin-1 decodes anything


def first_line(text: str, limit: int = 300) -> str | None:
    """The first non-empty line, stripped of Markdown heading marks, as a title."""
    for line in text.splitlines():
        line = line.strip().lstrip("#").strip()
        if line:
            return line[:limit]
    return None


def read_text(path: Path) -> list[Document]:
    """Read a .txt/.md file as one document titled by its first non-empty line."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ReadError(str(path), f"cannot read file ({error.strerror or error})") from error
    text = decode_bytes(data).replace("\r\n", "\n").replace("\r", "\n")
    return [Document(doc_id=str(path), title=first_line(text), text=text)]
