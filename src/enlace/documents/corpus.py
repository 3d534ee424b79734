"""Corpus JSON reader: documents already in enlace's interchange shape.

Accepts one object, a list of objects, or JSON Lines. Gold files (doc_id plus
events, no text) live in the same folders and are skipped, not reported.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from enlace.codebook import Document
from enlace.documents.errors import ReadError
from enlace.documents.text import decode_bytes


def is_gold_object(obj: Any) -> bool:
    """A gold annotation line: has events and no text."""
    return isinstance(obj, dict) and "events" in obj and "text" not in obj


def is_gold_file(path: Path) -> bool:
    """Whether a .json/.jsonl file holds gold annotations rather than documents."""
    if path.name.lower().startswith("gold") and path.suffix.lower() == ".jsonl":
        return True
    try:
        with path.open("rb") as handle:
            if path.suffix.lower() == ".jsonl":
                first = next((line for line in handle if line.strip()), b"")
                obj = json.loads(first) if first else None
            else:
                obj = json.loads(handle.read())
    except (OSError, ValueError):
        return False
    if isinstance(obj, list):
        obj = obj[0] if obj else None
    return is_gold_object(obj)


def _document(obj: Any, path: Path, where: str) -> Document:
    """Validate one object as a Document, naming the place of any problem."""
    if not isinstance(obj, dict):
        raise ReadError(str(path), f"{where}expected a JSON object, got {type(obj).__name__}")
    missing = [key for key in ("doc_id", "text") if key not in obj or obj[key] is None]
    if missing:
        raise ReadError(str(path), f"{where}missing {', '.join(missing)}")
    try:
        return Document.model_validate(obj)
    except ValidationError as error:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in item['loc']) or '(object)'}: {item['msg']}"
            for item in error.errors()[:3]
        )
        raise ReadError(str(path), f"{where}{problems}") from error


def _read_jsonl(path: Path, content: str) -> list[Document]:
    documents = []
    for number, line in enumerate(content.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as error:
            raise ReadError(str(path), f"line {number}: invalid JSON ({error.msg})") from error
        if is_gold_object(obj):
            continue
        documents.append(_document(obj, path, f"line {number}: "))
    return documents


def _read_json(path: Path, content: str) -> list[Document]:
    try:
        data = json.loads(content)
    except json.JSONDecodeError as error:
        raise ReadError(
            str(path), f"invalid JSON at line {error.lineno} column {error.colno} ({error.msg})"
        ) from error
    if isinstance(data, list):
        return [
            _document(obj, path, f"item {index}: ")
            for index, obj in enumerate(data)
            if not is_gold_object(obj)
        ]
    if is_gold_object(data):
        return []
    return [_document(data, path, "")]


def read_corpus(path: Path) -> list[Document]:
    """Read a corpus .json or .jsonl file; gold objects inside are ignored."""
    try:
        content = decode_bytes(path.read_bytes())
    except OSError as error:
        raise ReadError(str(path), f"cannot read file ({error.strerror or error})") from error
    if path.suffix.lower() == ".jsonl":
        return _read_jsonl(path, content)
    return _read_json(path, content)
