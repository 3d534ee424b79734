"""HTML reader: the main article text and its metadata, via trafilatura.

Recall is favoured because a missed paragraph can hide an event, while a stray
menu line rarely creates one.
"""

from __future__ import annotations

import re
from pathlib import Path

import trafilatura
from lxml import html as lxml_html

from enlace.codebook import Document, check_partial_date
from enlace.documents.errors import ReadError
from enlace.documents.text import decode_bytes

_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?")


def _page_url(markup: str) -> str | None:
    """The canonical link or og:url, when the page declares one."""
    try:
        tree = lxml_html.fromstring(markup)
    except (ValueError, lxml_html.etree.ParserError):
        return None
    for xpath in (
        "//link[translate(@rel,'CANONICAL','canonical')='canonical']/@href",
        "//meta[@property='og:url']/@content",
    ):
        values = [v.strip() for v in tree.xpath(xpath) if v and v.strip()]
        if values:
            return values[0]
    return None


def _date(value: str | None) -> str | None:
    """Keep a date only if it is a valid (partial) ISO date."""
    if not value:
        return None
    match = _DATE.match(value.strip())
    if not match:
        return None
    try:
        return check_partial_date(match.group(0))
    except ValueError:
        return None


def _fallback_text(markup: str) -> str:
    """All visible text, for pages trafilatura judges to have no main content."""
    return trafilatura.html2txt(markup) or ""


def read_html(path: Path) -> list[Document]:
    """Read an HTML file as one document (doc_id is the path)."""
    try:
        markup = decode_bytes(path.read_bytes())
    except OSError as error:
        raise ReadError(str(path), f"cannot read file ({error.strerror or error})") from error
    if not markup.strip():
        return [Document(doc_id=str(path), text="")]
    try:
        result = trafilatura.bare_extraction(
            markup, favor_recall=True, with_metadata=True, include_comments=False
        )
    except Exception as error:  # trafilatura raises assorted parser errors on junk
        raise ReadError(str(path), f"cannot parse HTML ({error})") from error
    meta = result.as_dict() if result is not None and hasattr(result, "as_dict") else result or {}
    text = (meta.get("text") or "").strip() or _fallback_text(markup).strip()
    return [
        Document(
            doc_id=str(path),
            url=_page_url(markup) or meta.get("url"),
            title=(meta.get("title") or "").strip() or None,
            published=_date(meta.get("date")),
            source=meta.get("sitename") or None,
            text=text,
        )
    ]
