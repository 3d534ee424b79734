"""Word (.docx) reader: paragraph text plus title and creation date from core properties."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
from docx.opc.exceptions import PackageNotFoundError

from enlace.codebook import Document
from enlace.documents.errors import ReadError


def read_docx(path: Path) -> list[Document]:
    """Read a .docx as one document; table cells are kept since reports put facts there."""
    try:
        document = docx.Document(str(path))
    except PackageNotFoundError as error:
        raise ReadError(str(path), "corrupt or unreadable DOCX (not a Word package)") from error
    except (zipfile.BadZipFile, KeyError, ValueError) as error:
        raise ReadError(str(path), f"corrupt or unreadable DOCX ({error})") from error
    except OSError as error:
        raise ReadError(str(path), f"cannot read file ({error.strerror or error})") from error
    parts = [p.text.strip() for p in document.paragraphs if p.text.strip()]
    for table in document.tables:
        for row in table.rows:
            cells = [cell.text.strip() for cell in row.cells if cell.text.strip()]
            if cells:
                parts.append(" | ".join(dict.fromkeys(cells)))  # merged cells repeat
    props = document.core_properties
    created = props.created
    return [
        Document(
            doc_id=str(path),
            title=(props.title or "").strip() or None,
            published=created.strftime("%Y-%m-%d") if created else None,
            text="\n\n".join(parts),
        )
    ]
