"""Document readers: turn files on disk into codebook ``Document`` objects.

One reader per file type, chosen by suffix; every failure is a ``ReadError`` so
that a batch run can report a bad file and carry on with the rest.
"""

from __future__ import annotations

import glob
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from enlace.codebook import Document
from enlace.documents.corpus import is_gold_file, read_corpus
from enlace.documents.docx import read_docx
from enlace.documents.errors import ReadError
from enlace.documents.html import read_html
from enlace.documents.language import detect_language
from enlace.documents.pdf import read_pdf
from enlace.documents.text import read_text

__all__ = [
    "SUPPORTED_SUFFIXES",
    "ReadError",
    "detect_language",
    "expand_paths",
    "iter_documents",
    "read_document",
]

_READERS: dict[str, Callable[[Path], list[Document]]] = {
    ".html": read_html,
    ".htm": read_html,
    ".pdf": read_pdf,
    ".docx": read_docx,
    ".txt": read_text,
    ".md": read_text,
    ".text": read_text,
    ".json": read_corpus,
    ".jsonl": read_corpus,
}
SUPPORTED_SUFFIXES = frozenset(_READERS)
_GLOB_CHARS = frozenset("*?[")


def read_document(path: str | Path) -> list[Document]:
    """Read one file into documents (several for corpus JSON), filling in language."""
    path = Path(path)
    if not path.exists():
        raise ReadError(str(path), "no such file")
    if path.is_dir():
        raise ReadError(str(path), "is a folder, not a file")
    reader = _READERS.get(path.suffix.lower())
    if reader is None:
        raise ReadError(str(path), f"unsupported file type {path.suffix or '(no suffix)'!r}")
    if path.stat().st_size == 0:
        raise ReadError(str(path), "no text found (empty file)")
    documents = reader(path)
    for document in documents:
        if not document.text.strip():
            raise ReadError(str(path), f"no text found in {document.doc_id}")
        if not document.language:
            document.language = detect_language(document.text)
    return documents


def _wanted(path: Path) -> bool:
    """A supported file that is not a gold annotation file."""
    suffix = path.suffix.lower()
    if not path.is_file() or suffix not in SUPPORTED_SUFFIXES:
        return False
    return not (suffix in {".json", ".jsonl"} and is_gold_file(path))


def _folder_files(folder: Path) -> list[Path]:
    """Supported files under a folder, recursively, skipping hidden ones and gold files."""
    found = []
    for candidate in sorted(folder.rglob("*")):
        relative = candidate.relative_to(folder)
        if any(part.startswith(".") for part in relative.parts):
            continue
        if _wanted(candidate):
            found.append(candidate)
    return found


def expand_paths(args: Iterable[str | Path]) -> list[Path]:
    """Turn command-line arguments (files, folders, glob patterns) into a file list.

    Folders are walked recursively for supported files, in sorted order, and gold
    annotation files found there are left out. Explicit files are kept as given,
    even missing ones, so the reader can report "no such file". Duplicates are dropped.
    """
    result: list[Path] = []
    seen: set[Path] = set()

    def add(path: Path) -> None:
        key = path.resolve() if path.exists() else path
        if key not in seen:
            seen.add(key)
            result.append(path)

    for arg in args:
        text = str(arg)
        path = Path(text)
        if path.is_dir():
            for found in _folder_files(path):
                add(found)
        elif not path.exists() and _GLOB_CHARS & set(text):
            for match in sorted(glob.glob(text, recursive=True)):
                matched = Path(match)
                if matched.is_dir():
                    for found in _folder_files(matched):
                        add(found)
                elif _wanted(matched):
                    add(matched)
        else:
            add(path)
    return result


def iter_documents(
    paths: Iterable[str | Path],
) -> Iterator[tuple[Path, list[Document] | ReadError]]:
    """Read each file, yielding its documents or its ReadError; one bad file never raises."""
    for path in paths:
        path = Path(path)
        try:
            yield path, read_document(path)
        except ReadError as error:
            yield path, error
        except Exception as error:  # a reader bug must not stop a batch run
            yield path, ReadError(str(path), f"unexpected error: {type(error).__name__}: {error}")
