"""PDF reader: the text layer of every page, with title and date from metadata."""

from __future__ import annotations

import re
from pathlib import Path

from pypdf import PdfReader
from pypdf.errors import FileNotDecryptedError, PdfReadError

from enlace.codebook import Document
from enlace.documents.errors import ReadError

# PDF dates look like D:20230504101500+02'00'; only the calendar day matters here.
_PDF_DATE = re.compile(r"^(?:D:)?(\d{4})(\d{2})(\d{2})")


def pdf_date(value: object) -> str | None:
    """Turn a PDF date string (D:YYYYMMDD...) into YYYY-MM-DD, or None."""
    if not isinstance(value, str):
        return None
    match = _PDF_DATE.match(value.strip())
    if not match:
        return None
    year, month, day = match.groups()
    if not (1 <= int(month) <= 12 and 1 <= int(day) <= 31):
        return None
    return f"{year}-{month}-{day}"


def read_pdf(path: Path) -> list[Document]:
    """Read a PDF as one document; encrypted or broken files raise ReadError."""
    try:
        reader = PdfReader(path)
        if reader.is_encrypted:
            try:
                unlocked = reader.decrypt("")  # many "protected" PDFs open with no password
            except Exception as error:  # missing crypto backend, unknown algorithm
                raise ReadError(str(path), f"PDF is encrypted ({error})") from error
            if not unlocked:
                raise ReadError(str(path), "PDF is encrypted with a password")
        pages = [page.extract_text() or "" for page in reader.pages]
        metadata = reader.metadata
    except ReadError:
        raise
    except FileNotDecryptedError as error:
        raise ReadError(str(path), "PDF is encrypted with a password") from error
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError) as error:
        raise ReadError(str(path), f"corrupt or unreadable PDF ({error})") from error
    except OSError as error:
        raise ReadError(str(path), f"cannot read file ({error.strerror or error})") from error
    title = None
    published = None
    if metadata is not None:
        title = (str(metadata.title).strip() if metadata.title else "") or None
        published = pdf_date(metadata.get("/CreationDate"))
    text = "\n\n".join(page.strip() for page in pages if page.strip())
    return [Document(doc_id=str(path), title=title, published=published, text=text)]
